"""Terminal and plain-text tables: the only module that imports rich.

A number is never cut. In a terminal a table fits the window: text columns wrap, headers wrap on
words, and when that is not enough the view's optional columns are left out (said on stderr); the page
grows only when the columns that must stay cannot fit. Piped or written to a file, a table is written
at its full width: nothing wraps, nothing is cut, no line ends in spaces.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

if TYPE_CHECKING:  # rich's console is loaded only to print to a terminal (~25 ms)
    from rich.console import Console
    from rich.table import Table

from dti.views import Column, View
from dti.views.cells import cell, missing
from dti.views.document import Decimal
from dti.write import stderr as err
from dti.write.files import safe, stdout, stdout_errors, write_text

RICH_ROWS = 500  # above this a table is drawn without rich, which lays out ~1,000 rows a second
TEXT_MIN = 10  # a text column is not wrapped narrower than this (unless all of it is narrower)
WORD_MAX = 24  # nor narrower than its longest word up to this width (a longer one is folded)
_ODD_BLANK = re.compile(r"[^\S \n]")
GAP = 3  # between two columns: a space, the rule, a space
TONES = {
    "met": "green",
    "not_met": "red",
    "no_data": "yellow",
    "needs_review": "magenta",
    "error": "red",
    "warning": "yellow",
}


# Control characters from a submitted file (ESC starts a terminal escape sequence) are shown, not obeyed.
def _text(column: Column, row: dict[str, Any], decimal: Decimal) -> str:
    text = safe(cell(column, row.get(column.key), decimal))
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


def _widest(texts: Sequence[str]) -> int:
    return max((cell_len(line) for t in texts for line in t.split("\n")), default=0)


def _longest_word(text: str, indented: bool = False) -> int:
    """The widest word (with the indentation before the first, if `indented`)."""
    widest = max((cell_len(w) for w in text.split()), default=0)
    if indented and text.startswith(" "):
        stripped = text.lstrip(" ")
        widest = max(widest, len(text) - len(stripped) + cell_len(stripped.split(" ")[0]))
    return widest


@dataclass
class Layout:
    """The columns a table shows, their widths, and the optional ones a narrow page left out."""

    shown: list[int]
    widths: list[int]
    hidden: list[Column]

    def total(self) -> int:
        return sum(self.widths) + GAP * max(len(self.widths) - 1, 0)


def layout(view: View, cells: list[list[str]], width: int | None) -> Layout:
    """Fit the view's columns into `width` (None: the full width, nothing wraps).

    A numeric column is as wide as its widest value (its header wraps on words); a text column wraps
    down to TEXT_MIN. Optional columns are left out, the highest `optional` first, until the rest fits.
    """
    natural = [max(_widest([c.label]), _widest([r[j] for r in cells])) for j, c in enumerate(view.columns)]
    if width is None:
        return Layout(list(range(len(view.columns))), natural, [])
    minimum = []
    for j, column in enumerate(view.columns):
        label = _longest_word(column.label)
        if column.align == "right":
            minimum.append(max(label, _widest([r[j] for r in cells]), 1))
        else:  # wrapped down to TEXT_MIN, never inside a word (an indented code) of up to WORD_MAX
            values = [r[j] for r in cells]
            words = max((_longest_word(t, indented=True) for t in values), default=0)
            least = max(label, min(words, WORD_MAX), min(_widest(values), TEXT_MIN))
            minimum.append(min(natural[j], least) or 1)
    shown = list(range(len(view.columns)))
    hidden: list[Column] = []
    droppable = sorted(
        (j for j in shown if view.columns[j].optional > 0),
        key=lambda j: (view.columns[j].optional, j),
        reverse=True,
    )

    def needed(indices: list[int]) -> int:
        return sum(minimum[j] for j in indices) + GAP * max(len(indices) - 1, 0)

    for j in droppable:
        if needed(shown) <= width:
            break
        shown.remove(j)
        hidden.append(view.columns[j])
    widths = {j: minimum[j] for j in shown}
    room = width - needed(shown)
    numeric = [j for j in shown if view.columns[j].align == "right"]
    texts = [j for j in shown if view.columns[j].align == "left"]

    def widen(columns: list[int], limit: int) -> None:
        """Give the room, a character at a time, to the column furthest below its width (up to limit)."""
        nonlocal room
        while room > 0:
            short = [j for j in columns if widths[j] < min(natural[j], limit)]
            if not short:
                return
            j = max(short, key=lambda k: (min(natural[k], limit) - widths[k], -k))
            widths[j] += 1
            room -= 1

    widen(texts, TEXT_MIN * 2)  # names readable first, then headers on one line, then the rest
    widen(numeric, width)
    widen(texts, width)
    return Layout(shown, [widths[j] for j in shown], hidden[::-1])


def _table(view: View, cells: list[list[str]], fit: Layout) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    columns = [view.columns[j] for j in fit.shown]
    for column, width in zip(columns, fit.widths, strict=True):
        table.add_column(
            column.label,
            justify=column.align,
            overflow="fold",
            width=width,
            style="bold" if column.strong else None,
        )
    for row, texts in zip(view.rows, cells, strict=True):
        styled = [Text(texts[j], style=_style(view.columns[j], row) or "") for j in fit.shown]
        table.add_row(*styled, style="bold" if view.strong and row.get(view.strong) else None)
    return table


def _wrap(text: str, width: int) -> list[str]:
    """Text cut into lines of at most `width` cells, on spaces where it can (a long word is folded)."""
    if "\n" not in text and cell_len(text) <= width:  # most cells
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if cell_len(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while cell_len(word) > width:
                lines.append(word[:width])
                word = word[width:]
            line = word
        lines.append(line)
    return lines


def boxed_table(view: View, cells: list[list[str]], fit: Layout, wrap: bool = False) -> str:
    """The table as rich draws it (no edge, a heavy rule under the header), without rich: at full width
    no cell wraps, only its line breaks make lines (as rich does, to the character); with `wrap`, cells
    wrap to the layout's widths (on words, as rich does, near enough for a table too long for rich)."""
    columns = [view.columns[j] for j in fit.shown]

    def lines(texts: list[str], rule: str, bottom: bool = False) -> list[str]:
        broken = [_wrap(t, w) if wrap else t.split("\n") for t, w in zip(texts, fit.widths, strict=True)]
        height = max(len(b) for b in broken)
        if bottom:  # a header's shorter labels sit on its last line
            broken = [[""] * (height - len(b)) + b for b in broken]
        out = []
        for k in range(height):
            parts = []
            for column, width, part in zip(columns, fit.widths, broken, strict=True):
                piece = part[k] if k < len(part) else ""
                piece = piece if column.align == "left" else piece.rstrip()  # as rich justifies right
                pad = " " * (width - cell_len(piece))
                parts.append(piece + pad if column.align == "left" else pad + piece)
            out.append(f" {rule} ".join(parts))
        return out

    body = [line for r in cells for line in lines([r[j] for j in fit.shown], "│")]
    rule = "━╇━".join("━" * w for w in fit.widths)
    return "\n".join([*lines([c.label for c in columns], "┃", bottom=True), rule, *body])


