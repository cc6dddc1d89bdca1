"""OpenDocument spreadsheets (.ods, LibreOffice and WPS) → a Grid per visible sheet, streamed from
content.xml with expat as the own XLSX reader streams a sheet, with its caps (XlsxLimits).

The value type is in the XML itself: `office:value-type="percentage"` is a percent cell (85,5 % arrives as
0.855 with its percent flag), `float`/`currency` a number, `date` its date as shown (`30/06/2026`),
`boolean` 1 or 0, text its paragraphs. Repeats are expanded only where a cell holds a value: the trailing
repeat of empty cells to 16,384 or 1,048,576 columns (and of empty rows) that LibreOffice writes is a
counter, not cells; a value repeated past the rows, columns or cells cap is refused before it is expanded. A
covered (merged) cell is empty, as an XLSX merge's other cells are. A table whose style says
`table:display="false"` is hidden and skipped with a note. The prefixes are the ones every office suite
writes (table:, office:, text:).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from array import array
from pathlib import Path

from dti.io.book import chosen_sheets
from dti.io.grid import Grid, InputError, cell_ref
from dti.io.xlsx import BROKEN
from dti.io.xlsxsheet import GENERAL, PADDED, PERCENT, Values, sheet_grid, shown_date
from dti.io.xlsxxml import EntitiesForbidden, XlsxLimits, parse_part
from dti.words import note

COLUMN_BITS = 20  # positions as xlsxsheet.sheet_grid reads them: row << 20 | column
NUMBER_STYLE, PERCENT_STYLE = "0", "1"  # the two 'styles' of Values.of_number here


def read_ods(
    path: Path, sheet: str | None, data: bytes, *, every: bool = True, limits: XlsxLimits | None = None
) -> list[Grid]:
    """Each visible sheet's grid in the document's order (or only the one `sheet` names)."""
    limits = limits or XlsxLimits.from_env()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_unpacked(archive)  # a zip bomb, refused from its directory
            reader = _Content(sheet, every, limits)
            parse_part(archive, "content.xml", reader.start, reader.end, reader.text)
    except EntitiesForbidden:
        raise InputError(note("io.xml-dtd")) from None
    except BROKEN as exc:
        raise InputError(
            note("files.bad-ods", why=f"{type(exc).__name__}: {' '.join(str(exc).split())}")
        ) from None
    indices, hidden = chosen_sheets(reader.tables, sheet)
    grids = []
    for index in indices if every else indices[:1]:
        title = reader.tables[index][0]
        positions, cell_values = reader.cells[index]
        grids.append(sheet_grid(path, title, positions, cell_values, reader.values, limits))
    if hidden:
        grids[0].notes.append(note("files.hidden-sheets", sheets=hidden))
    return grids


def _count(attrs: dict[str, str], name: str) -> int:
    raw = attrs.get(name, "1")
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{name}={raw!r} is not a count")
    return int(raw)


def _padded(shown: str, raw: str) -> bool:
    """Whether the cell shows its whole number with leading zeros (the number 1 shown as 01)."""
    return len(shown) > 1 and shown.startswith("0") and shown.isdigit() and shown.lstrip("0") == raw


class _Content:
    """content.xml's tables, each visible one's cells as positions and value ids (hidden: names only)."""

    def __init__(self, sheet: str | None, every: bool, limits: XlsxLimits) -> None:
        self.sheet, self.every, self.limits = sheet, every, limits
        self.values = Values([], [GENERAL, PERCENT], False)
        self.tables: list[tuple[str, bool]] = []  # every table: title, hidden
        self.cells: dict[int, tuple[array[int], array[int]]] = {}  # the tables read
        self.hidden_styles: set[str] = set()
        self.style = ""  # the table style being declared
        self.collect = False  # this table's cells are kept
        self.positions, self.cell_values = array("q"), array("i")
        self.row = self.column = self.elements = 0
        self.row_repeat = self.repeat = 1
        self.row_cells: list[tuple[int, int]] = []  # (column, value) of the row being read
        self.cell: dict[str, str] | None = None  # the attributes of the cell being read
        self.paragraphs: list[str] = []
        self.pieces: list[str] | None = None  # the paragraph being read
        self.depth = 0  # paragraphs and annotations inside the cell: only depth 1 is its text

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in ("table:table-cell", "table:covered-table-cell"):
            self.elements += 1
            if self.elements > self.limits.cells:
                raise self.limits.over(note("io.limit.sheet-cells", count=float(self.limits.cells)), "cells")
            self.cell = attrs if self.collect and name == "table:table-cell" else None
            self.repeat = _count(attrs, "table:number-columns-repeated")
            self.paragraphs = []
        elif self.cell is not None:
            if name == "office:annotation" or (name == "text:p" or name == "text:h"):
                self.depth += 1
                if self.depth == 1 and name != "office:annotation":
                    self.pieces = []
            elif self.pieces is not None and self.depth == 1:
                if name == "text:s":
                    self.pieces.append(" " * min(_count(attrs, "text:c"), 1000))
                elif name == "text:tab":
                    self.pieces.append("\t")
                elif name == "text:line-break":
                    self.pieces.append("\n")
        elif name == "table:table-row":
            self.row_repeat = _count(attrs, "table:number-rows-repeated")
            self.column = 0
            self.row_cells = []
        elif name == "table:table":
            title = attrs.get("table:name", "")
            hidden = attrs.get("table:style-name", "") in self.hidden_styles
            self.tables.append((title, hidden))
            if self.sheet is not None:
                self.collect = title == self.sheet
            else:
                self.collect = not hidden and (self.every or not self.cells)
            self.positions, self.cell_values = array("q"), array("i")
            self.row = 0
            if self.collect:
                self.cells[len(self.tables) - 1] = (self.positions, self.cell_values)
        elif name == "style:style" and attrs.get("style:family") == "table":
            self.style = attrs.get("style:name", "")
        elif name == "style:table-properties" and attrs.get("table:display") == "false":
            self.hidden_styles.add(self.style)

    def end(self, name: str) -> None:
        if name in ("table:table-cell", "table:covered-table-cell"):
            if self.cell is not None:
                value = self._value(self.cell)
                if value:
                    last = self.column + self.repeat
                    if last > self.limits.columns:
                        cell = cell_ref(self.limits.columns, self.row + 1)
                        what = note("io.limit.columns", cell=cell, column=float(self.limits.columns))
                        raise self.limits.over(what, "columns")
                    self.row_cells += [(j, value) for j in range(self.column + 1, last + 1)]
            self.column += self.repeat
            self.cell = None
        elif self.cell is not None:
            if name in ("text:p", "text:h", "office:annotation"):
                if self.depth == 1 and self.pieces is not None:
                    self.paragraphs.append("".join(self.pieces))
                    self.pieces = None
                self.depth -= 1
        elif name == "table:table-row":
            first = self.row + 1
            self.row += self.row_repeat
            if self.row_cells:
                self._keep_row(first)
        elif name == "table:table":
            self.collect = False

    def text(self, data: str) -> None:
        if self.pieces is not None and self.depth == 1:
            self.pieces.append(data)

    def _keep_row(self, first: int) -> None:
        limits = self.limits
        if self.row > limits.rows:  # a row with values past the cap, or a repeat reaching past it
            raise limits.over(note("io.limit.rows", row=float(limits.rows)), "rows")
        if len(self.positions) + len(self.row_cells) * self.row_repeat > limits.cells:
            raise limits.over(note("io.limit.sheet-cells", count=float(limits.cells)), "cells")
        for row in range(first, self.row + 1):
            for column, value in self.row_cells:
                self.positions.append(row << COLUMN_BITS | column)
                self.cell_values.append(value)

    def _value(self, attrs: dict[str, str]) -> int:
        """The cell's value id (0: empty) from its value type."""
        values = self.values
        kind = attrs.get("office:value-type", "")
        if kind in ("float", "currency", "percentage"):
            raw = attrs.get("office:value", "").strip()
            shown = "".join(self.paragraphs).strip()
            if raw and kind == "float" and _padded(shown, raw):  # a '00' format shows 1 as 01
                return values.of_kind(raw, PADDED + len(shown))
            if raw:
                return values.of_number(raw, PERCENT_STYLE if kind == "percentage" else NUMBER_STYLE)
        elif kind == "boolean":
            return values.booleans[attrs.get("office:boolean-value", "").strip().lower() == "true"]
        elif kind == "date":
            raw = attrs.get("office:date-value", "").strip()
            try:
                return values.of_text(shown_date(dt.datetime.fromisoformat(raw)))
            except ValueError:
                pass  # its text as shown
        elif kind == "string" and "office:string-value" in attrs:
            return values.of_text(attrs["office:string-value"])
        return values.of_text("\n".join(self.paragraphs)) if self.paragraphs else 0
