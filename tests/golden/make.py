"""Regenerate the golden files: `python tests/golden/make.py` (only when an output changes on purpose).

Each golden file is the stdout of one command on the bundled sample data, pinned before the pipeline
redesign (issue 10). A commit that regenerates one must say which output changed and why.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent
HERE = Path(__file__).parent

# name -> dti arguments (run from the repository root)
CASES: dict[str, list[str]] = {
    "score_2024.json": ["score", "sample_data/2024.csv", "--format", "json"],
    "score_2024.csv": ["score", "sample_data/2024.csv", "--format", "csv"],
    "score_2024_previous.json": [
        "score",
        "sample_data/2024.csv",
        "--previous",
        "sample_data/2023.csv",
        "--format",
        "json",
    ],
    "rank_2023_2024.json": ["rank", "sample_data/2023.csv", "sample_data/2024.csv", "--format", "json"],
    "rank_2023_2024_merge.json": [
        "rank",
        "sample_data/2023.csv",
        "sample_data/2024.csv",
        "--merge",
        "2025",
        "--format",
        "json",
    ],
    "rank_published_2023_2024.json": [
        "rank",
        "sample_data/published_2023.csv",
        "sample_data/2024.csv",
        "--format",
        "json",
    ],
    "validate_broken.json": [
        "validate",
        "sample_data/broken/corrupt.xlsx",
        "sample_data/broken/no_value_column.csv",
        "sample_data/broken/scores.ods",
        "sample_data/broken/scores.pdf",
        "sample_data/broken/submission.csv",
        "--format",
        "json",
    ],
    "targets_2025.json": ["targets", "sample_data/targets_2025.csv", "--format", "json"],
    # pinned before issue 21 (one vocabulary, one register, the library owns the year)
    "gaps_48.json": [
        "gaps",
        "sample_data/2024.csv",
        "--owners",
        "sample_data/owners.csv",
        "--unit",
        "48",
        "--format",
        "json",
    ],
    "gaps_owners.json": [
        "gaps",
        "sample_data/2024.csv",
        "--owners",
        "sample_data/owners.csv",
        "--format",
        "json",
    ],
    "gaps_48_whatif.json": [
        "gaps",
        "sample_data/2024.csv",
        "--owners",
        "sample_data/owners.csv",
        "--unit",
        "48",
        "--assume",
        "HTS.01=90%",
        "--close",
        "2",
        "--format",
        "json",
    ],
    "calendar_2026.json": [
        "calendar",
        "--owners",
        "sample_data/owners.csv",
        "--spec",
        "dti-province-2022",
        "--received",
        "sample_data/received_2026.csv",
        "--today",
        "25/11/2026",
        "--format",
        "json",
    ],
    "tasks_2026.json": ["tasks", "sample_data/tasks_2026.csv", "--today", "25/11/2026", "--format", "json"],
    "tasks_2026_by.json": [
        "tasks",
        "sample_data/tasks_2026.csv",
        "--today",
        "25/11/2026",
        "--by",
        "responsible",
        "--format",
        "json",
    ],
    "targets_2025_by.json": [
        "targets",
        "sample_data/targets_2025.csv",
        "--by",
        "responsible",
        "--format",
        "json",
    ],
    "robust_2024.json": [
        "robust",
        "sample_data/2024.csv",
        "--missing",
        "median",
        "--sensitivity",
        "--unit",
        "20",
        "--unit",
        "48",
        "--draws",
        "500",
        "--seed",
        "7",
        "--format",
        "json",
    ],
    "score_2024_unit48.json": [
        "score",
        "sample_data/2024.csv",
        "--unit",
        "48",
        "--previous",
        "sample_data/2023.csv",
        "--format",
        "json",
    ],
    "spec_show_2022.json": ["spec", "show", "dti-province-2022", "--format", "json"],
}


def run(args: list[str]) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "dti", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    return done.returncode, done.stdout


if __name__ == "__main__":
    for name, args in CASES.items():
        code, text = run(args)
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"{name}: exit {code}, {len(text)} chars")
