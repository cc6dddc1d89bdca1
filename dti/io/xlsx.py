"""XLSX files → a Grid (openpyxl): cell texts, Excel numbers and percent formats per column.

Files come from other people, so reading is bounded: the archive's unpacked size is checked before
any XML is parsed, the sheet's declared `<dimension>` is ignored (rows are as wide as their last cell,
not as the sheet claims), and rows, columns and cells read are capped. XML entities are refused
(openpyxl parses with defusedxml, a dependency). A file over a limit, or whose XML is broken, raises
InputError, which the caller reports as an unreadable file.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.grid import Grid, InputError, cell_ref, factorize, make_grid

# A province file is ~6,300 rows of 4 cells (long) or 63 rows of ~110 (wide); 10,000 communes of 20
# criteria, long, are 200,000 rows. The caps leave room for that. openpyxl reads ~45,000 cells/s, so a
# file at the cell cap takes about a minute and ~600 MB (a 10 MB zip can hold that many cells).
MAX_ROWS = 500_000
MAX_COLUMNS = 2_000
MAX_CELLS = 2_500_000  # rows × columns of the grid, and every cell position openpyxl hands over
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all parts of the archive, as declared by its directory
ENV = {
    "rows": "DTI_XLSX_MAX_ROWS",
    "columns": "DTI_XLSX_MAX_COLUMNS",
    "cells": "DTI_XLSX_MAX_CELLS",
    "unpacked_bytes": "DTI_XLSX_MAX_BYTES",
}


@dataclass(frozen=True)
class XlsxLimits:
    rows: int = MAX_ROWS
    columns: int = MAX_COLUMNS
    cells: int = MAX_CELLS
    unpacked_bytes: int = MAX_UNPACKED_BYTES

    @classmethod
    def from_env(cls) -> XlsxLimits:
        """The defaults, each replaced by its DTI_XLSX_MAX_* environment variable when that is a number."""
        values = {}
        for name, env in ENV.items():
            raw = os.environ.get(env, "").strip().replace("_", "")
            if raw.isdigit() and int(raw) > 0:
                values[name] = int(raw)
        return cls(**values)


def _over(what: str, name: str, limit: int) -> InputError:
    return InputError(
        f"{what}, above the limit of {limit:,} {name.replace('_', ' ')}: "
        f"split the file, or raise the limit with {ENV[name]}=N"
    )


def read_xlsx(path: Path, sheet: str | None, limits: XlsxLimits | None = None) -> Grid:
    import openpyxl  # heavy: imported only when an Excel file is read

    limits = limits or XlsxLimits.from_env()
    _check_unpacked_size(path, limits)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise _unreadable(exc) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)})")
        if sheet is None and not book.worksheets:
            raise InputError("the workbook has no worksheet")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        if not hasattr(ws, "reset_dimensions"):
            raise InputError(f"sheet '{ws.title}' is a chart, not a worksheet")
        ws.reset_dimensions()  # the declared <dimension> may claim A1:XFD1048576
        rows = _read_rows(ws, limits)
        title = ws.title
    finally:
        book.close()
    return _grid(path, title, rows, limits)


def _unreadable(exc: BaseException) -> InputError:
    while exc.__cause__ is not None:  # openpyxl wraps the XML parser's error in a generic ValueError
        exc = exc.__cause__
    return InputError(f"not a readable Excel file: {type(exc).__name__}: {' '.join(str(exc).split())}")


def _check_unpacked_size(path: Path, limits: XlsxLimits) -> None:
    """Refuse a zip bomb from its directory, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _unreadable(exc) from None
    # zipfile stops each part at its declared size, so the directory's sizes bound what is read.
    if unpacked > limits.unpacked_bytes:
        raise _over(f"the workbook unpacks to {unpacked:,} bytes", "unpacked_bytes", limits.unpacked_bytes)


Row = tuple[list[str], list[float], list[bool]] | None  # texts, Excel numbers, percent cells; None: blank


def _read_rows(ws: Any, limits: XlsxLimits) -> list[Row]:
    """Each row's cells up to its last non-empty one; blank rows as None."""
    rows: list[Row] = []
    positions = 0  # cells openpyxl created, the empty ones before a row's last cell included
    for number, cells in enumerate(_parsed_rows(ws), start=1):
        if number > limits.rows:
            raise _over(f"the sheet has rows beyond row {limits.rows:,}", "rows", limits.rows)
        positions += len(cells)
        if positions > limits.cells:
            raise _over(f"the sheet has more than {limits.cells:,} cells", "cells", limits.cells)
        values = [cell.value for cell in cells]
        while values and (values[-1] is None or values[-1] == ""):
            values.pop()
        if len(values) > limits.columns:
            raise _over(
                f"cell {cell_ref(len(values) - 1, number)} is beyond column {limits.columns:,}",
                "columns",
                limits.columns,
            )
        rows.append(_row(values, cells) if values else None)
    while rows and rows[-1] is None:
        rows.pop()
    return rows


def _parsed_rows(ws: Any) -> Iterator[Any]:
    """openpyxl's rows, with a broken sheet (bad XML, an entity, a bad cell) as InputError."""
    rows = iter(ws.iter_rows())
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # ParseError, defusedxml's EntitiesForbidden, ValueError, BadZipFile...
            raise _unreadable(exc) from None
        yield cells


def _row(values: list[Any], cells: Any) -> Row:
    texts, numbers, percent = [], [], []
    for v, cell in zip(values, cells, strict=False):
        if isinstance(v, bool):
            texts.append("1" if v else "0")
            numbers.append(float(v))
            percent.append(False)
        elif isinstance(v, int | float):
            texts.append(str(int(v)) if float(v).is_integer() else repr(v))
            numbers.append(float(v))
            percent.append("%" in str(cell.number_format or ""))
        else:
            texts.append("" if v is None else unicodedata.normalize("NFC", str(v)))
            numbers.append(np.nan)
            percent.append(False)
    return texts, numbers, percent


def _grid(path: Path, title: str, rows: list[Row], limits: XlsxLimits) -> Grid:
    if not rows:
        return Grid(path, title, [], [], np.zeros(0, dtype=int))
    header = list(rows[0][0]) if rows[0] is not None else []
    while header and header[-1] == "":
        header.pop()
    body = rows[1:]
    width = max(len(r[0]) for r in rows if r is not None)
    if len(rows) * width > limits.cells:
        raise _over(f"the sheet spans {len(rows):,} rows × {width:,} columns", "cells", limits.cells)
    columns = []
    for j in range(width):
        column = factorize([r[0][j] if r is not None and j < len(r[0]) else "" for r in body])
        column.native = np.array(
            [r[1][j] if r is not None and j < len(r[1]) else np.nan for r in body], dtype=float
        )
        column.percent_cells = np.array(
            [r[2][j] if r is not None and j < len(r[2]) else False for r in body], dtype=bool
        )
        columns.append(column)
    return make_grid(path, title, header, columns, len(body))
