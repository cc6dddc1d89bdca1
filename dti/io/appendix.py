"""Target lists as committees write them → a frame of targets (one row each), for dti/tracking/targets.py.

A report appendix: title rows, the header on any row (found by dti/io/table.py), Roman section rows
(`I`, `II` → the group), headings whose sub-rows (`- Hộ gia đình`) are the targets, the header repeated
at page breaks; or a YAML list.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from dti.io.grid import Grid, col_letter, reason
from dti.io.inputs import read_input_text
from dti.io.periods import MEANINGS, ResultColumn, ambiguity_issues, assign_roles, yaml_roles
from dti.io.table import describe, find_table
from dti.io.yamlsafe import load_yaml, yaml_reason
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import format_trimmed
from dti.text import header_key, nfc
from dti.words import Note, note

COLUMNS = ("id", "group", "name", "responsible", "target", "result", "status", "note")
REQUIRED = ("name", "target", "result")
# What each column holds → the headers reports write, matched on folded text (case, diacritics and
# punctuation aside). A trailing '…' lets words follow: `KQTH …` takes `KQTH 6 tháng đầu năm 2024`.
# `dti targets --help` and the README print this table.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "STT", "TT", "Số TT", "Mã", "Mã chỉ tiêu"),
    "group": ("group", "Nhóm", "Nhóm chỉ tiêu", "Lĩnh vực"),
    "name": ("name", "Tên", "Tên chỉ tiêu", "Mục tiêu", "Chỉ tiêu", "Nội dung", "Nội dung chỉ tiêu"),
    "target": (
        "target",
        "Mục tiêu năm …",
        "Mục tiêu đến năm …",
        "Kế hoạch …",
        "KH năm …",
        "Chỉ tiêu năm …",
        "Chỉ tiêu kế hoạch …",
    ),
    "result": ("result", "KQTH …", "Kết quả …", "Kết quả thực hiện …", "Thực hiện …", "Ước thực hiện …"),
    # the same period last year, and the benchmarks (dti/io/periods.py reads their periods)
    "same_period": (
        "same_period",
        "Cùng kỳ …",
        "KQTH cùng kỳ …",
        "Kết quả cùng kỳ …",
        "Thực hiện cùng kỳ …",
        "So với cùng kỳ …",
    ),
    "national": (
        "national",
        "Trung bình cả nước …",
        "Bình quân cả nước …",
        "TB cả nước …",
        "Trung bình toàn quốc …",
        "Bình quân toàn quốc …",
    ),
    "regional": ("regional", "Trung bình vùng …", "Bình quân vùng …", "TB vùng …", "Trung bình khu vực …"),
    "responsible": (
        "responsible",
        "Đơn vị thực hiện",
        "Đơn vị chủ trì",
        "Cơ quan chủ trì",
        "Cơ quan thực hiện",
        "Đơn vị",
    ),
    "status": ("status", "Đánh giá …", "Tình trạng", "Mức độ hoàn thành"),
    "note": ("note", "Ghi chú"),
}
# `Mục tiêu` and `Chỉ tiêu` name the target; with no other target column, the second of the two holds it.
DOUBLE_MEANING = frozenset({"muc tieu", "chi tieu"})
_EXACT = {header_key(h.rstrip(" …")): m for m, heads in HEADERS.items() for h in heads}
_PREFIXES = sorted(
    ((header_key(h.rstrip(" …")), m) for m, heads in HEADERS.items() for h in heads if h.endswith("…")),
    key=lambda p: -len(p[0]),
)


def header_meaning(text: str) -> str | None:
    """The column a header names ('KQTH 6 tháng đầu năm 2024' → 'result'), or None."""
    key = header_key(text)
    if key in _EXACT:
        return _EXACT[key]
    return next((m for stem, m in _PREFIXES if key.startswith(stem + " ")), None)


def headers_markdown() -> str:
    """The accepted headers as a Markdown table (the README prints it)."""
    lines = [
        "| column (its name is a header too) | headers (any case and diacritics; `…`: words may follow) |"
    ]
    lines.append("| --- | --- |")
    for meaning, heads in HEADERS.items():
        lines.append(f"| {meaning} | {', '.join(f'`{h}`' for h in heads[1:])} |")
    return "\n".join(lines)


# --- reading ----------------------------------------------------------------------------------------


def _columns(
    grid: Grid, header_row: int, name: str, issues: list[Issue], notes: list[Note | str]
) -> tuple[dict[str, int], list[ResultColumn]]:
    """Which column holds what, and the result-like columns with their roles (the current one is
    `result`, the others `x<column>`); a second column of one other meaning is ignored (and said so)."""
    meanings = [header_meaning(h) for h in grid.header]
    has_target = "target" in meanings
    columns: dict[str, int] = {}
    results: list[tuple[int, str, str]] = []
    for i, (raw, meaning) in enumerate(zip(grid.header, meanings, strict=True)):
        if meaning == "name" and "name" in columns and not has_target and header_key(raw) in DOUBLE_MEANING:
            meaning, has_target = "target", True
        if meaning is None:
            continue
        # the result's header twice is an error, as any column's; last year's or an average's a warning
        same = (
            j
            for j, _, m in results
            if m == meaning == "result" and header_key(grid.header[j]) == header_key(raw)
        )
        twice = next(same, None)
        if meaning in MEANINGS and twice is None:
            results.append((i, raw, meaning))
        elif meaning not in columns and meaning not in MEANINGS:
            columns[meaning] = i
        elif twice is not None or header_key(raw) == header_key(grid.header[columns[meaning]]):
            issues.append(
                issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    "io.column-twice",
                    {"column": raw},
                    file=name,
                    sheet=grid.sheet,
                    row=header_row,
                    column=raw,
                    cell=f"{col_letter(i)}{header_row}",
                )
            )
        else:
            notes.append(
                note("io.column-ignored", column=raw, used=grid.header[columns[meaning]], meaning=meaning)
            )
    roles, ambiguous = assign_roles(results)
    issues += ambiguity_issues(ambiguous, name, grid.sheet, header_row)
    for column in roles:
        columns["result" if column.role == "current" else f"x{column.index}"] = column.index
    return columns, roles


def frame_from_grid(
    grid: Grid,
    name: str,
    issues: list[Issue],
    notes: list[Note | str],
    results: list[ResultColumn] | None = None,
) -> pd.DataFrame:
    """The list's rows as a frame of COLUMNS (+ `x<column>` for each result-like column besides the
    current one, whose roles and periods are added to `results`)."""
    table = find_table(grid, lambda text: header_meaning(text) is not None)
    if (how := describe(table)) is not None:
        notes.append(how)
    grid, header_row = table.grid, table.header_rows[0]
    columns, roles = _columns(grid, header_row, name, issues, notes)
    if results is not None:
        results += roles
    n = len(grid.rows)
    extra = [c for c in columns if c.startswith("x")]
    frame = pd.DataFrame(
        {c: grid.columns[columns[c]].cells().astype(str) if c in columns else "" for c in (*COLUMNS, *extra)},
        index=range(n),
    )
    for key in (
        "target",
        "result",
        *extra,
    ):  # Excel numbers: the stored value, as a percentage if so formatted
        column = grid.columns[columns[key]] if key in columns else None
        frame[f"{key}_native"], frame[f"{key}_percent"] = np.nan, False
        if column is not None and column.native is not None and column.percent_cells is not None:
            number = np.where(column.percent_cells, np.round(column.native * 100, 10), column.native)
            percent = column.percent_cells & ~np.isnan(number)
            shown = [
                "" if np.isnan(v) else format_trimmed(v, 10) + ("%" if p else "")
                for v, p in zip(number, percent, strict=True)
            ]
            frame[key] = np.where(np.isnan(number), frame[key], shown)
            frame[f"{key}_native"], frame[f"{key}_percent"] = number, percent
    frame["row"] = grid.rows
    frame["cells"] = [{c: f"{col_letter(i)}{r}" for c, i in columns.items()} for r in grid.rows]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        issues.append(
            issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                "io.missing-target-column",
                {"missing": missing, "header": [h for h in grid.header if h]},
                file=name,
                sheet=grid.sheet,
                row=header_row,
            )
        )
    frame = frame[frame[list(COLUMNS)].apply(lambda c: c.str.strip()).ne("").any(axis=1)]
    return _structure(frame, notes, fill=("responsible", "group"))


_ROMAN = r"(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"
_SECTION = re.compile(rf"(?:[Pp]hần\s+|PHẦN\s+)?(?P<num>{_ROMAN})(?!\w)\s*[.):\-–]?\s*")
_BULLET = re.compile(r"\s*(?:[-–—+•·*]|[a-zđ][.)])\s*")
_BULLET_ID = re.compile(r"[-–—+•·*]|[a-zđ][.)]?")


def _section(ident: str, name: str) -> tuple[str, str] | None:
    """A section row's numeral and title (`I` + `HẠ TẦNG SỐ` → (`I`, `HẠ TẦNG SỐ`)); None if not one."""
    for text, rest in ((ident, name), (name, "")):
        match = _SECTION.match(text)
        if match and match.group(0).strip():
            return match["num"], (text[match.end() :] or rest).strip(" :.")
    return None


