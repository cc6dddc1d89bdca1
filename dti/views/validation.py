"""Views of a validation report: a table per file, and the `dti validate --format csv` columns."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from dti.issues import ISSUE_FIELDS, Report
from dti.text import escape_controls
from dti.views.base import Column, Lang, View, word
from dti.words import say


def issues(
    report: Report, lang: Lang = "vi", workbooks: set[str] | None = None, limit: int | None = None
) -> list[View]:
    """A table per file of the shown issues (at most `limit`, beside the report's own cap); the last
    view's notes count them and give the verdict.
    An issue in a file of `workbooks` (read as several sheets) names its sheet in the cell column
    (`Sở Y tế!E9`); without `workbooks`, a file whose issues stand on several sheets does."""
    keys = ("row", "cell", "column", "unit", "severity", "issue", "message")
    columns = [Column(k, word(k, lang), "int" if k == "row" else "text", empty="") for k in keys]
    columns[4] = Column("level", word("severity", lang), tone="severity")
    shown = report.shown(limit)
    if workbooks is None:  # not said: a file whose issues stand on several sheets names them
        sheets: dict[str | None, set[str]] = defaultdict(set)
        for i in shown:
            if i.sheet:
                sheets[i.file].add(i.sheet)
        workbooks = {f for f, names in sheets.items() if f is not None and len(names) > 1}
    # each severity and code worded once, not once per issue (9,504 missing values at 10,000 units)
    levels = {s: (str(s), word(str(s), lang)) for s in {i.severity for i in shown}}
    codes = {c: str(c) for c in {i.code for i in shown}}
    no_file = word("ci.no-file", lang)
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in shown:
        cell = i.cell
        if i.sheet and i.file in workbooks:
            cell = f"{i.sheet}!{i.cell}" if i.cell else i.sheet
        severity, level = levels[i.severity]
        by_file[i.file or no_file].append(
            {
                "row": i.row,
                "cell": cell,
                "column": i.column,
                "unit": i.unit,
                "message": i.text(lang),
                "severity": severity,
                "level": level,
                "issue": codes[i.code],
            }
        )
    views = [View(escape_controls(f), columns, rows) for f, rows in by_file.items()] or [View(None, [], [])]
    counts = report.counts()  # no batch built for a count
    errors, warnings = (sum(report.counts(level).values()) for level in ("error", "warning"))
    notes = []
    if counts:
        listed = [f"{c} {n}" for c, n in sorted(counts.items())]
        notes.append(say("label.validate.by-code", lang, counts=listed))
    if len(shown) < errors + warnings:
        notes.append(say("label.validate.shown", lang, shown=len(shown), total=errors + warnings))
    verdict = "label.validate.valid" if report.valid else "label.validate.invalid"
    notes.append(say(verdict, lang, errors=errors, warnings=warnings))
    if report.strict and warnings:
        notes.append(say("ci.strict-warnings", lang, warnings=warnings))
    views[-1].notes = notes
    return views


def issues_frame(report: Report) -> dict[str, Any]:
    """The `dti validate --format csv` table as columns: one row per shown issue, ISSUE_FIELDS; a row
    number is a whole number, empty when the issue has none."""
    shown = report.shown()
    columns: dict[str, Any] = {name: [getattr(i, name) for i in shown] for name in ISSUE_FIELDS}
    columns["code"] = [str(i.code) for i in shown]
    columns["severity"] = [str(i.severity) for i in shown]
    rows = columns["row"]
    columns["row"] = np.ma.masked_array([r or 0 for r in rows], [r is None for r in rows], dtype=np.int64)
    return columns
