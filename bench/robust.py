"""Benchmark `dti robust`'s engine, and our Sobol estimator against SALib's; print a Markdown table.

    python bench/robust.py [--repeat 5] [--salib]

* 10,000 draws of the 63 provinces of sample_data/2024.csv (target ≤ 1 s);
* 1,000 draws of 10,000 communes synthesised as bench/run.py does (bench/generate.py, ~1 % missing;
  target ≤ 10 s);
* with --salib (needs `pip install salib`): SALib's Saltelli design (sample.sobol, a Sobol' sequence)
  and analyzer (analyze.sobol, one call per output) against dti/analysis/sobol.py on the same model
  and groups.

Each figure is the median of --repeat runs after a warm-up; the data are read and scored beforehand
(not timed): the timed call is robust.build + robust.analyse, what `dti robust` adds to `dti score`.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from dti.analysis import robust, sobol
from dti.engine.build import read_submission
from dti.engine.scoring import Result, score
from dti.io.register import UnitRegister
from dti.pipeline import evaluate
from dti.spec import load_spec

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def median_seconds(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds (CPU: all threads; a fairer figure on a machine others load)."""
    function()
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def shown(seconds: tuple[float, float], digits: int = 2) -> str:
    return f"**{seconds[0]:.{digits}f} s** (CPU {seconds[1]:.{digits}f} s)"


def provinces() -> Result:
    run = evaluate([ROOT / "sample_data" / "2024.csv"])
    assert run.result is not None
    return run.result


def communes(n: int) -> Result:
    spec = load_spec("dti-province-2022")
    data, register = generate(n, spec.id, HERE / "out")
    return score(spec, read_submission(data, spec, UnitRegister.read(register)))


def timed_run(
    result: Result, settings: robust.Settings, repeat: int, sensitivity: bool = False
) -> tuple[float, float]:
    def job() -> object:
        return robust.analyse(robust.build(result, settings), settings, sensitivity=sensitivity)

    return median_seconds(job, repeat)


def salib_versus_own(
    result: Result, n: int, targets: list[int] | None, repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Seconds of one whole sensitivity analysis (design, model runs, indices with 200 resamples)."""
    from SALib.analyze import sobol as salib_analyze
    from SALib.sample import sobol as salib_sample

    settings = robust.Settings(draws=n, missing="median")
    model = robust.build(result, settings)
    nominal = model.ranks(model.nominal_x())[0]
    groups = model.groups

    def output(x: np.ndarray) -> np.ndarray:
        drawn = model.ranks(x)
        if targets is None:
            return np.abs(drawn - nominal).mean(axis=1, keepdims=True)
        return drawn[:, targets].astype(float)

    names = [f"x{i}" for i in range(model.dimension)]
    members = [
        next(g for g, cols in groups.items() if cols.start <= i < cols.stop) for i in range(len(names))
    ]
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names), "groups": members}

    def with_salib() -> object:
        x = salib_sample.sample(problem, n, calc_second_order=False, seed=1)
        y = output(x)
        return [
            salib_analyze.analyze(problem, y[:, k], calc_second_order=False, num_resamples=200, seed=1)
            for k in range(y.shape[1])
        ]

    def with_own() -> object:
        return sobol.indices(output, model.dimension, groups, n, np.random.default_rng(1))

    return median_seconds(with_salib, repeat), median_seconds(with_own, repeat)


def coinr_seconds(result: Result, n: int) -> float:
    """COINr's get_sensitivity (uncertainty analysis, weights ±25 %) on the same units: R seconds."""
    import pandas as pd

    spec, graph = result.spec, result.spec.graph
    leaves = [i for i in range(len(spec.nodes)) if graph.is_leaf[i]]
    missing = result.missing_matrix[:, leaves] > 0
    points = np.where(missing, np.nan, result.points_matrix[:, leaves])
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    frame = pd.DataFrame(points, columns=[spec.nodes[i].code for i in leaves])
    frame.insert(0, "uCode", [f"U{code}" for code in result.unit_codes])
    frame.to_csv(out / "robust_points.csv", index=False)
    parents = graph.parents
    meta = [
        {
            "code": node.code,
            "parent": next(iter(parents[node.code]), ""),
            "level": {"total": 3, "main": 2}.get(node.kind, 1),
            "max_points": float(np.nan_to_num(graph.max_points[i])),
        }
        for i, node in enumerate(spec.nodes)
        if node.kind in ("total", "main") or graph.is_leaf[i]
    ]
    pd.DataFrame(meta).to_csv(out / "robust_meta.csv", index=False)
    report = subprocess.run(
        [
            "Rscript",
            str(HERE / "coinr_robust.R"),
            str(out / "robust_points.csv"),
            str(out / "robust_meta.csv"),
            str(n),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(report.stdout.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--salib", action="store_true", help="also time SALib (pip install salib)")
    parser.add_argument("--coinr", type=int, default=0, metavar="N", help="also time COINr with N draws")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    small, big = provinces(), communes(args.units)
    for missing in ("zero", "median"):
        label = "weights" if missing == "zero" else "weights + missing median"
        seconds = timed_run(small, robust.Settings(draws=10_000, missing=missing), args.repeat)
        rows.append((f"10,000 draws × 63 provinces ({label})", "≤ 1 s", shown(seconds, 3)))
        seconds = timed_run(big, robust.Settings(draws=1_000, missing=missing), args.repeat)
        rows.append((f"1,000 draws × {args.units:,} units ({label})", "≤ 10 s", shown(seconds)))
    seconds = timed_run(small, robust.Settings(draws=1_000, missing="median"), args.repeat, sensitivity=True)
    rows.append(("63 provinces, 1,000 draws + Sobol (N = 1,000: 4,000 runs)", "", shown(seconds, 3)))
    if args.salib:
        for result, n, targets, label in (
            (small, 1024, None, "63 provinces, mean abs. rank shift"),
            (small, 1024, list(range(63)), "63 provinces, each unit's rank (63 outputs)"),
            (big, 1024, None, f"{args.units:,} units, mean abs. rank shift"),
        ):
            theirs, ours = salib_versus_own(result, n, targets, args.repeat)
            rows.append(
                (
                    f"Sobol, N = {n}, {label}",
                    "SALib vs dti/analysis/sobol.py",
                    f"SALib {theirs[0]:.2f} s (CPU {theirs[1]:.2f}), ours {shown(ours)}, "
                    f"SALib/ours CPU **{theirs[1] / ours[1]:.1f}×**",
                )
            )
    if args.coinr:
        theirs = coinr_seconds(small, args.coinr)
        ours = timed_run(small, robust.Settings(draws=args.coinr), args.repeat)
        rows.append(
            (
                f"{args.coinr:,} draws × 63 provinces, weights ±25 %, versus COINr `get_sensitivity` (UA)",
                "",
                f"COINr {theirs:.1f} s ({theirs / args.coinr * 1000:.0f} ms a draw), ours {shown(ours, 3)}: "
                f"**{theirs / ours[0]:,.0f}×** faster",
            )
        )
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}; median of {args.repeat} runs\n"
    )
    print("| measure | target | result |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
