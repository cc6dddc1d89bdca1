"""Competition ranks of many draws at once, in bounded memory (dti/analysis/robust.py draws them)."""

from __future__ import annotations

import numpy as np

# Draws × units per batch: ~8 MB per float matrix. Memory of `dti robust` stays the same whatever the
# number of draws (10⁶ draws of 63 provinces: ~63 batches).
CHUNK = 1_000_000


def draw_ranks(values: np.ndarray, precision: int) -> np.ndarray:
    """Competition ranks within each row (a draw) of values rounded to `precision`, as scoring ranks.

    Rank = 1 + how many keys of the row are greater: counted over the integer keys when their span is
    small (linear time, no sort), else by sorting each row.
    """
    if values.size == 0:
        return np.zeros(values.shape, dtype=np.int32)
    keys = values * 10.0**precision
    keys += 0.5 + 1e-9
    np.floor(keys, out=keys)
    rows, n = keys.shape
    low = keys.min()
    span = int(keys.max() - low) + 1
    if span <= 4 * n + 1024 and rows * span <= 4 * CHUNK:  # the slots' counts stay within ~32 MB
        keys -= low
        keys += np.arange(rows)[:, None] * float(span)  # each row its own slots: one bincount for all
        slots = keys.astype(np.intp).ravel()
        above = np.bincount(slots, minlength=rows * span).reshape(rows, span)
        np.cumsum(above, axis=1, out=above)
        np.subtract(n + 1, above, out=above)  # per slot: 1 + how many keys of the row are greater
        return above.ravel()[slots].reshape(rows, n).astype(np.int32)
    order = np.argsort(-keys, axis=1)  # any order within ties: a tie takes its first position either way
    ordered = np.take_along_axis(keys, order, axis=1)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    position = np.arange(1, n + 1, dtype=np.int32)
    first = np.maximum.accumulate(np.where(starts, position, 0), axis=1).astype(np.int32)
    ranks = np.empty_like(first)
    np.put_along_axis(ranks, order, first, axis=1)
    return ranks
