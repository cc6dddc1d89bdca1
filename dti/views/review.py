"""Views of a target review, with their json/csv builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dti.io.periods import Period
from dti.numbers import format_trimmed
from dti.text import header_key
from dti.tracking.target_notes import label_note, summary
from dti.tracking.target_periods import BENCHMARKS, column_key
from dti.tracking.target_text import STATUSES
from dti.tracking.targets import Review
from dti.views.base import Column, Lang, View
from dti.words import decimal_for, say

if TYPE_CHECKING:
    import pandas as pd

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
    import pandas as pd

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
    keys = (*TARGET_COLUMNS, "status", "note")  # the file's note: the Word appendix's remark shows it
    rows = [{k: getattr(r, k) or None for k in keys} for r in frame.itertuples()]
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


def remark(row: dict[str, Any], lang: Lang) -> str | None:
    """A target's verdict with the file's own note where the note says more (`Chưa đạt (còn thiếu 3,68
    điểm %)` and `theo số liệu của Cục Viễn thông`): the note alone when it starts with the verdict."""
    label, written = row.get("label") or "", (row.get("note") or "").strip()
    said, own = header_key(label), header_key(written)
    if not own or said.startswith(own):
        return label or None
    if own.startswith(said):
        return written
    return say("tracking.targets.with-note", lang, label=label, note=written) if label else written


def target_counts(review: Review, by: str) -> dict[str, Any]:
    """`dti targets --by X --format json`: the counts per group or responsible unit, per status."""
    per = review.by(by)
    rows = [{by: str(k), **{c: int(v) for c, v in row.items()}} for k, row in per.iterrows()]
    return {"by": by, "rows": rows}


def target_counts_frame(review: Review, by: str) -> pd.DataFrame:
    """`dti targets --by X --format csv`: a row per group or responsible unit, a column per status."""
    import pandas as pd

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
        "note",
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
