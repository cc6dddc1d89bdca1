"""A file is named once in notes and refusals however many sheets it gave (a new user's report said
'back2/Công an tỉnh.xlsx back2/Công an tỉnh.xlsx … chỉ có số liệu của 1 đơn vị')."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dti.pipeline import evaluate, shown


def test_a_workbook_of_two_sheets_is_named_once(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Sở Nội vụ"
    first.append(["Mã đơn vị", "Mã chỉ số", "Giá trị"])
    first.append(["48", "NTS.01", "Chủ tịch"])
    second = book.create_sheet("Sở Y tế")
    second.append(["Mã đơn vị", "Mã chỉ số", "Giá trị"])
    second.append(["48", "HDXH.01", "75%"])
    path = tmp_path / "Công an tỉnh.xlsx"
    book.save(path)
    run = evaluate([path], spec="dti-province-2022")
    assert len(run.submission.sources) == 2
    assert shown(run) == str(path)
