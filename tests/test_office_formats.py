"""Issue 27: the files offices still save (.xls, .ods, Word tables) read as the .xlsx they were made from.

A department workbook as a provincial office makes it (title rows naming the province and the
department, a percent-formatted cell, 'a/b' counts, Có/Không, a hidden sheet of stale figures, a
signature footer) is saved as .xls and .ods by LibreOffice, as an office suite saves it; each scores to
the points worked by hand from the bundled spec. A Word report with the same figures in its tables does
too.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from dti.cli import app
from dti.engine.fill import _parse_typed
from dti.numbers import NUMBER, parse_texts
from tests.conftest import soffice_convert

runner = CliRunner()

HEADER = ["STT", "Mã chỉ số", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]
# department → rows (code, name, measure, value, number format); the Word report writes the same figures.
DEPARTMENTS = {
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG": [
        ("HTS.03", "Tỷ lệ thôn được phủ sóng 4G/5G", "thôn", "512/640 thôn", None),
        ("NTS.02", "Số cuộc họp của Ban Chỉ đạo", "cuộc", "3 cuộc", None),
        ("NTS.03", "Nghị quyết chuyên đề của Tỉnh ủy", None, "Không", None),
    ],
    "SỞ NỘI VỤ": [
        ("NLS.02", "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", "%", 0.755, "0.0%"),
        ("NLS.04", "Số chuyên gia an toàn thông tin", "người", "12 người", None),
        ("NTS.04", "Kế hoạch chuyển đổi số năm 2023", None, "Có", None),
    ],
}
SHEETS = {"SỞ THÔNG TIN VÀ TRUYỀN THÔNG": "Sở TT&TT", "SỞ NỘI VỤ": "Sở Nội vụ"}
TITLE = "BÁO CÁO SỐ LIỆU CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"
SIGNATURE = [
    (None, None, None, None, "Ninh Thuận, ngày 15 tháng 01 năm 2024"),
    (None, "NGƯỜI LẬP BIỂU", None, None, "GIÁM ĐỐC"),
    (None, "(Ký, ghi rõ họ tên)", None, None, "(Ký tên, đóng dấu)"),
]

# Worked by hand from indicator_specs/dti-province-2022.yaml (value = points / max points):
EXPECTED = {
    "HTS.03": 0.8,  # ratio, target 100 %: 512/640 = 80 %
    "NTS.02": 0.75,  # thresholds: 3 meetings reach 'at least 3'
    "NTS.03": 0.0,  # yes/no: Không
    "NLS.02": 0.755,  # the cell 0.755 formatted as percent is 75.5 % (a bare 0.755 would be 0.755 %)
    "NLS.04": 0.75,  # thresholds: 12 experts reach 'at least 10'
    "NTS.04": 1.0,  # yes/no: Có
    "NTS": 0.175,  # (7.5 + 0 + 10) / 100
    "NLS": 0.1204,  # (6.04 + 6) / 100
}


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    stale = book.create_sheet("Số liệu cũ")  # last year's figures, hidden: never read
    stale.sheet_state = "hidden"
    stale.append(HEADER)
    stale.append([1, "NLS.02", "Tỷ lệ cán bộ được tập huấn", "%", 10, None])
    for department, rows in DEPARTMENTS.items():
        sheet = book.create_sheet(SHEETS[department])
        sheet.append(["UBND TỈNH NINH THUẬN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        sheet.append([department, None, None, "Độc lập - Tự do - Hạnh phúc"])
        sheet.append([])
        sheet.append([TITLE])
        sheet.append(HEADER)
        for number, (code, name, measure, value, fmt) in enumerate(rows, 1):
            sheet.append([number, code, name, measure, value, None])
            if fmt:
                sheet.cell(sheet.max_row, 5).number_format = fmt
        sheet.append([])
        for line in SIGNATURE:
            sheet.append(list(line))
    book.save(path)
    return path


def _word_report(path: Path) -> Path:
    """The same figures as a department writes them in Word: a letterhead table, the title paragraphs,
    one table per department, the signature paragraphs."""
    document = Document()
    for department, rows in DEPARTMENTS.items():
        letterhead = document.add_table(rows=2, cols=2)
        letterhead.cell(0, 0).text = "UBND TỈNH NINH THUẬN"
        letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        letterhead.cell(1, 0).text = department
        letterhead.cell(1, 1).text = "Độc lập - Tự do - Hạnh phúc"
        document.add_paragraph(TITLE)
        table = document.add_table(rows=1, cols=len(HEADER))
        for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = text
        for number, (code, name, measure, value, fmt) in enumerate(rows, 1):
            shown = f"{value * 100:.1f}%".replace(".", ",") if fmt else value
            for cell, text in zip(
                table.add_row().cells, [number, code, name, measure, shown, ""], strict=True
            ):
                cell.text = "" if text is None else str(text)
        document.add_paragraph("Ninh Thuận, ngày 15 tháng 01 năm 2024")
        document.add_paragraph("GIÁM ĐỐC")
    document.save(path)
    return path


def _values(path: Path) -> dict[str, float]:
    result = runner.invoke(app, ["score", str(path), "--spec", "dti-province-2022", "--format", "json"])
    assert result.exit_code == 0, result.output
    [unit] = json.loads(result.stdout)["units"]
    assert unit["unit"] == "58", path  # Ninh Thuận, named by the title rows
    return {code: unit["values"][code] for code in EXPECTED}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("office")
    xlsx = _workbook(folder / "so_lieu_2023.xlsx")
    return {
        "xlsx": xlsx,
        "xls": soffice_convert(xlsx, "xls", folder / "xls"),
        "ods": soffice_convert(xlsx, "ods", folder / "ods"),
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_workbook_saved_by_an_office_suite_scores_as_worked_by_hand(
    saved: dict[str, Path], kind: str
) -> None:
    assert saved[kind].suffix == f".{kind}"
    assert _values(saved[kind]) == pytest.approx(EXPECTED, abs=1e-9)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_the_hidden_sheet_is_said_skipped(saved: dict[str, Path], kind: str) -> None:
    result = runner.invoke(app, ["validate", str(saved[kind]), "--spec", "dti-province-2022", "--lang", "en"])
    assert "Số liệu cũ" in result.stderr


def test_word_report_scores_as_the_workbook(tmp_path: Path) -> None:
    assert _values(_word_report(tmp_path / "bao_cao_2023.docx")) == pytest.approx(EXPECTED, abs=1e-9)


SAMPLES = Path(__file__).parent.parent / "sample_data"


def _published_workbook(path: Path) -> Path:
    """sample_data/published_2023.csv as the ministry's workbook: a title row, pillar values as numbers."""
    import csv

    with (SAMPLES / "published_2023.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BẢNG XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2023"])
    sheet.append(rows[0])
    for row in rows[1:]:
        numbers = [float(v.replace(",", ".")) if v else None for v in row[3:-1]]
        sheet.append([row[0], row[1], int(row[2]), *numbers, int(row[-1])])
    book.save(path)
    return path


