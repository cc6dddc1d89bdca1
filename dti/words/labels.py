"""Table labels and the words every view shares: key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "label.rank": ("hạng", "rank"),
    "label.unit": ("đơn vị", "unit"),
    "label.name": ("tên", "name"),
    "label.code": ("mã", "code"),
    "label.at_stake": ("thiếu số liệu", "at stake"),
    "label.d_value": ("Δ giá trị", "Δ value"),
    "label.d_rank": ("Δ hạng", "Δ rank"),
    "label.points": ("điểm", "points"),
    "label.max": ("tối đa", "max"),
    "label.value": ("giá trị", "value"),
    "label.lost": ("mất điểm", "lost"),
    "label.self": ("tự đánh giá", "self"),
    "label.d_verified": ("Δ thẩm định", "Δ verified"),
    "label.region": ("vùng", "region"),
    "label.in_region": ("hạng vùng", "in region"),
    "label.places": ("± bậc", "places"),
    "label.row": ("dòng", "row"),
    "label.cell": ("ô", "cell"),
    "label.column": ("cột", "column"),
    "label.severity": ("mức", "severity"),
    "label.issue": ("mã lỗi", "code"),
    "label.message": ("nội dung", "message"),
    "label.error": ("lỗi", "error"),
    "label.warning": ("cảnh báo", "warning"),
    "label.yes": ("có", "yes"),
    "label.no": ("không", "no"),
}
