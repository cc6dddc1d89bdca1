"""What bench/run.py measures: the commands (processes or in-process calls) and the rows of its table.

A row is one measure: the `top` command's time (or peak memory) over the `bottom` command's, taken
within each round, with a target; a row without a bottom is an absolute time in seconds.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from measure import Command

HERE = Path(__file__).parent
ROOT = HERE.parent
OUT = HERE / "out"
SPEC = "dti-province-2022"


@dataclass(frozen=True)
class Row:
    name: str  # what --only names
    case: str  # what the table says; {small} and {large} are the unit counts
    target: float | None  # the ratio (or seconds) to stay under; None: shown, not judged
    top: str
    bottom: str | None = None
    memory: bool = False  # peak resident memory instead of wall time


ROWS = [
    Row(
        "score-lib",
        "`score()`, {small} units, data loaded / the numpy reference",
        0.5,
        "score_lib",
        "numpy_ref",
    ),
    Row(
        "csv-large",
        "`dti score` → CSV, {large} units × 98 / pandas `read_csv(dtype=str)`",
        2.0,
        "score_large",
        "pandas_large",
    ),
    Row(
        "csv-small",
        "`dti score` → CSV, {small} units × 98 / the pandas read",
        1.5,
        "score_small",
        "pandas_small",
    ),
    Row("scaling", "scaling {large} / {small} units, `dti score`", 4.0, "score_large", "score_small"),
    Row(
        "scaling-pandas",
        "scaling {large} / {small} units, the pandas read",
        None,
        "pandas_large",
        "pandas_small",
    ),
    Row(
        "memory-large",
        "peak memory, {large} units / the pandas read's",
        2.5,
        "score_large",
        "pandas_large",
        True,
    ),
    Row(
        "report-xlsx",
        "`dti report` → XLSX, {small} units (and a previous year) / `dti score`",
        2.0,
        "report_xlsx",
        "score_small",
    ),
    Row(
        "report-html",
        "`dti report` → HTML, {small} units (and a previous year) / `dti score`",
        1.5,
        "report_html",
        "score_small",
    ),
    Row("gaps-large", "`dti gaps` → CSV, {large} units / the pandas read", 2.0, "gaps_large", "pandas_large"),
    Row(
        "validate-large",
        "`dti validate` → CSV, {large} units / the pandas read",
        2.0,
        "validate_large",
        "pandas_large",
    ),
    Row(
        "xlsx-read",
        "reading the {small}-unit XLSX (a process) / python-calamine's",
        1.5,
        "xlsx_read",
        "calamine_read",
    ),
    Row(
        "xlsx-score",
        "`dti score` of the {small}-unit XLSX / of the same data as CSV",
        1.5,
        "score_xlsx",
        "score_small",
    ),
    Row(
        "sample",
        "`dti score sample_data/2024.csv` (63 provinces) / `python -c 'import pandas'`",
        1.2,
        "sample",
        "import_pandas",
    ),
    Row("robust", "`robust` 10,000 draws × 63 provinces, in process (seconds)", 1.0, "robust_63"),
    Row("help", "`dti --help` (seconds)", 0.15, "help"),
    Row("coinr", "`dti score` {small} units / COINr (R), whole processes", 0.5, "score_small", "coinr"),
]


class Commands:
    """The commands of a run, each built (and its input generated) only when a chosen row needs it."""

    def __init__(self, small: int, large: int) -> None:
        self.small, self.large = small, large

    def build(self, name: str) -> Command:
        return getattr(self, f"_{name}")()  # type: ignore[no-any-return]

    def _files(self, n: int) -> tuple[Path, Path]:
        from generate import generate

        data, register = OUT / f"data_{n}.csv", OUT / f"units_{n}.csv"
        return (data, register) if data.exists() and register.exists() else generate(n, SPEC, OUT)

    def _dti(self, command: str, n: int, *extra: str) -> list[str]:
        data, register = self._files(n)
        dti = [sys.executable, "-m", "dti", command, str(data)]
        return [*dti, "--spec", SPEC, "--units", str(register), *extra]

    def _pandas(self, n: int) -> list[str]:
        data = self._files(n)[0]
        return [sys.executable, "-c", f"import pandas; pandas.read_csv({str(data)!r}, dtype=str)"]

    @cached_property
    def _workbook(self) -> Path:
        from generate import workbook

        return workbook(self.small, SPEC, OUT)

    def _report(self, suffix: str) -> list[str]:
        """The report of a year with its previous year (the file names say the years)."""
        from generate import previous

        data, register = self._files(self.small)
        this, prev = OUT / f"xa_{self.small}_2024.csv", OUT / f"xa_{self.small}_2023.csv"
        if not this.exists():
            shutil.copyfile(data, this)
        if not prev.exists():
            previous(self.small, SPEC, OUT).rename(prev)
        dti = [sys.executable, "-m", "dti", "report", str(this), "--previous", str(prev)]
        return [*dti, "--spec", SPEC, "--units", str(register), "-o", str(OUT / f"report.{suffix}")]

    def _score_small(self) -> Command:
        return self._dti("score", self.small, "--format", "csv")

    def _score_large(self) -> Command:
        return self._dti("score", self.large, "--format", "csv")

    def _pandas_small(self) -> Command:
        return self._pandas(self.small)

    def _pandas_large(self) -> Command:
        return self._pandas(self.large)

    def _gaps_large(self) -> Command:
        return self._dti("gaps", self.large, "--format", "csv")

    def _validate_large(self) -> Command:
        return self._dti("validate", self.large, "--format", "csv")

    def _report_xlsx(self) -> Command:
        return self._report("xlsx")

    def _report_html(self) -> Command:
        return self._report("html")

    def _xlsx_read(self) -> Command:
        code = "from pathlib import Path; from dti.io.xlsx import read_xlsx; read_xlsx(Path({!r}), None)"
        return [sys.executable, "-c", code.format(str(self._workbook))]

    def _calamine_read(self) -> Command:
        code = "import python_calamine as c; c.CalamineWorkbook.from_path({!r})"
        code += ".get_sheet_by_index(0).to_python()"
        return [sys.executable, "-c", code.format(str(self._workbook))]

    def _score_xlsx(self) -> Command:
        register = self._files(self.small)[1]
        return [
            sys.executable,
            "-m",
            "dti",
            "score",
            str(self._workbook),
            "--spec",
            SPEC,
            "--units",
            str(register),
            "--format",
            "csv",
        ]

    def _sample(self) -> Command:
        return [sys.executable, "-m", "dti", "score", "sample_data/2024.csv"]

    def _import_pandas(self) -> Command:
        return [sys.executable, "-c", "import pandas"]

    def _help(self) -> Command:
        return [sys.executable, "-m", "dti", "--help"]

    def _coinr(self) -> Command:
        import subprocess

        subprocess.run([sys.executable, str(HERE / "coinr_meta.py")], check=True, cwd=ROOT)
        data = self._files(self.small)[0]
        return ["Rscript", str(HERE / "coinr.R"), str(data), str(OUT / "coinr_out.csv")]

    @cached_property
    def _loaded(self) -> tuple[object, object]:
        from dti.engine.build import read_submission
        from dti.io.register import UnitRegister
        from dti.spec import load_spec

        spec = load_spec(SPEC)
        data, register = self._files(self.small)
        return spec, read_submission(data, spec, UnitRegister.read(register))

    def _score_lib(self) -> Command:
        from dti.engine.scoring import score

        spec, submission = self._loaded
        return lambda: score(spec, submission)  # type: ignore[arg-type]

    def _numpy_ref(self) -> Command:
        from reference import numpy_reference, reference_cells

        spec, submission = self._loaded
        return numpy_reference(spec, reference_cells(spec, submission))  # type: ignore[arg-type]

    def _robust_63(self) -> Command:
        from robust import provinces

        from dti.analysis import robust

        result, settings = provinces(), robust.Settings(draws=10_000)
        return lambda: robust.analyse(robust.build(result, settings), settings)


def pairs(rows: list[Row]) -> list[tuple[str, str | None]]:
    """Each row's (command, reference) once: rows of the same pair (time and memory) share its runs."""
    return list(dict.fromkeys((row.top, row.bottom) for row in rows))
