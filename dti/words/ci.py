"""Words of the reports CI systems read (`dti validate --format junit|sarif|markdown`, `--changed`) and of
the job summary. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the Markdown summary (job summaries, merge-request comments)
    "ci.title": ("Kiểm tra tệp số liệu DTI", "DTI submission check"),
    "ci.verdict-valid": (
        "hợp lệ: {files} tệp, {errors} lỗi, {warnings} cảnh báo",
        "valid: {files:|file|files}, {errors:|error|errors}, {warnings:|warning|warnings}",
    ),
    "ci.strict-warnings": (
        "Chạy với --strict: {warnings} cảnh báo được tính là lỗi và phải sửa.",
        "Run with --strict: {warnings:|warning counts|warnings count} as failures and must be fixed.",
    ),
    "ci.verdict-invalid": (
        "không hợp lệ: {files} tệp, {errors} lỗi, {warnings} cảnh báo",
        "invalid: {files:|file|files}, {errors:|error|errors}, {warnings:|warning|warnings}",
    ),
    "ci.file": ("Tệp", "File"),
    "ci.errors": ("Lỗi", "Errors"),
    "ci.warnings": ("Cảnh báo", "Warnings"),
    "ci.total": ("Tổng cộng", "Total"),
    "ci.row": ("Dòng", "Row"),
    "ci.cell": ("Ô", "Cell"),
    "ci.code": ("Mã lỗi", "Code"),
    "ci.message": ("Nội dung", "Message"),
    "ci.errors-heading": ("Lỗi cần sửa", "Errors to fix"),
    "ci.no-errors": ("Không có lỗi nào.", "No errors."),
    "ci.more-errors": (
        "… và {count} lỗi khác: xem báo cáo đầy đủ (dti validate --format junit, sarif hoặc json).",
        "… and {count:|more error|more errors}: see the full report (dti validate --format junit, sarif "
        "or json).",
    ),
    "ci.no-file": ("(toàn bộ số liệu nộp)", "(the whole submission)"),
    # junit: where an issue is, in a failure's message and the warnings' system-out
    "ci.at-cell": ("dòng {row}, ô {cell}", "row {row}, cell {cell}"),
    "ci.at-row": ("dòng {row}", "row {row}"),
    "ci.warning-line": ("cảnh báo", "warning"),
    # --changed
    "ci.changed-ref": (
        "--changed nhận nhiều nhất một REF (nhánh, thẻ hoặc commit để so sánh, ví dụ origin/main), không "
        "nhận tên tệp: {given}",
        "--changed takes at most one REF (the branch, tag or commit to compare with, e.g. origin/main), "
        "not file names: {given}",
    ),
    "ci.missing-files": (
        "thiếu tệp cần kiểm tra: hãy nêu tệp hoặc thư mục (FILE...), hoặc dùng --changed [REF] để kiểm tra "
        "các tệp đã thay đổi trong kho git",
        "no file to check: name files or folders (FILE...), or use --changed [REF] to check the files a git "
        "change touched",
    ),
    "ci.no-git": (
        "--changed cần lệnh git, nhưng không tìm thấy git trên máy này: hãy cài git, hoặc nêu tên các tệp "
        "cần kiểm tra",
        "--changed needs git, which is not installed here: install git, or name the files to check",
    ),
    "ci.not-a-repository": (
        "--changed chỉ dùng được trong một kho git, nhưng {folder} không thuộc kho nào: hãy chạy lệnh trong "
        "thư mục của kho, hoặc nêu tên các tệp cần kiểm tra",
        "--changed works in a git repository, and {folder} is in none: run it inside the repository, or "
        "name the files to check",
    ),
    "ci.per-year": (
        "Các tệp thuộc nhiều năm: kiểm tra riêng từng năm, mỗi năm một bộ số liệu với bộ chỉ số của năm đó "
        "({groups})",
        "The files are of several years: each year is checked on its own, as one submission with that "
        "year's spec ({groups})",
    ),
    "ci.year-group": ("năm {year}: {count} tệp", "{year}: {count:|file|files}"),
    "ci.unknown-ref": (
        "--changed {ref}: kho git này không có nhánh, thẻ hay commit nào tên '{ref}'. Hãy kiểm tra lại tên "
        "(ví dụ --changed origin/main), hoặc tải nhánh về trước bằng git fetch (trên CI: git fetch origin "
        "main, hoặc actions/checkout với fetch-depth: 0)",
        "--changed {ref}: this git repository has no branch, tag or commit named '{ref}'. Check the name "
        "(e.g. --changed origin/main), or fetch it first with git fetch (on CI: git fetch origin main, or "
        "actions/checkout with fetch-depth: 0)",
    ),
    "ci.git-failed": (
        "git không so sánh được với '{ref}': {reason}; hãy nêu một nhánh, thẻ hoặc commit có trong kho (ví "
        "dụ origin/main; trên CI có thể cần git fetch trước)",
        "git could not compare with '{ref}': {reason}; name a branch, tag or commit the repository has "
        "(e.g. origin/main; on CI a git fetch may be needed first)",
    ),
    "ci.git-timeout": (
        "git không trả lời sau {seconds} giây: hãy thử lại, hoặc nêu tên các tệp cần kiểm tra",
        "git did not answer within {seconds} seconds: try again, or name the files to check",
    ),
    "ci.changed-none": (
        "Không có tệp số liệu nào (.csv .xlsx .xlsm .xls .ods .docx) thay đổi so với {ref}: không có gì để "
        "kiểm tra",
        "No submission file (.csv .xlsx .xlsm .xls .ods .docx) changed since {ref}: nothing to check",
    ),
    "ci.changed-files": (
        "Kiểm tra {count} tệp đã thay đổi so với {ref}: {files}",
        "Checking {count:|file|files} changed since {ref}: {files}",
    ),
    "ci.working-tree": ("commit hiện tại (HEAD)", "the current commit (HEAD)"),
    # SARIF: one rule per issue code, its help text
    "ci.rule.unreadable-file": (
        "Tệp không đọc được (hỏng, sai định dạng, có mật khẩu): hãy mở tệp gốc và lưu lại dưới dạng .xlsx "
        "hoặc .csv (UTF-8).",
        "The file cannot be read (damaged, of another format, password-protected): open the original and "
        "save it again as .xlsx or .csv (UTF-8).",
    ),
    "ci.rule.unsupported-format": (
        "Định dạng tệp không được hỗ trợ: hãy lưu lại dưới dạng .csv (UTF-8) hoặc .xlsx.",
        "A file format dti does not read: save it as .csv (UTF-8) or .xlsx.",
    ),
    "ci.rule.encoding-fallback": (
        "Tệp CSV không phải UTF-8 và đã được đọc theo bảng mã khác: hãy kiểm tra chữ tiếng Việt, hoặc lưu "
        "lại dưới dạng 'CSV UTF-8'.",
        "The CSV file is not UTF-8 and was read in another encoding: check the Vietnamese text, or save it "
        "as 'CSV UTF-8'.",
    ),
    "ci.rule.missing-column": (
        "Thiếu một cột bắt buộc (mã đơn vị, chỉ số, giá trị): hãy thêm cột hoặc đổi tên tiêu đề.",
        "A required column (unit, indicator, value) is missing: add it or rename its header.",
    ),
    "ci.rule.duplicate-header": (
        "Hai cột cùng một tiêu đề: hãy đổi tên hoặc xóa một cột.",
        "Two columns have the same header: rename or delete one.",
    ),
    "ci.rule.blank-row": ("Dòng trống giữa bảng: bị bỏ qua.", "A blank row inside the table: skipped."),
    "ci.rule.ragged-row": (
        "Số ô của dòng khác dòng tiêu đề: thừa dấu phân cách, hoặc giá trị chứa dấu phân cách cần đặt trong "
        "ngoặc kép.",
        "A row has another number of cells than the header: a separator is extra, or a value holding one "
        "needs quotes.",
    ),
    "ci.rule.unknown-indicator": (
        "Mã hoặc tên chỉ số không có trong bộ chỉ số: hãy ghi đúng mã (xem dti spec show).",
        "An indicator code or name the spec does not have: write its code (see dti spec show).",
    ),
    "ci.rule.unknown-unit": (
        "Đơn vị không có trong danh mục đơn vị: hãy dùng mã hoặc tên đúng của đơn vị.",
        "A unit the unit register does not have: use its code or its name.",
    ),
    "ci.rule.unknown-stage": (
        "Giai đoạn không rõ: hãy dùng 'self' (tự đánh giá) hoặc 'verified' (thẩm định).",
        "An unknown stage: use 'self' (self-assessed) or 'verified'.",
    ),
    "ci.rule.duplicate-entry": (
        "Một đơn vị có cùng một chỉ số hai lần: hãy giữ một dòng.",
        "A unit has the same indicator twice: keep one row.",
    ),
    "ci.rule.non-numeric": (
        "Ô cần một số nhưng không phải số: hãy viết ví dụ 86,32% hoặc 2439.",
        "A cell that needs a number holds none: write e.g. 86,32% or 2439.",
    ),
    "ci.rule.invalid-option": (
        "Giá trị không phải một lựa chọn của chỉ số: hãy dùng một trong các lựa chọn của bộ chỉ số.",
        "A value that is not one of the indicator's options: use one of the spec's options.",
    ),
    "ci.rule.ambiguous-number": (
        "Số có thể đọc theo hai cách (dấu phân cách hàng nghìn hay phần thập phân): hãy viết rõ.",
        "A number that reads two ways (thousands group or decimals): write it unambiguously.",
    ),
    "ci.rule.negative-value": ("Giá trị âm: giá trị không được nhỏ hơn 0.", "A negative value: not allowed."),
    "ci.rule.points-above-max": (
        "Số điểm vượt mức tối đa của chỉ số: hãy kiểm tra lại điểm.",
        "Points above the indicator's maximum: check the points.",
    ),
    "ci.rule.value-out-of-range": (
        "Giá trị ngoài khoảng cho phép của chỉ số (ví dụ điểm được ghi thay cho giá trị từ 0 đến 1).",
        "A value outside the indicator's range (e.g. points written where a value from 0 to 1 is due).",
    ),
    "ci.rule.value-above-100": (
        "Tỷ lệ vượt 100 %: giá trị được giữ nguyên, điểm được giới hạn ở mức tối đa.",
        "A share above 100 %: the value is kept, the points are capped at the maximum.",
    ),
    "ci.rule.missing-value": (
        "Thiếu giá trị: chỉ số được 0 điểm (báo là thiếu số liệu).",
        "A missing value: the indicator scores 0 (reported as missing data).",
    ),
    "ci.rule.node-with-descendants": (
        "Một chỉ số được ghi cùng với chỉ số cha của nó: chỉ ghi chỉ số đó hoặc các thành phần, không ghi cả "
        "hai.",
        "An indicator given together with its parent: give either the node or its parts, not both.",
    ),
    "ci.rule.leading-zero-lost": (
        "Bảng tính đã bỏ số 0 ở đầu mã đơn vị: hãy định dạng cột là văn bản.",
        "The spreadsheet dropped a unit code's leading zero: format the column as text.",
    ),
    "ci.rule.no-data": ("Tệp không có dòng số liệu nào.", "The file has no data rows."),
    "ci.rule.rank-mismatch": (
        "Thứ hạng ghi trong tệp khác thứ hạng tính từ điểm.",
        "A rank written in the file differs from the rank its scores give.",
    ),
    "ci.rule.status-disagrees": (
        "Kết luận ghi trong danh sách chỉ tiêu khác với chính các con số của nó.",
        "A target list's verdict disagrees with its own numbers.",
    ),
    "ci.rule.name-mismatch": (
        "Tên đơn vị khác với tên của mã đơn vị trong danh mục.",
        "A unit's name differs from the name of its code in the register.",
    ),
    "ci.rule.unnamed-column": (
        "Cột có số liệu nhưng không có tiêu đề: hãy đặt tiêu đề hoặc xóa cột.",
        "A column with data but no header: name it or delete it.",
    ),
    "ci.rule.read-as-fraction": (
        "Giá trị được đọc là phân số (0 đến 1) thay vì phần trăm: hãy ghi kèm dấu % để rõ ý.",
        "A value read as a fraction (0 to 1) rather than a percentage: add the % sign to be clear.",
    ),
    "ci.rule.mixed-scale": (
        "Giá trị viết theo thang khác với phần lớn giá trị của cùng chỉ số: hãy ghi kèm dấu %.",
        "A value on another scale than most values of the same indicator: add the % sign.",
    ),
    "ci.rule.invalid-counts": (
        "Tỷ số a/b không đọc được (b = 0, a > b, hoặc chỉ số không phải thành phần tỷ lệ).",
        "A count a/b that cannot be read (b = 0, a > b, or not a ratio component).",
    ),
    "ci.rule.percent-in-count": (
        "Ô cần một số đếm nhưng ghi phần trăm: hãy ghi số lượng.",
        "A cell that needs a count holds a percentage: write the count.",
    ),
    "ci.rule.fraction-in-count": (
        "Ô cần một số đếm nhưng ghi số thập phân: hãy ghi số nguyên.",
        "A cell that needs a count holds a fraction: write a whole number.",
    ),
    "ci.rule.unclear-answer": (
        "Câu trả lời có/không kèm điều kiện: được đọc là không; hãy ghi rõ có hoặc không.",
        "A yes/no answer with a qualification: read as no; write yes or no.",
    ),
}
