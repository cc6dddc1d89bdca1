"""Finding the table in a sheet: titles, headers, footers and signature blocks, the unit a file is about."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "tables.row.footer": (
        "dòng chân bảng (ngày tháng, chức danh, chữ ký, nơi nhận)",
        "footer (date, signatures, recipients)",
    ),
    "tables.missing-unit": (
        "thiếu cột '{missing}' trong tệp {layout} (dòng tiêu đề: {header}); tệp của một đơn vị có thể "
        "không có cột đơn vị nếu dòng tên bảng nêu đơn vị (vd. 'UBND TỈNH NINH THUẬN') hoặc khi đọc với "
        "--as-unit MÃ (vd. --as-unit 58); nếu không, hãy thêm cột 'Mã đơn vị'",
        "no '{missing}' column in the {layout} layout (header: {header}); a file of one unit needs no unit "
        "column when a title row names the unit ('UBND TỈNH NINH THUẬN') or when read with --as-unit CODE "
        "(e.g. --as-unit 58); otherwise add a 'unit' column",
    ),
    "tables.as-unit-unknown": (
        "--as-unit '{text}' không có trong danh mục đơn vị{hint}: hãy dùng mã hoặc tên của đơn vị "
        "(hoặc dùng --units FILE với danh mục riêng)",
        "--as-unit '{text}' is not in the unit register{hint}: use a unit's code or name "
        "(or --units FILE with your own register)",
    ),
    "tables.title-units": (
        "tệp không có cột đơn vị và các dòng tên bảng nêu nhiều đơn vị: {units}; hãy chọn một đơn vị "
        "bằng {option} MÃ hoặc thêm cột 'Mã đơn vị'",
        "the file has no unit column and its title rows name several units: {units}; choose one with "
        "{option} CODE or add a 'unit' column",
    ),
    "tables.read-as": (
        "tệp không có cột đơn vị: đọc là số liệu của {unit} {name} (theo {source})",
        "no unit column: read as the figures of {unit} {name} (from {source})",
    ),
    "tables.from-title": ("dòng tên bảng {row}: '{text}'", "title row {row}: '{text}'"),
    "tables.in-sheet": ("{file} (trang '{sheet}'): {note}", "{file} (sheet '{sheet}'): {note}"),
    "tables.from-option": ("tùy chọn {option}", "option {option}"),
}
