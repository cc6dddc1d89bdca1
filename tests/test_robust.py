"""dti robust: rank intervals under drawn weights, missing-data rules and pending appraisals; Sobol indices.

Expected values are worked out by hand in the comments, not copied from the code's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dti.analysis import robust, sobol
from dti.analysis.robust_ranks import draw_ranks, draw_ranks_of, extreme
from dti.cli import app
from dti.engine.scoring import competition_ranks
from dti.pipeline import Run, evaluate

from .conftest import SAMPLES

runner = CliRunner()

# A toy index: total T (200 points) = main A (100: a1 50 + a2 50) + main B (100: b1 100).
TOY_SPEC = """
id: toy
title: Toy index
unit_kind: any
precision: 4
nodes:
- {code: T, name_vi: Tổng, kind: total, children: [A, B]}
- {code: A, name_vi: A, kind: main, children: [a1, a2]}
- {code: B, name_vi: B, kind: main, children: [b1]}
- {code: a1, name_vi: a1, kind: component, max_points: 50, rule: {kind: points}}
- {code: a2, name_vi: a2, kind: component, max_points: 50, rule: {kind: points}}
- {code: b1, name_vi: b1, kind: component, max_points: 100, rule: {kind: points}}
"""


def toy(tmp_path: Path, data: str) -> Run:
    spec = tmp_path / "toy.yaml"
    spec.write_text(TOY_SPEC, encoding="utf-8")
    path = tmp_path / "data.csv"
    path.write_text(data, encoding="utf-8")
    run = evaluate([path], spec)
    assert run.result is not None, run.report.issues
    return run


def sample() -> Run:
    run = evaluate([SAMPLES / "2024.csv"])
    assert run.result is not None
    return run


def test_no_perturbation_collapses_every_interval_to_the_scored_rank() -> None:
    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=200, weights=0.0, missing="zero")
    out = robust.analyse(robust.build(run.result, settings, run.submission), settings)
    scored = run.result.ranks_matrix[:, run.spec.graph.index["DTI"]]
    assert len(out.nominal) == 63
    np.testing.assert_array_equal(out.nominal, scored)
    for quantity in (out.median, out.p05, out.p95):
        np.testing.assert_array_equal(quantity, scored)
    assert (out.swing == 0).all() and (out.p_band == 1).all()
    np.testing.assert_array_equal(out.p_top, scored <= 10)


def test_cli_with_zero_weights_gives_point_intervals() -> None:
    result = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--weights", "0", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sensitivity"] is None
    assert all(u["p05"] == u["p95"] == u["median_rank"] == u["rank"] for u in data["units"])
    assert [u["rank"] for u in data["units"]][:3] == [1, 2, 3]


def test_same_seed_same_bytes_other_seed_other_draws(tmp_path: Path) -> None:
    args = ["robust", str(SAMPLES / "2024.csv"), "--missing", "median", "--sensitivity", "--draws", "300"]
    outputs = []
    for seed, name in (("7", "a.json"), ("7", "b.json"), ("8", "c.json")):
        target = tmp_path / name
        result = runner.invoke(app, [*args, "--seed", seed, "--format", "json", "-o", str(target)])
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]
    data = json.loads(outputs[0])
    assert {"draws", "seed", "units", "sensitivity"} <= set(data)
    assert data["draws"] == 300 and data["seed"] == 7
    assert data["notes"] == [  # 57 missing cells in the sample (4: "Chưa có số liệu" as yes/no)
        "57 missing figures: each draw either 0 (the rule) or the component's median over the units"
    ]
    assert {"unit", "rank", "median_rank", "p05", "p95", "p_top10"} <= set(data["units"][0])


def test_a_unit_far_from_the_others_never_moves(tmp_path: Path) -> None:
    # U1 scores 200/200; U2 (A 60, B 0), U3 (A 0, B 61) and U4 (A 31, B 31) have 60 to 62: ±5 % weights
    # (a ratio of up to 1.05/0.95 between A and B) reorder them, never reach U1's 200 or U5's 0.
    run = toy(
        tmp_path,
        "unit,a1,a2,b1\nU1,50,50,100\nU2,30,30,0\nU3,0,0,61\nU4,31,0,31\nU5,0,0,0\n",
    )
    assert run.result is not None
    settings = robust.Settings(draws=2000, weights=0.05)
    out = robust.analyse(robust.build(run.result, settings), settings)
    units = robust.build(run.result, settings).units
    first, last = units.index("U1"), units.index("U5")
    assert out.p05[first] == out.p95[first] == 1
    assert out.p05[last] == out.p95[last] == 5
    middle = [units.index(u) for u in ("U2", "U3", "U4")]
    assert (out.p95[middle] - out.p05[middle]).max() > 0  # the close ones do move


def test_weight_draws_match_the_hand_computed_probability(tmp_path: Path) -> None:
    # X: A full, B empty -> 0.5; Y: A empty, B 90 % -> 0.45. With factors fA, fB ~ U(0.75, 1.25) and
    # the total rescaled, X stays first iff fA > 0.9·fB. With fA = 0.75 + 0.5u, fB = 0.75 + 0.5v, X loses
    # iff u < 0.9v − 0.15: the area ∫_{1/6}^{1} (0.9v − 0.15) dv = 0.3125. So P(X first) = 0.6875.
    run = toy(tmp_path, "unit,a1,a2,b1\nX,50,50,0\nY,0,0,90\n")
    assert run.result is not None
    settings = robust.Settings(draws=40_000, weights=0.25, top=1)
    model = robust.build(run.result, settings)
    out = robust.analyse(model, settings)
    x = model.units.index("X")
    assert out.nominal[x] == 1
    assert out.p_top[x] == pytest.approx(0.6875, abs=0.01)  # standard error 0.0023


def test_missing_median_imputes_half_of_the_draws(tmp_path: Path) -> None:
    # U1 did not report a1: 0 + 50 + 0 = 50 points. a1's median over the units that reported it
    # (40 and 20) is 30, so imputed U1 has 80 points: value of A +0.30. By the rule: U2 60 (1st),
    # U3 55 (2nd), U1 50 (3rd); imputed: U1 80 (1st), U2, U3. One coin per draw: P(U1 first) = ½.
    run = toy(tmp_path, "unit,a1,a2,b1\nU1,,50,0\nU2,40,0,20\nU3,20,10,25\n")
    assert run.result is not None
    settings = robust.Settings(draws=4000, weights=0.0, missing="median", top=1)
    model = robust.build(run.result, settings)
    assert model.imputed is not None
    u1 = model.units.index("U1")
    np.testing.assert_allclose(model.imputed[u1], [0.30, 0.0])
    assert model.imputed[[i for i in range(3) if i != u1]].sum() == 0
    out = robust.analyse(model, settings, sensitivity=True)
    assert out.nominal[u1] == 3 and out.p05[u1] == 1 and out.p95[u1] == 3
    assert out.p_top[u1] == pytest.approx(0.5, abs=0.03)
    # Only the missing rule is uncertain (weights fixed): it explains all of the variance.
    assert out.sensitivity is not None and out.sensitivity.groups == ["missing"]
    assert out.sensitivity.first[0, 0] == pytest.approx(1.0, abs=0.1)
    assert out.sensitivity.total[0, 0] == pytest.approx(1.0, abs=0.1)


def test_missing_previous_takes_the_units_earlier_figure(tmp_path: Path) -> None:
    # U1 reported a1 = 10 last year: imputed U1 has 10 + 50 = 60 points, A +0.10.
    run = toy(tmp_path, "unit,a1,a2,b1\nU1,,50,0\nU2,40,0,20\n")
    before = tmp_path / "before"
    before.mkdir()
    last = toy(before, "unit,a1,a2,b1\nU1,10,40,0\nU2,30,0,20\n")
    assert run.result is not None and last.result is not None
    settings = robust.Settings(draws=10, missing="previous")
    model = robust.build(run.result, settings, previous=last.result)
    assert model.imputed is not None
    np.testing.assert_allclose(model.imputed[model.units.index("U1")], [0.10, 0.0])


def test_self_assessed_figures_are_drawn_towards_the_typical_verification_change(tmp_path: Path) -> None:
    # U1's a1: self 40, verified 30 -> typical change on a1 = −10 points (−0.2 of 50). U2's a1 is self 35,
    # not verified: drawn in [25, 35], its total 85 − 10t. U1 (30 + 50) and U3 (30 + 50) tie at 80. U2 is
    # 1st while 85 − 10t > 80 (t < ½) and 3rd after (the tie at t = ½ has probability 0): P(U2 first) = ½.
    data = (
        "unit,indicator,value,stage\n"
        "U1,a1,40,self\nU1,a1,30,verified\nU1,a2,50,\nU1,b1,0,\n"
        "U2,a1,35,self\nU2,a2,50,\nU2,b1,0,\n"
        "U3,a1,30,\nU3,a2,50,\nU3,b1,0,\n"
    )
    run = toy(tmp_path, data)
    assert run.result is not None
    settings = robust.Settings(draws=4000, weights=0.0, self_verified=True, top=1)
    model = robust.build(run.result, settings, run.submission)
    assert model.appraisal is not None
    u2 = model.units.index("U2")
    np.testing.assert_allclose(model.appraisal[u2], [-0.10, 0.0])
    out = robust.analyse(model, settings)
    assert out.nominal[u2] == 1 and out.p95[u2] == 3
    assert out.p_top[u2] == pytest.approx(0.5, abs=0.03)


@pytest.mark.parametrize(
    ("units", "spread"),
    [(40, 1.0), (3000, 0.05)],  # a wide key span (sorted per draw) and a narrow one (counted)
)
def test_draw_ranks_equal_scoring_ranks_on_every_draw(units: int, spread: float) -> None:
    rng = np.random.default_rng(3)
    values = 0.5 + np.round(rng.random((50, units)) * spread, 3)  # many ties at 4 decimals
    expected = competition_ranks(values.T, 4).T  # scoring ranks one column at a time
    np.testing.assert_array_equal(robust.draw_ranks(values, 4), expected)


@pytest.mark.parametrize(
    ("model", "first", "total"),
    [
        # Y = X1, X2 unused: all of the variance is X1's.
        (lambda x: x[:, 0], [1.0, 0.0], [1.0, 0.0]),
        # Y = X1 + 2·X2, uniform inputs: variances 1/12 and 4/12, shares 0.2 and 0.8, no interaction.
        (lambda x: x[:, 0] + 2 * x[:, 1], [0.2, 0.8], [0.2, 0.8]),
        # The same far from 0, as ranks are: the shares do not change (the estimator is centred).
        (lambda x: 60 + x[:, 0] + 2 * x[:, 1], [0.2, 0.8], [0.2, 0.8]),
        # Y = (X1 − ½)(X2 − ½): no main effect, all interaction: S = 0, ST = 1 for both.
        (lambda x: (x[:, 0] - 0.5) * (x[:, 1] - 0.5), [0.0, 0.0], [1.0, 1.0]),
    ],
)
def test_sobol_indices_of_toy_models(model, first, total) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(11)
    result = sobol.indices(model, 2, {"x1": slice(0, 1), "x2": slice(1, 2)}, 4000, rng)
    assert result.runs == 4000 * 4
    for g in range(2):
        low, high = result.first_ci[0, g]
        assert low - 1e-12 <= first[g] <= high + 1e-12
        assert result.first[0, g] == pytest.approx(first[g], abs=0.06)
        low, high = result.total_ci[0, g]
        assert low - 1e-12 <= total[g] <= high + 1e-12
        assert result.total[0, g] == pytest.approx(total[g], abs=0.06)


def test_unit_option_and_sensitivity_table(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "robust",
            str(SAMPLES / "2024.csv"),
            "--unit",
            "48",
            "--unit",
            "Hà Nội",
            "--sensitivity",
            "--draws",
            "200",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Đà Nẵng" in result.stdout and "Hà Nội" in result.stdout and "Sensitivity" in result.stdout
    assert "Hà Tĩnh" not in result.stdout  # only the chosen units
    data = json.loads(
        runner.invoke(
            app,
            [
                "robust",
                str(SAMPLES / "2024.csv"),
                "--unit",
                "48",
                "--sensitivity",
                "--draws",
                "200",
                "--format",
                "json",
            ],
        ).stdout
    )
    assert [u["unit"] for u in data["units"]] == ["48"]
    assert data["sensitivity"]["output"] == "rank"
    assert [row["input"] for row in data["sensitivity"]["indices"]] == ["weights"]


def test_csv_has_a_row_per_unit() -> None:
    result = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "50", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].replace('"', "").startswith("unit,name,rank,median_rank,p05,p95,p_top10")
    assert len(lines) == 64


@pytest.mark.parametrize(
    "extra",
    [["--previous", str(SAMPLES / "2023.csv")], ["--missing", "previous"], ["--unit", "Atlantis"]],
)
def test_inconsistent_options_are_refused(extra: list[str]) -> None:
    result = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), *extra])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_file_of_totals_cannot_be_reweighted(tmp_path: Path) -> None:
    path = tmp_path / "totals.csv"
    path.write_text('unit,DTI\n01,"0,5"\n02,"0,6"\n', encoding="utf-8")
    result = runner.invoke(app, ["robust", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "cannot be reweighted" in result.output and "Traceback" not in result.output


def test_report_section_has_an_inverted_interval_chart() -> None:
    from dti.views.robust import robust_section

    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=100, weights=0.0)
    out = robust.analyse(robust.build(run.result, settings), settings)
    section = robust_section(out, "en")
    chart = section.charts[0]
    assert chart.kind == "interval" and chart.invert
    assert len(chart.categories) == 63
    series = chart.series[0]
    assert series.values == series.low == series.high == [float(r) for r in range(1, 64)]  # no spread


def test_cli_self_verified_names_the_draw_of_the_swing(tmp_path: Path) -> None:
    # The appraisal example above through the command: U2 can fall from 1st to 3rd (▼ 2), and the draw
    # that caused it drew U2's pending value past the half-way point (t > ½).
    spec = tmp_path / "toy.yaml"
    spec.write_text(TOY_SPEC, encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text(
        "unit,indicator,value,stage\nU1,a1,40,self\nU1,a1,30,verified\nU1,a2,50,\nU2,a1,35,self\nU2,a2,50,\n"
        "U3,a1,30,\nU3,a2,50,\n",
        encoding="utf-8",
    )
    args = ["robust", str(data), "--spec", str(spec), "--self-verified", "--weights", "0", "--draws", "500"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    u2 = next(u for u in json.loads(result.stdout)["units"] if u["unit"] == "U2")
    assert u2["rank"] == 1 and u2["swing"] == -2
    assert u2["swing_inputs"]["self"] > 0.5
    table = runner.invoke(app, [*args, "--lang", "en"])
    assert "1 self-assessed figures await verification" in table.stdout


def test_previous_must_be_an_earlier_year() -> None:
    args = ["robust", str(SAMPLES / "2023.csv"), "--draws", "5", "--missing", "previous"]
    cli = runner.invoke(app, [*args, "--previous", str(SAMPLES / "2024.csv"), "--lang", "en"])
    assert cli.exit_code == 2
    assert "2024.csv holds 2024" in cli.output and "2023.csv 2023" in cli.output


def test_previous_without_the_missing_components_says_one_thing(tmp_path: Path) -> None:
    # U1's a1 is missing; last year's file has only the main-index values A and B, so nothing can be
    # imputed: one note (nothing changes), no "either 0 or the previous figure" note.
    run = toy(tmp_path, "unit,a1,a2,b1\nU1,,50,0\nU2,40,0,20\n")
    before = tmp_path / "before"
    before.mkdir()
    last = toy(before, "unit,A,B\nU1,0.5,0.1\nU2,0.4,0.2\n")
    assert run.result is not None and last.result is not None
    model = robust.build(run.result, robust.Settings(draws=5, missing="previous"), previous=last.result)
    assert model.imputed is None
    assert model.notes == [("previous_none", 1)]
    # with one of two missing figures found last year: 1 stays at 0, 1 is drawn
    run = toy(tmp_path, "unit,a1,a2,b1\nU1,,50,0\nU2,40,,20\n")
    last = toy(before, "unit,a1,a2,b1\nU1,10,40,0\nU2,30,,20\n")
    assert run.result is not None and last.result is not None
    model = robust.build(run.result, robust.Settings(draws=5, missing="previous"), previous=last.result)
    assert model.notes == [("no_previous", 1), ("missing_previous", 1)]


def test_decimal_mark_of_the_table_and_its_title() -> None:
    args = ["robust", str(SAMPLES / "2024.csv"), "--draws", "20", "--weights", "2.5", "--unit", "48"]
    vi = runner.invoke(app, args)
    assert vi.exit_code == 0, vi.output
    # the title's ±2.5 % and the probabilities (two decimals) with a comma, the Vietnamese mark
    assert "±2,5 %" in vi.stdout and re.search(r"\b[01],\d\d\b", vi.stdout)
    assert not re.search(r"\b[01]\.\d\d\b", vi.stdout)
    dot = runner.invoke(app, [*args, "--decimal", "dot"])
    assert dot.exit_code == 0, dot.output
    assert "±2.5 %" in dot.stdout and re.search(r"\b[01]\.\d\d\b", dot.stdout)


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    for args in (
        ["robust", str(tmp_path / "nope.csv")],
        [
            "robust",
            str(SAMPLES / "2024.csv"),
            "--missing",
            "previous",
            "--previous",
            str(tmp_path / "old.csv"),
        ],
        ["score", str(tmp_path / "nope.csv")],
    ):
        cli = runner.invoke(app, [*args, "--lang", "en"])
        assert cli.exit_code == 2
        assert "no such file or folder" in cli.output and "Errno" not in cli.output
        assert len(cli.output.strip().splitlines()) == 1, cli.output


def test_sensitivity_with_nothing_uncertain_is_refused_or_explained(tmp_path: Path) -> None:
    cli = runner.invoke(
        app, ["robust", str(SAMPLES / "2024.csv"), "--weights", "0", "--sensitivity", "--lang", "en"]
    )
    assert cli.exit_code == 2 and "no uncertain input" in cli.output
    # --missing median on data without a missing figure: nothing to draw, said on stderr
    toy(tmp_path, "unit,a1,a2,b1\nU1,10,50,0\nU2,40,0,20\n")
    args = ["robust", str(tmp_path / "data.csv"), "--spec", str(tmp_path / "toy.yaml"), "--draws", "5"]
    cli = runner.invoke(app, [*args, "--weights", "0", "--missing", "median", "--sensitivity"])
    assert cli.exit_code == 0, cli.output
    assert "không có gì thay đổi giữa các lượt" in cli.stderr and "Sobol" not in cli.stdout


def test_draws_below_one_says_what_report_does_with_zero() -> None:
    cli = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "0", "--lang", "en"])
    assert cli.exit_code == 2 and "1 to 1,000,000 draws" in cli.output and "report --draws 0" in cli.output


def test_the_spec_note_of_the_year_is_printed() -> None:
    cli = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "5"])
    assert cli.exit_code == 0 and "Quyết định 405" in cli.stderr
    cli = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "5", "--lang", "en"])
    assert cli.exit_code == 0 and "Decision 405" in cli.stderr


def test_vietnamese_title_says_seed_in_vietnamese() -> None:
    cli = runner.invoke(app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "5", "--seed", "3"])
    title = cli.stdout.splitlines()[0]
    assert "hạt giống (seed) 3" in title and ", seed 3" not in title
    en = runner.invoke(
        app, ["robust", str(SAMPLES / "2024.csv"), "--draws", "5", "--seed", "3", "--lang", "en"]
    )
    assert "seed 3" in en.stdout.splitlines()[0]


def test_one_uncertain_input_has_indices_of_exactly_one() -> None:
    # Only the weights vary on the sample (every figure reported, --missing zero): the estimator gave
    # S = 1.16 (CI 0.92-1.39) for Hà Nội; with one input both indices are 1 by definition.
    args = ["robust", str(SAMPLES / "2024.csv"), "--unit", "01", "--sensitivity", "--draws", "256"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "bằng 1 theo định nghĩa" in result.stderr
    [index] = json.loads(result.stdout)["sensitivity"]["indices"]
    assert index["input"] == "weights"
    keys = ("first", "first_low", "first_high", "total", "total_low", "total_high")
    assert [index[k] for k in keys] == [1.0] * 6


def _figures(out: robust.Robustness) -> dict[str, np.ndarray]:
    figures = {
        name: np.asarray(getattr(out, name))
        for name in ("nominal", "median", "p05", "p95", "p_top", "p_band", "swing", "swing_draw", "swing_x")
    }
    if out.sensitivity is not None:
        for name in ("first", "total", "first_ci", "total_ci"):
            figures[f"sensitivity.{name}"] = getattr(out.sensitivity, name)
    return figures


def test_draws_in_chunks_give_the_figures_of_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    # #23: 10⁶ draws held every draw's ranks at once (1.16 GB). Chunks of one draw (and of one design row
    # for the Sobol runs, 3 resamples a batch) must reproduce the one-batch figures exactly for the seed.
    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=300, weights=0.25, missing="median", seed=11, top=5)
    model = robust.build(run.result, settings)
    whole = _figures(robust.analyse(model, settings, sensitivity=True))
    assert robust.CHUNK // len(model.units) > settings.draws * 4  # the defaults: one batch of everything
    monkeypatch.setattr(robust, "CHUNK", 1)
    monkeypatch.setattr(sobol, "BATCH", 1000)  # 1000 // 300 = 3 resamples a batch
    chunked = _figures(robust.analyse(model, settings, sensitivity=True))
    assert whole.keys() == chunked.keys() and "sensitivity.first" in whole
    for name, figure in whole.items():
        if name.endswith("_ci"):  # bootstrap means of fewer resamples a product: BLAS sums in another order
            np.testing.assert_allclose(chunked[name], figure, rtol=1e-12, err_msg=name)
        else:
            np.testing.assert_array_equal(chunked[name], figure, err_msg=name)
    # the swing's draw is the first of the largest shift, over all chunks
    assert (whole["swing_draw"] >= 0).all() and (whole["swing_draw"] < settings.draws).all()


def test_the_swing_input_is_the_draw_that_made_it() -> None:
    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=500, weights=0.25, seed=4)
    model = robust.build(run.result, settings)
    out = robust.analyse(model, settings)
    x = np.random.default_rng(4).random((500, model.dimension))  # the draws, as one batch would draw them
    np.testing.assert_array_equal(out.swing_x, x[out.swing_draw])
    ranks = model.ranks(x)
    shift = ranks - out.nominal
    np.testing.assert_array_equal(out.swing_draw, np.abs(shift).argmax(axis=0))
    np.testing.assert_array_equal(np.sort(ranks, axis=0)[249], out.median)  # ⌈0.5·500⌉ − 1 = 249


@pytest.mark.slow
def test_the_draws_memory_does_not_grow_with_the_draws() -> None:
    # numpy reports its buffers to tracemalloc. Holding every draw's ranks, 200,000 draws of 63 provinces
    # peaked at 230 MB (the ranks alone 200,000 × 63 × 4 bytes = 50 MB, and as much per copy: shift,
    # |shift|, the sort); in chunks of 10⁶ numbers the peak is that of 20,000 draws (two chunks).
    import tracemalloc

    run = sample()
    assert run.result is not None
    peaks = []
    for draws in (20_000, 200_000):
        settings = robust.Settings(draws=draws, weights=0.25, seed=1)
        model = robust.build(run.result, settings)
        tracemalloc.start()
        try:
            robust.analyse(model, settings)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < 1.2 * peaks[0] and peaks[1] < 100_000_000, peaks


def test_sobol_chunks_draw_the_stream_of_one_design() -> None:
    # A, then B, then the resamples, as one draw of each would: PCG64 jumps, another generator draws
    def model(x: np.ndarray) -> np.ndarray:
        return x[:, :1] + 2 * x[:, 1:2] * x[:, 2:3]

    groups = {"a": slice(0, 1), "bc": slice(1, 3)}
    for make in (np.random.PCG64, np.random.MT19937):
        whole = sobol.indices(model, 3, groups, 500, np.random.Generator(make(9)), chunk=500)
        chunked = sobol.indices(model, 3, groups, 500, np.random.Generator(make(9)), chunk=7)
        np.testing.assert_array_equal(chunked.first, whole.first)
        np.testing.assert_array_equal(chunked.total_ci, whole.total_ci)


@pytest.mark.parametrize("draws", [5, 40, 63])
def test_ranks_kept_when_fewer_draws_than_ranks_give_the_counts_figures(
    draws: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 63 provinces and fewer than 64 draws: each draw's ranks are kept (a count per unit and rank would be
    # larger); every figure must be the one the counts give.
    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=draws, weights=0.2, top=10, band=3)
    model = robust.build(run.result, settings, run.submission)
    assert not robust.counted(len(model.units), draws)
    kept = robust.analyse(model, settings)
    monkeypatch.setattr(robust, "counted", lambda units, draws: True)
    counts = robust.analyse(model, settings)
    for name in ("median", "p05", "p95", "p_top", "p_band", "swing", "swing_draw"):
        np.testing.assert_array_equal(getattr(kept, name), getattr(counts, name), err_msg=name)
        assert getattr(kept, name).dtype == getattr(counts, name).dtype, name
    assert (kept.p95 - kept.p05).max() > 0  # the draws do move ranks


def test_ranks_of_some_units_are_their_columns_of_all_ranks() -> None:
    # ties, a unit alone at the top, one at the bottom: each chosen unit's rank as ranking every unit gives
    rng = np.random.default_rng(5)
    values = rng.integers(0, 40, size=(30, 200)) / 100.0
    values[3, 7] = 0.99
    middle = np.argsort(-values[0], kind="stable")[95:106]  # a unit and its ten neighbours, as a report
    for among in ([7], [0, 199], list(range(0, 200, 13)), list(range(200)), sorted(middle)):
        chosen = np.array(among)
        np.testing.assert_array_equal(draw_ranks_of(values, 2, chosen), draw_ranks(values, 2)[:, chosen])
    # the first units of a wide field, as the report's 30 of 10,000: most units never reach the lowest
    # of them and are left out before keying, one ties it in a single draw (keys equal, not above)
    spread = np.round(rng.random(2000) * 0.9, 2)[None, :] + rng.integers(0, 3, size=(40, 2000)) / 100.0
    top = np.argsort(-spread[0], kind="stable")[:30]
    lowest = np.unravel_index(np.argmin(spread[:, top]), (40, 30))
    outside = np.argsort(-spread[0], kind="stable")[200]
    spread[:, outside] = spread[lowest[0], top[lowest[1]]] - 0.05
    spread[lowest[0], outside] = spread[lowest[0], top[lowest[1]]]
    assert (spread.max(axis=0) < spread[:, top].min()).sum() > 1000
    chosen = np.sort(top)
    np.testing.assert_array_equal(draw_ranks_of(spread, 2, chosen), draw_ranks(spread, 2)[:, chosen])


def test_units_that_can_never_rank_above_the_chosen_ones_are_left_out() -> None:
    # 3,000 units, the first 30 chosen: most units stay below the lowest of them in every draw of the
    # weights and are not totalled; the chosen units' ranks are those of ranking every unit. A unit just
    # below the 30th may pass it in some draw: kept. With a negative value, or missing figures drawn,
    # every unit is kept.
    rng = np.random.default_rng(11)
    value = rng.random((3000, 9)) * rng.random((3000, 1))
    weight = np.array([90.0, 110, 100, 120, 80, 130, 100, 140, 130])
    model = robust.Model(
        [f"U{k}" for k in range(3000)],
        [""] * 3000,
        [f"M{j}" for j in range(9)],
        value,
        weight,
        rng.random(3000) * 5,
        1000.0,
        0.25,
        4,
    )
    x = rng.random((300, 9))
    every = model.ranks(x)
    among = np.sort(np.argsort(every[0])[:30])
    kept = model.contenders(among)
    assert kept is not None and set(among) <= set(kept) and 30 < len(kept) < 600
    np.testing.assert_array_equal(model.ranks(x, among), every[:, among])
    totals = model.totals(x)
    beaten = totals[:, among].min()
    assert (totals[:, np.setdiff1d(np.arange(3000), kept)] < beaten).all()
    # each unit's highest and lowest weighted sum, against every corner of the weights' box (2⁹ draws)
    corners = np.array(np.meshgrid(*[[0.0, 1.0]] * 9)).reshape(9, -1).T
    sums = model.shares(corners) @ value[:50].T
    for sign, found in ((1.0, sums.max(axis=0)), (-1.0, sums.min(axis=0))):
        np.testing.assert_allclose(extreme(value[:50], weight, 0.25, sign), found, rtol=1e-12)
    negative = robust.Model(**{**model.__dict__, "value": value - 0.01})
    assert negative.contenders(among) is None


@pytest.mark.parametrize("draws", [40, 500])
def test_spread_of_some_units_is_theirs_among_all(draws: int) -> None:
    # the report analyses only the units it shows: their figures must be those of analysing every unit
    # (both tallies: fewer draws than ranks keeps the draws, more counts them), the rest left unset
    run = sample()
    assert run.result is not None
    settings = robust.Settings(draws=draws, weights=0.3, top=10, band=2)
    model = robust.build(run.result, settings, run.submission)
    whole = robust.analyse(model, settings)
    part = robust.analyse(model, settings, among=lambda nominal: np.argsort(nominal, kind="stable")[20:31])
    assert part.analysed is not None and len(part.analysed) == 11
    at = part.analysed
    for name in ("median", "p05", "p95", "p_top", "p_band", "swing", "swing_draw", "swing_x"):
        np.testing.assert_array_equal(getattr(part, name)[at], getattr(whole, name)[at], err_msg=name)
        assert getattr(part, name).dtype == getattr(whole, name).dtype, name
    others = np.setdiff1d(np.arange(len(model.units)), at)
    assert (part.median[others] == 0).all() and np.isnan(part.p_top[others]).all()
    assert (whole.p95[at] - whole.p05[at]).max() > 0  # the draws do move these ranks
