"""`dti targets`: the rules of DOMAIN.md §5, both languages, the JSON shape, bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.targets import parse_target, read_targets
from dti.views.review import label

from .conftest import SAMPLES

runner = CliRunner()
HEADER = "id,group,name,responsible,target,result,status\n"


def _review(tmp_path: Path, rows: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "targets.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return read_targets(path)


def _one(tmp_path: Path, target: str, result: str, status: str = ""):  # type: ignore[no-untyped-def]
    review = _review(tmp_path, f'1,G,T,U,"{target}","{result}",{status}\n')
    return next(review.targets.itertuples())


@pytest.mark.parametrize(
    ("target", "op", "value", "percent"),
    [
        ("85%", ">=", 85, True),
        ("trên 90%", ">", 90, True),
        (">= 70%", ">=", 70, True),
        ("tối thiểu 7%", ">=", 7, True),
        ("ít nhất 1", ">=", 1, False),
        ("dưới 5%", "<", 5, True),
        ("≤ 2", "<=", 2, False),
        ("80", ">=", 80, False),
    ],
)
def test_target_comparators(target: str, op: str, value: float, percent: bool) -> None:
    parsed = parse_target(target)
    assert (parsed.op, parsed.value, parsed.percent) == (op, value, percent)


def test_qualitative_target() -> None:
    assert parse_target("Triển khai tại thành phố").op is None


def test_exceeded_by_percentage_points(tmp_path: Path) -> None:
    row = _one(tmp_path, "85%", "87,44%")
    assert row.status == "met" and row.exceeded_by == pytest.approx(2.44)
    assert label(row, "vi") == "Đạt và vượt 2,44 điểm %"
    assert label(row, "en") == "Met, exceeded by 2.44 pp"


def test_exactly_met_is_plain_dat(tmp_path: Path) -> None:
    row = _one(tmp_path, "100%", "100%")
    assert row.status == "met" and label(row, "vi") == "Đạt"


def test_tren_is_strict(tmp_path: Path) -> None:
    row = _one(tmp_path, "trên 90%", "90%")
    assert row.status == "not_met" and row.shortfall == 0
    assert _one(tmp_path, "trên 90%", "90,1%").status == "met"


def test_not_met_with_shortfall(tmp_path: Path) -> None:
    row = _one(tmp_path, ">= 40%", "31,2%")
    assert row.status == "not_met" and row.shortfall == pytest.approx(8.8)
    assert label(row, "vi") == "Chưa đạt (còn thiếu 8,8 điểm %)"


def test_at_most_targets(tmp_path: Path) -> None:
    assert _one(tmp_path, "dưới 5%", "3,1%").exceeded_by == pytest.approx(1.9)
    row = _one(tmp_path, "≤ 2", "3")
    assert row.status == "not_met" and row.shortfall == 1


def test_no_data_and_needs_review(tmp_path: Path) -> None:
    for marker in ("", "-", "Chưa có số liệu", "N/A"):
        assert _one(tmp_path, "10%", marker).status == "no_data"
    assert _one(tmp_path, "Triển khai tại thành phố", "40 trạm").status == "needs_review"
    assert _one(tmp_path, "Triển khai tại thành phố", "40 trạm", "Đạt").status == "met"


def test_hand_status_wins(tmp_path: Path) -> None:
    assert _one(tmp_path, "85%", "90%", "Chưa đạt").status == "not_met"
    assert _one(tmp_path, "85%", "", "met").status == "met"


def test_thousands_in_a_comma_file(tmp_path: Path) -> None:
    review = _review(tmp_path, '1,G,T,U,"ít nhất 2.000","1.850",\n2,G,T,U,"50%","45,5%",\n')
    row = next(review.targets.itertuples())
    assert row.status == "not_met" and row.shortfall == 150


def test_bad_rows_are_issues(tmp_path: Path) -> None:
    review = _review(tmp_path, '1,G,T,U,85%,"8,5,3%",\n1,G,T,U,85%,90%,\n3,G,T,U,85%,90%,xong\n')
    # (the responsible unit 'U' is no department: a warning per row, tested in test_departments.py)
    found = {(str(i.code), i.row, i.column, i.cell) for i in review.issues if i.code != "unknown-unit"}
    assert found == {
        ("non-numeric", 2, "result", "F2"),
        ("duplicate-entry", 3, "id", "A3"),
        ("invalid-option", 4, "status", "G4"),
    }


def test_sample_summary_and_json_shape() -> None:
    result = runner.invoke(app, ["targets", str(SAMPLES / "targets_2025.csv")])
    assert result.exit_code == 0
    assert (
        "11/20 chỉ tiêu đạt và vượt kế hoạch; 6/20 chưa đạt; 3/20 chưa có số liệu đánh giá" in result.output
    )
    english = runner.invoke(app, ["targets", str(SAMPLES / "targets_2025.csv"), "--lang", "en"])
    assert "11/20 targets met or exceeded; 6/20 not met; 3/20 without data" in english.output
    data = json.loads(
        runner.invoke(app, ["targets", str(SAMPLES / "targets_2025.csv"), "--format", "json"]).stdout
    )
    assert data["summary"] == {"total": 20, "met": 11, "not_met": 6, "no_data": 3, "needs_review": 0}
    first = data["targets"][0]
    assert {"id", "status", "exceeded_by", "shortfall"} <= set(first)
    assert first["status"] == "met" and first["exceeded_by"] == pytest.approx(4.5)


def test_fail_on_not_met() -> None:
    args = ["targets", str(SAMPLES / "targets_2025.csv")]
    assert runner.invoke(app, [*args, "--fail-on", "not-met"]).exit_code == 1
    assert runner.invoke(app, args).exit_code == 0


def test_yaml_and_excel_inputs(tmp_path: Path) -> None:
    yaml_file = tmp_path / "t.yaml"
    yaml_file.write_text(
        "targets:\n  - {id: a, group: G, name: N, responsible: R, target: '>= 80%', result: '84,5%'}\n",
        encoding="utf-8",
    )
    assert read_targets(yaml_file).targets.iloc[0]["exceeded_by"] == pytest.approx(4.5)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "group", "name", "responsible", "target", "result"])
    sheet.append(["a", "G", "N", "R", ">= 80%", 0.845])
    sheet["F2"].number_format = "0.0%"
    path = tmp_path / "t.xlsx"
    book.save(path)
    row = read_targets(path).targets.iloc[0]
    assert row["status"] == "met" and row["exceeded_by"] == pytest.approx(4.5)


def test_unreadable_or_empty_lists_are_reported_not_crashed(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["targets", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "unreadable-file" in missing.output
    empty = tmp_path / "t.csv"
    empty.write_text("id,name,target,result\n", encoding="utf-8")
    result = runner.invoke(app, ["targets", str(empty)])
    assert result.exit_code == 1 and "tệp không có chỉ tiêu nào" in result.output
    english = runner.invoke(app, ["targets", str(empty), "--lang", "en"])
    assert english.exit_code == 1 and "no targets in the file" in english.output


def test_decimal_overrides_the_language_mark_in_the_labels() -> None:
    path = str(SAMPLES / "targets_2025.csv")
    # target 1: 84,5% against >= 80%, exceeded by 4,5 points (README's dti targets table)
    dot = CliRunner().invoke(app, ["targets", path, "--decimal", "dot"]).stdout
    assert "Đạt và vượt 4.5 điểm %" in dot and "Đạt và vượt 4,5 điểm %" not in dot
    comma = CliRunner().invoke(app, ["targets", path, "--lang", "en", "--decimal", "comma"]).stdout
    assert "Met, exceeded by 4,5 pp" in comma


def test_an_empty_file_is_no_review(tmp_path: Path) -> None:
    empty = tmp_path / "chi_tieu.csv"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["targets", str(empty)])
    assert result.exit_code == 1 and "tệp rỗng" in result.stderr  # was a review of 0/0 targets
