"""dti rank: units compared across years, regions and the 2025 merger."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    INPUTS,
    WRITER,
    ByOption,
    Format,
    FormatOption,
    Inputs,
    UnitOption,
    Writer,
)


@common.command(epilog=HEADERS_EPILOG)
def rank(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="One file per year: a component-level submission (scored first) "
            "or a results table of values.",
        ),
    ],
    by: ByOption = None,
    region: Annotated[
        bool,
        typer.Option(
            "--region",
            help="Also rank within the regions of the register. With --merge 2025 a new province whose "
            "old provinces lie in two regions takes the region of the one whose name it keeps.",
        ),
    ] = False,
    merge: Annotated[
        int | None,
        typer.Option(
            "--merge",
            help="2025: map the 63 old provinces to the 34 new ones (mean of their values) in every year.",
        ),
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Show the first N units of the latest year.")
    ] = None,
    unit: UnitOption = None,
    fmt: FormatOption = Format.table,
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            help="Years of the files, comma-separated, when neither a year column nor the file name tells.",
        ),
    ] = None,
    inputs: Inputs = INPUTS,
    writer: Writer = WRITER,
) -> None:
    """Compare units across years: ranks, places gained or lost, value changes.

    Ranks are competition ranks on values rounded to the spec's precision (4 decimals); a rank a file
    publishes in a `rank` or `rank_<CODE>` column is used as published. Change: value in % (relative),
    places = earlier rank - later rank (+ = up).

    --unit follows one unit through all years, pillars and main indices (not with --by, --top, --region).

    Examples: dti rank sample_data/2023.csv sample_data/2024.csv;
    dti rank sample_data/2023.csv sample_data/2024.csv --merge 2025 --top 10
    """
    common.check_output(writer.output, files)
    one = common.one(unit, "--unit")
    if inputs.year is not None:
        common.refuse("cli.rank-years")
    others = (("--by", by), ("--top", top), ("--region", region or None))
    if one is not None and (clash := [name for name, given in others if given is not None]):
        common.refuse("cli.unit-every-index", option=clash[0])
    common.check_format(fmt.value, writer.output, writer.bom)
    from dti.analysis.ranking import run_year_table
    from dti.analysis.years import find_merged_unit, rank_years
    from dti.pipeline import YearError, check_years, default_register
    from dti.views import rank as rank_views
    from dti.words import note

    tables, runs = [], []
    for file, year in zip(files, common.years(years, "--years", len(files)), strict=True):
        try:
            run, _ = common.scored_run([file], replace(inputs, year=year), writer.code)
        except YearError as exc:  # the year came from --years, not --year
            raise exc.said_of("years") from None
        register = common.register(inputs.units) or default_register(run.spec)
        tables.append(run_year_table(run, register))
        runs.append(run)
    ranking = rank_years(tables, by, register, merge=merge, region=region, top=top)
    runs.sort(key=lambda r: r.year or 0)  # years differ (rank_years refuses twice the same)
    differ = [n for a, b in zip(runs, runs[1:], strict=False) for n in check_years(b, [a])]
    common.notes(differ + ranking.notes, writer.code)
    if one is not None:
        code, old = find_merged_unit(ranking.tables, one, register if merge else None)
        if old is not None:
            common.notes([note("cli.unit-merged", old=old, name=register.names[old], new=code)], writer.code)
        common.emit(
            fmt,
            writer,
            files,
            table=lambda: rank_views.unit_years(ranking.tables, code, writer.code),
            json=lambda: rank_views.unit_years_data(ranking.tables, code),
            csv=lambda: rank_views.unit_years_frame(ranking.tables, code),
        )
        return
    from dti.views import grades  # each year's grade counts and the grade changes: none without bands

    national = ranking.tables[-1].spec.unit_kind == "province" and register.nationwide

    common.emit(
        fmt,
        writer,
        files,
        table=lambda: [
            grades.rank_table(
                rank_views.rank_table(ranking.data, region, lang=writer.code), ranking.tables, writer.code
            ),
            rank_views.means_table(ranking.data, national, lang=writer.code),
        ],
        json=lambda: grades.rank_data(ranking.data, ranking.tables),
        csv=lambda: grades.rank_frame(rank_views.rank_frame(ranking.data), ranking.tables),
    )
