"""A Grid, what every reader makes of a file: per column, each row's code into that column's distinct texts.

Every distinct text is kept once per column, so a 100,000-row file costs one small int array per
column, and everything downstream (number parsing, unit names, options) works once per distinct text.
The readers: csvfile.py (CSV, UTF-16 text), xlsx.py; files.py picks one by the file's kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.headers import ALIASES, canonical, is_date_line
from dti.io.inputs import InputError as InputError  # raised and worded by every reader
from dti.io.inputs import reason as reason
from dti.issues import Issue, IssueCode, Severity, issue
from dti.text import header_key
from dti.words import Note, note

YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# a folder named as a year: `2023`, `so_nganh_2023`, `Năm 2023` (the year ends the name, no other digit),
# not a temporary folder `test_2024_0`
FOLDER_YEAR = re.compile(r"\D*(\d{4})")


def folder_year(path: Path) -> int | None:
    """The year of the nearest folder around `path` named as a year between 1900 and 2100."""
    for folder in path.absolute().parents:
        if (match := FOLDER_YEAR.fullmatch(folder.name)) and 1900 <= int(match.group(1)) <= 2100:
            return int(match.group(1))
    return None


def path_year(path: Path) -> int | None:
    """The year a file's path states: a 20xx in its name, else its nearest folder named as a year."""
    match = YEAR.search(path.stem)
    return int(match.group(1)) if match else folder_year(path)


@dataclass
class Column:
    """One column of a grid: each row's code into `texts` (the column's distinct texts, NFC)."""

    codes: np.ndarray
    texts: list[str]
    native: np.ndarray | None = None  # Excel numbers per row (NaN where the cell is not a number)
    percent_cells: np.ndarray | None = None  # Excel cells formatted as percent
    arrow: Any = None  # the distinct texts as a pyarrow array, when pyarrow read the file

    def cells(self) -> np.ndarray:
        """Each row's text (an object array): for small columns only."""
        return np.array(self.texts, dtype=object)[self.codes] if self.texts else np.full(len(self.codes), "")

    def stripped(self) -> tuple[np.ndarray, list[str]]:
        """Codes and distinct texts with surrounding spaces removed (for names, codes and stages)."""
        stripped = [t.strip() for t in self.texts]
        uniques: dict[str, int] = {}
        remap = np.array([uniques.setdefault(t, len(uniques)) for t in stripped], dtype=np.int64)
        return (remap[self.codes] if len(remap) else self.codes), list(uniques)

    def take(self, keep: np.ndarray) -> Column:
        return Column(
            self.codes[keep],
            self.texts,
            None if self.native is None else self.native[keep],
            None if self.percent_cells is None else self.percent_cells[keep],
            self.arrow,
        )

    @cached_property
    def empty(self) -> np.ndarray:
        """Per distinct text: it is "" (read from pyarrow's offsets when pyarrow read the column)."""
        if self.arrow is not None:
            return np.diff(_offsets(self.arrow)) == 0
        return np.array([not t for t in self.texts], dtype=bool)

    @cached_property
    def blank(self) -> np.ndarray:
        """Per distinct text: empty or only white space (`not text.strip()`). Of a column pyarrow read,
        only the texts whose first byte may start a space are looked at one by one."""
        if self.arrow is None:
            return np.array([not t or t.isspace() for t in self.texts], dtype=bool)
        offsets = _offsets(self.arrow)
        blank = self.empty.copy()
        starts = offsets[:-1][~blank]
        first = np.frombuffer(self.arrow.buffers()[2], dtype=np.uint8)[starts] if len(starts) else starts
        maybe = np.flatnonzero(~blank)[np.isin(first, SPACE_LEADS)]
        blank[maybe] = [self.texts[i].isspace() for i in maybe.tolist()]
        return blank


# The first UTF-8 byte of every character str.isspace() calls a space (tests/test_grid.py checks it
# against all of Unicode): \t-\r, \x1c-\x1f, ' ', U+0085 and U+00A0 (0xC2), U+1680 (0xE1),
# U+2000-U+205F (0xE2), U+3000 (0xE3).
SPACE_LEADS = np.array([*range(0x09, 0x0E), *range(0x1C, 0x21), 0xC2, 0xE1, 0xE2, 0xE3], dtype=np.uint8)


def _offsets(strings: Any) -> np.ndarray:
    """A pyarrow string array's offsets (n + 1), read from its buffer (to_numpy would import pandas)."""
    return np.frombuffer(strings.buffers()[1], dtype=np.int32)[
        strings.offset : strings.offset + len(strings) + 1
    ]


@dataclass(frozen=True)
class YearSource:
    """A year a file states, and where: its sheet and spreadsheet row (None: the file's name)."""

    year: int
    file: str
    sheet: str | None
    row: int | None

    def said(self) -> Note:
        """Where the year is written, as a message names it."""
        if self.row is None:
            return note("files.year-name", file=self.file, year=self.year)
        if self.sheet:
            return note(
                "files.year-sheet-row", file=self.file, sheet=self.sheet, row=self.row, year=self.year
            )
        return note("files.year-row", file=self.file, row=self.row, year=self.year)


def stated_years(grids: list[Grid]) -> list[YearSource]:
    """The years the grids state, of the sheets that look like data only (an instructions sheet's
    deadline `Hạn gửi: 15/01/2024` is not the data's year); of every grid when none looks like data."""
    data = [g for g in grids if g.looks_like_data()] or grids
    return [found for g in data if (found := g.year_source) is not None]


