"""The target review (chỉ tiêu): met, not met, no data, needs review — with the margins.

A list is read as committees write it: a report appendix with title rows, the header on any row, Roman
section rows (`I`, `II` → the group), headings whose sub-rows (`- Hộ gia đình`) are the targets, the
header repeated at page breaks, and the verdict in the notes (`Đạt và vượt 2,44%`). How a target's and
a result's text are read is dti/tracking/target_text.py; the views word the statuses and issues.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dti.io.appendix import COLUMNS, frame_from_grid, frame_from_yaml, row_issue
from dti.io.appendix import HEADERS as HEADERS  # re-exported: the CLI and README print them
from dti.io.appendix import header_meaning as header_meaning
from dti.io.appendix import headers_markdown as headers_markdown
from dti.io.files import read_grid
from dti.io.periods import ResultColumn
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import MISSING, parse_column
from dti.text import fold
from dti.tracking import target_periods
from dti.tracking.departments import Departments, bundled, check_units
from dti.tracking.target_notes import status_note
from dti.tracking.target_text import (
    CHANGE_WORDS,
    STATUSES,
    Target,
    parse_target,
    result_token,
    result_word,
)
from dti.tracking.target_text import Status as Status
from dti.tracking.target_text import verdict as verdict
from dti.words import Note, note


@dataclass
class Review:
    """Every target with its status and margin, plus the issues found in the file and how it was read."""

    targets: pd.DataFrame  # COLUMNS + computed, given, exceeded_by, shortfall, percent, row
    issues: list[Issue] = field(default_factory=list)
    notes: list[Note | str] = field(default_factory=list)  # the header row, skipped rows, sections, headings
    departments: Departments = field(default_factory=bundled)  # how responsible units are named
    # the result-like columns with their roles and periods (a list with one result column: that one)
    columns: list[ResultColumn] = field(default_factory=list)

    @property
    def compared(self) -> bool:
        """Whether the list has result columns besides the current one (last year's, a benchmark)."""
        return any(c.role != "current" for c in self.columns)

    def summary(self) -> dict[str, int]:
        counts = self.targets["status"].value_counts()
        found: dict[str, int] = {"total": len(self.targets)}
        found |= {s: int(counts.get(s, 0)) for s in STATUSES}
        return {**found, **target_periods.counts(self.targets)}

    def by(self, column: str) -> pd.DataFrame:
        """Counts per group or responsible unit; a target with several units counts for each, under its
        department's name (`Sở KH&CN` and `Sở Khoa học và Công nghệ` are one row)."""
        frame = self.targets
        if column == "responsible":
            register = self.departments
            units = [[register.named(u) for u in register.split(t)] or [""] for t in frame["responsible"]]
            frame = frame.assign(responsible=units).explode("responsible")
        table = pd.crosstab(frame[column].replace("", "—"), frame["status"])
        table = table.reindex(columns=list(STATUSES), fill_value=0)
        table.insert(0, "total", table.sum(axis=1))
        return table

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rec in self.targets.itertuples(index=False):
            rows.append(
                {
                    "id": rec.id,
                    "group": rec.group,
                    "name": rec.name,
                    "responsible": rec.responsible,
                    "target": rec.target,
                    "result": rec.result,
                    "note": rec.note or None,  # the file's own note, as written
                    "status": rec.status,
                    "computed_status": rec.computed,
                    "given_status": rec.given,
                    "exceeded_by": _none(rec.exceeded_by),
                    "shortfall": _none(rec.shortfall),
                }
            )
        if not self.compared:
            return {"targets": rows, "summary": self.summary()}
        for i, row in enumerate(rows):
            row.update(target_periods.target_json(self.targets, self.columns, i))
        columns = target_periods.columns_json(self.columns)
        return {"columns": columns, "targets": rows, "summary": self.summary()}


def _none(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def read_targets(path: Path, sheet: str | None = None) -> Review:
    """Read a target list and review it. Problems become issues; nothing is raised."""
    issues: list[Issue] = []
    notes: list[Note | str] = []
    columns: list[ResultColumn] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        frame = frame_from_yaml(path, issues, columns)
    else:
        grid = read_grid(path, sheet, issues, notes)
        if grid is None or not grid.header:
            frame = None
        else:
            frame = frame_from_grid(grid, str(path), issues, notes, columns)
    if frame is None:
        frame = pd.DataFrame(columns=[*COLUMNS, "row", "cells"])
        if not issues:  # an empty file: nothing to review is an error, not a review of 0 targets
            issues.append(
                issue(IssueCode.NO_DATA, Severity.ERROR, "tracking.targets.empty-file", file=str(path))
            )
    elif frame.empty and not issues:
        issues.append(issue(IssueCode.NO_DATA, Severity.ERROR, "tracking.targets.none", file=str(path)))
    issues += check_units(frame.to_dict("records"), ("responsible",), str(path))
    result = review(frame, str(path), issues, columns)
    result.notes = [note("io.in-file", file=str(path), note=n) for n in notes]
    return result


def _native(frame: pd.DataFrame, key: str) -> tuple[np.ndarray, np.ndarray]:
    """Excel's stored numbers of the target or result column (NaN elsewhere), and their percent format."""
    n = len(frame)
    if f"{key}_native" not in frame:
        return np.full(n, np.nan), np.zeros(n, dtype=bool)
    return frame[f"{key}_native"].to_numpy(dtype=float), frame[f"{key}_percent"].to_numpy(dtype=bool)


@dataclass
class _Numbers:
    """Each target's goal and each result's value as numbers, and how the result was read."""

    targets: list[Target]
    goal: np.ndarray
    value: np.ndarray
    state: list[str]  # number, missing or text
    written_percent: np.ndarray


def _numbers(frame: pd.DataFrame) -> _Numbers:
    """Read the target and result columns: Excel's stored numbers as they are, texts in the file's decimal
    style ('2.000' and '1.850' are read as the numbers the file writes as text are: Vietnamese, thousands
    dot; Excel's stored numbers are exact and take no part in deciding it)."""
    n = len(frame)
    target_native, target_percent = _native(frame, "target")
    result_native, result_percent = _native(frame, "result")
    targets = [
        parse_target(t) if np.isnan(x) else Target(">=", float(x), bool(p), "")
        for t, x, p in zip(frame["target"], target_native, target_percent, strict=True)
    ]
    results = [result_token(r) for r in frame["result"]]
    tokens = [t.number for t in targets] + [
        tok if np.isnan(x) else "" for (tok, _, _), x in zip(results, result_native, strict=True)
    ]
    parsed = parse_column(tokens)[0]
    scaled = [parsed.value[i] * t.scale for i, t in enumerate(targets)]
    goal = np.where(np.isnan(target_native), scaled, [t.value for t in targets]).astype(float)
    value = np.full(n, np.nan)
    state: list[str] = []
    for i in range(n):
        if not np.isnan(result_native[i]):
            value[i] = float(result_native[i])
            state.append("number")
        else:
            value[i] = float(parsed.value[n + i] * results[i][1])
            missing = parsed.status[n + i] == MISSING
            state.append("missing" if missing else "number" if math.isfinite(value[i]) else "text")
    written = np.where(np.isnan(result_native), [r[2] for r in results], result_percent).astype(bool)
    return _Numbers(targets, goal, value, state, written)


Flag = Callable[..., None]  # flag(row, code, column, key, severity=ERROR, **params): an issue at a cell


def review(
    frame: pd.DataFrame,
    name: str,
    issues: list[Issue] | None = None,
    columns: list[ResultColumn] | None = None,
) -> Review:
    """Give every target a status and margin (the rules of DOMAIN.md §5); with last year's result or a
    benchmark among the `columns`, the change and the position against it (target_periods.py)."""
    issues = list(issues or [])
    frame = frame.reset_index(drop=True).copy()

    def flag(
        i: int, code: IssueCode, column: str, key: str, severity: Severity = Severity.ERROR, **params: Any
    ) -> None:
        issues.append(row_issue(frame, i, name, code, severity, column, key, **params))

    _duplicate_ids(frame, flag)
    numbers = _numbers(frame)
    values = _results(frame, numbers, flag)
    margins = _margins(numbers, values)
    status, given, progress = _statuses(frame, numbers, margins, flag)
    frame["status"] = status
    frame["progress"] = progress  # not met, in progress ('Đang triển khai')
    # object columns: pandas would infer a string dtype and turn None into NaN
    frame["computed"] = pd.Series(margins.computed, index=frame.index, dtype=object)
    frame["given"] = pd.Series(given, index=frame.index, dtype=object)
    frame["exceeded_by"] = margins.exceeded
    frame["shortfall"] = margins.shortfall
    frame["percent"] = [t.percent for t in numbers.targets]
    columns = columns or []
    if any(c.role != "current" for c in columns):
        current = np.where(np.array(numbers.state) == "number", values, np.nan)
        frame = target_periods.compare(frame, columns, current, numbers.targets, name, issues)
    return Review(frame, issues, columns=columns)


def _duplicate_ids(frame: pd.DataFrame, flag: Flag) -> None:
    """Flag an id given to an earlier target too."""
    for d in np.flatnonzero(frame["id"].duplicated(keep="first") & frame["id"].ne("")):
        flag(int(d), IssueCode.DUPLICATE_ENTRY, "id", "tracking.targets.duplicate-id", id=frame.at[d, "id"])


def _results(frame: pd.DataFrame, numbers: _Numbers, flag: Flag) -> np.ndarray:
    """Each result as the number to compare; flag a target or result that is not a number, and a
    negative result where none is expected.

    A bare number (no % sign, no percent format) against a percent target is read on ONE scale per file:
    when every such number lies in 0…1 the file writes fractions (0,9 → 90 %, each said); when any is
    above 1 it writes percents without the sign (53,5 → 53,5 %), and a number of 1 or less among them is
    read as written (0,9 → 0,9 %), with a warning where it is far below its target (a stray fraction?)."""
    values = numbers.value.copy()
    bare = np.array(
        [
            numbers.state[i] == "number" and t.percent and not numbers.written_percent[i]
            for i, t in enumerate(numbers.targets)
        ],
        dtype=bool,
    )
    fractions = bool(bare.any()) and bool(((values[bare] >= 0) & (values[bare] <= 1)).all())
    for i, target in enumerate(numbers.targets):
        text, goal, value = frame.at[i, "result"], numbers.goal[i], values[i]
        state = numbers.state[i]
        if bare[i] and fractions and value > 0:
            # 0.93 against a target of 90 %: a fraction (an Excel cell without the % format), not 0,93 %.
            flag(
                i,
                IssueCode.READ_AS_FRACTION,
                "result",
                "tracking.targets.fraction",
                Severity.WARNING,
                text=text or value,
                percent=round(value * 100, 2),
            )
            values[i] = value * 100
        elif bare[i] and 0 < value <= 1 and value < goal / 10:
            flag(
                i,
                IssueCode.MIXED_SCALE,
                "result",
                "tracking.targets.mixed-scale",
                Severity.WARNING,
                text=text or value,
                percent=round(value * 100, 2),
            )
        if target.unreadable:
            flag(
                i,
                IssueCode.NON_NUMERIC,
                "target",
                "tracking.targets.target-not-a-number",
                text=frame.at[i, "target"],
            )
        if state == "text" and target.op is not None and verdict(text) is None and result_word(text) is None:
            # neither a number, a missing marker nor a verdict ('abc', 'khoảng 70%', '1e400'): said
            flag(i, IssueCode.NON_NUMERIC, "result", "tracking.targets.result-not-a-number", text=text)
        negative = state == "number" and target.op is not None and values[i] < 0 <= goal
        if negative and not any(w in fold(frame.at[i, "name"]) for w in CHANGE_WORDS):
            flag(
                i,
                IssueCode.NEGATIVE_VALUE,
                "result",
                "tracking.targets.negative",
                Severity.WARNING,
                text=text,
                target=frame.at[i, "target"],
            )
    return values


@dataclass
class _Margins:
    """met / not_met where a number meets a comparable target, and by how much it exceeds or falls short."""

    computed: np.ndarray  # objects: "met", "not_met" or None
    exceeded: np.ndarray
    shortfall: np.ndarray


def _margins(numbers: _Numbers, values: np.ndarray) -> _Margins:
    n = len(values)
    out = _Margins(np.full(n, None, dtype=object), np.full(n, np.nan), np.full(n, np.nan))
    for i, target in enumerate(numbers.targets):
        if numbers.state[i] != "number" or target.op is None:
            continue
        goal = numbers.goal[i]
        margin = values[i] - goal if target.op in (">=", ">") else goal - values[i]
        holds = margin > 0 if target.op in (">", "<") else margin >= -1e-9
        out.computed[i] = "met" if holds else "not_met"
        if holds and margin > 1e-9:
            out.exceeded[i] = round(margin, 10)
        elif not holds:
            out.shortfall[i] = round(max(-margin, 0.0), 10)
    return out


def _statuses(
    frame: pd.DataFrame, numbers: _Numbers, margins: _Margins, flag: Flag
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each target's status, the verdict the file gives (its status, else its note), which wins over
    the computed one, and whether it is in progress; flag a status that is no verdict and a verdict the
    numbers contradict. Without either, a result in words gives it (`Đã ban hành`: target_text.py)."""
    n = len(frame)
    status, given = np.empty(n, dtype=object), np.full(n, None, dtype=object)
    progress = np.zeros(n, dtype=bool)
    computed = margins.computed
    for i, target in enumerate(numbers.targets):
        source = "status" if frame.at[i, "status"].strip() else "note"
        given[i] = verdict(frame.at[i, source])
        if source == "status" and given[i] is None:
            flag(
                i,
                IssueCode.INVALID_OPTION,
                "status",
                "tracking.targets.unknown-status",
                text=frame.at[i, "status"],
            )
        if given[i] is not None and computed[i] is not None and given[i] != computed[i]:
            worked = status_note(computed[i], margins.exceeded[i], margins.shortfall[i], target.percent)
            said = {
                "said": frame.at[i, source],
                "result": frame.at[i, "result"],
                "target": frame.at[i, "target"],
                "computed": worked,
            }
            key = f"tracking.targets.disagrees-{source}"
            flag(i, IssueCode.STATUS_DISAGREES, source, key, Severity.WARNING, **said)
        if given[i] is not None:
            status[i] = given[i]
        elif computed[i] is not None:
            status[i] = computed[i]
        elif numbers.state[i] != "number" and (worded := result_word(frame.at[i, "result"])) is not None:
            status[i], progress[i] = worded
        else:  # no number to compare: a qualitative target with a result needs a person's verdict
            status[i] = "needs_review" if target.op is None and numbers.state[i] != "missing" else "no_data"
    return status, given, progress
