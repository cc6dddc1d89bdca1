"""Words of the tracking catalogue: key -> (Vietnamese, English).

Owners files, received logs, calendar rules, target and task lists (dti/tracking): their issues, the
statuses and summaries the views print, and the periods. The English text of an issue is its `message`
in json and csv output: change it only on purpose.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- shared --------------------------------------------------------------------------------------
    "tracking.guess": (" (có phải {name}?)", " (did you mean {name}?)"),
    "tracking.no-guess": (" (không có tên nào gần giống)", " (no name is close)"),
    "tracking.line-out": ("; dòng này bị bỏ qua", "; the line is left out"),
    # --- owners file -----------------------------------------------------------------------------------
    "tracking.owners.none": ("tệp không có dòng phân công nào", "no owner rows in the file"),
    "tracking.owners.unknown-node": (
        "'{text}' không phải chỉ số của {spec}{guess}: hãy ghi mã, số thứ tự (3.1) hoặc tên chỉ số "
        "(`dti spec show {spec}`); dòng này bị bỏ qua",
        "'{text}' is not a node of {spec}{guess}: write its code, its number (3.1) or its name "
        "(`dti spec show {spec}`); the row is ignored",
    ),
    "tracking.owners.no-lead-column": (
        "không có cột đơn vị chủ trì (tiêu đề: {header}): tệp phân công cần một cột chỉ số (Mã chỉ số, "
        "Chỉ số hoặc STT) và một cột đơn vị chủ trì (Đơn vị chủ trì)",
        "no lead unit column (header: {header}): an owners file has a column naming the index "
        "(Mã chỉ số, Chỉ số or STT) and one naming its lead unit (Đơn vị chủ trì)",
    ),
    "tracking.owners.no-index-column": (
        "không có cột chỉ số (tiêu đề: {header}): tệp phân công cần một cột chỉ số (Mã chỉ số, Chỉ số "
        "hoặc STT) và một cột đơn vị chủ trì (Đơn vị chủ trì)",
        "no index column (header: {header}): an owners file has a column naming the index "
        "(Mã chỉ số, Chỉ số or STT) and one naming its lead unit (Đơn vị chủ trì)",
    ),
    "tracking.owners.no-lead-here": (
        "{node} chưa có đơn vị chủ trì ở dòng này: hãy điền ô Đơn vị chủ trì",
        "{node} has no lead unit in this row: fill in the Đơn vị chủ trì cell",
    ),
    "tracking.owners.no-lead": ("{node} chưa có đơn vị chủ trì", "{node} has no lead unit"),
    "tracking.owners.several-leads": (
        "{node} ghi {count} đơn vị chủ trì ({leads}): '{first}' chủ trì, các đơn vị còn lại được tính là "
        "đơn vị phối hợp (hãy ghi một đơn vị chủ trì và đưa các đơn vị khác vào cột Đơn vị phối hợp)",
        "{node} names {count} lead units ({leads}): '{first}' leads, the others are taken as co-units "
        "(name one lead unit and put the others under Đơn vị phối hợp)",
    ),
    "tracking.owners.bad-yaml": (
        "cần một ánh xạ `MÃ: đơn vị chủ trì` (hoặc `MÃ: lead: …, co: […]`), hoặc một danh sách các mục "
        "`node: MÃ, lead: …, co: […]`",
        "expected a mapping `CODE: lead unit` (or `CODE: lead: ..., co: [...]`), or a list of "
        "`node: CODE, lead: ..., co: [...]` items",
    ),
    "tracking.owners.two-leads": (
        "{node} có hai đơn vị chủ trì: '{first}' (dòng {first_row}) và '{second}' (dòng {second_row}): giữ "
        "đơn vị thứ nhất; mỗi chỉ số chỉ một đơn vị chủ trì",
        "{node} has two lead units: '{first}' (row {first_row}) and '{second}' (row {second_row}): the "
        "first is kept; give each index one lead unit",
    ),
    "tracking.owners.two-leads-through": (
        "{node} có hai đơn vị chủ trì qua {through}: giữ '{kept}'; hãy thêm một dòng cho {node} để ghi rõ "
        "đơn vị chủ trì",
        "{node} has two lead units through {through}: '{kept}' is kept; add a row for {node} to say who "
        "leads it",
    ),
    "tracking.owners.unowned": (
        "{count} chỉ số thành phần chưa có đơn vị chủ trì: {codes} (hãy thêm dòng cho các chỉ số này hoặc "
        "cho chỉ số chính của chúng)",
        "{count:|component has|components have} no lead unit: {codes} (add a row for them or for their "
        "main index)",
    ),
    # --- received log ----------------------------------------------------------------------------------
    "tracking.received.unknown-owner": (
        "'{owner}' không phải đơn vị trong tệp phân công{guess}{out}",
        "'{owner}' is not an owner of the owners file{guess}{out}",
    ),
    "tracking.received.no-owner": (
        "chưa ghi đơn vị gửi (ô trống){out}",
        "no owner (the cell is empty){out}",
    ),
    "tracking.received.no-date": (
        "chưa ghi ngày gửi (ô trống): hãy ghi 24/09/2026{out}",
        "no date (the cell is empty): write 24/09/2026{out}",
    ),
    "tracking.received.merged": (
        "'{text}' (dòng {rows}) và '{owner}' là một đơn vị sau hợp nhất năm 2025: số liệu được tính cho "
        "'{owner}'",
        "'{text}' (row {rows}) and '{owner}' are one body since the 2025 merger: its lines are counted for "
        "'{owner}'",
    ),
    "tracking.received.co-unit": (
        "'{text}' (dòng {rows}) là đơn vị phối hợp: số liệu được tính cho {codes} của '{owner}'",
        "'{text}' (row {rows}) is a co-unit: its lines are counted for {codes} of '{owner}'",
    ),
    "tracking.received.no-period": (
        "chưa ghi kỳ báo cáo: hãy ghi Quý III/2026, Năm 2026 hoặc Tháng 6/2026{out}",
        "no period: write Quý III/2026, Năm 2026 or Tháng 6/2026{out}",
    ),
    "tracking.received.not-a-date": (
        "'{text}' không phải ngày: hãy ghi 24/09/2026{out}",
        "'{text}' is not a date: write 24/09/2026{out}",
    ),
    "tracking.received.unknown-component": (
        "'{part}' không phải chỉ số hay chỉ số thành phần của {spec}{out}",
        "'{part}' is not an index or component of {spec}{out}",
    ),
    "tracking.received.what": (
        "sổ tiếp nhận cần cột đơn vị (Đơn vị), kỳ báo cáo (Kỳ báo cáo) và ngày gửi (Ngày gửi)",
        "a received log has an owner (Đơn vị), a period (Kỳ báo cáo) and a date (Ngày gửi) column",
    ),
    "tracking.received.nothing": ("chưa nhận được số liệu nào", "nothing received yet"),
    # --- calendar --------------------------------------------------------------------------------------
    "tracking.calendar.not-a-period": (
        "'{text}' không phải kỳ báo cáo: hãy ghi Quý III/{year}, Q3/{year}, Tháng 6/{year} hoặc Năm "
        "{year}{requests}; dòng này bị bỏ qua",
        "'{text}' is not a period: write Quý III/{year}, Q3/{year}, Tháng 6/{year} or Năm {year}"
        "{requests}; the line is left out",
    ),
    "tracking.calendar.requests": (
        " hoặc tên một yêu cầu đột xuất như quy định ghi ({names})",
        " or a one-off request as the rules name it ({names})",
    ),
    "tracking.calendar.other-year": (
        "'{text}' là kỳ của năm {period_year}, không thuộc lịch năm {year}: dòng này bị bỏ qua "
        "(--year {period_year} để lập lịch năm đó)",
        "'{text}' is a period of {period_year}, not of the {year} calendar: the line is ignored "
        "(--year {period_year} schedules that year)",
    ),
    "tracking.calendar.not-asked": (
        "quy định không đặt hạn nào cho {owner} vào {period}: dòng này bị bỏ qua (hãy ghi kỳ mà quy "
        "định yêu cầu, ví dụ Quý III/2026, hoặc dùng --rules)",
        "the rules set {owner} no deadline for {period}: the line is ignored (write a period the rules "
        "ask for, e.g. Quý III/2026, or give --rules)",
    ),
    "tracking.calendar.unreadable-rules": (
        "{file}: không đọc được quy định lịch báo cáo: {why}",
        "{file}: cannot read the calendar rules: {why}",
    ),
    "tracking.calendar.invalid-rules": (
        "{file}: quy định lịch báo cáo không hợp lệ: {problems:;}",
        "{file}: invalid calendar rules: {problems:;}",
    ),
    "tracking.calendar.once-needs-date": (
        "quy định 'once' cần date (ngày hạn, vd. 2026-07-15) và title (tên của yêu cầu)",
        "a 'once' rule needs a date (2026-07-15) and a title (the request's name)",
    ),
    "tracking.calendar.day-zero": (
        "không có ngày 0: 1-31, hoặc -1 cho ngày cuối tháng",
        "day 0 does not exist: 1-31, or -1 for the month's last day",
    ),
    "tracking.calendar.periods-range": (
        "các kỳ (periods) của quy định '{every}' là 1-{top}",
        "periods of a '{every}' rule are 1-{top}",
    ),
    # --- periods ---------------------------------------------------------------------------------------
    "tracking.period.quarter": ("quý {number}/{year}", "Q{number} {year}"),
    "tracking.period.month": ("tháng {month}/{year}", "{month} {year}"),
    "tracking.quarter.1": ("I", "1"),
    "tracking.quarter.2": ("II", "2"),
    "tracking.quarter.3": ("III", "3"),
    "tracking.quarter.4": ("IV", "4"),
    "tracking.month.1": ("1", "January"),
    "tracking.month.2": ("2", "February"),
    "tracking.month.3": ("3", "March"),
    "tracking.month.4": ("4", "April"),
    "tracking.month.5": ("5", "May"),
    "tracking.month.6": ("6", "June"),
    "tracking.month.7": ("7", "July"),
    "tracking.month.8": ("8", "August"),
    "tracking.month.9": ("9", "September"),
    "tracking.month.10": ("10", "October"),
    "tracking.month.11": ("11", "November"),
    "tracking.month.12": ("12", "December"),
    "tracking.period.first-half": ("6 tháng đầu năm {year}", "H1 {year}"),
    "tracking.period.second-half": ("6 tháng cuối năm {year}", "H2 {year}"),
    "tracking.period.year": ("năm {year}", "{year}"),
    # --- targets ---------------------------------------------------------------------------------------
    "tracking.amount": ("{value}", "{value}"),
    "tracking.unknown-unit": (
        "'{text}' không có trong danh mục cơ quan, đơn vị{guess}: được tính riêng như đã ghi",
        "'{text}' is not in the register of departments{guess}: it is counted on its own as written",
    ),
    "tracking.report-unit-not-in-year": (
        "'{unit}' không có trong {file} (năm {year}, năm của báo cáo) mà chỉ có trong {found_file} (năm "
        "{found}): báo cáo nói về năm {year}; hãy cho tệp năm {year} có đơn vị này, hoặc lấy {found_file} "
        "làm tệp chính",
        "'{unit}' is not in {file} ({year}, the report year), only in {found_file} ({found}): the report is "
        "about {year}; give a {year} file that holds it, or make {found_file} the main file",
    ),
    "tracking.unit-taken": (
        "'{text}' được hiểu là '{name}' (tên gần đúng): hãy sửa lại cho đúng tên",
        "'{text}' is taken as '{name}' (a near spelling): correct the name",
    ),
    # --- tasks -----------------------------------------------------------------------------------------
    "tracking.tasks.summary": (
        "{not_started}/{n} nhiệm vụ chưa được triển khai; {in_progress}/{n} đang triển khai; {done}/{n} "
        "đã hoàn thành{overdue}{unknown}",
        "{not_started}/{n} tasks not started; {in_progress}/{n} in progress; {done}/{n} done"
        "{overdue}{unknown}",
    ),
    "tracking.tasks.summary-overdue": ("; {count} nhiệm vụ quá hạn", "; {count} overdue"),
    "tracking.tasks.summary-unknown": ("; {count}/{n} chưa rõ trạng thái", "; {count}/{n} without a status"),
    "tracking.tasks.none": ("tệp không có nhiệm vụ nào", "no tasks in the file"),
    "tracking.tasks.twice": (
        "dòng {rows} (dòng = dòng đầu tiên) ghi lại một nhiệm vụ đã có: chỉ tính một lần",
        "rows {rows} (row = its first row) repeat a task above: counted once",
    ),
    "tracking.tasks.unknown-status": (
        "trạng thái '{text}' không rõ: hãy ghi chưa triển khai, đang triển khai hoặc hoàn thành (hoàn "
        "thành quá hạn, chậm tiến độ)",
        "status '{text}' is unknown: write chưa triển khai, đang triển khai or hoàn thành (hoàn thành "
        "quá hạn, chậm tiến độ)",
    ),
    "tracking.tasks.no-status": (
        "chưa có trạng thái: hãy ghi chưa triển khai, đang triển khai hoặc hoàn thành",
        "no status: write chưa triển khai, đang triển khai or hoàn thành",
    ),
    "tracking.tasks.not-a-deadline": (
        "thời hạn '{text}' không phải ngày: hãy ghi 30/06/2026, Quý III/2026, Tháng 6/2026, Năm 2026 "
        "hoặc Thường xuyên",
        "deadline '{text}' is not a date: write 30/06/2026, Quý III/2026, Tháng 6/2026, Năm 2026 or "
        "Thường xuyên",
    ),
    "tracking.tasks.what": (
        "không phải danh sách nhiệm vụ: danh sách nhiệm vụ có cột nhiệm vụ (Nhiệm vụ, Nội dung…) và cột "
        "đơn vị chủ trì, thời hạn hoặc trạng thái (Đơn vị chủ trì, Thời hạn, Trạng thái…)",
        "not a task list: a task list has a task column (Nhiệm vụ, Nội dung…) and a lead unit, deadline "
        "or status column (Đơn vị chủ trì, Thời hạn, Trạng thái…)",
    ),
    # --- the views of the calendar, targets and tasks --------------------------------------------------
    "tracking.calendar.on_time": ("đúng hạn", "on time"),
    "tracking.calendar.late": ("gửi chậm", "late"),
    "tracking.calendar.overdue": ("quá hạn", "overdue"),
    "tracking.calendar.due_soon": ("sắp đến hạn", "due soon"),
    "tracking.calendar.upcoming": ("chưa đến hạn", "upcoming"),
    "tracking.calendar.owner": ("đơn vị", "owner"),
    "tracking.calendar.period": ("kỳ", "period"),
    "tracking.calendar.due": ("hạn", "due"),
    "tracking.calendar.status": ("trạng thái", "status"),
    "tracking.calendar.received": ("ngày gửi", "received"),
    "tracking.calendar.days": ("số ngày", "days"),
    "tracking.calendar.missing": ("còn thiếu", "missing"),
    "tracking.calendar.no-deadline": ("Không có hạn báo cáo nào trong năm", "No deadline in the year"),
    "tracking.calendar.first": (
        "Hạn đầu tiên: số liệu {period}, ngày {day} ({count} đơn vị)",
        "First deadline: {period} figures, {day} ({count:|owner|owners})",
    ),
    "tracking.calendar.summary": (
        "{missing}/{n} đơn vị chưa gửi số liệu {period}; {late} đơn vị gửi chậm",
        "{missing}/{n} owners have not sent their {period} figures; {late} sent late",
    ),
    "tracking.calendar.totals": ("Năm {year}: {counts}", "Year {year}: {counts}"),
    "tracking.calendar.all": ("tất cả ({count})", "all ({count})"),
    "tracking.calendar.no-evidence": (", thiếu tài liệu kiểm chứng", ", no evidence"),
    "tracking.calendar.as-of": ("Tính đến ngày {day}", "As of {day}"),
    "tracking.calendar.sheet": ("Lịch báo cáo", "Calendar"),
    "tracking.calendar.title": ("Lịch báo cáo", "Reporting calendar"),
    "tracking.calendar.soon": ("Gửi chậm, quá hạn, sắp đến hạn", "Late, overdue, due soon"),
    "tracking.calendar.year": ("Lịch báo cáo cả năm", "The year's deadlines"),
    "tracking.tasks.not_started": ("chưa triển khai", "not started"),
    "tracking.tasks.in_progress": ("đang triển khai", "in progress"),
    "tracking.tasks.done": ("hoàn thành", "done"),
    "tracking.tasks.unknown": ("chưa rõ", "unknown"),
    "tracking.tasks.late-done": (" quá hạn", ", late"),
    "tracking.tasks.late": (", chậm tiến độ", ", late"),
    "tracking.tasks.days-overdue": (", quá hạn {days} ngày", ", {days:|day|days} overdue"),
    "tracking.tasks.id": ("STT", "id"),
    "tracking.tasks.group": ("nhóm", "group"),
    "tracking.tasks.name": ("nhiệm vụ", "task"),
    "tracking.tasks.responsible": ("đơn vị chủ trì", "responsible"),
    "tracking.tasks.deadline": ("thời hạn", "deadline"),
    "tracking.tasks.status": ("trạng thái", "status"),
    "tracking.tasks.total": ("tổng", "total"),
    "tracking.tasks.overdue": ("quá hạn", "overdue"),
    "tracking.tasks.sheet": ("Nhiệm vụ", "Tasks"),
    "tracking.tasks.by-sheet": ("Theo đơn vị chủ trì", "By responsible"),
    "tracking.tasks.list": ("Danh sách nhiệm vụ", "Tasks"),
    "tracking.tasks.by": ("Theo đơn vị chủ trì", "By responsible unit"),
    "tracking.tasks.by-unit-sheet": ("Nhiệm vụ theo đơn vị", "Tasks by unit"),
    "tracking.tasks.as-of": ("đến {day}", "at {day}"),
    # --- periods and benchmarks of a target list (dti/io/periods.py, dti/tracking/target_periods.py) ----
    "tracking.period.of-year": (" năm {year}", " of {year}"),
    "tracking.period.months": ("{months} tháng{year}", "{months} months{year}"),
    "tracking.period.whole": ("cả năm", "the whole year"),
    "tracking.period.whole-of": ("cả năm {year}", "the whole of {year}"),
    "tracking.period.only": ("kỳ{year}", "the period{year}"),
    "tracking.points": ("{x} điểm %", "{x} pp"),
}
