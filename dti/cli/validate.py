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
    BomOption,
    Inputs,
    IssueFormat,
    IssueFormatOption,
    Lang,
    LangOption,
    OutputOption,
    Writer,
)

TABLE_ISSUES = 200  # a terminal table of 10,000 rows helps nobody; json, csv and github list them all

if TYPE_CHECKING:
    from dti.issues import Report as Report


@common.command(epilog=HEADERS_EPILOG)
def validate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="CSV or XLSX submissions (long or wide layout).")
    ],
    fmt: IssueFormatOption = IssueFormat.table,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings also make the file invalid (exit 1).")
    ] = False,
    max_issues: Annotated[
        int | None, typer.Option("--max-issues", min=1, help="Show at most N issues.")
    ] = None,
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
    common.check_output(output, files)
    common.check_format(fmt.value, output, bom)
    from dti import views
    from dti.write import github

    limit = max_issues or (TABLE_ISSUES if fmt is IssueFormat.table else None)
    run = common.evaluate(files, inputs, max_issues=limit, scoring=False)
    report = run.report
    common.notes(run.notes, lang.code)  # stderr: how each file was read, which spec was chosen
    read = [s.name for s in run.submission.sources]
    workbooks = {name for name in read if read.count(name) > 1}  # read as several sheets: name the sheet
    if fmt is IssueFormat.github:
        common.write(github.dumps(report), output, files)
    else:
        common.emit(
            fmt,
            Writer(output=output, lang=lang, bom=bom),
            files,
            table=lambda: views.issues(report, lang.code, workbooks),
            json=report.to_dict,
            csv=lambda: views.issues_frame(printable_names(report)),
        )
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    if not report.valid or (strict and report.warnings):
        raise typer.Exit(int(ExitCode.INVALID_DATA))


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
