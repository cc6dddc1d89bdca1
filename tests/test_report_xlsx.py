"""The Excel writer: numbers as numbers with formats, text never a formula, sheets, charts, the summary.

Workbooks are read back with openpyxl. Expected values are written by hand from the inputs.
"""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from dti.views import Column, View
from dti.views.document import Chart, Document, Fact, Section, Series
from dti.write.xlsx import document_workbook, views_workbook
from dti.write.xlsxbook import number_format, sheet_names
from dti.write.xlsxchart import ACCENT, bins

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_data"


def read(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def kinds_view() -> View:
    columns = [
        Column("name", "tên"),
        Column("value", "giá trị", "value", 4),
        Column("points", "điểm", "points"),
        Column("rank", "hạng", "int", marker="mark"),
        Column("pct", "Δ%", "pct"),
        Column("places", "± bậc", "places"),
        Column("signed", "Δ thẩm định", "signed"),
        Column("ok", "đạt", "bool"),
        Column("codes", "mã", "list"),
    ]
    rows = [
        {
            "name": "Thừa Thiên Huế",
            "value": 0.84355,
            "points": 12.5,
            "rank": 3,
            "mark": "p",
            "pct": 18.5,
            "places": -3,
            "signed": 1.25,
            "ok": True,
            "codes": ["CQS", "KTS"],
        },
        {"name": "=SUM(A1)", "value": None, "points": math.nan, "rank": None, "pct": math.inf},
        {"name": "+84 912", "places": 0},
        {"name": "-"},
        {"name": "@home"},
        {"name": "a\x01b\x1bc"},
    ]
    return View("DTI 2024: 6 đơn vị", columns, rows, notes=["Ghi chú: số liệu tạm thời"], sheet="Xếp hạng")


def test_numbers_are_numbers_with_the_format_of_their_kind() -> None:
    sheet = read(views_workbook([kinds_view()], "vi", ","))["Xếp hạng"]
    # Row 1 is the title, row 2 the header, row 3 the first unit.
    cells = {c.column_letter: c for c in sheet[3]}
    assert cells["B"].value == 0.84355 and cells["B"].data_type == "n"  # stored unrounded
    assert cells["B"].number_format == "0.0000"
    assert (cells["C"].value, cells["C"].number_format) == (12.5, "0.00")
    assert (cells["D"].value, cells["D"].number_format) == (3, '0" p"')  # the published-rank marker
    assert cells["E"].value == pytest.approx(0.185)  # 18.5 % as Excel's fraction
    assert cells["E"].number_format == "+0.0%;-0.0%;0.0%"
    assert (cells["F"].value, cells["F"].number_format) == (-3, '"▲ "0;"▼ "0;"= "0')
    assert (cells["G"].value, cells["G"].number_format) == (1.25, "+0.00;-0.00;0.00")
    assert (cells["H"].value, cells["H"].data_type) == ("có", "s")
    assert cells["I"].value == "CQS KTS"


def test_missing_values_are_empty_cells() -> None:
    sheet = read(views_workbook([kinds_view()], "vi", ","))["Xếp hạng"]
    assert [sheet[f"{c}4"].value for c in "BCDE"] == [None, None, None, None]  # None, NaN, None, inf
    assert sheet["F5"].value == 0  # zero is a value, not a missing one


def test_text_that_looks_like_a_formula_is_text() -> None:
    data = views_workbook([kinds_view()], "vi", ",")
    sheet = read(data)["Xếp hạng"]
    for row, text in ((4, "=SUM(A1)"), (5, "+84 912"), (6, "-"), (7, "@home")):
        assert (sheet[f"A{row}"].value, sheet[f"A{row}"].data_type) == (text, "s")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula anywhere


def test_control_characters_do_not_corrupt_the_file() -> None:
    sheet = read(views_workbook([kinds_view()], "vi", ","))["Xếp hạng"]
    assert sheet["A8"].value == "a\ufffdb\ufffdc"


def test_layout_title_header_freeze_filter_notes() -> None:
    sheet = read(views_workbook([kinds_view()], "vi", ","))["Xếp hạng"]
    assert sheet["A1"].value == "DTI 2024: 6 đơn vị"
    assert [c.value for c in sheet[2]][:3] == ["tên", "giá trị", "điểm"]
    assert sheet["A2"].font.b and sheet["B2"].font.b
    assert sheet.freeze_panes == "A3"  # below the header
    assert sheet.auto_filter.ref == "A2:I8"  # header and six rows, nine columns
    assert sheet["A10"].value == "Ghi chú: số liệu tạm thời"  # one blank row after the table


def test_strong_rows_indent_widths_and_wrap() -> None:
    long = "Một đoạn văn rất dài " * 10  # 210 characters
    view = View(
        None,
        [Column("code", "mã", indent="level"), Column("name", "tên"), Column("v", "giá trị", "value", 2)],
        [
            {"code": "DTI", "level": 0, "name": "Tổng", "v": 0.5, "inner": True},
            {"code": "CQS", "level": 1, "name": long, "v": 0.25, "inner": False},
        ],
        strong="inner",
    )
    sheet = read(views_workbook([view], "vi", ","))["Bảng 1"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"  # no title: header in row 1
    assert sheet["A2"].font.b and sheet["C2"].font.b and not sheet["A3"].font.b
    assert sheet["C2"].number_format == "0.00"
    assert (sheet["A2"].alignment.indent, sheet["A3"].alignment.indent) == (0, 1)
    assert sheet.column_dimensions["B"].width == pytest.approx(62, abs=1)  # capped at 60 (+2)
    assert sheet["B3"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width < 10  # 'mã', 'DTI', '  CQS'


def test_sheet_names_are_valid_and_unique() -> None:
    # Two titles that are equal in their first 31 characters, and characters Excel refuses.
    first = View("Chỉ số thành phần của Thừa Thiên Huế năm 2024", [Column("a", "a")], [])
    second = View("Chỉ số thành phần của Thừa Thiên Huế năm 2023", [Column("a", "a")], [])
    third = View(None, [Column("a", "a")], [], sheet="Mục tiêu [đạt/chưa]: *?")
    names = read(views_workbook([first, second, third], "vi", ",")).sheetnames
    assert names == ["Chỉ số thành phần của Thừa", "Chỉ số thành phần của Thừa (2)", "Mục tiêu đạt chưa"]
    assert sheet_names(["History", "a", "A", ""], "Bảng") == ["History (2)", "a", "A (2)", "Bảng"]
    assert all(len(n) <= 31 for n in sheet_names(["x" * 40] * 12, "t"))
    assert sheet_names(["x" * 40] * 11, "t")[10] == "x" * 26 + " (11)"


def test_empty_list_of_views_still_makes_a_workbook() -> None:
    assert read(views_workbook([], "en", ".")).sheetnames == ["Table"]


def test_number_formats_by_kind() -> None:
    assert number_format("value", 2) == "0.00"
    assert number_format("value", 0) == "0"
    assert number_format("text") is None
    assert number_format("places", marker="p") == '"▲ "0" p";"▼ "0" p";"= "0" p"'


def charted_document(lang: str = "vi") -> Document:
    ranking = View("Xếp hạng", [Column("unit", "đơn vị"), Column("v", "DTI", "value")], [], sheet="Xếp hạng")
    ranking.rows = [{"unit": u, "v": v} for u, v in (("Huế", 0.8), ("Đà Nẵng", 0.7), ("Hà Nội", 0.6))]
    bar = Chart(
        "ranking", "bar", "Xếp hạng DTI", ["Huế", "Đà Nẵng", "Hà Nội"], [Series("DTI", [0.8, 0.7, 0.6])]
    )
    bar = Chart(**{**bar.__dict__, "highlight": [1], "limits": (0.0, 1.0)})
    spread = Chart("spread", "histogram", "Phân bố", [], [Series("DTI", [0.05, 0.15, 0.15, 0.95])], bins=10)
    spread = Chart(**{**spread.__dict__, "limits": (0.0, 1.0)})
    trend = Chart("trend", "line", "=Thứ hạng", ["2022", "2023", "2024"], [Series("Huế", [12, 5, 1])])
    trend = Chart(**{**trend.__dict__, "invert": True, "axis": "hạng"})
    pillars = Chart(
        "pillars", "hbar", "Trụ cột", ["CQS", "KTS"], [Series("Huế", [0.5, 0.6]), Series("TB", [0.4, 0.5])]
    )
    band = Chart(
        "band",
        "interval",
        "Khoảng",
        ["A", "B"],
        [Series("DTI", [0.5, None], low=[0.4, 0.5], high=[0.65, 0.7])],
    )
    headline = Section(
        "headline",
        "Kết quả chung",
        facts=[
            Fact("DTI 2024", 0.84355, note="hạng 1/63"),
            Fact("Δ DTI so với 2023", 18.5, "pct", note="tăng 9 bậc", tone="up"),
            Fact("Tỉnh", "=Huế", "text"),
        ],
        lines=["Năm 2024, Huế đạt DTI 0,8436, xếp thứ 1/63."],
        views=[ranking],
        charts=[bar, spread],
    )
    trends = Section("trend", "Xu hướng", charts=[trend, pillars, band])
    return Document(
        "Báo cáo DTI 2024",
        "Thừa Thiên Huế",
        lang="vi" if lang == "vi" else "en",
        sections=[headline, trends],
        notes=["Phương pháp: Quyết định 922"],
    )


def test_document_summary_sheet() -> None:
    book = read(document_workbook(charted_document()))
    assert book.sheetnames == ["Tóm tắt", "Xếp hạng", "Xu hướng", "Dữ liệu biểu đồ"]
    summary = book["Tóm tắt"]
    rows = [[c for c in row if c.value is not None] for row in summary.iter_rows()]
    texts = [[c.value for c in row] for row in rows]
    assert texts[0] == ["Báo cáo DTI 2024"] and texts[1] == ["Thừa Thiên Huế"]
    dti = next(row for row in rows if row and row[0].value == "DTI 2024")
    assert [c.value for c in dti] == ["DTI 2024", 0.84355, "hạng 1/63"]
    assert dti[1].number_format == "0.0000"
    change = next(row for row in rows if row and row[0].value == "Δ DTI so với 2023")
    assert change[1].value == pytest.approx(0.185) and change[1].number_format == "+0.0%;-0.0%;0.0%"
    province = next(row for row in rows if row and row[0].value == "Tỉnh")
    assert (province[1].value, province[1].data_type) == ("=Huế", "s")
    assert ["Năm 2024, Huế đạt DTI 0,8436, xếp thứ 1/63."] in texts
    assert ["Xem trang Xếp hạng"] in texts and ["Phương pháp: Quyết định 922"] in texts
    assert read(document_workbook(charted_document("en"))).sheetnames[0] == "Summary"


def test_document_charts_are_native_excel_charts() -> None:
    book = read(document_workbook(charted_document()))
    ranking, trends = book["Xếp hạng"], book["Xu hướng"]
    assert [type(c).__name__ for c in ranking._charts] == ["BarChart", "BarChart"]
    bar, histogram = ranking._charts
    assert bar.barDir == "col" and [p.idx for p in bar.series[0].dPt] == [1]  # Đà Nẵng highlighted
    assert bar.anchor._from.col == 3  # right of the two table columns, one column apart
    assert (bar.y_axis.scaling.min, bar.y_axis.scaling.max) == (0.0, 1.0)
    line, hbar, band = trends._charts
    assert type(line).__name__ == "LineChart" and line.y_axis.scaling.orientation == "maxMin"  # rank 1 on top
    assert hbar.barDir == "bar" and len(hbar.series) == 2
    assert line.y_axis.scaling.min == 1  # no rank 0 on the axis
    assert band.series[0].errBars.errBarType == "both"
    # The axis holds the bars from 0.4 to 0.7 (a step of 0.1, the order of the span 0.3).
    assert band.y_axis.scaling.min == pytest.approx(0.4) and band.y_axis.scaling.max == pytest.approx(0.7)
    # The numbers behind the charts are on the data sheet.
    data = [[c for c in row if c is not None] for row in book["Dữ liệu biểu đồ"].iter_rows(values_only=True)]
    assert ["Xếp hạng DTI"] in data and ["Đà Nẵng", 0.7] in data
    assert ["0,0–0,1", 1] in data and ["0,1–0,2", 2] in data and ["0,9–1,0", 1] in data
    assert ["=Thứ hạng", "hạng"] in data and ["2024", 1] in data
    assert ["Khoảng"] in data and ["DTI", "thấp", "cao", "−", "+"] in data
    assert ["A", 0.5, 0.4, 0.65, pytest.approx(0.1), pytest.approx(0.15)] in data  # value, low, high, −, +
    assert ["B", 0.5, 0.7] in data  # no point, so no bar


def test_a_ranking_of_thousands_is_charted_as_runs_of_places() -> None:
    """1,000 bars (past MANY, 400) as the HTML draws them: a column per run of 3 places (1,000 / 400 up),
    each the highest value of its run, the title saying so; the highlighted unit's own value a column in
    front of its run's, in the accent colour, named in the legend."""
    values: list[float | None] = [1 - k / 1000 for k in range(1000)]
    values[3:6] = [None, 0.5, None]  # a run's highest is the value it has
    values[6:9] = [None, None, None]  # a run without a value: no column
    bar = Chart("ranking", "bar", "DTI 2024", [f"Xã {k}" for k in range(1000)], [Series("DTI", values)])
    bar = Chart(**{**bar.__dict__, "highlight": [500], "limits": (0.0, 1.0)})
    book = read(document_workbook(Document("Báo cáo", "", sections=[Section("r", "Xếp hạng", charts=[bar])])))
    chart = book["Xếp hạng"]._charts[0]
    assert len(chart.series) == 2 and chart.overlap == 100 and chart.legend is not None
    assert chart.series[1].graphicalProperties.solidFill.srgbClr == ACCENT.lstrip("#").upper()
    rows = [[c for c in r if c is not None] for r in book["Dữ liệu biểu đồ"].iter_rows(values_only=True)]
    assert rows[:2] == [["DTI 2024: cao nhất của mỗi 3 vị trí liền nhau"], ["DTI", "Xã 500"]]
    runs = {r[0]: r[1:] for r in rows if r and isinstance(r[0], str) and "–" in r[0]}
    assert len(runs) == 334 and runs["1–3"] == [1.0] and runs["4–6"] == [0.5] and runs["7–9"] == []
    # place 501 is in the run 499–501: its highest 0.502, the unit's own 0.5
    assert runs["499–501"] == [pytest.approx(0.502), pytest.approx(0.5)]
    assert runs["1000–1000"] == [pytest.approx(0.001)]
    # a highlighted unit without a value: no column of its own, no legend
    blank = Chart(**{**bar.__dict__, "highlight": [3]})
    book = read(
        document_workbook(Document("Báo cáo", "", sections=[Section("r", "Xếp hạng", charts=[blank])]))
    )
    chart = book["Xếp hạng"]._charts[0]
    assert len(chart.series) == 1 and chart.legend is None


def test_histogram_bins() -> None:
    chart = Chart("h", "histogram", "h", [], [Series("x", [0.05, 0.15, 0.15, 0.95, None])], limits=(0.0, 1.0))
    labels, counts, marked = bins(chart, ",")
    # Ten bins of 0.1 over 0..1, counted by hand.
    assert labels[0] == "0,0–0,1" and labels[-1] == "0,9–1,0"
    assert counts == [[1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]]
    no_limits = Chart("h", "histogram", "h", [], [Series("x", [2.0, 4.0])], bins=2)
    assert bins(no_limits, ".") == (["2–3", "3–4"], [[1.0, 1.0]], [])
    highlighted = Chart(**{**chart.__dict__, "highlight": [3, 4]})  # 0.95, and a unit with no value
    assert bins(highlighted, ",")[2] == [9]


def test_report_of_the_sample_data(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dti.cli import app

    output = tmp_path / "report.xlsx"
    files = [str(SAMPLES / "2024.csv"), "--previous", str(SAMPLES / "2023.csv"), "--unit", "48"]
    result = CliRunner().invoke(app, ["report", *files, "-o", str(output)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(output)
    assert book.sheetnames[0] == "Tóm tắt" and book.sheetnames[-1] == "Dữ liệu biểu đồ"
    assert sum(len(s._charts) for s in book) >= 3
    for sheet in book.worksheets[1:-1]:
        assert sheet.freeze_panes is not None and sheet.auto_filter.ref, sheet.title
    summary = [r for r in book["Tóm tắt"].iter_rows(values_only=True) if r[0] == "DTI 2024"]
    assert len(summary) == 1 and isinstance(summary[0][1], float) and 0 < summary[0][1] < 1


def test_score_table_and_breakdown_of_the_sample_data() -> None:
    from dti import views
    from dti.pipeline import evaluate

    result = evaluate([SAMPLES / "2024.csv"]).result
    assert result is not None
    spec = result.spec
    codes = views.score_columns(spec)
    table = views.score_table(result, codes, codes[0])
    unit = table.rows[0]["unit"]
    book = read(views_workbook([table, views.unit_breakdown(result, unit)], "vi", ","))
    ranking, breakdown = book.worksheets
    last = get_column_letter(len(table.columns))  # rank, unit, name, the nodes, at stake
    assert ranking.freeze_panes == "A3" and ranking.auto_filter.ref == f"A2:{last}{len(table.rows) + 2}"
    first = {ranking.cell(2, j).value: ranking.cell(3, j) for j in range(1, ranking.max_column + 1)}
    i, j = result.unit_codes.index(unit), spec.graph.index[codes[0]]
    # Sheets named by the head of the titles ('dti-province-2022, năm số liệu 2024: 63 đơn vị…').
    assert book.sheetnames == [spec.id, f"{unit} {result.unit_names[i]}"]
    assert first["hạng"].value == 1 and first["đơn vị"].value == unit and first["đơn vị"].data_type == "s"
    assert first[codes[0]].value == result.values_matrix[i, j]  # the unrounded value
    assert first[codes[0]].number_format == "0." + "0" * spec.precision
    assert first[codes[0]].font.b  # the column it is ranked by
    # The breakdown: the total row bold, the nodes under it indented by their level.
    rows = {r[0].value: r for r in breakdown.iter_rows(min_row=3)}
    assert rows[codes[0]][0].font.b and rows[codes[0]][2].value == result.points_matrix[i, j]
    child = next(r for r in views.unit_breakdown(result, unit).rows if r["level"] == 1)
    assert rows[child["code"]][0].alignment.indent == 1


def test_numpy_numbers_and_pandas_missing_values() -> None:
    import numpy as np
    import pandas as pd

    columns = [Column("v", "v", "value", 2), Column("t", "t"), Column("l", "l", "list")]
    rows = [
        {"v": np.float64(0.5), "t": pd.NA, "l": [1.5, "CQS"]},
        {"v": pd.NA, "t": np.int64(3)},
        {"v": np.float32("nan"), "t": None},
    ]
    sheet = read(views_workbook([View(None, columns, rows)], "vi", ","))["Bảng 1"]
    assert (sheet["A2"].value, sheet["A2"].number_format) == (0.5, "0.00")
    assert sheet["B2"].value is None and sheet["C2"].value == "1,5 CQS"  # the decimal comma in text
    assert sheet["A3"].value is None and sheet["B3"].value == 3
    assert sheet["A4"].value is None


def test_control_characters_in_titles_names_and_categories(tmp_path: Path) -> None:
    chart = Chart(
        "c\x01", "bar", "Biểu\x1b[31m đồ", ["A\x00", "=B"], [Series("s\x07", [1.0, 2.0])], axis="x\x02"
    )
    view = View(
        "Bảng\x0b", [Column("a\x01", "nhãn\x01")], [{"a\x01": "v\x08"}], notes=["n\x0c"], sheet="tên\x01"
    )
    doc = Document(
        "Báo\x01 cáo",
        "phụ\x1b đề",
        sections=[
            Section("s", "Mục\x01", facts=[Fact("f\x01", "x\x01", "text")], views=[view], charts=[chart])
        ],
    )
    book = read(document_workbook(doc))  # openpyxl parses every part, the chart's XML too
    assert book.sheetnames == ["Tóm tắt", "tên", "Dữ liệu biểu đồ"]
    assert book["tên"]["A1"].value == "Bảng\ufffd" and book["tên"]["A3"].value == "v\ufffd"
    data = [[c for c in r if c is not None] for r in book["Dữ liệu biểu đồ"].iter_rows(values_only=True)]
    assert ["Biểu\ufffd[31m đồ", "x\ufffd"] in data and ["A\ufffd", 1] in data and ["=B", 2] in data
    assert len(book["tên"]._charts) == 1


def test_an_interval_of_ranks() -> None:
    ranks = Series("hạng", [56.0, 61.0], low=[55.0, 60.0], high=[57.0, 61.0])
    chart = Chart(
        "robust", "interval", "Khoảng hạng", ["Đắk Nông", "Đà Nẵng"], [ranks], highlight=[1], invert=True
    )
    book = read(document_workbook(Document("t", "", sections=[Section("r", "Độ vững", charts=[chart])])))
    (excel,) = book["Độ vững"]._charts
    # One rank either side of 55..61, rank 1 at the top; Đà Nẵng in the accent colour.
    assert (excel.y_axis.scaling.min, excel.y_axis.scaling.max) == (54, 62)
    assert excel.y_axis.scaling.orientation == "maxMin"
    # A marker's colour cannot be set per point: the highlighted rank is a series of its own.
    assert len(excel.series) == 2 and not excel.series[0].dPt
    assert excel.series[1].marker.spPr.solidFill.srgbClr == ACCENT.lstrip("#").upper()
    data = book["Dữ liệu biểu đồ"]
    assert data["B3"].value == 56 and data["B3"].number_format == "0"  # ranks, not 56.0000
    assert [data["G2"].value, data["G3"].value, data["G4"].value] == ["Đà Nẵng", None, 61]


@pytest.mark.slow
def test_the_xlsx_report_imports_no_pandas(tmp_path: Path) -> None:
    # issue 25: the workbook's pyarrow arrays and scalars are made from buffers; pa.array() and
    # pa.scalar() made pyarrow import pandas (~0.25 s of a 10,000-commune report) to ask what they were given
    import subprocess
    import sys

    from .conftest import ROOT

    check = (
        "import sys; from dti.cli import main; sys.argv = ['dti', *sys.argv[1:]]\n"
        "try: main()  # dti's main(): it raises SystemExit (the program, cli.run, ends the process)\n"
        "except SystemExit: pass\n"
        "print('pandas' in sys.modules)"
    )
    data = ROOT / "sample_data"
    out = tmp_path / "bao_cao.xlsx"
    args = [
        sys.executable,
        "-c",
        check,
        "report",
        str(data / "2024.csv"),
        "--previous",
        str(data / "2023.csv"),
    ]
    done = subprocess.run([*args, "-o", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == "Tóm tắt"
