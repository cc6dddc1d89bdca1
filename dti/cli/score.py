"""dti score: a year's submission, scored and ranked."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    INPUTS,
    TABLE_FILES,
    WRITER,
    ByOption,
    Format,
    FormatOption,
    Inputs,
    PreviousOption,
    UnitOption,
    Writer,
)

if TYPE_CHECKING:
    from dti.analysis.ranking import YearTable
    from dti.pipeline import Run


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
            help=f"A year's submission: {TABLE_FILES} files (or folders of them, e.g. one file per "
            "department), long or wide, scored as one.",
        ),
    ],
    by: ByOption = None,
    unit: UnitOption = None,
    show: Annotated[
        Show | None,
        typer.Option(
            "--show",
            help="Nodes shown: main (pillars and main indices; the table's default), pillars, or components "
            "(a row per unit and component). json and csv hold every node unless --show is given.",
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    previous: PreviousOption = None,
    inputs: Inputs = INPUTS,
    writer: Writer = WRITER,
) -> None:
    """Validate a submission, compute points, main-index, pillar and DTI values, and rank the units.

    The spec follows the data year unless --spec is given; invalid data stops scoring (exit 1). --unit:
    one unit's breakdown (points, max, value, rank, lost, at stake, self-assessed, verified change per
    node); --previous adds value change (%) and rank change (places, + = up), per node with --unit.

    Examples: dti score sample_data/2024.csv;  dti score sample_data/2024.csv --unit 48;
    dti score sample_data/2024.csv --previous sample_data/2023.csv --format json -o scores.json
    """
    common.check_output(writer.output, files)  # and --format, before the files are read
    common.check_format(fmt.value, writer.output, writer.bom)
    one, earlier = common.one(unit, "--unit"), common.one(previous, "--previous")
    for name, given, why in (("--show", show, "cli.unit-every-node"), ("--by", by, "cli.unit-every-rank")):
        if one is not None and given is not None:
            common.refuse(why, option=name)
    if show is Show.components and earlier is not None:
        common.refuse("cli.components-no-changes")
    from dti import views
    from dti.engine.lookup import find_unit, node_code
    from dti.engine.scoring import changes
    from dti.pipeline import check_years, shown
    from dti.views import score as score_views
    from dti.words import note

    lang, before, past = writer.code, None, None
    run, result = common.scored_run(files, inputs, lang)
    node = node_code(run.spec, by)
    if earlier is not None:
        past, before = common.scored_run([earlier], replace(inputs, year=None), lang)
        common.notes(check_years(run, [past]), lang)
    if one is not None:
        from dti.views import score_unit as unit_views  # pandas: only a unit's breakdown needs it

        code = find_unit([dict(zip(result.unit_codes, result.unit_names, strict=True))], one)
        if past is not None and before is not None and code not in before.unit_codes:  # said by name
            name = result.unit_names[result.unit_codes.index(code)]
            said = note("notes.unit-not-in-year", unit=code, name=name, file=shown(past), year=past.year)
            common.notes([said], lang)
        tables = standing_tables(run, past, inputs.units)
        common.emit(
            fmt,
            writer,
            files,
            table=lambda: unit_views.unit_breakdown(result, code, lang, before, tables),
            json=lambda: unit_views.breakdown_data(result, code, before, tables),
            csv=lambda: unit_views.breakdown_frame(result, code, before, tables),
        )
    elif show is Show.components:
        if not score_views.components(run.spec):
            common.refuse("cli.no-components", spec=run.spec.id)
        common.emit(
            fmt,
            writer,
            files,
            table=lambda: score_views.components_table(result, node, lang),
            json=lambda: score_views.components_data(result, node),
            csv=lambda: score_views.components_frame(result, node),
        )
    else:
        delta = None if before is None else changes(before, result, node)
        codes = views.score_columns(run.spec, (show or Show.main).value)
        del run, past  # the read cells (and the report's batches over them) are not needed for output
        picked = None if show is None else codes
        order = score_views.rank_order(result, node) if by is not None else None
        from dti.views import grades  # the grade column, `band` and `bands`: none without bands

        common.emit(
            fmt,
            writer,
            files,
            table=lambda: grades.score_table(
                views.score_table(result, codes, node, delta, lang), result, lang
            ),
            json=lambda: grades.score_data(views.score_data(result, delta, node, picked, order), result),
            csv=lambda: grades.score_frame(views.score_frame(result, delta, node, picked, order), result),
        )


def standing_tables(
    run: Run, past: Run | None, units: Path | None
) -> tuple[YearTable | None, YearTable | None]:
    """Each year's ranks as `dti report` and `dti rank` take them: as published where the file gives them
    (a top-18 table ranks out of 63), out of the register's units; None for a year not known."""
    from dti.analysis.ranking import run_year_table
    from dti.pipeline import default_register

    register = common.register(units) or default_register(run.spec)
    return (
        run_year_table(run, register) if run.year is not None else None,
        run_year_table(past, register) if past is not None and past.year is not None else None,
    )
