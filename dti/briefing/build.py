"""build_report(files, ...) -> Briefing: everything the steering committee's report shows, built once.

The CLI (`dti report`) and library users make the same call; `dti.views.report.report_document` turns
the Briefing into a Document and the HTML and XLSX writers render it. Each input file is read and
checked here: a year that cannot be scored raises NotScored, a side file with errors SideFileError
(both carry the issues), and warnings stay on the Briefing for the caller to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dti.analysis.robust import Settings
from dti.analysis.robustness import NoUnitError, robustness
from dti.briefing.briefing import Briefing, Checked, from_runs
from dti.briefing.calendar import Day, as_day, schedule
from dti.engine.lookup import RankingError, find_unit
from dti.io.files import read_ahead
from dti.io.grid import InputError
from dti.io.register import UnitRegister
from dti.issues import Issue, Report
from dti.pipeline import Run, evaluate, shown
from dti.spec import Spec
from dti.words import Note, note


class NotScored(InputError):
    """A year's files hold errors or cannot be read: nothing was scored (`run.report` says why)."""

    def __init__(self, shown: str, run: Run) -> None:
        super().__init__(note("notes.year-not-scored", file=shown))
        self.shown, self.run = shown, run


class SideFileError(InputError):
    """A targets, owners, received or tasks file that is missing, cannot be read or holds errors:
    `checked.report` lists the issues, `checked.kind` says which file it is. The message names the file
    and what is wrong with it, never an option: a command line adds its own."""

    def __init__(self, checked: Checked) -> None:
        issues = checked.report.issues
        unreadable = next((i for i in issues if i.code == "unreadable-file"), None)
        file = str(checked.file)
        if not checked.file.exists():
            why = note("notes.side-file-missing", file=file)
        elif unreadable is not None:
            said = Note(unreadable.key, unreadable.params) if unreadable.key else unreadable.message
            why = note("notes.side-file-unreadable", file=file, why=said)
        else:
            why = note("notes.side-file-invalid", file=file, errors=len(checked.report.errors))
        super().__init__(why)
        self.checked = checked


def build_report(
    files: Sequence[Path] | Run,
    *,
    previous: Sequence[Path | Run] = (),
    targets: Path | None = None,
    owners: Path | None = None,
    received: Path | None = None,
    tasks: Path | None = None,
    today: Day = None,
    draws: int = 1000,
    seed: int = 0,
    unit: str | None = None,
    spec: Spec | str | None = None,
    register: UnitRegister | None = None,
    sheet: str | None = None,
) -> Briefing:
    """The report of a year: its files (or their run), earlier years (a file or run each), the target
    list, the owners file (points lost per department; with the received log, the calendar), the task
    list, and `draws` robustness draws (0: none). `unit` (code or name) makes it the report of one unit.
    `today` (a date, or its text: '25/11/2026'; default: today) judges the calendar and the tasks.

    NotScored when a year's data cannot be scored, SideFileError when a side file is missing or holds
    errors; both carry the issues, and their message names the file, not an option. A received-log line
    no deadline takes (an unreadable period) is left out of the calendar and said in `checked` as an
    error, without stopping the report."""
    read_ahead([p for p in previous if not isinstance(p, Run)])  # read while the report year is scored
    current = files if isinstance(files, Run) else _scored(list(files), spec, register)
    earlier = [p if isinstance(p, Run) else _scored([p], spec, register) for p in previous]
    review = None
    checked: list[Checked] = []
    if targets is not None:
        from dti.tracking.targets import read_targets

        review = read_targets(targets, None)
        checked.append(_checked(targets, review.issues, "targets"))
    briefing = from_runs(current, earlier, register, review)
    briefing.checked = checked
    if unit is not None:
        briefing.unit = report_unit(briefing, [current, *earlier], unit)
        name = briefing.latest.names.get(briefing.unit, "")
        briefing.notes += [
            note("notes.unit-not-in-year", unit=briefing.unit, name=name, file=shown(run), year=run.year)
            for run in earlier
            if run.result is not None and briefing.unit not in run.result.unit_codes
        ]
    day = as_day(today)
    if tasks is not None:
        from dti.tracking.tasks import read_tasks

        briefing.tasks = read_tasks(tasks, sheet, day)
        briefing.checked.append(_checked(tasks, briefing.tasks.issues, "tasks"))
    if owners is not None:
        _owners(briefing, owners, received, day, sheet)
    # one unit has no rank to be sure of; a table of totals or pillars has no main index to reweight
    if draws and len(briefing.result.unit_codes) > 1:
        from threadpoolctl import threadpool_limits

        # BLAS on one thread: each chunk's product (draws × main indices × units) is short, and OpenBLAS's
        # other threads spin after each one: at 10,000 units 0.2 s of CPU for no time saved
        with contextlib.suppress(NoUnitError), threadpool_limits(1, user_api="blas"):
            focus = briefing.unit  # the report's sentence on results tables says why there are none
            briefing.robustness = robustness(
                briefing.result,
                Settings(draws=draws, seed=seed),
                among=lambda nominal, units: robust_shown(nominal, units, focus),
            )
    return briefing


