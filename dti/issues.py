"""Issues found in submitted data, collected into a report: errors are data, not exceptions.

An issue carries a stable code, a severity, where it is, and a vocabulary key with its parameters
(dti/words): the views word it in the user's language; `message` is its English wording, for programs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from dti.words import Lang, Note, say


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class IssueCode(StrEnum):
    """Stable codes: CI scripts and users match on them, so never rename one."""

    UNREADABLE_FILE = "unreadable-file"
    UNSUPPORTED_FORMAT = "unsupported-format"
    ENCODING_FALLBACK = "encoding-fallback"
    MISSING_COLUMN = "missing-column"
    DUPLICATE_HEADER = "duplicate-header"
    BLANK_ROW = "blank-row"
    RAGGED_ROW = "ragged-row"
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_UNIT = "unknown-unit"
    UNKNOWN_STAGE = "unknown-stage"
    DUPLICATE_ENTRY = "duplicate-entry"
    NON_NUMERIC = "non-numeric"
    INVALID_OPTION = "invalid-option"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    NEGATIVE_VALUE = "negative-value"
    POINTS_ABOVE_MAX = "points-above-max"
    VALUE_OUT_OF_RANGE = "value-out-of-range"
    VALUE_ABOVE_100 = "value-above-100"
    MISSING_VALUE = "missing-value"
    NODE_WITH_DESCENDANTS = "node-with-descendants"
    LEADING_ZERO_LOST = "leading-zero-lost"
    NO_DATA = "no-data"
    RANK_MISMATCH = "rank-mismatch"
    STATUS_DISAGREES = "status-disagrees"  # a target list's verdict against its own numbers
    NAME_MISMATCH = "name-mismatch"
    UNNAMED_COLUMN = "unnamed-column"
    READ_AS_FRACTION = "read-as-fraction"
    MIXED_SCALE = "mixed-scale"
    INVALID_COUNTS = "invalid-counts"  # a/b where it cannot be read: b = 0, a > b, not a ratio component
    PERCENT_IN_COUNT = "percent-in-count"
    FRACTION_IN_COUNT = "fraction-in-count"
    UNCLEAR_ANSWER = "unclear-answer"  # a yes/no answer with a qualification, read as no
    TEMPLATE_CHANGED = "template-changed"  # a returned `dti template` sheet renamed or a row deleted


# The columns of an issue in machine-readable output (json keys, csv header), in this order.
ISSUE_FIELDS = (
    "code",
    "severity",
    "file",
    "sheet",
    "row",
    "column",
    "cell",
    "unit",
    "indicator",
    "value",
    "message",
)

_DICT_FIELDS = ("code", "severity", "message", *ISSUE_FIELDS[2:-1])

# Input that cannot be read at all: the CLI exits 2 rather than 1 for these.
UNREADABLE_CODES = frozenset({IssueCode.UNREADABLE_FILE, IssueCode.UNSUPPORTED_FORMAT})


@dataclass(frozen=True)
class Issue:
    code: IssueCode
    severity: Severity
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # as a spreadsheet numbers it: header = 1
    column: str | None = None
    cell: str | None = None  # A1 reference
    unit: str | None = None
    indicator: str | None = None
    value: str | None = None  # the raw token
    key: str | None = None  # the vocabulary key of its sentence (dti/words/issues.py)
    params: tuple[tuple[str, Any], ...] = ()  # the sentence's parameters

    def text(self, lang: Lang = "vi") -> str:
        """The issue's sentence in `lang` (its English message when it has no key yet)."""
        return say(self.key, lang, **dict(self.params)) if self.key else self.message

    def to_dict(self) -> dict[str, Any]:
        """The issue for json: its fields, and after `message` the parameters of its sentence (a note
        among them as its English text), so that a program can word it, or read a count, itself."""
        data: dict[str, Any] = {
            "code": str(self.code),
            "severity": str(self.severity),
            "message": self.message,
        }
        data["params"] = {name: _plain(value) for name, value in self.params}
        data.update((name, getattr(self, name)) for name in _DICT_FIELDS[3:])  # asdict() deep-copies: slow
        return data


def _plain(value: Any) -> Any:
    """A parameter as json holds it: a note as its English text, a list's items likewise."""
    if isinstance(value, Note):
        return value.text("en")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def issue(
    code: IssueCode, severity: Severity, key: str, params: dict[str, Any] | None = None, **where: Any
) -> Issue:
    """An issue worded from the vocabulary: `key` and `params` say what, `where` (file, row...) where."""
    params = params or {}
    return Issue(code, severity, say(key, "en", **params), key=key, params=tuple(params.items()), **where)


@dataclass(frozen=True)
class Places:
    """Where a batch's issues are, in the order found, as arrays: each issue's source (an index into
    `files`, each source's file and sheet), its row and its 0-based column."""

    files: list[tuple[str, str]]
    source: np.ndarray
    row: np.ndarray
    col: np.ndarray


@dataclass(frozen=True)
class Batch:
    """Issues of one code found together, built only when someone reads them (a count is enough
    for `dti score`'s warning line, and 10,000 missing cells make 10,000 Issue objects): `build(keep)`
    makes those at the positions `keep` (in the order found; None: all), `places()` says where each is."""

    code: IssueCode
    severity: Severity
    count: int
    build: Callable[[np.ndarray | None], list[Issue]]
    places: Callable[[], Places]


