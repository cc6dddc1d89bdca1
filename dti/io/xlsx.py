"""XLSX files → a Grid: cell texts, Excel numbers and percent formats per column, read by a small
streaming reader (zipfile + expat) rather than openpyxl, which read ~45,000 cells/s.

Files come from other people, so reading is bounded: the archive's unpacked size is checked before
any XML is parsed, the sheet's declared `<dimension>` is ignored (rows are as wide as their last value,
not as the sheet claims), and rows, columns and cells are capped as the sheet streams. Every XML part
is parsed with DTDs refused, so no entity can expand. A file over a limit, or whose package or XML is
broken, raises InputError, which the caller reports as an unreadable file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from dti.io.grid import Grid, InputError
from dti.io.xlsxfast import read_sheet_fast
from dti.io.xlsxsheet import (
    DATE,
    DURATION,
    GENERAL,
    PERCENT,
    Values,
    nfc,
    padded_kind,
    read_sheet,
    sheet_grid,
)
from dti.io.xlsxxml import EntitiesForbidden, XlsxLimits, elements, local_name, over_limit, parse_part
from dti.words import note


def _unreadable(exc: BaseException) -> InputError:
    if isinstance(exc, zipfile.BadZipFile) and str(exc) == "File is not a zip file":  # another file renamed
        return InputError(note("io.not-zip"))
    if isinstance(exc, EntitiesForbidden):
        return InputError(note("io.xml-dtd"))
    return InputError(note("io.bad-excel", why=f"{type(exc).__name__}: {' '.join(str(exc).split())}"))


# What a broken package or part raises: zip, inflate and XML errors, a bad number, a missing part.
BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a compression method zipfile lacks
    expat.ExpatError,
    ValueError,  # EntitiesForbidden, a cell's bad number or reference
    OverflowError,  # a row number too big to store
    RuntimeError,  # an encrypted part
    IndexError,  # a shared string that is not there
    KeyError,  # a part that is not there
)


def read_xlsx(
    path: Path, sheet: str | None, limits: XlsxLimits | None = None, data: bytes | None = None
) -> Grid:
    """One sheet: the one named, else the first visible worksheet."""
    return read_sheets(path, sheet, limits, data, every=False)[0]


def read_sheets(
    path: Path,
    sheet: str | None,
    limits: XlsxLimits | None = None,
    data: bytes | None = None,
    *,
    every: bool = True,
) -> list[Grid]:
    """Each visible worksheet's grid, in the workbook's order (or only the one `sheet` names, hidden or
    not). Hidden sheets are skipped, said in a note on the first grid: stale data is never scored."""
    limits = limits or XlsxLimits.from_env()
    grids = []
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as archive:
            limits.check_unpacked(archive)
            book = _Workbook(archive)
            chosen, hidden = book.chosen(sheet)
            strings = _shared_strings(archive, book.part("sharedStrings"), limits)
            styles = _styles(archive, book.part("styles"))
            values = Values(strings, styles, book.date1904)
            for title, part in chosen if every else chosen[:1]:
                plain = read_sheet_fast(archive, part, values, limits)
                positions, cell_values = plain or read_sheet(archive, part, values, limits)
                grids.append(sheet_grid(path, title, positions, cell_values, values, limits))
    except BROKEN as exc:
        raise _unreadable(exc) from None
    if hidden:
        grids[0].notes.append(note("files.hidden-sheets", sheets=hidden))
    return grids


# --- the workbook: its sheets and parts -------------------------------------------------------------


def _relationships(archive: zipfile.ZipFile, source: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type's last segment, target part name)."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.NameToInfo:
        return {}
    out = {}
    for _, element, attrs in elements(archive, rels):
        if element == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[attrs["Id"]] = (attrs.get("Type", "").rpartition("/")[2], posixpath.normpath(target))
    return out


class _Workbook:
    """The sheets a workbook lists (worksheets and chart sheets, in order) and its other parts."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        package = _relationships(archive, "")
        main = [target for kind, target in package.values() if kind == "officeDocument"]
        self.path = main[0] if main else "xl/workbook.xml"
        self.rels = _relationships(archive, self.path)
        self.sheets: list[tuple[str, str, str]] = []  # name, relationship type, part
        self.hidden: set[str] = set()  # the parts of hidden and very hidden sheets
        self.date1904 = False
        for _, element, attrs in elements(archive, self.path):
            if element == "workbookPr":
                self.date1904 = attrs.get("date1904", "").lower() in {"1", "true"}
            elif element == "sheet" and attrs.get("id") in self.rels:
                kind, part = self.rels[attrs["id"]]
                if kind in {"worksheet", "chartsheet"}:
                    self.sheets.append((attrs.get("name", ""), kind, part))
                    if attrs.get("state", "visible") in {"hidden", "veryHidden"}:
                        self.hidden.add(part)
        self.archive = archive

    def chosen(self, name: str | None) -> tuple[list[tuple[str, str]], list[str]]:
        """The sheets to read (title, part): the named one, else every visible worksheet; and the hidden
        worksheets left out."""
        if name is None:
            worksheets = [s for s in self.sheets if s[1] == "worksheet"]
            visible = [(title, part) for title, _, part in worksheets if part not in self.hidden]
            if not visible and worksheets:
                raise InputError(note("files.only-hidden", sheets=[s[0] for s in worksheets]))
            if not visible:
                raise InputError(note("io.no-worksheet"))
            return visible, [title for title, _, part in worksheets if part in self.hidden]
        for title, kind, part in self.sheets:
            if title == name:
                if kind != "worksheet":
                    raise InputError(note("io.chart-sheet", sheet=title))
                return [(title, part)], []
        raise InputError(note("io.no-sheet", sheet=name, sheets=[s[0] for s in self.sheets]))

    def part(self, kind: str) -> str | None:
        """The workbook's part of a relationship type (sharedStrings, styles), if the package has it."""
        for found, part in self.rels.values():
            if found == kind and part in self.archive.NameToInfo:
                return part
        default = posixpath.join(posixpath.dirname(self.path), kind + ".xml")
        return default if default in self.archive.NameToInfo else None


