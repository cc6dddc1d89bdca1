"""CSV output, the one writer of every CSV dti writes: text cells that a spreadsheet would run as a
formula are escaped, at the start and after each line break, and every text cell is quoted (a CR or LF
stays inside its cell).

A table is a pandas frame, or a mapping of column name → values (a list of texts; a numpy array of
numbers, NaN written empty; a masked array of integers, masked cells written empty; an array of
integers). Both are written by pyarrow's compiled CSV writer with no per-cell Python: numbers go to it
as their own buffers, a text column as one joined, checked and encoded text.
"""

from __future__ import annotations

import io
import os
import re
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from dti.views.base import Coded
from dti.write.files import printable

PART_ROWS = 20_000  # rows formatted at once: see _dumps_columns
FORMULA_START = ("=", "@", "\t", "\r", "\n")
# A signed number ('-3,5', '+18.5 %', '-1.234,5', '-2e3') is data, not a formula; '-2+3' is a formula.
SIGNED_NUMBER = re.compile(r"[+-]\s*\d[\d\s.,]*(?:[eE][+-]?\d+)?\s*%?")
# A line break inside a cell: a spreadsheet that splits rows on it (or shows the cell's lines) must not
# find a formula at the start of the next line either.
AFTER_BREAK = re.compile(r"(\r\n|\r|\n)([^\r\n]*)")


def escape(value: Any) -> Any:
    """Prefix a quote to text a spreadsheet would read as a formula (OWASP CSV injection), at the start
    of the cell and after every line break in it ('Tên\\r=1+1' -> 'Tên\\r\'=1+1'); a file name's
    undecodable bytes are written as \\xff.

    '+' and '-' start a formula too, but also signed numbers and the '-' a missing result is written
    as: those two are left alone, any other text starting with '+' or '-' is escaped.
    """
    if not isinstance(value, str) or not value:
        return value
    value = _escape_line(printable(value))
    if "\r" in value or "\n" in value:
        return AFTER_BREAK.sub(lambda found: found[1] + _escape_line(found[2]), value)
    return value


def _escape_line(value: str) -> str:
    if not value:
        return value
    if value.startswith(FORMULA_START):
        return "'" + value
    if value[0] in "+-" and value != "-" and not SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def dumps(table: Any) -> Iterator[bytes]:
    """The table as CSV, UTF-8 parts made as they are written, one after the other (joining them, or
    keeping them all, would hold the whole output once more): a frame (without its index) or a mapping,
    both by the one writer below, so every CSV quotes a text cell (a line break in it stays inside the
    cell) and escapes formulas alike."""
    if isinstance(table, Mapping):
        return _dumps_columns(list(table.items()))
    return _dumps_columns([(name, _frame_column(column)) for name, column in table.items()])


def _frame_column(column: Any) -> Any:
    """A frame's column as the writer takes it: numbers as float64 (missing: NaN, written empty; whole
    numbers written without '.0'), anything else as texts (missing: empty)."""
    if _numeric(column) and column.dtype.kind != "b":
        return column.to_numpy(dtype=np.float64, na_value=np.nan)
    import pandas as pd

    return [None if _missing(v, pd) else str(v) for v in column.astype(object)]


def _missing(value: Any, pd: Any) -> bool:
    return value is None or (not isinstance(value, str | bool) and bool(pd.isna(value)))


def _numeric(column: Any) -> bool:
    """A column of numbers or booleans: nothing in it can be a formula."""
    return column.dtype.kind in "biuf"


def _arrow_column(values: Any) -> Any:
    """A pyarrow array built from buffers (pa.array() and to_numpy() would import pandas)."""
    import pyarrow as pa

    if isinstance(values, Coded):  # each distinct text escaped and encoded once
        numeric = values.texts.dtype.kind in "fiu"  # distinct numbers: written as the numbers in full
        distinct = _arrow_column(values.texts) if numeric else _texts(pa, values.texts)
        codes = _numbers(pa, np.asarray(values.codes, dtype=np.int32), None)
        return pa.DictionaryArray.from_arrays(codes, distinct)
    if isinstance(values, np.ma.MaskedArray) and values.dtype.kind in "iu":  # whole numbers, some empty
        return _numbers(pa, np.ma.getdata(values), ~np.ma.getmaskarray(values))
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":  # whole numbers, none empty
        return _numbers(pa, values, None)
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        numbers = np.ascontiguousarray(values, dtype=np.float64)
        present = ~np.isnan(numbers)
        largest = _whole_largest(numbers, present)
        if largest is not None:
            small = largest < 2**31  # ranks, places: integers
            return _numbers(
                pa, np.where(present, numbers, 0).astype(np.int32 if small else np.int64), present
            )
        return _numbers(pa, numbers, present)
    return _texts(pa, values)


