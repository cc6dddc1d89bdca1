"""What a steering-committee report is built from: the years' tables, the latest scored result, its issues,
and the year's tracking (points lost per department, calendar, tasks, rank robustness).

`dti.briefing.build_report` fills a Briefing; `dti.views.report.report_document` turns it into a Document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from dti.analysis.ranking import YearTable, run_year_table
from dti.engine.lookup import RankingError
from dti.engine.scoring import Result
from dti.io.register import UnitRegister
from dti.issues import Report
from dti.pipeline import Run, check_years, default_register, shown
from dti.spec import Spec
from dti.words import Note, note

if TYPE_CHECKING:
    from dti.analysis.gaps import Gaps
    from dti.analysis.robustness import Ranks
    from dti.analysis.whatif import NextUp
    from dti.tracking.deadlines import Calendar
    from dti.tracking.targets import Review  # read by build_report with --targets
    from dti.tracking.tasks import TaskList


@dataclass
class Checked:
    """A side file read for the report, its issues, and which file it is. Once built, its only errors are
    the received log's lines no deadline takes (left out and said, as `dti calendar` does)."""

    file: Path
    report: Report
    kind: str  # "targets", "owners", "received" or "tasks": build_report's argument that named it


@dataclass
class Briefing:
    tables: list[YearTable]  # oldest first; the last is the report's year
    result: Result  # the report year's result (points, points at stake)
    issues: Report  # the report year's validation issues
    register: UnitRegister
    kind: str = "components"  # "values" when the report year is a published results table
    review: Review | None = None
    notes: list[Note | str] = field(default_factory=list)
    unit: str | None = None  # the unit the report is about (a code of the latest year); None: all units
    checked: list[Checked] = field(default_factory=list)  # the side files read, with their warnings
    gaps: Gaps | None = None  # points lost per department (with an owners file)
    next_up: list[NextUp] | None = None  # the unit's distance to the next places
    calendar: Calendar | None = None  # the reporting calendar (owners file and received log)
    tasks: TaskList | None = None
    robustness: Ranks | None = None  # the rank-robustness draws
    source: Note | str = ""  # the report year's files, as the notes name them

    @property
    def spec(self) -> Spec:
        return self.result.spec

    @property
    def results_table(self) -> bool:
        """The report year holds no component (a published table of DTI, pillar or main-index values):
        nothing can be said of points lost, of components or of reweighting them."""
        graph = self.spec.graph
        scored = graph.is_leaf & (np.nan_to_num(graph.max_points) > 0)
        return not np.isfinite(self.result.points_matrix[:, scored]).any()

    @property
    def held(self) -> list[str]:
        """The total, pillars and main indices the report year gives a value for, in the spec's order."""
        latest = self.latest
        kinds = ("total", "pillar", "main", "group")
        codes = [n.code for n in self.spec.nodes if n.kind in kinds and latest.column(n.code) is not None]
        return [c for c in codes if not np.isnan(latest.value_column(c)).all()]

    @property
    def latest(self) -> YearTable:
        return self.tables[-1]


def from_runs(
    current: Run, previous: list[Run], register: UnitRegister | None = None, review: Review | None = None
) -> Briefing:
    """A briefing from evaluated runs; RankingError when a run was not scored or has no year."""
    register = register or default_register(current.spec)
    if current.result is None:
        raise RankingError(note("refusal.invalid-data"), "files")
    for run in [current, *previous]:
        if run.year is None:
            why = note("refusal.no-year-option", file=shown(run), option="--year")
            if run is not current:  # an earlier file's year cannot be given
                why = note("refusal.no-year", file=shown(run))
            raise RankingError(why, "files")
    notes: list[Note | str] = list(check_years(current, previous))
    tables = sorted((run_year_table(run, register) for run in [*previous, current]), key=lambda t: t.year)
    notes = [*current.notes, *(n for run in previous for n in run.notes), *notes]
    briefing = Briefing(tables, current.result, current.report, register, current.kind, review, notes)
    briefing.source = shown(current)
    return briefing
