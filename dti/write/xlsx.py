"""Excel workbooks: a report Document, or a list of Views, for people who keep working in Excel.

Cells, formats and tables are written by xlsxbook.py (numbers as numbers, no text ever a formula), charts
by xlsxchart.py. The workbook is built in memory and returned as bytes for the atomic file writer.
"""

from __future__ import annotations

import math
import re
from typing import Any

from dti.views import Column, Lang, View
from dti.views.document import Decimal, Document, Fact, Section
from dti.words import word
from dti.write.xlsxbook import COLOURS, MAX_WIDTH, Book, Placed, clean
from dti.write.xlsxchart import ChartData, add_chart

TITLE_HEAD = re.compile(r": |, | — ")


def _title_name(view: View, n: int, lang: Lang) -> str:
    """A sheet name from a view: its `sheet`, else the head of its title (up to a colon, comma or dash:
    'dti-province-2022' of 'dti-province-2022, năm số liệu 2024: 63 đơn vị…'), else 'Bảng n'."""
    if view.sheet:
        return view.sheet
    if view.title:
        return TITLE_HEAD.split(view.title, maxsplit=1)[0]
    return f"{word('table', lang)} {n}"


def views_workbook(views: list[View], lang: Lang = "vi", decimal: Decimal = ",") -> bytes:
    """One sheet per view (named by `view.sheet`, else by the head of its title)."""
    book = Book(lang, decimal)
    for n, view in enumerate(views, start=1):
        book.table(book.sheet(_title_name(view, n, lang), f"{book.word('table')} {n}"), view)
    if not views:
        book.sheet(book.word("table"), "1")  # a workbook needs a sheet
    return book.close()


def document_workbook(doc: Document) -> bytes:
    """A summary sheet (title, each section's facts and lines, links to its sheets), a sheet per table,
    each section's charts as native Excel charts beside its first table, their data on a last sheet."""
    book = Book(doc.lang, doc.decimal, doc.title, compact=True)  # read by people: see BulkSheet.compact
    summary = book.sheet(book.word("summary"), "1")
    placed: dict[str, list[tuple[str, Any, Placed]]] = {}
    for section in doc.sections:
        tables = placed.setdefault(section.key, [])
        written = [v for v in [*section.views, *section.sheets] if v.sheet != ""]  # "": the page only
        for n, view in enumerate(written, start=1):
            sheet = book.sheet(_sheet_name(view, section, written), f"{book.word('table')} {n}")
            tables.append((sheet.get_name(), sheet, book.table(sheet, view)))
        if section.charts and not tables:
            sheet = book.sheet(section.title, section.key)
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
            tables.append((sheet.get_name(), sheet, Placed(-1, -1, 0)))
    charts = [(s, c) for s in doc.sections for c in s.charts]
    if charts:
        data = ChartData(book, book.sheet(book.word("chart_data"), "data"))
        for section, chart in charts:
            _, sheet, where = placed[section.key][0]
            add_chart(data, sheet, chart, where.header + 1, where.width + 1 if where.width else 0)
    _summary(book, summary, doc, placed)
    return book.close()


def _sheet_name(view: View, section: Section, written: list[View]) -> str:
    """A table's sheet in a document: its `sheet`, else its section's title when it is the section's only
    table, else the head of its own title (two tables of a section never share a name)."""
    if view.sheet:
        return view.sheet
    if len(written) == 1 or not view.title:
        return section.title
    return re.split(r": | — ", view.title, maxsplit=1)[0]


def _summary(book: Book, sheet: Any, doc: Document, placed: dict[str, list[tuple[str, Any, Placed]]]) -> None:
    widths = [len(f.label) for s in doc.sections for f in s.facts]
    sheet.set_column(0, 0, min(max([24, *widths]) + 2, MAX_WIDTH))
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 2, 60)
    sheet.set_paper(9)  # A4, one page wide
    sheet.fit_to_pages(1, 0)
    book.text(sheet, 0, 0, doc.title, book.format(bold=True, font_size=16))
    row = 1
    if doc.subtitle:
        book.text(sheet, row, 0, doc.subtitle, book.format(italic=True))
        row += 1
    for section in doc.sections:
        row = _section(book, sheet, section, row + 1, placed.get(section.key, []))
    for note in doc.notes:
        row = _paragraph(book, sheet, row + 1, note, book.format(italic=True, text_wrap=True, valign="top"))


def _section(
    book: Book, sheet: Any, section: Section, row: int, tables: list[tuple[str, Any, Placed]]
) -> int:
    """One section on the summary sheet; returns the row after it."""
    book.text(sheet, row, 0, section.title, book.format(bold=True, font_size=13, bottom=1))
    row += 1
    for fact in section.facts:
        _fact(book, sheet, row, fact)
        row += 1
    for line in section.lines:
        row = _paragraph(book, sheet, row, line, book.format(text_wrap=True, valign="top"))
    for name, _, _ in tables:
        target = "internal:'" + name.replace("'", "''") + "'!A1"
        shown = clean(f"{book.word('see')} {name}")
        sheet.write_url(row, 0, target, book.format(font_color="blue", underline=1), string=shown)
        row += 1
    return row


def _fact(book: Book, sheet: Any, row: int, fact: Fact) -> None:
    book.text(sheet, row, 0, fact.label)
    column = Column("value", fact.label, fact.kind, fact.digits)
    colour = COLOURS.get(fact.tone or "")
    book.put(sheet, row, 1, column, fact.value, bold=True, font_color=colour, align="right")
    if fact.note:
        book.text(sheet, row, 2, fact.note, book.format(font_color=colour))


def _paragraph(book: Book, sheet: Any, row: int, text: str, fmt: Any) -> int:
    """A paragraph across the three summary columns, its row tall enough for the wrapped lines."""
    sheet.merge_range(row, 0, row, 2, "", fmt)
    book.text(sheet, row, 0, text, fmt)
    lines = sum(max(1, math.ceil(len(part) / 110)) for part in clean(text).split("\n"))
    sheet.set_row(row, 15 * lines)
    return row + 1
