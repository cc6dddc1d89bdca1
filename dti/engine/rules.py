"""The rule registry: per rule kind, its parameters, its vectorised scoring and its checks.

Adding a rule kind touches this module only: a scoring function over a block of cells (units × the
nodes of that kind) and the checks its values need. A percent-scale ratio written as fractions is
settled before scoring, in scales.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.issues import IssueCode, Severity
from dti.numbers import ABSENT, AMBIGUOUS, MISSING, NUMBER, TEXT, yes_no
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


@dataclass
class Block:
    """The cells of one rule kind: units × the k nodes of that kind, with the nodes' attributes."""

    nodes: list[Node]
    columns: np.ndarray  # the nodes' positions among the spec's nodes
    max: np.ndarray  # (k,) max points
    value: np.ndarray  # (units, k)
    percent: np.ndarray
    status: np.ndarray
    token: np.ndarray
    tokens: np.ndarray  # the submission's distinct texts

    @property
    def number(self) -> np.ndarray:
        return (self.status == NUMBER) | (self.status == AMBIGUOUS)

    def by_word(self, points_of: Callable[[int, str], float]) -> np.ndarray:
        """Points of word cells: points_of(block column, folded text), called once per distinct text."""
        out = np.full(self.token.shape, np.nan, order="F")
        for k in range(self.token.shape[1]):
            ids = self.token[:, k]
            given = ids >= 0
            if not given.any():
                continue
            low = int(ids[given].min())
            present = np.flatnonzero(np.bincount(ids[given] - low)) + low  # each distinct text once
            table = np.full(int(present.max()) - low + 1, np.nan)
            table[present - low] = [points_of(k, fold(str(self.tokens[i]))) for i in present.tolist()]
            out[given, k] = table[ids[given] - low]
        return out


Score = Callable[[Block], np.ndarray]  # points per cell; NaN where the value cannot be scored


@dataclass(frozen=True)
class Check:
    code: IssueCode
    severity: Severity
    flags: Callable[[Block], np.ndarray]  # mask over the block's cells
    # (block, unit row, block column, raw text) → the sentence's vocabulary key and parameters
    message: Callable[[Block, int, int, str], tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class RuleKind:
    name: str
    reads_numbers: bool
    score: Score
    checks: tuple[Check, ...] = ()


# --- scoring functions ---------------------------------------------------------------------------------


def _fraction_scale(block: Block) -> np.ndarray:
    return np.array([isinstance(n.rule, RatioRule) and n.rule.scale == "fraction" for n in block.nodes])


def _points(block: Block) -> np.ndarray:
    return np.clip(block.value, 0, block.max)


def _ratio(block: Block) -> np.ndarray:
    target = np.array([n.rule.target for n in block.nodes if isinstance(n.rule, RatioRule)])
    value = as_fraction(block.value, block.percent, _fraction_scale(block))
    return block.max * np.clip(value / target, 0, 1)


def _thresholds(block: Block) -> np.ndarray:
    rules = [n.rule for n in block.nodes if isinstance(n.rule, ThresholdsRule)]
    width = max(len(r.steps) for r in rules)
    at = np.full((len(rules), width), np.inf)
    pts = np.zeros_like(at)
    for k, rule in enumerate(rules):
        for s, step in enumerate(rule.steps):
            at[k, s], pts[k, s] = step.at_least, step.points
    reached = block.value[:, :, None] >= at  # highest step first: the first reached one scores
    first = reached.argmax(axis=2)
    got = np.take_along_axis(np.broadcast_to(pts, reached.shape), first[:, :, None], axis=2)[:, :, 0]
    return np.where(reached.any(axis=2), got, 0.0)


def _choice(block: Block) -> np.ndarray:
    options = [
        {fold(name): float(points) for name, points in node.rule.options.items()}
        for node in block.nodes
        if isinstance(node.rule, ChoiceRule)
    ]
    return block.by_word(lambda k, word: option_of(word, options[k]))


def _yesno(block: Block) -> np.ndarray:
    def points_of(k: int, word: str) -> float:
        answer = yes_no(word)
        return np.nan if answer is None else (float(block.max[k]) if answer else 0.0)

    return block.by_word(points_of)


def _not_scored(block: Block) -> np.ndarray:
    return np.zeros(block.value.shape, order="F")


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
        lambda b, i, j, raw: ("check.not-a-number", {"raw": raw}),
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
        lambda b, i, j, raw: ("check.negative", {"value": float(b.value[i, j])}),
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
    ),
    "ratio": RuleKind(
        "ratio",
        True,
        _ratio,
        NUMBER_CHECKS
        + (
            Check(
                IssueCode.VALUE_ABOVE_100,
                Severity.WARNING,
                lambda b: b.number & (as_percent(b.value, b.percent, _fraction_scale(b)) > 100),
                lambda b, i, j, raw: ("check.above-100", {"raw": raw}),
            ),
        ),
    ),
    "thresholds": RuleKind("thresholds", True, _thresholds, NUMBER_CHECKS),
    "choice": RuleKind("choice", False, _choice, _word_checks(_choice)),
    "yesno": RuleKind("yesno", False, _yesno, _word_checks(_yesno)),
    "not_scored": RuleKind("not_scored", False, _not_scored),
    # An inner node given as a value (a table of main indices): value × max points.
    "node": RuleKind(
        "node",
        True,
        _given_value,
        NUMBER_CHECKS
        + (
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
    IssueCode.AMBIGUOUS_NUMBER,
    IssueCode.NEGATIVE_VALUE,
    IssueCode.VALUE_OUT_OF_RANGE,
    IssueCode.POINTS_ABOVE_MAX,
    IssueCode.VALUE_ABOVE_100,
    IssueCode.INVALID_OPTION,
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
    out = []
    max_points = np.nan_to_num(spec.graph.max_points)
    for name, columns in by_kind.items():
        cols = np.array(columns)
        out.append(
            (
                RULES[name],
                Block(
                    [spec.nodes[j] for j in columns],
                    cols,
                    max_points[cols],
                    layer.value[:, cols],
                    layer.percent[:, cols],
                    layer.status[:, cols],
                    layer.token[:, cols],
                    tokens,
                ),
            )
        )
    return out


def points(spec: Spec, layer: Layer, tokens: np.ndarray) -> np.ndarray:
    """Points of every given cell by its node's rule (units × nodes); NaN where missing or unscorable."""
    out = np.full(layer.value.shape, np.nan, order="F")
    for kind, block in blocks(spec, layer, tokens):
        # Numbers count only when read as numbers; words are tried whatever the cell's status.
        usable = block.number if kind.reads_numbers else block.status != ABSENT
        with np.errstate(invalid="ignore", divide="ignore"):
            scored = kind.score(block)
        out[:, block.columns] = np.where(usable, scored, np.nan)
    return out
