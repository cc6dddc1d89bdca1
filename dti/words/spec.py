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
