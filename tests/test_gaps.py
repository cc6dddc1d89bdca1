"""dti gaps on a tiny spec whose every number is worked out by hand in the comments."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dti.analysis import gaps as engine
from dti.analysis import whatif
from dti.cli import app
from dti.engine.scoring import competition_ranks
from dti.pipeline import evaluate
from dti.spec import Spec
from dti.spec.io import parse_spec
from dti.tracking.owners import read_owners
from dti.views import gaps as views

runner = CliRunner()

# T (50) = A (20: A.1 points 10, A.2 ratio 10 of target 100 %) + B (B.1 points 20) + C (C.1 yes/no 10);
# pillar P (40) = A + B. Precision 3: values are ranked at 0.001.
SPEC = """
id: tiny-gaps
title: Tiny gaps
precision: 3
nodes:
- {code: T, name_vi: Tổng, kind: total, children: [A, B, C]}
- {code: P, name_vi: Trụ cột, kind: pillar, children: [A, B]}
- {code: A, number: '1', name_vi: Nhóm A, kind: main, children: [A.1, A.2]}
- {code: A.1, number: '1.1', name_vi: Một, kind: component, max_points: 10, rule: {kind: points}}
- {code: A.2, number: '1.2', name_vi: Hai, kind: component, max_points: 10, rule: {kind: ratio, target: 100}}
- {code: B, number: '2', name_vi: Nhóm B, kind: main, children: [B.1]}
- {code: B.1, number: '2.1', name_vi: Ba, kind: component, max_points: 20, rule: {kind: points}}
- {code: C, number: '3', name_vi: Nhóm C, kind: main, children: [C.1]}
- {code: C.1, number: '3.1', name_vi: Bốn, kind: component, max_points: 10, rule: {kind: yesno}}
"""
# u1: 4 + 5 (50 %) + 10 + 0 = 19 → T 0.380, P 19/40 = 0.475        rank T 3
# u2: 10 + 10 + missing (0, 20 at stake) + 10 = 30 → T 0.600, P 0.500  rank T 2
# u3: 6 + 8 + 8 + 10 = 32 → T 0.640, P 22/40 = 0.550               rank T 1
# u4: 2 + 2 + 4 + 0 = 8 → T 0.160, P 0.200                          rank T 4
DATA = """unit,A.1,A.2,B.1,C.1
u1,4,50%,10,không
u2,10,100%,-,có
u3,6,80%,8,có
u4,2,20%,4,không
"""
OWNERS = "Mã chỉ số,Đơn vị chủ trì\nA,Sở X\nB,Sở Y\nC.1,Sở Z\n"


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"spec": tmp_path / "spec.yaml", "data": tmp_path / "data.csv", "owners": tmp_path / "owners.csv"}
    paths["spec"].write_text(SPEC, encoding="utf-8")
    paths["data"].write_text(DATA, encoding="utf-8")
    paths["owners"].write_text(OWNERS, encoding="utf-8")
    return paths


@pytest.fixture()
def spec() -> Spec:
    return parse_spec(SPEC)


@pytest.fixture()
def gaps(files: dict[str, Path], spec: Spec) -> engine.Gaps:
    run = evaluate(files["data"], spec)
    assert run.result is not None, run.report.issues
    return engine.build(run.result, read_owners(files["owners"], spec))


def test_points_lost_and_at_stake_by_hand(gaps: engine.Gaps) -> None:
    assert gaps.codes == ["A.1", "A.2", "B.1", "C.1"]
    i, k = gaps.unit("u1"), gaps.unit("u2")
    assert gaps.points[i].tolist() == [4, 5, 10, 0]
    assert gaps.lost[i].tolist() == [6, 5, 10, 10]
    assert gaps.at_stake[i].tolist() == [0, 0, 0, 0]
    assert gaps.lost[k].tolist() == [0, 0, 0, 0] and gaps.at_stake[k].tolist() == [0, 0, 20, 0]
    # lost + at stake + points = max, for every unit and component
    assert np.allclose(gaps.lost + gaps.at_stake + gaps.points, gaps.max)


def test_owner_totals_add_up_to_the_unit_loss(gaps: engine.Gaps) -> None:
    found = engine.by_owner(gaps, "u1")
    # Sở X: A.1 6 + A.2 5 = 11; Sở Y: B.1 10; Sở Z: C.1 10; the unit loses 50 − 19 = 31
    assert [(g.name, g.lost, g.at_stake) for g in found] == [
        ("Sở X", 11, 0),
        ("Sở Y", 10, 0),
        ("Sở Z", 10, 0),
    ]
    assert found[0].components == ["A.1", "A.2"]
    assert sum(g.lost + g.at_stake for g in found) == 31
    assert sum(g.share for g in found) == pytest.approx(1.0)
    assert found[0].share == pytest.approx(11 / 31)


def test_province_wide_main_indices(gaps: engine.Gaps) -> None:
    found = {g.name: g for g in engine.by_main(gaps)}
    # B over all units: lost 10 + 0 + 12 + 16 = 38, at stake 20 (u2); A: 11 + 0 + 6 + 16 = 33; C: 10 + 10 = 20
    assert (found["B"].lost, found["B"].at_stake) == (38, 20)
    assert (found["A"].lost, found["C"].lost) == (33, 20)
    assert found["B"].units_losing == 4 and found["C"].units_losing == 2
    assert engine.by_main(gaps)[0].name == "B"


def test_filling_a_main_index_adds_its_lost_and_at_stake_points(gaps: engine.Gaps, spec: Spec) -> None:
    assumed, _ = whatif.assumed_points(spec, {"A": "full"})
    assert assumed == {"A.1": 10, "A.2": 10}
    scenario = whatif.what_if(gaps, "u1", assumed)
    t = spec.graph.index["T"]
    # u1 loses 6 + 5 in A: 19 + 11 = 30 → 0.600, tied with u2, behind u3: rank 2, one place gained
    assert scenario.points[t] == 30 and scenario.values[t] == pytest.approx(0.6)
    assert (scenario.rank_before[t], scenario.rank[t], scenario.places_gained(t)) == (3, 2, 1)
    # the new rank agrees with ranking the modified value among the others
    others = gaps.result.values_matrix[[1, 2, 3], t]
    assert competition_ranks(np.r_[scenario.values[t], others][:, None], 3)[0, 0] == scenario.rank[t]
    # every node follows: A full, P = 20 + 10 = 30
    assert scenario.points[spec.graph.index["A"]] == 20 and scenario.points[spec.graph.index["P"]] == 30


def test_assumed_values_are_read_as_a_submission(gaps: engine.Gaps, spec: Spec) -> None:
    assumed, _ = whatif.assumed_points(spec, {"C.1": "có", "1.1": "10", "A.2": "90%"})
    assert assumed == {"C.1": 10, "A.1": 10, "A.2": 9}
    scenario = whatif.what_if(gaps, "u1", {"C.1": 10, "A.1": 10})
    t = spec.graph.index["T"]
    # 19 + 10 + 6 = 35 → 0.700: first, two places gained
    assert scenario.points[t] == 35 and scenario.rank[t] == 1 and scenario.places_gained(t) == 2


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ({"A.1": "abc"}, "not a number"),
        ({"C.1": "perhaps"}, "not yes or no"),
        ({"A.1": "12"}, "exceed the maximum"),
        ({"X.9": "1"}, "not a code"),
        ({"A": "5"}, "not a component"),
    ],
)
def test_a_bad_assumed_value_is_a_clear_error(spec: Spec, pair: dict[str, str], message: str) -> None:
    with pytest.raises(engine.GapsError, match=message):
        whatif.assumed_points(spec, pair)


def test_close_one_closes_the_largest_gap(gaps: engine.Gaps, spec: Spec) -> None:
    # u1's gaps: A.1 6, A.2 5, B.1 10, C.1 10: the tie goes to B.1 (spec order); 19 + 10 = 29 → 0.580
    scenario = whatif.what_if(gaps, "u1", {}, close=1)
    assert scenario.closed == ["B.1"]
    t = spec.graph.index["T"]
    assert scenario.points[t] == 29 and scenario.rank[t] == 3
    # u2's only gap is B.1, at stake: supplying it gives 50 → first
    scenario = whatif.what_if(gaps, "u2", {}, close=3)
    assert scenario.closed == ["B.1"] and scenario.points[t] == 50 and scenario.places_gained(t) == 1


def test_next_up_exact_at_the_display_precision(gaps: engine.Gaps, spec: Spec) -> None:
    found = {n.node: n for n in whatif.next_up(gaps, "u1", engine.ranked_nodes(spec))}
    # T: u2 above at 0.600; passing needs a rounded 0.601, i.e. ≥ 0.6005 × 50 = 30.025 points: 11.03 more
    assert (found["T"].unit_above, found["T"].points_needed) == ("u2", 11.03)
    assert found["T"].closes == ["B.1", "C.1"]  # 10, then 10 + 10 ≥ 11.03
    # P: u2 above at 0.500; ≥ 0.5005 × 40 = 20.02 points: 1.02 more, B.1 alone covers it (C is not in P)
    assert (found["P"].unit_above, found["P"].points_needed, found["P"].closes) == ("u2", 1.02, ["B.1"])
    t, p = spec.graph.index["T"], spec.graph.index["P"]
    for node, j, needed in (("T", t, 11.03), ("P", p, 1.02)):
        top = spec.graph.max_points[j]
        rows = [
            np.r_[(19 + extra) / top, gaps.result.values_matrix[[1, 2, 3], j]]
            for extra in (needed, needed - 0.01)
        ]
        # u2's rank: passed (3rd) with the figure, only tied (still 2nd) with a hundredth less
        assert [competition_ranks(r[:, None], 3)[1, 0] for r in rows] == [3, 2], node
    top = {n.node: n for n in whatif.next_up(gaps, "u3", ["T"])}["T"]
    assert top.unit_above is None and top.points_needed is None and top.rank == 1


def test_everywhere_each_unit_closes_its_own_largest_gap(gaps: engine.Gaps) -> None:
    # u1 B.1 → 0.58 (3rd, =); u2 B.1 → 1.0 (1st, +1); u3 B.1 → 0.88 (1st, =); u4 B.1 → 0.48 (3rd, +1)
    value, places = whatif.everywhere(gaps, {}, 1, "T")
    assert value.tolist() == pytest.approx([0.58, 1.0, 0.88, 0.48])
    assert places.tolist() == [0, 1, 0, 1]


def test_many_scenarios_equal_one_by_one(gaps: engine.Gaps) -> None:
    rng = np.random.default_rng(1)
    sets = rng.random((50, len(gaps.codes))) < 0.5
    i = gaps.unit("u4")
    new = np.where(sets, gaps.max, gaps.points[i])
    points, _ = whatif.scenarios(gaps, i, new)
    for s in range(len(sets)):
        one, _ = whatif.scenarios(gaps, i, new[s : s + 1])
        assert np.allclose(points[s], one[0])
    t = gaps.spec.graph.index["T"]
    assert np.allclose(points[:, t], 8 + (sets * gaps.gap[i]).sum(axis=1))


def test_against_another_table(files: dict[str, Path], gaps: engine.Gaps, spec: Spec, tmp_path: Path) -> None:
    published = tmp_path / "published.csv"
    published.write_text("unit,T\nv1,0.7\nv2,0.5\nu1,0.1\n", encoding="utf-8")
    other = evaluate(published, spec).result
    assert other is not None
    pool = whatif.pool_of(other, "u1")  # u1 itself is left out
    scenario = whatif.what_if(gaps, "u1", {}, close=1, pool=pool)
    t = spec.graph.index["T"]
    # 0.380 among 0.7 and 0.5: 3rd; 0.580: 2nd
    assert (scenario.rank_before[t], scenario.rank[t]) == (3, 2)
    assert whatif.next_up(gaps, "u1", ["T"], pool)[0].unit_above == "v2"


def test_json_shape(files: dict[str, Path]) -> None:
    args = ["gaps", str(files["data"]), "--spec", str(files["spec"]), "--owners", str(files["owners"])]
    cli = runner.invoke(app, [*args, "--unit", "u1", "--assume", "C.1=có", "--format", "json"])
    assert cli.exit_code == 0, cli.output
    data = json.loads(cli.stdout)
    assert list(data) == ["unit", "spec", "components", "owners", "main", "whatif", "next_up"]
    assert set(data["components"][0]) == {"code", "owner", "points", "max", "lost", "at_stake"}
    assert {"owner", "lost", "at_stake", "share", "components"} <= set(data["owners"][0])
    assert {"assumed", "points", "value", "rank", "places_gained"} <= set(data["whatif"])
    assert data["whatif"]["assumed"] == {"C.1": 10} and data["whatif"]["points"] == 29
    assert {"node", "unit_above", "points_needed"} <= set(data["next_up"][0])
    plain = runner.invoke(app, [*args, "--unit", "u1", "--format", "json"])
    assert json.loads(plain.stdout)["whatif"] is None


def test_cli_tables_and_errors(files: dict[str, Path]) -> None:
    args = ["gaps", str(files["data"]), "--spec", str(files["spec"])]
    cli = runner.invoke(app, [*args, "--owners", str(files["owners"])])
    assert cli.exit_code == 0 and "Sở Y" in cli.stdout
    cli = runner.invoke(app, [*args, "--unit", "u1", "--lang", "en"])
    assert cli.exit_code == 0 and "Distance to the next place" in cli.stdout
    bad = runner.invoke(app, [*args, "--unit", "u1", "--assume", "A.1=abc"])
    assert bad.exit_code == 2 and "A.1=abc: 'abc' không phải số" in bad.output
    bad = runner.invoke(app, [*args, "--unit", "u1", "--assume", "A.1=abc", "--lang", "en"])
    assert bad.exit_code == 2 and "A.1=abc: 'abc' is not a number" in bad.output
    bad = runner.invoke(app, [*args, "--assume", "A.1"])
    assert bad.exit_code == 2 and "CODE=VALUE" in bad.output
    bad = runner.invoke(app, [*args, "--against", str(files["data"])])
    assert bad.exit_code == 2 and "--unit" in bad.output
    csv = runner.invoke(app, [*args, "--unit", "u1", "--format", "csv"])
    assert csv.stdout.splitlines()[0].replace('"', "") == "unit,code,owner,points,max,lost,at_stake"


def test_report_section(gaps: engine.Gaps) -> None:
    section = views.gaps_section(gaps, "u1", whatif.next_up(gaps, "u1", ["T"]))
    assert section.key == "gaps"
    [chart] = section.charts
    assert chart.kind == "hbar" and chart.categories == ["Sở X", "Sở Y", "Sở Z"]
    assert [s.values for s in chart.series] == [[11, 10, 10], [0, 0, 0]]
    assert section.facts[0].value == 11.03


@pytest.mark.parametrize(("assumed", "close"), [({}, 2), ({"C.1": 10.0}, 1), ({"A.1": 0.0}, 0), ({}, 9)])
def test_everywhere_agrees_with_each_unit_alone(
    gaps: engine.Gaps, assumed: dict[str, float], close: int
) -> None:
    t = gaps.spec.graph.index["T"]
    value, places = whatif.everywhere(gaps, assumed, close, "T")
    for i, unit in enumerate(gaps.result.unit_codes):
        # every unit reaches at least the assumed points: one above keeps its own
        points = {c: float(np.nan_to_num(gaps.points[i, list(gaps.codes).index(c)])) for c in assumed}
        own = {c: max(v, points[c]) for c, v in assumed.items()}
        scenario = whatif.what_if(gaps, unit, own, close)
        assert value[i] == pytest.approx(scenario.values[t]) and places[i] == scenario.places_gained(t), unit


def test_against_a_table_without_the_pillar(gaps: engine.Gaps, spec: Spec, tmp_path: Path) -> None:
    published = tmp_path / "published.csv"
    published.write_text("unit,T\nv1,0.7\n", encoding="utf-8")
    other = evaluate(published, spec).result
    assert other is not None
    found = {n.node: n for n in whatif.next_up(gaps, "u1", ["T", "P"], whatif.pool_of(other, "u1"))}
    assert (found["T"].rank, found["T"].unit_above) == (2, "v1")
    assert (found["P"].rank, found["P"].unit_above) == (None, None)  # nobody to compare with, not "first"
    [row] = [r for r in views.next_view(list(found.values())).rows if r["node"] == "P"]
    assert row["unit_above"] is None


def test_against_a_table_of_another_year_is_refused() -> None:
    samples = Path(__file__).parent.parent / "sample_data"
    cli = runner.invoke(
        app,
        [
            "gaps",
            str(samples / "2024.csv"),
            "--unit",
            "48",
            "--against",
            str(samples / "2023.csv"),
            "--lang",
            "en",
        ],
    )
    assert cli.exit_code == 2
    assert "2023.csv holds 2023" in cli.output and "2024.csv 2024" in cli.output


def test_decimal_mark_of_tables_and_titles(files: dict[str, Path]) -> None:
    # A.2 = 55 % of its 10 points: 5.5 points; u1's A becomes 4 + 5.5 = 9.5 (by hand)
    args = ["gaps", str(files["data"]), "--spec", str(files["spec"]), "--unit", "u1", "--assume", "A.2=55%"]
    vi = runner.invoke(app, args)
    assert vi.exit_code == 0, vi.output
    assert "A.2 → 5,5 điểm" in vi.stdout and "9,5" in vi.stdout and "9.5" not in vi.stdout
    dot = runner.invoke(app, [*args, "--decimal", "dot"])
    assert dot.exit_code == 0, dot.output
    assert "A.2 → 5.5 điểm" in dot.stdout and "9.5" in dot.stdout and "9,5" not in dot.stdout
    en = runner.invoke(app, [*args, "--lang", "en", "--decimal", "comma"])
    assert "A.2 → 5,5 points" in en.stdout


def test_owners_file_errors_exit_1_after_the_output(files: dict[str, Path], tmp_path: Path) -> None:
    args = ["gaps", str(files["data"]), "--spec", str(files["spec"])]
    bad = tmp_path / "bad_owners.csv"
    bad.write_text(OWNERS + "ZZ,Sở Q\n", encoding="utf-8")  # ZZ is no node: an error
    for extra in ([], ["--unit", "u1"]):
        cli = runner.invoke(app, [*args, "--owners", str(bad), *extra])
        assert cli.exit_code == 1, cli.output
        assert "Sở Y" in cli.stdout  # the output is still written
    partial = tmp_path / "partial_owners.csv"
    partial.write_text("Mã chỉ số,Đơn vị chủ trì\nA,Sở X\n", encoding="utf-8")  # B.1, C.1 unowned: warnings
    cli = runner.invoke(app, [*args, "--owners", str(partial)])
    assert cli.exit_code == 0, cli.output


def test_a_missing_file_is_one_line_and_exit_2(files: dict[str, Path], tmp_path: Path) -> None:
    nope = str(tmp_path / "nope.csv")
    for args in (
        ["gaps", nope],
        ["gaps", str(files["data"]), "--spec", str(files["spec"]), "--owners", nope],
        ["gaps", str(files["data"]), "--spec", str(files["spec"]), "--unit", "u1", "--against", nope],
    ):
        cli = runner.invoke(app, [*args, "--lang", "en"])
        assert cli.exit_code == 2
        assert "nope.csv: no such file or folder" in cli.output and "Errno" not in cli.output
        assert len(cli.output.strip().splitlines()) == 1, cli.output


def test_workbook_holds_every_row_the_terminal_shows_the_largest(tmp_path: Path) -> None:
    samples = Path(__file__).parent.parent / "sample_data"
    import openpyxl

    args = ["gaps", str(samples / "2024.csv"), "--unit", "48", "--owners", str(samples / "owners.csv")]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    book = tmp_path / "gaps.xlsx"
    cli = runner.invoke(app, [*args, "--format", "xlsx", "-o", str(book)])
    assert cli.exit_code == 0, cli.output
    sheets = openpyxl.load_workbook(book).worksheets
    # every component of the spec, as in the json (not the terminal's 15 largest gaps)
    codes = {r[0].value for r in sheets[0].iter_rows(min_row=3) if r[2].value is not None}
    assert codes == {c["code"] for c in data["components"]}
    # each owner's whole list of components, without a '(+N)'
    listed = {r[0].value: r[-1].value or "" for r in sheets[1].iter_rows(min_row=3) if r[1].value is not None}
    assert listed == {o["owner"]: " ".join(o["components"]) for o in data["owners"]}
    table = runner.invoke(app, args).stdout
    assert "(+" in table and "(--format xlsx, csv, json: tất cả)" in table


def test_json_keys_of_both_shapes(files: dict[str, Path]) -> None:
    args = ["gaps", str(files["data"]), "--spec", str(files["spec"]), "--owners", str(files["owners"])]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert list(data) == ["spec", "units", "main", "owners", "whatif"]
    # a main index under "main", an owner under "owner": never one under the other's key
    assert set(data["main"][0]) == {"main", "lost", "at_stake", "share", "components"}
    assert {m["main"] for m in data["main"]} <= {"A", "B", "C"}
    assert set(data["owners"][0]) == {"owner", "lost", "at_stake", "share", "components"}
    one = json.loads(runner.invoke(app, [*args, "--unit", "u1", "--format", "json"]).stdout)
    assert set(one["main"][0]) == set(data["main"][0])


def test_everywhere_is_a_floor(gaps: engine.Gaps) -> None:
    # "what if every unit reached 0 points on A.1": nobody falls, nothing changes
    t = gaps.spec.graph.index["T"]
    value, places = whatif.everywhere(gaps, {"A.1": 0.0}, 0, "T")
    assert value == pytest.approx(gaps.result.values_matrix[:, t]) and not places.any()


def test_the_leaves_columns_in_row_order_across_blocks() -> None:
    """build() turns the result's by-column matrices into units × leaves rows a block of units at a
    time: every unit and leaf in place, across a block's edge and a short last block."""
    from dti.analysis.gaps import _by_unit

    matrix = np.asfortranarray(np.arange(5003 * 7, dtype=float).reshape(5003, 7))
    leaves = np.array([1, 3, 6])
    rows = _by_unit(matrix, leaves, block=2048)
    assert rows.flags.c_contiguous and rows.shape == (5003, 3)
    assert rows[2047, 0] == 2047 * 7 + 1 and rows[2048, 2] == 2048 * 7 + 6 and rows[5002, 1] == 5002 * 7 + 3
    assert np.array_equal(rows, matrix[:, leaves])


@pytest.mark.slow
def test_gaps_as_csv_imports_no_pandas(tmp_path: Path) -> None:
    # Start-up (issue 25): the unit × component table goes to the CSV writer as arrays and coded
    # columns; pa.array() on the codes made pyarrow import pandas (~0.2-0.4 s) to ask if they were a
    # Series.
    import subprocess
    import sys

    from .conftest import ROOT

    check = (
        "import sys; from dti.cli import main; sys.argv = ['dti', *sys.argv[1:]]\n"
        "try: main()  # dti's main(): it raises SystemExit (the program, cli.run, ends the process)\n"
        "except SystemExit: pass\n"
        "print('pandas' in sys.modules)"
    )
    data = ROOT / "sample_data" / "2024.csv"
    args = [sys.executable, "-c", check, "gaps", str(data), "--format", "csv", "-o", str(tmp_path / "g.csv")]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
    assert (tmp_path / "g.csv").read_text(encoding="utf-8-sig").startswith('"unit","code","owner","points"')
