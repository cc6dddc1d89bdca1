"""Ranks over years: value changes, places gained or lost, regions and the 2025 mergers."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from dti.numbers import fold
from dti.report import Issue, IssueCode, Severity
from dti.scoring import Result, rank_frame
from dti.spec import Spec, topological_order
from dti.submission import DATA_DIR, UnitRegister

MERGER_2025 = DATA_DIR / "merger_2025.csv"


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


def changes(
    before_values: pd.Series, before_ranks: pd.Series, after_values: pd.Series, after_ranks: pd.Series
) -> pd.DataFrame:
    """Per unit: relative value change in percent and rank change in places (+ = moved up)."""
    units = after_values.index.union(before_values.index, sort=False)
    old, new = before_values.reindex(units).astype(float), after_values.reindex(units).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(old > 0, (new - old) / old * 100, np.nan)
    places = before_ranks.reindex(units).astype("Int64") - after_ranks.reindex(units).astype("Int64")
    return pd.DataFrame({"value_pct": pct, "places": places}, index=units)


def computed_source(ranks: pd.DataFrame) -> pd.DataFrame:
    """'computed' where a rank exists, NaN elsewhere."""
    return pd.DataFrame("computed", index=ranks.index, columns=ranks.columns).where(ranks.notna())


def year_table(result: Result, year: int) -> YearTable:
    source = computed_source(result.ranks)
    return YearTable(year, result.spec, result.values, result.ranks, source, result.units["name"])


def apply_published(table: YearTable, published: pd.DataFrame, register_size: int) -> YearTable:
    """Use ranks as published; warn where the file has every unit's value and the computed rank differs.

    `published` has columns unit, indicator (a node code; '' for the total) and rank.
    """
    if published.empty:
        return table
    total = next(n.code for n in table.spec.nodes if n.kind == "total")
    published = published.assign(indicator=published["indicator"].replace("", total))
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
                    Issue(
                        IssueCode.RANK_MISMATCH,
                        Severity.WARNING,
                        f"{table.year} {code}: published rank {rank} but the values give {computed[unit]}; "
                        "the published rank is used",
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
    return replace(table, values=values, ranks=ranks, rank_source=source, names=names, issues=issues)


def region_ranks(table: YearTable, register: UnitRegister) -> pd.DataFrame:
    """Competition ranks within each region of the register, for every node."""
    regions = pd.Series(register.regions).reindex(table.values.index)
    out = pd.DataFrame(index=table.values.index, columns=table.values.columns, dtype="Int64")
    for _, members in regions.groupby(regions).groups.items():
        out.loc[members] = rank_frame(table.values.loc[members], table.spec.precision).to_numpy()
    return out


def read_merger(register: UnitRegister) -> dict[str, str]:
    """Map each old province code to the name of the new province it joined on 1 July 2025."""
    by_name = {fold(name): code for code, name in register.names.items()}
    with MERGER_2025.open(encoding="utf-8") as handle:
        return {by_name[fold(r["old_province"])]: r["new_province"] for r in csv.DictReader(handle)}


def merge_units(table: YearTable, mapping: dict[str, str]) -> YearTable:
    """Average old units' values into new ones, recompute inner nodes from the means, re-rank.

    Each node's value is the arithmetic mean over the old units that have it; an inner node whose
    children all have means is then recomputed from them (points = Σ child mean × child max), as the
    ministry did for DTI 2024 on the 34 provinces.
    """
    spec = table.spec
    graph = spec.graph
    new_unit = table.values.index.map(lambda u: mapping.get(u, table.names.get(u, u)))
    means = table.values.groupby(new_unit).mean()
    maxima = graph.max_points
    for code in reversed(topological_order(spec)):
        children = spec.node(code).children
        if not children or not maxima[graph.index[code]] > 0:
            continue
        child_points = sum(
            means[c].fillna(0) * maxima[graph.index[c]] for c in children if maxima[graph.index[c]] > 0
        )
        known = means[[c for c in children if maxima[graph.index[c]] > 0]].notna().all(axis=1)
        means[code] = means[code].where(~known, child_points / maxima[graph.index[code]])
    ranks = rank_frame(means, spec.precision)
    names = pd.Series(means.index, index=means.index)
    return replace(table, values=means, ranks=ranks, rank_source=computed_source(ranks), names=names)


def comparison(tables: list[YearTable], by: str) -> dict[str, Any]:
    """The `dti rank --format json` object for node `by` over the years, oldest first."""
    tables = sorted(tables, key=lambda t: t.year)
    years = [t.year for t in tables]
    units = pd.Index([])
    for t in tables:
        units = units.union(t.values.index, sort=False)
    latest = tables[-1]
    order = latest.ranks[by].reindex(units).sort_values(na_position="last", kind="stable").index
    rows = []
    for unit in order:
        name = next((str(t.names.get(unit)) for t in reversed(tables) if t.names.get(unit)), "")
        values = {str(t.year): _float(t.values[by].get(unit)) for t in tables}
        ranks = {str(t.year): _int(t.ranks[by].get(unit)) for t in tables}
        sources = {str(t.year): _str(t.rank_source[by].get(unit)) for t in tables}
        steps = []
        for before, after in zip(tables, tables[1:], strict=False):
            old, new = values[str(before.year)], values[str(after.year)]
            old_rank, new_rank = ranks[str(before.year)], ranks[str(after.year)]
            steps.append(
                {
                    "from": before.year,
                    "to": after.year,
                    "value_pct": None if not old or new is None else (new - old) / old * 100,
                    "places": None if old_rank is None or new_rank is None else old_rank - new_rank,
                }
            )
        rows.append(
            {
                "unit": str(unit),
                "name": name,
                "values": values,
                "ranks": ranks,
                "rank_source": sources,
                "changes": steps,
            }
        )
    return {"by": by, "years": years, "units": rows}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
