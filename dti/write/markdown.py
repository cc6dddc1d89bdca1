"""A Markdown summary for CI job summaries and merge-request comments: a verdict, a table of files with
their errors and warnings, then the errors, in Vietnamese or English."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dti.issues import Report, Severity
from dti.words import Lang, say, word
from dti.write.files import printable
from dti.write.junit import by_file

# Markdown would read these (a '|' ends a cell, '<b>' is HTML, '@name' pings someone in a comment): a
# cell holds what a submitted file wrote, so each is written as a character, never as markup.
_ESCAPED = re.compile(r"([\\`*_\[\]|~#!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;"}


def cell(text: object) -> str:
    """Text for a table cell: on one line, Markdown and HTML characters escaped."""
    flat = " ".join(printable(str(text)).split())
    return "".join(_ENTITIES.get(ch, ch) for ch in _ESCAPED.sub(r"\\\1", flat))


def row(*cells: object) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def dumps(report: Report, files: Sequence[str], lang: Lang = "vi", limit: int | None = None) -> str:
    """The summary; at most `limit` errors listed (the counts are of every issue)."""
    every = Report(report.issues)  # counted and listed from every issue, not only the shown ones
    every.strict = report.strict
    grouped = by_file(every, files, lang)
    errors = sum(1 for issues in grouped.values() for i in issues if i.severity is Severity.ERROR)
    warnings = sum(len(issues) for issues in grouped.values()) - errors
    verdict = "ci.verdict-valid" if report.valid else "ci.verdict-invalid"
    mark = "✅" if report.valid else "❌"
    counts = {"files": len(grouped), "errors": errors, "warnings": warnings}
    lines = [f"### {mark} {cell(word('ci.title', lang))}: {cell(say(verdict, lang, **counts))}", ""]
    if report.strict and warnings:
        lines += [cell(say("ci.strict-warnings", lang, warnings=warnings)), ""]
    lines += [row(*(word(k, lang) for k in ("ci.file", "ci.errors", "ci.warnings"))), "| --- | ---: | ---: |"]
    for name, issues in grouped.items():
        wrong = sum(1 for i in issues if i.severity is Severity.ERROR)
        lines.append(row(name, wrong, len(issues) - wrong))
    lines += [f"| **{cell(word('ci.total', lang))}** | **{errors}** | **{warnings}** |", ""]
    lines += [f"#### {cell(word('ci.errors-heading', lang))}", ""]
    listed = [i for i in every.shown() if every.fails(i)]
    if limit is not None:
        listed = listed[:limit]
    if not listed:
        return "\n".join([*lines, word("ci.no-errors", lang)])
    keys = ("ci.file", "ci.row", "ci.cell", "ci.code", "ci.message")
    lines += [row(*(word(k, lang) for k in keys)), "| --- | ---: | --- | --- | --- |"]
    for each in listed:
        place = f"{each.sheet}!{each.cell}" if each.sheet and each.cell else each.cell
        lines.append(
            row(
                each.file or word("ci.no-file", lang), each.row or "", place or "", each.code, each.text(lang)
            )
        )
    failing = sum(1 for i in every.issues if every.fails(i))
    if failing > len(listed):
        lines += ["", cell(say("ci.more-errors", lang, count=failing - len(listed)))]
    return "\n".join(lines)
