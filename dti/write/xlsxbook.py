"""An Excel workbook being written: cached formats, safe texts and sheet names, a View as a table.

Numbers are stored as numbers with a number format by column kind (Excel shows them in the reader's own
decimal style); None, NaN and infinities are empty cells. Every text is written as a string, so a text
starting with '=', '+', '-' or '@' is never a formula, and control characters are replaced.
"""

from __future__ import annotations

import io
import math
import numbers
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from dti.views import Column, Kind, Lang, View
from dti.views.cells import cell
from dti.views.document import Decimal
from dti.words import word
from dti.write.xlsxbulk import BulkSheet
from dti.write.xlsxparts import Workbook, deflated_fast

MAX_WIDTH = 60  # characters: longer text wraps
MAX_TEXT = 32_767  # Excel's limit for one cell
SHEET_NAME = 31  # Excel's limit for a sheet name
BAD_NAME = re.compile(r"[\[\]:*?/\\]+")
# Control characters (other than tab and newline) are not allowed in the file's XML: shown as U+FFFD.
CONTROLS = dict.fromkeys([*range(0, 9), *range(11, 32), 127, *range(128, 160)], "\N{REPLACEMENT CHARACTER}")
FORMATS: dict[Kind, str] = {
    "points": "0.00",
    "int": "0",
    "count": "#,##0",
    "pct": "+0.0%;-0.0%;0.0%",
    "places": '"▲ "0;"▼ "0;"= "0',
    "signed": "+0.00;-0.00;0.00",
}
COLOURS = {
    "met": "#1E7B34",
    "up": "#1E7B34",
    "not_met": "#C0392B",
    "down": "#C0392B",
    "error": "#C0392B",
    "no_data": "#9A6700",
    "warning": "#9A6700",
    "needs_review": "#8E44AD",
}


_CONTROL = re.compile("[" + "".join(map(chr, CONTROLS)) + "]")


def clean(text: str) -> str:
    """Text safe for a cell: control characters replaced, at most Excel's 32,767 characters."""
    return text.replace("\r\n", "\n").translate(CONTROLS)[:MAX_TEXT]


def cleaned(texts: list[str]) -> dict[str, str]:
    """Each distinct text and its clean() text: the texts scanned at once when none holds a control
    character (CR included) or is too long for a cell, as 10,000 names do, else each cleaned."""
    distinct = list(dict.fromkeys(texts))
    if _CONTROL.search("\n".join(distinct)) or max(map(len, distinct), default=0) > MAX_TEXT:
        return {t: clean(t) for t in distinct}
    return dict(zip(distinct, distinct, strict=True))


def number_format(kind: Kind, digits: int = 4, marker: str = "") -> str | None:
    """The Excel number format of a column kind (None: text), a marker ('p') appended to each part."""
    if kind == "value":
        found: str | None = "0." + "0" * digits if digits > 0 else "0"
    else:
        found = FORMATS.get(kind)
    if found is None or not marker:
        return found
    suffix = '" ' + marker.replace('"', "") + '"'
    return ";".join(part + suffix for part in found.split(";"))


def _number(value: Any) -> float | None:
    """A finite float for a real number (not a bool), else None."""
    if type(value) is float or type(value) is int:  # most cells: no abstract-class check
        return float(value) if math.isfinite(value) else None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _blank(value: Any) -> bool:
    """None, '', NaN, an infinity, or pandas' NA/NaT: an empty cell."""
    if (
        value is None
        or (isinstance(value, str) and not value)
        or type(value).__name__ in ("NAType", "NaTType")
    ):
        return True
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not math.isfinite(value)


def sheet_names(wanted: list[str], fallback: str, taken: set[str] | None = None) -> list[str]:
    """Valid, unique sheet names: no []:*?/\\ characters, at most 31 characters, a ' (2)' suffix on a
    name already used (Excel compares names without case)."""
    used = {"history"} | {t.casefold() for t in taken or set()}  # Excel reserves 'History'
    names = []
    for raw in wanted:
        base = " ".join(BAD_NAME.sub(" ", clean(raw)).replace("\N{REPLACEMENT CHARACTER}", " ").split())
        base = _shorten(base.strip("'"), SHEET_NAME) or fallback
        name, n = base, 2
        while name.casefold() in used:
            suffix = f" ({n})"
            name, n = _shorten(base, SHEET_NAME - len(suffix)) + suffix, n + 1
        used.add(name.casefold())
        names.append(name)
    return names


