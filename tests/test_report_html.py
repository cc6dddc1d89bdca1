"""The report's HTML writer and charts: unit tests on a hand-built Document, and a real browser test."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dti.views import Column, View
from dti.views.document import Chart, ChartKind, Document, Fact, Section, Series
from dti.write.html import html
from dti.write.svg import svg

# Whole reports rendered (HTML and workbooks, ~0.3-1 s each): outside the edit loop's fast tier.
pytestmark = pytest.mark.slow

HOSTILE = "<script>alert(1)</script>"
KEYS = ["name", "value", "places", "pct", "rank", "mark", "status", "level", "total"]
PROVINCES = ["Đà Nẵng", "Hà Nội", "Thành phố Hồ Chí Minh", "Quảng Ninh", "Thừa Thiên Huế", HOSTILE]


def sample(lang: str = "vi") -> Document:
    """A small report with one chart of each kind and a name that would run as a script if not escaped."""
    decimal = "," if lang == "vi" else "."
    ranking: list[float | None] = [0.8436 - 0.01 * i for i in range(63)]
    names = [*PROVINCES, *(f"Tỉnh {i}" for i in range(7, 64))]
    pillars = [
        "Chuyển đổi nhận thức",
        "Kiến tạo thể chế",
        "Hạ tầng và nền tảng số",
        "Thông tin và dữ liệu số",
    ]
    headline = Section(
        "headline",
        "Đà Nẵng: DTI 2024",
        facts=[
            Fact("DTI 2024", 0.8436, note="hạng 1/63", tone="up"),
            Fact("Thay đổi", 9, kind="places", tone="up", note="so với 2023"),
            Fact("Mục tiêu", "12/15", kind="text", tone="not_met"),
        ],
        lines=[f"Đơn vị {HOSTILE} được ghi như chữ."],
        charts=[
            Chart(
                "pillars",
                "hbar",
                "Trụ cột so với cả nước và vùng",
                pillars,
                [
                    Series("Đà Nẵng", [0.91, 0.8, 0.7654, 0.62]),
                    Series("Cả nước", [0.6, 0.55, 0.5, 0.41]),
                    Series("Vùng", [0.65, 0.58, None, 0.45]),
                ],
                limits=(0, 1),
                axis="giá trị",
            ),
            Chart(
                "trend",
                "line",
                "Hạng qua các năm",
                ["2022", "2023", "2024"],
                [Series("Đà Nẵng", [12, 10, 1])],
                invert=True,
                digits=0,
                axis="hạng",
            ),  # fmt: skip
        ],
    )
    ranking_section = Section(
        "ranking",
        "Bảng xếp hạng",
        charts=[
            Chart(
                "ranking",
                "bar",
                "DTI 2024, 63 tỉnh",
                names,
                [Series("DTI", ranking)],
                highlight=[0],
                limits=(0, 1),
            ),
            Chart(
                "spread",
                "histogram",
                "Phân bố giá trị",
                names,
                [Series("DTI", ranking)],
                highlight=[0],
                bins=8,
            ),
            Chart(
                "robust",
                "interval",
                "Độ vững của hạng",
                PROVINCES,
                [Series("hạng", [1, 2, 3, 5, 4, 6], low=[1, 1, 2, 3, 3, 5], high=[2, 4, 5, 7, 6, 9])],
                highlight=[0],
                digits=0,
            ),
        ],
        views=[
            View(
                "Chỉ số chính",
                [
                    Column("name", "tên", indent="level"),
                    Column("value", "giá trị", "value"),
                    Column("places", "± bậc", "places"),
                    Column("pct", "Δ %", "pct"),
                    Column("rank", "hạng", "int", marker="mark"),
                    Column("status", "kết quả", tone="status"),
                ],
                [
                    dict(zip(KEYS, row, strict=True))
                    for row in [
                        ("DTI", 0.8436, 9, 18.5, 1, "p", "met", 0, True),
                        (HOSTILE, 0.5, -2, -0.04, 7, "", "not_met", 1, False),
                        ("Hạ tầng số", None, 0, None, 3, "", "no_data", 1, False),
                    ]
                ],
                notes=["p: hạng công bố"],
                strong="total",
            )
        ],
    )
    sections = [headline, ranking_section]
    notes = ["Phương pháp: Quyết định 922/QĐ-BTTTT"]
    return Document("Báo cáo DTI 2024", "Đà Nẵng", lang, decimal, sections, notes)  # type: ignore[arg-type]


def test_every_chart_drawn_with_its_key() -> None:
    page = html(sample())
    for key in ("pillars", "trend", "ranking", "spread", "robust"):
        assert page.count(f'<svg id="chart-{key}"') == 1
    assert "<?xml" not in page and "DOCTYPE svg" not in page


def test_self_contained_no_url_no_script() -> None:
    page = html(sample())
    assert (
        "http://" not in page
        and "https://" not in page
        and "//" not in re.sub(r"<style>.*?</style>", "", page)
    )
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link.startswith("#") for link in links)
    assert "<script" not in page.lower()


@pytest.mark.slow
def test_ids_unique_across_charts() -> None:
    ids = re.findall(r' id="([^"]+)"', html(sample()))
    assert len(ids) == len(set(ids))
    # every reference inside a chart points to an id of the page
    assert set(re.findall(r'href="#([^"]+)"', html(sample()))) <= set(ids)


def test_hostile_name_is_text() -> None:
    page = html(sample())
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in a line, a table cell and a chart label


def test_decimal_mark_follows_language() -> None:
    vi, en = html(sample("vi")), html(sample("en"))
    assert '<html lang="vi">' in vi and '<html lang="en">' in en
    # the headline fact 0.8436 and the chart value label 0.7654, written by hand in each style
    assert ">0,8436<" in vi and ">0.8436<" in en
    assert "0,7654" in vi and "0.7654" in en and "0.7654" not in vi
    assert ">▲ 9<" in vi  # places
    assert "Mục lục" in vi and "Contents" in en


def test_tones_and_rows() -> None:
    page = html(sample())
    assert '<div class="fact good">' in page and '<div class="fact bad">' in page
    assert '<tr class="strong">' in page
    assert '<td class="bad">not_met</td>' in page
    assert '<td class="num good">▲ 9</td>' in page and '<td class="num bad">▼ 2</td>' in page
    assert '<td class="num good">+18,5 %</td>' in page
    assert '<td class="num">0,0 %</td>' in page  # -0.04 % is shown as 0.0 %: not red
    assert '1<span class="marker">p</span>' in page
    assert 'style="padding-left: 1.7em"' in page  # level 1 is indented
    assert '<p class="note">p: hạng công bố</p>' in page


def test_svg_deterministic() -> None:
    chart = sample().charts()[0]
    assert svg(chart, ",") == svg(chart, ",")


def test_bar_chart_of_ten_thousand_units() -> None:
    values: list[float | None] = [1 - i / 10_000 for i in range(10_000)]
    names = [f"Xã {i}" for i in range(10_000)]
    chart = Chart("communes", "bar", "10.000 xã", names, [Series("DTI", values)], highlight=[4321])
    drawing = svg(chart, ",")
    assert drawing.startswith('<svg id="chart-communes"')
    assert "Xã 4321" in drawing and "Xã 4322" not in drawing  # only the highlighted commune is named
    assert len(drawing) < 200_000  # one outline, not 10,000 rectangles


CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
browser = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)",
)


def real_report() -> Document:
    """`dti report sample_data/2024.csv --previous sample_data/2023.csv --targets ... --unit 48`."""
    from dti import build_report, report_document

    data = Path(__file__).resolve().parents[1] / "sample_data"
    return report_document(
        build_report(
            [data / "2024.csv"], previous=[data / "2023.csv"], targets=data / "targets_2025.csv", unit="48"
        )
    )


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium through Debian's chromium-driver, keeping the console log."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--hide-scrollbars")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield driver
    driver.quit()


def open_page(driver: Any, document: Document, path: Path) -> str:
    """Load the document's page in an A4-wide window; its text, once the console showed no error."""
    path.write_text(html(document), encoding="utf-8")
    driver.set_window_size(1000, 1400)
    driver.get(path.as_uri())
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    sizes = driver.execute_script(
        "return [...document.querySelectorAll('svg.chart')].map(s => {"
        "const r = s.getBoundingClientRect(); return [s.id, r.width, r.height]; })"
    )
    assert sorted(s[0] for s in sizes) == sorted(f"chart-{c.key}" for c in document.charts())
    assert all(width > 100 and height > 50 for _id, width, height in sizes), sizes
    return str(driver.execute_script("return document.body.innerText"))


