"""CSV output: text cells that a spreadsheet would run as a formula are escaped."""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_START = ("=", "@", "\t", "\r")


def escape(value: Any) -> Any:
    """Prefix a quote to text a spreadsheet would read as a formula (OWASP CSV injection).

    '+' and '-' start a formula too, but also signed numbers and the '-' a missing result is written
    as, so those are escaped only when they are followed by something other than a number.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START):
        return "'" + value
    if value[0] in "+-" and len(value) > 1 and not value[1:].lstrip().replace(",", ".")[:1].isdigit():
        return "'" + value
    return value


def dumps(frame: pd.DataFrame) -> str:
    """The frame as CSV without its index, text cells escaped."""
    text = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.assign(**{str(c): frame[c].map(escape) for c in text}) if len(text) else frame
    return safe.to_csv(index=False)
