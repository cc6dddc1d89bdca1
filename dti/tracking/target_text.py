"""A target's and a result's text as committees write them: `>= 80%`, `trên 90%`, `ít nhất 1`,
`2.000 người`, `1,5 triệu`; a report's verdict (`Đạt và vượt 2,44%`, `Chưa đạt`, `Chưa có số liệu`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from dti.numbers import parse_number
from dti.text import fold, nfc

Status = Literal["met", "not_met", "no_data", "needs_review"]
STATUSES: tuple[Status, ...] = ("met", "not_met", "no_data", "needs_review")
# The verdict a report writes, in the status column or the notes; the first that matches wins.
VERDICTS: tuple[tuple[str, Status], ...] = (
    (r"(?:chưa|không) có (?:số liệu|dữ liệu)\b.*|no data", "no_data"),
    (r"(?:chưa|không) (?:đạt|hoàn thành)\b.*|not met", "not_met"),
    (r"(?:đạt và vượt|vượt|hoàn thành)\b.*|met|exceeded.*", "met"),
    (r"đạt(?: kế hoạch| mục tiêu| chỉ tiêu)?(?:\s*[(,;:.\-–].*|\s+\d.*)?", "met"),
)
_VERDICTS = [(re.compile(p), s) for p, s in VERDICTS]
# What a result cell says in words (a qualitative target's result, or words where a number was due), the
# first that matches wins; a word matches the whole cell or its start (`Đã triển khai kết nối CSDL …`).
# `in progress` is not met and said so (`Chưa đạt (đang triển khai)`), never an error blocking the review.
# The docs print this table (`result_words_markdown`).
RESULT_WORDS: tuple[tuple[str, Status, bool], ...] = (
    ("chưa có số liệu", "no_data", False),
    ("chưa có dữ liệu", "no_data", False),
    ("không có số liệu", "no_data", False),
    ("không có dữ liệu", "no_data", False),
    ("—", "no_data", False),
    ("-", "no_data", False),
    ("chưa …", "not_met", False),
    ("không đạt", "not_met", False),
    ("đang triển khai", "not_met", True),
    ("đang thực hiện", "not_met", True),
    ("đang xây dựng", "not_met", True),
    ("x", "met", False),
    ("đã ban hành", "met", False),
    ("đã triển khai", "met", False),
    ("đã thực hiện", "met", False),
    ("đã hoàn thành", "met", False),
    ("hoàn thành", "met", False),
    ("đạt", "met", False),
)
_RESULT_WORDS = [(fold(w.rstrip(" …")), s, p) for w, s, p in RESULT_WORDS]


def result_word(text: str) -> tuple[Status, bool] | None:
    """The status a result's words give ('Đã ban hành' → met; 'Chưa triển khai' → not met; 'Đang triển
    khai' → not met, in progress), and whether it says in progress; None when it says none of them."""
    key = fold(text).strip()
    for word, status, progress in _RESULT_WORDS:
        if key == word or (key.startswith(word) and not key[len(word) : len(word) + 1].isalnum()):
            return status, progress
    return None


def result_words_markdown() -> str:
    """The result words as a Markdown table (docs/targets.md prints it)."""
    lines = ["| result (any case and diacritics; `…`: words may follow) | status |", "| --- | --- |"]
    for word, status, progress in RESULT_WORDS:
        lines.append(f"| `{word}` | {status}{' (in progress)' if progress else ''} |")
    return "\n".join(lines)


# Comparators as steering-committee documents write them; a bare number means "at least".
COMPARATORS = [
    (r"(?:>=|≥|tối thiểu|ít nhất|không dưới|không thấp hơn|từ)", ">="),
    (r"(?:<=|≤|tối đa|không quá|không vượt quá)", "<="),
    (r"(?:>|trên|hơn|vượt)", ">"),
    (r"(?:<|dưới)", "<"),
]
MAGNITUDES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_NUMBER = r"[+-]?\d(?:[\d.,\u00a0\u202f ]*\d)?(?:[eE][+-]?\d+)?"
_MAGNITUDE = r"(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\s+(?:lệ|trọng)))*"  # not 'tỷ lệ', 'tỷ trọng'
_AMOUNT = rf"(?P<num>{_NUMBER})\s*(?P<pct>%?)(?P<mag>{_MAGNITUDE})\s*(?P<unit>.*?)\s*"
_TARGET = re.compile(
    r"\s*(?P<op>" + "|".join(p for p, _ in COMPARATORS) + r")?\s*" + _AMOUNT, re.IGNORECASE | re.DOTALL
)
_NOT_FINITE = re.compile(r"(?:\D*\s)?[+-]?(?:inf|infinity|∞|nan)\s*%?")  # never a number to compare
_RESULT = re.compile(r"\s*" + _AMOUNT, re.IGNORECASE | re.DOTALL)
# A result below zero is a sign error unless the target measures a change.
CHANGE_WORDS = ("tăng", "giảm", "chênh lệch", "biến động", "growth", "change")


@dataclass(frozen=True)
class Target:
    op: str | None  # None: qualitative (or unreadable)
    value: float
    percent: bool
    unit: str
    number: str = ""  # the number as written, for reading '2.000' in the file's decimal style
    scale: float = 1.0  # 1e6 for 'triệu'
    unreadable: bool = False  # a comparator and a number that is no number ('>= 1e400')


def _unit_ok(unit: str) -> bool:
    """A trailing unit is words ('người', 'trạm'), not more numbers ('/100 xã', '- 90%')."""
    bare = re.sub(r"\([^)]*\)", "", unit).strip()
    return not bare or (bare[0].isalpha() and not re.search(r"\d", bare))


def _scale(words: str) -> float:
    return math.prod(MAGNITUDES[w] for w in fold(words).split())


def parse_target(text: str) -> Target:
    """Read '85%', 'trên 90%', '>= 70%', 'ít nhất 1', '≤ 2', '>= 2 triệu', '2.000 người'; anything
    else is qualitative."""
    match = _TARGET.fullmatch(nfc(text))
    if match is None and _NOT_FINITE.fullmatch(fold(text)):
        return Target(None, np.nan, False, "", unreadable=True)
    if match is None or not _unit_ok(match["unit"]):
        return Target(None, np.nan, False, "")
    number, scale = match["num"].strip(), _scale(match["mag"])
    parsed = parse_number(number)
    value = parsed.value * scale
    if parsed.status not in ("number", "ambiguous") or not math.isfinite(value):
        return Target(None, np.nan, False, "", number, scale, unreadable=True)
    op = next((o for p, o in COMPARATORS if match["op"] and re.fullmatch(p, match["op"], re.I)), ">=")
    return Target(op, value, bool(match["pct"]), match["unit"], number, scale)


def result_token(text: str) -> tuple[str, float, bool]:
    """A result's number as written, its magnitude and percent sign ('1,5 triệu' → '1,5', 1e6, False);
    the whole text when it is not a number with a unit."""
    match = _RESULT.fullmatch(nfc(text))
    if match is None or not _unit_ok(match["unit"]):
        return text, 1.0, False
    return match["num"].strip(), _scale(match["mag"]), bool(match["pct"])


def verdict(text: str) -> Status | None:
    """A report's verdict ('Đạt', 'Chưa đạt (…)', 'Đạt và vượt 2,44%', 'Chưa có số liệu đánh giá')."""
    key = fold(text)
    return next((s for p, s in _VERDICTS if p.fullmatch(key)), None)
