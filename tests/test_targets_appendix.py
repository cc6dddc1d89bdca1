"""`dti targets` on a half-year target appendix as a province writes it (issue 11): title rows, the header
on row 7, Roman section rows, a heading with sub-rows, the header repeated at a page break, verdicts in
the notes, magnitude words and units, several responsible units — in XLSX and in CSV, unchanged."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.departments import split_units
from dti.tracking.targets import (
    HEADERS,
    Review,
    header_meaning,
    headers_markdown,
    parse_target,
    read_targets,
    verdict,
)
from dti.views.review import label

from .conftest import ROOT

runner = CliRunner()
HEADER = ["STT", "Mục tiêu", "Chỉ tiêu năm 2024", "KQTH 6 tháng đầu năm 2024", "Đơn vị chủ trì", "Ghi chú"]
TT = "Sở TT&TT"
TELCOS = "các doanh nghiệp viễn thông"
CULTURE = "Sở Văn hóa, Thể thao và Du lịch"
# The appendix, one list per spreadsheet row (row 1 first); None is a blank row.
APPENDIX: list[list[Any] | None] = [
    ["UBND TỈNH QUẢNG TRỊ"],
    ["BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"],
    None,
    ["PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2024"],
    ["(Kèm theo Báo cáo số 125/BC-BCĐ ngày 05/7/2024)"],
    None,
    HEADER,  # row 7
    ["I", "HẠ TẦNG SỐ"],  # 8: section
    [1, "Tỷ lệ thôn có sóng di động 4G/5G", "100%", "98,2%", f"{TT}; {TELCOS}", "Chưa đạt (còn 12 thôn)"],
    [2, "Tỷ lệ có kết nối cáp quang băng rộng"],  # 10: heading of rows 11-12
    ["", "- Hộ gia đình", ">= 80%", "84,5%", f"{TT} và {TELCOS}", "Đạt và vượt 4,5%"],
    ["", "- Doanh nghiệp", "100%", "100%", TT, "Đạt"],
    [3, "Số trạm BTS 5G được lắp đặt", "75 trạm", "80 trạm", TELCOS],
    ["II", "CHÍNH QUYỀN SỐ"],  # 14: section
    [4, "Tỷ lệ hồ sơ TTHC xử lý trực tuyến toàn trình", "trên 60%", "57,3%", "Văn phòng UBND tỉnh", "Đạt"],
    [5, "Tỷ lệ hồ sơ thanh toán trực tuyến", "tối thiểu 45%", "", "Sở Tài chính", "Chưa có số liệu đánh giá"],
    HEADER,  # 17: the header again after a page break
    ["III", "KINH TẾ SỐ"],  # 18: section
    [6, "Số giao dịch thanh toán không dùng tiền mặt", ">= 2 triệu", "1.500.000", "Ngân hàng Nhà nước tỉnh"],
    [7, "Số doanh nghiệp công nghệ số", "ít nhất 1,2 nghìn", "1.250 doanh nghiệp", "Sở Kế hoạch và Đầu tư"],
    [8, "Tỷ trọng kinh tế số trong GRDP", ">= 10%", "", "Sở Kế hoạch và Đầu tư"],
    ["IV", "XÃ HỘI SỐ"],  # 22: section
    [9, "Số người dân được tập huấn kỹ năng số", "2.000 người", "2.150 người", f"{CULTURE}, Tỉnh đoàn"],
    [10, "Tỷ lệ người dân có danh tính số mức 2", "80%", "", "Công an tỉnh", "chưa có số liệu báo cáo"],
    ["Ghi chú: KQTH là kết quả thực hiện; số liệu ước tính đến hết ngày 30/6/2024."],  # 25: footnote
]  # fmt: skip
# (id, group, name, status, computed, exceeded_by, shortfall), computed by hand:
EXPECTED = [
    # 98,2 against 100: short by 1,8 points; the notes agree (Chưa đạt).
    ("1", "HẠ TẦNG SỐ", "Tỷ lệ thôn có sóng di động 4G/5G", "not_met", "not_met", None, 1.8),
    # heading row 10 leads its sub-rows; 84,5 - 80 = 4,5 points.
    ("2.1", "HẠ TẦNG SỐ", "Tỷ lệ có kết nối cáp quang băng rộng - Hộ gia đình", "met", "met", 4.5, None),
    ("2.2", "HẠ TẦNG SỐ", "Tỷ lệ có kết nối cáp quang băng rộng - Doanh nghiệp", "met", "met", None, None),
    # 80 trạm against 75 trạm: 5 more.
    ("3", "HẠ TẦNG SỐ", "Số trạm BTS 5G được lắp đặt", "met", "met", 5.0, None),
    # 57,3 is not above 60 (short by 2,7) but the notes say Đạt: the verdict stands, both are shown.
    ("4", "CHÍNH QUYỀN SỐ", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến toàn trình", "met", "not_met", None, 2.7),
    ("5", "CHÍNH QUYỀN SỐ", "Tỷ lệ hồ sơ thanh toán trực tuyến", "no_data", None, None, None),
    # 2 triệu = 2.000.000 against 1.500.000: short by 500.000 (not 'exceeded by 1.499.998').
    ("6", "KINH TẾ SỐ", "Số giao dịch thanh toán không dùng tiền mặt", "not_met", "not_met", None, 500_000.0),
    # 1,2 nghìn = 1.200 against 1.250: 50 more.
    ("7", "KINH TẾ SỐ", "Số doanh nghiệp công nghệ số", "met", "met", 50.0, None),
    # no result, no verdict: no data.
    ("8", "KINH TẾ SỐ", "Tỷ trọng kinh tế số trong GRDP", "no_data", None, None, None),
    # 2.150 người against 2.000 người: 150 more.
    ("9", "XÃ HỘI SỐ", "Số người dân được tập huấn kỹ năng số", "met", "met", 150.0, None),
    ("10", "XÃ HỘI SỐ", "Tỷ lệ người dân có danh tính số mức 2", "no_data", None, None, None),
]
COUNTS = "6/11 chỉ tiêu đạt và vượt kế hoạch; 2/11 chưa đạt; 3/11 chưa có số liệu đánh giá"


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in APPENDIX:
        sheet.append(row or [])
    # As Excel keeps them: STT as numbers, a percentage target and result stored as fractions.
    sheet["C9"], sheet["D9"] = 1, 0.982
    sheet["C9"].number_format = sheet["D9"].number_format = "0.0%"
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("B8:F8")
    book.save(path)
    return path


def _csv(path: Path) -> Path:
    """Saved by Excel in a Vietnamese locale: ';' separated, BOM, every row as wide as the table."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        for row in APPENDIX:
            cells = [str(c) for c in row or []]
            writer.writerow(cells + [""] * (len(HEADER) - len(cells)))
    return path


