"""Percentages written as fractions (percent-scale ratios, steps on a rate): read each file's column in
its majority's style."""

from __future__ import annotations

import numpy as np

from dti.engine.submission import Submission
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import AMBIGUOUS, COUNTS, NUMBER
from dti.spec import Node, RatioRule, Spec, ThresholdsRule
from dti.words import Note, note

SHOWN_COUNTS = 8  # the counts cells a note names at most, per file


def settle_percent_scales(spec: Spec, submission: Submission) -> list[Issue]:
    """Read bare values between 0 and 1 of percent-scale ratios, and of steps on a percentage (a
    thresholds rule marked `percent`), in the style of their column.

    `0,915` for a component scored in percent is ambiguous: 0.915 % or 91.5 %? Only where the rule's
    target (a rate's lowest step above 0) makes fractions plausible (the small values' median below
    target / 10), per file and column,
    values written with % (or Excel percent cells, which are exact) and bare values above 1 vote for
    percentages, bare values in (0, 1] for fractions. All fractions: read × 100, one warning. A mixed
    column is read in its majority's style, with a warning naming each cell of the minority. Never a
    silent 0.915 %.
    """
    submission.notes += counts_notes(spec, submission)
    issues: list[Issue] = []
    for j, node in enumerate(spec.nodes):
        target = percent_target(node)
        if target is None:
            continue
        for layer in submission.layers.values():
            number = (layer.status[:, j] == NUMBER) | (layer.status[:, j] == AMBIGUOUS)
            column = layer.value[:, j]
            if not (number & ~layer.percent[:, j] & (column > 0) & (column <= 1)).any():
                continue  # no bare value in (0, 1] in any file: nothing to vote on (the usual column)
            sources = layer.source[:, j]
            one = sources.strides[0] == 0  # a wide file's layer: one file for every cell (a broadcast view)
            for source in [int(sources[0])] if one else np.unique(sources[number]).tolist():
                cells = np.flatnonzero(number if one else number & (sources == source))
                values, written = layer.value[cells, j], layer.percent[cells, j]
                small = ~written & (values > 0) & (values <= 1)
                percent_votes = int((written & (values > 0)).sum() + (~written & (values > 1)).sum())
                if not small.any():
                    continue
                # A small value is a fraction only if 100·v is nearer the target than v on a log scale
                # (v < target / 10): 0,8 for a 1 % budget share is 0,8 %, 0,915 for a 100 % coverage 91,5 %.
                if not np.median(values[small]) < target / 10:
                    continue
                if small.sum() > percent_votes:  # fractions: the small ones are read × 100
                    flip = cells[small]
                    layer.value[flip, j] *= 100
                    layer.percent[flip, j] = True
                    first = submission.locate(layer, int(flip[0]), j)
                    issues.append(
                        issue(
                            IssueCode.READ_AS_FRACTION,
                            Severity.WARNING,
                            "check.read-as-fraction",
                            {
                                "code": node.code,
                                "raw": first["value"],
                                "value": float(layer.value[flip[0], j]),
                            },
                            **first,
                        )
                    )
                    odd, style = cells[~written & (values > 1)], note("check.style.fractions")
                else:
                    odd, style = cells[small], note("check.style.percentages")
                for i in odd.tolist():
                    where = submission.locate(layer, i, j)
                    issues.append(
                        issue(
                            IssueCode.MIXED_SCALE,
                            Severity.WARNING,
                            "check.mixed-scale",
                            {
                                "raw": where["value"],
                                "value": float(layer.value[i, j]),
                                "code": node.code,
                                "style": style,
                            },
                            **where,
                        )
                    )
    return issues


def percent_target(node: Node) -> float | None:
    """The percentage a node's values are measured against: a percent-scale ratio's target, a rate's
    lowest step above 0 (70 for `from 70 %: 10 points`); None when its values are not percentages."""
    rule = node.rule
    if isinstance(rule, RatioRule) and rule.scale == "percent":
        return rule.target
    if isinstance(rule, ThresholdsRule) and rule.percent:
        return min((s.at_least for s in rule.steps if s.at_least > 0), default=100.0)
    return None


def counts_notes(spec: Spec, submission: Submission) -> list[Note]:
    """The audit trail of shares written as counts: per file, the cells read and what they became
    (`E5 (48, HTS.01) 512.340/570.000 → 89,88 %`). The raw counts stay the cells' text."""
    ratio = np.array([isinstance(n.rule, RatioRule) for n in spec.nodes], dtype=bool)
    by_file: dict[str, list[tuple[tuple[str, int, int], Note]]] = {}
    for layer in submission.layers.values():
        counts = layer.status == COUNTS
        if not counts.any():  # the usual file: one look at the statuses
            continue
        with np.errstate(invalid="ignore"):
            rows, cols = np.nonzero(counts & ratio & (layer.value <= 100))  # NaN <= 100 is False
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            where = submission.locate(layer, i, j)
            cell = f"{where['sheet']}!{where['cell']}" if where["sheet"] else where["cell"]
            said = note(
                "answers.counts-cell",
                cell=cell,
                unit=where["unit"],
                code=where["indicator"],
                raw=where["value"],
                value=float(layer.value[i, j]),
            )
            at = (str(where["sheet"] or ""), int(layer.row[i, j]), int(layer.col[i, j]))
            by_file.setdefault(where["file"], []).append((at, said))
    out = []
    for file, found in by_file.items():
        cells = [said for _, said in sorted(found, key=lambda f: f[0])]  # by sheet, row, column
        shown: list[Note] = cells[:SHOWN_COUNTS]
        if len(cells) > SHOWN_COUNTS:
            shown.append(note("answers.counts-more", more=len(cells) - SHOWN_COUNTS))
        out.append(note("answers.counts-read", file=file, count=len(cells), cells=tuple(shown)))
    return out
