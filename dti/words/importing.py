"""Words of `dti spec import`: a local index brought in from its decision's criteria table — the rules
inferred, the provenance, the review printed, and the tables it cannot read. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}

# --- dti spec import: why a rule was or was not inferred (dti/spec/infer.py) ------------------------------
WORDS.update(
    {
        "spec.infer.inferred": (
            'quy tắc {kind} suy ra từ "{text}"',
            'rule {kind} inferred from "{text}"',
        ),
        "spec.infer.none": (
            "không suy ra được quy tắc ({reason}): điểm tự đánh giá{verbatim}",
            "no rule inferred ({reason}): self-assessed points{verbatim}",
        ),
        "spec.infer.verbatim": ('; cách tính (nguyên văn): "{method}"', '; method (verbatim): "{method}"'),
        "spec.infer.both": (
            "nội dung vừa đọc được thành các mức điểm vừa đọc được thành tỷ lệ",
            "the text reads both as point clauses and as a ratio",
        ),
        "spec.infer.no-pattern": ("không khớp mẫu quy tắc nào", "no rule pattern matches"),
        "spec.infer.no-method": ("không có nội dung cách tính", "no method text"),
        "spec.infer.no-max": (
            "tiêu chí không có điểm tối đa để đối chiếu các mức điểm",
            "the criterion has no maximum points to check the clauses against",
        ),
        "spec.infer.yes-no": (
            "'có' được {yes:g} và 'không' được {no:g}, không phải {max:g} và 0",
            "yes gives {yes:g} and no {no:g}, not {max:g} and 0",
        ),
        "spec.infer.mixed-clauses": (
            "có mức điểm nêu số, có mức không nêu",
            "some clauses name a number and some do not",
        ),
        "spec.infer.times": (
            "tỷ lệ được nhân với {times}, không phải với điểm tối đa",
            "the ratio is multiplied by {times}, not by the maximum points",
        ),
        "spec.infer.target": (
            "mức mục tiêu {value:g} % không phải một tỷ lệ phần trăm",
            "a target of {value:g} % is not a percentage",
        ),
        "spec.infer.strict": (
            "'{label}' là cận ngặt; một mức của quy tắc thresholds có nghĩa là từ mức đó trở lên",
            "'{label}' is a strict bound; a thresholds step means at least",
        ),
        "spec.infer.to-nothing": (
            "'{label}' cho {points:g} điểm mà không ứng với mức nào",
            "'{label}' gives {points:g} points to nothing",
        ),
        "spec.infer.no-bound": ("'{label}' không nêu một mức duy nhất", "'{label}' names no single bound"),
        "spec.infer.bounds": (
            "các mức bị lặp hoặc lẫn phần trăm với số lượng",
            "the bounds repeat or mix percent and counts",
        ),
        "spec.infer.fewer": ("mức cao hơn lại được ít điểm hơn", "a higher bound gives fewer points"),
        "spec.infer.top-step": (
            "mức cao nhất được {top_step:g}, không phải điểm tối đa {max:g}",
            "the highest step gives {top_step:g}, not the maximum {max:g}",
        ),
        "spec.infer.option-twice": ("lựa chọn '{name}' xuất hiện hai lần", "option '{name}' is named twice"),
        "spec.infer.best-option": (
            "lựa chọn tốt nhất được {best:g}, không phải điểm tối đa {max:g}",
            "the best option gives {best:g}, not the maximum {max:g}",
        ),
        "spec.problem.band-order": (
            "hạng '{name}' (từ {at:g}) phải bắt đầu dưới hạng '{above}' đứng trước nó (từ {bound:g}): "
            "các hạng xếp từ cao xuống thấp",
            "band '{name}' (from {at:g}) must start below '{above}', the band before it (from {bound:g}): "
            "bands go highest first",
        ),
        "spec.problem.band-overlap": (
            "hạng '{name}' và hạng '{above}' cùng bắt đầu từ {at:g}: hai hạng chồng lên nhau; hạng dưới phải "
            "bắt đầu thấp hơn",
            "bands '{name}' and '{above}' both start at {at:g}: they overlap; the lower one must start below",
        ),
        "spec.problem.band-twice": (
            "hạng '{name}' đã có ở {first}",
            "band '{name}' is already named at {first}",
        ),
        "spec.problem.band-scale": (
            "hạng '{name}' có thang khác với hạng đầu ({first}): mọi hạng tính cùng một thang, điểm (points) "
            "hoặc giá trị 0–1 (value)",
            "band '{name}' is on another scale than the first band ({first}): every band uses one scale, "
            "points or value 0–1",
        ),
        "spec.problem.band-above-total": (
            "hạng '{name}' bắt đầu từ {at:g}, cao hơn mức tối đa {limit:g}: không đơn vị nào đạt được",
            "band '{name}' starts at {at:g}, above the maximum {limit:g}: no unit can reach it",
        ),
        "spec.import.bands": (
            "dòng xếp loại {rows} là các hạng của tổng điểm, không phải tiêu chí: {bands}",
            "classification rows {rows} are the total's grades, not criteria: {bands}",
        ),
        "spec.import.bands-unread": (
            "dòng xếp loại {rows} là các hạng của tổng điểm, không phải tiêu chí; có mức không đọc được nên "
            "không lấy hạng nào (thiếu một hạng sẽ xếp loại sai): xem bảng Cần kiểm tra lại, thêm `bands` "
            "vào spec bằng tay",
            "classification rows {rows} are the total's grades, not criteria; a grade could not be read, so "
            "no band is kept (a classification missing a grade would grade wrongly): see the review, add "
            "`bands` to the spec by hand",
        ),
        "spec.import.grade-unread": (
            '"{line}": không đọc được mức này (đọc được "từ N điểm trở lên", "từ N đến dưới M điểm", '
            '"dưới N điểm"; mức "trên N" không đọc); không lấy hạng nào của bảng xếp loại',
            '"{line}": this bound is not read (read: "từ N điểm trở lên", "từ N đến dưới M điểm", '
            '"dưới N điểm"; a strict "trên N" is not); no band of the classification is kept',
        ),
        "spec.infer.terms": (
            "tử số: {numerator}; mẫu số: {denominator}",
            "numerator: {numerator}; denominator: {denominator}",
        ),
        "spec.infer.options": (
            "câu trả lời và nội dung của lựa chọn: {options}",
            "answers and what each option says: {options}",
        ),
        "spec.infer.no-points": ("không có điểm trong cột 'Điểm tối đa'", "no points in 'Điểm tối đa'"),
        "spec.infer.negative-points": (
            "điểm âm ({text}) trong cột 'Điểm tối đa': điểm tối đa phải từ 0 trở lên",
            "negative points ({text}) in 'Điểm tối đa': the maximum must be 0 or more",
        ),
        "spec.infer.not-points": (
            "'{text}' trong cột 'Điểm tối đa' không phải là một số: hãy ghi bằng chữ số (vd. 10)",
            "'{text}' in 'Điểm tối đa' is not a number: write it in digits (e.g. 10)",
        ),
        "spec.import.group-method": (
            "dòng có tiêu chí con có điểm nên điểm của nó là tổng các tiêu chí con; cách tính của dòng "
            'không được dùng: "{method}"',
            "the row has sub-criteria with points, so its points are their sum; its own method is not "
            'used: "{method}"',
        ),
        "spec.import.sub-rows": (
            "dòng {rows} không có điểm và cách tính, nằm dưới tiêu chí {number}: là nội dung của tiêu chí "
            "đó, tiêu chí giữ quy tắc của mình",
            "rows {rows} have no points and no method and lie under criterion {number}: they are what it "
            "asks, and it keeps its own rule",
        ),
        "spec.import.details": ("gồm: {text}", "consisting of: {text}"),
        "spec.infer.zero-option": (
            "không thuộc lựa chọn nào ({options}) được 0 điểm (ngầm hiểu, văn bản không ghi)",
            "none of the options ({options}) scores 0 points (implied: the text does not say)",
        ),
    }
)

# --- dti spec import: the spec's provenance and the review (dti/spec/importer.py, outline.py) -------------
WORDS.update(
    {
        "spec.import.header": (
            "# Nhập từ {file} bằng `dti spec import`: hãy xem lại các nút tạm tính và `source` của từng nút.",
            "# Imported from {file} by `dti spec import`: review the provisional nodes and each `source`.",
        ),
        "spec.import.note": (
            "Nhập từ {file} bằng `dti spec import`: {criteria} tiêu chí, {rules} quy tắc suy ra từ nội dung "
            "cách tính, {provisional} để tạm tính (điểm tự đánh giá). `source` của mỗi nút cho biết nút lấy "
            "từ dòng nào và vì sao chọn quy tắc đó: hãy đối chiếu với quyết định.",
            "Imported from {file} by `dti spec import`: {criteria:|criterion|criteria}, {rules:|rule|rules} "
            "inferred from the method text, {provisional} left provisional (self-assessed points). Each "
            "node's `source` says which row it comes from and why its rule was chosen: check them against "
            "the decision.",
        ),
        "spec.import.top-source": (
            "nhập từ {file} bằng dti spec import",
            "imported from {file} by dti spec import",
        ),
        "spec.import.where": ("{file} dòng {row}", "{file} row {row}"),
        "spec.import.where-number": ("{file} dòng {row} (STT {number})", "{file} row {row} (STT {number})"),
        "spec.import.sum-differs": (
            "bảng ghi {stated:g} điểm; các tiêu chí cộng lại {children:g}",
            "the table states {stated:g} points; its criteria add up to {children:g}",
        ),
        "spec.import.method": ('cách tính: "{method}"', 'method: "{method}"'),
        "spec.import.evidence": ("tài liệu kiểm chứng: {text}", "evidence: {text}"),
        "spec.import.data": ("nguồn số liệu: {text}", "data source: {text}"),
        "spec.import.partner": ("đơn vị phối hợp: {text}", "partner: {text}"),
        "spec.import.joined": (
            "các dòng {rows}: không có số thứ tự và tên, được ghép vào dòng trên",
            "rows {rows}: no number and no name, joined to the row above",
        ),
        "spec.import.code-unused": (
            "dòng {row}: không dùng mã '{given}' (mã không hợp lệ hoặc bị trùng): {code}",
            "row {row}: code '{given}' not used (not a valid or unique code): {code}",
        ),
        "spec.import.repeats": (
            "dòng {row}: '{number}' lặp lại một số thứ tự: mã {code}",
            "row {row}: '{number}' repeats a number: coded {code}",
        ),
        "spec.import.parent-missing": (
            "'{number}' đứng sau '{above}': thiếu mục cha",
            "'{number}' follows '{above}': its parent is missing",
        ),
        "spec.import.unknown-numbering": (
            "'{ident}' không phải cách đánh số mà công cụ nhập nhận biết (I, 1, 1.1, a), -, +)",
            "'{ident}' is not a numbering the importer knows (I, 1, 1.1, a), -, +)",
        ),
        "spec.import.no-number": (
            "không có số trong cột STT và không phải dòng đề mục: hãy đánh số (1.3, a), -) "
            "hoặc gộp vào dòng trên",
            "no number in the STT column and not a section row: number it (1.3, a), -) or merge it above",
        ),
        "spec.import.no-name": ("'{number}' không có tên", "'{number}' has no name"),
        "spec.import.name-only": (
            "dòng chỉ có tên (không có số thứ tự, điểm hay cách tính) và không có gì bên dưới",
            "a row with a name only (no number, points or method) and nothing under it",
        ),
    }
)

# --- the review printed by dti spec import (dti/views/spec_import.py) --------------------------------------
WORDS.update(
    {
        "spec.review.row": ("dòng", "row"),
        "spec.review.number": ("stt", "no."),
        "spec.review.code": ("mã", "code"),
        "spec.review.check": ("cần xem", "check"),
        "spec.review.detail": ("chi tiết", "detail"),
        "spec.review.provisional": ("tạm tính", "provisional"),
        "spec.review.sum": ("tổng lệch", "sum differs"),
        "spec.review.unplaced": ("không xếp được", "not placed"),
        "spec.review.assumed": ("ngầm hiểu", "implied"),
        "spec.review.method-unused": ("cách tính không dùng", "method not used"),
        "spec.review.grade-unread": ("xếp loại không đọc được", "grade not read"),
        "spec.review.title": ("Cần kiểm tra lại", "To check against the decision"),
        "spec.review.sum-detail": (
            "bảng ghi {stated:g}, các tiêu chí cộng lại {children:g}",
            "the table states {stated:g}, its criteria add up to {children:g}",
        ),
        "spec.review.summary": (
            "{nodes} nút; quy tắc suy ra: {rules}; tạm tính: {provisional}; tổng lệch: {sums}; "
            "dòng không xếp được: {unplaced}",
            "{nodes:|node|nodes}; rules inferred: {rules}; provisional: {provisional}; sums that disagree: "
            "{sums}; rows not placed: {unplaced}",
        ),
        "spec.review.no-rules": ("không có", "none"),
        "spec.review.written": ("{table} → {output}: {summary}", "{table} → {output}: {summary}"),
        "spec.review.stdout": ("đầu ra chuẩn (stdout)", "stdout"),  # {output} when no --output is given
    }
)


# --- a criteria table dti spec import cannot read (dti/spec/criteria.py, importer.py): InputError -----------
WORDS.update(
    {
        "spec.import.too-large": (
            "{file}: giải nén ra hơn {mb} MB, quá lớn cho một bảng",
            "{file}: unpacks to over {mb} MB, too large for a table",
        ),
        "spec.import.not-docx": (
            "{file}: không phải tệp .docx đọc được ({why})",
            "{file}: not a readable .docx file ({why})",
        ),
        "spec.import.no-table": (
            "{file}: không có bảng nào có tiêu đề cột của tiêu chí (STT, Chỉ số / Tiêu chí, Điểm tối đa…)",
            "{file}: no table with the criteria headers (STT, Chỉ số / Tiêu chí, Điểm tối đa…)",
        ),
        "spec.import.not-read": (
            "{file}: không đọc tệp '{suffix}': hãy lưu bảng thành .docx, .xlsx hoặc .csv",
            "{file}: '{suffix}' files are not read: save the table as .docx, .xlsx or .csv",
        ),
        "spec.import.unreadable": ("{file}: {issue}", "{file}: {issue}"),
        "spec.import.and": ("{first}; {rest}", "{first}; {rest}"),
        "spec.import.empty": ("{file}: tệp trống", "{file}: the file is empty"),
        "spec.import.no-column": (
            "{file}: không có cột '{column}' (tiêu đề: {header}); các tiêu đề đã biết: {known}",
            "{file}: no '{column}' column (header: {header}); the headers it knows: {known}",
        ),
        "spec.import.no-criteria": (
            "{file}: không tìm thấy tiêu chí nào dưới dòng tiêu đề (STT, Chỉ số / Tiêu chí, Điểm tối đa…)",
            "{file}: no criteria found under the header (STT, Chỉ số / Tiêu chí, Điểm tối đa…)",
        ),
    }
)
