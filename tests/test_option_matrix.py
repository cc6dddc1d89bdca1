"""Every option of every command with every format: it works, or it is refused with a message (exit 2).

"works" is checked against the command without the option, in the same format: the output changes
(`new`), or stays the same where the option is documented to leave that format alone (`same`: --lang
and --decimal on json/csv, whose numbers and keys are for programs; an option that repeats what was
guessed). Refusals must say which option and exit 2 before anything is written.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import dti.pipeline
from dti.cli import app

from .conftest import ROOT

pytestmark = pytest.mark.slow  # every option with every output format

EVALUATE = dti.pipeline.evaluate
REGISTERS: dict[int, object] = {}

S = "sample_data/"
Y23, Y24, TARGETS = S + "2023.csv", S + "2024.csv", S + "targets_2025.csv"
REGISTER = "dti/data/provinces_2024.csv"
FORMATS = ("table", "json", "csv", "xlsx")

NEW, SAME, REFUSED, RUNS, EXIT1 = "new", "same", "refused", "runs", "exit 1"
ALL_NEW = dict.fromkeys(FORMATS, NEW)
ALL_SAME = dict.fromkeys(FORMATS, SAME)
ALL_REFUSED = dict.fromkeys(FORMATS, REFUSED)
LABELS = {"table": NEW, "json": SAME, "csv": SAME, "xlsx": NEW}  # --lang, --decimal: tables only
BOM = {"table": REFUSED, "json": REFUSED, "csv": NEW, "xlsx": REFUSED}

SCORE = ["score", Y24]
RANK = ["rank", Y23, Y24]
SPEC = ["spec", "show", "dti-province-2022"]
CASES: list[tuple[list[str], list[str], dict[str, str]]] = [
    (SCORE, ["--by", "NTS"], ALL_NEW),
    (SCORE, ["--unit", "48"], ALL_NEW),
    (SCORE, ["--show", "pillars"], ALL_NEW),
    (SCORE, ["--show", "components"], ALL_NEW),
    (SCORE, ["--show", "main"], {"table": SAME, "json": NEW, "csv": NEW, "xlsx": SAME}),
    (SCORE, ["--previous", Y23], ALL_NEW),
    (SCORE, ["--lang", "en"], LABELS),
    (SCORE, ["--decimal", "dot"], {**LABELS, "xlsx": RUNS}),
    (SCORE, ["--bom"], BOM),
    (SCORE, ["--units", REGISTER], ALL_SAME),  # the bundled register, given by hand
    (SCORE, ["--layout", "long"], ALL_SAME),  # what is detected
    (SCORE, ["--layout", "wide"], dict.fromkeys(FORMATS, EXIT1)),  # the data are not wide
    (SCORE, ["--year", "2023"], ALL_REFUSED),  # 2024.csv says 2024 data: --year is for files that do not
    (SCORE, ["--year", "2024"], ALL_SAME),
    (SCORE, ["--spec", "dti-province-2022"], ALL_SAME),  # the one chosen for 2024 data
    (SCORE, ["--columns", "unit=unit"], ALL_SAME),
    (SCORE, ["--columns", "Điểm DTI=DTI"], ALL_REFUSED),  # no such header: it would be ignored
    (SCORE, ["--sheet", "Sheet1"], ALL_REFUSED),  # a CSV file has no sheets
    (SCORE + ["--unit", "48"], ["--previous", Y23], ALL_NEW),
    (SCORE + ["--unit", "48"], ["--lang", "en"], LABELS),
    (SCORE + ["--unit", "48"], ["--show", "main"], ALL_REFUSED),
    (SCORE + ["--unit", "48"], ["--by", "NTS"], ALL_REFUSED),
    (SCORE + ["--show", "components"], ["--previous", Y23], ALL_REFUSED),
    (SCORE + ["--show", "components"], ["--by", "NTS"], ALL_NEW),
    (SCORE + ["--previous", Y23], ["--by", "NTS"], ALL_NEW),
    (RANK, ["--by", "NTS"], ALL_NEW),
    (RANK, ["--region"], ALL_NEW),
    (RANK, ["--merge", "2025"], ALL_NEW),
    (RANK + ["--merge", "2025"], ["--region"], ALL_NEW),
    (RANK, ["--merge", "2030"], ALL_REFUSED),
    (RANK, ["--top", "5"], ALL_NEW),
    (RANK, ["--unit", "48"], ALL_NEW),
    (RANK + ["--unit", "48"], ["--merge", "2025"], ALL_NEW),  # old 48 Đà Nẵng: the new Đà Nẵng
    (RANK + ["--unit", "Đà Nẵng"], ["--merge", "2025"], ALL_NEW),
    (RANK + ["--unit", "48"], ["--by", "NTS"], ALL_REFUSED),
    (RANK + ["--unit", "48"], ["--top", "5"], ALL_REFUSED),
    (RANK + ["--unit", "48"], ["--region"], ALL_REFUSED),
    (RANK, ["--years", "2023,2024"], ALL_SAME),  # what the file names say
    (RANK, ["--lang", "en"], LABELS),
    (RANK, ["--decimal", "dot"], {**LABELS, "xlsx": RUNS}),
    (RANK, ["--bom"], BOM),
    (RANK, ["--spec", "dti-province-2022"], ALL_SAME),
    (RANK, ["--units", REGISTER], ALL_SAME),
    (RANK, ["--layout", "long"], ALL_SAME),
    (RANK, ["--columns", "unit=unit"], ALL_SAME),
    (RANK, ["--columns", "Điểm DTI=DTI"], ALL_REFUSED),
    (RANK, ["--sheet", "Sheet1"], ALL_REFUSED),
    (["targets", TARGETS], ["--by", "responsible"], ALL_NEW),
    (["targets", TARGETS], ["--by", "group"], {"table": SAME, "json": NEW, "csv": NEW, "xlsx": SAME}),
    (["targets", TARGETS], ["--lang", "en"], ALL_NEW),  # json and csv carry the status label
    (["targets", TARGETS], ["--fail-on", "not-met"], dict.fromkeys(FORMATS, EXIT1)),
    (["targets", TARGETS], ["--sheet", "Sheet1"], ALL_REFUSED),
    (["targets", TARGETS], ["--bom"], BOM),
    (["validate", Y24], ["--strict"], dict.fromkeys(FORMATS, EXIT1)),  # 108 warnings
    (["validate", Y24], ["--max-issues", "5"], ALL_NEW),
    (["validate", Y24], ["--lang", "en"], LABELS),
    (["validate", Y24], ["--bom"], BOM),
    (["validate", Y24], ["--spec", "dti-province-2022"], ALL_SAME),
    (["validate", Y24], ["--units", REGISTER], ALL_SAME),
    (["validate", Y24], ["--layout", "long"], ALL_SAME),
    (["validate", Y24], ["--year", "2023"], ALL_REFUSED),  # the file says 2024
    (["validate", Y24], ["--columns", "Điểm DTI=DTI"], ALL_REFUSED),
    (["validate", Y24], ["--sheet", "Sheet1"], ALL_REFUSED),
    (SPEC, ["--depth", "1"], {"table": NEW, "json": REFUSED, "csv": NEW, "xlsx": NEW}),
    (SPEC, ["--lang", "en"], LABELS),
    (SPEC, ["--decimal", "dot"], {**LABELS, "xlsx": RUNS}),  # 12,5 points -> 12.5
    (SPEC, ["--bom"], BOM),
    (["spec", "list"], ["--lang", "en"], LABELS),
    (["spec", "list"], ["--bom"], BOM),
]


def _content(data: bytes) -> bytes:
    """A workbook's sheets, strings and styles (not its timestamps)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return b"".join(book.read(n) for n in sorted(book.namelist()) if not n.startswith("docProps"))


