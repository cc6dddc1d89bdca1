"""Means and their change (#24): the national and regional mean per year, a table's own mean row."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from dti.analysis.means import ALL, check_published, decimals, mean_changes, scope_means, year_means
from dti.cli import app
from dti.engine.submission import PublishedMean
from dti.io.headers import is_mean
from dti.io.register import DATA_DIR

from .conftest import SAMPLES

runner = CliRunner()


def _provinces() -> list[tuple[str, str, str]]:
    with (DATA_DIR / "provinces_2024.csv").open(encoding="utf-8") as handle:
        return [(r["code"], r["name"], r["region"]) for r in csv.DictReader(handle)]


# Values chosen so the means work out by hand: every province at the base value but Hà Nội (01) and
# TP Hồ Chí Minh (79).
# 2021: 61 × 0,3000 + 0,4000 + 0,3638 = 19,0638; / 63 = 0,3026
# 2022: 61 × 0,4000 + 0,5000 + 0,3882 = 25,2882; / 63 = 0,4014
# change: 0,4014 - 0,3026 = 0,0988; 0,0988 / 0,3026 = +32,65 % ("tăng 32,7 %", as the notices write)
VALUES = {
    2021: ("0,3000", {"01": "0,4000", "79": "0,3638"}),
    2022: ("0,4000", {"01": "0,5000", "79": "0,3882"}),
}


def _value(year: int, code: str) -> str:
    base, odd = VALUES[year]
    return odd.get(code, base)


def table_2021(folder: Path, mean: str = "0,3026", regional: tuple[str, ...] = ()) -> Path:
    """The 2021 table as a CSV: the national row first ('Cả nước'), the regions' rows given, then the
    provinces by name."""
    path = folder / "dti_2021.csv"
    lines = ["STT,Tỉnh/thành phố,Chỉ số DTI", f',Cả nước,"{mean}"', *regional]
    lines += [f'{i},{name},"{_value(2021, code)}"' for i, (code, name, _) in enumerate(_provinces(), 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def table_2022(folder: Path, mean: float = 0.4014) -> Path:
    """The 2022 table as the ministry lays it out: title rows, 'Chỉ số DTI' over 'Giá trị | Xếp hạng',
    the provinces, 'Trung bình cả nước' under them (an Excel number), a source line."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"])
    sheet.append(["KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2022"])
    sheet.append([])
    sheet.append(["STT", "Tỉnh, thành phố", "Chỉ số DTI", None])
    sheet.append([None, None, "Giá trị", "Xếp hạng"])
    for merged in ("A4:A5", "B4:B5", "C4:D4"):
        sheet.merge_cells(merged)
    provinces = _provinces()
    values = {code: float(_value(2022, code).replace(",", ".")) for code, _, _ in provinces}
    order = sorted(provinces, key=lambda p: -values[p[0]])
    for i, (code, name, _) in enumerate(order, 1):
        rank = 1 + sum(v > values[code] for v in values.values())  # 01 first, 61 tied at 2, 79 last
        sheet.append([i, name, values[code], rank])
    sheet.append([None, "Trung bình cả nước", mean, None])
    sheet.append([])
    sheet.append(["Nguồn: Bộ Thông tin và Truyền thông"])
    path = folder / "xep_hang_dti_2022.xlsx"
    book.save(path)
    return path


