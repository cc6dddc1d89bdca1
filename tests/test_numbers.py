"""Vietnamese number parsing (DOMAIN.md §6)."""

from __future__ import annotations

import math
from dataclasses import astuple

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dti.numbers import STATUS_CODE, parse_column, parse_number, parse_texts, texts_array


@pytest.mark.parametrize(
    ("token", "value", "percent"),
    [
        ("86,32%", 86.32, True),
        ("86,32 %", 86.32, True),
        ("86.32", 86.32, False),
        ("0,8632", 0.8632, False),
        ("1.234,5", 1234.5, False),
        ("1.234.567", 1234567, False),
        ("1,234.5", 1234.5, False),
        ("187,5%", 187.5, True),
        ("12", 12, False),
        ("-3", -3, False),
        ("1 234,5", 1234.5, False),
    ],
)
def test_numbers(token: str, value: float, percent: bool) -> None:
    parsed = parse_number(token)
    assert parsed.status == "number"
    assert parsed.value == pytest.approx(value)
    assert parsed.percent is percent


@pytest.mark.parametrize("token", ["", "-", "x", "X", "N/A", "Chưa có số liệu", "chưa có số liệu", "  "])
def test_missing_markers(token: str) -> None:
    assert parse_number(token).status == "missing"


def test_decomposed_marker_is_missing() -> None:
    assert parse_number("Chu\u031ba co\u0301 sô\u0301 liê\u0323u").status == "missing"  # NFD text


@pytest.mark.parametrize("token", ["1.234", "2.439", "1,234"])
def test_single_group_is_ambiguous(token: str) -> None:
    parsed = parse_number(token)
    assert parsed.status == "ambiguous"
    assert {parsed.value, parsed.alternative} == {float(token.replace(",", ".")), float(token[0] + token[2:])}


def test_ambiguous_read_in_the_files_decimal_style() -> None:
    parsed, style = parse_column(["86,32", "2.439", "0,5", "2.439"])
    assert style == "comma"
    assert parsed.value.tolist() == [86.32, 2439.0, 0.5, 2439.0]
    parsed, style = parse_column(["86.32", "2.439", "0.5"])
    assert style == "dot"
    assert parsed.value.tolist() == [86.32, 2.439, 0.5]
    parsed, style = parse_column(["1,234", "12"])  # no evidence: Vietnamese comma
    assert style == "comma" and parsed.value.tolist() == [1.234, 12.0]


def test_vectorised_path_reads_like_parse_number() -> None:
    # Texts that come with a pyarrow array (a large CSV) are parsed by its kernels: same values, status,
    # percent flags and decimal-style evidence as parse_number one by one.
    import pyarrow as pa

    rng = np.random.default_rng(1)
    texts = [f"{v:.2f}".replace(".", ",") + "%" for v in rng.uniform(0, 200, 3000)]
    texts += [str(i) for i in range(-50, 1500)] + [
        "12.5",
        "0,8632",
        "-",
        "có",
        "1.234",
        "9" * 20,
        "+5",
        " 7 ",
    ]
    texts += ["0.8543", "1E-05", "3.0000000000000004", "1234.5"]  # Excel numbers' texts (an XLSX)
    texts += ["0.637", "0,125", "-0.004%", "0.000", "00.637", "0.6370", "0.63", "0,63%", "1.637"]  # 0.ddd
    fast = parse_texts(texts, pa.array(texts, type=pa.string()))
    slow = parse_texts(texts)
    assert (fast.comma_decimals, fast.dot_decimals) == (slow.comma_decimals, slow.dot_decimals)
    built = parse_texts(texts, texts_array(texts))  # the array an XLSX column's texts are given
    for a, b in zip(astuple(built), astuple(fast), strict=True):
        assert np.array_equal(a, b, equal_nan=True)
    assert texts_array([*texts, "\udcff"]) is None  # a lone surrogate: parse_number reads it
    for i, text in enumerate(texts):
        one = parse_number(text)
        assert fast.status[i] == STATUS_CODE[one.status], text
        assert fast.percent[i] == one.percent, text
        assert (math.isnan(one.value) and math.isnan(fast.value[i])) or fast.value[i] == one.value, text


def test_text_is_text() -> None:
    assert parse_number("Triển khai tại thành phố").status == "text"
    assert math.isnan(parse_number("abc").value)


@given(st.text(max_size=30))
def test_parse_never_raises(token: str) -> None:
    parsed = parse_number(token)
    assert parsed.status in {"number", "missing", "text", "ambiguous", "counts"}
    if parsed.status != "counts":  # counts a/0 have no value: an error names the cell (test_answers.py)
        assert (parsed.status in {"number", "ambiguous"}) == (not math.isnan(parsed.value))


@given(st.integers(0, 10**9), st.integers(1, 10**9), st.sampled_from(["", " sở, ngành", " hộ"]))
def test_counts_read_back(a: int, b: int, words: str) -> None:
    # Counts written with Vietnamese thousands dots are read back as a / b in percent.
    parsed = parse_number(f"{a:,}".replace(",", ".") + "/" + f"{b:,}".replace(",", ".") + words)
    assert parsed.status == "counts" and parsed.value == pytest.approx(a / b * 100)


@pytest.mark.parametrize("token", ["1e400", "9" * 400, "-1e999", "12 15", "1 23", "inf", "nan"])
def test_numbers_that_would_be_silently_wrong_are_text(token: str) -> None:
    # Issue 13: 1e400 and 400 nines became infinity (full points); '12 15' became 1215.
    assert parse_number(token).status == "text"


def test_spaces_group_thousands_only_in_threes() -> None:
    assert parse_number("1 234,5").value == 1234.5 and parse_number("12 345 678").value == 12345678
