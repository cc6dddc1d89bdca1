"""Views of a task list (`dti tasks`): the tasks with status and deadline, counts per lead unit, and the
report section."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from dti.tracking.tasks import STATUSES, TaskList, summary
from dti.views.base import Column, Lang, View, narrow_hint
from dti.views.document import Fact, Section
from dti.words import say

# Tones the writers colour: done green, running yellow, overdue red.
TONES = {"done": "met", "in_progress": "no_data", "not_started": None}
HEADS = ("id", "group", "name", "responsible", "deadline", "status")


def _status_words(lang: Lang) -> dict[str, str]:
    return {s: say(f"tracking.tasks.{s}", lang) for s in STATUSES}


def day_text(day: dt.date | None) -> str | None:
    return None if day is None else day.strftime("%d/%m/%Y")


def status_label(rec: dict[str, Any], lang: Lang) -> str:
    """`đang triển khai, chậm tiến độ, quá hạn 56 ngày` / `in progress, late, 56 days overdue`."""
    text = say(f"tracking.tasks.{rec['status'] or 'unknown'}", lang)
    if rec["late"]:
        text += say("tracking.tasks.late-done" if rec["status"] == "done" else "tracking.tasks.late", lang)
    if rec["overdue"]:
        text += say("tracking.tasks.days-overdue", lang, days=rec["days_overdue"])
    return text


def _tone(rec: dict[str, Any]) -> str | None:
    return "not_met" if rec["overdue"] else TONES.get(rec["status"] or "")


def tasks(task_list: TaskList, by: str | None = None, lang: Lang = "vi") -> list[View]:
    """The task list with statuses and the summary line; with by='responsible', counts per lead unit."""
    keys = ("id", "group", "name", "responsible", "deadline", "label")
    columns = [  # a narrow terminal leaves out the group first (the section the task is under)
        Column(k, h, empty="", tone="tone" if k == "label" else None, optional=1 if k == "group" else 0)
        for k, h in zip(keys, (say(f"tracking.tasks.{h}", lang) for h in HEADS), strict=True)
    ]
    register = task_list.departments
    rows = [
        {
            **{k: rec[k] or None for k in ("id", "group", "name")},
            "responsible": "; ".join(register.named(u) for u in register.split(rec["responsible"])) or None,
            "deadline": day_text(rec["deadline"]) or rec["deadline_text"] or None,
            "label": status_label(rec, lang),
            "tone": _tone(rec),
        }
        for rec in task_list.tasks.to_dict("records")
    ]
    sheet = say("tracking.tasks.sheet", lang)  # the sheet's name in --format xlsx
    views = [
        View(None, columns, rows, [summary(task_list).text(lang)], narrow=narrow_hint(lang), sheet=sheet)
    ]
    if by == "responsible":
        views.append(responsible_view(task_list, lang))
    return views


def responsible_view(task_list: TaskList, lang: Lang) -> View:
    columns = [
        Column("responsible", say("tracking.tasks.responsible", lang)),
        Column("total", say("tracking.tasks.total", lang), "int"),
        *(Column(s, w, "int") for s, w in _status_words(lang).items()),
        Column("overdue", say("tracking.tasks.overdue", lang), "int"),
    ]
    table = task_list.by_responsible()
    if table["unknown"].any():  # tasks without a known status: counted in their own column
        columns.insert(-1, Column("unknown", say("tracking.tasks.unknown", lang), "int"))
    rows = [{"responsible": str(k), **{c: int(v) for c, v in row.items()}} for k, row in table.iterrows()]
    sheet = say("tracking.tasks.by-sheet", lang)
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
    words = _status_words(lang)
    facts = [Fact(words[k].capitalize(), s[k], "count", note=f"/{s['total']}") for k in STATUSES]
    if s["unknown"]:  # tasks without a known status: counted, so that the facts add up to the total
        unknown = say("tracking.tasks.unknown", lang).capitalize()
        facts.append(Fact(unknown, s["unknown"], "count", note=f"/{s['total']}"))
    if task_list.today is not None:
        day = say("tracking.tasks.as-of", lang, day=day_text(task_list.today))
        overdue = say("tracking.tasks.overdue", lang).capitalize()
        facts.append(Fact(overdue, s["overdue"], "count", note=day, tone="not_met" if s["overdue"] else None))
    views = tasks(task_list, "responsible", lang)
    views[0].title = say("tracking.tasks.list", lang)
    views[0].sheet = say("tracking.tasks.sheet", lang)
    views[1].title = say("tracking.tasks.by", lang)
    views[1].sheet = say("tracking.tasks.by-unit-sheet", lang)
    return Section(
        "tasks",
        say("tracking.tasks.sheet", lang),
        facts=facts,
        lines=[summary(task_list).text(lang)],
        views=views,
    )
