"""Benchmark dti against honest references, side by side in one run; print a Markdown table.

    python bench/run.py [--repeat 5] [--units 10000,100000] [--coinr]

Every figure is a median over --repeat runs after one warm-up run, and every target is a ratio to a
reference measured in the same run, so the table stays meaningful on a shared, noisy machine:

* the library call `score()` against a plain-numpy reference doing the whole work of `score()`:
  every rule kind (ratio, points, thresholds, choice, yes/no), capped points, points at stake, one
  product up the DAG, values, competition ranks on rounded values;
* `dti score FILE --format csv` as a process against `python -c "pandas.read_csv(FILE, dtype=str)"`;
* `dti score sample_data/2024.csv` against `python -c "import pandas"`;
* with --coinr, COINr (R) on the same 10,000 units (see bench/COINR.md for its install).

Commands run as child processes of a small launcher; peak memory is the child's maximum resident set
size (os.wait4).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from dti.engine.build import read_submission
from dti.engine.rules import kind_of
from dti.engine.scoring import score
from dti.io.register import UnitRegister
from dti.spec import ChoiceRule, RatioRule, Spec, ThresholdsRule, load_spec

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_command(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MB) of a command run as a child process."""
    times, peaks = [], []
    for i in range(repeat + 1):
        report = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *args], capture_output=True, text=True, cwd=ROOT
        )
        elapsed, peak_kb, code = report.stdout.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed with exit code {code}")
        if i:  # the first run warms the file cache
            times.append(float(elapsed))
            peaks.append(int(peak_kb) / 1024)
    return statistics.median(times), max(peaks)


def numpy_reference(spec: Spec, cells: list[np.ndarray]) -> Callable[[], tuple[np.ndarray, ...]]:
    """The whole work of score() on parsed cells, in plain numpy, for a 'same job' reference.

    `cells[k]` holds leaf k's parsed values (numbers, or option indices for choice and yes/no), NaN
    where missing.
    """
    graph = spec.graph
    leaves = [n for n in spec.nodes if n.is_leaf]
    leaf_max = np.nan_to_num(graph.max_points[graph.is_leaf])
    # leaves × nodes path counts (built once, not timed): node points = leaf points @ up.
    eye = np.eye(len(spec.nodes))
    up = np.array([graph.aggregate(eye[graph.index[leaf.code]]) for leaf in leaves])
    kinds = [kind_of(n) for n in leaves]
    target = np.array([n.rule.target if isinstance(n.rule, RatioRule) else 1.0 for n in leaves])
    steps = max((len(n.rule.steps) for n in leaves if isinstance(n.rule, ThresholdsRule)), default=1)
    at = np.full((len(leaves), steps), np.inf)
    pts = np.zeros_like(at)
    options = np.zeros((len(leaves), 8))
    for k, n in enumerate(leaves):
        if isinstance(n.rule, ThresholdsRule):
            for s, step in enumerate(n.rule.steps):
                at[k, s], pts[k, s] = step.at_least, step.points
        if isinstance(n.rule, ChoiceRule):
            options[k, : len(n.rule.options)] = list(n.rule.options.values())
    groups = {kind: np.array([k for k, x in enumerate(kinds) if x == kind]) for kind in set(kinds)}
    values = np.column_stack(cells)

    def run() -> tuple[np.ndarray, ...]:
        points = np.zeros(values.shape)
        missing = np.isnan(values)
        v = np.nan_to_num(values)
        for kind, cols in groups.items():
            x = v[:, cols]
            if kind == "ratio":
                points[:, cols] = leaf_max[cols] * np.clip(x / target[cols], 0, 1)
            elif kind == "points":
                points[:, cols] = np.clip(x, 0, leaf_max[cols])
            elif kind == "thresholds":
                reached = x[:, :, None] >= at[cols]
                first = reached.argmax(axis=2)
                got = np.take_along_axis(np.broadcast_to(pts[cols], reached.shape), first[:, :, None], 2)[
                    :, :, 0
                ]
                points[:, cols] = np.where(reached.any(axis=2), got, 0)
            elif kind == "choice":
                table = np.broadcast_to(options[cols], (len(x), len(cols), options.shape[1]))
                points[:, cols] = np.take_along_axis(table, x.astype(int)[:, :, None], 2)[:, :, 0]
            elif kind == "yesno":
                points[:, cols] = x * leaf_max[cols]
        points[missing] = 0.0  # missing data scores 0 and is at stake
        stake = np.where(missing, leaf_max, 0.0)
        node_points = np.column_stack([points, stake]).reshape(len(v), 2, -1)  # one product for both
        totals = np.einsum("ukl,ln->kun", node_points, up)
        with np.errstate(divide="ignore", invalid="ignore"):
            node_values = totals[0] / graph.max_points
        keys = np.floor(node_values * 10**spec.precision + 0.5 + 1e-9)
        order = np.argsort(-keys, axis=0, kind="stable")
        ordered = np.take_along_axis(-keys, order, axis=0)
        starts = np.ones(ordered.shape, dtype=bool)
        starts[1:] = ordered[1:] != ordered[:-1]
        position = np.arange(1, len(ordered) + 1)[:, None]
        ranked = np.maximum.accumulate(np.where(starts, position, 0), axis=0)
        ranks = np.empty_like(ranked)
        np.put_along_axis(ranks, order, ranked, axis=0)
        return node_values, ranks, totals[1]

    return run


