"""The text of one value in a column, shared by the writers (terminal, plain text, HTML, Excel charts) and
the views that put numbers in sentences. No rich.

`decimal` is the decimal mark: "." (English) or "," (Vietnamese: 0,8436, +18,5 %, 1.234,5).
"""

from __future__ import annotations

import math
from typing import Any

from dti.views import Column
from dti.views.document import Decimal


def missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(value)
    except TypeError:
        return False


def half_up(value: float, digits: int) -> float:
    """Round as published tables do (0.45875 -> 0.4588), not half-to-even on the binary value."""
    scale = 10.0**digits
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def number(text: str, decimal: Decimal) -> str:
    """A number written with '.' as the decimal mark, in the decimal style asked for."""
    return text.replace(".", ",") if decimal == "," else text


def cell(column: Column, value: Any, decimal: Decimal = ".") -> str:
    """The text of one value in a column of the given kind."""
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    if missing(value) or value == "":
        return column.empty
    kind = column.kind
    if kind == "value":
        return number(f"{half_up(float(value), column.digits):.{column.digits}f}", decimal)
    if kind == "points":
        return number(f"{float(value):.2f}".rstrip("0").rstrip("."), decimal)
    if kind == "int":
        return str(int(value))
    if kind == "count":  # a count in a sentence or a box: thousands grouped ('10.000 đơn vị', '1.000 lượt')
        return f"{int(value):,}".replace(",", "." if decimal == "," else ",")
    if kind == "pct":
        return number("0.0 %" if abs(value) < 0.05 else f"{value:+.1f} %", decimal)
    if kind == "places":
        places = int(value)
        return f"▲ {places}" if places > 0 else f"▼ {-places}" if places < 0 else "= 0"
    if kind == "signed":
        return number(f"{float(value):+.2f}", decimal)
    if kind == "bool":
        return "yes" if value else "no"
    return str(value)
