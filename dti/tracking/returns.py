"""The folder of returned collection workbooks (`dti template`) as a received log (`dti calendar
--received FOLDER`): who sent which year's figures, when, and which components they filled in.

Every file a reader takes (.xlsx, .xls, .ods, …: dti/io/files.py) is read; any other file is skipped with a
note. The cover (`Hướng dẫn`) names the year, the department and the day sent (`Ngày gửi`: a date cell,
`05/12/2023` or `ngày 05 tháng 12 năm 2023`); its labels are read in either language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dti.io.files import SUPPORTED, read_grids
from dti.io.grid import Grid, cell_ref
from dti.issues import IssueCode, Severity, issue
from dti.text import header_key
from dti.tracking.dates import Period, parse_date
from dti.tracking.departments import Departments, bundled
from dti.tracking.received import Log, Received
from dti.words import catalogue, note

HEAD_SCAN = 15


@dataclass(frozen=True)
class Fact:
    """A cover fact: the value's text, its Excel number (a date cell) and its cell (`B7`)."""

    text: str
    native: float
    cell: str


def read_returned(
    folder: Path, owners: list[str], departments: Departments | None = None, today: dt.date | None = None
) -> Log:
    """The returned workbooks of `folder` as a received log: each workbook is a line for the department
    its cover names (`Đơn vị gửi`; else each of its sheets), for the year on the cover, with the
    components whose `Kết quả` (or `Tử số` and `Mẫu số`) is filled in (a blank one is still owed), on
    the cover's `Ngày gửi` day or, when it is empty, the file's modification day (a note says which). A
    workbook with no cover or no known department, an unreadable `Ngày gửi`, or a day sent after `today`
    is a warning naming the file and cell."""
    log = Log(str(folder))
    register = (departments or bundled()).extend((o, ()) for o in owners)
    by_department = {found.id: o for o in reversed(owners) if (found := register.find(o)) is not None}
    files = sorted(p for p in folder.iterdir() if not p.name.startswith(("~$", ".")) and p.is_file())
    skipped = [p.name for p in files if p.suffix.lower() not in SUPPORTED]
    if skipped:
        log.notes.append(note("collect.skipped", files=skipped))
    for path in (p for p in files if p.suffix.lower() in SUPPORTED):
        grids, issues = read_grids([path])
        log.issues += issues
        cover = next((g for g in grids if _cover_facts(g)), None)
        if cover is None:
            if grids:  # an unreadable file is already said
                log.issues.append(
                    issue(IssueCode.NO_DATA, Severity.WARNING, "collect.no-cover", file=str(path))
                )
            continue
        facts = _cover_facts(cover)
        written = facts["year"].text.split(".")[0]  # '2023', or 2023.0 from a number cell
        year = Period(int(written), "year") if written.isdigit() and len(written) == 4 else None
        day = _sent(log, path, cover, facts["sent"], today)
        department = facts.get("department")
        named = (
            [(department.text, department.cell, cover.sheet)]
            if department is not None and department.text
            else [(g.sheet or "", "", g.sheet) for g in grids if g is not cover]
        )
        filled = {g.sheet: _filled(g) for g in grids if g is not cover}
        for name, cell, sheet in named:
            found = register.match(name)
            owner = (
                next((by_department[k] for k in register.kin(found) if k in by_department), None)
                if found
                else None
            )
            if owner is None or year is None:
                why = "collect.unknown-department" if owner is None else "collect.no-year"
                where = cell if owner is None else facts["year"].cell
                log.issues.append(
                    issue(
                        IssueCode.UNKNOWN_UNIT,
                        Severity.WARNING,
                        why,
                        {"name": name},
                        file=str(path),
                        sheet=sheet,
                        cell=where or None,
                    )
                )
                continue
            codes = frozenset().union(*filled.values()) if department is not None else filled[sheet]
            entry = Received(owner, year.key, day, codes, None, "", 0, f"{year.year}", path.name)
            log.entries.append(entry)
    return log


