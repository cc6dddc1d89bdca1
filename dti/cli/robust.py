"""dti robust: how sure each rank is, by Monte Carlo draws of the uncertain inputs."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.cli.options import (
    INPUTS,
    WRITER,
    DrawsOption,
    Format,
    FormatOption,
    Inputs,
    PreviousOption,
    SeedOption,
    UnitOption,
    Writer,
)
from dti.words import note


class MissingRule(StrEnum):
    zero = "zero"
    median = "median"
    previous = "previous"


@common.command()
def robust(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="A year's submission (as for dti score).")
    ],
    draws: DrawsOption = 1000,
    weights: Annotated[
        float,
        typer.Option(
            "--weights",
            min=0,
            max=99,
            metavar="PCT",
            help="Each main index's maximum points drawn within ± PCT %, rescaled to the same total.",
        ),
    ] = 25.0,
    missing: Annotated[
        MissingRule,
        typer.Option(
            "--missing",
            help="Missing figures: zero (the rule), or in each draw either zero or imputed by the "
            "component's median over the units (median) or the unit's figure in --previous FILE (previous).",
        ),
    ] = MissingRule.zero,
    previous: PreviousOption = None,
    self_verified: Annotated[
        bool,
        typer.Option(
            "--self-verified",
            help="Draw self-assessed figures awaiting verification between the self value and the "
            "typical verification change of their component.",
        ),
    ] = False,
    seed: SeedOption = 0,
    sensitivity: Annotated[
        bool,
        typer.Option(
            "--sensitivity",
            help="First-order and total Sobol indices of each input group (weights, missing, self) on "
            "the --unit ranks, or on the mean absolute rank shift.",
        ),
    ] = False,
    unit: UnitOption = None,
    fmt: FormatOption = Format.table,
    inputs: Inputs = INPUTS,
    writer: Writer = WRITER,
) -> None:
    """Rank uncertainty: each unit's rank over many draws of the main-index weights, the missing-data rule
    and the pending appraisals; the 5-95 % rank interval, P(top 10), P(rank ± 2) and the largest swing
    with the draw that caused it. --unit shows (and analyses) a unit, repeatable.

    Examples: dti robust sample_data/2024.csv; dti robust sample_data/2024.csv --missing median --sensitivity
    --unit 48; dti robust sample_data/2024.csv --missing previous --previous sample_data/2023.csv
    """
    common.check_output(writer.output, files)
    earlier = common.one(previous, "--previous")
    common.check_exists([*files, *([earlier] if earlier else [])])
    from dti.analysis.robust import Settings
    from dti.analysis.robustness import NoUnitError, check, robustness
    from dti.pipeline import check_years
    from dti.views.robust import robust_data, robust_frame, robust_table

    settings = Settings(draws, weights / 100, missing.value, self_verified, seed)
    check(settings, sensitivity=sensitivity, previous=earlier is not None)
    run, result = common.scored_run(files, inputs, writer.code)
    before = None
    if earlier is not None:  # scored with this year's spec, so that the components match
        unasked = replace(inputs, year=None, columns=None)
        past, before = common.scored_run([earlier], unasked, writer.code, spec=run.spec, quiet=True)
        common.notes(check_years(run, [past]), writer.code)
    try:
        found = robustness(
            result, settings, submission=run.submission, previous=before, units=unit, sensitivity=sensitivity
        )
    except NoUnitError as exc:
        common.fail(note("cli.about", file=" ".join(map(str, files)), why=exc.note), ExitCode.INVALID_DATA)
    common.notes(found.notes, writer.code)
    out, chosen, mark = found.out, found.chosen, common.decimal_mark(writer.lang, writer.decimal)
    common.emit(
        fmt,
        writer,
        files,
        table=lambda: robust_table(out, chosen, writer.code, mark),
        json=lambda: robust_data(out, chosen),
        csv=lambda: robust_frame(out, chosen),
    )
