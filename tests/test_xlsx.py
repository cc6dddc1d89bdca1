"""The streaming .xlsx reader (dti/io/xlsx.py): each feature it reads, on workbook parts written by hand."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from dti.io.grid import Column, Grid, InputError
from dti.io.xlsx import XlsxLimits, read_xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
# Cell styles: 0 General, 1 built-in 9 (0%), 2 built-in 10 (0.00%), 3 custom 0.0%, 4 a date, 5 0.00.
STYLES = (
    f'{HEAD}<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/>'
    '<xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>'
)


def book(
    path: Path,
    rows: str | list[str],
    *,
    shared: list[str] | None = None,
    prolog: str = "",
    shared_prolog: str = "",
    charts: tuple[str, ...] = (),
    root: str = f'<worksheet xmlns="{MAIN}">',
) -> Path:
    """A workbook from its parts: sheets named S1, S2… holding `rows` (each sheet's <sheetData>), then
    chart sheets; shared strings as given (each an <si>'s inner XML), the STYLES above."""
    sheets = [rows] if isinstance(rows, str) else rows
    end = root.split()[0].replace("<", "</") + ">"
    parts = {
        "[Content_Types].xml": f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": f'{HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
    }
    entries, rels = [], [f'<Relationship Id="rS" Type="{OFFICE}/styles" Target="styles.xml"/>']
    # Listed in reverse file order: the workbook's order, not the part names, says which sheet is first.
    for i, data in enumerate(sheets, start=1):
        part = f"worksheets/sheet{len(sheets) + 1 - i}.xml"
        parts[f"xl/{part}"] = f"{HEAD}{prolog}{root}<sheetData>{data}</sheetData>{end}"
        entries.append(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{OFFICE}/worksheet" Target="{part}"/>')
    for i, name in enumerate(charts, start=len(sheets) + 1):
        parts[f"xl/chartsheets/sheet{i}.xml"] = f'{HEAD}<chartsheet xmlns="{MAIN}"/>'
        entries.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(
            f'<Relationship Id="rId{i}" Type="{OFFICE}/chartsheet" Target="chartsheets/sheet{i}.xml"/>'
        )
    if charts:  # a chart sheet listed first: the first worksheet is still the one read
        entries.insert(0, entries.pop())
    parts["xl/workbook.xml"] = (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>{"".join(entries)}</sheets></workbook>'
    )
    if shared is not None:
        rels.append(f'<Relationship Id="rT" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>')
        items = "".join(f"<si>{s}</si>" for s in shared)
        parts["xl/sharedStrings.xml"] = (
            f'{HEAD}{shared_prolog}<sst xmlns="{MAIN}" count="{len(shared)}">{items}</sst>'
        )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{HEAD}<Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


HEADER = f'<row r="1">{text("A1", "unit")}{text("B1", "value")}</row>'


def cells(grid: Grid, j: int) -> list[str]:
    return list(grid.columns[j].cells())


def test_shared_strings(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    rows += '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>1</v></c></row>'
    grid = read_xlsx(
        book(tmp_path / "s.xlsx", rows, shared=["<t>unit</t>", "<t>có</t>", "<t>Hà Nội</t>"]), None
    )
    assert grid.header == ["unit", "có"] and cells(grid, 0) == ["Hà Nội"] and cells(grid, 1) == ["có"]


def test_rich_text_runs_are_joined_without_phonetic_runs(tmp_path: Path) -> None:
    rich = '<r><rPr><b/></rPr><t xml:space="preserve">Hà </t></r><r><t>Nội</t></r>'
    rich += '<rPh sb="0" eb="1"><t>x</t></rPh>'
    rows = HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    grid = read_xlsx(book(tmp_path / "r.xlsx", rows, shared=[rich]), None)
    assert cells(grid, 0) == ["Hà Nội"]


def test_inline_strings_are_nfc(tmp_path: Path) -> None:
    decomposed = "Ha\u0300 No\u0323\u0302i"  # Hà Nội with combining marks
    rows = (
        HEADER
        + f'<row r="2">{text("A2", decomposed)}'
        + '<c r="B2" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>'
    )
    grid = read_xlsx(book(tmp_path / "i.xlsx", rows), None)
    assert cells(grid, 0) == ["Hà Nội"] and cells(grid, 1) == ["ab"]


def test_numbers_keep_their_text_and_value(tmp_path: Path) -> None:
    values = ["3", "3.0", "2.50", "7.5", "0.1", "1E-5", "-12", "86.32"]
    rows = HEADER + "".join(f'<row r="{r}"><c r="B{r}"><v>{v}</v></c></row>' for r, v in enumerate(values, 2))
    grid = read_xlsx(book(tmp_path / "n.xlsx", rows), None)
    assert cells(grid, 1) == ["3", "3", "2.5", "7.5", "0.1", "1e-05", "-12", "86.32"]
    assert list(grid.columns[1].native) == [3.0, 3.0, 2.5, 7.5, 0.1, 1e-05, -12.0, 86.32]
    assert not grid.columns[1].percent_cells.any()


def test_a_number_too_big_for_a_float_stays_text(tmp_path: Path) -> None:
    rows = HEADER + '<row r="2"><c r="B2"><v>1e400</v></c></row>'
    grid = read_xlsx(book(tmp_path / "big.xlsx", rows), None)
    assert cells(grid, 1) == ["1e400"] and np.isnan(grid.columns[1].native[0])


@pytest.mark.parametrize(("style", "percent"), [(0, False), (1, True), (2, True), (3, True), (5, False)])
def test_percent_styles_builtin_and_custom(tmp_path: Path, style: int, percent: bool) -> None:
    rows = (
        HEADER
        + f'<row r="2"><c r="B2" s="{style}"><v>0.8632</v></c></row><row r="3"><c r="B3"><v>1</v></c></row>'
    )
    grid = read_xlsx(book(tmp_path / "p.xlsx", rows), None)
    assert list(grid.columns[1].percent_cells) == [percent, False]
    assert grid.columns[1].native[0] == 0.8632 and cells(grid, 1)[0] == "0.8632"


def test_a_date_cell_is_its_date_text(tmp_path: Path) -> None:
    rows = HEADER + '<row r="2"><c r="B2" s="4"><v>45296</v></c></row>'
    grid = read_xlsx(book(tmp_path / "d.xlsx", rows), None)
    assert cells(grid, 1) == ["05/01/2024"] and np.isnan(grid.columns[1].native[0])


def test_booleans_errors_and_formulas_cached_values(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><f>1/2</f><v>0.5</v></c></row>'
        '<row r="3"><c r="A3" t="b"><v>0</v></c><c r="B3" t="e"><f>NA()</f><v>#N/A</v></c></row>'
        '<row r="4"><c r="A4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B4"><f>1/0</f></c></row>'
    )
    grid = read_xlsx(book(tmp_path / "f.xlsx", rows), None)
    assert cells(grid, 0) == ["1", "0", "xy"] and list(grid.columns[0].native[:2]) == [1.0, 0.0]
    assert cells(grid, 1) == ["0.5", "#N/A", ""]  # a formula without a cached value is an empty cell
    assert grid.columns[1].native[0] == 0.5 and np.isnan(grid.columns[1].native[1])


def test_references_leave_gaps_and_the_dimension_is_ignored(tmp_path: Path) -> None:
    rows = HEADER + (
        f'<row r="3"><c r="C3"><v>7</v></c></row>'  # row 2 missing, column C beyond the header
        f'<row r="5">{text("A5", "48")}</row>'  # row 4 missing
        f"<row>{text('B6', 'x')}</row>"  # no r: the row after the last
        '<row r="7"><c r="E7" s="1"/></row>'  # a styled empty cell
    )
    grid = read_xlsx(book(tmp_path / "g.xlsx", rows), None)
    assert grid.header == ["unit", "value"] and len(grid.columns) == 3  # E7 is empty: no column
    assert list(grid.rows) == [2, 3, 4, 5, 6] and list(grid.blank) == [True, False, True, False, False]
    assert cells(grid, 0) == ["", "", "", "48", ""] and cells(grid, 2) == ["", "7", "", "", ""]
    assert cells(grid, 1) == ["", "", "", "", "x"]


def test_cells_without_references_follow_each_other(tmp_path: Path) -> None:
    rows = '<row><c t="inlineStr"><is><t>unit</t></is></c><c><v>5</v></c></row>'
    rows += '<row><c r="B2"><v>1</v></c><c><v>2</v></c></row>'  # the cell after B2 is C2
    grid = read_xlsx(book(tmp_path / "n.xlsx", rows), None)
    assert grid.header == ["unit", "5"] and cells(grid, 1) == ["1"] and cells(grid, 2) == ["2"]


def test_a_far_cell_beyond_the_caps_is_refused(tmp_path: Path) -> None:
    far = HEADER + f'<row r="2">{text("F2", "x")}</row>'
    with pytest.raises(InputError, match=r"cell F2 is beyond column 5, .*DTI_XLSX_MAX_COLUMNS=N"):
        read_xlsx(book(tmp_path / "c.xlsx", far), None, XlsxLimits(columns=5))
    assert len(read_xlsx(tmp_path / "c.xlsx", None, XlsxLimits(columns=6)).columns) == 6
    down = HEADER + f'<row r="11">{text("A11", "x")}</row><row r="900000"><c r="A900000" s="1"/></row>'
    with pytest.raises(InputError, match=r"rows beyond row 10, .*DTI_XLSX_MAX_ROWS=N"):
        read_xlsx(book(tmp_path / "r.xlsx", down), None, XlsxLimits(rows=10))
    assert len(read_xlsx(tmp_path / "r.xlsx", None, XlsxLimits(rows=11)).rows) == 10  # empty A900000: no row


def test_every_cell_counts_toward_the_cell_cap(tmp_path: Path) -> None:
    empty = "".join(f'<c r="{letter}2" s="1"/>' for letter in "CDEFGH")  # styled, empty: still parsed
    path = book(tmp_path / "e.xlsx", HEADER + f'<row r="2"><c r="A2"><v>1</v></c>{empty}</row>')
    with pytest.raises(InputError, match=r"more than 8 cells, .*DTI_XLSX_MAX_CELLS=N"):
        read_xlsx(path, None, XlsxLimits(cells=8))
    assert len(read_xlsx(path, None, XlsxLimits(cells=9)).columns) == 2
    wide = book(tmp_path / "w.xlsx", HEADER + '<row r="4"><c r="J4"><v>1</v></c></row>')
    with pytest.raises(InputError, match=r"spans 4 rows × 10 columns"):
        read_xlsx(wide, None, XlsxLimits(cells=39))


def test_an_entity_declaration_is_refused_at_once(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    rows = HEADER + f'<row r="2">{text("A2", "&i;")}</row>'
    path = book(tmp_path / "lol.xlsx", rows, prolog=f"<!DOCTYPE worksheet [{entities}]>")
    begun = time.perf_counter()
    with pytest.raises(InputError, match="not a readable Excel file: EntitiesForbidden"):
        read_xlsx(path, None)
    assert time.perf_counter() - begun < 1
    shared = book(
        tmp_path / "s.xlsx", HEADER, shared=["<t>&i;</t>"], shared_prolog=f"<!DOCTYPE sst [{entities}]>"
    )
    with pytest.raises(
        InputError, match="not a readable Excel file: EntitiesForbidden"
    ):  # shared strings too
        read_xlsx(shared, None)


@pytest.mark.parametrize(
    "rows",
    [
        HEADER + '<row r="2"><c r="A2"><v>1</v></c>',  # truncated
        HEADER + '<row r="2"><c r="A2"><v>1</c></row>',  # mismatched tag
        HEADER + '<row r="2"><c r="2A"><v>1</v></c></row>',  # not a cell reference
        HEADER + '<row r="2"><c r="A2"><v>one</v></c></row>',  # not a number
        HEADER + '<row r="2"><c r="A2" t="s"><v>7</v></c></row>',  # no shared string 7
        HEADER + '<row r="x"><c r="A2"><v>1</v></c></row>',  # not a row number
        HEADER + '<row r="2">' + text("A2", "&undefined;") + "</row>",  # an undeclared entity
    ],
    ids=["truncated", "mismatched", "reference", "number", "shared-index", "row-number", "entity"],
)
def test_a_broken_sheet_is_unreadable(tmp_path: Path, rows: str) -> None:
    with pytest.raises(InputError, match="not a readable Excel file: "):
        read_xlsx(book(tmp_path / "b.xlsx", rows, shared=[]), None)


def test_a_prefixed_namespace_reads_the_same(tmp_path: Path) -> None:
    rows = (
        HEADER.replace("<", "<x:").replace("<x:/", "</x:")
        + '<x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row>'
    )
    path = book(tmp_path / "x.xlsx", rows, root=f'<x:worksheet xmlns:x="{MAIN}">')
    grid = read_xlsx(path, None)
    assert grid.header == ["unit", "value"] and cells(grid, 1) == ["5"]


def test_sheets_by_name_the_first_worksheet_and_chart_sheets(tmp_path: Path) -> None:
    first = HEADER + '<row r="2"><c r="B2"><v>1</v></c></row>'
    second = HEADER + '<row r="2"><c r="B2"><v>2</v></c></row>'
    path = book(tmp_path / "s.xlsx", [first, second], charts=("Chart",))
    assert read_xlsx(path, None).sheet == "S1" and cells(read_xlsx(path, None), 1) == ["1"]
    assert cells(read_xlsx(path, "S2"), 1) == ["2"]
    with pytest.raises(InputError, match=r"sheet 'Chart' is a chart, not a worksheet"):
        read_xlsx(path, "Chart")
    with pytest.raises(InputError, match=r"no sheet 'S9' \(sheets: Chart, S1, S2\)"):
        read_xlsx(path, "S9")
    only_chart = book(tmp_path / "c.xlsx", [], charts=("Chart",))
    with pytest.raises(InputError, match="the workbook has no worksheet"):
        read_xlsx(only_chart, None)


def test_not_a_workbook_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(InputError, match="not a readable Excel file: "):
        read_xlsx(path, None)
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(InputError, match="not a readable Excel file: BadZipFile"):
        read_xlsx(path, None)


def test_a_workbook_excel_would_write_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    """openpyxl as the oracle: what it reads, cell by cell, with the texts dti has always made of it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Mã", "Tên", "Tỷ lệ", "Có", 2023, None])
    sheet.append(["01", "Hà Nội", 0.8632, True, 12, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["48", "Đà Nẵng", 0.5, False, 7.25, "ghi chú"])
    sheet.append([1, "=1+1", 1e-7, None, -3, None])
    sheet["C2"].number_format = "0.00%"
    sheet.merge_cells("A5:B5")
    path = tmp_path / "o.xlsx"
    workbook.save(path)
    grid = read_xlsx(path, None)
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    expected = [[_old_text(cell.value) for cell in row] for row in book.active.iter_rows()]
    book.close()
    assert grid.header == ["Mã", "Tên", "Tỷ lệ", "Có", "2023"]
    got = [[grid.columns[j].cells()[i] for j in range(len(grid.columns))] for i in range(len(grid.rows))]
    assert got == [row[: len(grid.columns)] for row in expected[1:]]
    assert list(grid.columns[2].percent_cells) == [True, False, False, False]


def _old_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(value)
    return "" if value is None else str(value)


@pytest.mark.parametrize("extra", [0, 1])
def test_a_sheet_of_many_texts_gives_them_as_arrow_arrays_too(tmp_path: Path, extra: int) -> None:
    """At ARROW_TEXTS distinct texts and more, each column's texts are also a pyarrow array (the engine
    parses them vectorised, as a large CSV's): the same texts, blank and empty as the column's own."""
    from dti.numbers import ARROW_TEXTS

    n = ARROW_TEXTS // 2 - 3 + extra  # two columns: n numbers or n texts, and two blank or empty cells each
    rows, wide_space = [HEADER], "\u3000"
    for i in range(n):
        rows.append(f'<row r="{i + 2}"><c r="A{i + 2}"><v>{i}.5</v></c>{text(f"B{i + 2}", f"x {i}")}</row>')
    rows.append(f'<row r="{n + 2}">{text(f"A{n + 2}", " ")}{text(f"B{n + 2}", wide_space)}</row>')
    rows.append(f'<row r="{n + 3}"><c r="B{n + 3}" t="str"><v>1,5</v></c></row>')
    grid = read_xlsx(book(tmp_path / "many.xlsx", "".join(rows)), None)
    assert sum(len(c.texts) for c in grid.columns) == ARROW_TEXTS - 2 + 2 * extra
    for column in grid.columns:
        assert (column.arrow is not None) == bool(extra)
        if column.arrow is not None:
            assert column.arrow.to_pylist() == column.texts
        python = Column(column.codes, column.texts)
        assert column.blank.tolist() == python.blank.tolist()
        assert column.empty.tolist() == python.empty.tolist()
    assert grid.columns[0].texts[-2:] == [" ", ""] and grid.columns[1].blank[-2:].tolist() == [True, False]
