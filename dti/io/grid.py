"""CSV and XLSX files → a Grid: per column, each row's code into that column's distinct texts.

Every distinct text is kept once per column, so a 100,000-row file costs one small int array per
column, and everything downstream (number parsing, unit names, options) works once per distinct text.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.headers import canonical
from dti.issues import Issue, IssueCode, Severity, issue
from dti.words import Note, note

YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
SUPPORTED = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}
ARROW_FROM_BYTES = 256 * 1024  # larger CSV files are read by pyarrow's compiled, multi-threaded reader


class InputError(Exception):
    """An input that cannot be read at all (not a file, unreadable register...): `note` says why, in
    words the views put in the user's language; str() is its English text."""

    def __init__(self, why: Note | str) -> None:
        super().__init__(str(why))
        self.note = why


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


@dataclass
class Grid:
    path: Path
    sheet: str | None
    header: list[str]
    columns: list[Column]
    rows: np.ndarray  # the spreadsheet row number of each body row (header = 1)
    blank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # rows with no text at all
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))  # CSV: cells in each row

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def year(self) -> int | None:
        """The data year: a year column's first number, a title row naming one (`… NĂM 2021`) among
        the first rows, or a 20xx in the file name."""
        for j, raw in enumerate(self.header):
            if canonical(raw) == "year" and j < len(self.columns):
                for text in self.columns[j].texts:
                    if text.strip().isdigit():
                        return int(text.strip())
        for line in self.title_lines():
            if match := YEAR.search(line):
                return int(match.group(1))
        match = YEAR.search(self.path.stem)
        return int(match.group(1)) if match else None

    def title_lines(self, scan: int = 10) -> list[str]:
        """The first rows that hold a single text (titles above a table), the header row included."""
        rows = [[h for h in self.header if h]]
        for i in range(min(scan, len(self.rows))):
            cells = [c.texts[c.codes[i]] for c in self.columns if c.texts and c.texts[c.codes[i]].strip()]
            rows.append(cells)
        return [row[0] for row in rows if len(row) == 1]

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


def _utf16(data: bytes) -> str | None:
    """Excel's 'Unicode Text' is UTF-16: a BOM, or a zero byte beside every ASCII character."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(note("io.bad-utf16", byte=exc.start)) from None
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 > len(head):  # ASCII text as UTF-16 without a BOM
        little = head[1::2].count(0) > head[0::2].count(0)
        try:
            return data.decode("utf-16-le" if little else "utf-16-be")
        except UnicodeDecodeError:
            return None
    return None


def _decode(data: bytes, name: str, issues: list[Issue]) -> str:
    utf16 = _utf16(data)
    if utf16 is not None:
        return unicodedata.normalize("NFC", utf16)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        issues.append(
            issue(
                IssueCode.ENCODING_FALLBACK, Severity.WARNING, "io.not-utf8", {"byte": exc.start}, file=name
            )
        )
        text = data.decode("cp1258", errors="replace")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def make_grid(path: Path, sheet: str | None, header: list[str], columns: list[Column], n: int) -> Grid:
    blank = np.ones(n, dtype=bool)
    for column in columns:
        empty = np.array([t == "" for t in column.texts], dtype=bool)
        blank &= empty[column.codes] if len(empty) else True
    return Grid(path, sheet, [h.strip() for h in header], columns, np.arange(2, n + 2), blank)


def read_csv(path: Path, data: bytes, issues: list[Issue]) -> Grid:
    text = _decode(data, str(path), issues)
    # The header names no numbers, so the separator it uses most is the file's (Excel writes ';' in
    # locales whose decimal separator is a comma).
    delimiter = _delimiter(text)
    if len(data) > ARROW_FROM_BYTES:
        grid = _read_csv_arrow(path, text, delimiter)
        if grid is not None:
            return grid
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(note("io.bad-csv", why=str(exc))) from None
    if not records:
        return Grid(path, None, [], [], np.zeros(0, dtype=int))
    header, body = records[0], records[1:]
    width = max([len(header), *map(len, body)])
    columns = [factorize([r[j] if j < len(r) else "" for r in body]) for j in range(width)]
    grid = make_grid(path, None, header, columns, len(body))
    grid.lengths = np.fromiter(map(len, body), dtype=int, count=len(body))
    return grid


def _delimiter(text: str) -> str:
    """The separator the first lines use most consistently (title rows may use none; Excel writes ';'
    in locales whose decimal separator is a comma)."""
    lines = [line for line in text[:65536].splitlines()[:30] if line.strip()]

    def consistency(sep: str) -> tuple[int, int]:
        """How many lines split into the most common number of fields (more than one), and that number."""
        widths = [len(row) for row in csv.reader(lines, delimiter=sep)]
        common = max(set(widths), key=lambda w: (widths.count(w), w), default=1)
        return (widths.count(common), common) if common > 1 else (0, 0)

    return max(",;\t|", key=consistency) if lines else ","


def _read_csv_arrow(path: Path, text: str, delimiter: str) -> Grid | None:
    """Read a large, regular CSV with pyarrow; None if it is irregular (the csv module then reports it)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        header = next(csv.reader(io.StringIO(text[: text.find("\n")]), delimiter=delimiter), [])
    except csv.Error:  # a header cell over the csv module's field limit: the fallback reports it
        return None
    names = [f"c{j}" for j in range(len(header))]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    columns = []
    for name in names:
        encoded = table.column(name).combine_chunks().dictionary_encode()
        indices = encoded.indices  # int32 without nulls; read from its buffer (to_numpy imports pandas)
        codes = np.frombuffer(indices.buffers()[1], dtype=np.int32)[
            indices.offset : indices.offset + len(indices)
        ]
        columns.append(
            Column(codes.astype(np.int64), encoded.dictionary.to_pylist(), arrow=encoded.dictionary)
        )
    return make_grid(path, None, header, columns, table.num_rows)


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


def read_grid(path: Path, sheet: str | None, issues: list[Issue]) -> Grid | None:
    """Read one file; an unsupported or unreadable file becomes an issue and None."""
    name = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():  # given to `dti targets`, or a folder with nothing dti reads in it
        issues.append(issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.folder", file=name))
        return None
    if suffix not in SUPPORTED:
        issues.append(
            issue(
                IssueCode.UNSUPPORTED_FORMAT,
                Severity.ERROR,
                "io.unsupported",
                {"suffix": suffix or path.name},
                file=name,
            )
        )
        return None
    try:
        if suffix in {".xlsx", ".xlsm"}:
            from dti.io.xlsx import read_xlsx

            return read_xlsx(path, sheet)
        return read_csv(path, path.read_bytes(), issues)
    except (OSError, InputError) as exc:
        why = exc.note if isinstance(exc, InputError) else str(exc)
        issues.append(
            issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.cannot-read", {"why": why}, file=name)
        )
        return None


def read_grids(paths: list[Path], sheet: str | None = None) -> tuple[list[Grid], list[Issue]]:
    """Read each file once; unreadable and empty files become issues."""
    issues: list[Issue] = []
    grids = []
    for path in paths:
        grid = read_grid(path, sheet, issues)
        if grid is None:
            continue
        if not grid.header:
            issues.append(
                issue(IssueCode.NO_DATA, Severity.ERROR, "io.empty", file=str(path), sheet=grid.sheet)
            )
            continue
        grids.append(grid)
    return grids, issues
