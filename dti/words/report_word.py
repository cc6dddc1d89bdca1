"""Words of the report as a Word draft and PDF (`dti report -o bao_cao.docx|.pdf`): the administrative
header block, section titles and the sentences that carry the figures. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the header block (Decree 30/2020/NĐ-CP): issuing body over the unit's name, the national motto
    "report_word.issuer": ("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "DIGITAL TRANSFORMATION STEERING COMMITTEE"),
    "report_word.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "report_word.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report_word.number": ("Số: {number}", "No.: {number}"),
    "report_word.date": (
        "{place}, ngày {day} tháng {month} năm {year}",
        "{place}, day {day} month {month} year {year}",
    ),
    "report_word.title": ("BÁO CÁO", "REPORT"),
    "report_word.subject-unit": (
        "Kết quả Chỉ số chuyển đổi số năm {year} của {name}",
        "The Digital Transformation Index {year} of {name}",
    ),
    "report_word.subject-all": (
        "Kết quả Chỉ số chuyển đổi số năm {year} của {count} đơn vị",
        "The Digital Transformation Index {year} of {count} units",
    ),
    "report_word.intro": (
        "Căn cứ số liệu Chỉ số chuyển đổi số năm {year} ({spec}), báo cáo kết quả cụ thể như sau:",
        "From the Digital Transformation Index data of {year} ({spec}), the results are as follows:",
    ),
    # the sections, in the report's order
    "report_word.section.result": ("KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ", "THE DIGITAL TRANSFORMATION INDEX"),
    "report_word.section.targets": ("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU", "TARGETS"),
    "report_word.section.tasks": ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "TASKS"),
    "report_word.section.owners": (
        "ĐIỂM BỊ MẤT THEO ĐƠN VỊ CHỦ TRÌ",
        "POINTS LOST BY RESPONSIBLE DEPARTMENT",
    ),
    "report_word.section.calendar": ("TÌNH HÌNH GỬI SỐ LIỆU BÁO CÁO", "REPORTING ON TIME"),
    "report_word.section.quality": ("CHẤT LƯỢNG DỮ LIỆU", "DATA QUALITY"),
    "report_word.narrative": (
        "[Nhận xét, đánh giá, nguyên nhân và giải pháp của đơn vị]",
        "[The team's assessment, causes and measures]",
    ),
    # sentences carrying the figures
    "report_word.pillar": (
        "{name} đạt {value}, xếp thứ {rank}; {means}.",
        "{name}: {value}, rank {rank}; {means}.",
    ),
    "report_word.pillar-alone": ("{name} đạt {value}, xếp thứ {rank}.", "{name}: {value}, rank {rank}."),
    "report_word.rank": ("{place}/{total}", "{place} of {total}"),
    "report_word.above": ("cao hơn {mean} ({value})", "above the {mean} ({value})"),
    "report_word.below": ("thấp hơn {mean} ({value})", "below the {mean} ({value})"),
    "report_word.equal": ("bằng {mean} ({value})", "equal to the {mean} ({value})"),
    "report_word.indices-below": (
        "{count}/{total} chỉ số chính thấp hơn {mean}: {names:;}.",
        "{count}/{total} main indices are below the {mean}: {names:;}.",
    ),
    "report_word.indices-none-below": (
        "Không có chỉ số chính nào thấp hơn {mean}.",
        "No main index is below the {mean}.",
    ),
    "report_word.weakest-no-data": (
        "{code} chưa có số liệu: toàn bộ điểm của chỉ số này là điểm do thiếu số liệu, không phải kết quả "
        "đã báo cáo.",
        "{code} has no data: all of its points are at stake for missing data, not a reported result.",
    ),
    "report_word.fact": ("{label}: {value}{note}.", "{label}: {value}{note}."),
    "report_word.index": ("{name} ({value})", "{name} ({value})"),
    "report_word.by-group": ("Theo nhóm mục tiêu:", "By group:"),
    "report_word.by-department": ("Theo đơn vị thực hiện:", "By responsible department:"),
    "report_word.target-counts": (
        "{key}: {met}/{total} chỉ tiêu đạt và vượt kế hoạch; {not_met}/{total} chưa đạt; "
        "{no_data}/{total} chưa có số liệu đánh giá.",
        "{key}: {met}/{total} targets met or exceeded; {not_met}/{total} not met; "
        "{no_data}/{total} without data.",
    ),
    "report_word.task-counts": (
        "{name}: {done}/{total} nhiệm vụ hoàn thành; {in_progress}/{total} đang triển khai; "
        "{not_started}/{total} chưa triển khai; {overdue} quá hạn.",
        "{name}: {done}/{total} tasks done; {in_progress}/{total} in progress; {not_started}/{total} not "
        "started; {overdue} overdue.",
    ),
    "report_word.owner": ("{owner}: {said:;}.", "{owner}: {said:;}."),
    "report_word.owner-lost": (
        "mất {points} điểm trên số liệu đã báo cáo ({share} % tổng số điểm bị mất)",
        "{points} points lost on reported data ({share} % of all points lost)",
    ),
    "report_word.owner-missing": (
        "{points} điểm do thiếu số liệu ({share} % tổng số điểm do thiếu số liệu)",
        "{points} points at stake for missing data ({share} % of all points at stake)",
    ),
    # appendices
    "report_word.appendix": ("Phụ lục {number}", "Appendix {number}"),
    "report_word.appendix-of": (
        "(Kèm theo Báo cáo số {number} ngày {date} của {issuer})",
        "(Attached to report no. {number} of {date} by the {issuer})",
    ),
    "report_word.issuer-of": (
        "Ban Chỉ đạo chuyển đổi số {unit}",
        "{unit} Digital Transformation Steering Committee",
    ),
    "report_word.appendix.targets": ("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU", "TARGETS AND RESULTS"),
    "report_word.appendix.ranking": ("BẢNG XẾP HẠNG", "THE RANKING"),
    "report_word.appendix.losses": ("CÁC CHỈ SỐ MẤT ĐIỂM", "POINTS LOST"),
    "report_word.appendix.tasks": ("DANH SÁCH NHIỆM VỤ", "THE TASKS"),
    "report_word.appendix.charts": ("BIỂU ĐỒ", "CHARTS"),
    "report_word.stt": ("STT", "No."),
    "report_word.column.name": ("Mục tiêu", "Target"),
    "report_word.column.responsible": ("Đơn vị thực hiện", "Responsible"),
    "report_word.column.target": ("Mục tiêu năm", "Target of the year"),
    "report_word.column.result": ("KQTH", "Result"),
    "report_word.column.remark": ("Ghi chú", "Remarks"),
    "report_word.notes": ("Ghi chú:", "Notes:"),
    # the end: recipients and the signature block, left for the office to fill
    "report_word.recipients": ("Nơi nhận:", "Recipients:"),
    "report_word.recipient-blank": ("- ……;", "- ……;"),
    "report_word.recipient-archive": ("- Lưu: VT, …….", "- Archive: ……."),
    "report_word.signer": ("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", "AUTHORITY AND TITLE OF THE SIGNATORY"),
    "report_word.signature": ("(Chữ ký, dấu)", "(Signature, seal)"),
    "report_word.signer-name": ("Họ và tên", "Full name"),
    # the spec notes as the draft says them: without the command-line hint the terminal gives
    "report_word.year-unpublished": (
        "Số liệu năm {year} theo Quyết định 405/QĐ-BKHCN (dti-province-2025), chưa công bố điểm: "
        "tính theo {chosen}",
        "{year} data follow Decision 405/QĐ-BKHCN (dti-province-2025), whose points are not published: "
        "scoring with {chosen}",
    ),
    "report_word.no-year": (
        "Không rõ năm số liệu: tính theo {chosen}",
        "no year given: scoring with {chosen}",
    ),
    "report_word.year-undeclared": (
        "Chưa có bộ chỉ số cho năm {year}: tính theo {chosen}",
        "no bundled spec is declared for {year}: scoring with {chosen}",
    ),
    # the PDF: the Word draft converted by LibreOffice headless
    "report_word.extension": (
        "'{name}': định dạng theo phần mở rộng của tệp: .html, .xlsx, .docx hoặc .pdf",
        "'{name}': the format follows the extension: .html, .xlsx, .docx or .pdf",
    ),
    "report_word.no-soffice": (
        "{path}: cần LibreOffice để ghi PDF (không tìm thấy lệnh soffice): cài gói libreoffice-writer-nogui "
        "(apt-get install libreoffice-writer-nogui), hoặc ghi bản Word với -o {docx}",
        "{path}: writing a PDF needs LibreOffice (no soffice command found): install "
        "libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui), or write the Word draft "
        "with -o {docx}",
    ),
    "report_word.pdf-failed": (
        "{path}: LibreOffice không chuyển được bản Word sang PDF ({why}); ghi bản Word với -o {docx}",
        "{path}: LibreOffice could not convert the Word draft to PDF ({why}); write it with -o {docx}",
    ),
}
