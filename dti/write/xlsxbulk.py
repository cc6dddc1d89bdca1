"""Whole columns of a large table written into a worksheet at once (a 10,000-unit values sheet).

XlsxWriter keeps a Python tuple per cell and writes each cell's XML with several calls: about 10 µs a cell,
10 s for the 1.1 million cells of a report of 10,000 communes. A BulkSheet takes a column as an array
and writes its cells' XML with pyarrow's string kernels when the sheet is saved, each row's cells joined
without a Python string per cell: the same XML (`<c r="B2" s="3"><v>…`, numbers to 16 significant digits
as XlsxWriter writes them, texts in the shared string table), so the workbook reads and looks the same.
Cells written one by one (a bold row, a coloured cell) keep their place in the row.

A compact sheet (a report's: read by people, in Excel, LibreOffice, openpyxl, pandas or calamine) writes
its bulk rows' cells without their references, each standing after the one before it as the format
allows, and an empty cell (`<c/>`) where a row has no value: a third less XML, the same values read; its
numbers are written exactly (the shortest text that reads back as the number, not 16 digits).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from dti.write.xlsxparts import Part
from dti.write.xlsxrows import Column, Pieces, arrow, ints, joined, pool, shortest, text

CHUNK = 1024  # rows made into XML at once: a few MB of text alive, not the whole sheet's


@dataclass
class _Block:
    """A column's cells from row `top`: each row's index in `texts` (the distinct numbers' texts or shared
    string indices, a pyarrow array), -1 for no cell. A number block's texts are made when the sheet is
    saved, each distinct number of the sheet formatted once (`numbers`: its distinct values)."""

    top: int
    col: int
    codes: np.ndarray
    kind: str  # "n" number, "s" shared string
    fmt: Any
    texts: Any = None  # a pyarrow large_string array, once made
    numbers: np.ndarray | None = None


class BulkSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no type stubs for subclassing
    """A worksheet that also takes whole columns: numbers() and strings()."""

    compact = False  # bulk rows without cell references (see the module's note)

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[_Block] = []
        self._pieces: Pieces | None = None  # what the bulk rows are made of (see _write_bulk_rows)

    def numbers(self, top: int, col: int, numbers: np.ndarray, fmt: Any) -> None:
        """Numbers down column `col` from row `top`, one format; NaN is no cell."""
        present = ~np.isnan(numbers)
        unique, inverse = np.unique(numbers[present], return_inverse=True)
        codes = np.full(len(numbers), -1, dtype=np.int64)
        codes[present] = inverse.ravel()
        self._add(_Block(top, col, codes, "n", fmt, numbers=unique))

    def strings(self, top: int, col: int, texts: list[str | None], fmt: Any) -> None:
        """Texts (already clean) down column `col` from row `top`, one format; None is no cell. Each
        distinct text enters the shared string table once, in the order the rows first give it, as
        XlsxWriter's write_string would; the table's count of uses is kept."""
        import pyarrow as pa
        import pyarrow.compute as pc

        distinct = list(dict.fromkeys(t for t in texts if t is not None))
        position: dict[str | None, int] = {None: -1}
        position.update((t, k) for k, t in enumerate(distinct))
        codes = np.fromiter(map(position.__getitem__, texts), dtype=np.int64, count=len(texts))
        # the table's own _get_shared_string_index, for all the texts at once: a new text takes the next
        # index, each cell counts as a use
        table, known = self.str_table, self.str_table.string_table
        fresh = [t for t in distinct if t not in known]
        known.update((t, table.unique_count + k) for k, t in enumerate(fresh))
        table.unique_count += len(fresh)
        table.count += int((codes >= 0).sum())
        indices = np.fromiter(map(known.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        shared = pc.cast(ints(indices), pa.large_string(), memory_pool=pool())
        self._add(_Block(top, col, codes, "s", fmt, texts=shared))

    def _add(self, block: _Block) -> None:
        rows = np.flatnonzero(block.codes >= 0)
        if not len(rows):
            return
        self._check_dimensions(block.top + int(rows[0]), block.col)
        self._check_dimensions(block.top + int(rows[-1]), block.col)
        self.blocks.append(block)

    def _bounds(self) -> tuple[int, int]:
        """The first row of the bulk cells and the row after the last."""
        return min(b.top for b in self.blocks), max(b.top + len(b.codes) for b in self.blocks)

    def _texts(self, block: _Block) -> Any:
        """A block's distinct values as the cell XML holds them, a pyarrow array: numbers to 16 significant
        digits as XlsxWriter writes them ('%.16G'; each distinct number of the sheet formatted once), in a
        compact sheet as the shortest text that reads back as the number itself; shared string indices."""
        import pyarrow.compute as pc

        if block.texts is None and self.compact and block.numbers is not None:
            block.texts = shortest(block.numbers)  # fast enough not to share them
        if block.texts is None:
            waiting = [(b, b.numbers) for b in self.blocks if b.texts is None and b.numbers is not None]
            every = np.unique(np.concatenate([numbers for _, numbers in waiting]))
            shown = arrow(list(map("%.16G".__mod__, every.tolist())))
            for each, numbers in waiting:
                each.texts = pc.take(shown, ints(np.searchsorted(every, numbers)), memory_pool=pool())
        return block.texts

    def _columns(self, low: int, high: int) -> dict[int, Column]:
        """Each column's bulk cells over rows low..high, in column order. Called at the first bulk row:
        the formats get their numbers in the order the blocks were given, as their cells first use them."""
        import pyarrow as pa
        import pyarrow.compute as pc

        columns: dict[int, Column] = {}
        for block in self.blocks:
            codes = np.full(high - low, -1, dtype=np.int64)
            codes[block.top - low : block.top - low + len(block.codes)] = block.codes
            style = "" if block.fmt is None else f' s="{block.fmt._get_xf_index()}"'
            shared = ' t="s"' if block.kind == "s" else ""
            head = f"{'<c' if self.compact else ''}{style}{shared}><v>"
            tails = pc.binary_join_element_wise(
                text(head), self._texts(block), text("</v></c>"), text(""), memory_pool=pool()
            )
            if block.col not in columns:
                columns[block.col] = Column(f'<c r="{xl_col_to_name(block.col)}', tails, codes, self.compact)
                continue
            known = columns[block.col]  # a column in several looks: each block holds some of its cells
            taken = np.where(
                known.codes >= 0, known.codes, np.where(codes >= 0, codes + len(known.tails), -1)
            )
            merged = pa.concat_arrays([known.tails, tails], pool())
            columns[block.col] = Column(known.start, merged, taken, self.compact)
        return dict(sorted(columns.items()))

    def _write_bulk_rows(self, columns: dict[int, Column], low: int, start: int, stop: int) -> None:
        """Rows start..stop (sheet rows; each holds bulk cells only, no attributes): their <row> XML as one
        pyarrow take a chunk at a time, every piece of every row (its tag, its number, each cell's
        reference and tail) an index into the texts of Pieces; no Python string per cell. A compact sheet
        writes every cell of its columns from the first to the last, an empty one (`<c/>`) where a row
        has no value, without references but on the first cell after column A."""

        found = self._pieces = self._pieces or Pieces.of(columns, low, self.row_spans, self.compact)
        for first in range(start, stop, CHUNK):
            rows = found.rows(np.arange(first - low, min(first + CHUNK, stop) - low), low)
            if isinstance(self.fh, Part):
                self.fh.write_bytes(joined(rows))
            else:
                self.fh.write(joined(rows).tobytes().decode())

    def _get_range_data(self, row_start: int, col_start: int, row_end: int, col_end: int) -> list[Any]:
        """A chart's cached data as XlsxWriter reads it from its cells (numbers to 16 digits, texts, None
        where no cell, one None for a row without any cell), the bulk cells included."""
        if not self.blocks:
            return list(super()._get_range_data(row_start, col_start, row_end, col_end))
        size = row_end - row_start + 1
        taken = np.zeros(size, dtype=bool)  # rows holding a bulk cell in any column
        columns = {c: np.full(size, None, dtype=object) for c in range(col_start, col_end + 1)}
        for block in reversed(self.blocks):  # the first block of a column holding a row's cell wins
            begin, end = max(row_start, block.top), min(row_end + 1, block.top + len(block.codes))
            if begin >= end:
                continue
            codes = block.codes[begin - block.top : end - block.top]
            present = codes >= 0
            taken[begin - row_start : end - row_start] |= present
            if block.col in columns:
                texts = np.array(self._cached(block), dtype=object)
                columns[block.col][begin - row_start : end - row_start][present] = texts[codes[present]]
        for row in self.table:  # cells written one by one, as XlsxWriter reads them
            for col in self.table[row] if row_start <= row <= row_end else ():
                if col in columns:
                    columns[col][row - row_start] = super()._get_range_data(row, col, row, col)[0]
        if col_start == col_end:  # a chart's series: one column
            return list(columns[col_start].tolist())
        listed = {c: found.tolist() for c, found in columns.items()}
        data: list[Any] = []
        for i, row in enumerate(range(row_start, row_end + 1)):
            if row in self.table or taken[i]:
                data.extend(listed[c][i] for c in range(col_start, col_end + 1))
            else:
                data.append(None)
        return data

    def _cached(self, block: _Block) -> list[str]:
        """A block's distinct values as a chart caches them: a number to 16 digits with a small 'e', as
        XlsxWriter formats it ('%.16g'), a text itself."""
        texts: list[str] = self._texts(block).to_pylist()
        if block.kind == "n":
            return [t.lower() for t in texts]
        return [self.str_table._get_shared_string(int(t)) for t in texts]

    def _calculate_spans(self) -> None:
        """Each 16-row group's span of columns (XlsxWriter's), widened to the bulk cells in the group."""
        super()._calculate_spans()
        if not self.blocks:
            return
        groups = self.dim_rowmax // 16 + 1
        first, last = np.full(groups, self.dim_colmax + 1), np.full(groups, -1)
        for block in self.blocks:
            held = (block.top + np.flatnonzero(block.codes >= 0)) // 16
            first[held] = np.minimum(first[held], block.col)
            last[held] = np.maximum(last[held], block.col)
        for group in np.flatnonzero(last >= 0).tolist():
            low, high = int(first[group]) + 1, int(last[group]) + 1
            if found := self.row_spans.get(group):
                a, b = (int(x) for x in found.split(":"))
                low, high = min(a, low), max(b, high)
            self.row_spans[group] = f"{low}:{high}"

    def _write_rows(self) -> None:
        if not self.blocks:
            super()._write_rows()
            return
        self._calculate_spans()
        low, high = self._bounds()
        columns: dict[int, Column] = {}
        row_num = self.dim_rowmin
        while row_num <= self.dim_rowmax:
            if not low <= row_num < high:
                self._write_plain_row(row_num)
                row_num += 1
                continue
            if not columns:  # at the first bulk row
                columns = self._columns(low, high)
                given = np.any([c.codes >= 0 for c in columns.values()], axis=0)
                # rows that need XlsxWriter's own <row> tag (a height, a format) or cells one by one
                special = {*self.row_info, *self.table, *self.comments}
                given[[r - low for r in special if low <= r < high]] = False
                if self.default_row_height != self.original_row_height or self.excel_version == 2010:
                    given[:] = False  # every row's tag has attributes _write_bulk_rows does not write
                stops = np.flatnonzero(~given)
            at = row_num - low
            if given[at]:  # a run of rows holding bulk cells only
                stop = int(stops[np.searchsorted(stops, at)]) if len(stops) and stops[-1] > at else high - low
                self._write_bulk_rows(columns, low, row_num, low + stop)
                row_num = low + stop
                continue
            self._write_mixed_row(row_num, columns, at)
            row_num += 1

    def _write_mixed_row(self, row_num: int, columns: dict[int, Column], at: int) -> None:
        """A row of the bulk range with cells written one by one or row attributes (a bold row, a height):
        every cell in column order."""
        present = {
            c: f'{k.start}{row_num + 1}"{k.tails[k.codes[at]].as_py()[2 if k.opened else 0 :]}'
            for c, k in columns.items()
            if k.codes[at] >= 0
        }
        if not present:
            self._write_plain_row(row_num)
            return
        self._write_row(row_num, self.row_spans.get(row_num // 16), self.row_info.get(row_num))
        table = self.table.get(row_num) or {}
        for col in sorted({*table, *present}):
            if col in table:
                self._write_cell(row_num, col, table[col])
            else:
                self.fh.write(present[col])
        self._xml_end_tag("row")

    def _write_plain_row(self, row_num: int) -> None:
        """A row without bulk cells, as XlsxWriter's _write_rows writes it."""
        if not (row_num in self.row_info or row_num in self.comments or self.table.get(row_num)):
            return
        span = self.row_spans.get(row_num // 16)
        info = self.row_info.get(row_num)
        if self.table.get(row_num):
            self._write_row(row_num, span, info)
            for col_num in range(self.dim_colmin, self.dim_colmax + 1):
                if col_num in self.table[row_num]:
                    self._write_cell(row_num, col_num, self.table[row_num][col_num])
            self._xml_end_tag("row")
        else:
            self._write_empty_row(row_num, span, info)
