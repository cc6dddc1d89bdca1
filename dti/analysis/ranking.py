"""Ranks over years: value changes, places gained or lost, regions and the 2025 mergers."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from dti.analysis.means import check_published, means_data
from dti.engine.lookup import RankingError as RankingError
from dti.engine.lookup import find_unit as find_unit
from dti.engine.lookup import node_code as node_code
from dti.engine.scoring import Result, rank_frame
from dti.engine.submission import PublishedMean
from dti.io.register import DATA_DIR, UnitRegister
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec import Spec
from dti.text import fold
from dti.words import Note, note

if TYPE_CHECKING:
    from dti.pipeline import Run

MERGER_2025 = DATA_DIR / "merger_2025.csv"
MERGERS = (2025,)


@dataclass
class YearTable:
    """One year's values and ranks per unit and node, with where each rank came from."""

    year: int
    spec: Spec
    values: pd.DataFrame  # units × node codes
    ranks: pd.DataFrame  # Int64
    rank_source: pd.DataFrame  # "computed" | "published" | None
    names: pd.Series
    issues: list[Issue] = field(default_factory=list)
    means: list[PublishedMean] = field(default_factory=list)  # the table's own mean rows, per node
    notes: list[Note | str] = field(default_factory=list)  # a mean row that disagrees with its units
    published_of: int = 0  # how many units the publisher ranked (the register's size; 0: no rank published)


def ranked_count(table: YearTable, code: str) -> int:
    """How many units a rank of `code` in this year's table is out of: the units it ranks, or for ranks as
    published (a top-18 table of 63 provinces) the units the publisher ranked."""
    column = table.ranks[code]
    count = int(column.notna().sum())
    if (table.rank_source[code] == "published").any():
        count = max(count, table.published_of, int(column.max()))
    return count


def rank_of(table: YearTable, unit: str, code: str, count: int | None = None) -> tuple[int, int] | None:
    """The unit's rank of `code` this year and how many units it is out of (`count`, when known); None when
    the table does not rank it: the unit or the node is absent, or fewer than two units are ranked."""
    if unit not in table.ranks.index or code not in table.ranks.columns:
        return None
    rank = table.ranks.at[unit, code]
    count = ranked_count(table, code) if count is None else count
    return None if pd.isna(rank) or count < 2 else (int(rank), count)


def places(before: tuple[int, int] | None, after: tuple[int, int] | None) -> int | None:
    """Places gained between two years' ranks (rank, out of): only when both rank the unit among as many
    units (3/5 then 40/63 are not 37 places)."""
    if before is None or after is None or before[1] != after[1]:
        return None
    return before[0] - after[0]


def computed_source(ranks: pd.DataFrame) -> pd.DataFrame:
    """'computed' where a rank exists, NaN elsewhere."""
    return pd.DataFrame("computed", index=ranks.index, columns=ranks.columns).where(ranks.notna())


def year_table(result: Result, year: int) -> YearTable:
    source = computed_source(result.ranks)
    return YearTable(year, result.spec, result.values, result.ranks, source, result.units["name"])


def run_year_table(run: Run, register: UnitRegister) -> YearTable:
    """A scored run as one year of a ranking, with the ranks its file publishes applied.

    RankingError if the run has no result or its data year is unknown.
    """
    if run.result is None:
        raise RankingError(note("refusal.invalid-data"), "files")
    if run.year is None:
        shown = ", ".join(s.name for s in run.submission.sources)
        raise RankingError(note("refusal.no-year-option", file=shown, option="--years"), "files")
    table = year_table(run.result, run.year)
    size = len(register.names) if register.strict else len(table.values)
    means = run.submission.means_given
    notes: list[Note | str] = list(check_published(table.values, means, size, run.year, register.regions))
    table = replace(table, means=means, notes=notes)
    return apply_published(table, run.submission.published_ranks, size)


