"""SARIF 2.1.0 for GitHub code scanning: a rule per issue code (with its help text), a result per issue
with the file (a URI relative to the working folder), a text file's row as its region's line and the
cell in its message (a workbook's cell as a logical location: a binary file has no lines)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from dti.issues import Issue, Report, Severity
from dti.words import Lang, say
from dti.write.files import printable
from dti.write.github import in_text, located

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("dti")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0"


def uri(file: str, root: Path) -> tuple[str, bool]:
    """The file as a URI reference relative to `root` (forward slashes, percent-encoded), and whether it
    is relative; a file on another drive as an absolute file URI."""
    path = Path(printable(file))
    try:
        relative = os.path.relpath(path.absolute(), root.absolute())
    except ValueError:  # another drive (Windows)
        return path.absolute().as_uri(), False
    return quote(Path(relative).as_posix(), safe="/"), True


def location(issue: Issue, root: Path) -> dict[str, object]:
    assert issue.file is not None
    reference, relative = uri(issue.file, root)
    artifact: dict[str, object] = {"uri": reference}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    physical: dict[str, object] = {"artifactLocation": artifact}
    if issue.row and in_text(issue):  # a line; no startColumn: a cell's letter is not its character
        physical["region"] = {"startLine": int(issue.row)}
    found: dict[str, object] = {"physicalLocation": physical}
    if issue.cell and not in_text(issue):  # a workbook has no lines: its sheet and cell, by name
        cell = f"{issue.sheet}!{issue.cell}" if issue.sheet else issue.cell
        found["logicalLocations"] = [{"fullyQualifiedName": printable(cell), "kind": "element"}]
    return found


def result(issue: Issue, index: int, lang: Lang, root: Path) -> dict[str, object]:
    found: dict[str, object] = {
        "ruleId": str(issue.code),
        "ruleIndex": index,
        "level": LEVELS.get(issue.severity, "note"),
        "message": {"text": printable(located(issue, lang)[1])},  # the cell named in it
    }
    if issue.file:
        found["locations"] = [location(issue, root)]
    where = {"sheet": issue.sheet, "cell": issue.cell, "column": issue.column, "unit": issue.unit}
    where |= {"indicator": issue.indicator, "value": issue.value}
    kept = {name: printable(str(value)) for name, value in where.items() if value is not None}
    if kept:
        found["properties"] = kept
    return found


def rule(code: str, lang: Lang) -> dict[str, object]:
    help_text = say(f"ci.rule.{code}", lang)
    return {
        "id": code,
        "name": "".join(part.title() for part in code.split("-")),
        "shortDescription": {"text": help_text.split(":")[0].rstrip(".")},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
    }


def dumps(report: Report, lang: Lang = "vi", root: Path | None = None) -> str:
    shown = report.shown()
    codes = sorted({str(i.code) for i in shown})
    index = {code: n for n, code in enumerate(codes)}
    here = root or Path.cwd()
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dti",
                        "version": version(),
                        "rules": [rule(code, lang) for code in codes],
                    }
                },
                # a result's level is the issue's severity; whether they fail the job (--strict) is here
                "invocations": [{"executionSuccessful": report.valid}],
                "columnKind": "unicodeCodePoints",
                "results": [result(i, index[str(i.code)], lang, here) for i in shown],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
