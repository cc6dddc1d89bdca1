"""Options shared by the commands, with the choices they accept."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_type_hints

import typer

from dti.cli.exits import READ, worded
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
    if implied not in offered:
        why = note("cli.extension-unavailable", file=output.name, implied=implied, formats=", ".join(offered))
        raise typer.BadParameter(worded(why), param_hint="--output")
    return type(fmt)(implied)


SPEC_NAMES = ("spec", "spec_ref")  # options naming a bundled spec id or a spec file


def read_paths(values: dict[str, Any]) -> tuple[Path, ...]:
    """Every path a command's parameters name, but -o: its FILE arguments, --previous, --units, --owners,
    --received, --rules, --targets, --tasks, --against…, and --spec (or `spec show`'s ID|PATH) when it
    names a file rather than a bundled spec."""
    found: list[Path] = []
    for name, value in values.items():
        if name == "output":
            continue
        for each in value if isinstance(value, list | tuple) else [value]:
            if isinstance(each, Path):
                found.append(each)
            elif isinstance(each, str) and name in SPEC_NAMES and Path(each).exists():
                found.append(Path(each))
    return tuple(found)


def bundled(func: Callable[..., Any]) -> Callable[..., Any]:
    """Spread a parameter typed Inputs or Writer into its options for Typer, and gather them back; choose
    the format of -o FILE (`fmt`) as `output_format` says.

    The options are declared once (the dataclass fields); each command takes the bundle as one argument.
    """
    hints = get_type_hints(func, include_extras=True)
    signature = inspect.signature(func)
    spread: dict[str, tuple[str, type]] = {}  # option parameter -> (bundle parameter, bundle)
    params = [inspect.Parameter("context", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)]
    for param in signature.parameters.values():
        bundle = hints.get(param.name)
        if bundle not in BUNDLES:
            params.append(
                param.replace(
                    kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints.get(param.name, param.annotation)
                )
            )
            continue
        assert isinstance(bundle, type)
        fields = get_type_hints(bundle, include_extras=True)
        for item in dataclasses.fields(bundle):
            spread[item.name] = (param.name, bundle)
            params.append(
                inspect.Parameter(
                    item.name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=item.default,
                    annotation=fields[item.name],
                )
            )

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        context: typer.Context = kwargs.pop("context")
        READ.set(read_paths(kwargs))
        fmt, output = kwargs.get("fmt"), kwargs.get("output")
        if isinstance(fmt, StrEnum) and isinstance(output, Path):
            given = context.get_parameter_source("fmt")
            kwargs["fmt"] = output_format(fmt, output, given=given is not None and given.name != "DEFAULT")
        groups: dict[str, dict[str, Any]] = {}
        for name, (target, _) in spread.items():
            groups.setdefault(target, {})[name] = kwargs.pop(name)
        for target, values in groups.items():
            bundle = next(b for n, (t, b) in spread.items() if t == target)
            kwargs[target] = bundle(**values)
        return func(**kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper
