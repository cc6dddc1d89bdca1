"""dti in CI (issue 29): JUnit, SARIF and Markdown reports, --changed, the pre-commit hooks, the GitHub
Action's script and the recipes of docs/ci.md."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import Failure, JUnitXml
from typer.testing import CliRunner

from dti.cli import app
from dti.cli.options import Format, IssueFormat, output_format
from dti.issues import Issue, IssueCode, Report, Severity
from dti.words import catalogue
from dti.write import github, junit, markdown, sarif

from .conftest import ROOT

runner = CliRunner()
BROKEN = "sample_data/broken/submission.csv"
VALID = "sample_data/2024.csv"  # valid, with warnings (missing values, shares above 100 %)
# The errors of the broken sample (tests/test_validate.py pins them): code, row, column number (A = 1)
ERRORS = {
    ("duplicate-header", 1, 6),
    ("non-numeric", 3, 3),
    ("negative-value", 5, 3),
    ("points-above-max", 6, 3),
    ("unknown-indicator", 9, 2),
    ("invalid-option", 10, 3),
    ("duplicate-entry", 11, 3),
    ("duplicate-entry", 12, 3),
    ("unknown-unit", 13, 1),
    ("node-with-descendants", 14, 3),
    ("node-with-descendants", 15, 3),
    ("value-out-of-range", 16, 3),
    ("unknown-stage", 17, None),  # a stage column's word: the row, no cell
    ("node-with-descendants", 17, 3),
    ("ragged-row", 19, None),
    ("non-numeric", 20, 3),
}
# warnings: encoding, ambiguous C4, above 100 % C4 and C7, no value C8, leading zero A12, blank row 18,
# and three units without rows for some indicators
WARNINGS = 10
SARIF_SCHEMA = json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # SARIF URIs are relative to the working folder


def _validate(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stdout


def junit_cases(path: Path) -> list[Any]:
    """The test cases of a JUnit file as junitparser reads it (a testsuite or a testsuites root)."""
    xml = JUnitXml.fromfile(str(path))
    suites = [xml] if xml._tag == "testsuite" else list(xml)
    return [case for suite in suites for case in suite]


def test_junit_one_case_per_file_one_failure_per_error(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"  # the extension chooses junit
    code, _ = _validate(BROKEN, "-o", str(out), "--lang", "en")
    assert code == 1
    xml = JUnitXml.fromfile(str(out))
    suites = [xml] if xml._tag == "testsuite" else list(xml)
    assert len(suites) == 1
    cases = junit_cases(out)
    assert [c.name for c in cases] == [BROKEN]
    failures = [r for r in cases[0].result if isinstance(r, Failure)]
    assert len(failures) == len(ERRORS) == int(suites[0].failures)
    for failure in failures:
        assert failure.type in {e[0] for e in ERRORS}
        assert failure.message.startswith("row "), failure.message
    cells = {f.message.split(":")[0] for f in failures}
    assert "row 3, cell C3" in cells and "row 13, cell A13" in cells and "row 17" in cells
    assert cases[0].system_out.count("warning: ") == WARNINGS


def test_junit_valid_file_passes_with_its_warnings_as_output(tmp_path: Path) -> None:
    code, out = _validate(VALID, "--format", "junit")
    assert code == 0
    suite = ET.fromstring(out)
    assert suite.tag == "testsuite" and suite.get("failures") == "0" and suite.get("tests") == "1"
    case = suite.find("testcase")
    assert case is not None and case.find("failure") is None
    assert "D89" in (case.findtext("system-out") or "")  # '181,94%' above 100 %


def test_junit_xml_holds_any_text_a_cell_can() -> None:
    odd = Issue(IssueCode.NON_NUMERIC, Severity.ERROR, "'a\x01<b>&' is not a number", file="x\x02.csv", row=2)
    text = junit.dumps(Report([odd]), ["x\x02.csv"], "en")
    failure = ET.fromstring(text).find("testcase/failure")
    assert failure is not None and "<b>&" in (failure.get("message") or "")


def test_sarif_matches_the_schema_and_locates_every_issue(tmp_path: Path) -> None:
    out = tmp_path / "dti.sarif"
    code, _ = _validate(BROKEN, "-o", str(out))
    assert code == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["level"] for r in results].count("error") == len(ERRORS)
    assert [r["level"] for r in results].count("warning") == WARNINGS
    found = set()
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == BROKEN
        region = location.get("region", {})
        assert "startColumn" not in region  # a CSV cell's letter is not the character its text starts at
        cell = result.get("properties", {}).get("cell")
        if cell:
            assert result["message"]["text"].startswith(f"{cell}: ")  # the column said in the message
        if result["level"] == "error":
            found.add((result["ruleId"], region.get("startLine"), github.column_number(cell)))
    assert found == ERRORS
    assert all(rule["help"]["text"] for rule in rules)


def test_every_issue_code_has_a_rule_in_both_languages() -> None:
    words = catalogue()
    for code in IssueCode:
        vi, en = words[f"ci.rule.{code}"]
        assert vi != en


def test_sarif_uri_is_relative_and_encoded(tmp_path: Path) -> None:
    odd = Issue(IssueCode.BLANK_ROW, Severity.WARNING, "blank", file="năm 2024/Sở A#1.csv", row=3)
    log = json.loads(sarif.dumps(Report([odd]), "en", root=Path.cwd()))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "n%C4%83m%202024/S%E1%BB%9F%20A%231.csv"
    assert location["region"] == {"startLine": 3}


def test_markdown_summary_table_then_the_errors() -> None:
    code, out = _validate(BROKEN, VALID, "--format", "markdown", "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("### ❌ DTI submission check: invalid: 2 files, ")
    table = lines[lines.index("| File | Errors | Warnings |") :]
    assert table[1] == "| --- | ---: | ---: |"
    assert table[2].startswith("| sample\\_data/broken/submission.csv | ")  # in the order given
    assert table[3].startswith("| sample\\_data/2024.csv | ")
    assert "| File | Row | Cell | Code | Message |" in lines
    assert "| sample\\_data/broken/submission.csv | 3 | C3 | non-numeric | 'abc' is not a number" in out


def test_markdown_vietnamese_valid() -> None:
    code, out = _validate(VALID, "--format", "markdown")
    assert code == 0
    assert out.startswith("### ✅ Kiểm tra tệp số liệu DTI: hợp lệ: 1 tệp, 0 lỗi, ")
    assert "| Tệp | Lỗi | Cảnh báo |" in out and out.rstrip().endswith("Không có lỗi nào.")


def test_markdown_writes_a_cell_as_text_never_markup() -> None:
    odd = Issue(IssueCode.NON_NUMERIC, Severity.ERROR, "x", file="a|b.csv", row=2, cell="B2")
    odd2 = Issue(
        IssueCode.NON_NUMERIC, Severity.ERROR, "'<img src=x>' @all *bold*\nnext |", file="a.csv", row=3
    )
    text = markdown.dumps(Report([odd, odd2]), ["a|b.csv", "a.csv"], "en")
    assert "| a\\|b.csv | 1 | 0 |" in text
    assert "&lt;img src=x&gt;' &#64;all \\*bold\\* next \\|" in text
    assert all(line.startswith(("|", "#")) or not line for line in text.splitlines())


def test_markdown_lists_at_most_the_limit() -> None:
    many = [Issue(IssueCode.NON_NUMERIC, Severity.ERROR, "x", file="a.csv", row=n) for n in range(2, 12)]
    text = markdown.dumps(Report(many), ["a.csv"], "en", limit=4)
    assert "| a.csv | 10 | 0 |" in text
    assert text.count("| a.csv | ") == 1 + 4
    assert text.rstrip().endswith(
        "… and 6 more errors: see the full report (dti validate --format junit, sarif or json)."
    )


def test_ci_extensions_only_for_validate() -> None:
    assert output_format(IssueFormat.table, Path("r.xml"), given=False) is IssueFormat.junit
    assert output_format(IssueFormat.table, Path("r.SARIF"), given=False) is IssueFormat.sarif
    assert output_format(IssueFormat.table, Path("r.md"), given=False) is IssueFormat.markdown
    assert output_format(Format.table, Path("notes.md"), given=False) is Format.table  # as before


def test_a_format_the_extension_contradicts_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", BROKEN, "--format", "sarif", "-o", str(tmp_path / "r.xml")])
    assert result.exit_code == 2
    assert not (tmp_path / "r.xml").exists()


def test_no_file_and_no_changed_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "--changed" in result.output
