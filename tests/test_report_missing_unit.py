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
