"""Competition ranks of many draws at once, in bounded memory (dti/analysis/robust.py draws them), of
every unit or of some, and the tallies of the draws' ranks (quantiles, counted or kept)."""

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


def draw_ranks_of(values: np.ndarray, precision: int, among: np.ndarray) -> np.ndarray:
    """Rows × len(among): the competition ranks of the units `among` (columns) within each row, as
    draw_ranks ranks them (the same keys), without ranking the other units.

    A unit ranks above one of ours only with a key above the lowest of ours in its row; one above the
    highest of ours ranks above them all and is only counted. The keys between (the candidates) are
    sorted, each row's after the previous row's, and each of ours counts the candidates of its row above
    it. The first 30 of 10,000 units, or a unit and its ten neighbours, meet a few dozen candidates a draw
    (sorting every key above a unit ranked 5,000th was 5 million keys for 1,000 draws)."""
    rows = len(values)
    if values.size == 0 or len(among) == 0:
        return np.zeros((rows, len(among)), dtype=np.int32)
    # a unit below the lowest of ours in every draw never ranks above one of ours (keys keep the order):
    # only the others are keyed (the first 30 of 10,000 communes: a few hundred)
    reach = values.max(axis=0) >= values[:, among].min()
    reach[among] = True
    if not reach.all():
        kept = np.flatnonzero(reach)
        values, among = values[:, kept], np.searchsorted(kept, among)
    keys = values * 10.0**precision
    keys += 0.5 + 1e-9
    np.floor(keys, out=keys)
    mine = keys[:, among]
    low, span = keys.min(), float(keys.max() - keys.min()) + 1.0
    row_at = np.arange(rows, dtype=float)[:, None] * span  # row r's keys in [r·span, (r + 1)·span): exact
    candidate = keys > mine.min(axis=1)[:, None]
    above_all = np.zeros(rows, dtype=np.intp)
    if np.count_nonzero(candidate[0]) > 64:  # ours far down the ranking (the first draw says): keys above
        # them all are only counted
        highest = mine.max(axis=1)[:, None]
        above_all = np.count_nonzero(keys > highest, axis=1)
        candidate &= keys <= highest
    line, column = np.nonzero(candidate)
    candidates = np.sort(line * span + (keys[line, column] - low))
    ends = np.searchsorted(candidates, row_at[:, 0] + span - 0.5)  # past each row's candidates
    above = ends[:, None] - np.searchsorted(candidates, row_at + (mine - low), side="right")
    return (above + above_all[:, None] + 1).astype(np.int32)


def extreme(value: np.ndarray, weight: np.ndarray, spread: float, sign: float) -> np.ndarray:
    """Each row's largest (sign 1) or smallest (-1) sum of `value` weighted as a draw of the weights
    can weight it (each weight times 1 ± spread, rescaled to the weights' total: robust.Model.shares).
    The sum is a weighted mean of the row's values (times the weights' total): it is largest when the
    values above it get the largest weight and the others the smallest, so at one of the cuts of the
    row's values sorted from the highest (from the lowest for the smallest): the first k up, the rest down."""
    order = np.argsort(-sign * value, axis=1)
    ranked, weights = np.take_along_axis(value, order, axis=1), weight[order]
    up, down = weights * (1 + spread), weights * (1 - spread)

    def first(parts: np.ndarray) -> np.ndarray:  # each row's sums of its first k parts, k = 0…m
        return np.pad(np.cumsum(parts, axis=1), ((0, 0), (1, 0)))

    sums = first(up * ranked) + (down * ranked).sum(axis=1, keepdims=True) - first(down * ranked)
    totals = first(up) + down.sum(axis=1, keepdims=True) - first(down)
    with np.errstate(divide="ignore", invalid="ignore"):  # a row of no weight: 0
        means = np.nan_to_num(sums / totals)
    return weight.sum() * (means.max(axis=1) if sign > 0 else means.min(axis=1))


def quantile(counts: np.ndarray, q: float) -> np.ndarray:
    """Per row of rank counts (units × rank 0…n), the empirical quantile of the draws' ranks: the smallest
    rank with F(rank) ≥ q, as the sorted draws' element at ⌈q·draws⌉ − 1."""
    at = quantile_at(q, int(counts[0].sum()))
    return (np.cumsum(counts, axis=1) > at).argmax(axis=1)


def counted(units: int, draws: int) -> bool:
    """Whether draws are tallied as counts per unit and rank (more draws than ranks) or kept as ranks."""
    return draws >= units + 1


def placed(figures: np.ndarray, at: np.ndarray, n: int) -> np.ndarray:
    """Figures of the units `at` in a units-long array (rows for a matrix): the rest 0, or NaN if float."""
    fill = np.nan if figures.dtype.kind == "f" and figures.ndim == 1 else 0
    out = np.full((n, *figures.shape[1:]), fill, dtype=figures.dtype)
    out[at] = figures
    return out


def quantile_at(q: float, draws: int) -> int:
    """The index of the q-quantile among `draws` sorted draws: ⌈q·draws⌉ − 1 (at least 0)."""
    return max(0, int(np.ceil(q * draws - 1e-9)) - 1)
