"""The fast path of a worksheet: `<sheetData>` as office suites write it, cut into cells by one regular
expression and turned into values per distinct (type, style, text), not per cell.

Excel, LibreOffice and XlsxWriter write every cell as `<c r="B2" s="1" t="s"><v>7</v></c>`
(a formula's `<f>` before its cached `<v>`), one `<row>` after another. Such a sheet is split into its
cells by `re.split` (C speed; each group of the pattern is a column of the split: the column's letters
and the cell's body, the row being its <row>'s as the streaming reader takes it), and every piece
between two cells must be nothing, or a row closing and the next opening: anything else (an inline
string, a namespace prefix, an entity in a value, a cell without its reference, an attribute this
pattern does not know) gives None and the sheet is read by the streaming reader (xlsxsheet.read_sheet)
instead, which reads any well-formed sheet. The XML around `<sheetData>` is still parsed (DTDs
refused), and the caps are checked as they are there: cells as counted, rows and columns of the cells
holding a value, in the order of the sheet. On the benchmark's 0.99 million cells the sheet takes ~0.6 s
of CPU this way against ~1.9 s through expat's five Python callbacks a cell (docs/benchmarks.md).
"""

from __future__ import annotations

import re
import zipfile
from array import array
from collections.abc import Callable
from typing import IO

import numpy as np

from dti.io.xlsxcut import Cells, cut
from dti.io.xlsxsheet import COLUMN_BITS, Values, column_number, refuse
from dti.io.xlsxxml import XlsxLimits, check_xml, over_limit
from dti.words import note

# Text as XML allows it: no markup, none of the control characters XML forbids (expat refuses them; tab,
# line feed and carriage return are characters), entities only the five XML names (a value's text is
# read without any: BODY's <v>).
CHAR = rb"[^<&\x00-\x08\x0b\x0c\x0e-\x1f]"
TEXT = rb"(?:" + CHAR + rb"|&(?:amp|lt|gt|quot|apos);)*"
# An attribute as office suites write it (a name, '=', a double-quoted value); the names of an element's
# attributes are each given once (expat refuses a duplicate: _unique reads them by ATTRIBUTES).
NAME = rb"[A-Za-z_][-\w.:]{0,40}"
ATTRIBUTE = rb" " + NAME + rb'="' + TEXT.replace(b"[^", b'[^"') + rb'"'
ATTRIBUTES = re.compile(rb" (" + NAME + rb')="')
# A cell's body: s (before or after t, once), t, then nothing, or an optional formula and <v>. Each distinct
# body (type, style and text) is one dictionary key, checked against this and its parts captured only
# when it is first met (_Reader._value).
BODY = (
    rb'(?: s="([0-9]{1,9})"(?: t="([a-zA-Z]{1,9})")?| t="([a-zA-Z]{1,9})"(?: s="([0-9]{1,9})")?)?'
    rb"(?:/>|>(?:<f((?:" + ATTRIBUTE + rb")*)(?:/>|>" + TEXT + rb"</f>))?"
    rb"(?:<v>(" + CHAR.replace(b"[^", b"[^\r") + rb"*)</v>)?</c>)"
)
CELL_BODY = re.compile(BODY)
# A cell as the sheet is cut: its column's letters (the row is the <row>'s, as the streaming reader
# takes it) and a loose form of the body that ends where BODY would end: at the first '/>' or '</c>'.
# The loose form is what makes the cut fast (sre walks BODY's optional groups at every cell, ~40 % of the
# time); a body it lets through that BODY refuses is refused when it is first met.
# Possessive where nothing could be given back (~10 % faster); the letters are bounded by _column.
LOOSE = rb"[^<>/]*+>(?:<v>[^<]*+</v>)?</c>|[^<>]*(?:/>|>(?:<[fv/][^<]*)*?</c>)"
CELL = re.compile(rb'<c r="([A-Z]++)[0-9]++"(' + LOOSE + rb")")
# What may stand between two cells: a row's end, empty rows, the next row's start, white space (XML's).
ROW = rb'<row(?: r="([1-9][0-9]{0,8})")?((?:' + ATTRIBUTE + rb")*)"  # its number, when given, first
SPACE = rb"[ \t\r\n]*"
GAP = re.compile(
    SPACE
    + rb"(</row>"
    + SPACE
    + rb")?((?:"
    + ROW
    + rb"(?:/>|></row>)"
    + SPACE
    + rb")*)(?:("
    + ROW
    + rb">)"
    + SPACE
    + rb")?"
)
EMPTY_ROW = re.compile(ROW)
NOT_XML = re.compile("[\ufffe\uffff]")  # characters XML forbids that UTF-8 can write (expat refuses them)
START, END = b"<sheetData>", b"</sheetData>"
# Decompressed bytes read at a time: ~60,000 cells, pieces whose arrays the array cut works on mostly
# within the processor's caches (its cut 8.3 ms a MB against 9.9 in 4 MB pieces; smaller pieces cut
# faster still but look up more distinct bodies again).
CHUNK = 1 << 21
HEAD = 1 << 22  # how far <sheetData> may start (a sheet's columns, views, ...)
LARGE = 1 << 20  # a sheet of this many bytes and more is cut by whole arrays (xlsxcut.py), others by CELL


