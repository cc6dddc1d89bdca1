"""`dti spec import`: a decision's criteria table → a spec. Every expected value below was worked out by
hand from the table it is read from, not copied from the importer's output."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dti.cli import app
from dti.io.grid import InputError
from dti.spec import Spec, SpecError, load_spec, parse_spec
from dti.spec.importer import import_table
from dti.spec.infer import infer_rule
from dti.text import fold

runner = CliRunner()
ROOT = Path(__file__).parent.parent
COMMUNE = ROOT / "sample_data" / "commune_criteria.csv"
EXAMPLE = Path(__file__).parent / "data" / "example-commune.csv"
HEAD = ["STT", "Chỉ số / Tiêu chí", "Điểm tối đa", "Cách xác định và tính điểm", "Tài liệu kiểm chứng"]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    """Points as Excel numbers, as a decision's spreadsheet holds them."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([float(c) if c.isdigit() else (c or None) for c in row])
    book.save(path)
    return path


def _docx(path: Path, rows: list[list[str]], titles: list[str]) -> Path:
    """Title paragraphs, then the table; a row's empty cells at its end are merged into one, as Word
    documents write section rows."""
    document = docx.Document()
    for title in titles:
        document.add_paragraph(title)
    width = len(rows[0])
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        for c, text in enumerate(row):
            cells[c].text = text
        last = max(c for c, text in enumerate(row) if text)
        if r and last < width - 2:
            cells[last + 1].merge(cells[width - 1])
    document.save(str(path))
    return path


