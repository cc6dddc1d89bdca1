"""`dti calendar --received FOLDER`: the returned collection workbooks as the received log (issue 26)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.briefing.calendar import schedule
from dti.cli import app
from tests.conftest import soffice_convert

OWNERS = Path(__file__).parent.parent / "sample_data" / "owners.csv"
VALUE = 9  # Kết quả


def _folder(tmp_path: Path, lang: str = "vi") -> Path:
    folder = tmp_path / f"tra_ve_{lang}"
    args = ["template", "--owners", str(OWNERS), "--unit", "58", "--year", "2023", "-o", f"{folder}/"]
    assert CliRunner().invoke(app, [*args, "--lang", lang]).exit_code == 0
    return folder


def _return(path: Path, sent: object, blank: int = 0, department: str | None = None) -> list[str]:
    """Fill a department's workbook as it sends it back: every `Kết quả` but the last `blank` ones, the
    cover's day sent (its label in either language); the codes left blank."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[1]
    rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value]
    for r in rows[: len(rows) - blank]:
        ws.cell(r, VALUE).value = 1
    cover = book.worksheets[0]
    for r in range(1, 15):
        if cover.cell(r, 1).value in ("Ngày gửi", "Date sent"):
            cover.cell(r, 2).value = sent
        if department is not None and cover.cell(r, 1).value in ("Đơn vị gửi", "Sent by"):
            cover.cell(r, 2).value = department
    book.save(path)
    return [ws.cell(r, 2).value for r in rows[len(rows) - blank :]]


def _yearly(found: object) -> dict[str, object]:
    return {d.owner: d for d in found.calendar.deadlines if d.period.kind == "year"}  # type: ignore[attr-defined]


def test_a_partly_blank_return_owes_its_blank_components(tmp_path: Path) -> None:
    """Sở Y tế sends on the due day with its last 3 components blank: received, but they are still owed
    (overdue after the due day), not complete and on time."""
    folder = _folder(tmp_path)
    blank = _return(folder / "Sở Y tế.xlsx", dt.date(2023, 12, 5), blank=3)
    _return(folder / "Sở Nội vụ.xlsx", dt.date(2023, 12, 5))
    yearly = _yearly(schedule(OWNERS, received=folder, year=2023, today="20/12/2023"))
    health = yearly["Sở Y tế"]
    assert len(blank) == 3 and health.missing == blank  # type: ignore[attr-defined]
    assert health.status == "overdue" and health.received == dt.date(2023, 12, 5)  # type: ignore[attr-defined]
    assert yearly["Sở Nội vụ"].status == "on_time" and not yearly["Sở Nội vụ"].missing  # type: ignore[attr-defined]


def test_the_day_sent_as_documents_write_it_and_a_day_after_today(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _return(folder / "Sở Y tế.xlsx", "ngày 05 tháng 12 năm 2023")
    _return(folder / "Sở Nội vụ.xlsx", "05/12/2032")  # a typo: ten years on
    _return(folder / "Công an tỉnh.xlsx", "hôm qua")  # no date: the file's day, said
    found = schedule(OWNERS, received=folder, year=2023, today="20/12/2023")
    yearly = _yearly(found)
    assert yearly["Sở Y tế"].received == dt.date(2023, 12, 5)  # type: ignore[attr-defined]
    assert yearly["Sở Y tế"].status == "on_time"  # type: ignore[attr-defined]
    later = [i for i in found.log_issues if i.key == "collect.sent-after-today"]
    assert [(Path(i.file or "").name, i.cell) for i in later] == [("Sở Nội vụ.xlsx", "B8")]
    assert "05/12/2032" in later[0].message and "20/12/2023" in later[0].message
    unread = next(i for i in found.log_issues if i.key == "collect.sent-unreadable")
    assert Path(unread.file or "").name == "Công an tỉnh.xlsx" and unread.cell == "B8"
    assert "hôm qua" in unread.message


def test_no_cover_an_unknown_department_and_other_files_are_said(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _return(folder / "Sở Y tế.xlsx", dt.date(2023, 12, 1), department="Sở Du lịch")
    book = openpyxl.Workbook()
    book.active.append(["Mã chỉ số", "Kết quả"])  # type: ignore[union-attr]
    book.save(folder / "STC_bao_cao.xlsx")
    (folder / "cong_van.pdf").write_bytes(b"%PDF-1.4\n")
    found = schedule(OWNERS, received=folder, year=2023, today="20/12/2023")
    for i in found.log_issues:
        assert "{" not in i.message, i.message
    no_cover = next(i for i in found.log_issues if i.key == "collect.no-cover")
    assert Path(no_cover.file or "").name == "STC_bao_cao.xlsx"
    unknown = next(i for i in found.log_issues if i.key == "collect.unknown-department")
    assert (unknown.sheet, unknown.cell) == ("Hướng dẫn", "B7") and "Sở Du lịch" in unknown.message
    assert "cong_van.pdf" in " ".join(n.text("vi") for n in found.notes)  # type: ignore[union-attr]


def test_a_template_returned_in_either_language_is_read(tmp_path: Path) -> None:
    english = _folder(tmp_path, "en")
    cover = openpyxl.load_workbook(english / "Sở Y tế.xlsx").worksheets[0]
    assert "Date sent" in [cover.cell(r, 1).value for r in range(1, 15)]
    _return(english / "Sở Y tế.xlsx", dt.date(2023, 12, 4))
    vietnamese = _folder(tmp_path)
    _return(vietnamese / "Sở Y tế.xlsx", dt.date(2023, 12, 4))
    for folder in (english, vietnamese):
        health = _yearly(schedule(OWNERS, received=folder, year=2023, today="20/12/2023"))["Sở Y tế"]
        assert (health.status, health.received) == ("on_time", dt.date(2023, 12, 4))  # type: ignore[attr-defined]


@pytest.mark.slow
def test_returned_ods_and_xls_workbooks_are_read(tmp_path: Path) -> None:
    """Saved by LibreOffice as .ods and as Excel 97 .xls: read as the .xlsx (as dti validate reads them)."""
    folder = _folder(tmp_path)
    _return(folder / "Sở Y tế.xlsx", dt.date(2023, 12, 5))
    _return(folder / "Sở Nội vụ.xlsx", dt.date(2023, 12, 7))
    back = tmp_path / "gui_lai"
    back.mkdir()
    soffice_convert(folder / "Sở Y tế.xlsx", "ods", back)
    soffice_convert(folder / "Sở Nội vụ.xlsx", "xls", back)
    yearly = _yearly(schedule(OWNERS, received=back, year=2023, today="20/12/2023"))
    assert (yearly["Sở Y tế"].status, yearly["Sở Y tế"].received) == ("on_time", dt.date(2023, 12, 5))  # type: ignore[attr-defined]
    assert (yearly["Sở Nội vụ"].status, yearly["Sở Nội vụ"].days_late) == ("late", 2)  # type: ignore[attr-defined]
