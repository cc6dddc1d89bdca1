"""dti in CI as a new user met it (issue 29, second round): --strict said in every format, a file's year
from its folders, column positions of text files, submission-wide issues without a file, git's refusals."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app

from .conftest import ROOT

runner = CliRunner()
VALID = "sample_data/2024.csv"  # valid, with warnings (missing values, shares above 100 %)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _validate(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stdout


def test_strict_warnings_fail_in_every_format() -> None:
    code, out = _validate(VALID, "--strict", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["valid"] is False and data["strict"] is True
    warnings = data["summary"]["warnings"]
    assert data["summary"]["errors"] == 0 and warnings > 0

    code, out = _validate(VALID, "--strict", "--format", "junit")
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert code == 1 and int(suite.get("failures", "0")) == warnings
    assert not suite.findall(".//system-out")  # every warning is a failure, none left as output

    code, out = _validate(VALID, "--strict", "--format", "sarif")
    run = json.loads(out)["runs"][0]
    assert code == 1 and run["invocations"] == [{"executionSuccessful": False}]
    assert {r["level"] for r in run["results"]} == {"warning"}  # the issue's own level stays

    code, out = _validate(VALID, "--strict", "--format", "github")
    assert code == 1 and out.count("::error") == warnings and "::warning" not in out

    code, out = _validate(VALID, "--strict", "--format", "markdown", "--lang", "en")
    assert code == 1 and out.startswith("### ❌ DTI submission check: invalid: 1 file, 0 errors")
    assert f"Run with --strict: {warnings} warnings count as failures" in out
    assert "No errors." not in out  # the warnings are listed as what to fix

    code, out = _validate(VALID, "--strict", "--lang", "en")
    assert code == 1 and "invalid: 0 error" in out and "Run with --strict" in out


def test_without_strict_the_same_file_is_valid() -> None:
    code, out = _validate(VALID, "--format", "json")
    assert code == 0 and json.loads(out)["valid"] is True and "strict" not in json.loads(out)
    code, out = _validate(VALID, "--format", "sarif")
    assert json.loads(out)["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    code, out = _validate(VALID, "--format", "github")
    assert "::error" not in out and "::warning" in out


def _two_departments(folder: Path) -> list[str]:
    """Two offices' files of one unit (Đà Nẵng, 48), each with some indicators: the unit lacks the rest."""
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / "so-thong-tin-va-truyen-thong.csv", folder / "so-ke-hoach-va-dau-tu.csv"
    first.write_text("Mã đơn vị,Tên đơn vị,Chỉ số,Giá trị\n48,Đà Nẵng,HTS.04,Có\n48,Đà Nẵng,HTS.07,7\n")
    second.write_text("Mã đơn vị;Tên đơn vị;Chỉ số;Giá trị\n48;Đà Nẵng;NTS.02;4\n48;Đà Nẵng;HTS.06;100%\n")
    return [str(first), str(second)]


def test_a_submission_wide_warning_is_of_no_file(tmp_path: Path) -> None:
    files = [*_two_departments(tmp_path / "2023"), "--spec", "dti-province-2022"]
    code, out = _validate(*files, "--format", "junit", "--lang", "en")
    suite = ET.fromstring(out.split("\n", 1)[1])
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert code == 0 and len(cases) == 3  # the two files, and the submission's own case
    assert "missing-value" in (cases["(the whole submission)"].findtext("system-out") or "")
    assert not any(case.findall("system-out") for name, case in cases.items() if name.endswith(".csv"))

    code, out = _validate(*files, "--format", "github", "--lang", "en")
    assert out.startswith("::warning::[missing-value] unit 48 has no row for")  # no file=

    code, out = _validate(*files, "--format", "sarif")
    (found,) = json.loads(out)["runs"][0]["results"]
    assert found["ruleId"] == "missing-value" and "locations" not in found


