"""dti report: what the steering committee sees, as one HTML file or an Excel workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    ColumnsOption,
    DecimalOption,
    Lang,
    LangOption,
    LayoutOption,
    SheetOption,
    SpecOption,
    UnitsOption,
    YearOption,
)
from dti.cli.tasks import parse_day

if TYPE_CHECKING:
    from dti.briefing.gather import Briefing
    from dti.issues import Issue
    from dti.views.document import Decimal, Section

FORMATS = {".html": "html", ".htm": "html", ".xlsx": "xlsx"}


@common.command(epilog=HEADERS_EPILOG)
def report(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="The report year's submission (as `dti score` takes it: component files, one per "
            "department, or a published results table).",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="report.html (one self-contained page, printable on A4) or report.xlsx (a workbook); "
            "the format follows the extension.",
        ),
    ],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar="UNIT",
            help="The unit the report is about (code or name); without it, an overview.",
        ),
    ] = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option(
            "--previous",
            metavar="FILE",
            help="An earlier year's file (repeatable, one per year): changes and the rank trend.",
        ),
    ] = None,
    targets_file: Annotated[
        Path | None,
        typer.Option(
            "--targets", metavar="FILE", help="The committee's target list (as `dti targets` reads it)."
        ),
    ] = None,
    owners: Annotated[
        Path | None,
        typer.Option(
            "--owners",
            metavar="FILE",
            help="Who leads each index (as `dti gaps` reads it): points lost per department, and with "
            "--received the reporting calendar.",
        ),
    ] = None,
    received: Annotated[
        Path | None,
        typer.Option(
            "--received",
            metavar="FILE",
            help="The received log (as `dti calendar` reads it; needs --owners).",
        ),
    ] = None,
    tasks_file: Annotated[
        Path | None,
        typer.Option(
            "--tasks",
            metavar="FILE",
            help="The plan's task list (as `dti tasks` reads it).",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DD/MM/YYYY",
            help="The day of the calendar and of overdue tasks (dd/mm/yyyy; default today).",
        ),
    ] = None,
    draws: Annotated[
        int,
        typer.Option(
            "--draws",
            min=0,
            metavar="N",
            help="Draws of the rank-robustness section (as `dti robust`: main-index points ±25 %, "
            "missing figures zero or imputed); 0 leaves the section out.",
        ),
    ] = 1000,
    seed: Annotated[
        int,
        typer.Option(
            "--seed",
            metavar="S",
            help="Seed of the draws (the same seed, the same report).",
        ),
    ] = 0,
    lang: LangOption = Lang.vi,
    decimal: DecimalOption = None,
    spec_ref: SpecOption = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
    columns: ColumnsOption = None,
) -> None:
    """Write the report of a year: headline, pillars against the means, ranking, trend, points lost,
    targets and data quality, with charts.

    Examples: dti report sample_data/2024.csv --previous sample_data/2023.csv --unit 48 -o report.html;
    dti report sample_data/2024.csv --targets sample_data/targets_2025.csv -o report.xlsx
    """
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise typer.BadParameter(
            f"'{output.name}': the format follows the extension: .html or .xlsx", param_hint="--output"
        )
    if today is not None and received is None and tasks_file is None:
        raise typer.BadParameter(
            "the day of the calendar and the tasks: add --received or --tasks", param_hint="--today"
        )
    if received is not None and owners is None:
        raise typer.BadParameter(
            "the calendar needs the owners file: give --owners too", param_hint="--received"
        )
    extra_inputs = [p for p in (targets_file, owners, received, tasks_file) if p is not None]
    inputs = [*files, *(previous or []), *extra_inputs]
    common.check_output(output, inputs)
    from dti.briefing.gather import from_runs
    from dti.tracking.targets import read_targets
    from dti.views.report import report_document, robustness, unit_code
    from dti.write import text
    from dti.write.files import write_atomic

    current = common.evaluate(files, spec_ref, units, layout, sheet, year, columns=columns)
    shown = " ".join(map(str, files))
    common.scored(current, shown, lang.code)
    earlier = []
    for file in previous or []:
        run = common.evaluate([file], spec_ref, units, layout, sheet, None, max_issues=50, columns=columns)
        common.scored(run, file, lang.code)
        earlier.append(run)
    review = None
    if targets_file is not None:
        review = read_targets(targets_file, None)
        _shown(targets_file, review.issues, lang, "--targets")
    briefing = from_runs(current, earlier, common.register(units), review)
    for note in briefing.notes:
        text.note(note, lang.code)
    code = unit_code(briefing, unit) if unit is not None else None
    mark = common.decimal_mark(lang, decimal)
    day = parse_day(today) or dt.date.today()
    extra = []
    if owners is not None:
        extra += _owner_sections(briefing, code, owners, received, day, sheet, lang, mark)
    if tasks_file is not None:
        extra.append(_tasks_section(tasks_file, sheet, day, lang))
    if draws:
        extra.append(robustness(briefing, code, lang.code, draws, seed, mark))
    document = report_document(briefing, code, lang.code, mark, extra)
    if kind == "html":
        from dti.write.html import html

        write_atomic(output, html(document), inputs)
    else:
        from dti.write.xlsx import document_workbook

        write_atomic(output, [document_workbook(document)], inputs)
    text.note(f"{output}: {len(document.sections)} sections, {len(document.charts())} charts")


def _shown(file: Path, issues: list[Issue], lang: Lang, what: str) -> None:
    """A side file's issues on stderr; errors stop the report (exit 1, or 2 when unreadable)."""
    from dti import views
    from dti.issues import Report
    from dti.write import text

    report = Report(issues)
    if report.issues:
        text.show(views.issues(report, lang.code), stderr=True)
    if not report.valid:
        common.fail(f"{file} holds errors (above): fix them or leave out {what}", common.exit_code(report))


