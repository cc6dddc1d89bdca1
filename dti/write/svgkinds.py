"""The five kinds of report chart drawn on a Canvas: bar, hbar, line, interval and histogram."""

from __future__ import annotations

import math

import numpy as np

from dti.views.document import Chart, Decimal, Series
from dti.write.svgaxes import EDGE, SIZE, Canvas, Scale, frame, nice_range, num, shorten, ticks, width
from dti.write.svgparts import (
    ACCENT,
    LABELLED,
    LINES,
    MANY,
    NAMES,
    PAD,
    PLAIN,
    SERIES,
    VALUE_LABELS,
    array,
    axis,
    bottom_room,
    envelope,
    floats,
    label,
    left_room,
    legend,
    value_range,
)

# matplotlib's '--', ':', '-.' and a dash-dot-dot, its patterns scaled to a 1.3-point line
DASHES = ["4.8 2.1", "1.3 2.1", "8.3 2.1 1.3 2.1", "6.5 1.3 1.3 1.3 1.3 1.3"]
MARKERS = [
    "M-2.6-2.6h5.2v5.2h-5.2z",
    "M0-3.5L3.1 1.9H-3.1z",
    "M0-3.6L3.6 0L0 3.6L-3.6 0z",
    "M0 3.5L3.1-1.9H-3.1z",
]
EDGE_OF_SERIES = "#6b7785"  # the outline of a grouped chart's lighter bars
NAMED = 110.0  # the longest a bar's name under it may be ('…' beyond)


