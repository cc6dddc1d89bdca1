"""Files as analysts hold them (issue 11), read unchanged; every number checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.pipeline import evaluate

runner = CliRunner()

# The ministry's ranking table as copied into Excel: two title rows, a blank row, a header over two rows
# with merged group cells, an STT column, names with prefixes and the old tone placement, values as
# decimal-comma text or as numbers, the national average, a footnote. (Values invented, shape real.)
ROWS = [
    (1, "TP. Hồ Chí Minh", "0,6419", 1, 0.7021, 2),
    (2, "Khánh Hoà", "0,5234", 2, 0.7535, 1),
    (3, "Thừa Thiên - Huế", "0,5012", 3, 0.6012, 3),
    (4, "Bà Rịa – Vũng Tàu", "0,4456", 4, 0.4999, 5),
    (5, "Thanh Hoá", "0,2489", 5, 0.5123, 4),
]


def ministry_table(folder: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"])
    sheet.append(["BẢNG XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2021"])
    sheet.append([])
    sheet.append(["STT", "Tỉnh, thành phố", "Chỉ số DTI", None, "Chính quyền số", None])
    sheet.append([None, None, "Giá trị", "Xếp hạng", "Giá trị", "Xếp hạng"])
    for merged in ("A4:A5", "B4:B5", "C4:D4", "E4:F4"):
        sheet.merge_cells(merged)
    for row in ROWS:
        sheet.append(list(row))
    sheet.append([None, "Trung bình cả nước", "0,4014", None, 0.5, None])
    sheet.append([])
    sheet.append(["Nguồn: Bộ Thông tin và Truyền thông, công bố ngày 12/7/2022"])
    path = folder / "xep_hang_dti_2021.xlsx"
    book.save(path)
    return path


def test_the_ministry_ranking_table_goes_in_unchanged(tmp_path: Path) -> None:
    path = ministry_table(tmp_path)
    run = evaluate(path)
    assert run.year == 2021 and run.spec.id == "dti-province-2022"
    assert run.report.valid, [i.message for i in run.report.issues]
    result = run.result
    assert result is not None
    # The five provinces by code; the average row is not a unit.
    assert result.unit_codes == ["38", "46", "56", "77", "79"]
    values = result.values
    assert values.at["79", "DTI"] == 0.6419 and values.at["56", "CQS"] == 0.7535
    assert values.at["46", "DTI"] == 0.5012 and values.at["77", "CQS"] == 0.4999
    published = {(u, c): r for u, c, r in run.submission.ranks_given}
    assert published[("56", "CQS")] == 1 and published[("79", "DTI")] == 1 and published[("38", "DTI")] == 5
    note = " ".join(map(str, run.notes))
    assert "header at row 4-5" in note and "skipped title rows 1-3" in note
    assert "row 11 is the published mean" in note and "footnote row 13" in note
    (mean, _) = run.submission.means_given  # kept as the published means of DTI and CQS, not a unit
    assert (mean.code, mean.value, mean.row) == ("DTI", 0.4014, 11)


def test_rank_takes_the_ministry_table_and_its_published_ranks(tmp_path: Path) -> None:
    path = ministry_table(tmp_path)
    result = runner.invoke(app, ["rank", str(path), "--by", "CQS", "--format", "json"])
    assert result.exit_code == 0, result.output
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert units["56"]["ranks"]["2021"] == 1 and units["56"]["rank_source"]["2021"] == "published"
    assert units["38"]["values"]["2021"] == 0.5123


def test_a_department_file_with_vietnamese_headers(tmp_path: Path) -> None:
    # A department's long file: `Mã đơn vị, Mã chỉ số, Giá trị, Ghi chú` (rejected before issue 11),
    # semicolons, a BOM, lowercase codes.
    path = tmp_path / "so_tttt_2023.csv"
    text = "Mã đơn vị;Mã chỉ số;Giá trị;Ghi chú\n48;hts.01;84,5%;theo báo cáo\n48;HTS.02;62%;\n"
    path.write_bytes(text.encode("utf-8-sig"))
    run = evaluate(path)
    assert run.report.valid, [i.message for i in run.report.issues]
    assert run.result is not None
    # HTS.01: 20 × 0.845 = 16.9 points; HTS.02: 15 × 0.62 = 9.3 (provisional component points).
    assert abs(run.result.points.at["48", "HTS.01"] - 16.9) < 1e-9
    assert abs(run.result.points.at["48", "HTS.02"] - 9.3) < 1e-9


def test_title_row_above_a_semicolon_csv_and_the_year_in_it(tmp_path: Path) -> None:
    path = tmp_path / "bang.csv"
    text = "KẾT QUẢ CHỈ SỐ DTI NĂM 2022\n\nTỉnh;NTS;TCS\nHà Nội;0,5;0,6\nTỉnh Hà Giang;0,4;0,3\n"
    path.write_text(text, encoding="utf-8")
    run = evaluate(path)
    assert run.year == 2022 and run.report.valid, [i.message for i in run.report.issues]
    assert run.result is not None and run.result.values.at["02", "NTS"] == 0.4


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 with a BOM, tab separated.
    path = tmp_path / "dti_2023.txt"
    path.write_bytes("unit\tNTS\tTCS\nHà Nội\t0,5\t0,6\n".encode("utf-16"))
    run = evaluate(path)
    assert run.result is not None and run.result.values.at["01", "TCS"] == 0.6


def test_values_under_a_blank_header_are_reported_not_dropped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["unit", "NTS", None, None])
    sheet.append(["01", 0.5, 0.7, None])
    sheet.append(["48", 0.4, None, 0.9])  # beyond the header
    path = tmp_path / "2023.xlsx"
    book.save(path)
    run = evaluate(path)
    found = {(i.code, i.cell) for i in run.report.errors}
    assert found == {("unnamed-column", "C2"), ("unnamed-column", "D3")}


def _hts01(tmp_path: Path, cells: list[str]) -> tuple[list[float], list[str]]:
    """HTS.01 is a percent-scale ratio (target 100 %); read one column of cells for units 01, 02, 04..."""
    path = tmp_path / "2023.csv"
    rows = [f'{code},"{c}"' for code, c in zip(["01", "02", "04", "06"], cells, strict=False)]
    path.write_text("unit,HTS.01\n" + "\n".join(rows) + "\n", encoding="utf-8")
    run = evaluate(path)
    j = run.spec.graph.index["HTS.01"]
    codes = [str(i.code) for i in run.report.issues if i.indicator == "HTS.01"]
    return [float(v) for v in run.submission.layers[""].value[:, j]], codes


def test_a_column_of_fractions_for_a_percent_component(tmp_path: Path) -> None:
    # Issue 11: '0,915' scored 0.09 of 10 points as 0.915 %; a column of fractions is read × 100.
    values, codes = _hts01(tmp_path, ["0,915", "0,5", "1"])
    assert values == [91.5, 50.0, 100.0] and codes == ["read-as-fraction"]


def test_a_column_mixing_styles_reads_the_minority_in_the_majority_style(tmp_path: Path) -> None:
    values, codes = _hts01(tmp_path, ["86,5%", "90", "72,5", "0,915"])
    assert values == [86.5, 90.0, 72.5, 0.915] and codes == ["mixed-scale"]  # warned, never silent
    values, codes = _hts01(tmp_path, ["0,865", "0,9", "0,725", "91,5"])
    assert values == [86.5, 90.0, 72.5, 91.5] and codes == ["read-as-fraction", "mixed-scale"]


def test_excel_numbers_are_no_evidence_of_the_decimal_mark(tmp_path: Path) -> None:
    """'1.234' typed in a workbook whose typed numbers use a decimal comma is 1234, as in the same data
    saved as CSV: Excel's own numbers (26.2 stored as a number) say nothing of the office's decimal mark
    (a new user's finding, 7 Dec: openpyxl and XlsxWriter workbooks read it as 1.234, LibreOffice's and
    the CSV as 1234)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã", "NTS.01", "NTS.02", "NTS.03"])
    sheet.append(["01", 26.2, 35.5, "1.234"])
    sheet.append(["02", 40.1, 12.3, "26,2"])
    sheet.append(["04", 11.5, 7.25, "3"])
    book.save(tmp_path / "so_lieu_2023.xlsx")
    run = evaluate(tmp_path / "so_lieu_2023.xlsx", scoring=False)
    j = run.spec.graph.index["NTS.03"]
    assert [float(v) for v in run.submission.layers[""].value[:, j]] == [1234.0, 26.2, 3.0]


