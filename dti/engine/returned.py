"""A returned collection workbook (`dti template`) checked against what its sheet says it holds.

Each department sheet of the template names itself and its components in a title row (`Trang 'Sở Y tế'
gồm 6 chỉ số: NTS.03, …`). Read back, a sheet renamed or a component's row deleted is an issue naming the
sheet and the title cell, never a silent loss: protection keeps a department from either, unless it
removes the protection first.
"""

from __future__ import annotations

import re
from functools import cache

from dti.engine.columns import grid_issue
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
    _, written = grid.columns[columns["indicator"]].stripped()
    present = {text.casefold() for text in written}
    missing = [
        code
        for code in (c.strip() for c in match["codes"].split(","))
        if code and code.casefold() not in present
    ]
    if missing:
        why = {"codes": missing, "count": len(missing)}
        key = "collect.rows-deleted"
        issues.append(
            grid_issue(IssueCode.TEMPLATE_CHANGED, Severity.ERROR, key, why, grid, row=row, cell=cell)
        )
    return issues
