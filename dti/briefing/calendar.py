"""schedule(owners, ...) -> Schedule: every reporting deadline of a year with its status, for `dti calendar`
and the report's calendar section alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dti.issues import Issue, Report
from dti.spec import Spec, load_spec, spec_for_year
from dti.tracking import deadlines
from dti.tracking.dates import parse_date
from dti.tracking.owners import Owners, read_owners
from dti.tracking.received import read_received
from dti.words import Note, note

EXCEL = (".xlsx", ".xlsm", ".xls", ".ods")

Day = dt.date | str | None  # a date, its text as the CLI's --today takes it (25/11/2026), or None: today


def as_day(value: Day, name: str = "today") -> dt.date:
    """The day `value` names: a date (a datetime's day), the text of one as the CLI's --today reads it
    (25/11/2026 or 2026-11-25), or today for None. ValueError for a text that is no date, TypeError for
    anything else."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            raise ValueError(f"{name}: '{value}' is not a date: write 25/11/2026 or 2026-11-25")
        return parsed
    raise TypeError(
        f"{name}: a datetime.date or its text (25/11/2026, 2026-11-25), not {type(value).__name__} {value!r}"
    )


@dataclass
class Schedule:
    """The year's deadlines judged on a day, the owners they follow, and every issue of the inputs."""

    calendar: deadlines.Calendar
    owners: Owners
    reporters: dict[str, list[str]]  # who reports -> their components (owners, then units a rule names)
    issues: list[Issue] = field(
        default_factory=list
    )  # owners file, received log, log lines no deadline takes
    notes: list[Note | str] = field(default_factory=list)  # how the received log was read

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
    issues = list(owned.report.issues)
    log = None
    if received is not None:
        excel = sheet if received.suffix.lower() in EXCEL else None
        log = read_received(received, list(names), owned.spec, excel, parties)
        issues += log.issues
    calendar = deadlines.build(names, calendar_rules, year, day, log, parties)
    issues += calendar.issues  # log lines no deadline takes: said, never dropped
    notes: list[Note | str] = (
        [note("io.in-file", file=str(received), note=n) for n in log.notes] if log else []
    )
    return Schedule(calendar, owned, names, issues, notes)