def test_a_negative_percent_is_said_as_the_cell_shows_it(tmp_path: Path) -> None:
    """A new user's finding (7 Dec): -5 in a cell formatted 0.0% (the sheet shows -500,0%) was said as
    'giá trị âm -500', without its %; a typed '-12%' likewise. A plain negative number keeps its words."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã", "HTS.01", "HTS.02", "NTS.05"])
    sheet.append(["01", -5, "-12%", -3])
    sheet["B2"].number_format = "0.0%"
    book.save(tmp_path / "so_lieu_2023.xlsx")
    run = evaluate(tmp_path / "so_lieu_2023.xlsx", scoring=False)
    said = {i.cell: i.text("vi") for i in run.report.errors if i.code == "negative-value"}
    assert said == {
        "B2": "giá trị âm -500 %: giá trị không được nhỏ hơn 0",
        "C2": "giá trị âm -12 %: giá trị không được nhỏ hơn 0",
        "D2": "giá trị âm -3: giá trị không được nhỏ hơn 0",
    }


def test_one_file_per_department_scored_as_one(tmp_path: Path) -> None:
    # Issue 11: `dti score a.csv b.csv` and a folder; the same unit and code twice names both places.
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "so_tttt.csv").write_text("unit,indicator,value\n48,HTS.01,80%\n", encoding="utf-8")
    (folder / "so_noi_vu.csv").write_text("unit,indicator,value\n48,HTS.02,62%\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(folder), "--year", "2023", "--format", "json"])
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)["units"][0]["points"]
    assert abs(points["HTS.01"] - 16.0) < 1e-9 and abs(points["HTS.02"] - 9.3) < 1e-9  # 20 × 0.8, 15 × 0.62
    (folder / "so_khcn.csv").write_text("unit,indicator,value\n48,HTS.01,70%\n", encoding="utf-8")
    run = evaluate(folder, year=2023)
    duplicate = next(i for i in run.report.errors if i.code == "duplicate-entry")
    # Folders are read in name order: so_khcn.csv first, so so_tttt.csv's row is the duplicate.
    assert "so_tttt.csv" in str(duplicate.file) and "so_khcn.csv" in duplicate.message


def test_columns_override_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_text("Địa bàn;Điểm nhận thức\nHà Nội;0,5\n", encoding="utf-8")
    guessed = runner.invoke(app, ["validate", str(path)])
    assert guessed.exit_code == 1  # neither header is known
    told = runner.invoke(
        app,
        [
            "score",
            str(path),
            "--columns",
            "Địa bàn=unit",
            "--columns",
            "Điểm nhận thức=NTS",
            "--format",
            "json",
        ],
    )
    assert told.exit_code == 0, told.output
    assert json.loads(told.stdout)["units"][0]["values"]["NTS"] == 0.5


def test_the_docs_list_the_alias_table_as_it_is() -> None:
    from dti.io.headers import alias_markdown

    for name in ("docs/input-submissions.md", "README.md"):
        page = (Path(__file__).parent.parent / name).read_text(encoding="utf-8")
        block = page.split("<!-- headers:start -->\n", 1)[1].split("\n<!-- headers:end -->", 1)[0]
        assert block == alias_markdown(), name


def test_summary_rows_are_whole_labels_only() -> None:
    from dti.io.headers import is_summary

    assert is_summary("Trung bình cả nước") and is_summary("TỔNG CỘNG") and is_summary("Cả nước:")
    assert not is_summary("Tổng số cán bộ được tập huấn") and not is_summary("Trung bình cộng điểm DTI")


def test_a_small_target_keeps_small_values_as_percentages(tmp_path: Path) -> None:
    # TCS.06, the budget share for digital transformation, has a 1 % target: 0,8 is 0,8 % (8 of 10
    # points), not 80 % (found by a new-user test: a department file without % signs).
    path = tmp_path / "2023.csv"
    path.write_text('unit,TCS.06\n56,"0,8"\n', encoding="utf-8")
    run = evaluate(path)
    assert run.result is not None and abs(run.result.points.at["56", "TCS.06"] - 8.0) < 1e-9
    assert not [i for i in run.report.issues if i.code in ("read-as-fraction", "mixed-scale")]


def test_a_folder_skips_lock_files_and_notes_and_names_the_year(tmp_path: Path) -> None:
    folder = tmp_path / "so_nganh_2023"
    folder.mkdir()
    (folder / "so_tttt.csv").write_text("unit,indicator,value\n48,HTS.01,80%\n", encoding="utf-8")
    (folder / "~$so_tttt.xlsx").write_bytes(b"lock")  # Excel's lock file while a colleague has it open
    (folder / "README.txt").write_text("Số liệu 6 tháng\n", encoding="utf-8")
    run = evaluate(folder)
    assert run.year == 2023 and run.result is not None, [i.message for i in run.report.errors]


def test_a_pipe_separated_file(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_text("unit|indicator|value\n48|HTS.01|80%\n", encoding="utf-8")
    assert evaluate(path).result is not None


def test_a_plain_excel_fraction_against_a_percent_target(tmp_path: Path) -> None:
    # Found by a new-user test: 0.93 (an Excel cell without the % format) against 'ít nhất 90%' was
    # 'not met, short by 89.07 %'. It is 93 %: met, exceeded by 3, with a warning on the cell.
    from dti.tracking.targets import read_targets

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả"])
    sheet.append([1, "Tỷ lệ hồ sơ trực tuyến", "ít nhất 90%", 0.93])
    sheet.append([2, "Tỷ lệ văn bản ký số", "90%", 0.95])
    sheet["D3"].number_format = "0%"  # exact: 95 %, no warning
    path = tmp_path / "chi_tieu_2025.xlsx"
    book.save(path)
    review = read_targets(path)
    assert review.targets["status"].tolist() == ["met", "met"]
    assert review.targets["exceeded_by"].tolist() == [3.0, 5.0]
    assert [(i.code, i.cell) for i in review.issues] == [("read-as-fraction", "D2")]


@pytest.mark.parametrize("header", ["Mã xã", "Xã, phường, thị trấn", "Huyện"])
def test_a_commune_or_district_column_names_the_unit(tmp_path: Path, header: str) -> None:
    path = tmp_path / "xa_2025.csv"
    path.write_text(f'"{header}",Tên xã,NT\nX01,Xã Một,0.5\nX02,Xã Hai,0.25\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--spec", "example-commune", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert set(units) == {"X01", "X02"} and units["X01"]["name"] == "Xã Một"
    assert units["X01"]["values"]["NT"] == 0.5  # the main-index value as given


def department_workbook(path: Path) -> Path:
    """A province's workbook as its departments fill it (issue 22): last year's sheet hidden, not deleted;
    a sheet per department with the province and department in title rows, no unit column, `STT | Chỉ số
    | Đơn vị tính | Kết quả`, counts as a/b, a count with its unit word, a percent-formatted cell, a negated
    answer, `Chưa có số liệu`, and the signature block under a blank row."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    stale = book.create_sheet("Năm 2022")
    for row in (["Mã đơn vị", "Chỉ số", "Giá trị"], ["58", "HTS.01", "10%"], ["58", "HTS.02", "10%"]):
        stale.append(row)
    stale.sheet_state = "hidden"
    departments = {
        "Sở TT&TT": [("HTS.01", "%", "512.340/570.000"), ("HTS.04", "", "Đã có dự thảo, chưa ban hành")],
        "Sở Nội vụ": [("NTS.02", "cuộc", "3 cuộc"), ("HTS.02", "%", 0.62)],
        "Sở KH&CN": [("HTS.03", "%", "Chưa có số liệu"), ("NTS.03", "", "Đã ban hành")],
    }
    for name, rows in departments.items():
        sheet = book.create_sheet(name)
        for title in ("UBND TỈNH NINH THUẬN", name.upper(), "BÁO CÁO SỐ LIỆU CHỈ SỐ DTI NĂM 2023"):
            sheet.append([title])
        sheet.append([])
        sheet.append(["STT", "Chỉ số", "Đơn vị tính", "Kết quả"])
        for number, (code, measure, value) in enumerate(rows, start=1):
            sheet.append([number, code, measure, value])
            if isinstance(value, float):
                sheet.cell(sheet.max_row, 4).number_format = "0%"
        sheet.append([])
        for line in (
            "Ninh Thuận, ngày 15 tháng 01 năm 2024",
            "GIÁM ĐỐC",
            "(Ký, ghi rõ họ tên)",
            "Nguyễn Văn A",
        ):
            sheet.append(["", "", line])
    book.save(path)
    return path