@pytest.mark.slow
@browser
def test_report_in_a_real_browser(chromium: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.print_page_options import PrintOptions

    document = real_report()
    text = open_page(chromium, document, tmp_path / "report.html")
    # README's `dti score --unit 48`: Đà Nẵng, DTI 0.3065, rank 61 of 63
    assert "Đà Nẵng" in text and "0,3065" in text and "61/63" in text
    print_options = PrintOptions()
    print_options.page_width, print_options.page_height = 21.0, 29.7  # A4 in cm
    pdf = base64.b64decode(chromium.print_page(print_options))
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2
    height = chromium.execute_script("return document.documentElement.scrollHeight")
    chromium.set_window_size(1000, height)
    shot = tmp_path / "report.png"
    chromium.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if keep := os.environ.get("DTI_REPORT_SCREENSHOT"):  # =docs/report.png: the README's picture
        from PIL import Image

        colours = (
            Image.open(shot).convert("RGB").quantize(128, Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        )
        colours.save(keep, optimize=True)  # 128 colours: a third of the size, the text as sharp


@pytest.mark.slow
@browser
def test_hostile_name_shows_as_text_in_a_browser(chromium: Any, tmp_path: Path) -> None:
    text = open_page(chromium, sample("en"), tmp_path / "sample.html")
    assert HOSTILE in text and "0.8436" in text
    assert chromium.execute_script("return document.scripts.length") == 0


@pytest.mark.parametrize("kind", ["bar", "hbar", "line", "interval", "histogram"])
def test_empty_and_missing_data_still_draw(kind: ChartKind) -> None:
    empty = Chart(f"empty-{kind}", kind, "trống", [], [])
    missing = Chart(
        f"none-{kind}", kind, "thiếu", ["a", "b"], [Series("x", [None, None], [None, None], [None, None])]
    )
    for chart in (empty, missing):
        assert svg(chart, ",").startswith(f'<svg id="chart-{chart.key}"')
