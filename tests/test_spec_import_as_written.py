"""`dti spec import` of a criteria table as a province's decision writes it (#22): the method column's
other names, formulas with letters, the classification rows under the table, options written as
sentences. Expected values are worked out by hand from the tables below."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.spec import SpecError, load_spec, parse_spec
from dti.spec.importer import import_table
from dti.spec.infer import infer_rule

runner = CliRunner()
CHOICE = (
    "Chủ tịch UBND xã làm trưởng ban: 10 điểm; Phó Chủ tịch UBND xã làm trưởng ban: 5 điểm; "
    "Không thành lập: 0 điểm"
)


def _rows(method_header: str = "Phương pháp đánh giá") -> list[list[str]]:
    """A commune index as a district's decision appends it: title rows, Roman groups, formulas with
    letters, a total row and the classification under it."""
    return [
        ["BỘ TIÊU CHÍ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2025"],
        ["(Kèm theo Quyết định số 456/QĐ-UBND ngày 10/3/2025 của UBND huyện Ninh Hải)"],
        [],
        ["TT", "Tiêu chí", "Điểm tối đa", method_header, "Tài liệu kiểm chứng"],
        ["I", "NHẬN THỨC SỐ", "", "", ""],
        ["1", "Ban Chỉ đạo chuyển đổi số của xã", "10", CHOICE, "Quyết định thành lập"],
        ["2", "Ban hành Kế hoạch chuyển đổi số năm", "10", "Có: 10 điểm; Không: 0 điểm", "Kế hoạch"],
        ["II", "HẠ TẦNG SỐ", "", "", ""],
        [
            "3",
            "Tỷ lệ thôn có sóng di động 4G",
            "20",
            "a = số thôn có sóng 4G; b = tổng số thôn; Điểm = (a/b) × điểm tối đa",
            "Báo cáo của doanh nghiệp viễn thông",
        ],
        ["4", "Tỷ lệ hộ gia đình có kết nối cáp quang", "20", "Điểm = (tỷ lệ %/100) × 20", ""],
        [
            "5",
            "Tỷ lệ cán bộ, công chức có chữ ký số",
            "10",
            "Điểm = a/b × 10, trong đó a là số cán bộ có chữ ký số, b là tổng số cán bộ",
            "",
        ],
        ["6", "Tỷ lệ hồ sơ trực tuyến toàn trình", "10", "tỷ lệ × điểm tối đa", ""],
        ["7", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt", "10", "(a/b)*điểm tối đa", ""],
        ["", "Tổng cộng", "90", "", ""],
        ["Xếp loại:", "", "", "", ""],
        ["", "- Loại Tốt: từ 80 điểm trở lên;", "", "", ""],
        ["", "- Loại Khá: từ 65 đến dưới 80 điểm;", "", "", ""],
        ["", "- Trung bình: từ 50 đến dưới 65 điểm;", "", "", ""],
        ["", "- Yếu: dưới 50 điểm.", "", "", ""],
    ]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


RULES = {
    "C1": "choice",
    "C2": "yesno",
    **{f"C{k}": "ratio" for k in range(3, 8)},
}


@pytest.mark.parametrize(
    "header",
    [
        "Phương pháp đánh giá",
        "Phương pháp tính điểm",
        "Cách tính điểm",
        "Hướng dẫn chấm điểm",
        "Cách chấm điểm",
        "Phương pháp chấm điểm",
        "Phương pháp đánh giá, chấm điểm",
    ],
)
def test_the_method_column_under_the_names_decisions_give_it(tmp_path: Path, header: str) -> None:
    imported = import_table(_csv(tmp_path / "xa.csv", _rows(header)))
    assert {n.code: n.rule.kind for n in imported.spec.nodes if n.rule} == RULES
    assert imported.review.provisional == []


@pytest.mark.parametrize(
    ("text", "top", "numerator", "denominator"),
    [
        (
            "a = số thôn có sóng 4G; b = tổng số thôn; Điểm = (a/b) × điểm tối đa",
            20,
            "số thôn có sóng 4G",
            "tổng số thôn",
        ),
        ("Điểm = a/b × 10", 10, "a", "b"),
        ("(a/b)*điểm tối đa", 10, "a", "b"),
        (
            "Điểm = (a/b) × 100% × điểm tối đa, trong đó: a là số hồ sơ trực tuyến toàn trình, "
            "b là tổng số hồ sơ",
            10,
            "số hồ sơ trực tuyến toàn trình",
            "tổng số hồ sơ",
        ),
        ("Điểm = (tỷ lệ %/100) × 20", 20, None, None),
        ("tỷ lệ × điểm tối đa", 15, None, None),
    ],
)
def test_formulas_as_decisions_write_them_are_ratios(
    text: str, top: float, numerator: str | None, denominator: str | None
) -> None:
    inference = infer_rule(text, top)
    assert inference.inferred and inference.rule.model_dump() == {
        "kind": "ratio",
        "target": 100.0,
        "scale": "percent",
    }
    terms = None if numerator is None else f"numerator: {numerator}; denominator: {denominator}"
    assert (str(inference.detail) if inference.detail else None) == terms


def test_a_formula_times_another_number_is_not_a_ratio_of_the_maximum() -> None:
    assert not infer_rule("Điểm = a/b × 20", 10).inferred  # 20 is not the criterion's 10 points


def test_the_terms_and_the_options_sentences_are_in_the_source(tmp_path: Path) -> None:
    spec = import_table(_csv(tmp_path / "xa.csv", _rows())).spec
    assert "numerator: số thôn có sóng 4G; denominator: tổng số thôn" in (spec.node("C3").source or "")
    assert "numerator: số cán bộ có chữ ký số; denominator: tổng số cán bộ" in (spec.node("C5").source or "")
    assert (
        '"Chủ tịch UBND xã": "Chủ tịch UBND xã làm trưởng ban"; '
        '"Phó Chủ tịch UBND xã": "Phó Chủ tịch UBND xã làm trưởng ban"'
    ) in (spec.node("C1").source or "")


def test_the_classification_rows_are_the_spec_bands_not_criteria(tmp_path: Path) -> None:
    imported = import_table(_csv(tmp_path / "xa.csv", _rows()))
    spec = imported.spec
    # 7 criteria in 2 groups: nothing hangs under C7, and the 90 points of 'Tổng cộng' add up.
    assert [n.code for n in spec.nodes if n.is_leaf] == [f"C{k}" for k in range(1, 8)]
    assert spec.node("C7").children == [] and imported.review.sums == [] and imported.review.unplaced == []
    assert [(b.name_vi, b.at_least) for b in spec.bands] == [
        ("Tốt", 80),
        ("Khá", 65),
        ("Trung bình", 50),
        ("Yếu", 0),
    ]
    assert parse_spec(imported.text) == spec  # written in the YAML and read back
    assert "bands:\n- name_vi: Tốt\n  name_en: Good\n  at_least: 80.0\n- name_vi: Khá\n" in imported.yaml(
        "vi"
    )
    assert "rows 15, 16, 17, 18, 19 are the total's grades" in str(imported.review.notes[-1])


def test_the_classification_in_one_cell_under_the_total(tmp_path: Path) -> None:
    rows = _rows()[:14] + [
        [
            "",
            "Xếp loại: - Loại Tốt: từ 80 điểm trở lên; - Loại Khá: từ 65 đến dưới 80 điểm; "
            "- Loại Trung bình: từ 50 đến dưới 65 điểm; - Loại Yếu: dưới 50 điểm",
            "",
            "",
            "",
        ]
    ]
    spec = import_table(_csv(tmp_path / "xa.csv", rows)).spec
    assert [b.name_vi for b in spec.bands] == ["Tốt", "Khá", "Trung bình", "Yếu"]
    assert [n.code for n in spec.nodes if n.is_leaf] == [f"C{k}" for k in range(1, 8)]


def test_bands_out_of_order_are_a_spec_problem() -> None:
    text = (
        "id: x\ntitle: X\nnodes:\n- {code: T, name_vi: T, kind: total, children: [A]}\n"
        "- {code: A, name_vi: A, kind: component, max_points: 10, rule: {kind: yesno}}\n"
        "bands:\n- {name_vi: Khá, at_least: 5}\n- {name_vi: Tốt, at_least: 8}\n"
    )
    with pytest.raises(
        SpecError, match=r"bands\[1\]\.at_least: band 'Tốt' \(from 8\) must start below 'Khá'"
    ):
        parse_spec(text)


def test_spec_show_gives_the_grades(tmp_path: Path) -> None:
    out = tmp_path / "xa.yaml"
    assert (
        runner.invoke(
            app, ["spec", "import", str(_csv(tmp_path / "xa.csv", _rows())), "-o", str(out)]
        ).exit_code
        == 0
    )
    shown = runner.invoke(app, ["spec", "show", str(out), "--depth", "1"])
    assert "xếp loại: Tốt ≥ 80, Khá ≥ 65, Trung bình ≥ 50, Yếu < 50 điểm" in shown.stdout
    data = json.loads(runner.invoke(app, ["spec", "show", str(out), "--format", "json"]).stdout)
    assert data["spec"]["bands"][0] == {
        "name_vi": "Tốt",
        "name_en": "Good",
        "at_least": 80.0,
        "scale": "points",
    }


def test_options_written_as_sentences_accept_the_answer_people_write(tmp_path: Path) -> None:
    """Import, then score: 'Chủ tịch UBND xã' is the option, as the units answer."""
    spec = tmp_path / "xa.yaml"
    table = _csv(tmp_path / "xa.csv", _rows())
    assert runner.invoke(app, ["spec", "import", str(table), "-o", str(spec)]).exit_code == 0
    assert load_spec(spec).node("C1").rule.model_dump() == {  # type: ignore[union-attr]
        "kind": "choice",
        "options": {"Chủ tịch UBND xã": 10.0, "Phó Chủ tịch UBND xã": 5.0, "Không thành lập": 0.0},
    }
    head = ["Mã đơn vị", "Tên đơn vị", *(f"C{k}" for k in range(1, 8))]
    data = _csv(
        tmp_path / "xa-2025.csv",
        [
            head,
            ["X01", "Xã Tri Hải", "Chủ tịch UBND xã", "Có", "75%", "60%", "50%", "80%", "100%"],
            ["X02", "Xã Nhơn Hải", "Phó Chủ tịch UBND xã", "Không", "100%", "90%", "40%", "50%", "20%"],
        ],
    )
    units = _csv(tmp_path / "units.csv", [["code", "name"], ["X01", "Xã Tri Hải"], ["X02", "Xã Nhơn Hải"]])
    result = runner.invoke(
        app, ["score", str(data), "--spec", str(spec), "--units", str(units), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    points = {u["unit"]: u["values"]["TOTAL"] * 90 for u in json.loads(result.stdout)["units"]}
    # By hand. X01: 10 + 10 + 0.75×20 + 0.6×20 + 0.5×10 + 0.8×10 + 10 = 70.
    # X02: 5 + 0 + 20 + 0.9×20 + 0.4×10 + 0.5×10 + 0.2×10 = 54.
    assert points == {"X01": pytest.approx(70), "X02": pytest.approx(54)}


def test_the_classification_below_a_word_table(tmp_path: Path) -> None:
    """In a decision written in Word, 'Xếp loại' often stands in paragraphs under the table, followed by
    the rest of the document (signatures), which is not read."""
    document = docx.Document()
    for title in _rows()[:2]:
        document.add_paragraph(title[0])
    rows = [r for r in _rows()[3:14]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in [
        "Xếp loại:",
        "- Loại Tốt: từ 80 điểm trở lên;",
        "- Loại Khá: từ 65 đến dưới 80 điểm;",
        "- Loại Trung bình: từ 50 đến dưới 65 điểm;",
        "- Loại Yếu: dưới 50 điểm.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    ]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "xa.docx"))
    imported = import_table(tmp_path / "xa.docx")
    assert [(b.name_vi, b.at_least) for b in imported.spec.bands] == [
        ("Tốt", 80),
        ("Khá", 65),
        ("Trung bình", 50),
        ("Yếu", 0),
    ]
    assert [n.code for n in imported.spec.nodes if n.is_leaf] == [f"C{k}" for k in range(1, 8)]
    assert imported.review.unplaced == [] and imported.review.sums == []


def test_every_method_header_read_is_in_the_docs_and_the_commonest_in_help() -> None:
    from dti.spec.criteria import COLUMNS

    page = " ".join((Path(__file__).parent.parent / "docs" / "input-criteria.md").read_text().split())
    assert [h for h in COLUMNS["method"] if f"`{h}`" not in page] == []
    shown = " ".join(runner.invoke(app, ["spec", "import", "--help"]).stdout.split())
    assert "'Phương pháp đánh giá'" in shown and "'Hướng dẫn chấm điểm'" in shown


def test_a_section_named_xep_loai_without_grades_stays_a_section(tmp_path: Path) -> None:
    rows = [
        ["TT", "Tiêu chí", "Điểm tối đa", "Phương pháp đánh giá"],
        ["", "Xếp loại cán bộ, công chức", "", ""],
        ["1", "Tỷ lệ cán bộ được xếp loại hoàn thành tốt nhiệm vụ", "10", "tỷ lệ × điểm tối đa"],
    ]
    imported = import_table(_csv(tmp_path / "t.csv", rows))
    assert imported.spec.node("S1").name_vi == "Xếp loại cán bộ, công chức"
    assert imported.spec.node("S1").children == ["C1"] and imported.spec.bands == []
