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
    "tables.in-table": ("{file} (bảng {table}): {note}", "{file} (table {table}): {note}"),
    "tables.from-option": ("tùy chọn {option}", "option {option}"),
    "tables.value-as-node": (
        "--columns đặt cột '{header}' là {code}, nhưng tệp có cột chỉ số '{indicator}': mỗi dòng ghi chỉ "
        "số của nó, nên cột kết quả là cột giá trị; hãy dùng --columns '{header}=value' (chỉ đặt một cột là "
        "mã chỉ số ở tệp dạng ngang, mỗi chỉ số một cột)",
        "--columns makes '{header}' the column of {code}, but the file has an indicator column "
        "('{indicator}'): each row names its indicator, so the results column is the value; use --columns "
        "'{header}=value' (a column is a code's only in a wide file, one column per indicator)",
    ),
    "tables.as-unit-ignored": (
        "tệp có cột đơn vị '{column}': đơn vị đọc từ cột này, bỏ qua --as-unit '{text}' (--as-unit chỉ "
        "dành cho tệp không có cột đơn vị)",
        "the file has a unit column '{column}': units are read from it and --as-unit '{text}' is not used "
        "(--as-unit is for files without a unit column)",
    ),
    "tables.as-unit-disagrees": (
        "--as-unit '{text}' nhưng cột đơn vị '{column}' của tệp ghi đơn vị khác: {units}; hãy kiểm tra "
        "đúng tệp, hoặc bỏ --as-unit (chỉ dành cho tệp không có cột đơn vị)",
        "--as-unit '{text}', but the file's unit column '{column}' names other units: {units}; check the "
        "file, or leave out --as-unit (it is for files without a unit column)",
    ),
    "tables.register-no-data": (
        "đơn vị trong danh mục (--units) không có số liệu trong tệp nào, nên không được xếp hạng: {units}",
        "units of the register (--units) that no file gives figures for, so they are not ranked: {units}",
    ),
    "tables.unknown-indicator": (
        "'{text}' không phải mã, số thứ tự hay tên của chỉ số nào trong bộ chỉ số {spec}{hint}; hãy ghi mã "
        "hoặc đúng tên chỉ số (xem `dti spec show {spec}`)",
        "'{text}' is not the code, number or name of any node of spec {spec}{hint}; write the code or the "
        "node's name as the spec has it (see `dti spec show {spec}`)",
    ),
    "tables.indicator-empty": (
        "ô tên chỉ số trống{hint}; hãy ghi mã hoặc tên chỉ số của bộ chỉ số {spec}",
        "the indicator cell is empty{hint}; write a code or a node's name of spec {spec}",
    ),
    "tables.number-is": (
        " (cột '{column}' ghi {number}: {column} {number} = {code} '{name}'?)",
        " (column '{column}' says {number}: {column} {number} = {code} '{name}'?)",
    ),
}