def apply_published(table: YearTable, published: pd.DataFrame, register_size: int) -> YearTable:
    """Use ranks as published; warn where the file has every unit's value and the computed rank differs.

    `published` has columns unit, indicator (a node code; '' for the total) and rank.
    """
    if published.empty:
        return table
    published = published.assign(indicator=published["indicator"].replace("", table.spec.total))
    units = table.values.index.union(pd.Index(published["unit"].unique()), sort=False)
    ranks = table.ranks.reindex(units)
    source = table.rank_source.reindex(units)
    values = table.values.reindex(units)
    issues = list(table.issues)
    for code, group in published.groupby("indicator"):
        if code not in ranks.columns:
            continue
        given = group.set_index("unit")["rank"]
        complete = values[code].notna().sum() >= register_size
        computed = ranks[code]
        if complete:
            differs = given[computed.reindex(given.index).ne(given).fillna(False).astype(bool)]
            for unit, rank in differs.items():
                issues.append(
                    issue(
                        IssueCode.RANK_MISMATCH,
                        Severity.WARNING,
                        "rank.mismatch",
                        {
                            "year": table.year,
                            "code": code,
                            "published": int(rank),
                            "computed": int(computed[unit]),
                        },
                        unit=str(unit),
                        indicator=str(code),
                    )
                )
        else:  # a partial table: ranks over its own units would mislead
            ranks[code] = pd.array([pd.NA] * len(units), dtype="Int64")
            source[code] = None
        ranks.loc[given.index, code] = given.to_numpy()
        source.loc[given.index, code] = "published"
    names = table.names.reindex(units).fillna("")
    return replace(
        table,
        values=values,
        ranks=ranks,
        rank_source=source,
        names=names,
        issues=issues,
        published_of=register_size,
    )


def region_ranks(table: YearTable, register: UnitRegister | dict[str, str]) -> pd.DataFrame:
    """Competition ranks within each region (of the register, or unit -> region), for every node."""
    regions = pd.Series(register if isinstance(register, dict) else register.regions)
    regions = regions.reindex(table.values.index)
    out = pd.DataFrame(index=table.values.index, columns=table.values.columns, dtype="Int64")
    for _, members in regions.groupby(regions).groups.items():
        out.loc[members] = rank_frame(table.values.loc[members], table.spec.precision).to_numpy()
    return out


def read_merger(register: UnitRegister) -> dict[str, str]:
    """Map each old province code to the name of the new province it joined on 1 July 2025."""
    by_name = {fold(name): code for code, name in register.names.items()}
    with MERGER_2025.open(encoding="utf-8") as handle:
        return {by_name[fold(r["old_province"])]: r["new_province"] for r in csv.DictReader(handle)}


def find_merged_unit(
    tables: list[YearTable], query: str, register: UnitRegister | None
) -> tuple[str, str | None]:
    """The unit `query` means in the tables (the latest first); when they are merged in 2025, `register`
    holds the old provinces, and one (by code or name) means the new province it joined. Returns (unit,
    the old province's code or None)."""
    names = [t.names for t in reversed(tables)]
    try:
        return find_unit(names, query), None
    except RankingError:
        if register is None:
            raise
        try:
            old: str | None = find_unit([register.names], query)
        except RankingError:
            old = None
        joined = read_merger(register).get(old or "")
        if joined is None:
            raise  # what the merged tables said
        return find_unit(names, joined), old


def merged_regions(
    register: UnitRegister, mapping: dict[str, str]
) -> tuple[dict[str, str], list[Note | str]]:
    """The region of each new province, and a note on those whose old provinces lie in two regions.

    Seven of the 34 span two of the six regions (Phú Thọ, Bắc Ninh, Quảng Ngãi, Gia Lai, Lâm Đồng, Đắk
    Lắk, Tây Ninh). Each keeps the name of one old province: its region is the one of that province, a
    rule anyone can check in the merger list (the law names no new regions).
    """
    spans: dict[str, set[str]] = {}
    for old, new in mapping.items():
        spans.setdefault(new, set()).add(register.regions.get(old, ""))
    by_name = {fold(register.names[old]): old for old in mapping}
    regions, split = {}, []
    for new, found in spans.items():
        namesake = by_name.get(fold(new))
        if len(found) == 1:
            regions[new] = next(iter(found))
        elif namesake is not None:
            regions[new] = register.regions.get(namesake, "")
            split.append(f"{new}: {regions[new]}")
    notes: list[Note | str] = []
    if split:
        notes.append(note("analysis.rank.split-regions", count=len(split), provinces="; ".join(split)))
    return regions, notes