@pytest.mark.slow
def test_changed_with_an_unknown_ref_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git = ["git", "-c", "user.name=Sở TT&TT", "-c", "user.email=sotttt@example.vn"]
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    _two_departments(tmp_path / "2023")
    subprocess.run([*git, "-C", str(tmp_path), "add", "."], check=True)
    subprocess.run([*git, "-C", str(tmp_path), "commit", "-q", "-m", "số liệu 2023"], check=True)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "--changed", "nosuchref", "--lang", "en"])
    assert result.exit_code == 2
    assert "no branch, tag or commit named 'nosuchref'" in result.stderr and "git fetch" in result.stderr
    assert "usage" not in result.stderr and "<revision>" not in result.stderr  # never git's own text


def test_a_files_year_comes_from_its_folder_however_it_is_given(tmp_path: Path) -> None:
    """Sở TT&TT's 922-spec codes in a 2020 folder: the 2020 spec (1726) knows none of them, whether the
    folder or the file is named (as the pre-commit hook and the Action name files)."""
    first, _ = _two_departments(tmp_path / "2020")
    for given in (str(tmp_path / "2020"), first):
        result = runner.invoke(app, ["validate", given, "--format", "json", "--lang", "en"])
        found = json.loads(result.stdout)["issues"]
        assert result.exit_code == 1 and "no year given" not in result.stderr
        assert {i["code"] for i in found} == {"unknown-indicator"}
        assert all("dti-province-2020" in i["message"] for i in found)


def test_files_of_two_years_are_checked_a_year_at_a_time(tmp_path: Path) -> None:
    """A change touching 2023/ and 2024/ (the same office's file each year): each year is a submission
    with its own spec, never every indicator a duplicate of the other year's."""
    files = _two_departments(tmp_path / "2023") + _two_departments(tmp_path / "2024")[:1]
    result = runner.invoke(app, ["validate", *files, "--format", "json", "--lang", "en"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert data["summary"]["by_code"] == {"missing-value": 2}  # unit 48's missing indicators, per year
    assert (
        "each year is checked on its own" in result.stderr and "2023: 2 files, 2024: 1 file" in result.stderr
    )


def test_columns_are_never_character_positions(tmp_path: Path) -> None:
    """`48;Đà Nẵng;NTS.02;bốn`: the value is column D, the 18th character; a CSV's line and the cell's
    letter in the message, never startColumn/col=4. A workbook has no lines: its sheet and cell by name."""
    csv = tmp_path / "2023" / "so-ke-hoach-va-dau-tu.csv"
    csv.parent.mkdir()
    csv.write_text("Mã đơn vị;Tên đơn vị;Chỉ số;Giá trị\n48;Đà Nẵng;NTS.02;bốn\n", encoding="utf-8")
    code, out = _validate(str(csv), "--format", "github", "--lang", "en")
    assert code == 1 and f"::error file={csv},line=2::[non-numeric] D2: 'bốn' is not a number" in out
    assert "col=" not in out
    code, out = _validate(str(csv), "--format", "sarif", "--lang", "en")
    (wrong,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "non-numeric"]
    assert wrong["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert wrong["message"]["text"].startswith("D2: 'bốn' is not a number")

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sở Nội vụ"
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị"])
    sheet.append(["48", "Đà Nẵng", "NTS.02", "bốn"])
    xlsx = tmp_path / "2023" / "so-noi-vu.xlsx"
    book.save(xlsx)
    code, out = _validate(str(xlsx), "--format", "github", "--lang", "en")
    assert f"::error file={xlsx}::[non-numeric] row 2, cell " in out and "line=" not in out
    code, out = _validate(str(xlsx), "--format", "sarif", "--lang", "en")
    (wrong,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "non-numeric"]
    (where,) = wrong["locations"]
    assert "region" not in where["physicalLocation"]
    assert where["logicalLocations"][0]["fullyQualifiedName"].endswith("D2")
