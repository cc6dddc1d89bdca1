"""GitHub Actions workflow commands: one annotation per issue.

Everything in a command comes from a submitted file (its name, its cells), so it is escaped exactly as the
workflow-command format specifies: a `\r` or `\n` would start a command of its own, a `,` or `:` in a
property would end it and start another property.
"""

from __future__ import annotations

from pathlib import PurePath

from dti.io.files import TEXT
from dti.issues import Issue, Report
from dti.words import Lang


def column_number(cell: str | None) -> int | None:
    """The 1-based column of an A1 reference ('C5' -> 3)."""
    letters = "".join(ch for ch in cell or "" if ch.isalpha())
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number or None


def in_text(issue: Issue) -> bool:
    """Whether the issue's file is a text file, whose rows are its lines (a workbook's are not)."""
    return issue.file is not None and PurePath(issue.file).suffix.lower() in TEXT


def located(issue: Issue, lang: Lang) -> tuple[int | None, str]:
    """The line an editor can show (a text file's row) and the message with the cell written before it.
    A column is never a position: the cell's letter is not the character where its text starts, and a
    workbook has neither lines nor characters, so its row and cell are said in the message."""
    from dti.write.junit import where

    text = issue.text(lang)
    if in_text(issue) and issue.row:
        return int(issue.row), f"{issue.cell}: {text}" if issue.cell else text
    place = where(issue, lang)
    return None, f"{place}: {text}" if place else text


def escape_data(text: str) -> str:
    """The message of a command: `%`, CR and LF escaped (actions/toolkit `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, and `:` and `,` too (actions/toolkit `escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(issue: Issue, level: str | None = None, lang: Lang = "vi") -> str:
    """The issue as a workflow command of `level` (its severity unless given), worded in `lang`."""
    level = level or str(issue.severity)
    properties = []
    line, message = located(issue, lang)
    if issue.file:
        properties.append(f"file={escape_property(issue.file)}")
    if line:
        properties.append(f"line={line}")
    where = " " + ",".join(properties) if properties else ""
    return f"::{level}{where}::{escape_data(f'[{issue.code}] {message}')}"


def dumps(report: Report, lang: Lang = "vi") -> str:
    """An annotation per shown issue: `::error` for what fails the job (a warning too under --strict)."""
    return "\n".join(
        annotation(issue, "error" if report.fails(issue) else str(issue.severity), lang)
        for issue in report.shown()
    )
