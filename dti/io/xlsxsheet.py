"""An XLSX worksheet streamed with expat into a Grid: each distinct value once, positions as integers,
caps checked as the rows go by (dti/io/xlsx.py reads the package, strings and styles; xlsxxml.py
parses and holds the limits)."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import zipfile
from array import array
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.grid import Column, Grid, cell_ref, make_grid
from dti.io.xlsxxml import XlsxLimits, over_limit, parse_part
from dti.numbers import ARROW_TEXTS, arrow_kernel
from dti.words import note

DIGITS = "0123456789"
COLUMN_BITS = 20  # a cell's position is row << 20 | column (Excel's last column, XFD, is 16,384)
# The kinds of number format a cell style has (dti/io/xlsx.py reads them from the styles part).
GENERAL, PERCENT, DATE, DURATION = 0, 1, 2, 3
PADDED = 16  # kind PADDED + n: a whole number shown with at least n digits (format '00' shows 1 as 01)
_ZEROS = re.compile(r"0{2,}")


def padded_kind(code: str) -> int | None:
    """The kind of a format that only pads whole numbers with zeros ('00', '00000'), else None."""
    first = code.split(";")[0].replace('"', "").replace("\\", "")
    return PADDED + len(first) if _ZEROS.fullmatch(first) else None


class Values:
    """Each distinct cell value once: its text id, Excel number and percent format (id 0: empty)."""

    def __init__(self, strings: list[str], styles: list[int], date1904: bool) -> None:
        self.texts: dict[str, int] = {"": 0}  # every distinct text once; id 0 is the empty text
        self.text, self.number, self.percent = array("i", [0]), array("d", [math.nan]), [False]
        self.strings: dict[str, int] = {"": 0}  # a text as written → its value
        self.styles = styles
        self.date1904 = date1904
        self.shared = [self.of_text(s) for s in strings]
        self.booleans = (self._new("0", 0.0), self._new("1", 1.0))

    def _new(self, text: str, number: float = math.nan, percent: bool = False) -> int:
        self.text.append(self.texts.setdefault(text, len(self.texts)))
        self.number.append(number)
        self.percent.append(percent)
        return len(self.percent) - 1

    def of_text(self, text: str) -> int:
        value = self.strings.get(text)
        if value is None:
            value = self.strings[text] = self._new(nfc(text))
        return value

    def of_number(self, raw: str, style: str) -> int:
        """A number cell's value from its <v> and style: text, number, percent (a date: its text)."""
        index = int(style)
        return self.of_kind(raw, self.styles[index] if 0 <= index < len(self.styles) else GENERAL)

    def of_kind(self, raw: str, kind: int) -> int:
        """A number's value under its format's kind: its text as the sheet shows it, number, percent."""
        value: int | float = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
        try:
            number = float(value)
        except OverflowError:  # an integer of 400 digits
            number = math.inf
        if not math.isfinite(number):  # 1e400: its text, for the number parser to report
            return self._new(raw.strip())
        if kind in (DATE, DURATION):
            return self._new(excel_date(value, self.date1904, kind == DURATION))
        text = str(int(value)) if number.is_integer() else repr(number)
        if kind > PADDED and number.is_integer() and number >= 0:
            text = text.zfill(kind - PADDED)  # the unit code 01 the sheet shows, not 1
        return self._new(text, number, kind == PERCENT)

    def of_cell(self, kind: str, raw: str, inline: list[str]) -> int:
        """The value of a cell that is not a number."""
        if kind == "s":
            return self.shared[int(raw)] if raw else 0
        if kind == "inlineStr":
            return self.of_text("".join(inline))
        if not raw:
            return 0
        if kind == "b":
            return self.booleans[int(raw) != 0]
        if kind == "d":
            return self.of_text(_iso_date(raw))
        return self.of_text(raw)  # "str" (a formula's text), "e" (an error: #N/A, #DIV/0!)