def _rank(path: Path) -> str:
    result = runner.invoke(app, ["rank", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(path), "FILE")


@pytest.mark.slow
def test_the_ministry_table_saved_as_xls_ranks_as_the_xlsx(tmp_path: Path) -> None:
    xlsx = _published_workbook(tmp_path / "xep_hang_2023.xlsx")
    xls = soffice_convert(xlsx, "xls", tmp_path / "xls")
    ranked = json.loads(_rank(xlsx))
    assert ranked["units"] and ranked == json.loads(_rank(xls))


def _targets(path: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["targets", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["targets"]


def test_a_target_appendix_in_word_reviews_as_the_csv(tmp_path: Path) -> None:
    import csv

    with (SAMPLES / "targets_2025.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    document = Document()
    document.add_paragraph("Phụ lục I")
    document.add_paragraph("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025")
    document.add_paragraph("(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2026 của UBND tỉnh)")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph("Nơi nhận:")
    path = tmp_path / "phu_luc_chi_tieu_2025.docx"
    document.save(path)
    expected = _targets(SAMPLES / "targets_2025.csv")
    assert len(expected) > 10 and _targets(path) == expected


def test_a_table_without_known_columns_is_skipped_with_a_note(tmp_path: Path) -> None:
    from dti.io.files import read_grids

    document = Document()
    document.add_paragraph("DANH SÁCH TỔ CÔNG TÁC")
    members = document.add_table(rows=0, cols=2)
    for name, role in [
        ("Họ và tên", "Chức vụ"),
        ("Nguyễn Văn An", "Tổ trưởng"),
        ("Trần Thị Bình", "Thành viên"),
        ("Lê Văn Cường", "Thành viên"),
    ]:
        cells = members.add_row().cells
        cells[0].text, cells[1].text = name, role
    document.add_paragraph(TITLE)
    table = document.add_table(rows=0, cols=3)
    for row in [("Mã đơn vị", "Mã chỉ số", "Kết quả"), ("58", "NTS.04", "Có")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    grids, issues = read_grids([path])
    assert not issues and len(grids) == 1
    [grid] = grids
    assert [str(n) for n in grid.notes] == [
        "the document has 2 tables: skipped table 1 (no column dti knows)"
    ]
    # the title paragraph above the table, not the member list's names, is its title row
    assert grid.title_lines() == [TITLE]


def _one_letterhead_report(path: Path) -> Path:
    """The figures as a province writes them in one Word report: a letterhead and a title for the whole
    document, then 'Biểu 1: …' and 'Biểu 2: …' with a table each (the same columns), then the contacts."""
    document = Document()
    letterhead = document.add_table(rows=1, cols=2)
    letterhead.cell(0, 0).text = "UBND TỈNH NINH THUẬN"
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph(TITLE)
    for number, (department, rows) in enumerate(DEPARTMENTS.items(), 1):
        document.add_paragraph(f"Biểu {number}: {department.capitalize()}")
        table = document.add_table(rows=1, cols=len(HEADER))
        for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = text
        for row_number, (code, name, measure, value, fmt) in enumerate(rows, 1):
            shown = f"{value * 100:.1f}%".replace(".", ",") if fmt else value
            texts = [row_number, code, name, measure, shown, ""]
            for cell, text in zip(table.add_row().cells, texts, strict=True):
                cell.text = "" if text is None else str(text)
    document.add_paragraph("Danh sách cán bộ đầu mối")
    contacts = document.add_table(rows=0, cols=3)
    for row in [("STT", "Họ và tên", "Điện thoại"), ("1", "Nguyễn Văn An", "0259 3822 001")]:
        for cell, text in zip(contacts.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph("Ghi chú: số liệu đến 31/12/2023")
    document.save(path)
    return path


def test_each_table_of_a_word_report_is_a_part_under_the_document_title(tmp_path: Path) -> None:
    # the second department's table names no unit above it: the document's letterhead says whose it is
    assert _values(_one_letterhead_report(tmp_path / "bao_cao.docx")) == pytest.approx(EXPECTED, abs=1e-9)


def test_a_word_table_skipped_is_named_by_its_number_and_its_header(tmp_path: Path) -> None:
    path = _one_letterhead_report(tmp_path / "bao_cao.docx")
    document = Document(str(path))
    document.add_paragraph("Kết quả thực hiện nhiệm vụ chuyển đổi số năm 2023")
    tasks = document.add_table(rows=0, cols=3)
    for row in [("STT", "Nhiệm vụ", "Kết quả"), ("1", "Triển khai nền tảng họp trực tuyến", "Hoàn thành")]:
        for cell, text in zip(tasks.add_row().cells, row, strict=True):
            cell.text = text
    document.save(path)
    said = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--lang", "en"]).stderr
    # tables: the letterhead, two departments, the contacts, the tasks (a Kết quả column, no Chỉ số)
    assert "skipped table 5 of the document: its header names no column dti knows" in said
    assert "('STT', 'Nhiệm vụ', 'Kết quả')" in said
    said = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022"]).stderr
    assert "bỏ qua bảng 5 của tài liệu" in said


def test_a_letterhead_cell_of_two_lines_names_the_unit(tmp_path: Path) -> None:
    document = Document()
    letterhead = document.add_table(rows=2, cols=2)
    letterhead.cell(0, 0).text = "UBND TỈNH NINH THUẬN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    letterhead.cell(1, 0).text = "Số: 45/BC-SKHCN"
    letterhead.cell(1, 1).text = "Ninh Thuận, ngày 15 tháng 01 năm 2024"
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph(TITLE)
    document.add_paragraph("Thực hiện Công văn số 123/BTTTT-CĐSQG, Sở Khoa học và Công nghệ báo cáo như sau:")
    document.add_paragraph("Biểu số liệu")
    table = document.add_table(rows=0, cols=3)
    for row in [("STT", "Chỉ số", "Kết quả"), ("1", "NTS.04", "Có")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    said = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--lang", "en"]).stderr
    # the letterhead's six lines and four paragraphs (10 > 8 title lines): its top line names the unit
    assert "read as the figures of 58 Ninh Thuận (from title row 1: 'UBND TỈNH NINH THUẬN')" in said


def test_a_two_line_letterhead_cell_of_a_workbook_is_cited_by_its_line(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    top = ["UBND TỈNH NINH THUẬN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    sheet.append(top)
    sheet.append(["STT", "Chỉ số", "Kết quả"])
    sheet.append([1, "NTS.04", "Có"])
    path = tmp_path / "bao_cao.xlsx"
    book.save(path)
    said = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--lang", "en"]).stderr
    assert "(from title row 1: 'UBND TỈNH NINH THUẬN')\n" in said


def test_an_xls_cut_short_is_said_damaged(tmp_path: Path) -> None:
    from dti.io.files import read_grids
    from tests.hostile.office import biff, ole

    whole = ole({"Workbook": biff([["unit", "NTS.04"], ["58", "Có"]])})
    path = tmp_path / "2023.xls"
    path.write_bytes(whole[: len(whole) // 2])  # the directory, at the end, is gone
    _, issues = read_grids([path])
    assert [i.code for i in issues] == ["unreadable-file"]
    assert "the file is damaged: it does not open as an Excel 97-2003 workbook (.xls)" in issues[0].message


def _task_list(path: Path) -> Path:
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"])
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"])
    sheet.append([1, "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", dt.datetime(2026, 6, 30)])
    sheet.cell(3, 4).number_format = "dd/mm/yyyy"
    sheet.cell(3, 5).value = "Đang triển khai"
    book.save(path)
    return path


def _deadline_text(path: Path) -> str:
    result = runner.invoke(app, ["tasks", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    [task] = json.loads(result.stdout)["tasks"]
    return str(task["deadline_text"])


def test_a_date_cell_is_written_as_the_sheet_shows_it(tmp_path: Path) -> None:
    assert _deadline_text(_task_list(tmp_path / "nhiem_vu_2026.xlsx")) == "30/06/2026"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_date_cell_of_an_office_suite_is_written_as_shown(tmp_path: Path, kind: str) -> None:
    saved = soffice_convert(_task_list(tmp_path / "nhiem_vu_2026.xlsx"), kind, tmp_path / kind)
    assert _deadline_text(saved) == "30/06/2026"


def test_every_help_names_every_format_read() -> None:
    from typing import Any

    import typer.main

    from dti.cli.options import TABLE_FILES

    def helps(command: Any) -> list[str]:  # typer's own click: a group has its commands
        found = [str(getattr(p, "help", "") or "") for p in command.params]
        return found + [h for sub in getattr(command, "commands", {}).values() for h in helps(sub)]

    texts = helps(typer.main.get_command(app))
    inputs = [t for t in texts if "CSV" in t and "XLSX" in t]  # the files read (outputs: .csv, .xlsx)
    assert len(inputs) >= 8  # score, validate, gaps, tasks, targets, spec import, --owners, --received…
    for text in inputs:
        assert TABLE_FILES in text or "(.docx) or YAML" in text, text


def _unit_codes_as_numbers(path: Path) -> Path:
    """Unit codes typed as numbers in a column formatted '00', as a province's sheet shows 01 (Hà Nội)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã tỉnh", "Mã chỉ số", "Kết quả"])
    sheet.append([1, "NTS.04", "Có"])
    sheet.cell(2, 1).number_format = "00"
    book.save(path)
    return path


def _read_units(path: Path) -> tuple[list[str], str]:
    result = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--lang", "en"])
    [part] = json.loads(
        runner.invoke(app, ["score", str(path), "--spec", "dti-province-2022", "--format", "json"]).stdout
    )["units"]
    return [part["unit"]], result.output


def test_a_code_formatted_with_its_zero_lost_nothing(tmp_path: Path) -> None:
    units, said = _read_units(_unit_codes_as_numbers(tmp_path / "so_lieu.xlsx"))
    assert units == ["01"] and "leading-zero-lost" not in said


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_code_formatted_with_its_zero_in_an_office_suite_file(tmp_path: Path, kind: str) -> None:
    saved = soffice_convert(_unit_codes_as_numbers(tmp_path / "so_lieu.xlsx"), kind, tmp_path / kind)
    units, said = _read_units(saved)
    assert units == ["01"] and "leading-zero-lost" not in said


def test_a_code_column_beside_a_name_column_is_the_usual_layout(tmp_path: Path) -> None:
    path = tmp_path / "xep_hang_2023.csv"
    lines = ["BẢNG XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023", "", 'STT,Mã tỉnh,"Tỉnh, thành phố",HTS,DTI']
    lines += ['1,01,Hà Nội,"0,3868","0,5500"', '2,02,Hà Giang,"0,4530","0,3600"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["rank", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "appears twice" not in result.output and "xuất hiện hai lần" not in result.output
    # two code columns are still one too many, said at the header's own row (3), not row 1
    path.write_text("\n".join(lines).replace("STT,", "Mã đơn vị,") + "\n", encoding="utf-8")
    said = runner.invoke(app, ["validate", str(path), "--lang", "en"]).output
    assert "column 'Mã tỉnh' appears twice (first in column A)" in said
    assert " 3 │ B3 " in said


def test_a_lone_rank_column_after_the_indices_ranks_the_dti(tmp_path: Path) -> None:
    import csv

    with (SAMPLES / "published_2023.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    # the ministry's layout: code, name, the nine indices, then one 'Xếp hạng' (published_2023.csv's rank)
    header = ["Mã tỉnh", "Tỉnh, thành phố", *rows[0][3:-1], "Xếp hạng"]
    path = tmp_path / "xep_hang_2023.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header] + [[r[0], r[1], *r[3:]] for r in rows[1:]])
    result = runner.invoke(app, ["rank", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "published rank" not in result.stderr  # not HDXH's rank: 63 false warnings
    units = json.loads(result.stdout)["units"]
    published = {r[0]: int(r[-1]) for r in rows[1:]}
    assert {u["unit"]: u["ranks"]["2023"] for u in units} == published
    assert {u["rank_source"]["2023"] for u in units} == {"published"}


def test_an_excel_numbers_text_is_not_parsed_but_a_typed_text_is() -> None:
    # fill._parse_typed parses only the texts some cell holds as typed text (a 10,000-unit workbook's
    # ~270,000 Excel numbers' texts take Excel's number in _cells); each typed text as parse_texts reads it.
    texts = ["0.83333333333333337", "1.234", "85%", "Có", "0,5", "12"]
    typed = np.array([False, True, True, True, True, False])
    full, some = parse_texts(texts, None, typed), _parse_typed(texts, None, typed)
    for field in ("value", "percent", "status", "alternative"):
        assert np.array_equal(getattr(some, field)[typed], getattr(full, field)[typed], equal_nan=True)
    assert (some.comma_decimals, some.dot_decimals) == (full.comma_decimals, full.dot_decimals) == (1, 0)
    assert (some.status[~typed] == NUMBER).all() and np.isnan(some.value[~typed]).all()
