"""Read a decision's criteria table: CSV or XLSX through dti/io (title rows, header, footnotes, repeated
headers), or the tables of a Word document (.docx, python-docx) turned into the same Grid.

Its columns, in any order, matched on folded headers: `STT | Chỉ số / Tiêu chí | Điểm tối đa | Cách xác
định và tính điểm | Tài liệu kiểm chứng | Nguồn dữ liệu | Đơn vị phối hợp`, and optionally `Mã` (codes)
and `Tên tiếng Anh`. The title rows give the index's title and its decision.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.files import read_grid
from dti.io.grid import Grid, InputError, factorize, make_grid
from dti.io.inputs import open_input
from dti.io.table import describe, find_table
from dti.io.xlsxxml import elements, local_name, parse_part
from dti.spec.classify import classification
from dti.spec.outline import Item
from dti.text import header_key, nfc
from dti.words import Note, note

# What each column holds → the headers decisions write (matched by header_key: case, diacritics and
# punctuation aside).
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("STT", "TT", "Số TT", "Số thứ tự"),
    "code": ("Mã", "Mã chỉ số", "Mã tiêu chí", "Code"),
    "name": (
        "Chỉ số / Tiêu chí",
        "Chỉ số",
        "Tiêu chí",
        "Tên chỉ số",
        "Tên tiêu chí",
        "Nội dung",
        "Nội dung đánh giá",
        "Tiêu chí đánh giá",
        "Chỉ số thành phần",
        "Chỉ tiêu",
    ),
    "name_en": ("Tên tiếng Anh", "English name", "name_en"),
    "points": ("Điểm tối đa", "Điểm", "Thang điểm", "Điểm chuẩn", "Số điểm"),
    "method": (
        "Cách xác định và tính điểm",
        "Cách xác định",
        "Cách tính điểm",
        "Cách chấm điểm",
        "Cách đánh giá",
        "Phương pháp tính điểm",
        "Phương pháp đánh giá",
        "Phương pháp chấm điểm",
        "Phương pháp xác định",
        "Hướng dẫn chấm điểm",
        "Hướng dẫn đánh giá",
        "Hướng dẫn tính điểm",
    ),
    "evidence": ("Tài liệu kiểm chứng", "Minh chứng", "Tài liệu minh chứng"),
    "data": ("Nguồn dữ liệu", "Nguồn số liệu"),
    "partner": ("Đơn vị phối hợp", "Cơ quan phối hợp"),
}
_MEANING = {header_key(h): m for m, heads in COLUMNS.items() for h in heads}
# Headers that words may follow (`Điểm tối đa (điểm)`, `Tài liệu kiểm chứng/minh chứng`).
_STEMS = (
    "diem toi da",
    "cach xac dinh",
    "cach tinh diem",
    "cach cham diem",
    "phuong phap danh gia",
    "phuong phap tinh diem",
    "phuong phap cham diem",
    "huong dan cham diem",
    "tai lieu kiem chung",
    "nguon du lieu",
    "don vi phoi hop",
)


def meaning(header: str) -> str | None:
    """What a header names ('Điểm tối đa (điểm)' → 'points'), or None."""
    key = header_key(header)
    stem = next((s for s in _STEMS if key.startswith(s + " ")), key)
    return _MEANING.get(stem)


FIELDS = tuple(COLUMNS)
TOTAL_NAMES = frozenset({"tong", "tong cong", "tong diem", "tong so diem", "cong"})
MAX_DOCX_BYTES = 50 * 1024 * 1024


_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RUN_TEXT = {"t": None, "tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-", "br": "\n"}

_READ = frozenset({*_RUN_TEXT, "p", "tbl", "tr", "gridBefore", "tc", "gridSpan", "vMerge"})
_CLOSE = frozenset({"t", "p", "tc", "tr"})


class _Body:
    """The document body streamed through expat: its paragraphs' texts and its tables' rows, read as
    python-docx reads them (a paragraph's runs and hyperlinks; a cell's own paragraphs, a cell spanning
    columns given once then blanks, a cell merged down given in each row it covers), at ~1 µs an element
    instead of python-docx's ~50 µs a cell (seconds for a 20,000-row table)."""

    def __init__(self) -> None:
        self.blocks: list[str | list[list[str]]] = []  # a paragraph's text, or a table's rows
        self.stack: list[str] = []
        self.text: list[str] | None = None  # the paragraph being read, when it counts
        self.keep = False  # inside a w:t whose characters count
        self.cells: list[str] = []  # the row being read
        self.offset = 0  # the grid column of the cell being read
        self.span, self.merged = 1, False
        self.above: dict[int, str] = {}  # grid column → the text of the cell starting there, row above
        self.starts: dict[int, str] = {}
        self.paragraphs: list[str] = []  # the cell's paragraphs

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        stack = self.stack
        stack.append(local)
        if local not in _READ:  # run and paragraph properties, bookmarks, …: most elements
            return
        depth, tables = len(stack), stack.count("tbl")
        if local == "p" and (depth == 3 or (tables == 1 and stack[-2] == "tc" and depth == 6)):
            self.text = []
        elif local in _RUN_TEXT and self.text is not None and stack[-2] == "r" and self._in_paragraph():
            value = {local_name(k): v for k, v in attrs.items()}
            if local == "t":
                self.keep = True
            elif local != "br" or value.get("type", "textWrapping") == "textWrapping":
                self.text.append(_RUN_TEXT[local] or "")
        elif tables != 1 or stack[2] != "tbl":
            return
        elif local == "tbl" and depth == 3:
            self.blocks.append([])
            self.above = {}
        elif local == "tr" and depth == 4:
            self.cells, self.starts, self.offset = [], {}, 0
        elif local == "gridBefore" and depth == 6 and stack[-2] == "trPr":
            self.offset = _int(attrs, 0)
        elif local == "tc" and depth == 5:
            self.span, self.merged, self.paragraphs = 1, False, []
        elif local == "gridSpan" and depth == 7 and stack[-2] == "tcPr":
            self.span = max(_int(attrs, 1), 1)
        elif local == "vMerge" and depth == 7 and stack[-2] == "tcPr":
            self.merged = {local_name(k): v for k, v in attrs.items()}.get("val", "continue") == "continue"

    def _in_paragraph(self) -> bool:
        stack = self.stack
        return stack[-3] == "p" or (stack[-3] == "hyperlink" and len(stack) > 4 and stack[-4] == "p")

    def end(self, name: str) -> None:
        local = self.stack.pop()
        if local not in _CLOSE:
            return
        depth = len(self.stack)
        if local == "t":
            self.keep = False
        elif local == "p" and self.text is not None and (depth == 2 or self.stack[-1] == "tc"):
            if depth == 2:
                self.blocks.append("".join(self.text))
            else:
                self.paragraphs.append("".join(self.text))
            self.text = None
        elif local == "tc" and depth == 4 and self.stack[2] == "tbl":
            text = self.above.get(self.offset, "") if self.merged else nfc("\n".join(self.paragraphs))
            self.starts[self.offset] = text
            self.cells += [text] + [""] * (self.span - 1)
            self.offset += self.span
        elif local == "tr" and depth == 3 and self.stack[2] == "tbl":
            table = self.blocks[-1]
            assert isinstance(table, list)
            table.append(self.cells)
            self.above = self.starts

    def chars(self, data: str) -> None:
        if self.keep and self.text is not None:
            self.text.append(data)


