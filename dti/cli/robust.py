"""dti robust: how sure each rank is, by Monte Carlo draws of the uncertain inputs."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from dti.cli import common
from dti.cli.app import ExitCode
from dti.cli.options import (
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


class MissingRule(StrEnum):
    zero = "zero"
    median = "median"
    previous = "previous"


@common.command()
def robust(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="A year's submission (as for dti score).")
    ],
    draws: Annotated[
        int,
        typer.Option(
            "--draws", help="Monte Carlo draws (and Sobol base rows), 1 to 1,000,000 (1000 by default)."
        ),
    ] = 1000,
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
            "component's median over the units (median) or the unit's previous-year figure (previous).",
        ),
    ] = MissingRule.zero,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help="The previous year's file, for --missing previous."),
    ] = None,
    self_verified: Annotated[
        bool,
        typer.Option(
            "--self-verified",
            help="Draw self-assessed figures awaiting verification between the self value and the "
            "typical verification change of their component.",
        ),
    ] = False,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Random seed: the same seed, the same output.")
    ] = 0,
    sensitivity: Annotated[
        bool,
        typer.Option(
            "--sensitivity",
            help="First-order and total Sobol indices of each input group (weights, missing, self) on "
            "the --unit ranks, or on the mean absolute rank shift.",
        ),
    ] = False,
    unit: Annotated[
        list[str] | None, typer.Option("--unit", help="Show (and analyse) this unit; repeatable.")
    ] = None,
    spec_ref: SpecOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    decimal: DecimalOption = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
) -> None:
    """Rank uncertainty: each unit's rank over many draws of the main-index weights, the missing-data
    rule and the pending appraisals; the 5-95 % rank interval, P(top 10), P(rank ± 2) and the largest
    swing with the draw that caused it. Seeded: the same seed gives the same output.

    Examples: dti robust sample_data/2024.csv;  dti robust sample_data/2024.csv --missing median
    --sensitivity --unit 48;  dti robust sample_data/2024.csv --missing previous --previous
    sample_data/2023.csv --format json
    """
    common.check_output(output, files)
    common.check_exists([*files, *([previous] if previous else [])])
    if not 1 <= draws <= 1_000_000:
        raise typer.BadParameter(
            f"{draws}: robust needs 1 to 1,000,000 draws (it is `dti report --draws 0` that leaves the "
            "robustness section out)",
            param_hint="--draws",
        )
    if sensitivity and weights == 0 and missing is MissingRule.zero and not self_verified:
        common.refuse(
            "--sensitivity with --weights 0 has no uncertain input to analyse: give --weights above 0, "
            "--missing median or previous, or --self-verified"
        )
    if (missing is MissingRule.previous) != (previous is not None):
        raise typer.BadParameter(
            "--missing previous needs --previous FILE, and --previous is used only with --missing previous",
            param_hint="--previous",
        )
    from dti.analysis import robust as engine
    from dti.engine.lookup import find_unit
    from dti.views.robust import robust_data, robust_frame, robust_table
    from dti.write import text

    run = common.evaluate(files, spec_ref, units, layout, sheet, year, max_issues=50)
    for note in run.notes:  # e.g. which spec scores a year whose points are not published
        text.note(note, lang.code)
    result = common.scored(run, " ".join(map(str, files)), lang.code)
    before = None
    if previous is not None:
        from dti.pipeline import evaluate

        layout_name: Literal["long", "wide"] | None = None
        if layout is not None:
            layout_name = "long" if layout.value == "long" else "wide"
        earlier = evaluate(  # scored with this year's spec, so that the components match
            [previous], run.spec, common.register(units), layout=layout_name, sheet=sheet, max_issues=50
        )
        if run.year is not None and earlier.year is not None and earlier.year >= run.year:
            common.refuse(
                f"--previous {previous} holds {earlier.year} data, {' '.join(map(str, files))} "
                f"{run.year} data: give an earlier year's file"
            )
        before = common.scored(earlier, previous, lang.code)
    settings = engine.Settings(draws, weights / 100, missing.value, self_verified, seed)
    model = engine.build(result, settings, run.submission, before)
    if not model.units:
        common.fail(
            f"{' '.join(map(str, files))}: no unit has a value for every main index, and a total alone "
            "cannot be reweighted: give the main indices (or the components)",
            ExitCode.INVALID_DATA,
        )
    chosen = None
    if unit:
        names = dict(zip(model.units, model.names, strict=True))
        chosen = list(dict.fromkeys(model.units.index(find_unit([names], u)) for u in unit))
    out = engine.analyse(model, settings, chosen, sensitivity)
    if sensitivity and len(model.groups) == 1:
        text.note(
            f"--sensitivity: only one input varies between the draws ({next(iter(model.groups))}): it "
            "explains all of the rank's variance, so its indices are 1 by definition, not estimated"
        )
    elif sensitivity and out.sensitivity is None:
        text.note(
            "--sensitivity: nothing varies between the draws (--weights 0, and the data leave --missing "
            "and --self-verified nothing to draw: see the notes under the table), so there is no "
            "sensitivity to analyse"
        )
    mark = common.decimal_mark(lang, decimal)
    common.emit(
        fmt,
        output,
        files,
        table=lambda: robust_table(out, chosen, lang.code, mark),
        json=lambda: robust_data(out, chosen),
        csv=lambda: robust_frame(out, chosen),
        decimal=mark,
        lang=lang.code,
    )
