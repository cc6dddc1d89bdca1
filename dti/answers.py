"""Yes/no answers read in full: the word lists, in one place, and how an answer is read.

Only a clear affirmative is yes. A negation that leads the answer ("Chưa ban hành", "Không", "Đã hủy") is
a plain no. A negation or a qualification anywhere else ("Có (dự thảo)", "Đã có dự thảo, chưa ban hành",
"đang xây dựng đề án") makes the answer unclear: it is read as no, and the engine says so with a warning
naming the cell, because a draft or a plan is not yet the thing the component asks for.

Answers are matched folded (NFC, case, spaces) with their diacritics: without them `dừng` (stopped)
would be `dung`, which is also `dùng` (used).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from dti.text import fold

# Whole answers that mean yes: a tick, a yes, or a thing done.
AFFIRMATIVES = (
    "có",
    "co",
    "đã có",
    "rồi",
    "đã",
    "đạt",
    "dat",
    "đã đạt",
    "đã ban hành",
    "đã triển khai",
    "đã thực hiện",
    "đã hoàn thành",
    "hoàn thành",
    "đã xây dựng",
    "đã phê duyệt",
    "đã thành lập",
    "đã đưa vào sử dụng",
    "x",
    "✓",
    "✔",
    "☑",
    "✅",
    "yes",
    "y",
    "true",
    "1",
)
# Words that begin a yes: "Đã ban hành Quyết định số 12/QĐ-UBND", "Có, tại Kế hoạch 45".
AFFIRMATIVE_STARTS = ("có", "đã", "đạt", "hoàn thành", "rồi")
# Whole answers that mean no.
NEGATIVES = ("không", "khong", "không có", "chưa", "chua", "chưa có", "no", "n", "false", "0")
# Words that make an answer a plain no when they lead it, after an optional "đã" ("Đã hủy").
NEGATION_STARTS = (
    "không",
    "chưa",
    "hủy",
    "huỷ",
    "bị hủy",
    "bãi bỏ",
    "thu hồi",
    "tạm dừng",
    "dừng",
    "ngừng",
)
# Words that, anywhere in an answer, say the thing is not (yet) done: the answer is read as no, with a
# warning ("Có (dự thảo)", "đang xây dựng đề án"). A negation inside the answer counts too ("Đã có dự
# thảo, chưa ban hành").
QUALIFIERS = (
    "dự thảo",
    "đang",
    "đang xây dựng",
    "đang triển khai",
    "đang thực hiện",
    "chờ",
    "lên kế hoạch",  # not `kế hoạch` alone: "Đã ban hành Kế hoạch số 45/KH-UBND" is the usual yes
    "trong kế hoạch",
    "dự kiến",
    "sẽ",
    "một phần",
    "chuẩn bị",
    "thí điểm",
    "thử nghiệm",
)
# Answers that say there is no figure: missing, not a no ("Chưa có số liệu" scores 0 as missing data).
NO_DATA = ("", "-", "–", "—", "n/a", "na", "chưa có số liệu", "không có số liệu")

Reading = Literal["yes", "no", "unclear", "unknown"]


class Answer(NamedTuple):
    reading: Reading  # unclear: read as no, with a warning naming the word that made it so
    word: str = ""  # the negation or qualifier found


_PUNCTUATION = re.compile(r"[^\w✓✔☑✅]+")


def _words(text: str) -> str:
    """The answer as space-separated words, padded: ` đã có dự thảo chưa ban hành `."""
    return f" {' '.join(_PUNCTUATION.sub(' ', fold(text)).split())} "


def _longest(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


_NEGATION_STARTS = _longest(NEGATION_STARTS)
_ANYWHERE = _longest(QUALIFIERS + NEGATION_STARTS)


def _found(padded: str, words: tuple[str, ...]) -> str:
    """The first of `words` (longest first) that stands as whole words in the padded answer, or ''."""
    return next((w for w in words if f" {w} " in padded), "")


@lru_cache(maxsize=4096)  # answers repeat: a column of 'Có' / 'Không', a spec's 20,000 criteria
def read_answer(text: str) -> Answer:
    """Read a yes/no answer in full: yes, no, unclear (read as no) or unknown (not a yes/no answer)."""
    whole = fold(text).strip(" .;:!")
    if whole in AFFIRMATIVES:
        return Answer("yes")
    if whole in NEGATIVES:
        return Answer("no")
    if whole in NO_DATA:
        return Answer("unknown")
    padded = _words(text)
    core = padded[len(" đã") :] if padded.startswith(" đã ") else padded
    lead = next((w for w in _NEGATION_STARTS if core.startswith(f" {w} ")), "")
    if lead:
        return Answer("no", lead)
    qualifier = _found(padded, _ANYWHERE)
    if qualifier:
        return Answer("unclear", qualifier)
    if any(padded.startswith(f" {w} ") for w in AFFIRMATIVE_STARTS):
        return Answer("yes")
    return Answer("unknown")


def yes_no(word: str) -> bool | None:
    """True for yes, False for no (an unclear answer is no), None when the answer is neither."""
    reading = read_answer(word).reading
    return None if reading == "unknown" else reading == "yes"


def answer_words() -> dict[str, tuple[str, ...]]:
    """The word lists, for the docs: whole affirmatives, affirmative starts, negations, qualifiers."""
    return {
        "affirmatives": AFFIRMATIVES,
        "affirmative_starts": AFFIRMATIVE_STARTS,
        "negatives": NEGATIVES,
        "negation_starts": NEGATION_STARTS,
        "qualifiers": QUALIFIERS,
        "no_data": NO_DATA,
    }
