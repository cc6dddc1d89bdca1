"""View and Column: a neutral table of raw values, and the vi/en labels the views share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    from dti.spec import Node, Spec

Lang = Literal["vi", "en"]
# text, value (a 0..1 value at `digits` decimals), points (up to 2 decimals), int (a rank, a year, a row:
# as it is), count (how many: thousands grouped), pct (a change in %), places (ranks gained, + = up),
# signed (a signed points change), bool, list (joined by spaces)
Kind = Literal["text", "value", "points", "int", "count", "pct", "places", "signed", "bool", "list"]


@dataclass(frozen=True)
class Coded:
    """A long text column given as its distinct texts and each row's index into them (a unit × component
    table repeats each unit and code): a writer escapes and encodes each distinct text once. Distinct
    numbers (a component's max) are written as the numbers in full would be."""

    texts: np.ndarray  # object: the distinct texts (or float: the distinct numbers)
    codes: np.ndarray  # int: each row's text

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: Kind = "text"
    digits: int = 4  # for kind "value"
    empty: str = "—"  # shown for None / NaN
    tone: str | None = None  # row key holding a tone (met, not_met, error, warning...) that colours the cell
    marker: str | None = None  # row key holding text appended to the cell (e.g. "p": a published rank)
    indent: str | None = None  # row key holding the tree level that indents the cell
    strong: bool = False
    optional: int = 0  # > 0: left out of a narrow terminal, the highest first (the rightmost of equals)

    @property
    def align(self) -> Literal["left", "right"]:
        return "left" if self.kind in ("text", "list") else "right"


@dataclass
class View:
    title: str | None
    columns: list[Column]
    rows: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)  # lines after the table
    strong: str | None = None  # row key holding a flag: show the row in bold
    sheet: str | None = None  # the name of its sheet in a workbook (at most 31 characters)
    # What a narrow terminal leaves out is said on stderr: this line, with {columns} and {width} filled in
    narrow: str | None = None
    # Number columns also given whole (key -> a float array, NaN where the row has None), when the view was
    # built from a matrix: a writer takes them as they are instead of from every row (10,000 x 111 values),
    # and the rows may leave those keys out
    numbers: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def column(self, key: str) -> list[Any] | np.ndarray:
        """The column's values in row order: its float array when the view has one, else from the rows."""
        found = self.numbers.get(key)
        return found if found is not None else [row.get(key) for row in self.rows]


def word(key: str, lang: Lang) -> str:
    """A table label (dti/words/labels.py)."""
    from dti.words import word as _word

    return _word(key, lang)


def narrow_hint(lang: Lang, how: str = "") -> str:
    """The stderr line of a terminal too narrow for every column ({columns}, {width}: the writer fills).

    `how` names the option that shows what is left out (e.g. '--show pillars: fewer columns').
    """
    if lang == "vi":
        return (
            "Cửa sổ {width} cột: ẩn {columns} ("
            + (how + "; " if how else "")
            + ("-o FILE hoặc chuyển hướng ra tệp ghi đủ các cột)")
        )
    return (
        "At {width} columns, not shown: {columns} ("
        + (how + "; " if how else "")
        + ("-o FILE or a pipe writes every column)")
    )


def as_float(value: Any) -> float | None:
    """A plain float, or None for None, NaN, pandas' NA and anything else that is not a number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def as_int(value: Any) -> int | None:
    number = as_float(value)
    return None if number is None else int(number)


def node_name(node: Node, lang: Lang) -> str:
    """A node's name in the language asked for (Vietnamese when it has no English name)."""
    return node.name_en if lang == "en" and node.name_en else node.name_vi


# The six socio-economic regions of the bundled province register (dti/data/provinces_2024.csv) → their
# words; a region of a user's register (a district) is a name, shown as written.
REGIONS = {
    "Trung du và miền núi phía Bắc": "region.northern-midlands",
    "Đồng bằng sông Hồng": "region.red-river-delta",
    "Bắc Trung Bộ và duyên hải miền Trung": "region.central-coast",
    "Tây Nguyên": "region.central-highlands",
    "Đông Nam Bộ": "region.southeast",
    "Đồng bằng sông Cửu Long": "region.mekong-delta",
}


def region_name(region: str | None, lang: Lang) -> str | None:
    """A region as the language names it: the bundled register's six regions in English with --lang en."""
    key = REGIONS.get(region or "")
    return word(key, lang) if key else region


def tree(spec: Spec, depth: int | None = None) -> list[tuple[str, int]]:
    """Codes in tree order from the total, with their level."""
    order: list[tuple[str, int]] = []

    def walk(code: str, level: int) -> None:
        order.append((code, level))
        if depth is None or level < depth:
            for child in spec.node(code).children:
                walk(child, level + 1)

    walk(spec.total, 0)
    return order
