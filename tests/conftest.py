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


def soffice_convert(source: Path, to: str, out_dir: Path) -> Path:
    """`source` converted by LibreOffice headless (`to`: 'xls', 'ods', 'xlsx', 'pdf', 'docx', or a filter such
    as 'xls:"MS Excel 97"'), as an office suite saves it; the converted file in `out_dir`.

    Skipped where LibreOffice is missing, except on CI (CI=true), where .ci/run installs it and its absence
    must fail. Each call has its own LibreOffice profile, so tests running at once do not share one.
    """
    import os
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "soffice is missing: .ci/run installs libreoffice-calc-nogui and libreoffice-writer-nogui"
            )
        pytest.skip("LibreOffice headless (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="soffice-profile-") as profile:
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    target = out_dir / f"{source.stem}.{to.split(':')[0]}"
    if done.returncode != 0 or not target.exists():
        pytest.fail(f"soffice could not convert {source.name} to {to}: {done.stdout} {done.stderr}")
    return target


def hanoi_total_only(path: Path) -> Path:
    """sample_data/published_2023.csv with a DTI column that only Hà Nội (01, the first row) fills, with
    0,5, its nine main indices left empty: a published table where one unit gives its total alone."""
    import csv

    with (SAMPLES / "published_2023.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[0].insert(3, "DTI")
    for row in rows[1:]:
        row.insert(3, "")
    assert rows[1][0] == "01"
    rows[1][3:13] = ["0,5"] + [""] * 9
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path
