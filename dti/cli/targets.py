"""dti targets: the half-year and annual review of the steering committee's targets."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.app import ExitCode
from dti.cli.options import Format, FormatOption, Lang, OutputOption, SheetOption


class By(StrEnum):
    group = "group"
    responsible = "responsible"


class FailOn(StrEnum):
    not_met = "not-met"


@common.command()
def targets(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Target list: CSV, XLSX or YAML with id, group, name, responsible, "
            "target, result[, status, note].",
        ),
    ],
    by: Annotated[By, typer.Option("--by", help="Count per 'group' or per 'responsible' unit.")] = By.group,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels in vi (Đạt, Chưa đạt...) or en.")] = Lang.vi,
    fmt: FormatOption = Format.table,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="not-met: exit 1 if a target is not met.")
    ] = None,
    output: OutputOption = None,
    sheet: SheetOption = None,
) -> None:
    """Review targets (chỉ tiêu): met and by how much, not met and by how much, without data.

    A target is '85%', 'trên 90%' (strictly above), '>= 70%', 'tối thiểu 7%', 'ít nhất 1', 'dưới 5%',
    '≤ 2'; a bare number means 'at least'; anything else is qualitative and needs a hand-given status.
    A hand-given status (Đạt / Chưa đạt / Chưa có số liệu, or met / not met / no data) always wins.

    Example: dti targets sample_data/targets_2025.csv --by responsible

    Exit 0 whatever the statuses; 1 if a row is bad, or with --fail-on not-met when a target is not met.
    """
    from dti import views
    from dti.report import Report
    from dti.targets import read_targets
    from dti.write import text

    review = read_targets(file, sheet)
    report = Report(review.issues)
    if report.issues:
        text.show(views.issues(report, lang.code), stderr=True)
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    common.emit(
        fmt,
        output,
        [file],
        table=lambda: views.targets(review, by.value, lang.code),
        json=lambda: views.targets_data(review, lang.code),
        csv=lambda: views.targets_frame(review, lang.code),
    )
    if not report.valid or (fail_on is FailOn.not_met and review.summary()["not_met"]):
        raise typer.Exit(int(ExitCode.INVALID_DATA))
