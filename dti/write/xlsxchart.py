"""Native Excel charts for a report's Charts, their numbers on a 'chart data' sheet.

bar: a column chart (one column per category, the highlighted ones in the accent colour; of thousands, one
column per run of places holding its highest value, as the HTML report draws its outline); hbar: a bar
chart, first category at the top; line: a line with markers (`invert`: rank 1 at the top); histogram: a
column chart of the counts per bin (the bin holding a highlighted unit in the accent colour); interval:
the points as markers with low-high error bars. A highlighted point of a line or interval chart is a
series of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from xlsxwriter.utility import quote_sheetname, xl_range_abs

from dti.views import Column
from dti.views.cells import number
from dti.views.document import Chart, Decimal
from dti.words import say
from dti.write.svg import ACCENT, LINES, PLAIN, SERIES
from dti.write.svgparts import MANY
from dti.write.xlsxbook import Book, clean, number_format

TYPES = {"bar": "column", "hbar": "bar", "line": "line", "histogram": "column", "interval": "line"}
LABELLED = 15  # bars with at most this many values carry their value as a label


@dataclass(frozen=True)
class Block:
    """Where a chart's numbers are on the data sheet: rows first..last, a column per series part."""

    title: int  # the title row (title in A, axis label in B)
    first: int
    last: int
    columns: dict[tuple[int, str], int]  # (series, part) -> column; part: value, low, high, minus, plus


class ChartData:
    """The sheet that holds the numbers of every chart, one block under the other."""

    def __init__(self, book: Book, sheet: Any) -> None:
        self.book, self.sheet, self.name = book, sheet, sheet.get_name()
        self.row = 0
        self.offsets: dict[str, int] = {}  # sheet name -> pixels already taken by charts placed there
        self.widths: dict[int, int] = {0: 24}
        sheet.set_column(0, 0, 24)

    def ref(self, first: int, col: int, last: int | None = None) -> list[Any]:
        return [self.name, first, col, first if last is None else last, col]

    def formula(self, block: Block, col: int) -> str:
        return f"={quote_sheetname(self.name)}!{xl_range_abs(block.first, col, block.last, col)}"

    def write(
        self, chart: Chart, categories: list[str], parts: list[tuple[str, list[float | None]]]
    ) -> Block:
        """The chart's title and axis label, then a header row and a row per category."""
        book, sheet, top = self.book, self.sheet, self.row
        book.text(sheet, top, 0, chart.title, book.format(bold=True))
        if chart.axis:
            book.text(sheet, top, 1, chart.axis)
        header = top + 1
        for j, (label, values) in enumerate(parts, start=1):
            book.text(sheet, header, j, label, book.format(bold=True, bottom=1))
            if len(label) + 2 > self.widths.get(j, 10):
                self.widths[j] = min(len(label) + 2, 40)
                sheet.set_column(j, j, self.widths[j])
            column = Column("", "", "int" if _whole(chart) else "value", chart.digits)
            # whole columns (a ranking of 10,000 units); an empty value is an empty formatted cell, alone
            numbers = np.array([math.nan if v is None else v for v in values], dtype=float)
            given = np.isfinite(numbers)
            look = book.format(num_format=number_format(column.kind, column.digits))
            sheet.numbers(header + 1, j, np.where(given, numbers, math.nan), look)
            for i in np.flatnonzero(~given).tolist():
                book.put(sheet, header + 1 + i, j, column, values[i])
        sheet.strings(header + 1, 0, [clean(c) for c in categories], None)
        self.row = header + len(categories) + 2
        columns = {key: j for j, key in enumerate(_keys(chart), start=1)}
        return Block(top, header + 1, header + max(len(categories), 1), columns)


def _keys(chart: Chart) -> list[tuple[int, str]]:
    """(series, part) of each data column, in the order `_parts` gives them."""
    parts = ("value", "low", "high", "minus", "plus") if chart.kind == "interval" else ("value",)
    keys = [(s, part) for s in range(len(chart.series)) for part in parts]
    shown = _marker_highlight(chart) or (_outlined(chart) and bool(_shown_in_outline(chart)))
    return keys + [(0, "highlight")] if shown else keys


