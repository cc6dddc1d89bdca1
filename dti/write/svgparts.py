"""What the report's SVG charts are drawn with (dti/write/svg.py draws them): the palette, the sizes, value
labels, value axes and their room, the value range, the legend, and the outline of thousands of bars.
The Word report's PNG pictures (dti/write/png.py) and the workbook's native charts take the same palette."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from dti.views.cells import half_up, number
from dti.views.document import Chart, Decimal
from dti.write.svgaxes import (
    SIZE,
    Canvas,
    Scale,
    nice_range,
    places,
    value_axis,
    width,
)

PLAIN = "#b7c7d6"  # light blue-grey: the many bars of a ranking
ACCENT = "#b8322a"  # dark red: the highlighted unit (dark in greyscale too)
LINES = ["#1f4e79", "#5b6b7a", "#8a96a3", "#3f7f8c"]  # the other lines of a line chart
SERIES = ["#1f4e79", "#8a96a3", "#cdd6df"]  # dark, mid, light: the unit, the national, the regional mean
LABELLED = 70  # up to this many categories a bar chart names each one under its bar
MANY = 400  # above this a bar chart is one filled outline instead of one rectangle per bar
VALUE_LABELS = 20  # up to this many bars each one carries its value
PAD = 6.0  # the blank border around a chart
NAMES = 200.0  # the widest a category's name may take beside an hbar or interval chart ('…' beyond)


def label(value: float | None, digits: int, decimal: Decimal) -> str:
    """A value as the document writes it: 0,8436 with the Vietnamese decimal mark."""
    if value is None or math.isnan(value):
        return "—"
    if digits <= 0:
        return str(round(value))
    return number(f"{half_up(value, digits):.{digits}f}", decimal)


def floats(values: list[float | None] | None) -> list[float]:
    return [math.nan if v is None else float(v) for v in values or []]


def size(chart: Chart) -> tuple[float, float]:
    """The chart's width and height in inches (72 points each), from its number of rows."""
    rows = len(chart.categories)
    if chart.kind == "hbar":
        bars = 1 if chart.stacked else max(1, len(chart.series))
        return 7.5, 0.9 + rows * (0.12 * bars + 0.1)
    if chart.kind == "interval":
        return 7.5, 0.9 + rows * 0.28
    if chart.kind == "bar":
        return 7.5, 3.6 if rows <= LABELLED else 2.8
    return 7.5, 2.8


def tick_text(marks: list[float], decimal: Decimal) -> list[str]:
    """Tick labels with the document's decimal mark and as many decimals as the ticks need."""
    digits = places(marks)
    return [label(v + 0.0, digits, decimal) for v in marks]  # + 0.0: no '-0'


def axis(
    canvas: Canvas,
    name: str,
    scale: Scale,
    marks: list[float],
    decimal: Decimal,
    across: tuple[float, float],
    left: bool,
) -> None:
    """A value axis: grid lines, tick labels, and the axis name (read upwards at the left, under a bottom
    axis)."""
    texts = dict(zip(marks, tick_text(marks, decimal), strict=True))
    value_axis(canvas, scale, marks, texts.__getitem__, left, across)
    if name and left:
        canvas.text(PAD + SIZE / 2, (scale.start + scale.end) / 2, name, anchor="middle", rotate=True)
    elif name:
        canvas.text((scale.start + scale.end) / 2, across[1] + 8 + SIZE * 1.9, name, anchor="middle")


def left_room(name: str, marks: list[float], decimal: Decimal) -> float:
    """The room at the left for the value axis' tick labels and its name."""
    widest = max((width(t) for t in tick_text(marks, decimal)), default=0.0)
    return PAD + (SIZE * 1.3 if name else 0.0) + widest + 8


def bottom_room(name: str) -> float:
    """The room under a plot for its tick labels and its axis name."""
    return PAD + SIZE * 1.4 + (SIZE * 1.3 if name else 0.0) + 4


def array(values: list[float | None] | None) -> np.ndarray:
    """A chart's values as floats, None as NaN: whole-array work for the 10,000 bars of a ranking."""
    return np.array(values or [], dtype=float)


def value_range(
    values: Sequence[float] | np.ndarray, chart: Chart, whole: bool, zero: bool = True
) -> tuple[float, float]:
    """The value axis: the chart's limits, or the data's range (from 0 for bars) widened to round ticks."""
    if chart.limits:
        return chart.limits
    finite = np.asarray(values, dtype=float)
    finite = finite[~np.isnan(finite)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    return nice_range(low, high, whole)


def envelope(values: Sequence[float] | np.ndarray, points: int = 800) -> tuple[np.ndarray, np.ndarray, int]:
    """The highest value of each of `points` slices of the bars (their centres, tops and slice width)."""
    array = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    step = -(-len(array) // points)
    padded = np.pad(array, (0, step * points - len(array)), constant_values=0.0)
    top = padded.reshape(points, step).max(axis=1)
    return np.arange(points) * step + (step - 1) / 2, np.round(top, 4), step


def legend(canvas: Canvas, entries: list[tuple[str, str]], y: float) -> None:
    """Swatches and names in one row centred under the chart: (name, the swatch's SVG at 0,0)."""
    widths = [20 + width(name, 8) + 12 for name, _ in entries]  # a swatch at most 16 wide, its name
    x = (canvas.width - sum(widths)) / 2
    for (name, swatch), room in zip(entries, widths, strict=True):
        canvas.parts.append(f'<g transform="translate({x + 8:.2f} {y:.2f})">{swatch}</g>')
        canvas.text(x + 20, y, name, size=8, middle=True)
        x += room
