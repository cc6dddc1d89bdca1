"""A document: what `dti report` writes, as neutral data that the HTML and XLSX writers both render.

A Document is a list of Sections. Each section has headline facts, lines of text, tables (Views) and
charts (Charts). A Chart is the data behind a picture, built by a pure function from library objects, so a
test can check what a chart shows without drawing it. Numbers stay numbers; writers format them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from dti.views.base import Kind, Lang, View

ChartKind = Literal["bar", "hbar", "line", "interval", "histogram"]
Decimal = Literal[".", ","]


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    low: list[float | None] | None = None  # an interval chart: the lower and upper ends per category
    high: list[float | None] | None = None


@dataclass(frozen=True)
class Chart:
    """The data behind a chart: one bar (or point) per category and series.

    bar: vertical bars (a ranking: one bar per unit, `highlight` in the accent colour); hbar: horizontal
    bars, one group per category (a unit's pillars against the means); line: a series over the categories
    (ranks over years; `invert` puts rank 1 at the top); interval: a point and a low-high bar per category;
    histogram: the series' values binned (`bins`).
    """

    key: str  # stable id: the HTML element's id, and what tests look for
    kind: ChartKind
    title: str
    categories: list[str]
    series: list[Series]
    highlight: list[int] = field(default_factory=list)  # category indices drawn in the accent colour
    axis: str = ""  # the value axis label
    digits: int = 4  # decimals of the value labels
    invert: bool = False  # ranks: 1 at the top
    limits: tuple[float, float] | None = None  # the value axis, when fixed (0..1 for index values)
    bins: int = 10
    stacked: bool = False  # bar/hbar: the series stacked into one bar per category (parts of a whole)


@dataclass(frozen=True)
class Fact:
    """A headline figure: 'DTI 2024 | 0,8436 | hạng 1/63, tăng 9 bậc'."""

    label: str
    value: Any
    kind: Kind = "value"
    digits: int = 4
    note: str = ""
    tone: str | None = None  # up, down, met, not_met...


@dataclass
class Section:
    key: str  # stable id: HTML anchor, and what tests look for
    title: str
    facts: list[Fact] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # paragraphs, already in the document's language
    # tables shown in HTML and written as sheets (a view whose `sheet` is "" is for the page only: an
    # excerpt of a table that `sheets` holds whole)
    views: list[View] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    sheets: list[View] = field(default_factory=list)  # tables for the workbook only (too long for a page)


@dataclass
class Document:
    title: str
    subtitle: str
    lang: Lang = "vi"
    decimal: Decimal = ","
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes: the spec, provisional components, sources

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def charts(self) -> list[Chart]:
        return [c for s in self.sections for c in s.charts]