def _section_title(ident: str, name: str) -> str | None:
    """A section row's title ('I' + 'HẠ TẦNG SỐ', or 'I. HẠ TẦNG SỐ' in one cell); None if not one."""
    section = _section(ident, name)
    return None if section is None else section[1]


def _is_sub(rec: dict[str, Any], parent: str) -> bool:
    """A sub-row of a heading: a bullet ('- Hộ gia đình'), or, under a numbered heading, no number of
    its own or a number below the heading's ('3.1' under '3')."""
    ident = rec["id"].strip()
    if _BULLET.match(rec["name"]) or _BULLET_ID.fullmatch(ident):
        return True
    return bool(parent) and (ident == "" or ident.startswith(parent.rstrip(".") + "."))


def _structure(
    frame: pd.DataFrame, notes: list[Note | str], items: str = "targets", fill: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Sections become the group of the rows below; headings prefix their sub-rows; neither is an item.

    Ids as written: a sub-row without a number of its own is its parent's number and its place (`3.1`
    under `3`), so is an unnumbered row right under a numbered item (a merged STT cell: `2.1` under `2`);
    when the numbering restarts in each section (I. 1–5, II. 1–9), every id is its section's and its
    number (`II.3`, `II.3.1`). The `fill` columns left blank (a merged cell) take the value above within
    the section, a heading's included: sub-rows inherit their parent's responsible unit."""
    records = frame.to_dict("records")
    kept: list[dict[str, Any]] = []
    sections: list[int] = []
    headings: list[int] = []
    group, numeral, heading, count = "", "", ("", ""), 0
    in_heading, bulleted = False, False
    above: dict[str, str] = {}
    parent, follow = "", 0  # the last numbered item, and the unnumbered rows under it
    for i, rec in enumerate(records):
        ident, name = rec["id"].strip(), rec["name"].strip()
        bare = not any(rec[c].strip() for c in ("target", "result", "status", "note"))
        section = _section(ident, name) if bare else None
        if section is not None or (bare and not ident and name and not _BULLET.match(name)):
            following = records[i + 1] if i + 1 < len(records) else None
            if section is not None or following is None or not _BULLET.match(following["name"]):
                numeral, group = section or ("", name)
                in_heading, above, parent = False, {}, ""
                sections.append(int(rec["row"]))
                continue
        for column in fill:
            if rec[column].strip():
                above[column] = rec[column]
            else:
                rec[column] = above.get(column, "")
        following = records[i + 1] if i + 1 < len(records) else None
        if bare and following is not None and not _BULLET_ID.fullmatch(ident) and _is_sub(following, ident):
            heading, count, in_heading, parent = (ident, name.rstrip(" :")), 0, True, ""
            bulleted = False  # whether the heading's sub-rows so far are bullets ('- Hộ gia đình')
            headings.append(int(rec["row"]))
            continue
        if in_heading and _is_sub(rec, heading[0]):
            count += 1
            bullet = _BULLET.match(name)
            listed = bool(bullet or _BULLET_ID.fullmatch(ident))
            # a plain row after bullets is a target of its own ('Triển khai phủ sóng mạng 5G' after '- Hộ
            # gia đình', '- Thôn/khu phố'): its own name, numbered in its place under the heading (I.1.3)
            if listed or not bulleted:
                rec["name"] = f"{heading[1]} - {name[bullet.end() :] if bullet else name}"
            bulleted = bulleted or listed
            if heading[0] and (not ident or _BULLET_ID.fullmatch(ident)):
                rec["id"] = f"{heading[0].rstrip('.')}.{count}"
        else:
            in_heading = False
            if ident:
                parent, follow = ident.rstrip("."), 0
            elif parent:
                follow += 1
                rec["id"] = f"{parent}.{follow}"
        if not rec["group"].strip():
            rec["group"] = group
        rec["section"] = numeral
        kept.append(rec)
    _section_ids(kept)
    things = note(f"io.items.{items}")
    if sections:
        notes.append(note("io.sections", rows=rows_note(sections), items=things))
    if headings:
        notes.append(note("io.headings", rows=rows_note(headings), items=things))
    if not kept:
        return frame.iloc[0:0]
    return pd.DataFrame(kept, columns=frame.columns)


def _section_ids(records: list[dict[str, Any]]) -> None:
    """Numbering that restarts in each section (an id in two sections): every id gets its section's
    numeral (`II.3`); numbering that runs on through the sections keeps its ids as written."""
    sections: dict[str, set[str]] = {}
    for rec in records:
        if rec["id"].strip():
            sections.setdefault(rec["id"].strip(), set()).add(rec["section"])
    if not any(len(s) > 1 for s in sections.values()):
        return
    for rec in records:
        if rec["section"] and rec["id"].strip():
            rec["id"] = f"{rec['section']}.{rec['id'].strip()}"


def row_issue(
    frame: pd.DataFrame,
    i: int,
    file: str,
    code: IssueCode,
    severity: Severity,
    column: str,
    key: str,
    **params: Any,
) -> Issue:
    """An issue about one cell of a list read by `frame_from_grid`: its row, cell, id and raw text."""
    return issue(
        code,
        severity,
        key,
        params,
        file=file,
        row=int(frame.at[i, "row"]),
        column=column,
        cell=frame.at[i, "cells"].get(column),
        indicator=frame.at[i, "id"] or None,
        value=frame.at[i, column],
    )


def rows_note(rows: list[int], first: int = 10) -> Note:
    """'rows 8, 14, 18' — a long list cut to its first rows: 'rows 2, 3, … 11 and 1,490 more'."""
    listed: Note | str = ", ".join(map(str, rows))
    if len(rows) > first + 1:
        listed = note("io.rows-cut", rows=", ".join(map(str, rows[:first])), more=len(rows) - first)
    return note("io.row-many" if len(rows) > 1 else "io.row-one", rows=listed)


def frame_from_yaml(
    path: Path, issues: list[Issue], results: list[ResultColumn] | None = None
) -> pd.DataFrame | None:
    """A YAML list of targets (keys: COLUMNS, and `same_period`, `national`, `regional` for last year's
    result and the averages, whose roles are added to `results`)."""
    try:
        data = load_yaml(read_input_text(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        issues.append(
            issue(
                IssueCode.UNREADABLE_FILE,
                Severity.ERROR,
                "io.cannot-read",
                {"why": yaml_reason(exc) if isinstance(exc, yaml.YAMLError) else reason(exc)},
                file=str(path),
            )
        )
        return None
    items = data.get("targets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        issues.append(
            issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.not-a-target-list", file=str(path))
        )
        return None
    frame = pd.DataFrame(
        [{c: "" if i.get(c) is None else nfc(str(i.get(c))) for c in COLUMNS} for i in items]
    )
    roles = yaml_roles([k for k in ("same_period", "national", "regional") if any(k in i for i in items)])
    for column in roles[1:]:
        frame[f"x{column.index}"] = [
            "" if i.get(column.header) is None else nfc(str(i[column.header])) for i in items
        ]
    if results is not None and len(roles) > 1:
        results += roles
    frame["row"] = np.arange(1, len(frame) + 1)  # the item's position in the list
    frame["cells"] = [{} for _ in range(len(frame))]
    return frame


structure = _structure  # dti/tracking/tasks.py reads the section rows and headings of task lists with it
