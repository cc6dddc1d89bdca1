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
        "sample_data/broken/submission.csv",
        "--format",
        "json",
    ],
    "targets_2025.json": ["targets", "sample_data/targets_2025.csv", "--format", "json"],
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
