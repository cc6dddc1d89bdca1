"""The one-matrix engine: aggregation, ranks, both CSV readers, the pipeline gate, the bench reference."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import dti
from dti.engine.build import read_submission
from dti.engine.scoring import competition_ranks, score
from dti.io import csvfile
from dti.io.register import UnitRegister
from dti.pipeline import evaluate
from dti.spec import Spec, parse_spec

from .conftest import ROOT, SAMPLES


def _spec(children: dict[int, list[int]], n: int) -> Spec:
    """A spec over nodes N0..N{n-1} with the given child lists; N0 is the total over the orphans."""
    has_parent = {c for kids in children.values() for c in kids}
    children = {
        **children,
        0: sorted({*children.get(0, []), *(i for i in range(1, n) if i not in has_parent)}),
    }
    nodes = []
    for i in range(n):
        kids = children.get(i, [])
        node = {"code": f"N{i}", "name_vi": f"n{i}", "kind": "total" if i == 0 else "group"}
        if kids:
            node["children"] = [f"N{k}" for k in kids]
        else:
            node.update(kind="component", max_points=float(i + 1), rule={"kind": "points"})
        nodes.append(node)
    return parse_spec(yaml.safe_dump({"id": "random", "title": "random DAG", "nodes": nodes}))


@st.composite
def dags(draw: st.DrawFn) -> tuple[dict[int, list[int]], int]:
    n = draw(st.integers(3, 14))
    children: dict[int, list[int]] = {}
    for i in range(1, n):
        later = list(range(i + 1, n))
        if later:
            children[i] = sorted(draw(st.sets(st.sampled_from(later), max_size=3)))
    return children, n


@pytest.mark.slow
@given(dags(), st.integers(0, 2**32 - 1))
@settings(max_examples=60, deadline=None)
def test_aggregate_equals_the_path_count_product(dag: tuple[dict[int, list[int]], int], seed: int) -> None:
    # Reference: paths[i, j] = number of downward paths from i to j, counted by plain recursion; every
    # node's total is Σ_j paths[i, j] × base[j] (DOMAIN §2.4: a child counts once per parent).
    spec = _spec(*dag)
    graph = spec.graph
    kids = {i: [graph.index[c] for c in node.children] for i, node in enumerate(spec.nodes)}

    @cache
    def paths(i: int, j: int) -> int:
        return int(i == j) + sum(paths(k, j) for k in kids[i])

    n = len(spec.nodes)
    dense = np.array([[paths(i, j) for j in range(n)] for i in range(n)], dtype=float)
    base = np.random.default_rng(seed).uniform(0, 10, size=(4, n))
    assert np.allclose(graph.aggregate(base), base @ dense.T)
    mask = base > 7
    assert (graph.spread_down(mask) == ((mask * 1.0) @ dense > 0)).all()
    leaves = np.array([not kids[i] for i in range(n)])
    assert np.array_equal(graph.leaf_paths, dense[:, leaves].sum(axis=1))


@pytest.mark.slow
def test_deep_chains_and_wide_specs_need_no_recursion_and_no_square_matrix() -> None:
    # 3,000 levels used to hit RecursionError; 20,000 nodes used to build a 20,000² matrix (3.2 GB).
    chain = {i: [i + 1] for i in range(1, 3000)}
    spec = _spec(chain, 3001)
    assert spec.graph.max_points[0] == 3001.0  # the one leaf N3000, worth 3001 points
    groups = {g: list(range(101 + g * 100, 201 + g * 100)) for g in range(1, 201)}
    wide = _spec(groups, 20_201)
    top = wide.graph.max_points[wide.graph.index["N1"]]
    assert top == sum(range(202, 302))  # leaves N201..N300 are worth 202..301 points


def _competition(column: list[float]) -> list[int]:
    """Brute force: 1 + how many values are strictly greater (ties share the best rank)."""
    return [1 + sum(other > value for other in column) for value in column]


@given(st.lists(st.integers(0, 40), min_size=1, max_size=30), st.sampled_from([0, 2, 4, 12]))
def test_competition_ranks_on_rounded_values(keys: list[int], precision: int) -> None:
    # Values that round to equal keys tie. precision 12 makes the key range wide: the sorting path.
    values = np.array([[k / 40 + 1e-14 * (i % 3)] for i, k in enumerate(keys)])
    rounded = [float(np.floor(v * 10**precision + 0.5 + 1e-9)) for v in values[:, 0]]
    assert competition_ranks(values, precision)[:, 0].tolist() == _competition(rounded)


def test_competition_ranks_leave_missing_values_unranked() -> None:
    values = np.array([[0.5], [np.nan], [0.7], [0.5]])
    assert competition_ranks(values, 4)[:, 0].tolist() == [2, 0, 1, 2]


def test_the_compiled_csv_reader_reads_like_the_csv_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec2022: Spec
) -> None:
    # Files above 256 KB go through pyarrow; the result must not depend on the reader.
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    data, register_path = generate(400, "dti-province-2022", tmp_path)
    text = data.read_text(encoding="utf-8").replace("U00003,", "U00003 ,", 1)  # a space to strip
    data.write_text(text + "U00001," + ",".join(["x"] * 98) + "\n", encoding="utf-8")  # a duplicate row
    register = UnitRegister.read(register_path)
    monkeypatch.setattr(csvfile, "ARROW_FROM_BYTES", 10**9)
    plain = read_submission(data, spec2022, register)
    monkeypatch.setattr(csvfile, "ARROW_FROM_BYTES", 0)
    compiled = read_submission(data, spec2022, register)
    assert compiled.units == plain.units and len(plain.units) == 400
    for name in ("value", "percent", "status", "row", "col"):
        a, b = getattr(plain.layers[""], name), getattr(compiled.layers[""], name)
        assert np.array_equal(a, b, equal_nan=name == "value"), name
    texts = [plain.text(int(t)) for t in plain.layers[""].token.ravel()]
    assert texts == [compiled.text(int(t)) for t in compiled.layers[""].token.ravel()]
    assert [i.to_dict() for i in plain.issues] == [i.to_dict() for i in compiled.issues]
    assert any(i.code == "duplicate-entry" for i in plain.issues)


def test_evaluate_gates_invalid_data_like_the_cli(tmp_path: Path) -> None:
    bad = tmp_path / "2023.csv"
    bad.write_text("unit,indicator,value\n01,HTS.01,abc\n", encoding="utf-8")
    run = evaluate(bad)
    assert run.result is None and not run.report.valid and run.spec.id == "dti-province-2022"
    assert [i.code for i in run.report.errors] == ["non-numeric"]
    good = dti.evaluate(SAMPLES / "2023.csv")
    assert good.result is not None and good.kind == "components" and good.year == 2023


def test_a_published_table_is_taken_as_given(tmp_path: Path) -> None:
    table = tmp_path / "published_2022.csv"
    table.write_text('unit,DTI,CQS,NTS\n01,"0,5","0,4","0,3"\n', encoding="utf-8")
    run = evaluate(table)
    assert run.kind == "values" and run.result is not None
    assert run.result.values.at["01", "DTI"] == 0.5  # as published, not recomputed from NTS


def test_a_published_table_with_its_dti_still_gives_the_pillars(tmp_path: Path) -> None:
    # A new user's finding: the ministry's table of DTI and the eight main indices had no pillar (the DTI
    # column made it a table of values taken as given, and no pillar was given). A pillar the table leaves
    # out is computed from its main indices, as the ministry computes it; the DTI stays as published.
    # Hà Nội 2023 (sample_data/published_2023.csv): CQS = (100 × (NTS 0.6817 + TCS 0.7414 + HTS 0.3868
    # + NLS 0.5538 + ATTT 0.5685) + 200 × HDCQ 0.4792) / 700 = 389.06 / 700 = 0.5558, by hand; the same
    # as the table without its DTI column gives.
    lines = (SAMPLES / "published_2023.csv").read_text(encoding="utf-8").splitlines()
    plain = evaluate(SAMPLES / "published_2023.csv")
    table = tmp_path / "published_dti_2023.csv"
    head, *rows = lines
    table.write_text("\n".join([head + ",DTI", *(r + ',"0,5"' for r in rows)]) + "\n", encoding="utf-8")
    run = evaluate(table)
    assert run.kind == "values" and run.result is not None and plain.result is not None
    assert run.result.values.at["01", "DTI"] == 0.5  # as published
    for pillar in ("CQS", "KTS", "XHS"):
        assert run.result.values.at["01", pillar] == plain.result.values.at["01", pillar]
    assert run.result.values.at["01", "CQS"] == pytest.approx(0.5558)


def test_the_bench_reference_does_the_same_job_as_score(tmp_path: Path, spec2022: Spec) -> None:
    # The benchmark compares score() with a plain-numpy reference; it is only fair if both compute
    # the same values, ranks and points at stake.
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate
    from reference import numpy_reference, reference_cells

    data, register = generate(300, "dti-province-2022", tmp_path)
    sub = read_submission(data, spec2022, UnitRegister.read(register))
    result = score(spec2022, sub)
    values, ranks, stake = numpy_reference(spec2022, reference_cells(spec2022, sub))()
    known = ~np.isnan(result.values_matrix)
    assert np.allclose(values[known], result.values_matrix[known], rtol=0, atol=1e-12)
    assert np.array_equal(ranks[known], result.ranks_matrix[known])
    assert np.allclose(stake, np.nan_to_num(result.missing_matrix))


def test_a_spec_that_cannot_score_stops_before_the_data_are_judged() -> None:
    # dti-province-2025's points are not published: one clear spec error (exit 3), not thousands of
    # unknown-indicator errors from the data.
    from dti.spec import SpecError

    with pytest.raises(SpecError, match="not scorable"):
        evaluate(SAMPLES / "2024.csv", spec="dti-province-2025")
    assert not evaluate(SAMPLES / "2024.csv", spec="dti-province-2025", scoring=False).report.valid


def test_blank_texts_read_from_pyarrow_buffers_are_what_strip_says() -> None:
    """Column.blank / Column.empty (issue 25: once per column, not once per reader) agree with
    `not text.strip()` and `text == ""`, for texts pyarrow holds and for plain lists."""
    import pyarrow as pa

    from dti.io.grid import SPACE_LEADS, Column

    leads = {chr(c).encode("utf-8")[0] for c in range(0x110000) if chr(c).isspace()}
    assert leads == set(SPACE_LEADS.tolist())
    texts = ["", " ", "\xa0", "\u3000x", "a", "\u2003\u205f", "x ", "\t\r\n", "\x1c", "Đà Nẵng", "0,5"]
    arrow = pa.array(["padding", *texts]).slice(1)  # an offset into the buffers, as a slice has
    for column in (Column(np.arange(len(texts)), texts, arrow=arrow), Column(np.arange(len(texts)), texts)):
        assert column.blank.tolist() == [not t.strip() for t in texts]
        assert column.empty.tolist() == [t == "" for t in texts]


def test_points_at_stake_are_summed_only_when_asked_for() -> None:
    """Result.missing_matrix is made on first use (issue 25: `dti score` never reads it; at 100,000
    units it was 180 MB more at the peak); its figures are checked against the numpy reference in
    test_the_bench_reference_does_the_same_job_as_score."""
    run = evaluate(SAMPLES / "2023.csv")
    assert run.result is not None and "missing_matrix" not in vars(run.result)
    stake = run.result.missing_matrix
    assert vars(run.result)["missing_matrix"] is stake and np.nansum(stake) > 0


def test_word_answers_read_once_and_number_blocks_keep_no_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A yes/no block's answers are worked out once for scoring and both its checks (issue 25: three
    passes over every answer at 100,000 units); a number rule's block never copies the cells' tokens."""
    from dti.engine import rules

    calls: list[int] = []
    yesno = rules._yesno

    def counted(block: rules.Block) -> np.ndarray:
        calls.append(id(block))
        return yesno(block)

    monkeypatch.setattr(rules, "_yesno", counted)
    run = evaluate(SAMPLES / "2024.csv")
    assert run.result is not None and calls and len(calls) == len(set(calls))  # once per stage's block
    spec, layer = run.spec, run.submission.layers[""]
    rules.points(spec, layer, run.submission.tokens)  # scored over the layer's blocks, made here
    for kind, block in rules.blocks(spec, layer, run.submission.tokens):
        assert ("token" in vars(block)) == (kind.name in ("choice", "yesno")), kind.name
