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
# printed landscape on A4, one page wide: the long texts (name, rule, note) wrap within these widths
WIDTHS = (5, 11, 38, 10, 38, 10, 9, 9, 11, 22)
COVER_WIDTHS = (22, 44, 16, 16)
A4 = 9  # xlsxwriter's paper code
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
    written: list[Path] = []
    for sheet in content.sheets:
        name, n = _file_name(sheet.department or sheet.name), 2
        while name.casefold() in {p.stem.casefold() for p in written}:  # two names made the same
            name, n = f"{_file_name(sheet.department or sheet.name)} ({n})", n + 1
        path = target / f"{name}.xlsx"
        write_atomic(path, [workbook(replace(content, sheets=(sheet,)), password)], inputs)
        written.append(path)
    return written


def _file_name(name: str) -> str:
    """A department's file name: its full name (a sheet name is cut at 31 characters), safe on every
    system: no <>:"/\\|?* or control characters, no trailing dot or space, at most 200 bytes."""
    safe = " ".join(re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", name).split()).strip(" .")
    while len(safe.encode()) > 200:
        safe = safe[:-1].rstrip(" .")
    return safe or "sheet"


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
        "title": book.add_format({"bold": True, "font_size": 13, "text_wrap": True, "valign": "top"}),
        "bold": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "head": book.add_format({**wrap, "bold": True, "bg_color": HEAD_FILL, "align": "center"}),
        "given": book.add_format(given),
        "previous": book.add_format({**given, "num_format": "General"}),
        "input": book.add_format(entry),
        "count": book.add_format({**entry, "num_format": "0"}),
        "percent": book.add_format({**entry, "num_format": "0.00%"}),
        "shown": book.add_format({"num_format": "0.00%"}),  # a ratio's computed share (conditional)
        "number": book.add_format({**entry, "num_format": "General"}),
        "date": book.add_format({**entry, "num_format": DATE_FORMAT}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


def _print(sheet: Any, repeat: int | None = None) -> None:
    """Landscape A4, one page wide (as many pages long as it takes), the header row on every page."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    if repeat is not None:
        sheet.repeat_rows(repeat)


def _protect(sheet: Any, password: str) -> None:
    # the department may resize and format but not edit, insert or delete outside the input cells
    sheet.protect(password, {"format_columns": True, "format_rows": True, "select_locked_cells": True,
                             "select_unlocked_cells": True})  # fmt: skip


def _cover(sheet: Any, content: Template, styles: dict[str, Any], password: str) -> None:
    lang = content.lang
    for col, width in enumerate(COVER_WIDTHS):
        sheet.set_column(col, col, width)
    _print(sheet)
    title = clean(say("collect.cover-title", lang, year=content.year))
    sheet.merge_range(0, 0, 0, len(COVER_WIDTHS) - 1, title, styles["title"])
    sheet.set_row(0, 18 * _lines(title, sum(COVER_WIDTHS)))
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
    hint = word("collect.cover-sent-hint", lang)
    sheet.merge_range(row, 2, row, 3, hint, styles["wrap"])
    sheet.set_row(row, 15 * _lines(hint, sum(COVER_WIDTHS[2:])))
    row += 1
    how = clean(word("collect.cover-how-text", lang))
    sheet.write_string(row, 0, word("collect.cover-how", lang), styles["bold"])
    sheet.merge_range(row, 1, row, 3, how, styles["wrap"])
    sheet.set_row(row, 15 * _lines(how, sum(COVER_WIDTHS[1:])) + 4)
    row += 2
    sheet.write_string(row, 0, word("collect.cover-sheets", lang), styles["bold"])
    row += 1
    heads = ("collect.cover-sheet", "collect.cover-lead", "collect.cover-count", "collect.cover-deadline")
    for col, key in enumerate(heads):
        sheet.write_string(row, col, word(key, lang), styles["head"])
    for each in content.sheets:
        row += 1
        sheet.set_row(
            row, 15 * max(_lines(each.name, COVER_WIDTHS[0]), _lines(each.department, COVER_WIDTHS[1]))
        )
        sheet.write_string(row, 0, clean(each.name), styles["given"])
        sheet.write_string(row, 1, clean(each.department), styles["given"])
        sheet.write_number(row, 2, len(each.rows), styles["given"])
        sheet.write_string(row, 3, _day(each.deadline) if each.deadline else "", styles["given"])
    _protect(sheet, password)


def _lines(text: str, width: int) -> int:
    """The lines a text wraps to in a column `width` characters wide (a width counts digits: about 1.1
    letters of Vietnamese text each, less the words that do not split). Excel and LibreOffice do not fit
    a written row's height, so each row is made as tall as its longest text."""
    return max(-(-len(text) // max(int(width * 1.1) - 2, 1)), 1)


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _sheet(sheet: Any, content: Template, part: Sheet, styles: dict[str, Any], password: str) -> None:
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    for r, line in enumerate(content.titles(part)):  # within the table's printed width, not past it
        sheet.merge_range(
            r, 0, r, len(WIDTHS) - 1, clean(line), styles["title"] if r == 0 else styles["bold"]
        )
        sheet.set_row(r, (18 if r == 0 else 15) * _lines(line, sum(WIDTHS)))
    for col, head in enumerate(content.headers):
        sheet.write_string(HEADER_ROW, col, head, styles["head"])
    sheet.set_row(HEADER_ROW, 15 * max(_lines(h, w) for h, w in zip(content.headers, WIDTHS, strict=True)))
    _print(sheet, HEADER_ROW)
    sheet.freeze_panes(HEADER_ROW + 1, 3)
    for k, row in enumerate(part.rows):
        _row(sheet, HEADER_ROW + 1 + k, row, content, styles)
    _protect(sheet, password)


def _row(sheet: Any, r: int, row: Row, content: Template, styles: dict[str, Any]) -> None:
    lang, given = content.lang, styles["given"]
    # rows as tall as their wrapped name or rule: Excel and LibreOffice do not fit a written row's height
    sheet.set_row(r, 15 * max(_lines(row.name, WIDTHS[2]), _lines(row.rule, WIDTHS[4])))
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
        # an empty result until both counts are written: read back, an empty cell, not 0 %. The percent
        # format is conditional (on a number only): LibreOffice saves an empty result of a cell formatted
        # as a percentage as 0 in an .xls, which would read as a real 0 %
        sheet.write_formula(
            r, VALUE, f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}>0),{a}/{b},"")', styles["input"], ""
        )
        share_cell = _cell(r, VALUE)
        sheet.conditional_format(
            share_cell, {"type": "formula", "criteria": f"=ISNUMBER({share_cell})", "format": styles["shown"]}
        )
        share = {**message, "input_message": (row.rule + " " + word("collect.input-percent", lang))[:MESSAGE],
                 "error_message": word("collect.error-percent", lang)}  # fmt: skip
        sheet.data_validation(r, VALUE, r, VALUE, {"validate": "decimal", "criteria": "between",
                                                   "minimum": 0, "maximum": 1, **share})  # fmt: skip
    elif row.answer == "percent":  # steps on a rate: 92,5 typed in the percent cell is stored 0.925
        for col in (NUMERATOR, DENOMINATOR):
            sheet.write_blank(r, col, None, given)
        share = {**message, "error_message": word("collect.error-percent", lang)}
        sheet.data_validation(r, VALUE, r, VALUE, {"validate": "decimal", "criteria": "between",
                                                   "minimum": 0, "maximum": 1, **share})  # fmt: skip
        sheet.write_blank(r, VALUE, None, styles["percent"])
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
