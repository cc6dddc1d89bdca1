"""Whole columns written at once (dti/write/xlsxbulk.py): the workbook reads as one written cell by cell."""

from __future__ import annotations

import io
import math
import re
import zipfile

import numpy as np
import openpyxl

from dti.views import Column, View
from dti.write.xlsx import views_workbook


def test_bulk_columns_keep_bold_rows_blanks_and_formats_in_place() -> None:
    columns = [
        Column("unit", "Mã"),
        Column("name", "Tên đơn vị"),
        Column("dti", "DTI", "value", 4),
        Column("points", "Điểm", "points"),
        Column("grade", "Xếp loại", tone="tone"),
    ]
    rows = [
        {"unit": "X1", "name": "Xã Tân Phú", "dti": 0.61234, "points": 12.5, "grade": "Khá", "tone": "met"},
        {"unit": "X2", "name": None, "dti": None, "points": math.nan, "grade": "Yếu", "tone": "not_met"},
        {"unit": "TB", "name": "Trung bình", "dti": 0.5, "points": 10, "grade": None, "mean": True},
        {"unit": "X3", "name": "=1+1", "dti": 0.25, "points": 8, "grade": "Trung bình"},
    ]
    view = View("Bảng xếp hạng: 3 xã", columns, rows, strong="mean", sheet="Xếp hạng")
    data = views_workbook([view])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Xếp hạng"]
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:E6"
    assert [c.value for c in sheet[3]] == ["X1", "Xã Tân Phú", 0.61234, 12.5, "Khá"]
    assert sheet["C3"].number_format == "0.0000" and sheet["D3"].number_format == "0.00"
    assert sheet["C3"].font.b is not True
    assert sheet["E3"].font.color.rgb == "FF1E7B34" and sheet["E4"].font.color.rgb == "FFC0392B"
    # No name, no value: empty; NaN points: an empty cell carrying the column's format
    assert [sheet["B4"].value, sheet["C4"].value, sheet["D4"].value] == [None, None, None]
    # The bold mean row between bulk rows, its cells in column order
    assert [c.value for c in sheet[5]][:4] == ["TB", "Trung bình", 0.5, 10]
    assert all(sheet.cell(5, j).font.b for j in range(1, 5))
    assert sheet["C5"].number_format == "0.0000"
    # A text is never a formula
    assert sheet["B6"].value == "=1+1" and sheet["B6"].data_type == "s"
    assert sheet["D6"].value == 8 and sheet["D6"].font.b is not True
    # Excel wants a row's cells in column order: the toned cells (one by one) among the bulk ones
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    for row in re.findall(r"<row [^>]*>(.*?)</row>", xml):
        assert re.findall(r'<c r="([A-Z]+)', row) == sorted(re.findall(r'<c r="([A-Z]+)', row))
    assert re.findall(r'<c r="([A-Z]+)3"', xml) == ["A", "B", "C", "D", "E"]


def test_number_columns_given_whole_write_the_sheet_the_rows_write() -> None:
    # a view built from a matrix also hands its number columns as float arrays (NaN: no value); the sheet
    # must be the one its rows write: values, blanks, a bold row, a toned and a places column, widths
    columns = [
        Column("unit", "Mã"),
        Column("dti", "DTI", "value", 4),
        Column("up", "Bậc", "places"),
        Column("toned", "Mức", "value", 2, tone="tone"),
    ]
    matrix = np.array([[0.61234, 3.0, 0.5], [np.nan, -2.0, np.nan], [0.123456789012, 0.0, 0.25]])
    rows = [
        {"unit": u, "dti": None if math.isnan(a) else a, "up": b, "toned": None if math.isnan(c) else c}
        for u, (a, b, c) in zip(["X1", "X2", "TB"], matrix.tolist(), strict=True)
    ]
    rows[0]["tone"], rows[2]["mean"] = "met", True
    whole = {"dti": matrix[:, 0], "up": matrix[:, 1], "toned": matrix[:, 2]}
    plain = View(None, columns, rows, strong="mean", sheet="Giá trị")
    given = View(None, columns, rows, strong="mean", sheet="Giá trị", numbers=whole)
    sheets = []
    for view in (plain, given):
        with zipfile.ZipFile(io.BytesIO(views_workbook([view]))) as book:
            sheets.append(book.read("xl/worksheets/sheet1.xml"))
    assert sheets[0] == sheets[1]
    assert b'<c r="B4" s="' in sheets[0] and b"<v>0.123456789012</v>" in sheets[0]
