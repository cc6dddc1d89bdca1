"""Vietnamese numbers and text: decimal comma, thousands dot, percent signs, missing markers, NFC."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import numpy as np

from dti.answers import NO_DATA
from dti.answers import yes_no as yes_no  # read in full there; spec inference imports it from here
from dti.text import fold, nfc

# `x` in a numeric column means none / not applicable (in a yes/no column it is a tick: dti.answers).
MISSING_MARKERS = frozenset({*NO_DATA, "x", "chưa có"})

# counts: a ratio written as its counts, `512.340/570.000`: value is a/b in percent (NaN when b = 0)
Status = Literal["number", "missing", "text", "ambiguous", "counts"]


class Parsed(NamedTuple):
    value: float  # NaN unless status is number or ambiguous
    percent: bool  # the token ended in '%': value is in percent units (86.32, not 0.8632)
    status: Status
    alternative: float = float("nan")  # for an ambiguous token: the other reading


_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*[.,]\d+")
_VI_GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.234.567 or 1.234,5
_EN_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234,567 or 1,234.5
_ONE_GROUP = re.compile(r"[+-]?[1-9]\d{0,2}[.,]\d{3}")  # 1.234 or 1,234: thousands or decimals?
_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")

# The usual cells (12, 86,32%, 0,8632, 12.5): read without the general path. Exactly three decimals are
# left to it ('1.234' is ambiguous), and so are more than 15 digits (they may not fit a float). The
# vectorised path also reads 0 and three decimals (0.637, an Excel percent cell's 63,7 % as its text says
# it: never ambiguous), which is neither a decimal comma's nor a decimal dot's evidence (_DECIMAL_MARK).
_FAST = re.compile(r"(-?\d{1,15})(?:[.,](\d{1,2}|\d{4,15}))?(%?)")
ARROW_FAST = r"^-?(?:[0-9]{1,15}(?:[.,](?:[0-9]{1,2}|[0-9]{4,15}))?|0[.,][0-9]{3})%?$"

# Cell status codes, as stored in the int8 status matrices.
ABSENT, NUMBER, AMBIGUOUS, MISSING, TEXT, COUNTS = 0, 1, 2, 3, 4, 5
STATUS_CODE = {"number": NUMBER, "ambiguous": AMBIGUOUS, "missing": MISSING, "text": TEXT, "counts": COUNTS}


_SPACED = re.compile(r"[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?")  # 1 234,5: spaces group thousands


def parse_number(token: str) -> Parsed:
    """Read one cell's text as a number, the way Vietnamese spreadsheets write it.

    A number that does not fit a float (1e400, 400 nines) is text, never infinity; spaces inside a
    number are read only as thousands groups (`1 234,5`), so `12 15` is text, not 1215.
    """
    parsed = _parse(token)
    if parsed.status in ("number", "ambiguous") and not math.isfinite(parsed.value):
        return Parsed(np.nan, False, "text")
    if parsed.status == "text":
        return _as_reported(token)
    return parsed


def _parse(token: str) -> Parsed:
    fast = _FAST.fullmatch(token)
    if fast:
        whole, decimals, percent_sign = fast.groups()
        return Parsed(float(f"{whole}.{decimals}" if decimals else whole), bool(percent_sign), "number")
    text = nfc(token)
    if fold(text) in MISSING_MARKERS:
        return Parsed(np.nan, False, "missing")
    percent = text.endswith("%")
    body = (text[:-1] if percent else text).strip()
    if re.search(r"\d[\s\u00a0\u202f]+\d", body) and not _SPACED.fullmatch(body):
        return Parsed(np.nan, False, "text")  # '12 15': two numbers, or a typo
    body = _SPACES.sub("", body)
    if _ONE_GROUP.fullmatch(body):
        decimal = float(body.replace(",", "."))
        grouped = float(body.replace(",", "").replace(".", ""))
        return Parsed(decimal, percent, "ambiguous", grouped)
    if _PLAIN.fullmatch(body) or _SCIENTIFIC.fullmatch(body):
        return Parsed(float(body), percent, "number")
    if _VI_GROUPED.fullmatch(body) and body.count(".") >= 1 and ("," in body or body.count(".") > 1):
        return Parsed(float(body.replace(".", "").replace(",", ".")), percent, "number")
    if _EN_GROUPED.fullmatch(body) and ("." in body or body.count(",") > 1):
        return Parsed(float(body.replace(",", "")), percent, "number")
    if _DECIMAL.fullmatch(body):
        return Parsed(float(body.replace(",", ".")), percent, "number")
    return Parsed(np.nan, False, "text")


# --- numbers as reported: counts (a/b) and numbers with unit words ----------------------------------

_COUNT = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+"  # a whole count; dots, commas or spaces group thousands
_WORDS = r"[^\d]*[^\W\d_][^\d]*"  # words without a digit: `sở, ngành`, `người`
_COUNTS = re.compile(rf"({_COUNT})\s*/\s*({_COUNT})(?:\s+({_WORDS}))?")
_WITH_WORDS = re.compile(rf"([+-]?\d[\d.,\u00a0\u202f ]*?)(?:\s*(%)\s*|\s+)({_WORDS})")
# Words that make a figure an estimate or a bound, not the figure: before it (`khoảng 12`, `trên 50%`)
# or after it (`12 người trở lên`, `90% (ước tính)`). Such a cell is not read (an error says why).
APPROXIMATIONS = (
    "khoảng",
    "trên",
    "dưới",
    "gần",
    "hơn",
    "ước",
    "ước tính",
    "ước đạt",
    "xấp xỉ",
    "tối thiểu",
    "tối đa",
    "ít nhất",
    "trở lên",
    "trở xuống",
    "dự kiến",
    "~",
    ">",
    "<",
    "≥",
    "≤",
)
_TRAILING_APPROXIMATIONS = ("trở lên", "trở xuống", "ước tính", "ước", "dự kiến", "khoảng", "xấp xỉ")


def _count(text: str) -> float:
    return float(re.sub(r"[.,\s\u00a0\u202f]", "", text))


def counts_of(token: str) -> tuple[float, float] | None:
    """A ratio written as its counts: `512.340/570.000`, `18/21 sở, ngành` → (a, b); None otherwise."""
    match = _COUNTS.fullmatch(nfc(token))
    if match is None or _has_word(match.group(3) or "", _TRAILING_APPROXIMATIONS):
        return None
    return _count(match.group(1)), _count(match.group(2))


_NOT_A_WORD = re.compile(r"[^\w~<>≥≤]+")


def _has_word(text: str, words: tuple[str, ...]) -> str:
    spaced = _NOT_A_WORD.sub(" ", fold(text)).replace("~", " ~ ")
    padded = f" {' '.join(spaced.split())} "
    return next((w for w in sorted(words, key=len, reverse=True) if f" {w} " in padded), "")


def approximation(token: str) -> str:
    """The word that makes a figure an estimate (`khoảng 12 người` → `khoảng`), or ''."""
    text = nfc(token)
    digit = re.search(r"\d", text)
    if digit is None:
        return ""
    before = text[: digit.start()].replace(">", " > ").replace("<", " < ")
    return _has_word(before, APPROXIMATIONS) or _has_word(text[digit.start() :], _TRAILING_APPROXIMATIONS)


def _as_reported(token: str) -> Parsed:
    """A cell that is no plain number, read as departments report figures: counts a/b, or a number
    followed by its unit words (`12 người`, `89,5 % số hộ`). Anything else, and any estimate, is text."""
    counts = counts_of(token)
    if counts is not None:
        a, b = counts
        return Parsed(a / b * 100 if b else np.nan, True, "counts")
    match = _WITH_WORDS.fullmatch(nfc(token))
    if match is None or approximation(token):
        return Parsed(np.nan, False, "text")
    number = _parse(match.group(1).strip())
    if number.status not in ("number", "ambiguous") or number.percent or not math.isfinite(number.value):
        return Parsed(np.nan, False, "text")
    return number._replace(percent=bool(match.group(2)))


@dataclass
class ParsedTexts:
    """Distinct cell texts parsed once: arrays aligned with the texts."""

    value: np.ndarray  # float; NaN unless the status is NUMBER or AMBIGUOUS
    percent: np.ndarray  # bool: the text ended in '%'
    status: np.ndarray  # int8 status code
    alternative: np.ndarray  # float: an ambiguous text's other reading
    comma_decimals: int = 0  # unambiguous texts written with a decimal comma / dot: the file's style
    dot_decimals: int = 0

    def take(self, codes: np.ndarray) -> ParsedTexts:
        return ParsedTexts(
            self.value[codes], self.percent[codes], self.status[codes], self.alternative[codes]
        )


# A fast text's decimal mark that is evidence of the file's style, as _COMMA_DECIMAL / _DOT_DECIMAL say
# it for parse_number's texts: one or two decimals, or four and more (not three: 0.637).
_DECIMAL_MARK = "{mark}(?:[0-9]{{1,2}}|[0-9]{{4,}})(?:[^0-9]|$)"
_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}(?:\D|$)|\d,\d{4,}")
_DOT_DECIMAL = re.compile(r"\d\.\d{1,2}(?:\D|$)|\d\.\d{4,}")


def parse_texts(texts: Sequence[str], arrow: Any = None, typed: np.ndarray | None = None) -> ParsedTexts:
    """Parse distinct cell texts; given them as a pyarrow array too, the usual cells are parsed vectorised.

    Both paths give the same values, statuses and percent flags (tested). `typed` (per text): the texts
    some cell holds as typed text, the only ones whose decimal mark is evidence of the file's style (an
    Excel number's text is Python's, with a dot, whatever the office wrote); None: every text.
    """
    n = len(texts)
    value = np.full(n, np.nan)
    percent = np.zeros(n, dtype=bool)
    status = np.full(n, TEXT, dtype=np.int8)
    alternative = np.full(n, np.nan)
    commas = dots = 0
    slow: Sequence[int] | np.ndarray = range(n)
    if arrow is not None:
        slow, commas, dots = _parse_fast(arrow, value, percent, status, typed)
    for i in slow:
        p = parse_number(texts[i])
        value[i], percent[i], status[i], alternative[i] = (
            p.value,
            p.percent,
            STATUS_CODE[p.status],
            p.alternative,
        )
        if p.status == "number" and (typed is None or typed[i]):
            commas += bool(_COMMA_DECIMAL.search(texts[i]))
            dots += bool(_DOT_DECIMAL.search(texts[i]))
    return ParsedTexts(value, percent, status, alternative, commas, dots)


# Distinct texts in a file from which parse_texts' vectorised path pays for importing pyarrow (~0.15 s,
# the time parse_number takes for ~6,000 texts): the 63-province sample stays without it.
ARROW_TEXTS = 20_000


def texts_array(texts: Sequence[str]) -> Any:
    """Distinct texts (an XLSX column's) as a pyarrow array for parse_texts' vectorised path, built from
    buffers (pa.array() would import pandas); None for texts no UTF-8 can hold."""
    try:
        encoded = [t.encode("utf-8") for t in texts]
    except UnicodeEncodeError:  # a lone surrogate: parse_number reads it
        return None
    import pyarrow as pa

    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    data = pa.py_buffer(b"".join(encoded))
    return pa.Array.from_buffers(pa.large_string(), len(encoded), [None, pa.py_buffer(offsets), data])


def _bits(array: Any) -> np.ndarray:
    """A pyarrow boolean array (no nulls) as numpy, read from its buffer (to_numpy would import pandas)."""
    raw = np.frombuffer(array.buffers()[1], dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little")[array.offset : array.offset + len(array)].astype(bool)


def _parse_fast(
    array: Any, value: np.ndarray, percent: np.ndarray, status: np.ndarray, typed: np.ndarray | None
) -> tuple[np.ndarray, int, int]:
    """Read the usual cells with pyarrow's compiled kernels.

    Returns the positions left to parse_number, and how many fast (typed) texts use a decimal comma / dot.
    """
    import pyarrow as pa

    compute = arrow_compute()  # its options classes

    matched = arrow_kernel("match_substring_regex", array, options=compute.MatchSubstringOptions(ARROW_FAST))
    hit = _bits(matched)
    fast = arrow_kernel("filter", array, matched)  # the texts hold no nulls
    # a fast text's '%' can only end it: trimmed, not searched for (a quarter of the time)
    dotted = arrow_kernel("replace_substring", fast, options=compute.ReplaceSubstringOptions(",", "."))
    trimmed = arrow_kernel("ascii_rtrim", dotted, options=compute.TrimOptions("%"))
    numbers = arrow_kernel("cast", trimmed, options=compute.CastOptions.safe(pa.float64()))
    value[hit] = np.frombuffer(numbers.buffers()[1], dtype=np.float64)[
        numbers.offset : numbers.offset + len(numbers)
    ]
    shown = _bits(arrow_kernel("ends_with", fast, options=compute.MatchSubstringOptions("%")))
    percent[hit] = shown
    status[hit] = NUMBER
    counted = slice(None) if typed is None else typed[hit]
    # _DECIMAL_MARK without a regex (a sixth of the time): a fast text (ASCII) holds at most one mark,
    # followed by its decimals and maybe '%'; the mark is evidence unless three decimals follow (0,637)
    end = _ints(arrow_kernel("binary_length", fast)) - shown

    def marked(mark: str) -> int:
        at = _ints(arrow_kernel("find_substring", fast, options=compute.MatchSubstringOptions(mark)))
        return int(((at >= 0) & (end - at != 4))[counted].sum())

    return np.flatnonzero(~hit), marked(","), marked(".")


def arrow_kernel(name: str, *args: Any, options: Any = None) -> Any:
    """pyarrow's compute function `name` on `args`, called by name in its compiled module as the wrappers
    of pyarrow.compute call it: importing pyarrow.compute makes ~280 of them, ~20 ms of every command
    that reads a CSV."""
    return arrow_compute().call_function(name, list(args), options)


def arrow_compute() -> Any:
    """pyarrow's compiled compute module (`call_function` and the options classes), else pyarrow.compute
    itself, should a pyarrow to come not have it under that name."""
    try:
        import pyarrow._compute as compute
    except ImportError:  # pragma: no cover (every pyarrow since 1.0 has it)
        import pyarrow.compute as compute
    return compute


def _ints(array: Any) -> np.ndarray:
    """A pyarrow integer array (no nulls) as numpy, read from its buffer (to_numpy may import pandas)."""
    raw = np.frombuffer(array.buffers()[1], dtype=f"int{array.type.bit_width}")
    return raw[array.offset : array.offset + len(array)].astype(np.int64)


def decimal_style(comma_decimals: int, dot_decimals: int) -> Literal["comma", "dot"]:
    """A file's decimal style from its unambiguous numbers; Vietnamese (comma) when there is no evidence."""
    return "dot" if dot_decimals > comma_decimals else "comma"


def resolve_ambiguous(texts: Sequence[str], parsed: ParsedTexts, style: Literal["comma", "dot"]) -> None:
    """Read each ambiguous text ('1.234') in the file's decimal style, in place.

    In a comma-decimal file '1.234' is 1234 and '1,234' is 1.234; in a dot-decimal file the reverse.
    """
    for i in np.flatnonzero(parsed.status == AMBIGUOUS).tolist():
        has_comma = "," in texts[i]
        if has_comma if style == "dot" else not has_comma:
            parsed.value[i] = parsed.alternative[i]


def parse_column(texts: Sequence[str]) -> tuple[ParsedTexts, Literal["comma", "dot"]]:
    """Parse a column of cell texts, each distinct text once, in the column's decimal style."""
    uniques: dict[str, int] = {}
    codes = np.fromiter(
        (uniques.setdefault(t, len(uniques)) for t in texts), dtype=np.int64, count=len(texts)
    )
    distinct = list(uniques)
    parsed = parse_texts(distinct)
    style = decimal_style(parsed.comma_decimals, parsed.dot_decimals)
    resolve_ambiguous(distinct, parsed, style)
    return parsed.take(codes), style


def format_vi(value: float, digits: int = 2) -> str:
    """Format a number the Vietnamese way: 1.234,56."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_trimmed(value: float, digits: int, decimal: str = ",") -> str:
    """A number with at most `digits` decimals and no trailing zeros: 2,44 (decimal ",") or 2.44 (".")."""
    text = format_vi(value, digits) if decimal == "," else f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(decimal) if decimal in text else text
