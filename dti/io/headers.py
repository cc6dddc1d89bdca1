"""Header names we understand, in English and Vietnamese, matched on folded text.

`header_key` folds case, diacritics, spacing and punctuation, so `Mã đơn vị`, `MA DON VI` and
`mã  đơn-vị` are one header. The alias table below is the documentation too: `dti score --help`, the
docs and the README print it, so they cannot drift.
"""

from __future__ import annotations

import re

from dti.text import header_key, plain_key

# canonical meaning → the headers people write (any case, with or without diacritics)
ALIAS_TABLE: dict[str, tuple[str, ...]] = {
    "unit": (
        "unit",
        "code",
        "mã",
        "đơn vị",
        "mã đơn vị",
        "mã tỉnh",
        "mã địa phương",
        "tỉnh",
        "thành phố",
        "tỉnh, thành phố",
        "tỉnh/thành phố",
        "tỉnh/tp",
        "tỉnh, tp",
        "địa phương",
        "tên tỉnh, thành phố",
        # a province's own indices: its districts, communes and departments
        "mã huyện",
        "mã xã",
        "huyện",
        "quận, huyện",
        "xã",
        "xã, phường",
        "xã, phường, thị trấn",
        "phường, xã",
        "cơ quan, đơn vị",
        "sở, ngành",
    ),
    "name": ("name", "tên", "tên đơn vị", "tên tỉnh", "tên địa phương", "tên huyện", "tên xã", "tên cơ quan"),
    "indicator": ("indicator", "chỉ số", "mã chỉ số", "chỉ tiêu", "mã chỉ tiêu", "tiêu chí", "mã tiêu chí"),
    "value": (
        "value",
        "giá trị",
        "kết quả",
        "số liệu",
        "kết quả thực hiện",
        "điểm",
        "giá trị chỉ số",
        # a unit's own assessment (a commune's self-assessment report)
        "kết quả tự đánh giá",
        "kết quả tự chấm",
        "điểm tự đánh giá",
        "điểm tự chấm",
    ),
    # the unit of measure of a row (`%`, `người`, `hồ sơ`): a hint, never the unit the row is about
    "measure": ("measure", "đơn vị tính", "đvt", "đơn vị đo", "đơn vị tính toán"),
    "rank": ("rank", "xếp hạng", "thứ hạng", "hạng", "thứ tự xếp hạng"),
    "stage": ("stage", "giai đoạn", "bước"),
    "note": ("note", "ghi chú", "nguồn", "minh chứng", "ghi chú / minh chứng", "note / evidence"),
    "year": ("year", "năm"),
    "region": ("region", "vùng", "khu vực", "vùng kinh tế"),
    "skip": ("stt", "tt", "số tt", "số thứ tự", "no", "no."),
}
META = frozenset(
    {"unit", "name", "year", "stage", "note", "region", "skip", "measure", "numerator", "denominator"}
)
STAGES = {
    "": "",
    "self": "self",
    "tự đánh giá": "self",
    "tu danh gia": "self",
    "tự chấm": "self",
    "verified": "verified",
    "thẩm định": "verified",
    "tham dinh": "verified",
}
RANK_COLUMN = re.compile(r"^rank(?:_(.+))?$", re.IGNORECASE)
# Words under a group header (`Chỉ số DTI` over `Giá trị | Xếp hạng`): the group's value, or its rank.
SUB_VALUE = frozenset({"gia tri", "diem", "chi so", "ket qua", "value", "score"})
SUB_RANK = frozenset({"xep hang", "thu hang", "hang", "rank"})
# Rows that summarise the table instead of naming a unit.
SUMMARY = frozenset(
    {
        "trung binh ca nuoc",
        "trung binh chung",
        "trung binh",
        "ca nuoc",
        "toan quoc",
        "tong cong",
        "tong",
        "tong so",
        "binh quan",
        "binh quan chung",
        "binh quan ca nuoc",
    }
)
# The summary rows that hold the table's mean (a published mean, never a unit); the rest are sums.
MEANS = SUMMARY - {"tong cong", "tong", "tong so"}
# A region's mean row: `Trung bình vùng Đồng bằng sông Hồng`, `Bình quân vùng Tây Nguyên` (the region in
# group 1, folded)
REGION_MEAN = re.compile(r"^(?:trung binh|binh quan)(?: chung)?(?: cua)? vung (.+)$")
# What offices write under a table (folded with header_key): the footer, never data.
# Signature titles, after an optional `KT.` / `TM.` / `TL.` (signing for, on behalf of, by order of).
SIGNATURE_TITLES = frozenset(
    {
        "nguoi lap bieu",
        "nguoi lap bang",
        "nguoi lap",
        "nguoi tong hop",
        "nguoi kiem tra",
        "nguoi duyet",
        "can bo tong hop",
        "giam doc",
        "pho giam doc",
        "chu tich",
        "pho chu tich",
        "thu truong",
        "thu truong don vi",
        "thu truong co quan",
        "lanh dao don vi",
        "ke toan truong",
        "truong phong",
        "pho truong phong",
        "chanh van phong",
        "pho chanh van phong",
        "bi thu",
        "truong ban",
        "pho truong ban",
        "truong ban chi dao",
        "kiem",
        "xac nhan cua thu truong don vi",
    }
)
SIGNING_FOR = re.compile(r"^(?:KT|TM|TL|TUQ|TTL|Q)\.\s*\w", re.IGNORECASE)  # KT. GIÁM ĐỐC, TM. ỦY BAN …
# `Ninh Thuận, ngày 15 tháng 6 năm 2025`, `…, ngày … tháng … năm …`: the day a form was signed.
DATE_LINE = re.compile(
    r"(?:^|\s)ngay(?:(?:\s+\S+)?\s+thang(?:\s+\S+)?\s+nam(?:\s+\S+)?|\s+\d{1,2}\s+\d{1,2}\s+\d{4})$"
)
DATE_START = re.compile(r"(?:^|,)\s*ngay\b")  # `Ngày …` or `<place>, ngày …`: not `Đã ban hành ngày …`
RECIPIENTS = ("noi nhan",)  # `Nơi nhận:` and its list (`- Như trên;`, `- Lưu: VT.`)
FILED = ("nhu tren", "luu")


