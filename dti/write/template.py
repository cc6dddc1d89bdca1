"""The collection workbook (`dti template`) as .xlsx bytes: a cover, then a protected sheet per department.

Only the input cells (yellow) are unlocked: `Tử số`, `Mẫu số` and `Kết quả` as the component's answer
needs, `Ghi chú / minh chứng`, and the cover's `Ngày gửi`. Each input cell has data validation (a
dropdown of Có/Không or the options, a whole number ≥ 0, a share 0-100 %, points 0..max) and an input
message with the rule. A ratio's `Kết quả` is a formula from its counts that shows a percentage; every
text is written as a string, so a name starting with '=' is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import xlsxwriter

from dti.views.template import Row, Sheet, Template
from dti.words import Lang, say, word
from dti.write.files import write_atomic
from dti.write.xlsxbook import clean

INPUT_FILL = "#FFF2CC"
HEAD_FILL = "#DDEBF7"
HEADER_ROW = 4  # 0-based: three title rows (unit and year, department, sheet) and a blank one
# columns (0-based): STT, code, name, measure, rule, previous, numerator, denominator, value, note
NUMERATOR, DENOMINATOR, VALUE, NOTE = 6, 7, 8, 9
WIDTHS = (5, 11, 48, 10, 48, 11, 11, 11, 12, 30)
MESSAGE = 255  # Excel's longest input message
DATE_FORMAT = "dd/mm/yyyy"


def write_template(
    content: Template, target: Path, folder: bool, password: str = "", inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write the workbook to `target`, or with `folder` a workbook per department into the folder `target`
    (made if missing), each through the -o guard; return the files written."""
    if not folder:
        write_atomic(target, [workbook(content, password)], inputs)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in content.sheets:
        path = target / f"{_file_name(sheet.name)}.xlsx"
        write_atomic(path, [workbook(replace(content, sheets=(sheet,)), password)], inputs)
        written.append(path)
    return written


def _file_name(name: str) -> str:
    """A department's file name: its sheet name, safe on every system."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", name).strip(" .") or "sheet"


def workbook(content: Template, password: str = "") -> bytes:
    """The workbook of `content`: its cover first, then a sheet per department."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
               "strings_to_urls": False}  # fmt: skip
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties(
        {"title": say("collect.cover-title", content.lang, year=content.year), "comments": "dti"}
    )
    styles = _styles(book)
    _cover(book.add_worksheet(content.cover_name), content, styles, password)
    for sheet in content.sheets:
        _sheet(book.add_worksheet(sheet.name), content, sheet, styles, password)
    book.close()
    return buffer.getvalue()