def _page(views: Sequence[View], decimal: Decimal) -> str | None:
    """The views at full width as rich writes them to a pipe, without loading rich; None (rich's way)
    when a text holds a blank other than a space or a line break (rich expands a tab to its stops, crops
    a no-break space ending a cell) or a table has an empty column."""
    parts: list[str] = []
    for view in views:
        if view.title:
            parts.append(safe(view.title))
        if view.columns:
            cells = [[_text(c, row, decimal) for c in view.columns] for row in view.rows]
            fit = layout(view, cells, None)
            if min(fit.widths, default=0) > 0:  # rich draws an empty column its own way
                parts.append(boxed_table(view, cells, fit))
            else:
                return None
        parts.extend(safe(note) for note in view.notes)
    page = "\n".join(parts)
    if _ODD_BLANK.search(page):
        return None
    return "".join(line.rstrip() + "\n" for line in page.splitlines())


def _print(console: Console, views: Sequence[View], width: int | None, decimal: Decimal) -> list[str]:
    """Print the views; return the hints for the columns a narrow page left out."""
    from rich.text import Text

    hints: list[str] = []
    wrap = width is not None  # titles and notes wrap in a terminal; a pipe gets them on one line
    for view in views:
        if view.title:
            console.print(Text(safe(view.title)), soft_wrap=not wrap)
        if view.columns:
            cells = [[_text(c, row, decimal) for c in view.columns] for row in view.rows]
            fit = layout(view, cells, width)
            console.width = max(width or 0, fit.total(), 1)  # a number is never cut: the page grows
            if len(view.rows) > RICH_ROWS:
                console.print(Text(boxed_table(view, cells, fit, wrap=True)), soft_wrap=True)
            else:
                console.print(_table(view, cells, fit))
            if fit.hidden and width is not None:
                names = ", ".join(c.label.replace("\n", " ") for c in fit.hidden)
                template = view.narrow or "At {width} columns, not shown: {columns} (-o FILE writes them)"
                hints.append(template.format(columns=names, width=width))
            console.width = max(width or 0, 1)
        for note in view.notes:
            console.print(Text(safe(note)), soft_wrap=not wrap)
    return hints


