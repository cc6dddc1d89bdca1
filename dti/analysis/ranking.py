"""A year's table of values and ranks, ranks and places, regions, and the comparison of years as data
(`dti rank --format json`). Several years compared, and the 2025 mergers: dti/analysis/years.py."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.analysis.means import check_published
from dti.engine.lookup import RankingError as RankingError
from dti.engine.lookup import find_unit as find_unit
from dti.engine.lookup import node_code as node_code
from dti.engine.scoring import Result, competition_ranks, int_frame
from dti.engine.submission import PublishedMean
from dti.io.register import UnitRegister
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec import Spec
from dti.words import Note, note

if TYPE_CHECKING:
    import pandas as pd

    from dti.pipeline import Run


@dataclass
class YearTable:
    """One year's values and ranks per unit and node (the spec's nodes, in its order), with where each rank
    came from, as arrays: a report of 10,000 units reads columns of them without pandas. The frames
    (`values`, `ranks`, `rank_source`) are made on first use, for library users."""

    year: int
    spec: Spec
    units: list[str]  # the rows, in the table's order
    value_matrix: np.ndarray  # units × spec.graph.codes, NaN: no value
    rank_matrix: np.ndarray  # competition ranks (or as published), 0: no rank
    names: dict[str, str]  # unit -> name
    published: np.ndarray | None = None  # units × codes, True where the rank is as published
    issues: list[Issue] = field(default_factory=list)
    means: list[PublishedMean] = field(default_factory=list)  # the table's own mean rows, per node
    notes: list[Note | str] = field(default_factory=list)  # a mean row that disagrees with its units
    published_of: int = 0  # how many units the publisher ranked (the register's size; 0: no rank published)
    merged: tuple[YearTable, dict[str, str]] | None = None  # a merged year: the old units' table, old -> new

    @property
    def codes(self) -> tuple[str, ...]:
        return self.spec.graph.codes

    @cached_property
    def row(self) -> dict[str, int]:
        """Each unit's row in the arrays."""
        return {unit: i for i, unit in enumerate(self.units)}

    def column(self, code: str) -> int | None:
        """The column of node `code`, None when the spec has no such node."""
        return self.spec.graph.index.get(code)

    def value_column(self, code: str) -> np.ndarray:
        at = self.column(code)
        return np.full(len(self.units), np.nan) if at is None else self.value_matrix[:, at]

    def value(self, unit: str, code: str) -> float | None:
        """The unit's value of `code`, None when the table has none."""
        row, at = self.row.get(unit), self.column(code)
        found = math.nan if row is None or at is None else float(self.value_matrix[row, at])
        return None if found != found else found

    def rank(self, unit: str, code: str) -> int | None:
        """The unit's rank of `code` as the table holds it, None when it has none."""
        row, at = self.row.get(unit), self.column(code)
        return (
            None
            if row is None or at is None or not self.rank_matrix[row, at]
            else int(self.rank_matrix[row, at])
        )

    def published_rank(self, unit: str, code: str) -> bool:
        """Whether the unit's rank of `code` is the one its file publishes."""
        row, at = self.row.get(unit), self.column(code)
        return (
            self.published is not None
            and row is not None
            and at is not None
            and bool(self.published[row, at])
        )

    def source_column(self, code: str) -> list[str | None]:
        """'published', 'computed' or None (no rank) per unit."""
        at = self.column(code)
        if at is None:
            return [None] * len(self.units)
        ranked = self.rank_matrix[:, at] > 0
        published = self.published[:, at] if self.published is not None else np.zeros(len(ranked), bool)
        marks = np.where(published, "published", np.where(ranked, "computed", ""))
        return [m or None for m in marks.tolist()]

    @cached_property
    def values(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.value_matrix, index=self._index(), columns=list(self.codes))

    @cached_property
    def ranks(self) -> pd.DataFrame:  # Int64
        return int_frame(self.rank_matrix, self._index(), self.codes)

    @cached_property
    def rank_source(self) -> pd.DataFrame:  # "computed" | "published" | None
        import pandas as pd

        source = np.full(self.rank_matrix.shape, None, dtype=object)
        source[self.rank_matrix > 0] = "computed"
        if self.published is not None:
            source[self.published] = "published"
        return pd.DataFrame(source, index=self._index(), columns=list(self.codes), dtype=object, copy=False)

    def _index(self) -> pd.Index:
        import pandas as pd

        return pd.Index(self.units, name="unit", dtype=object)


