"""dti calendar: who owes which figures by when, and what came in on time, late or not at all."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.cli.options import (
    TABLE_OR_YAML,
    CalendarYearOption,
    Lang,
    LangOption,
    OutputOption,
    ReceivedOption,
    SheetOption,
    SpecOption,
    TodayOption,
    Writer,
)
from dti.words import note


class CalendarFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    ics = "ics"


class FailOn(StrEnum):
    overdue = "overdue"


@common.command()
def calendar(
    owners: Annotated[
        Path,
        typer.Option(
            "--owners", metavar="FILE", help=f"Owners file: who leads which index ({TABLE_OR_YAML})."
        ),
    ],
    received: ReceivedOption = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", metavar="FILE", help="Calendar rules (YAML) instead of the bundled ones."),
    ] = None,
    year: CalendarYearOption = None,
    today: TodayOption = None,
    spec: SpecOption = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="overdue: exit 1 if a deadline has passed unmet.")
    ] = None,
    fmt: Annotated[
        CalendarFormat,
        typer.Option(
            "--format",
            help="table, json, csv, xlsx (a workbook of the table, to -o FILE.xlsx) or ics (iCalendar); "
            "default: as the extension of -o says, else table.",
        ),
    ] = CalendarFormat.table,
    lang: LangOption = Lang.vi,
    output: OutputOption = None,
    sheet: SheetOption = None,
) -> None:
    """Every reporting deadline of a year (default: today's) per owner and period: on time, late (days),
    overdue (days), due within 14 days, upcoming; the components still missing.

    Bundled rules (the provincial documents): each lead unit sends its figures and evidence before the
    25th of the last month of each quarter and yearly before 5 December; a local government (UBND
    huyện, xã…) consolidates before the 30th and yearly before 25 December. "Before the 25th" is read as
    due on the 25th (received that day: on time); a due day on a weekend stays (`weekend: friday` in a
    --rules file moves it to the Friday before). --rules replaces them: other days, monthly reports, a
    one-off request (đột xuất). Received log periods: Quý III/2026, Q3/2026, Quý 3 năm 2026, Năm 2026.

    Example: dti calendar --owners sample_data/owners.csv --spec dti-province-2022
    --received sample_data/received_2026.csv --today 25/11/2026

    --received FOLDER reads the returned workbooks of `dti template` instead of a log: each counts for the
    department on its cover (else its sheets) and the year's report, on the cover's Ngày gửi day or, when
    that is empty, the file's modification day (a note says which).

    Owners in the log may be written without diacritics (So Y te) or by their short forms (Sở KH&CN);
    a log line no deadline takes (an unreadable period, another year's) is said, never dropped.

    Exit 0; 1 with --fail-on overdue when a deadline has passed unmet, or when the owners file or the
    received log has errors (shown above the output); 2 if a file cannot be read; 3 if the spec is invalid.
    """
    inputs = [p for p in (owners, received, rules) if p is not None]
    common.check_output(output, inputs)
    common.check_sheet(sheet, [p for p in (owners, received) if p is not None])
    if fmt is CalendarFormat.xlsx:
        common.check_format(fmt.value, output, None)
    day = common.day(today)
    from dti.briefing.calendar import schedule
    from dti.views import calendar as calendar_views

    found = schedule(owners, received=received, rules=rules, year=year, today=day, spec=spec, sheet=sheet)
    result, report = found.calendar, found.report
    common.notes(found.notes if fmt is CalendarFormat.table else [], lang.code)
    common.side_issues(report, lang.code)
    if not found.reporters:
        why = note("cli.no-owner", file=str(owners), spec=found.owners.spec.id)
        common.fail(why, ExitCode.INVALID_DATA)
    if fmt is CalendarFormat.ics:
        from dti.write import ics

        common.write(ics.dumps(result, lang.code), output, inputs)
    else:
        common.emit(
            fmt.value,
            Writer(output=output, lang=lang),
            inputs,
            table=lambda: calendar_views.calendar_table(result, lang.code),
            json=lambda: calendar_views.calendar_data(result),
            csv=lambda: calendar_views.calendar_frame(result),
        )
    if not report.valid or (fail_on is FailOn.overdue and result.summary()["overdue"]):
        raise typer.Exit(int(ExitCode.INVALID_DATA))
