"""Options shared by the commands, with the choices they accept."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from dti.io.headers import alias_help


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


class DecimalMark(StrEnum):
    comma = "comma"
    dot = "dot"


class Layout(StrEnum):
    long = "long"
    wide = "wide"


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
SheetOption = Annotated[str | None, typer.Option("--sheet", help="Excel sheet to read (default: the first).")]
LayoutOption = Annotated[
    Layout | None,
    typer.Option(
        "--layout",
        help="long (unit,indicator,value) or wide (unit + one column per code); detected when omitted.",
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", help="Data year, if not in a year column or the file name.")
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
        "rank, stage, note, year, region, skip. `dti spec show` lists the codes.",
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
        help=f"table, json, csv or xlsx (a workbook of the table: -o FILE.xlsx) ({MACHINE}).",
    ),
]
IssueFormatOption = Annotated[
    IssueFormat,
    typer.Option(
        "--format",
        help="table, json, csv, xlsx (a workbook of the table: -o FILE.xlsx) or github (Actions "
        "annotations); json, csv and github messages are in English whatever --lang.",
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
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the output here (atomically; never over an input) instead of stdout.",
    ),
]