def _owner_sections(
    briefing: Briefing,
    unit: str | None,
    owners: Path,
    received: Path | None,
    day: dt.date,
    sheet: str | None,
    lang: Lang,
    mark: Decimal,
) -> list[Section]:
    """Points lost per department (dti gaps), and with a received log the reporting calendar."""
    from dti.analysis import gaps as engine
    from dti.tracking import deadlines
    from dti.tracking.owners import read_owners
    from dti.tracking.received import read_received
    from dti.views.calendar import calendar_section
    from dti.views.gaps import gaps_section
    from dti.write import text

    plan = read_owners(owners, briefing.spec, sheet)
    _shown(owners, plan.report.issues, lang, "--owners")
    sections = []
    try:
        found = engine.build(briefing.result, plan)
        nexts = engine.next_up(found, unit, engine.ranked_nodes(briefing.spec)) if unit else None
        section = gaps_section(found, unit, nexts, lang.code, mark)
        section.title = "Điểm bị mất theo đơn vị chủ trì" if lang is Lang.vi else "Points lost by department"
        sections.append(section)
    except engine.GapsError as exc:
        text.note(f"{owners}: no section on points lost per department: {exc}")
    if received is not None:
        rules = deadlines.load_rules(None)
        names = deadlines.reporters({o: plan.components_of(o) for o in plan.owners}, rules, plan.departments)
        log = read_received(received, list(names), briefing.spec, None, plan.departments)
        _shown(received, log.issues, lang, "--received")
        sections.append(calendar_section(deadlines.build(names, rules, day.year, day, log), lang.code))
    return sections


def _tasks_section(file: Path, sheet: str | None, day: dt.date, lang: Lang) -> Section:
    from dti.tracking.tasks import read_tasks
    from dti.views.tasks import tasks_section

    task_list = read_tasks(file, sheet, day)
    _shown(file, task_list.issues, lang, "--tasks")
    return tasks_section(task_list, lang.code)
