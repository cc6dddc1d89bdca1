"""The report on the ministry's published tables as copied (issue 24): it states the values and published
ranks a table holds, claims no points lost, and a change of places only for a unit ranked in both years."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.briefing import build_report
from dti.cli import app
from dti.views.report import report_document

PROVINCES = Path(__file__).parent.parent / "dti" / "data" / "provinces_2024.csv"
NAMES = [r["name"] for r in csv.DictReader(PROVINCES.read_text(encoding="utf-8").splitlines())]
NINH_THUAN = NAMES.index("Ninh Thuận")  # 37: 38th of the register's order
SAMPLE = Path(__file__).parent.parent / "sample_data"


def _titled(title: str) -> tuple[openpyxl.Workbook, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"])
    sheet.append([title])
    sheet.append([])
    return book, sheet


def comma(value: float) -> str:
    return f"{value:.4f}".replace(".", ",")


def dti_table(folder: Path, year: int, names: list[str]) -> Path:
    """The ministry's DTI ranking as copied: titles, a two-row header, decimal-comma text, ranks, the
    national average, a footnote. The k-th name is ranked k+1 with 0.62 - 0.005 k."""
    book, sheet = _titled(f"BẢNG XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM {year}")
    sheet.append(["STT", "Tỉnh, thành phố", "Chỉ số DTI", None])  # type: ignore[attr-defined]
    sheet.append([None, None, "Giá trị", "Xếp hạng"])  # type: ignore[attr-defined]
    for merged in ("A4:A5", "B4:B5", "C4:D4"):
        sheet.merge_cells(merged)  # type: ignore[attr-defined]
    for k, name in enumerate(names):
        sheet.append([k + 1, name, comma(0.62 - 0.005 * k), k + 1])  # type: ignore[attr-defined]
    sheet.append([None, "Trung bình cả nước", "0,4014", None])  # type: ignore[attr-defined]
    sheet.append([])  # type: ignore[attr-defined]
    sheet.append([f"Nguồn: Bộ Thông tin và Truyền thông, công bố ngày 12/7/{year + 1}"])  # type: ignore[attr-defined]
    path = folder / f"xep_hang_dti_{year}.xlsx"
    book.save(path)
    return path


def pillar_table(folder: Path, names: list[str] = NAMES) -> Path:
    book, sheet = _titled("KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ THEO TRỤ CỘT NĂM 2022")
    sheet.append(["STT", "Tỉnh, thành phố", "Chính quyền số", "Kinh tế số", "Xã hội số"])  # type: ignore[attr-defined]
    for k, name in enumerate(names):
        row = [k + 1, name, comma(0.7 - 0.004 * k), comma(0.5 - 0.003 * k), comma(0.4 - 0.002 * k)]
        sheet.append(row)  # type: ignore[attr-defined]
    sheet.append([None, "Trung bình cả nước", "0,5", "0,4", "0,3"])  # type: ignore[attr-defined]
    path = folder / "tru_cot_2022.xlsx"
    book.save(path)
    return path


def own_file(folder: Path) -> Path:
    """Ninh Thuận's own component file for 2023 (the sample's rows of unit 58)."""
    lines = (SAMPLE / "2023.csv").read_text(encoding="utf-8").splitlines()
    path = folder / "ninh_thuan_2023.csv"
    path.write_text(
        "\n".join([lines[0], *(x for x in lines if x.startswith("58,"))]) + "\n", encoding="utf-8"
    )
    return path


def _everything(doc: object) -> str:
    sections = doc.sections  # type: ignore[attr-defined]
    lines = [line for s in sections for line in s.lines] + [str(f) for s in sections for f in s.facts]
    return "\n".join(lines + doc.notes)  # type: ignore[attr-defined]


def test_a_dti_only_table_states_value_and_published_rank_and_no_points(tmp_path: Path) -> None:
    table = dti_table(tmp_path, 2022, NAMES)
    doc = report_document(build_report([table], unit="Ninh Thuận", draws=0))
    head = doc.section("headline")
    assert head is not None
    # 0.62 - 0.005 x 37 = 0.435, published 38th of the 63 provinces
    assert head.facts[0].value == pytest.approx(0.435) and head.facts[0].note == "hạng 38/63"
    assert len(head.facts) == 1  # no pillar the table does not hold
    assert head.lines[0] == "Năm 2022, Ninh Thuận đạt DTI 0,4350, xếp thứ 38/63."
    assert head.lines[1] == (
        f"{table} là bảng kết quả đã công bố (giá trị DTI), không có điểm của các chỉ số "
        "thành phần và các chỉ số chính: báo cáo chỉ nêu giá trị và thứ hạng, không nêu điểm bị mất, các "
        "chỉ số thành phần và độ vững của thứ hạng."
    )
    assert doc.section("losses") is None and doc.section("pillars") is None
    assert "mất" not in _everything(doc).replace("không nêu điểm bị mất", "")


def test_a_top_18_table_ranks_18_of_63_and_places_only_for_units_in_both(tmp_path: Path) -> None:
    # 2021: the top 18 in the reverse order of 2022's first 18: the 6th of 2022 (index 5) was 13th of 63
    top = dti_table(tmp_path, 2021, list(reversed(NAMES[:18])))
    full = dti_table(tmp_path, 2022, NAMES)
    briefing = build_report([full], previous=[top], draws=0)
    sixth = next(unit for unit, name in briefing.latest.names.items() if name == NAMES[5])
    doc = report_document(briefing, sixth)
    head = doc.section("headline")
    assert head is not None
    assert head.facts[0].note == "hạng 6/63" and head.facts[1].value == 13 - 6
    # 0.62 - 0.005 x 5 = 0.595 against 0.62 - 0.005 x 12 = 0.56 (13th in 2021): +6.25 %
    assert ", tăng 7 bậc so với 2021 (+6,2 %)" in head.lines[0]
    # Ninh Thuận is not in the 2021 table: no rank that year, no change of places, the sets differ
    doc = report_document(build_report([full], previous=[top], unit="Ninh Thuận", draws=0))
    text = _everything(doc)
    assert "bậc" not in text and "Hạng so với" not in text
    assert "có các tập đơn vị khác nhau: 0 đơn vị chỉ có năm 2021, 45 đơn vị chỉ có năm 2022" in text


def test_a_pillar_table_ranks_each_pillar_of_its_63(tmp_path: Path) -> None:
    doc = report_document(build_report([pillar_table(tmp_path)], unit="Ninh Thuận", draws=0))
    head = doc.section("headline")
    assert head is not None
    # CQS 0.7 - 0.004 x 37 = 0.552, KTS 0.5 - 0.003 x 37 = 0.389, XHS 0.4 - 0.002 x 37 = 0.326: 38th each
    assert [(f.label, round(f.value, 4), f.note) for f in head.facts] == [
        ("CQS 2022", 0.552, "hạng 38/63"),
        ("Kinh tế số", 0.389, "hạng 38/63"),
        ("Xã hội số", 0.326, "hạng 38/63"),
    ]
    pillars = doc.section("pillars")
    assert pillars is not None
    national = pillars.charts[0].series[1]
    # the mean of 0.7 - 0.004 k over k = 0..62 is 0.7 - 0.004 x 31 = 0.576
    assert national.label == "Trung bình cả nước (63 đơn vị)" and national.values[0] == pytest.approx(0.576)
    assert doc.section("losses") is None and "Thanh Hóa mất" not in _everything(doc)
    overview = report_document(build_report([pillar_table(tmp_path)], draws=0))
    assert overview.section("losses") is None
    assert [f.value for f in overview.sections[0].facts[:1]] == [63]


def test_a_table_of_18_compares_with_its_published_national_mean(tmp_path: Path) -> None:
    # Found by a new user: 'Trung bình 18 đơn vị trong bảng' though the table has its 'Trung bình cả nước'
    # row (0,5 0,4 0,3), and the mean of 2 of the 14 units of Ninh Thuận's region called a regional mean
    names = NAMES[NINH_THUAN - 17 : NINH_THUAN + 1]  # 18 provinces, Ninh Thuận the last
    rows = list(csv.DictReader(PROVINCES.read_text(encoding="utf-8").splitlines()))
    region = rows[NINH_THUAN]["region"]
    listed = sum(r["region"] == region for r in rows if r["name"] in names)
    of = sum(r["region"] == region for r in rows)
    doc = report_document(build_report([pillar_table(tmp_path, names)], unit="Ninh Thuận", draws=0))
    pillars = doc.section("pillars")
    assert pillars is not None
    national, regional = pillars.charts[0].series[1:]
    assert national.label == "Trung bình cả nước (công bố trong bảng)"
    assert national.values == pytest.approx([0.5, 0.4, 0.3])
    assert 2 <= listed < of and regional.label == f"Trung bình {listed}/{of} đơn vị của vùng {region}"


def test_a_province_own_file_is_not_ranked_1_of_1_nor_a_national_mean(tmp_path: Path) -> None:
    table = dti_table(tmp_path, 2022, NAMES)
    briefing = build_report([own_file(tmp_path)], previous=[table], unit="Ninh Thuận", draws=0)
    doc = report_document(briefing)
    text = _everything(doc)
    assert "1/1" not in text and "bậc" not in text and "Hạng so với" not in text
    head = doc.section("headline")
    assert head is not None and head.facts[0].note == ""
    assert "bảng năm 2023 không xếp hạng Ninh Thuận" in head.lines[0]
    assert "ninh_thuan_2023.csv chỉ có số liệu của 1 đơn vị" in head.lines[-1]
    pillars = doc.section("pillars")
    assert pillars is not None and len(pillars.charts[0].series) == 1  # the unit's own values, no mean
    assert doc.section("ranking") is None
    assert "có các tập đơn vị khác nhau: 62 đơn vị chỉ có năm 2022, 0 đơn vị chỉ có năm 2023" in text


@pytest.mark.parametrize("suffix", [".html", ".xlsx"])
def test_unit_report_on_every_published_table_never_exits_4(tmp_path: Path, suffix: str) -> None:
    tables = [dti_table(tmp_path, 2022, NAMES), pillar_table(tmp_path), own_file(tmp_path)]
    runner = CliRunner()
    for table in tables:  # with the default robustness draws (was an internal error on a DTI-only table)
        out = tmp_path / f"r_{table.stem}{suffix}"
        result = runner.invoke(
            app, ["report", str(table), "--unit", "Ninh Thuận", "--draws", "50", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    own = [str(tables[2]), "--previous", str(tables[0])]
    result = runner.invoke(
        app, ["report", *own, "--unit", "Ninh Thuận", "-o", str(tmp_path / f"mix{suffix}")]
    )
    assert result.exit_code == 0, result.output


def _json(args: list[str]) -> dict:  # type: ignore[type-arg]
    import json

    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_score_unit_on_a_results_table_and_on_a_province_own_file(tmp_path: Path) -> None:
    table = dti_table(tmp_path, 2022, NAMES)
    nodes = {n["code"]: n for n in _json(["score", str(table), "--unit", "Ninh Thuận"])["nodes"]}
    # the published value and rank; nothing lost is known on a table of values
    assert nodes["DTI"]["value"] == pytest.approx(0.435) and nodes["DTI"]["rank"] == 38
    assert nodes["DTI"]["lost"] is None and nodes["DTI"]["at_stake"] is None
    pillars = {n["code"]: n for n in _json(["score", str(pillar_table(tmp_path)), "--unit", "58"])["nodes"]}
    assert pillars["DTI"]["lost"] is None and pillars["CQS"]["rank"] == 38  # not 'mất 1000/1000'
    own = ["score", str(own_file(tmp_path)), "--unit", "Ninh Thuận", "--previous", str(table)]
    nodes = {n["code"]: n for n in _json(own)["nodes"]}
    # one unit ranks nothing: no 1st of 1, no 37 places gained over 38th of 63
    assert nodes["DTI"]["rank"] is None and nodes["DTI"]["previous_rank"] == 38
    assert nodes["DTI"]["places"] is None and nodes["DTI"]["lost"] > 0  # its own components lose points


def test_rank_unit_ranks_a_year_only_where_its_table_ranks_the_unit(tmp_path: Path) -> None:
    table, own = dti_table(tmp_path, 2022, NAMES), own_file(tmp_path)
    data = _json(["rank", str(table), str(own), "--unit", "Ninh Thuận"])
    dti = data["nodes"][0]
    assert dti["ranks"] == {"2022": 38, "2023": None} and dti["places"] is None
    result = CliRunner().invoke(app, ["rank", str(table), str(own), "--unit", "Ninh Thuận"])
    assert "hạng DTI trên số đơn vị bảng mỗi năm xếp hạng: 2022: 63, 2023: —" in result.output
    # a top-18 table ranks 18 of 63: a unit in both years moves by places, without the sets warning
    top = dti_table(tmp_path, 2021, list(reversed(NAMES[:18])))
    result = CliRunner().invoke(app, ["rank", str(top), str(table), "--unit", NAMES[5]])
    assert "2021: 63, 2022: 63" in result.output and "khác nhau giữa các năm" not in result.output
    dti = _json(["rank", str(top), str(table), "--unit", NAMES[5]])["nodes"][0]
    assert dti["ranks"] == {"2021": 13, "2022": 6} and dti["places"] == 7


def test_rank_merge_says_how_many_old_provinces_a_new_one_holds(tmp_path: Path) -> None:
    # Ninh Thuận joined Khánh Hòa on 1 July 2025: its own file alone stands for half of the new province
    table, own = dti_table(tmp_path, 2022, NAMES), own_file(tmp_path)
    result = CliRunner().invoke(app, ["rank", str(table), str(own), "--merge", "2025"])
    assert result.exit_code == 0, result.output
    assert (
        "năm 2023: dữ liệu chỉ có một phần các tỉnh cũ của 1 tỉnh mới, giá trị của tỉnh mới là trung bình "
        "của các tỉnh cũ có số liệu (không tính % thay đổi với năm có các tỉnh cũ khác): Khánh Hòa 1/2 "
        "(Ninh Thuận)"
    ) in result.output
    assert "năm 2022: dữ liệu chỉ có một phần" not in result.output  # all 63 old provinces


def test_a_unit_only_an_earlier_year_holds_is_refused_not_a_crash(tmp_path: Path) -> None:
    # Hà Nội is in the 2021 table, not in Ninh Thuận's own 2023 file: the report is of 2023 (exit 4 before)
    top, own = dti_table(tmp_path, 2021, NAMES[:18]), own_file(tmp_path)
    args = ["report", str(own), "--previous", str(top), "--unit", "Hà Nội", "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(app, args)
    said = " ".join(
        result.output.split()
    )  # the file and year that lack it (tests/test_report_missing_unit.py)
    assert result.exit_code == 2 and f"'Hà Nội' không có trong {own} (năm 2023" in said
