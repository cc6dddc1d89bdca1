"""Excel 97-2003 workbooks (.xls, BIFF) → a Grid per visible sheet, read by xlrd with the cells' formats.

xlrd with `formatting_info=True` gives each cell's XF and so its number format: a cell showing 85,5 % is
0.855 with its percent flag, as the XLSX reader gives it (python-calamine gives the value only). Files
come from other people: xlrd reads a whole BIFF stream into Python lists, so the file's size is capped
before xlrd sees it (a cell is ≥ 6 bytes of BIFF: the size cap bounds the cells), the sheet's declared
dimensions are not used (`ragged_rows`: a row is as long as its last cell), and rows, columns and cells
are checked per sheet against XlsxLimits (DTI_XLS_MAX_*). An encrypted workbook is said as such.
"""

from __future__ import annotations

import io
import math
from array import array
from pathlib import Path
from typing import Any

from dti.io.book import chosen_sheets
from dti.io.grid import Grid, InputError, cell_ref
from dti.io.xlsxsheet import DATE, GENERAL, PERCENT, Values, excel_date, padded_kind, sheet_grid
from dti.io.xlsxxml import XlsxLimits
from dti.words import note

COLUMN_BITS = 20  # positions as xlsxsheet.sheet_grid reads them: row << 20 | column
# xlrd holds a whole workbook as Python objects: a 6 MB .xls of 336,000 cells took ~1 s of CPU and
# ~200 MB (tests/hostile/measure.py). 16 MiB (~900,000 number cells) stays within seconds and 1 GB; a
# province's file is ~130 KB.
MAX_XLS_BYTES = 16 * 1024 * 1024
# xlrd's cell types
EMPTY, TEXT, NUMBER, XL_DATE, BOOLEAN, ERROR, BLANK = range(7)


def xls_limits() -> XlsxLimits:
    """The sheet caps, the file's size in place of the unpacked size; DTI_XLS_MAX_* raise them."""
    return XlsxLimits.from_env("DTI_XLS", unpacked_bytes=MAX_XLS_BYTES)


def read_xls(
    path: Path, sheet: str | None, data: bytes, *, every: bool = True, limits: XlsxLimits | None = None
) -> list[Grid]:
    """Each visible sheet's grid in the workbook's order (or only the one `sheet` names)."""
    import xlrd

    limits = limits or xls_limits()
    if len(data) > limits.unpacked_bytes:
        raise limits.over(note("files.limit.xls-size", size=float(len(data))), "unpacked_bytes")
    try:
        book = xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=io.StringIO(),  # xlrd's warnings about odd records would go to stdout
        )
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise InputError(note("files.encrypted", kind=note("files.what.xls"))) from None
        raise InputError(note("files.bad-xls", why=" ".join(str(exc).split()))) from None
    except Exception as exc:  # xlrd on damaged BIFF raises what its parsing meets (struct.error, IndexError…)
        raise InputError(note("files.bad-xls", why=f"{type(exc).__name__}: {exc}")) from None
    try:
        return _grids(path, book, sheet, every, limits)
    except InputError:
        raise
    except Exception as exc:  # as above: a sheet's damaged records, read when the sheet is loaded
        raise InputError(note("files.bad-xls", why=f"{type(exc).__name__}: {exc}")) from None
    finally:
        book.release_resources()


def _grids(path: Path, book: Any, sheet: str | None, every: bool, limits: XlsxLimits) -> list[Grid]:
    names = book.sheet_names()
    sheets = [(name, bool(hidden)) for name, hidden in zip(names, book._sheet_visibility, strict=True)]
    indices, hidden = chosen_sheets(sheets, sheet)
    kinds = _format_kinds(book)
    values = Values([], [GENERAL, PERCENT], False)
    grids = []
    for index in indices if every else indices[:1]:
        found = book.sheet_by_index(index)
        positions, cell_values = _cells(found, kinds, values, book.datemode, limits)
        grids.append(sheet_grid(path, names[index], positions, cell_values, values, limits))
    if hidden:
        grids[0].notes.append(note("files.hidden-sheets", sheets=hidden))
    return grids


def _format_kinds(book: Any) -> list[int]:
    """Each XF's kind of number format: general, percent or date (xlrd tells dates)."""
    kinds = []
    for xf in book.xf_list:
        found = book.format_map.get(xf.format_key)
        text = found.format_str if found is not None else ""
        kind = DATE if found is not None and found.type == 1 else PERCENT if "%" in text else None
        kinds.append(kind if kind is not None else padded_kind(text) or GENERAL)
    return kinds


def _cells(
    sheet: Any, kinds: list[int], values: Values, datemode: int, limits: XlsxLimits
) -> tuple[array[int], array[int]]:
    """Each non-empty cell's position (row << 20 | column, 1-based) and value id, capped."""
    positions, cell_values = array("q"), array("i")
    if sheet.nrows > limits.rows:
        raise limits.over(note("io.limit.rows", row=float(limits.rows)), "rows")
    if sheet.ncols > limits.columns:
        widest = max(range(sheet.nrows), key=sheet.row_len)
        cell = cell_ref(limits.columns, widest + 1)
        raise limits.over(note("io.limit.columns", cell=cell, column=float(limits.columns)), "columns")
    numbers: dict[tuple[int, float], int] = {}  # (format kind, number) → value id
    cells = 0
    for r in range(sheet.nrows):
        types, row_values = sheet.row_types(r), sheet.row_values(r)
        cells += len(types)
        if cells > limits.cells:
            raise limits.over(note("io.limit.sheet-cells", count=float(limits.cells)), "cells")
        for c, kind in enumerate(types):
            if kind in (EMPTY, BLANK):
                continue
            raw = row_values[c]
            if kind == TEXT:
                value = values.of_text(raw)
            elif kind in (NUMBER, XL_DATE):
                xf = sheet.cell_xf_index(r, c)
                style = kinds[xf] if 0 <= xf < len(kinds) else GENERAL
                if kind == XL_DATE:
                    style = DATE
                value = numbers.get((style, raw), 0)
                if not value:
                    value = numbers[(style, raw)] = _number(values, float(raw), style, datemode)
            elif kind == BOOLEAN:
                value = values.booleans[bool(raw)]
            else:  # an error cell: its text (#N/A, #DIV/0!)
                import xlrd

                value = values.of_text(xlrd.error_text_from_code.get(raw, "#VALUE!"))
            if value:
                positions.append((r + 1) << COLUMN_BITS | (c + 1))
                cell_values.append(value)
    return positions, cell_values


def _number(values: Values, number: float, style: int, datemode: int) -> int:
    if style == DATE:
        return values.of_text(excel_date(number, datemode == 1, False))
    if not math.isfinite(number):
        return values.of_text(repr(number))
    return values.of_kind(repr(number), style)
