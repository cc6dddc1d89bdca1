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