def is_date_line(text: str) -> bool:
    """`…, ngày 15 tháng 6 năm 2025`: when a form was signed (never the year of its data)."""
    return (
        len(text) <= 80
        and DATE_LINE.search(header_key(text)) is not None
        and DATE_START.search(plain_key(text)) is not None
    )


def is_footer_mark(text: str) -> bool:
    """A text only a footer holds: a date line, a signature title, `(Ký, ghi rõ họ tên)`, `Nơi nhận:`,
    `- Như trên;`, `- Lưu: VT.`."""
    stripped = text.strip()
    key = header_key(stripped)
    if not key or len(stripped) > 80:
        return False
    if stripped[0] in "-+•":
        return key.startswith(FILED)
    if stripped[0] == "(":
        return re.search(r"\bky\b", key) is not None  # (Ký, ghi rõ họ tên), (Ký tên, đóng dấu), (Đã ký)
    if SIGNING_FOR.match(stripped) or key.startswith(RECIPIENTS) or key in SIGNATURE_TITLES:
        return True
    words = key.split()
    uppercase = stripped.isupper()
    return (uppercase and any(" ".join(words[:n]) in SIGNATURE_TITLES for n in (2, 3))) or is_date_line(
        stripped
    )


# Headers people use for the total of a provincial index.
TOTAL_NAMES = ("dti", "chỉ số dti", "điểm dti", "chỉ số chuyển đổi số", "chỉ số chuyển đổi số dti")

# A ratio's counts beside its value (the collection workbook of `dti template`): read as `a/b` in the value
# column (dti/engine/reported.py). Said in docs/template.md, not in the alias table: they only pair a value.
COUNT_HEADERS: dict[str, tuple[str, ...]] = {
    "numerator": ("numerator", "tử số"),
    "denominator": ("denominator", "mẫu số"),
}
ALIASES: dict[str, str] = {
    header_key(h): meaning for meaning, heads in (ALIAS_TABLE | COUNT_HEADERS).items() for h in heads
}


def canonical(header: str) -> str:
    """The column's meaning: an alias's canonical name, else the header itself (maybe a node code)."""
    return ALIASES.get(header_key(header), header)


def alias_markdown() -> str:
    """The alias table as Markdown, for the README (a test keeps the two equal)."""
    lines = ["| column | headers accepted (any case, with or without diacritics) |", "| --- | --- |"]
    for meaning, heads in ALIAS_TABLE.items():
        lines.append(f"| `{meaning}` | " + ", ".join(f"`{h}`" for h in heads) + " |")
    return "\n".join(lines)


def alias_help() -> str:
    """The alias table in one paragraph per meaning, for --help."""
    return "\n\n".join(f"{meaning}: {' · '.join(heads)}" for meaning, heads in ALIAS_TABLE.items())


def is_summary(text: str) -> bool:
    """A cell that is only a summary label (`Trung bình cả nước`), not a name that starts like one
    (`Tổng số cán bộ được tập huấn` is a target)."""
    key = header_key(text)
    return key in SUMMARY or REGION_MEAN.match(key) is not None


def is_mean(text: str) -> bool:
    """A summary label that names the table's mean (`Trung bình cả nước`, `Bình quân`, `Cả nước`) or a
    region's (`Trung bình vùng Tây Nguyên`)."""
    key = header_key(text)
    return key in MEANS or REGION_MEAN.match(key) is not None


def mean_region(text: str) -> str | None:
    """The region a mean row names, folded (`Trung bình vùng Tây Nguyên` → `tay nguyen`); None for the
    table's whole mean."""
    found = REGION_MEAN.match(header_key(text))
    return found.group(1) if found else None


__all__ = [
    "ALIASES",
    "ALIAS_TABLE",
    "META",
    "RANK_COLUMN",
    "STAGES",
    "SUB_RANK",
    "SUB_VALUE",
    "TOTAL_NAMES",
    "canonical",
    "is_date_line",
    "is_footer_mark",
    "is_mean",
    "mean_region",
    "is_summary",
]
