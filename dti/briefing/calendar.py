"""schedule(owners, ...) -> Schedule: every reporting deadline of a year with its status, for `dti calendar`
and the report's calendar section alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dti.io.files import EXCEL
from dti.issues import Issue, Report
from dti.spec import Spec, load_spec, spec_for_year
from dti.tracking.dates import parse_date
from dti.words import Note, note

if TYPE_CHECKING:  # imported by schedule(): a report without --owners reads no calendar
    from dti.tracking import deadlines
    from dti.tracking.owners import Owners

Day = dt.date | str | None  # a date, its text as the CLI's --today takes it (25/11/2026), or None: today


class DayError(ValueError):
    """A day that is neither a date nor the text of one: `note` says why, in words the views put in the
    user's language; str() is its English text."""

    def __init__(self, why: Note) -> None:
        super().__init__(str(why))
        self.note = why


def as_day(value: Day, name: str = "today") -> dt.date:
    """The day `value` names: a date (a datetime's day), the text of one as the CLI's --today reads it
    (25/11/2026 or 2026-11-25), or today for None. DayError for a text that is no date or anything else."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            raise DayError(note("notes.not-a-day", name=name, text=value))
        return parsed
    raise DayError(note("notes.not-a-day-type", name=name, kind=type(value).__name__, text=str(value)))


@dataclass
class Schedule:
    """The year's deadlines judged on a day, the owners they follow, and the received log's issues."""

    calendar: deadlines.Calendar  # its issues: the log lines no deadline takes
    owners: Owners  # its report: the owners file's issues
    reporters: dict[str, list[str]]  # who reports -> their components (owners, then units a rule names)
    log_issues: list[Issue] = field(default_factory=list)  # the received log's, as read
    notes: list[Note | str] = field(default_factory=list)  # how the received log was read

    @property
    def issues(self) -> list[Issue]:
        """Every issue of the inputs: the owners file's, the received log's, its lines no deadline takes."""
        return [*self.owners.report.issues, *self.log_issues, *self.calendar.issues]

    @property
    def report(self) -> Report:
        return Report(self.issues)


def schedule(
    owners: Path | Owners,
    *,
    received: Path | None = None,
    rules: Path | None = None,
    year: int | None = None,
    today: Day = None,
    spec: Spec | str | None = None,
    sheet: str | None = None,
) -> Schedule:
    """The deadlines of `year` (default: today's) for the owners, judged on `today` against the log.

    `owners` is the owners file (read with the spec of the year unless `spec` is given) or owners
    already read; `today` a date, or its text as `dti calendar --today` takes it ('25/11/2026',
    '2026-11-25'; default: today); `sheet` is read only from Excel files.
    """
    from dti.tracking import deadlines
    from dti.tracking.owners import Owners, read_owners
    from dti.tracking.received import read_received

    day = as_day(today)
    year = year or day.year
    if isinstance(owners, Owners):
        owned = owners
    else:
        the_spec = spec if isinstance(spec, Spec) else load_spec(spec or spec_for_year(year)[0])
        owned = read_owners(owners, the_spec, sheet if owners.suffix.lower() in EXCEL else None)
    calendar_rules = deadlines.load_rules(rules)
    parties = owned.departments
    names = deadlines.reporters({o: owned.components_of(o) for o in owned.owners}, calendar_rules, parties)
    log = None
    if received is not None:
        excel = sheet if received.suffix.lower() in EXCEL else None
        partners = {code: (lead, owned.co.get(code, [])) for code, lead in owned.lead.items()}
        log = read_received(received, list(names), owned.spec, excel, parties, partners, day)
    calendar = deadlines.build(names, calendar_rules, year, day, log, parties)
    notes: list[Note | str] = (
        [note("io.in-file", file=str(received), note=n) for n in log.notes] if log else []
    )
    return Schedule(calendar, owned, names, log.issues if log else [], notes)
