"""The plain-numpy reference bench/run.py times `score()` against (tests/test_engine.py checks it
computes the same values, ranks and points at stake as `score()`)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dti.engine.rules import kind_of
from dti.spec import ChoiceRule, RatioRule, Spec, ThresholdsRule


def numpy_reference(spec: Spec, cells: list[np.ndarray]) -> Callable[[], tuple[np.ndarray, ...]]:
    """The whole work of score() on parsed cells, in plain numpy, for a 'same job' reference.

    `cells[k]` holds leaf k's parsed values (numbers, or option indices for choice and yes/no), NaN
    where missing.
    """
    graph = spec.graph
    leaves = [n for n in spec.nodes if n.is_leaf]
    leaf_max = np.nan_to_num(graph.max_points[graph.is_leaf])
    # leaves × nodes path counts (built once, not timed): node points = leaf points @ up.
    eye = np.eye(len(spec.nodes))
    up = np.array([graph.aggregate(eye[graph.index[leaf.code]]) for leaf in leaves])
    kinds = [kind_of(n) for n in leaves]
    target = np.array([n.rule.target if isinstance(n.rule, RatioRule) else 1.0 for n in leaves])
    steps = max((len(n.rule.steps) for n in leaves if isinstance(n.rule, ThresholdsRule)), default=1)
    at = np.full((len(leaves), steps), np.inf)
    pts = np.zeros_like(at)
    options = np.zeros((len(leaves), 8))
    for k, n in enumerate(leaves):
        if isinstance(n.rule, ThresholdsRule):
            for s, step in enumerate(n.rule.steps):
                at[k, s], pts[k, s] = step.at_least, step.points
        if isinstance(n.rule, ChoiceRule):
            options[k, : len(n.rule.options)] = list(n.rule.options.values())
    groups = {kind: np.array([k for k, x in enumerate(kinds) if x == kind]) for kind in set(kinds)}
    values = np.column_stack(cells)

    def run() -> tuple[np.ndarray, ...]:
        points = np.zeros(values.shape)
        missing = np.isnan(values)
        v = np.nan_to_num(values)
        for kind, cols in groups.items():
            x = v[:, cols]
            if kind == "ratio":
                points[:, cols] = leaf_max[cols] * np.clip(x / target[cols], 0, 1)
            elif kind == "points":
                points[:, cols] = np.clip(x, 0, leaf_max[cols])
            elif kind == "thresholds":
                reached = x[:, :, None] >= at[cols]
                first = reached.argmax(axis=2)
                got = np.take_along_axis(np.broadcast_to(pts[cols], reached.shape), first[:, :, None], 2)[
                    :, :, 0
                ]
                points[:, cols] = np.where(reached.any(axis=2), got, 0)
            elif kind == "choice":
                table = np.broadcast_to(options[cols], (len(x), len(cols), options.shape[1]))
                points[:, cols] = np.take_along_axis(table, x.astype(int)[:, :, None], 2)[:, :, 0]
            elif kind == "yesno":
                points[:, cols] = x * leaf_max[cols]
        points[missing] = 0.0  # missing data scores 0 and is at stake
        stake = np.where(missing, leaf_max, 0.0)
        node_points = np.column_stack([points, stake]).reshape(len(v), 2, -1)  # one product for both
        totals = np.einsum("ukl,ln->kun", node_points, up)
        with np.errstate(divide="ignore", invalid="ignore"):
            node_values = totals[0] / graph.max_points
        keys = np.floor(node_values * 10**spec.precision + 0.5 + 1e-9)
        order = np.argsort(-keys, axis=0, kind="stable")
        ordered = np.take_along_axis(-keys, order, axis=0)
        starts = np.ones(ordered.shape, dtype=bool)
        starts[1:] = ordered[1:] != ordered[:-1]
        position = np.arange(1, len(ordered) + 1)[:, None]
        ranked = np.maximum.accumulate(np.where(starts, position, 0), axis=0)
        ranks = np.empty_like(ranked)
        np.put_along_axis(ranks, order, ranked, axis=0)
        return node_values, ranks, totals[1]

    return run


def reference_cells(spec: Spec, submission: object) -> list[np.ndarray]:
    """Each leaf's parsed values from a read submission (option indices for word rules)."""
    from dti.engine import rules

    layer = submission.layers[""]  # type: ignore[attr-defined]
    leaf_points = rules.points(spec, layer, submission.tokens)  # type: ignore[attr-defined]
    cells = []
    for node in spec.nodes:
        if not node.is_leaf:
            continue
        j = spec.graph.index[node.code]
        if isinstance(node.rule, ChoiceRule):
            by_points = {p: i for i, p in enumerate(node.rule.options.values())}
            cells.append(np.array([np.nan if p != p else by_points[p] for p in leaf_points[:, j]]))
        elif node.rule is not None and node.rule.kind == "yesno":
            top = spec.graph.max_points[j]
            cells.append(np.where(np.isnan(leaf_points[:, j]), np.nan, leaf_points[:, j] / top))
        else:
            cells.append(np.where(np.isnan(leaf_points[:, j]), np.nan, layer.value[:, j]))
    return cells
