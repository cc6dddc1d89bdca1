"""CSV files (UTF-8, Windows-1258 or Excel's UTF-16 'Unicode Text') → a Grid.

The separator is the one the first lines use most consistently; a large, regular file is read by
pyarrow's compiled, multi-threaded reader, anything irregular by the csv module, which reports it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import numpy as np

from dti.io.grid import Column, Grid, InputError, cell_ref, factorize, make_grid
from dti.io.xlsxxml import XlsxLimits
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import arrow_kernel
from dti.words import note

ARROW_FROM_BYTES = 256 * 1024  # larger CSV files are read by pyarrow's compiled, multi-threaded reader
# Blank lines above the header (a form saved with its first rows empty): only spaces and separators.
LEADING_BLANK = re.compile(r"(?:[ \t,;|]*(?:\r\n|\r|\n))+")


def read_csv(path: Path, data: bytes, issues: list[Issue], limits: XlsxLimits | None = None) -> Grid:
    """A CSV file's grid; the header is its first non-blank line (row numbers kept as in the file).

    Bounded like a workbook: the width is checked on the first lines before any column is built, and
    rows × columns after parsing. A CSV is read ~20× faster than a sheet's XML, so its row and cell caps
    are larger (CSV_ROWS, CSV_CELLS: 100,000 units × 98 components wide, or 10,000 communes long, fit);
    DTI_CSV_MAX_ROWS, _COLUMNS and _CELLS raise them.
    """
    limits = limits or csv_limits()
    if len(data) > ARROW_FROM_BYTES:
        grid = _read_utf8_arrow(path, data, limits)
        if grid is not None:
            return grid
    text = _decode(data, str(path), issues)
    blank = LEADING_BLANK.match(text)
    skipped = 0
    if blank:
        skipped = len(re.findall(r"\r\n|\r|\n", blank.group()))
        text = text[blank.end() :]
    _check_width(text, limits, skipped)
    # The header names no numbers, so the separator it uses most is the file's (Excel writes ';' in
    # locales whose decimal separator is a comma).
    delimiter = _delimiter(text)
    if len(data) > ARROW_FROM_BYTES:
        grid = _read_csv_arrow(path, text, delimiter, skipped + 1, limits)
        if grid is not None:
            return grid
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(note("io.bad-csv", why=str(exc))) from None
    if not records:
        return Grid(path, None, [], [], np.zeros(0, dtype=int))
    _check_closed(text, records, delimiter, skipped)
    issues += _late_quotes(records, delimiter, skipped, str(path))
    header, body = records[0], records[1:]
    width = max([len(header), *map(len, body)])
    _check_size(len(records), width, limits, skipped + 1 + int(np.argmax([len(r) for r in records])))
    columns = [factorize([r[j] if j < len(r) else "" for r in body]) for j in range(width)]
    grid = make_grid(path, None, header, columns, len(body), skipped + 1)
    grid.lengths = np.fromiter(map(len, body), dtype=int, count=len(body))
    return grid


CSV_ROWS = 10_000_000
CSV_CELLS = 40_000_000  # a cell costs ~8 bytes of codes once read: 320 MB at the cap


def csv_limits() -> XlsxLimits:
    return XlsxLimits.from_env("DTI_CSV", rows=CSV_ROWS, cells=CSV_CELLS)


def _check_width(text: str, limits: XlsxLimits, skipped: int) -> None:
    """Refuse a file wider than the column cap from its first lines, before any parsing: a separator
    counted in a line is a bound on its cells (quoted separators only make it fewer)."""
    for number, line in enumerate(text.split("\n", 30)[:30], start=skipped + 1):
        most = max(line.count(sep) for sep in ",;\t|") + 1
        if (
            most > limits.columns
            and len(next(csv.reader([line], delimiter=_most(line)), [])) > limits.columns
        ):
            what = note("files.limit.csv-columns", row=number, count=float(most))
            raise limits.over(what, "columns")


def _most(line: str) -> str:
    return max(",;\t|", key=line.count)


def _check_size(rows: int, width: int, limits: XlsxLimits, widest: int) -> None:
    if width > limits.columns:
        raise limits.over(note("files.limit.csv-columns", row=widest, count=float(width)), "columns")
    if rows > limits.rows:
        raise limits.over(note("io.limit.rows", row=float(limits.rows)), "rows")
    if rows * width > limits.cells:
        span = note("files.limit.csv-cells", rows=float(rows), columns=float(width))
        raise limits.over(span, "cells")


def _check_closed(text: str, records: list[list[str]], delimiter: str, skipped: int) -> None:
    """An unclosed quote swallows every line after it into its last record: refuse the file, naming the
    row where the quote opened (only the last record can hold one; a strict reader of its text says)."""
    last = records[-1]
    if not any("\n" in cell or "\r" in cell for cell in last):
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 0
    for _ in range(len(records) - 1):  # the physical line where the last record starts
        next(reader)
        start = reader.line_num
    tail = "".join(text.splitlines(keepends=True)[start:])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            lines = tail.count("\n") + (not tail.endswith("\n"))
            why = note("files.unclosed-quote", row=skipped + len(records), rows=max(lines - 1, 1))
            raise InputError(why) from None


def _late_quotes(records: list[list[str]], delimiter: str, skipped: int, name: str) -> list[Issue]:
    """A quoted cell that closes a few lines later swallows the data rows between: warn of each cell
    whose later lines have as many separators as the header (they look like rows, not a note)."""
    width = len(records[0]) - 1 if records else 0
    found, line = [], skipped + 1  # the file's line where each record starts
    for i, record in enumerate(records):
        breaks = sum(cell.count("\n") for cell in record)
        for j, cell in enumerate(record if breaks and width else []):
            rows = [text for text in cell.split("\n")[1:] if text.count(delimiter) == width]
            if rows:
                found.append(
                    issue(
                        IssueCode.RAGGED_ROW,
                        Severity.WARNING,
                        "files.late-quote",
                        {"lines": f"{line}-{line + breaks}", "rows": rows},
                        file=name,
                        row=skipped + 1 + i,
                        column=records[0][j] if j < len(records[0]) else None,
                        cell=cell_ref(j, skipped + 1 + i),
                    )
                )
        line += breaks + 1
    return found


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


HEAD_BYTES = 1 << 20  # what a large UTF-8 file is looked at before pyarrow reads its bytes


def _read_utf8_arrow(path: Path, data: bytes, limits: XlsxLimits) -> Grid | None:
    """A large UTF-8 file in NFC read by pyarrow from its bytes, only its first lines decoded here (the
    whole text is neither decoded nor encoded again: ~0.3 s and ~200 MB at 100,000 units); the same grid
    as reading the decoded text. None for anything else (UTF-16, another encoding, text to normalise,
    a first line longer than the look): the caller then reads the decoded text."""
    head = data[:HEAD_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4096].count(b"\x00") * 3 > len(head[:4096]):
        return None
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    end = len(data) if len(data) <= HEAD_BYTES else head.rfind(b"\n") + 1
    try:
        text = head[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    # The checks of the first lines must see what they would see in the whole text.
    if len(data) > HEAD_BYTES and (len(text) <= 65536 or text.count("\n") <= 31):
        return None
    if not unicodedata.is_normalized("NFC", text):
        return None
    blank = LEADING_BLANK.match(text)
    skipped = len(re.findall(r"\r\n|\r|\n", blank.group())) if blank else 0
    text = text[blank.end() :] if blank else text
    _check_width(text, limits, skipped)
    body = memoryview(data)[start + (blank.end() if blank else 0) :]  # the blank lines are ASCII
    return _read_csv_arrow(path, text, _delimiter(text), skipped + 1, limits, body)


def _read_csv_arrow(
    path: Path,
    text: str,
    delimiter: str,
    header_row: int,
    limits: XlsxLimits,
    body: memoryview | None = None,
) -> Grid | None:
    """Read a large, regular CSV with pyarrow; None if it is irregular (the csv module then reports it).

    `body`: the file's bytes from its header on, read as they are (then `text` is only its first lines,
    and None also says a text is not UTF-8 or not in NFC).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        header = next(csv.reader(io.StringIO(text[: text.find("\n")]), delimiter=delimiter), [])
    except csv.Error:  # a header cell over the csv module's field limit: the fallback reports it
        return None
    names = [f"c{j}" for j in range(len(header))]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)) if body is not None else io.BytesIO(text.encode("utf-8")),
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
    if table.num_rows and any("\n" in str(table.column(n)[-1]) for n in names):
        return None  # an unclosed quote may have swallowed the last lines: the csv module says where
    _check_size(table.num_rows + 1, len(names), limits, header_row)
    columns = []
    for name in names:
        encoded = arrow_kernel("dictionary_encode", table.column(name).combine_chunks())
        indices = encoded.indices  # int32 without nulls; read from its buffer (to_numpy imports pandas)
        codes = np.frombuffer(indices.buffers()[1], dtype=np.int32)[
            indices.offset : indices.offset + len(indices)
        ]
        texts = encoded.dictionary.to_pylist()
        if body is not None and not unicodedata.is_normalized("NFC", "\n".join(texts)):
            return None  # the decoded text is normalised first
        columns.append(Column(codes.astype(np.int64), texts, arrow=encoded.dictionary))
    return make_grid(path, None, header, columns, table.num_rows, header_row)


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
