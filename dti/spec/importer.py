"""A decision's criteria table (CSV, XLSX or a Word table) → a spec, with a review of what to check.

The table is `STT | Chỉ số / Tiêu chí | Điểm tối đa | Cách xác định và tính điểm | Tài liệu kiểm chứng |
Nguồn dữ liệu | Đơn vị phối hợp` (any order; title rows, footnotes and repeated headers are skipped by
dti/io/table.py). The tree and the codes come from the numbering (dti/spec/outline.py documents the
codes: I → G1, 1.2 → C1_2, a) → C1_2a…); the official number stays in `number`. A leaf's points are its
`Điểm tối đa`; an inner node's are its children's sum, and a stated total that disagrees is reported, not
changed. Rules come from the method text (dti/spec/infer.py); what cannot be inferred is self-assessed
points, provisional.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dti.io.grid import Grid, InputError, factorize, make_grid, read_grid
from dti.io.headers import header_key
from dti.io.table import describe, find_table
from dti.numbers import nfc, parse_number
from dti.spec.check import check
from dti.spec.infer import infer_rule
from dti.spec.io import dump_spec
from dti.spec.model import Spec, SpecError
from dti.spec.outline import Item, assign_codes, numbering, place, walk

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
        "Phương pháp tính điểm",
        "Cách chấm điểm",
        "Hướng dẫn chấm điểm",
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
UNIT_WORDS = (
    ("cap xa", "commune"),
    ("cap huyen", "district"),
    ("so ban", "department"),
    ("cap tinh", "province"),
)
MAX_DOCX_BYTES = 50 * 1024 * 1024


@dataclass
class Review:
    """What an analyst checks after an import."""

    nodes: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    provisional: list[dict[str, Any]] = field(default_factory=list)
    sums: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "rules": self.rules,
            "provisional": self.provisional,
            "sums": self.sums,
            "unplaced": self.unplaced,
            "notes": self.notes,
        }


@dataclass
class Imported:
    spec: Spec
    review: Review
    text: str  # the YAML to write


# --- reading -----------------------------------------------------------------------------------------


def _docx_grid(path: Path) -> Grid:
    """The Word document's criteria tables as one grid (each merged cell's text once)."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(path) as archive:  # a zip bomb is refused from its directory
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_DOCX_BYTES:
            raise InputError(f"{path}: unpacks to over {MAX_DOCX_BYTES // 2**20} MB, too large for a table")
        document = docx.Document(str(path))
    except InputError:
        raise
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, SyntaxError, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable .docx file ({exc})") from None
    chosen: list[list[str]] = []
    titles: list[str] = []  # the paragraphs above the first criteria table: its title rows
    for block in document.iter_inner_content():
        if not isinstance(block, docx.table.Table):
            titles += [] if chosen or not block.text.strip() else [nfc(block.text)]
            continue
        rows = []
        for row in block.rows:
            seen: list[Any] = []  # the merged cell's element, kept so that `is` compares it
            cells = []
            for cell in row.cells:
                cells.append("" if any(cell._tc is s for s in seen) else nfc(cell.text))
                seen.append(cell._tc)
            rows.append(cells)
        heads = [sum(1 for c in r if meaning(c)) for r in rows[:5]]
        if heads and max(heads) >= 2:
            chosen += [[title] for title in titles[-5:]] if not chosen else []
            chosen += rows
    if not chosen:
        raise InputError(f"{path}: no table with the criteria headers (STT, Chỉ số / Tiêu chí, Điểm tối đa…)")
    width = max(len(r) for r in chosen)
    body = chosen[1:]
    columns = [factorize([r[j] if j < len(r) else "" for r in body]) for j in range(width)]
    return make_grid(path, None, chosen[0] + [""] * (width - len(chosen[0])), columns, len(body))


def _grid(path: Path, sheet: str | None) -> Grid:
    if path.suffix.lower() == ".docx":
        return _docx_grid(path)
    issues: list[Any] = []
    grid = read_grid(path, sheet, issues)
    if grid is None or not grid.header:
        raise InputError("; ".join(f"{i.file}: {i.message}" for i in issues) or f"{path}: the file is empty")
    return grid


def _cell(grid: Grid, column: int, index: int) -> str:
    col = grid.columns[column]
    return nfc(col.texts[col.codes[index]]) if col.texts else ""


