from __future__ import annotations

from pathlib import Path

import pytest

from dti.spec import Spec, load_spec

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_data"


@pytest.fixture(scope="session")
def spec2022() -> Spec:
    return load_spec("dti-province-2022")


@pytest.fixture(scope="session")
def spec2020() -> Spec:
    return load_spec("dti-province-2020")


@pytest.fixture(autouse=True)
def _full_width_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables written to a pipe fit COLUMNS when it is set: tests see the full width whatever the shell."""
    monkeypatch.delenv("COLUMNS", raising=False)
