"""Options shared by the commands, with the choices they accept."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import typer

from dti.cli.exits import worded
from dti.io.headers import alias_help
from dti.words import note

E = TypeVar("E", bound=StrEnum)

# The files a table is read from (dti/io/files.py), said once for every --help
TABLE_FILES = "CSV, XLSX, XLS, ODS or a Word document's table (.docx)"
TABLE_OR_YAML = "CSV, XLSX, XLS, ODS, a Word document's table (.docx) or YAML"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class IssueFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    github = "github"
    junit = "junit"
    sarif = "sarif"
    markdown = "markdown"


class DecimalMark(StrEnum):
    comma = "comma"
    dot = "dot"


class Layout(StrEnum):
    long = "long"
    wide = "wide"


class Count(StrEnum):
    group = "group"
    responsible = "responsible"


class TaskCount(StrEnum):  # tasks are counted per lead unit only: no 'group'
    responsible = "responsible"


class Lang(StrEnum):
    vi = "vi"
    en = "en"

    @property
    def code(self) -> Literal["vi", "en"]:
        return "en" if self is Lang.en else "vi"


SpecOption = Annotated[
    str | None,
    typer.Option("--spec", help="Bundled spec id (see `dti spec list`) or path to a spec YAML file."),
]
UnitsOption = Annotated[
    Path | None,
    typer.Option(
        "--units",
        help="Unit register CSV (code,name[,region]) instead of the bundled 63 provinces: "
        "how a province scores its districts or communes.",
    ),
]
SheetOption = Annotated[str | None, typer.Option("--sheet", help="One Excel sheet to read (default: all).")]
LayoutOption = Annotated[
    Layout | None,
    typer.Option(
        "--layout",
        help="long (unit,indicator,value) or wide (unit + one column per code); detected when omitted.",
    ),
]
# every --year and --years, as dti.tracking.dates.YEARS (not imported: --help stays light): a year
# outside is a typo, not data, and 0 is refused, never "no year"
YEARS = (1900, 2100)
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        min=YEARS[0],
        max=YEARS[1],
        help=f"Data year ({YEARS[0]}-{YEARS[1]}) of files that do not say it in a year column, a title row "
        "or their name; a file that states another year is refused.",
    ),
]
CalendarYearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        min=YEARS[0],
        max=YEARS[1],
        help=f"The year of the deadlines ({YEARS[0]}-{YEARS[1]}; default: --today's).",
    ),
]
MAX_DRAWS = 1_000_000  # as dti.analysis.robustness.MAX_DRAWS (not imported: numpy stays out of --help)
DrawsOption = Annotated[
    int,
    typer.Option(
        "--draws",
        min=0,
        max=MAX_DRAWS,
        metavar="N",
        help="Monte Carlo draws of the rank robustness (and Sobol base rows), up to 1,000,000: robust needs "
        "at least 1; report leaves the robustness section out with 0.",
    ),
]
SeedOption = Annotated[
    int,
    typer.Option(
        "--seed", min=0, metavar="S", help="Seed of the draws (0 or more): the same seed, the same output."
    ),
]
HEADERS_EPILOG = (
    "Headers are matched without case, diacritics or punctuation; a node column is named by its code, "
    "its number or its name. Accepted headers:\n\n" + alias_help()
)
ColumnsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--columns",
        metavar="'HEADER=MEANING'",
        help="Say what a column means when the guess is wrong (repeatable): 'Điểm DTI=DTI', "
        "'Địa bàn=unit', 'Ghi chú 2=skip'. MEANING is a node code or unit, name, indicator, value, "
        "rank, stage, note, year, region, skip, measure. `dti spec show` lists the codes.",
    ),
]
MACHINE = (
    "json and csv are for programs: full-precision numbers with a decimal dot and English keys, whatever "
    "--lang or --decimal"
)
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        help=f"table, json, csv or xlsx (a workbook of the table, to -o FILE.xlsx); default: as the "
        f"extension of -o says, else table ({MACHINE}).",
    ),
]
IssueFormatOption = Annotated[
    IssueFormat,
    typer.Option(
        "--format",
        help="table, json, csv, xlsx (a workbook of the table, to -o FILE.xlsx), github (Actions "
        "annotations), junit (JUnit XML for GitLab, Jenkins, Azure), sarif (SARIF 2.1.0 for GitHub code "
        "scanning) or markdown (a summary for a job or a merge request); default: as the extension of -o "
        "says (.xml junit, .sarif sarif, .md markdown), else table. json, csv and github messages are in "
        "English whatever --lang; junit, sarif and markdown follow --lang.",
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", help="Labels, notes and number style of the table: vi (0,8436) or en (0.8436)."),
]
DecimalOption = Annotated[
    DecimalMark | None,
    typer.Option(
        "--decimal",
        help="Decimal mark of the table: comma (0,8436) or dot (0.8436); default: comma with --lang vi, "
        "dot with --lang en. json and csv always use a dot.",
    ),
]
BomOption = Annotated[
    bool | None,
    typer.Option(
        "--bom/--no-bom",
        help="CSV only: begin with a UTF-8 byte-order mark, so that Excel reads Vietnamese names "
        "right. Default: a BOM when -o ends in .csv, none on stdout.",
    ),
]
# -o FILE's format by its extension; a document format no command writes this way (a page, a Word or
# OpenDocument file, an old workbook) is named too, so that it is refused rather than filled with a table.
EXTENSIONS = {".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".ics": "ics"} | {
    ext: ext[1:] for ext in (".html", ".htm", ".pdf", ".docx", ".doc", ".odt", ".ods", ".xls")
}
# Extensions of the reports CI systems read, implied only for a command that writes them (dti validate):
# for the others `-o notes.md` stays a table as text, as before.
CI_EXTENSIONS = {".xml": "junit", ".sarif": "sarif", ".md": "markdown"}


def output_path(text: str | Path) -> Path:
    """-o FILE as given: a path ending in '/' names a folder, which Path() would silently drop."""
    if isinstance(text, str) and text.endswith(("/", os.sep)):
        raise typer.BadParameter(worded(note("cli.output-slash", path=text)))
    return Path(text)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        parser=output_path,
        help="Write the output here (atomically; never over an input) instead of stdout. Without --format "
        "the extension chooses the format: .csv csv, .json json, .xlsx xlsx (.ics ics, .xml junit, "
        ".sarif sarif, .md markdown where the command writes it), any other a table as text; with "
        "--format, an extension of another format is refused.",
    ),
]

UnitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--unit",
        metavar="UNIT",
        help="A unit, by code or name (repeatable where a command shows several): its breakdown, or the "
        "unit the output is about.",
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", metavar="CODE", help="Node code to rank and sort by (default: the total)."),
]
CountByOption = Annotated[
    Count | None,
    typer.Option(
        "--by",
        help="Count per 'group' or per 'responsible' unit too; with json the counts are added as "
        '"counts", with csv they are the table written.',
    ),
]
TaskCountOption = Annotated[
    TaskCount | None,
    typer.Option(
        "--by", help="Count per 'responsible' (lead) unit too; with json the counts are added as \"counts\"."
    ),
]
PreviousOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--previous",
        metavar="FILE",
        help="An earlier year's file (one per year): changes in value and rank since then.",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="The day to judge deadlines by (25/11/2026 or 2026-11-25; default today).",
    ),
]
OwnersOption = Annotated[
    Path | None,
    typer.Option(
        "--owners",
        metavar="FILE",
        help=f"Who leads each index: {TABLE_OR_YAML} with an index column (Mã chỉ số, Chỉ số or STT) and "
        "Đơn vị chủ trì [, Đơn vị phối hợp]; a main index covers its components unless a component row "
        "says otherwise.",
    ),
]
ReceivedOption = Annotated[
    Path | None,
    typer.Option(
        "--received",
        metavar="FILE",
        help=f"Received log ({TABLE_FILES}): owner, period, date received, components (or 'all'), evidence, "
        "note.",
    ),
]


AsUnitOption = Annotated[
    str | None,
    typer.Option(
        "--as-unit",
        metavar="UNIT",
        help="The unit (code or name, e.g. 58 or 'Ninh Thuận') of files without a unit column, such as a "
        "department's file of one province; without it, the unit a title row names ('UBND TỈNH NINH "
        "THUẬN'). Files with a unit column are read as they are.",
    ),
]


@dataclass(frozen=True)
class Inputs:
    """How the submission files are read: --spec --units --layout --sheet --year --columns --as-unit."""

    spec: SpecOption = None
    units: UnitsOption = None
    layout: LayoutOption = None
    sheet: SheetOption = None
    year: YearOption = None
    columns: ColumnsOption = None
    as_unit: AsUnitOption = None


@dataclass(frozen=True)
class Writer:
    """Where and how a table is written: -o, --lang, --decimal, --bom."""

    output: OutputOption = None
    lang: LangOption = Lang.vi
    decimal: DecimalOption = None
    bom: BomOption = None

    @property
    def code(self) -> Literal["vi", "en"]:
        return self.lang.code


INPUTS, WRITER = Inputs(), Writer()  # the defaults of a command's bundles
BUNDLES = (Inputs, Writer)


def output_format(fmt: E, output: Path, *, given: bool) -> E:
    """The format of -o FILE: its extension's (.csv, .json, .xlsx, .ics) unless --format is `given`, which an
    extension of another format contradicts; any other extension leaves --format (by default a table)."""
    offered = [str(choice.value) for choice in type(fmt)]
    suffix = output.suffix.lower()
    implied = EXTENSIONS.get(suffix) or (CI_EXTENSIONS.get(suffix) if "junit" in offered else None)
    if implied is None or implied == fmt.value:
        return fmt
    if given:
        why = note("cli.format-extension", format=fmt.value, file=output.name, implied=implied)
        raise typer.BadParameter(worded(why), param_hint="--format")
    if implied not in offered:  # a name for what the command writes: --format would contradict this one
        named = {**{fmt: ext for ext, fmt in (EXTENSIONS | CI_EXTENSIONS).items()}, "table": ".txt"}
        names = ", ".join(output.stem + named[f] for f in offered if f in named)
        why = note(
            "cli.extension-unavailable",
            file=output.name,
            implied=implied,
            formats=", ".join(offered),
            names=names,
        )
        raise typer.BadParameter(worded(why), param_hint="--output")
    return type(fmt)(implied)