def _sent(log: Log, path: Path, cover: Grid, fact: Fact, today: dt.date | None) -> dt.date:
    """The day sent: the cover's `Ngày gửi`, else the file's modification day; each said."""
    day = parse_date(fact.text, fact.native) if fact.text or not np.isnan(fact.native) else None
    where = {"file": str(path), "sheet": cover.sheet, "cell": fact.cell}
    if day is None and fact.text:
        log.issues.append(
            issue(IssueCode.INVALID_OPTION, Severity.WARNING, "collect.sent-unreadable",
                  {"text": fact.text}, **where)
        )  # fmt: skip
    if day is not None:
        log.notes.append(note("collect.sent-from-cover", file=path.name, day=f"{day:%d/%m/%Y}"))
    else:
        day = dt.date.fromtimestamp(path.stat().st_mtime)
        log.notes.append(note("collect.sent-from-file", file=path.name, day=f"{day:%d/%m/%Y}"))
        where["cell"] = ""
    if today is not None and day > today:
        key = "collect.sent-after-today" if where["cell"] else "collect.file-after-today"
        params = {"day": f"{day:%d/%m/%Y}", "today": f"{today:%d/%m/%Y}"}
        log.issues.append(
            issue(IssueCode.INVALID_OPTION, Severity.WARNING, key, params,
                  **{k: v or None for k, v in where.items()})
        )  # fmt: skip
    return day


def _labels(key: str) -> frozenset[str]:
    return frozenset(header_key(text) for text in catalogue()[key])


def _cover_facts(grid: Grid) -> dict[str, Fact]:
    """The cover's facts by meaning ('year', 'sent', 'department'): a label in column A, its value in B
    (the labels of either language)."""
    if len(grid.columns) < 2:
        return {}
    wanted = {"year": _labels("collect.cover-year"), "sent": _labels("collect.cover-sent"),
              "department": _labels("collect.cover-department")}  # fmt: skip
    labels, values = grid.columns[0].cells(), grid.columns[1].cells()
    native = grid.columns[1].native
    facts: dict[str, Fact] = {}
    for i, label in enumerate(labels.tolist()):
        for meaning, keys in wanted.items():
            if header_key(str(label)) in keys:
                number = float(native[i]) if native is not None else np.nan
                cell = cell_ref(1, int(grid.rows[i]))
                facts.setdefault(meaning, Fact(str(values[i]).strip(), number, cell))
    return facts if "year" in facts and "sent" in facts else {}


def _filled(grid: Grid) -> frozenset[str]:
    """The components of a department sheet given a value: `Kết quả`, or both `Tử số` and `Mẫu số`."""
    heads = {meaning: _labels(f"collect.col-{meaning}") for meaning in ("code", "value", "numerator",
                                                                         "denominator")}  # fmt: skip
    top = [c.cells()[:HEAD_SCAN] for c in grid.columns]  # the header row is among the first rows
    rows = [grid.header] + [[str(c) for c in cells] for cells in zip(*top, strict=True)]
    at = next((k for k, row in enumerate(rows) if any(header_key(c) in heads["code"] for c in row)), None)
    if at is None:
        return frozenset()
    where = {m: next((j for j, c in enumerate(rows[at]) if header_key(c) in keys), None)
             for m, keys in heads.items()}  # fmt: skip
    if where["code"] is None or where["value"] is None:
        return frozenset()

    def texts(meaning: str) -> np.ndarray:
        j = where[meaning]
        cells = grid.columns[j].cells()[at:] if j is not None else np.full(len(grid.rows) - at, "")
        return np.char.strip(cells.astype(str))

    code, value = texts("code"), texts("value")
    given = (value != "") | ((texts("numerator") != "") & (texts("denominator") != ""))
    return frozenset(code[(code != "") & given].tolist())
