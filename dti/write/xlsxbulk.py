"""Whole columns of a large table written into a worksheet at once (a 10,000-unit values sheet).

XlsxWriter keeps a Python tuple per cell and writes each cell's XML with several calls: about 10 µs a cell,
10 s for the 1.1 million cells of a report of 10,000 communes. A BulkSheet takes a column as an array
and writes each row's cells as one string when the sheet is saved: the same XML (`<c r="B2" s="3"><v>…`,
numbers to 16 significant digits as XlsxWriter writes them, texts in the shared string table), so the
workbook reads and looks the same. Cells written one by one (a bold row, a coloured cell) keep their
place in the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet


@dataclass
class _Block:
    """A column's cells from row `top`: number texts (or shared-string indices), '' for no cell."""

    top: int
    col: int
    values: list[str]
    kind: str  # "n" number, "s" shared string
    fmt: Any


class BulkSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no type stubs for subclassing
    """A worksheet that also takes whole columns: numbers() and strings()."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[_Block] = []

    def numbers(self, top: int, col: int, numbers: np.ndarray, fmt: Any) -> None:
        """Numbers down column `col` from row `top`, one format (each distinct number formatted once);
        NaN is no cell."""
        present = ~np.isnan(numbers)
        unique, inverse = np.unique(numbers[present], return_inverse=True)
        shown = np.array([f"{v:.16G}" for v in unique.tolist()] + [""], dtype=object)
        where = np.full(len(numbers), len(unique))
        where[present] = inverse.ravel()
        self._add(top, col, shown[where].tolist(), "n", fmt, np.flatnonzero(present).tolist())

    def strings(self, top: int, col: int, texts: list[str | None], fmt: Any) -> None:
        """Texts (already clean) down column `col` from row `top`, one format; None is no cell."""
        index = self.str_table._get_shared_string_index
        self._add(top, col, ["" if t is None else str(index(t)) for t in texts], "s", fmt)

    def _add(
        self, top: int, col: int, values: list[str], kind: str, fmt: Any, rows: list[int] | None = None
    ) -> None:
        """A block of cells; `rows`: those holding a cell (else found from the values)."""
        if rows is None:
            rows = [i for i, v in enumerate(values) if v]
        if not rows:
            return
        self._check_dimensions(top + rows[0], col)
        self._check_dimensions(top + rows[-1], col)
        self.blocks.append(_Block(top, col, values, kind, fmt))

    def _render(self) -> tuple[int, dict[int, list[str]], list[str]]:
        """The bulk cells' XML: the first row, each column's cells from it ('' for none), each row's cells
        joined (in column order)."""
        low = min(b.top for b in self.blocks)
        size = max(b.top + len(b.values) for b in self.blocks) - low
        columns: dict[int, list[str]] = {}
        for block in self.blocks:
            name, xf = xl_col_to_name(block.col), block.fmt._get_xf_index()
            shared = ' t="s"' if block.kind == "s" else ""
            head = f'" s="{xf}"{shared}><v>'
            cells = [f'<c r="{name}{r}{head}{v}</v></c>' if v else "" for r, v in _numbered(block)]
            cells = [""] * (block.top - low) + cells + [""] * (size - block.top + low - len(cells))
            if block.col in columns:  # a column in several looks: each block holds some of its cells
                cells = [a or b for a, b in zip(columns[block.col], cells, strict=True)]
            columns[block.col] = cells
        ordered = [columns[c] for c in sorted(columns)]
        return low, columns, ["".join(row) for row in zip(*ordered, strict=True)]

    def _calculate_spans(self) -> None:
        super()._calculate_spans()
        if not self.blocks:
            return
        first = min(b.col for b in self.blocks) + 1
        last = max(b.col for b in self.blocks) + 1
        low = min(b.top for b in self.blocks)
        high = max(b.top + len(b.values) for b in self.blocks) - 1
        for group in range(
            low // 16, high // 16 + 1
        ):  # each 16-row group's span, widened to the bulk columns
            found = self.row_spans.get(group)
            if found:
                a, b = (int(x) for x in found.split(":"))
                self.row_spans[group] = f"{min(a, first)}:{max(b, last)}"
            else:
                self.row_spans[group] = f"{first}:{last}"

    def _write_rows(self) -> None:
        if not self.blocks:
            super()._write_rows()
            return
        self._calculate_spans()
        low = min(b.top for b in self.blocks)
        high = max(b.top + len(b.values) for b in self.blocks)
        columns: dict[int, list[str]] = {}
        joined: list[str] = []
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            at = row_num - low
            if not low <= row_num < high:
                self._write_plain_row(row_num)
                continue
            if (
                not joined
            ):  # rendered at the first bulk row: formats get their numbers in the order cells use them
                low, columns, joined = self._render()
            line = joined[at]
            if not line:
                self._write_plain_row(row_num)
                continue
            self._write_row(row_num, self.row_spans.get(row_num // 16), self.row_info.get(row_num))
            table = self.table[row_num]
            if not table:
                self.fh.write(line)
            else:  # cells written one by one in this row: every cell in column order
                for col in sorted({*table, *(c for c, cells in columns.items() if cells[at])}):
                    if col in table:
                        self._write_cell(row_num, col, table[col])
                    else:
                        self.fh.write(columns[col][at])
            self._xml_end_tag("row")

    def _write_plain_row(self, row_num: int) -> None:
        """A row without bulk cells, as XlsxWriter's _write_rows writes it."""
        if not (row_num in self.row_info or row_num in self.comments or self.table[row_num]):
            return
        span = self.row_spans.get(row_num // 16)
        info = self.row_info.get(row_num)
        if self.table[row_num]:
            self._write_row(row_num, span, info)
            for col_num in range(self.dim_colmin, self.dim_colmax + 1):
                if col_num in self.table[row_num]:
                    self._write_cell(row_num, col_num, self.table[row_num][col_num])
            self._xml_end_tag("row")
        else:
            self._write_empty_row(row_num, span, info)


def _numbered(block: _Block) -> zip[tuple[int, str]]:
    """A block's values with their row numbers as Excel shows them (1-based)."""
    return zip(range(block.top + 1, block.top + 1 + len(block.values)), block.values, strict=True)
