"""Terminal and plain-text tables: the only module that imports rich.

A number is never cut to fit: numeric columns do not wrap and the page grows to hold them. Piped
output gets a wide page instead of rich's 80-column default.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from dti.views import Column, View
from dti.write.cells import cell, missing
from dti.write.files import stdout, stdout_errors

PIPE_WIDTH = 160  # the page width when stdout is not a terminal
RICH_ROWS = 500  # above this a plain table is written: rich lays out ~1,000 rows a second
TONES = {
    "met": "green",
    "not_met": "red",
    "no_data": "yellow",
    "needs_review": "magenta",
    "error": "red",
    "warning": "yellow",
}

# Control characters from a submitted file (ESC starts a terminal escape sequence) are shown, not obeyed.
CONTROLS = dict.fromkeys([*range(0, 9), *range(11, 32), 127, *range(128, 160)], "\N{REPLACEMENT CHARACTER}")


def safe(text: str) -> str:
    """The text with control characters (other than tab and newline) replaced by U+FFFD."""
    return text.translate(CONTROLS)


def _text(column: Column, row: dict[str, Any]) -> str:
    text = safe(cell(column, row.get(column.key)))
    if column.marker and row.get(column.marker):
        text += str(row[column.marker])
    if column.indent:
        text = "  " * int(row.get(column.indent) or 0) + text
    return text


def _style(column: Column, row: dict[str, Any]) -> str | None:
    if column.tone:
        return TONES.get(str(row.get(column.tone) or row.get(column.key)))
    if column.kind == "places" and not missing(row.get(column.key)):
        return "green" if row[column.key] > 0 else "red" if row[column.key] < 0 else None
    return None


def _table(view: View) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    cells = [[_text(c, row) for c in view.columns] for row in view.rows]
    for j, column in enumerate(view.columns):
        numeric = column.align == "right"
        widest = max([len(column.label), *(len(r[j]) for r in cells)])
        table.add_column(
            column.label,
            justify=column.align,
            no_wrap=numeric,
            overflow="fold",
            min_width=widest if numeric else None,
            style="bold" if column.strong else None,
        )
    for row, texts in zip(view.rows, cells, strict=True):
        styled = [Text(t, style=_style(c, row) or "") for c, t in zip(view.columns, texts, strict=True)]
        table.add_row(*styled, style="bold" if view.strong and row.get(view.strong) else None)
    return table


def plain_table(view: View) -> str:
    """A fast fixed-width table without rich, for very long views."""
    cells = [[_text(c, row) for c in view.columns] for row in view.rows]
    widths = [max([len(c.label), *(len(r[j]) for r in cells)]) for j, c in enumerate(view.columns)]

    def line(texts: list[str]) -> str:
        parts = [
            t.ljust(w) if c.align == "left" else t.rjust(w)
            for c, t, w in zip(view.columns, texts, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line([c.label for c in view.columns]), *(line(r) for r in cells)])


def _print(console: Console, views: Sequence[View], base_width: int) -> None:
    for view in views:
        if view.title:
            console.print(Text(safe(view.title)), soft_wrap=True)
        if view.columns and len(view.rows) > RICH_ROWS:
            console.print(Text(plain_table(view)), soft_wrap=True)
        elif view.columns:
            table = _table(view)
            needed = Measurement.get(console, console.options.update_width(10**6), table).minimum
            console.width = max(base_width, needed)  # grow the page rather than cut a number
            console.print(table)
            console.width = base_width
        for note in view.notes:
            console.print(Text(safe(note)))


def show(views: View | Sequence[View], stderr: bool = False) -> None:
    """Print views to the terminal in colour, or as plain text to a pipe (stdout, or stderr).

    A closed or full stdout raises StdoutError (an OutputError).
    """
    views = [views] if isinstance(views, View) else views
    with stdout_errors():
        stream = sys.stderr if stderr else stdout()
        probe = Console(file=stream)
        if not probe.is_terminal:
            stream.write(render(views))
        else:
            _print(Console(file=stream, highlight=False), views, probe.width)
        stream.flush()


def render(views: View | Sequence[View], width: int = PIPE_WIDTH) -> str:
    """The views as plain text (no colour, no trailing spaces), for a pipe or a file.

    Text columns wrap to fit `width`; numeric columns never do: the page grows instead.
    """
    views = [views] if isinstance(views, View) else views
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False, force_terminal=False)
    _print(console, views, width)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _err() -> Console:
    probe = Console(stderr=True)
    return Console(stderr=True, highlight=False, width=None if probe.is_terminal else PIPE_WIDTH)


def note(message: str) -> None:
    _err().print(Text(safe(message), style="yellow"), soft_wrap=True)


def error(message: str) -> None:
    _err().print(Text(safe(message), style="bold red"), soft_wrap=True)


def line(message: str) -> None:
    """A plain line on stdout."""
    with stdout_errors():
        stream = stdout()
        terminal = Console(file=stream).is_terminal
        Console(file=stream, highlight=False, width=None if terminal else PIPE_WIDTH).print(
            Text(safe(message)), soft_wrap=True
        )
        stream.flush()


def spec_problems(source: str, problems: list[str]) -> None:
    """A spec that cannot be loaded: every problem with its YAML key path, on stderr."""
    error(f"{source}: invalid spec ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
    for problem in problems:
        _err().print(Text(safe(f"  {problem}")), soft_wrap=True)
