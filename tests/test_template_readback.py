"""Returned `dti template` workbooks read back as departments send them: the whole workbook with only
their own sheet filled, a typed `Kết quả` beside counts, rows added, a commune index's rates."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dti import evaluate
from dti.spec import Spec
from tests.test_template import _fill, _template


def _only_sheet(template: Path, out: Path, sheet: str, answers: dict[str, dict[str, object]]) -> Path:
    """The whole workbook sent back with one department's sheet filled, the others left blank."""
    _fill(template, out, answers)
    book = openpyxl.load_workbook(out)
    codes = {book[sheet].cell(r, 2).value for r in range(6, book[sheet].max_row + 1)}
    assert set(answers) <= codes  # every answer is on that department's sheet
    return out


def test_blank_rows_are_no_entry_two_values_still_are(spec2022: Spec, tmp_path: Path) -> None:
    template = _template(spec2022, tmp_path / "t.xlsx")
    folder = tmp_path / "back"
    folder.mkdir()
    # Sở KH&CN returns the whole workbook; Văn phòng UBND tỉnh returns its own (the whole one too).
    _only_sheet(template, folder / "khcn.xlsx", "Sở Khoa học và Công nghệ", {"NTS.02": {"value": 3}})
    _only_sheet(template, folder / "vp.xlsx", "Văn phòng UBND tỉnh", {"NTS.01": {"value": "Phó chủ tịch"}})
    run = evaluate(folder)
    assert [i.message for i in run.report.issues if i.code == "duplicate-entry"] == []
    assert run.result is not None
    points = run.result.points_matrix[0]
    assert points[run.result.codes.index("NTS.02")] > 0  # the value, not the other file's blank
    assert points[run.result.codes.index("NTS.01")] > 0
    # two filled rows for the same component are still a duplicate
    _only_sheet(template, folder / "vp2.xlsx", "Văn phòng UBND tỉnh", {"NTS.01": {"value": "Chủ tịch"}})
    duplicates = [i for i in evaluate(folder).report.issues if i.code == "duplicate-entry"]
    assert [(i.indicator, i.value) for i in duplicates] == [("NTS.01", "Chủ tịch")]


def test_a_typed_result_that_disagrees_with_the_counts_is_said(spec2022: Spec, tmp_path: Path) -> None:
    filled = _fill(
        _template(spec2022, tmp_path / "t.xlsx"),
        tmp_path / "f.xlsx",
        {
            "HTS.01": {"a": 512340, "b": 570000, "value": 0.5},  # 89.88 %, typed 50 %
            "HTS.02": {"a": 12, "b": 15, "value": 0.8},  # agrees: 80 %
            "NTS.05": {"a": 45, "b": 60, "value": "75%"},  # agrees
        },
    )
    run = evaluate(filled)
    said = [i for i in run.report.issues if i.code == "invalid-counts"]
    assert [(i.sheet, i.severity.value) for i in said] == [("Sở Khoa học và Công nghệ", "warning")]
    assert said[0].cell is not None and said[0].cell.startswith("I")
    text = said[0].text("vi")
    assert "0,5" in text and "512.340/570.000" in text and "89,88 %" in text
    assert run.result is not None  # the counts win: 89.88 % of HTS.01's points
    hts01 = run.result.points_matrix[0][run.result.codes.index("HTS.01")]
    assert hts01 > 0


def test_a_row_added_for_another_departments_component_and_a_total_row(
    spec2022: Spec, tmp_path: Path
) -> None:
    """Sở Nội vụ adds HDCQ.17 (Công an tỉnh's) and a 'Tổng cộng' row below its components."""
    book = openpyxl.load_workbook(_template(spec2022, tmp_path / "t.xlsx"))
    ws = book["Sở Nội vụ"]
    ws.protection.sheet = False
    last = ws.max_row
    ws.cell(last + 1, 1, last - 4)
    ws.cell(last + 1, 2, "HDCQ.17")
    ws.cell(last + 1, 3, "Tỷ lệ cán bộ, công chức có tài khoản định danh điện tử")
    ws.cell(last + 1, 9, "88%")
    ws.cell(last + 2, 3, "Tổng cộng")
    ws.cell(last + 2, 9, 12)
    book.save(tmp_path / "noi_vu.xlsx")
    report = evaluate(tmp_path / "noi_vu.xlsx").report
    said = [(i.sheet, i.row, i.cell, i.severity.value) for i in report.issues if i.code == "template-changed"]
    assert said == [
        ("Sở Nội vụ", last + 1, f"B{last + 1}", "warning"),
        ("Sở Nội vụ", last + 2, None, "warning"),
    ]
    texts = [i.text("vi") for i in report.issues if i.code == "template-changed"]
    assert "HDCQ.17" in texts[0] and "'Sở Nội vụ'" in texts[0]
    assert "tổng cộng" in texts[1] and "bỏ qua" in texts[1]
