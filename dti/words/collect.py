"""Words of the collection workbook (`dti template`) and of reading returned templates back: sheet titles,
column headers, guidance, input messages. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # sheets (at most 31 characters, none of []:*?/\)
    "collect.sheet-cover": ("Hướng dẫn", "Instructions"),
    "collect.sheet-all": ("Số liệu", "Figures"),
    # the department sheets' title rows: the unit and the year, as the submission reader finds them
    "collect.title-figures": (
        "BÁO CÁO SỐ LIỆU CHỈ SỐ DTI NĂM {year} CỦA {unit}",
        "DTI FIGURES FOR {year} OF {unit}",
    ),
    "collect.title-department": ("Đơn vị báo cáo: {department}", "Reporting department: {department}"),
    "collect.title-sheet": (
        "Trang '{sheet}' gồm {count} chỉ số: {codes}",
        "Sheet '{sheet}' holds {count} components: {codes}",
    ),
    # read back: a returned sheet changed
    "collect.sheet-renamed": (
        "trang '{sheet}' đã bị đổi tên (mẫu gửi đi là '{was}'): số liệu vẫn được đọc; "
        "lần sau hãy giữ tên trang",
        "sheet '{sheet}' was renamed (the template sent was '{was}'): its figures are read; "
        "keep the name next time",
    ),
    # the owners file the workbook's sheets follow
    "collect.owner-slash": (
        "'{text}' được đọc là tên của một đơn vị ('{first}' của '{rest}'), không phải hai đơn vị; nếu là "
        "hai đơn vị, hãy ngăn cách bằng dấu chấm phẩy: '{first}; {rest}'",
        "'{text}' is read as one department's name ('{first}' of '{rest}'), not two; if it names two "
        "departments, separate them with a semicolon: '{first}; {rest}'",
    ),
    "collect.counts-win": (
        "Kết quả ghi {typed} nhưng Tử số/Mẫu số {a:,.0f}/{b:,.0f} cho {share:.2f} %: dti tính theo Tử số và "
        "Mẫu số; hãy sửa lại Kết quả hoặc số đếm cho khớp",
        "Kết quả says {typed} but the counts {a:,.0f}/{b:,.0f} give {share:.2f} %: dti uses the counts; "
        "correct the result or the counts so they agree",
    ),
    "collect.row-added": (
        "dòng {row} được thêm vào trang '{sheet}' với chỉ số {code}, không thuộc các chỉ số của trang: "
        "số liệu vẫn được đọc; nếu {code} do đơn vị khác báo cáo, hãy xóa dòng này",
        "row {row} was added to sheet '{sheet}' with component {code}, not one of the sheet's components: "
        "its figure is read; if another department reports {code}, delete this row",
    ),
    "collect.total-added": (
        "dòng {row} là dòng tổng cộng thêm vào mẫu: bỏ qua, không tính cho chỉ số nào",
        "row {row} is a total row added to the template: skipped, not counted for any component",
    ),
    "collect.rows-deleted": (
        "{count} dòng chỉ số của mẫu đã bị xóa ({codes}): hãy khôi phục từ mẫu và ghi số liệu",
        "{count} component rows of the template were deleted ({codes}): restore them from the template and "
        "fill them in",
    ),
    # the SARIF rule of a changed template sheet (every IssueCode has one, as in dti/words/ci.py)
    "ci.rule.template-changed": (
        "Trang của mẫu thu thập (dti template) bị đổi tên hoặc bị xóa dòng chỉ số: hãy khôi phục từ mẫu.",
        "A collection workbook (dti template) sheet renamed or a component row deleted: restore it from the "
        "template.",
    ),
    # columns (a header the submission reader knows: Mã chỉ số, Đơn vị tính, Kết quả, Ghi chú, Tử số, Mẫu số)
    "collect.col-number": ("STT", "No."),
    "collect.col-code": ("Mã chỉ số", "Indicator"),
    "collect.col-name": ("Tên chỉ số", "Indicator name"),
    "collect.col-measure": ("Đơn vị tính", "Measure"),
    "collect.col-rule": ("Cách tính điểm", "How it is scored"),
    "collect.col-previous": ("Năm trước", "Last year"),
    "collect.col-numerator": ("Tử số", "Numerator"),
    "collect.col-denominator": ("Mẫu số", "Denominator"),
    "collect.col-value": ("Kết quả", "Value"),
    "collect.col-note": ("Ghi chú / minh chứng", "Note / evidence"),
    # units of measure
    "collect.measure-percent": ("%", "%"),
    "collect.measure-yesno": ("Có/Không", "Yes/No"),
    "collect.measure-choice": ("Mức", "Level"),
    "collect.measure-count": ("Số lượng", "Number"),
    "collect.measure-points": ("Điểm", "Points"),
    "collect.yes": ("Có", "Có"),
    "collect.no": ("Không", "Không"),
    # the rule of each component in words
    "collect.rule-ratio": (
        "Tỷ lệ = Tử số / Mẫu số. Đạt {target:g}% được {max:g} điểm; thấp hơn tính theo tỷ lệ "
        "(điểm = {max:g} × tỷ lệ / {target:g}%).",
        "Share = numerator / denominator. {target:g}% earns {max:g} points; less earns in proportion "
        "(points = {max:g} × share / {target:g}%).",
    ),
    "collect.rule-yesno": (
        "Chọn Có hoặc Không. Có được {max:g} điểm, Không được 0 điểm.",
        "Choose Có (yes) or Không (no). Có earns {max:g} points, Không 0.",
    ),
    "collect.rule-choice": ("Chọn một mức: {options:;}.", "Choose one level: {options:;}."),
    "collect.rule-option": ("{option}: {points:g} điểm", "{option}: {points:g} points"),
    "collect.rule-thresholds": (
        "Ghi số lượng: {steps:;}; thấp hơn: 0 điểm.",
        "Write the number: {steps:;}; fewer: 0 points.",
    ),
    "collect.rule-step": ("từ {at:g} trở lên: {points:g} điểm", "{at:g} or more: {points:g} points"),
    "collect.rule-points": (
        "Ghi số điểm tự chấm, từ 0 đến {max:g}.",
        "Write the points earned, from 0 to {max:g}.",
    ),
    # input messages (Excel shows at most 32 characters of title and 255 of message)
    "collect.input-title": ("Cách ghi", "How to fill in"),
    "collect.input-count": ("Ghi số nguyên, không âm.", "A whole number, 0 or more."),
    "collect.input-percent": (
        "Ghi tỷ lệ từ 0% đến 100% (hoặc ghi Tử số và Mẫu số để tự tính).",
        "A share from 0% to 100% (or write the numerator and denominator to compute it).",
    ),
    "collect.error-title": ("Giá trị không hợp lệ", "Invalid value"),
    "collect.error-count": ("Chỉ ghi số nguyên từ 0 trở lên.", "Only a whole number, 0 or more."),
    "collect.error-percent": ("Chỉ ghi tỷ lệ từ 0% đến 100%.", "Only a share from 0% to 100%."),
    "collect.error-list": ("Chọn một giá trị trong danh sách.", "Choose a value from the list."),
    "collect.error-positive": ("Chỉ ghi số từ 0 trở lên.", "Only a number, 0 or more."),
    "collect.error-number": (
        "Chỉ ghi số từ {low:g} đến {high:g}.",
        "Only a number from {low:g} to {high:g}.",
    ),
    # the cover
    "collect.cover-title": ("PHIẾU THU THẬP SỐ LIỆU CHỈ SỐ DTI NĂM {year}", "DTI DATA COLLECTION {year}"),
    "collect.cover-unit": ("Số liệu của", "Figures of"),
    "collect.cover-year": ("Năm số liệu", "Data year"),
    "collect.cover-deadline": ("Hạn gửi", "Send by"),
    "collect.cover-recipient": ("Gửi về", "Send to"),
    "collect.cover-sent": ("Ngày gửi", "Date sent"),
    "collect.cover-sent-hint": (
        "(đơn vị ghi ngày gửi, dd/mm/yyyy)",
        "(the department writes the day it sends, dd/mm/yyyy)",
    ),
    "collect.cover-department": ("Đơn vị gửi", "Sent by"),
    "collect.cover-how": ("Cách điền", "How to fill in"),
    "collect.cover-how-text": (
        "Chỉ điền vào các ô nền vàng. Tỷ lệ: ghi Tử số và Mẫu số (Kết quả tự tính) hoặc ghi thẳng tỷ lệ "
        "vào Kết quả. Có/Không và các mức: chọn trong danh sách. Không xóa dòng, không đổi tên trang tính; "
        "ghi nguồn và tài liệu kiểm chứng vào cột Ghi chú / minh chứng.",
        "Fill in the yellow cells only. A share: write the numerator and denominator (the value computes "
        "itself) or the share itself in Value. Yes/no and levels: choose from the list. Do not delete rows "
        "or rename sheets; write sources and evidence in the Note / evidence column.",
    ),
    "collect.cover-sheets": ("Các trang tính", "Sheets"),
    "collect.cover-sheet": ("Trang tính", "Sheet"),
    "collect.cover-lead": ("Đơn vị chủ trì", "Lead department"),
    "collect.cover-count": ("Số chỉ số", "Components"),
    # the command
    "collect.output": (
        "-o '{path}': hãy cho một tệp .xlsx (một sổ tính, mỗi đơn vị một trang) hoặc một thư mục kết thúc "
        "bằng '/' (mỗi đơn vị một sổ tính)",
        "-o '{path}': give a .xlsx file (one workbook, a sheet per department) or a folder ending in '/' "
        "(a workbook per department)",
    ),
    "collect.unknown-unit": ("không có đơn vị '{text}'{hint}", "no unit '{text}'{hint}"),
    "collect.owners-errors": (
        "tệp phân công {file} có lỗi: hãy sửa rồi chạy lại",
        "the owners file {file} has errors: correct them and run again",
    ),
    "collect.previous-none": (
        "{file} không có số liệu của đơn vị {unit}: cột Năm trước để trống",
        "{file} has no figures of unit {unit}: the Last year column is left empty",
    ),
    "collect.written": ("đã ghi {file}", "wrote {file}"),
    # returned workbooks as the received log (`dti calendar --received FOLDER`)
    "collect.no-cover": (
        "không có trang Hướng dẫn (Năm số liệu, Ngày gửi) của mẫu thu thập: không tính là đã gửi",
        "no cover (Năm số liệu, Ngày gửi) of a collection workbook: not counted as sent",
    ),
    "collect.skipped": (
        "bỏ qua các tệp không phải sổ tính hay bảng: {files}",
        "skipped the files that are no workbook or table: {files}",
    ),
    "collect.sent-unreadable": (
        "ô Ngày gửi '{text}' không phải là ngày (hãy ghi dd/mm/yyyy): lấy ngày sửa tệp",
        "the Ngày gửi cell '{text}' is no date (write dd/mm/yyyy): the file's modification day is used",
    ),
    "collect.sent-after-today": (
        "ngày gửi {day} sau ngày tính ({today}): hãy kiểm tra ô Ngày gửi",
        "sent on {day}, after the day judged on ({today}): check the Ngày gửi cell",
    ),
    "collect.file-after-today": (
        "ô Ngày gửi để trống và ngày sửa tệp {day} sau ngày tính ({today}): hãy ghi ngày gửi vào ô Ngày gửi",
        "the Ngày gửi cell is empty and the file was modified on {day}, after the day judged on ({today}): "
        "write the day sent in the Ngày gửi cell",
    ),
    "collect.unknown-department": (
        "không biết đơn vị '{name}' trong tệp phân công: không tính là đã gửi",
        "'{name}' is no department of the owners file: not counted as sent",
    ),
    "collect.no-year": (
        "'{name}': trang Hướng dẫn không ghi năm số liệu: không tính là đã gửi",
        "'{name}': the cover names no data year: not counted as sent",
    ),
    "collect.sent-from-cover": (
        "{file}: ngày gửi {day} (ô Ngày gửi)",
        "{file}: sent on {day} (the Ngày gửi cell)",
    ),
    "collect.sent-from-file": (
        "{file}: ô Ngày gửi để trống, lấy ngày sửa tệp {day}",
        "{file}: the Ngày gửi cell is empty; sent on {day}, the file's modification day",
    ),
    "collect.no-deadline": ("(không có hạn trong lịch)", "(no deadline in the calendar)"),
}
