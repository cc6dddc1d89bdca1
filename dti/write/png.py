"""The report's charts as PNG pictures for the Word report, drawn with matplotlib (Word 2010 and 2013, still
in offices, show no SVG). The HTML report's SVG is dti's own (dti/write/svg.py): the same charts, in the
same palette and sizes, imported from there.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Iterator
from typing import Any

from dti.views.document import Chart, Decimal, Series
from dti.write.svgaxes import GRID, INK
from dti.write.svgparts import (
    ACCENT,
    LABELLED,
    LINES,
    MANY,
    PLAIN,
    SERIES,
    VALUE_LABELS,
    envelope,
    floats,
    label,
    size,
)

DASHES = ["--", ":", "-.", (0, (5, 1, 1, 1, 1, 1))]
MARKERS = ["s", "^", "D", "v"]

RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Verdana", "Arial", "Liberation Sans"],
    "font.size": 9,
    "text.parse_math": False,  # a name with '$' is a name, not mathtext
    "axes.edgecolor": "#9a9a9a",
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
}


def _legend_label(text: str) -> str:
    return "\u200b" + text if text.startswith("_") else text  # matplotlib hides labels starting with _


def png(chart: Chart, decimal: Decimal = ".", dpi: int = 200) -> bytes:
    """Draw one chart as a PNG image at `dpi` (print resolution for the Word report): the same drawing."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    with _figure(chart, decimal) as figure:
        figure.set_facecolor("white")
        figure.set_dpi(dpi)
        FigureCanvasAgg(figure).print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


@contextlib.contextmanager
def _figure(chart: Chart, decimal: Decimal) -> Iterator[Any]:
    """The chart drawn on a new matplotlib Figure, within the report's style (for the canvas to print)."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter, MaxNLocator

    class Ticks(Formatter):
        """Tick labels with the document's decimal mark and as many decimals as the ticks need."""

        places = 0

        def set_locs(self, locs: Any) -> None:
            super().set_locs(locs)
            exact = (d for d in range(4) if all(abs(round(v, d) - v) < 1e-9 for v in locs))
            self.places = next(exact, 4)

        def __call__(self, value: float, pos: int | None = None) -> str:
            return label(value + 0.0, self.places, decimal)  # + 0.0: no '-0'

    with matplotlib.rc_context(RC):
        figure = Figure(figsize=size(chart), layout="constrained")
        axes = figure.add_subplot()
        axes.set_axisbelow(True)
        DRAW[chart.kind](axes, chart, decimal)
        value_axis = axes.xaxis if chart.kind in ("hbar", "interval", "histogram") else axes.yaxis
        value_axis.set_major_formatter(Ticks())
        if chart.kind == "line" or (chart.kind == "bar" and chart.digits <= 0):  # ranks, counts: whole ticks
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        (axes.set_xlabel if value_axis is axes.xaxis else axes.set_ylabel)(chart.axis)
        yield figure


def _limits(axes: Any, chart: Chart, horizontal: bool) -> None:
    if chart.limits:
        (axes.set_xlim if horizontal else axes.set_ylim)(*chart.limits)


def _bar(axes: Any, chart: Chart, decimal: Decimal) -> None:
    values = floats(chart.series[0].values if chart.series else [])
    count = len(values)
    positions = list(range(count))
    highlight = [i for i in chart.highlight if 0 <= i < count]
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    if count > MANY:  # one outline, the highest value of each slice of the axis, for thousands of bars
        x, top, _ = envelope(values)
        axes.fill_between(x, top, step="mid", color=PLAIN, linewidth=0)
        axes.bar(highlight, [values[i] for i in highlight], width=max(1.0, count / 300), color=ACCENT)
    else:
        colours = [ACCENT if i in highlight else PLAIN for i in positions]
        axes.bar(positions, values, width=0.8, color=colours)
    axes.set_xlim(-0.6, count - 0.4)
    if count <= LABELLED:
        axes.set_xticks(positions, chart.categories, rotation=90, fontsize=6.5)
        for i in highlight:
            axes.get_xticklabels()[i].set(color=ACCENT, fontweight="bold")
    else:  # too many names to read: positions on the axis, the highlighted units named on the chart
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(v) + 1}"))
    _limits(axes, chart, horizontal=False)
    for i in positions if count <= VALUE_LABELS else []:
        if not math.isnan(values[i]):
            axes.annotate(
                label(values[i], chart.digits, decimal),
                (i, values[i]),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
            )
    for i in highlight if count > VALUE_LABELS else []:
        text = label(values[i], chart.digits, decimal)
        if count > LABELLED:
            text = f"{chart.categories[i]}\n{text}"
        axes.annotate(
            text,
            (i, 0 if math.isnan(values[i]) else values[i]),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            color=ACCENT,
            fontweight="bold",
        )


