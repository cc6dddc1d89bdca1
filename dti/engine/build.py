"""Files or read grids → a Submission: each grid planned, each column's cells written into the layers once."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dti.engine.fill import Builder
from dti.engine.plan import in_file, plan_grid
from dti.engine.scales import settle_percent_scales
from dti.engine.submission import Layer, Layout, Source, Submission
from dti.io.files import read_grids
from dti.io.grid import Grid, stated_years
from dti.io.register import UnitRegister
from dti.issues import Issue, IssueCode
from dti.spec import Spec
from dti.words import Note, note


def submission_from_grids(
    grids: list[Grid],
    issues: list[Issue],
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    year: int | None = None,
    columns: dict[str, str] | None = None,
    unit: str | None = None,
) -> Submission:
    """Turn read grids into a Submission over the spec's nodes; problems become issues.

    `columns` maps a header as written to its meaning (a node code, unit, value...), over the guess;
    `unit` (a code or name) is the unit of the files that have no unit column, over their title rows.
    """
    issues = list(issues)
    notes: list[Note | str] = []
    overrides = columns
    plans, names, ranks = [], dict(register.names), []
    sources: list[Source] = []
    sheets: dict[str, int] = {}  # a file's number of sheets read: a workbook's sheet may hold no table
    for grid in grids:
        sheets[grid.name] = sheets.get(grid.name, 0) + 1
    unplanned: dict[str, list[tuple[Grid, list[Issue]]]] = {}  # a workbook's sheets with no known column
    planned: set[str] = set()
    for grid in grids:
        notes += [note("io.in-file", file=grid.name, note=n) for n in grid.notes]
        grid_issues: list[Issue] = []
        grid_notes: list[Note | str] = []
        plan, file_names, file_ranks = plan_grid(
            grid, len(sources), spec, register, layout, grid_issues, overrides, grid_notes, unit
        )
        # the header as found (below title rows), which issues name their columns by
        sources.append(Source(grid.name, grid.sheet, tuple((plan.grid if plan is not None else grid).header)))
        if plan is None and sheets[grid.name] > 1 and _no_known_column(grid_issues):
            unplanned.setdefault(grid.name, []).append((grid, grid_issues))
            continue
        issues += grid_issues
        notes += [in_file(grid, n, sheets[grid.name]) for n in grid_notes]
        if plan is not None:
            planned.add(grid.name)
            plans.append(plan)
            names.update({u: n for u, n in file_names.items() if u not in register.names})
            ranks += file_ranks
    for name, skipped in unplanned.items():
        for grid, grid_issues in skipped:
            if name in planned:  # another sheet of the workbook holds the table: this one is not data
                notes.append(note("io.in-file", file=name, note=_skipped_sheet(grid, grid_issues)))
            else:  # no sheet has a known column: say so of each, as of a one-sheet file
                issues += grid_issues
    units = sorted({u for plan in plans for u in plan.units if u is not None})
    builder = Builder(spec, units, sources)
    for plan in plans:
        builder.fill(plan)
    read_issues = issues + builder.issues
    if "" not in builder.layers:
        builder.layers[""] = Layer.empty(builder.shape)
    tokens = np.concatenate(builder.tokens) if builder.tokens else np.zeros(0, dtype=object)
    if year is None:
        year = next((s.year for s in stated_years(grids)), None)  # the data sheets' year
    submission = Submission(
        units, spec.graph.codes, builder.layers, tokens, sources, read_issues, year, names, ranks, notes
    )
    submission.means_given = builder.means
    submission.issues += settle_percent_scales(spec, submission)
    return submission


def _no_known_column(issues: list[Issue]) -> bool:
    return any(i.code == IssueCode.MISSING_COLUMN for i in issues)


def _skipped_sheet(grid: Grid, issues: list[Issue]) -> Note:
    """The note of a sheet (a Word document's table) without known columns, quoting its header as found
    below the title rows (not a title line)."""
    found = next((dict(i.params).get("header") for i in issues if i.code == IssueCode.MISSING_COLUMN), None)
    header = ", ".join(f"'{h}'" for h in (found or grid.header) if h.strip()) or "—"
    if grid.table is not None:
        return note("files.table-unknown", table=grid.table, header=header)
    return note("files.sheet-unknown", sheet=grid.sheet or "", header=header)


def read_submission(
    paths: list[Path] | Path,
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    sheet: str | None = None,
    year: int | None = None,
    unit: str | None = None,
) -> Submission:
    """Read files into one Submission. Problems with the files become issues; nothing is raised."""
    grids, issues = read_grids([paths] if isinstance(paths, Path) else paths, sheet)
    return submission_from_grids(grids, issues, spec, register, layout=layout, year=year, unit=unit)
