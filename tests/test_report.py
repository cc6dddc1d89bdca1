"""The report's content (dti.views.report): every number behind its facts, tables and charts.

Expected values are computed here by a second path (the csv module over `dti score --format csv`
output, or the sample files' own columns), not read back from the document builder.
"""

from __future__ import annotations

import csv
import io
import statistics
from pathlib import Path

import numpy as np
import pytest

from dti import build_report, report_document

from .test_gaps import SPEC as GAPS_SPEC

DATA = Path(__file__).resolve().parents[1] / "sample_data"
PROVINCES = Path(__file__).resolve().parents[1] / "dti" / "data" / "provinces_2024.csv"


@pytest.fixture(scope="module")
def briefing():  # type: ignore[no-untyped-def]
    return build_report(
        [DATA / "2024.csv"], previous=[DATA / "2023.csv"], targets=DATA / "targets_2025.csv", draws=200
    )


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, str]]:
    """2024's values per unit, through the CLI's csv writer and the csv module."""
    from typer.testing import CliRunner

    from dti.cli import app

    out = CliRunner().invoke(app, ["score", str(DATA / "2024.csv"), "--format", "csv"]).stdout
    return {row["unit"]: row for row in csv.DictReader(io.StringIO(out))}


def test_headline_of_da_nang() -> None:
    # README's `dti score --unit 48`: 306.51 points of 1000, rank 61 of 63
    doc = report_document(build_report([DATA / "2024.csv"], unit="Đà Nẵng", draws=0))
    head = doc.section("headline")
    assert head is not None
    assert round(head.facts[0].value, 4) == 0.3065
    assert head.facts[0].note == "hạng 61/63"
    assert head.lines[0].startswith("Năm 2024, Đà Nẵng đạt DTI 0,3065, xếp thứ 61/63")
    assert doc.lang == "vi" and doc.decimal == ","


def test_english_uses_a_dot(briefing) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(briefing, "48", lang="en")
    head = doc.section("headline")
    assert head is not None and head.lines[0].startswith("In 2024, Đà Nẵng scored DTI 0.3065, rank 61 of 63")
    assert doc.decimal == "."


def test_pillars_against_national_and_regional_means(briefing, scores) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(briefing, "48")
    section = doc.section("pillars")
    assert section is not None
    chart = section.charts[0]
    assert chart.kind == "hbar" and chart.categories[:3] == ["CQS", "KTS", "XHS"]
    unit, national, regional = chart.series
    with PROVINCES.open(encoding="utf-8") as f:
        region = {r["code"]: r["region"] for r in csv.DictReader(f)}
    peers = [u for u in scores if region[u] == region["48"]]
    for j, code in enumerate(chart.categories):
        assert unit.values[j] == pytest.approx(float(scores["48"][code]))
        assert national.values[j] == pytest.approx(statistics.mean(float(r[code]) for r in scores.values()))
        assert regional.values[j] == pytest.approx(statistics.mean(float(scores[u][code]) for u in peers))
    # each mean says what it averages (issue 24)
    assert national.label == "Trung bình cả nước (63 đơn vị)" and len(scores) == 63
    assert regional.label == f"Trung bình vùng {region['48']} ({len(peers)} đơn vị)"


def test_ranking_chart_highlights_the_unit(briefing, scores) -> None:  # type: ignore[no-untyped-def]
    section = report_document(briefing, "48").section("ranking")
    assert section is not None
    chart = section.charts[0]
    ordered = sorted(scores.values(), key=lambda r: int(r["rank_DTI"]))
    assert len(chart.categories) == 63
    assert chart.series[0].values == pytest.approx([float(r["DTI"]) for r in ordered])
    assert chart.categories[chart.highlight[0]] == "Đà Nẵng"
    # the page shows the first three and the unit's neighbours; the workbook gets every unit
    shown = section.views[0].rows
    assert [r["unit"] for r in shown if r["mine"]] == ["48"]
    assert len(section.sheets[0].rows) == 63


def test_trend_follows_the_ranks_of_each_year(briefing) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from dti.cli import app

    section = report_document(briefing, "48").section("trend")
    assert section is not None
    chart = section.charts[0]
    assert chart.categories == ["2023", "2024"] and chart.invert
    out = CliRunner().invoke(app, ["score", str(DATA / "2023.csv"), "--format", "csv"]).stdout
    rank_2023 = next(int(r["rank_DTI"]) for r in csv.DictReader(io.StringIO(out)) if r["unit"] == "48")
    assert chart.series[0].label == "DTI" and chart.series[0].values == [rank_2023, 61]