def read_sheet(
    archive: zipfile.ZipFile, part: str, values: Values, limits: XlsxLimits
) -> tuple[array[int], array[int]]:
    """Each non-empty cell's position (row << 20 | column, 1-based) and value, capped as they stream.

    The handlers are closures over local state: this loop runs once per cell, up to millions of times.
    """
    positions, cell_values = array("q"), array("i")
    numbers: dict[str, dict[str, int]] = {}  # style → <v> → value
    columns: dict[str, int] = {}  # column letters → number
    max_rows, max_columns, max_cells = limits.rows, limits.columns, limits.cells
    row = column = cells = collect = 0  # collect: character data goes nowhere (0), to <v> (1), to <t> (2)
    row_ok = phonetic = False
    kind, style, raw = "n", "0", ""
    inline: list[str] = []
    # Element names as this part writes them: c, or x:c under a prefix (set from the root element).
    c, v, row_tag, t, rph = "c", "v", "row", "t", "rPh"
    rooted = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal \
            row, \
            column, \
            cells, \
            collect, \
            row_ok, \
            phonetic, \
            kind, \
            style, \
            raw, \
            c, \
            v, \
            row_tag, \
            t, \
            rph, \
            rooted
        if name == c:
            cells += 1
            if cells > max_cells:
                raise over_limit(note("io.limit.sheet-cells", count=float(max_cells)), "cells", max_cells)
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(DIGITS)
                known = columns.get(letters)
                column = known if known is not None and len(letters) < len(ref) else _column(ref, columns)
            else:
                column += 1
            kind = attrs.get("t", "n")
            style = attrs.get("s", "0")
            raw = ""
        elif name == v:
            collect = 1
        elif name == row_tag:
            number = attrs.get("r")
            row = _row_number(number) if number else row + 1
            row_ok = row <= max_rows
            column = 0
        elif name == t:
            if kind == "inlineStr" and not phonetic:
                collect = 2
        elif name == rph:
            phonetic = True
        elif not rooted:
            rooted = True
            prefix = name.rpartition(":")[0] + ":" if ":" in name else ""
            c, v, row_tag, t, rph = (prefix + tag for tag in ("c", "v", "row", "t", "rPh"))

    def end(name: str) -> None:
        nonlocal collect, phonetic
        if name == c:
            if kind == "n":
                if not raw:
                    return
                by_style = numbers.get(style)
                if by_style is None:
                    by_style = numbers[style] = {}
                value = by_style.get(raw)
                if value is None:
                    value = by_style[raw] = values.of_number(raw, style)
            else:
                value = values.of_cell(kind, raw, inline)
                inline.clear()
            if value == 0:  # an empty text: as if the cell were not there
                return
            if not row_ok or column > max_columns:
                refuse(row, column, limits)
            positions.append(row << COLUMN_BITS | column)
            cell_values.append(value)
        elif collect:  # the end of a <v> or of an inline <t>
            collect = 0
        elif name == rph:
            phonetic = False

    def text(data: str) -> None:
        nonlocal raw
        if collect == 1:
            raw += data
        elif collect == 2:
            inline.append(data)

    parse_part(archive, part, start, end, text)
    return positions, cell_values


def _column(ref: str, columns: dict[str, int]) -> int:
    """The 1-based column of an A1 reference ('C5' → 3); the row it names is the <row>'s."""
    letters = ref.rstrip(DIGITS)
    if not (letters.isascii() and letters.isalpha() and len(letters) <= 3 and len(letters) < len(ref)):
        raise ValueError(f"{ref!r} is not a cell reference")
    index = columns[letters] = column_number(letters)
    return index


def column_number(letters: str) -> int:
    """The 1-based number of a column's letters ('C' → 3, 'AA' → 27)."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


def refuse(row: int, column: int, limits: XlsxLimits) -> None:
    if row > limits.rows:
        raise over_limit(note("io.limit.rows", row=float(limits.rows)), "rows", limits.rows)
    raise over_limit(
        note("io.limit.columns", cell=cell_ref(column - 1, row), column=float(limits.columns)),
        "columns",
        limits.columns,
    )


def sheet_grid(
    path: Path,
    title: str,
    positions: array[int],
    cell_values: array[int],
    values: Values,
    limits: XlsxLimits,
) -> Grid:
    """The header (the first row with a value) and one Column per column up to the widest row's last value."""
    if not positions:
        return Grid(path, title, [], [], np.zeros(0, dtype=int))
    at = np.frombuffer(positions, dtype=np.int64)
    rows = at >> COLUMN_BITS
    header_row = int(rows.min())  # the first row with a value: blank first rows are not the header
    rows = rows - header_row  # 0-based: the header is row 0
    cols = (at & ((1 << COLUMN_BITS) - 1)) - 1
    cells = np.frombuffer(cell_values, dtype=np.int32)
    height, width = int(rows.max()) + 1, int(cols.max()) + 1
    if height * width > limits.cells:
        span = note("io.limit.span", rows=float(height), columns=float(width))
        raise over_limit(span, "cells", limits.cells)
    texts = np.array(list(values.texts), dtype=object)
    text = np.frombuffer(values.text, dtype=np.int32)
    number = np.frombuffer(values.number, dtype=float)
    percent = np.array(values.percent, dtype=bool)
    # Every cell's value in one (column, row) matrix, filled in one flat assignment: each column is a row
    # of it (the header first), and its texts, numbers and percent flags are taken for all columns at once.
    full = np.zeros((width, height), dtype=np.int32)  # 0: empty
    full.ravel()[cols * height + rows] = cells
    named = np.flatnonzero(full[:, 0])
    header = [texts[text[value]] for value in full[: named[-1] + 1 if len(named) else 0, 0].tolist()]
    n = height - 1
    body = full[:, 1:]
    ids, natives, percents = text[body], number[body], percent[body]
    factorised = [_factorize(ids[j], len(texts)) for j in range(width)]
    # Many distinct texts (an Excel number's text is one per value): each column's also as a pyarrow array,
    # as a large CSV's are, taken from one array of the sheet's texts (parse_texts' vectorised path and
    # Column.blank read them without encoding each column's texts again).
    every = _strings(values) if sum(len(order) for _, order in factorised) >= ARROW_TEXTS else None
    columns = []
    for j, (codes, order) in enumerate(factorised):
        arrow = None if every is None else arrow_kernel("take", every, _indices(order))
        columns.append(Column(codes, texts[order].tolist(), natives[j], percents[j], arrow))
    return make_grid(path, title, header, columns, n, header_row)


