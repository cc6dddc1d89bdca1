"""A percent-formatted cell is quoted as the sheet shows it (a new user saw '1.8376' vượt 100 % for a cell
showing 183,76 %, with a dot decimal in a Vietnamese message)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dti.pipeline import evaluate


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Mã chỉ số", "Giá trị"])
    sheet.append(["48", "HTS.01", 1.8376])  # shows 183,76 %
    sheet["C2"].number_format = "0.00%"
    sheet.append(["48", "HTS.02", "120"])  # a text: quoted as written
    book.save(path)
    return path


def test_a_percent_cell_above_100_is_quoted_as_shown(tmp_path: Path) -> None:
    run = evaluate([_workbook(tmp_path / "so_lieu.xlsx")], spec="dti-province-2022")
    above = {i.cell: i for i in run.report.issues if i.code.value == "value-above-100"}
    assert set(above) == {"C2", "C3"}
    assert "183,76 %" in above["C2"].text("vi") and "1.8376" not in above["C2"].text("vi")
    assert "183.76 %" in above["C2"].text("en")
    assert "'120'" in above["C3"].text("vi")
