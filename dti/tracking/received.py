"""The received log: who sent figures for which period, when, for which components, with evidence or not.

A CSV or XLSX list as offices keep it (title rows, Vietnamese headers, footnotes: dti/io/listing.py).
Periods as people write them (`Quý III/2026`, `Q3/2026`, `Quý 3 năm 2026`, `Năm 2026`, or a one-off
request's name), dates as `dd/mm/yyyy` or Excel dates, components as codes, numbers (`3.1`) or names
separated by `;` or `,` (a main index stands for its components), or `all` / `tất cả` / an empty cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dti.engine.columns import indicator_code
from dti.io.grid import header_of
from dti.io.listing import Headers, read_listing
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec import Spec
from dti.text import header_key
from dti.tracking.dates import Period, parse_date, parse_period
from dti.tracking.departments import Departments, bundled
from dti.tracking.departments import guess as departments_guess
from dti.words import Note, note

HEADERS = Headers(
    {
        "owner": (
            "owner",
            "Đơn vị",
            "Đơn vị gửi",
            "Đơn vị báo cáo",
            "Cơ quan",
            "Cơ quan gửi",
            "Đơn vị chủ trì",
        ),
        "period": ("period", "Kỳ báo cáo", "Kỳ", "Kỳ số liệu", "Thời kỳ", "Quý"),
        "received": ("received", "Ngày gửi", "Ngày nhận", "Ngày báo cáo", "Ngày gửi báo cáo", "Ngày", "date"),
        "components": ("components", "Chỉ số", "Chỉ số thành phần", "Thành phần", "Nội dung", "Số liệu"),
        "evidence": ("evidence", "Tài liệu kiểm chứng", "Kiểm chứng", "Minh chứng", "Có tài liệu kiểm chứng"),
        "note": ("note", "Ghi chú"),
    }
)
ALL = frozenset({"", "all", "tat ca", "toan bo", "day du", "du", "tat ca chi so"})
YES = frozenset({"co", "x", "yes", "y", "du", "day du", "1", "true", "co day du"})
NO = frozenset({"khong", "no", "n", "chua", "chua co", "thieu", "0", "false", "khong co"})
_LIST = re.compile(r"\s*[;\n]\s*")  # then ',' inside a part that is not one name ('1.1, 1.2')


@dataclass(frozen=True)
class Received:
    """One line of the log: an owner (as the owners file names it) sent a period's figures on a day."""

    owner: str
    period: str  # Period.key, or the folded name of a one-off request
    day: dt.date
    components: frozenset[str] | None  # None: all of the owner's components
    evidence: bool | None
    note: str
    row: int
    period_text: str = ""  # the period as written, its cell and its column's header: a line no deadline
    cell: str = ""  # takes is said
    header: str = "period"


@dataclass
class Log:
    file: str = ""
    entries: list[Received] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notes: list[Note | str] = field(default_factory=list)


def period_key(text: str) -> str:
    """How a log's period is matched to a deadline's: `Quý III/2026` → `Q3 2026`; a one-off request by
    its folded name."""
    period = parse_period(text)
    return period.key if period is not None else header_key(text)


def once_key(period: Period) -> str:
    """The key a deadline's period is matched on (a one-off request's name read as the log's are)."""
    return period.key if period.kind != "once" else period_key(period.name)