def read_rows(path: Path, sheet: str | None = None) -> tuple[list[Item], list[Item], list[str], list[str]]:
    """The table's rows, its total rows (`Tổng cộng`), notes on how it was read, and its title rows."""
    grid = _grid(path, sheet)
    table = find_table(grid, lambda text: meaning(text) is not None)
    body = table.grid
    columns: dict[str, int] = {}
    for j, head in enumerate(body.header):
        columns.setdefault(meaning(head) or "", j)
    columns.pop("", None)
    if "name" not in columns or "points" not in columns:
        raise InputError(
            f"{path}: no '{'Chỉ số / Tiêu chí' if 'name' not in columns else 'Điểm tối đa'}' column "
            f"(header: {', '.join(h for h in body.header if h)}); the headers it knows: "
            + "; ".join(f"{m}: {', '.join(h)}" for m, h in COLUMNS.items())
        )
    notes = [how] if (how := describe(table)) else []

    def item(source: Grid, index: int) -> Item:
        cells = {f: _cell(source, columns[f], index) if f in columns else "" for f in FIELDS}
        return Item(int(source.rows[index]), cells)

    rows = [item(body, i) for i in range(len(body.rows)) if not body.blank[i]]
    totals = [r for r in rows if not r.cells["number"] and header_key(r.cells["name"]) in TOTAL_NAMES]
    summary = {r for r, why in table.skipped if why == "summary"}
    totals += [item(grid, i) for i in np.flatnonzero(np.isin(grid.rows, list(summary))).tolist()]
    rows = [r for r in rows if r not in totals]
    titles = grid.title_lines(max(table.header_rows[0] - 2, 0)) if table.header_rows[0] > 1 else []
    return rows, totals, notes, [" ".join(t.split()) for t in titles]


def _title(titles: list[str]) -> str:
    """The title row that names the index (`Bộ chỉ số …`), else the first that is not `Phụ lục`."""
    named = [t for t in titles if re.search(r"chi so|tieu chi", header_key(t))]
    return next(
        iter(named), next((t for t in titles if not header_key(t).startswith(("phu luc", "kem"))), "")
    )


def _decision(titles: list[str]) -> dict[str, Any]:
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


# --- the spec ----------------------------------------------------------------------------------------


def _points(text: str) -> float | None:
    cleaned = re.sub(r"(?i)\s*(?:điểm|đ)\.?$", "", text.strip())
    parsed = parse_number(cleaned) if cleaned else None
    if parsed is None or parsed.status != "number" or parsed.percent or parsed.value < 0:
        return None
    return float(parsed.value)


def _joined(rows: list[Item], review: Review) -> list[Item]:
    """Rows with neither a number nor a name continue the row above (a cell split over rows)."""
    out: list[Item] = []
    joined: list[int] = []
    for row in rows:
        if row.cells["number"].strip() or row.cells["name"].strip() or not out:
            out.append(row)
            continue
        above = out[-1].cells
        method, pts = row.cells["method"], row.cells["points"]
        clause = f"{method}: {pts} điểm" if method and pts else method
        for name, text in (("method", clause), *((f, row.cells[f]) for f in ("evidence", "data", "partner"))):
            if text:
                above[name] = f"{above[name]}\n{text}".strip()
        joined.append(row.row)
    if joined:
        review.notes.append(
            f"rows {', '.join(map(str, joined))}: no number and no name, joined to the row above"
        )
    return out


def _sum(item: Item, review: Review, file: str) -> float:
    """A leaf's points, or an inner node's children's sum; a stated sum that differs is reported."""
    stated = _points(item.cells["points"]) if item.cells else None
    if not item.children:
        return stated or 0.0
    total = sum(_sum(child, review, file) for child in item.children)
    if stated is not None and not np.isclose(stated, total):
        review.sums.append(
            {"code": item.code, "number": item.number, "row": item.row, "stated": stated, "children": total}
        )
    return total


