"""Benchmark dti against honest references, side by side in interleaved rounds; print a Markdown table.

    python bench/run.py [--repeat 5] [--only csv-small,xlsx-read] [--units 10000,100000] [--coinr]
    python bench/run.py --record     # run, then keep the figures in bench/recorded.json
    python bench/run.py --check      # run, then say which measure got slower than recorded

Every figure comes from interleaved pairs: a warm-up round, then --repeat rounds (at least 5), each
running every chosen measure's command and its reference back to back (A B A B …). A ratio is taken
within a pair (dti over the reference run just after it), so a load that moves moves both sides;
the table shows the ratio's and each side's min / median / max over the rounds, and the load average at
the start and the end. Rows (`--list` names them; bench/cases.py defines them):

* `score()` against a plain-numpy reference doing its whole work (bench/reference.py), in process;
* `dti score FILE --format csv` as a process against `pandas.read_csv(FILE, dtype=str)` as a process,
  at 10,000 and 100,000 units × 98 (bench/generate.py), their scaling and peak memory (os.wait4);
* `dti report` → XLSX and → HTML at 10,000 units with a previous year, against `dti score` of them;
* `dti gaps` and `dti validate` at 100,000 units against the pandas read;
* reading the 10,000-unit XLSX (0.99 M cells) against python-calamine, a process each, and `dti score`
  of the XLSX against the same data as CSV;
* the 63-province sample against `python -c "import pandas"`; `robust` 10,000 draws × 63; `--help`;
* with --coinr, COINr (R) on the same 10,000 units (see bench/COINR.md for its install).

--check compares each measure's median with the recorded one and names those slower by more than the
recorded spread (max − min of the recorded rounds: its noise); it exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from cases import ROOT, ROWS, Commands, Row, pairs  # noqa: E402
from measure import Pair, Sample, Spread, load, rounds  # noqa: E402

RECORDED = HERE / "recorded.json"


def ratio(row: Row, samples: dict[str, Sample]) -> Spread:
    """The row's figure in each round (top over bottom, or top's seconds), as min / median / max."""
    top = samples[row.top].megabytes if row.memory else samples[row.top].seconds
    if row.bottom is None:
        return Spread.of(top)
    bottom = samples[row.bottom].megabytes if row.memory else samples[row.bottom].seconds
    return Spread.of([a / b for a, b in zip(top, bottom, strict=True)])


def side(name: str | None, samples: dict[str, Sample], memory: bool) -> str:
    if name is None:
        return ""
    if memory:
        return Spread.of(samples[name].megabytes).shown(0, " MB")
    digits = 3 if max(samples[name].seconds) < 0.1 else 2
    return Spread.of(samples[name].seconds).shown(digits, " s")


def table(
    rows: list[Row], measured: dict[Pair, dict[str, Sample]], sizes: tuple[int, int]
) -> tuple[list[str], dict[str, list[float]]]:
    lines = [
        "| measure | target | ratio min / **median** / max | dti | reference | met |",
        "| --- | --- | --: | --: | --: | :-: |",
    ]
    figures = {}
    for row in rows:
        samples = measured[(row.top, row.bottom)]
        spread = ratio(row, samples)
        figures[row.name] = spread.as_list()
        unit = " s" if row.bottom is None else "×"
        target = "" if row.target is None else f"≤ {row.target:g}{unit}"
        met = "" if row.target is None else ("yes" if spread.median <= row.target else "**no**")
        case = row.case.format(small=f"{sizes[0]:,}", large=f"{sizes[1]:,}")
        digits = 3 if row.bottom is None and spread.high < 0.1 else 2
        lines.append(
            f"| {case} (`{row.name}`) | {target} | {spread.shown(digits, unit)} | "
            f"{side(row.top, samples, row.memory)} | {side(row.bottom, samples, row.memory)} | {met} |"
        )
    return lines, figures


def check(figures: dict[str, list[float]], sizes: tuple[int, int]) -> list[str]:
    """The measures slower than recorded by more than the recorded spread."""
    if not RECORDED.exists():
        raise SystemExit(f"no recorded figures: run bench/run.py --record first ({RECORDED.name})")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    if recorded["units"] != list(sizes):
        print(f"(recorded with --units {recorded['units']}: the figures do not compare)")
    slower = []
    for name, (_, median, _) in figures.items():
        if name not in recorded["rows"]:
            print(f"{name}: not recorded")
            continue
        low, was, high = recorded["rows"][name]
        noise = high - low
        verdict = "slower" if median > was + noise else "within noise" if median > was else "not slower"
        print(f"{name}: {median:.3f} against {was:.3f} recorded (noise {noise:.3f}): {verdict}")
        if verdict == "slower":
            slower.append(name)
    return slower


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds after the warm-up (at least 5)")
    parser.add_argument("--only", default="", help="rows to measure, by name (see --list)")
    parser.add_argument("--units", default="10000,100000", help="the small and the large unit counts")
    parser.add_argument("--coinr", action="store_true", help="also time COINr (needs Rscript and COINr)")
    parser.add_argument("--list", action="store_true", help="name the rows and stop")
    parser.add_argument("--record", action="store_true", help=f"keep the figures in {RECORDED.name}")
    parser.add_argument("--check", action="store_true", help="compare with the recorded figures")
    args = parser.parse_args()
    if args.list:
        for row in ROWS:
            print(f"{row.name}: {row.case}")
        return
    if args.repeat < 5:
        parser.error("--repeat: at least 5 rounds")
    small, large = (int(n) for n in args.units.split(","))
    chosen = {n.strip() for n in args.only.split(",") if n.strip()}
    if unknown := chosen - {row.name for row in ROWS}:
        parser.error(f"--only: no row {', '.join(sorted(unknown))} (see --list)")
    with_coinr = args.coinr and shutil.which("Rscript") is not None
    rows = [r for r in ROWS if (r.name in chosen if chosen else r.name != "coinr" or with_coinr)]
    commands = Commands(small, large)
    chosen_pairs = pairs(rows)
    names = dict.fromkeys(name for pair in chosen_pairs for name in pair if name)
    built = {name: commands.build(name) for name in names}
    start_load = load()
    measured = rounds(built, chosen_pairs, args.repeat, ROOT, lambda text: print(text, file=sys.stderr))
    lines, figures = table(rows, measured, (small, large))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; commit {commit.stdout.strip()}; "
        f"{args.repeat} interleaved rounds after a warm-up; "
        f"load average {start_load:.1f} at the start, {load():.1f} at the end.\n"
    )
    print("\n".join(lines))
    if args.record:
        kept = json.loads(RECORDED.read_text(encoding="utf-8"))["rows"] if RECORDED.exists() else {}
        record = {
            "date": dt.date.today().isoformat(),
            "commit": commit.stdout.strip(),
            "units": [small, large],
            "load": [round(start_load, 1), round(load(), 1)],
            "rows": kept | {k: [round(x, 4) for x in v] for k, v in figures.items()},
        }
        RECORDED.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    if args.check and (slower := check(figures, (small, large))):
        raise SystemExit(f"slower than recorded beyond the noise: {', '.join(slower)}")


if __name__ == "__main__":
    main()
