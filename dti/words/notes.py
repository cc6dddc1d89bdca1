"""Words of the notes catalogue: key -> (Vietnamese, English).

Notes the CLI and the library (pipeline, briefing, analysis entry points) give the user.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "notes.units-differ": (
        "{earlier} ({year_before}) và {current} ({year}) có các tập đơn vị khác nhau: {only_before} "
        "đơn vị chỉ có năm {year_before}, {only_now} đơn vị chỉ có năm {year}; thay đổi thứ hạng so "
        "sánh giữa các tập khác nhau",
        "{earlier} ({year_before}) and {current} ({year}) hold different sets of units: {only_before} "
        "only in {year_before}, {only_now} only in {year}; rank changes compare ranks among different "
        "sets",
    ),
    "notes.sensitivity-one-input": (
        "--sensitivity: chỉ một đầu vào thay đổi giữa các lượt ({group}): nó giải thích toàn bộ "
        "phương sai của thứ hạng, nên các chỉ số của nó bằng 1 theo định nghĩa, không phải ước lượng",
        "--sensitivity: only one input varies between the draws ({group}): it explains all of the "
        "rank's variance, so its indices are 1 by definition, not estimated",
    ),
    "notes.sensitivity-nothing": (
        "--sensitivity: không có gì thay đổi giữa các lượt (--weights 0, và dữ liệu không để lại gì "
        "cho --missing và --self-verified: xem ghi chú dưới bảng), nên không có độ nhạy để phân tích",
        "--sensitivity: nothing varies between the draws (--weights 0, and the data leave --missing "
        "and --self-verified nothing to draw: see the notes under the table), so there is no "
        "sensitivity to analyse",
    ),
    "notes.no-loss-section": (
        "{file}: báo cáo không có mục điểm bị mất theo đơn vị chủ trì: {why}",
        "{file}: no section on points lost per department: {why}",
    ),
    "notes.report-written": (
        "{file}: {sections} mục, {charts} biểu đồ",
        "{file}: {sections} sections, {charts} charts",
    ),
    # the report (dti/views/report*.py): what a part of a table lists, and the names of its sheets
    "notes.report-first-units": (
        "{shown} đơn vị đầu bảng (hạng {rank}–{last_rank} trên {total})",
        "The first {shown} units (ranks {rank}–{last_rank} of {total})",
    ),
    "notes.report-units-around": (
        "{shown} đơn vị quanh {name} (hạng {rank}–{last_rank} trên {total})",
        "The {shown} units around {name} (ranks {rank}–{last_rank} of {total})",
    ),
    "notes.report-ranking-around": (
        "{shown}/{total} đơn vị: {top} đơn vị đầu bảng và các đơn vị quanh {name}; bảng đầy đủ ở trang "
        "'{sheet}' của bản Excel",
        "{shown} of {total} units: the first {top} and those around {name}; the full table is on the "
        "'{sheet}' sheet of the workbook",
    ),
    "notes.report-ranking-first": (
        "{shown} đơn vị đầu bảng trên {total}; bảng đầy đủ ở trang '{sheet}' của bản Excel",
        "The first {shown} of {total} units; the full table is on the '{sheet}' sheet of the workbook",
    ),
    "notes.report-first-issues": (
        "{shown} vấn đề đầu tiên trên {total}: dti validate {file} --format csv liệt kê tất cả",
        "The first {shown} of {total} issues: dti validate {file} --format csv lists them all",
    ),
    "notes.report-sheet-components": ("Thành phần mất nhiều điểm nhất", "Components losing most"),
    "notes.report-sheet-gains": ("Tăng nhiều bậc nhất", "Largest gains"),
    "notes.report-sheet-falls": ("Giảm nhiều bậc nhất", "Largest falls"),
    "notes.report-provisional": (
        "Điểm và cách tính các chỉ số thành phần là tạm thời (chưa đối chiếu với quyết định): "
        "giá trị tính từ thành phần chỉ đúng đến mức đó.",
        "The components' points and rules are provisional (not checked against the decision): "
        "values computed from components are only as right as they are.",
    ),
    "notes.report-sheet-targets-by-group": ("Chỉ tiêu theo nhóm", "Targets by group"),
    "notes.report-quality-counts": (
        "{errors} lỗi, {warnings} cảnh báo trong dữ liệu năm {year}.",
        "{errors} errors and {warnings} warnings in the {year} data.",
    ),
    "notes.report-owners-title": ("Điểm bị mất theo đơn vị chủ trì", "Points lost by department"),
    # a day the library cannot read (dti.briefing.calendar.as_day)
    "notes.not-a-day": (
        "{name}: '{text}' không phải là ngày: viết 25/11/2026 hoặc 2026-11-25",
        "{name}: '{text}' is not a date: write 25/11/2026 or 2026-11-25",
    ),
    "notes.not-a-day-type": (
        "{name}: cần một datetime.date hoặc chữ của nó (25/11/2026, 2026-11-25), không phải {kind} '{text}'",
        "{name}: a datetime.date or its text (25/11/2026, 2026-11-25), not {kind} '{text}'",
    ),
    # build_report's errors (dti.briefing.build): a side file, or a year, that cannot be used
    "notes.side-file-missing": ("{file}: không có tệp này", "{file}: no such file"),
    "notes.side-file-unreadable": ("{file}: {why}", "{file}: {why}"),
    "notes.side-file-invalid": ("{file}: {errors} lỗi", "{file}: {errors} error(s)"),
    "notes.year-not-scored": (
        "{file}: chưa tính điểm (dữ liệu có lỗi hoặc không đọc được)",
        "{file}: nothing was scored (the data hold errors or cannot be read)",
    ),
    "notes.not-scored-unreadable": (
        "{file} không đọc được: chưa tính điểm (`dti validate {file}` liệt kê mọi vấn đề)",
        "{file} cannot be read: nothing was scored (`dti validate {file}` lists every issue)",
    ),
    "notes.not-scored-invalid": (
        "{file} có dữ liệu không hợp lệ: chưa tính điểm (`dti validate {file}` liệt kê mọi vấn đề)",
        "{file} holds invalid data: nothing was scored (`dti validate {file}` lists every issue)",
    ),
    "notes.report-results-table": (
        "{file} là bảng kết quả đã công bố (giá trị {codes}), không có điểm của các chỉ số thành phần: "
        "báo cáo chỉ nêu giá trị và thứ hạng, không nêu điểm bị mất và các chỉ số thành phần.",
        "{file} is a table of published results (values of {codes}) without the components' points: the "
        "report states values and ranks only, not points lost or the components.",
    ),
    "notes.report-results-table-robust": (
        "{file} là bảng kết quả đã công bố (giá trị {codes}), không có điểm của các chỉ số thành phần và "
        "các chỉ số chính: báo cáo chỉ nêu giá trị và thứ hạng, không nêu điểm bị mất, các chỉ số thành "
        "phần và độ vững của thứ hạng.",
        "{file} is a table of published results (values of {codes}) without the points of the components "
        "and main indices: the report states values and ranks only, not points lost, the components or "
        "how sure the ranks are.",
    ),
    "notes.report-few-units": (
        "{file} chỉ có số liệu của {count} đơn vị: năm {year} không có thứ hạng, trung bình và độ vững của "
        "thứ hạng.",
        "{file} holds the data of {count} unit(s): no rank, mean or rank robustness for {year}.",
    ),
    "notes.report-headline-unranked": (
        "Năm {year}, {name} đạt {total} {value}; bảng năm {year} không xếp hạng {name}",
        "In {year}, {name} scored {total} {value}; the {year} table does not rank {name}",
    ),
    "notes.report-headline-unknown": (
        "Năm {year}, {total} của {name} chưa xác định: bảng không có giá trị {missing}, nên {total} không "
        "được tính (không tính bằng 0 điểm){published}",
        "In {year}, the {total} of {name} is unknown: the table gives no value of {missing}, so the {total} "
        "is not computed (not scored as 0){published}",
    ),
    "notes.report-rank-published": (
        "; hạng đã công bố: {rank}/{ranked}",
        "; published rank: {rank} of {ranked}",
    ),
    "notes.report-weakest-unranked": (
        "Chỉ số chính thấp nhất: {code} {name} ({value}).",
        "Weakest main index: {code} {name} ({value}).",
    ),
    "notes.report-national-mean": ("Trung bình cả nước ({count} đơn vị)", "National mean ({count} units)"),
    "notes.report-table-mean": ("Trung bình {count} đơn vị trong bảng", "Mean of the table's {count} units"),
    "notes.report-published-mean": (
        "Trung bình cả nước (công bố trong bảng)",
        "National mean (as the table publishes it)",
    ),
    "notes.report-regional-part": (
        "Trung bình {count}/{of} đơn vị của vùng {region}",
        "Mean of {count} of the {of} units of {region}",
    ),
    "notes.report-regional-mean": (
        "Trung bình vùng {region} ({count} đơn vị)",
        "Mean of {region} ({count} units)",
    ),
    "notes.report-ranked-of": (
        "hạng {code} trên số đơn vị bảng mỗi năm xếp hạng: {counts}",
        "{code} ranks are out of the units each year's table ranks: {counts}",
    ),
    "notes.unit-not-in-year": (
        "{unit} {name} không có trong {file} (năm {year}): không so sánh được với năm đó",
        "{unit} {name} is not in {file} ({year}): no comparison with that year",
    ),
    "notes.merge-partial": (
        "năm {year}: dữ liệu chỉ có một phần các tỉnh cũ của {count} tỉnh mới, giá trị của tỉnh mới là trung "
        "bình của các tỉnh cũ có số liệu (không tính % thay đổi với năm có các tỉnh cũ khác): {provinces}",
        "{year}: the data hold only some of the old provinces of {count} new province(s), whose value is the "
        "mean of the old provinces given (no % change from a year holding other old provinces): {provinces}",
    ),
}
