"""Tables as offices make them (issue 22): the footer under the data, one unit per file, 'Đơn vị tính'.

The files are written the way a provincial department writes them (openpyxl and CSV, the wording of the
seed documents); every expected value is read off the rows written here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from dti.engine.columns import meaning
from dti.io.headers import canonical, is_date_line, is_footer_mark
from dti.issues import IssueCode
from dti.pipeline import Run, evaluate
from dti.spec import load_spec

SPEC = "dti-province-2022"
SAMPLE = Path(__file__).parent.parent / "sample_data" / "2024.csv"


def given(run: Run, unit: str, code: str) -> float:
    """The value read for a unit and code (NaN if none)."""
    sub = run.submission
    layer = sub.layers[""]
    return float(layer.value[sub.units.index(unit), list(sub.codes).index(code)])


def codes(run: Run, severity: str | None = None) -> list[str]:
    return [str(i.code) for i in run.report.issues if severity is None or str(i.severity) == severity]


def clean_form(unit: str = "58") -> list[list[str]]:
    """The sample's rows of one unit with its two warnings answered (no value, above 100 %)."""
    with SAMPLE.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r[0] == unit]
    return [[u, n, code, "0" if v == "-" else "99%" if v == "154,65%" else v, s] for u, n, code, v, s in rows]