@pytest.fixture(params=["xlsx", "csv"])
def appendix(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    make = _xlsx if request.param == "xlsx" else _csv
    return make(tmp_path / f"phu_luc_6_thang_2024.{request.param}")


def _rows(review: Review) -> list[tuple[Any, ...]]:
    out = []
    for r in review.targets.itertuples():
        margins = [None if m != m else pytest.approx(m) for m in (r.exceeded_by, r.shortfall)]
        out.append((r.id, r.group, r.name, r.status, r.computed, *margins))
    return out


def test_appendix_targets_by_hand(appendix: Path) -> None:
    review = read_targets(appendix)
    assert _rows(review) == EXPECTED
    # Section rows (I–IV), the heading (2) and the repeated header are no targets.
    assert review.summary() == {"total": 11, "met": 6, "not_met": 2, "no_data": 3, "needs_review": 0}
    assert not {"I", "II", "III", "IV", "2", "STT"} & set(review.targets["id"])
    # The one verdict the numbers contradict is a warning, and the file stays valid.
    found = [(str(i.code), str(i.severity), i.row, i.column, i.cell) for i in review.issues]
    assert found == [("status-disagrees", "warning", 15, "Ghi chú", "F15")]


def test_appendix_notes_say_how_it_was_read(appendix: Path) -> None:
    notes = " | ".join(map(str, read_targets(appendix).notes))
    assert "header at row 7" in notes
    assert "repeated header row 17" in notes and "footnote row 25" in notes
    assert "section rows 8, 14, 18, 22: not targets" in notes and "heading row 10: not targets" in notes


def test_appendix_review_on_the_command_line(appendix: Path) -> None:
    result = runner.invoke(app, ["targets", str(appendix)])
    assert result.exit_code == 0, result.output
    assert COUNTS in result.stdout
    assert "HẠ TẦNG SỐ" in result.stdout and "STT" not in result.stdout
    assert "status-disagrees" in result.stderr and "tiêu đề cột ở dòng 7" in result.stderr
    data = json.loads(runner.invoke(app, ["targets", str(appendix), "--format", "json"]).stdout)
    labels = {t["id"]: t["label"] for t in data["targets"]}
    assert labels["4"] == "Đạt (theo báo cáo; tính ra: Chưa đạt (còn thiếu 2,7 điểm %))"
    assert labels["6"] == "Chưa đạt (còn thiếu 500.000)"
    assert (data["targets"][4]["computed_status"], data["targets"][4]["given_status"]) == ("not_met", "met")
    english = runner.invoke(app, ["targets", str(appendix), "--lang", "en", "--format", "csv"])
    assert "Met (as reported; computed: Not met, short by 2.7 pp)" in english.stdout


def test_appendix_counts_each_responsible_unit(appendix: Path) -> None:
    per = read_targets(appendix).by("responsible")
    counts = {
        unit: (row["total"], row["met"], row["not_met"], row["no_data"]) for unit, row in per.iterrows()
    }
    # each unit under its department's canonical name (dti/data/departments.yaml)
    assert counts == {
        "Sở Thông tin và Truyền thông": (3, 2, 1, 0),  # targets 1 (not met), 2.1, 2.2
        "Các doanh nghiệp viễn thông": (3, 2, 1, 0),  # targets 1 (not met), 2.1, 3
        "Văn phòng UBND tỉnh": (1, 1, 0, 0),
        "Sở Tài chính": (1, 0, 0, 1),
        "Ngân hàng Nhà nước": (1, 0, 1, 0),
        "Sở Kế hoạch và Đầu tư": (2, 1, 0, 1),  # one unit: 'và' inside a name does not split it
        CULTURE: (1, 1, 0, 0),  # its ',' and 'và' do not split it
        "Tỉnh đoàn": (1, 1, 0, 0),
        "Công an tỉnh": (1, 0, 0, 1),
    }
    json_out = runner.invoke(app, ["targets", str(appendix), "--by", "responsible"])
    assert re.search(r"Các doanh nghiệp viễn thông\s*│\s*3\s*│\s*2\s*│\s*1", json_out.stdout)


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Mục tiêu năm 2024", "target"),
        ("MỤC TIÊU NĂM 2025", "target"),
        ("Chỉ tiêu năm 2024", "target"),
        ("KH năm 2024", "target"),
        ("Kế hoạch", "target"),
        ("KQTH 6 tháng đầu năm 2024", "result"),
        ("Kết quả thực hiện 6 tháng", "result"),
        ("Ước thực hiện cả năm", "result"),
        ("Thực hiện", "result"),
        ("Mục tiêu", "name"),
        ("Tên chỉ tiêu", "name"),
        ("Nội dung", "name"),
        ("Đơn vị thực hiện", "responsible"),
        ("Cơ quan chủ trì", "responsible"),
        ("Lĩnh vực", "group"),
        ("Tình trạng", "status"),
        ("Ghi chú", "note"),
        ("Đơn vị phối hợp", None),
    ],
)
def test_header_aliases(header: str, meaning: str | None) -> None:
    assert header_meaning(header) == meaning