def ranked_count(table: YearTable, code: str) -> int:
    """How many units a rank of `code` in this year's table is out of: the units it ranks, or for ranks as
    published (a top-18 table of 63 provinces) the units the publisher ranked."""
    at = table.column(code)
    if at is None:
        return 0
    column = table.rank_matrix[:, at]
    count = int(np.count_nonzero(column))
    if table.published is not None and table.published[:, at].any():
        count = max(count, table.published_of, int(column.max()))
    return count


def rank_of(table: YearTable, unit: str, code: str, count: int | None = None) -> tuple[int, int] | None:
    """The unit's rank of `code` this year and how many units it is out of (`count`, when known); None when
    the table does not rank it: the unit or the node is absent, or fewer than two units are ranked."""
    row, at = table.row.get(unit), table.column(code)
    if row is None or at is None:
        return None
    rank = int(table.rank_matrix[row, at])
    count = ranked_count(table, code) if count is None else count
    return None if rank == 0 or count < 2 else (rank, count)


def places(before: tuple[int, int] | None, after: tuple[int, int] | None) -> int | None:
    """Places gained between two years' ranks (rank, out of): only when both rank the unit among as many
    units (3/5 then 40/63 are not 37 places)."""
    if before is None or after is None or before[1] != after[1]:
        return None
    return before[0] - after[0]


def year_table(result: Result, year: int) -> YearTable:
    names = dict(zip(result.unit_codes, result.unit_names, strict=True))
    return YearTable(
        year, result.spec, list(result.unit_codes), result.values_matrix, result.ranks_matrix, names
    )


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
    size = len(register.names) if register.strict else len(table.units)
    means = run.submission.means_given
    notes: list[Note | str] = list(check_published(table, means, size, run.year, register.regions))
    table = replace(table, means=means, notes=notes)
    return apply_published(table, run.submission.ranks_given, size)


def apply_published(table: YearTable, given: list[tuple[str, str, int]], register_size: int) -> YearTable:
    """Use ranks as published; warn where the file has every unit's value and the computed rank differs.

    `given`: (unit, node code or '' for the total, rank), as the file's rank columns hold them.
    """
    if not given:
        return table
    extra = [u for u in dict.fromkeys(str(u) for u, _, _ in given) if u not in table.row]
    units = [*table.units, *extra]
    grow = ((0, len(extra)), (0, 0))
    values = np.pad(table.value_matrix, grow, constant_values=np.nan)
    ranks = np.pad(table.rank_matrix, grow).astype(np.int64)
    published = np.zeros(ranks.shape, dtype=bool)
    if table.published is not None:  # ranks an earlier call took as published stay so
        published[: len(table.units)] = table.published
    row = {unit: i for i, unit in enumerate(units)}
    by_code: dict[str, list[tuple[str, int]]] = {}
    for unit, code, rank in given:
        by_code.setdefault(code or table.spec.total, []).append((str(unit), int(rank)))
    issues = list(table.issues)
    for code in sorted(by_code):
        at = table.column(code)
        if at is None:
            continue
        rows = [row[u] for u, _ in by_code[code]]
        if np.count_nonzero(~np.isnan(values[:, at])) >= register_size:
            for (unit, rank), i in zip(by_code[code], rows, strict=True):
                if ranks[i, at] and ranks[i, at] != rank:
                    said = {
                        "year": table.year,
                        "code": code,
                        "published": rank,
                        "computed": int(ranks[i, at]),
                    }
                    issues.append(
                        issue(
                            IssueCode.RANK_MISMATCH,
                            Severity.WARNING,
                            "rank.mismatch",
                            said,
                            unit=unit,
                            indicator=code,
                        )
                    )
        else:  # a partial table: ranks over its own units would mislead
            ranks[:, at] = 0
        ranks[rows, at] = [rank for _, rank in by_code[code]]
        published[rows, at] = True
    names = {unit: table.names.get(unit, "") for unit in units}
    return replace(
        table,
        units=units,
        value_matrix=values,
        rank_matrix=ranks,
        names=names,
        published=published,
        issues=issues,
        published_of=register_size,
    )


