"""Charts of a report as inline SVG, written as text by dti itself (the HTML report imports no plotting
library; the Word report's PNG pictures are drawn by dti/write/png.py with matplotlib, in this palette).

Text stays text: the file is small, names can be searched and copied, and the browser draws Vietnamese
with its own fonts (DejaVu Sans first; the layout estimates its widths, and the usual fallbacks are no
wider). The palette holds in greyscale print: the highlight is dark, plain bars are light, and the three
series of a grouped chart differ in lightness. The pieces: dti/write/svgaxes.py (the canvas, text widths,
ticks), svgparts.py (palette, labels, axes), svgkinds.py (the five kinds).
"""

from __future__ import annotations

import re

from dti.views.document import Chart, Decimal
from dti.write.svgaxes import GRID, INK, Canvas
from dti.write.svgkinds import DRAW
from dti.write.svgparts import ACCENT, LINES, PLAIN, SERIES, label, size

__all__ = ["ACCENT", "GRID", "INK", "LINES", "PLAIN", "SERIES", "label", "svg"]


def svg(chart: Chart, decimal: Decimal = ".") -> str:
    """Draw one chart as an `<svg>` element (no XML prolog), its id made of the chart's key."""
    wide, high = size(chart)
    canvas = Canvas(wide * 72, high * 72)
    DRAW[chart.kind](canvas, chart, decimal)
    return canvas.element(re.sub(r"[^A-Za-z0-9_-]", "-", chart.key), chart.kind, chart.title)
