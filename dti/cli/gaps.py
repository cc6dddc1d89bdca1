"""dti gaps: where points are lost, who owns them, what a closed gap is worth, and the next places."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dti.cli import common
from dti.cli.app import ExitCode
from dti.cli.options import (
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

if TYPE_CHECKING:
    from dti.tracking.owners import Owners


@common.command()
def gaps(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="A year's submission of components (CSV or XLSX).")
    ],
    owners: Annotated[
        Path | None,
        typer.Option(
            "--owners",
            metavar="FILE",
            help="Who leads each index: CSV, XLSX or YAML with an index column (Mã chỉ số, Chỉ số or STT) "
            "and Đơn vị chủ trì [, Đơn vị phối hợp]; a main index covers its components unless a "
            "component row says otherwise.",
        ),
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="One unit (code or name).")] = None,
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
    spec_ref: SpecOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    decimal: DecimalOption = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    columns: ColumnsOption = None,
) -> None:
    """Points lost per component and owner, what-ifs, and the points needed to pass the next unit.

    With --unit: the unit's components by loss (lost on reported data, at stake from missing data),
    per owner, the what-if (--assume, --close: new points, values and ranks of the total and pillars) and
    the distance to the next place of the total and each pillar, with the fewest largest gaps that cover
    it. Without --unit: which main index (and owner) loses most points across all units; --assume and
    --close then apply to every unit, each ranked among the others as they are.

    Examples: dti gaps sample_data/2024.csv --owners sample_data/owners.csv --unit 48;
    dti gaps sample_data/2024.csv --unit 48 --assume HTS.01=90% --close 3

    Exit 0; 1 when the owners file has errors (listed on stderr above the output, which is still
    written; warnings keep 0); 2 if a file cannot be read or the options do not fit; 3 if the spec is
    invalid.
    """
    common.check_output(output, [*files, *(against or []), *([owners] if owners else [])])
    common.check_exists([*files, *(against or []), *([owners] if owners else [])])
    from dti import views as shared
    from dti.analysis import gaps as engine
    from dti.engine.lookup import find_unit, total_code
    from dti.pipeline import evaluate
    from dti.tracking.owners import read_owners
    from dti.views import gaps as views
    from dti.write import text

    if against and unit is None:
        raise typer.BadParameter(
            "ranks one unit among another table: give --unit too", param_hint="--against"
        )
    run = common.evaluate(files, spec_ref, units, layout, sheet, year, max_issues=50, columns=columns)
    shown = " ".join(map(str, files))
    for note in run.notes:
        text.note(note)
    result = common.scored(run, shown, lang.code)
    plan = None
    if owners is not None:
        plan = read_owners(owners, run.spec, sheet)
        if plan.report.unreadable:
            common.fail(plan.report.issues[0].message + f" ({owners})", ExitCode.USAGE)
        if plan.report.issues:
            text.note(f"{owners}: {len(plan.report.issues)} problem(s) in the owners file")
            text.show(shared.issues(plan.report, lang.code), stderr=True)
    pairs: dict[str, str] = {}
    for pair in assume or []:
        code, sep, value = pair.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise typer.BadParameter(f"'{pair}': write CODE=VALUE, e.g. HTS.01=90%", param_hint="--assume")
        pairs[code.strip()] = value.strip()
    try:
        found = engine.build(result, plan)
        assumed, notes = engine.assumed_points(run.spec, pairs)
    except engine.GapsError as exc:
        raise typer.BadParameter(str(exc), param_hint="--assume" if pairs else "FILE") from None
    for note in notes:
        text.note(note)
    mark = common.decimal_mark(lang, decimal)
    full = fmt is Format.xlsx  # a workbook holds every row; the terminal, the largest gaps
    if unit is None:
        moved = engine.everywhere(found, assumed, close, total_code(run.spec)) if assumed or close else None
        common.emit(
            fmt,
            output,
            files,
            table=lambda: views.province_views(
                found, moved, lang.code, views.what_if_words(pairs, close, lang.code), full
            ),
            json=lambda: views.province_data(found, moved),
            csv=lambda: views.frame(found),
            decimal=mark,
            lang=lang.code,
        )
        owners_checked(plan)
        return
    code = find_unit([dict(zip(result.unit_codes, result.unit_names, strict=True))], unit)
    pool = None
    if against:
        among = evaluate(against, run.spec, common.register(units), sheet=sheet)
        named = " ".join(map(str, against))
        if run.year is not None and among.year is not None and among.year != run.year:
            common.refuse(
                f"--against {named} holds {among.year} data, {shown} {run.year} data: rank a unit "
                "among the same year's units"
            )
        other = common.scored(among, named, lang.code)
        pool = engine.pool_of(other, code)
    scenario = engine.what_if(found, code, assumed, close, pool) if assumed or close else None
    nexts = engine.next_up(found, code, engine.ranked_nodes(run.spec), pool)
    common.emit(
        fmt,
        output,
        files,
        table=lambda: views.unit_views(found, code, scenario, nexts, lang.code, mark, full),
        json=lambda: views.unit_data(found, code, scenario, nexts),
        csv=lambda: views.frame(found, code),
        decimal=mark,
        lang=lang.code,
    )
    owners_checked(plan)


def owners_checked(plan: Owners | None) -> None:
    """Exit 1 after the output when the owners file has errors (shown above it); warnings keep 0."""
    if plan is not None and not plan.report.valid:
        raise typer.Exit(int(ExitCode.INVALID_DATA))
