"""score(spec, submission) -> Result: rule points, DAG aggregation, values and ranks, all vectorised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dti.numbers import fold, map_unique
from dti.spec import ChoiceRule, RatioRule, Spec, ThresholdsRule
from dti.submission import Submission

YES = frozenset({"có", "co", "yes", "y", "true", "đạt", "dat", "đã", "rồi", "1"})
NO = frozenset({"không", "khong", "no", "n", "false", "chưa", "chua", "0"})
STAGE_PRIORITY = {"verified": 0, "": 1, "self": 2}


# --- the rule registry: one vectorised function per rule kind -----------------------------------------
# Each takes the rows of one rule kind (with node attributes joined) and returns their points;
# NaN means the value cannot be scored (e.g. an option the rule does not know).

RuleFunction = Callable[[pd.DataFrame, Spec], np.ndarray]


def _points(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    return np.clip(rows["value"].to_numpy(float), 0, rows["max"].to_numpy(float))


def _ratio(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    value = rows["value"].to_numpy(float)
    as_fraction = rows["scale"].eq("fraction").to_numpy() & rows["percent"].to_numpy(bool)
    value = np.where(as_fraction, value / 100, value)
    return rows["max"].to_numpy(float) * np.clip(value / rows["target"].to_numpy(float), 0, 1)


def _thresholds(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    table_at, table_points, where = _step_tables(spec)
    position = rows["indicator"].map(where).to_numpy(int)
    at, pts = table_at[position], table_points[position]
    reached = rows["value"].to_numpy(float)[:, None] >= at
    first = reached.argmax(axis=1)
    return np.where(reached.any(axis=1), pts[np.arange(len(rows)), first], 0.0)


def _choice(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    keys = rows["indicator"].astype(str) + "|" + map_unique(rows["raw"], fold).astype(str)
    return keys.map(_option_points(spec)).to_numpy(float)


def _yesno(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    word = map_unique(rows["raw"], fold)
    top = rows["max"].to_numpy(float)
    return np.select([word.isin(YES).to_numpy(), word.isin(NO).to_numpy()], [top, 0.0], np.nan)


def _not_scored(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    return np.zeros(len(rows))


def _given_value(rows: pd.DataFrame, spec: Spec) -> np.ndarray:
    """An inner node given as a value (0..1, or a percentage) contributes value × max points."""
    value = rows["value"].to_numpy(float)
    value = np.where(rows["percent"].to_numpy(bool), value / 100, value)
    return value * rows["max"].to_numpy(float)


RULES: dict[str, RuleFunction] = {
    "points": _points,
    "ratio": _ratio,
    "thresholds": _thresholds,
    "choice": _choice,
    "yesno": _yesno,
    "not_scored": _not_scored,
    "node": _given_value,
}


def node_attributes(spec: Spec) -> pd.DataFrame:
    """Per node code: rule kind ('node' for an inner node), max points, ratio target and scale."""
    graph = spec.graph
    return pd.DataFrame(
        {
            "rule": [n.rule.kind if n.rule else ("node" if n.children else "none") for n in spec.nodes],
            "max": graph.max_points,
            "target": [n.rule.target if isinstance(n.rule, RatioRule) else np.nan for n in spec.nodes],
            "scale": [n.rule.scale if isinstance(n.rule, RatioRule) else "" for n in spec.nodes],
        },
        index=list(graph.codes),
    )


def with_node_attributes(spec: Spec, frame: pd.DataFrame) -> pd.DataFrame:
    """Add each row's node attributes (rule, max, target, scale) by array lookup, not a join.

    Rows whose indicator is not a node get rule NaN. Categorical indicators are looked up once per
    category, so this costs the same for 60 rows and for a million.
    """
    attrs = node_attributes(spec)
    indicator = frame["indicator"]
    if not isinstance(indicator.dtype, pd.CategoricalDtype):
        indicator = indicator.astype("category")
    lookup = np.append(attrs.index.get_indexer(indicator.cat.categories.astype(object)), -1)
    position = lookup[indicator.cat.codes.to_numpy()]  # a NaN code (-1) lands on the appended -1
    known = position >= 0
    at = np.where(known, position, 0)
    columns = {}
    for name in ("rule", "scale"):
        cat = pd.Categorical(attrs[name])
        columns[name] = pd.Categorical.from_codes(
            np.where(known, cat.codes[at], -1), categories=cat.categories
        )
    for name in ("max", "target"):
        columns[name] = np.where(known, attrs[name].to_numpy(float)[at], np.nan)
    return frame.assign(**columns)


def _step_tables(spec: Spec) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Threshold steps padded into two arrays (one row per thresholds node) for vectorised lookup."""
    thresholds = [n for n in spec.nodes if isinstance(n.rule, ThresholdsRule)]
    width = max((len(n.rule.steps) for n in thresholds if isinstance(n.rule, ThresholdsRule)), default=1)
    at = np.full((max(len(thresholds), 1), width), np.inf)
    pts = np.zeros_like(at)
    for i, node in enumerate(thresholds):
        assert isinstance(node.rule, ThresholdsRule)
        for k, step in enumerate(node.rule.steps):
            at[i, k], pts[i, k] = step.at_least, step.points
    return at, pts, {n.code: i for i, n in enumerate(thresholds)}