def region_ranks(table: YearTable, register: UnitRegister | dict[str, str]) -> np.ndarray:
    """Competition ranks within each region (of the register, or unit -> region), for every node (0: none)."""
    regions = register if isinstance(register, dict) else register.regions
    of = np.array([regions.get(u) or "" for u in table.units], dtype=object)
    out = np.zeros(table.rank_matrix.shape, dtype=np.int64)
    for region in dict.fromkeys(r for r in of.tolist() if r):
        members = of == region
        out[members] = competition_ranks(table.value_matrix[members], table.spec.precision)
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
    latest = tables[-1]
    # the latest year's units first, in its order (ties stay in it, as `dti score` lists them), then
    # the earlier years' others
    units = list(dict.fromkeys([*latest.units, *(u for t in tables for u in t.units)]))
    column = latest.column(by)
    rank = np.zeros(len(units), np.int64)
    if column is not None:
        rank = _aligned(latest.rank_matrix[:, column], [latest.row.get(u, -1) for u in units], 0)
    # unranked units last (as int64: the int32 ranks cannot hold the largest key)
    keys = np.where(rank > 0, rank.astype(np.int64), np.iinfo(np.int64).max)
    order = [units[i] for i in np.argsort(keys, kind="stable").tolist()]
    counts = {t.year: ranked_count(t, by) for t in tables}
    names = [""] * len(order)
    for t in tables:  # oldest first: a later year's name wins
        names = [t.names.get(u) or n for u, n in zip(order, names, strict=True)]
    values: dict[int, list[float | None]] = {}
    standing: dict[int, list[tuple[int, int] | None]] = {}
    sources: dict[int, list[str | None]] = {}
    for t in tables:
        rows = [t.row.get(u, -1) for u in order]
        found = _aligned(t.value_column(by), rows, np.nan)
        values[t.year] = [None if v != v else v for v in found.tolist()]
        count, at = counts[t.year], t.column(by)
        ranks = [] if at is None or count < 2 else _aligned(t.rank_matrix[:, at], rows, 0).tolist()
        standing[t.year] = [(r, count) if r else None for r in ranks] or [None] * len(order)
        marks = t.source_column(by)
        sources[t.year] = [marks[i] if i >= 0 else None for i in rows]
    rank_only = {y: [None if r is None else r[0] for r in standing[y]] for y in years}
    marked = {y: [s if r else None for s, r in zip(sources[y], standing[y], strict=True)] for y in years}
    steps = []
    for before, after in zip(tables, tables[1:], strict=False):
        old, new = values[before.year], values[after.year]
        pct = [None if not o or n is None else (n - o) / o * 100 for o, n in zip(old, new, strict=True)]
        if before.merged is not None and after.merged is not None:  # no change between means of others
            was, now = _merged_of(before, by), _merged_of(after, by)
            pct = [None if was.get(u) != now.get(u) else p for u, p in zip(order, pct, strict=True)]
        moved = [places(a, b) for a, b in zip(standing[before.year], standing[after.year], strict=True)]
        steps.append((before.year, after.year, pct, moved))
    return Compared(by, years, order, names, values, rank_only, marked, steps, counts)


def _merged_of(table: YearTable, by: str) -> dict[str, frozenset[str]]:
    """A merged year's new units and the old units whose value of `by` each one averages."""
    assert table.merged is not None
    old, into = table.merged
    held: dict[str, set[str]] = {}
    for unit, value in zip(old.units, old.value_column(by).tolist(), strict=True):
        if value == value:
            held.setdefault(into[unit], set()).add(unit)
    return {new: frozenset(units) for new, units in held.items()}


def _aligned(column: np.ndarray, rows: list[int], missing: Any) -> np.ndarray:
    """column[rows], `missing` where a row is -1 (a unit the table does not hold)."""
    if not len(column):
        return np.full(len(rows), missing)
    at = np.asarray(rows, dtype=np.intp)
    return np.where(at >= 0, column[np.maximum(at, 0)], missing)