def test_losses_add_up_to_the_maximum(briefing, scores) -> None:  # type: ignore[no-untyped-def]
    section = report_document(briefing, "48").section("losses")
    assert section is not None
    mains, gaps = section.views
    for row in mains.rows:
        assert row["points"] + row["lost"] + row["at_stake"] == pytest.approx(row["max"])
        assert row["points"] / row["max"] == pytest.approx(float(scores["48"][row["code"]]))
    totals = [r["lost"] + r["at_stake"] for r in mains.rows]
    assert totals == sorted(totals, reverse=True)  # the largest loss first
    chart = section.charts[0]
    assert chart.stacked and [s.label for s in chart.series] == ["mất điểm", "thiếu số liệu"]
    assert chart.categories == [r["code"] for r in mains.rows]
    assert 0 < len(gaps.rows) <= 10
    assert all(r["lost"] + r["at_stake"] <= r["max"] for r in gaps.rows)


def test_overview_without_a_unit(briefing, scores) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(briefing)
    assert [s.key for s in doc.sections][:3] == ["overview", "ranking", "distribution"]
    facts = {f.label: f for f in doc.sections[0].facts}
    assert facts["đơn vị"].value == 63
    assert facts["Trung bình DTI"].value == pytest.approx(np.mean([float(r["DTI"]) for r in scores.values()]))
    histogram = doc.section("distribution").charts[0]  # type: ignore[union-attr]
    assert len(histogram.series[0].values) == 63


def test_targets_and_quality(briefing) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(briefing, "48")
    targets = doc.section("targets")
    assert targets is not None
    # README's `dti targets sample_data/targets_2025.csv`: 11 met, 6 not met, 3 without data, of 20
    assert [(f.value, f.note) for f in targets.facts] == [(11, "/20"), (6, "/20"), (3, "/20")]
    quality = doc.section("quality")
    assert quality is not None
    # README: "108 warning(s): missing-value 57, mixed-scale 6, value-above-100 45"
    assert {r["severity"] for r in quality.views[0].rows} == {"cảnh báo"}
    assert {r["issue"]: r["count"] for r in quality.views[0].rows} == {
        "missing-value": 57,
        "mixed-scale": 6,
        "value-above-100": 45,
    }


def test_robustness_shows_the_unit_among_its_neighbours(briefing) -> None:  # type: ignore[no-untyped-def]
    from dti.views.report import robustness

    section = robustness(briefing, "48", "vi")
    chart = section.charts[0]
    # Đà Nẵng is 61st of 63: the five units above it and the two below
    assert len(chart.categories) == 8 and chart.categories[chart.highlight[0]] == "Đà Nẵng"
    series = chart.series[0]
    k = chart.highlight[0]
    assert series.low is not None and series.high is not None
    assert series.low[k] <= 61 <= series.high[k]


def test_robustness_of_the_units_shown_only(briefing) -> None:  # type: ignore[no-untyped-def]
    # a unit's report analyses the draws of its neighbours only; the same briefing's overview (every
    # unit) draws again with the same seed and shows what a briefing of the overview shows
    from dti.views.report import robustness

    single = build_report([DATA / "2024.csv"], previous=[DATA / "2023.csv"], unit="48", draws=200)
    assert single.robustness is not None and briefing.robustness is not None
    assert len(single.robustness.out.analysed) == 8  # Đà Nẵng and its seven neighbours
    assert briefing.robustness.out.analysed is None  # 63 units: every one shown
    assert robustness(single, None, "en") == robustness(briefing, None, "en")
    assert robustness(single, "48", "en") == robustness(briefing, "48", "en")


# A tiny index worked by hand (the spec of tests/test_gaps.py), with two regions.
TINY = GAPS_SPEC  # id tiny-gaps: four units of three main indices
# u1: A 4 + 5 = 9 (0.45), B 10 (0.5), C 0        → T 19/50 = 0.380, rank 3; P 19/40 = 0.475
# u2: A 10 + 10 = 20 (1.0), B missing (20 at stake), C 10 → T 30/50 = 0.600, rank 2; P 0.500
# u3: A 6 + 8 = 14 (0.7), B 8 (0.4), C 10        → T 32/50 = 0.640, rank 1; P 0.550
# u4: A 2 + 2 = 4 (0.2), B 4 (0.2), C 0          → T 8/50 = 0.160, rank 4; P 0.200
TINY_DATA = "unit,A.1,A.2,B.1,C.1\nu1,4,50%,10,không\nu2,10,100%,-,có\nu3,6,80%,8,có\nu4,2,20%,4,không\n"
TINY_UNITS = "code,name,region\nu1,Một,R1\nu2,Hai,R1\nu3,Ba,R2\nu4,Bốn,R2\n"


