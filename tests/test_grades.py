"""Grades (xếp loại, #24): bands in the spec, each unit's grade, the counts per grade, the way to the next.

The commune index below is typed as a district's decision writes it (criteria, then `Xếp loại:` rows in
the wording of DOMAIN.md § grades); the ten communes' results are typed by hand and every total, grade
and count below is worked out by hand from them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from typer.testing import CliRunner

from dti.analysis.grades import grade
from dti.cli import app
from dti.spec import SpecError, load_spec, parse_spec
from dti.spec.importer import import_table

from .conftest import SAMPLES

runner = CliRunner()

CRITERIA = [
    ["BỘ TIÊU CHÍ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2025"],
    ["(Kèm theo Quyết định số 789/QĐ-UBND ngày 20/3/2025 của UBND huyện Ninh Phước)"],
    [],
    ["STT", "Tiêu chí", "Điểm tối đa", "Cách tính điểm"],
    ["I", "NHẬN THỨC SỐ VÀ THỂ CHẾ SỐ", "", ""],
    ["1", "Ban Chỉ đạo chuyển đổi số của xã được kiện toàn", "10", "Có: 10 điểm; Không: 0 điểm"],
    ["2", "Ban hành Kế hoạch chuyển đổi số năm 2025", "10", "Có: 10 điểm; Không: 0 điểm"],
    ["II", "HẠ TẦNG SỐ VÀ CHÍNH QUYỀN SỐ", "", ""],
    ["3", "Tỷ lệ thôn có sóng di động 4G", "20", "Tỷ lệ % × điểm tối đa"],
    ["4", "Tỷ lệ hộ gia đình có kết nối cáp quang", "20", "Tỷ lệ % × điểm tối đa"],
    ["5", "Tỷ lệ hồ sơ trực tuyến toàn trình", "20", "Tỷ lệ % × điểm tối đa"],
    ["6", "Tỷ lệ người trưởng thành có tài khoản thanh toán", "20", "Tỷ lệ % × điểm tối đa"],
    ["", "Tổng cộng", "100", ""],
    ["Xếp loại:", "", "", ""],
    ["", "- Loại Tốt: từ 80 điểm trở lên;", "", ""],
    ["", "- Loại Khá: từ 65 đến dưới 80 điểm;", "", ""],
    ["", "- Loại Trung bình: từ 50 đến dưới 65 điểm;", "", ""],
    ["", "- Loại Yếu: dưới 50 điểm.", "", ""],
]

# code, name, C1..C6 as the communes report them; the total worked by hand (C3..C6: 20 × % / 100)
COMMUNES = [
    ("X01", "Xã Phước Dinh", "Có", "Có", "100", "90", "80", "100"),  # 10+10+20+18+16+20 = 94
    ("X02", "Xã Phước Hải", "Có", "Có", "100", "80", "75", "75"),  # 10+10+20+16+15+15 = 86
    ("X03", "Xã An Hải", "Có", "Có", "100", "100", "50", "50"),  # 10+10+20+20+10+10 = 80: Tốt
    ("X04", "Xã Phước Hậu", "Có", "Không", "100", "90", "80", "85"),  # 10+0+20+18+16+17 = 81
    ("X05", "Xã Phước Thuận", "Có", "Có", "80", "75", "50", "50"),  # 10+10+16+15+10+10 = 71
    ("X06", "Xã Phước Sơn", "Không", "Có", "100", "75", "50", "50"),  # 0+10+20+15+10+10 = 65: Khá
    ("X07", "Xã Phước Vinh", "Có", "Không", "80", "60", "40", "50"),  # 10+0+16+12+8+10 = 56
    ("X08", "Xã Phước Hữu", "Không", "Có", "75", "50", "40", "35"),  # 0+10+15+10+8+7 = 50: TB
    ("X09", "Xã Phước Kháng", "Không", "Không", "100", "50", "50", "44,5"),  # 0+0+20+10+10+8.9 = 48.9
    ("X10", "Xã Phước Chiến", "Có", "Không", "60", "40", "30", "10"),  # 10+0+12+8+6+2 = 38
]
TOTALS = [94, 86, 80, 81, 71, 65, 56, 50, 48.9, 38]
GRADES = ["Tốt"] * 4 + ["Khá"] * 2 + ["Trung bình"] * 2 + ["Yếu"] * 2


def _write(path: Path, rows: list[list[str]] | list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def commune(tmp_path: Path) -> tuple[Path, Path]:
    """The imported spec (YAML) and the year's results (a long CSV)."""
    imported = import_table(_write(tmp_path / "tieu_chi.csv", CRITERIA))
    spec_path = tmp_path / "xa.yaml"
    spec_path.write_text(imported.text, encoding="utf-8")
    long = [["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị"]]
    for code, name, *values in COMMUNES:
        long += [[code, name, f"C{k}", v] for k, v in enumerate(values, start=1)]
    return spec_path, _write(tmp_path / "ket_qua_2025.csv", long)