def show(views: View | Sequence[View], stderr: bool = False, decimal: Decimal = ".") -> None:
    """Print views to the terminal in colour, fitted to its width, or at full width to a pipe.

    A pipe gets the width a user asked for with COLUMNS (`COLUMNS=80 dti score … | less`), if any.
    A closed or full stdout raises StdoutError (an OutputError).
    """
    views = [views] if isinstance(views, View) else views
    with stdout_errors():
        stream = sys.stderr if stderr else stdout()
        probe = _console(stream)
        if probe is None or not probe.is_terminal:
            text, hints = _render(views, asked_width(), decimal)
            write_text(stream, text)
        else:
            hints = _print(_console(stream, highlight=False) or probe, views, probe.width, decimal)
        stream.flush()
        for hint in hints:
            err.note(hint)


def asked_width() -> int | None:
    """The page width set with the COLUMNS environment variable, when it is a whole number above 0."""
    text = os.environ.get("COLUMNS", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def render(views: View | Sequence[View], width: int | None = None, decimal: Decimal = ".") -> str:
    """The views as plain text (no colour, no trailing spaces), for a pipe or a file.

    Without `width` every table is written at its full width; with one, tables fit it as in a terminal.
    """
    return _render([views] if isinstance(views, View) else views, width, decimal)[0]


def _render(views: Sequence[View], width: int | None, decimal: Decimal) -> tuple[str, list[str]]:
    page = _page(views, decimal) if width is None else None
    return (page, []) if page is not None else _rich_render(views, width, decimal)


def _rich_render(views: Sequence[View], width: int | None, decimal: Decimal) -> tuple[str, list[str]]:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 80, color_system=None, highlight=False, force_terminal=False
    )
    hints = _print(console, views, width, decimal)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()), hints


def _console(stream: Any, highlight: bool = True) -> Console | None:
    """A rich console on the stream where it may be a terminal; None for a plain pipe or file, without
    loading rich."""
    if not err.terminal(stream):
        return None
    from rich.console import Console

    return Console(file=stream, highlight=highlight)


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def say_styled(message: str, style: str) -> None:
    """A message on stderr through rich: styled and wrapped at a terminal's width (dti/write/stderr.py
    sends here what it does not write itself)."""
    from rich.text import Text

    console = _err()
    # a terminal wraps on words at its width; a pipe or a file gets the whole message on one line
    console.print(Text(safe(message), style=style), soft_wrap=not console.is_terminal)


def line(message: str) -> None:
    """A plain line on stdout."""
    with stdout_errors():
        stream = stdout()
        console = _console(stream, highlight=False)
        if console is not None and console.is_terminal:
            from rich.text import Text

            console.print(Text(safe(message)), soft_wrap=False)
        else:
            write_text(stream, safe(message) + "\n")
        stream.flush()
