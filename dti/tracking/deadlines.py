"""The reporting calendar: every deadline of a year per owner and period, and what was received.

Rules (dti/data/calendar_default.yaml, or a province's own file) say who reports how often and by which
day; the owners file (dti/tracking/owners.py) says who owns which components; the received log
(dti/tracking/received.py) says what came in when. Each deadline is on_time, late, overdue, due_soon
(within `soon_days`) or upcoming. Named deadlines.py, not calendar.py, so that `import calendar` always
means the standard library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dti.io.grid import InputError, reason
from dti.io.inputs import read_input_text
from dti.io.yamlsafe import load_yaml, yaml_reason
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec.check import keyed_error, pydantic_problems
from dti.tracking.dates import YEARS, Period, parse_period, shift
from dti.tracking.departments import Departments, bundled, department_key
from dti.tracking.received import Log, Received, once_key
from dti.words import note

DEFAULT_RULES = Path(__file__).parent.parent / "data" / "calendar_default.yaml"
Status = Literal["on_time", "late", "overdue", "due_soon", "upcoming"]
STATUSES: tuple[Status, ...] = ("on_time", "late", "overdue", "due_soon", "upcoming")
PER_YEAR = {"month": 12, "quarter": 4, "half": 2, "year": 1}


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = ""
    who: Literal["lead", "local", "all"] | list[str] = "lead"
    every: Literal["month", "quarter", "half", "year", "once"]
    day: Annotated[int, Field(ge=-1, le=31)] = -1
    month: Annotated[int | None, Field(ge=1, le=24)] = None  # counted from the period's first month
    periods: list[int] | None = None  # keep these months / quarters / halves only
    date: dt.date | None = None  # once: the due day
    title: str = ""  # once: the request's name, as the received log names its period

    @field_validator("date")
    @classmethod
    def _within_years(cls, day: dt.date | None) -> dt.date | None:
        if day is not None and not YEARS[0] <= day.year <= YEARS[1]:
            raise keyed_error("tracking.calendar.date-range", date=day.strftime("%d/%m/%Y"), first=YEARS[0],
                              last=YEARS[1])  # fmt: skip
        return day

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if self.every == "once" and (self.date is None or not self.title):
            raise keyed_error("tracking.calendar.once-needs-date")
        if self.day == 0:
            raise keyed_error("tracking.calendar.day-zero")
        top = PER_YEAR.get(self.every, 1)
        if self.periods is not None and not all(1 <= p <= top for p in self.periods):
            raise keyed_error("tracking.calendar.periods-range", every=self.every, top=top)
        return self


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weekend: Literal["keep", "friday"] = "keep"
    soon_days: Annotated[int, Field(ge=0, le=366)] = 14
    rules: list[Rule]


def load_rules(path: Path | None = None) -> Rules:
    """The bundled rules, or a province's file; a bad file stops with its key path (InputError)."""
    source = path or DEFAULT_RULES
    try:
        data = load_yaml(read_input_text(source))
        return Rules.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(
            note(
                "tracking.calendar.unreadable-rules",
                file=str(source),
                why=yaml_reason(exc) if isinstance(exc, yaml.YAMLError) else reason(exc),
            )
        ) from None
    except ValidationError as exc:
        problems = pydantic_problems(exc)
        raise InputError(
            note("tracking.calendar.invalid-rules", file=str(source), problems=problems)
        ) from None


def is_local(owner: str, departments: Departments | None = None) -> bool:
    """A local government (it consolidates and reports for its area: the `local` rules), as the register
    says (`UBND các huyện, thành phố`, `UBND cấp xã`, or an owners file's `UBND huyện A`)."""
    return (departments or bundled()).is_local(owner)


def applies(rule: Rule, owner: str, departments: Departments | None = None) -> bool:
    register = departments or bundled()
    if isinstance(rule.who, list):
        return _identity(register, owner) in {_identity(register, w) for w in rule.who}
    return rule.who == "all" or (rule.who == "local") == register.is_local(owner)


def _identity(departments: Departments, name: str) -> str:
    """What a name stands for: its department, else its folded self."""
    found = departments.find(name)
    return department_key(name) if found is None else found.id


def due_dates(rule: Rule, year: int, weekend: str = "keep") -> list[tuple[Period, dt.date]]:
    """Each period of the year the rule covers and its due day (weekend rule applied)."""
    if rule.every == "once":
        assert rule.date is not None
        dated = [(Period(rule.date.year, "once", 0, rule.title), rule.date)] if rule.date.year == year else []
    else:
        span = 12 // PER_YEAR[rule.every]
        numbers = rule.periods or range(1, PER_YEAR[rule.every] + 1)
        dated = []
        for n in numbers:
            period = Period(year, rule.every, 0 if rule.every == "year" else n)
            dated.append((period, shift(period.start, (rule.month or span) - 1, rule.day)))
    return [(p, on_weekday(d, weekend)) for p, d in dated]


def on_weekday(day: dt.date, weekend: str) -> dt.date:
    """`keep`: the day as the rule says; `friday`: a Saturday or Sunday moves to the Friday before."""
    if weekend == "friday" and day.weekday() >= 5:
        return day - dt.timedelta(days=day.weekday() - 4)
    return day


@dataclass
class Deadline:
    owner: str
    rule: Rule
    period: Period
    due: dt.date
    components: list[str]  # what the owner owes (its components in spec order)
    status: Status = "upcoming"
    received: dt.date | None = None
    days_late: int | None = None  # late: days after the due day; overdue: days overdue as of today
    missing: list[str] = field(default_factory=list)
    evidence: bool | None = None  # False: a line said the evidence (tài liệu kiểm chứng) was not sent

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "period": self.period.key,
            "due": self.due.isoformat(),
            "status": self.status,
            "received": self.received.isoformat() if self.received else None,
            "days_late": self.days_late,
            "missing_components": self.missing,
        }


