"""JUnit XML for the test tabs of GitLab, Jenkins and Azure DevOps: one testsuite, one testcase per file,
one failure per error (with its cell and message; under --strict per warning too); a file's other
warnings go to its system-out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from dti.issues import Issue, Report
from dti.words import Lang, say, word

# XML 1.0 forbids most control characters even escaped: a cell's \x01 would make the report unreadable
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SUITE = "dti validate"


def xml_text(text: str) -> str:
    """`text` with the characters XML cannot hold written as \\xNN; undecodable bytes of a file name too."""
    from dti.write.files import printable

    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", printable(text))


def where(issue: Issue, lang: Lang) -> str:
    """'row 4, cell C4' (with the sheet of a workbook: 'Sheet1!C4'), 'row 17', or ''."""
    if issue.row is None:
        return ""
    if issue.cell:
        cell = f"{issue.sheet}!{issue.cell}" if issue.sheet else issue.cell
        return say("ci.at-cell", lang, row=issue.row, cell=cell)
    return say("ci.at-row", lang, row=issue.row)


def headline(issue: Issue, lang: Lang) -> str:
    """An issue on one line: where, the code and the sentence in `lang`."""
    place = where(issue, lang)
    return f"{place}: [{issue.code}] {issue.text(lang)}" if place else f"[{issue.code}] {issue.text(lang)}"


def by_file(report: Report, files: Sequence[str], lang: Lang) -> dict[str, list[Issue]]:
    """The shown issues per file, every file read listed (a valid file has none); an issue without a file
    under '(no file)'."""
    grouped: dict[str, list[Issue]] = {name: [] for name in files}
    for each in report.shown():
        grouped.setdefault(each.file or word("ci.no-file", lang), []).append(each)
    return grouped


def dumps(report: Report, files: Sequence[str], lang: Lang = "vi") -> str:
    grouped = by_file(report, files, lang)
    errors = sum(1 for issues in grouped.values() for i in issues if report.fails(i))
    suite = ET.Element(
        "testsuite",
        name=SUITE,
        tests=str(len(grouped)),
        failures=str(errors),
        errors="0",
        skipped="0",
        time="0",
    )
    for name, issues in grouped.items():
        case = ET.SubElement(suite, "testcase", name=xml_text(name), classname="dti.validate", time="0")
        for each in issues:
            if report.fails(each):
                failure = ET.SubElement(
                    case, "failure", type=str(each.code), message=xml_text(headline(each, lang))
                )
                failure.text = xml_text(f"{name}: {headline(each, lang)}")
        warnings = [i for i in issues if not report.fails(i)]
        if warnings:
            out = ET.SubElement(case, "system-out")
            label = word("ci.warning-line", lang)
            out.text = "\n".join(xml_text(f"{label}: {name}: {headline(i, lang)}") for i in warnings)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")
