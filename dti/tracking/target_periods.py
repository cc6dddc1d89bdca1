"""The change from last year and the position against a benchmark, per target, for a list whose result
columns include the same period last year (`Cùng kỳ năm 2023`) or an average (`Trung bình cả nước`).

Which column plays which role is read from the headers (dti/io/periods.py); here their cells are read as
the result column's are (Excel's stored numbers, percent formats, `1,5 triệu`, fractions of a percent
target), and compared with the current result. A target written `không quá`, `dưới`, `tối đa` (≤, <) is
one where lower is better: a fall is an improvement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from dti.io.periods import ResultColumn
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import parse_column
from dti.tracking.target_text import Target, result_token

TRENDS = ("improved", "worsened", "unchanged")
BENCHMARKS = ("national", "regional")
_TOLERANCE = 1e-9


def column_key(column: ResultColumn) -> str:
    """The frame column holding a result-like column's cells (`result` for the current one)."""
    return "result" if column.role == "current" else f"x{column.index}"


def column_values(
    frame: pd.DataFrame, column: ResultColumn, targets: Sequence[Target], name: str, issues: list[Issue]
) -> np.ndarray:
    """A result-like column's cells as numbers to compare (NaN where none): Excel's numbers as stored, texts
    read as the file writes them; bare numbers against percent targets read as fractions when all of them
    lie in 0…1 (each said, as for the result column)."""
    key = column_key(column)
    text = frame[key].tolist()
    native = (
        frame[f"{key}_native"].to_numpy(dtype=float)
        if f"{key}_native" in frame
        else np.full(len(text), np.nan)
    )
    shown = (
        frame[f"{key}_percent"].to_numpy(dtype=bool)
        if f"{key}_percent" in frame
        else np.zeros(len(text), bool)
    )
    tokens = [result_token(t) for t in text]
    parsed = parse_column(
        [tok if np.isnan(x) else "" for (tok, _, _), x in zip(tokens, native, strict=True)]
    )[0]
    read = parsed.value * np.array([scale for _, scale, _ in tokens], dtype=float)
    values = np.where(np.isnan(native), read, native)
    values = np.where(np.isfinite(values), values, np.nan)
    written = np.where(np.isnan(native), [p for _, _, p in tokens], shown).astype(bool)
    percent = np.array([t.percent for t in targets], dtype=bool)
    bare = percent & ~written & np.isfinite(values)
    if bare.any() and ((values[bare] >= 0) & (values[bare] <= 1)).all():
        for i in np.flatnonzero(bare & (values > 0)):
            issues.append(
                issue(
                    IssueCode.READ_AS_FRACTION,
                    Severity.WARNING,
                    "tracking.targets.fraction",
                    {"text": text[i] or values[i], "percent": round(float(values[i]) * 100, 2)},
                    file=name,
                    row=int(frame.at[i, "row"]),
                    column=column.header,
                    cell=frame.at[i, "cells"].get(key),
                    indicator=frame.at[i, "id"] or None,
                    value=text[i],
                )
            )
        values = np.where(bare, values * 100, values)
    return values


def compare(
    frame: pd.DataFrame,
    columns: list[ResultColumn],
    current: np.ndarray,
    targets: Sequence[Target],
    name: str,
    issues: list[Issue],
) -> pd.DataFrame:
    """Add each column's value (`value:<key>`), the change from the same period last year and its trend,
    and the difference from each benchmark with its position (above / below / equal)."""
    frame = frame.copy()
    frame["value:result"] = np.where(np.isfinite(current), current, np.nan)
    by_role: dict[str, np.ndarray] = {}
    for column in columns:
        if column.role == "current":
            continue
        values = column_values(frame, column, targets, name, issues)
        frame[f"value:{column_key(column)}"] = values
        if column.role != "other":
            by_role[column.role] = values
    lower = np.array([t.op in ("<=", "<") for t in targets], dtype=bool)
    if "same_period" in by_role:
        change = frame["value:result"].to_numpy(dtype=float) - by_role["same_period"]
        better = np.where(lower, -change, change)
        trend = _signs(change, better > 0, ("improved", "worsened", "unchanged"))
        frame["change"] = np.round(change, 10)
        frame["trend"] = pd.Series(trend, index=frame.index, dtype=object)
    for role in BENCHMARKS:
        if role not in by_role:
            continue
        diff = frame["value:result"].to_numpy(dtype=float) - by_role[role]
        position = _signs(diff, diff > 0, ("above", "below", "equal"))
        frame[f"{role}_difference"] = np.round(diff, 10)
        frame[f"{role}_position"] = pd.Series(position, index=frame.index, dtype=object)
    return frame


def _signs(difference: np.ndarray, up: np.ndarray, words: tuple[str, str, str]) -> np.ndarray:
    """Per difference: words[0] where `up`, words[2] where about zero, words[1] otherwise; None where NaN."""
    out = np.where(up, words[0], words[1]).astype(object)
    out[np.abs(difference) <= _TOLERANCE] = words[2]
    out[np.isnan(difference)] = None
    return out


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """Targets improved / worsened / unchanged since the same period last year (none without that column)."""
    if "trend" not in frame:
        return {}
    tally = frame["trend"].value_counts()
    return {t: int(tally.get(t, 0)) for t in TRENDS}


def _none(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def _period(column: ResultColumn) -> dict[str, Any]:
    period = column.period
    return {"months": period.months, "year": period.year}


def columns_json(columns: list[ResultColumn]) -> list[dict[str, Any]]:
    """Each result-like column's header, role and period (`dti targets --format json`)."""
    return [{"header": c.header, "role": c.role, **_period(c)} for c in columns]


def target_json(frame: pd.DataFrame, columns: list[ResultColumn], i: int) -> dict[str, Any]:
    """One target's value per result column, its change from last year and its position against the
    benchmarks."""
    values = [
        {
            "role": c.role,
            **_period(c),
            "text": frame[column_key(c)].iat[i],
            "value": _none(frame[f"value:{column_key(c)}"].iat[i]),
        }
        for c in columns
    ]
    out: dict[str, Any] = {"results": values}
    if "trend" in frame:
        out |= {"change": _none(frame["change"].iat[i]), "trend": frame["trend"].iat[i]}
    for role in BENCHMARKS:
        if f"{role}_position" in frame:
            out[role] = {
                "difference": _none(frame[f"{role}_difference"].iat[i]),
                "position": frame[f"{role}_position"].iat[i],
            }
    return out
