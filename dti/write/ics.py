"""iCalendar output (`dti calendar --format ics`): one all-day event per deadline and owner.

UIDs are stable (a hash of owner, period and rule), so importing the file again after a change updates
the events instead of doubling them; DTSTAMP is the calendar's `today`, so one day's file is one text.
Text holds no control characters (names are copied from documents), and a deadline on the last day a
date can hold has no DTEND rather than an overflow.
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
from dti.write.files import printable

# C0 and C1 control characters, DEL and the Unicode line and paragraph separators: a name copied from a
# document can hold a vertical tab or a NEL (U+0085), which some calendars take as a line break or show
# as a box. Each becomes a space; the line breaks a description is made of are put in by dumps.
CONTROLS = dict.fromkeys([*range(0, 32), 127, *range(128, 160), 0x2028, 0x2029], " ")


def clean(text: str) -> str:
    """`text` without control characters (each a space) and with a file name's undecodable bytes as
    \\xff, for one line of an event."""
    return printable(text).translate(CONTROLS)


def end_of(due: dt.date) -> dt.date | None:
    """The day after an all-day deadline (DTEND), or None on the last day a date can hold (31/12/9999):
    an event without DTEND lasts that one day (RFC 5545, 3.6.1)."""
    return None if due >= dt.date.max else due + dt.timedelta(days=1)


def uid(owner: str, period: str, rule: str) -> str:
    digest = hashlib.sha256(f"{owner}\x1f{period}\x1f{rule}".encode()).hexdigest()[:24]
    return f"{digest}@dti-calendar"


def dumps(calendar: Calendar, lang: Lang = "vi") -> str:
    book = ICalendar()
    book.add("prodid", "-//dti//reporting calendar//VI")
    book.add("version", "2.0")
    book.add("calscale", "GREGORIAN")
    book.add("x-wr-calname", clean(say("label.ics.name", lang, year=calendar.year)))
    stamp = dt.datetime.combine(calendar.today, dt.time(0, 0), tzinfo=dt.UTC)
    for d in calendar.deadlines:
        event = Event()
        event.add("uid", uid(d.owner, d.period.key, d.rule.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", d.due)
        end = end_of(d.due)
        if end is not None:
            event.add("dtend", end)
        label = d.period.label(lang)
        event.add("summary", clean(say("label.ics.due", lang, period=label, owner=d.owner)))
        lines = [
            d.rule.name or d.rule.id,
            f"{say('label.ics.status', lang)}: {STATUS_WORDS[lang][d.status]}",
        ]
        if d.components:
            lines.append(f"{say('label.ics.components', lang)}: {' '.join(d.components)}")
        if d.missing and d.status not in ("on_time", "late"):
            lines.append(f"{say('label.ics.missing', lang)}: {' '.join(d.missing)}")
        event.add("description", "\n".join(clean(line) for line in lines))
        event.add("categories", [STATUS_WORDS[lang][d.status]])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        book.add_component(event)
    return book.to_ical().decode("utf-8")
