"""Issue 22's done-when: a department workbook as a provincial office makes it, scored component by
component as worked by hand from the bundled spec's rules (indicator_specs/dti-province-2022.yaml).

The workbook: a hidden sheet of stale figures, then three visible sheets, one per department, each with
the province and the department in its title rows, no unit column, an 'Đơn vị tính' column, counts as
a/b, a count with its unit word, a percent-formatted cell, a negated answer, 'Chưa có số liệu' and a
signature block under a blank line (wording from the seeds: '…, ngày … tháng … năm …', 'NGƯỜI LẬP BIỂU',
'(Ký, ghi rõ họ tên)').
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app

runner = CliRunner()

HEADER = ["STT", "Mã chỉ số", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]


def _sheet(
    book: openpyxl.Workbook, title: str, department: str, rows: list[tuple], hidden: bool = False
) -> None:
    sheet = book.create_sheet(title)
    if hidden:
        sheet.sheet_state = "hidden"
    sheet.append(["UBND TỈNH NINH THUẬN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.append([department, None, None, "Độc lập - Tự do - Hạnh phúc"])
    sheet.append([])
    sheet.append(["BÁO CÁO SỐ LIỆU CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"])
    sheet.append(HEADER)
    for number, (code, name, measure, value, fmt) in enumerate(rows, 1):
        sheet.append([number, code, name, measure, value, None])
        if fmt:
            sheet.cell(sheet.max_row, 5).number_format = fmt
    sheet.append([])
    sheet.append([None, None, None, None, "Ninh Thuận, ngày 15 tháng 01 năm 2024"])
    sheet.append([None, "NGƯỜI LẬP BIỂU", None, None, "GIÁM ĐỐC"])
    sheet.append([None, "(Ký, ghi rõ họ tên)", None, None, "(Ký tên, đóng dấu)"])
    sheet.append([])
    sheet.append([None, "Nguyễn Văn An", None, None, "Trần Thị Bình"])


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    # Stale figures of last year, hidden: never read (they would make HTS.03 and NLS.02 10 %).
    _sheet(
        book,
        "Số liệu cũ",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        [
            ("HTS.03", "Tỷ lệ thôn được phủ sóng 4G", "%", 10, None),
            ("NLS.02", "Tỷ lệ cán bộ được tập huấn", "%", 10, None),
        ],
        hidden=True,
    )
    _sheet(
        book,
        "Sở TT&TT",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        [
            ("HTS.03", "Tỷ lệ thôn được phủ sóng 4G/5G", "thôn", "512/640 thôn", None),
            ("NTS.02", "Số cuộc họp của Ban Chỉ đạo", "cuộc", "3 cuộc", None),
            ("NTS.03", "Nghị quyết chuyên đề của Tỉnh ủy", None, "Đã có dự thảo, chưa ban hành", None),
        ],
    )
    _sheet(
        book,
        "Sở Nội vụ",
        "SỞ NỘI VỤ",
        [
            ("NLS.02", "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", "%", 0.755, "0.0%"),
            ("NLS.04", "Số chuyên gia an toàn thông tin", "người", "12 người", None),
        ],
    )
    _sheet(
        book,
        "Văn phòng UBND",
        "VĂN PHÒNG UBND TỈNH",
        [
            ("HDCQ.02", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "Chưa có số liệu", None),
            ("NTS.04", "Kế hoạch chuyển đổi số năm 2023", None, "Đã ban hành", None),
        ],
    )
    path = tmp_path / "so_lieu_dti_2023.xlsx"
    book.save(path)
    return path


# Worked by hand from the spec's rules (value = points / max points):
EXPECTED = {
    "HTS.03": 0.8,  # ratio, target 100 %: 512/640 = 80 % → 15 × 0.8 = 12 of 15
    "NTS.02": 0.75,  # thresholds: 3 meetings reach 'at least 3' → 7.5 of 10
    "NTS.03": 0.0,  # yes/no: a draft not yet issued is no → 0 of 10
    "NLS.02": 0.755,  # ratio, target 100 %: the cell 0.755 formatted as percent is 75.5 % → 6.04 of 8
    "NLS.04": 0.75,  # thresholds: 12 experts reach 'at least 10' → 6 of 8
    "HDCQ.02": 0.0,  # no data yet: missing, scored 0 as in the official index
    "NTS.04": 1.0,  # yes/no: 'Đã ban hành' → 10 of 10
    "NTS": 0.175,  # (7.5 + 0 + 10) / 100
    "HTS": 0.12,  # 12 / 100
    "NLS": 0.1204,  # (6.04 + 6) / 100
    "DTI": 0.04154,  # (17.5 + 12 + 12.04) / 1000
}


def test_department_workbook_scores_as_worked_by_hand(workbook: Path) -> None:
    result = runner.invoke(app, ["score", str(workbook), "--spec", "dti-province-2022", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [unit] = data["units"]
    assert unit["unit"] == "58"  # Ninh Thuận, named by the title row 'UBND TỈNH NINH THUẬN'
    for code, value in EXPECTED.items():
        assert unit["values"][code] == pytest.approx(value, abs=1e-9), code


def test_what_the_workbook_holds_is_said(workbook: Path) -> None:
    result = runner.invoke(
        app, ["validate", str(workbook), "--spec", "dti-province-2022", "--format", "json", "--lang", "en"]
    )
    data = json.loads(result.stdout)
    issues = data["issues"]
    codes = {(i["code"], i.get("indicator")) for i in issues}
    assert ("missing-value", "HDCQ.02") in codes  # 'Chưa có số liệu' is said, not silently 0
    assert not [i for i in issues if i["code"] in ("blank-row", "non-numeric", "missing-column")], issues
    # the hidden sheet is named as skipped; the signature block is a footer, not data
    assert "Số liệu cũ" in result.stderr
