"""Words of the target review (`dti targets`): verdicts, results in words, periods, changes and
positions against averages. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "tracking.target.met": ("Đạt", "Met"),
    "tracking.target.exceeded": ("Đạt và vượt {x}", "Met, exceeded by {x}"),
    "tracking.target.not_met": ("Chưa đạt", "Not met"),
    "tracking.target.short": ("Chưa đạt (còn thiếu {x})", "Not met, short by {x}"),
    "tracking.target.no_data": ("Chưa có số liệu đánh giá", "No data"),
    "tracking.target.in-progress": ("Chưa đạt (đang triển khai)", "Not met (in progress)"),
    "tracking.target.needs_review": (
        "Cần đánh giá (chỉ tiêu định tính)",
        "Needs review (qualitative target)",
    ),
    "tracking.target.disagrees": (
        "{given} (theo báo cáo; tính ra: {computed})",
        "{given} (as reported; computed: {computed})",
    ),
    "tracking.targets.summary": (
        "{met}/{n} chỉ tiêu đạt và vượt kế hoạch; {not_met}/{n} chưa đạt; {no_data}/{n} chưa có số liệu "
        "đánh giá{review}",
        "{met}/{n} targets met or exceeded; {not_met}/{n} not met; {no_data}/{n} without data{review}",
    ),
    "tracking.targets.summary-review": ("; {count}/{n} cần đánh giá thủ công", "; {count}/{n} need review"),
    "tracking.targets.empty-file": ("tệp rỗng: không có chỉ tiêu nào", "the file is empty: no targets"),
    "tracking.targets.none": ("tệp không có chỉ tiêu nào", "no targets in the file"),
    "tracking.targets.duplicate-id": (
        "mã chỉ tiêu '{id}' bị dùng hai lần: mỗi mã chỉ dùng một lần",
        "target id '{id}' is used twice: ids must be unique",
    ),
    "tracking.targets.fraction": (
        "kết quả '{text}' so với chỉ tiêu tính theo % được đọc là tỷ lệ: {percent} %; hãy ghi kèm dấu % "
        "cho chắc chắn",
        "result '{text}' against a target in percent is read as a fraction: {percent} %; write it with % "
        "to be sure",
    ),
    "tracking.targets.target-not-a-number": (
        "chỉ tiêu '{text}' không phải là số",
        "target '{text}' is not a number",
    ),
    "tracking.targets.mixed-scale": (
        "kết quả '{text}' so với chỉ tiêu tính theo % được đọc là {text} % vì các kết quả khác của tệp ghi "
        "số phần trăm không kèm dấu %; nếu là tỷ lệ ({percent} %), hãy ghi {percent}%",
        "result '{text}' against a target in percent is read as {text} % because the file's other results "
        "are percentages written without %; if it is a fraction ({percent} %), write {percent}%",
    ),
    "tracking.targets.result-not-a-number": (
        "kết quả '{text}' không phải là số: hãy ghi ví dụ 84,5%",
        "result '{text}' is not a number: write e.g. 84,5%",
    ),
    "tracking.targets.negative": (
        "kết quả '{text}' nhỏ hơn 0, điều mà chỉ tiêu '{target}' không thể có: hãy kiểm tra dấu",
        "result '{text}' is below zero, which target '{target}' cannot be: check the sign",
    ),
    "tracking.targets.unknown-status": (
        "trạng thái '{text}' không rõ: hãy dùng Đạt, Chưa đạt hoặc Chưa có số liệu",
        "status '{text}' is unknown: use Đạt, Chưa đạt or Chưa có số liệu (met, not met, no data)",
    ),
    "tracking.targets.disagrees-status": (
        "cột trạng thái ghi '{said}' nhưng kết quả {result} so với chỉ tiêu '{target}' là '{computed}': "
        "bảng đánh giá ghi cả hai; hãy kiểm tra số liệu hoặc kết luận",
        "the status says '{said}' but result {result} against target '{target}' is '{computed}': the "
        "review shows both; check the numbers or the verdict",
    ),
    "tracking.targets.disagrees-note": (
        "ghi chú ghi '{said}' nhưng kết quả {result} so với chỉ tiêu '{target}' là '{computed}': bảng "
        "đánh giá ghi cả hai; hãy kiểm tra số liệu hoặc kết luận",
        "the note says '{said}' but result {result} against target '{target}' is '{computed}': the "
        "review shows both; check the numbers or the verdict",
    ),
    "tracking.targets.id": ("id", "id"),
    "tracking.targets.group": ("nhóm", "group"),
    "tracking.targets.name": ("chỉ tiêu", "target"),
    "tracking.targets.responsible": ("đơn vị chủ trì", "responsible"),
    "tracking.targets.target": ("mục tiêu", "goal"),
    "tracking.targets.result": ("kết quả", "result"),
    "tracking.targets.label": ("đánh giá", "status"),
    "tracking.targets.with-note": ("{label}; ghi chú: {note}", "{label}; note: {note}"),
    "tracking.targets.total": ("tổng", "total"),
    "tracking.targets.met": ("đạt", "met"),
    "tracking.targets.not_met": ("chưa đạt", "not met"),
    "tracking.targets.no_data": ("chưa có số liệu", "no data"),
    "tracking.targets.needs_review": ("cần đánh giá", "review"),
    "tracking.targets.ambiguous-current": (
        "không rõ cột kết quả nào là kỳ đánh giá: cột '{column}' cũng là kết quả {period}; hãy ghi kỳ vào "
        "tiêu đề (ví dụ 'KQTH 6 tháng đầu năm 2024') hoặc bỏ bớt một cột",
        "cannot tell which result column is the period reviewed: column '{column}' is a result of {period} "
        "too; write the period in its header (e.g. 'KQTH 6 tháng đầu năm 2024') or remove one column",
    ),
    "tracking.targets.ambiguous-same-period": (
        "cột '{column}' là cột cùng kỳ thứ hai ({period}) nên không được dùng: hãy ghi năm vào tiêu đề "
        "(ví dụ 'Cùng kỳ năm 2023') hoặc bỏ bớt một cột",
        "column '{column}' is a second same-period column ({period}) and is not used: write the year in its "
        "header (e.g. 'Cùng kỳ năm 2023') or remove one column",
    ),
    "tracking.targets.ambiguous-national": (
        "cột '{column}' là cột trung bình cả nước thứ hai ({period}) nên không được dùng: hãy ghi kỳ vào "
        "tiêu đề hoặc bỏ bớt một cột",
        "column '{column}' is a second national average column ({period}) and is not used: write the period "
        "in its header or remove one column",
    ),
    "tracking.targets.ambiguous-regional": (
        "cột '{column}' là cột trung bình vùng thứ hai ({period}) nên không được dùng: hãy ghi kỳ vào tiêu "
        "đề hoặc bỏ bớt một cột",
        "column '{column}' is a second regional average column ({period}) and is not used: write the period "
        "in its header or remove one column",
    ),
    "tracking.targets.same_period": ("cùng kỳ", "same period last year"),
    "tracking.targets.change": ("so với cùng kỳ", "change"),
    "tracking.targets.national": ("TB cả nước", "national average"),
    "tracking.targets.national_position": ("so với TB cả nước", "against the national average"),
    "tracking.targets.regional": ("TB vùng", "regional average"),
    "tracking.targets.regional_position": ("so với TB vùng", "against the regional average"),
    "tracking.targets.improved": ("cải thiện", "improved"),
    "tracking.targets.worsened": ("kém đi", "worse"),
    "tracking.targets.unchanged": ("không đổi", "unchanged"),
    "tracking.targets.with-period": ("{label} ({period})", "{label} ({period})"),
    "tracking.change.improved": ("{x} (cải thiện)", "{x} (improved)"),
    "tracking.change.worsened": ("{x} (kém đi)", "{x} (worse)"),
    "tracking.change.unchanged": ("không đổi", "unchanged"),
    "tracking.position.above": ("cao hơn {x}", "above by {x}"),
    "tracking.position.below": ("thấp hơn {x}", "below by {x}"),
    "tracking.position.equal": ("ngang bằng", "equal"),
    "tracking.targets.and": ("{first}{then}", "{first}{then}"),
    "tracking.targets.summary-trend": (
        "; so với cùng kỳ: {improved} chỉ tiêu cải thiện, {worsened} kém đi, {unchanged} không đổi",
        "; against the same period last year: {improved} improved, {worsened} worse, {unchanged} unchanged",
    ),
}
