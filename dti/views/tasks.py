"""Views of a task list (`dti tasks`): the tasks with status and deadline, counts per lead unit, and the
report section."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from dti.tracking.tasks import STATUSES, TaskList, summary
from dti.views.base import Column, Lang, View, narrow_hint
from dti.views.document import Fact, Section

STATUS_WORDS = {
    "vi": {"not_started": "chưa triển khai", "in_progress": "đang triển khai", "done": "hoàn thành"},
    "en": {"not_started": "not started", "in_progress": "in progress", "done": "done"},
}
# Tones the writers colour: done green, running yellow, overdue red.
TONES = {"done": "met", "in_progress": "no_data", "not_started": None}
HEADS = {
    "vi": ("STT", "nhóm", "nhiệm vụ", "đơn vị chủ trì", "thời hạn", "trạng thái"),
    "en": ("id", "group", "task", "responsible", "deadline", "status"),
}


def day_text(day: dt.date | None) -> str | None:
    return None if day is None else day.strftime("%d/%m/%Y")


def status_label(rec: dict[str, Any], lang: Lang) -> str:
    """`đang triển khai, chậm tiến độ, quá hạn 56 ngày` / `in progress, behind, 56 days overdue`."""
    vi = lang == "vi"
    text = STATUS_WORDS[lang].get(rec["status"] or "", "chưa rõ" if vi else "unknown")
    if rec["late"]:
        text += (" quá hạn" if rec["status"] == "done" else ", chậm tiến độ") if vi else ", late"
    if rec["overdue"]:
        days = rec["days_overdue"]
        text += f", quá hạn {days} ngày" if vi else f", {days} days overdue"
    return text


def _tone(rec: dict[str, Any]) -> str | None:
    return "not_met" if rec["overdue"] else TONES.get(rec["status"] or "")


def tasks(task_list: TaskList, by: str | None = None, lang: Lang = "vi") -> list[View]:
    """The task list with statuses and the summary line; with by='responsible', counts per lead unit."""
    keys = ("id", "group", "name", "responsible", "deadline", "label")
    columns = [  # a narrow terminal leaves out the group first (the section the task is under)
        Column(k, h, empty="", tone="tone" if k == "label" else None, optional=1 if k == "group" else 0)
        for k, h in zip(keys, HEADS[lang], strict=True)
    ]
    rows = [
        {
            **{k: rec[k] or None for k in ("id", "group", "name", "responsible")},
            "deadline": day_text(rec["deadline"]) or rec["deadline_text"] or None,
            "label": status_label(rec, lang),
            "tone": _tone(rec),
        }
        for rec in task_list.tasks.to_dict("records")
    ]
    sheet = "Nhiệm vụ" if lang == "vi" else "Tasks"  # the sheet's name in --format xlsx
    views = [
        View(None, columns, rows, [summary(task_list).text(lang)], narrow=narrow_hint(lang), sheet=sheet)
    ]
    if by == "responsible":
        views.append(responsible_view(task_list, lang))
    return views


def responsible_view(task_list: TaskList, lang: Lang) -> View:
    vi = lang == "vi"
    columns = [
        Column("responsible", "đơn vị chủ trì" if vi else "responsible"),
        Column("total", "tổng" if vi else "total", "int"),
        *(Column(s, w, "int") for s, w in STATUS_WORDS[lang].items()),
        Column("overdue", "quá hạn" if vi else "overdue", "int"),
    ]
    table = task_list.by_responsible()
    if table["unknown"].any():  # tasks without a known status: counted in their own column
        columns.insert(-1, Column("unknown", "chưa rõ" if vi else "unknown", "int"))
    rows = [{"responsible": str(k), **{c: int(v) for c, v in row.items()}} for k, row in table.iterrows()]
    sheet = "Theo đơn vị chủ trì" if vi else "By responsible"
    return View(None, columns, rows, narrow=narrow_hint(lang), sheet=sheet)


def tasks_data(task_list: TaskList) -> dict[str, Any]:
    """The `dti tasks --format json` object: `{"tasks": [...], "summary": {...}}`."""
    return task_list.to_dict()


def tasks_frame(task_list: TaskList) -> pd.DataFrame:
    """The `dti tasks --format csv` table: one row per task, the json's keys as columns."""
    frame = pd.DataFrame(task_list.to_dict()["tasks"])
    return frame.astype({"days_overdue": "Int64"}) if "days_overdue" in frame else frame


def tasks_section(task_list: TaskList, lang: Lang = "vi") -> Section:
    """The task list as a section of `dti report`: the counts as facts, the summary line, the lists."""
    s = task_list.summary()
    vi = lang == "vi"
    facts = [Fact(STATUS_WORDS[lang][k].capitalize(), s[k], "int", note=f"/{s['total']}") for k in STATUSES]
    if s["unknown"]:  # tasks without a known status: counted, so that the facts add up to the total
        facts.append(Fact("Chưa rõ" if vi else "Unknown", s["unknown"], "int", note=f"/{s['total']}"))
    if task_list.today is not None:
        day = day_text(task_list.today)
        facts.append(
            Fact("Quá hạn" if vi else "Overdue", s["overdue"], "int", note=f"{'đến' if vi else 'at'} {day}",
                 tone="not_met" if s["overdue"] else None)
        )  # fmt: skip
    views = tasks(task_list, "responsible", lang)
    views[0].title = "Danh sách nhiệm vụ" if vi else "Tasks"
    views[0].sheet = "Nhiệm vụ" if vi else "Tasks"
    views[1].title = "Theo đơn vị chủ trì" if vi else "By responsible unit"
    views[1].sheet = "Nhiệm vụ theo đơn vị" if vi else "Tasks by unit"
    return Section(
        "tasks",
        "Nhiệm vụ" if vi else "Tasks",
        facts=facts,
        lines=[summary(task_list).text(lang)],
        views=views,
    )
