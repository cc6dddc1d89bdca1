"""What a draw of `dti robust` moves besides the weights (dti/analysis/robust.py): missing figures imputed
(--missing median or previous) and self-assessed figures moved toward their verification (--self-verified),
each as the leaf points it changes, with notes of what the data allowed."""

from __future__ import annotations

from typing import Literal

import numpy as np

from dti.engine.scoring import Result
from dti.engine.submission import Submission

Missing = Literal["zero", "median", "previous"]
Note = tuple[str, int]  # (what, how many): e.g. ("missing_median", 53)


def imputation(
    result: Result, rows: np.ndarray, how: Missing, previous: Result | None, notes: list[Note]
) -> np.ndarray | None:
    """Units × nodes: the leaf points that imputing each missing figure would add (0 elsewhere)."""
    graph = result.spec.graph
    points = result.points_matrix[rows]
    missing = graph.is_leaf & (result.missing_matrix[rows] > 0)
    if not missing.any():
        notes.append(("no_missing", 0))
        return None
    reported = graph.is_leaf & ~missing & ~np.isnan(points)
    extra = np.zeros(points.shape)
    if how == "median":
        columns = np.flatnonzero(reported.any(axis=0) & missing.any(axis=0))
        median = np.nanmedian(np.where(reported, points, np.nan)[:, columns], axis=0)
        extra[:, columns] = np.where(missing[:, columns], median, 0.0)
    else:
        if previous is None:
            raise ValueError("--missing previous needs the previous year's result")
        import pandas as pd

        at = pd.Index(previous.unit_codes).get_indexer(result.unit_codes)[rows]
        found = at >= 0
        before = np.full(points.shape, np.nan)
        prior = previous.points_matrix[at[found]]
        prior_reported = (previous.missing_matrix[at[found]] == 0) & graph.is_leaf
        before[found] = np.where(prior_reported, prior, np.nan)
        usable = missing & ~np.isnan(before)
        if not usable.any():  # e.g. a previous table of main-index values: nothing to impute from
            notes.append(("previous_none", int(missing.sum())))
            return None
        extra[usable] = before[usable]
        if (missing & ~usable).any():
            notes.append(("no_previous", int((missing & ~usable).sum())))
        missing = usable  # the next note counts the figures a draw may impute
    notes.append((f"missing_{how}", int(missing.sum())))
    return extra


def appraisal(
    result: Result, rows: np.ndarray, submission: Submission | None, notes: list[Note]
) -> np.ndarray | None:
    """Units × nodes: the leaf points change of each self-assessed figure awaiting verification, at its
    component's typical verification change (0 elsewhere)."""
    graph = result.spec.graph
    layers = submission.layers if submission is not None else {}
    if "self" not in layers or "verified" not in layers:
        notes.append(("no_stages", 0))
        return None
    import pandas as pd

    assert submission is not None
    at = pd.Index(submission.units).get_indexer(result.unit_codes)[rows]
    own, checked = layers["self"].given[at], layers["verified"].given[at]
    plain = layers[""].given[at] if "" in layers else np.zeros_like(own)
    pending = own & ~checked & ~plain & graph.is_leaf
    both = own & checked & graph.is_leaf
    top = np.nan_to_num(graph.max_points)
    points = result.points_matrix[rows]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(both & (top > 0), (points - result.self_matrix[rows]) / top, np.nan)
    if not pending.any() or not (both & (top > 0)).any():
        notes.append(("no_pending", 0) if not pending.any() else ("no_verified", 0))
        return None
    typical = np.full(len(top), float(np.nanmedian(fraction[both & (top > 0)])))
    seen = np.flatnonzero((both & (top > 0)).any(axis=0))
    typical[seen] = np.nanmedian(fraction[:, seen], axis=0)
    change = np.clip(points + typical * top, 0.0, top) - points
    notes.append(("pending", int(pending.sum())))
    return np.where(pending, np.nan_to_num(change), 0.0)