def _node(item: Item, file: str, review: Review) -> dict[str, Any]:
    where = f"{file} row {item.row}" + (f" (STT {item.number})" if item.number else "")
    parts = [where]
    data: dict[str, Any] = {"code": item.code, "number": item.number, "name_vi": item.name}
    data["name_en"] = " ".join(item.cells["name_en"].split())
    method = " ".join(item.cells["method"].split())
    stated = _points(item.cells["points"])
    if item.children:
        data["kind"] = "group"
        wrong = next((s for s in review.sums if s["code"] == item.code), None)
        if wrong:
            parts.append(
                f"the table states {wrong['stated']:g} points; its criteria add up to {wrong['children']:g}"
            )
        elif stated is not None:
            data["max_points"] = stated
        if method:
            parts.append(f'method: "{method}"')
    else:
        data["kind"] = "component"
        inference = infer_rule(item.cells["method"], stated)
        parts.append(inference.why)
        data["max_points"] = 0.0 if stated is None else stated
        data["rule"] = inference.rule.model_dump()
        if inference.inferred:
            review.rules[inference.rule.kind] = review.rules.get(inference.rule.kind, 0) + 1
        else:
            data["provisional"] = True
            why = "no points in 'Điểm tối đa'" if stated is None else inference.why.split(":")[0]
            review.provisional.append(
                {"code": item.code, "number": item.number, "row": item.row, "why": why, "method": method}
            )
    for key, label in (("evidence", "evidence"), ("data", "data source"), ("partner", "partner")):
        if text := " ".join(item.cells[key].split()):
            parts.append(f"{label}: {text}")
    data["source"] = "; ".join(parts)
    data["children"] = [c.code for c in item.children]
    return data


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_.\-]+", "-", header_key(text)).strip("-._")
    return slug or "imported"


def import_table(
    path: Path,
    *,
    spec_id: str | None = None,
    title: str | None = None,
    unit_kind: str | None = None,
    sheet: str | None = None,
) -> Imported:
    """Read a criteria table and build its spec; raise InputError for an unreadable table."""
    from pydantic import ValidationError

    from dti.spec.check import _pydantic_problems

    rows, totals, notes, titles = read_rows(path, sheet)
    review = Review(notes=notes)
    numbered = any(r.cells["number"].strip() for r in rows)
    items = []
    for row in _joined(rows, review):
        if (why := numbering(row, numbered)) is not None:
            name = " ".join(row.cells["name"].split())
            review.unplaced.append({"row": row.row, "number": row.cells["number"], "name": name, "why": why})
        else:
            items.append(row)
    given = next((t.cells["code"] for t in totals if t.cells["code"]), "")
    root = Item(0, {f: "" for f in FIELDS}, code=given or "TOTAL")
    place(items, root, review.unplaced)
    if not root.children:
        raise InputError(f"{path}: no criteria found under the header (STT, Chỉ số / Tiêu chí, Điểm tối đa…)")
    assign_codes(root, review.notes)
    file = path.name
    total = _sum(root, review, file)
    for row in totals:
        stated = _points(row.cells["points"])
        if stated is not None and not np.isclose(stated, total):
            review.sums.append(
                {"code": root.code, "number": "", "row": row.row, "stated": stated, "children": total}
            )
    title = title or _title(titles) or path.stem
    nodes = [_node(item, file, review) for item in walk(root)[1:]]
    name_en = next((t.cells["name_en"] for t in totals if t.cells["name_en"]), "")
    top = {
        "code": root.code,
        "name_vi": title,
        "name_en": name_en,
        "kind": "total",
        "children": [c.code for c in root.children],
    }
    top["source"] = f"imported from {file} by dti spec import"
    guess = next((kind for words, kind in UNIT_WORDS if words in header_key(title)), "any")
    data = {
        "id": spec_id or _slug(path.stem),
        "title": title,
        **_decision(titles),
        "unit_kind": unit_kind or guess,
        "note": (
            f"Imported from {file} by `dti spec import`: {sum(not n['children'] for n in nodes)} criteria, "
            f"{sum(review.rules.values())} rules inferred from the method text, "
            f"{len(review.provisional)} left provisional (self-assessed points). Each node's `source` says "
            "which row it comes from and why its rule was chosen: check them against the decision."
        ),
        "nodes": [top, *nodes],
    }
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(str(path), _pydantic_problems(exc)) from None
    if problems := check(spec):
        raise SpecError(str(path), problems)
    review.nodes = len(spec.nodes)
    review.unplaced.sort(key=lambda u: int(u["row"]))
    header = f"# Imported from {file} by `dti spec import`: review the provisional nodes and each `source`.\n"
    return Imported(spec, review, header + dump_spec(spec))
