"""evaluate(paths) -> Run: choose the spec, read, validate, gate, score — the one pipeline.

The CLI and library users go through the same gate: a submission with errors yields a Run whose
`result` is None and whose `report` says why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dti.engine.build import submission_from_grids
from dti.engine.lookup import RankingError
from dti.engine.scoring import Result, score, score_values
from dti.engine.submission import Layout, Submission
from dti.engine.validate import validate
from dti.io.files import read_grids
from dti.io.grid import Grid, path_year, stated_years
from dti.io.register import UnitRegister
from dti.issues import Issue, IssueCode, Report, Severity, issue
from dti.spec import Spec, SpecError, load_spec, spec_for_year
from dti.words import Note, note

Kind = Literal["components", "values"]


@dataclass
class Run:
    """One evaluation: the spec used, what was read, every issue, and the result when the data allow it.

    kind is "components" for a submission scored from its components (or main-index values), "values"
    for a results table that publishes totals beside their parts (taken as given, never rescored).
    """

    spec: Spec
    submission: Submission
    report: Report
    result: Result | None
    kind: Kind = "components"
    notes: list[Note | str] = field(default_factory=list)  # worded by the views (dti/words)

    @property
    def year(self) -> int | None:
        return self.submission.year


def default_register(spec: Spec) -> UnitRegister:
    """The bundled provinces for a provincial spec; any identifier for a local index."""
    return UnitRegister.provinces() if spec.unit_kind == "province" else UnitRegister.free()


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the CSV and Excel files in it (sorted), without hidden files,
    Excel's lock files (`~$name.xlsx`, there while a colleague has the file open) or notes (`.txt`)."""
    from dti.io.files import SUPPORTED

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUPPORTED - {".txt"} and not p.name.startswith((".", "~$"))
            )
            out += inside or [path]  # an empty folder stays, to be reported as unreadable
        else:
            out.append(path)
    return out


def by_year(paths: list[Path]) -> list[list[Path]]:
    """The files (folders expanded) per year their paths state (`2023/a.csv`, `b_2024.xlsx`), in the
    order first met, when they state more than one year: each year is a submission of its own; else
    `paths` as one group. Files whose path states no year are a group of their own."""
    files = expand(paths)
    groups: dict[int | None, list[Path]] = {}
    for path in files:
        groups.setdefault(path_year(path), []).append(path)
    return list(groups.values()) if len(groups.keys() - {None}) > 1 else [paths]


def evaluate(
    paths: list[Path] | Path,
    spec: Spec | str | Path | None = None,
    register: UnitRegister | None = None,
    *,
    layout: Layout | None = None,
    sheet: str | None = None,
    year: int | None = None,
    max_issues: int | None = None,
    scoring: bool = True,
    columns: dict[str, str] | None = None,
    unit: str | None = None,
) -> Run:
    """Read, validate and score files; raise SpecError only for a spec that cannot be loaded or score.

    The spec is `spec` when given, else the bundled spec for the data year (the `year` argument, a
    year column, a title row, the year in a file name or the nearest folder named as a year), chosen
    after one read of each file.
    A `year` that a file contradicts (its year column, title row or name) raises YearError.
    `columns` maps a header as written to what it means (`{"Điểm DTI": "DTI"}`), over the guess.
    `unit` (a code or name, `"58"`) is the unit of a file without a unit column, over its title rows.
    """
    given = [paths] if isinstance(paths, Path) else list(paths)
    paths = expand(given)
    grids, issues = read_grids(paths, sheet)
    notes: list[Note | str] = []
    found_year = _data_year(grids, year, notes)  # a file's folder named for its year counts (2023/)
    if spec is None:
        spec_id, chosen = spec_for_year(found_year)
        spec = load_spec(spec_id)
        if chosen and grids:  # no file read: nothing scored with the guess, nothing to say of it
            notes.append(chosen)
    elif not isinstance(spec, Spec):
        spec = load_spec(spec)
    if scoring:
        spec.require_scorable()  # a spec whose points are unknown stops here, before any data is judged
    given_register = register
    register = register if register is not None else default_register(spec)
    submission = submission_from_grids(
        grids, issues, spec, register, layout=layout, year=found_year, columns=columns, unit=unit
    )
    del grids  # the cells are in the submission's matrices now: the read columns are not kept
    if given_register is not None:
        submission.issues += _without_data(given_register, submission)
    notes += submission.notes
    if not submission.gives_leaves(spec):
        # A table of index values: an empty cell is unknown, not zero, so nothing is invented.
        submission.drop_missing_inner(spec)
    kind: Kind = "values" if submission.is_results_table(spec) else "components"
    report = validate(spec, submission, max_issues=max_issues)
    if kind == "values":
        # A results table publishes the total beside its parts: that is its nature, not an error.
        report.issues = [i for i in report.issues if i.code != IssueCode.NODE_WITH_DESCENDANTS]
    if report.unreadable or not report.valid or not scoring:
        return Run(spec, submission, report, None, kind, notes)
    spec.require_scorable()
    result = score_values(spec, submission) if kind == "values" else score(spec, submission)
    for layer in submission.layers.values():
        layer.cache.clear()  # the rule blocks validation and scoring shared: a copy of every cell
    return Run(spec, submission, report, result, kind, notes)