def _option_points(spec: Spec) -> dict[str, float]:
    return {
        f"{n.code}|{fold(name)}": points
        for n in spec.nodes
        if isinstance(n.rule, ChoiceRule)
        for name, points in n.rule.options.items()
    }


def entry_points(spec: Spec, frame: pd.DataFrame) -> pd.Series:
    """Points of each submitted row by its node's rule; NaN where missing or not scorable."""
    needed = ["indicator", "raw", "value", "percent", "status"]
    if "rule" in frame:
        rows = frame[[*needed, "rule", "max", "target", "scale"]]
    else:
        rows = with_node_attributes(spec, frame[needed])
    points = np.full(len(rows), np.nan)
    status = rows["status"]
    rule = rows["rule"]
    usable = (status.isin(["number", "ambiguous"]) | rule.isin(["choice", "yesno"])) & ~status.eq("missing")
    for kind, function in RULES.items():
        mask = (usable & rule.eq(kind)).to_numpy()
        if mask.any():
            points[mask] = function(rows[mask], spec)
    return pd.Series(points, index=frame.index)


# --- the result --------------------------------------------------------------------------------------


@dataclass
class Result:
    """Every stage of a scoring run; frames are units × node codes unless said otherwise."""

    spec: Spec
    year: int | None
    units: pd.DataFrame  # index: unit code; columns: name
    max_points: pd.Series  # per node
    points: pd.DataFrame  # NaN where the data do not determine the node
    values: pd.DataFrame  # points / max; NaN where max is 0 or the node is undetermined
    ranks: pd.DataFrame  # competition ranks on values rounded to spec.precision (Int64)
    missing_points: pd.DataFrame  # points at stake: what missing data could have earned
    self_points: pd.DataFrame  # the self-assessed view (verified rows replaced by self rows where given)
    entries: pd.DataFrame  # the counted rows with their points

    @property
    def lost_points(self) -> pd.DataFrame:
        """Points lost on reported data: max − obtained − at stake."""
        return (self.max_points - self.points - self.missing_points).clip(lower=0)

    @property
    def appraisal_change(self) -> pd.DataFrame:
        """Verified minus self-assessed points per node (0 where the appraisal changed nothing)."""
        return self.points - self.self_points


def _matrix(entries: pd.DataFrame, units: pd.Index, codes: tuple[str, ...], column: str) -> np.ndarray:
    out = np.zeros((len(units), len(codes)))
    rows = units.get_indexer(entries["unit"])
    cols = pd.Index(codes).get_indexer(entries["indicator"])
    out[rows, cols] = entries[column].to_numpy(float)
    return out


