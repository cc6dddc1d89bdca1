"""Benchmark dti against the figures of the speed issue; print a Markdown table for the README.

    python bench/run.py [--units 10000] [--repeat 5]

Every figure is a median over --repeat runs after one warm-up run. The library figure is compared
with a plain numpy reference doing the same arithmetic (rule points, then one matrix product up the
DAG), so its cost reads as a ratio that stays stable on a noisy machine. Commands run as separate
processes; their peak memory is the child's maximum resident set size (os.wait4).
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

from dti.scoring import score
from dti.spec import load_spec
from dti.submission import UnitRegister, read_submission

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# A forked child counts its parent's pages in its peak RSS, and this process holds a large dataset:
# a small launcher process starts each command and reports the command's own figures.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


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


def numpy_reference(spec_id: str, values: np.ndarray) -> Callable[[], np.ndarray]:
    """Same arithmetic in plain numpy: capped ratio points per leaf, then one product up the DAG."""
    spec = load_spec(spec_id)
    graph = spec.graph
    leaf_max = graph.max_points[graph.is_leaf]
    up = graph.paths[:, graph.is_leaf].T  # leaves × nodes

    def run() -> np.ndarray:
        points = np.minimum(np.nan_to_num(values) / 100, 1) * leaf_max
        node_points = points @ up
        with np.errstate(divide="ignore", invalid="ignore"):
            return node_points / graph.max_points

    return run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--spec", default="dti-province-2022")
    args = parser.parse_args()

    data, register = generate(args.units, args.spec, HERE / "out")
    spec = load_spec(args.spec)
    submission = read_submission(data, spec, UnitRegister.read(register))
    library = median_seconds(lambda: score(spec, submission), args.repeat)
    leaves = [n.code for n in spec.nodes if n.is_leaf]
    frame = submission.frame
    values = np.zeros((args.units, len(leaves)))
    units = frame["unit"].astype(str).str.slice(1).astype(int).to_numpy()
    columns = frame["indicator"].cat.codes.to_numpy()
    values[units, columns] = frame["value"].to_numpy()
    reference = median_seconds(numpy_reference(args.spec, values), args.repeat)

    dti = [sys.executable, "-m", "dti"]
    common = [str(data), "--spec", args.spec, "--units", str(register)]
    score_s, score_mb = run_command([*dti, "score", *common], args.repeat)
    validate_s, validate_mb = run_command([*dti, "validate", *common], args.repeat)
    sample_s, sample_mb = run_command([*dti, "score", "sample_data/2024.csv"], args.repeat)
    help_s, _ = run_command([*dti, "--help"], args.repeat)

    n = f"{args.units:,}"
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; median of {args.repeat} runs after a warm-up.\n"
    )
    print("| case | target | measured |")
    print("| --- | --- | --: |")
    print(
        f"| `score()` library call, {n} units × {len(leaves)} components, data loaded | ≤ 50 ms, ≤ 5× numpy "
        f"| {library * 1000:.0f} ms = {library / reference:.0f}× the numpy reference "
        f"({reference * 1000:.1f} ms) |"
    )
    print(f"| `dti score` end to end, {n}-unit wide CSV | ≤ 2 s | {score_s:.2f} s |")
    print(f"| `dti validate`, same file | ≤ 1.5 s | {validate_s:.2f} s |")
    print(f"| `dti score sample_data/2024.csv` (63 provinces) | ≤ 0.6 s | {sample_s:.2f} s |")
    print(f"| `dti --help` | ≤ 0.25 s | {help_s:.2f} s |")
    print(
        f"| peak memory, {n}-unit `dti score` | ≤ 400 MB | {score_mb:.0f} MB (validate {validate_mb:.0f} MB, "
        f"sample {sample_mb:.0f} MB) |"
    )


if __name__ == "__main__":
    main()