def partly_merged(table: YearTable, mapping: dict[str, str], by: str, register: UnitRegister) -> Note | None:
    """A note naming the new provinces of which the year's data hold some old provinces only (a province's
    own file stands for the whole new province otherwise): how many, and which."""
    held = set(table.values.index[table.values[by].notna()]) if by in table.values.columns else set()
    members: dict[str, list[str]] = {}
    for old, new in mapping.items():
        members.setdefault(new, []).append(old)
    partly = [
        f"{new} {len(found)}/{len(olds)} ({', '.join(register.names.get(o, o) for o in found)})"
        for new, olds in members.items()
        if 0 < len(found := [o for o in olds if o in held]) < len(olds)
    ]
    if not partly:
        return None
    return note("notes.merge-partial", year=table.year, count=len(partly), provinces="; ".join(partly))


def merge_units(table: YearTable, mapping: dict[str, str]) -> YearTable:
    """Average old units' values into new ones, recompute inner nodes from the means, re-rank.

    Each node's value is the arithmetic mean over the old units that have it. The deepest nodes with
    means are the base: every node above them whose scored leaves they all cover is recomputed from
    them (points = Σ base mean × base max, summed up the DAG by Graph.aggregate), as the ministry did
    for DTI 2024 on the 34 provinces: main indices averaged, pillars and DTI computed from the means.
    """
    spec = table.spec
    graph = spec.graph
    new_unit = table.values.index.map(lambda u: mapping.get(u, table.names.get(u, u)))
    means = table.values.groupby(new_unit).mean().reindex(columns=list(graph.codes))
    mean = means.to_numpy(float)
    top = np.nan_to_num(graph.max_points)
    known = ~np.isnan(mean) & (top > 0)
    base = known & (graph.aggregate(known * 1.0) - known == 0)  # known, with nothing known below
    scored_leaves = graph.aggregate((graph.is_leaf & (top > 0)) * 1.0)
    covered = graph.aggregate(base * scored_leaves) == scored_leaves
    with np.errstate(divide="ignore", invalid="ignore"):
        recomputed = graph.aggregate(np.where(base, mean * top, 0.0)) / top
    means[:] = np.where(covered & (scored_leaves > 0) & (top > 0), recomputed, mean)
    ranks = rank_frame(means, spec.precision)
    names = pd.Series(means.index, index=means.index)
    # the table's mean row is the old units' mean, not the new ones': left out
    source = computed_source(ranks)
    return replace(table, values=means, ranks=ranks, rank_source=source, names=names, means=[], notes=[])


def comparison(tables: list[YearTable], by: str) -> dict[str, Any]:
    """The `dti rank --format json` object for node `by` over the years, oldest first.

    Each year's names, values, ranks and rank sources are aligned on the units once (whole columns, no
    lookup per unit): 10,000 units in milliseconds.
    """
    tables = sorted(tables, key=lambda t: t.year)
    years = [t.year for t in tables]
    units = pd.Index([])
    for t in tables:
        units = units.union(t.values.index, sort=False)
    latest = tables[-1]
    order = latest.ranks[by].reindex(units).sort_values(na_position="last", kind="stable").index
    counts = {t.year: ranked_count(t, by) for t in tables}
    names = _names(tables, order)
    values = {t.year: _column_floats(t.values[by], order) for t in tables}
    standing = {t.year: _ranks(t, by, order, counts[t.year]) for t in tables}
    sources = {
        t.year: t.rank_source[by].reindex(order).tolist()
        if by in t.rank_source.columns
        else [None] * len(order)
        for t in tables
    }
    pairs = list(zip(tables, tables[1:], strict=False))
    rows = []
    for i, unit in enumerate(order.tolist()):
        seen = {str(y): values[y][i] for y in years}
        ranked = {y: standing[y][i] for y in years}
        steps = []
        for before, after in pairs:
            old, new = seen[str(before.year)], seen[str(after.year)]
            steps.append(
                {
                    "from": before.year,
                    "to": after.year,
                    "value_pct": None if not old or new is None else (new - old) / old * 100,
                    "places": places(ranked[before.year], ranked[after.year]),
                }
            )
        rows.append(
            {
                "unit": str(unit),
                "name": names[i],
                "values": seen,
                "ranks": {str(y): None if r is None else r[0] for y, r in ranked.items()},
                "rank_source": {str(y): _str(sources[y][i]) if ranked[y] else None for y in years},
                "changes": steps,
            }
        )
    return {"by": by, "years": years, "units": rows, "ranked": {str(y): n for y, n in counts.items()}}