FOOTER = [
    [],
    ["", "", "", "Ninh Thuận, ngày 15 tháng 6 năm 2025"],
    ["", "NGƯỜI LẬP BIỂU", "", "GIÁM ĐỐC"],
    ["", "(Ký, ghi rõ họ tên)", "", "(Ký tên, đóng dấu)"],
    [],
    [],
    ["", "Nguyễn Văn An", "", "Trần Thị Bình"],
    ["Nơi nhận:"],
    ["- Như trên;"],
    ["- Lưu: VT."],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


# --- 1. Tables end where the data end -------------------------------------------------------------


def test_a_signature_block_under_a_csv_form_is_its_footer(tmp_path: Path) -> None:
    form = clean_form()
    header = ["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị", "Giai đoạn"]
    plain = evaluate(write_csv(tmp_path / "plain.csv", [header, *form]), SPEC)
    signed = evaluate(write_csv(tmp_path / "signed.csv", [header, *form, *FOOTER]), SPEC)
    assert plain.report.issues == [] and signed.report.issues == []  # no error, no blank-row warning
    last = len(form) + 1  # the header is row 1
    said = " ".join(map(str, signed.notes))
    assert f"skipped footer (date, signatures, recipients) rows {last + 1}-{last + len(FOOTER)}" in said
    assert plain.result is not None and signed.result is not None
    assert signed.result.values.equals(plain.result.values)


def test_validate_strict_passes_a_clean_form_with_its_footer(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dti.cli import app

    header = ["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị", "Giai đoạn"]
    path = write_csv(tmp_path / "so_tt_2024.csv", [header, *clean_form(), *FOOTER])
    result = CliRunner().invoke(app, ["validate", str(path), "--strict", "--spec", SPEC, "--lang", "en"])
    assert result.exit_code == 0, result.output


def test_a_blank_row_inside_the_data_still_warns(tmp_path: Path) -> None:
    form = clean_form()
    header = ["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị", "Giai đoạn"]
    rows = [header, *form[:10], [], *form[10:], *FOOTER]
    run = evaluate(write_csv(tmp_path / "gap.csv", rows), SPEC)
    blank = [i for i in run.report.issues if i.code == IssueCode.BLANK_ROW]
    assert [i.row for i in blank] == [12]  # rows 2-11 are data, row 12 the gap; the footer's are not said


def test_a_note_between_the_data_and_the_footer_is_part_of_it(tmp_path: Path) -> None:
    """data, blank, 'Ghi chú: …', blank, the signature block: one footer note, no blank-row warning."""
    form = clean_form()
    header = ["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị", "Giai đoạn"]
    tail = [[], ["Ghi chú: số liệu ước tính đến hết ngày 30/6/2024."], *FOOTER]
    run = evaluate(write_csv(tmp_path / "noted.csv", [header, *form, *tail]), SPEC)
    assert run.report.issues == []
    last = len(form) + 1
    said = " ".join(map(str, run.notes))
    assert f"skipped footer (date, signatures, recipients) rows {last + 1}-{last + len(tail)}" in said
    assert "footnote" not in said


def test_a_target_list_with_a_signature_block_counts_the_same(tmp_path: Path) -> None:
    """The one table reader serves target lists too: the footer is not a target."""
    from typer.testing import CliRunner

    from dti.cli import app

    sample = SAMPLE.parent / "targets_2025.csv"
    with sample.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    signed = write_csv(tmp_path / "chi_tieu.csv", [*rows, *FOOTER])
    runs = [CliRunner().invoke(app, ["targets", str(p), "--format", "json"]) for p in (sample, signed)]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    assert runs[1].stdout == runs[0].stdout.replace(str(sample), str(signed))


def test_recipients_beside_the_signature_as_in_a_notice(tmp_path: Path) -> None:
    """Seed 002's close: 'Nơi nhận:' and its list on the left, 'KT. CHÁNH VĂN PHÒNG' on the right, in the
    two columns of an `indicator | value` form; seed 001's 'BÍ THƯ / kiêm / TRƯỞNG BAN CHỈ ĐẠO'."""
    rows = [
        ["UBND TỈNH NINH THUẬN"],
        ["Chỉ số", "Kết quả thực hiện"],
        ["TCS.01", "Có"],
        ["HTS.01", "48,33%"],
        [],
        ["Nơi nhận:", "KT. CHÁNH VĂN PHÒNG"],
        ["- Bộ Thông tin và Truyền thông;", "PHÓ CHÁNH VĂN PHÒNG"],
        ["- Thường trực Tỉnh ủy;"],
        ["- Lưu: VT, KGVX.", "Lê Châu Long"],
        ["", "BÍ THƯ"],
        ["", "kiêm"],
        ["", "TRƯỞNG BAN CHỈ ĐẠO"],
    ]
    run = evaluate(write_csv(tmp_path / "thong_bao.csv", rows), SPEC)
    assert codes(run) == ["missing-value"]  # only the components this form does not give
    assert run.submission.units == ["58"] and given(run, "58", "HTS.01") == 48.33
    assert "skipped footer (date, signatures, recipients) rows 5-12" in " ".join(map(str, run.notes))


def test_footer_texts_and_data_texts() -> None:
    for text in (
        "Ninh Thuận, ngày 15 tháng 6 năm 2025",
        "…, ngày … tháng … năm …",
        "Phan Rang, ngày ... tháng ... năm 20...",
        "Phan Rang - Tháp Chàm, ngày 15/6/2025",
        "Ninh Thuan, ngay 15 thang 6 nam 2025",
        "Ngày 15 tháng 6 năm 2025",
        "NGƯỜI LẬP BIỂU",
        "GIÁM ĐỐC",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "KT. CHÁNH VĂN PHÒNG",
        "(Ký, ghi rõ họ tên)",
        "(Ký tên, đóng dấu)",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "- Lưu: VT, KGVX.",
    ):
        assert is_footer_mark(text), text
    for text in (
        "Có",
        "85,3%",
        "512.340/570.000",
        "Chủ tịch UBND xã làm trưởng ban",
        "Giám đốc Sở Thông tin và Truyền thông làm trưởng ban",
        "- Hộ gia đình",
        "Đã ban hành",
        "Ninh Thuận",
        "Số ngày xử lý hồ sơ trong tháng",
        "Đã ban hành ngày 15 tháng 6 năm 2025",
        "Hoàn thành trước ngày 30/6/2025",
    ):
        assert not is_footer_mark(text), text
    assert is_date_line("Ninh Thuận, ngày 15 tháng 6 năm 2025")
    assert not is_date_line("BÁO CÁO SỐ LIỆU DTI NĂM 2024 CỦA TỈNH NINH THUẬN")


def test_the_signing_date_is_not_the_data_year(tmp_path: Path) -> None:
    """A short form's date line sits among its first rows: it says when it was signed, not the year."""
    header = ["Mã đơn vị", "Chỉ số", "Giá trị"]
    rows = [header, ["58", "TCS.01", "có"], ["58", "HTS.01", "48,33%"], *FOOTER]
    run = evaluate(write_csv(tmp_path / "form.csv", rows), SPEC, year=2024)  # not refused as 2025's
    assert run.year == 2024


# --- 2. One unit per file ---------------------------------------------------------------------------


def department_book(path: Path, titles: list[list[str | None]], rows: list[list[object]]) -> Path:
    """A department's workbook: the two title blocks, the report's title, the table, its footer."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for title in titles:
        sheet.append(title)
    sheet.append(["STT", "Chỉ số", "Đơn vị tính", "Kết quả", "Ghi chú"])
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append([None, None, None, "Ninh Thuận, ngày 15 tháng 6 năm 2025"])
    sheet.append([None, "NGƯỜI LẬP BIỂU", None, "KT. GIÁM ĐỐC"])
    sheet.append([None, None, None, "PHÓ GIÁM ĐỐC"])
    sheet.append([None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"])
    sheet.append([])
    sheet.append([None, "Nguyễn Văn An", None, "Lê Văn Cường"])
    if len(titles) > 1:
        sheet.merge_cells("A1:B1")
    book.save(path)
    return path


TITLES: list[list[str | None]] = [
    ["UBND TỈNH NINH THUẬN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["SỞ Y TẾ", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["BÁO CÁO SỐ LIỆU DTI NĂM 2024 CỦA TỈNH NINH THUẬN"],
]
ROWS: list[list[object]] = [
    [1, "TCS.01", None, "Có", None],
    [2, "HTS.01", "%", 0.4833, None],
    [3, "NLS.04", "người", 14, "Chuyên gia ATTT"],
]


def test_a_department_file_of_one_province_names_its_unit_in_a_title_row(tmp_path: Path) -> None:
    path = department_book(tmp_path / "so_y_te.xlsx", TITLES, ROWS)
    run = evaluate(path, SPEC)
    assert codes(run, "error") == []
    assert IssueCode.BLANK_ROW not in codes(run)
    assert run.submission.units == ["58"]
    assert given(run, "58", "HTS.01") == pytest.approx(48.33)  # a fraction in a percent component: × 100
    assert given(run, "58", "NLS.04") == 14
    assert np.isnan(given(run, "58", "TCS.02"))  # not in this department's file
    said = " ".join(map(str, run.notes))
    assert "read as the figures of 58 Ninh Thuận (from title row 1: 'UBND TỈNH NINH THUẬN')" in said
    assert "skipped footer (date, signatures, recipients) rows 9-15" in said  # the blank row 9 too
    assert run.year == 2024  # from the report's title, not the date it was signed


def test_as_unit_wins_over_the_title(tmp_path: Path) -> None:
    path = department_book(tmp_path / "so_y_te.xlsx", TITLES, ROWS)
    run = evaluate(path, SPEC, unit="Hà Nội")
    assert run.submission.units == ["01"] and given(run, "01", "NLS.04") == 14
    assert "read as the figures of 01 Hà Nội (from option --as-unit)" in " ".join(map(str, run.notes))
    unknown = evaluate(path, SPEC, unit="Ninh Thuan Bac")
    assert codes(unknown, "error") == ["unknown-unit"]
    assert "--as-unit 'Ninh Thuan Bac' is not in the unit register" in unknown.report.issues[0].message


def test_without_unit_column_title_or_option_the_error_says_as_unit(tmp_path: Path) -> None:
    path = department_book(tmp_path / "bao_cao.xlsx", [["BÁO CÁO SỐ LIỆU DTI NĂM 2024"]], ROWS)
    run = evaluate(path, SPEC)
    assert codes(run, "error") == ["missing-column"]
    message = run.report.issues[0].message
    assert "no 'unit' column" in message and "--as-unit CODE" in message


def test_titles_naming_two_units_are_not_guessed(tmp_path: Path) -> None:
    titles: list[list[str | None]] = [["UBND TỈNH NINH THUẬN"], ["SỐ LIỆU CỦA TỈNH BÌNH THUẬN"]]
    run = evaluate(department_book(tmp_path / "hai.xlsx", titles, ROWS), SPEC)
    assert codes(run, "error") == ["missing-column"]
    assert "58 Ninh Thuận (1), 60 Bình Thuận (2)" in run.report.issues[0].message


def test_two_departments_files_of_one_unit_are_one_submission(tmp_path: Path) -> None:
    health = department_book(tmp_path / "so_y_te.xlsx", TITLES, ROWS)
    finance_rows: list[list[object]] = [[1, "TCS.06", "%", "0,65%", None], [2, "NLS.04", "người", 15, None]]
    finance = department_book(tmp_path / "so_tai_chinh.xlsx", TITLES, finance_rows)
    run = evaluate([health, finance], SPEC)
    assert run.submission.units == ["58"]
    assert given(run, "58", "TCS.06") == 0.65 and given(run, "58", "HTS.01") == pytest.approx(48.33)
    twice = [i for i in run.report.issues if i.code == IssueCode.DUPLICATE_ENTRY]
    # NLS.04 in both: row 7 of the second file, first given at row 8 of the first
    assert len(twice) == 1 and twice[0].row == 7 and "row 8 of" in twice[0].message


def test_indicator_value_only_and_a_wide_one_row_file(tmp_path: Path) -> None:
    titles = [["UBND TỈNH NINH THUẬN"], ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]]
    long_rows = [*titles, ["Chỉ số", "Số liệu"], ["TCS.01", "có"], ["HTS.01", "48,33%"], *FOOTER]
    long = evaluate(write_csv(tmp_path / "long.csv", long_rows), SPEC)
    assert codes(long) == ["missing-value"] and long.submission.units == ["58"]  # the other components
    assert given(long, "58", "HTS.01") == 48.33
    wide_rows = [*titles, ["TCS.01", "HTS.01", "NLS.04"], ["có", "48,33%", "14"], *FOOTER]
    wide = evaluate(write_csv(tmp_path / "wide.csv", wide_rows), SPEC)
    assert (
        codes(wide) == ["missing-value"]
        and wide.submission.units == ["58"]
        and given(wide, "58", "NLS.04") == 14
    )


def test_a_wide_file_of_several_rows_is_not_read_as_its_titles_unit(tmp_path: Path) -> None:
    rows = [["XẾP HẠNG CÁC ĐỊA PHƯƠNG, TỈNH NINH THUẬN"], ["Địa bàn", "TCS.01"], ["A", "có"], ["B", "không"]]
    run = evaluate(write_csv(tmp_path / "many.csv", rows), SPEC)
    assert "missing-column" in codes(run, "error")


def test_a_file_with_a_unit_column_is_read_from_it(tmp_path: Path) -> None:
    rows = [["UBND TỈNH NINH THUẬN"], ["Mã đơn vị", "TCS.01"], ["01", "có"], ["48", "không"]]
    run = evaluate(write_csv(tmp_path / "units.csv", rows), SPEC)
    assert codes(run, "error") == [] and run.submission.units == ["01", "48"]
    # --as-unit 58 beside a column of other units is not silently ignored (it was): an error says so
    given = evaluate(write_csv(tmp_path / "units.csv", rows), SPEC, unit="58")
    assert codes(given, "error") == ["invalid-option"] and given.submission.units == ["01", "48"]


# --- 3. 'Đơn vị tính' is a unit of measure, never the unit -----------------------------------------


@pytest.mark.parametrize(
    "header", ["Đơn vị tính", "ĐƠN VỊ TÍNH", "ĐVT", "Đơn vị đo", "don vi tinh", "Đơn vị tính:"]
)
def test_a_unit_of_measure_is_never_the_unit(header: str) -> None:
    assert canonical(header) == "measure"
    assert meaning(header, load_spec(SPEC)) == "measure"


def test_the_new_value_headers() -> None:
    for header in ("Kết quả", "Số liệu", "Kết quả thực hiện", "KẾT QUẢ THỰC HIỆN"):
        assert canonical(header) == "value", header
    assert canonical("Đơn vị") == "unit"  # alone it still names the unit


def test_a_measure_column_without_a_unit_is_still_a_missing_unit(tmp_path: Path) -> None:
    rows = [["Chỉ số", "ĐVT", "Giá trị"], ["HTS.01", "%", "48,33"], ["NLS.04", "người", "14"]]
    run = evaluate(write_csv(tmp_path / "dvt.csv", rows), SPEC)
    assert codes(run, "error") == ["missing-column"]
    assert "'unit'" in run.report.issues[0].message


# --- The department workbook of issue 22, end to end ----------------------------------------------


def province_workbook(path: Path) -> Path:
    """A stale hidden first sheet, then one visible sheet per department: title rows naming the province,
    no unit column, an 'Đơn vị tính' column, answers as reported and a signature block under each."""
    book = openpyxl.Workbook()
    stale = book.active
    assert stale is not None
    stale.title = "Cũ"
    stale.append(["Mã đơn vị", "Chỉ số", "Giá trị"])
    stale.append(["58", "HTS.01", "10%"])  # last year's draft: must not be read
    stale.sheet_state = "hidden"
    departments: dict[str, list[list[object]]] = {
        "Sở TT&TT": [
            [1, "HTS.01", "%", "512.340/570.000"],
            [2, "TCS.01", None, "Đã có dự thảo, chưa ban hành"],
        ],
        "Sở Tài chính": [[1, "TCS.06", "%", 0.0065], [2, "TCS.02", None, "Có"]],
        "Sở Nội vụ": [[1, "NLS.04", "người", "12 người"], [2, "NLS.01", "%", "Chưa có số liệu"]],
    }
    for title, rows in departments.items():
        sheet = book.create_sheet(title)
        sheet.append(["UBND TỈNH NINH THUẬN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        sheet.append([title.upper(), None, None, "Độc lập - Tự do - Hạnh phúc"])
        sheet.append([])
        sheet.append(["BÁO CÁO SỐ LIỆU DTI NĂM 2024 CỦA TỈNH NINH THUẬN"])
        sheet.append(["STT", "Chỉ số", "Đơn vị tính", "Kết quả"])
        for row in rows:
            sheet.append(row)
        if title == "Sở Tài chính":
            sheet["D6"].number_format = "0.00%"  # 0,65 % as Excel shows it
        sheet.append([])
        sheet.append([None, None, None, "Ninh Thuận, ngày 15 tháng 6 năm 2025"])
        sheet.append([None, "NGƯỜI LẬP BIỂU", None, "GIÁM ĐỐC"])
        sheet.append([None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"])
        sheet.append([None, "Nguyễn Văn An", None, "Trần Thị Bình"])
    book.save(path)
    return path


def test_the_province_workbook_scores_each_component_by_hand(tmp_path: Path) -> None:
    run = evaluate(province_workbook(tmp_path / "ninh_thuan.xlsx"), SPEC)
    assert codes(run, "error") == [], [i.message for i in run.report.issues if str(i.severity) == "error"]
    assert "blank-row" not in codes(run)
    assert run.year == 2024 and run.submission.units == ["58"]
    assert run.result is not None
    points = run.result.points.loc["58"]
    assert points["HTS.01"] == pytest.approx(20 * 512_340 / 570_000)  # a ratio of counts: 17.98 of 20
    assert points["TCS.01"] == 0  # a draft, not issued: no
    assert points["TCS.06"] == pytest.approx(6.5)  # 0,65 % of a 1 % target, of 10 points
    assert points["TCS.02"] == 10  # Có
    assert points["NLS.04"] == 6  # 12 experts: the step at 10
    assert points["NLS.01"] == 0  # no data yet
    said = " ".join(map(str, run.notes))
    assert said.count("read as the figures of 58 Ninh Thuận (from title row 1: 'UBND TỈNH NINH THUẬN')") == 3
    assert said.count("skipped footer") == 3
    assert "ninh_thuan.xlsx (sheet 'Sở Nội vụ'): header at row 5; skipped title rows 1-4;" in said
    draft = next(i for i in run.report.issues if i.indicator == "TCS.01")
    assert (draft.sheet, draft.cell, draft.column) == ("Sở TT&TT", "D7", "Kết quả")  # not a title row's text
