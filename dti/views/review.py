"""Views of a validation report and of a target review, with their json/csv builders."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pandas as pd

from dti.io.periods import Period
from dti.issues import ISSUE_FIELDS, Report
from dti.numbers import format_trimmed
from dti.text import escape_controls
from dti.tracking.target_notes import label_note, summary
from dti.tracking.target_periods import BENCHMARKS, column_key
from dti.tracking.target_text import STATUSES
from dti.tracking.targets import Review
from dti.views.base import Column, Lang, View, word
from dti.words import decimal_for, say

# --- dti validate -----------------------------------------------------------------------------------


def issues(report: Report, lang: Lang = "vi", workbooks: set[str] | None = None) -> list[View]:
    """A table per file of the shown issues; the last view's notes count them and give the verdict.
    An issue in a file of `workbooks` (read as several sheets) names its sheet in the cell column
    (`Sở Y tế!E9`)."""
    keys = ("row", "cell", "column", "unit", "severity", "issue", "message")
    columns = [Column(k, word(k, lang), "int" if k == "row" else "text", empty="") for k in keys]
    columns[4] = Column("level", word("severity", lang), tone="severity")
    shown = report.shown()
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in shown:
        row = {k: getattr(i, k) for k in ("row", "cell", "column", "unit")}
        if i.sheet and i.file in (workbooks or set()):
            row["cell"] = f"{i.sheet}!{i.cell}" if i.cell else i.sheet
        level = word(str(i.severity), lang)
        by_file[i.file or word("ci.no-file", lang)].append(
            {
                **row,
                "message": i.text(lang),
                "severity": str(i.severity),
                "level": level,
                "issue": str(i.code),
            }
        )
    views = [View(escape_controls(f), columns, rows) for f, rows in by_file.items()] or [View(None, [], [])]
    counts = Counter(str(i.code) for i in report.issues)
    notes = []
    if counts:
        listed = [f"{c} {n}" for c, n in sorted(counts.items())]
        notes.append(say("label.validate.by-code", lang, counts=listed))
    if len(shown) < len(report.issues):
        notes.append(say("label.validate.shown", lang, shown=len(shown), total=len(report.issues)))
    verdict = "label.validate.valid" if report.valid else "label.validate.invalid"
    notes.append(say(verdict, lang, errors=len(report.errors), warnings=len(report.warnings)))
    if report.strict and report.warnings:
        notes.append(say("ci.strict-warnings", lang, warnings=len(report.warnings)))
    views[-1].notes = notes
    return views


def issues_frame(report: Report) -> pd.DataFrame:
    """The `dti validate --format csv` table: one row per shown issue, ISSUE_FIELDS as columns."""
    frame = pd.DataFrame([i.to_dict() for i in report.shown()], columns=list(ISSUE_FIELDS))
    return frame.astype({"row": "Int64"})


# --- dti targets ------------------------------------------------------------------------------------

TARGET_COLUMNS = ("id", "group", "name", "responsible", "target", "result", "label")


def label(row: Any, lang: Lang, decimal: str | None = None) -> str:
    """The status as a review writes it: 'Đạt và vượt 2,44 điểm %', 'Chưa đạt (còn thiếu 8,8 điểm %)' (a
    difference of percentages is in percentage points, as the comparison columns say); a reported
    verdict that disagrees with the numbers shows both. `decimal` overrides the language's mark."""
    mark = decimal or decimal_for(lang)

    def worded(value: float, percent: bool) -> str:
        text = format_trimmed(value, 2, mark)
        return say("tracking.points", lang, x=text) if percent else text

    return label_note(row, worded).text(lang)


def summary_line(review: Review, lang: Lang = "vi") -> str:
    """`6/11 chỉ tiêu đạt và vượt kế hoạch; 2/11 chưa đạt; 3/11 chưa có số liệu đánh giá`."""
    return summary(review).text(lang)


def _labelled(review: Review, lang: Lang, decimal: str | None = None) -> pd.DataFrame:
    return review.targets.assign(label=[label(r, lang, decimal) for r in review.targets.itertuples()])


