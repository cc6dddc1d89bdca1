"""The review of `dti spec import`: what was built and what an analyst checks against the decision."""

from __future__ import annotations

from dti.spec.importer import Review
from dti.views.base import Column, Lang, View

LABELS = {
    "row": ("dòng", "row"),
    "number": ("stt", "no."),
    "code": ("mã", "code"),
    "check": ("cần xem", "check"),
    "detail": ("chi tiết", "detail"),
    "provisional": ("tạm tính", "provisional"),
    "sum": ("tổng lệch", "sum differs"),
    "unplaced": ("không xếp được", "not placed"),
}


def import_summary(review: Review, lang: Lang = "vi") -> str:
    """One line: nodes, rules inferred by kind, and the counts to check."""
    rules = ", ".join(f"{n} {kind}" for kind, n in sorted(review.rules.items(), key=lambda r: (-r[1], r[0])))
    counts = (len(review.provisional), len(review.sums), len(review.unplaced))
    if lang == "vi":
        return (
            f"{review.nodes} nút; quy tắc suy ra: {rules or 'không có'}; tạm tính: {counts[0]}; "
            f"tổng lệch: {counts[1]}; dòng không xếp được: {counts[2]}"
        )
    return (
        f"{review.nodes} nodes; rules inferred: {rules or 'none'}; provisional: {counts[0]}; "
        f"sums that disagree: {counts[1]}; rows not placed: {counts[2]}"
    )


def import_review(review: Review, lang: Lang = "vi") -> View:
    """One row per thing to check: provisional nodes, sums that disagree, rows that could not be placed."""
    k = 0 if lang == "vi" else 1
    keys = ("row", "number", "code", "check", "detail")
    columns = [Column(key, LABELS[key][k], "int" if key == "row" else "text") for key in keys]
    rows = [
        {
            **p,
            "check": LABELS["provisional"][k],
            "detail": f'{p["why"]}: "{p["method"]}"' if p["method"] else p["why"],
        }
        for p in review.provisional
    ]
    rows += [
        {
            **s,
            "check": LABELS["sum"][k],
            "detail": (
                f"bảng ghi {s['stated']:g}, các tiêu chí cộng lại {s['children']:g}"
                if k == 0
                else f"the table states {s['stated']:g}, its criteria add up to {s['children']:g}"
            ),
        }
        for s in review.sums
    ]
    rows += [
        {**u, "code": "", "check": LABELS["unplaced"][k], "detail": f"{u['name']}: {u['why']}"}
        for u in review.unplaced
    ]
    rows.sort(key=lambda r: r["row"])
    title = "Cần kiểm tra lại" if k == 0 else "To check against the decision"
    return View(title, columns, rows, notes=list(review.notes))
