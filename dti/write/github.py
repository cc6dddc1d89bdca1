"""GitHub Actions workflow commands: one annotation per issue."""

from __future__ import annotations

from dti.report import Issue, Report


def column_number(cell: str | None) -> int | None:
    """The 1-based column of an A1 reference ('C5' -> 3)."""
    letters = "".join(ch for ch in cell or "" if ch.isalpha())
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number or None


def annotation(issue: Issue) -> str:
    where = f"file={issue.file}"
    if issue.row:
        where += f",line={issue.row}"
    col = column_number(issue.cell)
    if col:
        where += f",col={col}"
    message = f"[{issue.code}] {issue.message}"
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{issue.severity} {where}::{message}"


def dumps(report: Report) -> str:
    return "\n".join(annotation(issue) for issue in report.shown())