def test_the_criteria_table_imports_with_its_grades(commune: tuple[Path, Path]) -> None:
    spec = load_spec(commune[0])
    assert [(b.name_vi, b.name_en, b.at_least, b.scale) for b in spec.bands] == [
        ("Tốt", "Good", 80, "points"),
        ("Khá", "Fair", 65, "points"),
        ("Trung bình", "Average", 50, "points"),
        ("Yếu", "Weak", 0, "points"),
    ]
    assert [n.code for n in spec.nodes if n.is_leaf] == [f"C{k}" for k in range(1, 7)]


def test_ten_communes_graded_as_worked_by_hand(commune: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["score", str(commune[1]), "--spec", str(commune[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    got = {u["unit"]: (round(u["points"]["TOTAL"], 6), u["band"]) for u in data["units"]}
    assert got == {c[0]: (t, g) for c, t, g in zip(COMMUNES, TOTALS, GRADES, strict=True)}
    assert data["bands"] == [
        {"name_vi": "Tốt", "name_en": "Good", "at_least": 80.0, "count": 4},
        {"name_vi": "Khá", "name_en": "Fair", "at_least": 65.0, "count": 2},
        {"name_vi": "Trung bình", "name_en": "Average", "at_least": 50.0, "count": 2},
        {"name_vi": "Yếu", "name_en": "Weak", "at_least": 0.0, "count": 2},
    ]
    table = runner.invoke(app, ["score", str(commune[1]), "--spec", str(commune[0])])
    assert table.exit_code == 0
    assert "4 Tốt · 2 Khá · 2 Trung bình · 2 Yếu" in table.stdout
    english = runner.invoke(app, ["score", str(commune[1]), "--spec", str(commune[0]), "--lang", "en"])
    assert "4 Good · 2 Fair · 2 Average · 2 Weak" in english.stdout


def test_the_points_to_the_next_grade_and_the_gaps_that_close_them(commune: tuple[Path, Path]) -> None:
    spec = load_spec(commune[0])
    from dti.pipeline import evaluate

    run = evaluate([commune[1]], spec=spec)
    assert run.result is not None
    grades = grade(run.result)
    assert grades is not None
    at = {code: i for i, code in enumerate(grades.unit_codes)}
    assert grades.counts.tolist() == [4, 2, 2, 2]
    assert np.isnan(grades.to_next[at["X03"]])  # at the top band: no next grade
    # X05: 71 → 80 takes 9; gaps C3 4, C4 5, C5 10, C6 10: C5 alone (the first of the two 10s) closes it
    assert grades.to_next[at["X05"]] == pytest.approx(9)
    assert grades.closers(at["X05"]) == [("C5", pytest.approx(10))]
    # X07: 56 → 65 takes 9; its largest gap is C5 (20 − 8 = 12)
    assert grades.closers(at["X07"]) == [("C5", pytest.approx(12))]
    # X10: 38 → 50 takes 12; C6's gap is 18
    assert grades.to_next[at["X10"]] == pytest.approx(12)
    assert grades.closers(at["X10"]) == [("C6", pytest.approx(18))]
    # X09: 48.9 → 50 takes 1.1
    assert grades.to_next[at["X09"]] == pytest.approx(1.1)


def _spec(bands: str) -> str:
    return (
        "id: x\ntitle: X\nnodes:\n- {code: T, name_vi: T, kind: total, children: [A]}\n"
        "- {code: A, name_vi: A, kind: component, max_points: 10, rule: {kind: points}}\n"
        f"bands:\n{bands}"
    )


@pytest.mark.parametrize(
    ("bands", "said"),
    [
        (
            "- {name_vi: Khá, at_least: 5}\n- {name_vi: Tốt, at_least: 8}\n",
            r"bands\[1\]\.at_least: band 'Tốt' \(from 8\) must start below 'Khá'",
        ),
        (
            "- {name_vi: Tốt, at_least: 8}\n- {name_vi: Khá, at_least: 8}\n",
            r"bands\[1\]\.at_least: bands 'Khá' and 'Tốt' both start at 8: they overlap",
        ),
        (
            "- {name_vi: Tốt, at_least: 8}\n- {name_vi: tốt, at_least: 5}\n",
            r"bands\[1\]\.name_vi: band 'tốt' is already named at bands\[0\]",
        ),
        ("- {name_vi: Tốt, at_least: 12}\n", r"band 'Tốt' starts at 12, above the maximum 10"),
        (
            "- {name_vi: Tốt, at_least: 0.9, scale: value}\n- {name_vi: Khá, at_least: 5}\n",
            r"bands\[1\]\.scale",
        ),
        ("- {name_vi: Tốt, at_least: 1.5, scale: value}\n", r"starts at 1.5, above the maximum 1"),
    ],
)
def test_spec_check_refuses_bands_out_of_order_or_overlapping(bands: str, said: str) -> None:
    with pytest.raises(SpecError, match=said):
        parse_spec(_spec(bands))


def test_spec_check_exits_3_naming_the_bands(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(_spec("- {name_vi: Tốt, at_least: 8}\n- {name_vi: Khá, at_least: 8}\n"), encoding="utf-8")
    result = runner.invoke(app, ["spec", "check", str(path)])
    assert result.exit_code == 3
    assert "'Khá'" in result.output and "'Tốt'" in result.output and "8" in result.output


def test_a_band_in_value_grades_the_total_value(tmp_path: Path) -> None:
    from dti.pipeline import evaluate

    spec = parse_spec(
        _spec(
            "- {name_vi: Dẫn đầu, name_en: Leading, at_least: 0.75, scale: value}\n"
            "- {name_vi: Còn lại, at_least: 0.5, scale: value}\n"
        )
    )
    # points 7.5 (value 0.75, exactly the bound), 7.49996 (0.749996: 0.75 at 4 decimals), 7.4, 4.9 (none)
    rows = [("unit", "indicator", "value")]
    rows += [(u, "A", v) for u, v in zip("abcd", ("7.5", "7.49996", "7.4", "4.9"), strict=True)]
    run = evaluate([_write(tmp_path / "x.csv", rows)], spec=spec)
    assert run.result is not None
    grades = grade(run.result)
    assert grades is not None
    assert grades.band.tolist() == [0, 0, 1, -1]
    assert grades.counts.tolist() == [2, 1]
    assert grades.to_next[2] == pytest.approx(0.1)  # 0.75 × 10 points − 7.4
    assert np.isnan(grades.to_next[3]) and grades.name(3) is None


def test_a_spec_without_bands_has_no_grades() -> None:
    spec = load_spec("dti-province-2022")
    assert spec.bands == []
    assert (
        "bands" not in runner.invoke(app, ["score", "sample_data/2024.csv", "--format", "json"]).stdout[-200:]
    )


def _year_before(results: Path) -> Path:
    """2024: C5 and C6 20 percentage points lower for every commune (4 points less each, 0 at least)."""
    with results.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        if row[2] in ("C5", "C6"):
            row[3] = f"{max(0.0, float(row[3].replace(',', '.')) - 20):g}"
    return _write(results.with_name("ket_qua_2024.csv"), rows)


def test_rank_counts_the_grades_of_each_year_and_each_change(commune: tuple[Path, Path]) -> None:
    spec, now = commune
    before = _year_before(now)
    # 2024 by hand: X01 86 Tốt; X02 78, X03 72, X04 73 Khá; X05 63, X06 57 Trung bình;
    # X07 48, X08 42, X09 48.9 − 4 − 4 = 40.9, X10 38 − 4 − 2 = 32 Yếu
    args = ["rank", str(before), str(now), "--spec", str(spec)]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "Xếp loại năm 2024: 1 Tốt · 3 Khá · 2 Trung bình · 4 Yếu" in table.stdout
    assert "Xếp loại năm 2025: 4 Tốt · 2 Khá · 2 Trung bình · 2 Yếu" in table.stdout
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    units = {u["unit"]: u["bands"] for u in data["units"]}
    assert units["X02"] == {"2024": "Khá", "2025": "Tốt"} and units["X01"] == {"2024": "Tốt", "2025": "Tốt"}
    assert [b["count"] for b in data["bands"]["2024"]] == [1, 3, 2, 4]
    rows = {line.split()[0]: line for line in table.stdout.splitlines() if line.startswith("X")}
    assert "Khá → Tốt" in rows["X02"] and rows["X09"].rstrip().endswith("=")
    frame = runner.invoke(app, [*args, "--format", "csv"]).stdout.splitlines()
    assert frame[0].endswith('"band_2024","band_2025"') and frame[1].endswith('"Tốt","Tốt"')


def test_gaps_says_the_points_to_the_next_grade(commune: tuple[Path, Path]) -> None:
    spec, now = commune
    args = ["gaps", str(now), "--spec", str(spec), "--unit", "X05"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert data["grade"] == {
        "band": "Khá",
        "next": "Tốt",
        "to_next": pytest.approx(9),
        "components": [{"code": "C5", "points": pytest.approx(10)}],
    }
    table = runner.invoke(app, [*args, "--lang", "en"]).stdout
    assert "Grade: Fair" in table
    assert "9.00 more points reach Good; closing the gaps of C5 (+10.00) is enough" in table
    top = json.loads(runner.invoke(app, [*args[:-1], "X01", "--format", "json"]).stdout)["grade"]
    assert top == {"band": "Tốt", "next": None, "to_next": None, "components": []}


def test_the_report_gives_the_grade_and_the_counts(commune: tuple[Path, Path], tmp_path: Path) -> None:
    spec, now = commune
    out = tmp_path / "r.html"
    args = ["report", str(now), "--spec", str(spec), "--unit", "X07", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="grades"' in html and "Xếp loại: Trung bình" in html
    # X07: 56 → 65 takes 9; C5's gap is 12
    assert "Cần thêm 9,00 điểm để đạt loại Khá; khắc phục thiếu hụt ở C5 (+12,00) là đủ" in html
    assert "Số đơn vị theo xếp loại: 4 Tốt · 2 Khá · 2 Trung bình · 2 Yếu" in html


def test_a_province_report_has_no_grades(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert (
        runner.invoke(app, ["report", "sample_data/2024.csv", "--unit", "48", "-o", str(out)]).exit_code == 0
    )
    assert 'id="grades"' not in out.read_text(encoding="utf-8")


def test_the_example_commune_index_grades_by_value() -> None:
    from dti.analysis.grades import grade_values

    spec = load_spec("example-commune")
    assert spec.example and [b.name_vi for b in spec.bands] == ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
    # 315/350 = 0.9 exactly at Xuất sắc; 0.8999 just below it; 0.5 at Trung bình's bound; 0.4999 Yếu
    found = grade_values(spec, list("abcd"), np.array([315 / 350, 0.8999, 0.5, 0.4999]))
    assert found is not None
    assert [found.name(i) for i in range(4)] == ["Xuất sắc", "Tốt", "Trung bình", "Yếu"]
    assert found.to_next[1] == pytest.approx(0.04)  # 350 × (0.9 − 0.8999) = 0.035, rounded up as shown
    assert all(
        load_spec(p).bands == [] for p in ("dti-province-2020", "dti-province-2022", "dti-province-2025")
    )


def test_gaps_of_every_unit_lists_the_nearest_to_the_next_grade(commune: tuple[Path, Path]) -> None:
    spec, now = commune
    args = ["gaps", str(now), "--spec", str(spec)]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    found = {g["unit"]: g for g in data["grades"]}
    # X06: 65 → 80 takes 15; gaps C1 10, C4 5, C5 10, C6 10: C1 and C5 (the first two 10s) close it
    assert found["X06"] == {
        "unit": "X06",
        "band": "Khá",
        "next": "Tốt",
        "to_next": pytest.approx(15),
        "components": [
            {"code": "C1", "points": pytest.approx(10)},
            {"code": "C5", "points": pytest.approx(10)},
        ],
    }
    assert [b["count"] for b in data["bands"]] == [4, 2, 2, 2]
    table = runner.invoke(app, args).stdout.splitlines()
    nearest = [line.split()[0] for line in table if line.startswith("X")]
    assert nearest == [
        "X09",
        "X05",
        "X07",
        "X10",
        "X06",
        "X08",
    ]  # 1.1, 9, 9, 12, 15, 15 points (ties in the units' order); top band left out


def test_a_published_values_table_is_graded_without_claiming_gaps(commune: tuple[Path, Path]) -> None:
    # Totals only (as a district publishes them): grades and the points to the next, no components named
    # (an empty set of components raised ValueError in argmax: exit 4 before).
    spec, _ = commune
    table = _write(
        spec.with_name("cong_bo_2025.csv"),
        [
            ("Mã đơn vị", "Tên đơn vị", "TOTAL"),
            ("X01", "Xã Phước Dinh", "0,94"),
            ("X05", "Xã Phước Thuận", "0,71"),
            ("X09", "Xã Phước Kháng", "0,489"),
        ],
    )
    scored = runner.invoke(app, ["score", str(table), "--spec", str(spec)])
    assert scored.exit_code == 0, scored.output
    assert "1 Tốt · 1 Khá · 0 Trung bình · 1 Yếu" in scored.stdout
    out = spec.with_name("r.html")
    report = runner.invoke(app, ["report", str(table), "--spec", str(spec), "--unit", "X05", "-o", str(out)])
    assert report.exit_code == 0, report.output
    html = out.read_text(encoding="utf-8")
    assert "Cần thêm 9,00 điểm để đạt loại Tốt<" in html and "khắc phục thiếu hụt" not in html


def test_a_total_tied_in_rank_shares_the_grade(commune: tuple[Path, Path]) -> None:
    # Issue 24: 79.996 of 100 points ranks tied with 80 (0,8000 at 4 decimals): Tốt like its tie. 79.994
    # is 0,7999: Khá, and it needs 80 − 79.994 = 0.006 points, shown rounded up as 0.01 (never 0.00).
    from dti.analysis.grades import grade_values

    spec = load_spec(commune[0])
    found = grade_values(spec, list("abc"), np.array([0.8, 0.79996, 0.79994]))
    assert found is not None
    assert [found.name(i) for i in range(3)] == ["Tốt", "Tốt", "Khá"]
    assert found.to_next[2] == pytest.approx(0.01)


def test_a_total_exactly_at_a_bound_not_whole_in_value_is_in_its_band(tmp_path: Path) -> None:
    # 19 of 30 points is 0.63333…: the bound and the total round alike to 0,6333, so 19 points is in.
    from dti.analysis.grades import grade_values

    spec = parse_spec(_spec("- {name_vi: Đạt, at_least: 19}\n").replace("max_points: 10", "max_points: 30"))
    found = grade_values(spec, ["a", "b"], np.array([19 / 30, 18.99 / 30]))
    assert found is not None
    assert [found.name(0), found.name(1)] == ["Đạt", None]


@pytest.mark.parametrize("one_cell", [False, True])
def test_a_strict_bound_keeps_no_band_and_is_reviewed(tmp_path: Path, one_cell: bool) -> None:
    # Issue 24: "trên 90 điểm" is not read (docs: strict bounds are not); the grades below it must not
    # be kept alone (bands starting at Tốt grade 95 points Tốt), nor the rows fold into criterion 6.
    grades = [
        "- Loại Xuất sắc: trên 90 điểm;",
        "- Loại Tốt: từ 80 đến dưới 90 điểm;",
        "- Loại Khá: từ 65 đến dưới 80 điểm;",
        "- Loại Yếu: dưới 65 điểm.",
    ]
    rows = CRITERIA[:-5] + (
        [["", "Xếp loại: " + " ".join(g.lstrip("- ") for g in grades), "", ""]]
        if one_cell
        else [["Xếp loại:", "", "", ""], *[["", g, "", ""] for g in grades]]
    )
    imported = import_table(_write(tmp_path / "tieu_chi.csv", rows))
    assert imported.spec.bands == []
    last = imported.spec.nodes[-1]
    assert (
        last.code == "C6" and "Xuất sắc" not in (last.source or "") and "Xếp loại" not in (last.source or "")
    )
    unread = [a for a in imported.review.assumed if a["check"] == "grade-unread"]
    assert [(a["row"], "trên 90 điểm" in str(a["why"])) for a in unread] == [(14 if one_cell else 15, True)]
    out = runner.invoke(
        app, ["spec", "import", str(tmp_path / "tieu_chi.csv"), "-o", str(tmp_path / "x.yaml")]
    )
    assert out.exit_code == 0 and "xếp loại không đọc được" in out.output and "Loại Xuất sắc" in out.output


def test_the_top_grade_the_score_line_and_no_empty_tables(commune: tuple[Path, Path]) -> None:
    spec, now = commune
    top = runner.invoke(app, ["gaps", str(now), "--spec", str(spec), "--unit", "X01"]).stdout
    assert "Đã ở xếp loại cao nhất" in top and "Để đạt xếp loại trên" not in top  # no empty table
    score = runner.invoke(app, ["score", str(now), "--spec", str(spec), "--unit", "X06"]).stdout
    assert "Xếp loại: Khá" in score  # 65 points: Khá from 65
    table = spec.parent / "tieu_chi.csv"  # imported by the fixture: nothing to check
    out = runner.invoke(app, ["spec", "import", str(table), "-o", str(spec.parent / "again.yaml")])
    assert out.exit_code == 0 and "Cần kiểm tra lại" not in out.output and "dòng xếp loại" in out.output


def test_a_count_chart_has_whole_ticks(commune: tuple[Path, Path], tmp_path: Path) -> None:
    import re
    import zipfile

    from dti.views.document import Chart, Series
    from dti.write.svg import svg

    chart = Chart(
        "grades", "bar", "Xếp loại", ["Tốt", "Khá", "Yếu"], [Series("n", [3.0, 1.0, 0.0])], digits=0
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg(chart, ","))
    assert texts[:4] == ["0", "1", "2", "3"] and "0,5" not in texts  # the value axis, drawn first
    spec, now = commune
    out = tmp_path / "r.xlsx"
    assert runner.invoke(app, ["report", str(now), "--spec", str(spec), "-o", str(out)]).exit_code == 0
    with zipfile.ZipFile(out) as book:
        charts = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/charts/")]
    graded = [c for c in charts if "Tốt" in c or "Xếp loại" in c]
    assert graded and all('<c:majorUnit val="1"/>' in c for c in graded)


def test_the_report_lists_each_grade_and_each_unit_s_grade(
    commune: tuple[Path, Path], tmp_path: Path
) -> None:
    import openpyxl

    spec, now = commune
    # 2024 as 2025 but X06 scored C1 Có and C5 100 %: 10+10+20+15+20+10 = 85, Tốt; 2025: 65, Khá
    long = [["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị"]]
    for code, name, *values in COMMUNES:
        if code == "X06":
            values = ["Có", "Có", "100", "75", "100", "50"]
        long += [[code, name, f"C{k}", v] for k, v in enumerate(values, start=1)]
    before = _write(tmp_path / "ket_qua_2024.csv", long)
    base = ["report", str(now), "--previous", str(before), "--spec", str(spec)]
    unit = tmp_path / "x06.html"
    assert runner.invoke(app, [*base, "--unit", "X06", "-o", str(unit)]).exit_code == 0
    page = unit.read_text(encoding="utf-8")
    headline = page[page.index('id="headline"') : page.index('id="grades"')]
    assert "Xếp loại từ Tốt xuống Khá so với năm 2024" in headline
    book = tmp_path / "all.xlsx"
    assert runner.invoke(app, [*base, "-o", str(book)]).exit_code == 0
    sheets = openpyxl.load_workbook(book)
    counts = [[c.value for c in r] for r in sheets["Xếp loại"].iter_rows(min_row=2, max_row=5)]
    assert counts == [  # by name (a new user's finding: codes only)
        ["Tốt", 4, "Xã Phước Dinh, Xã Phước Hải, Xã An Hải, Xã Phước Hậu"],
        ["Khá", 2, "Xã Phước Thuận, Xã Phước Sơn"],
        ["Trung bình", 2, "Xã Phước Vinh, Xã Phước Hữu"],
        ["Yếu", 2, "Xã Phước Kháng, Xã Phước Chiến"],
    ]
    ranking = sheets["Bảng xếp hạng"]
    header = [c.value for c in ranking[1]]
    assert header[-2:] == ["xếp loại 2025", "Δ xếp loại 2024→2025"]
    x06 = next([c.value for c in r] for r in ranking.iter_rows(min_row=2) if r[0].value == "X06")
    assert x06[-2:] == ["Khá", "Tốt → Khá"]
    page = runner.invoke(app, [*base, "-o", str(tmp_path / "all.html")])
    html = (tmp_path / "all.html").read_text(encoding="utf-8")
    grades = html[html.index('id="grades"') :]
    assert "Gần xếp loại trên nhất" in grades and "Xã Phước Hải, Xã An Hải, Xã Phước Hậu" in grades


def test_a_grade_lists_its_first_units_by_name_and_counts_the_rest() -> None:
    # 10,000 codes in one cell were past a spreadsheet cell's 32,767 characters; a shared name takes its code
    from dti.views.grades import LISTED, _members

    codes = [f"X{i:03}" for i in range(LISTED + 5)]
    names = {c: f"Xã {c}" for c in codes} | {"X000": "Phường 1", "X001": "Phường 1"}
    grades = SimpleNamespace(
        unit_codes=codes, band=np.zeros(len(codes), dtype=int), counts=np.array([len(codes)])
    )
    (row,) = _members(grades, ["Tốt"], names, "Xếp loại", "vi").rows  # type: ignore[arg-type]
    assert row["count"] == LISTED + 5
    assert row["units"].startswith("Phường 1 (X000), Phường 1 (X001), Xã X002, ")
    assert row["units"].endswith(f"Xã X{LISTED - 1:03} và 5 đơn vị khác")


def test_a_commune_index_s_mean_is_not_the_nation_s(commune: tuple[Path, Path], tmp_path: Path) -> None:
    # A new user's finding: the communes of a register, all in the file, were 'Trung bình cả nước'
    from dti import build_report, report_document
    from dti.io.register import UnitRegister

    spec, now = commune
    units = _write(tmp_path / "xa.csv", [("Mã", "Tên"), *((c[0], c[1]) for c in COMMUNES)])
    briefing = build_report([now], spec=str(spec), unit="X01", draws=0, register=UnitRegister.read(units))
    pillars = next(s for s in report_document(briefing).sections if s.key == "pillars")
    labels = [c.label for v in pillars.views for c in v.columns]
    assert "Trung bình 10 đơn vị trong bảng" in labels and not any("cả nước" in x for x in labels)


def test_the_word_draft_lists_the_units_of_each_grade(commune: tuple[Path, Path], tmp_path: Path) -> None:
    # A new user's finding: the Word draft had the counts per grade but not the table of their units
    from docx import Document as OpenDocx

    spec, now = commune
    out = tmp_path / "bao_cao.docx"
    result = runner.invoke(app, ["report", str(now), "--spec", str(spec), "--draws", "0", "-o", str(out)])
    assert result.exit_code == 0, result.output
    cells = [[c.text for c in row.cells] for t in OpenDocx(str(out)).tables for row in t.rows]
    assert ["Yếu", "2", "Xã Phước Kháng, Xã Phước Chiến"] in cells


def test_the_losses_chart_has_no_missing_data_series_when_nothing_is_missing(
    commune: tuple[Path, Path],
) -> None:
    # A new user's finding: a 'thiếu số liệu' legend beside bars that had none (every commune here gives
    # every criterion); the sample's Đà Nẵng 2024 has points at stake, and keeps the series
    from dti import build_report, report_document

    def labels(files: list[Path], unit: str, spec: str | None = None) -> list[str]:
        document = report_document(build_report(files, unit=unit, draws=0, spec=spec))
        (chart,) = next(s for s in document.sections if s.key == "losses").charts
        return [s.label for s in chart.series]

    spec, now = commune
    assert labels([now], "X01", str(spec)) == ["mất điểm"]
    assert labels([SAMPLES / "2024.csv"], "48") == ["mất điểm", "thiếu số liệu"]
