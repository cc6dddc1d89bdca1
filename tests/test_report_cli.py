"""`dti report` on the command line: what it writes, and every option it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app

# Whole reports rendered (HTML and workbooks, ~0.3-1 s each): outside the edit loop's fast tier.
pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "sample_data"
YEAR = str(DATA / "2024.csv")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["report", *args])


@pytest.mark.parametrize("name", ["report.docm", "report.csv", "report"])
def test_an_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    result = run(YEAR, "-o", str(tmp_path / name), "--lang", "en")
    assert result.exit_code == 2
    assert ".html, .xlsx, .docx or .pdf" in result.stderr
    assert not (tmp_path / name).exists()


def test_output_is_required() -> None:
    result = run(YEAR)
    assert result.exit_code == 2 and "--output" in result.stderr


@pytest.mark.slow
def test_never_over_an_input(tmp_path: Path) -> None:
    target = tmp_path / "in.xlsx"
    shutil.copy(DATA / "2024.csv", tmp_path / "2024.csv")
    result = run(str(tmp_path / "2024.csv"), "-o", str(tmp_path / "2024.csv.html"))
    assert result.exit_code in (0, 2)  # a new file beside the input is fine
    same = run(str(target), "-o", str(target))
    assert same.exit_code == 2


def test_an_unknown_unit_says_what_it_knows(tmp_path: Path) -> None:
    result = run(YEAR, "--unit", "Đà Nẵg", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert "Đà Nẵng" in result.stderr  # did you mean
    assert not (tmp_path / "r.html").exists()


def test_a_target_list_with_errors_stops_the_report(tmp_path: Path) -> None:
    bad = tmp_path / "targets.csv"
    bad.write_text(
        "STT,Chỉ tiêu,Mục tiêu,Kết quả\n1,Tỷ lệ A,>= 80%,50%\n1,Tỷ lệ B,>= 90%,95%\n", encoding="utf-8"
    )
    result = run(YEAR, "--targets", str(bad), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1
    assert "targets.csv" in result.stderr and not (tmp_path / "r.html").exists()


def test_a_previous_year_after_the_report_year_is_refused(tmp_path: Path) -> None:
    result = run(str(DATA / "2023.csv"), "--previous", YEAR, "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "2024 > 2023" in result.stderr


def test_owners_received_and_tasks_add_their_sections(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run(
        YEAR,
        "--unit", "48",
        "--owners", str(DATA / "owners.csv"),
        "--received", str(DATA / "received_2026.csv"),
        "--tasks", str(DATA / "tasks_2026.csv"),
        "--today", "25/11/2026",
        "--draws", "0",
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    for key in ("gaps", "calendar", "tasks"):
        assert f'id="{key}' in page
    assert 'id="robust' not in page  # --draws 0
    # README's dti tasks summary for the sample list on 25/11/2026
    assert "7/21 nhiệm vụ chưa được triển khai" in page


def test_received_needs_owners(tmp_path: Path) -> None:
    result = run(YEAR, "--received", str(DATA / "received_2026.csv"), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "--owners" in result.stderr


def test_the_workbook_has_the_sheets_of_the_report(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "r.xlsx"
    result = run(YEAR, "--previous", str(DATA / "2023.csv"), "--unit", "48", "--draws", "50", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    names = book.sheetnames
    assert names[0] == "Tóm tắt"
    assert {"Bảng xếp hạng", "Giá trị theo đơn vị", "Thứ hạng qua các năm", "Vấn đề dữ liệu"} <= set(names)
    ranking = book["Bảng xếp hạng"]
    assert ranking.max_row == 64  # header + 63 provinces
    assert ranking["C2"].number_format == "0.0000" and isinstance(ranking["C2"].value, float)
    assert ranking.freeze_panes == "A2"
    assert sum(len(ws._charts) for ws in book.worksheets) >= 3


def test_a_table_of_main_index_values_shows_no_component_losses(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run(str(DATA / "published_2023.csv"), "--unit", "48", "--draws", "0", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "HDXH.02" not in page and "HTS.01" not in page  # the file gives main indices only
    assert "p: hạng đã công bố" in page  # its ranks are the published ones, marked p


def test_a_file_without_a_year_needs_year(tmp_path: Path) -> None:
    plain = tmp_path / "diem.csv"
    shutil.copy(DATA / "2024.csv", plain)
    refused = run(str(plain), "--draws", "0", "-o", str(tmp_path / "r.html"))
    assert refused.exit_code == 2 and "--year" in refused.stderr
    given = run(str(plain), "--year", "2024", "--draws", "0", "-o", str(tmp_path / "r.html"))
    assert given.exit_code == 0, given.stderr


def test_two_files_of_one_year_are_named_by_their_year(tmp_path: Path) -> None:
    both = ["--previous", str(DATA / "2023.csv"), "--previous", str(DATA / "published_2023.csv")]
    result = run(YEAR, *both, "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "2023" in result.stderr


def test_today_alone_is_refused(tmp_path: Path) -> None:
    result = run(YEAR, "--today", "25/11/2026", "-o", str(tmp_path / "r.html"), "--lang", "en")
    assert result.exit_code == 2 and "--received or --tasks" in result.stderr


def test_the_workbook_lists_every_issue(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "r.xlsx"
    assert run(YEAR, "--draws", "0", "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out)["Vấn đề dữ liệu"]
    # README: "sample_data/2024.csv: 108 warning(s)"; the first row is the header
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
    assert len(rows) == 108


@pytest.mark.parametrize("extra", [[], ["--targets", str(DATA / "nowhere.csv")]])
def test_the_garbage_collector_is_back_on_after_a_report(tmp_path: Path, extra: list[str]) -> None:
    """The report pauses cyclic garbage collection while it builds (issue 25); a library or test process
    that runs it gets the collector back as it was, whether the report was written or refused."""
    import gc

    assert gc.isenabled()
    result = run(YEAR, "-o", str(tmp_path / "r.html"), "--draws", "0", *extra)
    assert result.exit_code == (0 if not extra else 2), result.output
    assert gc.isenabled()
    gc.disable()
    try:
        run(YEAR, "-o", str(tmp_path / "r2.html"), "--draws", "0")
        assert not gc.isenabled()  # left off by whoever turned it off
    finally:
        gc.enable()
