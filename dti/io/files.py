"""A file of any supported kind → a Grid: CSV and text by csvfile.py, Excel workbooks by xlsx.py.

An unsupported or unreadable file becomes an issue, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from dti.io.csvfile import read_csv
from dti.io.grid import Grid, InputError, reason
from dti.io.xlsx import read_xlsx
from dti.issues import Issue, IssueCode, Severity, issue

SUPPORTED = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}
EXCEL = (".xlsx", ".xlsm", ".xls", ".ods")  # workbooks: the files a --sheet can name


def read_grid(path: Path, sheet: str | None, issues: list[Issue]) -> Grid | None:
    """Read one file; an unsupported or unreadable file becomes an issue and None."""
    name = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():  # given to `dti targets`, or a folder with nothing dti reads in it
        issues.append(issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.folder", file=name))
        return None
    if suffix not in SUPPORTED:
        issues.append(
            issue(
                IssueCode.UNSUPPORTED_FORMAT,
                Severity.ERROR,
                "io.unsupported",
                {"suffix": suffix or path.name},
                file=name,
            )
        )
        return None
    try:
        if suffix in {".xlsx", ".xlsm"}:
            return read_xlsx(path, sheet)
        return read_csv(path, path.read_bytes(), issues)
    except (OSError, InputError) as exc:
        why = exc.note if isinstance(exc, InputError) else reason(exc)
        issues.append(
            issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.cannot-read", {"why": why}, file=name)
        )
        return None


def read_grids(paths: list[Path], sheet: str | None = None) -> tuple[list[Grid], list[Issue]]:
    """Read each file once; unreadable and empty files become issues."""
    issues: list[Issue] = []
    grids = []
    for path in paths:
        grid = read_grid(path, sheet, issues)
        if grid is None:
            continue
        if not grid.header:
            issues.append(
                issue(IssueCode.NO_DATA, Severity.ERROR, "io.empty", file=str(path), sheet=grid.sheet)
            )
            continue
        grids.append(grid)
    return grids, issues
