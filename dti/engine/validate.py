"""validate(spec, submission) -> Report: every problem of the data, each with its file, row and column."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from dti.engine.block import Block, Check
from dti.engine.rules import CHECK_ORDER, blocks
from dti.engine.scoring import covered_below
from dti.engine.submission import Layer, Submission
from dti.issues import Batch, Issue, IssueCode, Places, Report, Severity, issue
from dti.spec import Spec
from dti.words import note, say


def validate(spec: Spec, submission: Submission, max_issues: int | None = None) -> Report:
    """Check a submission against a spec; collect every issue, never raise on bad data."""
    report = Report(list(submission.issues), max_issues=max_issues)
    given = submission.given
    if not given.any():
        if not report.errors:
            files = ", ".join(sorted({s.name for s in submission.sources})) or None
            report.extend([issue(IssueCode.NO_DATA, Severity.ERROR, "check.no-data", file=files)])
        return report
    for layer in submission.layers.values():
        for batch in _cell_issues(spec, submission, layer):
            report.add_batch(batch)
    report.extend(_descendant_issues(spec, submission, given))
    report.extend(_unknown_issues(spec, submission, given))
    report.extend(_absent_issues(spec, submission, given))
    return report


def _cell_issues(spec: Spec, submission: Submission, layer: Layer) -> list[Batch]:
    """Run every rule kind's checks over its block of cells; Issues are built only when read.

    A batch keeps what to look at again, not the flagged cells or the block (a copy of every cell of a
    rule kind, which the report would hold through output): its cells are found again when read.
    """
    found: list[tuple[int, Batch]] = []
    for b, (kind, block) in enumerate(blocks(spec, layer, submission.tokens)):
        given = block.status != 0
        for check in kind.checks:
            with np.errstate(invalid="ignore", divide="ignore"):
                count = int(np.count_nonzero(check.flags(block) & given))
            if count:
                at = (spec, submission, layer, b, check)
                where = functools.partial(_places, *at)
                build = functools.partial(_located, *at)
                found.append(
                    (CHECK_ORDER.index(check.code), Batch(check.code, check.severity, count, build, where))
                )
    found.sort(key=lambda item: item[0])
    return [batch for _, batch in found]


def _flagged(
    spec: Spec, submission: Submission, layer: Layer, b: int, check: Check
) -> tuple[Block, np.ndarray, np.ndarray]:
    """The b-th block and the unit rows and block columns of the cells the check flags, in order."""
    block = blocks(spec, layer, submission.tokens)[b][1]
    with np.errstate(invalid="ignore", divide="ignore"):
        flagged = check.flags(block) & (block.status != 0)
    rows, cols = np.nonzero(flagged)
    return block, rows, cols


def _places(spec: Spec, submission: Submission, layer: Layer, b: int, check: Check) -> Places:
    """Where the check's issues over the b-th block are, without building them."""
    block, rows, cols = _flagged(spec, submission, layer, b, check)
    nodes = block.columns[cols]
    files = [(s.name, s.sheet or "") for s in submission.sources]
    return Places(files, layer.source[rows, nodes], layer.row[rows, nodes], layer.col[rows, nodes])


def _located(
    spec: Spec, submission: Submission, layer: Layer, b: int, check: Check, keep: np.ndarray | None
) -> list[Issue]:
    """The issues of one check over the b-th block (those at the positions `keep`, in the order found;
    None: all), each with its file, row and cell."""
    block, rows, cols = _flagged(spec, submission, layer, b, check)
    if keep is not None:
        rows, cols = rows[keep], cols[keep]
    where = submission.located(layer, rows, block.columns[cols])
    issues = []
    english: dict[str, str] = {}  # a sentence without parameters, worded once
    for i, k, place in zip(rows.tolist(), cols.tolist(), zip(*where, strict=True), strict=True):
        file, sheet, row, column, cell, unit, indicator, value = place
        key, params = check.message(block, i, k, value)
        if params:
            message = say(key, "en", **params)
        else:
            message = english.get(key) or english.setdefault(key, say(key, "en"))
        said = tuple(params.items())
        issues.append(
            Issue(
                check.code,
                check.severity,
                message,
                file,
                sheet,
                row,
                column,
                cell,
                unit,
                indicator,
                value,
                key,
                said,
            )
        )
    return issues


