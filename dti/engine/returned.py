"""A returned collection workbook (`dti template`) checked against what its sheet says it holds.

Each department sheet of the template names itself and its components in a title row (`Trang 'Sở Y tế'
gồm 6 chỉ số: NTS.03, …`). Read back, a sheet renamed or a component's row deleted is an issue naming the
sheet and the title cell, never a silent loss: protection keeps a department from either, unless it
removes the protection first.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from dti.engine.columns import grid_issue
from dti.io.grid import cell_ref
from dti.io.table import Table
from dti.issues import Issue, IssueCode, Severity
from dti.words import catalogue

FIELDS = {"{sheet}": "(?P<sheet>.+?)", "{count}": r"(?P<count>\d+)", "{codes}": "(?P<codes>.*)"}


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The title row of a template's sheet, in each language it is written in."""
    forms = []
    for text in catalogue()["collect.title-sheet"]:
        pattern = re.escape(text)
        for field, group in FIELDS.items():
            pattern = pattern.replace(re.escape(field), group)
        forms.append(re.compile(pattern))
    return tuple(forms)


def template_changes(table: Table, columns: dict[str, int]) -> list[Issue]:
    """A template sheet's issues: renamed (a warning: its figures are read), rows deleted (an error)."""
    found = next(
        ((row, col, m) for row, cells in table.titles for col, text in enumerate(cells)
         for m in (p.fullmatch(text.strip()) for p in _patterns()) if m is not None),
        None,
    )  # fmt: skip
    if found is None or "indicator" not in columns:
        return []
    row, col, match = found
    grid = table.grid
    cell = f"{chr(ord('A') + col)}{row}"
    issues = []
    if grid.sheet is not None and grid.sheet != match["sheet"]:
        why = {"sheet": grid.sheet, "was": match["sheet"]}
        issues.append(grid_issue(IssueCode.TEMPLATE_CHANGED, Severity.WARNING, "collect.sheet-renamed", why,
                                 grid, row=row, cell=cell))  # fmt: skip
    codes, written = grid.columns[columns["indicator"]].stripped()
    present = {text.casefold() for text in written}
    listed = [code for code in (c.strip() for c in match["codes"].split(",")) if code]
    missing = [code for code in listed if code.casefold() not in present]
    issues += _added_rows(table, columns, match["sheet"], listed, codes, written)
    if missing:
        why = {"codes": missing, "count": len(missing)}
        key = "collect.rows-deleted"
        issues.append(
            grid_issue(IssueCode.TEMPLATE_CHANGED, Severity.ERROR, key, why, grid, row=row, cell=cell)
        )
    return issues


def _added_rows(
    table: Table,
    columns: dict[str, int],
    sheet: str,
    listed: list[str],
    codes: np.ndarray,
    written: list[str],
) -> list[Issue]:
    """Rows a department added to its sheet: a component the sheet does not list (its figure is read,
    as another department's may be: said at its code's cell) and a total row (skipped, said so)."""
    grid, col = table.grid, columns["indicator"]
    known = {code.casefold() for code in listed}
    extra = np.array([bool(t) and t.casefold() not in known for t in written], dtype=bool)
    issues = []
    for r in np.flatnonzero(extra[codes] if len(written) else np.zeros(0, bool)).tolist():
        row = int(grid.rows[r])
        why = {"sheet": sheet, "code": written[codes[r]], "row": row}
        issues.append(grid_issue(IssueCode.TEMPLATE_CHANGED, Severity.WARNING, "collect.row-added", why, grid,
                                 row=row, column=grid.header[col], cell=cell_ref(col, row),
                                 indicator=written[codes[r]]))  # fmt: skip
    for row, reason in table.skipped:
        if reason == "summary":
            issues.append(grid_issue(IssueCode.TEMPLATE_CHANGED, Severity.WARNING, "collect.total-added",
                                     {"row": row}, grid, row=row))  # fmt: skip
    return issues