@dataclass
class Grid:
    path: Path
    sheet: str | None
    header: list[str]
    columns: list[Column]
    rows: np.ndarray  # the spreadsheet row number of each body row (header = 1)
    blank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # rows with no text at all
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))  # CSV: cells in each row
    notes: list[Note] = field(default_factory=list)  # how the file was read (sheets skipped, its kind)
    table: int | None = None  # a Word document's table: its number among the document's tables

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def year(self) -> int | None:
        found = self.year_source
        return found.year if found is not None else None

    @property
    def year_source(self) -> YearSource | None:
        """The data year and where it is written: a year column's first number, a title row naming one
        (`… NĂM 2021`) among the first rows (not the date a form was signed), a 20xx in the file name, or
        the nearest folder named as a year (`2023/so-noi-vu.xlsx`), however the file was given."""
        for j, raw in enumerate(self.header):
            if canonical(raw) == "year" and j < len(self.columns):
                column = self.columns[j]
                for k, text in enumerate(column.texts):
                    if text.strip().isdigit():
                        row = int(self.rows[int(np.argmax(column.codes == k))]) if len(self.rows) else None
                        return YearSource(int(text.strip()), self.name, self.sheet, row)
        for row, line in self._title_rows():
            if (match := YEAR.search(line)) and not is_date_line(line):  # signed in 2025 on 2024's data
                return YearSource(int(match.group(1)), self.name, self.sheet, row)
        stated = path_year(self.path)
        return YearSource(stated, self.name, self.sheet, None) if stated is not None else None

    def looks_like_data(self, scan: int = 30) -> bool:
        """Whether a header the readers know (`Mã chỉ số`, `Kết quả`, `Tỉnh`...) is among the first rows:
        a workbook's instructions sheet has none, and its deadline is not the data's year. `STT` and
        `Ghi chú` head any list (a contacts table): alone, they are not data."""
        first = [self.header] + [
            [c.texts[c.codes[i]] for c in self.columns if c.texts] for i in range(min(scan, len(self.rows)))
        ]
        meanings = (ALIASES.get(header_key(cell)) for row in first for cell in row if cell.strip())
        return any(meaning not in {None, "skip", "note"} for meaning in meanings)

    def title_lines(self, scan: int = 10) -> list[str]:
        """The first rows that hold a single text (titles above a table), the header row included."""
        return [line for _, line in self._title_rows(scan)]

    def _title_rows(self, scan: int = 10) -> list[tuple[int, str]]:
        top = int(self.rows[0]) - 1 if len(self.rows) else 1
        rows = [(top, [h for h in self.header if h])]
        for i in range(min(scan, len(self.rows))):
            cells = [c.texts[c.codes[i]] for c in self.columns if c.texts and c.texts[c.codes[i]].strip()]
            rows.append((int(self.rows[i]), cells))
        return [(at, row[0]) for at, row in rows if len(row) == 1]

    def keep(self, keep: np.ndarray) -> Grid:
        """The grid without some body rows (blank ones)."""
        return Grid(
            self.path,
            self.sheet,
            self.header,
            [c.take(keep) for c in self.columns],
            self.rows[keep],
            self.blank[keep],
            self.lengths[keep] if len(self.lengths) else self.lengths,
            self.notes,
            self.table,
        )


def cell_ref(col: int, row: int) -> str:
    return f"{col_letter(col)}{row}"


def col_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def factorize(texts: list[str]) -> Column:
    uniques: dict[str, int] = {}
    codes = np.fromiter(
        (uniques.setdefault(t, len(uniques)) for t in texts), dtype=np.int64, count=len(texts)
    )
    return Column(codes, list(uniques))


def make_grid(
    path: Path, sheet: str | None, header: list[str], columns: list[Column], n: int, header_row: int = 1
) -> Grid:
    """A grid whose header is spreadsheet row `header_row` (below blank first rows) and n body rows."""
    blank = np.ones(n, dtype=bool)
    for column in columns:
        blank &= column.empty[column.codes] if len(column.texts) else True
    rows = np.arange(header_row + 1, header_row + 1 + n)
    return Grid(path, sheet, [h.strip() for h in header], columns, rows, blank)


def ragged_rows(grid: Grid) -> list[Issue]:
    """Flag CSV rows with fewer cells than the header, or with values beyond its last column."""
    lengths = grid.lengths
    if not len(lengths):
        return []
    width = len(grid.header)
    extra = np.zeros(len(lengths), dtype=bool)
    for column in grid.columns[width:]:
        filled = np.array([t != "" for t in column.texts], dtype=bool)
        extra |= filled[column.codes]
    short = (lengths < width) & (lengths > 0) & ~grid.blank
    out = []
    for i in np.flatnonzero(extra | short):
        error = bool(extra[i])
        out.append(
            issue(
                IssueCode.RAGGED_ROW,
                Severity.ERROR if error else Severity.WARNING,
                "io.ragged-extra" if error else "io.ragged-short",
                {"cells": int(lengths[i]), "width": width},
                file=grid.name,
                row=int(grid.rows[i]),
            )
        )
    return out


def header_of(record: Any, column: str) -> str:
    """The header a list's row (a record or a frame's row) has `column` under, as the file writes it
    (`Đơn vị chủ trì` for `responsible`); the column's own name when the list has none."""
    written = record.get("headers") if hasattr(record, "get") else None
    return str(written.get(column, column)) if isinstance(written, dict) else column