def test_a_department_workbook_scores_each_component_as_worked_by_hand(tmp_path: Path) -> None:
    path = department_workbook(tmp_path / "ninh_thuan_2023.xlsx")
    result = runner.invoke(app, ["score", str(path), "--format", "json", "--show", "components"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert {row["unit"] for row in rows} == {"58"}  # from the title row 'UBND TỈNH NINH THUẬN', every sheet
    points = {row["component"]: row["points"] for row in rows}
    got = {code: points[code] for code in ("HTS.01", "HTS.02", "HTS.03", "HTS.04", "NTS.02", "NTS.03")}
    # HTS.01: 20 × 512,340 / 570,000 (the hidden sheet's 10% would give 2); HTS.02: 15 × 62 %, a
    # percent-formatted 0.62; HTS.03: no data, 0; HTS.04: a draft not yet issued is no, 0; NTS.02: 3
    # meetings reach the '≥ 3: 7.5' step; NTS.03: 'Đã ban hành' is yes, 10.
    want = {"HTS.01": 20 * 512_340 / 570_000, "HTS.02": 9.3, "HTS.03": 0.0, "HTS.04": 0.0, "NTS.02": 7.5}
    want["NTS.03"] = 10.0
    assert got == pytest.approx(want)
    assert "Năm 2022" in result.stderr and "Sở KH&CN" in result.stderr
