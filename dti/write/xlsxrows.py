"""A bulk sheet's rows as pyarrow pieces (dti/write/xlsxbulk.py): each column's cells, every piece a row is
made of in one array of texts, and the pyarrow helpers that make texts from buffers."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from dti.numbers import texts_array


@dataclass
class Column:
    """A sheet column's bulk cells (its blocks merged, the first block holding a row's cell kept): each
    row's index in `tails`, each tail a cell's XML after its reference (` s="3"><v>0.25</v></c>`)."""

    start: str  # '<c r="B'
    tails: Any  # a pyarrow large_string array
    codes: np.ndarray  # over the bulk rows, -1 for no cell
    opened: bool = False  # a compact sheet's tails start the cell: `<c s="3"><v>0.25</v></c>`


# The fixed pieces of a bulk row, first in Pieces.texts (their indices)
EMPTY, ROW, ROW_END, QUOTE, EMPTY_CELL, EMPTY_TAIL = range(6)
FIXED = ["", '<row r="', "</row>", '"', "<c/>", "/>"]


@dataclass
class Pieces:
    """Every text a sheet's bulk rows are made of, in one pyarrow array: the fixed pieces, each span of a
    row's tag (`" spans="1:113">`), each row's number, each column's reference (`<c r="B`) and its cells'
    tails; and where each kind starts in it."""

    texts: Any
    number: int  # the index of the first bulk row's number
    span: np.ndarray  # each 16-row group's span text, from the first bulk row's group
    columns: list[tuple[Column | None, int, int, str]]  # column, its reference, its tails, its way

    @classmethod
    def of(cls, columns: dict[int, Column], low: int, row_spans: dict[int, str], compact: bool) -> Pieces:
        """The pieces of a sheet's bulk rows from row `low`: its columns, its 16-row groups' spans, and
        whether it is compact (BulkSheet.compact)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        keys = list(columns)
        high = low + len(columns[keys[0]].codes)
        groups = range(low // 16, (high - 1) // 16 + 1)
        spans = [f'" spans="{found}">' if (found := row_spans.get(g)) else '">' for g in groups]
        distinct = list(dict.fromkeys(spans))
        numbers = pc.cast(ints(np.arange(low + 1, high + 1)), pa.large_string(), memory_pool=pool())
        texts = [arrow(FIXED + distinct), numbers]
        at = len(FIXED) + len(distinct) + high - low
        placed: list[tuple[Column | None, int, int, str]] = []
        # a compact sheet: every column from the first to the last (a missing one: empty cells), each
        # cell without its reference but the first after column A
        for col in range(keys[0], keys[-1] + 1) if compact else keys:
            way = "referenced" if not compact else "first" if col == keys[0] > 0 else "compact"
            column = columns.get(col)
            if column is None:
                placed.append((None, 0, 0, "empty"))
                continue
            tails = column.tails  # a compact sheet's: whole cells (see Column.opened)
            if way == "first":  # after its reference
                tails = pc.utf8_slice_codeunits(tails, 2, memory_pool=pool())
            texts += [arrow([column.start]), tails]
            placed.append((column, at, at + 1, way))
            at += 1 + len(column.tails)
        kinds = np.array([len(FIXED) + distinct.index(s) for s in spans], dtype=np.int64)
        return cls(pa.concat_arrays(texts, pool()), len(FIXED) + len(distinct), kinds, placed)

    def rows(self, at: np.ndarray, low: int) -> Any:
        """The XML of rows `at` (indices into the bulk rows, from sheet row `low`), every piece of each
        row taken in order by one pyarrow take: a large_string array whose buffer is the text."""
        groups = (at + low) // 16
        tag = [np.full(len(at), ROW), self.number + at, self.span[groups - low // 16]]
        order = np.column_stack([*tag, *self.cells(at), np.full(len(at), ROW_END)]).ravel()
        import pyarrow.compute as pc

        return pc.take(self.texts, ints(order), memory_pool=pool())

    def cells(self, at: np.ndarray) -> list[np.ndarray]:
        """The pieces of rows `at` (indices into the bulk rows), column by column: a referenced cell's
        reference, row number, quote and tail (none without a value; the first cell of a compact row is
        always there, `/>` its tail without a value); a compact cell whole (`<c/>` without a value)."""
        size = len(at)
        out = []
        for column, start, tails, way in self.columns:
            if column is None:
                out.append(np.full(size, EMPTY_CELL))
                continue
            codes = column.codes[at]
            given = codes >= 0
            tail = np.where(given, tails + codes, EMPTY_TAIL if way == "first" else EMPTY)
            if way == "compact":  # its tails hold the whole cell
                out.append(np.where(given, tails + codes, EMPTY_CELL))
                continue
            shown = np.ones(size, dtype=bool) if way == "first" else given
            number = np.where(shown, self.number + at, EMPTY)
            out += [np.where(shown, start, EMPTY), number, np.where(shown, QUOTE, EMPTY), tail]
        return out


def joined(texts: Any) -> memoryview:
    """A pyarrow large_string array (no nulls) as one UTF-8 text: its data buffer's bytes between its first
    and last offsets, not copied, without a Python string per element."""
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)[texts.offset :]
    return memoryview(texts.buffers()[2])[int(offsets[0]) : int(offsets[len(texts)])]


# pyarrow arrays and scalars are made from buffers: pa.array() and pa.scalar() import pandas (~0.25 s,
# which nothing else of a report needs)


def arrow(texts: list[str]) -> Any:
    """Texts as a pyarrow large_string array (the kernels' joins of a whole sheet pass 2 GB). ASCII texts
    (every number's, every shared string index) are encoded at once, each one's bytes its length."""
    import pyarrow as pa

    joined = "".join(texts)
    if joined.isascii():
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)), out=offsets[1:])
        buffers = [None, pa.py_buffer(offsets), pa.py_buffer(joined.encode())]
        return pa.Array.from_buffers(pa.large_string(), len(texts), buffers)
    found = texts_array(texts)
    if found is None:  # a lone surrogate, which no UTF-8 holds: as pyarrow itself converts it
        return pa.array(texts, pa.large_string())
    return found