def _whole_largest(numbers: np.ndarray, present: np.ndarray) -> float | None:
    """The largest magnitude when every number given (not NaN) is whole and below 2**53 (written as an
    integer), else None."""
    head = numbers[:4096]  # a column of fractions usually shows one at once: no pass over all of it
    if (head != np.round(head))[present[:4096]].any():
        return None
    given = numbers[present]
    if not given.size or not np.array_equal(given, np.round(given)):
        return None
    largest = float(np.abs(given).max())
    return largest if largest < 2**53 else None


def _numbers(pa: Any, numbers: np.ndarray, known: np.ndarray | None) -> Any:
    """Numbers as a pyarrow array sharing their buffer; `known`: False where the cell is written empty."""
    kind = {"f": pa.float64(), "i": pa.int64(), "u": pa.uint64()}[numbers.dtype.kind]
    if numbers.dtype == np.int32:
        kind = pa.int32()
    elif numbers.dtype.kind in "iu":
        numbers = numbers.astype(np.int64 if numbers.dtype.kind == "i" else np.uint64, copy=False)
    numbers = np.ascontiguousarray(numbers)
    validity = None if known is None or known.all() else pa.py_buffer(np.packbits(known, bitorder="little"))
    return pa.Array.from_buffers(kind, len(numbers), [validity, pa.py_buffer(numbers)])


# Where a joined column shows a cell that escape() would change: a formula's first character (or a
# sign) at the start of a cell, a line break (a cell holding one shows as one break too many).
_NEEDS_ESCAPE = re.compile(r"(?:^|\n)[=@\t+\-]|\r")


def _texts(pa: Any, values: Any) -> Any:
    """A text column, escaped; the usual column (no formula, no break, no lone surrogate) is joined,
    checked and encoded at once rather than cell by cell."""
    texts = [v if type(v) is str else "" if v is None else str(v) for v in values]
    joined = "\n".join(texts)
    encoded = None
    if joined.count("\n") == len(texts) - 1 and not _NEEDS_ESCAPE.search(joined):
        try:
            encoded = joined.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: printable() writes it as \xNN
            encoded = None
    if encoded is None:
        parts = [str(escape(v)).encode("utf-8") if v is not None else b"" for v in values]
        offsets = np.zeros(len(parts) + 1, dtype=np.int32)
        offsets[1:] = np.cumsum([len(p) for p in parts])
        data = b"".join(parts)
    else:  # cut at the joining breaks: text k starts after the k-th break, k bytes fewer once cut
        cells = np.frombuffer(encoded, dtype=np.uint8)
        breaks = np.flatnonzero(cells == 10)
        offsets = np.empty(len(texts) + 1, dtype=np.int32)
        offsets[0], offsets[-1] = 0, len(cells) - len(breaks)
        offsets[1:-1] = breaks + 1 - np.arange(1, len(breaks) + 1)
        data = cells[cells != 10].tobytes() if len(breaks) else encoded
    return pa.Array.from_buffers(pa.string(), len(texts), [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def _dumps_columns(columns: list[tuple[Any, Any]]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = pa.Table.from_arrays(
        [_arrow_column(v) for _, v in columns], names=[escape(str(name)) for name, _ in columns]
    )
    # Formatting numbers is the costly part: a large table is written in parts of 20,000 rows on as many
    # threads as cores (pyarrow releases the GIL), a part written out while the next ones are formatted;
    # small parts, made only a few ahead of the writing, keep the bytes held at once small. (10,000 rows in
    # two halves on two cores: 0.05 s sooner for 0.02 s more CPU, tried and left in issue 25's round 7.)
    parts = max(1, -(-table.num_rows // PART_ROWS))

    def write(k: int) -> bytes:
        out = io.BytesIO()
        # A part formatted as one batch: pyarrow's 1,024-row batches cost ~15 % more CPU in all.
        options = pacsv.WriteOptions(quoting_style="needed", include_header=k == 0, batch_size=PART_ROWS)
        pacsv.write_csv(table.slice(k * PART_ROWS, PART_ROWS), out, options)
        return out.getvalue()

    if parts == 1:
        yield write(0)
        return
    workers = min(parts, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers) as pool:
        ahead = deque(pool.submit(write, k) for k in range(min(parts, workers + 1)))
        following = len(ahead)
        while ahead:
            part = ahead.popleft().result()
            if following < parts:
                ahead.append(pool.submit(write, following))
                following += 1
            yield part
