"""What closing a gap is worth: assumed values, scenarios, every unit closing its largest gaps, next places.

A what-if changes leaf points; the new points of every node follow from one matrix product with the
gaps' `reach` (leaf × node), so 1,000 scenarios, or one per unit, are one product and a sort, never a
Python loop over units. Ranks compare values rounded to `spec.precision` as the published tables do: a
unit passes another when its rounded value is strictly greater.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import reduce

import numpy as np

from dti.analysis.gaps import Gaps, GapsError
from dti.engine.scoring import Result, round_half_up
from dti.numbers import STATUS_CODE, parse_number
from dti.spec import Spec
from dti.words import Note, note

FULL = frozenset({"full", "max", "đủ", "tối đa", "đạt tối đa"})  # `--assume HTS=full`: every component to max


def assumed_points(spec: Spec, assumed: dict[str, str]) -> tuple[dict[str, float], list[Note | str]]:
    """Points of each assumed `CODE=VALUE`, read and scored as a submitted cell is; and reading notes.

    `full` (or `max`, `đủ`) gives every component under a node its maximum. GapsError names the bad value.
    """
    from dti.engine import rules
    from dti.engine.columns import indicator_code
    from dti.engine.scales import settle_percent_scales
    from dti.engine.submission import Layer, Source, Submission
    from dti.engine.validate import validate

    graph = spec.graph
    out: dict[str, float] = {}
    cells: list[tuple[int, str]] = []
    for text, raw in assumed.items():
        code = indicator_code(text.strip(), spec)
        if code is None:
            raise GapsError(note("refusal.assume-not-a-code", text=text, raw=raw, spec=spec.id))
        j = graph.index[code]
        if raw.strip().casefold() in FULL:
            for k in [j, *(graph.index[c] for c in graph.descendants(code))]:
                if graph.is_leaf[k]:
                    out[graph.codes[k]] = float(np.nan_to_num(graph.max_points[k]))
            continue
        if not graph.is_leaf[j]:
            raise GapsError(note("refusal.assume-not-a-component", code=code, raw=raw))
        cells.append((j, raw.strip()))
    if not cells:
        return out, []
    shape = (1, len(graph.codes))
    layer = Layer.empty(shape)
    for n, (j, raw) in enumerate(cells):
        parsed = parse_number(raw)
        layer.value[0, j], layer.percent[0, j] = parsed.value, parsed.percent
        layer.status[0, j] = STATUS_CODE[parsed.status]
        layer.token[0, j], layer.source[0, j], layer.col[0, j] = n, 0, n
    header = tuple(graph.codes[j] for j, _ in cells)
    submission = Submission(
        ["?"],
        graph.codes,
        {"": layer},
        np.array([r for _, r in cells], dtype=object),
        [Source("", None, header)],
    )
    notes: list[Note | str] = [
        note("analysis.gaps.assume", code=i.column, issue=Note(i.key, i.params) if i.key else i.message)
        for i in settle_percent_scales(spec, submission)
    ]
    checked = validate(spec, submission)
    errors = checked.errors
    notes += [
        note("analysis.gaps.assume", code=i.indicator, issue=Note(i.key, i.params) if i.key else i.message)
        for i in checked.warnings
        if i.value is not None
    ]
    if errors:
        said = (
            note(
                "refusal.assume-invalid",
                code=e.column,
                raw=e.value,
                issue=Note(e.key, e.params) if e.key else e.message,
            )
            for e in errors
        )
        raise GapsError(reduce(lambda said, then: note("refusal.assume-and", said=said, then=then), said))
    scored = rules.points(spec, submission.counted(), submission.tokens)
    for j, raw in cells:
        if np.isnan(scored[0, j]):
            raise GapsError(note("refusal.assume-unscorable", code=graph.codes[j], raw=raw))
        out[graph.codes[j]] = float(scored[0, j])
    return out, notes


@dataclass
class Pool:
    """The units a unit is ranked among (itself excluded): their values per node."""

    codes: list[str]
    values: np.ndarray  # units × nodes
    precision: int
    names: list[str] = field(default_factory=list)

    _sorted: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def sorted_keys(self, j: int) -> np.ndarray:
        """The others' rounded values of node j as sorted whole numbers of the last decimal."""
        if j not in self._sorted:
            keys = _keys(self.values[:, j], self.precision)
            self._sorted[j] = np.sort(keys[~np.isnan(keys)])
        return self._sorted[j]

    def ranks(self, values: np.ndarray, j: int) -> np.ndarray:
        """Competition ranks among the pool of many values of node j (0 where a value is NaN)."""
        keys = _keys(np.asarray(values, dtype=float), self.precision)
        pool = self.sorted_keys(j)
        rank = len(pool) - np.searchsorted(pool, np.nan_to_num(keys), side="right") + 1
        return np.where(np.isnan(keys) | (len(pool) == 0), 0, rank)


