"""iCalendar output (`dti calendar --format ics`): one all-day event per deadline and owner.

UIDs are stable (a hash of owner, period and rule), so importing the file again after a change updates
the events instead of doubling them; DTSTAMP is the calendar's `today`, so one day's file is one text.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar as ICalendar
from icalendar import Event

from dti.tracking.deadlines import Calendar
from dti.views.base import Lang
from dti.views.calendar import STATUS_WORDS
from dti.words import say


def uid(owner: str, period: str, rule: str) -> str:
    digest = hashlib.sha256(f"{owner}\x1f{period}\x1f{rule}".encode()).hexdigest()[:24]
    return f"{digest}@dti-calendar"


def dumps(calendar: Calendar, lang: Lang = "vi") -> str:
    book = ICalendar()
    book.add("prodid", "-//dti//reporting calendar//VI")
    book.add("version", "2.0")
    book.add("calscale", "GREGORIAN")
    book.add("x-wr-calname", say("label.ics.name", lang, year=calendar.year))
    stamp = dt.datetime.combine(calendar.today, dt.time(0, 0), tzinfo=dt.UTC)
    for d in calendar.deadlines:
        event = Event()
        event.add("uid", uid(d.owner, d.period.key, d.rule.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", d.due)
        event.add("dtend", d.due + dt.timedelta(days=1))
        label = d.period.label(lang)
        event.add("summary", say("label.ics.due", lang, period=label, owner=d.owner))
        lines = [
            d.rule.name or d.rule.id,
            f"{say('label.ics.status', lang)}: {STATUS_WORDS[lang][d.status]}",
        ]
        if d.components:
            lines.append(f"{say('label.ics.components', lang)}: {' '.join(d.components)}")
        if d.missing and d.status not in ("on_time", "late"):
            lines.append(f"{say('label.ics.missing', lang)}: {' '.join(d.missing)}")
        event.add("description", "\n".join(lines))
        event.add("categories", [STATUS_WORDS[lang][d.status]])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        book.add_component(event)
    return book.to_ical().decode("utf-8")
