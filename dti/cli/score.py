"""dti score: a year's submission, scored and ranked."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    ColumnsOption,
    Format,
    FormatOption,
    Lang,
    LangOption,
    LayoutOption,
    OutputOption,
    SheetOption,
    SpecOption,
    UnitsOption,
    YearOption,
)


class Show(StrEnum):
    main = "main"
    pillars = "pillars"
    components = "components"


@common.command(epilog=HEADERS_EPILOG)
def score(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="A year's submission: CSV or XLSX files (or folders of them, e.g. one file per "
            "department), long or wide, scored as one.",
        ),
    ],
    spec_ref: SpecOption = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Node code to rank and sort by (default: the total).")
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Show one unit's full breakdown (code or name).")
    ] = None,
    show: Annotated[
        Show, typer.Option("--show", help="Columns: main (pillars and main indices), pillars, or components.")
    ] = Show.main,
    fmt: FormatOption = Format.table,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="An earlier year's file: adds value change (%) and rank change (places, + = up).",
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    columns: ColumnsOption = None,
) -> None:
    """Validate a submission, compute points, main-index, pillar and DTI values, and rank the units.

    The spec follows the data year (2020: dti-province-2020; 2021-2023: dti-province-2022) unless --spec
    is given. Invalid data stops scoring: the issues are printed and the exit code is 1.

    Examples: dti score sample_data/2024.csv;  dti score sample_data/2024.csv --unit 48;
    dti score sample_data/2024.csv --previous sample_data/2023.csv --format json -o scores.json
    """
    common.check_output(output, files)
    from dti import views
    from dti.lookup import find_unit, node_code
    from dti.scoring import changes
    from dti.write import text

    run = common.evaluate(files, spec_ref, units, layout, sheet, year, max_issues=50, columns=columns)
    shown = " ".join(map(str, files))
    for note in run.notes:
        text.note(note)
    result = common.scored(run, shown, lang.code)
    by = node_code(run.spec, by)
    delta = None
    if previous is not None:
        before = common.scored(
            common.evaluate([previous], spec_ref, units, layout, sheet, None, 50, columns=columns),
            previous,
            lang.code,
        )
        delta = changes(before, result, by)
    if unit is not None and fmt is Format.table:
        code = find_unit([dict(zip(result.unit_codes, result.unit_names, strict=True))], unit)
        table = lambda: views.unit_breakdown(result, code, lang.code)  # noqa: E731
    else:
        codes = views.score_columns(run.spec, show.value)
        table = lambda: views.score_table(result, codes, by, delta, lang.code)  # noqa: E731
    common.emit(
        fmt,
        output,
        files,
        table=table,
        json=lambda: views.score_data(result, delta, by),
        csv=lambda: views.score_frame(result, delta, by),
    )
