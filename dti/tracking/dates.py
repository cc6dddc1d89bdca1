"""Dates and reporting periods as people write them in Vietnamese plans and logs.

Dates: `30/06/2026`, `30-6-2026`, `30.06.2026`, ISO `2026-06-30` (`2026-06-30 00:00:00` too; a
workbook's date cell reads as the sheet shows it, `30/06/2026`) and Excel serial numbers (`46203`).
Periods: `Quý III/2026`, `Q3/2026`, `Quý 3 năm 2026`, `Tháng 6/2026`, `6/2026`, `6 tháng đầu năm 2026`,
`Năm 2026`, `2026`. A deadline is a date or a period (its last day); `Thường xuyên` and `Hằng năm` set none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Literal

from dti.text import header_key
from dti.words import Lang, Note, note

Kind = Literal["month", "half", "quarter", "year", "once"]
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
EXCEL_EPOCH = dt.date(1899, 12, 30)
# The years a calendar works in (as the CLI's --year): a due day, a period's end and an ICS event's end
# (the day after) stay within what datetime.date holds.
YEARS = (1900, 2100)
# Excel serials of 1982-2119: a plain number in that range in a date column is a date, not a count.
EXCEL_SERIALS = (30000, 80000)

_DMY = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
# `ngày 05 tháng 12 năm 2023`, as official documents write a date (folded: header_key)
_WORDS = re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")
# Folded text (header_key): `quy iii 2026`, `q3 2026`, `quy 3 nam 2026`, `thang 6 2026`, `nam 2026`.
_QUARTER = re.compile(r"(?:quy|q)\s*(i{1,3}|iv|[1-4])(?:\s+nam)?\s+(\d{4})")
_MONTH = re.compile(r"(?:thang|t)\s*(\d{1,2})(?:\s+nam)?\s+(\d{4})|(\d{1,2})\s+(\d{4})")
_HALF = re.compile(r"6 thang (dau|cuoi) nam\s+(\d{4})|(?:h|nua nam\s*)([12])\s+(\d{4})")
_YEAR = re.compile(r"(?:nam\s+)?(\d{4})")
_SPAN = re.compile(r"(?:giai doan\s+)?(\d{4})\s+(\d{4})")  # `2026-2030` folds to `2026 2030`
_BEFORE = re.compile(r"^(?:truoc|cham nhat|han|den|trong)(?:\s+ngay)?\s+(?=\S)")
NO_DEADLINE = frozenset(
    {"thuong xuyen", "hang nam", "hang quy", "hang thang", "lien tuc", "ongoing", "hoan thanh ngay"}
)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: `Q3 2026`, `2026`, `06/2026`, `H1 2026`, or a one-off request's name."""

    year: int
    kind: Kind
    number: int = 0  # the month, half or quarter; 0 for a year
    name: str = ""  # a one-off request (đột xuất): its name

    @property
    def start(self) -> dt.date:
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "once": 12}[self.kind]
        first = 1 + (self.number - 1) * months if self.number else 1
        return dt.date(self.year, first, 1)

    @property
    def end(self) -> dt.date:
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "once": 12}[self.kind]
        return shift(self.start, months - 1, -1)

    @property
    def key(self) -> str:
        """The period as JSON and CSV write it: `Q3 2026`, `2026`, `06/2026`, `H1 2026`."""
        if self.kind == "quarter":
            return f"Q{self.number} {self.year}"
        if self.kind == "month":
            return f"{self.number:02d}/{self.year}"
        if self.kind == "half":
            return f"H{self.number} {self.year}"
        return self.name or str(self.year)

    def note(self) -> Note:
        """The period as a report says it (a one-off request has its own name: see `label`)."""
        if self.kind == "quarter":
            return note(
                "tracking.period.quarter", number=note(f"tracking.quarter.{self.number}"), year=self.year
            )
        if self.kind == "month":
            return note("tracking.period.month", month=note(f"tracking.month.{self.number}"), year=self.year)
        if self.kind == "half":
            return note(f"tracking.period.{'first' if self.number == 1 else 'second'}-half", year=self.year)
        return note("tracking.period.year", year=self.year)

    def label(self, lang: Lang = "vi") -> str:
        """`quý III/2026`, `năm 2026`, `tháng 6/2026` (en: `Q3 2026`, `June 2026`); a request's name."""
        return self.name if self.kind == "once" else self.note().text(lang)


def shift(start: dt.date, months: int, on: int) -> dt.date:
    """The date `months` months after the month of `start`, on day `on` of that month; a day past the
    month's end is its last day (31 → 30 June, 29 → 28 February outside leap years), -1 is the last day."""
    total = start.year * 12 + start.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, last if on == -1 or on > last else on)


def parse_date(text: str, native: float = math.nan) -> dt.date | None:
    """A date as written (`30/06/2026`, `2026-06-30`, `ngày 30 tháng 6 năm 2026`, an Excel serial), or
    None; None too for a date outside YEARS (31/12/9999: its day after, or a period's end, would
    overflow)."""
    day = _date(text, native)
    return day if day is not None and YEARS[0] <= day.year <= YEARS[1] else None


def _date(text: str, native: float) -> dt.date | None:
    if not math.isnan(native) and EXCEL_SERIALS[0] <= native < EXCEL_SERIALS[1]:
        return EXCEL_EPOCH + dt.timedelta(days=int(native))
    text = text.strip()
    try:
        if match := _DMY.fullmatch(text) or _DMY.search(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if match := _ISO.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _WORDS.search(header_key(text)):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:  # 31/02/2026, or year 0
        return None
    if _SERIAL.fullmatch(text) and EXCEL_SERIALS[0] <= float(text) < EXCEL_SERIALS[1]:
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    return None


def parse_period(text: str) -> Period | None:
    """A period as written (`Quý III/2026`, `Q3/2026`, `Quý 3 năm 2026`, `Năm 2026`, `Tháng 6/2026`);
    None for a year outside YEARS (`Năm 0000` has no first day)."""
    period = _period(header_key(text))
    return period if period is not None and YEARS[0] <= period.year <= YEARS[1] else None


def _period(key: str) -> Period | None:
    if match := _QUARTER.fullmatch(key):
        number = ROMAN.get(match[1]) or int(match[1])
        return Period(int(match[2]), "quarter", number)
    if match := _HALF.fullmatch(key):
        number = (1 if match[1] == "dau" else 2) if match[1] else int(match[3])
        return Period(int(match[2] or match[4]), "half", number)
    if match := _MONTH.fullmatch(key):
        month, year = int(match[1] or match[3]), int(match[2] or match[4])
        return Period(year, "month", month) if 1 <= month <= 12 else None
    if match := _YEAR.fullmatch(key):
        return Period(int(match[1]), "year")
    return None


def parse_deadline(text: str, native: float = math.nan) -> tuple[dt.date | None, bool]:
    """A deadline as plans write it → (date, understood). A period means its last day; `Thường xuyên`
    (ongoing) and an empty cell mean none; `Trước ngày 30/6/2026` is 30/06/2026."""
    if (day := parse_date(text, native)) is not None:
        return day, True
    key = _BEFORE.sub("", header_key(text))
    if not key or key in NO_DEADLINE:
        return None, True
    if (period := parse_period(key)) is not None:
        return period.end, True
    if (match := _SPAN.fullmatch(key)) and YEARS[0] <= int(match[2]) <= YEARS[1]:
        return dt.date(int(match[2]), 12, 31), True
    return None, False
