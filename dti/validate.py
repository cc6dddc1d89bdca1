"""validate(spec, submission) -> Report: every problem of the data, each with its file, row and column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from dti.report import Issue, IssueCode, Report, Severity
from dti.scoring import entry_points, with_node_attributes
from dti.spec import NUMERIC_RULES, ChoiceRule, Spec
from dti.submission import Submission, cell_ref

Message = str | Callable[[Any], str]


def _issues(rows: pd.DataFrame, code: IssueCode, severity: Severity, message: Message) -> list[Issue]:
    """Build one Issue per row of a (usually small) flagged slice of the tidy frame.

    `message` is a text, or a function of the row (a namedtuple of the frame's columns) returning one.
    """
    out = []
    for rec in rows.itertuples(index=False):
        out.append(
            Issue(
                code,
                severity,
                message if isinstance(message, str) else message(rec),
                file=rec.file,
                sheet=rec.sheet,
                row=int(rec.row),
                column=rec.column,
                cell=cell_ref(rec.col, rec.row),
                unit=rec.unit,
                indicator=rec.indicator,
                value=rec.raw,
            )
        )
    return out


def validate(spec: Spec, submission: Submission, max_issues: int | None = None) -> Report:
    """Check a submission against a spec; collect every issue, never raise on bad data."""
    report = Report(list(submission.issues), max_issues=max_issues)
    frame = submission.frame
    graph = spec.graph
    known = frame["indicator"].isin(graph.index)
    unknown = frame[~known & frame["unit"].notna()]
    report.extend(
        _issues(
            unknown,
            IssueCode.UNKNOWN_INDICATOR,
            Severity.ERROR,
            lambda r: f"'{r.indicator}' is not a code of spec {spec.id}: see `dti spec show {spec.id}`",
        )
    )
    rows = with_node_attributes(spec, frame[known & frame["unit"].notna()])
    if rows.empty:
        if not report.errors:
            report.extend(
                [
                    Issue(
                        IssueCode.NO_DATA,
                        Severity.ERROR,
                        "no data rows to check",
                        file=", ".join(sorted(set(frame["file"]))) or None,
                    )
                ]
            )
        return report

    key = ["unit", "indicator", "stage"]
    duplicate = rows.duplicated(key, keep="first")
    first_row = rows.groupby(key, sort=False)["row"].transform("first")
    dup = rows[duplicate].assign(first_row=first_row[duplicate])
    report.extend(
        _issues(
            dup,
            IssueCode.DUPLICATE_ENTRY,
            Severity.ERROR,
            lambda r: (
                f"unit {r.unit} has {r.indicator}{' (' + r.stage + ')' if r.stage else ''} twice "
                f"(first at row {r.first_row}): keep one"
            ),
        )
    )

    rule = rows["rule"]
    numeric = rule.isin(NUMERIC_RULES | {"node"})
    status = rows["status"]
    value = rows["value"].astype(float)
    report.extend(
        _issues(
            rows[status.eq("missing") & ~rule.eq("not_scored")],
            IssueCode.MISSING_VALUE,
            Severity.WARNING,
            "no value: scores 0 (these points are reported as 'at stake from missing data')",
        )
    )
    report.extend(
        _issues(
            rows[numeric & status.eq("text")],
            IssueCode.NON_NUMERIC,
            Severity.ERROR,
            lambda r: f"'{r.raw}' is not a number: write e.g. 86,32% or 2439",
        )
    )
    report.extend(
        _issues(
            rows[numeric & status.eq("ambiguous")],
            IssueCode.AMBIGUOUS_NUMBER,
            Severity.WARNING,
            lambda r: (
                f"'{r.raw}' could be a thousands group or decimals: read as {r.value:g}; write it "
                "unambiguously (e.g. 1234, or decimals with a comma: 1,234)"
            ),
        )
    )
    number = numeric & status.isin(["number", "ambiguous"])
    report.extend(
        _issues(
            rows[number & (value < 0)],
            IssueCode.NEGATIVE_VALUE,
            Severity.ERROR,
            lambda r: f"negative value {r.value:g}: values cannot be below 0",
        )
    )
    as_fraction = np.where(rows["percent"].astype(bool), value / 100, value)
    report.extend(
        _issues(
            rows[number & rule.eq("node") & (as_fraction > 1)],
            IssueCode.VALUE_OUT_OF_RANGE,
            Severity.ERROR,
            lambda r: (
                f"'{r.raw}' is not a value between 0 and 1 for {r.indicator}: give the index value "
                "(e.g. 0,4449 or 44,49%), not points"
            ),
        )
    )
    report.extend(
        _issues(
            rows[number & rule.eq("points") & (value > rows["max"])],
            IssueCode.POINTS_ABOVE_MAX,
            Severity.ERROR,
            lambda r: f"{r.value:g} points exceed the maximum of {r.max:g} for {r.indicator}",
        )
    )
    ratio_value = np.where(rows["scale"].eq("fraction") & ~rows["percent"].astype(bool), value * 100, value)
    report.extend(
        _issues(
            rows[number & rule.eq("ratio") & (ratio_value > 100)],
            IssueCode.VALUE_ABOVE_100,
            Severity.WARNING,
            lambda r: f"'{r.raw}' is above 100 %: the value is kept, the points are capped at the maximum",
        )
    )
    words = rows[rule.isin(["choice", "yesno"]) & ~status.eq("missing")]
    report.extend(
        _issues(
            words[entry_points(spec, words).isna()],
            IssueCode.INVALID_OPTION,
            Severity.ERROR,
            lambda r: _options_hint(spec, r.indicator, r.raw),
        )
    )
    report.extend(_descendant_issues(spec, rows))
    report.extend(_absent_issues(spec, rows))
    return report


def _options_hint(spec: Spec, code: str, raw: str) -> str:
    rule = spec.node(code).rule
    if isinstance(rule, ChoiceRule):
        return f"'{raw}' is not an option of {code}: use one of " + ", ".join(f"'{o}'" for o in rule.options)
    return f"'{raw}' is not yes or no: {code} takes 'có' or 'không' (yes/no, 1/0)"


def _given_matrix(spec: Spec, rows: pd.DataFrame) -> tuple[pd.Index, np.ndarray]:
    units = pd.Index(sorted(rows["unit"].unique()))
    given = np.zeros((len(units), len(spec.graph.codes)), dtype=bool)
    given[units.get_indexer(rows["unit"]), pd.Index(spec.graph.codes).get_indexer(rows["indicator"])] = True
    return units, given


def _descendant_issues(spec: Spec, rows: pd.DataFrame) -> list[Issue]:
    """A node and any of its descendants given for the same unit would count twice."""
    graph = spec.graph
    units, given = _given_matrix(spec, rows)
    strict = graph.paths - np.eye(len(graph.codes))
    below_given = (given.astype(float) @ strict) > 0
    flagged = below_given[
        units.get_indexer(rows["unit"]), pd.Index(graph.codes).get_indexer(rows["indicator"])
    ]
    hit = rows[flagged]
    if hit.empty:
        return []
    given_codes = rows.groupby("unit")["indicator"].agg(set)

    def message(r: Any) -> str:
        ancestors = sorted(
            a for a in given_codes[r.unit] if a != r.indicator and r.indicator in graph.descendants(a)
        )
        return (
            f"{r.indicator} is given together with its ancestor {', '.join(ancestors)} for unit {r.unit}: "
            "give either the node or its parts, not both"
        )

    return _issues(hit, IssueCode.NODE_WITH_DESCENDANTS, Severity.ERROR, message)


def _absent_issues(spec: Spec, rows: pd.DataFrame) -> list[Issue]:
    """One warning per unit whose rows leave some scored leaves without any value."""
    graph = spec.graph
    units, given = _given_matrix(spec, rows)
    covered = (given.astype(float) @ graph.paths) > 0
    scored = graph.is_leaf & (np.nan_to_num(graph.max_points) > 0)
    absent = scored & ~covered
    out = []
    files = rows.groupby("unit")["file"].first()
    for u in np.flatnonzero(absent.any(axis=1)):
        codes = [c for c, a in zip(graph.codes, absent[u], strict=True) if a]
        shown = ", ".join(codes[:8]) + (f" and {len(codes) - 8} more" if len(codes) > 8 else "")
        out.append(
            Issue(
                IssueCode.MISSING_VALUE,
                Severity.WARNING,
                f"unit {units[u]} has no row for {len(codes)} indicator(s): {shown}; they score 0",
                file=files[units[u]],
                unit=units[u],
            )
        )
    return out