@functools.cache
def run(args: tuple[str, ...], fmt: str, tmp: Path) -> tuple[int, bytes, str]:
    """Exit code, the output (stdout, or the workbook's content) and stderr of one command."""
    extra = ["--format", fmt]
    target = tmp / f"{abs(hash(args))}.xlsx"
    if fmt == "xlsx":
        extra += ["-o", str(target)]
    result = CliRunner().invoke(app, [*args, *extra])
    output = result.stdout_bytes
    if fmt == "xlsx" and target.exists():
        output = _content(target.read_bytes())
        target.unlink()
    return result.exit_code, output, result.stderr


@pytest.fixture(autouse=True)
def same_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline is pure: a file read with the same arguments is read once for the whole matrix
    (what is tested here is what the commands do with their options)."""
    import dti.pipeline

    monkeypatch.setattr(dti.pipeline, "evaluate", _evaluate)


@functools.cache
def _cached(paths: tuple[Path, ...], spec: int, register: int, frozen: tuple[Any, ...]) -> Any:
    options = dict(frozen)
    options["columns"] = dict(options["columns"] or ())
    return EVALUATE(list(paths), REGISTERS[spec], REGISTERS[register], **options)


def _evaluate(paths: list[Path], spec: object = None, register: object = None, **options: Any) -> Any:
    # a register, and the --spec, are read once per command (common.register, common.spec_of): one id each
    REGISTERS[id(register)], REGISTERS[id(spec)] = register, spec
    options["columns"] = tuple(sorted((options.get("columns") or {}).items()))
    return _cached(tuple(paths), id(spec), id(register), tuple(sorted(options.items())))


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matrix")


@pytest.mark.parametrize(("base", "option", "expected"), CASES, ids=[" ".join(c[0] + c[1]) for c in CASES])
def test_option_with_every_format(
    base: list[str], option: list[str], expected: dict[str, str], tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    for fmt in FORMATS:
        code, out, err = run((*base, *option), fmt, tmp)
        want = expected[fmt]
        if want == REFUSED:
            assert code == 2 and out == b"", (fmt, err)
            assert err.strip(), fmt  # a message says why
            continue
        if want == EXIT1:  # the issues or the review, on stdout or stderr
            assert code == 1 and (out or err), fmt
            continue
        assert code == 0, (fmt, err)
        assert out, fmt
        if want == RUNS:
            continue
        before_code, before, _ = run(tuple(base), fmt, tmp)
        assert before_code == 0
        assert (out == before) == (want == SAME), f"{fmt}: expected {want}"


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", [SCORE, RANK, ["targets", TARGETS], ["validate", Y24], SPEC])
def test_output_file_holds_what_stdout_shows(
    command: list[str], fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    piped = CliRunner().invoke(app, [*command, "--format", fmt])
    target = tmp_path / f"out.{fmt}.txt"  # not .csv: no BOM
    written = CliRunner().invoke(app, [*command, "--format", fmt, "-o", str(target)])
    assert piped.exit_code == written.exit_code == 0 and written.stdout == ""
    assert target.read_bytes() == piped.stdout_bytes


def test_csv_file_for_excel_begins_with_a_bom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "scores.CSV"
    assert CliRunner().invoke(app, [*SCORE, "--format", "csv", "-o", str(target)]).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf"unit","name",') and "Hà Tĩnh".encode() in data
    piped = CliRunner().invoke(app, [*SCORE, "--format", "csv"])
    assert piped.stdout_bytes.startswith(b'"unit","name",')  # stdout: no BOM unless asked
    target = tmp_path / "plain.csv"
    assert CliRunner().invoke(app, [*SCORE, "--format", "csv", "--no-bom", "-o", str(target)]).exit_code == 0
    assert target.read_bytes().startswith(b'"unit","name",')


def test_xlsx_needs_an_xlsx_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*SCORE, "--format", "xlsx"])
    assert result.exit_code == 2 and "-o TỆP.xlsx" in result.stderr and result.stdout == ""
    result = CliRunner().invoke(app, [*SCORE, "--format", "xlsx", "-o", str(tmp_path / "a.csv")])
    assert result.exit_code == 2 and "xlsx trái với -o a.csv, tên của một tệp csv" in result.stderr
    assert not (tmp_path / "a.csv").exists()


def test_merged_provinces_rank_within_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*RANK, "--merge", "2025", "--region", "--format", "json"])
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert len(units) == 34
    # Gia Lai (old Gia Lai, Tây Nguyên + Bình Định, coast) keeps Gia Lai's name: Tây Nguyên; Tây Ninh
    # (Tây Ninh, Đông Nam Bộ + Long An, Mekong delta): Đông Nam Bộ. Huế is Thừa Thiên Huế alone.
    assert units["Gia Lai"]["region"] == "Tây Nguyên" and units["Tây Ninh"]["region"] == "Đông Nam Bộ"
    assert units["Huế"]["region"] == "Bắc Trung Bộ và duyên hải miền Trung"
    assert "7 tỉnh mới gộp từ các tỉnh cũ thuộc hai vùng" in result.stderr  # in the default vi
    for region in {u["region"] for u in units.values()}:
        ranks = sorted(u["region_rank"] for u in units.values() if u["region"] == region)
        assert ranks[0] == 1 and ranks[-1] <= len(ranks)  # competition ranks within the region


def test_rank_shows_the_warning_counts_and_the_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*RANK, "--by", "NTS"])
    # the sample's warnings (as dti score counts them), one line per file, with the command to list them
    assert "sample_data/2023.csv: 104 cảnh báo" in result.stderr  # in the default vi
    assert "(chi tiết: dti validate sample_data/2024.csv)" in result.stderr
    assert "NTS 2023" in result.stdout and "NTS 2024" in result.stdout
