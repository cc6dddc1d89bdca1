"""Header names we understand, in English and Vietnamese, matched on folded text.

`header_key` folds case, diacritics, spacing and punctuation, so `Mã đơn vị`, `MA DON VI` and
`mã  đơn-vị` are one header. The alias table below is the documentation too: `dti columns` and the
README print it, so they cannot drift.
"""

from __future__ import annotations

import re

from dti.text import header_key

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
    "value": ("value", "giá trị", "kết quả", "số liệu", "điểm", "giá trị chỉ số"),
    "rank": ("rank", "xếp hạng", "thứ hạng", "hạng", "thứ tự xếp hạng"),
    "stage": ("stage", "giai đoạn", "bước"),
    "note": ("note", "ghi chú", "nguồn", "minh chứng"),
    "year": ("year", "năm"),
    "region": ("region", "vùng", "khu vực", "vùng kinh tế"),
    "skip": ("stt", "tt", "số tt", "số thứ tự", "no", "no."),
}
META = frozenset({"unit", "name", "year", "stage", "note", "region", "skip"})
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
# Headers people use for the total of a provincial index.
TOTAL_NAMES = ("dti", "chỉ số dti", "điểm dti", "chỉ số chuyển đổi số", "chỉ số chuyển đổi số dti")

ALIASES: dict[str, str] = {header_key(h): meaning for meaning, heads in ALIAS_TABLE.items() for h in heads}


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
    return header_key(text) in SUMMARY


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
    "is_summary",
]
