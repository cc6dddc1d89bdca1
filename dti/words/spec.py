"""Words of specs: choosing, showing and checking them (importing one: importing.py). Key -> (vi, en)."""

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

# --- a thresholds rule on a rate (`Tỷ lệ …`, steps in %): import notes, the template's rule in words --------
WORDS.update(
    {
        "spec.percent.steps": (
            "giá trị là tỷ lệ phần trăm (các mức ghi bằng %)",
            "the value is a percentage (the steps are written with %)",
        ),
        "spec.percent.name": (
            "giá trị là tỷ lệ phần trăm (tên chỉ số bắt đầu bằng '{start}')",
            "the value is a percentage (the criterion's name starts with '{start}')",
        ),
        "spec.percent.rule": (
            "Ghi tỷ lệ (%): {steps:;}; thấp hơn: 0 điểm.",
            "Write the share (%): {steps:;}; lower: 0 points.",
        ),
        "spec.percent.step": ("từ {at:g}% trở lên: {points:g} điểm", "{at:g}% or more: {points:g} points"),
    }
)

# --- a spec's points out of range, an unreadable spec (dti/spec/check.py, dti/spec/io.py) ------------------
WORDS.update(
    {
        "spec.problem.points-range": (
            "'{code}' ghi {points:g} điểm: điểm của một nút phải từ 0 đến {limit:,.0f}",
            "'{code}' is worth {points:g} points: a node's points must be between 0 and {limit:,.0f}",
        ),
        "spec.problem.total-range": (
            "'{code}' cộng lại được {total:g} điểm: tổng điểm của bộ chỉ số phải lớn hơn 0 và không quá "
            "{limit:,.0f}",
            "'{code}' adds up to {total:g} points: an index must be worth more than 0 and at most "
            "{limit:,.0f} points",
        ),
        "spec.problem.total-zero": (
            "'{code}' cộng lại được 0 điểm: mọi đơn vị sẽ được 0 trên 0 và không xếp hạng được; hãy ghi "
            "max_points cho các tiêu chí",
            "'{code}' adds up to 0 points: every unit would score 0 of 0 and none could be ranked; give the "
            "components their max_points",
        ),
        "spec.error.unreadable-file": (
            "{file}: không đọc được bộ chỉ số: {why}",
            "{file}: cannot read the spec: {why}",
        ),
    }
)
