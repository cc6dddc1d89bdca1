"""dti's own SVG charts: ticks, text widths, the decimal mark, escaping, missing values, the outline of many
bars; and that the HTML report imports no matplotlib."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dti.views.document import Chart, Series
from dti.write.svg import ACCENT, PLAIN, svg
from dti.write.svgaxes import places, shorten, ticks, width

HOSTILE = "<script>alert(1)</script>"
ROOT = Path(__file__).resolve().parents[1]


def texts(drawing: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", drawing)


def test_round_ticks_of_known_ranges() -> None:
    assert ticks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]  # 0.1 apart would be 11 ticks
    assert ticks(0, 63) == [0, 10, 20, 30, 40, 50, 60]
    assert ticks(0, 0.35) == [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
    assert ticks(0, 2500, 6) == [0, 500, 1000, 1500, 2000, 2500]
    assert ticks(0, 20) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20]
    assert ticks(0, 20, whole=True) == [0, 5, 10, 15, 20]
    assert ticks(0.5, 13.65, 6, whole=True) == [2, 4, 6, 8, 10, 12]  # no rank 0
    assert ticks(0, 3, whole=True) == [0, 1, 2, 3]  # counts: no 0.5
    assert ticks(0, 1, whole=True) == [0, 1]
    assert places([0, 0.2, 0.4]) == 1 and places([0, 0.25, 0.5]) == 2 and places([0, 500]) == 0


def test_text_width_from_dejavu_advances() -> None:
    # H 752 + a 613 + space 318 + N 748 + o 612 + i 278 thousandths of an em, at 10 points
    assert width("Ha Noi", 10) == pytest.approx(33.21)
    assert width("Hà Nội", 10) == width("Ha Noi", 10)  # a Vietnamese letter as wide as its base letter
    assert width("đ", 10) == pytest.approx(6.35) and width("Ha Noi", 10, bold=True) > 33.21
    assert width("中", 10) == 10  # a wide character: one em
    short = shorten("Thành phố Hồ Chí Minh " * 5, 60)
    assert short.endswith("…") and width(short) <= 60 and shorten("Huế", 60) == "Huế"


def test_the_element_and_its_fonts() -> None:
    chart = Chart("a b", "bar", "DTI", ["Huế", "Hà Nội"], [Series("DTI", [0.5, 0.25])], limits=(0, 1))
    drawing = svg(chart, ",")
    assert drawing.startswith(
        '<svg id="chart-a-b" class="chart chart-bar" viewBox="0 0 540 259.2" role="img" '
        'preserveAspectRatio="xMidYMid meet"><title>DTI</title>'
    )
    assert "'DejaVu Sans', Verdana, Arial, 'Liberation Sans', sans-serif" in drawing
    assert "<?xml" not in drawing and drawing == svg(chart, ",")
    assert texts(drawing)[:6] == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]  # the limits, not the data's
    assert texts(drawing)[6:] == ["Huế", "Hà Nội", "0,5000", "0,2500"]  # names, then values on ≤ 20 bars


def test_decimal_mark_in_every_number() -> None:
    chart = Chart(
        "p",
        "hbar",
        "Trụ cột",
        ["Nhận thức", "Thể chế"],
        [Series("Huế", [0.7654, 0.5]), Series("Cả nước", [0.6, 0])],
    )
    vi, en = texts(svg(chart, ",")), texts(svg(chart, "."))
    assert "0,7654" in vi and "0.7654" in en and not any("." in t for t in vi if t[0].isdigit())
    assert vi.count("0,0000") == 0  # a 0 in a second series has no label
    assert "0,6000" in vi and "Cả nước" in vi  # the legend names the series


def test_every_text_is_escaped() -> None:
    chart = Chart(HOSTILE, "hbar", HOSTILE, [HOSTILE, "b & c"], [Series(HOSTILE, [1, 2])], stacked=True)
    for kind in ("bar", "hbar", "interval", "line", "histogram"):
        series = [Series(HOSTILE, [1, 2], [0, 1], [2, 3])]
        drawing = svg(Chart(HOSTILE, kind, HOSTILE, [HOSTILE, "b & c"], series, highlight=[0]))  # type: ignore[arg-type]
        assert "<script" not in drawing and "b & c" not in drawing, kind
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg(chart) and "b &amp; c" in svg(chart)
    assert svg(chart).startswith('<svg id="chart--script-alert-1---script-"')


def test_ten_thousand_bars_are_one_outline() -> None:
    values: list[float | None] = [1 - i / 10_000 for i in range(10_000)]
    chart = Chart(
        "xa", "bar", "DTI", [f"Xã {i}" for i in range(10_000)], [Series("DTI", values)], highlight=[4321]
    )
    drawing = svg(chart, ",")
    assert len(drawing) < 60_000 and drawing.count("<path") == 1
    assert drawing.count("<rect") == 1 and f'fill="{ACCENT}"' in drawing  # the highlighted bar alone
    assert "Xã 4321" in texts(drawing) and "0,5679" in texts(drawing)  # named, with its value
    assert "1" in texts(drawing) and "10000" in texts(drawing)  # positions, from 1


def test_missing_values_are_absent() -> None:
    bars = svg(Chart("b", "bar", "", ["a", "b", "c"], [Series("x", [0.5, None, 0.3])]))
    assert bars.count(f'fill="{PLAIN}"') == 2 and "—" not in texts(bars)
    line = svg(
        Chart("l", "line", "", ["2021", "2022", "2023", "2024"], [Series("x", [5, None, 3, 2])], invert=True)
    )
    path = re.search(r'<path d="([^"]+)" fill="none"', line)
    assert path and path.group(1).count("M") == 2 and path.group(1).count("L") == 1  # broken at the gap
    assert line.count("<circle") == 3


def test_ranks_whole_with_rank_one_on_top() -> None:
    drawing = svg(Chart("t", "line", "", ["2022", "2023", "2024"], [Series("Huế", [12, 10, 1])], invert=True))
    numbers = [t for t in texts(drawing) if t[0].isdigit()]
    assert "0" not in numbers and all(t.isdigit() for t in numbers)
    points = [float(y) for y in re.findall(r'translate\([\d.]+ ([\d.]+)\)" fill="#b8322a"', drawing)]
    assert len(points) == 3 and points[2] < points[1] < points[0]  # rank 1 highest on the page


def test_names_of_a_short_ranking_and_its_highlight() -> None:
    drawing = svg(Chart("r", "bar", "", ["Huế", "Đà Nẵng"], [Series("DTI", [0.8, 0.6])], highlight=[1]))
    assert re.search(r'<text[^>]*font-weight="bold" fill="#b8322a"[^>]*rotate\(-90[^>]*>Đà Nẵng<', drawing)


def test_histogram_counts_in_bins() -> None:
    values: list[float | None] = [0.05, 0.15, 0.16, 0.95, None]
    chart = Chart("h", "histogram", "", list("abcde"), [Series("x", values)], [3], limits=(0, 1), digits=2)
    drawing = svg(chart, ",")
    heights = sorted(float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)" fill="#b7c7d6"', drawing))
    assert len(heights) == 3 and heights[0] == heights[1] and heights[2] == pytest.approx(2 * heights[0])
    assert "d 0,95" in texts(drawing) and "0,5" not in texts(drawing)[:4]  # counts: whole ticks


@pytest.mark.slow
def test_the_html_report_imports_no_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom dti.cli import app\nfrom typer.testing import CliRunner\n"
        f"out = CliRunner().invoke(app, ['report', {str(ROOT / 'sample_data' / '2024.csv')!r}, '--previous', "
        f"{str(ROOT / 'sample_data' / '2023.csv')!r}, '--unit', '48', '-o', {str(tmp_path / 'r.html')!r}])\n"
        "print(out.exit_code, 'matplotlib' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.split() == ["0", "False"]
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