def reference_cells(spec: Spec, submission: object) -> list[np.ndarray]:
    """Each leaf's parsed values from a read submission (option indices for word rules)."""
    from dti.engine import rules

    layer = submission.layers[""]  # type: ignore[attr-defined]
    leaf_points = rules.points(spec, layer, submission.tokens)  # type: ignore[attr-defined]
    cells = []
    for node in spec.nodes:
        if not node.is_leaf:
            continue
        j = spec.graph.index[node.code]
        if isinstance(node.rule, ChoiceRule):
            by_points = {p: i for i, p in enumerate(node.rule.options.values())}
            cells.append(np.array([np.nan if p != p else by_points[p] for p in leaf_points[:, j]]))
        elif node.rule is not None and node.rule.kind == "yesno":
            top = spec.graph.max_points[j]
            cells.append(np.where(np.isnan(leaf_points[:, j]), np.nan, leaf_points[:, j] / top))
        else:
            cells.append(np.where(np.isnan(leaf_points[:, j]), np.nan, layer.value[:, j]))
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", default="10000,100000", help="unit counts of the generated files")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--spec", default="dti-province-2022")
    parser.add_argument("--coinr", action="store_true", help="also time COINr (needs Rscript and COINr)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.units.split(",")]
    spec = load_spec(args.spec)
    rows: list[tuple[str, str, str]] = []

    files = {n: generate(n, args.spec, HERE / "out") for n in sizes}
    small = sizes[0]
    data, register = files[small]
    submission = read_submission(data, spec, UnitRegister.read(register))
    library = median_seconds(lambda: score(spec, submission), args.repeat)
    reference = median_seconds(numpy_reference(spec, reference_cells(spec, submission)), args.repeat)
    rows.append(
        (
            f"`score()`, {small:,} units, data loaded",
            "≤ 1.5× the numpy reference",
            f"{library * 1000:.0f} ms = **{library / reference:.2f}×** "
            f"the reference ({reference * 1000:.0f} ms)",
        )
    )

    dti = [sys.executable, "-m", "dti"]
    seconds: dict[int, float] = {}
    for n in sizes:
        data, register = files[n]
        read_s, read_mb = run_command(
            [sys.executable, "-c", f"import pandas; pandas.read_csv({str(data)!r}, dtype=str)"], args.repeat
        )
        score_s, score_mb = run_command(
            [*dti, "score", str(data), "--spec", args.spec, "--units", str(register), "--format", "csv"],
            args.repeat,
        )
        seconds[n] = score_s
        rows.append(
            (
                f"`dti score` → csv, {n:,} units × 98",
                "≤ 2× a pandas read_csv(dtype=str) process",
                f"{score_s:.2f} s = **{score_s / read_s:.2f}×** ({read_s:.2f} s)",
            )
        )
        rows.append(
            (
                f"peak memory, {n:,} units",
                "≤ 4× the pandas read's peak",
                f"{score_mb:.0f} MB = **{score_mb / read_mb:.1f}×** ({read_mb:.0f} MB)",
            )
        )
    if len(sizes) > 1:
        big = sizes[-1]
        rows.append(
            (
                f"linearity, {big:,} vs {small:,} units",
                f"≤ {1.1 * big / small:.0f}× ",
                f"**{seconds[big] / seconds[small]:.1f}×**",
            )
        )
    sample_s, _ = run_command([*dti, "score", "sample_data/2024.csv"], args.repeat)
    pandas_s, _ = run_command([sys.executable, "-c", "import pandas"], args.repeat)
    rows.append(
        (
            "`dti score sample_data/2024.csv` (63 provinces)",
            "≤ 1.5× `python -c 'import pandas'`",
            f"{sample_s:.2f} s = **{sample_s / pandas_s:.2f}×** ({pandas_s:.2f} s)",
        )
    )
    help_s, _ = run_command([*dti, "--help"], args.repeat)
    rows.append(("`dti --help`", "≤ 0.15 s", f"**{help_s:.2f} s**"))
    if args.coinr and shutil.which("Rscript"):
        data, register = files[small]
        subprocess.run([sys.executable, str(HERE / "coinr_meta.py")], check=True, cwd=ROOT)
        coinr_s, coinr_mb = run_command(
            ["Rscript", str(HERE / "coinr.R"), str(data), str(HERE / "out" / "coinr_out.csv")], args.repeat
        )
        rows.append(
            (
                f"versus COINr (R), {small:,} units, whole process",
                "`dti score` ≤ 0.5× COINr",
                f"**{seconds[small] / coinr_s:.2f}×** (COINr {coinr_s:.2f} s, {coinr_mb:.0f} MB)",
            )
        )

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; median of {args.repeat} runs after a warm-up.\n"
    )
    print("| case | target | measured |")
    print("| --- | --- | --: |")
    for case, target, measured in rows:
        print(f"| {case} | {target} | {measured} |")


if __name__ == "__main__":
    main()