def read_received(
    path: Path,
    owners: list[str],
    spec: Spec,
    sheet: str | None = None,
    departments: Departments | None = None,
    partners: Mapping[str, tuple[str, Sequence[str]]] | None = None,
    today: dt.date | None = None,
) -> Log:
    """Read the log; each line's owner resolves through the register of departments (`departments`: the
    owners file's, so its names and aliases count) to one of `owners`; an unknown one, or a department
    that owns nothing, is said with a guess (if a name is close). A name a letter off an owner's is
    counted for it (a warning says so); a line of a body merged into an owner (Sở TT&TT for Sở KH&CN),
    or of the body an owner was merged into, is counted for the owner (a note says so). A line that
    cannot be used (no or an unknown owner, no period, no date) is a warning and left out; an unreadable
    date is an error (as an unreadable period), never a crash. `partners` (component → its lead and
    co-units, from the owners file): a line of a co-unit is counted for the components it co-works on,
    under their lead (a note says so); naming only components it does not co-work on, it is unknown.
    A folder is read as the returned collection workbooks (dti/tracking/returns.py; `today`: a day sent
    after it is said)."""
    if path.is_dir():  # the folder of returned collection workbooks (`dti template`)
        from dti.tracking.returns import read_returned

        return read_returned(path, owners, departments, today)
    log = Log(str(path))
    what = note("tracking.received.what")
    frame = read_listing(
        path, sheet, HEADERS, ("owner", "period", "received"), what, log.issues, log.notes, ("received",)
    )
    if frame is None:
        return log
    register = (departments or bundled()).extend((o, ()) for o in owners)
    by_department: dict[str, str] = {}
    for o in owners:
        if (found := register.find(o)) is not None:
            by_department.setdefault(found.id, o)
    merged: dict[tuple[str, str], list[int]] = {}  # (as written, the owner it is counted for) → rows
    helping: dict[tuple[str, str, str], list[int]] = {}  # (as written, lead, its components) → rows
    co_work = _co_work(register, partners or {}, set(owners))
    for rec in frame.to_dict("records"):
        found = register.match(rec["owner"])
        kin = register.kin(found) if found is not None else []
        owner = next((by_department[k] for k in kin if k in by_department), None)
        day = parse_date(rec["received"], rec["received_native"])
        shares = _shares(co_work, kin, rec["components"], spec) if owner is None and day is not None else {}
        if not rec["owner"].strip():
            _warn(log, path, rec, "owner", "tracking.received.no-owner")
        elif owner is None and shares and day is not None and rec["period"].strip():
            for lead, codes in shares.items():  # a co-unit's line: counted for its share of each lead's
                listed = " ".join(sorted(codes))
                helping.setdefault((rec["owner"].strip(), lead, listed), []).append(int(rec["row"]))
                log.entries.append(_entry(rec, lead, day, codes))
        elif owner is None:
            guess = departments_guess(register.close(rec["owner"], owners))
            _warn(log, path, rec, "owner", "tracking.received.unknown-owner", owner=rec["owner"], guess=guess)
        elif not rec["period"].strip():
            _warn(log, path, rec, "period", "tracking.received.no-period")
        elif not rec["received"].strip():
            _warn(log, path, rec, "received", "tracking.received.no-date")
        elif day is None:
            key = "tracking.received.not-a-date"
            _warn(log, path, rec, "received", key, Severity.ERROR, text=rec["received"])
        else:
            if register.find(rec["owner"]) is None:  # a letter off an owner's name: said, and counted
                _warn(
                    log, path, rec, "owner", "tracking.unit-taken", out=False, text=rec["owner"], name=owner
                )
            if found is not None and found.id not in by_department:  # a body merged before or after
                merged.setdefault((rec["owner"].strip(), owner), []).append(int(rec["row"]))
            components, unknown = _components(rec["components"], spec)
            for part in unknown:
                key = "tracking.received.unknown-component"
                _warn(log, path, rec, "components", key, out=False, part=part, spec=spec.id)
            log.entries.append(_entry(rec, owner, day, components))
    for (written, owner), rows in merged.items():
        log.notes.append(note("tracking.received.merged", text=written, owner=owner, rows=rows))
    for (written, lead, listed), rows in helping.items():
        log.notes.append(note("tracking.received.co-unit", text=written, owner=lead, codes=listed, rows=rows))
    if frame.empty:
        log.issues.append(
            issue(IssueCode.NO_DATA, Severity.WARNING, "tracking.received.nothing", file=str(path))
        )
    return log


def _entry(rec: dict[str, Any], owner: str, day: dt.date, components: frozenset[str] | None) -> Received:
    cell = rec["cells"].get("period", "")
    evidence = _evidence(rec["evidence"])
    key = period_key(rec["period"])
    return Received(
        owner,
        key,
        day,
        components,
        evidence,
        rec["note"].strip(),
        rec["row"],
        rec["period"],
        cell,
        header_of(rec, "period"),
    )


def _co_work(
    register: Departments, partners: Mapping[str, tuple[str, Sequence[str]]], owners: set[str]
) -> dict[str, dict[str, str]]:
    """Department id → {component: its lead} for the components the department co-works on."""
    out: dict[str, dict[str, str]] = {}
    for code, (lead, co) in partners.items():
        for unit in co:
            found = register.match(unit)
            if found is not None and lead in owners:
                out.setdefault(found.id, {})[code] = lead
    return out


def _shares(
    co_work: dict[str, dict[str, str]], kin: list[str], text: str, spec: Spec
) -> dict[str, frozenset[str]]:
    """A co-unit's line → each lead and the components of the line it co-works on for that lead."""
    mine = {code: lead for k in kin for code, lead in co_work.get(k, {}).items()}
    if not mine:
        return {}
    named, _ = _components(text, spec)
    out: dict[str, set[str]] = {}
    for code, lead in mine.items():
        if named is None or code in named:
            out.setdefault(lead, set()).add(code)
    return {lead: frozenset(codes) for lead, codes in out.items()}


def _warn(
    log: Log,
    path: Path,
    rec: dict[str, Any],
    column: str,
    key: str,
    severity: Severity = Severity.WARNING,
    out: bool = True,
    **params: Any,
) -> None:
    log.issues.append(
        issue(
            IssueCode.UNKNOWN_UNIT if column == "owner" else IssueCode.INVALID_OPTION,
            severity,
            key,
            {**params, "out": note("tracking.line-out") if out else ""},
            file=str(path),
            row=int(rec["row"]),
            column=header_of(rec, column),
            cell=rec["cells"].get(column),
            value=str(rec[column]),
        )
    )


def _components(text: str, spec: Spec) -> tuple[frozenset[str] | None, list[str]]:
    """The leaf components a cell names (None: all of them), and the parts that name none."""
    if header_key(text) in ALL:
        return None, []
    codes: set[str] = set()
    unknown: list[str] = []
    parts = [p for part in _LIST.split(text.strip()) for p in _commas(part, spec) if p]
    for part in parts:
        code = indicator_code(part, spec)
        if code is None:
            unknown.append(part)
            continue
        below = [c for c in spec.graph.descendants(code) if spec.graph.is_leaf[spec.graph.index[c]]]
        codes.update(below or [code])
    return frozenset(codes), unknown


def _commas(part: str, spec: Spec) -> list[str]:
    """A name with a comma in it stays whole; `1.1, 1.2` is two."""
    return [part] if indicator_code(part, spec) is not None else [p.strip() for p in part.split(",")]


def _evidence(text: str) -> bool | None:
    key = header_key(text)
    return True if key in YES else False if key in NO else None
