"""`dti rank`: ties, published ranks, regions, methodology changes and the 2025 merger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app

from .conftest import SAMPLES

runner = CliRunner()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _rank(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["rank", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _by_unit(data: dict) -> dict:  # type: ignore[type-arg]
    return {u["unit"]: u for u in data["units"]}


def test_two_years_with_ties_and_changes(tmp_path: Path) -> None:
    # Main-index tables (the ministry's shape). DTI = Σ main points / 1000 with all mains equal to v.
    mains = "NTS,TCS,HTS,NLS,ATTT,HDCQ,HDKT,HDXH"
    old = _write(
        tmp_path,
        "dti_2023.csv",
        f"unit,{mains}\n"
        + "".join(
            f"{u}," + ",".join([v] * 8) + "\n" for u, v in [("01", "0.2108"), ("48", "0.3048"), ("79", "0.5")]
        ),
    )
    new = _write(
        tmp_path,
        "dti_2024.csv",
        f"unit,{mains}\n"
        + "".join(
            f"{u}," + ",".join([v] * 8) + "\n" for u, v in [("01", "0.3048"), ("48", "0.3048"), ("79", "0.4")]
        ),
    )
    data = _rank(str(old), str(new))
    assert data["by"] == "DTI" and data["years"] == [2023, 2024]
    units = _by_unit(data)
    # 2024: 01 and 48 tie at 0.3048 -> both rank 2, 79 is first.
    assert units["01"]["ranks"] == {"2023": 3, "2024": 2}
    assert units["48"]["ranks"] == {"2023": 2, "2024": 2}
    assert units["79"]["ranks"] == {"2023": 1, "2024": 1}
    change = units["01"]["changes"][0]
    assert change["from"] == 2023 and change["to"] == 2024
    assert change["value_pct"] == pytest.approx(44.59, abs=0.01)  # 0.2108 -> 0.3048 is +44.6 %
    assert change["places"] == 1
    assert units["01"]["rank_source"] == {"2023": "computed", "2024": "computed"}


def test_a_unit_missing_from_the_latest_year_is_listed_last(tmp_path: Path) -> None:
    # each year lacks a unit the other has (a new user's finding: 02 came first, above the first of 2024)
    old = _write(tmp_path, "dti_2023.csv", "unit,DTI\n02,0.30\n42,0.71\n86,0.77\n")
    new = _write(tmp_path, "dti_2024.csv", "unit,DTI\n01,0.50\n42,0.84\n86,0.80\n")
    assert [u["unit"] for u in _rank(str(old), str(new))["units"]] == ["42", "86", "01", "02"]


def test_tied_units_keep_the_latest_year_s_order(tmp_path: Path) -> None:
    # three units tie in 2024 (0.60), one of them (20) new that year: the ranking lists them in the year's
    # order, as `dti score`'s table and the report's robustness neighbours do, not the units known in 2023
    # first (a new user's finding: the report's ranking sheet and its robustness sheet differed)
    old = _write(tmp_path, "dti_2023.csv", "unit,DTI\n10,0.50\n30,0.40\n40,0.70\n")
    new = _write(tmp_path, "dti_2024.csv", "unit,DTI\n10,0.60\n20,0.60\n30,0.60\n40,0.90\n")
    assert [u["unit"] for u in _rank(str(old), str(new))["units"]] == ["40", "10", "20", "30"]


def test_partial_table_with_published_ranks(tmp_path: Path) -> None:
    # A press report: "Hà Nội 53rd of 63" without the other values.
    press = _write(tmp_path, "press_2022.csv", "unit,DTI,rank\nHà Nội,0.4012,53\n48,,1\n")
    full = _write(tmp_path, "dti_2023.csv", "unit,DTI\n01,0.5\n48,0.6\n79,0.7\n")
    data = _rank(str(press), str(full))
    units = _by_unit(data)
    assert units["01"]["ranks"]["2022"] == 53 and units["01"]["rank_source"]["2022"] == "published"
    assert units["48"]["ranks"]["2022"] == 1 and units["48"]["values"]["2022"] is None
    assert units["79"]["ranks"]["2022"] is None  # not in the press report: no rank invented
    # 53rd of 63 (the press report ranks among all provinces), then 3rd of the 3 in the table: not 50
    # places (issue 24); each year's ranks say how many units they are out of
    assert units["01"]["changes"][0]["places"] is None and data["ranked"] == {"2022": 63, "2023": 3}


def test_published_rank_that_disagrees_with_complete_values_warns(tmp_path: Path) -> None:
    register = _write(tmp_path, "units.csv", "code,name,region\nA,Sở A,r1\nB,Sở B,r1\n")
    table = _write(tmp_path, "2024.csv", "unit,XA,rank\nA,0.9,2\nB,0.8,1\n")
    result = runner.invoke(
        app, ["rank", str(table), "--spec", "example-commune", "--units", str(register), "--format", "json"]
    )
    assert result.exit_code == 0
    assert "thứ hạng công bố là 2 nhưng theo giá trị là 1" in result.output  # stderr, in the default vi
    units = _by_unit(json.loads(result.stdout))
    assert units["A"]["ranks"]["2024"] == 2 and units["A"]["rank_source"]["2024"] == "published"


def test_region_ranking(tmp_path: Path) -> None:
    # 01 Hà Nội and 22 Quảng Ninh: Đồng bằng sông Hồng; 02 Hà Giang: Trung du và miền núi phía Bắc.
    table = _write(tmp_path, "2024.csv", "unit,DTI\n01,0.5\n22,0.6\n02,0.4\n")
    units = _by_unit(_rank(str(table), "--region"))
    assert units["22"]["region_rank"] == 1 and units["01"]["region_rank"] == 2
    assert units["02"]["region_rank"] == 1 and units["02"]["ranks"]["2024"] == 3


def test_methodology_mismatch_is_flagged(tmp_path: Path) -> None:
    y2020 = _write(tmp_path, "2020.csv", "unit,CQS,KTS,XHS\n01,0.4449,0.3668,0.4052\n")
    y2023 = _write(tmp_path, "2023.csv", "unit,DTI\n01,0.5\n")
    result = runner.invoke(app, ["rank", str(y2020), str(y2023), "--lang", "en"])
    assert result.exit_code == 0
    assert "different methodologies" in result.output and "2020: dti-province-2020" in result.output
    data = _rank(str(y2020), str(y2023))
    assert data["units"][0]["values"]["2020"] == pytest.approx(0.40956)


def test_merger_means_old_provinces(tmp_path: Path) -> None:
    # Đà Nẵng (48) + Quảng Nam (49) became Đà Nẵng; Huế (46) stayed alone under a new name.
    mains = ["NTS", "TCS", "HTS", "NLS", "ATTT", "HDCQ", "HDKT", "HDXH"]
    rows = {"48": [0.8] * 8, "49": [0.4] * 7 + [0.2], "46": [0.5] * 8}
    text = (
        "unit,"
        + ",".join(mains)
        + "\n"
        + "".join(u + "," + ",".join(str(v) for v in vals) + "\n" for u, vals in rows.items())
    )
    data = _rank(str(_write(tmp_path, "2024.csv", text)), "--merge", "2025")
    units = _by_unit(data)
    assert set(units) == {"Đà Nẵng", "Huế"}
    # Mean mains: 0.6 everywhere except HDXH (0.8+0.2)/2 = 0.5 -> DTI = (0.6·850 + 0.5·150) / 1000.
    assert units["Đà Nẵng"]["values"]["2024"] == pytest.approx((0.6 * 850 + 0.5 * 150) / 1000)
    assert units["Huế"]["values"]["2024"] == pytest.approx(0.5)
    assert units["Đà Nẵng"]["ranks"]["2024"] == 1
    xhs = _by_unit(_rank(str(tmp_path / "2024.csv"), "--merge", "2025", "--by", "XHS"))
    assert xhs["Đà Nẵng"]["values"]["2024"] == pytest.approx((0.6 * 500 + 0.5 * 150) / 650)


def test_a_merged_province_s_change_needs_the_same_old_provinces(tmp_path: Path) -> None:
    # 2023 holds Đà Nẵng (48) and Quảng Nam (49), 2024 Quảng Nam alone: the new Đà Nẵng's values are
    # means of other old provinces, so no % change (a new user's finding: +45 % was shown); Huế (46)
    # is the same old province both years: (0.6 - 0.5) / 0.5 = +20 %.
    first = _write(tmp_path, "dti_2023.csv", "unit,DTI\n48,0.8\n49,0.4\n46,0.5\n")
    second = _write(tmp_path, "dti_2024.csv", "unit,DTI\n49,0.5\n46,0.6\n")
    units = _by_unit(_rank(str(first), str(second), "--merge", "2025"))
    assert units["Đà Nẵng"]["values"] == {"2023": pytest.approx(0.6), "2024": pytest.approx(0.5)}
    assert units["Đà Nẵng"]["changes"][0]["value_pct"] is None
    assert units["Huế"]["changes"][0]["value_pct"] == pytest.approx(20.0)
    # by a node Quảng Nam (49) has no value of in 2023: 48 alone, then 48 and 49 (a reviewer's finding)
    first = _write(tmp_path, "p_2023.csv", "unit,DTI,HDCQ\n48,0.8,0.7\n49,0.4,\n46,0.5,0.5\n")
    second = _write(tmp_path, "p_2024.csv", "unit,DTI,HDCQ\n48,0.6,0.6\n49,0.5,0.5\n46,0.6,0.6\n")
    units = _by_unit(_rank(str(first), str(second), "--merge", "2025", "--by", "HDCQ"))
    assert units["Đà Nẵng"]["changes"][0]["value_pct"] is None
    assert units["Huế"]["changes"][0]["value_pct"] == pytest.approx(20.0)


def test_sample_years_table_output() -> None:
    result = runner.invoke(app, ["rank", str(SAMPLES / "2023.csv"), str(SAMPLES / "2024.csv"), "--top", "3"])
    assert result.exit_code == 0
    assert "Δ% 2023→2024" in result.output


def test_missing_year_is_a_usage_error(tmp_path: Path) -> None:
    table = _write(tmp_path, "table.csv", "unit,DTI\n01,0.5\n")
    result = runner.invoke(app, ["rank", str(table), "--lang", "en"])
    assert result.exit_code == 2 and "cannot tell the data year" in result.output
    assert runner.invoke(app, ["rank", str(table), "--years", "2024"]).exit_code == 0


def test_library_refuses_questions_the_data_cannot_answer(tmp_path: Path) -> None:
    from dti.analysis.ranking import RankingError, find_unit, run_year_table
    from dti.analysis.years import rank_years
    from dti.io.register import UnitRegister
    from dti.pipeline import evaluate

    provinces = UnitRegister.provinces()
    table = run_year_table(evaluate([_write(tmp_path, "2024.csv", "unit,DTI\n01,0.5\n48,0.6\n")]), provinces)
    assert rank_years([table]).data["units"][0]["unit"] == "48"
    with pytest.raises(RankingError, match="same year") as same:
        rank_years([table, table])
    assert same.value.argument == "files"
    with pytest.raises(RankingError, match="not a code"):
        rank_years([table], "NOPE")
    with pytest.raises(RankingError, match="2025 merger is known"):
        rank_years([table], merge=2030)
    assert find_unit([table.names], "1") == "01" and find_unit([table.names], "đà nẵng") == "48"


def test_years_ranking_different_sets_of_units_are_flagged(tmp_path: Path) -> None:
    # Found by a new-user test: rank 4 of 7 in one year against 9 of 63 in the next showed '▼ 5' silently.
    old = _write(tmp_path, "dti_2023.csv", "unit,DTI\n01,0.5\n48,0.6\n79,0.7\n")
    new = _write(tmp_path, "dti_2024.csv", "unit,DTI\n01,0.5\n48,0.6\n")
    result = runner.invoke(app, ["rank", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "số đơn vị được xếp hạng khác nhau giữa các năm (2023: 3, 2024: 2)" in result.output


def test_years_holding_different_units_as_many_are_flagged(tmp_path: Path) -> None:
    # Found by a new-user test: as many units each year but not the same ones (X09 in 2023, X08 in 2024);
    # `dti report` said so, `dti rank` did not
    old = _write(tmp_path, "dti_2023.csv", "unit,DTI\n01,0.5\n48,0.6\n79,0.7\n")
    new = _write(tmp_path, "dti_2024.csv", "unit,DTI\n01,0.5\n48,0.6\n02,0.7\n")
    result = runner.invoke(app, ["rank", str(new), str(old)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "(2023) và " in said and "1 đơn vị chỉ có năm 2023, 1 đơn vị chỉ có năm 2024" in said


def test_following_one_unit_marks_published_ranks() -> None:
    # Found by a new-user test: `rank --unit` dropped the 'p' of a published rank.
    result = runner.invoke(
        app, ["rank", str(SAMPLES / "published_2023.csv"), str(SAMPLES / "2024.csv"), "--unit", "48"]
    )
    assert result.exit_code == 0, result.output
    dti_row = next(line for line in result.output.splitlines() if line.startswith("DTI"))
    assert "59p" in dti_row  # published_2023.csv gives Đà Nẵng's DTI rank as 59
    # each year's rank column says its year (a new user's finding: pandas read 'hạng', 'hạng.1')
    csv = runner.invoke(
        app,
        [
            "rank",
            str(SAMPLES / "published_2023.csv"),
            str(SAMPLES / "2024.csv"),
            "--unit",
            "48",
            "--format",
            "csv",
        ],
    )
    assert csv.exit_code == 0 and "rank_2023" in csv.stdout.splitlines()[0]
    assert "hạng 2023" in result.output and "hạng 2024" in result.output


def test_merged_provinces_are_not_named_twice() -> None:
    # Found by a new-user test: with --merge 2025 the unit column and the name column both held the name.
    result = runner.invoke(
        app, ["rank", str(SAMPLES / "2023.csv"), str(SAMPLES / "2024.csv"), "--merge", "2025"]
    )
    header = next(line for line in result.output.splitlines() if "đơn vị" in line)
    assert result.exit_code == 0 and "tên" not in header


def test_an_old_province_means_the_new_one_it_joined() -> None:
    # Found by a new-user test: `--merge 2025 --unit 48` said "no unit '48'", and the title named the new
    # province twice ("Đà Nẵng Đà Nẵng: ...").
    years = [str(SAMPLES / "2023.csv"), str(SAMPLES / "2024.csv"), "--merge", "2025"]
    by_name = runner.invoke(app, ["rank", *years, "--unit", "Đà Nẵng"])
    assert by_name.exit_code == 0 and by_name.stdout.startswith("Đà Nẵng: giá trị và hạng theo năm\n")
    for old, said in (("48", "48 Đà Nẵng nhập vào Đà Nẵng"), ("Quảng Nam", "49 Quảng Nam nhập vào Đà Nẵng")):
        result = runner.invoke(app, ["rank", *years, "--unit", old])
        assert result.exit_code == 0, result.output
        assert result.stdout == by_name.stdout and f"{said} từ 1/7/2025" in result.stderr
    unknown = runner.invoke(app, ["rank", *years, "--unit", "99"])
    assert unknown.exit_code == 2 and "'99'" in unknown.stderr


def test_a_year_table_s_frames_are_its_arrays_and_published_marks_stay(tmp_path: Path) -> None:
    # The library's frames (values, ranks as Int64, rank sources) say what the arrays hold; ranks taken
    # as published stay so when more are applied (a reviewer's finding: the second call dropped the first)
    from dti import evaluate
    from dti.analysis.ranking import apply_published, year_table

    data = _write(tmp_path, "dti_2024.csv", "unit,DTI\n01,0.5\n79,0.7\n")
    run = evaluate([data])
    assert run.result is not None
    table = year_table(run.result, 2024)
    assert table.values.loc["79", "DTI"] == 0.7 and table.ranks["DTI"].tolist() == [2, 1]
    assert table.ranks["NTS"].isna().all() and table.rank_source.loc["01", "DTI"] == "computed"
    once = apply_published(table, [("01", "", 1)], 2)  # a tie as published: 01 first too
    twice = apply_published(once, [("79", "NTS", 1)], 2)
    assert twice.rank_source["DTI"].tolist() == ["published", "computed"]
    assert twice.rank_source.loc["79", "NTS"] == "published" and twice.ranks.loc["01", "DTI"] == 1


def test_regions_are_named_in_the_language_asked_for() -> None:
    # the bundled register's six regions in English with --lang en (Vietnamese names before); the JSON
    # keeps the register's names (data)
    years = [str(SAMPLES / "2023.csv"), str(SAMPLES / "2024.csv"), "--region"]
    english = runner.invoke(app, ["rank", *years, "--lang", "en"]).stdout
    vietnamese = runner.invoke(app, ["rank", *years]).stdout
    assert "Red River Delta" in english and "Đồng bằng sông Hồng" not in english
    assert "Đồng bằng sông Hồng" in vietnamese and "Red River Delta" not in vietnamese
    assert {u["region"] for u in _rank(*years)["units"]} >= {"Đồng bằng sông Hồng", "Tây Nguyên"}
