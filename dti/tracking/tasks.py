"""The plan's task list (nhiệm vụ): not started, in progress, done — and overdue.

Read as provinces keep it (STT, nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp, thời hạn, trạng thái / kết quả,
ghi chú), through the reader of target lists: title rows, section rows `I`, `II` (→ the group), headings
whose `- ` sub-rows are the tasks, footnotes. The status is the first status word of the status column,
else of the result, else of the note; the deadline a date or a period (dti/tracking/dates.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from dti.io.appendix import row_issue
from dti.io.listing import Headers, read_listing
from dti.io.numbering import structure
from dti.issues import Issue, IssueCode, Severity, issue
from dti.text import header_key, lines_of, one_line
from dti.tracking.dates import parse_deadline
from dti.tracking.departments import Departments, bundled, check_units
from dti.words import Note, note

Status = Literal["not_started", "in_progress", "done"]
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "done")
UNKNOWN = "unknown"  # a task whose status cell is empty or holds no status word: counted, never dropped
COUNTED = (*STATUSES, UNKNOWN)
HEADERS = Headers(
    {
        "id": ("id", "STT", "TT", "Số TT"),
        "group": ("group", "Nhóm", "Nhóm nhiệm vụ", "Lĩnh vực"),
        "name": ("name", "Nhiệm vụ", "Tên nhiệm vụ", "Nội dung", "Nội dung nhiệm vụ", "Nhiệm vụ, giải pháp"),
        "responsible": (
            "responsible",
            "Đơn vị chủ trì",
            "Cơ quan chủ trì",
            "Chủ trì",
            "Đơn vị thực hiện",
            "Cơ quan thực hiện",
            "Đơn vị",
        ),
        "partners": ("partners", "Đơn vị phối hợp", "Cơ quan phối hợp", "Phối hợp"),
        "deadline": (
            "deadline",
            "Thời hạn …",
            "Thời gian hoàn thành",
            "Thời gian thực hiện",
            "Hạn hoàn thành",
        ),
        "status": (
            "status",
            "Trạng thái …",
            "Tình trạng",
            "Tình hình thực hiện …",
            "Tiến độ …",
            "Mức độ hoàn thành",
        ),
        "result": ("result", "Kết quả …", "Kết quả thực hiện …"),
        "note": ("note", "Ghi chú"),
    }
)
# Status words as reports write them (folded: no case, no diacritics), first match wins; the text may go
# on (`Đã hoàn thành, ban hành Kế hoạch số 45/KH-UBND`). The flag: finished or running behind its time.
WORDS: tuple[tuple[str, Status, bool], ...] = (
    ("hoàn thành quá hạn", "done", True),
    ("hoàn thành chậm", "done", True),
    ("đã hoàn thành quá hạn", "done", True),
    ("hoàn thành đúng hạn", "done", False),
    ("chưa hoàn thành", "in_progress", False),
    ("đã hoàn thành", "done", False),
    ("hoàn thành", "done", False),
    ("chưa xong", "in_progress", False),
    ("đã xong", "done", False),
    ("xong", "done", False),
    ("done", "done", False),
    ("chậm tiến độ", "in_progress", True),
    ("quá hạn", "in_progress", True),
    ("đang triển khai", "in_progress", False),
    ("đang thực hiện", "in_progress", False),
    ("đang xây dựng", "in_progress", False),
    ("đã triển khai", "in_progress", False),
    ("in progress", "in_progress", False),
    ("chưa triển khai", "not_started", False),
    ("chưa thực hiện", "not_started", False),
    ("chưa bắt đầu", "not_started", False),
    ("not started", "not_started", False),
)
_WORDS = [(header_key(w), s, late) for w, s, late in WORDS]


def status_words_markdown() -> str:
    """The status words and headers read, as Markdown tables (docs/tasks.md prints them)."""
    lines = [
        "| status words (any case and diacritics; words may follow) | status | late |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{w}` | {s} | {'yes' if late else ''} |" for w, s, late in WORDS]
    heads = ", ".join(f"`{h}`" for h in HEADERS.table["status"][1:] + HEADERS.table["result"][1:])
    return "\n".join([*lines, "", f"Read from the columns headed {heads} (then `Ghi chú`)."])


def status_of(text: str) -> tuple[Status, bool] | None:
    """The status a text starts with (`Đã hoàn thành, …` → done), and whether it says late; or None."""
    key = header_key(text)
    return next(((s, late) for w, s, late in _WORDS if key == w or key.startswith(w + " ")), None)


@dataclass
class TaskList:
    """Every task with its status, deadline and lateness; the issues and how the file was read."""

    tasks: pd.DataFrame  # id group name responsible partners deadline_text deadline status late overdue …
    today: dt.date | None = None
    issues: list[Issue] = field(default_factory=list)
    notes: list[Note | str] = field(default_factory=list)
    departments: Departments = field(default_factory=bundled)  # how lead units are named

    def summary(self) -> dict[str, int]:
        """Counts per status; `unknown` (no or an unknown status word) so that the parts add up to total."""
        counts = self.tasks["status"].fillna(UNKNOWN).value_counts()
        return {
            "total": len(self.tasks),
            **{s: int(counts.get(s, 0)) for s in COUNTED},
            "overdue": int(self.tasks["overdue"].sum()),
        }

    def by_responsible(self) -> pd.DataFrame:
        """Counts per lead unit (a task with several counts for each, under its department's name), in
        order of first appearance; a task without a known status counts as `unknown`."""
        register = self.departments
        frame = self.tasks.assign(
            responsible=[
                [register.named(u) for u in register.split(t)] or ["—"] for t in self.tasks["responsible"]
            ],
            status=self.tasks["status"].fillna(UNKNOWN),
        )
        frame = frame.explode("responsible")
        table = pd.crosstab(frame["responsible"], frame["status"]).reindex(
            columns=list(COUNTED), fill_value=0
        )
        table.insert(0, "total", table.sum(axis=1))
        table["overdue"] = frame.groupby("responsible")["overdue"].sum()
        order = list(dict.fromkeys(frame["responsible"]))
        return table.reindex(order).fillna(0).astype(int)

    def counts(self) -> dict[str, Any]:
        """`dti tasks --by responsible --format json`: the counts per lead unit (as `dti targets --by`)."""
        rows = [
            {"responsible": str(k), **{c: int(v) for c, v in row.items()}}
            for k, row in self.by_responsible().iterrows()
        ]
        return {"by": "responsible", "rows": rows}

    def to_dict(self) -> dict[str, Any]:
        keys = (
            "id",
            "group",
            "name",
            "responsible",
            "partners",
            "deadline_text",
            "status",
            "late",
            "overdue",
        )
        rows = []
        for rec in self.tasks.to_dict("records"):
            row = {k: rec[k] for k in keys}
            row["deadline"] = rec["deadline"].isoformat() if rec["deadline"] else None
            days = rec["days_overdue"]
            row["days_overdue"] = None if days is None or pd.isna(days) else int(days)
            row["result"], row["note"], row["row"] = rec["result"], rec["note"], rec["row"]
            rows.append(row)
        return {"tasks": rows, "summary": self.summary()}


def summary(tasks: TaskList) -> Note:
    """`7/21 nhiệm vụ chưa được triển khai; 8/21 đang triển khai; 6/21 đã hoàn thành; 6 nhiệm vụ quá hạn`
    (overdue only when read as of a day), as a Note the views word."""
    s = tasks.summary()
    n, unknown = s["total"], s[UNKNOWN]
    overdue = note("tracking.tasks.summary-overdue", count=s["overdue"]) if tasks.today is not None else ""
    counts = {k: s[k] for k in STATUSES}
    return note(
        "tracking.tasks.summary",
        n=n,
        **counts,
        overdue=overdue,
        unknown=note("tracking.tasks.summary-unknown", count=unknown, n=n) if unknown else "",
    )


def read_tasks(path: Path, sheet: str | None = None, today: dt.date | None = None) -> TaskList:
    """Read a task list. With `today`, an unfinished task past its deadline is overdue (without it none
    is: a list is read as of a day). `late` keeps the list's own words (`chậm tiến độ`, `hoàn thành quá
    hạn`). Problems become issues; nothing is raised."""
    issues: list[Issue] = []
    notes: list[Note | str] = []
    what = note("tracking.tasks.what")
    any_of = ("responsible", "deadline", "status", "result")
    frame = read_listing(path, sheet, HEADERS, ("name",), what, issues, notes, ("deadline",), any_of)
    if frame is None:
        frame = pd.DataFrame(columns=[*HEADERS.table, "deadline_native", "row", "cells"])
    for column in ("group", "name"):  # a title wrapped in its cell (Alt+Enter) is one line
        frame[column] = frame[column].map(one_line)
    for column in ("responsible", "partners", "result", "note"):  # line breaks kept (two units?), CR as LF
        frame[column] = frame[column].map(lines_of)
    # Section rows (`I`, `II`) and headings over `- ` rows: the target reader's rules, with the columns
    # that make a row a task (a deadline, a unit) standing in for its target column.
    frame["target"] = frame["deadline"] + frame["responsible"] + frame["partners"]
    frame = structure(frame, notes, "tasks").drop(columns="target").reset_index(drop=True)
    frame = _once(frame, notes)
    if frame.empty and not issues:
        issues.append(issue(IssueCode.NO_DATA, Severity.ERROR, "tracking.tasks.none", file=str(path)))
    issues += check_units(frame.to_dict("records"), ("responsible", "partners"), str(path))
    tasks = judge(frame, str(path), today, issues)
    tasks.notes = [note("io.in-file", file=str(path), note=n) for n in notes]
    return tasks


def _once(frame: pd.DataFrame, notes: list[Note | str]) -> pd.DataFrame:
    """A task written twice (the same group, name, lead and deadline, as folded; a row pasted twice) is
    counted once, and the rows left out are said."""
    if frame.empty:
        return frame
    key = frame[["group", "name", "responsible", "deadline"]].apply(lambda c: c.map(header_key))
    again = key.duplicated(keep="first").to_numpy()
    if not again.any():
        return frame
    first = {tuple(k): int(r) for k, r in zip(key.to_numpy()[~again], frame["row"][~again], strict=True)}
    pairs = [
        f"{int(r)} = {first[tuple(k)]}"
        for k, r in zip(key.to_numpy()[again], frame["row"][again], strict=True)
    ]
    notes.append(note("tracking.tasks.twice", rows="; ".join(pairs)))
    return frame[~again].reset_index(drop=True)


def judge(frame: pd.DataFrame, name: str, today: dt.date | None, issues: list[Issue]) -> TaskList:
    """Each task's status, deadline, and whether it is unfinished past its deadline as of `today`."""
    frame = frame.copy()
    n = len(frame)

    def warn(i: int, column: str, key: str, **params: Any) -> None:
        issues.append(
            row_issue(frame, i, name, IssueCode.INVALID_OPTION, Severity.WARNING, column, key, **params)
        )

    status = np.full(n, None, dtype=object)
    late = np.zeros(n, dtype=bool)
    for i in range(n):
        read = next(
            (r for c in ("status", "result", "note") if (r := status_of(frame.at[i, c])) is not None), None
        )
        if read is not None:
            status[i], late[i] = read
        elif frame.at[i, "status"].strip():
            warn(i, "status", "tracking.tasks.unknown-status", text=frame.at[i, "status"])
        else:
            warn(i, "status", "tracking.tasks.no-status")
    natives = (
        frame["deadline_native"].to_numpy(dtype=float) if "deadline_native" in frame else np.full(n, np.nan)
    )
    deadlines: list[dt.date | None] = []
    for i, (text, native) in enumerate(zip(frame["deadline"], natives, strict=True)):
        day, understood = parse_deadline(text, native)
        deadlines.append(day)
        if not understood:
            warn(i, "deadline", "tracking.tasks.not-a-deadline", text=text)
    due = pd.to_datetime(pd.Series([d or pd.NaT for d in deadlines], dtype=object), errors="coerce")
    unfinished = status != "done"
    days = pd.array([None] * n, dtype="Int64")
    if today is not None:
        behind = (pd.Timestamp(today) - due).dt.days.to_numpy(dtype=float)
        past = unfinished & (behind > 0)
        days[past] = behind[past].astype(int)
    else:
        past = np.zeros(n, dtype=bool)
    frame["deadline_text"] = frame.pop("deadline")
    frame["deadline"] = pd.Series(deadlines, index=frame.index, dtype=object)
    frame["status"] = pd.Series(status, index=frame.index, dtype=object)
    frame["late"] = late
    frame["overdue"] = past
    frame["days_overdue"] = pd.Series(days, index=frame.index)
    return TaskList(frame.drop(columns=["deadline_native"], errors="ignore"), today, issues)