def robust_shown(nominal: np.ndarray, units: list[str], unit: str | None) -> np.ndarray:
    """The units whose rank spread the report shows (indices into the draws' units, by nominal rank):
    `unit` and the five units on each side of it, or every unit (the first 30 when there are more
    than 70). Only these are analysed: the first 30 of 10,000 communes are ranked in each draw, not all."""
    order = np.argsort(nominal, kind="stable")
    if unit is not None and unit in units:
        at = int(np.flatnonzero(order == units.index(unit))[0])
        return order[max(0, at - 5) : at + 6]
    return order if len(order) <= 70 else order[:30]


def _scored(paths: list[Path], spec: Spec | str | None, register: UnitRegister | None) -> Run:
    run = evaluate(paths, spec, register)
    if run.result is None:
        raise NotScored(" ".join(map(str, paths)), run)
    return run


def _checked(file: Path, issues: list[Issue], kind: str, left_out: Sequence[Issue] = ()) -> Checked:
    """The file's issues; SideFileError when they hold errors. `left_out` (lines the file holds that were
    left out, each said) never stop the report, and are said with the errors that do: every problem of
    the file in one run."""
    if not Report(issues).valid:
        raise SideFileError(Checked(file, Report([*issues, *left_out]), kind))
    return Checked(file, Report([*issues, *left_out]), kind)


def _owners(briefing: Briefing, owners: Path, received: Path | None, day: dt.date, sheet: str | None) -> None:
    """Points lost per department, and with a received log the reporting calendar."""
    from dti.analysis import gaps, whatif
    from dti.tracking.owners import read_owners

    plan = read_owners(owners, briefing.spec, sheet)
    briefing.checked.append(_checked(owners, plan.report.issues, "owners"))
    for listing in (briefing.review, briefing.tasks):  # one name per department in every section
        if listing is not None:
            listing.departments = plan.departments
    try:
        briefing.gaps = gaps.build(briefing.result, plan)
    except gaps.GapsError as exc:
        briefing.notes.append(note("notes.no-loss-section", file=str(owners), why=exc.note))
    else:
        if briefing.unit is not None:
            order = gaps.ranked_nodes(briefing.spec)
            briefing.next_up = whatif.next_up(briefing.gaps, briefing.unit, order)
    if received is not None:
        found = schedule(plan, received=received, year=day.year, today=day)
        # each file's issues once (the owners file's are checked above); a log line no deadline takes
        # is said and left out, as `dti calendar` does, and does not stop the report
        briefing.checked.append(_checked(received, found.log_issues, "received", found.calendar.issues))
        briefing.calendar = found.calendar


def report_unit(briefing: Briefing, runs: Sequence[Run], query: str) -> str:
    """The unit of the report year that `query` names; RankingError naming the file and year that lack it
    when only an earlier year's table holds it (Đà Nẵng in 2022's table, not in 2023's top 18)."""
    try:
        return find_unit([briefing.latest.names], query)
    except RankingError:
        files = {run.year: shown(run) for run in runs}
        for table in reversed(briefing.tables[:-1]):
            try:
                code = find_unit([table.names], query)
            except RankingError:
                continue
            said = {"unit": table.names.get(code) or code, "year": briefing.latest.year, "found": table.year}
            said |= {"file": files.get(briefing.latest.year, ""), "found_file": files.get(table.year, "")}
            raise RankingError(note("tracking.report-unit-not-in-year", **said), "unit") from None
        raise
