"""dti validate: every problem of the submitted files, for people and for CI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.cli.options import (
    HEADERS_EPILOG,
    INPUTS,
    TABLE_FILES,
    BomOption,
    Inputs,
    IssueFormat,
    IssueFormatOption,
    Lang,
    LangOption,
    OutputOption,
    Writer,
)
from dti.words import note, say

TABLE_ISSUES = 200  # a terminal table of 10,000 rows helps nobody; json, csv and github list them all

if TYPE_CHECKING:
    from dti.issues import Report


@common.command(epilog=HEADERS_EPILOG)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE...",
            help=f"Submissions ({TABLE_FILES}; long or wide layout) or folders; with --changed, at most "
            "one REF.",
            show_default=False,
        ),
    ] = None,
    fmt: IssueFormatOption = IssueFormat.table,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings also make the file invalid (exit 1).")
    ] = False,
    max_issues: Annotated[
        int | None, typer.Option("--max-issues", min=1, help="Show at most N issues.")
    ] = None,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Check the submission files (.csv .xlsx .xlsm .xls .ods .docx) that git says changed: "
            "`git diff --name-only REF...HEAD` with REF the argument (a branch, tag or commit, e.g. "
            "origin/main), plus the staged, unstaged and untracked ones; without REF only the latter.",
        ),
    ] = False,
    output: OutputOption = None,
    lang: LangOption = Lang.vi,
    bom: BomOption = None,
    inputs: Inputs = INPUTS,
) -> None:
    """Check submitted files and report every problem with its file, row, column and cell.

    Example: dti validate sample_data/broken/submission.csv --format github

    Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid data, 2 unreadable input or usage
    error, 3 invalid spec.
    """
    files = chosen(files or [], changed, lang)
    common.check_output(output, files)
    common.check_format(fmt.value, output, bom)
    from dti.issues import Report

    limit = max_issues or (TABLE_ISSUES if fmt in (IssueFormat.table, IssueFormat.markdown) else None)
    if files:
        report, read = checked(files, inputs, limit, lang)
    else:  # --changed and nothing changed: an empty report, so that CI still finds the file it expects
        report, read = Report(max_issues=limit), []
    report.strict = strict  # decided once: every format and the exit code ask report.valid / report.fails
    write(fmt, report, read, Writer(output=output, lang=lang, bom=bom), files)
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    if not report.valid:
        raise typer.Exit(int(ExitCode.INVALID_DATA))


def checked(files: list[Path], inputs: Inputs, limit: int | None, lang: Lang) -> tuple[Report, list[str]]:
    """The report of the files, and the names of the files and sheets read. Files of different years
    (`2023/…` and `2024/…` touched by one change) are checked a year at a time, each year's files as one
    submission with its own spec; --year checks them all as that year's."""
    from dti.issues import Report
    from dti.pipeline import by_year

    groups = [files] if inputs.year is not None else by_year(files)
    if len(groups) > 1:
        years = [note("ci.year-group", year=str(year_of(g) or "?"), count=len(g)) for g in groups]
        common.notes([note("ci.per-year", groups=years)], lang.code)
    report, read = Report(max_issues=limit), []
    for group in groups:
        run = common.evaluate(group, inputs, max_issues=limit, scoring=False)
        common.notes(run.notes, lang.code)  # stderr: how each file was read, which spec was chosen
        read += [s.name for s in run.submission.sources]
        if len(groups) == 1:
            return run.report, read
        report.extend(run.report.issues)
    return report, read


def year_of(group: list[Path]) -> int | None:
    from dti.io.grid import path_year

    return path_year(group[0])


def chosen(files: list[Path], changed: bool, lang: Lang) -> list[Path]:
    """The files to check: those named, or with --changed those git names (the argument is the REF)."""
    if not changed:
        if not files:
            common.refuse("ci.missing-files")
        return files
    if len(files) > 1:
        common.refuse("ci.changed-ref", given=[str(f) for f in files])
    from dti.cli.changed import changed_files

    ref = str(files[0]) if files else None
    found = changed_files(ref)
    since = ref if ref is not None else say("ci.working-tree", lang.code)
    if found:
        common.notes(
            [note("ci.changed-files", count=len(found), ref=since, files=[str(f) for f in found])], lang.code
        )
    else:
        common.notes([note("ci.changed-none", ref=since)], lang.code)
    return found


def write(fmt: IssueFormat, report: Report, read: list[str], writer: Writer, files: list[Path]) -> None:
    """The report in the chosen format, to -o FILE or stdout."""
    from dti import views
    from dti.write import github, junit, markdown, sarif

    output, code = writer.output, writer.code
    workbooks = {name for name in read if read.count(name) > 1}  # read as several sheets: name the sheet
    names = list(dict.fromkeys(read))
    if fmt is IssueFormat.github:
        common.write(github.dumps(report, code), output, files)
    elif fmt is IssueFormat.junit:
        common.write(junit.dumps(report, names, code), output, files)
    elif fmt is IssueFormat.sarif:
        common.write(sarif.dumps(report, code), output, files)
    elif fmt is IssueFormat.markdown:
        common.write(markdown.dumps(report, names, code, report.max_issues), output, files)
    else:
        common.emit(
            fmt,
            writer,
            files,
            table=lambda: views.issues(report, code, workbooks),
            json=report.to_dict,
            csv=lambda: views.issues_frame(printable_names(report)),
        )
        total = sum(report.counts().values())
        if fmt is not IssueFormat.table and report.max_issues is not None and total > report.max_issues:
            # a CSV (or JSON) cut by --max-issues says so where a person sees it (a new user's finding)
            common.notes([note("cli.issues-cut", shown=report.max_issues, total=total)], code)


def printable_names(report: Report) -> Report:
    """The report with a file name's undecodable bytes (os.fsdecode(b"\\xff.csv")) written as \\xff in
    each shown issue: a pandas frame cannot hold them."""
    from dataclasses import replace

    from dti.issues import Report
    from dti.write.files import printable

    shown = report.shown()
    if all(i.file is None or printable(i.file) == i.file for i in shown):
        return report

    def escaped(value: Any) -> Any:
        return printable(value) if isinstance(value, str) else value

    return Report(
        replace(
            i,
            file=escaped(i.file),
            message=printable(i.message),
            params=tuple((name, escaped(value)) for name, value in i.params),
        )
        for i in shown
    )
