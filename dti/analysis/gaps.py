"""Where points are lost and who owns them (`dti gaps`); what closing a gap is worth is in whatif.py.

Per unit × component: points, max, lost on reported data and at stake from missing data (as
`Result.lost_points` and `missing_matrix` define them), and the owner. A what-if changes leaf points; the
new points of every node follow from one matrix product with `reach` (leaf × node: how many times a
leaf's points count in a node, built by the spec's own `aggregate`), so 1,000 scenarios, or one per unit,
are one product and a sort, never a Python loop over units.

Ranks compare values rounded to `spec.precision` as the published tables do (`scoring.round_half_up`):
a unit passes another when its rounded value is strictly greater.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from dti.engine.scoring import Result
from dti.spec import Spec
from dti.tracking.owners import Owners
from dti.words import Note, note


class GapsError(ValueError):
    """A what-if that cannot be computed: an unknown code, a value the rule cannot score, no such unit.

    `note` says why (worded by the CLI in the user's language); str() is its English text."""

    def __init__(self, why: Note) -> None:
        super().__init__(str(why))
        self.note = why


@dataclass
class Gaps:
    """Components × units: points, max, lost, at stake, and the leaf → node reach matrix."""

    result: Result
    leaves: np.ndarray  # node indices of the scored components
    points: np.ndarray  # units × leaves; NaN where the data do not determine the component
    max: np.ndarray  # leaves
    lost: np.ndarray  # units × leaves: lost on reported data
    at_stake: np.ndarray  # units × leaves: what missing data could have earned
    reach: np.ndarray  # leaves × nodes: a leaf's points count this many times in each node
    owner: list[str | None]  # per leaf
    owners: Owners | None = None

    @property
    def spec(self) -> Spec:
        return self.result.spec

    @property
    def codes(self) -> list[str]:
        return [self.spec.graph.codes[j] for j in self.leaves.tolist()]

    @cached_property
    def gap(self) -> np.ndarray:
        """Recoverable points per unit × leaf: lost + at stake (0 where undetermined)."""
        return np.nan_to_num(self.lost + np.nan_to_num(self.at_stake))  # the leaves' recoverable_matrix

    def unit(self, code: str) -> int:
        try:
            return self.result.unit_codes.index(code)
        except ValueError:
            raise GapsError(note("refusal.no-unit-in-data", unit=code)) from None


def _by_unit(matrix: np.ndarray, columns: np.ndarray, block: int = 2048) -> np.ndarray:
    """matrix[:, columns] in row order: a unit's row is read at once, and the csv table of every unit ×
    component is the matrices' own buffers. The result's matrices are by column, so this transposes:
    a block of units at a time, each block's columns gathered and turned in the cache (gathering them
    all first would make a matrix as large once more, and its pages are the cost)."""
    out = np.empty((len(matrix), len(columns)), dtype=matrix.dtype)
    by_node = matrix.T
    for start in range(0, len(matrix), block):
        out[start : start + block] = by_node[columns, start : start + block].T
    return out


def build(result: Result, owners: Owners | None = None) -> Gaps:
    """The gaps of every unit. GapsError for a table of index values (no components to look at)."""
    graph = result.spec.graph
    top = np.nan_to_num(graph.max_points)
    leaves = np.flatnonzero(graph.is_leaf & (top > 0))
    points = _by_unit(result.points_matrix, leaves)
    if np.isnan(points[:1]).all() and np.isnan(points).all():  # the first unit's points answer at once
        raise GapsError(note("refusal.no-component-points"))
    stake = _by_unit(result.missing_matrix, leaves)
    # The leaves' columns of Result.lost_matrix, without making the units × nodes matrix (nor a copy
    # of the stake with its NaN as 0: they are skipped).
    lost = np.subtract(top[leaves], points)
    np.subtract(lost, stake, out=lost, where=~np.isnan(stake))
    np.clip(lost, 0, None, out=lost)
    basis = np.zeros((len(leaves), len(graph.codes)))
    basis[np.arange(len(leaves)), leaves] = 1.0
    reach = graph.aggregate(basis)  # one aggregation of the identity: row l = leaf l's weight in each node
    owner = [owners.lead.get(graph.codes[j]) if owners else None for j in leaves.tolist()]
    return Gaps(result, leaves, points, top[leaves], lost, stake, reach, owner, owners)


@dataclass(frozen=True)
class Group:
    """Points lost and at stake by one owner or one main index (over one unit, or summed over all)."""

    name: str | None  # None: components nobody owns
    lost: float
    at_stake: float
    share: float  # of the loss (lost + at stake) of the unit, or of all units
    components: list[str]  # by loss, largest first
    units_losing: int = 0  # province-wide: units that lose points here


def _groups(gaps: Gaps, labels: list[str | None], rows: np.ndarray | slice) -> list[Group]:
    """Sum lost and at stake over the rows (units) and per label (one per leaf), largest loss first."""
    names = list(dict.fromkeys(labels))
    at = np.array([names.index(label) for label in labels])
    lost = np.nan_to_num(gaps.lost[rows]).sum(axis=0)
    stake = np.nan_to_num(gaps.at_stake[rows]).sum(axis=0)
    loss = lost + stake
    whole = float(loss.sum()) or 1.0
    sums = np.bincount(at, lost, len(names)), np.bincount(at, stake, len(names))
    hit = gaps.gap[rows] > 1e-9  # units × leaves: the unit loses points there
    losing_units = [int(hit[:, at == g].any(axis=1).sum()) for g in range(len(names))]  # units losing some
    out = []
    for g, name in enumerate(names):
        mine = np.flatnonzero(at == g)
        order = mine[np.argsort(-loss[mine], kind="stable")]
        out.append(
            Group(
                name,
                float(sums[0][g]),
                float(sums[1][g]),
                float((sums[0][g] + sums[1][g]) / whole),
                [gaps.codes[k] for k in order if loss[k] > 1e-9],
                int(losing_units[g]),
            )
        )
    return sorted(out, key=lambda grp: -(grp.lost + grp.at_stake))


def by_owner(gaps: Gaps, unit: str | None = None) -> list[Group]:
    """Per owner: lost, at stake, share of the loss and its components by loss (one unit, or all)."""
    rows = slice(None) if unit is None else np.array([gaps.unit(unit)])
    return _groups(gaps, gaps.owner, rows)


def main_of(spec: Spec, gaps: Gaps) -> list[str | None]:
    """Per leaf: the main index (a child of the total) it belongs to."""

    mains = spec.node(spec.total).children
    columns = [spec.graph.index[m] for m in mains]
    inside = gaps.reach[:, columns] > 0
    return [mains[int(np.argmax(row))] if row.any() else None for row in inside]


def by_main(gaps: Gaps, unit: str | None = None) -> list[Group]:
    """Per main index: lost, at stake, share (one unit, or summed over all units)."""
    rows = slice(None) if unit is None else np.array([gaps.unit(unit)])
    return _groups(gaps, main_of(gaps.spec, gaps), rows)


# --- what-if ------------------------------------------------------------------------------------------


def ranked_nodes(spec: Spec) -> list[str]:
    """The total and each pillar (or, without pillars, the total's children)."""

    total = spec.total
    pillars = [n.code for n in spec.nodes if n.kind == "pillar"]
    return [total, *(pillars or spec.node(total).children)]


__all__ = ["Gaps", "GapsError", "Group", "build", "by_main", "by_owner", "main_of", "ranked_nodes"]
