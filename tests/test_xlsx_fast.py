"""The fast path of the .xlsx reader (dti/io/xlsxfast.py): a sheet written the plain way, as office suites
write it, reads exactly as the streaming reader reads it (each test compares both); anything else is left
to the streaming reader; the caps hold, in the same order. Every test runs with both cuts of the fast path:
re.split's (a small sheet's) and the whole-array cut of dti/io/xlsxcut.py (a large sheet's)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dti.io import xlsxfast
from dti.io.grid import InputError
from dti.io.xlsx import XlsxLimits, read_xlsx
from tests.test_xlsx import book, text

PLAIN_HEADER = '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c></row>'
SHARED = [
    "<t>unit</t>",
    "<t>value</t>",
    "<t>Hà Nội</t>",
    '<r><t>Đà </t></r><r><t xml:space="preserve">Nẵng</t></r>',
]


@pytest.fixture(autouse=True, params=["split", "arrays"])
def cutter(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test with re.split's cut, and with the whole-array cut taking every piece of a sheet."""
    monkeypatch.setattr(xlsxfast, "LARGE", 1 << 62 if request.param == "split" else 0)
    return str(request.param)


def _both(
    path: Path, monkeypatch: pytest.MonkeyPatch, limits: XlsxLimits | None = None
) -> tuple[object, bool]:
    """What read_xlsx gives (a grid's columns, or the message it refuses with) by the fast path, which
    must be the same as the streaming reader's; and whether the fast path read the sheet."""
    from dti.io import xlsx as module
    from dti.io.xlsxfast import read_sheet_fast

    taken: list[bool] = []

    def spy(*args: object) -> object:
        try:
            result = read_sheet_fast(*args)  # type: ignore[arg-type]
        except InputError:
            taken.append(True)  # refused by the fast path itself
            raise
        taken.append(result is not None)
        return result

    def outcome() -> object:
        try:
            grid = read_xlsx(path, None, limits)
        except InputError as exc:
            return str(exc)
        columns = [(list(c.cells()), list(c.native), list(c.percent_cells)) for c in grid.columns]
        return grid.header, [int(r) for r in grid.rows], columns

    with monkeypatch.context() as patch:
        patch.setattr(module, "read_sheet_fast", spy)
        fast = outcome()
    with monkeypatch.context() as patch:
        patch.setattr(module, "read_sheet_fast", lambda *_: None)
        assert repr(fast) == repr(outcome())  # the streaming reader's, NaN and all
    return fast, bool(taken and taken[0])


def test_a_plain_sheet_reads_by_the_fast_path_as_by_the_streaming_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = PLAIN_HEADER + (
        '<row r="2" spans="1:3"><c r="A2" t="s"><v>2</v></c><c r="B2" s="2"><v>0.8632</v></c></row>'
        '<row r="3" spans="1:3" ht="20" customHeight="1"/>'  # an empty row, formatted
        '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s" s="1"><v>2</v></c>'
        '<c r="C4" s="5"><v>7</v></c>'
        '<c r="D4" s="1"/></row>'  # t before s; a styled empty cell
        '<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6"><f>1/2</f><v>0.5</v></c><c r="C6" t="e">'
        "<f>NA()</f><v>#N/A</v></c></row>"
        '<row><c r="A7" t="str"><f t="shared" ref="A7:A8" si="0">"x"</f><v>xy</v></c><c r="B7"><f>1/0</f></c>'
        '<c r="C7" s="4"><v>45296</v></c></row>'  # no r: the row after 6; a date
    )
    fast, taken = _both(book(tmp_path / "p.xlsx", rows, shared=SHARED), monkeypatch)
    assert taken
    header, numbers, columns = fast  # type: ignore[misc]
    assert header == ["unit", "value"] and numbers == [2, 3, 4, 5, 6, 7] and len(columns) == 3  # D4: none
    assert columns[0][0] == ["Hà Nội", "", "Đà Nẵng", "", "1", "xy"]
    assert columns[1][0] == ["0.8632", "", "Hà Nội", "", "0.5", ""]  # B7: a formula without its value
    assert columns[1][2] == [True, False, False, False, False, False]  # 0.00% (style 2); B4 is a text
    assert columns[2][0] == ["", "", "7", "", "#N/A", "05/01/2024"]