def _clip(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _anchor(x: float, left: float, right: float) -> str:
    """A label over a point near an edge of the plot runs inwards."""
    return "start" if x < left + 40 else "end" if x > right - 40 else "middle"


def _names(canvas: Canvas, names: list[str], y: Scale, at: float, size: float = SIZE) -> None:
    """Category names at the left of a plot, a tick beside each, read from the top."""
    for i, name in enumerate(names):
        canvas.line(at - 3.5, y(i), at, y(i), EDGE, 0.8)
        canvas.text(at - 5, y(i), name, size=size, anchor="end", middle=True)


def bar(canvas: Canvas, chart: Chart, decimal: Decimal) -> None:
    values = array(chart.series[0].values if chart.series else [])
    count = len(values)
    highlight = [i for i in chart.highlight if 0 <= i < count]
    named = count <= LABELLED
    names = [shorten(n, NAMED, 6.5) for n in chart.categories[:count]] if named else []
    names += [""] * (count - len(names)) if named else []
    low, high = value_range(values, chart, whole=chart.digits <= 0)
    marks = ticks(low, high, 6, whole=chart.digits <= 0)
    top = PAD + (24 if highlight and not named else 12)
    if named:
        bottom = (
            canvas.height
            - PAD
            - 6
            - max((width(n, 6.5, i in highlight) for i, n in enumerate(names)), default=0)
        )
    else:
        bottom = canvas.height - PAD - SIZE * 1.4 - 4
    left = left_room(chart.axis, marks, decimal)
    right = canvas.width - PAD - 4 - (0 if named else width(str(count)) / 2)  # the last position's number
    y, x = Scale(low, high, bottom, top), Scale(-0.6, max(count, 1) - 0.4, left, right)
    axis(canvas, chart.axis, y, marks, decimal, (left, right), left=True)
    base = y(_clip(0.0, low, high))
    if count > MANY:  # one outline, the highest value of each slice of the axis, for thousands of bars
        centres, tops, step = envelope(values)
        starts = np.clip(centres - step / 2, -0.6, count - 0.4)
        ends = np.clip(centres + step / 2, -0.6, count - 0.4)
        steps = "".join(
            f"L{num(x(a))} {num(y(t))}L{num(x(b))} {num(y(t))}"
            for a, b, t in zip(starts.tolist(), ends.tolist(), np.clip(tops, low, high).tolist(), strict=True)
        )
        canvas.add(
            "path", d=f"M{num(x(-0.6))} {num(base)}{steps}L{num(x(count - 0.4))} {num(base)}Z", fill=PLAIN
        )
        half = max(1.0, count / 300) / 2
        for i in highlight:
            if not math.isnan(values[i]):
                canvas.rect(
                    x(i - half),
                    base,
                    x(i + half) - x(i - half),
                    y(_clip(values[i], low, high)) - base,
                    ACCENT,
                )
    else:
        for i, v in enumerate(values):
            if not math.isnan(v):
                colour = ACCENT if i in highlight else PLAIN
                canvas.rect(x(i - 0.4), base, x(i + 0.4) - x(i - 0.4), y(_clip(v, low, high)) - base, colour)
    frame(canvas, left, top, right, bottom)
    if named:
        for i, name in enumerate(names):
            canvas.line(x(i), bottom, x(i), bottom + 3.5, EDGE, 0.8)
            marked = i in highlight
            canvas.text(x(i), bottom + 5, name, 6.5, "end", marked, ACCENT if marked else None, rotate=True)
    else:  # too many names to read: positions on the axis (from 1), the highlighted units named on the chart
        positions = ticks(1, count, 10, whole=True)
        spacing = positions[1] - positions[0] if len(positions) > 1 else float(count)
        for p in [1.0, *(p for p in positions if p - 1 >= spacing / 2)]:  # the first bar is numbered too
            canvas.line(x(p - 1), bottom, x(p - 1), bottom + 3.5, EDGE, 0.8)
            canvas.text(x(p - 1), bottom + 5 + SIZE * 0.8, str(int(p)), anchor="middle")
    for i in range(count) if count <= VALUE_LABELS else []:
        if not math.isnan(values[i]):
            text = label(values[i], chart.digits, decimal)
            canvas.text(x(i), y(_clip(values[i], low, high)) - 2, text, 7, "middle")
    for i in highlight if count > VALUE_LABELS else []:
        v = values[i]
        lines = [label(v, chart.digits, decimal)]
        if not named:
            lines.insert(0, chart.categories[i] if i < len(chart.categories) else "")
        at = y(_clip(0.0 if math.isnan(v) else v, low, high)) - 4
        for k, text in enumerate(reversed(lines)):
            canvas.text(x(i), at - k * 9.5, text, 8, _anchor(x(i), left, right), True, ACCENT)


def hbar(canvas: Canvas, chart: Chart, decimal: Decimal) -> None:
    rows, groups = len(chart.categories), max(1, len(chart.series))
    height = 0.6 if chart.stacked else 0.8 / groups
    series = [floats(s.values)[:rows] for s in chart.series]
    texts = [  # a value of 0 in a second series (no points at stake) is shown by its missing bar alone
        ["" if math.isnan(v) or (j and v == 0) else label(v, chart.digits, decimal) for v in values]
        for j, values in enumerate(series)
    ]
    starts = [[0.0] * rows for _ in series]  # stacked: where each category's part starts
    for j in range(1, len(series) if chart.stacked else 0):
        starts[j] = [
            a + (0.0 if math.isnan(v) else v) for a, v in zip(starts[j - 1], series[j - 1], strict=False)
        ]
    ends = [a + v for s, values in zip(starts, series, strict=True) for a, v in zip(s, values, strict=False)]
    low, high = value_range(ends, chart, whole=False)
    marks = ticks(low, high, 8)
    names = [shorten(n, NAMES) for n in chart.categories]
    left = PAD + max((width(n) for n in names), default=0.0) + 8
    right = canvas.width - PAD - max((width(t, 7) for ts in texts for t in ts), default=0.0) - 4
    top, bottom = PAD, canvas.height - bottom_room(chart.axis) - (18 if chart.series else 0)
    x, y = Scale(low, high, left, right), Scale(-0.5, max(rows, 1) - 0.5, top, bottom)
    axis(canvas, chart.axis, x, marks, decimal, (top, bottom), left=False)
    _names(canvas, names, y, left)
    frame(canvas, left, top, right, bottom)
    swatches = []
    for j, values in enumerate(series):
        colour, edge = SERIES[j % len(SERIES)], EDGE_OF_SERIES if j else SERIES[j % len(SERIES)]
        inside = chart.stacked and j < groups - 1  # a stacked part's label sits inside it
        for i, v in enumerate(values):
            if math.isnan(v):
                continue
            centre = i if chart.stacked else i + (j - (groups - 1) / 2) * height
            a, b = x(_clip(starts[j][i], low, high)), x(_clip(starts[j][i] + v, low, high))
            edges = y(centre - height * 0.46), y(centre + height * 0.46)
            canvas.rect(a, edges[0], b - a, edges[1] - edges[0], colour, stroke=edge, stroke_width=0.4)
            if texts[j][i] and inside:
                canvas.text((a + b) / 2, y(centre), texts[j][i], 7, "middle", fill="white", middle=True)
            elif texts[j][i]:
                canvas.text(max(a, b) + 2, y(centre), texts[j][i], 7, middle=True)
        swatch = f'<rect x="-5" y="-3.5" width="10" height="7" fill="{colour}" stroke="{edge}"'
        swatch += ' stroke-width="0.4"/>'
        swatches.append((chart.series[j].label, swatch))
    if swatches:
        legend(canvas, swatches, canvas.height - PAD - 5)


def line(canvas: Canvas, chart: Chart, decimal: Decimal) -> None:
    """The first series (the total) thick in the accent colour with its values; the others thin, each
    with its own dash and marker (told apart in greyscale) and nudged sideways so equal ranks stay visible."""
    count = len(chart.categories)
    series = [floats(s.values)[:count] for s in chart.series]
    every = [v for values in series for v in values if not math.isnan(v)]
    if chart.limits:
        low, high = chart.limits
    else:
        least, most = min(every, default=0.0), max(every, default=1.0)
        margin = (most - least) * 0.15 or 0.5  # room for the labels above the points
        low, high = least - margin, most + margin
        if chart.invert and low < 0.5:
            low = 0.5  # no rank 0 on the axis
    marks = ticks(low, high, 6, whole=True)  # ranks: whole ticks
    top = PAD + (12 if chart.invert else 4)
    bottom = canvas.height - PAD - SIZE * 1.4 - 4 - (16 if len(series) > 1 else 0)
    left, right = left_room(chart.axis, marks, decimal), canvas.width - PAD - 4
    y = Scale(low, high, top, bottom) if chart.invert else Scale(low, high, bottom, top)
    x = Scale(-0.4, max(count, 1) - 0.6, left, right)
    axis(canvas, chart.axis, y, marks, decimal, (left, right), left=True)
    for i, name in enumerate(chart.categories):
        canvas.line(x(i), bottom, x(i), bottom + 3.5, EDGE, 0.8)
        canvas.text(x(i), bottom + 5 + SIZE * 0.8, name, anchor="middle")
    frame(canvas, left, top, right, bottom)
    swatches = []
    for j in [*range(1, len(series)), 0][: len(series)]:  # the first series drawn last, on top
        values = series[j]
        nudge = 0.0 if len(series) == 1 else (j - (len(series) - 1) / 2) * 0.025
        points = [(x(i + nudge), y(_clip(v, low, high))) for i, v in enumerate(values) if not math.isnan(v)]
        path, gap = "", True
        for i, v in enumerate(values):  # a missing value breaks the line
            if not math.isnan(v):
                path += f"{'M' if gap else 'L'}{num(x(i + nudge))} {num(y(_clip(v, low, high)))}"
            gap = math.isnan(v)
        colour = ACCENT if j == 0 else LINES[(j - 1) % len(LINES)]
        dash = None if j == 0 else DASHES[(j - 1) % len(DASHES)]
        stroke = {"stroke": colour, "stroke_width": 2.4 if j == 0 else 1.3, "stroke_dasharray": dash}
        if path:
            canvas.add("path", d=path, fill="none", stroke_linejoin="round", **stroke)
        marker = '<circle r="3"/>' if j == 0 else f'<path d="{MARKERS[(j - 1) % len(MARKERS)]}"/>'
        for px, py in points:
            canvas.parts.append(f'<g transform="translate({num(px)} {num(py)})" fill="{colour}">{marker}</g>')
        sample = f'<line x1="-8" x2="8" stroke="{colour}" stroke-width="{stroke["stroke_width"]}"'
        sample += f' stroke-dasharray="{dash}"/>' if dash else "/>"
        swatches.append((chart.series[j].label, f'<g fill="{colour}">{sample}{marker}</g>'))
    if series:
        digits = 0 if all(v == int(v) for v in every) else chart.digits
        for i, v in enumerate(series[0]):
            if not math.isnan(v):
                nudge = 0.0 if len(series) == 1 else -(len(series) - 1) / 2 * 0.025
                at = y(_clip(v, low, high)) + (-8 if chart.invert else 14)
                canvas.text(x(i + nudge), at, label(v, digits, decimal), 8.5, "middle", True, ACCENT)
    if len(series) > 1:
        legend(canvas, [swatches[-1], *swatches[:-1]], canvas.height - PAD - 5)


def interval(canvas: Canvas, chart: Chart, decimal: Decimal) -> None:
    rows = len(chart.categories)
    series = chart.series[0] if chart.series else Series("", [])
    values, lows, highs = (floats(v)[:rows] for v in (series.values, series.low, series.high))
    size = 7 if rows > 25 else 8
    names = [shorten(n, NAMES, size) for n in chart.categories]
    every = [v for v in values + lows + highs if not math.isnan(v)]
    if chart.limits:
        low, high = chart.limits
    else:
        least, most = min(every, default=0.0), max(every, default=1.0)
        margin = (most - least) * 0.05 or 0.5
        low, high = least - margin, most + margin
    marks = ticks(low, high, 8)
    left = PAD + max((width(n, size) for n in names), default=0.0) + 8
    top, bottom, right = PAD, canvas.height - bottom_room(chart.axis), canvas.width - PAD - 8
    x, y = Scale(low, high, left, right), Scale(-0.5, max(rows, 1) - 0.5, top, bottom)
    axis(canvas, chart.axis, x, marks, decimal, (top, bottom), left=False)
    _names(canvas, names, y, left, size)
    frame(canvas, left, top, right, bottom)
    for i in range(rows):
        colour = ACCENT if i in chart.highlight else SERIES[0]
        ends = (lows[i], highs[i]) if i < len(lows) and i < len(highs) else (math.nan, math.nan)
        if not any(math.isnan(e) for e in ends):
            a, b = (x(_clip(e, low, high)) for e in ends)
            canvas.line(a, y(i), b, y(i), colour, 3, stroke_opacity="0.45")
        if i < len(values) and not math.isnan(values[i]):
            canvas.add("circle", cx=x(_clip(values[i], low, high)), cy=y(i), r="2.35", fill=colour)


def histogram(canvas: Canvas, chart: Chart, decimal: Decimal) -> None:
    every = array(chart.series[0].values if chart.series else [])
    finite = every[~np.isnan(every)]
    if chart.limits:
        span = chart.limits
    elif finite.size:
        span = (float(finite.min()), float(finite.max()))
        span = span if span[1] > span[0] else (span[0] - 0.5, span[0] + 0.5)
    else:
        span = (0.0, 1.0)
    counts, edges = np.histogram(finite, bins=max(1, chart.bins), range=span)
    margin = 0.0 if chart.limits else (span[1] - span[0]) * 0.05
    low, high = span[0] - margin, span[1] + margin
    _, most = nice_range(0, max(float(counts.max(initial=0)), 1.0) * 1.05, whole=True)  # headroom
    count_marks, marks = ticks(0, most, 6, whole=True), ticks(low, high, 8)
    marked = [i for i in chart.highlight if 0 <= i < len(every) and not math.isnan(every[i])]
    top = PAD + (14 if marked else 4)
    bottom, left = canvas.height - bottom_room(chart.axis), left_room("", count_marks, decimal)
    right = canvas.width - PAD - 8
    x, y = Scale(low, high, left, right), Scale(0, most, bottom, top)
    axis(canvas, "", y, count_marks, decimal, (left, right), left=True)
    axis(canvas, chart.axis, x, marks, decimal, (top, bottom), left=False)
    for k, n in enumerate(counts.tolist()):
        if n:
            a, b = x(float(edges[k])), x(float(edges[k + 1]))
            canvas.rect(a, y(n), b - a, bottom - y(n), PLAIN, stroke="white", stroke_width=1.0)
    frame(canvas, left, top, right, bottom)
    for i in marked:
        v, at = every[i], x(_clip(every[i], low, high))
        canvas.line(at, top, at, bottom, ACCENT, 2)
        name = chart.categories[i] if i < len(chart.categories) else ""
        text = f"{name} {label(v, chart.digits, decimal)}".strip()
        fits = at + 3 + width(text, 8) <= canvas.width - PAD
        canvas.text(at + 3 if fits else at - 3, top - 4, text, 8, "start" if fits else "end", fill=ACCENT)


DRAW = {"bar": bar, "hbar": hbar, "line": line, "interval": interval, "histogram": histogram}
