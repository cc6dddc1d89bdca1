"""Target lists as committees write them → a frame of targets (one row each), for dti/tracking/targets.py.

A report appendix: title rows, the header on any row (found by dti/io/table.py), Roman section rows
(`I`, `II` → the group), headings whose sub-rows (`- Hộ gia đình`) are the targets, the header repeated
at page breaks; or a YAML list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from dti.io.grid import Grid, col_letter, header_of, reason
from dti.io.inputs import read_input_text
from dti.io.numbering import structure
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
    written = {c: grid.header[i].strip() or c for c, i in columns.items()}  # each column's header as written
    frame["headers"] = [written] * n
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
    return structure(frame, notes, fill=("responsible", "group"))


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
        column=header_of(frame.loc[i], column),
        cell=frame.at[i, "cells"].get(column),
        indicator=frame.at[i, "id"] or None,
        value=frame.at[i, column],
    )


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