@pytest.mark.parametrize(
    "rows",
    [
        PLAIN_HEADER + f'<row r="2">{text("A2", "48")}</row>',  # an inline string
        PLAIN_HEADER + '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c></row>',  # a cell without r
        PLAIN_HEADER + '<row r="2"><!-- note --><c r="A2"><v>1</v></c></row>',  # a comment
        PLAIN_HEADER + '<row r="2"><c r="A2" t="str"><v>a &amp; b</v></c></row>',  # an entity in a value
        PLAIN_HEADER + '<row spans="1:2" r="2"><c r="A2"><v>1</v></c></row>',  # r not first
        PLAIN_HEADER + '<row r="2"><c r="A2" cm="1"><v>1</v></c></row>',  # an attribute not known
        PLAIN_HEADER + '<row r="2"><c r="A2"><v>1</v></c></row></row>',  # a row closed twice
        PLAIN_HEADER + '<row r="2"><c r="A2"><v>1</v></c>',  # cut short
        PLAIN_HEADER + '<row r="x"><c r="A2"><v>1</v></c></row>',  # not a row number
        # Cut by the loose form of a cell, refused by its strict form when first met:
        PLAIN_HEADER + '<row r="2"><c r="A2"><v>1</v><f>A1</f></c></row>',  # a formula after its value
        PLAIN_HEADER + '<row r="2"><c r="A2" t="s"><v>1</v><v>2</v></c></row>',  # two values
        PLAIN_HEADER + '<row r="2"><c r="A2" s="1" t="n" s="2"/></row>',  # s twice
        PLAIN_HEADER + '<row r="2"><c r="a2"><v>1</v></c></row>',  # a column in small letters
        PLAIN_HEADER + '<row r="2"><c r="ABCD2"><v>1</v></c></row>',  # four letters
    ],
    ids=[
        "inline",
        "no-ref",
        "comment",
        "entity",
        "row-attrs",
        "attr",
        "closed-twice",
        "cut",
        "row-x",
        "after-value",
        "two-values",
        "s-twice",
        "small-letters",
        "four-letters",
    ],
)
def test_a_sheet_written_otherwise_is_read_by_the_streaming_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str
) -> None:
    _, taken = _both(book(tmp_path / "o.xlsx", rows, shared=SHARED), monkeypatch)
    assert not taken