def _without_data(register: UnitRegister, submission: Submission) -> list[Issue]:
    """The units of a --units register that no file gives a row for: said, as they are not ranked."""
    read = set(submission.units)
    silent = [code for code in register.names if code not in read]
    if not read or not silent or not register.strict:
        return []
    named = [f"{code} {register.names[code]}" for code in silent]
    return [issue(IssueCode.NO_DATA, Severity.WARNING, "tables.register-no-data", {"units": named})]


def _data_year(grids: list[Grid], year: int | None, notes: list[Note | str]) -> int | None:
    """The year the data sheets state (not an instructions sheet's deadline); `year` settles years that
    differ. YearError when `year` contradicts them, or they differ and no `year` is given."""
    sources = stated_years(grids)
    first = {s.year: s for s in reversed(sources)}  # where each year is first stated
    where = [first[y].said() for y in sorted(first)]
    if year is None:
        if len(first) > 1:
            raise YearError(note("files.years-differ", sources=where, option="--year"), "year")
        return sources[0].year if sources else None
    if len(first) == 1 and year not in first:  # a typo, or the wrong file
        stated = sources[0]
        why = note("refusal.year-stated", file=stated.file, stated=stated.year, year=year, option="--year")
        raise YearError(why, "year")
    if len(first) > 1:
        if year not in first:
            raise YearError(note("files.years-differ", sources=where, option="--year"), "year")
        notes.append(note("files.year-chosen", sources=where, year=year, option="--year"))
    return year


class YearError(RankingError):
    """Years that do not go together (two files of one year, an earlier year that is not earlier)."""

    def __init__(self, why: Note, argument: str = "previous") -> None:
        super().__init__(note("refusal.option", option=f"--{argument}", why=why), argument)
        self.why = why

    def said_of(self, argument: str) -> YearError:
        """The same refusal said of the option that gave the year (rank's --years for --year)."""
        params = {name: f"--{argument}" if name == "option" else value for name, value in self.why.params}
        return YearError(note(self.why.key, **params), argument)


def shown(run: Run) -> Note | str:
    """The run's files as a refusal or note names them, each once however many sheets it gave ("một tệp"
    when it read none)."""
    return " ".join(dict.fromkeys(s.name for s in run.submission.sources)) or note("refusal.unnamed-file")


def _years(earlier: Run, current: Run) -> dict[str, object]:
    return {
        "earlier": shown(earlier),
        "year_before": earlier.year,
        "current": shown(current),
        "year": current.year,
    }


def check_years(current: Run, earlier: list[Run], *, same: bool = False) -> list[Note]:
    """The year rules of every command that compares years; YearError when they are broken.

    Each earlier run must hold an earlier year than `current` (with `same`: the same year, as a table
    to rank a unit among), no two runs the same year; different sets of units are a Note.
    """
    for run in earlier if not same else []:
        if (both := _same_file(run, current)) is not None:  # every change would be 0
            raise YearError(note("files.previous-same", file=both))
    years = [r.year for r in earlier if r.year is not None]
    twice = sorted({y for y in years if years.count(y) > 1 or (y == current.year and not same)})
    for run in earlier:
        if current.year is None or run.year is None:
            continue
        if same and run.year != current.year:
            raise YearError(note("refusal.year-not-same", **_years(run, current)), "against")
        if not same and run.year > current.year:
            raise YearError(note("refusal.year-later", **_years(run, current)))
    if twice:
        raise YearError(note("refusal.year-twice", year=twice[0]))
    notes = [
        note("files.previous-year-unknown", earlier=shown(r)) for r in earlier if r.year is None and not same
    ]
    for run in earlier if not same else []:
        if current.result is None or run.result is None:
            continue
        before, now = set(run.result.unit_codes), set(current.result.unit_codes)
        if before != now:
            notes.append(
                note(
                    "notes.units-differ",
                    earlier=shown(run),
                    year_before=run.year or "",
                    current=shown(current),
                    year=current.year or "",
                    only_before=len(before - now),
                    only_now=len(now - before),
                )
            )
    return notes


def _same_file(earlier: Run, current: Run) -> str | None:
    """A file that both runs read (the same path, or a link to it), or None."""
    now = {s.name for s in current.submission.sources}
    for name in {s.name for s in earlier.submission.sources}:
        for other in now:
            try:
                if os.path.samefile(name, other):
                    return other
            except OSError:  # a file that is gone, or no file at all: nothing to compare
                continue
    return None


__all__ = ["Run", "SpecError", "YearError", "by_year", "check_years", "default_register", "evaluate"]