def test_chi_tieu_after_muc_tieu_holds_the_target(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('Chỉ tiêu,Mục tiêu,Kết quả\nTỷ lệ A,>= 80%,"84,5%"\n', encoding="utf-8")
    row = read_targets(path).targets.iloc[0]
    assert (row["name"], row["target"], row["status"]) == ("Tỷ lệ A", ">= 80%", "met")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Đạt", "met"),
        ("Đạt và vượt 2,44%", "met"),
        ("Chưa đạt (còn 12 thôn)", "not_met"),
        ("Chưa có số liệu đánh giá", "no_data"),
        ("chưa có số liệu báo cáo", "no_data"),
        ("Đạt chuẩn quốc gia", None),  # a remark, not a verdict
        ("định tính", None),
    ],
)
def test_verdicts(text: str, status: str | None) -> None:
    assert verdict(text) == status


def test_responsible_units_split() -> None:
    assert split_units("Sở TT&TT; các doanh nghiệp viễn thông") == [TT, TELCOS]
    assert split_units("Sở Y tế, Bảo hiểm xã hội tỉnh") == ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]
    for one in ("Sở Lao động - Thương binh và Xã hội", "UBND các huyện, thị xã, thành phố"):
        assert split_units(one) == [one]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [(">= 2 triệu", 2e6, ""), ("75 trạm", 75, "trạm"), (">= 1e3", 1000, ""), ("1,5 tỷ đồng", 1.5e9, "đồng")],
)
def test_magnitudes_and_units_in_targets(text: str, value: float, unit: str) -> None:
    target = parse_target(text)
    assert (target.op, target.value, target.unit) == (">=", value, unit)


