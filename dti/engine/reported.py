"""Checks of numbers as reported (counts a/b, counts in a count component) and of answers read in full."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dti.answers import read_answer
from dti.engine.block import Block, Check
from dti.engine.columns import grid_issue
from dti.io.grid import Column, Grid, cell_ref
from dti.issues import Issue, IssueCode, Severity
from dti.numbers import ABSENT, NUMBER, parse_texts
from dti.spec import PointsRule, RatioRule


def with_counts(value: Column, numerator: Column, denominator: Column) -> Column:
    """The value column with a ratio's counts: a row whose `Tử số` and `Mẫu số` are both written reads as
    the text `a/b` (counts, kept as the audit trail in the notes), whatever its `Kết quả` (a formula
    without a cached value, or its result); other rows keep their `Kết quả`. Per distinct pair of texts."""
    tops = [t.strip() for t in numerator.texts]
    bottoms = [t.strip() for t in denominator.texts]
    written = np.array([bool(t) for t in tops], dtype=bool)[numerator.codes] if tops else None
    under = np.array([bool(t) for t in bottoms], dtype=bool)[denominator.codes] if bottoms else None
    if written is None or under is None or not (both := written & under).any():
        return value
    pairs = numerator.codes[both] * len(bottoms) + denominator.codes[both]
    distinct, inverse = np.unique(pairs, return_inverse=True)
    texts = [f"{tops[p // len(bottoms)]}/{bottoms[p % len(bottoms)]}" for p in distinct.tolist()]
    codes = value.codes.copy()
    codes[both] = len(value.texts) + inverse
    native = None if value.native is None else np.where(both, np.nan, value.native)
    percent = None if value.percent_cells is None else value.percent_cells & ~both
    return Column(codes, [*value.texts, *texts], native, percent)


def _numbers(column: Column) -> tuple[np.ndarray, np.ndarray]:
    """Each row's number (NaN where none) and whether it is a percentage (`%` written or an Excel
    percent cell, whose number is then × 100). Parsed per distinct text."""
    parsed = parse_texts(column.texts, column.arrow)
    number = np.where(parsed.status == NUMBER, parsed.value, np.nan)
    value, percent = number[column.codes], parsed.percent[column.codes]
    if column.native is not None:
        excel = ~np.isnan(column.native)
        pct = excel & (column.percent_cells if column.percent_cells is not None else False)
        value = np.where(excel, np.where(pct, column.native * 100, column.native), value)
        percent = np.where(excel, pct, percent)
    return value, percent


def typed_against_counts(
    grid: Grid, col: int, value: Column, numerator: Column, denominator: Column
) -> list[Issue]:
    """A typed `Kết quả` that disagrees with its row's counts: the counts win (`with_counts`), said at
    the cell with both figures. A typed share agrees when it is the counts' share in percent or as a
    fraction, to half a percentage point (a rounded figure); a formula's cached value agrees."""
    typed, percent = _numbers(value)
    top, _ = _numbers(numerator)
    bottom, _ = _numbers(denominator)
    share = np.full(len(typed), np.nan)
    np.divide(top * 100, bottom, out=share, where=bottom > 0)
    with np.errstate(invalid="ignore"):
        as_percent = np.abs(typed - share) <= 0.5
        as_fraction = ~percent & (np.abs(typed * 100 - share) <= 0.5)
        wrong = ~np.isnan(typed) & ~np.isnan(share) & ~as_percent & ~as_fraction
    issues, excel = [], value.native
    for r in np.flatnonzero(wrong).tolist():
        row = int(grid.rows[r])
        params = {
            "typed": value.texts[value.codes[r]].strip()
            if excel is None or np.isnan(excel[r])
            else float(excel[r]),
            "a": float(top[r]),
            "b": float(bottom[r]),
            "share": float(share[r]),
        }
        issues.append(
            grid_issue(IssueCode.INVALID_COUNTS, Severity.WARNING, "collect.counts-win", params, grid,
                       row=row, column=grid.header[col] if col < len(grid.header) else "",
                       cell=cell_ref(col, row), value=value.texts[value.codes[r]])
        )  # fmt: skip
    return issues


def _counts_message(block: Block, i: int, j: int, raw: str) -> tuple[str, dict[str, Any]]:
    a, b = float(block.parts[0][i, j]), float(block.parts[1][i, j])
    node = block.nodes[j]
    params = {"raw": raw, "code": node.code, "a": a, "b": b, "max": float(block.max[j])}
    if b == 0:
        return "answers.counts-zero", params
    if isinstance(node.rule, RatioRule):
        return "answers.counts-above", params
    if isinstance(node.rule, PointsRule):
        return ("answers.counts-not-max" if b != block.max[j] else "answers.counts-above-max"), params
    return "answers.counts-not-a-ratio", params


def _counts_check(flags: Callable[[Block], np.ndarray]) -> Check:
    def of_counts(block: Block) -> np.ndarray:
        counts = block.counts
        return flags(block) if counts.any() else counts  # the usual file: no counts, nothing to read

    return Check(IssueCode.INVALID_COUNTS, Severity.ERROR, of_counts, _counts_message)


# a/b where only a number can be read (a count, an index value): always an error.
COUNTS_NOT_READ = _counts_check(lambda b: b.counts)
# A ratio's counts: b = 0 or a > b cannot be a share. Points: b must be the node's maximum, a at most b.
RATIO_COUNTS = _counts_check(lambda b: b.counts & ((b.parts[1] == 0) | (b.parts[0] > b.parts[1])))
POINTS_COUNTS = _counts_check(lambda b: b.counts & ((b.parts[1] != b.max) | (b.parts[0] > b.parts[1])))
COUNT_CHECKS = (
    Check(
        IssueCode.PERCENT_IN_COUNT,
        Severity.ERROR,
        lambda b: b.number & b.percent & b.count_nodes,
        lambda b, i, j, raw: ("answers.percent-in-count", {"raw": raw, "code": b.nodes[j].code}),
    ),
    Check(
        IssueCode.FRACTION_IN_COUNT,
        Severity.WARNING,
        lambda b: b.number & ~b.percent & b.count_nodes & (b.value % 1 != 0),
        lambda b, i, j, raw: (
            "answers.fraction-in-count",
            {"raw": raw, "code": b.nodes[j].code, "value": float(b.value[i, j])},
        ),
    ),
)
_READINGS = {"yes": 1.0, "no": 0.0, "unclear": -1.0}  # an unknown word: NaN


def _read(block: Block) -> np.ndarray:
    return block.by_word(lambda k, word: _READINGS.get(read_answer(word).reading, np.nan))


def readings(block: Block) -> np.ndarray:
    """Each yes/no cell's reading, worked out once per block: 1 yes, 0 no, -1 unclear (no, with a
    warning), NaN for an unknown word or no cell. Scoring and UNCLEAR_CHECK read the same matrix."""
    return block.remembered(_read)


UNCLEAR_CHECK = Check(
    IssueCode.UNCLEAR_ANSWER,
    Severity.WARNING,
    lambda b: (b.status != ABSENT) & (readings(b) == -1),
    lambda b, i, j, raw: (
        "answers.read-as-no",
        {"raw": raw, "code": b.nodes[j].code, "word": read_answer(raw).word},
    ),
)
