"""Answers as departments write them (issue 22): counts a/b, numbers with unit words, % and fractions in a
count, yes/no read in full. Every expected value is worked out by hand in the comments."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.answers import (
    AFFIRMATIVES,
    NEGATION_STARTS,
    NEGATIVES,
    NO_DATA,
    QUALIFIERS,
    answer_words,
    read_answer,
)
from dti.cli import app
from dti.engine.build import read_submission
from dti.engine.scoring import score
from dti.engine.validate import validate
from dti.io.register import UnitRegister
from dti.numbers import counts_of, parse_number, yes_no
from dti.spec.io import parse_spec

runner = CliRunner()

# T (100) = R.1 ratio % of 100 (20) + R.2 ratio fraction of 0,8 (10) + P.1 points (10) + C.1 a count of
# meetings (10: 4 → 10, 2 → 5) + C.2 a rate by steps (10: 80 → 10, 50 → 5) + Y.1 yes/no (10) + P.2 (30).
SPEC = """
id: tiny-answers
title: Tiny answers
nodes:
- {code: T, name_vi: Tổng, kind: total, children: [R.1, R.2, P.1, C.1, C.2, Y.1, P.2]}
- {code: R.1, name_vi: Tỷ lệ hồ sơ trực tuyến, kind: component, max_points: 20,
   rule: {kind: ratio, target: 100}}
- {code: R.2, name_vi: Tỷ lệ thôn có sóng 4G, kind: component, max_points: 10,
   rule: {kind: ratio, target: 0.8, scale: fraction}}
- {code: P.1, name_vi: Điểm tự đánh giá, kind: component, max_points: 10, rule: {kind: points}}
- {code: C.1, name_vi: Số cuộc họp của Ban Chỉ đạo trong năm, kind: component, max_points: 10,
   rule: {kind: thresholds, steps: [{at_least: 4, points: 10}, {at_least: 2, points: 5}]}}
- {code: C.2, name_vi: Tỷ lệ xã có cáp quang, kind: component, max_points: 10,
   rule: {kind: thresholds, steps: [{at_least: 80, points: 10}, {at_least: 50, points: 5}]}}
- {code: Y.1, name_vi: Ban hành kế hoạch chuyển đổi số, kind: component, max_points: 10,
   rule: {kind: yesno}}