def _table(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _rules(spec: Spec) -> dict[str, Any]:
    return {n.code: n.rule.model_dump() for n in spec.nodes if n.rule is not None}


def _content(spec: Spec) -> list[dict[str, Any]]:
    """The nodes without where they were read from (file names and rows differ between formats)."""
    return [n.model_dump(exclude={"source"}) for n in spec.nodes]


# --- the bundled example, reproduced -------------------------------------------------------------


def test_example_commune_is_reproduced_from_its_table() -> None:
    """tests/data/example-commune.csv was written by hand from the example's criteria, with method texts
    in the words a decision uses; the importer gives back the same nodes, points and rules."""
    imported = import_table(EXAMPLE, title="Chỉ số chuyển đổi số cấp xã (ví dụ)")
    example = load_spec("example-commune")
    assert [_folded(n) for n in imported.spec.nodes] == [_folded(n) for n in example.nodes]
    # KX.05's text ("Xã tự chấm …") states no rule: self-assessed points, provisional, the text kept.
    assert [n.code for n in imported.spec.nodes if n.provisional] == ["KX.05"]
    assert "Xã tự chấm theo số điểm du lịch" in (imported.spec.node("KX.05").source or "")
    assert imported.review.rules == {"ratio": 11, "yesno": 6, "thresholds": 1, "choice": 1}
    assert imported.spec.unit_kind == "commune"  # "… CẤP XÃ …" in the title row
    assert parse_spec(imported.text) == imported.spec


def _folded(node: Any) -> dict[str, Any]:
    """A node's content, a choice's options by their folded names (scoring matches them folded; the
    importer keeps them as the criteria write them, `Tất cả`, the example spells them `tất cả`)."""
    content: dict[str, Any] = node.model_dump(exclude={"source", "provisional"})
    if content.get("rule") and "options" in content["rule"]:
        content["rule"]["options"] = {fold(k): v for k, v in content["rule"]["options"].items()}
    return content


# --- a commune index: 20 criteria in 6 Roman groups, as CSV, XLSX and DOCX -----------------------------

# By hand from sample_data/commune_criteria.csv.
COMMUNE_POINTS = {
    **{f"C{k}": 10.0 for k in (1, 3, 4, 5, 6, 9, 11, 12, 16, 19, 20)},
    **{f"C{k}": 20.0 for k in (2, 7, 8, 10, 14, 15, 17, 18)},
    "C13": 30.0,
}
COMMUNE_GROUPS = {
    "G1": ["C1", "C2", "C3"],
    "G2": ["C4", "C5", "C6"],
    "G3": ["C7", "C8", "C9"],
    "G4": ["C10", "C11", "C12"],
    "G5": ["C13", "C14", "C15", "C16"],
    "G6": ["C17", "C18", "C19", "C20"],
}
COMMUNE_RULES = {
    "C1": {
        "kind": "choice",
        "options": {"Chủ tịch UBND xã": 10.0, "Phó Chủ tịch UBND xã": 5.0, "còn lại": 0.0},
    },
    "C2": {
        "kind": "thresholds",
        "steps": [
            {"at_least": 4.0, "points": 20.0},
            {"at_least": 3.0, "points": 15.0},
            {"at_least": 2.0, "points": 10.0},
            {"at_least": 1.0, "points": 5.0},
        ],
        "percent": False,
    },
    **{c: {"kind": "yesno"} for c in ("C3", "C4", "C5", "C9", "C12")},
    **{c: {"kind": "points"} for c in ("C6", "C16", "C20")},
    **{c: {"kind": "ratio", "target": 100.0, "scale": "percent"} for c in ("C7", "C8", "C13", "C14", "C18")},
    "C10": {"kind": "ratio", "target": 80.0, "scale": "percent"},
    "C17": {"kind": "ratio", "target": 90.0, "scale": "percent"},
    "C11": {
        "kind": "thresholds",
        "steps": [{"at_least": 10.0, "points": 10.0}, {"at_least": 5.0, "points": 5.0}],
        "percent": False,
    },
    "C15": {
        "kind": "thresholds",
        "steps": [{"at_least": 90.0, "points": 20.0}, {"at_least": 70.0, "points": 10.0}],
        "percent": True,  # steps written with %: a rate (issue 26)
    },
    "C19": {"kind": "choice", "options": {"Tất cả sản phẩm": 10.0, "Một phần": 5.0, "Chưa có": 0.0}},
}


def test_commune_index_codes_points_and_rules() -> None:
    imported = import_table(COMMUNE)
    spec = imported.spec
    assert spec.node("TOTAL").children == list(COMMUNE_GROUPS)
    for group, children in COMMUNE_GROUPS.items():
        assert spec.node(group).children == children
    assert {n.code: n.max_points for n in spec.nodes if n.is_leaf} == COMMUNE_POINTS
    graph = spec.graph
    # Group sums by hand: 10+20+10, 10+10+10, 20+20+10, 20+10+10, 30+20+20+10, 20+20+10+10; total 300.
    sums = {"G1": 40, "G2": 30, "G3": 50, "G4": 40, "G5": 80, "G6": 60, "TOTAL": 300}
    assert {c: graph.max_points[graph.index[c]] for c in sums} == sums
    assert _rules(spec) == COMMUNE_RULES
    assert [n.code for n in spec.nodes if n.provisional] == ["C6", "C16", "C20"]
    assert spec.node("G3").number == "III" and spec.node("C13").number == "13"
    assert imported.review.rules == {"choice": 2, "thresholds": 3, "yesno": 5, "ratio": 7}
    assert imported.review.sums == [] and imported.review.unplaced == []
    assert (spec.decision, str(spec.decision_date)) == ("1234/QĐ-UBND", "2025-03-15")
    assert spec.title == "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2025" and spec.unit_kind == "commune"
    source = spec.node("C1").source or ""
    assert "commune_criteria.csv row 6 (STT 1)" in source and "rule choice inferred from" in source
    assert "evidence: Quyết định thành lập Ban Chỉ đạo" in source and "data source: UBND xã" in source
    assert "partner: Sở Khoa học và Công nghệ" in (spec.node("C3").source or "")
    assert "strict bound" in (spec.node("C20").source or "")
    assert parse_spec(imported.text) == spec


def test_the_same_table_as_xlsx_and_docx_gives_the_same_spec(tmp_path: Path) -> None:
    rows = _table(COMMUNE)
    titles, body = (
        [r[0] for r in rows[:3]],
        rows[3:],
    )  # in Word, the title rows are paragraphs above the table
    from_csv = import_table(COMMUNE).spec
    from_xlsx = import_table(_xlsx(tmp_path / "commune_criteria.xlsx", rows)).spec
    from_docx = import_table(_docx(tmp_path / "commune_criteria.docx", body, titles)).spec
    assert _content(from_xlsx) == _content(from_csv)
    assert _content(from_docx) == _content(from_csv)
    for spec in (from_xlsx, from_docx):
        assert (spec.title, spec.decision) == (from_csv.title, "1234/QĐ-UBND")


# --- a department index: three-level numbering, letters, a group total that disagrees ---------------

DEPARTMENT = [
    ["BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC SỞ, BAN, NGÀNH"],
    [*HEAD, "Nguồn dữ liệu"],
    ["1", "Nhận thức số", "30", "", "", ""],
    [
        "1.1",
        "Lãnh đạo sở chủ trì hội nghị về chuyển đổi số",
        "10",
        "Có: 10 điểm; Không: 0 điểm",
        "Thông báo",
        "",
    ],
    ["1.2", "Tuyên truyền về chuyển đổi số", "20", "", "", ""],
    ["1.2.1", "Tin bài trên cổng thông tin của sở", "10", "Từ 10 bài trở lên: 10 điểm", "", "Cổng TTĐT"],
    ["", "", "", "Từ 5 đến 9 bài: 5 điểm", "", ""],
    ["1.2.2", "Hội nghị tập huấn", "10", "Có: 10 điểm; Không: 0 điểm", "", ""],
    ["2", "Chính quyền số", "50", "", "", ""],
    ["2.1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "30", "Tỷ lệ % × điểm tối đa", "", "Hệ thống TTHC"],
    ["2.2", "Tỷ lệ hồ sơ được số hóa", "20", "Điểm = tỷ lệ % / 80% × điểm tối đa", "", ""],
    ["2.3", "An toàn thông tin", "10", "", "", ""],
    ["a)", "Phương án bảo đảm an toàn thông tin được phê duyệt", "5", "Có: 5 điểm; Không: 0 điểm", "", ""],
    ["b)", "Diễn tập an toàn thông tin", "5", "Theo kết quả diễn tập", "", ""],
    ["3.1", "Chỉ tiêu lạc chỗ", "5", "Có: 5 điểm; Không: 0 điểm", "", ""],
    ["", "Điểm thưởng sáng kiến", "5", "Hội đồng xét", "", ""],
    ["", "Tổng cộng", "90", "", "", ""],
]


def test_department_index_three_levels_and_a_total_that_disagrees(tmp_path: Path) -> None:
    imported = import_table(_csv(tmp_path / "so-nganh.csv", DEPARTMENT), unit_kind="department")
    spec, review = imported.spec, imported.review
    assert spec.node("TOTAL").children == ["C1", "C2"]
    assert spec.node("C1").children == ["C1_1", "C1_2"]
    assert spec.node("C1_2").children == ["C1_2_1", "C1_2_2"]
    assert spec.node("C2").children == ["C2_1", "C2_2", "C2_3"]
    assert spec.node("C2_3").children == ["C2_3a", "C2_3b"]
    assert spec.node("C2_3a").number == "a)" and spec.node("C1_2_1").number == "1.2.1"
    graph = spec.graph
    # 2 states 50; its criteria are 30 + 20 + (5 + 5) = 60: reported, and not changed.
    assert review.sums == [{"code": "C2", "number": "2", "row": 9, "stated": 50.0, "children": 60.0}]
    assert graph.max_points[graph.index["C2"]] == 60 and spec.node("C2").max_points is None
    assert "the table states 50 points; its criteria add up to 60" in (spec.node("C2").source or "")
    # 1 states 30 = 10 + (10 + 10): kept; the total row's 90 = 30 + 60 agrees.
    assert spec.node("C1").max_points == 30 and graph.max_points[graph.index["TOTAL"]] == 90
    # The unnumbered row 7 continues 1.2.1's method text: two steps, not one.
    assert _rules(spec)["C1_2_1"] == {
        "kind": "thresholds",
        "steps": [{"at_least": 10.0, "points": 10.0}, {"at_least": 5.0, "points": 5.0}],
        "percent": False,
    }
    assert _rules(spec)["C2_2"] == {"kind": "ratio", "target": 80.0, "scale": "percent"}
    assert [u["row"] for u in review.unplaced] == [15, 16]  # 3.1 without a 3; a row without a number
    assert "'3.1' follows '2'" in str(review.unplaced[0]["why"])
    assert [p["code"] for p in review.provisional] == ["C2_3b"]
    assert spec.unit_kind == "department"
    assert parse_spec(imported.text) == spec


def test_numbering_restarting_in_each_group_is_qualified_and_bullets_numbered(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["", "PHẦN A. HẠ TẦNG", "", "", ""],
        ["1", "Cáp quang", "10", "Tỷ lệ % × điểm tối đa", ""],
        ["-", "Thôn có cáp quang", "", "", ""],
        ["2", "Wi-Fi", "10", "", ""],
        ["-", "Trụ sở", "4", "Có: 4 điểm; Không: 0 điểm", ""],
        ["-", "Nhà văn hóa", "6", "Có: 6 điểm; Không: 0 điểm", ""],
        ["", "PHẦN B. DỊCH VỤ", "", "", ""],
        ["1", "Dịch vụ công", "10", "Có: 10 điểm; Không: 0 điểm", ""],
    ]
    spec = import_table(_csv(tmp_path / "t.csv", rows)).spec
    # '1' twice (once per part): codes qualified by the section row; '-' rows numbered under their parent.
    assert spec.node("TOTAL").children == ["S1", "S2"]
    assert spec.node("S1").children == ["S1.C1", "S1.C2"] and spec.node("S2").children == ["S2.C1"]
    assert spec.node("S1.C2").children == ["S1.C2-1", "S1.C2-2"]
    # "Thôn có cáp quang" has no points and no method: what C1 asks; C1 keeps its ratio of 10 points
    # (before: a provisional leaf of 0, and C1 a group summing to 0).
    assert spec.node("S1.C1").rule.kind == "ratio" and spec.node("S1.C1").max_points == 10  # type: ignore[union-attr]
    assert "S1.C1-1" not in {n.code for n in spec.nodes}
    assert not import_table(tmp_path / "t.csv").review.sums


def test_a_misnumbered_row_and_an_empty_section_are_reported_not_placed(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["", "NHÓM A", "", "", ""],
        ["1", "Hạ tầng", "", "", ""],
        ["1.1", "Cáp quang", "10", "Có: 10 điểm; Không: 0 điểm", ""],
        ["2.1", "Chỉ tiêu lạc chỗ", "5", "Có: 5 điểm; Không: 0 điểm", ""],
        ["1.2", "Wi-Fi", "5", "Có: 5 điểm; Không: 0 điểm", ""],
        ["", "NHÓM B (chưa có tiêu chí)", "", "", ""],
        ["", "NHÓM C", "", "", ""],
        ["2", "Dịch vụ công", "10", "Tỷ lệ % × điểm tối đa", ""],
    ]
    imported = import_table(_csv(tmp_path / "t.csv", rows))
    spec = imported.spec
    # 2.1 under 1 has no parent: left out, and 1.2 still goes under 1; group B holds nothing: left out.
    assert spec.node("TOTAL").children == ["S1", "S2"]
    assert spec.node("S1").children == ["C1"] and spec.node("C1").children == ["C1_1", "C1_2"]
    assert spec.node("S2").children == ["C2"] and spec.node("S2").name_vi == "NHÓM C"
    assert [(u["row"], u["number"]) for u in imported.review.unplaced] == [(5, "2.1"), (7, "")]


def test_headers_as_decisions_vary_them(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung đánh giá", "Điểm tối đa (điểm)", "Cách tính điểm", "Tài liệu kiểm chứng/minh chứng"],
        ["1", "Cổng thông tin điện tử", "10đ", "Có: 10 điểm; Không: 0 điểm", "Đường dẫn"],
    ]
    spec = import_table(_csv(tmp_path / "t.csv", rows)).spec
    node = spec.node("C1")
    assert (node.name_vi, node.max_points, node.rule and node.rule.kind) == (
        "Cổng thông tin điện tử",
        10,
        "yesno",
    )
    assert "evidence: Đường dẫn" in (node.source or "")


def test_codes_from_a_code_column_when_valid_and_unique(tmp_path: Path) -> None:
    rows = [
        ["STT", "Mã", "Chỉ số / Tiêu chí", "Điểm tối đa", "Cách xác định và tính điểm"],
        ["1", "HT", "Hạ tầng", "", ""],
        ["1.1", "HT.01", "Cáp quang", "10", "Có: 10 điểm; Không: 0 điểm"],
        ["1.2", "HT.01", "Wi-Fi", "10", "Có: 10 điểm; Không: 0 điểm"],
        ["1.3", "mã sai", "4G", "10", "Có: 10 điểm; Không: 0 điểm"],
        ["", "Σ", "Tổng cộng", "30", ""],
    ]
    imported = import_table(_csv(tmp_path / "t.csv", rows))
    # HT.01 twice: the second keeps its derived code; 'mã sai' is not a code; 'Σ' is not one for the total.
    assert imported.spec.node("TOTAL").children == ["HT"]
    assert imported.spec.node("HT").children == ["HT.01", "C1_2", "C1_3"]
    assert [str(n).split(":")[0] for n in imported.review.notes[1:]] == [
        "row 4",
        "row 5",
    ]  # after the table note


# --- the method texts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "top", "rule"),
    [
        ("Có: 10 điểm; Không: 0 điểm", 10, {"kind": "yesno"}),
        (  # a yes that names a count is a threshold, not a yes/no
            "Có từ 4 cuộc họp trở lên: 10 điểm; Không: 0 điểm",
            10,
            {"kind": "thresholds", "steps": [{"at_least": 4.0, "points": 10.0}], "percent": False},
        ),
        ("Đã ban hành (10 điểm). Chưa ban hành (0 điểm)", 10, {"kind": "yesno"}),
        ("Tỷ lệ hộ có cáp quang × điểm tối đa", 20, {"kind": "ratio", "target": 100.0, "scale": "percent"}),
        ("điểm = tỷ lệ % × 15", 15, {"kind": "ratio", "target": 100.0, "scale": "percent"}),
        ("Tỷ lệ % / 60% × điểm tối đa", 15, {"kind": "ratio", "target": 60.0, "scale": "percent"}),
        (
            "4 cuộc trở lên: 20 điểm; 3 cuộc: 15 điểm; 2 cuộc: 10 điểm; 1 cuộc: 5 điểm; không họp: 0 điểm",
            20,
            {
                "kind": "thresholds",
                "steps": [
                    {"at_least": 4.0, "points": 20.0},
                    {"at_least": 3.0, "points": 15.0},
                    {"at_least": 2.0, "points": 10.0},
                    {"at_least": 1.0, "points": 5.0},
                ],
                "percent": False,
            },
        ),
        (
            "Tỷ lệ đạt: ≥ 90%: 10 điểm\n- từ 50% đến dưới 90%: 5 điểm\n- dưới 50%: 2 điểm",
            10,
            {
                "kind": "thresholds",
                "steps": [
                    {"at_least": 90.0, "points": 10.0},
                    {"at_least": 50.0, "points": 5.0},
                    {"at_least": 0.0, "points": 2.0},
                ],
                "percent": True,  # steps written with %
            },
        ),
        (
            "Trưởng ban là Chủ tịch: 10 điểm; Phó Chủ tịch: 5 điểm; còn lại: 0",
            10,
            {"kind": "choice", "options": {"Chủ tịch": 10.0, "Phó Chủ tịch": 5.0, "còn lại": 0.0}},
        ),
    ],
)
def test_each_rule_pattern_is_inferred(text: str, top: float, rule: dict[str, Any]) -> None:
    inference = infer_rule(text, top)
    assert inference.inferred and inference.rule.model_dump() == rule
    assert " ".join(text.split()) in str(inference.why)  # the text the rule was read from, for the reviewer


@pytest.mark.parametrize(
    ("text", "top", "why"),
    [
        ("Căn cứ báo cáo của đơn vị để chấm điểm", 10, "no rule pattern matches"),
        ("", 10, "no method text"),
        ("Có: 5 điểm; Không: 0 điểm", 10, "yes gives 5"),  # yes is not worth the maximum
        ("Trên 90%: 10 điểm; từ 70% đến 90%: 5 điểm", 10, "strict bound"),  # '>' is not 'at least'
        ("3 cuộc trở lên: 5 điểm; 1 cuộc: 10 điểm", 10, "a higher bound gives fewer points"),
        ("Tỷ lệ % × điểm tối đa; dưới 50%: 0 điểm", 10, "both as point clauses and as a ratio"),
        ("Tỷ lệ % × 20", 10, "multiplied by 20"),
        ("Chủ tịch: 10 điểm; từ 2 người: 5 điểm", 10, "some clauses name a number"),
    ],
)
def test_texts_that_state_no_unambiguous_rule_stay_points(text: str, top: float, why: str) -> None:
    inference = infer_rule(text, top)
    assert not inference.inferred and inference.rule.kind == "points"
    assert why in str(inference.why)
    assert f'method (verbatim): "{" ".join(text.split())}"' in str(inference.why) or not text


def test_a_table_of_method_texts_gives_each_rule_and_keeps_the_rest_verbatim(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["1", "Ban Chỉ đạo", "10", "Có: 10 điểm; Không: 0 điểm", ""],
        ["2", "Cáp quang", "20", "Tỷ lệ hộ có cáp quang × điểm tối đa", ""],
        ["3", "Họp", "20", "4 cuộc trở lên: 20 điểm; 3 cuộc: 15 điểm; 2 cuộc: 10 điểm; 1 cuộc: 5 điểm", ""],
        ["4", "Trưởng ban", "10", "Trưởng ban là Chủ tịch: 10 điểm; Phó Chủ tịch: 5 điểm; còn lại: 0", ""],
        ["5", "Sáng kiến", "10", "Hội đồng thi đua xét, tối đa 10 điểm", ""],
        ["6", "Dịch vụ", "10,5", "", ""],
    ]
    imported = import_table(_csv(tmp_path / "rules.csv", rows))
    kinds = {n.code: n.rule.kind for n in imported.spec.nodes if n.rule}
    assert kinds == {
        "C1": "yesno",
        "C2": "ratio",
        "C3": "thresholds",
        "C4": "choice",
        "C5": "points",
        "C6": "points",
    }
    assert imported.review.rules == {"yesno": 1, "ratio": 1, "thresholds": 1, "choice": 1}
    assert [(p["code"], p["method"]) for p in imported.review.provisional] == [
        ("C5", "Hội đồng thi đua xét, tối đa 10 điểm"),
        ("C6", ""),
    ]
    assert imported.spec.node("C6").max_points == 10.5  # the Vietnamese decimal comma
    assert 'method (verbatim): "Hội đồng thi đua xét, tối đa 10 điểm"' in (
        imported.spec.node("C5").source or ""
    )


# --- errors and the command ---------------------------------------------------------------------------


def test_a_table_without_the_points_column_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", [["STT", "Chỉ số / Tiêu chí"], ["1", "A"]])
    with pytest.raises(InputError, match="no 'Điểm tối đa' column"):
        import_table(path)


def test_cli_writes_a_spec_that_checks_and_shows_as_the_table(tmp_path: Path) -> None:
    out = tmp_path / "my-index.yaml"
    result = runner.invoke(app, ["spec", "import", str(COMMUNE), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (
        "27 nodes; rules inferred: 7 ratio, 5 yesno, 3 thresholds, 2 choice; provisional: 3" in result.output
    )
    assert runner.invoke(app, ["spec", "check", str(out)]).exit_code == 0
    spec = load_spec(out)
    assert parse_spec(out.read_text(encoding="utf-8")) == spec
    shown = json.loads(runner.invoke(app, ["spec", "show", str(out), "--format", "json"]).stdout)
    rows = {r[0]: r for r in _table(COMMUNE)[4:-1]}  # STT → the table's row
    for node in shown["nodes"][1:]:
        number, name, points = rows[node["number"]][:3]
        assert (node["name_vi"], node["max_points"]) == (name, float(points))


def test_cli_json_review(tmp_path: Path) -> None:
    out = tmp_path / "dept.yaml"
    table = _csv(tmp_path / "dept.csv", DEPARTMENT)
    result = runner.invoke(
        app, ["spec", "import", str(table), "-o", str(out), "--format", "json", "--id", "so-2025"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (
        data["spec"] == "so-2025" and data["nodes"] == 12
    )  # the total, 1 and its 4 below, 2 and its 5 below
    assert data["sums"][0]["code"] == "C2" and len(data["unplaced"]) == 2
    assert load_spec(out).id == "so-2025"


def test_cli_usage_errors(tmp_path: Path) -> None:
    json_to_stdout = runner.invoke(app, ["spec", "import", str(COMMUNE), "--format", "json"])
    assert json_to_stdout.exit_code == 2
    assert runner.invoke(app, ["spec", "import", str(COMMUNE), "--id", "Xã 2025"]).exit_code == 2
    missing = runner.invoke(
        app, ["spec", "import", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "x.yaml")]
    )
    assert missing.exit_code == 2 and not (tmp_path / "x.yaml").exists()
    over_input = runner.invoke(app, ["spec", "import", str(COMMUNE), "-o", str(COMMUNE)])
    assert over_input.exit_code == 2
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a document")
    broken = runner.invoke(app, ["spec", "import", str(tmp_path / "broken.docx"), "--lang", "en"])
    assert broken.exit_code == 2 and "not a readable .docx file" in broken.output
    broken = runner.invoke(app, ["spec", "import", str(tmp_path / "broken.docx")])  # Vietnamese by default
    assert broken.exit_code == 2 and "không phải tệp .docx đọc được" in broken.output
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    old = runner.invoke(app, ["spec", "import", str(tmp_path / "old.doc")])
    assert (
        old.exit_code == 2 and "không đọc tệp '.doc': hãy lưu bảng thành .docx, .xlsx hoặc .csv" in old.output
    )
    old = runner.invoke(app, ["spec", "import", str(tmp_path / "old.doc"), "--lang", "en"])
    assert old.exit_code == 2 and "save the table as .docx, .xlsx or .csv" in old.output


def test_the_imported_spec_scores_a_submission(tmp_path: Path) -> None:
    spec = tmp_path / "commune.yaml"
    assert runner.invoke(app, ["spec", "import", str(COMMUNE), "-o", str(spec)]).exit_code == 0
    answers = "Chủ tịch UBND xã,3,Có,Đã ban hành,Có,8,90%,100%,Có,60%,12,Có,45%,80%,92%,10,70%,30%,Một phần,5"
    head = ",".join(f"C{k}" for k in range(1, 21))
    data = _csv(
        tmp_path / "xa.csv",
        [["Mã đơn vị", "Tên đơn vị", *head.split(",")], ["X01", "Xã An Bình", *answers.split(",")]],
    )
    units = _csv(tmp_path / "units.csv", [["code", "name"], ["X01", "Xã An Bình"]])
    result = runner.invoke(
        app, ["score", str(data), "--spec", str(spec), "--units", str(units), "--format", "json"]
    )
    values = json.loads(result.stdout)["units"][0]["values"]
    # By hand: G1 = 10 (chủ tịch) + 15 (3 cuộc) + 10 = 35 of 40; G5 = 45% × 30 + 80% × 20 + 20 (92%) + 10
    # = 59.5 of 80; G6 = 70/90 × 20 + 30% × 20 + 5 (một phần) + 5 = 31.56 of 60; total 237.06 of 300.
    assert values["G1"] == pytest.approx(35 / 40) and values["G5"] == pytest.approx(59.5 / 80)
    assert values["G6"] == pytest.approx((70 / 90 * 20 + 6 + 5 + 5) / 60)
    assert values["TOTAL"] == pytest.approx((35 + 28 + 48 + 35 + 59.5 + 70 / 90 * 20 + 16) / 300)


NUMBERS = ["", "I", "II", "1", "2", "1.1", "1.2", "2.1", "1.1.1", "a)", "b)", "-", "+", "x", "Phần I"]
METHODS = [
    "",
    "Có: 10 điểm; Không: 0 điểm",
    "Tỷ lệ % × điểm tối đa",
    "4 cuộc trở lên: 10 điểm; 2 cuộc: 5 điểm",
    "Chủ tịch: 10 điểm; Phó Chủ tịch: 5 điểm",
    "Trên 5: 10 điểm",
    "tự chấm",
]
ROWS = st.lists(
    st.tuples(
        st.sampled_from(NUMBERS),
        st.sampled_from(["", "Tiêu chí", "- gạch đầu dòng", "a) mục", "II. NHÓM", "Tổng cộng", "Tổng"]),
        st.sampled_from(["", "10", "5", "7,5", "abc", "10 điểm", "-3"]),
        st.sampled_from(METHODS),
    ),
    max_size=25,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(rows=ROWS)
def test_any_table_gives_a_valid_spec_or_a_message(
    tmp_path_factory: pytest.TempPathFactory, rows: list[Any]
) -> None:
    """Whatever the numbering, points and texts, the import ends in a spec that checks and loads back
    equal, or in InputError (no criteria) or SpecError (criteria worth 0 points in all, which spec check
    refuses: exit 3 naming the total) — never in another exception."""
    path = _csv(tmp_path_factory.mktemp("t") / "t.csv", [HEAD[:4], *[list(r) for r in rows]])
    try:
        imported = import_table(path)
    except InputError:
        return
    except SpecError as exc:
        assert "adds up to 0 points" in str(exc)
        return
    assert parse_spec(imported.text) == imported.spec
    placed = imported.review.nodes - 1 + len(imported.review.unplaced)
    assert placed <= len(rows)  # every row is a node, an unplaced row, a continuation or a total


def test_the_summary_line_names_stdout_in_the_language() -> None:
    vi = runner.invoke(app, ["spec", "import", str(COMMUNE)])
    en = runner.invoke(app, ["spec", "import", str(COMMUNE), "--lang", "en"])
    assert (vi.exit_code, en.exit_code) == (0, 0)
    assert vi.stderr.splitlines()[0].startswith(f"{COMMUNE} → đầu ra chuẩn (stdout): ")
    assert en.stderr.splitlines()[0].startswith(f"{COMMUNE} → stdout: ")


# --- big tables and Word's XML ------------------------------------------------------------------------


def _docx_rows(path: Path, head: list[str], rows: list[list[str]]) -> Path:
    """A Word table of many rows, written by python-docx for its head and first row and then repeated in
    the XML (python-docx adds a row in ~1 ms: 20 s for 20,000)."""
    import re
    import zipfile

    _docx(path, [head, rows[0]], ["BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    first = [m.span() for m in re.finditer(r"<w:tr[ >].*?</w:tr>", document, re.S)][1]
    template = document[first[0] : first[1]]
    copies = []
    for row in rows:
        copy = template
        for old, new in zip(rows[0], row, strict=True):
            copy = copy.replace(f">{old}<", f">{new}<", 1)
        copies.append(copy)
    parts["word/document.xml"] = (document[: first[0]] + "".join(copies) + document[first[1] :]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.slow
def test_a_word_table_of_20000_criteria_is_read_whole(tmp_path: Path) -> None:
    """#23: 20,000 criteria in a ~150 KB .docx took ~10 s (python-docx's cell proxies, pure-Python YAML)."""
    rows = [[str(k), f"Tiêu chí {k}", "1", "Có: 1 điểm; Không: 0 điểm"] for k in range(1, 20_001)]
    path = _docx_rows(tmp_path / "big.docx", HEAD[:4], rows)
    imported = import_table(path)
    leaves = [n for n in imported.spec.nodes if n.is_leaf]
    assert len(leaves) == 20_000 and imported.review.rules == {"yesno": 20_000}
    assert (leaves[0].code, leaves[-1].code, leaves[-1].name_vi) == ("C1", "C20000", "Tiêu chí 20000")
    assert parse_spec(imported.yaml("vi")).node("C20000").max_points == 1


def test_a_word_file_declaring_entities_is_refused(tmp_path: Path) -> None:
    """Word never writes a DTD; one that declares entities could expand to gigabytes."""
    import zipfile

    path = _docx(tmp_path / "t.docx", [HEAD[:4], ["1", "Cổng", "10", "Có: 10 điểm; Không: 0 điểm"]], [])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    dtd = b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"?>", b"?>" + dtd, 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = runner.invoke(app, ["spec", "import", str(path), "--lang", "en"])
    assert result.exit_code == 2 and "not a readable .docx file" in result.output


def test_merged_and_broken_word_cells_read_as_word_shows_them(tmp_path: Path) -> None:
    """A method cell merged down over two criteria (the same rule for both), a line break in a cell."""
    document = docx.Document()
    document.add_paragraph("BỘ CHỈ SỐ CẤP XÃ")
    table = document.add_table(rows=3, cols=4)
    for c, text in enumerate(HEAD[:4]):
        table.cell(0, c).text = text
    for r, (name, points) in enumerate([("Cáp quang", "10"), ("Wi-Fi công cộng", "10")], start=1):
        table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 2).text = str(r), name, points
    table.cell(1, 3).merge(table.cell(2, 3)).text = "Có: 10 điểm"
    table.cell(1, 3).add_paragraph("Không: 0 điểm")
    document.save(str(tmp_path / "m.docx"))
    spec = import_table(tmp_path / "m.docx").spec
    assert [(n.code, n.rule and n.rule.kind) for n in spec.nodes[1:]] == [("C1", "yesno"), ("C2", "yesno")]
