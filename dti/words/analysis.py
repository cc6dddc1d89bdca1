"""Words of the analyses (ranking, gaps, robustness): key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- a unit the user names (dti/engine/lookup.py: --unit of score, rank, gaps, robust, report) ------
    "analysis.unit.none": (
        "không có đơn vị '{query}' trong dữ liệu: hãy cho mã hoặc tên của đơn vị",
        "no unit '{query}' in the data: give its code or its name",
    ),
    "analysis.unit.like": (
        "không có đơn vị '{query}' trong dữ liệu (có phải {like:q}?): hãy cho mã hoặc tên của đơn vị",
        "no unit '{query}' in the data (did you mean {like:q}?): give its code or its name",
    ),
    "analysis.unit.shared": (
        "'{query}' là tên của {count} đơn vị ({like:q}): hãy cho mã của đơn vị",
        "'{query}' is the name of {count} units ({like:q}): give the unit's code",
    ),
    "analysis.unit.many": (
        "không có đơn vị '{query}' trong dữ liệu (có phải {like:q} hay {more} đơn vị khác?): hãy cho mã "
        "hoặc tên của đơn vị",
        "no unit '{query}' in the data (did you mean {like:q} or {more} others?): give its code or its name",
    ),
    # --- dti rank (dti/analysis/ranking.py) --------------------------------------------------------------
    "analysis.rank.warning": ("cảnh báo: {issue}", "warning: {issue}"),
    "analysis.rank.methodologies": (
        "lưu ý: các năm được tính theo các bộ chỉ số khác nhau ({specs}); thay đổi là so sánh giữa các "
        "thước đo khác nhau",
        "note: the years were scored under different methodologies ({specs}); changes compare different "
        "measures",
    ),
    "analysis.rank.sets": (
        "lưu ý: số đơn vị được xếp hạng khác nhau giữa các năm ({counts}); số bậc tăng giảm là so sánh "
        "thứ hạng giữa các nhóm khác nhau",
        "note: the years rank different numbers of units ({counts}); places gained or lost compare ranks "
        "among different sets",
    ),
    "analysis.rank.split-regions": (
        "lưu ý: {count} tỉnh mới gộp từ các tỉnh cũ thuộc hai vùng; mỗi tỉnh lấy vùng của tỉnh cũ mà "
        "tỉnh mới giữ tên: {provinces}",
        "note: {count} new provinces join old ones of two regions; each takes the region of the old "
        "province whose name it keeps: {provinces}",
    ),
}

# --- dti gaps (dti/views/gaps.py) ---------------------------------------------------------------------------
WORDS.update(
    {
        "analysis.gaps.title": ("Điểm bị mất", "Where points are lost"),
        "analysis.gaps.owner": ("đơn vị chủ trì", "owner"),
        "analysis.gaps.owners": ("Theo đơn vị chủ trì", "By owner"),
        "analysis.gaps.mains": ("Theo chỉ số chính", "By main index"),
        "analysis.gaps.none": ("(chưa phân công)", "(no owner)"),
        "analysis.gaps.share": ("% mất và thiếu", "% lost + at stake"),  # of lost + at stake, as a sum
        "analysis.gaps.components": ("chỉ số thành phần", "components"),
        "analysis.gaps.gap": ("có thể thu hồi", "recoverable"),
        "analysis.gaps.whatif": ("Giả định", "What if"),
        "analysis.gaps.closing": ("lấp đủ điểm", "closing"),
        "analysis.gaps.largest": ("khoảng trống lớn nhất", "largest gaps"),
        "analysis.gaps.each": ("mỗi đơn vị", "every unit"),
        "analysis.gaps.before": ("hiện tại", "now"),
        "analysis.gaps.after": ("giả định", "assumed"),
        "analysis.gaps.rank_after": ("hạng giả định", "new rank"),
        "analysis.gaps.next": ("Khoảng cách tới hạng trên", "Distance to the next place"),
        "analysis.gaps.above": ("đơn vị trên", "unit above"),
        "analysis.gaps.needed": ("điểm cần thêm", "points needed"),
        "analysis.gaps.closes": ("lấp các khoảng trống", "closing the gaps"),
        "analysis.gaps.units_losing": ("số đơn vị mất điểm", "units losing"),
        "analysis.gaps.mean_lost": ("TB mỗi đơn vị", "mean per unit"),
        "analysis.gaps.new_value": ("giá trị giả định", "new value"),
        "analysis.gaps.axis": ("điểm", "points"),
        "analysis.gaps.out_of_reach": ("ngoài tầm với", "out of reach"),
        "analysis.gaps.first": ("đã đứng đầu", "ranked first"),
        "analysis.gaps.decimal-mark": (",", "."),
        "analysis.gaps.assume": ("--assume {code}: {issue}", "--assume {code}: {issue}"),
        "analysis.gaps.supplying": (
            "nếu bổ sung số liệu {code}: +{points} điểm",
            "supplying the missing figures of {code}: +{points} points",
        ),
        "analysis.gaps.more-components": (
            "Còn {count} chỉ số thành phần mất ít điểm hơn (--format xlsx, csv, json: tất cả)",
            "{count} more components lose fewer points (--format xlsx, csv, json: all of them)",
        ),
        "analysis.gaps.province-title": (
            "{spec}: {units} đơn vị — {mains}",
            "{spec}: {units} units — {mains}",
        ),
        "analysis.gaps.most-in": (" (nhiều nhất ở {codes})", " (most in {codes})"),
        "analysis.gaps.largest-owner": (
            "{owner} chiếm {share} % số điểm bị mất{most}.",
            "{owner} accounts for {share} % of the points lost{most}.",
        ),
    }
)

# --- dti robust (dti/views/robust.py): the Model's notes, the tables, the report section --------------------
WORDS.update(
    {
        "analysis.robust.note.left_out": (
            "{n} đơn vị thiếu giá trị chỉ số chính bị bỏ qua (chỉ có tổng thì không tính lại trọng số được)",
            "{n} units without every main-index value are left out (a total alone cannot be reweighted)",
        ),
        "analysis.robust.note.no_missing": (
            "không có số liệu nào bị thiếu: --missing không đổi gì",
            "no figure is missing: --missing changes nothing",
        ),
        "analysis.robust.note.no_previous": (
            "{n} số liệu thiếu không có số liệu năm trước, giữ 0 điểm",
            "{n} missing figures have no previous-year figure and stay at 0",
        ),
        "analysis.robust.note.missing_median": (
            "{n} số liệu thiếu: mỗi lượt chọn 0 điểm (quy định) hoặc trung vị của chỉ số thành phần",
            "{n} missing figures: each draw either 0 (the rule) or the component's median over the units",
        ),
        "analysis.robust.note.missing_previous": (
            "{n} số liệu thiếu có số liệu năm trước: mỗi lượt chọn 0 điểm (quy định) hoặc số liệu năm trước",
            "{n} missing figures have a previous-year figure: each draw either 0 (the rule) or that figure",
        ),
        "analysis.robust.note.previous_none": (
            "không số liệu nào trong {n} số liệu thiếu có giá trị trong tệp năm trước: giữ 0 điểm, "
            "--missing previous không đổi gì",
            "none of the {n} missing figures has a value in the previous year's file: they stay at 0, "
            "--missing previous changes nothing",
        ),
        "analysis.robust.note.no_stages": (
            "--self-verified: dữ liệu không có giai đoạn tự đánh giá và thẩm định",
            "--self-verified: the data have no self-assessed and verified stages",
        ),
        "analysis.robust.note.no_pending": (
            "--self-verified: không có số liệu tự đánh giá nào đang chờ thẩm định",
            "--self-verified: no self-assessed figure awaits verification",
        ),
        "analysis.robust.note.no_verified": (
            "--self-verified: chưa có chỉ số nào được thẩm định để biết mức điều chỉnh thường gặp",
            "--self-verified: no verified component to learn the typical change from",
        ),
        "analysis.robust.note.pending": (
            "{n} số liệu tự đánh giá chờ thẩm định: mỗi lượt lấy giữa giá trị tự đánh giá và mức điều "
            "chỉnh thường gặp của chỉ số thành phần",
            "{n} self-assessed figures await verification: each drawn between the self value and the "
            "typical verification change of its component",
        ),
        "analysis.robust.missing.zero": ("0 (quy định)", "zero"),
        "analysis.robust.missing.median": ("trung vị", "median"),
        "analysis.robust.missing.previous": ("năm trước", "previous"),
        "analysis.robust.input.weights": ("trọng số", "weights"),
        "analysis.robust.input.missing": ("thiếu số liệu", "missing"),
        "analysis.robust.input.self": ("tự đánh giá/thẩm định", "self"),
        "analysis.robust.decimal-mark": (",", "."),
        "analysis.robust.settings": (
            "{draws} lượt, hạt giống (seed) {seed}, trọng số ±{spread} % (trước khi chuẩn hoá tổng), "
            "thiếu số liệu: {missing}{pending}",
            "{draws} draws, seed {seed}, weights ±{spread} % (before rescaling to the total), missing: "
            "{missing}{pending}",
        ),
        "analysis.robust.settings-pending": (
            ", tự đánh giá chưa thẩm định: có",
            ", self-assessed awaiting verification: drawn",
        ),
        "analysis.robust.cause-imputed": ("thiếu: bù", "missing: imputed"),
        "analysis.robust.cause-zero": ("thiếu: 0", "missing: 0"),
        "analysis.robust.cause-self": ("tự ĐG {value}", "self {value}"),
        "analysis.robust.cause": ("lượt {draw}: {parts}", "draw {draw}: {parts}"),
        "analysis.robust.median": ("trung vị", "median"),
        "analysis.robust.swing": ("dao động lớn nhất", "largest swing"),
        "analysis.robust.caused-by": ("do lượt", "caused by"),
        "analysis.robust.title": (
            "Độ vững của thứ hạng {code} — {settings}",
            "How sure is the rank by {code} — {settings}",
        ),
        "analysis.robust.legend": (
            "p05–p95: 90 % số lượt có hạng trong khoảng này; P(±{band}): xác suất hạng cách hạng hiện "
            "tại không quá {band} bậc; dao động: ▲ lên, ▼ xuống",
            "p05–p95: 90 % of the draws rank within; P(±{band}): probability of a rank within {band} "
            "places of the current one; swing: ▲ up, ▼ down",
        ),
        "analysis.robust.mean-shift": ("độ lệch hạng TB", "mean |rank shift|"),
        "analysis.robust.output": ("đầu ra", "output"),
        "analysis.robust.input": ("yếu tố", "input"),
        "analysis.robust.first": ("S bậc 1", "first-order S"),
        "analysis.robust.ci-low": ("CI thấp", "CI low"),
        "analysis.robust.ci-high": ("CI cao", "CI high"),
        "analysis.robust.total": ("S toàn phần", "total ST"),
        "analysis.robust.sobol": (
            "Chỉ số Sobol (Saltelli 2010, Jansen), {base} mẫu gốc × {groups} = {runs} lượt; CI 95 % "
            "bootstrap",
            "Sobol indices (Saltelli 2010, Jansen), {base} base rows × {groups} = {runs} runs; 95 % "
            "bootstrap CI",
        ),
        "analysis.robust.sensitivity": ("Độ nhạy", "Sensitivity"),
        "analysis.robust.chart": (
            "Khoảng hạng p05–p95 và hạng trung vị",
            "Rank interval p05–p95 and median rank",
        ),
        "analysis.robust.median-rank": ("hạng trung vị", "median rank"),
        "analysis.robust.draws": ("Số lượt", "Draws"),
        "analysis.robust.steady": ("Hạng không đổi (p05 = p95)", "Ranks that never move (p05 = p95)"),
        "analysis.robust.widest": ("Khoảng hạng rộng nhất", "Widest interval"),
        "analysis.robust.places": ("bậc", "places"),
        "analysis.robust.section": ("Độ vững của thứ hạng", "How sure are the ranks"),
    }
)

# Grades (xếp loại, dti/views/grades.py): score, rank, gaps, the report.
WORDS.update(
    {
        "analysis.grades.band": ("xếp loại", "grade"),
        "analysis.grades.change": ("Δ xếp loại", "Δ grade"),
        "analysis.grades.ungraded": (" · {count} chưa xếp loại", " · {count} not graded"),
        "analysis.grades.unit": ("Xếp loại: {grade}", "Grade: {grade}"),
        "analysis.grades.count": ("số đơn vị", "units"),
        "analysis.grades.units": ("các đơn vị", "which"),
        "analysis.grades.more": ("và {count} đơn vị khác", "and {count} more"),
        "analysis.grades.up": (
            "Xếp loại từ {before} lên {now} so với năm {year}",
            "Grade up from {before} to {now} since {year}",
        ),
        "analysis.grades.down": (
            "Xếp loại từ {before} xuống {now} so với năm {year}",
            "Grade down from {before} to {now} since {year}",
        ),
        "analysis.grades.at-top": ("Đã ở xếp loại cao nhất", "Already in the top grade"),
        "analysis.grades.unit-none": ("Chưa xếp loại (chưa có tổng điểm)", "Not graded (no total)"),
        "analysis.grades.closer": ("{code} (+{points:.2f})", "{code} (+{points:.2f})"),
        "analysis.grades.next": (
            "Cần thêm {points:.2f} điểm để đạt loại {next}; khắc phục thiếu hụt ở {components} là đủ",
            "{points:.2f} more points reach {next}; closing the gaps of {components} is enough",
        ),
        "analysis.grades.next-points": (
            "Cần thêm {points:.2f} điểm để đạt loại {next}",
            "{points:.2f} more points reach {next}",
        ),
        "analysis.grades.next-out-of-reach": (
            "Cần thêm {points:.2f} điểm để đạt loại {next}; khắc phục mọi thiếu hụt cũng chưa đủ",
            "{points:.2f} more points reach {next}; closing every gap is not enough",
        ),
        "analysis.grades.counts": ("Số đơn vị theo xếp loại: {counts}", "Units per grade: {counts}"),
        "analysis.grades.section": ("Xếp loại", "Grades"),
        "analysis.grades.nearest": (
            "Gần xếp loại trên nhất: điểm cần thêm và các chỉ tiêu mà khắc phục thiếu hụt là đủ",
            "Nearest the next grade: the points needed and the components whose gaps close them",
        ),
        "analysis.grades.next-band": ("xếp loại trên", "next grade"),
        "analysis.grades.to-next": ("điểm cần thêm", "points needed"),
        "analysis.grades.closing": ("khắc phục", "close"),
        "analysis.grades.title": ("Để đạt xếp loại trên", "To reach the next grade"),
        "analysis.grades.adds": ("điểm tăng thêm", "points added"),
        "analysis.grades.year": ("Xếp loại năm {year}: {counts}", "Grades in {year}: {counts}"),
    }
)