def _keys(values: np.ndarray, precision: int) -> np.ndarray:
    return np.rint(round_half_up(values, precision) * 10.0**precision)


def pool_of(result: Result, unit: str | None) -> Pool:
    """The units of a result other than `unit`."""
    codes = np.asarray(result.unit_codes, dtype=object)
    keep = codes != unit
    names = np.asarray(result.unit_names, dtype=object)[keep].tolist()
    return Pool(codes[keep].tolist(), result.values_matrix[keep], result.spec.precision, names)


@dataclass
class WhatIf:
    assumed: dict[str, float]  # leaf → its assumed points
    closed: list[str]  # the gaps closed by --close, largest first
    points: np.ndarray  # nodes: new points
    values: np.ndarray  # nodes: new values
    rank: np.ndarray  # nodes: new rank among the pool (0 = none)
    rank_before: np.ndarray  # nodes: rank of the current values among the same pool

    def places_gained(self, j: int) -> int | None:
        before, after = int(self.rank_before[j]), int(self.rank[j])
        return before - after if before and after else None


def scenarios(gaps: Gaps, unit: int, new_leaf_points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """New node points and values of one unit under many scenarios (scenarios × leaves → × nodes).

    One matrix product: the change of each leaf's points times its reach in every node.
    """
    current = np.nan_to_num(gaps.points[unit])
    delta = np.asarray(new_leaf_points, dtype=float) - current
    points = gaps.result.points_matrix[unit] + delta @ gaps.reach
    top = gaps.spec.graph.max_points
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(top > 0, points / top, np.nan)
    return points, values


def what_if(
    gaps: Gaps, unit: str, assumed: dict[str, float], close: int = 0, pool: Pool | None = None
) -> WhatIf:
    """Assumed points for some components and the `close` largest other gaps closed to full points."""
    i = gaps.unit(unit)
    pool = pool or pool_of(gaps.result, unit)
    new = np.nan_to_num(gaps.points[i]).copy()
    at = {c: k for k, c in enumerate(gaps.codes)}
    for code, value in assumed.items():
        if code in at:
            new[at[code]] = value
    gap = gaps.gap[i].copy()
    gap[[at[c] for c in assumed if c in at]] = 0
    closed = [int(k) for k in _top(gap[None, :], close)[0] if gap[k] > 0]
    new[closed] = gaps.max[closed]
    points, values = scenarios(gaps, i, new[None, :])
    n = len(gaps.spec.graph.codes)
    rank = np.array([pool.ranks(values[:, j], j)[0] for j in range(n)])
    before = np.array([pool.ranks(gaps.result.values_matrix[i : i + 1, j], j)[0] for j in range(n)])
    return WhatIf(assumed, [gaps.codes[k] for k in closed], points[0], values[0], rank, before)


def everywhere(gaps: Gaps, assumed: dict[str, float], close: int, node: str) -> tuple[np.ndarray, np.ndarray]:
    """Every unit reaches at least the assumed points (a unit above keeps its own: "what if every unit
    reached 50 %" is a floor) and closes its own `close` largest other gaps: its new value of `node`, and
    places gained among the others as they are (no loop over units)."""
    j = gaps.spec.graph.index[node]
    weight = gaps.reach[:, j]
    cols = [k for k, c in enumerate(gaps.codes) if c in assumed]
    gap = gaps.gap
    gain = np.zeros(len(gap))
    if cols:
        target = np.array([assumed[gaps.codes[k]] for k in cols])
        now = np.nan_to_num(gaps.points[:, cols])
        gain += (np.maximum(target, now) - now) @ weight[cols]
        gap = gap.copy()
        gap[:, cols] = 0  # an assumed component is not a gap to close
    order = _top(gap, close)
    gain += (np.take_along_axis(gap, order, axis=1) * weight[order]).sum(axis=1)
    old = gaps.result.values_matrix[:, j]
    value = old + gain / gaps.spec.graph.max_points[j]
    keys_old, keys_new = _keys(old, gaps.spec.precision), _keys(value, gaps.spec.precision)
    pool = np.sort(keys_old[~np.isnan(keys_old)])
    above_old = len(pool) - np.searchsorted(pool, np.nan_to_num(keys_old), side="right")
    above_new = len(pool) - np.searchsorted(pool, np.nan_to_num(keys_new), side="right")
    # Among the others as they are: a unit's own old value is above its new one only when it falls,
    # and then it is counted once too many.
    above_new -= (keys_old > keys_new).astype(int)
    places = np.where(np.isnan(value), 0, above_old - above_new)
    return value, places


def _top(gap: np.ndarray, n: int) -> np.ndarray:
    """Per row, the positions of the n largest gaps, ties to the first in spec order.

    A few closed gaps: n passes of argmax over all rows (a loop over n, not over units); more: a sort.
    """
    n = min(n, gap.shape[1])
    if n > 8:
        return np.argsort(-gap, axis=1, kind="stable")[:, :n]
    work = gap.copy() if n > 1 else gap
    rows = np.arange(len(gap))
    out = np.empty((len(gap), n), dtype=int)
    for r in range(n):
        out[:, r] = work.argmax(axis=1)
        if r < n - 1:
            work[rows, out[:, r]] = -np.inf
    return out


# --- distance to the next places -----------------------------------------------------------------------


@dataclass(frozen=True)
class NextUp:
    node: str
    rank: int | None
    unit_above: str | None  # the unit ranked just above (the first of a tie)
    name_above: str
    points_needed: float | None  # to the hundredth, rounded up: the least that passes it
    closes: list[str] | None  # the smallest set of the largest gaps that gets there; None: out of reach


def next_up(gaps: Gaps, unit: str, nodes: list[str], pool: Pool | None = None) -> list[NextUp]:
    """Per node: the points needed to pass the unit ranked just above, and the gaps that get there."""
    i = gaps.unit(unit)
    spec = gaps.spec
    pool = pool or pool_of(gaps.result, unit)
    scale = 10.0**spec.precision
    out = []
    for node in nodes:
        j = spec.graph.index[node]
        value = gaps.result.values_matrix[i, j]
        keys = _keys(pool.values[:, j], spec.precision)
        own = _keys(np.array([value]), spec.precision)[0]
        higher = np.flatnonzero(keys > own) if not np.isnan(own) else np.zeros(0, int)
        rank = int(pool.ranks(np.array([value]), j)[0]) or None
        if not len(higher):
            out.append(NextUp(node, rank, None, "", None, None))
            continue
        target = keys[higher].min()
        first = int(higher[np.argmax(keys[higher] == target)])
        above, name = pool.codes[first], pool.names[first] if pool.names else ""
        # passing means a rounded value of target + 1 at least: value ≥ (target + 0.5) / scale
        top = float(spec.graph.max_points[j])
        exact = top * (target + 0.5) / scale - float(gaps.result.points_matrix[i, j])
        needed = math.ceil(round(exact * 100, 6)) / 100
        gain = gaps.gap[i] * gaps.reach[:, j]
        order = np.argsort(-gain, kind="stable")
        total = np.cumsum(gain[order])
        k = int(np.searchsorted(total, needed - 1e-9))  # the first prefix that reaches it
        closes = [gaps.codes[int(c)] for c in order[: k + 1]] if k < len(total) else None
        out.append(NextUp(node, rank, above, name, needed, closes))
    return out


__all__ = [
    "FULL",
    "NextUp",
    "Pool",
    "WhatIf",
    "assumed_points",
    "everywhere",
    "next_up",
    "pool_of",
    "scenarios",
    "what_if",
]
