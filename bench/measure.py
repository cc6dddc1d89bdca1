"""How bench/run.py measures: interleaved rounds (A B A B …), each side's min / median / max, the load.

A round runs each measure's pair of commands back to back (dti, then its reference), measure after
measure; a ratio is taken within a pair (this round's dti over the reference run just after it), so a
load that moves between rounds moves both sides of a ratio. Processes run under a small launcher that
reports their wall time and peak memory (os.wait4); in-process measures (a Python callable) are timed
in the bench's own process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""

Command = list[str] | Callable[[], object]  # a process to run, or a call to time in this process


@dataclass(frozen=True)
class Spread:
    low: float
    median: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(min(values), statistics.median(values), max(values))

    def shown(self, digits: int = 2, unit: str = "") -> str:
        return f"{self.low:.{digits}f} / **{self.median:.{digits}f}** / {self.high:.{digits}f}{unit}"

    def as_list(self) -> list[float]:
        return [self.low, self.median, self.high]


@dataclass
class Sample:
    seconds: list[float]
    megabytes: list[float]


def load() -> float:
    """The 1-minute load average (what else the machine was doing)."""
    return os.getloadavg()[0]


# A process runs as an installed tool runs, from its compiled bytecode: PYTHONDONTWRITEBYTECODE (set in
# some shells and containers) would make every dti run compile its ~90 modules again (~0.1 s), while the
# references' libraries come compiled from their wheels. The warm-up round writes the bytecode.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one run of a command as a child process."""
    launcher = [sys.executable, "-c", LAUNCHER, *args]
    report = subprocess.run(launcher, capture_output=True, text=True, cwd=cwd, env=ENVIRONMENT)
    elapsed, peak_kb, code = report.stdout.split()
    if int(code) not in (0, 1):  # 1: data issues (warnings), still a whole run
        raise SystemExit(f"{' '.join(args)} failed with exit code {code}")
    return float(elapsed), int(peak_kb) / 1024


def run_call(call: Callable[[], object]) -> tuple[float, float]:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start, 0.0


Pair = tuple[str, str | None]  # a measure's command and its reference (None: an absolute time)


def rounds(
    commands: dict[str, Command], pairs: list[Pair], repeat: int, cwd: Path, progress: Callable[[str], None]
) -> dict[Pair, dict[str, Sample]]:
    """A warm-up round (file cache, imports), then `repeat` rounds; a round runs each pair's two
    commands back to back (A B), pair after pair, so each ratio compares runs seconds apart."""
    samples = {pair: {name: Sample([], []) for name in pair if name} for pair in pairs}
    for r in range(repeat + 1):
        for pair in pairs:
            for name in pair:
                if name is None:
                    continue
                command = commands[name]
                seconds, megabytes = run_call(command) if callable(command) else run_process(command, cwd)
                if r:
                    samples[pair][name].seconds.append(seconds)
                    samples[pair][name].megabytes.append(megabytes)
        progress(f"round {r}/{repeat} done (load {load():.1f})" if r else "warm-up done")
    return samples
