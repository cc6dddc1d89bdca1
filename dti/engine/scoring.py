"""score(spec, submission) -> Result: rule points, one aggregation up the DAG, values and ranks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.engine import rules
from dti.engine.submission import Layer, Submission
from dti.spec import Spec

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from dti.spec.graph import Graph


@dataclass
class Result:
    """Every stage of a scoring run as units × nodes matrices (NaN where a node has no value).

    The pandas properties (values, points, ranks...) are views made on first use, for library users.
    """

    spec: Spec
    year: int | None
    unit_codes: list[str]
    unit_names: list[str]
    points_matrix: np.ndarray  # NaN where the data do not determine the node
    values_matrix: np.ndarray  # points / max; NaN where max is 0 or the node is undetermined
    ranks_matrix: np.ndarray  # competition ranks on values rounded to spec.precision; 0 = no rank
    stake_of: Callable[[], np.ndarray]  # makes missing_matrix (see there)
    self_matrix: np.ndarray  # the self-assessed view (verified cells replaced by self cells where given)

    @cached_property
    def missing_matrix(self) -> np.ndarray:
        """Points at stake: what missing data could have earned (NaN where undetermined). Made on first
        use: `dti score` never reads it, and at 100,000 units it is another 180 MB and a sum up the DAG."""
        return self.stake_of()

    @property
    def codes(self) -> tuple[str, ...]:
        return self.spec.graph.codes

    @property
    def max_points_array(self) -> np.ndarray:
        return self.spec.graph.max_points

    def _frame(self, matrix: np.ndarray) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            matrix, index=pd.Index(self.unit_codes, name="unit", dtype=object), columns=list(self.codes)
        )

    @cached_property
    def units(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {"name": self.unit_names}, index=pd.Index(self.unit_codes, name="unit", dtype=object)
        )

    @cached_property
    def max_points(self) -> pd.Series:
        import pandas as pd

        return pd.Series(self.spec.graph.max_points, index=list(self.codes))

    @cached_property
    def points(self) -> pd.DataFrame:
        return self._frame(self.points_matrix)

    @cached_property
    def values(self) -> pd.DataFrame:
        return self._frame(self.values_matrix)

    @cached_property
    def ranks(self) -> pd.DataFrame:
        return int_frame(self.ranks_matrix, self.values.index, self.codes)

    @cached_property
    def missing_points(self) -> pd.DataFrame:
        return self._frame(self.missing_matrix)

    @cached_property
    def self_points(self) -> pd.DataFrame:
        return self._frame(self.self_matrix)

    @cached_property
    def lost_matrix(self) -> np.ndarray:
        """Points lost on reported data per unit × node: max − points − at stake, never below 0.

        The one rule for missing values: where the data do not determine a node's points, its loss is
        unknown (NaN), not the whole maximum; points at stake that are unknown (a published table of
        values says nothing of missing data) count as none, so such a table loses max − points.
        """
        return self._lost(np.nan_to_num(self.missing_matrix))

    def lost_at(self, rows: Any, cols: Any) -> np.ndarray:
        """lost_matrix[rows][:, cols], made from those cells alone (a report's 9 main indices of 10,000
        communes, not the whole matrix)."""
        stake = np.nan_to_num(self.missing_matrix[rows][:, cols])
        return self._lost(stake, self.points_matrix[rows][:, cols], self.max_points_array[cols])

    def _lost(
        self, stake: np.ndarray, points: np.ndarray | None = None, top: np.ndarray | None = None
    ) -> np.ndarray:
        """max − points − stake clipped at 0, in one fresh matrix."""
        lost = np.subtract(
            self.max_points_array if top is None else top, self.points_matrix if points is None else points
        )
        lost -= stake
        return np.clip(lost, 0, None, out=lost)

    @cached_property
    def recoverable_matrix(self) -> np.ndarray:
        """Points a unit could still gain per node: lost on reported data + at stake; 0 where unknown."""
        stake = np.nan_to_num(self.missing_matrix)
        gain = self._lost(stake)
        gain += stake
        return np.nan_to_num(gain, copy=False)

    @property
    def lost_points(self) -> pd.DataFrame:
        """Points lost on reported data (see lost_matrix)."""
        return self._frame(self.lost_matrix)

    @property
    def recoverable_points(self) -> pd.DataFrame:
        """Points lost plus points at stake (see recoverable_matrix)."""
        return self._frame(self.recoverable_matrix)

    @property
    def appraisal_change(self) -> pd.DataFrame:
        """Verified minus self-assessed points per node (0 where the appraisal changed nothing)."""
        return self._frame(self.points_matrix - self.self_matrix)


# Per unit: (value change in %, places gained), None where a year has no value.
Changes = dict[str, tuple[float | None, int | None]]


def changes(before: Result, after: Result, by: str) -> Changes:
    """Per unit of either year (the later year's first): value change in % and places gained on `by`.

    value % = (new − old) / old × 100 (none when old is 0); places = old rank − new rank (+ = up).
    """
    j_before, j_after = before.spec.graph.index[by], after.spec.graph.index[by]
    old = {
        u: (before.values_matrix[i, j_before], before.ranks_matrix[i, j_before])
        for i, u in enumerate(before.unit_codes)
    }
    new = {
        u: (after.values_matrix[i, j_after], after.ranks_matrix[i, j_after])
        for i, u in enumerate(after.unit_codes)
    }
    out: Changes = {}
    for unit in [*new, *(u for u in old if u not in new)]:
        (old_value, old_rank), (new_value, new_rank) = old.get(unit, (np.nan, 0)), new.get(unit, (np.nan, 0))
        pct = (new_value - old_value) / old_value * 100 if old_value > 0 and new_value == new_value else None
        out[unit] = (
            None if pct is None else float(pct),
            int(old_rank - new_rank) if old_rank and new_rank else None,
        )
    return out


def round_half_up(values: Any, precision: int) -> Any:
    """Round as published tables do (0.45875 -> 0.4588), not half-to-even on the binary value."""
    scale = 10.0**precision
    return np.floor(values * scale + 0.5 + 1e-9) / scale


def competition_ranks(
    values: np.ndarray, precision: int, fill: Callable[[int], None] | None = None
) -> np.ndarray:
    """Competition ranks per column (ties share the best rank, the next is skipped); 0 where no value.

    Values are compared rounded to `precision` decimals, as whole numbers of the last decimal, and
    ranked by counting: rank = 1 + how many values of the column are greater. `fill(j)`, when given,
    writes values[:, j] just before it is ranked, while the column is still in the cache.
    """
    scale = 10.0**precision
    ranks = np.zeros(values.shape, dtype=np.int32, order="F")
    # one key and one slot buffer for every column: a fresh array per column and step cost more than the
    # ranking itself at 100,000 units (allocation, and a float → int64 cast into new memory)
    keys = np.empty(values.shape[0])
    slots = np.empty(values.shape[0], dtype=np.intp)
    for j in range(values.shape[1]):
        if fill is not None:
            fill(j)
        np.multiply(values[:, j], scale, out=keys)
        keys += 0.5 + 1e-9
        np.floor(keys, out=keys)
        given = ~np.isnan(keys)
        if not given.any():
            continue
        every = bool(given.all())  # usually all: no mask copy
        column = keys if every else keys[given]
        low = column.min()
        span = column.max() - low + 1
        if span <= 4 * len(column) + 1024:  # a counting sort over the integer keys
            at = slots[: len(column)]
            np.subtract(column, low, out=at, casting="unsafe")  # whole numbers: cast exactly
            counts = np.bincount(at, minlength=int(span))
            # int32 as the ranks: a take into another type goes through a buffer (3x slower)
            above = np.cumsum(counts, dtype=np.int32)
            np.subtract(len(column) + 1, above, out=above)  # 1 + how many keys are greater than each slot
            if every:
                np.take(above, at, out=ranks[:, j], mode="clip")
            else:
                ranks[given, j] = above[at]
        else:
            ordered = np.sort(column)
            ranks[given, j] = len(ordered) - np.searchsorted(ordered, column, side="right") + 1
    return ranks


def int_frame(ranks: np.ndarray, index: Any, columns: Any) -> pd.DataFrame:
    """Ranks as nullable integers (0 = no rank → <NA>)."""
    import pandas as pd

    data = {
        c: pd.arrays.IntegerArray(ranks[:, j].astype(np.int64), ranks[:, j] == 0)
        for j, c in enumerate(columns)
    }
    return pd.DataFrame(data, index=index)


def _result(
    spec: Spec,
    submission: Submission,
    keep: np.ndarray,
    points: np.ndarray,
    stake: Callable[[], np.ndarray],
    self_points: np.ndarray,
) -> Result:
    top = spec.graph.max_points
    values = np.empty(points.shape, order="F")

    def fill(j: int) -> None:  # points / max; NaN where max is 0 or unknown
        if top[j] > 0:
            np.divide(points[:, j], top[j], out=values[:, j])
        else:
            values[:, j] = np.nan

    units = (
        list(submission.units)
        if keep.all()
        else [u for u, k in zip(submission.units, keep, strict=True) if k]
    )
    try:  # every unit named (the usual): looked up in C, not a Python step per unit
        names = list(map(submission.names.__getitem__, units))
    except KeyError:
        names = [submission.names.get(u, "") for u in units]
    return Result(
        spec,
        submission.year,
        units,
        names,
        points,
        values,
        competition_ranks(values, spec.precision, fill),  # each column made as it is ranked: read once
        stake,
        self_points,
    )


def score(spec: Spec, submission: Submission) -> Result:
    """Score every unit of a submission. Raise SpecError if the spec cannot score.

    A node is determined when every leaf path beneath it ends at a given cell within its own subtree,
    or at a leaf nobody gave (missing data: 0 points, at stake). Nodes below a given node are not. The
    leaves under an empty cell of a table of values (submission.unknown) are unknown, not nobody's: unless
    cells given below it determine it, its node and every node that needs it are undetermined, never 0.
    """
    spec.require_scorable()
    graph = spec.graph
    counted = submission.counted()
    keep = np.asarray(counted.given.any(axis=1))
    counted = counted.rows(keep)
    given = counted.given
    leaf_points = rules.points(spec, counted, submission.tokens)
    self_view = submission.self_view()
    if self_view is None:
        _forget_blocks(submission, counted)  # before the result's matrices are made: a lower peak
    unscored = np.isnan(leaf_points)  # cells not given are NaN too (rules.points)
    missing = given & unscored
    top = np.nan_to_num(graph.max_points)
    reached = graph.spread_down(given)
    if (unknown := submission.unknown_scored(spec, keep)) is not None:
        reached |= graph.spread_down(unknown) & (top > 0)  # unknown leaves; one worth nothing is 0 anyway
    absent = graph.is_leaf & ~reached
    del reached
    undetermined = _undetermined(spec, given, absent)

    def up(base: np.ndarray) -> np.ndarray:
        """Sum up the DAG in place; NaN where the data do not determine the node."""
        total = graph.aggregate(base, inplace=True)
        if undetermined is not None:
            np.copyto(total, np.nan, where=undetermined)
        return total

    np.copyto(leaf_points, 0.0, where=unscored)  # what is not given or missing scores 0
    del unscored
    points = up(leaf_points)
    at_stake = absent | missing  # what missing data could earn, summed up when first asked for

    def stake() -> np.ndarray:
        return up(np.where(at_stake, top, 0.0))

    self_points = points
    if self_view is not None:
        own = rules.points(spec, self_view.rows(keep), submission.tokens)
        _forget_blocks(submission, counted)
        own[~given | np.isnan(own)] = 0.0
        self_points = up(own)
    return _result(spec, submission, keep, points, stake, self_points)


def from_below(graph: Graph, value: np.ndarray) -> np.ndarray:
    """Each node's value from the deepest known values beneath it (units × nodes, NaN: not known), where
    those cover every scored leaf of the node (points = Σ value × max, summed up the DAG, as the ministry
    computes pillars and DTI from main indices); NaN elsewhere, and at the deepest known nodes their own."""
    top = np.nan_to_num(graph.max_points)
    base, covered = covered_below(graph, ~np.isnan(value))
    with np.errstate(divide="ignore", invalid="ignore"):
        recomputed = graph.aggregate(np.where(base, value * top, 0.0)) / top
    return np.where(covered, recomputed, value)


def covered_below(graph: Graph, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The deepest known nodes worth points (known, nothing known below them), and the nodes worth points
    whose every scored leaf lies under one of those (a node the deepest known nodes determine)."""
    top = np.nan_to_num(graph.max_points)
    known = known & (top > 0)
    base = known & (graph.aggregate(known * 1.0) - known == 0)
    scored_leaves = graph.aggregate((graph.is_leaf & (top > 0)) * 1.0)
    covered = graph.aggregate(base * scored_leaves) == scored_leaves
    return base, covered & (scored_leaves > 0) & (top > 0)


def _undetermined(spec: Spec, given: np.ndarray, absent: np.ndarray) -> np.ndarray | None:
    """Where some leaf path beneath a node ends neither at a given cell nor at a leaf nobody gave; None
    when there is no such node: with components alone given (the usual file) each leaf is given or
    absent, and so every node is covered."""
    graph = spec.graph
    if not given[:, ~graph.is_leaf].any():
        return None
    paths = graph.leaf_paths  # whole numbers: counted in int32 when they fit (half a float matrix)
    paths = paths.astype(np.int32) if paths.max(initial=0) < 2**31 else paths
    coverage = graph.aggregate((given | absent) * paths, inplace=True)
    return np.asarray(coverage != paths)  # a node's covered paths never exceed its own


def _forget_blocks(submission: Submission, counted: Layer) -> None:
    """Let go of the rule blocks validation and scoring shared (a copy of every given cell)."""
    for layer in [*submission.layers.values(), counted]:
        layer.cache.clear()


def score_values(spec: Spec, submission: Submission) -> Result:
    """A results table: each node's value as published, ranked; a node the table leaves out, or whose cell
    is empty, is computed from the deepest nodes it gives where they cover it (the pillars of a table of
    DTI and main indices), else unknown (an empty main index: it, and the pillars that need it)."""
    counted = submission.counted()
    keep = np.asarray(counted.given.any(axis=1))
    counted = counted.rows(keep)
    given = np.where(counted.given, rules.as_fraction(counted.value, counted.percent), np.nan)
    value = np.where(np.isnan(given), from_below(spec.graph, given), given)
    points = value * spec.graph.max_points
    return _result(spec, submission, keep, points, lambda: np.full(points.shape, np.nan), points)