def _names(tables: list[YearTable], order: pd.Index) -> list[str]:
    """Each unit's name in the latest year that gives one ('' when none does)."""
    names = [""] * len(order)
    for t in tables:  # oldest first: a later year's name wins
        held = order.isin(t.names.index)
        given = t.names.reindex(order).tolist()
        names = [str(g) if h and g else n for n, g, h in zip(names, given, held, strict=True)]
    return names


def _column_floats(column: pd.Series, order: pd.Index) -> list[float | None]:
    """A column's values in `order` as floats, None where missing."""
    found = column.reindex(order).to_numpy(dtype=float, na_value=np.nan)
    return [None if v != v else v for v in found.tolist()]


def _ranks(table: YearTable, by: str, order: pd.Index, count: int) -> list[tuple[int, int] | None]:
    """rank_of() for every unit in `order` at once."""
    if by not in table.ranks.columns or count < 2:
        return [None] * len(order)
    found = table.ranks[by].reindex(order).to_numpy(dtype=float, na_value=np.nan)
    return [None if r != r else (int(r), count) for r in found.tolist()]


@dataclass
class Ranking:
    """Several years compared: the `dti rank --format json` object, the tables behind it, and notes."""

    data: dict[str, Any]
    tables: list[YearTable]
    by: str
    notes: list[Note | str] = field(default_factory=list)


def rank_years(
    tables: list[YearTable],
    by: str | None = None,
    register: UnitRegister | None = None,
    *,
    merge: int | None = None,
    region: bool = False,
    top: int | None = None,
) -> Ranking:
    """Compare years on node `by` (default: the total); optionally merge units, rank within regions, cut.

    merge=2025 maps the 63 old provinces to the 34 new ones in every year; region adds each unit's
    region and rank within it (from `register`; a merged province takes its region by
    `merged_regions`); top keeps the first `top` units of
    the latest year. Raises RankingError for a question the data cannot answer.
    """
    register = register or UnitRegister.provinces()
    if len({t.year for t in tables}) != len(tables):
        raise RankingError(note("refusal.same-year"), "files")
    by = by or tables[-1].spec.total
    for t in tables:
        if by not in t.spec.graph.index:
            raise RankingError(note("refusal.not-a-code-in-year", code=by, spec=t.spec.id, year=t.year), "by")
    if merge is not None:
        if merge not in MERGERS:
            raise RankingError(note("refusal.merger-unknown"), "merge")
        if not all(t.spec.unit_kind == "province" for t in tables):
            raise RankingError(note("refusal.merger-provinces"), "merge")
        mapping = read_merger(register)
        partial = [partly_merged(t, mapping, by, register) for t in tables]
        tables = [merge_units(t, mapping) for t in tables]
    notes: list[Note | str] = [
        note("analysis.rank.warning", issue=Note(i.key, i.params) if i.key else i.message)
        for t in tables
        for i in t.issues
    ]
    notes += [n for t in tables for n in t.notes]
    if merge is not None:
        notes += [n for n in partial if n is not None]
    if len({t.spec.id for t in tables}) > 1:
        specs = [f"{t.year}: {t.spec.id}" for t in sorted(tables, key=lambda t: t.year)]
        notes.append(note("analysis.rank.methodologies", specs=specs))
    ranked = {t.year: ranked_count(t, by) if by in t.ranks else 0 for t in tables}  # published: of 63
    if len(set(ranked.values())) > 1:
        counts = [f"{year}: {n}" for year, n in sorted(ranked.items())]
        notes.append(note("analysis.rank.sets", counts=counts))
    data = comparison(tables, by)
    regions: dict[str, str] = {}
    if region:
        regions = dict(register.regions)
        if merge is not None:
            regions, told = merged_regions(register, mapping)
            notes += told
        within = region_ranks(max(tables, key=lambda t: t.year), dict(regions))[by]
        for row in data["units"]:
            row["region"] = regions.get(row["unit"], "")
            known = row["unit"] in within.index and not pd.isna(within[row["unit"]])
            row["region_rank"] = int(within[row["unit"]]) if known else None
    size = len(set(mapping.values())) if merge is not None else len(register.names) * register.strict
    data.update(means_data(tables, by, regions, size))
    if top:
        latest = str(data["years"][-1])
        data["units"] = [u for u in data["units"] if (u["ranks"][latest] or 10**9) <= top]
    return Ranking(data, tables, by, notes)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
