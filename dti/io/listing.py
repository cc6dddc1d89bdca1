"""A list kept by hand (tasks, a received log) → a frame of text columns, one row per line of the list.

The table is found by dti/io/table.py (title rows, the header on any row, footnotes, repeated headers);
each column is named by the headers a caller accepts, matched on folded text (dti/io/headers.py), with
a trailing '…' letting words follow (`Kết quả …` takes `Kết quả thực hiện đến 30/9`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from dti.io.files import read_grid
from dti.io.grid import col_letter
from dti.io.table import describe, find_table
from dti.issues import Issue, IssueCode, Severity, issue
from dti.text import header_key
from dti.words import Note, note


class Headers:
    """What each column holds → the headers people write for it."""

    def __init__(self, table: Mapping[str, tuple[str, ...]]) -> None:
        self.table = dict(table)
        self._exact = {header_key(h.rstrip(" …")): m for m, heads in table.items() for h in heads}
        self._prefixes = sorted(
            ((header_key(h.rstrip(" …")), m) for m, heads in table.items() for h in heads if h.endswith("…")),
            key=lambda p: -len(p[0]),
        )

    def meaning(self, text: str) -> str | None:
        key = header_key(text)
        if key in self._exact:
            return self._exact[key]
        return next((m for stem, m in self._prefixes if key.startswith(stem + " ")), None)

    def help(self) -> str:
        return "; ".join(f"{m}: {', '.join(heads[1:])}" for m, heads in self.table.items())


def read_listing(
    path: Path,
    sheet: str | None,
    headers: Headers,
    required: tuple[str, ...],
    what: Note | str,
    issues: list[Issue],
    notes: list[Note | str],
    native: tuple[str, ...] = (),
    any_of: tuple[str, ...] = (),
) -> pd.DataFrame | None:
    """The list's rows as text per meaning (missing columns empty), with `row` (the spreadsheet row),
    `cells` (meaning → A1) and `{key}_native` (Excel's number, NaN elsewhere) for the `native` keys.
    None when the file cannot be read, lacks a required column or has none of `any_of` (an issue says
    why: a file of another kind, e.g. scores with a `name` column, is not read as this list)."""
    grid = read_grid(path, sheet, issues, notes)
    if grid is None:
        return None
    if not grid.header:
        issues.append(issue(IssueCode.NO_DATA, Severity.ERROR, "io.empty-list", file=str(path)))
        return None
    table = find_table(grid, lambda text: headers.meaning(text) is not None)
    if (how := describe(table)) is not None:
        notes.append(how)
    grid, header_row = table.grid, table.header_rows[0]
    columns: dict[str, int] = {}
    for i, raw in enumerate(grid.header[: len(grid.columns)]):
        meaning = headers.meaning(raw)
        if meaning is not None and meaning not in columns:
            columns[meaning] = i
        elif meaning is not None:
            notes.append(
                note("io.column-ignored", column=raw, used=grid.header[columns[meaning]], meaning=meaning)
            )
    missing = [c for c in required if c not in columns]
    if any_of and not any(c in columns for c in any_of):
        missing.append(f"{', '.join(any_of[:-1])} or {any_of[-1]}" if len(any_of) > 1 else any_of[0])
    if missing:
        header = [h for h in grid.header if h]
        issues.append(
            issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                "io.missing-listing-column",
                {"missing": missing, "header": header, "what": what, "accepted": headers.help()},
                file=str(path),
                sheet=grid.sheet,
                row=header_row,
            )
        )
        return None
    n = len(grid.rows)
    frame = pd.DataFrame(
        {m: grid.columns[columns[m]].cells().astype(str) if m in columns else "" for m in headers.table},
        index=range(n),
    )
    for key in native:
        column = grid.columns[columns[key]] if key in columns else None
        values = column.native if column is not None and column.native is not None else None
        frame[f"{key}_native"] = np.full(n, np.nan) if values is None else values
    frame["row"] = grid.rows
    frame["cells"] = [{m: f"{col_letter(i)}{r}" for m, i in columns.items()} for r in grid.rows]
    written = {m: grid.header[i].strip() or m for m, i in columns.items()}  # each meaning's header as written
    frame["headers"] = [written] * n
    frame = frame[frame[list(headers.table)].apply(lambda c: c.str.strip()).ne("").any(axis=1)]
    return frame.reset_index(drop=True)
