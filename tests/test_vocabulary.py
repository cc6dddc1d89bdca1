"""The one vocabulary (dti/words): every key worded in both languages, every key used exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from dti.words import CATALOGUES, Note, catalogue, placeholders, say

ROOT = Path(__file__).parent.parent


def test_no_key_in_two_catalogues() -> None:
    seen: dict[str, str] = {}
    for name in CATALOGUES:
        for key in importlib.import_module(f"dti.words.{name}").WORDS:
            assert key not in seen, f"{key} is in {seen[key]} and {name}"
            seen[key] = name


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_both_languages_with_the_same_parameters(key: str) -> None:
    vi, en = catalogue()[key]
    assert vi.strip() and en.strip(), key
    assert placeholders(vi) == placeholders(en), key
    assert key.split(".")[0] and "." in key, f"{key}: a key is area.name"


def test_every_key_the_code_names_exists() -> None:
    """Keys named as literals in the code (say/note/issue/word calls) are in the catalogue."""
    known = catalogue()
    call = re.compile(r"""\b(?:say|note|Note|issue|word)\(\s*(?:[\w.]+,\s*){0,2}["']([a-z]+\.[\w.-]+)["']""")
    missing = set()
    for path in (ROOT / "dti").rglob("*.py"):
        for key in call.findall(path.read_text(encoding="utf-8")):
            if key not in known:
                missing.add(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, sorted(missing)


def test_numbers_follow_the_language() -> None:
    """A float parameter takes the language's decimal mark; an int and a text stay as given."""
    unpublished = Note("spec.year-unpublished", (("year", 2024), ("chosen", "x")))
    assert unpublished.text("vi").startswith("Số liệu năm 2024")
    from dti.words import _Comma, _Number

    assert format(_Comma(1234.5), ",.1f") == "1.234,5"
    assert format(_Number(1234.5), ",.1f") == "1,234.5"
    assert say("spec.no-year", "en", chosen="a") == "no year given: scoring with a (use --spec to choose)"


def test_decimal_mark_is_a_word_of_the_language() -> None:
    """One rule for the decimal mark: Vietnamese writes 18,5, English 18.5 (tables and sentences alike)."""
    from dti.words import decimal_for

    assert decimal_for("vi") == ","
    assert decimal_for("en") == "."
    assert say("report.since", "vi", year=2023) == "so với 2023"


def test_a_move_in_places_is_worded_with_its_number() -> None:
    """'up 1 place' but 'down 3 places'; Vietnamese has one form ('tăng 1 bậc', 'giảm 3 bậc')."""
    from dti.views.report_unit import moved

    assert moved(1, "en") == "up 1 place"
    assert moved(-3, "en") == "down 3 places"
    assert moved(1, "vi") == "tăng 1 bậc"
    assert moved(-3, "vi") == "giảm 3 bậc"
    assert moved(0, "vi") == "giữ nguyên thứ hạng"
    assert moved(None, "en") == ""


def test_counts_group_their_thousands_as_the_language_does() -> None:
    # a new user's finding: '9319 cảnh báo' beside '1.000 lượt'; a year, a row and an option's value are
    # written as they are
    assert say("issues.warnings-line", "vi", file="a.csv", count=9319, listed="x") == (
        "a.csv: 9.319 cảnh báo: x (chi tiết: dti validate a.csv)"
    )
    assert say("issues.warnings-line", "en", file="a.csv", count=9319, listed="x").startswith("a.csv: 9,319 ")
    assert say("cli.issues-cut", "vi", shown=1000, total=12345) == (
        "Chỉ 1.000/12.345 vấn đề được ghi (--max-issues 1000): bỏ --max-issues để có đủ danh sách"
    )
    assert say("report.mean-other-units", "vi", year=2024) == "năm 2024: trung bình của tập đơn vị khác"
    assert say("tracking.calendar.year-range", "en", year=3000, first=1900, last=2100).count("1900") == 1
