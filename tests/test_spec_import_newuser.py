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
        "Chủ tịch UBND xã": 10.0,
        "Phó Chủ tịch UBND xã": 5.0,
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


def test_points_that_are_not_points_say_why(tmp_path: Path) -> None:
    table = _csv(
        tmp_path / "tc.csv",
        [
            HEAD,
            ["1", "Kế hoạch CĐS", "mười", "Có: 10 điểm; Không: 0 điểm"],
            ["2", "Quy chế", "-5", "Có: 10 điểm"],
            ["3", "Tuyên truyền", "", "Có: 10 điểm"],
            ["4", "Hội nghị", "10", "Có: 10 điểm; Không: 0 điểm"],
        ],
    )
    why = {p["code"]: p["why"].text("vi") for p in import_table(table).review.provisional}
    assert why == {
        "C1": "'mười' trong cột 'Điểm tối đa' không phải là một số: hãy ghi bằng chữ số (vd. 10)",
        "C2": "điểm âm (-5) trong cột 'Điểm tối đa': điểm tối đa phải từ 0 trở lên",
        "C3": "không có điểm trong cột 'Điểm tối đa'",
    }


def test_a_criterion_keeps_its_rule_over_sub_rows_without_points(tmp_path: Path) -> None:
    table = _csv(
        tmp_path / "tc.csv",
        [
            HEAD,
            ["1", "Ban hành Kế hoạch CĐS năm", "10", "Có: 10 điểm; Không: 0 điểm"],
            ["a)", "Kế hoạch có mục tiêu, chỉ tiêu cụ thể", "", ""],
            ["b)", "Kế hoạch có phân công nhiệm vụ", "", ""],
            ["2", "Số cuộc họp của Ban Chỉ đạo", "10", "Có: 10 điểm; Không: 0 điểm"],
            ["a)", "Họp định kỳ", "5", "Có: 5 điểm; Không: 0 điểm"],
        ],
    )
    imported = import_table(table)
    c1 = imported.spec.node("C1")
    assert c1.kind == "component" and c1.rule.kind == "yesno" and c1.max_points == 10  # type: ignore[union-attr]
    assert (
        "consisting of: a) Kế hoạch có mục tiêu, chỉ tiêu cụ thể; b) Kế hoạch có phân công nhiệm vụ"
        in c1.source
    )
    assert [n.code for n in imported.spec.nodes] == ["TOTAL", "C1", "C2", "C2a"]
    # a sub-row with points makes 2 a group: its own yes/no is not used, and the review says so
    said = [(a["row"], a["check"]) for a in imported.review.assumed]
    assert said == [(5, "method-unused")]
    assert [s["code"] for s in imported.review.sums] == ["C2"]
