"""JSON output: never NaN or Infinity (None instead), numpy scalars as plain numbers, a file name's
undecodable bytes as the text \\xff."""

from __future__ import annotations

import json
import math
from typing import Any

from dti.write.files import printable


def clean(value: Any) -> Any:
    """A copy of `value` that the JSON standard allows: non-finite floats become None."""
    if isinstance(value, str):
        return printable(value)  # a file name's undecodable bytes as \xff
    if isinstance(value, dict):
        return {printable(str(k)): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if hasattr(value, "item") and callable(value.item):  # a numpy or pandas scalar
        value = value.item()
        if isinstance(value, int | bool | str) or value is None:
            return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None if _is_missing(value) else str(value)
    return number if math.isfinite(number) else None


def _is_missing(value: Any) -> bool:
    return type(value).__name__ in ("NAType", "NaTType")


def dumps(data: Any) -> str:
    """Indented UTF-8 JSON; raises ValueError rather than ever writing NaN."""
    return json.dumps(clean(data), ensure_ascii=False, indent=2, allow_nan=False)
