"""The spec model, the bundled methodologies and `dti spec`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dti.cli import app
from dti.spec import SpecError, bundled_specs, dump_spec, load_spec, parse_spec

runner = CliRunner()

TINY = {
    "id": "tiny",
    "title": "Tiny",
    "nodes": [
        {"code": "T", "name_vi": "Tổng", "kind": "total", "max_points": 30, "children": ["A", "B"]},
        {"code": "A", "name_vi": "A", "kind": "main", "children": ["A.1", "A.2"]},
        {"code": "A.1", "name_vi": "A1", "kind": "component", "max_points": 10, "rule": {"kind": "yesno"}},
        {"code": "A.2", "name_vi": "A2", "kind": "component", "max_points": 10, "rule": {"kind": "points"}},
        {
            "code": "B",
            "name_vi": "B",
            "kind": "component",
            "max_points": 10,
            "rule": {
                "kind": "thresholds",
                "steps": [{"at_least": 4, "points": 10}, {"at_least": 2, "points": 5}],
            },
        },
    ],
}


def _problems(mutate) -> list[str]:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(TINY))
    mutate(data)
    with pytest.raises(SpecError) as info:
        parse_spec(yaml.safe_dump(data, allow_unicode=True))
    return [str(p) for p in info.value.problems]


def test_tiny_spec_is_valid_and_sums_its_children() -> None:
    spec = parse_spec(yaml.safe_dump(TINY))
    graph = spec.graph
    assert graph.max_points[graph.index["A"]] == 20
    assert graph.max_points[graph.index["T"]] == 30
    assert graph.parents["A.1"] == ("A",)


def test_dti_2022_structure_matches_decision_922(spec2022) -> None:  # type: ignore[no-untyped-def]
    # Counts and points from DOMAIN.md §2.1 (Decision 922/QĐ-BTTTT).
    graph = spec2022.graph
    mains = [n for n in spec2022.nodes if n.kind == "main"]
    assert [m.code for m in mains] == ["NTS", "TCS", "HTS", "NLS", "ATTT", "DTTM", "HDCQ", "HDKT", "HDXH"]
    assert [m.max_points for m in mains] == [100, 100, 100, 100, 100, 0, 200, 150, 150]
    assert [len(m.children) for m in mains] == [10, 11, 7, 13, 12, 3, 22, 12, 8]
    components = [n for n in spec2022.nodes if n.kind == "component"]
    assert len(components) == 98 and all(c.provisional for c in components)
    assert all(c.code.startswith(c.code.split(".")[0] + ".") for c in components)
    points = {c: graph.max_points[graph.index[c]] for c in ("DTI", "CQS", "KTS", "XHS")}
    assert points == {"DTI": 1000, "CQS": 700, "KTS": 650, "XHS": 650}
    # Pillars share the foundation: 78, 68 and 64 components.
    assert {c: graph.leaf_paths[graph.index[c]] for c in ("CQS", "KTS", "XHS")} == {
        "CQS": 78,
        "KTS": 68,
        "XHS": 64,
    }
    assert graph.parents["HTS"] == ("DTI", "CQS", "KTS", "XHS")
    assert graph.parents["HDKT"] == ("DTI", "KTS")


def test_other_bundled_specs() -> None:
    assert set(bundled_specs()) >= {
        "dti-province-2020",
        "dti-province-2022",
        "dti-province-2025",
        "example-commune",
    }
    s2020 = load_spec("dti-province-2020")
    assert [(n.code, n.max_points) for n in s2020.nodes if n.kind == "pillar"] == [
        ("CQS", 400),
        ("KTS", 300),
        ("XHS", 300),
    ]
    s2025 = load_spec("dti-province-2025")
    assert not s2025.scorable and sum(n.kind == "main" for n in s2025.nodes) == 8
    with pytest.raises(SpecError, match="not scorable"):
        s2025.require_scorable()
    example = load_spec("example-commune")
    assert example.example and Counter(n.kind for n in example.nodes)["group"] == 6


@pytest.mark.parametrize("spec_id", sorted(bundled_specs()))
def test_bundled_specs_round_trip(spec_id: str) -> None:
    spec = load_spec(spec_id)
    again = parse_spec(dump_spec(spec))
    assert again == spec
    assert dump_spec(again) == dump_spec(spec)


def test_cycle_is_reported_with_key_path() -> None:
    def cycle(d):  # type: ignore[no-untyped-def]
        d["nodes"][2]["children"] = ["A"]
        d["nodes"][2].pop("rule")
        d["nodes"][2].pop("max_points")

    problems = _problems(cycle)
    assert any(p.startswith("nodes[2].children[0]: 'A' makes a cycle") for p in problems), problems


def test_duplicate_code() -> None:
    problems = _problems(lambda d: d["nodes"][3].update(code="A.1"))
    assert "nodes[3].code: duplicate code 'A.1' (first at nodes[2])" in problems


def test_missing_child() -> None:
    problems = _problems(lambda d: d["nodes"][1]["children"].append("HT9"))
    assert problems == ["nodes[1].children[2]: unknown code 'HT9'"]


def test_sum_that_does_not_add_up() -> None:
    problems = _problems(lambda d: d["nodes"][0].update(max_points=35))
    assert problems == ["nodes[0].max_points: 'T' declares 35 but its children add up to 30"]


def test_unknown_rule() -> None:
    problems = _problems(lambda d: d["nodes"][2].update(rule={"kind": "magic"}))
    assert problems[0].startswith("nodes[2].rule: unknown rule 'magic'")


def test_bad_threshold_table() -> None:
    def bad(d):  # type: ignore[no-untyped-def]
        d["nodes"][4]["rule"]["steps"] = [{"at_least": 2, "points": 5}, {"at_least": 4, "points": 12}]

    problems = _problems(bad)
    assert (
        "nodes[4].rule.steps[1].at_least: steps must go from the highest threshold down (4 follows 2)"
        in problems
    )
    assert "nodes[4].rule.steps[1].points: 12 exceeds max_points 10" in problems


def test_unknown_key_is_rejected() -> None:
    problems = _problems(lambda d: d["nodes"][1].update(weight=2))
    assert problems == ["nodes[1].weight: unknown key 'weight'"]


def test_cli_spec_show_counts(spec2022) -> None:  # type: ignore[no-untyped-def]
    vi = runner.invoke(app, ["spec", "show", "dti-province-2022"])  # Vietnamese by default
    assert "9 chỉ số chính, 98 chỉ tiêu lá, 1000 điểm" in vi.output
    result = runner.invoke(app, ["spec", "show", "dti-province-2022", "--lang", "en"])
    assert result.exit_code == 0
    assert "9 main indices, 98 leaves, 1000 points" in result.output
    assert "NTS + TCS + HTS + NLS + ATTT + DTTM + HDCQ: 700 points" in result.output
    assert "HDKT: 650 points" in result.output and "HDXH: 650 points" in result.output


def test_cli_spec_show_a_local_index_without_decision() -> None:
    # example-commune: six groups under the total (no node marked main), no decision, no years
    vi = runner.invoke(app, ["spec", "show", "example-commune"])
    assert vi.exit_code == 0
    assert (
        vi.output.splitlines()[1]
        == "Cấp: xã; độ chính xác 4; đồng hạng: cùng hạng, hạng sau bỏ qua (1, 1, 3); xếp loại theo giá trị "
        "(0–1): Xuất sắc ≥ 0,9, Tốt ≥ 0,8, Khá ≥ 0,65, Trung bình ≥ 0,5, Yếu < 0,5"
    )
    assert "6 chỉ số chính, 20 chỉ tiêu lá, 350 điểm" in vi.output
    en = runner.invoke(app, ["spec", "show", "example-commune", "--lang", "en"])
    assert en.exit_code == 0
    assert en.output.splitlines()[1] == (
        "Unit: commune; precision 4; ties: competition; grades by value (0–1): Excellent ≥ 0.9, Good ≥ 0.8, "
        "Fair ≥ 0.65, Average ≥ 0.5, Weak < 0.5"
    )
    assert "6 main indices, 20 leaves, 350 points" in en.output
    dated = runner.invoke(app, ["spec", "show", "dti-province-2020", "--lang", "en"])
    assert "Decision 1726/QĐ-BTTTT of 2020-10-12; years 2020; unit: province" in dated.output
    assert "3 main indices, 3 leaves, 1000 points" in dated.output  # 2020: the pillars under the total


def test_cli_spec_show_json_lists_every_node(spec2022) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["spec", "show", "dti-province-2022", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["spec"]["id"] == "dti-province-2022"
    assert len(data["nodes"]) == len(spec2022.nodes)
    hts01 = next(n for n in data["nodes"] if n["code"] == "HTS.01")
    assert hts01["parents"] == ["HTS"] and hts01["rule"]["kind"] == "ratio" and hts01["provisional"] is True
    nts = next(n for n in data["nodes"] if n["code"] == "NTS")
    assert nts["parents"] == ["DTI", "CQS", "KTS", "XHS"] and nts["max_points"] == 100


def test_cli_spec_check_exit_codes(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["spec", "check", str(bundled_specs()["dti-province-2022"])])
    assert ok.exit_code == 0
    bad = json.loads(json.dumps(TINY))
    bad["nodes"][1]["children"].append("HT9")
    bad["nodes"][2]["rule"] = {"kind": "magic"}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    result = runner.invoke(app, ["spec", "check", str(path), "--lang", "en"])
    assert result.exit_code == 3
    assert "nodes[2].rule: unknown rule 'magic'" in result.output
    assert "nodes[1].children[2]: unknown code 'HT9'" in result.output
    result = runner.invoke(app, ["spec", "check", str(path)])  # Vietnamese by default, the same paths
    assert result.exit_code == 3
    assert "bộ chỉ số không hợp lệ (2 vấn đề)" in result.output
    assert "nodes[2].rule: không có quy tắc 'magic' (các quy tắc: points, ratio," in result.output
    assert "nodes[1].children[2]: không có mã 'HT9'" in result.output
    missing = runner.invoke(app, ["spec", "show", "no-such-spec"])
    assert missing.exit_code == 2  # unreadable input; a spec read but wrong is 3 (above)


def test_points_out_of_bounds_and_a_total_of_zero_are_refused() -> None:
    # 1e308 + 1e308 overflowed to inf in the total (a numpy RuntimeWarning, every unit scored 0)
    def huge(data: dict) -> None:  # type: ignore[type-arg]
        data["nodes"][2]["max_points"] = 1.0e308
        data["nodes"][3]["max_points"] = 1.0e308

    assert _problems(huge) == [
        "nodes[2].max_points: 'A.1' is worth 1e+308 points: a node's points must be between 0 and "
        "1,000,000,000",
        "nodes[3].max_points: 'A.2' is worth 1e+308 points: a node's points must be between 0 and "
        "1,000,000,000",
    ]

    def zero(data: dict) -> None:  # type: ignore[type-arg]
        for node in data["nodes"]:
            if "max_points" in node:
                node["max_points"] = 0
        data["nodes"][4]["rule"] = {"kind": "yesno"}

    assert _problems(zero) == [
        "nodes[0]: 'T' adds up to 0 points: every unit would score 0 of 0 and none could be ranked; give the "
        "components their max_points"
    ]

    def many(data: dict) -> None:  # type: ignore[type-arg]
        # each within bounds, the total not: 3 x 5e8 = 1.5e9 > 1e9
        for node in data["nodes"][2:]:
            node["max_points"] = 5e8
        data["nodes"][0]["max_points"] = 1.5e9
        data["nodes"][4]["rule"] = {"kind": "yesno"}

    assert _problems(many) == [
        "nodes[0].max_points: 'T' is worth 1.5e+09 points: a node's points must be between 0 and "
        "1,000,000,000"
    ]


def test_a_spec_that_cannot_be_read_is_exit_2_and_a_wrong_one_exit_3(tmp_path: Path) -> None:
    for args in (["spec", "show", "nosuch.yaml"], ["score", "sample_data/2024.csv", "--spec", "nope"]):
        result = runner.invoke(app, [*args, "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert "cannot read the spec: no such spec file or bundled id" in result.output
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("id: w\ntitle: W\nnodes: []\n", encoding="utf-8")
    both = runner.invoke(app, ["spec", "check", "nosuch.yaml", str(wrong), "--lang", "en"])
    assert both.exit_code == 3  # a spec read but wrong outweighs one that cannot be read
    assert "nosuch.yaml: cannot read the spec" in both.output
    assert runner.invoke(app, ["spec", "check", "nosuch.yaml"]).exit_code == 2
