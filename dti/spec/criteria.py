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

from dti.io.docxgrid import Block, document_blocks
from dti.io.files import read_grid
from dti.io.grid import Grid, InputError, factorize, make_grid
from dti.io.inputs import open_input
from dti.io.table import describe, find_table
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


def _docx_body(path: Path) -> list[Block]:
    """The paragraphs and tables of a .docx (dti/io/docxgrid.py streams them without DTDs)."""
    import zipfile
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(open_input(path)) as archive:  # a zip bomb is refused from its directory
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_DOCX_BYTES:
                raise InputError(note("spec.import.too-large", file=str(path), mb=MAX_DOCX_BYTES // 2**20))
            return document_blocks(archive)
    except InputError:
        raise
    except (OSError, zipfile.BadZipFile, expat.ExpatError, KeyError, ValueError, IndexError) as exc:
        raise InputError(note("spec.import.not-docx", file=str(path), why=str(exc))) from None


def _docx_grid(path: Path) -> Grid:
    """The Word document's criteria tables as one grid (each merged cell's text once)."""
    chosen: list[list[str]] = []
    titles: list[str] = []  # the paragraphs above the first criteria table: its title rows
    below: list[str] = []  # the paragraphs below the last one, where the classification often stands
    for block in _docx_body(path):
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
    if path.suffix.lower() in {".doc", ".pdf", ".odt", ".rtf"} and path.is_file():
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
