"""Words of specs: choosing, showing and importing them. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "spec.year-unpublished": (
        "Số liệu năm {year} theo Quyết định 405/QĐ-BKHCN (dti-province-2025), chưa công bố điểm: "
        "tính theo {chosen} (chọn bộ chỉ số khác bằng --spec)",
        "{year} data follow Decision 405/QĐ-BKHCN (dti-province-2025), whose points are not published: "
        "scoring with {chosen} (use --spec to choose)",
    ),
    "spec.no-year": (
        "Không rõ năm số liệu: tính theo {chosen} (chọn bằng --spec, hoặc nêu năm bằng --year)",
        "no year given: scoring with {chosen} (use --spec to choose)",
    ),
    "spec.year-undeclared": (
        "Chưa có bộ chỉ số cho năm {year}: tính theo {chosen} (chọn bằng --spec)",
        "no bundled spec is declared for {year}: scoring with {chosen} (use --spec to choose)",
    ),
}

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

# --- dti spec list / show (dti/views/spec.py) --------------------------------------------------------------
WORDS.update(
    {
        "spec.list.title": ("Bộ chỉ số có sẵn", "Bundled specs"),
        "spec.list.id": ("mã", "id"),
        "spec.list.decision": ("quyết định", "decision"),
        "spec.list.years": ("năm", "years"),
        "spec.list.unit_kind": ("cấp", "unit kind"),
        "spec.list.scorable": ("tính điểm được", "scorable"),
        "spec.list.title-column": ("tên", "title"),
        "spec.list.example": ("VÍ DỤ — ", "EXAMPLE — "),
        "spec.tree.number": ("stt", "no."),
        "spec.tree.code": ("mã", "code"),
        "spec.tree.name": ("tên", "name"),
        "spec.tree.points": ("điểm", "points"),
        "spec.tree.rule": ("quy tắc", "rule"),
        "spec.tree.pillars": ("trụ cột", "pillars"),
        # spec show's second line: the parts a spec has, joined by "; " (a local index has no decision)
        "spec.about.decision": ("Quyết định {decision} ngày {date}", "Decision {decision} of {date}"),
        "spec.about.decision-undated": ("Quyết định {decision}", "Decision {decision}"),
        "spec.about.years": ("năm {years}", "years {years}"),
        "spec.about.band": ("{name} ≥ {at:g}", "{name} ≥ {at:g}"),
        "spec.about.band-below": ("{name} < {at:g}", "{name} < {at:g}"),
        "spec.about.bands-points": ("xếp loại: {bands} điểm", "grades: {bands} points"),
        "spec.about.bands-value": ("xếp loại theo giá trị (0–1): {bands}", "grades by value (0–1): {bands}"),
        "spec.about": (
            "cấp: {unit}; độ chính xác {precision}; đồng hạng: {ties}{scorable}",
            "unit: {unit}; precision {precision}; ties: {ties}{scorable}",
        ),
        "spec.date-format": ("%d/%m/%Y", "%Y-%m-%d"),
        "spec.not-scorable": ("; không tính điểm được (chưa rõ điểm)", "; not scorable (points unknown)"),
        "spec.ties.competition": ("cùng hạng, hạng sau bỏ qua (1, 1, 3)", "competition"),
        "spec.unit.province": ("tỉnh", "province"),
        "spec.unit.district": ("huyện", "district"),
        "spec.unit.commune": ("xã", "commune"),
        "spec.unit.department": ("sở, ban, ngành", "department"),
        "spec.unit.any": ("bất kỳ", "any"),
        "spec.pillar": (
            "Trụ cột {code} {name} = {parts}: {points}",
            "Pillar {code} {name} = {parts}: {points}",
        ),
        "spec.points": ("{points} điểm", "{points} points"),
        "spec.points-unknown": ("chưa rõ điểm", "points unknown"),
        "spec.counts": (
            "{mains} chỉ số chính, {leaves} chỉ tiêu lá, {points}{provisional}",
            "{mains} main indices, {leaves} leaves, {points}{provisional}",
        ),
        "spec.provisional": (
            "; * = tạm tính ({count} nút): chưa đối chiếu với quyết định",
            "; * = provisional ({count:|node|nodes}): not verified against the decision",
        ),
    }
)

# --- a spec that cannot be used (dti/spec/io.py; printed by dti/write/text.py) -----------------------------
WORDS.update(
    {
        "spec.error.invalid": (
            "{source}: bộ chỉ số không hợp lệ ({count} vấn đề)",
            "{source}: invalid spec ({count:|problem|problems})",
        ),
        "spec.error.yaml": ("không phải YAML hợp lệ: {why}", "not valid YAML: {why}"),
        "spec.error.top-level": (
            "(cấp cao nhất): cần một ánh xạ có id, title và nodes",
            "(top level): expected a mapping with id, title and nodes",
        ),
        "spec.error.no-such-spec": (
            "không có tệp bộ chỉ số hay mã bộ chỉ số có sẵn nào như vậy (có sẵn: {bundled})",
            "no such spec file or bundled id (bundled: {bundled})",
        ),
        "spec.error.none-bundled": ("không tìm thấy", "none found"),
        "spec.error.unreadable": ("không đọc được: {why}", "cannot read: {why}"),
    }
)

# --- a problem of a spec at its YAML key path (dti/spec/check.py): "{at}: {what}" -------------------------
WORDS.update(
    {
        "spec.problem": ("{at}: {what}", "{at}: {what}"),
        "spec.problem.top-level": ("(cấp cao nhất)", "(top level)"),
        # what pydantic found, in general; {detail} is pydantic's own (English) message
        "spec.problem.unknown-rule": (
            "không có quy tắc '{rule}' (các quy tắc: {known})",
            "unknown rule '{rule}' (known rules: {known})",
        ),
        "spec.problem.unknown-key": ("không biết khoá '{name}'", "unknown key '{name}'"),
        "spec.problem.missing": ("thiếu (bắt buộc phải có)", "missing (required)"),
        "spec.problem.not-allowed": (
            "không phải giá trị được phép ({detail})",
            "not an allowed value ({detail})",
        ),
        "spec.problem.out-of-bounds": ("giá trị ngoài giới hạn ({detail})", "value out of bounds ({detail})"),
        "spec.problem.too-short": ("quá ngắn ({detail})", "too short ({detail})"),
        "spec.problem.too-long": ("quá dài ({detail})", "too long ({detail})"),
        "spec.problem.wrong-type": ("sai kiểu giá trị ({detail})", "wrong type ({detail})"),
        "spec.problem.invalid": ("không hợp lệ ({detail})", "invalid ({detail})"),
        # the cross-node checks
        "spec.problem.duplicate-code": (
            "mã '{code}' bị trùng (lần đầu ở {first})",
            "duplicate code '{code}' (first at {first})",
        ),
        "spec.problem.unknown-code": ("không có mã '{code}'", "unknown code '{code}'"),
        "spec.problem.listed-twice": ("'{code}' được liệt kê hai lần", "'{code}' is listed twice"),
        "spec.problem.own-child": ("'{code}' là con của chính nó", "'{code}' is its own child"),
        "spec.problem.needs-rule": (
            "chỉ tiêu lá '{code}' cần một quy tắc chấm điểm",
            "leaf '{code}' needs a scoring rule",
        ),
        "spec.problem.needs-max-points": (
            "chỉ tiêu lá '{code}' cần max_points",
            "leaf '{code}' needs max_points",
        ),
        "spec.problem.rule-on-parent": (
            "'{code}' có nút con, nên điểm của nó là tổng điểm các nút con, không theo một quy tắc",
            "'{code}' has children, so its points are their sum, not a rule",
        ),
        "spec.problem.one-total": (
            "bộ chỉ số cần đúng một nút loại 'total', đang có {found}",
            "a spec needs exactly one node of kind 'total', found {found}",
        ),
        "spec.problem.sum-differs": (
            "'{code}' ghi {declared:g} điểm nhưng các nút con cộng lại được {total:g}",
            "'{code}' declares {declared:g} but its children add up to {total:g}",
        ),
        "spec.problem.total-has-parent": (
            "nút tổng '{code}' không được có nút cha",
            "the total '{code}' cannot have a parent",
        ),
        "spec.problem.steps-down": (
            "các bậc phải đi từ ngưỡng cao nhất xuống ({value:g} đứng sau {after:g})",
            "steps must go from the highest threshold down ({value:g} follows {after:g})",
        ),
        "spec.problem.step-above-max": (
            "{points:g} vượt quá max_points {max:g}",
            "{points:g} exceeds max_points {max:g}",
        ),
        "spec.problem.option-outside": (
            "{points:g} nằm ngoài 0..max_points ({max:g})",
            "{points:g} is outside 0..max_points ({max:g})",
        ),
        "spec.problem.cycle": ("'{code}' tạo thành vòng lặp ({loop})", "'{code}' makes a cycle ({loop})"),
        "spec.problem.not-scorable": (
            "bộ chỉ số '{id}' không tính điểm được: chưa rõ điểm{unknown}; xem được bằng `dti spec show` "
            "nhưng không dùng để tính điểm",
            "spec '{id}' is not scorable: its points are not known{unknown}; it can be shown with "
            "`dti spec show` but not used to score",
        ),
        "spec.problem.no-max-points": (" (không có max_points cho {codes})", " (no max_points for {codes})"),
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