def _compared(review: Review, lang: Lang, decimal: str | None) -> tuple[list[Column], pd.DataFrame]:
    """The columns of last year's result and the benchmarks, when the list has them, after the result:
    the value as written, then the change (`+3,34 điểm % (cải thiện)`) or the position (`cao hơn 7,94
    điểm %`); and a frame of their cells, a row per target."""
    frame, mark = review.targets, decimal or decimal_for(lang)
    percent = frame["percent"].to_numpy(dtype=bool)
    columns: list[Column] = []
    cells: dict[str, list[Any]] = {}

    def amount(value: float, pct: bool, sign: bool) -> str:
        text = ("+" if sign and value > 0 else "") + format_trimmed(value if sign else abs(value), 2, mark)
        return say("tracking.points", lang, x=text) if pct else text

    for column in review.columns:
        if column.role not in ("same_period", *BENCHMARKS):
            continue
        key = column_key(column)
        heading = say(f"tracking.targets.{column.role}", lang)
        if column.period != Period():
            period = column.period.label().text(lang)
            heading = say("tracking.targets.with-period", lang, label=heading, period=period)
        columns.append(Column(key, heading))
        cells[key] = [t or None for t in frame[key]]
        if column.role == "same_period":
            worded = [
                None if t is None else say(f"tracking.change.{t}", lang, x=amount(c, p, True))
                for t, c, p in zip(frame["trend"], frame["change"], percent, strict=True)
            ]
            tone = {"improved": "met", "worsened": "not_met"}
            cells["trend_tone"] = [tone.get(t) if t else None for t in frame["trend"]]
            columns.append(Column("change", say("tracking.targets.change", lang), tone="trend_tone"))
            cells["change"] = worded
        else:
            name = f"{column.role}_position"
            cells[name] = [
                None if p is None else say(f"tracking.position.{p}", lang, x=amount(d, q, False))
                for p, d, q in zip(frame[name], frame[f"{column.role}_difference"], percent, strict=True)
            ]
            columns.append(Column(name, say(f"tracking.targets.{name}", lang)))
    return columns, pd.DataFrame(cells, index=frame.index)


def targets(review: Review, by: str = "group", lang: Lang = "vi", decimal: str | None = None) -> list[View]:
    """The target list with statuses, the summary line, and the counts per group or responsible unit;
    last year's result and the averages after the result when the list has them."""
    columns = [
        Column(k, w, empty="—" if k == "result" else "", tone="status" if k == "label" else None)
        for k, w in zip(
            TARGET_COLUMNS, (say(f"tracking.targets.{k}", lang) for k in TARGET_COLUMNS), strict=True
        )
    ]
    frame = _labelled(review, lang, decimal)
    rows = [{k: getattr(r, k) or None for k in (*TARGET_COLUMNS, "status")} for r in frame.itertuples()]
    if review.compared:
        extra, cells = _compared(review, lang, decimal)
        columns[6:6] = extra
        for row, more in zip(rows, cells.to_dict("records"), strict=True):
            row.update(more)
    listing = View(None, columns, rows, notes=[summary_line(review, lang)])
    counts = [
        Column("key", say(f"tracking.targets.{by}", lang)),
        Column("total", say("tracking.targets.total", lang), "int"),
    ]
    counts += [Column(s, say(f"tracking.targets.{s}", lang), "int") for s in STATUSES]
    per = review.by(by)
    count_rows = [{"key": str(k), **{c: int(v) for c, v in row.items()}} for k, row in per.iterrows()]
    return [listing, View(None, counts, count_rows)]


def target_counts(review: Review, by: str) -> dict[str, Any]:
    """`dti targets --by X --format json`: the counts per group or responsible unit, per status."""
    per = review.by(by)
    rows = [{by: str(k), **{c: int(v) for c, v in row.items()}} for k, row in per.iterrows()]
    return {"by": by, "rows": rows}


def target_counts_frame(review: Review, by: str) -> pd.DataFrame:
    """`dti targets --by X --format csv`: a row per group or responsible unit, a column per status."""
    return pd.DataFrame(target_counts(review, by)["rows"])


def targets_data(review: Review, lang: Lang = "vi") -> dict[str, Any]:
    """The `dti targets --format json` object: every target with status, label and margins, a summary."""
    data = review.to_dict()
    for row, text in zip(data["targets"], _labelled(review, lang)["label"], strict=True):
        row["label"] = text
    return data


def targets_frame(review: Review, lang: Lang = "vi") -> pd.DataFrame:
    """The `dti targets --format csv` table."""
    columns = [
        "id",
        "group",
        "name",
        "responsible",
        "target",
        "result",
        "status",
        "computed",
        "given",
        "label",
    ]
    frame = _labelled(review, lang)[[*columns, "exceeded_by", "shortfall"]]
    frame = frame.rename(columns={"computed": "computed_status", "given": "given_status"})
    if not review.compared:
        return frame
    # each compared column as written and read, named by its role; the change, trend and positions
    for column in review.columns:
        if column.role in ("same_period", *BENCHMARKS):
            key = column_key(column)
            frame[column.role] = review.targets[key]
            frame[f"{column.role}_value"] = review.targets[f"value:{key}"]
    computed = ["change", "trend", *(f"{r}_{k}" for r in BENCHMARKS for k in ("difference", "position"))]
    for name in computed:
        if name in review.targets:
            frame[name] = review.targets[name]
    return frame