def _shorten(text: str, size: int) -> str:
    """The text cut to `size` characters, at a space when one falls in the second half."""
    if len(text) <= size:
        return text
    cut = text[:size]
    space = cut.rfind(" ")
    return (cut[:space] if space >= size // 2 else cut).rstrip(" '")


def _types(values: list[Any] | np.ndarray) -> set[type]:
    """The types of a column's values (a float array's: float)."""
    return {float} if isinstance(values, np.ndarray) else set(map(type, values))


def _listed(values: np.ndarray) -> list[Any]:
    """A float column as its rows hold it: None for NaN."""
    return [None if v != v else v for v in values.tolist()]


NUMBERS = ("value", "points", "int", "count", "pct", "places", "signed")  # kinds written as numbers


@dataclass(frozen=True)
class Placed:
    """Where a table landed: its header row, last row and width (charts go to the right of it)."""

    header: int
    last: int
    width: int


class Book:
    """An XlsxWriter workbook in memory, with cached formats."""

    def __init__(self, lang: Lang, decimal: Decimal, title: str = "", compact: bool = False) -> None:
        """`compact`: large tables' rows written without cell references (BulkSheet.compact)."""
        self.lang, self.decimal, self.compact = lang, decimal, compact
        self.buffer = io.BytesIO()
        options = {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        }
        self.book = Workbook(self.buffer, options)
        self.book.set_properties({"title": clean(title), "comments": "dti"})
        self._formats: dict[tuple[tuple[str, Any], ...], Any] = {}
        self.taken: set[str] = set()

    def word(self, key: str) -> str:
        """A fixed word of the workbook (dti/words/labels.py, `label.<key>`)."""
        return word(key, self.lang)

    def format(self, **props: Any) -> Any:
        key = tuple(sorted((k, v) for k, v in props.items() if v not in (None, False, 0)))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(dict(key))
        return self._formats[key]

    def sheet(self, wanted: str, fallback: str) -> Any:
        (name,) = sheet_names([wanted], fallback, self.taken)
        self.taken.add(name)
        sheet = self.book.add_worksheet(name, worksheet_class=BulkSheet)
        sheet.compact = self.compact
        return sheet

    def close(self) -> bytes:
        with deflated_fast():
            self.book.close()
        return self.buffer.getvalue()

    def text(self, sheet: Any, row: int, col: int, text: str, fmt: Any = None) -> None:
        sheet.write_string(row, col, clean(text), fmt)

    def put(self, sheet: Any, row: int, col: int, column: Column, value: Any, **look: Any) -> None:
        """One value: a number with its kind's format, a text, or an empty (but formatted) cell."""
        kind = column.kind
        if isinstance(value, list | tuple):
            value = " ".join(self._plain(v) for v in value)
        if _blank(value):
            sheet.write_blank(row, col, None, self.format(**look))
        elif kind == "bool" or isinstance(value, bool):
            self.text(sheet, row, col, self.word("yes" if value else "no"), self.format(**look))
        elif (number := _number(value)) is not None:
            shown = number_format(kind, column.digits, look.pop("marker", ""))
            number = number / 100 if kind == "pct" else number
            sheet.write_number(row, col, number, self.format(num_format=shown, **look))
        else:
            look.pop("marker", None)
            self.text(sheet, row, col, str(value), self.format(**look))

    def _plain(self, value: Any) -> str:
        """A list item as text: numbers in the document's decimal style."""
        if isinstance(value, float):
            return cell(Column("", "", "points"), value, self.decimal)
        return str(value)

    def shown(self, column: Column, row: dict[str, Any]) -> int:
        """About how many characters the cell shows (for the column width)."""
        value = row.get(column.key)
        size = 0 if _blank(value) else len(cell(column, value, self.decimal))
        if column.marker and row.get(column.marker):
            size += 1 + len(str(row[column.marker]))
        if column.indent:
            size += 2 * int(row.get(column.indent) or 0)
        return size

    def width(
        self, column: Column, rows: list[dict[str, Any]], values: list[Any] | np.ndarray | None = None
    ) -> int:
        """The widest cell of the column, in characters (`values`: the column's, when already taken out of
        the rows, or its float array). Numbers are measured at their smallest and largest only (the widest
        text of a number column is one of them), plain texts by their lengths: fast on 10,000 rows."""
        if values is None:
            values = [row.get(column.key) for row in rows]
        plain = not (column.marker or column.indent)
        if isinstance(values, np.ndarray) and (column.kind not in NUMBERS or not plain):
            values = _listed(values)
        if plain and column.kind == "text" and _types(values) <= {str, type(None)}:
            return max([len(column.label), *(len(v) for v in values if v)])
        numeric = column.kind in NUMBERS and _types(values) <= {float, int, type(None)}
        if numeric and column.marker and not column.indent:  # a rank marked 'p' (published) on some rows
            return self._marked_width(column, rows, np.asarray(values, dtype=float))
        if column.kind in ("text", "list", "bool") or not plain:
            return max([len(column.label), *(self.shown(column, r) for r in rows)])
        if _types(values) <= {float, int, type(None)}:
            numbers = np.asarray(values, dtype=float)
            numbers = numbers[np.isfinite(numbers)]
            measured: list[Any] = [float(numbers.min()), float(numbers.max())] if len(numbers) else []
        else:
            found = [n for v in values if (n := _number(v)) is not None]
            others = [v for v in values if not _blank(v) and _number(v) is None]  # text in a number column
            measured = [min(found), max(found), *others] if found else others
        return max([len(column.label), *(len(cell(column, v, self.decimal)) for v in measured)])

    def _marked_width(self, column: Column, rows: list[dict[str, Any]], numbers: np.ndarray) -> int:
        """The widest cell of a number column with a marker, as `shown` measures each row: for each
        distinct marker, its rows' smallest and largest number (or an empty cell) and the marker."""
        marker = str(column.marker)
        marks = np.array([str(r[marker]) if r.get(marker) else "" for r in rows], dtype=object)
        widest = len(column.label)
        for mark in set(marks.tolist()):
            extra = 1 + len(mark) if mark else 0
            part = numbers[marks == mark]
            found = part[np.isfinite(part)]
            measured = [float(found.min()), float(found.max())] if len(found) else []
            sizes = [len(cell(column, v, self.decimal)) for v in measured]
            widest = max([widest, *(extra + n for n in sizes), *([extra] if len(found) < len(part) else [])])
        return widest

    def table(self, sheet: Any, view: View, top: int = 0) -> Placed:
        """The view at row `top`: title, bold frozen header with an autofilter, rows, notes."""
        row = top
        if view.title:
            self.text(sheet, row, 0, view.title, self.format(bold=True, font_size=12))
            row += 1
        header = row
        columns = view.columns
        strong = np.zeros(len(view.rows), dtype=bool)  # the rows in bold
        if view.strong:
            strong = np.array([bool(r.get(view.strong)) for r in view.rows], dtype=bool)
        for j, column in enumerate(columns):
            values = view.column(column.key)
            longest = self.width(column, view.rows, values)
            wide = longest > MAX_WIDTH
            sheet.set_column(j, j, min(longest, MAX_WIDTH) + 2)
            right = column.align == "right"
            look = {"bold": True, "bottom": 1, "bg_color": "#EEF1F5", "text_wrap": True}
            self.text(sheet, header, j, column.label, self.format(align="right" if right else None, **look))
            self._column(sheet, header + 1, j, column, view, wide, values, strong)
        last = header + len(view.rows)
        sheet.set_paper(9)  # A4, landscape, the header on every printed page
        sheet.set_landscape()
        if len(columns) <= 12:
            sheet.fit_to_pages(1, 0)
        if columns:
            sheet.repeat_rows(header)
            sheet.freeze_panes(header + 1, 0)
            sheet.autofilter(header, 0, last, len(columns) - 1)
            if view.rows:
                sheet.ignore_errors({"number_stored_as_text": f"A{header + 2}:XFD{last + 1}"})
        for k, note in enumerate(view.notes, start=last + 2):
            self.text(sheet, k, 0, note, self.format(italic=True))
        return Placed(header, last, len(columns))

    def _column(
        self,
        sheet: Any,
        top: int,
        j: int,
        column: Column,
        view: View,
        wide: bool,
        values: list[Any] | np.ndarray,
        strong: np.ndarray,
    ) -> None:
        """The column's values from row `top`. Numbers and texts go to the sheet as whole columns, one per
        look (a places column's rises in green, falls in red; a toned text's colours), and an empty value
        not at all: most of a 10,000-unit table. A bold row's cells, a marked number ('12 p'), an indented
        text and anything else are written one by one, as before."""
        plain = not (column.tone or column.marker or column.indent)
        number_look = self.format(num_format=number_format(column.kind, column.digits), bold=column.strong)
        text_look = self.format(bold=column.strong, text_wrap=wide, valign="top" if wide else None)
        if isinstance(values, np.ndarray) and (column.kind not in NUMBERS or column.tone or column.indent):
            values = _listed(values)
        whole = isinstance(values, np.ndarray)  # a float array: NaN where the row has None
        kinds, rows, size = _types(values), view.rows, len(values)
        given = ~np.isnan(values) if whole else np.array([v is not None for v in values], dtype=bool)
        alone = strong | given
        if (
            column.kind in NUMBERS
            and not (column.tone or column.indent)
            and kinds <= {float, int, type(None)}
        ):
            numbers = np.asarray(values, dtype=float)
            bulk = np.isfinite(numbers) & ~strong
            if column.marker:
                bulk &= ~np.array([bool(r.get(column.marker)) for r in rows], dtype=bool)
            if plain and column.kind in ("value", "points", "int", "count"):
                sheet.numbers(top, j, np.where(bulk, numbers, np.nan), number_look)
            else:
                shown = numbers / 100 if column.kind == "pct" else numbers
                sign = np.sign(shown) if column.kind == "places" else np.zeros(size)
                for side, colour in ((0, None), (1, COLOURS["up"]), (-1, COLOURS["down"])):
                    part = bulk & (sign == side)
                    if part.any():
                        look = self._look(column, wide, colour)
                        sheet.numbers(top, j, np.where(part, shown, np.nan), look)
            alone = strong | (given & ~bulk)
        elif column.kind == "text" and not (column.marker or column.indent) and kinds <= {str, type(None)}:
            bulk = given & ~strong
            if column.tone:  # an empty toned text is an empty formatted cell: written alone
                bulk &= np.array([v != "" for v in values], dtype=bool)
                colours = [COLOURS.get(str(r.get(column.tone) or r.get(column.key))) for r in rows]
            else:
                colours = [None] * size
            chosen = bulk.tolist()
            tidy = cleaned([t for t in values if t is not None])  # once per distinct text
            for colour in dict.fromkeys(c for c, b in zip(colours, chosen, strict=True) if b):
                look = text_look if colour is None else self._look(column, wide, colour)
                picked = zip(values, chosen, colours, strict=True)
                sheet.strings(top, j, [tidy[v] if b and c == colour else None for v, b, c in picked], look)
            alone = strong | (given & ~bulk)
        for i in np.flatnonzero(alone).tolist():
            self._value(sheet, top + i, j, column, rows[i], view, wide)

    def _look(self, column: Column, wide: bool, colour: str | None) -> Any:
        """The format _value gives a cell of the column that is not in a bold row."""
        shown = number_format(column.kind, column.digits) if column.kind in NUMBERS else None
        top = "top" if wide else None
        return self.format(
            num_format=shown, bold=column.strong, text_wrap=wide, valign=top, font_color=colour
        )

    def _value(
        self, sheet: Any, i: int, j: int, column: Column, row: dict[str, Any], view: View, wide: bool
    ) -> None:
        value = row.get(column.key)
        look: dict[str, Any] = {
            "bold": column.strong or bool(view.strong and row.get(view.strong)),
            "text_wrap": wide,
            "valign": "top" if wide else None,
            "indent": int(row.get(column.indent) or 0) if column.indent else None,
            "font_color": self._colour(column, row),
        }
        if column.marker and row.get(column.marker):
            look["marker"] = str(row[column.marker])
        self.put(sheet, i, j, column, value, **look)

    @staticmethod
    def _colour(column: Column, row: dict[str, Any]) -> str | None:
        if column.tone:
            return COLOURS.get(str(row.get(column.tone) or row.get(column.key)))
        value = _number(row.get(column.key))
        if column.kind == "places" and value:
            return COLOURS["up" if value > 0 else "down"]
        return None