def _outlined(chart: Chart) -> bool:
    """A bar chart of more categories than bars can be told apart (outline draws it)."""
    return chart.kind == "bar" and len(chart.series) == 1 and len(chart.categories) > MANY


def _marker_highlight(chart: Chart) -> bool:
    """Points of a line are highlighted by a series of their own: a point's colour in a line chart
    colours the line to it, not its marker."""
    return chart.kind in ("line", "interval") and bool(chart.highlight) and bool(chart.series)


def bins(chart: Chart, decimal: Decimal) -> tuple[list[str], list[list[float | None]], list[int]]:
    """A histogram's bin labels ('0,70–0,80'), its counts per series (numpy's bins over the limits, or
    over the values' range), and the bins that hold the highlighted values of the first series."""
    found = [
        np.array([v for v in s.values if v is not None and math.isfinite(v)], float) for s in chart.series
    ]
    every = np.concatenate([*found, np.zeros(0)])
    if chart.limits is not None:
        low, high = chart.limits
    elif every.size:
        low, high = float(every.min()), float(every.max())
    else:
        low, high = 0.0, 1.0
    edges = np.histogram_bin_edges(every, bins=chart.bins, range=(low, high if high > low else low + 1))
    width = float(edges[1] - edges[0])
    digits = max(0, -math.floor(math.log10(width))) if width > 0 else chart.digits
    labels = [
        number(f"{a:.{digits}f}", decimal) + "–" + number(f"{b:.{digits}f}", decimal)
        for a, b in zip(edges[:-1], edges[1:], strict=True)
    ]
    counts: list[list[float | None]] = [[float(n) for n in np.histogram(v, bins=edges)[0]] for v in found]
    first = chart.series[0].values if chart.series else []
    marked = [first[i] for i in chart.highlight if 0 <= i < len(first)]
    inside = [v for v in marked if v is not None and edges[0] <= v <= edges[-1]]
    held = np.clip(np.searchsorted(edges, inside, side="right") - 1, 0, len(labels) - 1)
    return labels, counts, sorted({int(b) for b in held})


def _parts(chart: Chart, book: Book) -> tuple[list[str], list[tuple[str, list[float | None]]], list[int]]:
    """The categories, the data columns the chart plots (in the order of `_keys`) and the highlighted
    categories."""
    if chart.kind == "histogram":
        labels, counts, marked = bins(chart, book.decimal)
        return labels, [(s.label, c) for s, c in zip(chart.series, counts, strict=True)], marked
    if _outlined(chart):
        return outline(chart)
    parts: list[tuple[str, list[float | None]]] = []
    for series in chart.series:
        parts.append((series.label, list(series.values)))
        if chart.kind == "interval":
            low = series.low or [None] * len(series.values)
            high = series.high or [None] * len(series.values)
            parts += [(book.word("low"), list(low))]  # the interval's ends, not the series' own values
            parts += [(book.word("high"), list(high))]
            parts.append(("−", [_gap(v, lo) for v, lo in zip(series.values, low, strict=True)]))
            parts.append(("+", [_gap(hi, v) for v, hi in zip(series.values, high, strict=True)]))
    if _marker_highlight(chart):
        first = chart.series[0].values
        shown = [i for i in chart.highlight if 0 <= i < len(first)]
        label = ", ".join(chart.categories[i] for i in shown if i < len(chart.categories))
        parts.append((label, [v if i in shown else None for i, v in enumerate(first)]))
    return chart.categories, parts, chart.highlight