def _factorize(ids: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """grid.factorize of a column given as text ids (below `count`): codes, and the ids of its texts in
    the order they first appear. Without sorting the column: each id's first row is the least row it is at."""
    n = len(ids)
    first = np.full(count, n, dtype=np.int64)
    np.minimum.at(first, ids, np.arange(n, dtype=np.int64))
    present = np.flatnonzero(first < n)
    order = present[np.argsort(first[present])]
    rank = np.zeros(count, dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank[ids], order


def _strings(values: Values) -> Any:
    """Every distinct text of the sheets as one pyarrow string array, by text id (built from buffers:
    pa.array() would import pandas); None when a text is no UTF-8 (a lone surrogate an .xls may hold)."""
    try:
        encoded = [t.encode("utf-8") for t in values.texts]
    except UnicodeEncodeError:
        return None
    import pyarrow as pa

    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    if offsets[-1] >= 1 << 31:
        return None  # over a string array's offsets: the engine reads the texts one by one
    data = pa.py_buffer(b"".join(encoded))
    return pa.Array.from_buffers(
        pa.string(), len(encoded), [None, pa.py_buffer(offsets.astype(np.int32)), data]
    )


def _indices(order: np.ndarray) -> Any:
    import pyarrow as pa

    return pa.Array.from_buffers(pa.int64(), len(order), [None, pa.py_buffer(order)])


def _row_number(raw: str) -> int:
    number = float(raw) if "." in raw else int(raw)
    if not float(number).is_integer() or number < 1:
        raise ValueError(f"{raw!r} is not a row number")
    return int(number)


def _iso_date(raw: str) -> str:
    """A t="d" cell (ISO 8601) as the sheet shows it (see shown_date)."""
    try:
        return shown_date(dt.datetime.fromisoformat(raw.strip().removesuffix("Z")))
    except ValueError:
        return nfc(raw)


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def shown_date(moment: dt.datetime) -> str:
    """A date cell's text as a Vietnamese sheet shows it: `30/06/2026`, with its time when it has one
    (`30/06/2026 14:30:00`); every reader (xlsx, xls, ods) gives a date cell so."""
    day = f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"
    return day if moment.time() == dt.time() else f"{day} {moment.time()}"


def excel_date(value: float, date1904: bool, duration: bool) -> str:
    """A date-formatted number's text: a date as shown_date, a time or a duration as Python says them."""
    try:
        if duration:
            delta = dt.timedelta(days=value)
            if delta.microseconds:
                delta = dt.timedelta(
                    seconds=delta.total_seconds() // 1, microseconds=round(delta.microseconds, -3)
                )
            return str(delta)
        day, fraction = divmod(value, 1)
        diff = dt.timedelta(milliseconds=round(fraction * 86_400_000))
        if 0 <= value < 1 and diff.days == 0:
            return str((dt.datetime.min + diff).time())
        if 0 < value < 60 and not date1904:
            day += 1  # Excel's 29 February 1900
        epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
        return shown_date(epoch + dt.timedelta(days=day) + diff)
    except (OverflowError, ValueError):
        return "#VALUE!"
