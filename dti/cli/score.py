"""dti score: a year's submission, scored and ranked."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    BomOption,
    ColumnsOption,
    DecimalOption,
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
        str | None,
        typer.Option(
            "--by", help="Node code to rank and sort by (default: the total); json and csv sort by it too."
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            help="One unit's full breakdown (code or name): points, max, value, rank, lost, at stake, "
            "self-assessed, verified change per node; in any format.",
        ),
    ] = None,
    show: Annotated[
        Show | None,
        typer.Option(
            "--show",
            help="Nodes shown: main (pillars and main indices; the table's default), pillars, or components "
            "(a row per unit and component). json and csv hold every node unless --show is given.",
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="An earlier year's file: adds value change (%) and rank change (places, + = up); "
            "with --unit, per node.",
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    decimal: DecimalOption = None,
    bom: BomOption = None,
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
    if unit is not None and show is not None:
        common.refuse("--unit shows every node of one unit: leave out --show")
    if unit is not None and by is not None:
        common.refuse("--unit shows every node's rank: leave out --by")
    if show is Show.components and previous is not None:
        common.refuse("--show components has no changes: use --unit U --previous FILE for one unit's")
    common.check_format(fmt.value, output, bom)  # before the files are read
    from dti import views
    from dti.engine.lookup import find_unit, node_code
    from dti.engine.scoring import changes
    from dti.views import score as score_views
    from dti.write import text

    run = common.evaluate(files, spec_ref, units, layout, sheet, year, max_issues=50, columns=columns)
    shown = " ".join(map(str, files))
    for note in run.notes:
        text.note(note, lang.code)
    result = common.scored(run, shown, lang.code)
    explicit_by = by is not None
    by = node_code(run.spec, by)
    before = None
    if previous is not None:
        before = common.scored(
            common.evaluate([previous], spec_ref, units, layout, sheet, None, 50, columns=columns),
            previous,
            lang.code,
        )
    mark = common.decimal_mark(lang, decimal)
    if unit is not None:
        code = find_unit([dict(zip(result.unit_codes, result.unit_names, strict=True))], unit)
        common.emit(
            fmt,
            output,
            files,
            table=lambda: score_views.unit_breakdown(result, code, lang.code, before),
            json=lambda: score_views.breakdown_data(result, code, before),
            csv=lambda: score_views.breakdown_frame(result, code, before),
            decimal=mark,
            bom=bom,
            lang=lang.code,
        )
        return
    if show is Show.components:
        if not score_views.components(run.spec):
            common.refuse(f"{run.spec.id} has no components below its main indices")
        common.emit(
            fmt,
            output,
            files,
            table=lambda: score_views.components_table(result, by, lang.code),
            json=lambda: score_views.components_data(result, by),
            csv=lambda: score_views.components_frame(result, by),
            decimal=mark,
            bom=bom,
            lang=lang.code,
        )
        return
    delta = None if before is None else changes(before, result, by)
    codes = views.score_columns(run.spec, (show or Show.main).value)
    picked = None if show is None else codes
    order = score_views.rank_order(result, by) if explicit_by else None
    common.emit(
        fmt,
        output,
        files,
        table=lambda: views.score_table(result, codes, by, delta, lang.code),
        json=lambda: views.score_data(result, delta, by, picked, order),
        csv=lambda: views.score_frame(result, delta, by, picked, order),
        decimal=mark,
        bom=bom,
        lang=lang.code,
    )
