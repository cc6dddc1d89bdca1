"""Header names we understand (English and Vietnamese), matched on folded text."""

from __future__ import annotations

import re

from dti.numbers import fold

ALIASES = {
    "unit": "unit",
    "đơn vị": "unit",
    "code": "unit",
    "mã": "unit",
    "ma": "unit",
    "indicator": "indicator",
    "chỉ số": "indicator",
    "chỉ tiêu": "indicator",
    "value": "value",
    "giá trị": "value",
    "stage": "stage",
    "giai đoạn": "stage",
    "note": "note",
    "ghi chú": "note",
    "year": "year",
    "năm": "year",
    "name": "name",
    "tên": "name",
    "tên đơn vị": "name",
    "region": "region",
    "vùng": "region",
}
META = frozenset({"unit", "name", "year", "stage", "note", "region"})
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


def canonical(header: str) -> str:
    """The column's meaning: an alias's canonical name, else the header itself (a node code)."""
    return ALIASES.get(fold(header), header)
