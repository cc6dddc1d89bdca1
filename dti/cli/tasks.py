"""dti tasks: the plan's task list — not started, in progress, done, overdue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    TABLE_FILES,
    Format,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    SheetOption,
    TaskCountOption,
    TodayOption,
    Writer,
)
from dti.words import note


@common.command()
def tasks(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help=f"Task list: {TABLE_FILES} as the plan's appendix writes it (title rows, section rows "
            "I, II…).",
        ),
    ],
    today: TodayOption = None,
    by: TaskCountOption = None,
    lang: LangOption = Lang.vi,
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
    With --today an unfinished task past its deadline is overdue; without it none is. --by responsible
    counts per lead unit too.

    Example: dti tasks sample_data/tasks_2026.csv --today 25/11/2026 --by responsible

    Exit 0 (warnings allowed: an unknown status word or deadline), 1 if the list has an error, 2 if it
    cannot be read.
    """
    common.check_output(output, [file])
    common.check_sheet(sheet, [file])
    day = common.day(today) if today is not None else None
    from dti.issues import Report
    from dti.tracking.tasks import read_tasks
    from dti.views import tasks as task_views

    task_list = read_tasks(file, sheet, day)
    common.notes(task_list.notes if fmt is Format.table else [], lang.code)
    common.side_issues(Report(task_list.issues), lang.code, note("cli.tasks-errors", file=str(file)))
    common.emit(
        fmt,
        Writer(output=output, lang=lang),
        [file],
        table=lambda: task_views.tasks(task_list, by.value if by else None, lang.code),
        json=lambda: {**task_views.tasks_data(task_list), **({"counts": task_list.counts()} if by else {})},
        csv=lambda: task_views.tasks_frame(task_list),
    )
