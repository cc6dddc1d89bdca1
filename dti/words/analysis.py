"""Words of the analyses (ranking, gaps, robustness): key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- dti rank (dti/analysis/ranking.py) --------------------------------------------------------------
    "analysis.rank.warning": ("cảnh báo: {issue}", "warning: {issue}"),
    "analysis.rank.methodologies": (
        "lưu ý: các năm được tính theo các bộ chỉ số khác nhau ({specs}); thay đổi là so sánh giữa các "
        "thước đo khác nhau",
        "note: the years were scored under different methodologies ({specs}); changes compare different "
        "measures",
    ),
    "analysis.rank.sets": (
        "lưu ý: số đơn vị được xếp hạng khác nhau giữa các năm ({counts}); số bậc tăng giảm là so sánh "
        "thứ hạng giữa các nhóm khác nhau",
        "note: the years rank different numbers of units ({counts}); places gained or lost compare ranks "
        "among different sets",
    ),
    "analysis.rank.split-regions": (
        "lưu ý: {count} tỉnh mới gộp từ các tỉnh cũ thuộc hai vùng; mỗi tỉnh lấy vùng của tỉnh cũ mà "
        "tỉnh mới giữ tên: {provinces}",
        "note: {count} new provinces join old ones of two regions; each takes the region of the old "
        "province whose name it keeps: {provinces}",
    ),
}