def _int(attrs: dict[str, str], default: int) -> int:
    value = next((v for k, v in attrs.items() if local_name(k) == "val"), "")
    return int(value) if value.isdigit() else default


def _docx_body(path: Path) -> _Body:
    """The main document part of a .docx, found through its content types, streamed without DTDs."""
    import zipfile
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(open_input(path)) as archive:  # a zip bomb is refused from its directory
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_DOCX_BYTES:
                raise InputError(note("spec.import.too-large", file=str(path), mb=MAX_DOCX_BYTES // 2**20))
            types = elements(archive, "[Content_Types].xml")
            main = next(
                (a["PartName"] for _, e, a in types if e == "Override" and a.get("ContentType") == _MAIN), ""
            )
            if not main:
                raise ValueError("no Word document part in [Content_Types].xml")
            body = _Body()
            parse_part(archive, main.lstrip("/"), body.start, body.end, body.chars)
    except InputError:
        raise
    except (OSError, zipfile.BadZipFile, expat.ExpatError, KeyError, ValueError, IndexError) as exc:
        raise InputError(note("spec.import.not-docx", file=str(path), why=str(exc))) from None
    return body


def _docx_grid(path: Path) -> Grid:
    """The Word document's criteria tables as one grid (each merged cell's text once)."""
    chosen: list[list[str]] = []
    titles: list[str] = []  # the paragraphs above the first criteria table: its title rows
    below: list[str] = []  # the paragraphs below the last one, where the classification often stands
    for block in _docx_body(path).blocks:
        if isinstance(block, str):
            titles += [] if chosen or not block.strip() else [nfc(block)]
            below += [nfc(block)] if chosen and block.strip() else []
            continue
        heads = [sum(1 for c in r if meaning(c)) for r in block[:5]]
        if heads and max(heads) >= 2:
            chosen += [[title] for title in titles[-5:]] if not chosen else []
            chosen += block
            below = []
    chosen += [[line] for line in classification(below)]
    if not chosen:
        raise InputError(note("spec.import.no-table", file=str(path)))
    width = max(len(r) for r in chosen)
    body = chosen[1:]
    columns = [factorize([r[j] if j < len(r) else "" for r in body]) for j in range(width)]
    return make_grid(path, None, chosen[0] + [""] * (width - len(chosen[0])), columns, len(body))


def _grid(path: Path, sheet: str | None) -> Grid:
    if path.suffix.lower() == ".docx":
        return _docx_grid(path)
    if path.suffix.lower() in {".doc", ".pdf", ".odt", ".rtf", ".xls"} and path.is_file():
        raise InputError(note("spec.import.not-read", file=str(path), suffix=path.suffix))
    issues: list[Any] = []
    grid = read_grid(path, sheet, issues)
    if grid is None or not grid.header:
        said = [
            note(
                "spec.import.unreadable",
                file=i.file or str(path),
                issue=Note(i.key, i.params) if i.key else i.message,
            )
            for i in issues
        ]
        for earlier in reversed(said[:-1]):  # every reason, one after another: 'a; b'
            said[-1] = note("spec.import.and", first=earlier, rest=said[-1])
        raise InputError(said[-1] if said else note("spec.import.empty", file=str(path)))
    return grid


def _cell(grid: Grid, column: int, index: int) -> str:
    col = grid.columns[column]
    return nfc(col.texts[col.codes[index]]) if col.texts else ""


def read_rows(
    path: Path, sheet: str | None = None
) -> tuple[list[Item], list[Item], list[Note | str], list[str], list[Item]]:
    """The table's rows, its total rows (`Tổng cộng`), notes on how it was read, its title rows, and the
    rows skipped below it as footnotes (where a classification may stand)."""
    grid = _grid(path, sheet)
    table = find_table(grid, lambda text: meaning(text) is not None)
    body = table.grid
    columns: dict[str, int] = {}
    for j, head in enumerate(body.header):
        columns.setdefault(meaning(head) or "", j)
    columns.pop("", None)
    if "name" not in columns or "points" not in columns:
        raise InputError(
            note(
                "spec.import.no-column",
                file=str(path),
                column="Chỉ số / Tiêu chí" if "name" not in columns else "Điểm tối đa",
                header=[h for h in body.header if h],
                known="; ".join(f"{m}: {', '.join(h)}" for m, h in COLUMNS.items()),
            )
        )
    notes: list[Note | str] = [how] if (how := describe(table)) else []

    def item(source: Grid, index: int) -> Item:
        cells = {f: _cell(source, columns[f], index) if f in columns else "" for f in FIELDS}
        return Item(int(source.rows[index]), cells)

    rows = [item(body, i) for i in range(len(body.rows)) if not body.blank[i]]
    totals = [r for r in rows if not r.cells["number"] and header_key(r.cells["name"]) in TOTAL_NAMES]
    summary = {r for r, why in table.skipped if why == "summary"}
    totals += [item(grid, i) for i in np.flatnonzero(np.isin(grid.rows, list(summary))).tolist()]
    rows = [r for r in rows if r not in totals]
    below = {r for r, why in table.skipped if why in ("footnote", "footer")}
    after = [item(grid, i) for i in np.flatnonzero(np.isin(grid.rows, list(below))).tolist()]
    titles = grid.title_lines(max(table.header_rows[0] - 2, 0)) if table.header_rows[0] > 1 else []
    return rows, totals, notes, [" ".join(t.split()) for t in titles], after


def title_of(titles: list[str]) -> str:
    """The title row that names the index (`Bộ chỉ số …`), else the first that is not `Phụ lục`."""
    named = [t for t in titles if re.search(r"chi so|tieu chi", header_key(t))]
    return next(
        iter(named), next((t for t in titles if not header_key(t).startswith(("phu luc", "kem"))), "")
    )


def decision_of(titles: list[str]) -> dict[str, Any]:
    """`(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/3/2025 …)` → decision and decision_date."""
    found: dict[str, Any] = {}
    for line in titles:
        if number := re.search(r"(?i)quyết định(?: số)?\s*([0-9]+/[\w\-]+)", line):
            found["decision"] = number.group(1)
            if date := re.search(r"ngày\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", line[number.end() :]):
                day, month, year = (int(g) for g in date.groups())
                with contextlib.suppress(ValueError):
                    found["decision_date"] = dt.date(year, month, day)
            break
    return found
