"""dti report: what the steering committee sees, as one HTML file or an Excel workbook."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dti.cli import common
from dti.cli.options import (
    HEADERS_EPILOG,
    Lang,
    LangOption,
    LayoutOption,
    SheetOption,
    SpecOption,
    UnitsOption,
)

if TYPE_CHECKING:
    from dti.targets import Review
    from dti.views.document import Decimal

FORMATS = {".html": "html", ".htm": "html", ".xlsx": "xlsx"}


class DecimalMark(StrEnum):
    comma = "comma"
    dot = "dot"


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
        typer.Option("--unit", help="The unit the report is about (code or name); without it, an overview."),
    ] = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option(
            "--previous",
            help="An earlier year's file (repeatable, one per year): changes and the rank trend.",
        ),
    ] = None,
    targets_file: Annotated[
        Path | None,
        typer.Option("--targets", help="The committee's target list (as `dti targets` reads it)."),
    ] = None,
    draws: Annotated[
        int,
        typer.Option(
            "--draws",
            min=0,
            help="Draws of the rank-robustness section (as `dti robust`: main-index points ±25 %, "
            "missing figures zero or imputed); 0 leaves the section out.",
        ),
    ] = 1000,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed of the draws (the same seed, the same report).")
    ] = 0,
    lang: LangOption = Lang.vi,
    decimal: Annotated[
        DecimalMark | None,
        typer.Option("--decimal", help="Decimal mark of the numbers in the text: comma (vi default) or dot."),
    ] = None,
    spec_ref: SpecOption = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
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
    inputs = [*files, *(previous or []), *([targets_file] if targets_file else [])]
    common.check_output(output, inputs)
    from dti.briefing import from_runs
    from dti.targets import read_targets
    from dti.views.report import report_document, robustness, unit_code
    from dti.write import text
    from dti.write.files import write_atomic

    current = common.evaluate(files, spec_ref, units, layout, sheet, None, max_issues=50)
    shown = " ".join(map(str, files))
    common.scored(current, shown, lang.code)
    earlier = []
    for file in previous or []:
        run = common.evaluate([file], spec_ref, units, layout, sheet, None, max_issues=50)
        common.scored(run, file, lang.code)
        earlier.append(run)
    review = None
    if targets_file is not None:
        review = read_targets(targets_file, None)
        _check_targets(targets_file, review, lang)
    briefing = from_runs(current, earlier, common.register(units), review)
    for note in briefing.notes:
        text.note(note)
    code = unit_code(briefing, unit) if unit is not None else None
    mark: Decimal | None = None if decimal is None else "," if decimal is DecimalMark.comma else "."
    extra = [robustness(briefing, code, lang.code, draws, seed)] if draws else []
    document = report_document(briefing, code, lang.code, mark, extra)
    if kind == "html":
        from dti.write.html import html

        write_atomic(output, html(document), inputs)
    else:
        from dti.write.xlsx import document_workbook

        write_atomic(output, [document_workbook(document)], inputs)
    text.note(f"{output}: {len(document.sections)} sections, {len(document.charts())} charts")


def _check_targets(file: Path, review: Review, lang: Lang) -> None:
    """The target list's issues on stderr; a list with errors stops the report (exit 1, or 2 unreadable)."""
    from dti import views
    from dti.report import Report
    from dti.write import text

    report = Report(review.issues)
    if report.issues:
        text.show(views.issues(report, lang.code), stderr=True)
    if not report.valid:
        common.fail(f"{file} holds errors (above): fix them or leave out --targets", common.exit_code(report))
