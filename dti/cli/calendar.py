"""dti calendar: who owes which figures by when, and what came in on time, late or not at all."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.app import ExitCode
from dti.cli.options import Lang, OutputOption, SheetOption, SpecOption
from dti.cli.tasks import TodayOption, parse_day


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
            "--owners", metavar="FILE", help="Owners file: who leads which index (CSV, XLSX or YAML)."
        ),
    ],
    received: Annotated[
        Path | None,
        typer.Option(
            "--received",
            metavar="FILE",
            help="Received log: owner, period, date received, components (or 'all'), evidence, note.",
        ),
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", metavar="FILE", help="Calendar rules (YAML) instead of the bundled ones."),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="The year (default: today's).")] = None,
    today: TodayOption = None,
    spec: SpecOption = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="overdue: exit 1 if a deadline has passed unmet.")
    ] = None,
    fmt: Annotated[
        CalendarFormat,
        typer.Option(
            "--format",
            help="table, json, csv, xlsx (a workbook of the table: -o FILE.xlsx) or ics (iCalendar).",
        ),
    ] = CalendarFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels in vi or en.")] = Lang.vi,
    output: OutputOption = None,
    sheet: SheetOption = None,
) -> None:
    """Every reporting deadline of a year per owner and period: on time, late (days), overdue (days),
    due within 14 days, upcoming; the components still missing.

    Bundled rules (the provincial documents): each lead unit sends its figures and evidence before the
    25th of the last month of each quarter and yearly before 5 December; a local government (UBND
    huyện, xã…) consolidates before the 30th and yearly before 25 December. "Before the 25th" is read as
    due on the 25th (received that day: on time); a due day on a weekend stays (`weekend: friday` in a
    --rules file moves it to the Friday before). --rules replaces them: other days, monthly reports, a
    one-off request (đột xuất). Received log periods: Quý III/2026, Q3/2026, Quý 3 năm 2026, Năm 2026.

    Example: dti calendar --owners sample_data/owners.csv --spec dti-province-2022
    --received sample_data/received_2026.csv --today 25/11/2026

    Owners in the log may be written without diacritics (So Y te) or by their short forms (Sở KH&CN,
    VP UBND tỉnh, Sở TT&TT) when that names one owner; a log line no deadline takes (an unreadable
    period, another year's, one the rules do not ask for) is said, never dropped silently.

    Exit 0; 1 with --fail-on overdue when a deadline has passed unmet, or when the owners file or the
    received log has errors (shown above the output); 2 if a file cannot be read; 3 if the spec is invalid.
    """
    inputs = [p for p in (owners, received, rules) if p is not None]
    common.check_output(output, inputs)
    common.check_sheet(sheet, [p for p in (owners, received) if p is not None])
    if fmt is CalendarFormat.xlsx:
        common.check_format(fmt.value, output, None)
    day = parse_day(today) or dt.date.today()
    from dti import views
    from dti.issues import Report
    from dti.spec import load_spec, spec_for_year
    from dti.tracking import deadlines
    from dti.tracking.owners import read_owners
    from dti.tracking.received import read_received
    from dti.views import calendar as calendar_views
    from dti.write import text

    the_year = year or day.year
    calendar_rules = deadlines.load_rules(rules)
    the_spec = load_spec(spec or spec_for_year(the_year)[0])
    owned = read_owners(owners, the_spec, sheet if owners.suffix.lower() in common.EXCEL else None)
    parties = owned.departments
    names = deadlines.reporters({o: owned.components_of(o) for o in owned.owners}, calendar_rules, parties)
    excel = sheet if received and received.suffix.lower() in common.EXCEL else None
    log = read_received(received, list(names), the_spec, excel, parties) if received else None
    report = Report([*owned.report.issues, *(log.issues if log else [])])
    result = deadlines.build(names, calendar_rules, the_year, day, log)
    report = Report([*report.issues, *result.issues])  # log lines no deadline takes: said, never dropped
    for note in [f"{received}: {n}" for n in log.notes] if log and fmt is CalendarFormat.table else []:
        text.note(note)
    if report.issues:
        text.show(views.issues(report, lang.code), stderr=True)
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    if not names:
        common.fail(f"{owners} names no owner for {the_spec.id}: nothing to schedule", ExitCode.INVALID_DATA)
    if fmt is CalendarFormat.ics:
        from dti.write import ics

        common.write(ics.dumps(result, lang.code), output, inputs)
    else:
        common.emit(
            fmt.value,
            output,
            inputs,
            table=lambda: calendar_views.calendar_table(result, lang.code),
            json=lambda: calendar_views.calendar_data(result),
            csv=lambda: calendar_views.calendar_frame(result),
            lang=lang.code,
        )
    if not report.valid or (fail_on is FailOn.overdue and result.summary()["overdue"]):
        raise typer.Exit(int(ExitCode.INVALID_DATA))
