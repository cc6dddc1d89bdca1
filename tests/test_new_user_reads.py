"""A new user's files (issues 22/23), read as offices make them: what the readers and the engine say
of them. Each case failed on main before its fix."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from dti.cli import app

runner = CliRunner()


def _department(book: openpyxl.Workbook, title: str, year: int, rows: list[tuple[str, object]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(["UBND TỈNH NINH THUẬN"])
    sheet.append([title.upper()])
    sheet.append([f"BÁO CÁO SỐ LIỆU CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM {year}"])
    sheet.append(["STT", "Mã chỉ số", "Tên chỉ số", "Kết quả"])
    for number, (code, value) in enumerate(rows, 1):
        sheet.append([number, code, None, value])


def _book(path: Path, years: tuple[int, ...], instructions: bool = True) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    if instructions:
        sheet = book.create_sheet("Hướng dẫn")
        sheet.append(["HƯỚNG DẪN NHẬP SỐ LIỆU"])
        sheet.append(["1. Thực hiện theo Công văn số 1552/BTTTT-THH ngày 05/3/2020"])
        sheet.append(["2. Hạn gửi: 15/01/2024"])
    rows = [[("NTS.02", "3 cuộc"), ("HTS.01", "85%")], [("NTS.06", "8"), ("HTS.02", "90%")]]
    for k, year in enumerate(years):
        _department(book, f"Sở {k}", year, rows[k])
    book.save(path)
    return path


def test_the_year_comes_from_the_data_sheets_not_the_instructions(tmp_path: Path) -> None:
    book = _book(tmp_path / "so_nganh.xlsx", (2023, 2023))
    shown = runner.invoke(app, ["score", str(book), "--format", "json"])
    assert shown.exit_code in (0, 1), shown.output
    assert '"year": 2023' in shown.output  # was 2024, the deadline on the instructions sheet
    assert runner.invoke(app, ["score", str(book), "--year", "2023"]).exit_code == 0  # was refused


def test_sheets_stating_different_years_are_named_and_year_settles_them(tmp_path: Path) -> None:
    book = _book(tmp_path / "so_nganh.xlsx", (2023, 2022))
    shown = runner.invoke(app, ["score", str(book), "--lang", "en"])
    assert shown.exit_code == 2
    text = " ".join(shown.output.split())
    assert "so_nganh.xlsx sheet 'Sở 1' row 3: 2022" in text
    assert "so_nganh.xlsx sheet 'Sở 0' row 3: 2023" in text
    assert "--year" in text
    settled = runner.invoke(app, ["score", str(book), "--lang", "en", "--year", "2023"])
    assert settled.exit_code == 0, settled.output
    assert "the year is 2023, as --year says" in " ".join(settled.output.split())


def test_the_same_file_as_its_own_previous_year_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "y24.csv"
    data.write_text(Path("sample_data/2024.csv").read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(data)
    for previous in (data, link, tmp_path / "." / "y24.csv"):
        shown = runner.invoke(app, ["score", str(data), "--year", "2024", "--previous", str(previous)])
        assert shown.exit_code == 2, shown.output  # every change was 0
        assert "vừa là tệp số liệu vừa là tệp năm trước" in shown.output


def test_a_previous_file_of_no_stated_year_is_said(tmp_path: Path) -> None:
    data = tmp_path / "y24.csv"
    data.write_text(Path("sample_data/2024.csv").read_text(encoding="utf-8"), encoding="utf-8")
    copy = tmp_path / "cu.csv"
    copy.write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    shown = runner.invoke(
        app, ["score", str(data), "--year", "2024", "--previous", str(copy), "--lang", "en"]
    )
    assert shown.exit_code == 0, shown.output
    assert "cu.csv does not say its year" in " ".join(shown.output.split())


def test_a_quote_that_closes_lines_later_is_said_with_the_rows_it_swallowed(tmp_path: Path) -> None:
    data = tmp_path / "ghi_chu.csv"
    data.write_text(
        "unit,indicator,value,note\n"
        '48,HTS.01,85%,"Theo báo cáo\n'
        "48,HTS.02,70%,\n"
        '48,HTS.03,60%,của Sở"\n'
        "48,NTS.03,Có,\n",
        encoding="utf-8",
    )
    shown = runner.invoke(app, ["validate", str(data), "--format", "json", "--lang", "en"])
    late = [i for i in json.loads(shown.stdout)["issues"] if "closes only some lines later" in i["message"]]
    assert len(late) == 1, shown.output
    assert (late[0]["row"], late[0]["cell"], late[0]["column"]) == (2, "D2", "note")
    assert "'48,HTS.02,70%,', '48,HTS.03,60%,của Sở'" in late[0]["message"]
    assert "lines 2-4 of the file" in late[0]["message"]


def test_a_note_over_several_lines_is_not_said(tmp_path: Path) -> None:
    data = tmp_path / "ghi_chu.csv"
    data.write_text(
        'unit,indicator,value,note\n48,HTS.01,85%,"Theo báo cáo\ncủa Sở, ngày 5/1"\n', encoding="utf-8"
    )
    shown = runner.invoke(app, ["validate", str(data), "--format", "json"])
    assert "ragged-row" not in shown.output


def test_a_pipe_given_as_spec_is_said_to_be_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "spec.yaml"
    os.mkfifo(pipe)
    shown = runner.invoke(app, ["score", "sample_data/2024.csv", "--spec", str(pipe), "--lang", "en"])
    assert shown.exit_code == 2
    assert "a pipe (FIFO), not a regular file" in " ".join(shown.output.split())  # was "no such spec"


def test_the_validate_table_names_the_sheet_of_a_workbook_of_several(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    _department(book, "Sở KH&CN", 2023, [("NTS.02", "3 cuộc")])
    _department(book, "Sở Y tế", 2023, [("HTS.01", "85%"), ("HTS.02", "nhiều")])  # row 6, column D
    path = tmp_path / "so_nganh.xlsx"
    book.save(path)
    shown = runner.invoke(app, ["validate", str(path)], terminal_width=250)
    assert "Sở Y tế!D6" in shown.output, shown.output


def test_a_missing_column_is_said_at_the_header_row_below_the_titles(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["UBND TỈNH NINH THUẬN"])
    sheet.append(["BÁO CÁO SỐ LIỆU NĂM 2023"])
    sheet.append([])
    sheet.append(["STT", "Mã chỉ số", "Tên chỉ số"])  # no value column
    sheet.append([1, "NTS.02", "Số cuộc họp"])
    path = tmp_path / "thieu_cot.xlsx"
    book.save(path)
    shown = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "en"])
    missing = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "missing-column"]
    assert [i["row"] for i in missing] == [4], shown.stdout  # was row 1
    assert "unit,indicator,value" not in missing[0]["message"]


def test_a_results_column_mapped_to_a_node_in_a_long_file_says_why(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    _department(book, "Sở KH&CN", 2023, [("NTS.02", "3 cuộc")])
    path = tmp_path / "so.xlsx"
    book.save(path)
    shown = runner.invoke(app, ["validate", str(path), "--columns", "Kết quả=DTI", "--format", "json"])
    assert shown.exit_code == 1, shown.output  # was exit 2: "no such header" of a header that is there
    (said,) = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "missing-column"]
    assert (said["row"], said["cell"], said["column"]) == (4, "D4", "Kết quả")
    assert "--columns 'Kết quả=value'" in said["message"]
    assert runner.invoke(app, ["validate", str(path), "--columns", "Kết quả=value"]).exit_code == 0


def test_as_unit_beside_a_unit_column_is_said_never_ignored(tmp_path: Path) -> None:
    same = tmp_path / "da_nang.csv"
    same.write_text("Mã đơn vị,Chỉ số,Giá trị\n48,NTS.02,3\n48,HTS.01,85%\n", encoding="utf-8")
    shown = runner.invoke(app, ["validate", str(same), "--as-unit", "48", "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    assert "the file has a unit column 'Mã đơn vị'" in " ".join(shown.output.split())
    other = tmp_path / "hai_tinh.csv"
    other.write_text("Mã đơn vị,Chỉ số,Giá trị\n48,NTS.02,3\n01,NTS.02,2\n", encoding="utf-8")
    shown = runner.invoke(
        app, ["validate", str(other), "--as-unit", "48", "--format", "json", "--lang", "en"]
    )
    assert shown.exit_code == 1, shown.output
    (said,) = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "invalid-option"]
    assert "names other units: 01 Hà Nội" in said["message"]


def test_a_register_unit_that_sent_no_data_is_named(tmp_path: Path) -> None:
    units = tmp_path / "don_vi.csv"
    units.write_text("code,name\n01,Hà Nội\n48,Đà Nẵng\n58,Ninh Thuận\n", encoding="utf-8")
    data = tmp_path / "so_lieu.csv"
    data.write_text("Mã đơn vị,Chỉ số,Giá trị\n48,NTS.02,3\n01,NTS.02,2\n", encoding="utf-8")
    shown = runner.invoke(
        app, ["validate", str(data), "--units", str(units), "--format", "json", "--lang", "en"]
    )
    said = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "no-data"]
    assert [i["message"] for i in said] == [
        "units of the register (--units) that no file gives figures for, so they are not ranked: "
        "58 Ninh Thuận"
    ]
    assert said[0]["severity"] == "warning"


def test_a_shortened_name_points_at_its_cell_and_the_stt_number(tmp_path: Path) -> None:
    data = tmp_path / "ten_rut_gon.csv"
    data.write_text(
        "STT,Mã đơn vị,Chỉ số,Giá trị\n"
        "120,48,Số cuộc họp BCĐ,3\n"  # a shortened name; no node is numbered 120
        "121,48,,85%\n",  # an empty name cell
        encoding="utf-8",
    )
    shown = runner.invoke(
        app, ["validate", str(data), "--spec", "dti-province-2022", "--format", "json", "--lang", "en"]
    )
    said = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "unknown-indicator"]
    assert [(i["row"], i["cell"], i["column"]) for i in said] == [(2, "C2", "Chỉ số"), (3, "C3", "Chỉ số")]
    assert said[0]["message"].startswith("'Số cuộc họp BCĐ' is not the code, number or name of any node")
    assert said[1]["message"].startswith("the indicator cell is empty;")


def test_the_stt_number_of_a_node_is_suggested(tmp_path: Path) -> None:
    data = tmp_path / "ten_rut_gon.csv"
    data.write_text("TT,Mã đơn vị,Chỉ số,Giá trị\n1,48,Nhận thức,80\n", encoding="utf-8")
    shown = runner.invoke(
        app, ["validate", str(data), "--spec", "dti-province-2022", "--format", "json", "--lang", "en"]
    )
    (said,) = [i for i in json.loads(shown.stdout)["issues"] if i["code"] == "unknown-indicator"]
    assert "(column 'TT' says 1: TT 1 = NTS 'Nhận thức số'?)" in said["message"], said["message"]


def test_a_csv_named_xlsx_is_read_as_csv_with_a_note(tmp_path: Path) -> None:
    named = tmp_path / "so_lieu_2024.xlsx"
    named.write_bytes(Path("sample_data/2024.csv").read_bytes())
    shown = runner.invoke(app, ["validate", str(named), "--lang", "en"])
    assert shown.exit_code in (0, 1), shown.output  # was 2: refused as an unreadable workbook
    assert "the file is CSV text though named '.xlsx': read as .csv" in " ".join(shown.output.split())
    received = tmp_path / "nhan.xlsx"
    received.write_bytes(Path("sample_data/received_2026.csv").read_bytes())
    shown = runner.invoke(
        app,
        ["calendar", "--owners", "sample_data/owners.csv", "--spec", "dti-province-2022"]
        + ["--received", str(received), "--today", "25/11/2026", "--lang", "en"],
    )
    assert "the file is CSV text though named '.xlsx'" in " ".join(shown.output.split()), shown.output


def test_a_workbook_named_csv_is_said_by_tasks_and_targets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Trạng thái"])
    sheet.append([1, "Số hóa hồ sơ TTHC", "Sở Y tế", "30/06/2024", "Hoàn thành"])
    tasks = tmp_path / "nhiem_vu.csv"
    book.save(tasks)
    shown = runner.invoke(app, ["tasks", str(tasks), "--today", "01/10/2024", "--lang", "en"])
    assert "Excel workbook (.xlsx) though named '.csv'" in " ".join(shown.output.split()), shown.output
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Chỉ tiêu", "Đơn vị chủ trì", "Kế hoạch năm 2024", "Kết quả thực hiện"])
    sheet.append([1, "Tỷ lệ hồ sơ trực tuyến", "Sở Y tế", "90%", "93%"])
    targets = tmp_path / "chi_tieu.csv"
    book.save(targets)
    shown = runner.invoke(app, ["targets", str(targets), "--lang", "en"])
    assert "Excel workbook (.xlsx) though named '.csv'" in " ".join(shown.output.split()), shown.output
