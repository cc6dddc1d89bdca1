"""Means over the units a table holds, per year and region, their change between years, and the check of a
table's own mean row (`Trung bình cả nước`) against the mean of its units."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.io.headers import mean_region
from dti.text import header_key
from dti.words import Note, note

if TYPE_CHECKING:
    from dti.analysis.ranking import YearTable
    from dti.engine.submission import PublishedMean

ALL = "all"  # the scope of a mean over every unit of the table (the national mean of a province table)
MIN_UNITS = 2  # a mean of one unit is that unit's value: not given


@dataclass(frozen=True)
class Mean:
    """The mean of node `code` over the units of one year's table (scope ALL) or of one region."""

    year: int
    scope: str  # ALL or a region's name
    code: str
    units: int  # the units with a value, which the mean covers
    value: float | None  # None under MIN_UNITS units
    published: float | None = None  # the table's own mean row of the scope
    of: int = 0  # the units of the register in the scope (0: not known): a mean of fewer is not its mean
    members: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "scope": self.scope,
            "units": self.units,
            "of": self.of or None,
            "value": self.value,
            "published": self.published,
        }


@dataclass(frozen=True)
class MeanChange:
    """A mean from one year to the next: the change in value and in % of the earlier mean."""

    scope: str
    code: str
    start: int
    end: int
    before: float
    after: float
    basis: str = "computed"  # or "published": the tables' own mean rows of both years

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def pct(self) -> float | None:
        return None if self.before == 0 else self.change / self.before * 100

    def as_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "from": self.start,
            "to": self.end,
            "before": self.before,
            "after": self.after,
            "value": self.change,
            "pct": self.pct,
            "basis": self.basis,
        }


def scope_means(
    values: np.ndarray, units: Sequence[str], regions: Mapping[str, str] | None = None
) -> list[tuple[str, np.ndarray, float | None]]:
    """Each scope's units with a value (a mask over `units`) and their mean (None under MIN_UNITS units):
    ALL first, then each region of `regions` (unit -> region) that holds a value, by name."""
    known = ~np.isnan(values)
    scopes = [(ALL, known)]
    if regions:
        of = np.array([regions.get(u) or "" for u in units], dtype=object)
        scopes += [(r, known & (of == r)) for r in sorted(set(of[known].tolist()) - {""})]
    mean = [float(values[known].mean())] + [_group_mean(values[held]) for _, held in scopes[1:]]
    return [
        (s, held, m if held.sum() >= MIN_UNITS else None) for (s, held), m in zip(scopes, mean, strict=True)
    ]


def _group_mean(values: np.ndarray) -> float:
    """A region's mean summed as pandas' groupby sums a group (Kahan's compensated sum in row order): the
    same last digit as `dti rank --region` has always given."""
    total = compensation = 0.0
    for value in values.tolist():
        y = value - compensation
        t = total + y
        compensation = t - total - y
        if compensation != compensation:  # an infinite value: no compensation
            compensation = 0.0
        total = t
    return total / len(values) if len(values) else math.nan


def means_data(
    tables: Sequence[YearTable], code: str, regions: Mapping[str, str] | None = None, size: int = 0
) -> dict[str, Any]:
    """The means of node `code` in each year over all units (and per region given `regions`: unit ->
    region), with the tables' own mean rows, and their changes: `{"means": [{year, scope, units, of,
    value, published}], "mean_changes": [{scope, from, to, before, after, value, pct, basis}],
    "mean_gaps": [{scope, from, to, units_from, units_to}]}`, as `dti rank --format json` gives them (scope
    ALL, or a region). `size`: the units of the register (0: not known; then the regions' are not either);
    `of` is how many of them a scope holds. A change is between the published means when both years give
    one, else between the computed means of the same units; a gap is a change not given (other units)."""
    means = year_means(tables, code, regions, size)
    changes, gaps = mean_changes(means)
    return {
        "means": [m.as_dict() for m in means],
        "mean_changes": [c.as_dict() for c in changes],
        "mean_gaps": gaps,
    }