def shortest(numbers: np.ndarray) -> Any:
    """Each number's shortest text that reads back as the same number (`0.30000000000000004`, `1e-7`),
    by pyarrow's cast: exact where '%.16G' keeps 16 digits, and 4× faster."""
    import pyarrow as pa
    import pyarrow.compute as pc

    floats = pa.Array.from_buffers(pa.float64(), len(numbers), [None, pa.py_buffer(numbers)])
    return pc.cast(floats, pa.large_string(), memory_pool=pool())


@functools.cache
def pool() -> Any:
    """Where a sheet's texts are made: jemalloc, where pyarrow has it. pyarrow's default, mimalloc, gave
    the ~30 MB of a 10,000-unit values sheet back to the system between uses and took it again page by
    page: 0.10 s or 0.25–0.33 s by turns, 0.10–0.13 s on jemalloc (issue 25). Reading stays on the default:
    a CSV took 0.027 s on mimalloc, 0.039 s on jemalloc."""
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # Windows', macOS on ARM's wheels
        return pa.default_memory_pool()


@functools.cache  # a column's '<c r="B', a row's '">': a few texts, joined 1,000 times
def text(value: str) -> Any:
    """A text as a pyarrow large_string scalar (the string kernels take no mixed string types)."""
    return arrow([value])[0]


def ints(values: np.ndarray) -> Any:
    """Whole numbers as a pyarrow int64 array."""
    import pyarrow as pa

    data = pa.py_buffer(np.ascontiguousarray(values, dtype=np.int64))
    return pa.Array.from_buffers(pa.int64(), len(values), [None, data])
