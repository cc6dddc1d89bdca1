"""The rule registry: per rule kind, its parameters, its vectorised scoring and its checks.

Adding a rule kind touches this module only: a scoring function over a block of cells (units × the
nodes of that kind) and the checks its values need. A percent-scale ratio written as fractions is
settled before scoring, in scales.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.engine.block import Block, Check, Score
from dti.engine.reported import (
    COUNT_CHECKS,
    COUNTS_NOT_READ,
    POINTS_COUNTS,
    RATIO_COUNTS,
    UNCLEAR_CHECK,
    readings,
)
from dti.issues import IssueCode, Severity
from dti.numbers import ABSENT, AMBIGUOUS, MISSING, TEXT, approximation
from dti.spec import ChoiceRule, Node, RatioRule, Spec, ThresholdsRule
from dti.text import fold

if TYPE_CHECKING:
    from dti.engine.submission import Layer


def option_of(word: str, options: dict[str, float]) -> float:
    """An answer's points: the option it is, or the one option whose words it contains
    (`chủ tịch ubnd tỉnh` → `chủ tịch`); NaN when none or several match."""
    if word in options:
        return options[word]
    padded = f" {word} "
    found = [o for o in options if f" {o} " in padded]
    found = [o for o in found if not any(o != other and f" {o} " in f" {other} " for other in found)]
    return options[found[0]] if len(found) == 1 else np.nan


def as_fraction(
    value: np.ndarray, percent: np.ndarray, fraction_scale: np.ndarray | bool = True
) -> np.ndarray:
    """A value on the fraction scale: '86,32%' → 0.8632; a bare number on a fraction scale is kept."""
    if not np.any(fraction_scale):
        return value
    return np.where(percent & fraction_scale, value / 100, value)


def as_percent(value: np.ndarray, percent: np.ndarray, fraction_scale: np.ndarray | bool) -> np.ndarray:
    """A value in percent: a bare number on a fraction scale (0.8632) is 86.32."""
    if not np.any(fraction_scale):
        return value
    return np.where(fraction_scale & ~percent, value * 100, value)


@dataclass(frozen=True)
class RuleKind:
    name: str
    reads_numbers: bool
    score: Score
    checks: tuple[Check, ...] = ()
    reads_counts: bool = False  # a/b cells are scored (ratio: as a percentage; points: a out of the max)


# --- scoring functions ---------------------------------------------------------------------------------


def _fraction_scale(block: Block) -> np.ndarray:
    return np.array([isinstance(n.rule, RatioRule) and n.rule.scale == "fraction" for n in block.nodes])


def _points(block: Block) -> np.ndarray:
    given = np.clip(block.value, 0, block.max)
    if not block.counts.any():
        return given
    a, b = block.parts  # `85/100` is 85 points when 100 is the node's maximum
    return np.where(block.counts, np.where((b == block.max) & (a <= b), a, np.nan), given)


def _ratio(block: Block) -> np.ndarray:
    target = np.array([n.rule.target for n in block.nodes if isinstance(n.rule, RatioRule)])
    value = as_fraction(block.value, block.percent, _fraction_scale(block))
    if block.counts.any():  # a > b: an error, not a share
        value = np.where(block.counts & (block.value > 100), np.nan, value)
    share = np.divide(value, target)  # fresh: `value` may be the block's own cells
    np.clip(share, 0, 1, out=share)
    share *= block.max
    return share


def _thresholds(block: Block) -> np.ndarray:
    rules = [n.rule for n in block.nodes if isinstance(n.rule, ThresholdsRule)]
    width = max(len(r.steps) for r in rules)
    at = np.full((len(rules), width), np.inf)
    pts = np.zeros_like(at)
    for k, rule in enumerate(rules):
        for s, step in enumerate(rule.steps):
            at[k, s], pts[k, s] = step.at_least, step.points
    # a percentage in a count (`95%` meetings) is not scored: an error says so (PERCENT_IN_COUNT)
    unread = block.percent & block.count_nodes
    value = np.where(unread, np.nan, block.value) if unread.any() else block.value
    # highest step first: the first reached one scores. Written over from the last step to the first, so
    # the first reached is the one left (a units × nodes × steps cube cost five times as much)
    scored = np.zeros(value.shape, order="F")
    for s in reversed(range(width)):
        np.copyto(scored, pts[:, s], where=value >= at[:, s])  # NaN reaches no step: 0
    return np.where(unread, np.nan, scored) if unread.any() else scored


def _choice(block: Block) -> np.ndarray:
    options = [
        {fold(name): float(points) for name, points in node.rule.options.items()}
        for node in block.nodes
        if isinstance(node.rule, ChoiceRule)
    ]
    return block.by_word(lambda k, word: option_of(word, options[k]))


def _choice_points(block: Block) -> np.ndarray:
    return block.remembered(_choice)


def _yesno(block: Block) -> np.ndarray:
    read = readings(block)
    points = np.where(read == 1, block.max, 0.0)  # an unclear answer is no, with a warning (UNCLEAR_CHECK)
    np.copyto(points, np.nan, where=np.isnan(read))  # an unknown word, or no cell
    return points


def _yesno_points(block: Block) -> np.ndarray:
    return block.remembered(_yesno)


def _not_scored(block: Block) -> np.ndarray:
    return np.zeros(block.status.shape, order="F")


def _given_value(block: Block) -> np.ndarray:
    """An inner node given as a value (0..1, or a percentage) contributes value × max points."""
    return as_fraction(block.value, block.percent) * block.max


# --- checks -------------------------------------------------------------------------------------------

MISSING_CHECK = Check(
    IssueCode.MISSING_VALUE,
    Severity.WARNING,
    lambda b: b.status == MISSING,
    lambda b, i, j, raw: ("check.missing", {}),
)
NUMBER_CHECKS = (
    MISSING_CHECK,
    Check(
        IssueCode.NON_NUMERIC,
        Severity.ERROR,
        lambda b: b.status == TEXT,
        lambda b, i, j, raw: (
            ("answers.approximate", {"raw": raw, "word": approximation(raw)})
            if approximation(raw)
            else ("check.not-a-number", {"raw": raw})
        ),
    ),
    Check(
        IssueCode.AMBIGUOUS_NUMBER,
        Severity.WARNING,
        lambda b: b.status == AMBIGUOUS,
        lambda b, i, j, raw: ("check.ambiguous", {"raw": raw, "value": float(b.value[i, j])}),
    ),
    Check(
        IssueCode.NEGATIVE_VALUE,
        Severity.ERROR,
        lambda b: b.number & (b.value < 0),
        lambda b, i, j, raw: (
            ("check.negative-shown", {"shown": float(b.value[i, j])})
            if b.percent[i, j]  # a percent (a percent-formatted cell, or '-5%'): quote it with its sign
            else ("check.negative", {"value": float(b.value[i, j])})
        ),
    ),
)


def _invalid_option(block: Block, i: int, j: int, raw: str) -> tuple[str, dict[str, Any]]:
    node = block.nodes[j]
    if isinstance(node.rule, ChoiceRule):
        return "check.not-an-option", {"raw": raw, "code": node.code, "options": list(node.rule.options)}
    return "check.not-yes-no", {"raw": raw, "code": node.code}


def _word_checks(score: Score) -> tuple[Check, ...]:
    # An answer is read as a word first: `x` ticks a yes/no, `chưa có` may be an option; only a
    # missing marker that is no answer counts as missing.
    missing = Check(
        IssueCode.MISSING_VALUE,
        Severity.WARNING,
        lambda b: (b.status == MISSING) & np.isnan(score(b)),
        MISSING_CHECK.message,
    )
    invalid = Check(
        IssueCode.INVALID_OPTION,
        Severity.ERROR,
        lambda b: (b.status != MISSING) & (b.status != ABSENT) & np.isnan(score(b)),
        _invalid_option,
    )
    return (missing, invalid)


RULES: dict[str, RuleKind] = {
    "points": RuleKind(
        "points",
        True,
        _points,
        NUMBER_CHECKS
        + (
            POINTS_COUNTS,
            Check(
                IssueCode.POINTS_ABOVE_MAX,
                Severity.ERROR,
                lambda b: b.number & (b.value > b.max),
                lambda b, i, j, raw: (
                    "check.above-max",
                    {"value": float(b.value[i, j]), "max": float(b.max[j]), "code": b.nodes[j].code},
                ),
            ),
        ),
        reads_counts=True,
    ),
    "ratio": RuleKind(
        "ratio",
        True,
        _ratio,
        NUMBER_CHECKS
        + (
            RATIO_COUNTS,
            Check(
                IssueCode.VALUE_ABOVE_100,
                Severity.WARNING,
                lambda b: b.number & (as_percent(b.value, b.percent, _fraction_scale(b)) > 100),
                lambda b, i, j, raw: (
                    ("check.above-100-shown", {"shown": float(b.value[i, j])})
                    if b.percent[i, j]  # a percent-formatted cell: quote it as the sheet shows it
                    else ("check.above-100", {"raw": raw})
                ),
            ),
        ),
        reads_counts=True,
    ),
    "thresholds": RuleKind("thresholds", True, _thresholds, NUMBER_CHECKS + (COUNTS_NOT_READ, *COUNT_CHECKS)),
    "choice": RuleKind("choice", False, _choice_points, _word_checks(_choice_points)),
    "yesno": RuleKind("yesno", False, _yesno_points, (*_word_checks(_yesno_points), UNCLEAR_CHECK)),
    "not_scored": RuleKind("not_scored", False, _not_scored),
    # An inner node given as a value (a table of main indices): value × max points.
    "node": RuleKind(
        "node",
        True,
        _given_value,
        NUMBER_CHECKS
        + (
            COUNTS_NOT_READ,
            Check(
                IssueCode.VALUE_OUT_OF_RANGE,
                Severity.ERROR,
                lambda b: b.number & (as_fraction(b.value, b.percent) > 1),
                lambda b, i, j, raw: ("check.out-of-range", {"raw": raw, "code": b.nodes[j].code}),
            ),
        ),
    ),
}
# The order in which a report lists a cell's problems.
CHECK_ORDER = (
    IssueCode.MISSING_VALUE,
    IssueCode.NON_NUMERIC,
    IssueCode.INVALID_COUNTS,
    IssueCode.AMBIGUOUS_NUMBER,
    IssueCode.NEGATIVE_VALUE,
    IssueCode.PERCENT_IN_COUNT,
    IssueCode.FRACTION_IN_COUNT,
    IssueCode.VALUE_OUT_OF_RANGE,
    IssueCode.POINTS_ABOVE_MAX,
    IssueCode.VALUE_ABOVE_100,
    IssueCode.INVALID_OPTION,
    IssueCode.UNCLEAR_ANSWER,
)


def kind_of(node: Node) -> str:
    return node.rule.kind if node.rule is not None else ("node" if node.children else "not_scored")


def blocks(spec: Spec, layer: Layer, tokens: np.ndarray) -> list[tuple[RuleKind, Block]]:
    """The layer's given columns split by rule kind (columns nobody gave are skipped).

    Made once per layer and spec: validation and scoring read the same blocks.
    """
    key = ("blocks", spec.id, id(spec))
    if key not in layer.cache:
        layer.cache[key] = _blocks(spec, layer, tokens)
    return list(layer.cache[key])


def _blocks(spec: Spec, layer: Layer, tokens: np.ndarray) -> list[tuple[RuleKind, Block]]:
    given_columns = np.asarray(layer.given.any(axis=0))
    by_kind: dict[str, list[int]] = {}
    for j, node in enumerate(spec.nodes):
        if given_columns[j]:
            by_kind.setdefault(kind_of(node), []).append(j)
    max_points = np.nan_to_num(spec.graph.max_points)
    return [
        (
            RULES[name],
            Block([spec.nodes[j] for j in columns], np.array(columns), max_points[columns], layer, tokens),
        )
        for name, columns in by_kind.items()
    ]


def points(spec: Spec, layer: Layer, tokens: np.ndarray) -> np.ndarray:
    """Points of every given cell by its node's rule (units × nodes); NaN where missing or unscorable."""
    out = np.empty(layer.value.shape, order="F")  # each column written once: by its block, or NaN
    out[:, ~np.asarray(layer.given.any(axis=0))] = np.nan  # the columns no block holds
    for kind, block in blocks(spec, layer, tokens):
        # Numbers count only when read as numbers; words are tried whatever the cell's status.
        usable = block.number if kind.reads_numbers else block.status != ABSENT
        if kind.reads_counts:
            usable = usable | block.counts
        with np.errstate(invalid="ignore", divide="ignore"):
            scored = kind.score(block)
        # column by column into `out`: `scored` may be the block's cells or its remembered points, which
        # validation reads, so it is never written into
        unusable = ~usable
        for k, j in enumerate(block.columns.tolist()):
            np.copyto(out[:, j], scored[:, k])
            np.copyto(out[:, j], np.nan, where=unusable[:, k])
    return out