def year_means(
    tables: Sequence[YearTable], code: str, regions: Mapping[str, str] | None = None, size: int = 0
) -> list[Mean]:
    """The means of node `code` in each year (oldest first), over all units and per region, with the
    table's own mean row where it gives one, and the units of the register in the scope (`size` units)."""
    sizes = Counter((regions or {}).values()) if size else Counter()
    out = []
    for table in sorted(tables, key=lambda t: t.year):
        if table.column(code) is None:
            continue
        units = np.array(table.units, dtype=object)
        for scope, held, value in scope_means(table.value_column(code), table.units, regions):
            published = published_mean(table.means, code, scope)
            given = None if published is None else published.value
            members = frozenset(units[held].tolist())
            of = size if scope == ALL else sizes[scope]
            out.append(Mean(table.year, scope, code, len(members), value, given, of, members))
    return out


def mean_changes(means: Sequence[Mean]) -> tuple[list[MeanChange], list[dict[str, Any]]]:
    """Each scope's change from one year to the next year it has a mean: between the published means when
    both give one, else between the computed means when both cover the same units; the gaps where the units
    differ (`{scope, from, to, units_from, units_to}`)."""
    out, gaps = [], []
    by_scope: dict[str, list[Mean]] = {}
    for m in sorted(means, key=lambda m: m.year):
        if m.value is not None or m.published is not None:
            by_scope.setdefault(m.scope, []).append(m)
    for scope, known in by_scope.items():
        for a, b in zip(known, known[1:], strict=False):
            if a.published is not None and b.published is not None:
                out.append(MeanChange(scope, a.code, a.year, b.year, a.published, b.published, "published"))
            elif a.value is None or b.value is None:
                continue
            elif a.members == b.members:
                out.append(MeanChange(scope, a.code, a.year, b.year, a.value, b.value))
            else:
                gaps.append(
                    {"scope": scope, "from": a.year, "to": b.year, "units_from": a.units, "units_to": b.units}
                )
    return out, gaps


def published_mean(means: Sequence[PublishedMean], code: str, scope: str = ALL) -> PublishedMean | None:
    """The first mean row of node `code` for the scope: the whole table's (ALL), or a region's."""
    region = None if scope == ALL else header_key(scope)
    return next((m for m in means if m.code == code and mean_region(m.label) == region), None)


def check_published(
    table: YearTable,
    means: Sequence[PublishedMean],
    complete: int,
    year: int,
    regions: Mapping[str, str] | None = None,
) -> list[Note]:
    """A note for each mean row that disagrees with the mean of the table's units (of its region, for a
    region's row: `regions` maps unit -> region), to the decimals it is published with, where the table
    holds a value of the node for `complete` units or more."""
    notes = []
    folded = {header_key(r): r for r in set((regions or {}).values())}
    for given in means:
        values = table.value_column(given.code)
        held = ~np.isnan(values)
        if table.column(given.code) is None or held.sum() < complete:
            continue
        region = mean_region(given.label)
        if region is not None:  # a region's row: its units
            if region not in folded or regions is None:
                continue
            held &= np.array([regions.get(u) == folded[region] for u in table.units], dtype=bool)
        if held.sum() < MIN_UNITS:
            continue
        computed = float(values[held].mean())
        digits = decimals(given.written)
        if abs(computed - given.value) <= 0.5 * 10.0**-digits + 1e-12:
            continue
        where = f"{given.file} ({given.sheet})" if given.sheet else given.file
        notes.append(
            note(
                "label.means.mismatch",
                file=where,
                row=given.row,
                cell=given.cell,
                label=given.label,
                code=given.code,
                year=year,
                published=given.written or round(given.value, digits),
                computed=round(computed, digits),
                units=int(held.sum()),
            )
        )
    return notes


def decimals(written: str, excel: int = 4) -> int:
    """The decimals a published mean is written with, trailing zeros kept: '0,5200' → 4, '0,52' → 2, '52,18%'
    → 4 (of the fraction); an Excel number cell (written '') → `excel`."""
    text = written.strip()
    if not text:
        return excel
    number = text.removesuffix("%").strip()
    mark = max(number.rfind(","), number.rfind("."))
    return (len(number) - mark - 1 if mark >= 0 else 0) + 2 * text.endswith("%")
