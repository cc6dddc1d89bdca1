"""Grades (xếp loại): each unit's band from its total, the count per band, and what the next band takes.

A band holds the totals from its lower bound (inclusive: `từ 80 điểm trở lên`) up to the band above's
bound (exclusive: `dưới 80 điểm`). A unit is graded on its total's value rounded half up to
`spec.precision` decimals, the value ranks compare (`scoring.competition_ranks`), so units tied in rank
share a grade: 79.996 of 100 points is 0.8000 at 4 decimals, in the band from 80 points. A bound in
points is a bound in value of bound ÷ the total's maximum (80 of 100 → 0.8000), rounded the same way (a
total exactly at the bound is in its band); both are compared as whole numbers of the last decimal.

The points to the next band are the band above's bound less the total (in points of the total, for a
band in value too: bound × the total's maximum), rounded up to hundredths of a point as they are shown:
a unit below a band never needs 0.00 points; the components that close it are the unit's
recoverable gaps (`Result.recoverable_matrix`: lost on reported data + at stake), each worth its gap
times the times it counts in the total (`Graph.aggregate`, as `dti gaps` weighs a what-if), largest
first, as many as it takes. Every step is one array operation over units × bands or units × components.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dti.engine.scoring import Result, round_half_up
from dti.spec.model import Band, Spec


@dataclass(frozen=True)
class Grades:
    """Units × bands of one result (units in the result's order)."""

    bands: list[Band]  # highest first
    unit_codes: list[str]
    band: np.ndarray  # per unit: the index of its band in `bands`; -1 without a total or below them all
    counts: np.ndarray  # per band: how many units it holds
    to_next: np.ndarray  # per unit: points to reach the band above; NaN at the top or without a grade
    components: list[str]  # the scored components, as `order` numbers them
    worth: np.ndarray  # units × components: total points each component's gap would add
    order: np.ndarray  # units × components: components by `worth`, largest first
    closing: np.ndarray  # per unit: how many of `order`'s first components close `to_next`; 0 if none can
    # `components` is empty for a table of published values: its gaps are unknown

    def name(self, unit: int) -> str | None:
        """The unit's grade as the decision writes it, None without one."""
        k = int(self.band[unit])
        return self.bands[k].name_vi if k >= 0 else None

    def closers(self, unit: int) -> list[tuple[str, float]]:
        """The components whose gaps close the way to the next band, with the total points each adds."""
        picked = self.order[unit, : int(self.closing[unit])].tolist()
        return [(self.components[j], float(self.worth[unit, j])) for j in picked]


def grade(result: Result) -> Grades | None:
    """The grades of every unit of `result`; None when the spec has no bands."""
    if not result.spec.bands:  # before the gaps: units × nodes, costly at 100,000 units
        return None
    graph = result.spec.graph
    total = graph.index[result.spec.total]
    # A table of published values holds no component points: nothing is known of its gaps.
    known = not np.isnan(result.points_matrix[:, graph.is_leaf]).all()
    gaps = result.recoverable_matrix if known else None
    return grade_values(result.spec, result.unit_codes, result.values_matrix[:, total], gaps)


def grade_values(
    spec: Spec, units: list[str], values: np.ndarray, recoverable: np.ndarray | None = None
) -> Grades | None:
    """The grades of units whose total has these values (0–1, NaN where unknown); `recoverable` (units
    × nodes, `Result.recoverable_matrix`) gives the components that close the way to the next band (a
    table of published values has none). None when the spec has no bands."""
    if not spec.bands:
        return None
    graph = spec.graph
    total = graph.index[spec.total]
    top = float(graph.max_points[total])
    by_value = spec.bands[0].scale == "value"
    points = values * top
    scale = 10.0**spec.precision
    # The value as ranks compare it, and each bound in value, as whole numbers of the last decimal.
    keys = np.rint(round_half_up(values, spec.precision) * scale)
    bounds = np.array([b.at_least for b in spec.bands])
    bound_keys = np.rint(round_half_up(bounds if by_value else bounds / top, spec.precision) * scale)
    # Bands go highest first: a unit's band is the count of bounds above its total.
    band = (np.nan_to_num(keys, nan=-np.inf)[:, None] < bound_keys[None, :]).sum(axis=1)
    band = np.where(np.isnan(keys) | (band == len(bounds)), -1, band)
    counts = np.bincount(band[band >= 0], minlength=len(bounds))
    above = np.where(band > 0, bounds[np.maximum(band - 1, 0)] * (top if by_value else 1.0), np.nan)
    to_next = np.where(band > 0, np.ceil(np.maximum(above - points, 0.0) * 100 - 1e-6) / 100, np.nan)

    leaves = np.flatnonzero(graph.is_leaf & (np.nan_to_num(graph.max_points) > 0))
    if recoverable is None:  # no components to name
        leaves = leaves[:0]
    basis = np.zeros((len(leaves), len(graph.codes)))
    basis[np.arange(len(leaves)), leaves] = 1.0
    counted = graph.aggregate(basis)[:, total]  # how many times each component counts in the total
    gaps = np.zeros((len(units), len(graph.codes))) if recoverable is None else recoverable
    worth = gaps[:, leaves] * counted[None, :]  # units × 0 without `recoverable`
    order = np.argsort(-worth, axis=1, kind="stable")
    reached = np.cumsum(np.take_along_axis(worth, order, axis=1), axis=1) >= (to_next - 1e-9)[:, None]
    enough = reached.any(axis=1) & (to_next > 0)
    first = np.argmax(reached, axis=1) if len(leaves) else np.zeros(len(units), dtype=int)
    closing = np.where(enough, first + 1, 0)
    return Grades(
        list(spec.bands),
        list(units),
        band,
        counts,
        to_next,
        [graph.codes[j] for j in leaves.tolist()],
        worth,
        order,
        closing,
    )


__all__ = ["Grades", "grade", "grade_values"]