def test_a_reference_naming_another_row_is_read_in_its_row_by_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streaming reader takes a cell's row from its <row> and its column from the reference's
    letters; the fast path does the same (it cuts only the letters)."""
    rows = PLAIN_HEADER + '<row r="5"><c r="A2"><v>1</v></c><c r="B9"><v>2</v></c></row>'
    fast, taken = _both(book(tmp_path / "r.xlsx", rows, shared=SHARED), monkeypatch)
    assert taken
    header, numbers, columns = fast  # type: ignore[misc]
    assert numbers == [2, 3, 4, 5] and columns[1][0] == ["", "", "", "2"]


def test_the_fast_path_keeps_the_caps_and_their_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row2 = '<row r="2"><c r="A2"><v>1</v></c><c r="F2"><v>2</v></c><c r="G2" s="1"/></row>'
    row11 = '<row r="11"><c r="A11"><v>3</v></c></row>'
    path = book(tmp_path / "c.xlsx", PLAIN_HEADER + row2 + row11, shared=SHARED[:2])
    for limits, message in [
        (XlsxLimits(columns=5), "cell F2 is beyond column 5"),
        (XlsxLimits(rows=10), "rows beyond row 10"),
        (XlsxLimits(cells=4), "more than 4 cells"),  # the 5th <c>, G2, is empty: still counted
        (XlsxLimits(cells=4, columns=5), "cell F2 is beyond column 5"),  # F2, the 4th, comes first
        (XlsxLimits(cells=3, columns=5), "more than 3 cells"),  # F2 is over both: the count first
    ]:
        refused, taken = _both(path, monkeypatch, limits)
        assert taken and message in str(refused), limits
    grid, taken = _both(path, monkeypatch, XlsxLimits(rows=11, columns=6, cells=66))
    assert taken and grid[1] == list(range(2, 12))  # type: ignore[index]


BODIES = [
    ' t="s"><v>2</v></c>',
    ' s="2"><v>0.8632</v></c>',
    ' s="1"/>',
    "/>",
    "></c>",
    "><f>1/2</f><v>0.5</v></c>",
    ' t="str"><f t="shared" ref="A7:A8" si="0"/><v>xy</v></c>',
    ' t="e"><f>NA()</f><v>#N/A</v></c>',
    ' t="b"><v>1</v></c>',
    ' s="4"><v>45296</v></c>',
]


def _plain_rows(rng: random.Random, spaced: bool) -> str:
    """Rows as office suites write them, in their variety: numbered or not, empty ones, letters of one
    to three, references naming another row, self-closing cells, formulas; white space between cells
    when `spaced` (after a self-closing cell the array cut leaves it to re.split's)."""
    out, row = [], 1
    for _ in range(rng.randint(1, 12)):
        row += rng.choice([1, 1, 1, 2, 30])
        if rng.random() < 0.15:
            out.append(rng.choice([f'<row r="{row}"/>', f'<row r="{row}" spans="1:3"></row>']))
            continue
        tag = f'<row r="{row}" spans="1:9">' if rng.random() < 0.9 else "<row>"
        cells = []
        for column in sorted(rng.sample(range(1, 800), rng.randint(0, 6))):
            letters = ""
            while column:
                column, rest = divmod(column - 1, 26)
                letters = chr(65 + rest) + letters
            number = row if rng.random() < 0.9 else rng.randint(1, 9_999_999)
            cells.append(f'<c r="{letters}{number}"{rng.choice(BODIES)}')
        space = "\n " if spaced else ""
        out.append(tag + space + space.join(cells) + space + "</row>")
    return "".join(out)


def test_the_array_cut_cuts_as_re_split_does() -> None:
    """xlsxcut.cut gives each cell's column and body and the gaps between cells as re.split's cut gives
    them, or nothing (then re.split's cut is used)."""
    from dti.io.xlsxcut import cut
    from dti.io.xlsxsheet import Values

    rng = random.Random(8)
    taken = 0
    for i in range(400):
        text = _plain_rows(rng, spaced=i % 4 == 0).encode()
        by_split = xlsxfast._Reader(Values([], [], False), XlsxLimits())._split(text)
        cells = cut(text)
        if cells is None:
            assert i % 4 == 0 and b"/>\n" in text  # only white space after a self-closing cell
            continue
        taken += 1
        assert cells.column.tolist() == by_split.column.tolist()
        assert [cells.bodies[k] for k in cells.body.tolist()] == by_split.bodies
        assert cells.gaps == by_split.gaps and cells.count == by_split.count
    assert taken > 300


def test_a_damaged_plain_sheet_reads_by_the_array_cut_as_by_the_streaming_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cutter: str
) -> None:
    """Plain rows with a few bytes changed, dropped or repeated (a quote, a bracket, a letter, a digit):
    whatever either cut makes of them, the fast path reads them as the streaming reader does or leaves
    them to it (_both compares)."""
    rng = random.Random(25)
    alphabet = '<>/"= rcvAZ09\n'
    for i in range(60):
        text = bytearray(_plain_rows(rng, spaced=False).encode())
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            change = rng.randrange(3)
            if change == 0:
                text[at : at + 1] = rng.choice(alphabet).encode()
            elif change == 1:
                del text[at]
            else:
                text[at:at] = text[at : at + rng.randint(1, 8)]
        _both(book(tmp_path / f"d{i}.xlsx", PLAIN_HEADER + text.decode(), shared=SHARED), monkeypatch)


def test_only_a_large_sheet_is_cut_by_whole_arrays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet of LARGE bytes and more is cut by whole arrays (pyarrow imported for it); a smaller one,
    the 63-province sample's, by re.split without pyarrow."""
    from dti.io import xlsxcut

    cuts: list[int] = []

    def spy(text: bytes) -> object:
        cuts.append(len(text))
        return xlsxcut.cut(text)

    monkeypatch.setattr(xlsxfast, "LARGE", 1 << 20)
    monkeypatch.setattr(xlsxfast, "cut", spy)
    row = '<row r="{0}"><c r="A{0}" t="s"><v>2</v></c><c r="B{0}" s="2"><v>0.8632</v></c></row>'
    small = "".join(row.format(r) for r in range(2, 1_000))
    large = "".join(row.format(r) for r in range(2, 15_000))
    grid, taken = _both(book(tmp_path / "s.xlsx", PLAIN_HEADER + small, shared=SHARED), monkeypatch)
    assert taken and not cuts
    grid, taken = _both(book(tmp_path / "l.xlsx", PLAIN_HEADER + large, shared=SHARED), monkeypatch)
    assert taken and sum(cuts) > 1 << 20
    assert grid[1][-1] == 14_999 and grid[2][1][0][-1] == "0.8632"  # type: ignore[index]
