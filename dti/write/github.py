"""GitHub Actions workflow commands: one annotation per issue.

Everything in a command comes from a submitted file (its name, its cells), so it is escaped exactly as the
workflow-command format specifies: a `\r` or `\n` would start a command of its own, a `,` or `:` in a
property would end it and start another property.
"""

from __future__ import annotations

from dti.issues import Issue, Report


def column_number(cell: str | None) -> int | None:
    """The 1-based column of an A1 reference ('C5' -> 3)."""
    letters = "".join(ch for ch in cell or "" if ch.isalpha())
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number or None


def escape_data(text: str) -> str:
    """The message of a command: `%`, CR and LF escaped (actions/toolkit `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, and `:` and `,` too (actions/toolkit `escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(issue: Issue, level: str) -> str:
    properties = []
    if issue.file:
        properties.append(f"file={escape_property(issue.file)}")
    if issue.row:
        properties.append(f"line={int(issue.row)}")
    col = column_number(issue.cell)
    if col:
        properties.append(f"col={col}")
    where = " " + ",".join(properties) if properties else ""
    return f"::{level}{where}::{escape_data(f'[{issue.code}] {issue.message}')}"


def dumps(report: Report) -> str:
    """An annotation per shown issue: `::error` for what fails the job (a warning too under --strict)."""
    return "\n".join(
        annotation(issue, "error" if report.fails(issue) else str(issue.severity)) for issue in report.shown()
    )