def _hbar(axes: Any, chart: Chart, decimal: Decimal) -> None:
    rows, groups = len(chart.categories), max(1, len(chart.series))
    height = 0.6 if chart.stacked else 0.8 / groups
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    left = [0.0] * rows  # stacked: where each category's next part starts
    for j, series in enumerate(chart.series):
        values = floats(series.values)
        if chart.stacked:
            positions = [float(i) for i in range(rows)]
        else:
            positions = [i + (j - (groups - 1) / 2) * height for i in range(rows)]
        colour = SERIES[j % len(SERIES)]
        bars = axes.barh(
            positions,
            values,
            left=left,
            height=height * 0.92,
            color=colour,
            edgecolor="#6b7785" if j else colour,
            linewidth=0.4,
            label=_legend_label(series.label),
        )
        # a value of 0 in a second series (no points at stake) is shown by its missing bar alone
        texts = ["" if math.isnan(v) or (j and v == 0) else label(v, chart.digits, decimal) for v in values]
        inside = chart.stacked and j < groups - 1  # a stacked part's label sits inside it
        axes.bar_label(
            bars, texts, padding=2, fontsize=7, color="white" if inside else INK,
            label_type="center" if inside else "edge",
        )  # fmt: skip
        if chart.stacked:
            left = [a + (0.0 if math.isnan(v) else v) for a, v in zip(left, values, strict=True)]
    axes.set_yticks(range(rows), chart.categories)
    axes.invert_yaxis()
    _limits(axes, chart, horizontal=True)
    if not chart.limits:
        axes.set_xlim(right=axes.get_xlim()[1] * 1.1)  # room for the value labels
    if chart.series:
        axes.figure.legend(loc="outside lower center", ncols=groups, fontsize=8)


def _line(axes: Any, chart: Chart, decimal: Decimal) -> None:
    """The first series (the total) thick in the accent colour with its values; the others thin, each
    with its own dash and marker (told apart in greyscale) and nudged sideways so equal ranks stay visible."""
    positions = list(range(len(chart.categories)))
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    count = len(chart.series)
    for j, series in enumerate(chart.series):
        values = floats(series.values)
        style: dict[str, Any] = {"color": ACCENT, "linewidth": 2.4, "marker": "o", "zorder": 4}
        if j:
            style = {
                "color": LINES[(j - 1) % len(LINES)],
                "linewidth": 1.3,
                "linestyle": DASHES[(j - 1) % len(DASHES)],
                "marker": MARKERS[(j - 1) % len(MARKERS)],
                "markersize": 5,
            }
        nudge = 0.0 if count == 1 else (j - (count - 1) / 2) * 0.025
        axes.plot([x + nudge for x in positions], values, label=_legend_label(series.label), **style)
        digits = 0 if all(math.isnan(v) or v == int(v) for v in values) else chart.digits
        for x, v in zip(positions, values, strict=False):
            if j == 0 and not math.isnan(v):
                axes.annotate(
                    label(v, digits, decimal),
                    (x + nudge, v),
                    xytext=(0, 8 if chart.invert else -14),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8.5,
                    fontweight="bold",
                    color=ACCENT,
                )
    axes.set_xticks(positions, chart.categories)
    axes.set_xlim(-0.4, len(positions) - 0.6)
    _limits(axes, chart, horizontal=False)
    axes.margins(y=0.15)  # room for the labels above the points
    if chart.invert:
        axes.invert_yaxis()
        if not chart.limits and axes.get_ylim()[1] < 0.5:
            axes.set_ylim(top=0.5)  # no rank 0 on the axis
    if len(chart.series) > 1:
        axes.figure.legend(loc="outside lower center", ncols=len(chart.series), fontsize=8)


def _interval(axes: Any, chart: Chart, decimal: Decimal) -> None:
    series = chart.series[0] if chart.series else Series("", [])
    values, low, high = floats(series.values), floats(series.low), floats(series.high)
    rows = range(len(chart.categories))
    colours = [ACCENT if i in chart.highlight else SERIES[0] for i in rows]
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    if low and high:
        axes.hlines(list(rows), low, high, colors=colours, linewidth=3, alpha=0.45)
    axes.scatter(values, list(rows), color=colours, s=22, zorder=3)
    axes.set_yticks(list(rows), chart.categories, fontsize=7 if len(rows) > 25 else 8)
    axes.invert_yaxis()
    _limits(axes, chart, horizontal=True)


def _histogram(axes: Any, chart: Chart, decimal: Decimal) -> None:
    values = [v for v in floats(chart.series[0].values if chart.series else []) if not math.isnan(v)]
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.hist(values, bins=max(1, chart.bins), range=chart.limits, color=PLAIN, edgecolor="white")
    axes.yaxis.get_major_locator().set_params(integer=True)
    all_values = floats(chart.series[0].values if chart.series else [])
    for i in chart.highlight:
        if 0 <= i < len(all_values) and not math.isnan(all_values[i]):
            v = all_values[i]
            axes.axvline(v, color=ACCENT, linewidth=2)
            name = chart.categories[i] if i < len(chart.categories) else ""
            axes.annotate(
                f"{name} {label(v, chart.digits, decimal)}".strip(),
                (v, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, -2),
                textcoords="offset points",
                va="top",
                fontsize=8,
                color=ACCENT,
            )
    _limits(axes, chart, horizontal=True)
    axes.set_ylabel("")


DRAW = {"bar": _bar, "hbar": _hbar, "line": _line, "interval": _interval, "histogram": _histogram}