@pytest.fixture()
def tiny(tmp_path: Path):  # type: ignore[no-untyped-def]
    from dti.io.register import UnitRegister

    (tmp_path / "spec.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "data_2025.csv").write_text(TINY_DATA, encoding="utf-8")
    (tmp_path / "units.csv").write_text(TINY_UNITS, encoding="utf-8")
    register = UnitRegister.read(tmp_path / "units.csv")
    return build_report(
        [tmp_path / "data_2025.csv"], spec=str(tmp_path / "spec.yaml"), register=register, draws=0
    )


def test_tiny_report_by_hand(tiny) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(tiny, "u1")
    head = doc.section("headline")
    assert head is not None
    assert head.facts[0].value == pytest.approx(0.38) and head.facts[0].note == "hạng 3/4"
    assert head.facts[1].label == "Trụ cột" and head.facts[1].value == pytest.approx(0.475)
    assert head.lines == [
        "Năm 2025, Một đạt T 0,380, xếp thứ 3/4.",
        "Chỉ số chính thấp nhất: C Nhóm C (0,000, hạng 3/4).",  # C: u2 and u3 share rank 1; x/N
    ]
    pillars = doc.section("pillars")
    assert pillars is not None
    chart = pillars.charts[0]
    assert chart.categories == ["P", "A", "B", "C"]
    unit, national, regional = chart.series
    assert unit.values == pytest.approx([0.475, 0.45, 0.5, 0.0])
    assert national.values == pytest.approx([1.725 / 4, 2.35 / 4, 1.1 / 4, 0.5])
    assert regional.label == "Trung bình vùng R1 (2 đơn vị)" and regional.values == pytest.approx(
        [0.4875, 0.725, 0.25, 0.5]
    )
    losses = doc.section("losses")
    assert losses is not None
    mains, components = losses.views
    assert [(r["code"], r["lost"], r["at_stake"]) for r in mains.rows] == [
        ("A", 11, 0),
        ("B", 10, 0),
        ("C", 10, 0),
    ]
    assert [(r["code"], r["lost"]) for r in components.rows] == [
        ("B.1", 10),
        ("C.1", 10),
        ("A.1", 6),
        ("A.2", 5),
    ]
    assert losses.lines == [
        "Một mất 31/50 điểm trên số liệu đã báo cáo và 0 điểm do thiếu số liệu; nhiều nhất ở A Nhóm A."
    ]


def test_tiny_report_points_at_stake(tiny) -> None:  # type: ignore[no-untyped-def]
    losses = report_document(tiny, "u2").section("losses")
    assert losses is not None
    # u2 reported everything but B.1: nothing lost on reported data, 20 points at stake
    assert [(r["code"], r["lost"], r["at_stake"]) for r in losses.views[0].rows][0] == ("B", 0, 20)
    assert losses.lines[0].startswith("Hai mất 0/50 điểm trên số liệu đã báo cáo và 20 điểm do thiếu")


def test_the_spec_note_speaks_the_report_language(briefing) -> None:  # type: ignore[no-untyped-def]
    vi = report_document(briefing, "48").notes
    assert any(n.startswith("Số liệu năm 2024 theo Quyết định 405/QĐ-BKHCN") for n in vi)
    assert not any("data follow" in n for n in vi)
    en = report_document(briefing, "48", lang="en").notes
    assert any(n.startswith("2024 data follow Decision 405/QĐ-BKHCN") for n in en)


@pytest.fixture(scope="module")
def published():  # type: ignore[no-untyped-def]
    """2024 after 2023's table as published (its ranks marked 'p' in the ranking)."""
    return build_report([DATA / "2024.csv"], previous=[DATA / "published_2023.csv"], draws=0)


@pytest.mark.parametrize("unit", ["48", None])
@pytest.mark.parametrize("years", ["briefing", "published"])
def test_a_page_without_the_workbook_tables_is_the_same_page(years, unit, request) -> None:  # type: ignore[no-untyped-def]
    """dti report -o x.html builds the document without the workbook-only tables (every unit's values,
    the issue list; the ranking's rows of the units it does not show): the page is the same, and only
    those tables are left out."""
    from dti.write.html import html

    briefing = request.getfixturevalue(years)
    whole, page = report_document(briefing, unit), report_document(briefing, unit, sheets=False)
    assert "".join(html(page)) == "".join(html(whole))
    assert [v.sheet for s in whole.sections for v in s.sheets] != []
    assert [v.sheet for s in page.sections for v in s.sheets] == []
    assert [[(v.columns, v.rows, v.notes) for v in s.views] for s in page.sections] == [
        [(v.columns, v.rows, v.notes) for v in s.views] for s in whole.sections
    ]
    if years == "published":  # the ranking says what 'p' marks, though no unit shown has one
        assert any("p" in n for n in page.section("ranking").views[0].notes)


def test_the_largest_moves_keep_a_unit_tied_with_the_fifth() -> None:
    # A new user's finding: Quảng Trị moved ▲ 9 as Hà Tĩnh did and was left out of the five
    from dti.analysis.ranking import Compared
    from dti.views.report_all import movers

    places: list[int | None] = [9, 9, 8, 7, 6, 6, 5, -2, None]
    units = [f"U{i}" for i in range(len(places))]
    data = Compared("DTI", [2023, 2024], units, units, {}, {}, {}, [(2023, 2024, [], places)], {})
    up, down = movers(data, "vi")
    assert [r["places"] for r in up.rows] == [9, 9, 8, 7, 6, 6]  # the sixth ties with the fifth
    assert [r["unit"] for r in down.rows] == ["U7"]


def test_the_points_needed_name_the_unit_above() -> None:
    # A new user's finding: '(đơn vị trên 64)' read as a rank of 64 in a ranking of 63; `dti gaps` says
    # '64 Gia Lai' (the unit ranked just above Đà Nẵng in 2024)
    briefing = build_report([DATA / "2024.csv"], owners=DATA / "owners.csv", unit="48", draws=0)
    labels = [f.label for s in report_document(briefing).sections for f in s.facts]
    assert "DTI: điểm cần thêm (đơn vị trên 64 Gia Lai)" in labels


def test_a_unit_s_own_files_draw_no_rank_trend(tmp_path: Path) -> None:
    # A new user's finding: Đà Nẵng's own files (one unit a year) drew rank 1 each year in the trend chart,
    # while its table said no rank (a rank among one unit is none)
    years = []
    for year in (2023, 2024):
        lines = (DATA / f"{year}.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        own = tmp_path / f"da_nang_{year}.csv"
        own.write_text(lines[0] + "".join(line for line in lines if line.startswith("48,")), encoding="utf-8")
        years.append(own)
    briefing = build_report([years[1]], previous=[years[0]], unit="48", draws=0)
    trend = next(s for s in report_document(briefing).sections if s.key == "trend")
    assert trend.charts == [] and trend.views  # the table stays, its ranks '—'


def test_a_unit_the_previous_year_lacks_is_said_by_name(tmp_path: Path) -> None:
    # A new user's finding: only '0 units only in 2023, 1 only in 2024' said why Đà Nẵng's 2023 was '—'
    from typer.testing import CliRunner

    from dti.cli import app

    lines = (DATA / "2023.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    before = tmp_path / "dti_2023.csv"
    before.write_text("".join(line for line in lines if not line.startswith("48,")), encoding="utf-8")
    said = f"48 Đà Nẵng không có trong {before} (năm 2023): không so sánh được với năm đó"
    briefing = build_report([DATA / "2024.csv"], previous=[before], unit="Đà Nẵng", draws=0)
    assert said in [n.text("vi") if hasattr(n, "text") else n for n in briefing.notes]
    score = CliRunner().invoke(
        app, ["score", str(DATA / "2024.csv"), "--unit", "48", "--previous", str(before)]
    )
    assert score.exit_code == 0 and said in score.stderr


def test_the_overview_gives_the_mean_of_the_year_before_and_its_change() -> None:
    # A new user's finding; as `dti rank` gives them for the sample: 2023 0,5371 → 2024 0,5751, +7,1 %
    briefing = build_report([DATA / "2024.csv"], previous=[DATA / "2023.csv"], draws=0)
    overview = next(s for s in report_document(briefing).sections if s.key == "overview")
    mean = next(f for f in overview.facts if f.label == "Trung bình DTI")
    assert mean.note == "63 đơn vị; năm 2023: 0,5371, +7,1 %"


def test_counts_in_the_report_s_boxes_group_their_thousands() -> None:
    # A new user's finding: a card said '1000' draws beside the sentence's '1.000 lượt', and '10000 đơn vị'
    from dti.views.base import Column
    from dti.views.cells import cell

    count = Column("n", "", "count")
    assert [cell(count, n, ",") for n in (7, 1000, 10_000, 1_234_567)] == [
        "7",
        "1.000",
        "10.000",
        "1.234.567",
    ]
    assert cell(count, 10_000, ".") == "10,000" and cell(Column("y", "", "int"), 2024, ",") == "2024"
    briefing = build_report([DATA / "2024.csv"], draws=1000)
    robust = next(s for s in report_document(briefing).sections if s.key == "robust")
    assert any(f.kind == "count" and f.value == 1000 for f in robust.facts)
