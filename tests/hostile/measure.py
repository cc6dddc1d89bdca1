"""Run every case of the hostile corpus as a process under /usr/bin/time -v; print the README's figures.

Run by hand (not in CI): `.venv/bin/python tests/hostile/measure.py` (Linux, GNU time). Each case is
built in a temporary directory, run once as `python -m dti ...`, and judged as the corpus test judges it
(exit code, no traceback, the expected issue codes, nothing unsafe written).
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.hostile import make  # noqa: E402
from tests.test_hostile_corpus import check_output  # noqa: E402

TIME = "/usr/bin/time"
BIG_UNITS = 14_000  # a wide CSV of 14,000 units is just under 10 MB
CAP_UNITS = 24_000  # × 100 columns: an xlsx just under the 2,500,000-cell cap, under 10 MB zipped


def big_csv(directory: Path) -> None:
    """The largest CSV of at most 10 MB: a wide file of 14,000 units and its register (bench/generate.py)."""
    from bench.generate import generate

    data, register = generate(BIG_UNITS, "dti-province-2022", directory)
    data.rename(directory / "2024.csv")
    register.rename(directory / "units.csv")


def cell_cap_xlsx(directory: Path) -> None:
    """An xlsx of 24,000 units × 100 columns (2.4 million cells, under the cell cap), as numbers."""
    import csv

    big_csv(directory)
    with open(directory / "2024.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[: CAP_UNITS + 1]
    (directory / "2024.csv").unlink()
    xml = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{make.column_letter(c)}{r}"
            number = value.replace(",", ".").removesuffix("%")
            try:
                cells.append(make.cell(ref, float(number) / (100 if value.endswith("%") else 1)))
            except ValueError:
                cells.append(make.cell(ref, value))
        xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = make.sheet("".join(xml), dimension=f"A1:{make.column_letter(len(rows[0]) - 1)}{len(rows)}")
    (directory / "2024.xlsx").write_bytes(make.zip_parts(make.xlsx_parts(sheet)))


# The worst inputs of at most 10 MB: too slow to build and run in CI, measured here only.
WORST = [
    make.Case(
        "csv-10mb-14000-units",
        "the largest wide CSV under 10 MB",
        big_csv,
        ("validate", "{dir}/2024.csv", "--spec", "dti-province-2022", "--units", "{dir}/units.csv"),
        0,
        runtime=True,
    ),
    make.Case(
        "xlsx-2.4-million-cells",
        "an xlsx just under the cell cap",
        cell_cap_xlsx,
        ("validate", "{dir}/2024.xlsx", "--spec", "dti-province-2022", "--units", "{dir}/units.csv"),
        0,
        runtime=True,
    ),
    make.Case(  # round 3 (#27): xlrd reads a whole workbook into Python objects
        "xls-6mb-336000-cells",
        "a 6 MB .xls of 24,000 units × 14 columns, numbers (unknown units: exit 1)",
        make.office.big_xls,
        ("validate", "{dir}/2024.xls", "--spec", "dti-province-2022", "--format", "json"),
        1,
        runtime=True,
    ),
]


def run(case: make.Case, directory: Path, stats: Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the case run as a process."""
    command = [TIME, "-v", "-o", str(stats), sys.executable, "-m", "dti", *make.args(case, directory)]
    env = {**os.environ, **case.env}
    log = directory.parent / f"{case.name}.stdout"
    if case.stdout == "closed":
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(
                command, stdout=write, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=300
            )
        finally:
            os.close(write)
        return done.returncode, "", done.stderr.decode("utf-8", "replace")
    log.write_text("written before\n", encoding="utf-8")
    with open("/dev/full" if case.stdout == "full" else log, "ab") as sink:
        done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=300)
    stdout = log.read_text(encoding="utf-8", errors="replace")
    if not stdout.startswith("written before\n"):  # stdout's file was replaced: unsafe
        return -1, stdout, done.stderr.decode("utf-8", "replace")
    return done.returncode, stdout.removeprefix("written before\n"), done.stderr.decode("utf-8", "replace")


def stat(stats: Path, label: str) -> str:
    match = re.search(
        rf"{re.escape(label)}: (.*)", stats.read_text(encoding="utf-8", errors="replace")
    )  # a file name may not be UTF-8
    return match.group(1).strip() if match else ""


def seconds(clock: str) -> float:
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total


def main() -> None:
    """Every case, or those whose names start with the arguments (`measure.py xls- ods-`)."""
    chosen = [c for c in [*make.CASES, *WORST] if not sys.argv[1:] or c.name.startswith(tuple(sys.argv[1:]))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in chosen:
            directory = make.build(case, Path(tmp) / case.name)
            size = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file() and not p.is_symlink())
            stats = Path(tmp) / f"{case.name}.time"
            code, stdout, stderr = run(case, directory, stats)
            # a wrapped process that died of a signal: GNU time says so and exits 128 + n
            judged = "ok"
            try:
                assert code == case.exit, f"exit {code}, expected {case.exit}"
                check_output(case, stdout, stdout + stderr, directory)
            except AssertionError as exc:
                judged = str(exc).splitlines()[0][:100] or "check failed"
            crash = code == 4 or "Traceback" in stderr
            rss = int(stat(stats, "Maximum resident set size (kbytes)") or 0) / 1024
            wall = seconds(stat(stats, "Elapsed (wall clock) time (h:mm:ss or m:ss)") or "0")
            cpu = float(stat(stats, "User time (seconds)") or 0) + float(
                stat(stats, "System time (seconds)") or 0
            )
            rows.append((case, size, code, judged, crash, rss, wall, cpu))
            print(
                f"{case.name:32} {case.kind:7} {size:>10,} B exit {code} "
                f"{rss:7.0f} MB {wall:6.2f} s {cpu:6.2f} s CPU  {judged}"
            )
    ok = [r for r in rows if r[3] == "ok"]
    crashes = [r for r in rows if r[4]]
    wrong = [r for r in rows if r[3] != "ok" and not r[4] and r[0].kind == "wrong"]
    unsafe = [r for r in rows if r[3] != "ok" and not r[4] and r[0].kind == "unsafe"]
    small = [r for r in rows if r[1] <= 10 * 1024 * 1024]
    worst_memory = max(small, key=lambda r: r[5])
    worst_time = max(small, key=lambda r: r[6])
    worst_cpu = max(small, key=lambda r: r[7])
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| figure | target | measured |")
    print("| --- | --- | --: |")
    print(f"| inputs tried (tests/hostile/make.py, and {len(WORST)} of 10 MB) | — | {len(rows)} |")
    print(f"| handled as expected | all | {len(ok)} / {len(rows)} |")
    print(f"| exit-4 crashes | 0 | {len(crashes)} |")
    print(f"| silently wrong results | 0 | {len(wrong)} |")
    print(f"| unsafe behaviours | 0 | {len(unsafe)} |")
    print(
        f"| peak memory, worst input ≤ 10 MB | ≤ 500 MB | "
        f"{worst_memory[5]:.0f} MB (`{worst_memory[0].name}`) |"
    )
    print(f"| time, worst input ≤ 10 MB | ≤ 10 s | {worst_time[6]:.1f} s (`{worst_time[0].name}`) |")
    print(f"| CPU time, worst input ≤ 10 MB | ≤ 10 s | {worst_cpu[7]:.1f} s (`{worst_cpu[0].name}`) |")
    for r in rows:
        if r[3] != "ok":
            print(f"NOT AS EXPECTED: {r[0].name}: {r[3]}")


if __name__ == "__main__":
    main()
