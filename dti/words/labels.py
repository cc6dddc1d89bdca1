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
    # the writers' fixed words (dti/write: xlsx, html, ics)
    "label.summary": ("Tóm tắt", "Summary"),
    "label.table": ("Bảng", "Table"),
    "label.chart_data": ("Dữ liệu biểu đồ", "Chart data"),
    "label.see": ("Xem trang", "See sheet"),
    "label.low": ("thấp", "low"),
    "label.high": ("cao", "high"),
    "label.contents": ("Mục lục", "Contents"),
    "label.notes": ("Ghi chú", "Notes"),
    "label.ics.name": ("Lịch báo cáo DTI {year}", "DTI reporting {year}"),
    "label.ics.due": ("Hạn gửi số liệu {period}: {owner}", "{period} figures due: {owner}"),
    "label.ics.status": ("Trạng thái", "Status"),
    "label.ics.components": ("Chỉ số", "Components"),
    "label.ics.missing": ("Còn thiếu", "Missing"),
    # dti rank (dti/views/rank.py)
    "label.rank.title": (
        "Xếp hạng theo {by}, {years} (đồng hạng; p = hạng đã công bố)",
        "Ranking by {by}, {years} (competition ranks; p = published rank)",
    ),
    "label.rank.unit-title": (
        "{unit} {name}: giá trị và hạng theo năm",
        "{unit} {name}: value and rank by year",
    ),
    "label.no": ("không", "no"),
    # dti validate's closing notes (dti/views/review.py)
    "label.validate.by-code": ("Số vấn đề theo mã: {counts}", "Issues by code: {counts}"),
    "label.validate.shown": (
        "Hiện {shown}/{total} vấn đề: tăng --max-issues, hoặc dùng --format json hay csv để có đủ danh sách",
        "Showing {shown} of {total} issues: raise --max-issues, or use --format json or csv for the full "
        "list.",
    ),
    "label.validate.valid": (
        "hợp lệ: {errors} lỗi, {warnings} cảnh báo",
        "valid: {errors} error(s), {warnings} warning(s)",
    ),
    "label.validate.invalid": (
        "không hợp lệ: {errors} lỗi, {warnings} cảnh báo",
        "invalid: {errors} error(s), {warnings} warning(s)",
    ),
}
