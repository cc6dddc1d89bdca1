"""dti report: what the steering committee sees, as one HTML file, an Excel workbook, a Word draft or PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.cli.options import (
    HEADERS_EPILOG,
    INPUTS,
    DecimalOption,
    DrawsOption,
    Inputs,
    Lang,
    LangOption,
    OwnersOption,
    PreviousOption,
    ReceivedOption,
    SeedOption,
    TodayOption,
    UnitOption,
    output_path,
)

FORMATS = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".docx": "docx", ".pdf": "pdf"}


@common.command(epilog=HEADERS_EPILOG)
def report(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help="The report year's submission (as `dti score` takes it)."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            parser=output_path,
            help="report.html, report.xlsx, bao_cao.docx (a Word draft) or bao_cao.pdf.",
        ),
    ],
    unit: UnitOption = None,
    previous: PreviousOption = None,
    targets: Annotated[Path | None, typer.Option("--targets", metavar="FILE", help="Target list.")] = None,
    owners: OwnersOption = None,
    received: ReceivedOption = None,
    tasks: Annotated[Path | None, typer.Option("--tasks", metavar="FILE", help="Task list.")] = None,
    today: TodayOption = None,
    draws: DrawsOption = 1000,
    seed: SeedOption = 0,
    lang: LangOption = Lang.vi,
    decimal: DecimalOption = None,
    number: Annotated[
        str | None,
        typer.Option("--number", metavar="TEXT", help="Word/PDF: the report's number (04/BC-BCĐ)."),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", metavar="TEXT", help="Word/PDF: the place before the date.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Word/PDF: the report's date (else dotted).")
    ] = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            metavar="TEXT",
            help="Word/PDF: the issuing body over the unit's name (BAN CHỈ ĐẠO …).",
        ),
    ] = None,
    inputs: Inputs = INPUTS,
) -> None:
    """Write the report of a year (-o report.html, one page printable on A4, or -o report.xlsx): headline,
    pillars against the means, ranking, trend (--previous, one file per earlier year), points lost,
    targets (--targets, as `dti targets` reads them) and data quality, with charts. --unit makes it one
    unit's report (else an overview); --owners adds points lost per department, and with --received the
    reporting calendar; --tasks the plan's tasks (as `dti tasks`, overdue on --today); --draws the rank
    robustness (as `dti robust`; 0 leaves it out), seeded by --seed. -o bao_cao.docx writes the same
    report as a Word draft in the administrative layout (Decree 30/2020/NĐ-CP; --number, --place and
    --date fill its header, else left dotted; --issuer names the issuing body), -o bao_cao.pdf that draft
    as PDF (LibreOffice).

    Examples: dti report sample_data/2024.csv --previous sample_data/2023.csv --unit 48 -o report.html;
    dti report sample_data/2024.csv --targets sample_data/targets_2025.csv -o report.xlsx
    """
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise common.bad_value("--output", "report_word.extension", name=output.name)
    if today is not None and received is None and tasks is None:
        common.refuse("cli.today-needs")
    if received is not None and owners is None:
        common.refuse("cli.received-needs-owners")
    when = common.day(date, "--date") if date is not None else None
    sides = [p for p in (targets, owners, received, tasks) if p is not None]
    inputs_read = [*files, *(previous or []), *sides]
    common.check_output(output, inputs_read)
    from dti.briefing import NotScored, SideFileError, build_report
    from dti.views.report import report_document
    from dti.words import note

    code = lang.code
    from dti.io.files import read_ahead

    read_ahead(previous or [], inputs.sheet)  # the earlier years read while the report year is scored
    current, _ = common.scored_run(files, inputs, code, max_issues=None, quiet=True)
    earlier = [
        common.scored_run([f], replace(inputs, year=None), code, quiet=True)[0] for f in previous or []
    ]
    said = list(dict.fromkeys([*current.notes, *(n for run in earlier for n in run.notes)]))
    common.notes(said, code)  # the years' notes (the spec chosen), even when a side file stops the report
    try:
        briefing = build_report(
            current,
            previous=earlier,
            targets=targets,
            owners=owners,
            received=received,
            tasks=tasks,
            today=common.day(today),
            draws=draws,
            seed=seed,
            unit=common.one(unit, "--unit"),
            register=common.register(inputs.units),
            sheet=inputs.sheet,
        )
    except SideFileError as exc:
        common.side_issues(exc.checked.report, code)
        common.fail(note("cli.above", why=exc.note), common.exit_code(exc.checked.report))
    except NotScored as exc:  # runs given are scored already
        raise AssertionError(exc) from None
    common.notes([n for n in dict.fromkeys(briefing.notes) if n not in said], code)
    for checked in briefing.checked:
        common.side_issues(checked.report, code)
    if kind in ("docx", "pdf"):  # the draft names files without their folders, and gives no hints
        from dti.views.report_word import on_paper

        briefing = on_paper(briefing, [s.name for s in current.submission.sources])
    mark = common.decimal_mark(lang, decimal)
    document = report_document(briefing, lang=code, decimal=mark, sheets=kind != "html")
    from dti.write.files import write_atomic

    body: str | list[bytes]
    if kind in ("docx", "pdf"):
        from dti.views.report_word import word_report
        from dti.views.review import targets as target_views
        from dti.write import docx

        latest = briefing.latest
        draft = word_report(
            document,
            latest.year,
            briefing.spec.id,
            (briefing.unit, latest.names.get(briefing.unit, briefing.unit)) if briefing.unit else None,
            len(latest.units),
            number=number,
            place=place,
            date=(when.day, when.month, when.year) if when else None,
            issuer=issuer,
            departments=target_views(briefing.review, "responsible", code)[1] if briefing.review else None,
        )
        body = [docx.docx(draft) if kind == "docx" else docx.pdf(draft, output)]
    elif kind == "html":  # without XlsxWriter's import
        from dti.write import html

        body = html.html(document)
    else:
        from dti.write import xlsx

        body = [xlsx.document_workbook(document)]
    write_atomic(output, body, common.read(inputs_read))
    count = {"sections": len(document.sections), "charts": len(document.charts())}
    common.notes([note("notes.report-written", file=str(output), **count)], code)
    if not all(checked.report.valid for checked in briefing.checked):  # received-log lines left out
        raise typer.Exit(int(ExitCode.INVALID_DATA))
