"""How sure is a rank: Monte Carlo draws of the uncertain inputs, and variance-based sensitivity.

A draw is a point x of the unit cube, one coordinate per uncertain input, in three groups:

* weights: one per main index. Its maximum points become max × (1 + pct·(2x − 1)), and all are rescaled
  so that the total's maximum stays the same (1,000). A main index's components scale with it and the
  pillars stay sums of their members, so the structure is unchanged.
* missing (with --missing median or previous): one per draw. x < ½ scores missing figures as the rule
  does (0); x ≥ ½ imputes them (the component's median over the units, or the unit's previous-year
  figure). One choice per draw for every unit: how missing data count is a rule applied to all units at
  once (a ranking that fills some units' gaps and not others' is no methodology), and as one input the
  rule gets one sensitivity index of its own.
* self (with --self-verified): one per unit. Its self-assessed figures that await verification move by
  x × the typical verification change of their component (the median verified − self change over the
  cells already verified). One per unit, because each unit's appraisal is its own.

The total of unit u in draw d is linear in the main indices' values v (points / max):
    total[u, d] = Σ_m (v[u, m] + a[d]·imputed[u, m] + t[u, d]·appraisal[u, m]) · share[m, d] + rest[u]
so a batch of draws is three matrix products over draws × mains × units, then competition ranks per draw
on the values rounded to the spec's precision, as `scoring.competition_ranks` ranks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from dti.analysis import sobol
from dti.analysis.robust_inputs import Missing, Note, appraisal, imputation
from dti.analysis.robust_ranks import (
    CHUNK,
    counted,
    draw_ranks,
    draw_ranks_of,
    extreme,
    placed,
    quantile,
    quantile_at,
)
from dti.analysis.sobol import Sensitivity
from dti.engine.scoring import Result
from dti.engine.submission import Submission


@dataclass(frozen=True)
class Settings:
    draws: int = 1000
    weights: float = 0.25  # ± fraction of each main index's maximum points
    missing: Missing = "zero"
    self_verified: bool = False
    seed: int = 0
    band: int = 2  # the rank band: nominal rank ± band
    top: int = 10


@dataclass
class Model:
    """The ranking by the total as a function of a point x of the unit cube (see the module's doc)."""

    units: list[str]
    names: list[str]
    mains: list[str]  # the weighted nodes
    value: np.ndarray  # units × mains: points / max (0 where the max is 0)
    weight: np.ndarray  # mains: the points each main index brings to the total's maximum
    rest: np.ndarray  # units: points of the total outside the main indices
    total: float  # the total's maximum points
    spread: float
    precision: int
    imputed: np.ndarray | None = None  # units × mains: value added when missing figures are imputed
    appraisal: np.ndarray | None = None  # units × mains: value change at the typical verification change
    total_code: str = ""  # the spec's total, which the views name (a model holds no spec)
    notes: list[Note] = field(default_factory=list)  # what the data allowed (worded by the views)

    @property
    def groups(self) -> dict[str, slice]:
        """Input group -> its columns of x; a group without effect is left out."""
        out: dict[str, slice] = {}
        at = len(self.mains)
        if self.spread > 0:
            out["weights"] = slice(0, at)
        if self.imputed is not None:
            out["missing"] = slice(at, at + 1)
        if self.appraisal is not None:
            start = at + (self.imputed is not None)
            out["self"] = slice(start, start + len(self.units))
        return out

    @property
    def dimension(self) -> int:
        return (
            len(self.mains)
            + (self.imputed is not None)
            + (len(self.units) if self.appraisal is not None else 0)
        )

    def nominal_x(self) -> np.ndarray:
        """The point where nothing moves: weights as in the spec, missing by the rule, self as given."""
        x = np.zeros((1, self.dimension))
        x[:, : len(self.mains)] = 0.5
        return x

    def shares(self, x: np.ndarray) -> np.ndarray:
        """Draws × mains: each main index's points in the total, rescaled to the total's maximum."""
        factor = 1.0 + self.spread * (2.0 * x[:, : len(self.mains)] - 1.0)
        raw = self.weight * factor
        return raw * (self.weight.sum() / raw.sum(axis=1, keepdims=True))

    def totals(self, x: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Draws × units (the units `rows` only, when given: a model without imputed or self-assessed
        figures): the total's value in each draw."""
        share = self.shares(x)
        if rows is not None:
            return (share @ self.value[rows].T + self.rest[rows]) / self.total
        out = share @ self.value.T
        at = len(self.mains)
        if self.imputed is not None:
            out += (x[:, at : at + 1] >= 0.5) * (share @ self.imputed.T)
            at += 1
        if self.appraisal is not None:
            out += x[:, at : at + len(self.units)] * (share @ self.appraisal.T)
        out += self.rest
        out /= self.total
        return out

    def ranks(
        self, x: np.ndarray, among: np.ndarray | None = None, rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Draws × units competition ranks (of the units `among` only, when given: their columns; `rows`,
        their contenders when known), in batches of draws that bound the memory."""
        out = np.empty((len(x), len(self.units) if among is None else len(among)), dtype=np.int32)
        if among is None:
            rows = None
        elif rows is None:
            rows = self.contenders(among)
        if among is not None and rows is not None:
            among = np.searchsorted(rows, among)
        step = max(1, CHUNK // max(1, len(self.units) if rows is None else len(rows)))
        for start in range(0, len(x), step):
            totals = self.totals(x[start : start + step], rows)
            if among is None:
                out[start : start + step] = draw_ranks(totals, self.precision)
            else:
                out[start : start + step] = draw_ranks_of(totals, self.precision, among)
        return out

    def contenders(self, among: np.ndarray) -> np.ndarray | None:
        """The units that may rank above one of `among` (sorted, `among` with them) in some draw of the
        weights, or None (every unit) when a draw also moves missing or self-assessed figures. One whose
        highest total over every draw stays at or below the lowest total of every unit of `among` never
        ranks above any: a report's 30 of 10,000 communes meet a few hundred."""
        if self.imputed is not None or self.appraisal is not None or (self.value < 0).any():
            return None  # (a negative value: its largest share does not make the total largest)
        highest = extreme(self.value, self.weight, self.spread, 1.0) + self.rest
        lowest = extreme(self.value[among], self.weight, self.spread, -1.0) + self.rest[among]
        keep = highest >= lowest.min() - 1e-9 * max(self.total, 1.0)  # the matrix products' rounding
        keep[among] = True
        return np.flatnonzero(keep)


def weighted_nodes(result: Result) -> list[int]:
    """The spec's main indices; without any, the total's children (a pillar-level or local index)."""
    spec = result.spec
    mains = [i for i, n in enumerate(spec.nodes) if n.kind == "main"]
    return mains or list(spec.graph.children[spec.graph.index[spec.total]])


def build(
    result: Result,
    settings: Settings,
    submission: Submission | None = None,
    previous: Result | None = None,
) -> Model:
    """The model of a scored result. `submission` gives the stages (--self-verified), `previous` the
    earlier year's result (--missing previous, scored with the same spec)."""
    spec, graph = result.spec, result.spec.graph
    top, mains = graph.index[spec.total], np.array(weighted_nodes(result), dtype=np.intp)
    points = result.points_matrix
    # Paths from the total down to each main index: a main index counted in two parents counts twice.
    onehot = np.zeros((len(mains), len(spec.nodes)))
    onehot[np.arange(len(mains)), mains] = 1.0
    paths = graph.aggregate(onehot)[:, top]
    main_max = np.nan_to_num(graph.max_points[mains])
    known = ~np.isnan(points[:, top]) & ~np.isnan(points[:, mains]).any(axis=1)
    notes: list[Note] = []
    if not known.all():
        notes.append(("left_out", int((~known).sum())))
    rows = np.flatnonzero(known)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_value = np.where(main_max > 0, 1.0 / main_max, 0.0)
    value = points[np.ix_(rows, mains)] * per_value
    rest = points[rows, top] - points[np.ix_(rows, mains)] @ paths
    model = Model(
        [result.unit_codes[i] for i in rows],
        [result.unit_names[i] for i in rows],
        [spec.nodes[m].code for m in mains],
        value,
        paths * main_max,
        rest,
        float(graph.max_points[top]),
        settings.weights,
        spec.precision,
        total_code=spec.total,
        notes=notes,
    )

    def up(leaf_points: np.ndarray) -> np.ndarray:
        """Leaf points (units × nodes, kept rows) summed to the main indices, as values."""
        return graph.aggregate(leaf_points, inplace=True)[:, mains] * per_value

    if settings.missing != "zero":
        extra = imputation(result, rows, settings.missing, previous, notes)
        if extra is not None:
            model.imputed = up(extra)
    if settings.self_verified:
        change = appraisal(result, rows, submission, notes)
        if change is not None:
            model.appraisal = up(change)
    return model


@dataclass
class Robustness:
    """Per unit (the model's order): nominal rank and the spread of its rank over the draws."""

    settings: Settings
    model: Model
    swing_x: np.ndarray  # units × inputs: the draw of each unit's largest swing (the draws are not kept)
    nominal: np.ndarray
    median: np.ndarray
    p05: np.ndarray
    p95: np.ndarray
    p_top: np.ndarray
    p_band: np.ndarray
    swing: np.ndarray  # the largest rank change in places (+ = up, a smaller rank number)
    swing_draw: np.ndarray  # the first draw that caused it
    sensitivity: Sensitivity | None = None
    sensitivity_targets: list[int] | None = None  # the units whose ranks were analysed; None: the mean shift
    analysed: np.ndarray | None = None  # the units whose spread was found (analyse's `among`); None: all

    def weight_changes(self, x: np.ndarray) -> dict[str, float]:
        """Each main index's points in a draw (its point x), relative to the spec's, in % (rescaled)."""
        share = self.model.shares(x[None, :])[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            change = np.where(self.model.weight > 0, (share / self.model.weight - 1) * 100, 0.0)
        return dict(zip(self.model.mains, change.tolist(), strict=True))

    def inputs(self, unit: int) -> dict[str, object]:
        """What the draw of a unit's largest swing drew: weight changes, the missing rule, its self draw."""
        draw = int(self.swing_draw[unit])
        groups, x = self.model.groups, self.swing_x[unit]
        return {
            "draw": draw + 1,
            "weights": self.weight_changes(x) if "weights" in groups else {},
            "missing": None
            if "missing" not in groups
            else ("imputed" if x[groups["missing"]][0] >= 0.5 else "zero"),
            "self": None if "self" not in groups else float(x[groups["self"]][unit]),
        }


def analyse(
    model: Model,
    settings: Settings,
    sensitivity_of: list[int] | None = None,
    sensitivity: bool = False,
    among: Callable[[np.ndarray], np.ndarray] | None = None,
) -> Robustness:
    """Draw, rank and summarise; with `sensitivity`, the Sobol indices of the units `sensitivity_of`
    (their ranks) or, when None, of the mean absolute rank shift over all units. `among`, given the
    nominal ranks, names the units whose rank spread is wanted (a report shows 30 of 10,000): only their
    ranks are found in each draw, and the other units' figures are left unset (`Robustness.analysed`).

    The draws run in chunks of CHUNK draws × units (10⁶ draws of 63 provinces in ~250 chunks): each
    chunk's ranks are tallied (a count per unit and rank, each unit's largest swing and its draw) and let
    go, so memory does not grow with the draws. The chunks draw the generator's stream in order, so the
    numbers, and every figure, are those of one draw of all rows at once for the same seed."""
    rng = np.random.default_rng(settings.seed)
    nominal = model.ranks(model.nominal_x())[0]
    n = len(model.units)
    chosen = None if among is None else np.unique(np.asarray(among(nominal), dtype=np.intp))
    if chosen is not None and len(chosen) == n:
        chosen = None  # every unit: ranked whole
    at = np.arange(n) if chosen is None else chosen
    k, base = len(at), nominal[at]
    # Tallied as a count per unit and rank (ranks run 1…n) when there are more draws than ranks; else every
    # draw's ranks are kept, fewer numbers (10,000 communes × 1,000 draws: 10⁷, not 10⁸ counts).
    dense = counted(n, settings.draws)
    counts = np.zeros((k, n + 1) if dense else (0, 0), dtype=np.int64)
    kept = np.zeros((0, 0) if dense else (settings.draws, k), dtype=np.int32)
    offsets = np.arange(k) * (n + 1)
    largest = np.full(k, -1, dtype=np.int64)  # the largest |rank shift| so far; its signed swing and draw
    swing = np.zeros(k, dtype=np.int64)
    swing_draw = np.zeros(k, dtype=np.int64)
    swing_x = np.zeros((k, model.dimension))
    step = max(1, CHUNK // max(1, n))
    columns = np.arange(k)
    rivals = None if chosen is None else model.contenders(chosen)  # the units that may pass them
    for start in range(0, settings.draws, step):
        x = rng.random((min(step, settings.draws - start), model.dimension))
        ranks = model.ranks(x, chosen, rivals)
        if dense:
            counts += np.bincount((ranks + offsets).ravel(), minlength=k * (n + 1)).reshape(k, n + 1)
        else:
            kept[start : start + len(x)] = ranks
        shift = ranks - base
        worst = np.abs(shift).argmax(axis=0)  # the first draw of the chunk with its largest shift
        size = np.abs(shift[worst, columns])
        better = size > largest  # strictly: an earlier chunk's draw keeps a tie, as argmax over all would
        largest[better] = size[better]
        swing[better] = -shift[worst, columns][better]
        swing_draw[better] = start + worst[better]
        swing_x[better] = x[worst[better]]
    if dense:
        ranks_at = np.arange(n + 1)
        near = np.abs(ranks_at[None, :] - base[:, None]) <= settings.band
        median, p05, p95 = quantile(counts, 0.5), quantile(counts, 0.05), quantile(counts, 0.95)
        p_top = counts[:, : settings.top + 1].sum(axis=1) / settings.draws
        p_band = (counts * near).sum(axis=1) / settings.draws
    else:
        ordered = np.sort(kept, axis=0)
        median, p05, p95 = (
            ordered[quantile_at(q, settings.draws)].astype(np.int64) for q in (0.5, 0.05, 0.95)
        )
        p_top = (kept <= settings.top).sum(axis=0) / settings.draws
        p_band = (np.abs(kept - base[None, :]) <= settings.band).sum(axis=0) / settings.draws
    if chosen is not None:  # the figures in every unit's place; those not analysed unset (0, NaN)
        median, p05, p95, swing, swing_draw, p_top, p_band, swing_x = (
            placed(a, chosen, n) for a in (median, p05, p95, swing, swing_draw, p_top, p_band, swing_x)
        )
    out = Robustness(settings, model, swing_x, nominal, median, p05, p95, p_top, p_band, swing, swing_draw)
    out.analysed = chosen
    if sensitivity and model.groups:
        targets = sensitivity_of

        def output(points: np.ndarray) -> np.ndarray:  # sobol calls it a chunk of design rows at a time
            drawn = model.ranks(points)
            if targets is None:
                return np.abs(drawn - nominal).mean(axis=1, keepdims=True)
            return drawn[:, targets].astype(float)

        out.sensitivity_targets = targets
        rows = max(1, CHUNK // (max(1, len(model.units)) * (len(model.groups) + 2)))
        out.sensitivity = sobol.indices(output, model.dimension, model.groups, settings.draws, rng, rows)
        if len(model.groups) == 1:  # one input explains all the variance: 1 exactly, not an estimate
            found = out.sensitivity
            one = np.where(np.isnan(found.first), np.nan, 1.0)
            ends = np.repeat(one[..., None], 2, axis=-1)
            out.sensitivity = replace(found, first=one, total=one.copy(), first_ci=ends, total_ci=ends.copy())
    return out
