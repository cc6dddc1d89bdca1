"""Variance-based sensitivity: first-order and total Sobol indices of grouped inputs, vectorised.

The Saltelli design: two independent sample matrices A and B (N × D, uniform on the unit cube) and, per
group g, A with g's columns taken from B (AB_g); the model runs once on all N·(G + 2) rows. Then, with V
the variance of f over A and B together (Saltelli et al. 2010, table 2, formulas (b) and (f)):

    first-order  S_g  = mean(f(B) · (f(AB_g) − f(A))) / V        (Saltelli 2010)
    total        ST_g = mean((f(A) − f(AB_g))²) / 2 / V           (Jansen 1999)

Outputs are centred on their mean first (a rank near 60 would otherwise swamp the product estimator
with noise). Confidence intervals: the 2.5 and 97.5 percentiles over bootstrap resamples of the N
rows, all resamples computed at once.

Memory does not grow with N beyond the outputs: the design is drawn and run `chunk` rows of A and B at a
time, and the resamples in batches. The chunks read the generator's stream where one draw of A, then B,
then the resamples would (PCG64 jumps ahead to B's rows), so the indices are those of one draw of all.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

RESAMPLES = 200
BATCH = 1_000_000  # resample × row counts per batch of the bootstrap: ~8 MB


@dataclass
class Sensitivity:
    """Indices per output (rows) and input group (columns); NaN where the output does not vary."""

    groups: list[str]
    first: np.ndarray  # outputs × groups
    total: np.ndarray
    first_ci: np.ndarray  # outputs × groups × (low, high)
    total_ci: np.ndarray
    base: int  # N
    runs: int  # N · (G + 2) model runs


def design(a: np.ndarray, b: np.ndarray, groups: dict[str, slice]) -> np.ndarray:
    """The Saltelli design of rows of A and B (c × D each), (G + 2)·c × D: A, B, then AB_g per group."""
    blocks = [a, b]
    for columns in groups.values():
        mixed = a.copy()
        mixed[:, columns] = b[:, columns]
        blocks.append(mixed)
    return np.concatenate(blocks)


def row_terms(ya: np.ndarray, yb: np.ndarray, yab: np.ndarray) -> np.ndarray:
    """Per design row, the quantities whose means make the indices: (2 + 3G) × N × K."""
    d = yab - ya
    return np.concatenate([(ya + yb)[None], (ya**2 + yb**2)[None], d, yb * d, d**2])


def from_means(means: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray]:
    """S and ST (… × G × K) from the means of the row terms (… × (2 + 3G) × K).

    Centred on the mean μ of f over A and B: mean((f(B) − μ)·d) = mean(f(B)·d) − μ·mean(d), d = f(AB) − f(A).
    """
    mu = means[..., 0:1, :] / 2
    variance = means[..., 1:2, :] / 2 - mu**2
    flat = variance <= 1e-12 * np.maximum(1.0, mu**2)  # the output does not vary: no index
    variance = np.where(flat, np.nan, variance)
    d, p, s = means[..., 2 : 2 + g, :], means[..., 2 + g : 2 + 2 * g, :], means[..., 2 + 2 * g :, :]
    return (p - mu * d) / variance, s / 2 / variance


def analyse(y: np.ndarray, groups: list[str], n: int, rng: np.random.Generator) -> Sensitivity:
    """Indices and bootstrap intervals from the model's outputs on the design (N·(G + 2) × K).

    Every estimate is a ratio of means over the N rows, so a bootstrap resample is a vector of row
    counts: all resamples' means are one matrix product (resamples × N) @ (N × terms).
    """
    g, k = len(groups), y.shape[1]
    terms = row_terms(y[:n], y[n : 2 * n], y[2 * n :].reshape(g, n, k))  # T × N × K
    by_row = terms.transpose(1, 0, 2).reshape(n, -1)
    first, total = from_means(by_row.mean(axis=0).reshape(-1, k), g)
    batch = max(1, BATCH // n)
    means = []
    for start in range(0, RESAMPLES, batch):
        r = min(batch, RESAMPLES - start)
        pick = rng.integers(0, n, (r, n)) + n * np.arange(r)[:, None]
        counts = np.bincount(pick.ravel(), minlength=r * n).reshape(r, n) / n
        means.append(counts @ by_row)
    boot_first, boot_total = from_means(np.concatenate(means).reshape(RESAMPLES, -1, k), g)
    with warnings.catch_warnings():  # an output that never varies has no interval: NaN, said as none
        warnings.simplefilter("ignore", RuntimeWarning)
        first_ci = np.nanpercentile(boot_first, [2.5, 97.5], axis=0)
        total_ci = np.nanpercentile(boot_total, [2.5, 97.5], axis=0)
    # (2, G, K) -> (K, G, 2); (G, K) -> (K, G)
    return Sensitivity(
        groups, first.T, total.T, first_ci.transpose(2, 1, 0), total_ci.transpose(2, 1, 0), n, len(y)
    )


def indices(
    model: Callable[[np.ndarray], np.ndarray],
    dimension: int,
    groups: dict[str, slice],
    n: int,
    rng: np.random.Generator,
    chunk: int = 10_000,
) -> Sensitivity:
    """First-order and total indices of each group for a model of rows of x (rows × D) -> rows × K,
    run on `chunk` rows of A and B (and their AB_g) at a time."""
    a_rng, b_rng = _copy(rng), _copy(rng)
    _skip(b_rng, n * dimension)  # B's rows start after A's
    parts: list[list[np.ndarray]] = [[] for _ in range(len(groups) + 2)]
    for start in range(0, n, chunk):
        c = min(chunk, n - start)
        block = design(a_rng.random((c, dimension)), b_rng.random((c, dimension)), groups)
        y = np.asarray(model(block), dtype=float).reshape(len(block), -1)
        for i, part in enumerate(parts):
            part.append(y[i * c : (i + 1) * c])
    _skip(rng, 2 * n * dimension)
    return analyse(np.concatenate([row for part in parts for row in part]), list(groups), n, rng)


def _copy(rng: np.random.Generator) -> np.random.Generator:
    bits = type(rng.bit_generator)()
    bits.state = rng.bit_generator.state
    return np.random.Generator(bits)


def _skip(rng: np.random.Generator, count: int) -> None:
    """Move `rng` past `count` float64 draws (one 64-bit output each): a jump for PCG64 (numpy's
    default), else drawn and let go in batches."""
    bits = rng.bit_generator
    if isinstance(bits, np.random.PCG64):
        bits.advance(count)
        return
    for start in range(0, count, BATCH):
        rng.random(min(BATCH, count - start))
