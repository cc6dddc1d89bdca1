"""dti gaps: where points are lost, who owns them, what a closed gap is worth, and the next places."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.exits import ExitCode, worded
from dti.cli.options import (
    INPUTS,
    TABLE_FILES,
    WRITER,
    Format,
    FormatOption,
    Inputs,
    OwnersOption,
    UnitOption,
    Writer,
)


@common.command()
def gaps(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help=f"A year's submission of components ({TABLE_FILES})."),
    ],
    owners: OwnersOption = None,
    unit: UnitOption = None,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against",
            metavar="FILE",
            help="Rank --unit among another table of the same year's units (published values or a "
            "submission), instead of the units of FILE... (repeatable).",
        ),
    ] = None,
    assume: Annotated[
        list[str] | None,
        typer.Option(
            "--assume",
            metavar="CODE=VALUE",
            help="What if a component had this value (as a submission writes it: 90%, 3, có, an option; "
            "or CODE=full for every component of a node at full points). Repeatable. Without --unit "
            "every unit reaches at least this value (one above keeps its own).",
        ),
    ] = None,
    close: Annotated[
        int, typer.Option("--close", min=0, help="What if the N largest gaps were closed to full points.")
    ] = 0,
    fmt: FormatOption = Format.table,
    inputs: Inputs = INPUTS,
    writer: Writer = WRITER,
) -> None:
    """Points lost per component and owner, what-ifs, and the points needed to pass the next unit.

    With --unit: the unit's components by loss (lost on reported data, at stake from missing data),
    per owner, the what-if (--assume, --close: new points, values and ranks of the total and pillars) and
    the distance to the next place of the total and each pillar, with the fewest largest gaps that cover
    it. Without --unit: which main index (and owner) loses most points across all units; --assume and
    --close then apply to every unit, each ranked among the others as they are.

    Examples: dti gaps sample_data/2024.csv --owners sample_data/owners.csv --unit 48;
    dti gaps sample_data/2024.csv --unit 48 --assume HTS.01=90% --close 3

    Exit 0; 1 when the owners file has errors (listed above the output, which is still written); 2 if a
    file cannot be read or the options do not fit; 3 if the spec is invalid.
    """
    sides = [*(against or []), *([owners] if owners else [])]
    common.check_output(writer.output, [*files, *sides])
    common.check_exists([*files, *sides])
    one = common.one(unit, "--unit")
    if against and one is None:
        common.refuse("cli.against-unit")
    from dti.analysis import gaps as engine
    from dti.analysis import whatif
    from dti.engine.lookup import find_unit
    from dti.pipeline import check_years
    from dti.tracking.owners import read_owners
    from dti.views import gaps as views

    run, result = common.scored_run(files, inputs, writer.code)
    plan = read_owners(owners, run.spec, inputs.sheet) if owners is not None else None
    if plan is not None:
        common.side_issues(plan.report, writer.code)
    pairs = common.pairs(assume, "--assume", "CODE=VALUE", "HTS.01=90%")
    try:
        found = engine.build(result, plan)
        assumed, notes = whatif.assumed_points(run.spec, pairs)
    except engine.GapsError as exc:
        raise typer.BadParameter(worded(exc), param_hint="--assume" if pairs else "FILE") from None
    common.notes(notes, writer.code)
    from dti.views import grades  # the way to the next grade: nothing without bands

    lang, full = writer.code, fmt is Format.xlsx  # a workbook holds every row; the terminal, the largest gaps
    if one is None:
        moved = whatif.everywhere(found, assumed, close, run.spec.total) if assumed or close else None
        words = views.what_if_words(pairs, close, lang)
        common.emit(
            fmt,
            writer,
            files,
            table=lambda: grades.gaps_province(
                views.province_views(found, moved, lang, words, full), result, lang, None if full else 15
            ),
            json=lambda: grades.gaps_province_data(views.province_data(found, moved), result),
            csv=lambda: views.frame(found),
        )
    else:
        code = find_unit([dict(zip(result.unit_codes, result.unit_names, strict=True))], one)
        pool = None
        if against:
            among = common.evaluate(
                against, replace(inputs, year=None, columns=None, layout=None), spec=run.spec
            )
            check_years(run, [among], same=True)
            pool = whatif.pool_of(common.scored(among, " ".join(map(str, against)), lang), code)
        scenario = whatif.what_if(found, code, assumed, close, pool) if assumed or close else None
        nexts = whatif.next_up(found, code, engine.ranked_nodes(run.spec), pool)
        mark = common.decimal_mark(writer.lang, writer.decimal)

        common.emit(
            fmt,
            writer,
            files,
            table=lambda: grades.gaps_views(
                views.unit_views(found, code, scenario, nexts, lang, mark, full), result, code, lang
            ),
            json=lambda: grades.gaps_data(views.unit_data(found, code, scenario, nexts), result, code),
            csv=lambda: views.frame(found, code),
        )
    if plan is not None and not plan.report.valid:  # after the output: the errors are shown above it
        raise typer.Exit(int(ExitCode.INVALID_DATA))
