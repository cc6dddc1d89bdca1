"""Vietnamese numbers and text: decimal comma, thousands dot, percent signs, missing markers, NFC."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

MISSING_MARKERS = frozenset(
    {"", "-", "–", "—", "x", "n/a", "na", "chưa có số liệu", "chưa có", "không có số liệu"}
)

Status = Literal["number", "missing", "text", "ambiguous"]


class Parsed(NamedTuple):
    value: float  # NaN unless status is number or ambiguous
    percent: bool  # the token ended in '%': value is in percent units (86.32, not 0.8632)
    status: Status
    alternative: float = float("nan")  # for an ambiguous token: the other reading


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """Return the key used to match names: NFC, case-folded, single spaces."""
    return " ".join(nfc(text).casefold().split())


_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*[.,]\d+")
_VI_GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.234.567 or 1.234,5
_EN_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234,567 or 1,234.5
_ONE_GROUP = re.compile(r"[+-]?[1-9]\d{0,2}[.,]\d{3}")  # 1.234 or 1,234: thousands or decimals?
_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")


_FAST = re.compile(r"([+-]?\d+)(?:,(\d{1,2}|\d{4,}))?(%?)")  # 12, 86,32%, 0,8632: the usual cells


def parse_number(token: str) -> Parsed:
    """Read one cell's text as a number, the way Vietnamese spreadsheets write it."""
    fast = _FAST.fullmatch(token)
    if fast:
        whole, decimals, percent_sign = fast.groups()
        return Parsed(float(f"{whole}.{decimals}" if decimals else whole), bool(percent_sign), "number")
    text = nfc(token)
    if fold(text) in MISSING_MARKERS:
        return Parsed(np.nan, False, "missing")
    percent = text.endswith("%")
    body = _SPACES.sub("", text[:-1] if percent else text)
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


def parse_tokens(tokens: pd.Series) -> tuple[pd.DataFrame, Literal["comma", "dot"]]:
    """Parse a column of cell texts, each distinct token once, in the column's decimal style.

    Returns columns value, percent, status aligned with `tokens` (an ambiguous token such as '1.234'
    gets the value of the file's style), and that style.
    """
    codes, uniques = pd.factorize(tokens.astype(object).fillna(""), sort=False)
    texts = pd.Series(uniques, dtype=object).astype(str)
    parsed = pd.DataFrame([parse_number(t) for t in texts], columns=list(Parsed._fields), index=texts.index)
    if parsed.empty:
        parsed = pd.DataFrame({"value": [], "percent": [], "status": [], "alternative": []})
    style = decimal_style(parsed, texts)
    parsed["value"] = resolve_ambiguous(parsed, texts, style)
    parsed["status"] = parsed["status"].astype("category")
    out = parsed.iloc[codes].drop(columns="alternative").reset_index(drop=True)
    out.index = tokens.index
    return out, style


def decimal_style(parsed: pd.DataFrame, tokens: pd.Series) -> Literal["comma", "dot"]:
    """Guess whether a file writes decimals with a comma or a dot, from its unambiguous tokens.

    Vietnamese convention (comma) wins when there is no evidence either way.
    """
    plain = tokens[parsed["status"].eq("number").to_numpy()].astype(str)
    commas = int(plain.str.contains(r"\d,\d{1,2}(?:\D|$)|\d,\d{4,}", regex=True).sum())
    dots = int(plain.str.contains(r"\d\.\d{1,2}(?:\D|$)|\d\.\d{4,}", regex=True).sum())
    return "dot" if dots > commas else "comma"


def resolve_ambiguous(parsed: pd.DataFrame, tokens: pd.Series, style: Literal["comma", "dot"]) -> pd.Series:
    """Return the value of every token, reading each ambiguous one in the file's decimal style."""
    ambiguous = parsed["status"].eq("ambiguous")
    has_comma = tokens.astype(str).str.contains(",", regex=False)
    # In a comma-decimal file '1.234' is 1234 and '1,234' is 1.234; in a dot-decimal file the reverse.
    use_grouped = ambiguous & (has_comma if style == "dot" else ~has_comma)
    return parsed["value"].where(~use_grouped, parsed["alternative"])


def map_unique(values: pd.Series, function: Any) -> pd.Series:
    """Apply a Python function once per distinct value (columns repeat a few values many times)."""
    codes, uniques = pd.factorize(values, sort=False)
    mapped = pd.Categorical([function(u) for u in uniques])
    return pd.Series(mapped.take(codes, allow_fill=True), index=values.index)


def format_vi(value: float, digits: int = 2) -> str:
    """Format a number the Vietnamese way: 1.234,56."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
