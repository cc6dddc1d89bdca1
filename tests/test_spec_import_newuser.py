"""`dti spec import` as a new user met it: a choice without a zero option, points that are not points,
a criterion whose sub-rows take its rule away."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.spec.importer import import_table

runner = CliRunner()
HEAD = ["TT", "Nội dung đánh giá", "Thang điểm", "Phương pháp chấm điểm"]
CHAIR = "Chủ tịch UBND xã làm trưởng ban: 10 điểm; Phó Chủ tịch UBND xã làm trưởng ban: 5 điểm"


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_choice_without_a_zero_option_takes_no_as_zero(tmp_path: Path) -> None:
    table = _csv(
        tmp_path / "tieu_chi.csv",
        [
            HEAD,
            ["1", "Trưởng Ban Chỉ đạo CĐS của xã", "10", CHAIR],
            ["2", "Kế hoạch CĐS", "10", "Có: 10 điểm; Không: 0 điểm"],
        ],
    )
    imported = import_table(table)
    rule = imported.spec.node("C1").rule.model_dump()  # type: ignore[union-attr]
    assert rule["options"] == {
        "chủ tịch ubnd xã": 10.0,
        "phó chủ tịch ubnd xã": 5.0,
        "không": 0.0,
        "chưa": 0.0,
    }
    assert 'none of the options ("không", "chưa") scores 0 points' in imported.spec.node("C1").source
    assert [(a["row"], a["code"]) for a in imported.review.assumed] == [(2, "C1")]
    spec = tmp_path / "xa.yaml"
    result = runner.invoke(app, ["spec", "import", str(table), "-o", str(spec), "--lang", "en"])
    assert result.exit_code == 0 and "implied" in result.output
    data = _csv(
        tmp_path / "xa-2024.csv",
        [
            ["Mã đơn vị", "Tên đơn vị", "C1", "C2"],
            ["X01", "Xã Nhơn Hải", "Phó Chủ tịch UBND xã", "Có"],
            ["X02", "Xã Thanh Hải", "Không", "Có"],
            ["X03", "Xã Tri Hải", "Chưa thành lập", "Không"],
        ],
    )
    units = _csv(
        tmp_path / "units.csv",
        [["code", "name"], ["X01", "Xã Nhơn Hải"], ["X02", "Xã Thanh Hải"], ["X03", "Xã Tri Hải"]],
    )
    result = runner.invoke(
        app, ["score", str(data), "--spec", str(spec), "--units", str(units), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    points = {u["unit"]: u["values"]["TOTAL"] * 20 for u in json.loads(result.stdout)["units"]}
    # by hand: X01 5 + 10; X02 0 + 10; X03 0 + 0
    assert points == {"X01": pytest.approx(15), "X02": pytest.approx(10), "X03": pytest.approx(0)}
