"""`dti report` on the command line: what it writes, and every option it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app

DATA = Path(__file__).resolve().parents[1] / "sample_data"
YEAR = str(DATA / "2024.csv")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["report", *args])


@pytest.mark.parametrize("name", ["report.pdf", "report.csv", "report"])
def test_an_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    result = run(YEAR, "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert ".html or .xlsx" in result.stderr
    assert not (tmp_path / name).exists()


def test_output_is_required() -> None:
    result = run(YEAR)
    assert result.exit_code == 2 and "--output" in result.stderr


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
