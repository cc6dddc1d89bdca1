"""A block of cells: units × the nodes of one rule kind, and the Check a rule kind runs over it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.issues import IssueCode, Severity
from dti.numbers import AMBIGUOUS, COUNTS, NUMBER, counts_of
from dti.spec import Node, ThresholdsRule
from dti.text import fold

if TYPE_CHECKING:
    from dti.engine.submission import Layer


@dataclass
class Block:
    """The cells of one rule kind: units × the k nodes of that kind, with the nodes' attributes.

    The cells are taken from the layer when first read: a word rule never reads the values, a number
    rule never the tokens, and at 100,000 units each copy is tens of megabytes.
    """

    nodes: list[Node]
    columns: np.ndarray  # the nodes' positions among the spec's nodes
    max: np.ndarray  # (k,) max points
    layer: Layer
    tokens: np.ndarray  # the submission's distinct texts
    memo: dict[Any, np.ndarray] = field(default_factory=dict, repr=False)  # see remembered()

    def _cells(self, matrix: np.ndarray) -> np.ndarray:
        """The block's columns of a layer matrix: a view when they lie side by side, else a copy."""
        first, last = int(self.columns[0]), int(self.columns[-1])
        if last - first + 1 == len(self.columns):
            return matrix[:, first : last + 1]
        return matrix[:, self.columns]

    @cached_property
    def value(self) -> np.ndarray:  # (units, k)
        return self._cells(self.layer.value)

    @cached_property
    def percent(self) -> np.ndarray:
        return self._cells(self.layer.percent)

    @cached_property
    def status(self) -> np.ndarray:
        return self._cells(self.layer.status)

    @cached_property
    def token(self) -> np.ndarray:
        return self._cells(self.layer.token)

    def remembered(self, score: Callable[[Block], np.ndarray]) -> np.ndarray:
        """score(self), worked out once: a word rule's points are read by scoring and by two checks.
        Read only: never write into it."""
        if score not in self.memo:
            self.memo[score] = score(self)
        return self.memo[score]

    # Read by scoring and by most checks: worked out once per block (read only, as the cells).
    @cached_property
    def number(self) -> np.ndarray:
        return (self.status == NUMBER) | (self.status == AMBIGUOUS)

    @cached_property
    def counts(self) -> np.ndarray:
        """Cells written as counts a/b (`512.340/570.000`)."""
        return np.asarray(self.status == COUNTS)

    @cached_property
    def parts(self) -> tuple[np.ndarray, np.ndarray]:
        """Each counts cell's numerator and denominator (NaN elsewhere), read once per distinct text."""
        if not self.counts.any():  # the usual file: no text to read again
            none = np.full(self.value.shape, np.nan)
            return none, none
        a = self.by_word(lambda k, text: (counts_of(text) or (np.nan, np.nan))[0])
        b = self.by_word(lambda k, text: (counts_of(text) or (np.nan, np.nan))[1])
        return np.where(self.counts, a, np.nan), np.where(self.counts, b, np.nan)

    @cached_property
    def count_nodes(self) -> np.ndarray:
        """(k,) the nodes whose rule scores a count (`Số cuộc họp`): see is_count."""
        return np.array([is_count(n) for n in self.nodes], dtype=bool)

    def by_word(self, points_of: Callable[[int, str], float]) -> np.ndarray:
        """Points of word cells: points_of(block column, folded text), called once per distinct text."""
        out = np.full(self.token.shape, np.nan, order="F")
        for k in range(self.token.shape[1]):
            ids = self.token[:, k]
            given = ids >= 0
            every = bool(given.all())  # the usual column: no mask to copy through
            found = ids if every else ids[given]
            if not found.size:
                continue
            low = int(found.min())
            found = found - low
            present = np.flatnonzero(np.bincount(found))  # each distinct text once
            table = np.full(int(present[-1]) + 1, np.nan)
            table[present] = [points_of(k, fold(str(self.tokens[i]))) for i in (present + low).tolist()]
            out[slice(None) if every else given, k] = table[found]
        return out


Score = Callable[[Block], np.ndarray]  # points per cell; NaN where the value cannot be scored


@dataclass(frozen=True)
class Check:
    code: IssueCode
    severity: Severity
    flags: Callable[[Block], np.ndarray]  # mask over the block's cells
    # (block, unit row, block column, raw text) → the sentence's vocabulary key and parameters
    message: Callable[[Block, int, int, str], tuple[str, dict[str, Any]]]


# Words of a thresholds node's name that make its value a rate, not a count: `Tỷ lệ …`, `… trên 10.000 dân`.
_RATE = re.compile(r"tỷ lệ|tỉ lệ|%|phần trăm|bình quân|trung bình|trên [\d.,]+")


def is_count(node: Node) -> bool:
    """A thresholds rule over a count (`Số cuộc họp`: 4 meetings): whole-number steps and a name that
    says no rate. In a count, `95%` is an error and `2,5` a warning."""
    rule = node.rule
    return (
        isinstance(rule, ThresholdsRule)
        and not rule.percent
        and all(float(step.at_least).is_integer() for step in rule.steps)
        and not _RATE.search(fold(node.name_vi))
    )
