"""dti tasks: the plan's task list — not started, in progress, done, overdue."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.app import ExitCode
from dti.cli.options import Format, FormatOption, Lang, OutputOption, SheetOption


class By(StrEnum):
    responsible = "responsible"


def parse_day(text: str | None, option: str = "--today") -> dt.date | None:
    """A --today given as 25/11/2026 or 2026-11-25."""
    if text is None:
        return None
    from dti.tracking.dates import parse_date

    day = parse_date(text)
    if day is None:
        raise typer.BadParameter(f"'{text}' is not a date: write 25/11/2026 or 2026-11-25", param_hint=option)
    return day


TodayOption = Annotated[
    str | None,
    typer.Option("--today", metavar="DATE", help="The day to judge deadlines by (25/11/2026 or 2026-11-25)."),
]


@common.command()
def tasks(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Task list: CSV or XLSX as the plan's appendix writes it (title rows, section rows I, II…).",
        ),
    ],
    today: TodayOption = None,
    by: Annotated[
        By | None,
        typer.Option("--by", help='responsible: count per lead unit too (with json: added as "counts").'),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels in vi or en.")] = Lang.vi,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    sheet: SheetOption = None,
) -> None:
    """Count the plan's tasks (nhiệm vụ): not started, in progress, done; with --today, overdue.

    Columns (any case, with or without diacritics; '…': words may follow): STT; Nhiệm vụ / Nội dung;
    Đơn vị chủ trì; Đơn vị phối hợp; Thời hạn …; Trạng thái … / Tình trạng / Tiến độ; Kết quả …; Ghi chú.
    Status words: chưa triển khai, đang triển khai, chậm tiến độ, hoàn thành, đã hoàn thành, hoàn thành
    quá hạn (the status column, else the first words of the result or the note). Deadlines: 30/06/2026,
    Excel dates, Quý III/2026, Tháng 6/2026, Năm 2026 (a period: its last day); Thường xuyên: none.
    With --today an unfinished task past its deadline is overdue; without it none is.

    Example: dti tasks sample_data/tasks_2026.csv --today 25/11/2026 --by responsible

    Exit 0 (warnings allowed: an unknown status word or deadline), 1 if the list has an error, 2 if it
    cannot be read.
    """
    common.check_output(output, [file])
    common.check_sheet(sheet, [file])
    day = parse_day(today)
    from dti import views
    from dti.issues import Report
    from dti.tracking.tasks import read_tasks
    from dti.views import tasks as task_views
    from dti.write import text

    task_list = read_tasks(file, sheet, day)
    report = Report(task_list.issues)
    for note in task_list.notes if fmt is Format.table else []:
        text.note(note)
    if report.issues:
        text.show(views.issues(report, lang.code), stderr=True)
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    if not report.valid:
        common.fail(f"{file} holds errors (above): fix them and run again", ExitCode.INVALID_DATA)
    common.emit(
        fmt,
        output,
        [file],
        table=lambda: task_views.tasks(task_list, by.value if by else None, lang.code),
        json=lambda: {**task_views.tasks_data(task_list), **({"counts": task_list.counts()} if by else {})},
        csv=lambda: task_views.tasks_frame(task_list),
        lang=lang.code,
    )