def _shared_strings(archive: zipfile.ZipFile, part: str | None, limits: XlsxLimits) -> list[str]:
    """Each <si>'s text: its <t>, or its rich text runs' <t>s joined (phonetic <rPh> runs left out)."""
    strings: list[str] = []
    if part is None:
        return strings
    pieces: list[str] = []
    state = {"collect": False, "phonetic": 0}

    def start(name: str, _: dict[str, str]) -> None:
        local = local_name(name)
        if local == "t":
            state["collect"] = not state["phonetic"]
        elif local == "rPh":
            state["phonetic"] += 1

    def end(name: str) -> None:
        local = local_name(name)
        if local == "t":
            state["collect"] = False
        elif local == "rPh":
            state["phonetic"] -= 1
        elif local == "si":
            if len(strings) >= limits.cells:
                raise over_limit(note("io.limit.strings", count=float(limits.cells)), "cells", limits.cells)
            strings.append(nfc("".join(pieces).replace("x005F_", "")))  # as openpyxl read them
            pieces.clear()

    def text(data: str) -> None:
        if state["collect"]:
            pieces.append(data)

    parse_part(archive, part, start, end, text)
    return strings


# --- number formats ---------------------------------------------------------------------------------

# Excel's built-in formats that are not General: percent (9, 10), dates and times (14-22, 45-47).
BUILTIN_FORMATS = {9: "0%", 10: "0.00%", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy"}
BUILTIN_FORMATS |= {18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm"}
BUILTIN_FORMATS |= {45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0"}
# Quoted literals and [colour]/[$-locale] brackets, but not [h], [mm], [ss] (as openpyxl tells dates).
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def _format_kind(code: str) -> int:
    first = code.split(";")[0]
    if _DATE.search(_LITERALS.sub("", first)):
        return DURATION if _DURATION.search(first) else DATE
    return PERCENT if "%" in code else padded_kind(code) or GENERAL


def _styles(archive: zipfile.ZipFile, part: str | None) -> list[int]:
    """Each cell style's (cellXfs entry's) kind of number format: general, percent, date or duration."""
    if part is None:
        return []
    custom: dict[int, str] = {}
    formats: list[int] = []
    for parent, element, attrs in elements(archive, part):
        if element == "numFmt" and parent == "numFmts":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif element == "xf" and parent == "cellXfs":
            formats.append(int(attrs.get("numFmtId", "0")))
    return [_format_kind(custom.get(i, BUILTIN_FORMATS.get(i, "General"))) for i in formats]
