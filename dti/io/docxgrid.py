"""The tables of a Word document (.docx) → Grids, and the one streaming reading of a document's body that
`dti spec import` (dti/spec/criteria.py) also reads criteria tables with.

The body is streamed from the main document part with expat, DTDs refused (no entity expands), after
the zip's unpacked size is checked from its directory. Each table is a grid: the paragraphs above it
(and the cells of a letterhead table above it: 'UBND TỈNH …' beside 'CỘNG HÒA …') are its title rows,
where the unit and the year are read (a later table is under the document's heading too: the lines
above the first table with known columns); a cell's paragraphs are joined by line breaks, a cell spanning
columns is given once then blanks, a cell merged down is repeated in each row it covers. A document with
several tables gives one grid per table with columns dti knows (the others are skipped with a note).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from dti.io.grid import Grid, InputError, cell_ref, factorize, make_grid
from dti.io.xlsx import BROKEN
from dti.io.xlsxxml import EntitiesForbidden, XlsxLimits, elements, local_name, parse_part
from dti.text import nfc
from dti.words import note

TITLE_LINES = 8  # the lines above a table kept as its title rows
LETTERHEAD_ROWS = 3  # a table of at most 3 rows without known columns: the letterhead, not a table skipped

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RUN_TEXT = {"t": None, "tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-", "br": "\n"}

_READ = frozenset({*_RUN_TEXT, "p", "tbl", "tr", "gridBefore", "tc", "gridSpan", "vMerge"})
_CLOSE = frozenset({"t", "p", "tc", "tr"})


class Body:
    """The document body streamed through expat: its paragraphs' texts and its tables' rows, read as
    python-docx reads them (a paragraph's runs and hyperlinks; a cell's own paragraphs, a cell spanning
    columns given once then blanks, a cell merged down given in each row it covers), at ~1 µs an element
    instead of python-docx's ~50 µs a cell (seconds for a 20,000-row table)."""

    def __init__(self) -> None:
        self.blocks: list[str | list[list[str]]] = []  # a paragraph's text, or a table's rows
        self.stack: list[str] = []
        self.text: list[str] | None = None  # the paragraph being read, when it counts
        self.keep = False  # inside a w:t whose characters count
        self.cells: list[str] = []  # the row being read
        self.offset = 0  # the grid column of the cell being read
        self.span, self.merged = 1, False
        self.above: dict[int, str] = {}  # grid column → the text of the cell starting there, row above
        self.starts: dict[int, str] = {}
        self.paragraphs: list[str] = []  # the cell's paragraphs

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        stack = self.stack
        stack.append(local)
        if local not in _READ:  # run and paragraph properties, bookmarks, …: most elements
            return
        depth, tables = len(stack), stack.count("tbl")
        if local == "p" and (depth == 3 or (tables == 1 and stack[-2] == "tc" and depth == 6)):
            self.text = []
        elif local in _RUN_TEXT and self.text is not None and stack[-2] == "r" and self._in_paragraph():
            value = {local_name(k): v for k, v in attrs.items()}
            if local == "t":
                self.keep = True
            elif local != "br" or value.get("type", "textWrapping") == "textWrapping":
                self.text.append(_RUN_TEXT[local] or "")
        elif tables != 1 or stack[2] != "tbl":
            return
        elif local == "tbl" and depth == 3:
            self.blocks.append([])
            self.above = {}
        elif local == "tr" and depth == 4:
            self.cells, self.starts, self.offset = [], {}, 0
        elif local == "gridBefore" and depth == 6 and stack[-2] == "trPr":
            self.offset = _int(attrs, 0)
        elif local == "tc" and depth == 5:
            self.span, self.merged, self.paragraphs = 1, False, []
        elif local == "gridSpan" and depth == 7 and stack[-2] == "tcPr":
            self.span = max(_int(attrs, 1), 1)
        elif local == "vMerge" and depth == 7 and stack[-2] == "tcPr":
            self.merged = {local_name(k): v for k, v in attrs.items()}.get("val", "continue") == "continue"

    def _in_paragraph(self) -> bool:
        stack = self.stack
        return stack[-3] == "p" or (stack[-3] == "hyperlink" and len(stack) > 4 and stack[-4] == "p")

    def end(self, name: str) -> None:
        local = self.stack.pop()
        if local not in _CLOSE:
            return
        depth = len(self.stack)
        if local == "t":
            self.keep = False
        elif local == "p" and self.text is not None and (depth == 2 or self.stack[-1] == "tc"):
            if depth == 2:
                self.blocks.append("".join(self.text))
            else:
                self.paragraphs.append("".join(self.text))
            self.text = None
        elif local == "tc" and depth == 4 and self.stack[2] == "tbl":
            text = self.above.get(self.offset, "") if self.merged else nfc("\n".join(self.paragraphs))
            self.starts[self.offset] = text
            self.cells += [text] + [""] * (self.span - 1)
            self.offset += self.span
        elif local == "tr" and depth == 3 and self.stack[2] == "tbl":
            table = self.blocks[-1]
            assert isinstance(table, list)
            table.append(self.cells)
            self.above = self.starts

    def chars(self, data: str) -> None:
        if self.keep and self.text is not None:
            self.text.append(data)