@dataclass
class Calendar:
    today: dt.date
    year: int
    deadlines: list[Deadline]
    rules: Rules
    issues: list[Issue] = field(default_factory=list)  # log lines no deadline takes, each said

    def summary(self) -> dict[str, int]:
        return {s: sum(d.status == s for d in self.deadlines) for s in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "deadlines": [d.to_dict() for d in self.deadlines],
            "summary": self.summary(),
        }

    def latest(self) -> list[Deadline]:
        """The deadlines of the period whose due day came last on or before today (the summary's)."""
        past = [d for d in self.deadlines if d.due <= self.today]
        if not past:
            return []
        last = max(past, key=lambda d: d.due)
        return [d for d in past if d.period == last.period]


def reporters(
    components: dict[str, list[str]], rules: Rules, departments: Departments | None = None
) -> dict[str, list[str]]:
    """Who reports: the owners (owner → its components), then the units a rule names that own none (as
    the register names them: a rule's `Sở KH&CN` is the owner `Sở Khoa học và Công nghệ`)."""
    register = departments or bundled()
    out = dict(components)
    known = {_identity(register, o) for o in out}
    for rule in rules.rules:
        for name in rule.who if isinstance(rule.who, list) else []:
            if _identity(register, name) not in known:
                out[register.named(name)] = []
                known.add(_identity(register, name))
    return out


def build(
    owners: dict[str, list[str]],
    rules: Rules,
    year: int,
    today: dt.date,
    log: Log | None = None,
    departments: Departments | None = None,
) -> Calendar:
    """Every deadline of `year` for every owner (owner → its components), judged on `today` against the
    log; which rules apply to an owner the register of departments says (`departments`: the owners
    file's). A loop over owners × rules × periods: a year of a province is a few hundred deadlines.
    A year outside YEARS (from a --today of 9999) is refused: its due days could fall past 31/12/9999."""
    if not YEARS[0] <= year <= YEARS[1]:
        raise InputError(note("tracking.calendar.year-range", year=year, first=YEARS[0], last=YEARS[1]))
    lines: dict[tuple[str, str], list[Received]] = {}
    for entry in log.entries if log else []:
        lines.setdefault((entry.owner, entry.period), []).append(entry)
    deadlines = []
    for owner, components in owners.items():
        for rule in rules.rules:
            if not applies(rule, owner, departments):
                continue
            for period, due in due_dates(rule, year, rules.weekend):
                deadline = Deadline(owner, rule, period, due, components)
                judge(deadline, lines.get((owner, once_key(period)), []), today, rules.soon_days)
                deadlines.append(deadline)
    order = {owner: i for i, owner in enumerate(owners)}
    deadlines.sort(key=lambda d: (d.due, order[d.owner]))
    taken = {(d.owner, once_key(d.period)) for d in deadlines}
    unused = [e for key, entries in lines.items() if key not in taken for e in entries]
    issues = [_unused(e, log.file if log else "", year, rules) for e in sorted(unused, key=lambda e: e.row)]
    return Calendar(today, year, deadlines, rules, issues)


def _unused(entry: Received, file: str, year: int, rules: Rules) -> Issue:
    """Why a log line is in no deadline: an unreadable period (error), another year, or a period the
    rules do not ask of this owner (warnings); the line is ignored either way, and said to be."""
    period = parse_period(entry.period_text)
    requests = [r.title for r in rules.rules if r.every == "once"]
    text = entry.period_text
    if period is None:
        names = note("tracking.calendar.requests", names="; ".join(requests)) if requests else ""
        severity = Severity.ERROR
        key, params = "tracking.calendar.not-a-period", {"text": text, "year": year, "requests": names}
    elif period.year != year:
        severity = Severity.WARNING
        key, params = "tracking.calendar.other-year", {"text": text, "period_year": period.year, "year": year}
    else:
        severity = Severity.WARNING
        key, params = "tracking.calendar.not-asked", {"owner": entry.owner, "period": period.note()}
    return issue(
        IssueCode.INVALID_OPTION,
        severity,
        key,
        params,
        file=file,
        row=entry.row,
        column=entry.header,
        cell=entry.cell or None,
        unit=entry.owner,
        value=entry.period_text,
    )


def judge(deadline: Deadline, lines: list[Received], today: dt.date, soon_days: int) -> None:
    """Received = the day the last owed component came in; late = after the due day; an owner with
    components still missing after the due day is overdue."""
    owed = set(deadline.components)
    got: set[str] = set()
    complete: dt.date | None = None
    for line in sorted(lines, key=lambda e: (e.day, e.row)):
        got |= owed if line.components is None else set(line.components)
        if line.evidence is False:
            deadline.evidence = False
        elif deadline.evidence is None and line.evidence:
            deadline.evidence = True
        if complete is None and got >= owed:
            complete = line.day
    deadline.missing = [c for c in deadline.components if c not in got]
    deadline.received = complete or (max(e.day for e in lines) if lines else None)
    if complete is not None:
        late = (complete - deadline.due).days
        deadline.status, deadline.days_late = ("late", late) if late > 0 else ("on_time", 0)
    elif today > deadline.due:
        deadline.status, deadline.days_late = "overdue", (today - deadline.due).days
    else:
        deadline.status = "due_soon" if (deadline.due - today).days <= soon_days else "upcoming"
