"""What a steering-committee report is built from: the years' tables, the latest scored result, its issues.

`gather(files, previous=...)` runs the pipeline on each year (the current year's files are one submission,
each earlier year one file) and keeps what `dti.views.report.report_document` needs. Library users call it
directly; the CLI evaluates the runs itself (to print their notes) and builds the same `Briefing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dti.analysis.ranking import YearTable, run_year_table
from dti.engine.lookup import RankingError
from dti.engine.scoring import Result
from dti.io.grid import InputError
from dti.io.register import UnitRegister
from dti.issues import Report
from dti.pipeline import Run, default_register, evaluate
from dti.spec import Spec
from dti.tracking.targets import Review, read_targets
from dti.words import Note


@dataclass
class Briefing:
    tables: list[YearTable]  # oldest first; the last is the report's year
    result: Result  # the report year's result (points, points at stake)
    issues: Report  # the report year's validation issues
    register: UnitRegister
    kind: str = "components"  # "values" when the report year is a published results table
    review: Review | None = None
    notes: list[Note | str] = field(default_factory=list)

    @property
    def spec(self) -> Spec:
        return self.result.spec

    @property
    def latest(self) -> YearTable:
        return self.tables[-1]


def from_runs(
    current: Run, previous: list[Run], register: UnitRegister | None = None, review: Review | None = None
) -> Briefing:
    """A briefing from evaluated runs; RankingError when a run was not scored or has no year."""
    register = register or default_register(current.spec)
    if current.result is None:
        raise RankingError("the data are invalid: nothing was scored", "files")
    for run in [current, *previous]:
        if run.year is None:
            shown = ", ".join(s.name for s in run.submission.sources) or "a file"
            raise RankingError(
                f"{shown}: cannot tell the data year: add a 'Năm' column or a title row naming it, or put "
                "the year in the file name (dti_2023.csv)" + (" or pass --year" if run is current else ""),
                "files",
            )
    years = [run.year or 0 for run in [*previous, current]]
    twice = sorted({y for y in years if years.count(y) > 1})
    if twice:
        raise RankingError(f"two files hold the data of {twice[0]}: give one file per year", "previous")
    tables = [run_year_table(run, register) for run in [*previous, current]]
    tables.sort(key=lambda t: t.year)
    if tables[-1].year != current.year:
        raise RankingError(
            f"--previous holds a year after the report's ({tables[-1].year} > {current.year})", "previous"
        )
    notes = [*current.notes, *(n for run in previous for n in run.notes)]
    return Briefing(tables, current.result, current.report, register, current.kind, review, notes)


def gather(
    files: list[Path],
    previous: list[Path] = (),  # type: ignore[assignment]
    targets: Path | None = None,
    spec: str | Spec | None = None,
    register: UnitRegister | None = None,
) -> Briefing:
    """Evaluate the year's files and each earlier year's file; InputError when one cannot be scored."""
    runs = []
    for paths in [files, *([p] for p in previous)]:
        run = evaluate(list(paths), spec, register)
        if run.result is None:
            shown = " ".join(map(str, paths))
            raise InputError(f"{shown}: nothing was scored (`dti validate {shown}` lists every issue)")
        runs.append(run)
    review = read_targets(targets) if targets is not None else None
    return from_runs(runs[0], runs[1:], register, review)
