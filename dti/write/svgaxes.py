"""The parts every SVG chart is made of, as plain text: text widths, "nice" ticks, scales and a canvas.

No drawing library: a chart is a few dozen elements, written in the order they are drawn, every
coordinate rounded to 0.01 so that the same chart gives the same bytes. Units are points of a 7.5-inch
wide figure (540 wide), the font 9 of them, as the report's charts were sized when matplotlib drew them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

INK = "#2b2b2b"
GRID = "#e3e3e3"
EDGE = "#9a9a9a"  # the axes' lines
FONT = "'DejaVu Sans', Verdana, Arial, 'Liberation Sans', sans-serif"
SIZE = 9.0  # the text's size: a 9-point font in the 540-point wide figure

# DejaVu Sans advance widths of ' ' (32) to '~' (126) in thousandths of an em, read once with
# matplotlib.ft2font from its DejaVuSans.ttf (set_size(1000, 72), load_char(c, NO_HINTING),
# linearHoriAdvance / 65536). The browser draws with DejaVu Sans first; its fallbacks are no wider.
_ASCII = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636"
    " 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603"
    " 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634"
    " 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
)
ADVANCE = {chr(32 + i): int(w) for i, w in enumerate(_ASCII.split())} | {
    "đ": 635, "Đ": 775, "…": 1000, "—": 1000, "–": 500, "°": 500, "·": 318, "×": 838, "Ơ": 913, "Ư": 858,
    "▲": 769, "▼": 769, "±": 838, "≤": 838, "≥": 838, "→": 838,
}  # fmt: skip
UNKNOWN = 700  # a character not in the table: wider than the average letter, to err on the roomy side
BOLD = 1.1  # DejaVu Sans Bold is on average 10 % wider than the regular face


@lru_cache(maxsize=4096)
def _em(text: str) -> int:
    """The text's width in thousandths of an em; a Vietnamese letter as wide as its base letter."""
    total = 0
    for char in text:
        if char in ADVANCE:
            total += ADVANCE[char]
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base in ADVANCE:
            total += ADVANCE[base]
        elif unicodedata.combining(char):
            continue
        else:
            total += 1000 if unicodedata.east_asian_width(char) in "WF" else UNKNOWN
    return total


def width(text: str, size: float = SIZE, bold: bool = False) -> float:
    """The estimated width of one line of text at `size`."""
    return _em(text) * size / 1000 * (BOLD if bold else 1.0)


def shorten(text: str, room: float, size: float = SIZE) -> str:
    """The text, cut and ended with '…' when it is wider than `room`."""
    if width(text, size) <= room:
        return text
    while text and width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def ticks(low: float, high: float, most: int = 8, whole: bool = False) -> list[float]:
    """Round-numbered ticks (1, 2, 2.5 or 5 × 10^k apart) within [low, high], at most `most` + 1 of them;
    `whole`: whole numbers only (counts, ranks)."""
    if not (math.isfinite(low) and math.isfinite(high)) or high < low:
        return []
    if high == low:
        return [low]
    span = high - low
    power = 10.0 ** math.floor(math.log10(span / most))
    for step in (s * power * f for f in (1, 10, 100) for s in (1, 2, 2.5, 5)):
        if whole and (step < 1 or step != round(step)):
            continue
        first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        if last - first <= most:
            return [round(k * step, 12) + 0.0 for k in range(first, last + 1)]
    return [low, high]


def places(values: list[float]) -> int:
    """As few decimals as the ticks need to be told apart exactly (at most 4)."""
    return next((d for d in range(4) if all(abs(round(v, d) - v) < 1e-9 for v in values)), 4)


def nice_range(low: float, high: float, whole: bool = False) -> tuple[float, float]:
    """[low, high] widened to the round ticks around it (a bar chart's value axis ends on a tick)."""
    if high <= low:
        return (low, low + 1)
    marks = ticks(low, high, whole=whole)
    step = marks[1] - marks[0] if len(marks) > 1 else 1.0
    return (math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step)


def num(value: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros, no '-0'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Scale:
    """Data values low..high onto the points start..end (end < start: upwards, or rank 1 at the top)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return self.start
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


@dataclass
class Canvas:
    """The elements of one chart, in drawing order."""

    width: float
    height: float
    parts: list[str] = field(default_factory=list)

    def add(self, tag: str, text: str | None = None, /, **attrs: object) -> None:
        attributes = "".join(
            f' {name.rstrip("_").replace("_", "-")}="{num(v) if isinstance(v, float) else v}"'
            for name, v in attrs.items()
            if v is not None
        )
        self.parts.append(f"<{tag}{attributes}/>" if text is None else f"<{tag}{attributes}>{text}</{tag}>")

    def rect(self, x: float, y: float, w: float, h: float, fill: str, **attrs: object) -> None:
        x, w = (x + w, -w) if w < 0 else (x, w)
        y, h = (y + h, -h) if h < 0 else (y, h)
        self.add("rect", x=x, y=y, width=w, height=h, fill=fill, **attrs)

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1.0, **attrs: object
    ) -> None:
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, stroke_width=float(width), **attrs)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = SIZE,
        anchor: str = "start",
        bold: bool = False,
        fill: str | None = None,
        rotate: bool = False,
        middle: bool = False,
    ) -> None:
        """One line of text; `rotate`: read upwards, ending at (x, y); `middle`: centred on y."""
        self.add(
            "text",
            escape(text, quote=False),
            x=x,
            y=y,
            dy=".35em" if middle or rotate else None,
            font_size=None if size == SIZE else float(size),
            text_anchor=None if anchor == "start" else anchor,
            font_weight="bold" if bold else None,
            fill=fill,
            transform=f"rotate(-90 {num(x)} {num(y)})" if rotate else None,
        )

    def element(self, key: str, kind: str, title: str) -> str:
        """The `<svg>` element, scalable, its text in the report's fonts (no XML prolog: it sits in HTML)."""
        return (
            f'<svg id="chart-{key}" class="chart chart-{kind}" viewBox="0 0 {num(self.width)} '
            f'{num(self.height)}" role="img" preserveAspectRatio="xMidYMid meet">'
            f"<title>{escape(title, quote=False)}</title>"
            f'<g font-family="{FONT}" font-size="{num(SIZE)}" fill="{INK}">{"".join(self.parts)}</g></svg>\n'
        )


def value_axis(
    canvas: Canvas,
    scale: Scale,
    marks: list[float],
    text: Callable[[float], str],
    vertical: bool,
    across: tuple[float, float],
) -> None:
    """Grid lines across the plot at each tick and the tick labels beside the axis (left or under)."""
    for value in marks:
        at = scale(value)
        if vertical:
            canvas.line(across[0], at, across[1], at, GRID, 0.6)
            canvas.line(across[0] - 3.5, at, across[0], at, EDGE, 0.8)
            canvas.text(across[0] - 5, at, text(value), anchor="end", middle=True)
        else:
            canvas.line(at, across[0], at, across[1], GRID, 0.6)
            canvas.line(at, across[1], at, across[1] + 3.5, EDGE, 0.8)
            canvas.text(at, across[1] + 5 + SIZE * 0.8, text(value), anchor="middle")


def frame(canvas: Canvas, left: float, top: float, right: float, bottom: float) -> None:
    """The left and bottom axis lines (no box: the top and right are open)."""
    canvas.line(left, top, left, bottom, EDGE, 0.8)
    canvas.line(left, bottom, right, bottom, EDGE, 0.8)