def _int(attrs: dict[str, str], default: int) -> int:
    value = next((v for k, v in attrs.items() if local_name(k) == "val"), "")
    return int(value) if value.isdigit() else default


Block = str | list[list[str]]  # a paragraph's text, or a table's rows


def document_blocks(archive: zipfile.ZipFile) -> list[Block]:
    """The paragraphs and tables of the document's body in order; the main part found through the
    content types. Raises what a broken package raises (ValueError without a Word document part)."""
    types = elements(archive, "[Content_Types].xml")
    main = next((a["PartName"] for _, e, a in types if e == "Override" and a.get("ContentType") == MAIN), "")
    if not main:
        raise ValueError("no Word document part in [Content_Types].xml")
    body = Body()
    parse_part(archive, main.lstrip("/"), body.start, body.end, body.chars)
    return body.blocks


def read_docx(path: Path, data: bytes, *, every: bool = True, limits: XlsxLimits | None = None) -> list[Grid]:
    """A grid per table with columns dti knows (every=False: the first), else the largest table."""
    limits = limits or XlsxLimits.from_env()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_unpacked(archive)  # a zip bomb, refused from its directory
            blocks = document_blocks(archive)
    except EntitiesForbidden:
        raise InputError(note("io.xml-dtd")) from None
    except BROKEN as exc:
        why = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
        raise InputError(note("files.bad-docx", why=why)) from None
    heights = [len(block) for block in blocks if not isinstance(block, str)]
    grids = _table_grids(path, blocks, limits)
    if not grids:
        raise InputError(note("files.docx-no-table"))
    data_grids = [g for g in grids if g.looks_like_data()]
    kept = (data_grids or [max(grids, key=lambda g: len(g.rows))])[: None if every else 1]
    chosen = {id(g) for g in kept}
    skipped = [
        i + 1
        for i, (g, rows) in enumerate(zip(grids, heights, strict=True))
        if id(g) not in chosen and rows > LETTERHEAD_ROWS
    ]
    if skipped:
        kept[0].notes.append(note("files.docx-skipped", tables=skipped, count=len(grids)))
    return kept


def _table_grids(path: Path, blocks: list[Block], limits: XlsxLimits) -> list[Grid]:
    """Each table as a grid under its title lines."""
    grids: list[Grid] = []
    above: list[str] = []  # the paragraphs since the previous table
    letterhead: list[str] = []  # the lines of a letterhead table right above them
    heading: list[str] | None = None  # the title lines of the first table with known columns
    cells = 0
    for block in blocks:
        if isinstance(block, str):
            above += [nfc(block)] if block.strip() else []
            continue
        width = max((len(r) for r in block), default=0)
        cells += width * len(block)
        if cells > limits.cells:
            raise limits.over(note("io.limit.sheet-cells", count=float(limits.cells)), "cells")
        if len(block) > limits.rows:
            raise limits.over(note("io.limit.rows", row=float(limits.rows)), "rows")
        if width > limits.columns:
            cell = cell_ref(limits.columns, 1)
            raise limits.over(note("io.limit.columns", cell=cell, column=float(limits.columns)), "columns")
        # A later table is under the document's heading too (the letterhead and title above the first
        # one say whose figures every table gives), then under its own lines ('Biểu 2: …').
        own = letterhead[:TITLE_LINES] + above[-TITLE_LINES:]  # the letterhead's top line names the unit
        titles = (heading or []) + own
        rows = [[line] for line in titles] + block
        rows = [r for r in rows if any(c.strip() for c in r)] or [[""]]
        width = max(len(r) for r in rows)
        body = rows[1:]
        columns = [factorize([r[j] if j < len(r) else "" for r in body]) for j in range(width)]
        header = rows[0] + [""] * (width - len(rows[0]))
        grid = make_grid(path, None, header, columns, len(body))
        grid.table = len(grids) + 1
        grids.append(grid)
        if heading is None and grid.looks_like_data():
            heading = own
        # A letterhead (a small table: 'UBND TỈNH …' beside 'CỘNG HÒA …') gives the table below it its
        # title lines, each line of a cell a line; a table of data or a list does not.
        small = len(block) <= LETTERHEAD_ROWS and not grid.looks_like_data()
        lines = [line for row in block for cell in row for line in cell.split("\n") if line.strip()]
        letterhead, above = (lines if small else []), []
    return grids
