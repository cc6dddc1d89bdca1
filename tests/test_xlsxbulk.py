"""Whole columns written at once (dti/write/xlsxbulk.py): the workbook reads as one written cell by cell."""

from __future__ import annotations

import io
import math
import random
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
import xlsxwriter
from isal import isal_zlib

from dti.views import Column, View
from dti.write.xlsx import views_workbook
from dti.write.xlsxbook import Book, clean, cleaned
from dti.write.xlsxbulk import BulkSheet
from dti.write.xlsxparts import DEFLATE_LEVEL
from tests.conftest import soffice_convert


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


def _sheet_parts(fill: Any) -> tuple[bytes, ...]:
    """The first sheet's XML and the shared strings (and a chart) of a workbook `fill(book, sheet)`
    writes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    fill(book, book.add_worksheet("Giá trị", worksheet_class=BulkSheet))
    book.close()
    with zipfile.ZipFile(buffer) as archive:
        names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/charts/chart1.xml"]
        return tuple(archive.read(n) for n in names if n in archive.namelist())


@pytest.mark.parametrize("default_height", [None, 20])
def test_whole_columns_write_the_xml_of_cells_written_one_by_one(default_height: int | None) -> None:
    # 40 rows (three 16-row span groups), a gap, a taller row, a bold row written cell by cell among the
    # bulk ones, a column in two looks, repeated texts: the sheet and its shared strings as XlsxWriter
    # writes them cell by cell
    # (the formats are numbered in the order cells first use them: here the order the columns are given)
    names = [f"Xã Tân Phú {k % 7}" if (k + 1) % 5 else None for k in range(40)]
    points = np.array([k * 0.1 + 1 / 3 if (k + 1) % 4 else np.nan for k in range(40)])
    places = np.array([float((k + 2) % 3 - 1) for k in range(40)])

    def fill(book: Any, sheet: Any, whole: bool) -> None:
        plain, up, down = (book.add_format({"font_color": c}) for c in ("#000000", "#1E7B34", "#C0392B"))
        sheet.write_string(0, 0, "Mã")
        sheet.write_string(0, 1, "Điểm")
        sheet.set_row(7, 30)
        if default_height:  # every row's tag then carries its height: XlsxWriter writes each
            sheet.set_default_row(default_height)
        for k in (12, 20):
            sheet.write_string(k + 1, 2, "Trung bình", book.add_format({"bold": True}))
        top = 1
        if whole:
            sheet.strings(top, 0, names, plain)
            sheet.numbers(top, 1, points, plain)
            sheet.numbers(top, 3, np.where(places > 0, places, np.nan), up)
            sheet.numbers(top, 3, np.where(places < 0, places, np.nan), down)
            return
        for k in range(40):
            if names[k] is not None:
                sheet.write_string(top + k, 0, names[k], plain)
            if not np.isnan(points[k]):
                sheet.write_number(top + k, 1, points[k], plain)
            if places[k]:
                sheet.write_number(top + k, 3, places[k], up if places[k] > 0 else down)

    whole = _sheet_parts(lambda book, sheet: fill(book, sheet, True))
    alone = _sheet_parts(lambda book, sheet: fill(book, sheet, False))
    assert whole[0] == alone[0]
    assert whole[1] == alone[1]
    assert b'<row r="8" spans="1:4" ht="30" customHeight="1">' in whole[0]
    assert bool(re.search(rb'<row r="9" [^>]*customHeight="1"', whole[0])) == bool(default_height)
    assert b'<c r="B3" s="1"><v>0.4333333333333333</v></c>' in whole[0]
    assert b"<v>1.333333333333333</v>" in whole[0]  # 16 significant digits, as XlsxWriter writes


def test_a_chart_of_whole_columns_caches_the_values_its_cells_hold() -> None:
    # a chart's cached points are read from the sheet: a bulk column's numbers (16 digits, a small 'e'),
    # its texts, its gaps and a cell written alone, as XlsxWriter reads cells written one by one
    names = [f"Xã {k}" if k != 3 else None for k in range(20)]
    values = [k / 7 if k % 6 else None for k in range(20)]
    values[4] = 1.5e-05

    def fill(book: Any, sheet: Any, whole: bool) -> None:
        look = book.add_format({"num_format": "0.0000"})
        sheet.write_string(0, 0, "Đơn vị")
        sheet.write_string(0, 1, "DTI")
        if whole:
            sheet.strings(1, 0, names, None)
            sheet.numbers(1, 1, np.array([math.nan if v is None else v for v in values]), look)
        else:
            for k, (name, value) in enumerate(zip(names, values, strict=True), start=1):
                if name is not None:
                    sheet.write_string(k, 0, name)
                if value is not None:
                    sheet.write_number(k, 1, value, look)
        sheet.write_blank(7, 1, None, look)  # a cell alone among the bulk ones: cached as ''
        chart = book.add_chart({"type": "column"})
        chart.add_series({"categories": ["Giá trị", 1, 0, 20, 0], "values": ["Giá trị", 1, 1, 20, 1]})
        sheet.insert_chart(1, 3, chart)

    whole = _sheet_parts(lambda book, sheet: fill(book, sheet, True))
    alone = _sheet_parts(lambda book, sheet: fill(book, sheet, False))
    assert whole == alone
    assert b"<c:v>1.5e-05</c:v>" in whole[2] and b"<c:v>X\xc3\xa3 19</c:v>" in whole[2]


def test_a_workbook_is_deflated_fast_and_xlsxwriter_left_as_it_was() -> None:
    rows = [{"unit": f"X{k}", "dti": k / 7} for k in range(3000)]
    view = View(None, [Column("unit", "Mã"), Column("dti", "DTI", "value", 4)], rows, sheet="DTI")
    data = views_workbook([view])
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile and zipfile.crc32 is zlib.crc32  # left as it was
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        xml = archive.read(sheet)  # inflated and its CRC checked by zipfile
    assert sheet.compress_type == zipfile.ZIP_DEFLATED
    assert sheet.compress_size == len(isal_zlib.compress(xml, DEFLATE_LEVEL, wbits=-15))  # isal's raw deflate
    assert sheet.compress_size != len(zlib.compress(xml)) - 6  # not zlib's (its 2-byte header, 4-byte sum)
    assert openpyxl.load_workbook(io.BytesIO(data))["DTI"]["B3001"].value == 428.4285714285714  # 2999/7


def test_a_marked_number_column_is_as_wide_as_its_widest_marked_cell() -> None:
    # 'Hạng' 4; '3 p' 3; '12345' 5; an empty cell marked 'công bố' 8: width 8 + 2
    rows = [
        {"rank": 3.0, "mark": "p"},
        {"rank": 12345.0, "mark": None},
        {"rank": None, "mark": "công bố"},
        {"rank": 7.0, "mark": "p"},
    ]
    view = View(None, [Column("rank", "Hạng", "int", marker="mark")], rows, sheet="Hạng")
    sheet = openpyxl.load_workbook(io.BytesIO(views_workbook([view])))["Hạng"]
    assert sheet.column_dimensions["A"].width == pytest.approx(10 + 0.7109375)
    rows[2]["mark"] = None  # then the widest is 12345
    sheet = openpyxl.load_workbook(io.BytesIO(views_workbook([view])))["Hạng"]
    assert sheet.column_dimensions["A"].width == pytest.approx(7 + 0.7109375)


@pytest.mark.slow
@pytest.mark.parametrize("compact", [False, True])
def test_libreoffice_reads_a_workbook_of_whole_columns(tmp_path: Path, compact: bool) -> None:
    # the bulk rows' XML (compact: without references, an empty cell in each gap) and the faster deflate
    # make a file an office suite opens as written
    rows = [{"unit": f"X{k}", "name": f"Xã Tân Phú {k}", "dti": k / 8 if k % 3 else None} for k in range(300)]
    columns = [Column("unit", "Mã"), Column("name", "Tên đơn vị"), Column("dti", "DTI", "value", 4)]
    columns += [Column("note", "Ghi chú"), Column("rank", "Hạng", "int")]  # a column of none, then one
    for k, row in enumerate(rows):
        row["rank"] = k + 1 if k % 4 else None
    book = Book("vi", ",", compact=compact)
    book.table(book.sheet("Giá trị", "1"), View(None, columns, rows))
    source = tmp_path / "gia_tri.xlsx"
    source.write_bytes(book.close())
    assert ('<c r="B2"' not in zipfile.ZipFile(source).read("xl/worksheets/sheet1.xml").decode()) == compact
    lines = (
        soffice_convert(source, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "csv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    assert lines[0] == "Mã,Tên đơn vị,DTI,Ghi chú,Hạng"
    assert lines[1:4] == ["X0,Xã Tân Phú 0,,,", "X1,Xã Tân Phú 1,0.1250,,2", "X2,Xã Tân Phú 2,0.2500,,3"]
    assert len(lines) == 301 and lines[-1] == "X299,Xã Tân Phú 299,37.3750,,300"


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_random_sheets_of_whole_columns_read_as_written_cell_by_cell(
    seed: int, compact: bool, tmp_path: Path
) -> None:
    # columns of numbers or texts in two looks, gaps, bold cells written alone among them, taller rows:
    # every cell's value, type, font and number format, the heights, the spans and the cells' order the
    # same as XlsxWriter's cell by cell (the formats' and shared strings' numbering may differ); a compact
    # sheet's bulk rows (no references, an empty cell for each gap) read the same, by openpyxl and by dti,
    # its numbers each exactly the number given (XlsxWriter's to 16 digits)
    from dti.io.xlsx import read_xlsx

    rnd = random.Random(seed)
    size, top = rnd.randint(1, 60), rnd.randint(0, 20)
    numbers = [rnd.random() * 10 ** rnd.randint(-8, 8), rnd.randint(-5, 5), 1e-05]
    columns = {}
    for col in rnd.sample(range(8), rnd.randint(1, 5)):
        kind = rnd.choice("ns")
        choices = numbers if kind == "n" else ["Xã A", "x y", "t&<>", " lề "]
        cells = [None if rnd.random() < 0.3 else rnd.choice(choices) for _ in range(size)]
        columns[col] = (kind, cells, [rnd.randint(0, 1) for _ in range(size)])
    alone = {(rnd.randint(0, top + size + 3), rnd.randint(0, 9)) for _ in range(rnd.randint(0, 4))}
    taller = [rnd.randint(0, top + size + 3) for _ in range(rnd.randint(0, 2))]

    def fill(book: Any, sheet: Any, whole: bool) -> None:
        looks = [book.add_format({"font_color": c, "num_format": "0.00"}) for c in ("#1E7B34", "#C0392B")]
        for row in taller:
            sheet.set_row(row, 25)
        for col, (kind, cells, look) in columns.items():
            kept = [None if (top + i, col) in alone else v for i, v in enumerate(cells)]
            for k in (0, 1) if whole else ():
                part = [v if look[i] == k else None for i, v in enumerate(kept)]
                if kind == "n":
                    sheet.numbers(top, col, np.array([math.nan if v is None else v for v in part]), looks[k])
                else:
                    sheet.strings(top, col, part, looks[k])
            for i, value in enumerate(kept if not whole else []):
                if value is not None:
                    write = sheet.write_number if kind == "n" else sheet.write_string
                    write(top + i, col, value, looks[look[i]])
        for row, col in alone:
            sheet.write_string(row, col, "Trung bình", book.add_format({"bold": True}))

    def read(whole: bool) -> list[Any]:
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet("Giá trị", worksheet_class=BulkSheet)
        sheet.compact = compact
        fill(book, sheet, whole)
        book.close()
        saved = tmp_path / f"{whole}.xlsx"
        saved.write_bytes(buffer.getvalue())
        grid = read_xlsx(saved, None)
        sheet = openpyxl.load_workbook(buffer)["Giá trị"]
        if compact and whole:  # every number read back as itself
            numbers = {
                (top + i, col): v for col, (kind, cells, _) in columns.items() for i, v in enumerate(cells)
            }
            read = [(c.row - 1, c.column - 1, c.value) for row in sheet.iter_rows() for c in row]
            assert all(
                v == numbers[r, c] for r, c, v in read if isinstance(v, float | int) and (r, c) in numbers
            )
        cells = [
            (
                c.coordinate,
                _16(c.value),
                c.data_type,
                c.font.b,
                c.font.color and c.font.color.rgb,
                c.number_format,
            )
            for row in sheet.iter_rows()
            for c in row
            if c.value is not None
        ]
        heights = sorted((k, d.height) for k, d in sheet.row_dimensions.items() if d.height)
        xml = zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml").decode()
        tags = re.findall(r"<row [^>]*>", xml)
        values = [
            [
                _16(n) if n == n else c.texts[k]
                for n, k in zip(c.native.tolist(), c.codes.tolist(), strict=True)
            ]
            for c in grid.columns
        ]
        seen = [[_16(_float(h)) for h in grid.header], values, grid.rows.tolist()]
        refs = [] if compact else re.findall(r'<c r="([A-Z]+\d+)"', xml)
        return [cells, heights, tags, refs, sheet.dimensions, seen]

    assert read(True) == read(False)


def _float(text: str) -> float | str:
    """A number's text (a header cell) as the number, any other text as it is."""
    try:
        return float(text)
    except ValueError:
        return text


def _16(value: Any) -> Any:
    """A number as XlsxWriter writes it (16 significant digits), read back; anything else as it is."""
    return float(f"{value:.16G}") if isinstance(value, float) else value


@pytest.mark.parametrize(
    "odd", ["", "dòng 1\r\ndòng 2", "chuông\x07", "\x85NEL", "xóa\x7f", "x" * 40_000, "tab\tvà\nxuống dòng"]
)
def test_texts_cleaned_at_once_are_each_texts_clean_text(odd: str) -> None:
    texts = [f"Xã Tân Phú {k}" for k in range(50)] + [odd, "Xã Tân Phú 3", odd]
    assert cleaned(texts) == {t: clean(t) for t in texts}
    assert list(cleaned(texts)) == list(dict.fromkeys(texts))  # in the order first given
