"""The worded statuses of a target review: `Đạt và vượt 2,44 điểm %`, `Chưa đạt (còn thiếu 8,8 điểm %)`,
and the summary line, as Notes (the views word them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dti.words import Note, note

if TYPE_CHECKING:
    from dti.tracking.targets import Review


def amount(value: float, percent: bool) -> Note:
    """A margin as data, worded with the language's decimal mark: a difference of percentages in percentage
    points (`2,44 điểm %`, `2.44 pp`), as the comparison columns say."""
    value = round(float(value), 2)
    return note("tracking.points", x=value) if percent else note("tracking.amount", value=value)


Amount = Callable[[float, bool], "Note | str"]


def status_note(
    status: str, exceeded: float, short: float, percent: bool, worded: Amount = amount, progress: bool = False
) -> Note:
    """'Đạt và vượt 2,44 điểm %', 'Chưa đạt (còn thiếu 8,8 điểm %)', 'Đạt', 'Chưa có số liệu đánh giá',
    'Chưa đạt (đang triển khai)'."""
    if status == "not_met" and progress:
        return note("tracking.target.in-progress")
    if status == "met" and exceeded > 0:
        return note("tracking.target.exceeded", x=worded(exceeded, percent))
    if status == "not_met" and short > 0:
        return note("tracking.target.short", x=worded(short, percent))
    return note(f"tracking.target.{status}")


def label_note(row: Any, worded: Amount = amount) -> Note:
    """The status as a review writes it; a reported verdict that disagrees with the numbers shows both."""
    computed = getattr(row, "computed", None)
    if not isinstance(computed, str) or computed == row.status:
        progress = bool(getattr(row, "progress", False))
        return status_note(row.status, row.exceeded_by, row.shortfall, row.percent, worded, progress)
    return note(
        "tracking.target.disagrees",
        given=note(f"tracking.target.{row.status}"),
        computed=status_note(computed, row.exceeded_by, row.shortfall, row.percent, worded),
    )


def summary(review: Review) -> Note:
    """`6/11 chỉ tiêu đạt và vượt kế hoạch; 2/11 chưa đạt; 3/11 chưa có số liệu đánh giá`, as a Note;
    with last year's column, `; so với cùng kỳ: 3 chỉ tiêu cải thiện, 1 kém đi, 1 không đổi` after it."""
    s = review.summary()
    n = s["total"]
    check = note("tracking.targets.summary-review", count=s["needs_review"], n=n) if s["needs_review"] else ""
    if "improved" in s:
        trend = note(
            "tracking.targets.summary-trend",
            improved=s["improved"],
            worsened=s["worsened"],
            unchanged=s["unchanged"],
        )
        check = note("tracking.targets.and", first=check, then=trend)
    return note(
        "tracking.targets.summary",
        n=n,
        met=s["met"],
        not_met=s["not_met"],
        no_data=s["no_data"],
        review=check,
    )