_LETTERS = re.compile(r"[A-Z]+")


def _place(issue: Issue) -> tuple[str, str, int, bool, int]:
    """Where an issue is, in reading order: file, sheet, row, errors first, column (B before AA)."""
    letters = _LETTERS.match(issue.cell or "")
    return (
        issue.file or "",
        issue.sheet or "",
        issue.row or 0,
        issue.severity != Severity.ERROR,
        _column(letters.group()) if letters else -1,
    )


def _column(letters: str) -> int:
    """A column's letters as its 0-based index (AA: 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


class Report:
    """Every issue found, in the order found; `shown()` orders them by file and row."""

    def __init__(self, issues: Iterable[Issue] = (), max_issues: int | None = None) -> None:
        self._items: list[Issue | Batch] = list(issues)
        self.max_issues = max_issues
        self.strict = False  # `dti validate --strict`: warnings fail too (every format asks `fails`)

    @property
    def issues(self) -> list[Issue]:
        if any(isinstance(item, Batch) for item in self._items):
            built: list[Issue] = []
            for item in self._items:
                built.extend(item.build(None) if isinstance(item, Batch) else [item])
            self._items = list(built)
        return self._items  # type: ignore[return-value]

    @issues.setter
    def issues(self, issues: Iterable[Issue]) -> None:
        self._items = list(issues)

    def extend(self, issues: Iterable[Issue]) -> None:
        self._items.extend(issues)

    def add_batch(self, batch: Batch) -> None:
        if batch.count:
            self._items.append(batch)

    def counts(self, severity: str | None = None) -> dict[str, int]:
        """Issues per code (of one severity), without building any batch."""
        counts: Counter[str] = Counter()
        for item in self._items:
            if severity is None or item.severity == severity:
                counts[str(item.code)] += item.count if isinstance(item, Batch) else 1
        return dict(counts)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    def fails(self, issue: Issue | Batch) -> bool:
        """Whether the issue makes the submission invalid: an error, or under --strict a warning too."""
        return issue.severity is Severity.ERROR or (self.strict and issue.severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        return not any(self.fails(item) for item in self._items)

    @property
    def unreadable(self) -> bool:
        return any(item.code in UNREADABLE_CODES for item in self._items)

    def shown(self, limit: int | None = None) -> list[Issue]:
        """Return the issues to print, file by file, sheet by sheet, in row and column order, capped at
        max_issues (and `limit`): errors are kept first when the cap cuts (the error that stops a run is
        never left out behind 50 warnings), the first ones in reading order when they alone pass it. Only
        the issues shown are built."""
        cap = min((c for c in (self.max_issues, limit) if c is not None), default=None)
        total = sum(item.count if isinstance(item, Batch) else 1 for item in self._items)
        if cap is None or total <= cap:
            return sorted(self.issues, key=_place)
        file, row, warning, col = self._places()
        order = np.lexsort((col, warning, row, file))  # stable: the order found breaks ties
        errors = order[~warning[order]][:cap]  # the first errors in reading order
        warnings = order[warning[order]][: cap - len(errors)]
        keep = np.zeros(total, dtype=bool)
        keep[errors] = keep[warnings] = True
        return self._built(order[keep[order]])

    def _places(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every issue's place as arrays in the order found (its file and sheet ranked, row, whether a
        warning, column), no batch built."""
        pairs: dict[tuple[str, str], int] = {}
        parts: list[list[np.ndarray]] = []
        for item in self._items:
            if isinstance(item, Batch):
                at = item.places()
                ids = np.array([pairs.setdefault(f, len(pairs)) for f in at.files], dtype=np.int64)
                warned = np.full(item.count, item.severity != Severity.ERROR)
                parts.append([ids[at.source], at.row, warned, at.col])
            else:
                name, sheet, *where = _place(item)
                parts.append([np.array([v]) for v in (pairs.setdefault((name, sheet), len(pairs)), *where)])
        ranks = np.empty(len(pairs), dtype=np.int64)
        ranks[[pairs[p] for p in sorted(pairs)]] = np.arange(len(pairs))
        file, row, warning, col = (np.concatenate(column) for column in zip(*parts, strict=True))
        return ranks[file], row, warning.astype(bool), col

    def _built(self, positions: np.ndarray) -> list[Issue]:
        """The issues at `positions` (in the order found over every item), in that order; a batch builds
        only those."""
        sizes = [item.count if isinstance(item, Batch) else 1 for item in self._items]
        starts = np.cumsum([0, *sizes])
        owner = np.searchsorted(starts, positions, side="right") - 1
        found: dict[int, Issue] = {}
        for k in np.unique(owner).tolist():
            item, wanted = self._items[k], positions[owner == k]
            local = np.sort(wanted) - starts[k]
            built = item.build(local) if isinstance(item, Batch) else [item]
            found.update(zip((local + starts[k]).tolist(), built, strict=True))
        return [found[p] for p in positions.tolist()]

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "errors": sum(self.counts("error").values()),
            "warnings": sum(self.counts("warning").values()),
            "shown": len(self.shown()),
            "by_code": dict(sorted(counts.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        found = {
            "valid": self.valid,
            "issues": [i.to_dict() for i in self.shown()],
            "summary": self.summary(),
        }
        return {**found, "strict": True} if self.strict else found