def _aggregate(
    spec: Spec, base: np.ndarray, given: np.ndarray, missing: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Sum entered points up the DAG, and find which nodes the entries determine.

    A node is determined when every leaf path beneath it ends at an entry within its own subtree, or at
    a leaf nobody gave (missing data, 0 points). Nodes below a given node are not determined.
    """
    graph = spec.graph
    paths, leaf = graph.paths, graph.is_leaf
    covered_above = (given.astype(float) @ paths) > 0  # the node or one of its ancestors was given
    absent = leaf & ~covered_above
    entered = given | absent
    coverage = (entered * graph.leaf_paths) @ paths.T
    determined = np.isclose(coverage, graph.leaf_paths)
    stake_base = np.where(absent | missing, np.nan_to_num(graph.max_points), 0.0)
    points = np.where(determined, base @ paths.T, np.nan)
    stake = np.where(determined, stake_base @ paths.T, np.nan)
    return points, stake


def round_half_up(values: Any, precision: int) -> Any:
    """Round as published tables do (0.45875 -> 0.4588), not half-to-even on the binary value."""
    scale = 10.0**precision
    return np.floor(values * scale + 0.5 + 1e-9) / scale


def rank_frame(values: pd.DataFrame, precision: int) -> pd.DataFrame:
    """Competition ranks (ties share the best rank, the next is skipped) on rounded values."""
    negated = -round_half_up(values.to_numpy(float), precision)  # ascending order = best first
    order = np.argsort(negated, axis=0, kind="stable")  # NaN sorts last
    ordered = np.take_along_axis(negated, order, axis=0)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]  # a new value starts a new rank: its position + 1
    position = np.arange(1, len(ordered) + 1)[:, None]
    ranked = np.maximum.accumulate(np.where(starts, position, 0), axis=0)
    ranks = np.empty_like(ranked)
    np.put_along_axis(ranks, order, ranked, axis=0)
    unknown = np.isnan(negated)
    columns = {c: pd.arrays.IntegerArray(ranks[:, j], unknown[:, j]) for j, c in enumerate(values.columns)}
    return pd.DataFrame(columns, index=values.index)


def score(spec: Spec, submission: Submission) -> Result:
    """Score every unit of a submission. Raise SpecError if the spec cannot score."""
    spec.require_scorable()
    graph = spec.graph
    frame = submission.frame
    frame = frame[frame["unit"].notna() & frame["indicator"].isin(graph.index)]
    points = entry_points(spec, frame)
    frame = frame.assign(points=points.fillna(0.0), missing=points.isna())
    staged = frame["stage"].isin(["self", "verified"])
    if staged.any():
        # Verified counts, then a row without a stage, then the self-assessment.
        priority = frame["stage"].astype(object).map(STAGE_PRIORITY).fillna(3).astype(int)
        frame = frame.assign(priority=priority).sort_values(["unit", "indicator", "priority"], kind="stable")
        counted = frame.drop_duplicates(["unit", "indicator"], keep="first")
        self_rows = frame[frame["stage"].eq("self")].drop_duplicates(["unit", "indicator"])
        self_view = pd.concat([self_rows, counted]).drop_duplicates(["unit", "indicator"], keep="first")
    else:  # validated data hold one row per unit and indicator: nothing to choose between
        counted = self_view = frame

    names = submission.names
    units = pd.Index(sorted(counted["unit"].unique()), name="unit")
    codes = graph.codes
    given = _matrix(counted.assign(one=1.0), units, codes, "one") > 0
    missing = _matrix(counted.assign(flag=counted["missing"].astype(float)), units, codes, "flag") > 0
    points, stake = _aggregate(spec, _matrix(counted, units, codes, "points"), given, missing)
    if self_view is counted:
        self_points = points
    else:
        self_points, _ = _aggregate(spec, _matrix(self_view, units, codes, "points"), given, missing)

    max_points = pd.Series(graph.max_points, index=list(codes))
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(graph.max_points > 0, points / graph.max_points, np.nan)
    as_frame = lambda a: pd.DataFrame(a, index=units, columns=list(codes))  # noqa: E731
    values_frame = as_frame(values)
    return Result(
        spec=spec,
        year=submission.year,
        units=pd.DataFrame({"name": [names.get(u, "") for u in units]}, index=units),
        max_points=max_points,
        points=as_frame(points),
        values=values_frame,
        ranks=rank_frame(values_frame, spec.precision),
        missing_points=as_frame(stake),
        self_points=as_frame(self_points),
        entries=counted.drop(columns=["priority"], errors="ignore"),
    )


def score_values(spec: Spec, submission: Submission) -> Result:
    """A results table: each node's value as published, ranked; nothing is recomputed."""
    graph = spec.graph
    frame = submission.frame
    frame = frame[frame["unit"].notna() & frame["indicator"].isin(graph.index)]
    value = np.where(frame["percent"].astype(bool), frame["value"] / 100, frame["value"])
    values = (
        frame.assign(v=value)
        .pivot_table(index="unit", columns="indicator", values="v", aggfunc="first", observed=True)
        .reindex(columns=list(graph.codes))
    )
    values.index = pd.Index(values.index.astype(object), name="unit")
    values.columns = list(graph.codes)
    max_points = pd.Series(graph.max_points, index=list(graph.codes))
    points = values * max_points
    names = submission.names
    empty = pd.DataFrame(np.nan, index=values.index, columns=values.columns)
    return Result(
        spec=spec,
        year=submission.year,
        units=pd.DataFrame({"name": [names.get(u, "") for u in values.index]}, index=values.index),
        max_points=max_points,
        points=points,
        values=values,
        ranks=rank_frame(values, spec.precision),
        missing_points=empty,
        self_points=points,
        entries=frame,
    )


# --- machine-readable views ---------------------------------------------------------------------------


def _clean(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def result_to_dict(result: Result) -> dict[str, object]:
    """The `--format json` object: unrounded floats, null where a node has no value."""
    units = []
    for unit in result.units.index:
        ranks = result.ranks.loc[unit]
        units.append(
            {
                "unit": unit,
                "name": result.units.at[unit, "name"],
                "values": {c: _clean(v) for c, v in result.values.loc[unit].items()},
                "points": {c: _clean(v) for c, v in result.points.loc[unit].items()},
                "ranks": {c: (None if pd.isna(r) else int(r)) for c, r in ranks.items()},
                "missing_points": {c: _clean(v) for c, v in result.missing_points.loc[unit].items()},
            }
        )
    return {"spec": result.spec.id, "year": result.year, "units": units}


def result_to_frame(result: Result) -> pd.DataFrame:
    """The `--format csv` table: unit, name, one value column per node, then rank_<CODE> columns."""
    ranks = result.ranks.add_prefix("rank_")
    frame = pd.concat([result.units, result.values, ranks], axis=1)
    return frame.reset_index()
