"""XLSX files → a Grid (openpyxl): cell texts, Excel numbers and percent formats per column."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from dti.io.grid import Grid, InputError, factorize, make_grid


def read_xlsx(path: Path, sheet: str | None) -> Grid:
    import openpyxl  # heavy: imported only when an Excel file is read

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise InputError(f"not a readable Excel file: {type(exc).__name__}: {exc}") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)})")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        texts: list[list[str]] = []
        numbers: list[list[float]] = []
        pct: list[list[bool]] = []
        for row in ws.iter_rows():
            t, n, p = [], [], []
            for cell in row:
                v = cell.value
                if isinstance(v, bool):
                    t.append("1" if v else "0")
                    n.append(float(v))
                    p.append(False)
                elif isinstance(v, int | float):
                    t.append(str(int(v)) if float(v).is_integer() else repr(v))
                    n.append(float(v))
                    p.append("%" in str(cell.number_format or ""))
                else:
                    t.append("" if v is None else unicodedata.normalize("NFC", str(v)))
                    n.append(np.nan)
                    p.append(False)
            texts.append(t)
            numbers.append(n)
            pct.append(p)
        title = ws.title
    finally:
        book.close()
    while texts and not any(texts[-1]):
        texts.pop()
    if not texts:
        return Grid(path, title, [], [], np.zeros(0, dtype=int))
    header = list(texts[0])
    while header and header[-1] == "":
        header.pop()
    body = range(1, len(texts))
    width = max(len(r) for r in texts)
    columns = []
    for j in range(width):
        column = factorize([texts[i][j] if j < len(texts[i]) else "" for i in body])
        column.native = np.array(
            [numbers[i][j] if j < len(numbers[i]) else np.nan for i in body], dtype=float
        )
        column.percent_cells = np.array([pct[i][j] if j < len(pct[i]) else False for i in body], dtype=bool)
        columns.append(column)
    return make_grid(path, title, header, columns, len(texts) - 1)