- {code: P.2, name_vi: Điểm thẩm định, kind: component, max_points: 30, rule: {kind: points}}
"""


def _run(tmp_path: Path, rows: dict[str, str]):  # type: ignore[no-untyped-def]
    spec = parse_spec(SPEC)
    path = tmp_path / "so-tttt.csv"
    body = "".join(f'48,{code},"{value}"\n' for code, value in rows.items())
    path.write_text("unit,indicator,value\n" + body, encoding="utf-8")
    sub = read_submission(path, spec, UnitRegister.provinces())
    return spec, sub, validate(spec, sub)


def _codes(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """indicator → the issue code raised on its cell (the absent-components warning left out)."""
    return {i.indicator: str(i.code) for i in report.issues if i.indicator}


# --- counts a/b ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "a", "b"),
    [
        ("512.340/570.000", 512340, 570000),
        ("512,340/570,000", 512340, 570000),
        ("512 340/570 000", 512340, 570000),
        ("512340 / 570000", 512340, 570000),
        ("18/21 sở, ngành", 18, 21),
        ("45/60", 45, 60),
        ("95.516/123.290 hộ", 95516, 123290),
    ],
)
def test_counts_as_reported(token: str, a: float, b: float) -> None:
    assert counts_of(token) == (a, b)
    parsed = parse_number(token)
    assert parsed.status == "counts" and parsed.percent
    assert parsed.value == pytest.approx(a / b * 100)


@pytest.mark.parametrize("token", ["25/12/2024", "12,5/20", "18/21 sở trở lên", "1/2/3", "a/b", "18/"])
def test_not_counts(token: str) -> None:
    assert counts_of(token) is None and parse_number(token).status == "text"


def test_zero_denominator_is_counts_without_a_value() -> None:
    parsed = parse_number("0/0")
    assert parsed.status == "counts" and math.isnan(parsed.value)


# --- numbers with unit words, estimates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value", "percent"),
    [
        ("12 người", 12, False),
        ("18 sở, ngành", 18, False),
        ("3 cuộc", 3, False),
        ("25 hệ thống", 25, False),
        ("100 %", 100, True),
        ("89,5 % số hộ", 89.5, True),
        ("2,5 cuộc", 2.5, False),
        ("12 người trên địa bàn", 12, False),  # `trên` after the number is "in", not "over"
    ],
)
def test_number_with_unit_words(token: str, value: float, percent: bool) -> None:
    parsed = parse_number(token)
    assert (parsed.status, parsed.value, parsed.percent) == ("number", value, percent)


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("khoảng 12 người", "khoảng"),
        ("trên 50%", "trên"),
        ("dưới 5", "dưới"),
        ("gần 90 %", "gần"),
        ("hơn 10 cuộc", "hơn"),
        ("12 người trở lên", "trở lên"),
        ("90% (ước tính)", "ước tính"),
        ("> 50%", ">"),
        ("~12", "~"),
    ],
)
def test_estimates_are_refused_with_the_word(tmp_path: Path, token: str, word: str) -> None:
    assert parse_number(token).status == "text"
    _, _, report = _run(tmp_path, {"C.1": token})
    found = next(i for i in report.errors if i.indicator == "C.1")
    assert found.code == "non-numeric" and f"'{word}'" in found.text("vi")


@pytest.mark.parametrize("token", ["12 người 15", "12 15", "12a", "12 - 15"])
def test_a_second_number_is_not_a_unit_word(token: str) -> None:
    assert parse_number(token).status == "text"


@pytest.mark.parametrize("token", ["Chưa có số liệu", "Không có số liệu", "—", "N/A", "-", "x"])
def test_no_data_markers_stay_missing(tmp_path: Path, token: str) -> None:
    assert parse_number(token).status == "missing"
    _, _, report = _run(tmp_path, {"C.1": token, "R.1": token})
    assert _codes(report) == {"C.1": "missing-value", "R.1": "missing-value"}


# --- the engine: scored by hand ------------------------------------------------------------------------


def test_counts_and_unit_words_scored_by_hand(tmp_path: Path) -> None:
    rows = {
        "R.1": "512.340/570.000",  # 89,884 % of 100 → 20 × 0,898842 = 17,97684
        "R.2": "45/60",  # 0,75 of 0,8 → 10 × 0,9375 = 9,375
        "P.1": "8 điểm",  # 8
        "C.1": "3 cuộc",  # 3 ≥ 2 → 5
        "C.2": "95%",  # a rate: 95 ≥ 80 → 10
        "Y.1": "Đã ban hành",  # 10
        "P.2": "27/30",  # points out of the max → 27
    }
    spec, sub, report = _run(tmp_path, rows)
    assert report.valid and not report.warnings, [i.message for i in report.issues]
    points = score(spec, sub).points_matrix[0]
    got = {code: points[spec.graph.index[code]] for code in rows}
    assert got == pytest.approx(
        {"R.1": 20 * 512340 / 570000, "R.2": 9.375, "P.1": 8, "C.1": 5, "C.2": 10, "Y.1": 10, "P.2": 27}
    )
    # The audit trail: the counts stay in the notes, with what they were read as.
    said = [n.text("vi") for n in sub.notes if "counts" in getattr(n, "key", "")]
    assert said == [
        f"{tmp_path / 'so-tttt.csv'}: 2 ô ghi tỷ lệ bằng số đếm a/b, tính thành phần trăm: "
        "C2 (48, R.1) 512.340/570.000 → 89,88 %; C3 (48, R.2) 45/60 → 75,00 %"
    ]


@pytest.mark.parametrize(
    ("code", "token", "issue", "words"),
    [
        ("R.1", "0/0", "invalid-counts", "mẫu số bằng 0"),
        ("R.1", "600/570", "invalid-counts", "tử số 600 lớn hơn mẫu số 570"),
        ("C.1", "18/21", "invalid-counts", "không tính theo tỷ lệ"),
        ("P.1", "85/100", "invalid-counts", "tối đa 10 điểm, không phải trên 100"),
        ("P.2", "31/30", "invalid-counts", "31 điểm vượt mức tối đa 30"),
        ("C.1", "95%", "percent-in-count", "là một số đếm"),
    ],
)
def test_counts_and_percentages_that_cannot_be_read(
    tmp_path: Path, code: str, token: str, issue: str, words: str
) -> None:
    spec, sub, report = _run(tmp_path, {code: token})
    found = [i for i in report.errors if i.indicator == code]
    assert [str(i.code) for i in found] == [issue] and words in found[0].text("vi")
    assert found[0].cell == "C2" and found[0].value == token  # the cell, and the text as written
    # never full points: the cell is not scored (0, like a missing value)
    assert score(spec, sub).points_matrix[0, spec.graph.index[code]] == 0


def test_a_fraction_in_a_count_is_a_warning_scored_as_given(tmp_path: Path) -> None:
    spec, sub, report = _run(tmp_path, {"C.1": "2,5", "C.2": "52,5"})  # C.2 is a rate: no warning
    assert _codes(report) == {"C.1": "fraction-in-count"} and report.valid
    points = score(spec, sub).points_matrix[0]
    assert points[spec.graph.index["C.1"]] == 5  # 2,5 ≥ 2


# --- yes/no read in full ----------------------------------------------------------------------------------


@pytest.mark.parametrize("word", AFFIRMATIVES)
def test_affirmatives_are_yes(word: str) -> None:
    assert read_answer(word).reading == "yes" and yes_no(word) is True


@pytest.mark.parametrize("word", NEGATIVES)
def test_negatives_are_no(word: str) -> None:
    assert read_answer(word).reading == "no" and yes_no(word) is False


@pytest.mark.parametrize("word", NEGATION_STARTS)
def test_a_leading_negation_is_no(word: str) -> None:
    assert read_answer(f"{word.capitalize()} thực hiện") == ("no", word)
    assert read_answer(f"Đã {word}") == ("no", word)  # "Đã hủy"


@pytest.mark.parametrize("word", QUALIFIERS + NEGATION_STARTS)
def test_a_qualification_anywhere_is_unclear(word: str) -> None:
    assert read_answer(f"Có ({word})") == ("unclear", word)
    assert yes_no(f"Có ({word})") is False


@pytest.mark.parametrize("word", NO_DATA)
def test_no_data_is_no_answer(word: str) -> None:
    assert read_answer(word).reading == "unknown"


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("Đã có dự thảo, chưa ban hành", "unclear"),
        ("Có (dự thảo)", "unclear"),
        ("đang xây dựng đề án", "unclear"),
        ("Đã hủy", "no"),
        ("Chưa ban hành", "no"),
        ("Không", "no"),
        ("Đã ban hành Quyết định số 1234/QĐ-UBND ngày 12/5/2023", "yes"),
        ("Đã ban hành Kế hoạch số 45/KH-UBND", "yes"),  # a plan issued is the usual yes
        ("Hoàn thành theo kế hoạch", "yes"),
        ("Có, đang lên kế hoạch", "unclear"),
        ("Đã triển khai", "yes"),
        ("Đã đưa vào sử dụng", "yes"),  # `dụng` is not `dừng`: diacritics are kept
        ("Triển khai tại thành phố", "unknown"),
    ],
)
def test_answers_as_written(answer: str, reading: str) -> None:
    assert read_answer(answer).reading == reading


@pytest.mark.parametrize(
    ("answer", "points", "issue"),
    [
        ("Đã có dự thảo, chưa ban hành", 0, "unclear-answer"),
        ("Có (dự thảo)", 0, "unclear-answer"),
        ("đang xây dựng đề án", 0, "unclear-answer"),
        ("Đã hủy", 0, None),
        ("Chưa ban hành", 0, None),
        ("x", 10, None),
        ("✓", 10, None),
        ("Chưa có số liệu", 0, "missing-value"),
    ],
)
def test_yes_no_scored_in_full(tmp_path: Path, answer: str, points: float, issue: str | None) -> None:
    spec, sub, report = _run(tmp_path, {"Y.1": answer})
    assert _codes(report).get("Y.1") == issue
    if issue == "unclear-answer":
        warned = next(i for i in report.warnings if i.indicator == "Y.1")
        assert warned.cell == "C2" and "được tính là 'không'" in warned.text("vi")
    got = score(spec, sub).points_matrix[0, spec.graph.index["Y.1"]]
    assert (0 if math.isnan(got) else got) == points


def test_the_word_lists_are_printable() -> None:
    words = answer_words()
    assert words["affirmatives"] == AFFIRMATIVES and words["qualifiers"] == QUALIFIERS
    assert all(words.values())


def test_validate_shows_the_counts_in_english(tmp_path: Path) -> None:
    path = tmp_path / "so.csv"
    path.write_text('unit,indicator,value\n48,HTS.01,"512.340/570.000"\n', encoding="utf-8")
    out = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--lang", "en"])
    assert "C2 (48, HTS.01) 512.340/570.000 → 89.88 %" in out.stderr


def test_the_docs_list_every_word() -> None:
    # docs/input-submissions.md: one row per list, each word of it in backticks, in the same order.
    from dti.numbers import APPROXIMATIONS

    page = (Path(__file__).parent.parent / "docs" / "input-submissions.md").read_text(encoding="utf-8")
    table = page.split("<!-- answers:start -->\n", 1)[1].split("\n<!-- answers:end -->", 1)[0]
    listed = {}
    for row in table.splitlines()[2:]:
        name, _, words = row.strip("|").split(" | ")
        found = re.findall(r"`([^`]*)`", words) + ([""] if "(empty)" in words else [])
        listed[name.strip(" `")] = sorted(found)
    expected = {name: sorted(words) for name, words in answer_words().items()}
    assert listed == {**expected, "approximations": sorted(APPROXIMATIONS)}