def outline(chart: Chart) -> tuple[list[str], list[tuple[str, list[float | None]]], list[int]]:
    """A bar chart of thousands of categories (a ranking of 10,000 communes, unreadable bar by bar) as
    at most MANY columns: each run of places (`1–25`, `26–50`…) the highest value in it; a highlighted
    category's own value a column of its own in front of its run's (add_chart titles the chart so)."""
    values = np.array([math.nan if v is None else v for v in chart.series[0].values], dtype=float)
    count = len(values)
    step = run_length(chart)
    starts = np.arange(0, count, step)
    tops = np.fmax.reduceat(values, starts)  # a run without a value: NaN, no column
    labels = [f"{a + 1}–{min(a + step, count)}" for a in starts.tolist()]
    parts = [(chart.series[0].label, [None if math.isnan(t) else t for t in tops.tolist()])]
    shown = _shown_in_outline(chart)
    if shown:
        own = np.full(len(starts), math.nan)
        for i in shown:  # two highlighted in one run: the higher
            own[i // step] = np.fmax(own[i // step], values[i])
        names = ", ".join(chart.categories[i] for i in shown)
        parts.append((names, [None if math.isnan(v) else v for v in own.tolist()]))
    return labels, parts, []


def _shown_in_outline(chart: Chart) -> list[int]:
    """The highlighted categories an outline draws a column of their own for: those with a value."""
    values = chart.series[0].values
    return [
        i
        for i in chart.highlight
        if 0 <= i < len(values) and values[i] is not None and values[i] == values[i]
    ]


def run_length(chart: Chart) -> int:
    """The places in a run of an outlined chart: as few as keep the columns at most MANY."""
    return -(-len(chart.categories) // MANY)


def _gap(high: float | None, low: float | None) -> float | None:
    return None if high is None or low is None else high - low


def add_chart(data: ChartData, sheet: Any, chart: Chart, row: int, col: int) -> None:
    """The chart's numbers on the data sheet, and a native chart of them on `sheet` at (row, col)."""
    book = data.book
    categories, parts, marked = _parts(chart, book)
    if _outlined(chart):  # the title says what a column is
        title = say("label.highest-of", book.lang, label=chart.title, step=run_length(chart))
        chart = replace(chart, title=title)
    block = data.write(chart, categories, parts)
    excel = book.book.add_chart({"type": TYPES[chart.kind]})
    labels = chart.kind in ("bar", "hbar") and len(categories) * len(chart.series) <= LABELLED
    whole = _whole(chart)
    digits = "0" if whole else "0." + "0" * chart.digits
    for s, _ in enumerate(chart.series):
        excel.add_series(_series(data, block, chart, s, labels, digits, marked))
    if (0, "highlight") in block.columns and chart.kind == "bar":  # an outline's own values, in front
        column = block.columns[(0, "highlight")]
        excel.add_series(
            {
                "name": data.ref(block.first - 1, column),
                "categories": data.ref(block.first, 0, block.last),
                "values": data.ref(block.first, column, block.last),
                "fill": {"color": ACCENT},
            }
        )
    elif (0, "highlight") in block.columns:
        column = block.columns[(0, "highlight")]
        marker = {"type": "circle", "size": 8, "fill": {"color": ACCENT}, "border": {"color": ACCENT}}
        excel.add_series(
            {
                "name": data.ref(block.first - 1, column),
                "categories": data.ref(block.first, 0, block.last),
                "values": data.ref(block.first, column, block.last),
                "marker": marker,
                "line": {"none": True},
            }
        )
    excel.set_title({"name": data.ref(block.title, 0), "name_font": {"size": 12}})
    _axes(excel, data, block, chart, len(categories))
    alone = len(chart.series) == 1 and not (_outlined(chart) and (0, "highlight") in block.columns)
    excel.set_legend({"none": True} if alone else {"position": "bottom"})
    width, height = _size(chart, len(categories))
    excel.set_size({"width": width, "height": height})
    offset = data.offsets.get(sheet.get_name(), 0)
    sheet.insert_chart(max(row, 0), col, excel, {"x_offset": 10, "y_offset": offset + 10})
    data.offsets[sheet.get_name()] = offset + height + 20


def _axes(excel: Any, data: ChartData, block: Block, chart: Chart, categories: int) -> None:
    """The value axis (its label, ends, rank 1 at the top) and the category axis (first at the top
    of a bar chart, names turned when there are many)."""
    whole = _whole(chart)
    scale = "0" if whole else "General"  # 0.2, 0.4...: the value labels carry the digits
    value_axis: dict[str, Any] = {"num_format": scale, "major_gridlines": {"visible": True}}
    value_axis["major_gridlines"]["line"] = {"color": "#DDDDDD"}
    category_axis: dict[str, Any] = {"num_font": {"rotation": -45}} if categories > 12 else {}
    if chart.axis:  # a histogram's axis label names the binned values
        (category_axis if chart.kind == "histogram" else value_axis)["name"] = data.ref(block.title, 1)
    if chart.limits is not None and chart.kind != "histogram":
        value_axis["min"], value_axis["max"] = chart.limits
    elif chart.kind == "interval":  # the axis holds the whole bars (auto-scaling may leave them out)
        ends = [v for s in chart.series for v in [*s.values, *(s.low or []), *(s.high or [])]]
        value_axis.update(_span(ends, whole))
    elif chart.invert:
        value_axis["min"] = 1  # rank 1, not 0
    elif chart.kind == "bar" and chart.digits <= 0:  # counts: whole ticks (Excel steps 0.5 up to 4)
        top = max((v for s in chart.series for v in s.values if v is not None), default=0.0)
        value_axis["major_unit"] = max(1, math.ceil(top / 8))
    if chart.kind == "hbar":  # first category at the top, the value axis below
        category_axis.update(reverse=True, crossing="max")
        excel.set_x_axis(value_axis)
        excel.set_y_axis(category_axis)
    else:
        if chart.invert:  # rank 1 at the top, the category axis still at the bottom
            value_axis.update(reverse=True, crossing="max")
        excel.set_x_axis(category_axis)
        excel.set_y_axis(value_axis)


def _series(
    data: ChartData, block: Block, chart: Chart, s: int, labels: bool, digits: str, marked: list[int]
) -> dict[str, Any]:
    """One series: plain bars light (the highlighted ones in the accent colour), grouped bars and lines
    in the HTML report's colours."""
    if chart.kind in ("line", "interval"):
        colour = LINES[s % len(LINES)]
    else:
        colour = PLAIN if len(chart.series) == 1 else SERIES[s % len(SERIES)]
    column = block.columns[(s, "value")]
    series: dict[str, Any] = {
        "name": data.ref(block.first - 1, column),
        "categories": data.ref(block.first, 0, block.last),
        "values": data.ref(block.first, column, block.last),
    }
    if chart.kind in ("line", "interval"):
        series["marker"] = {
            "type": "circle",
            "size": 6,
            "fill": {"color": colour},
            "border": {"color": colour},
        }
        series["line"] = {"none": True} if chart.kind == "interval" else {"color": colour, "width": 2}
    else:
        series["fill"] = {"color": colour}
        series["gap"] = 0 if _outlined(chart) else 10 if chart.kind == "histogram" else 50
        if _outlined(chart):  # a highlighted unit's own value stands in front of its run's
            series["overlap"] = 100
    if marked and s == 0 and not _marker_highlight(chart):
        accent = {"fill": {"color": ACCENT}, "border": {"color": ACCENT}}
        series["points"] = [accent if i in marked else None for i in range(max(marked) + 1)]
    if labels:
        series["data_labels"] = {"value": True, "num_format": digits}
    if chart.kind == "interval":
        series["y_error_bars"] = {
            "type": "custom",
            "minus_values": data.formula(block, block.columns[(s, "minus")]),
            "plus_values": data.formula(block, block.columns[(s, "plus")]),
            "end_style": 1,
        }
    return series


def _whole(chart: Chart) -> bool:
    """Whole numbers: a histogram's counts, ranks (`invert`), or no decimals asked for."""
    return chart.kind == "histogram" or chart.invert or chart.digits <= 0


def _span(values: list[float | None], whole: bool) -> dict[str, float]:
    """Axis ends around the values at a round step (0.37..0.81 -> 0.3..0.9); ranks 55..63 -> 54..64."""
    found = [v for v in values if v is not None and math.isfinite(v)]
    if not found:
        return {}
    low, high = min(found), max(found)
    if whole:
        return {"min": max(1, math.floor(low) - 1), "max": math.ceil(high) + 1}
    if high <= low:
        return {}
    step = 10.0 ** math.floor(math.log10(high - low))
    return {"min": math.floor(low / step) * step, "max": math.ceil(high / step) * step}


def _size(chart: Chart, categories: int) -> tuple[int, int]:
    """Pixels: wide enough for one column per category, tall enough for one bar per category."""
    if chart.kind == "bar":
        return max(576, min(1600, 14 * categories + 160)), 400
    if chart.kind == "hbar":
        return 576, max(288, min(1600, 18 * categories * len(chart.series) + 120))
    return 576, 320