class NotPlain(Exception):
    """The sheet is not written the plain way: read it with the streaming reader."""


def read_sheet_fast(
    archive: zipfile.ZipFile, part: str, values: Values, limits: XlsxLimits
) -> tuple[array[int], array[int]] | None:
    """Each non-empty cell's position and value as xlsxsheet.read_sheet gives them, or None when the
    sheet is not written the plain way."""
    try:
        with archive.open(part) as stream:
            return _Reader(values, limits, archive.getinfo(part).file_size >= LARGE).read(stream)
    except NotPlain:
        return None


class _Reader:
    def __init__(self, values: Values, limits: XlsxLimits, large: bool = False) -> None:
        self.values, self.limits = values, limits
        self.large = large  # cut by whole arrays (pyarrow is worth importing)
        self.cells = 0  # <c> elements so far, empty ones too (the cap counts them)
        self.depth = 0  # inside a <row> (1) or between rows (0)
        self.row = 0  # the number of the last <row>
        self.keys = _Memo(self._value)  # a cell's body → its value (0: empty)
        self.columns = _Memo(_column)  # a column's letters → its number
        self.tails: set[bytes] = set()  # the attributes of rows after their number, each checked once
        self.positions: list[np.ndarray] = []
        self.found: list[np.ndarray] = []

    def read(self, stream: IO[bytes]) -> tuple[array[int], array[int]]:
        read = stream.read
        buffer = b""
        while (at := buffer.find(START)) < 0:
            chunk = read(CHUNK)
            if not chunk or len(buffer) > HEAD:
                raise NotPlain
            buffer += chunk
        prefix = buffer[: at + len(START)]
        head = prefix[:200].lower()
        if b"<!" in prefix or (b"encoding=" in head and b'encoding="utf-8"' not in head):
            raise NotPlain  # a DTD or a comment, another encoding: the streaming reader's
        buffer = buffer[len(prefix) :]
        while (end := buffer.find(END)) < 0:
            chunk = read(CHUNK)
            if not chunk:
                raise NotPlain  # cut short: the streaming reader says how
            buffer += chunk
            cut = buffer.rfind(b"</row>") + len(b"</row>")
            if cut >= len(b"</row>") and buffer.find(END, 0, cut) < 0:
                self.rows(buffer[:cut], last=False)
                buffer = buffer[cut:]
        self.rows(buffer[:end], last=True)
        check_xml(prefix + buffer[end:] + read())  # the rest of the part: well formed, no DTD
        positions, found = array("q"), array("i")
        if self.found:
            positions.frombytes(np.concatenate(self.positions).tobytes())
            found.frombytes(np.concatenate(self.found).tobytes())
        return positions, found

    def rows(self, text: bytes, last: bool) -> None:
        """The cells of whole rows (the last piece of sheetData when `last`)."""
        cells = cut(text) if self.large else None
        if cells is None:  # a small sheet (no pyarrow to import), or a piece the array cut does not take
            cells = self._split(text)
        row = self._check_gaps(cells.gaps, cells.count, last)
        if not cells.count:
            return
        # Each distinct body is worked out when first met (the dict's __missing__), and looked up once.
        distinct = np.fromiter(
            map(self.keys.__getitem__, cells.bodies), dtype=np.int32, count=len(cells.bodies)
        )
        value = distinct[cells.body]
        self._check_caps(value, row, cells.column)
        kept = value != 0
        self.positions.append(row[kept] << COLUMN_BITS | cells.column[kept])
        self.found.append(value[kept])

    def _split(self, text: bytes) -> Cells:
        """The cells of whole rows cut by CELL: each cell's letters and body, the gaps between them."""
        pieces = CELL.split(text)
        step = 3  # the piece before a cell, its column's letters, its body
        gaps, letters, bodies = pieces[::step], pieces[1::step], pieces[2::step]
        n = len(bodies)
        column = np.fromiter(map(self.columns.__getitem__, letters), dtype=np.int64, count=n)
        # Most gaps are empty (cells side by side): only the others are read.
        lengths = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
        filled = [(i, gaps[i]) for i in np.flatnonzero(lengths).tolist()]
        return Cells(column, np.arange(n), bodies, filled, n)

    def _check_gaps(self, gaps: list[tuple[int, bytes]], final: int, last: bool) -> np.ndarray:
        """Between cells only row ends and starts, well nested (else not the plain way); each cell's
        row as its <row> numbers it (the number given, else the row before's plus one). `gaps`: the
        non-empty ones, each by the index of the cell it comes before (`final`: after the last)."""
        starts, numbers = [], []
        if final and (not gaps or gaps[0][0] != 0) and self.depth != 1:
            raise NotPlain  # the first cell outside a row
        for i, gap in gaps:
            match = GAP.fullmatch(gap)
            if match is None:
                raise NotPlain
            closes, empty, _, _, opens, number, attributes = match.groups()
            if closes is not None:
                if self.depth != 1:
                    raise NotPlain
                self.depth = 0
            if empty:
                for row in EMPTY_ROW.finditer(empty):
                    self.row = self._number(row[1], row[2])
            if opens is not None:
                if self.depth != 0:
                    raise NotPlain
                self.depth = 1
                self.row = self._number(number, attributes)
                starts.append(i)
                numbers.append(self.row)
            if i < final and self.depth != 1:
                raise NotPlain  # a cell outside a row
        if last and self.depth != 0:
            raise NotPlain
        if not final:
            return np.zeros(0, dtype=np.int64)
        if not starts or starts[0] != 0:
            raise NotPlain  # a cell in a row opened in another piece (pieces end with a row's end)
        return np.repeat(np.array(numbers, dtype=np.int64), np.diff([*starts, final]))

    def _number(self, number: bytes | None, attributes: bytes) -> int:
        if b" r=" in attributes:
            raise NotPlain  # a row number written otherwise, or twice: the streaming reader's
        if attributes not in self.tails:  # most rows have the same attributes but their number
            _unique(attributes)
            self.tails.add(attributes)
        return int(number) if number is not None else self.row + 1

    def _value(self, body: bytes) -> int:
        match = CELL_BODY.fullmatch(body)
        if match is None:
            raise NotPlain  # let through by the loose cut: an attribute or element BODY does not know
        s1, t1, t2, s2, formula, raw = match.groups()
        if formula:
            _unique(formula)
        try:
            text = raw.decode() if raw is not None else ""
        except UnicodeDecodeError:
            raise NotPlain from None  # the streaming reader says where
        if NOT_XML.search(text):
            raise NotPlain
        kind = t1 or t2
        if kind is None or kind == b"n":
            return self.values.of_number(text, (s1 or s2 or b"0").decode()) if text else 0
        return self.values.of_cell(kind.decode(), text, [])

    def _check_caps(self, value: np.ndarray, row: np.ndarray, column: np.ndarray) -> None:
        """The first cell over a cap, in the sheet's order, as the streaming reader meets it."""
        limits = self.limits
        over_cells = limits.cells - self.cells  # the index of the cell past the cap, if in this piece
        self.cells += len(value)
        outside = (value != 0) & ((row > limits.rows) | (column > limits.columns))
        first = int(outside.argmax()) if outside.any() else len(value)
        if over_cells < len(value) and over_cells <= first:
            count = float(limits.cells)
            raise over_limit(note("io.limit.sheet-cells", count=count), "cells", limits.cells)
        if first < len(value):
            refuse(int(row[first]), int(column[first]), limits)


class _Memo(dict[bytes, int]):
    """A dict that works out a key it has not met (for map(memo.__getitem__, keys) in one pass)."""

    def __init__(self, make: Callable[[bytes], int]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: bytes) -> int:
        value = self[key] = self.make(key)
        return value


def _unique(attributes: bytes) -> None:
    """An element's attributes name each attribute once (else expat refuses the sheet)."""
    names = ATTRIBUTES.findall(attributes)
    if len(set(names)) != len(names):
        raise NotPlain


def _column(letters: bytes) -> int:
    """The 1-based number of a column's letters (b'AB' → 28); more than three are not a column."""
    if len(letters) > 3:
        raise NotPlain  # the streaming reader says it is not a cell reference
    return column_number(letters.decode())