def _list(tmp_path: Path, target: str, result: str, name: str = "Tỷ lệ A") -> Review:
    path = tmp_path / "t.csv"
    path.write_text(f'STT,Tên chỉ tiêu,Kế hoạch,Kết quả\n1,{name},"{target}","{result}"\n', encoding="utf-8")
    return read_targets(path)


def test_magnitude_word_against_a_plain_number(tmp_path: Path) -> None:
    row = next(_list(tmp_path, ">= 2 triệu", "1.500.000").targets.itertuples())
    assert row.status == "not_met" and row.shortfall == 500_000
    assert label(row, "vi") == "Chưa đạt (còn thiếu 500.000)"


def test_units_in_a_comma_file(tmp_path: Path) -> None:
    row = next(_list(tmp_path, "2.000 người", "1.850 người").targets.itertuples())
    assert row.status == "not_met" and row.shortfall == 150


@pytest.mark.parametrize(
    ("target", "result", "column"), [(">= 1e400", "5", "Kế hoạch"), ("80%", "1e400", "Kết quả")]
)
def test_overflowing_numbers_are_errors(tmp_path: Path, target: str, result: str, column: str) -> None:
    review = _list(tmp_path, target, result)
    assert [(str(i.code), i.column) for i in review.issues] == [("non-numeric", column)]
    assert review.targets.iloc[0]["exceeded_by"] != float("inf")


@pytest.mark.parametrize("result", ["abc", "khoảng 70%", "1e400"])
def test_a_result_that_is_no_number_missing_marker_or_verdict_is_an_error(
    tmp_path: Path, result: str
) -> None:
    # Before: 'abc' was silently 'Chưa có số liệu đánh giá' while 'khoảng 70%' and '1e400' were errors
    review = _list(tmp_path, ">= 80%", result)
    assert [(str(i.code), i.column, i.severity) for i in review.issues] == [
        ("non-numeric", "Kết quả", "error")  # the column under its header as written
    ]


@pytest.mark.parametrize("result", ["", "-", "N/A", "Đạt", "Chưa có số liệu"])
def test_a_missing_marker_or_a_verdict_as_result_is_no_error(tmp_path: Path, result: str) -> None:
    assert not [i for i in _list(tmp_path, ">= 80%", result).issues if i.severity == "error"]


def test_negative_result_is_a_warning(tmp_path: Path) -> None:
    review = _list(tmp_path, ">= 80%", "-3%")
    assert [(str(i.code), str(i.severity), i.cell) for i in review.issues] == [
        ("negative-value", "warning", "D2")
    ]
    growth = _list(tmp_path, ">= 5%", "-3%", name="Tốc độ tăng trưởng kinh tế số")
    assert not growth.issues


def test_a_list_with_errors_is_not_shown_as_valid(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("STT,Tên chỉ tiêu,Kế hoạch,Kết quả\n1,A,>= 80%,90%\n2,B,>= 1e400,5\n", encoding="utf-8")
    table = runner.invoke(app, ["targets", str(path), "--lang", "en"])
    assert table.exit_code == 1 and table.stdout == ""
    assert "non-numeric" in table.stderr and "no review was made" in table.stderr
    data = runner.invoke(app, ["targets", str(path), "--format", "json"])
    assert data.exit_code == 1 and json.loads(data.stdout)["valid"] is False
    assert runner.invoke(app, ["targets", str(path), "--format", "csv"]).exit_code == 1


def test_accepted_headers_are_documented() -> None:
    page = (ROOT / "docs" / "input-targets.md").read_text(encoding="utf-8")
    assert headers_markdown() in page
    help_text = " ".join(runner.invoke(app, ["targets", "--help"]).stdout.split())
    for heads in HEADERS.values():
        for head in heads[1:]:
            assert head in help_text, head


def test_a_long_list_of_skipped_rows_is_cut_in_the_note() -> None:
    from dti.io.numbering import rows_note

    assert str(rows_note([8])) == "row 8" and rows_note([8]).text("vi") == "dòng 8"
    assert str(rows_note([8, 14, 18])) == "rows 8, 14, 18"
    assert str(rows_note(list(range(2, 13)))) == "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"  # 11: all shown
    cut = rows_note(list(range(2, 1502)))
    assert str(cut) == "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … and 1,490 more"
    assert cut.text("vi") == "các dòng 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … và 1.490 dòng khác"
