"""Several years compared (`rank_years`: the `dti rank` data, with regions and a cut) and the 2025
mergers of provinces (old units averaged into new ones, their regions, a year that holds only some)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from typing import Any

from dti.analysis.means import means_data
from dti.analysis.ranking import YearTable, comparison, ranked_count, region_ranks
from dti.engine.lookup import RankingError, find_unit
from dti.engine.scoring import competition_ranks, from_below
from dti.io.register import DATA_DIR, UnitRegister
from dti.text import fold
from dti.words import Note, note

MERGER_2025 = DATA_DIR / "merger_2025.csv"
MERGERS = (2025,)


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
    held = {u for u, v in zip(table.units, table.value_column(by).tolist(), strict=True) if v == v}
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
    import pandas as pd

    spec = table.spec
    graph = spec.graph
    new_unit = [mapping.get(u, table.names.get(u, u)) for u in table.units]
    means = pd.DataFrame(table.value_matrix, columns=list(graph.codes)).groupby(new_unit).mean()
    merged = from_below(graph, means.to_numpy(float))
    units = [str(u) for u in means.index]
    # the table's mean row is the old units' mean, not the new ones': left out
    return replace(
        table,
        units=units,
        value_matrix=merged,
        rank_matrix=competition_ranks(merged, spec.precision),
        names={u: u for u in units},
        published=None,
        merged=(table, {old: str(new) for old, new in zip(table.units, new_unit, strict=True)}),
        means=[],
        notes=[],
    )


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
    ranked = {t.year: ranked_count(t, by) for t in tables}  # published: of 63
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
        newest = max(tables, key=lambda t: t.year)
        within = region_ranks(newest, dict(regions))[:, newest.column(by)]
        for row in data["units"]:
            row["region"] = regions.get(row["unit"], "")
            at = newest.row.get(row["unit"])
            row["region_rank"] = int(within[at]) if at is not None and within[at] else None
    size = len(set(mapping.values())) if merge is not None else len(register.names) * register.strict
    data.update(means_data(tables, by, regions, size))
    if top:
        latest = str(data["years"][-1])
        data["units"] = [u for u in data["units"] if (u["ranks"][latest] or 10**9) <= top]
    return Ranking(data, tables, by, notes)
