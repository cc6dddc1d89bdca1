"""A year's table of values and ranks, ranks and places, regions, and the comparison of years as data
(`dti rank --format json`). Several years compared, and the 2025 mergers: dti/analysis/years.py."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from dti.analysis.means import check_published
from dti.engine.lookup import RankingError as RankingError
from dti.engine.lookup import find_unit as find_unit
from dti.engine.lookup import node_code as node_code
from dti.engine.scoring import Result, rank_frame
from dti.engine.submission import PublishedMean
from dti.io.register import UnitRegister
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec import Spec
from dti.words import Note, note

if TYPE_CHECKING:
    from dti.pipeline import Run


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
    """'computed' where a rank exists, None elsewhere: one block of objects (a string column per node
    was 50 ms a year at 10,000 units, each made an Arrow array)."""
    source = np.full(ranks.shape, None, dtype=object)
    source[ranks.notna().to_numpy()] = "computed"
    return pd.DataFrame(source, index=ranks.index, columns=ranks.columns, dtype=object, copy=False)


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


@dataclass
class Compared:
    """Node `by` over the years as a list per field, the units in the latest year's rank order: the rows
    of `dti rank --format json` before they are rows (a report of 10,000 units shows a few of them)."""

    by: str
    years: list[int]  # oldest first
    units: list[str]
    names: list[str]
    values: dict[int, list[float | None]]
    ranks: dict[int, list[int | None]]
    marks: dict[int, list[str | None]]  # where the year ranks the unit: "computed" or "published"
    steps: list[tuple[int, int, list[float | None], list[int | None]]]  # from, to, value %, places
    ranked: dict[int, int]  # how many units each year's ranks are out of

    def rows(self, at: list[int] | range | None = None) -> list[dict[str, Any]]:
        """The units (every one, or those at `at`) as `dti rank --format json` writes them."""
        keys = [(str(y), y) for y in self.years]
        values, ranks, marks, names = self.values, self.ranks, self.marks, self.names
        return [
            {
                "unit": self.units[i],
                "name": names[i],
                "values": {k: values[y][i] for k, y in keys},
                "ranks": {k: ranks[y][i] for k, y in keys},
                "rank_source": {k: marks[y][i] for k, y in keys},
                "changes": [
                    {"from": a, "to": b, "value_pct": pct[i], "places": moved[i]}
                    for a, b, pct, moved in self.steps
                ],
            }
            for i in (range(len(self.units)) if at is None else at)
        ]

    def data(self, at: list[int] | None = None) -> dict[str, Any]:
        """The `dti rank --format json` object: every unit, or the units at `at`."""
        ranked = {str(y): n for y, n in self.ranked.items()}
        return {"by": self.by, "years": self.years, "units": self.rows(at), "ranked": ranked}


def comparison(tables: list[YearTable], by: str) -> dict[str, Any]:
    """The `dti rank --format json` object for node `by` over the years, oldest first."""
    return compare(tables, by).data()


def compare(tables: list[YearTable], by: str) -> Compared:
    """Node `by` over the years, oldest first: each year's names, values, ranks and rank sources aligned
    on the units once (whole columns, no lookup per unit): 10,000 units in milliseconds."""
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
    rank_only = {y: [None if r is None else r[0] for r in standing[y]] for y in years}
    marked = {
        y: [_str(s) if r else None for s, r in zip(sources[y], standing[y], strict=True)] for y in years
    }
    steps = []
    for before, after in zip(tables, tables[1:], strict=False):
        old, new = values[before.year], values[after.year]
        pct = [None if not o or n is None else (n - o) / o * 100 for o, n in zip(old, new, strict=True)]
        moved = [places(a, b) for a, b in zip(standing[before.year], standing[after.year], strict=True)]
        steps.append((before.year, after.year, pct, moved))
    unit_codes = [str(u) for u in order.tolist()]
    return Compared(by, years, unit_codes, names, values, rank_only, marked, steps, counts)


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


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