def _descendant_issues(spec: Spec, submission: Submission, given: np.ndarray) -> list[Issue]:
    """A node and any of its descendants given for the same unit would count twice."""
    graph = spec.graph
    if not given[:, ~graph.is_leaf].any():  # components alone (the usual file): nothing lies below them
        return []
    flagged = given & graph.below(given)
    out = []
    for i, j in zip(*np.nonzero(flagged), strict=True):
        code = graph.codes[j]
        ancestors = sorted(
            graph.codes[a] for a in np.flatnonzero(given[i]) if code in graph.descendants(graph.codes[a])
        )
        layer = next(layer for layer in submission.layers.values() if layer.given[i, j])
        out.append(
            issue(
                IssueCode.NODE_WITH_DESCENDANTS,
                Severity.ERROR,
                "check.with-ancestor",
                {"code": code, "ancestors": ancestors, "unit": submission.units[i]},
                **submission.locate(layer, int(i), int(j)),
            )
        )
    return out


def _absent_issues(spec: Spec, submission: Submission, given: np.ndarray) -> list[Issue]:
    """One warning per unit whose cells leave some scored leaves without any value (the leaves under an
    empty cell of a table of values are not absent but unknown: _unknown_issues)."""
    graph = spec.graph
    scored = graph.is_leaf & (np.nan_to_num(graph.max_points) > 0)
    absent = scored & ~graph.spread_down(given if submission.unknown is None else given | submission.unknown)
    counted = submission.counted()
    # a unit's rows may be spread over several files: then the warning is the submission's, of no file
    one_file = len({source.name for source in submission.sources}) == 1
    out = []
    for i in np.flatnonzero(absent.any(axis=1)):
        codes = [graph.codes[j] for j in np.flatnonzero(absent[i])]
        shown = ", ".join(codes[:8])
        listed = note("check.more", codes=shown, more=len(codes) - 8) if len(codes) > 8 else shown
        first = int(np.argmax(counted.given[i]))
        out.append(
            issue(
                IssueCode.MISSING_VALUE,
                Severity.WARNING,
                "check.absent",
                {"unit": submission.units[i], "count": len(codes), "codes": listed},
                file=submission.sources[counted.source[i, first]].name if one_file else None,
                unit=submission.units[i],
            )
        )
    return out


def _unknown_issues(spec: Spec, submission: Submission, given: np.ndarray) -> list[Issue]:
    """One warning per empty cell of a table of values (of a node worth points), where it is: the node is
    computed from the cells given below it where they determine it, else it is unknown, and so are the
    nodes that need it (those the table does not give)."""
    unknown = submission.unknown_scored(spec)
    if unknown is None:
        return []
    graph = spec.graph
    known = given | covered_below(graph, given)[1]
    nodes = np.flatnonzero(unknown.any(axis=0)).tolist()
    reach = {j: graph.aggregate(np.arange(len(graph.codes)) == j) > 0 for j in nodes}
    fields = ("file", "sheet", "row", "column", "cell", "unit", "indicator", "value")
    out = []
    for layer in submission.layers.values():  # each cell where the stage that read it says
        rows, cols = np.nonzero(unknown & (layer.token >= 0))
        unknown[rows, cols] = False  # said once, by the first stage (unknown_scored made a fresh mask)
        places = zip(*submission.located(layer, rows, cols), strict=True)
        for i, j, place in zip(rows.tolist(), cols.tolist(), places, strict=True):
            raw = place[-1].strip()
            what = note("check.unknown-marked", raw=raw) if raw else note("check.unknown-blank")
            said: dict[str, Any] = {"what": what, "code": graph.codes[j], "unit": submission.units[i]}
            key = "check.unknown-computed" if known[i, j] else "check.unknown"
            if not known[i, j]:  # j and the nodes that need it
                said["nodes"] = [graph.codes[k] for k in _first(j, reach[j] & ~known[i])]
            where = dict(zip(fields, place, strict=True))
            out.append(issue(IssueCode.MISSING_VALUE, Severity.WARNING, key, said, **where))
    return out


def _first(j: int, mask: np.ndarray) -> list[int]:
    """Node j, then the other marked nodes in spec order."""
    return [j, *(k for k in np.flatnonzero(mask).tolist() if k != j)]
