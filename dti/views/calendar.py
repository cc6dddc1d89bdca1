"""Views of the reporting calendar (`dti calendar`): every deadline with its status, the summary line,
the json/csv builders and the report section."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dti.tracking.deadlines import STATUSES, Calendar, Deadline
from dti.views.base import Column, Lang, View, narrow_hint
from dti.views.document import Fact, Section
from dti.views.tasks import day_text
from dti.words import say

# A status's word in each language (write/ics.py reads them too).
STATUS_WORDS = {lang: {k: say(f"tracking.calendar.{k}", lang) for k in STATUSES} for lang in ("vi", "en")}
TONES = {"on_time": "met", "late": "no_data", "overdue": "not_met", "due_soon": "needs_review"}
HEADS = ("owner", "period", "due", "status", "received", "days", "missing")


def summary_line(calendar: Calendar, lang: Lang = "vi") -> str:
    """`5/19 đơn vị chưa gửi số liệu quý III/2026; 2 đơn vị gửi chậm` for the period last due; before the
    first deadline, when it is."""
    latest = calendar.latest()
    if not latest:
        first = calendar.deadlines[0] if calendar.deadlines else None
        if first is None:
            return say("tracking.calendar.no-deadline", lang)
        count = sum(d.due == first.due for d in calendar.deadlines)
        day = day_text(first.due) if lang == "vi" else first.due.isoformat()
        return say("tracking.calendar.first", lang, period=first.period.label(lang), day=day, count=count)
    missing = sum(d.status == "overdue" for d in latest)
    late = sum(d.status == "late" for d in latest)
    period = latest[0].period.label(lang)
    return say("tracking.calendar.summary", lang, missing=missing, n=len(latest), period=period, late=late)


def totals_line(calendar: Calendar, lang: Lang = "vi") -> str:
    s = calendar.summary()
    counts = [f"{s[k]} {STATUS_WORDS[lang][k]}" for k in STATUSES]
    return say("tracking.calendar.totals", lang, year=calendar.year, counts=counts)


def _missing(deadline: Deadline, lang: Lang) -> str | None:
    if not deadline.missing or deadline.status not in ("overdue", "due_soon"):
        return None
    if len(deadline.missing) == len(deadline.components) and len(deadline.components) > 3:
        return say("tracking.calendar.all", lang, count=len(deadline.missing))
    return " ".join(deadline.missing)


def _label(deadline: Deadline, lang: Lang) -> str:
    text = STATUS_WORDS[lang][deadline.status]
    if deadline.evidence is False:
        text += say("tracking.calendar.no-evidence", lang)
    return text


def calendar_table(calendar: Calendar, lang: Lang = "vi") -> View:
    """Every deadline in due order, the summary and the year's totals."""
    keys = ("owner", "period", "due", "label", "received", "days_late", "missing")
    columns = [
        Column(
            k,
            h,
            "int" if k == "days_late" else "text",
            empty="",
            tone="tone" if k == "label" else None,
            optional=1 if k == "received" else 0,  # a narrow terminal keeps the status and the days
        )
        for k, h in zip(keys, (say(f"tracking.calendar.{h}", lang) for h in HEADS), strict=True)
    ]
    rows = [
        {
            "owner": d.owner,
            "period": d.period.label(lang),
            "due": day_text(d.due),
            "label": _label(d, lang),
            "tone": TONES.get(d.status),
            "received": day_text(d.received),
            "days_late": d.days_late or None,
            "missing": _missing(d, lang),
        }
        for d in calendar.deadlines
    ]
    today = day_text(calendar.today)
    notes = [summary_line(calendar, lang), totals_line(calendar, lang)]
    notes.append(say("tracking.calendar.as-of", lang, day=today))  # dd/mm/yyyy as the table
    sheet = say("tracking.calendar.sheet", lang)  # the sheet's name in --format xlsx
    return View(None, columns, rows, notes=notes, narrow=narrow_hint(lang), sheet=sheet)


def calendar_data(calendar: Calendar) -> dict[str, Any]:
    """The `dti calendar --format json` object."""
    return calendar.to_dict()


def calendar_frame(calendar: Calendar) -> pd.DataFrame:
    """The `dti calendar --format csv` table: the json's deadlines, components joined by spaces."""
    rows = [{**d.to_dict(), "missing_components": " ".join(d.missing)} for d in calendar.deadlines]
    keys = ["owner", "period", "due", "status", "received", "days_late", "missing_components"]
    return pd.DataFrame(rows, columns=keys).astype({"days_late": "Int64"})


def calendar_section(calendar: Calendar, lang: Lang = "vi") -> Section:
    """The calendar as a section of `dti report`: the counts as facts, the summary, the deadlines up to
    today and the next ones (the whole year in the workbook)."""
    s = calendar.summary()
    facts = [Fact(STATUS_WORDS[lang][k].capitalize(), s[k], "count", tone=TONES.get(k)) for k in STATUSES]
    table = calendar_table(calendar, lang)
    shown = [
        row
        for row, d in zip(table.rows, calendar.deadlines, strict=True)
        if d.status in ("late", "overdue", "due_soon")
    ]
    soon = View(say("tracking.calendar.soon", lang), table.columns, shown)
    table.title = say("tracking.calendar.year", lang)
    table.sheet = say("tracking.calendar.sheet", lang)
    return Section(
        "calendar",
        say("tracking.calendar.title", lang),
        facts=facts,
        lines=[summary_line(calendar, lang), totals_line(calendar, lang)],
        views=[soon],
        sheets=[table],
    )
