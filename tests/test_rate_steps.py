"""A thresholds rule on a rate (issue 26: `Tỷ lệ văn bản đi được ký số`, 90 % → 20 points, 70 % → 10): the
spec marks its value a percentage, the template collects a 0-100 % in a percent cell, and scoring reads
an Excel percent cell (0.925 shown 92,5 %) as 92,5 and warns of a bare fraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dti import evaluate
from dti.io.register import UnitRegister
from dti.spec import Spec, ThresholdsRule, parse_spec
from dti.spec.importer import import_table
from dti.views.template import build_template
from dti.write.template import workbook

ROOT = Path(__file__).parent.parent
CRITERIA = ROOT / "sample_data" / "commune_criteria.csv"
UNITS = "code,name\n58001,Phường Đô Vinh\n58003,Xã Nhơn Hải\n"
VALUE, FIRST_ROW = 9, 6  # `Kết quả` (column I) and the first component's row


@pytest.fixture(scope="module")
def commune() -> Spec:
    return import_table(CRITERIA).spec


def _rule(spec: Spec, code: str) -> ThresholdsRule:
    rule = spec.node(code).rule
    assert isinstance(rule, ThresholdsRule)
    return rule


def test_the_import_marks_steps_on_a_rate_and_says_why(commune: Spec, tmp_path: Path) -> None:
    # C15 'Tỷ lệ văn bản đi được ký số': 'Từ 90% trở lên: 20 điểm; từ 70% đến dưới 90%: 10 điểm; …'
    assert _rule(commune, "C15").percent
    assert [(s.at_least, s.points) for s in _rule(commune, "C15").steps] == [(90, 20), (70, 10)]
    assert "the value is a percentage (the steps are written with %)" in (commune.node("C15").source or "")
    # C2 'Số cuộc họp …' ('4 cuộc trở lên: 20 điểm; …') and C11 (people) are counts with steps
    assert not _rule(commune, "C2").percent and not _rule(commune, "C11").percent
    # written and read back in YAML
    assert _rule(parse_spec(import_table(CRITERIA).text), "C15").percent


def test_a_rate_named_tỷ_lệ_with_steps_without_percent_signs(tmp_path: Path) -> None:
    table = tmp_path / "tieu_chi.csv"
    table.write_text(
        "STT,Tiêu chí,Điểm tối đa,Cách tính điểm\n"
        "1,Tỉ lệ hộ gia đình có địa chỉ số,10,Từ 80 trở lên: 10 điểm; từ 50 đến dưới 80: 5 điểm\n"
        "2,Số thôn có loa truyền thanh thông minh,10,Từ 8 thôn trở lên: 10 điểm; từ 4 thôn: 5 điểm\n",
        encoding="utf-8",
    )
    spec = import_table(table).spec
    rate, count = (n for n in spec.nodes if n.is_leaf)
    assert isinstance(rate.rule, ThresholdsRule) and rate.rule.percent
    assert "the criterion's name starts with 'Tỉ lệ'" in (rate.source or "")
    assert isinstance(count.rule, ThresholdsRule) and not count.rule.percent


def _template(spec: Spec, path: Path) -> Path:
    path.write_bytes(workbook(build_template(spec, "Xã Nhơn Hải", 2025)))
    return path


def _row(ws: Any, code: str) -> int:
    return next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 2).value == code)


def test_the_template_collects_a_percentage(commune: Spec, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_template(commune, tmp_path / "t.xlsx")).worksheets[1]
    r = _row(ws, "C15")
    assert ws.cell(r, 4).value == "%"  # not 'Số lượng'
    assert ws.cell(r, 5).value == (
        "Ghi tỷ lệ (%): từ 90% trở lên: 20 điểm; từ 70% trở lên: 10 điểm; thấp hơn: 0 điểm."
    )
    assert ws.cell(r, VALUE).number_format == "0.00%"
    [check] = [v for v in ws.data_validations.dataValidation if f"I{r}" in str(v.sqref)]
    # between 0 and 1 (0 % and 100 %): 'between' is the operator a file leaves unwritten
    assert (check.type, check.operator, check.formula1, check.formula2) == ("decimal", None, "0", "1")
    # a count with steps is still a whole number
    c2 = _row(ws, "C2")
    assert ws.cell(c2, 4).value == "Số lượng" and ws.cell(c2, VALUE).number_format == "0"


def _returned(commune: Spec, tmp_path: Path, value: object, percent_cell: bool) -> tuple[float, list[Any]]:
    """C15's points and issues when the clerk writes `value` in its `Kết quả`, a percent cell as the
    template makes it (Excel stores 92,5 % as 0.925) or a plain one."""
    book = openpyxl.load_workbook(_template(commune, tmp_path / "t.xlsx"))
    ws = book.worksheets[1]
    cell = ws.cell(_row(ws, "C15"), VALUE)
    cell.value = value
    cell.number_format = "0.00%" if percent_cell else "General"
    ws.cell(_row(ws, "C2"), VALUE).value = 4
    book.save(tmp_path / "xa.xlsx")
    units = tmp_path / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    run = evaluate(tmp_path / "xa.xlsx", commune, UnitRegister.read(units), year=2025)
    assert run.result is not None
    points = run.result.points_matrix[0]
    assert points[run.result.codes.index("C2")] == 20
    return float(points[run.result.codes.index("C15")]), [
        i for i in run.report.issues if i.indicator == "C15"
    ]


def test_a_percent_cell_is_read_as_its_percentage(commune: Spec, tmp_path: Path) -> None:
    assert _returned(commune, tmp_path, 0.925, percent_cell=True) == (20, [])  # 92,5 % ≥ 90 %
    assert _returned(commune, tmp_path, 0.896, percent_cell=True) == (10, [])  # 89,6 %: from 70 %
    assert _returned(commune, tmp_path, 0.65, percent_cell=True) == (0, [])
    assert _returned(commune, tmp_path, "92,5%", percent_cell=False) == (20, [])
    assert _returned(commune, tmp_path, 92, percent_cell=False) == (20, [])


def test_a_bare_fraction_is_read_as_a_percentage_with_a_warning(commune: Spec, tmp_path: Path) -> None:
    points, issues = _returned(commune, tmp_path, 0.925, percent_cell=False)
    assert points == 20
    [said] = issues
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[1]
    assert (said.code, said.severity.value) == ("read-as-fraction", "warning")
    assert said.cell == f"I{_row(ws, 'C15')}"  # the cell the clerk typed in
    assert "= 92,5 %" in said.text("vi")
