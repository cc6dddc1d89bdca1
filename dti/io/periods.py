"""The result columns of a target list, each with its role and period, from the header as people write it.

`KQTH 6 tháng đầu năm 2024` is the current period's result; `Cùng kỳ năm 2023` (or `Cùng kỳ`, or a result
column of the same months a year earlier) the same period last year; `Trung bình cả nước` and `Trung bình
vùng` the benchmarks. Which header names which role is dti/io/appendix.py's HEADERS (the one alias table);
here a header's period is read and the current column chosen: the latest period of the latest year (a
result column without a year is of that year), or the only result column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dti.io.grid import col_letter
from dti.issues import Issue, IssueCode, Severity, issue
from dti.text import header_key
from dti.words import Note, note

Role = Literal["current", "same_period", "national", "regional", "other"]
ROLES: tuple[Role, ...] = ("current", "same_period", "national", "regional", "other")
# The header meanings (HEADERS in appendix.py) that hold a result-like column, and the role each gives.
MEANINGS: dict[str, Role] = {
    "result": "current",
    "same_period": "same_period",
    "national": "national",
    "regional": "regional",
}
_MONTHS = re.compile(r"(?<!\w)(\d{1,2}) thang(?!\w)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_WHOLE_YEAR = re.compile(r"(?<!\w)(?:ca nam|nam)(?!\w)")


@dataclass(frozen=True)
class Period:
    """A span of the year as a header writes it: months from January (6: `6 tháng`, 12: `cả năm`) and the
    year; either may be unknown (None)."""

    months: int | None = None
    year: int | None = None

    def label(self) -> Note:
        """`6 tháng năm 2024`, `cả năm 2023`, `năm 2024`, `` as a Note (the views word it)."""
        year = "" if self.year is None else note("tracking.period.of-year", year=self.year)
        if self.months is None:
            return note("tracking.period.only", year=year)
        if self.months == 12:  # `cả năm 2023`, not `cả năm năm 2023`
            return (
                note("tracking.period.whole")
                if self.year is None
                else note("tracking.period.whole-of", year=self.year)
            )
        return note("tracking.period.months", months=self.months, year=year)


def read_period(header: str) -> Period:
    """The period a header names: `KQTH 6 tháng đầu năm 2024` → 6 months of 2024; `Ước thực hiện cả năm`
    → 12 months; `Kết quả năm 2023` → the whole of 2023 (`Cùng kỳ năm 2023`: the year only); `Cùng kỳ`
    → unknown."""
    key = header_key(header)
    year = _YEAR.search(key)
    months: int | None = None
    if (match := _MONTHS.search(key)) is not None and 1 <= int(match[1]) <= 12:
        months = int(match[1])
    elif re.search(r"(?<!\w)ca nam(?!\w)", key) or (
        year is not None and "cung ky" not in key and _WHOLE_YEAR.search(key[: year.start()])
    ):
        months = 12
    return Period(months, None if year is None else int(year[1]))


@dataclass(frozen=True)
class ResultColumn:
    """A result-like column: where it is, its header, role and period."""

    index: int  # the grid column
    header: str
    role: Role
    period: Period


def assign_roles(columns: list[tuple[int, str, str]]) -> tuple[list[ResultColumn], list[ResultColumn]]:
    """Give each (index, header, meaning) result-like column its role and period; returns the columns
    and those whose role cannot be told (a second column for one role that nothing tells apart).

    The current column is the latest period of the latest year among the result columns (a result
    column without a year is of the latest year); a result column of the same months one year earlier
    is the same period last year unless a `Cùng kỳ` column says which; other result columns are `other`.
    `Cùng kỳ` without a year is the year before the current; a benchmark without a period is the
    current one's. Of two columns of one role, the one of the expected period is used."""
    results = [(i, read_period(h)) for i, h, m in columns if MEANINGS[m] == "current"]
    latest = max((p.year for _, p in results if p.year is not None), default=None)
    periods = {i: Period(p.months, latest if p.year is None else p.year) for i, p in results}
    order = {i: (p.year or 0, p.months or 0) for i, p in periods.items()}
    top = max(order.values(), default=None)
    now = next((periods[i] for i in periods if order[i] == top), Period())
    last = Period(now.months, None if now.year is None else now.year - 1)
    explicit = any(MEANINGS[m] == "same_period" for _, _, m in columns)
    out: list[ResultColumn] = []
    for index, header, meaning in columns:
        role = MEANINGS[meaning]
        if role == "current":
            period = periods[index]
            if order[index] != top:
                role = "same_period" if period == last and last.year is not None and not explicit else "other"
        else:
            own = read_period(header)
            year = own.year if own.year is not None else (last.year if role == "same_period" else now.year)
            period = Period(own.months if own.months is not None else now.months, year)
        out.append(ResultColumn(index, header, role, period))
    ambiguous: list[ResultColumn] = []
    for role in ("current", "same_period", "national", "regional"):
        found = [c for c in out if c.role == role]
        expected = [c for c in found if c.period == (last if role == "same_period" else now)]
        keep = expected[0] if len(expected) == 1 and role != "current" else found[0] if found else None
        if len(found) > 1 and not (len(expected) == 1 and role != "current"):
            ambiguous += [c for c in found if c is not keep]
        out = [
            c if c.role != role or c is keep else ResultColumn(c.index, c.header, "other", c.period)
            for c in out
        ]
    return out, ambiguous


def yaml_roles(keys: list[str]) -> list[ResultColumn]:
    """A YAML list's result (`result`) and its `same_period`, `national`, `regional` keys as columns
    (periods unknown: a YAML item names its roles)."""
    return [ResultColumn(i, key, MEANINGS[key], Period()) for i, key in enumerate(["result", *keys])]


def ambiguity_issues(ambiguous: list[ResultColumn], file: str, sheet: str | None, row: int) -> list[Issue]:
    """A `duplicate-header` issue at each column whose role cannot be told: an error for the current
    result (which to judge?), a warning for last year's or an average (the first is used)."""
    return [
        issue(
            IssueCode.DUPLICATE_HEADER,
            Severity.ERROR if column.role == "current" else Severity.WARNING,
            f"tracking.targets.ambiguous-{column.role.replace('_', '-')}",
            {"column": column.header, "period": column.period.label()},
            file=file,
            sheet=sheet,
            row=row,
            column=column.header,
            cell=f"{col_letter(column.index)}{row}",
        )
        for column in ambiguous
    ]
