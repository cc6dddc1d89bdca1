"""Golden end-to-end files: every command's output on the sample data, pinned before the redesign.

Numbers are compared to 1e-9 relative (summation order may change the last bits), everything else
exactly. Regenerate with `python tests/golden/make.py` only when an output changes on purpose.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dti.cli import app

from .golden.make import CASES, ROOT

GOLDEN = Path(__file__).parent / "golden"
EXIT = {"validate_broken.json": 2}


def same(a: Any, b: Any, where: str = "") -> None:
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, int | float) and isinstance(b, int | float), f"{where}: {a!r} != {b!r}"
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), f"{where}: {a!r} != {b!r}"
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{where}: lengths differ"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def _cell(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text


@pytest.mark.parametrize("name", list(CASES))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, CASES[name])
    assert result.exit_code == EXIT.get(name, 0), result.output
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        same(json.loads(result.stdout), json.loads(expected))
    else:
        got = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(result.stdout))]
        want = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(expected))]
        same(got, want)


def test_golden_files_exist() -> None:
    assert sorted(p for p in os.listdir(GOLDEN) if p != "__pycache__") == sorted(
        [*CASES, "make.py", "__init__.py"]
    )
