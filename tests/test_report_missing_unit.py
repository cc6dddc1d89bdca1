"""`dti report --unit` for a unit that an earlier year's table holds but the report year's does not (Đà
Nẵng in 2022's full ranking, not in 2023's top 18): refused naming the file and year it is missing from."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dti.cli import app

from .test_score_published import NAMES, ranking


def test_unit_only_in_the_previous_year_is_refused_naming_the_file(tmp_path: Path) -> None:
    before = ranking(tmp_path / "xep_hang_dti_2022.xlsx", 2022, NAMES)
    top = [n for n in NAMES if n != "Đà Nẵng"][:18]
    now = ranking(tmp_path / "top18_dti_2023.xlsx", 2023, top)
    args = [
        "report",
        str(now),
        "--previous",
        str(before),
        "--unit",
        "Đà Nẵng",
        "-o",
        str(tmp_path / "dn.html"),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"'Đà Nẵng' không có trong {now} (năm 2023, năm của báo cáo)" in said
    assert f"chỉ có trong {before} (năm 2022)" in said
    assert not (tmp_path / "dn.html").exists()


def test_a_register_of_communes_is_not_the_nation(tmp_path: Path) -> None:
    """A province-kind spec scored for a register of communes (--units): the mean of them all is the
    table's, not 'Trung bình cả nước' (a new user's finding: 5,000 communes called the nation); the
    bundled provinces, or a --units file of province codes, are the nation."""
    import csv

    from dti.io.register import UnitRegister

    from .conftest import SAMPLES

    with (SAMPLES / "2024.csv").open(encoding="utf-8", newline="") as f:
        head, *body = list(csv.reader(f))
    for row in body:
        row[0], row[1] = f"X{row[0]}", f"Xã {row[1]}"
    data, units = tmp_path / "xa_2024.csv", tmp_path / "xa.csv"
    with data.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([head, *body])
    codes = dict.fromkeys((r[0], r[1]) for r in body)
    with units.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["code", "name", "region"], *([c, n, "Huyện A"] for c, n in codes)])
    out = tmp_path / "x48.html"
    args = ["report", str(data), "--units", str(units), "--spec", "dti-province-2022", "--unit", "X48"]
    result = CliRunner().invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "cả nước" not in page and "Trung bình 63 đơn vị trong bảng" in page
    assert UnitRegister.provinces().nationwide and not UnitRegister.read(units).nationwide
    provinces = tmp_path / "tinh.csv"
    provinces.write_text("code,name\n01,Hà Nội\n48,Đà Nẵng\n", encoding="utf-8")
    assert UnitRegister.read(provinces).nationwide