def _styles(book: Any) -> dict[str, Any]:
    wrap = {"text_wrap": True, "valign": "top", "border": 1}
    given = {**wrap, "locked": True}
    entry = {**wrap, "locked": False, "bg_color": INPUT_FILL}
    return {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "bold": book.add_format({"bold": True}),
        "head": book.add_format({**wrap, "bold": True, "bg_color": HEAD_FILL, "align": "center"}),
        "given": book.add_format(given),
        "previous": book.add_format({**given, "num_format": "General"}),
        "input": book.add_format(entry),
        "count": book.add_format({**entry, "num_format": "0"}),
        "percent": book.add_format({**entry, "num_format": "0.00%"}),
        "number": book.add_format({**entry, "num_format": "General"}),
        "date": book.add_format({**entry, "num_format": DATE_FORMAT}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


def _protect(sheet: Any, password: str) -> None:
    # the department may resize and format but not edit, insert or delete outside the input cells
    sheet.protect(password, {"format_columns": True, "format_rows": True, "select_locked_cells": True,
                             "select_unlocked_cells": True})  # fmt: skip


def _cover(sheet: Any, content: Template, styles: dict[str, Any], password: str) -> None:
    lang = content.lang
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 44)
    sheet.set_column(2, 3, 14)
    sheet.write_string(0, 0, clean(say("collect.cover-title", lang, year=content.year)), styles["title"])
    deadlines = {s.deadline for s in content.sheets}
    deadline = deadlines.pop() if len(deadlines) == 1 else None
    facts = [
        ("collect.cover-unit", content.unit),
        ("collect.cover-year", str(content.year)),
        ("collect.cover-deadline", _day(deadline) if deadline else ""),
        ("collect.cover-recipient", content.recipient),
    ]
    if len(content.sheets) == 1 and content.sheets[0].department:
        facts.append(("collect.cover-department", content.sheets[0].department))
    row = 2
    for key, value in facts:
        sheet.write_string(row, 0, word(key, lang), styles["bold"])
        sheet.write_string(row, 1, clean(value))
        row += 1
    sheet.write_string(row, 0, word("collect.cover-sent", lang), styles["bold"])
    sheet.write_blank(row, 1, None, styles["date"])
    sheet.data_validation(row, 1, row, 1, {
        "validate": "date", "criteria": ">=", "value": dt.date(content.year, 1, 1),
        "input_title": word("collect.cover-sent", lang)[:32],
        "input_message": word("collect.cover-sent-hint", lang),
        "error_title": word("collect.error-title", lang),
        "error_message": word("collect.cover-sent-hint", lang),
    })  # fmt: skip
    sheet.write_string(row, 2, word("collect.cover-sent-hint", lang))
    row += 1
    sheet.write_string(row, 0, word("collect.cover-how", lang), styles["bold"])
    sheet.merge_range(row, 1, row, 3, clean(word("collect.cover-how-text", lang)), styles["wrap"])
    sheet.set_row(row, 90)
    row += 2
    sheet.write_string(row, 0, word("collect.cover-sheets", lang), styles["bold"])
    row += 1
    heads = ("collect.cover-sheet", "collect.cover-lead", "collect.cover-count", "collect.cover-deadline")
    for col, key in enumerate(heads):
        sheet.write_string(row, col, word(key, lang), styles["head"])
    for each in content.sheets:
        row += 1
        sheet.write_string(row, 0, clean(each.name), styles["given"])
        sheet.write_string(row, 1, clean(each.department), styles["given"])
        sheet.write_number(row, 2, len(each.rows), styles["given"])
        sheet.write_string(row, 3, _day(each.deadline) if each.deadline else "", styles["given"])
    _protect(sheet, password)


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _sheet(sheet: Any, content: Template, part: Sheet, styles: dict[str, Any], password: str) -> None:
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    for r, line in enumerate(content.titles(part)):
        sheet.write_string(r, 0, clean(line), styles["title"] if r == 0 else styles["bold"])
    for col, head in enumerate(content.headers):
        sheet.write_string(HEADER_ROW, col, head, styles["head"])
    sheet.freeze_panes(HEADER_ROW + 1, 3)
    for k, row in enumerate(part.rows):
        _row(sheet, HEADER_ROW + 1 + k, row, content, styles)
    _protect(sheet, password)


def _row(sheet: Any, r: int, row: Row, content: Template, styles: dict[str, Any]) -> None:
    lang, given = content.lang, styles["given"]
    # rows as tall as their wrapped name or rule: Excel and LibreOffice do not fit a written row's height
    lines = max(-(-len(row.name) // (WIDTHS[2] - 4)), -(-len(row.rule) // (WIDTHS[4] - 4)), 1)
    sheet.set_row(r, 15 * lines)
    sheet.write_number(r, 0, row.number, given)
    for col, text in ((1, row.code), (2, row.name), (3, row.measure), (4, row.rule)):
        sheet.write_string(r, col, clean(text), given)
    if isinstance(row.previous, float):
        sheet.write_number(r, 5, row.previous, styles["previous"])
    else:
        sheet.write_string(r, 5, clean(row.previous or ""), given)
    message = {"input_title": word("collect.input-title", lang), "input_message": row.rule[:MESSAGE],
               "error_title": word("collect.error-title", lang)}  # fmt: skip
    if row.answer == "ratio":
        count = {**message, "input_message": word("collect.input-count", lang),
                 "error_message": word("collect.error-count", lang)}  # fmt: skip
        for col in (NUMERATOR, DENOMINATOR):
            sheet.write_blank(r, col, None, styles["count"])
            sheet.data_validation(
                r, col, r, col, {"validate": "integer", "criteria": ">=", "value": 0, **count}
            )
        a, b = f"{_cell(r, NUMERATOR)}", f"{_cell(r, DENOMINATOR)}"
        # an empty result until both counts are written: read back, an empty cell, not 0 %
        sheet.write_formula(
            r, VALUE, f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}>0),{a}/{b},"")', styles["percent"], ""
        )
        share = {**message, "input_message": (row.rule + " " + word("collect.input-percent", lang))[:MESSAGE],
                 "error_message": word("collect.error-percent", lang)}  # fmt: skip
        sheet.data_validation(r, VALUE, r, VALUE, {"validate": "decimal", "criteria": "between",
                                                   "minimum": 0, "maximum": 1, **share})  # fmt: skip
    else:
        for col in (NUMERATOR, DENOMINATOR):
            sheet.write_blank(r, col, None, given)
        sheet.data_validation(r, VALUE, r, VALUE, {**message, **_check(row, lang)})
        style = {"count": "count", "number": "number", "points": "number"}.get(row.answer, "input")
        sheet.write_blank(r, VALUE, None, styles[style])
    sheet.write_blank(r, NOTE, None, styles["input"])


def _check(row: Row, lang: Lang) -> dict[str, Any]:
    """The data validation of a non-ratio answer."""
    if row.answer in ("yesno", "choice"):
        return {
            "validate": "list",
            "source": list(row.choices),
            "error_message": word("collect.error-list", lang),
        }
    if row.answer == "count":
        return {
            "validate": "integer",
            "criteria": ">=",
            "value": 0,
            "error_message": word("collect.error-count", lang),
        }
    if row.answer == "number":
        error = word("collect.error-positive", lang)
        return {"validate": "decimal", "criteria": ">=", "value": 0, "error_message": error}
    error = say("collect.error-number", lang, low=0.0, high=row.high)
    return {
        "validate": "decimal",
        "criteria": "between",
        "minimum": 0,
        "maximum": _plain(row.high),
        "error_message": error,
    }


def _plain(number: float) -> float | int:
    """A whole number as an int: Excel shows the limit as the department wrote it (9, not 9.0)."""
    return int(number) if number % 1 == 0 else number


def _cell(row: int, col: int) -> str:
    return f"{chr(ord('A') + col)}{row + 1}"