def _rank(*args: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["rank", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_two_full_years_give_the_national_mean_and_its_change(tmp_path: Path) -> None:
    data, stderr = _rank(str(table_2021(tmp_path)), str(table_2022(tmp_path)))
    means = {m["year"]: m for m in data["means"]}
    assert means[2021]["scope"] == ALL and means[2021]["units"] == 63
    assert means[2021]["value"] == pytest.approx(0.3026, abs=1e-12)
    assert means[2022]["value"] == pytest.approx(0.4014, abs=1e-12)
    # the tables' own rows, shown as published beside the computed means
    assert means[2021]["published"] == 0.3026 and means[2022]["published"] == 0.4014
    (change,) = data["mean_changes"]
    assert (change["scope"], change["from"], change["to"]) == (ALL, 2021, 2022)
    assert change["value"] == pytest.approx(0.0988, abs=1e-12)
    assert change["pct"] == pytest.approx(0.0988 / 0.3026 * 100)  # 32,65 %
    # the average rows are no unit: 63 provinces ranked, none named 'Cả nước'
    assert len(data["units"]) == 63 and all(u["ranks"]["2022"] for u in data["units"])
    assert {u["unit"] for u in data["units"]} == {code for code, _, _ in _provinces()}
    assert "kiểm tra dòng này" not in stderr  # both rows agree with their units


def test_the_means_table_shows_published_beside_computed(tmp_path: Path) -> None:
    files = [str(table_2021(tmp_path)), str(table_2022(tmp_path))]
    result = runner.invoke(app, ["rank", *files, "--top", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Trung bình DTI theo năm"))
    assert "công bố" in lines[at + 1]
    assert [c.strip() for c in lines[at + 3].split("│")] == [
        "Cả nước",
        "2021",
        "63",
        "0,3026",
        "0,3026",
        "—",
        "—",
    ]
    assert [c.strip() for c in lines[at + 4].split("│")] == [
        "Cả nước",
        "2022",
        "63",
        "0,4014",
        "0,4014",
        "0,0988",
        "+32,7 %",
    ]
    assert "dòng 69 là trung bình đã công bố" in result.stderr  # 5 title and header rows, 63 provinces
    english = runner.invoke(app, ["rank", *files, "--top", "2", "--lang", "en"])
    assert "Mean DTI by year" in english.stdout and "National" in english.stdout


def test_a_mean_row_that_disagrees_with_a_full_table_is_said(tmp_path: Path) -> None:
    files = [str(table_2021(tmp_path, mean="0,3100")), str(table_2022(tmp_path))]
    data, stderr = _rank(*files)
    assert data["means"][0]["published"] == 0.31 and data["means"][0]["value"] == pytest.approx(0.3026)
    assert "dti_2021.csv, dòng 2 (C2) 'Cả nước': DTI năm 2021 công bố 0,3100" in stderr  # as written
    assert "trung bình của 63 đơn vị trong bảng là 0,3026" in stderr  # to the 4 decimals written
    # 0,3026 published as 0,30: agrees to its two decimals
    _, said = _rank(str(table_2021(tmp_path, mean="0,30")))
    assert "kiểm tra dòng này" not in said
    # Found by a new user: '0,3000' was checked to 2 decimals (trailing zeros dropped) and agreed with 0,3026
    _, said = _rank(str(table_2021(tmp_path, mean="0,3000")))
    assert "công bố 0,3000, nhưng trung bình của 63 đơn vị trong bảng là 0,3026" in " ".join(said.split())


def test_regional_means_with_region(tmp_path: Path) -> None:
    data, _ = _rank(str(table_2021(tmp_path)), str(table_2022(tmp_path)), "--region")
    means = {(m["scope"], m["year"]): m for m in data["means"]}
    # Đồng bằng sông Hồng: 11 provinces, Hà Nội among them; Đông Nam Bộ: 6, TP Hồ Chí Minh among them.
    red = means[("Đồng bằng sông Hồng", 2021)]
    assert red["units"] == 11 and red["value"] == pytest.approx((10 * 0.3 + 0.4) / 11)
    assert red["published"] is None  # the table's row is the national mean
    south = means[("Đông Nam Bộ", 2022)]
    assert south["units"] == 6 and south["value"] == pytest.approx((5 * 0.4 + 0.3882) / 6)
    assert sum(m["units"] for (scope, year), m in means.items() if scope != ALL and year == 2021) == 63
    changes = {(c["scope"], c["to"]): c for c in data["mean_changes"]}
    assert changes[("Tây Nguyên", 2022)]["value"] == pytest.approx(0.1)


def test_no_mean_of_fewer_than_two_units(tmp_path: Path) -> None:
    one = tmp_path / "2023.csv"
    one.write_text("unit,DTI\n01,0.5\n", encoding="utf-8")
    two = tmp_path / "2024.csv"
    two.write_text("unit,DTI\n01,0.5\n79,0.7\n", encoding="utf-8")
    data, _ = _rank(str(one), str(two))
    assert [(m["year"], m["units"], m["value"]) for m in data["means"]] == [(2023, 1, None), (2024, 2, 0.6)]
    assert data["mean_changes"] == []
    shown = runner.invoke(app, ["rank", str(one), str(two)])
    assert "Không tính trung bình của dưới 2 đơn vị" in shown.stdout


def test_a_long_file_mean_row_and_a_sum_row(tmp_path: Path) -> None:
    from dti import evaluate

    path = tmp_path / "dti_2022.csv"
    path.write_text(
        'Mã đơn vị,Chỉ số,Giá trị\n01,DTI,"0,5"\n79,DTI,"0,3"\nBình quân,DTI,"0,4"\nTổng cộng,DTI,"0,8"\n',
        encoding="utf-8",
    )
    run = evaluate(path)
    assert run.result is not None and run.result.unit_codes == ["01", "79"]
    (mean,) = run.submission.means_given
    assert (mean.code, mean.value, mean.label, mean.row, mean.cell) == ("DTI", 0.4, "Bình quân", 4, "C4")


def test_mean_labels_are_the_summary_labels_of_a_mean() -> None:
    assert is_mean("Trung bình cả nước") and is_mean("BÌNH QUÂN") and is_mean("Cả nước:")
    assert not is_mean("Tổng cộng") and not is_mean("Tổng số") and not is_mean("Hà Nội")


def test_scope_means_and_changes_by_hand() -> None:
    values = np.array([0.2, 0.4, np.nan, 0.9])
    scopes = scope_means(values, ["a", "b", "c", "d"], {"a": "r1", "b": "r1", "c": "r1", "d": "r2"})
    found = {scope: (held.tolist(), mean) for scope, held, mean in scopes}
    assert [scope for scope, _, _ in scopes] == [ALL, "r1", "r2"]
    assert found[ALL][0] == [True, True, False, True] and found[ALL][1] == pytest.approx(0.5)
    assert found["r1"][0] == [True, True, False, False] and found["r1"][1] == pytest.approx(0.3)
    assert found["r2"] == ([False, False, False, True], None)  # one unit: no mean
    assert decimals("0,4") == 1 and decimals("0,4014") == 4 and decimals("0,5200") == 4 and decimals("1") == 0
    assert decimals("52,18%") == 4 and decimals("") == 4  # a percent's fraction; an Excel number: 4


def test_year_means_and_check_as_a_library(tmp_path: Path) -> None:
    from dti.analysis.ranking import YearTable
    from dti.spec import load_spec

    spec = load_spec("dti-province-2022")
    given = PublishedMean("DTI", 0.45, "Trung bình", "t.csv", None, 5, "B5")
    tables = []
    total = spec.graph.index["DTI"]
    for year, vals in ((2022, [0.2, 0.4]), (2023, [0.3, 0.6])):
        values = np.full((2, len(spec.graph.codes)), np.nan)
        values[:, total] = vals
        ranks = np.zeros(values.shape, dtype=np.int64)
        ranks[:, total] = [2, 1]
        tables.append(YearTable(year, spec, ["01", "79"], values, ranks, {"01": "a", "79": "b"}))
    tables[0].means.append(given)
    means = year_means(tables, "DTI")
    assert [(m.year, m.value, m.published) for m in means] == [
        (2022, pytest.approx(0.3), 0.45),
        (2023, pytest.approx(0.45), None),
    ]
    (change,), _ = mean_changes(means)
    assert change.change == pytest.approx(0.15) and change.pct == pytest.approx(50.0)
    (said,) = check_published(tables[0], [given], 2, 2022)
    assert "0,45" in said.text("vi") and "0,3" in said.text("vi") and "t.csv, dòng 5 (B5)" in said.text("vi")
    assert check_published(tables[0], [given], 3, 2022) == []  # not every unit: not checked


def test_merged_years_leave_the_published_rows_out(tmp_path: Path) -> None:
    # The 63's mean row is not the mean of the 34 new provinces: shown no more; the 34 are averaged.
    data, _ = _rank(str(table_2021(tmp_path)), str(table_2022(tmp_path)), "--merge", "2025")
    assert [(m["year"], m["units"], m["published"]) for m in data["means"]] == [
        (2021, 34, None),
        (2022, 34, None),
    ]


def test_the_means_as_one_library_call(tmp_path: Path) -> None:
    from dti import evaluate
    from dti.analysis.means import means_data
    from dti.analysis.ranking import run_year_table
    from dti.io.register import UnitRegister

    register = UnitRegister.provinces()
    tables = [run_year_table(evaluate(p), register) for p in (table_2021(tmp_path), table_2022(tmp_path))]
    data = means_data(tables, "DTI")
    assert [m["published"] for m in data["means"]] == [0.3026, 0.4014]
    assert data["mean_changes"][0]["pct"] == pytest.approx(0.0988 / 0.3026 * 100)


def test_the_means_have_their_sheet_in_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "xep_hang.xlsx"
    files = [str(table_2021(tmp_path)), str(table_2022(tmp_path))]
    result = runner.invoke(app, ["rank", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Trung bình"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=4)]
    assert rows[0][:5] == ["Cả nước", 2021, 63, pytest.approx(0.3026), 0.3026]
    assert rows[1][5] == pytest.approx(0.0988) and rows[1][6] == pytest.approx(0.3265, abs=1e-4)


def test_a_blank_row_between_the_mean_row_and_the_source_line_is_no_warning(tmp_path: Path) -> None:
    # 'Trung bình cả nước', a blank row, 'Nguồn: …': nothing after the blank row is data
    from dti import evaluate

    run = evaluate(table_2022(tmp_path))
    assert [i.code for i in run.report.issues] == []
    assert "skipped footnote row 71" in " ".join(map(str, run.notes))
    # a blank row with data after it still warns (the gap is inside the table)
    path = tmp_path / "gap_2022.csv"
    path.write_text('unit,DTI\n01,"0,5"\n\n79,"0,3"\nBình quân,"0,4"\n\nNguồn: Sở TT&TT\n', encoding="utf-8")
    gap = evaluate(path)
    assert [(i.code, i.row) for i in gap.report.issues] == [("blank-row", 3)]


def test_a_region_mean_row_is_that_region_published_mean(tmp_path: Path) -> None:
    # Đồng bằng sông Hồng: (10 × 0,3 + 0,4) / 11 = 0,30909… → 0,3091; Tây Nguyên: 5 × 0,3 / 5 = 0,3
    rows = (',Trung bình vùng Đồng bằng sông Hồng,"0,3091"', ',Bình quân vùng Tây Nguyên,"0,3200"')
    data, stderr = _rank(str(table_2021(tmp_path, regional=rows)), "--region")
    means = {m["scope"]: m for m in data["means"]}
    assert means["Đồng bằng sông Hồng"]["published"] == 0.3091 and means[ALL]["published"] == 0.3026
    assert means["Tây Nguyên"]["published"] == 0.32 and means["Tây Nguyên"]["value"] == pytest.approx(0.3)
    assert means["Đông Nam Bộ"]["published"] is None
    assert len(data["units"]) == 63  # the regions' rows are no units either
    said = [line for line in stderr.splitlines() if "kiểm tra dòng này" in line]
    assert len(said) == 1 and "dòng 4 (C4) 'Bình quân vùng Tây Nguyên'" in said[0]
    assert "trung bình của 5 đơn vị trong bảng là 0,3" in said[0]


def _commune_years(folder: Path, mean_2023: str) -> dict:  # type: ignore[type-arg]
    """4 communes in 2022 (mean row 0,45 = their mean), 2 of them in 2023 (a list of the best)."""
    (folder / "units.csv").write_text("code,name,region\nA,Xã A,r1\nB,Xã B,r1\nC,Xã C,r2\nD,Xã D,r2\n")
    (folder / "t_2022.csv").write_text("unit,XA\nA,0.4\nB,0.6\nC,0.5\nD,0.3\nTrung bình,0.45\n")
    (folder / "t_2023.csv").write_text("unit,XA\nA,0.9\nB,0.7\n" + mean_2023)
    args = ["rank", str(folder / "t_2022.csv"), str(folder / "t_2023.csv"), "--spec", "example-commune"]
    result = runner.invoke(app, [*args, "--units", str(folder / "units.csv"), "--region", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_table_of_some_units_changes_by_its_published_mean(tmp_path: Path) -> None:
    # Found by a new user: the 18 best of 2023 against the 63 of 2022 gave a "national" rise of +34 %.
    # 2023 mean row 0,50 against 0,45: +0,05, +11,1 % (not 0,80 - 0,45 from the 2 units listed)
    data = _commune_years(tmp_path, "Trung bình,0.5\n")
    every = {(m["scope"], m["year"]): (m["units"], m["of"]) for m in data["means"]}
    assert every[(ALL, 2023)] == (2, 4) and every[(ALL, 2022)] == (4, 4) and every[("r1", 2023)] == (2, 2)
    changes = {c["scope"]: c for c in data["mean_changes"]}
    assert changes[ALL]["basis"] == "published"
    assert changes[ALL]["value"] == pytest.approx(0.05) and changes[ALL]["pct"] == pytest.approx(100 / 9)
    # r1: A and B both years, no mean row: 0,80 - 0,50 from the computed means
    assert changes["r1"]["basis"] == "computed" and changes["r1"]["value"] == pytest.approx(0.3)


def test_no_change_of_means_over_different_units(tmp_path: Path) -> None:
    data = _commune_years(tmp_path, "")  # no mean row in 2023: 2 units against 4, no change
    assert [c["scope"] for c in data["mean_changes"]] == ["r1"]
    assert data["mean_gaps"] == [{"scope": ALL, "from": 2022, "to": 2023, "units_from": 4, "units_to": 2}]
    result = runner.invoke(app, [*_args(tmp_path), "--lang", "en"])
    said = " ".join(result.output.split())
    assert (
        "Mean of the table's 2 units" in said
        and "the two years hold different sets of units (4 and 2" in said
    )


def _args(folder: Path) -> list[str]:
    files = [str(folder / "t_2022.csv"), str(folder / "t_2023.csv")]
    return ["rank", *files, "--spec", "example-commune", "--units", str(folder / "units.csv")]


def test_a_region_s_mean_is_pandas_groupby_s_to_the_last_digit() -> None:
    # `dti rank --region` has given pandas' groupby means (a compensated sum): the array rewrite keeps
    # them to the last bit (a reviewer's finding: Tây Nguyên 0.49395460069444447 became …444)
    import pandas as pd

    from dti import evaluate
    from dti.analysis.means import scope_means
    from dti.analysis.ranking import run_year_table
    from dti.io.register import UnitRegister

    register = UnitRegister.provinces()
    table = run_year_table(evaluate([SAMPLES / "2023.csv"]), register)
    values = table.value_column("DTI")
    found = {scope: mean for scope, _, mean in scope_means(values, table.units, register.regions)}
    frame = pd.Series(values, index=table.units).dropna()
    expected = frame.groupby(frame.index.map(register.regions)).mean()
    assert {r: found[r] for r in expected.index} == expected.to_dict()  # exact, not approx
    assert found["all"] == frame.mean()
