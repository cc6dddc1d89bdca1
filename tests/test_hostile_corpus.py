"""The hostile corpus (#13), run through the CLI: every case exits as expected, never 4, never with a
traceback; JSON parses when asked for; every error is located; nothing unsafe is written.

The cases, their inputs and their expected exit codes and issue codes are in tests/hostile/make.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.targets import read_targets

from .conftest import ROOT
from .hostile import make
from .hostile.make import CASES, Case
from .test_output_safety import formulas

pytestmark = pytest.mark.slow  # a corpus of hostile files, each also run as a process

runner = CliRunner()
PROPERTIES = {"file", "line", "endLine", "col", "endColumn", "title"}
ANNOTATION = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")


def inputs(case: Case, tmp_path: Path) -> Path:
    """The case's inputs in a directory of their own: copied from the corpus, or built now."""
    directory = tmp_path / case.name
    if case.runtime:
        return make.build(case, directory)
    if (make.CORPUS / case.name).exists():
        shutil.copytree(make.CORPUS / case.name, directory)
    else:  # a case with no input file (a missing file)
        directory.mkdir()
    return directory


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def located(issue: dict[str, Any]) -> bool:
    """An error names its file, and its row when it is about a cell."""
    if issue["severity"] != "error":
        return True
    about_a_cell = issue.get("cell") or issue.get("value") is not None
    return bool(issue.get("file")) and (not about_a_cell or issue.get("row") is not None)


def issues_written(case: Case, stdout: str, directory: Path) -> list[dict[str, Any]] | None:
    """The issues the command reported as data: in its JSON or CSV, or (targets) from the same reader."""
    fmt = case.args[case.args.index("--format") + 1] if "--format" in case.args else "table"
    if case.args[0] == "targets":
        return [i.to_dict() for i in read_targets(Path(make.args(case, directory)[1])).issues]
    if fmt == "json" and stdout.strip() and case.args[0] == "validate":
        return list(strict_json(stdout)["issues"])
    if fmt == "csv" and case.args[0] == "validate":
        rows = list(csv.DictReader(io.StringIO(stdout)))
        return [{k: (v or None) for k, v in row.items()} for row in rows]
    return None


def check_annotations(stdout: str) -> None:
    """Every line is one annotation whose properties are only the known ones: nothing forged."""
    assert "\r" not in stdout
    lines = stdout.splitlines()
    assert lines
    for line in lines:
        match = ANNOTATION.fullmatch(line)
        assert match, line
        for prop in (match.group(2) or "").split(","):
            key, _, value = prop.partition("=")
            assert key in PROPERTIES and ":" not in value, line


def check_output(case: Case, stdout: str, output: str, directory: Path) -> None:
    """The checks every case gets, whatever ran it."""
    assert "Traceback" not in output and "internal error" not in output, output
    assert "lỗi nội bộ" not in output, output
    for text in case.says:
        assert text in output, output
    fmt = case.args[case.args.index("--format") + 1] if "--format" in case.args else "table"
    if fmt == "json" and case.exit in (0, 1) and "-o" not in case.args:
        strict_json(stdout)
    if fmt == "csv":
        assert formulas(stdout) == []
    if fmt == "github":
        check_annotations(stdout)
    written = issues_written(case, stdout, directory)
    if written is not None:
        codes = {str(i["code"]) for i in written}
        assert set(case.codes) <= codes, codes
        assert [i for i in written if not located(i)] == []
    else:
        for code in case.codes:
            assert code in output, output
    assert not list(directory.rglob(".dti-*.tmp"))  # no temporary file left behind


IN_PROCESS = [c for c in CASES if not c.process]
PROCESSES = [c for c in CASES if c.process]


@pytest.mark.parametrize("case", IN_PROCESS, ids=[c.name for c in IN_PROCESS])
def test_case(case: Case, tmp_path: Path) -> None:
    directory = inputs(case, tmp_path)
    before = {p: p.read_bytes() for p in directory.rglob("*") if p.is_file() and not p.is_symlink()}
    result = runner.invoke(app, make.args(case, directory))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exit 4 (internal error): {result.exception!r}") from result.exception
    assert result.exit_code == case.exit, result.output
    check_output(case, result.stdout, result.output, directory)
    for path, content in before.items():  # inputs are never touched
        if path.exists() and path.name != "real.json":
            assert path.read_bytes() == content, path
    if case.name == "output-symlink":
        assert (directory / "out.json").is_symlink()
        strict_json((directory / "real.json").read_text(encoding="utf-8"))
    if case.name == "output-long-name":
        strict_json((directory / make.LONG_NAME).read_text(encoding="utf-8"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("case", PROCESSES, ids=[c.name for c in PROCESSES])
def test_case_as_a_process(case: Case, tmp_path: Path) -> None:
    directory = inputs(case, tmp_path)
    env = {**os.environ, **case.env}
    command = [sys.executable, "-m", "dti", *make.args(case, directory)]
    log = tmp_path / "stdout.log"
    if case.stdout == "closed":
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(
                command, stdout=write, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=60
            )
        finally:
            os.close(write)
        stdout = ""
    else:
        log.write_text("written before\n", encoding="utf-8")
        with open("/dev/full" if case.stdout == "full" else log, "ab") as sink:
            done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=60)
        stdout = log.read_bytes().decode("utf-8")  # UTF-8 whatever PYTHONIOENCODING says
        assert stdout.startswith("written before\n")  # the same file, appended to, never replaced
        stdout = stdout.removeprefix("written before\n")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == case.exit, stderr
    assert len(stderr.splitlines()) <= 1 or case.exit == 0, stderr  # one line, not a traceback
    check_output(case, stdout, stdout + stderr, directory)


def test_the_corpus_is_what_make_py_writes(tmp_path: Path) -> None:
    """The committed inputs are make.py's, byte for byte (after a change: `python tests/hostile/make.py`)."""
    for case in CASES:
        if case.runtime:
            continue
        built = make.build(case, tmp_path / case.name)
        committed = make.CORPUS / case.name
        files = sorted(p.relative_to(built) for p in built.rglob("*"))
        assert files == sorted(p.relative_to(committed) for p in committed.rglob("*")), case.name
        for name in files:
            assert (built / name).read_bytes() == (committed / name).read_bytes(), f"{case.name}/{name}"
    size = sum(p.stat().st_size for p in make.CORPUS.rglob("*") if p.is_file())
    assert size < 96 * 1024  # small on disk: the big inputs are built at test time (an .xls is ≥ 5 KB)


def test_every_case_has_a_unique_name_and_a_sane_exit() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert all(c.exit in (0, 1, 2, 3) for c in CASES)
