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
    "label.highest-of": (
        "{label}: cao nhất của mỗi {step} vị trí liền nhau",
        "{label}: the highest of each {step} places in a row",
    ),
    "label.contents": ("Mục lục", "Contents"),
    "region.northern-midlands": ("Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"),
    "region.red-river-delta": ("Đồng bằng sông Hồng", "Red River Delta"),
    "region.central-coast": ("Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"),
    "region.central-highlands": ("Tây Nguyên", "Central Highlands"),
    "region.southeast": ("Đông Nam Bộ", "Southeast"),
    "region.mekong-delta": ("Đồng bằng sông Cửu Long", "Mekong River Delta"),
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
    # the table's own mean rows and the means of `dti rank` (dti/io/table.py, dti/analysis/means.py)
    "label.means.row": (
        "; dòng {rows} là trung bình đã công bố (không phải đơn vị, không xếp hạng){more}",
        "; row {rows} is the published mean (not a unit, not ranked){more}",
    ),
    "label.means.rows": (
        "; các dòng {rows} là trung bình đã công bố (không phải đơn vị, không xếp hạng){more}",
        "; rows {rows} are published means (not units, not ranked){more}",
    ),
    "label.means.mismatch": (
        "{file}, dòng {row} ({cell}) '{label}': {code} năm {year} công bố {published}, nhưng trung bình "
        "của {units} đơn vị trong bảng là {computed}: kiểm tra dòng này và giá trị các đơn vị",
        "{file}, row {row} ({cell}) '{label}': {code} {year} published as {published}, but the mean of "
        "the table's {units} units is {computed}: check this row and the units' values",
    ),
    "label.means.title": (
        "Trung bình {by} theo năm (trung bình cộng các đơn vị có giá trị; "
        "công bố = dòng trung bình của bảng)",
        "Mean {by} by year (arithmetic mean of the units with a value; published = the table's own mean row)",
    ),
    "label.means.sheet": ("Trung bình", "Means"),
    "label.means.scope": ("phạm vi", "scope"),
    "label.means.all": ("Cả nước", "National"),
    "label.means.all-units": ("Tất cả đơn vị", "All units"),
    "label.means.year": ("năm", "year"),
    "label.means.units": ("số đơn vị", "units"),
    "label.means.mean": ("trung bình", "mean"),
    "label.means.published": ("công bố", "published"),
    "label.means.change": ("Δ so với năm trước", "Δ on the year before"),
    "label.means.table": ("Trung bình {count} đơn vị trong bảng", "Mean of the table's {count} units"),
    "label.means.region-part": (
        "{region} ({units}/{of} đơn vị của vùng)",
        "{region} ({units}/{of} units of the region)",
    ),
    "label.means.published-change": (
        "Δ giữa hai năm cùng có dòng trung bình công bố tính từ các giá trị công bố (cột công bố), "
        "không từ trung bình tính được.",
        "Δ between two years that both publish a mean row is the change of the published means (column "
        "published), not of the computed ones.",
    ),
    "label.means.gap": (
        "{scope}: không tính Δ trung bình {start}→{end} vì hai năm có tập đơn vị khác nhau ({before} và "
        "{after} đơn vị) và không cùng có dòng trung bình công bố.",
        "{scope}: no Δ of the mean {start}→{end}: the two years hold different sets of units ({before} and "
        "{after} units) and do not both publish a mean row.",
    ),
    "label.means.few": (
        "Không tính trung bình của dưới 2 đơn vị (—).",
        "No mean is given of fewer than 2 units (—).",
    ),
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
    # dti report's headings and sentences (dti/views/report_unit.py, report_all.py, report.py)
    "report.title": ("Báo cáo Chỉ số chuyển đổi số", "Digital Transformation Index report"),
    "report.headline": ("Kết quả chung", "Headline"),
    "report.overview": ("Tổng quan", "Overview"),
    "report.pillars": ("Trụ cột và chỉ số chính", "Pillars and main indices"),
    "report.ranking": ("Bảng xếp hạng", "Ranking"),
    "report.trend": ("Thứ hạng qua các năm", "Rank over the years"),
    "report.losses": ("Điểm bị mất", "Where points are lost"),
    "report.components": ("Chỉ số thành phần mất nhiều điểm nhất", "Components losing the most points"),
    "report.targets": ("Đánh giá chỉ tiêu", "Target review"),
    "report.quality": ("Chất lượng dữ liệu", "Data quality"),
    "report.movers": ("Tăng, giảm nhiều bậc nhất", "Largest moves"),
    "report.distribution": ("Phân bố giá trị", "Distribution of values"),
    "report.national": ("Trung bình cả nước", "National mean"),
    "report.all_mean": ("Trung bình", "Mean"),
    "report.regional": ("Trung bình vùng", "Regional mean"),
    "report.units": ("đơn vị", "units"),
    "report.values": ("Giá trị theo đơn vị", "Values by unit"),
    "report.changes": ("Thay đổi giữa các năm", "Changes between years"),
    "report.issues": ("Vấn đề dữ liệu", "Data issues"),
    "report.count": ("số lượng", "count"),
    "report.min": ("thấp nhất", "lowest"),
    "report.max_value": ("cao nhất", "highest"),
    "report.vs_mean": ("so với TB", "vs mean"),
    "report.rank_axis": ("hạng", "rank"),
    "report.value_axis": ("giá trị", "value"),
    "report.points_axis": ("điểm", "points"),
    "report.same-rank": ("giữ nguyên thứ hạng", "same rank"),
    "report.up": ("tăng {places} bậc", "up {places} places"),
    "report.up-one": ("tăng {places} bậc", "up {places} place"),
    "report.down": ("giảm {places} bậc", "down {places} places"),
    "report.down-one": ("giảm {places} bậc", "down {places} place"),
    "report.since": ("so với {year}", "since {year}"),
    "report.mean-before": ("năm {year}: {value}, {pct}", "{year}: {value}, {pct}"),
    "report.mean-other-units": (
        "năm {year}: trung bình của tập đơn vị khác",
        "{year}: the mean of a different set of units",
    ),
    "report.headline-line": (
        "Năm {year}, {name} đạt {total} {value}, xếp thứ {rank}/{ranked}",
        "In {year}, {name} scored {total} {value}, rank {rank} of {ranked}",
    ),
    "report.weakest": (
        "Chỉ số chính thấp nhất: {code} {name} ({value}, hạng {rank}).",
        "Weakest main index: {code} {name} ({value}, rank {rank}).",
    ),
    "report.published-mark": ("p: hạng đã công bố", "p: the published rank"),
    "report.loss-line-unit": (
        "{unit} mất {lost}/{top} điểm trên số liệu đã báo cáo và {stake} điểm do thiếu số liệu; nhiều nhất ở "
        "{most}.",
        "{unit} loses {lost} of {top} points on reported data and {stake} points from missing data; most in "
        "{most}.",
    ),
    "report.loss-line-mean": (
        "Bình quân mỗi đơn vị mất {lost}/{top} điểm trên số liệu đã báo cáo và {stake} điểm do thiếu số "
        "liệu; nhiều nhất ở {most}.",
        "Each unit loses on average {lost} of {top} points on reported data and {stake} points from missing "
        "data; most in {most}.",
    ),
    # dti score's titles and headings (dti/views/score.py)
    "score.title": (
        "{spec}: {count} đơn vị, xếp hạng theo {by} (đồng hạng theo giá trị làm tròn {digits} chữ số thập "
        "phân)",
        "{spec}: {count:|unit|units}, ranked by {by} (competition ranking on values rounded to {digits} "
        "decimals)",
    ),
    "score.title-year": (
        "{spec}, năm số liệu {year}: {count} đơn vị, xếp hạng theo {by} (đồng hạng theo giá trị làm tròn "
        "{digits} chữ số thập phân)",
        "{spec}, data year {year}: {count:|unit|units}, ranked by {by} (competition ranking on values "
        "rounded to {digits} decimals)",
    ),
    "score.narrow-pillars": ("--show pillars: chỉ các trụ cột", "--show pillars: the pillars only"),
    "score.main": ("chỉ số chính", "main index"),
    "score.component": ("chỉ tiêu", "component"),
    "score.component-name": ("tên chỉ tiêu", "component name"),
    "score.components-title": (
        "{spec}: {count} chỉ tiêu thành phần mỗi đơn vị, đơn vị theo hạng {by}",
        "{spec}: {count:|component|components} per unit, units in {by} rank order",
    ),
    "score.before": ("trước", "before"),
}
