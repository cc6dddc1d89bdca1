"""The scoring engine: the DAG rule, published formulas, missing data, stages, ranks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dti.cli import app
from dti.engine.build import read_submission
from dti.engine.scoring import competition_ranks, round_half_up, score
from dti.engine.validate import validate
from dti.io.register import UnitRegister
from dti.spec import load_spec
from dti.views import score_data

from .conftest import SAMPLES

runner = CliRunner()


def _read(tmp_path: Path, text: str, spec, name: str = "data.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_submission(path, spec, UnitRegister.provinces())


def test_2020_pillars_give_published_dti(tmp_path: Path, spec2020) -> None:  # type: ignore[no-untyped-def]
    # DOMAIN.md §2.2: CQS 0.4449, KTS 0.3668, XHS 0.4052 -> DTI 0.4096 (0.4·CQS + 0.3·KTS + 0.3·XHS).
    sub = _read(tmp_path, 'unit,CQS,KTS,XHS\n01,"0,4449","0,3668","0,4052"\n', spec2020)
    result = score(spec2020, sub)
    dti = result.values.at["01", "DTI"]
    assert dti == pytest.approx(0.4 * 0.4449 + 0.3 * 0.3668 + 0.3 * 0.4052, abs=1e-12)
    assert round(dti, 4) == 0.4096


HAND = """unit,indicator,value,stage
48,NTS,"0,5",
48,TCS,"0,8",
48,NLS,"0,4",
48,ATTT,60%,
48,HDCQ,"0,45",
48,HDKT,"0,3",
48,HDXH,"0,2",
48,HTS.01,95%,self
48,HTS.01,"84,5%",verified
48,HTS.02,62%,
48,HTS.03,"187,5%",
48,HTS.04,có,
48,HTS.05,không,
48,HTS.06,-,
48,HTS.07,"7,5",
"""


def test_hand_computed_2022_example(tmp_path: Path, spec2022) -> None:  # type: ignore[no-untyped-def]
    # By hand: HTS.01 20×0.845 = 16.9; HTS.02 15×0.62 = 9.3; HTS.03 capped at 15; HTS.04 yes 15;
    # HTS.05 no 0; HTS.06 missing 0 (10 at stake); HTS.07 7.5 points -> HTS = 63.7 points.
    # Given main-index values: NTS 50, TCS 80, NLS 40, ATTT 60, HDCQ 90, HDKT 45, HDXH 30 points.
    sub = _read(tmp_path, HAND, spec2022)
    assert validate(spec2022, sub).valid
    result = score(spec2022, sub)
    values = result.values.loc["48"]
    assert values["HTS"] == pytest.approx(63.7 / 100, abs=1e-9)
    assert values["CQS"] == pytest.approx((50 + 80 + 63.7 + 40 + 60 + 90) / 700, abs=1e-9)
    assert values["KTS"] == pytest.approx((50 + 80 + 63.7 + 40 + 60 + 45) / 650, abs=1e-9)
    assert values["XHS"] == pytest.approx((50 + 80 + 63.7 + 40 + 60 + 30) / 650, abs=1e-9)
    assert values["DTI"] == pytest.approx(458.7 / 1000, abs=1e-9)
    assert np.isnan(values["DTTM"])  # max 0: no value, not 0
    assert np.isnan(values["NTS.01"])  # below a given node: not determined
    stake = result.missing_points.loc["48"]
    assert stake["HTS.06"] == 10 and stake["HTS"] == 10 and stake["DTI"] == 10 and stake["KTS"] == 10
    assert result.lost_points.at["48", "HTS"] == pytest.approx(100 - 63.7 - 10)
    # Verified counts; the self-assessment (95 % -> 19 points) is kept beside it.
    assert result.self_points.at["48", "HTS"] == pytest.approx(63.7 - 16.9 + 19)
    assert result.appraisal_change.at["48", "HTS.01"] == pytest.approx(16.9 - 19)
    data = score_data(result)
    assert data["units"][0]["values"]["DTTM"] is None


def test_ties_share_the_best_rank() -> None:
    values = np.array([[0.5], [0.61244], [0.61236], [0.3], [np.nan], [0.45875]])
    ranks = competition_ranks(values, 4)[:, 0].tolist()
    # 0.61244 and 0.61236 both round to 0.6124: they share rank 1 and the next rank is 3; no value, no rank
    assert ranks == [3, 1, 1, 5, 0, 4]


def test_rounding_is_half_up() -> None:
    assert round_half_up(np.array([0.45875, 0.12345, 0.99995]), 4).tolist() == [0.4588, 0.1235, 1.0]


def test_unscorable_spec_stops_with_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("unit,NTS\n01,0.5\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(path), "--spec", "dti-province-2025"])
    assert result.exit_code == 3
    assert "bộ chỉ số 'dti-province-2025' không tính điểm được: chưa rõ điểm" in result.output
    result = runner.invoke(app, ["score", str(path), "--spec", "dti-province-2025", "--lang", "en"])
    assert result.exit_code == 3
    assert "spec 'dti-province-2025' is not scorable: its points are not known" in result.output


def test_invalid_data_stops_with_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("unit,indicator,value\n01,HTS.01,abc\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 1
    assert "non-numeric" in result.output


def test_json_output_equals_library(spec2022) -> None:  # type: ignore[no-untyped-def]
    path = SAMPLES / "2024.csv"
    cli = runner.invoke(app, ["score", str(path), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    library = score_data(score(spec2022, read_submission(path, spec2022, UnitRegister.provinces())))
    assert json.loads(cli.stdout) == json.loads(json.dumps(library))
    assert len(library["units"]) == 63


def test_csv_output_reloads_to_same_numbers(tmp_path: Path, spec2022) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "scores.csv"
    cli = runner.invoke(app, ["score", str(SAMPLES / "2024.csv"), "--format", "csv", "--output", str(out)])
    assert cli.exit_code == 0, cli.output
    frame = pd.read_csv(out, dtype={"unit": str}).set_index("unit")
    result = score(spec2022, read_submission(SAMPLES / "2024.csv", spec2022, UnitRegister.provinces()))
    np.testing.assert_allclose(frame["DTI"].to_numpy(), result.values["DTI"].to_numpy(), rtol=1e-12)
    assert frame["rank_DTI"].tolist() == result.ranks["DTI"].tolist()


def test_output_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    data = tmp_path / "2023.csv"
    data.write_bytes((SAMPLES / "2023.csv").read_bytes())
    before = data.read_bytes()
    cli = runner.invoke(app, ["score", str(data), "--format", "csv", "--output", str(data)])
    assert cli.exit_code == 2
    assert data.read_bytes() == before


def test_previous_year_adds_changes() -> None:
    cli = runner.invoke(
        app, ["score", str(SAMPLES / "2024.csv"), "--previous", str(SAMPLES / "2023.csv"), "--format", "json"]
    )
    data = json.loads(cli.stdout)
    changes = data["changes"]["units"]
    assert len(changes) == 63
    for unit in data["units"][:5]:
        assert isinstance(changes[unit["unit"]]["places"], int)


def _wide_csv(values: list[list[float]], codes: list[str]) -> str:
    lines = ["unit," + ",".join(codes)]
    for i, row in enumerate(values):
        lines.append(f"U{i}," + ",".join(f"{v:.6f}" for v in row))
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.floats(0, 400, allow_nan=False), min_size=7, max_size=7), min_size=1, max_size=6))
def test_values_stay_in_unit_interval_and_points_capped(rows: list[list[float]]) -> None:
    spec = load_spec("dti-province-2022")
    codes = [f"HTS.0{i}" for i in range(1, 8)]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        text = _wide_csv(rows, codes).replace("HTS.04", "HTS.04x").replace("HTS.05", "HTS.05x")
        path.write_text(text, encoding="utf-8")
        sub = read_submission(path, spec, UnitRegister.free())
        result = score(spec, sub)
    values = result.values.to_numpy()
    finite = values[~np.isnan(values)]
    assert ((finite >= 0) & (finite <= 1 + 1e-12)).all()
    points = result.points[codes[:3] + codes[5:]].to_numpy()
    assert (points <= result.max_points[codes[:3] + codes[5:]].to_numpy() + 1e-12).all()


LOSS_SPEC = """
id: tiny-loss
title: Tiny loss
nodes:
- {code: T, name_vi: Tổng, kind: total, children: [A, B]}
- {code: A, name_vi: Nhóm A, kind: main, children: [A.1, A.2]}
- {code: A.1, name_vi: Một, kind: component, max_points: 10, rule: {kind: points}}
- {code: A.2, name_vi: Hai, kind: component, max_points: 10, rule: {kind: points}}
- {code: B, name_vi: Nhóm B, kind: main, children: [B.1]}
- {code: B.1, name_vi: Ba, kind: component, max_points: 20, rule: {kind: points}}
"""


def test_points_lost_and_recoverable_worked_by_hand() -> None:
    """The one rule for missing values, on matrices written by hand (max: T 40, A 20, A.1 10, A.2 10,
    B 20, B.1 20).

    u1 reported A.1 = 4 and B.1 = 20, not A.2 (0 points, 10 at stake): A lost 20 - 4 - 10 = 6, T lost
    40 - 24 - 10 = 6, A.2 lost 0; recoverable A 16, T 16. u2: A.1 undetermined (points and stake
    unknown): lost unknown, recoverable 0. u3 is a published table (stake unknown everywhere): B 15 of
    20 loses 5, recoverable 5.
    """
    from dti.engine.scoring import Result
    from dti.spec import parse_spec

    spec = parse_spec(LOSS_SPEC)
    index = spec.graph.index
    nan = np.nan
    given = {
        "u1": ({"T": 24, "A": 4, "A.1": 4, "A.2": 0, "B": 20, "B.1": 20}, {"T": 10, "A": 10, "A.2": 10}),
        "u2": (
            {"T": nan, "A": nan, "A.1": nan, "A.2": 10, "B": 20, "B.1": 20},
            {"T": nan, "A": nan, "A.1": nan},
        ),
        "u3": ({"T": 30, "A": 15, "A.1": nan, "A.2": nan, "B": 15, "B.1": nan}, dict.fromkeys(index, nan)),
    }
    points = np.zeros((3, len(index)))
    stake = np.zeros((3, len(index)))
    for i, (got, at_stake) in enumerate(given.values()):
        for code, j in index.items():
            points[i, j] = got[code]
            stake[i, j] = at_stake.get(code, 0.0)
    result = Result(
        spec,
        2025,
        list(given),
        ["", "", ""],
        points,
        points / 40,
        np.zeros_like(points),
        lambda: stake,
        points,
    )
    lost, back = result.lost_points, result.recoverable_points
    assert lost.loc["u1", ["T", "A", "A.1", "A.2", "B"]].tolist() == [6, 6, 6, 0, 0]
    assert back.loc["u1", ["T", "A", "A.2", "B"]].tolist() == [16, 16, 10, 0]
    assert np.isnan(lost.loc["u2", "A.1"]) and back.loc["u2", "A.1"] == 0 and lost.loc["u2", "A.2"] == 0
    assert lost.loc["u3", "B"] == 5 and back.loc["u3", "B"] == 5 and lost.loc["u3", "T"] == 10
    # some cells' losses made from those cells alone (the report's main indices): the same, NaN included
    cols = [index[c] for c in ("A", "A.1", "B")]
    for rows in (slice(None), [1], [2, 0]):
        np.testing.assert_array_equal(result.lost_at(rows, cols), result.lost_matrix[rows][:, cols])


@pytest.mark.slow
def test_score_imports_neither_pandas_nor_the_briefing(tmp_path: Path) -> None:
    # Start-up (issue 25): dti score, to the terminal and as CSV, needs neither (pandas alone is ~0.8 s),
    # nor rich for CSV;
    # the sample's few texts are parsed without pyarrow too (the CSV writer needs it).
    import subprocess
    import sys

    from .conftest import ROOT

    check = (
        "import sys; watched = sys.argv[1].split(','); sys.argv = ['dti', *sys.argv[2:]]\n"
        "from dti.cli import main\n"
        "try: main()  # dti's main(): it raises SystemExit (the program, cli.run, ends the process)\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in watched if m in sys.modules))"
    )
    heavy = "pandas,dti.briefing,dti.analysis.ranking"
    for watched, extra in (
        (heavy + ",pyarrow", []),
        # its notes go to a pipe here: plain lines, without rich (dti/write/stderr.py)
        (heavy + ",rich", ["--format", "csv", "-o", str(tmp_path / "o.csv")]),
    ):
        args = [sys.executable, "-c", check, watched, "score", str(SAMPLES / "2024.csv"), *extra]
        done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
        assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
