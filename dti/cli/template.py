"""dti template: the collection workbook every department fills in, read back as an ordinary submission."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from dti.cli import common
from dti.cli.options import TABLE_OR_YAML, Lang, LangOption, SpecOption, UnitsOption
from dti.words import note


def _target(text: str) -> str:
    """-o as given: the trailing '/' that names a folder is kept (Path() would drop it)."""
    return text


@common.command()
def template(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.xlsx|FOLDER/",
            parser=_target,
            help="FILE.xlsx: one workbook, a sheet per lead department; FOLDER/ (a trailing '/', or a "
            "folder that exists): a workbook per department in it (the folder is made if it is missing).",
        ),
    ],
    year: Annotated[int, typer.Option("--year", min=2020, max=2100, help="The data year to collect.")],
    unit: Annotated[
        str,
        typer.Option("--unit", metavar="UNIT", help="The unit whose figures are collected (code or name)."),
    ],
    owners: Annotated[
        Path | None,
        typer.Option(
            "--owners", metavar="FILE", help=f"Owners file: a sheet per lead department ({TABLE_OR_YAML})."
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="NAME", help="Whom to send it to (default: the owners file's first lead)."
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar="FILE",
            help="Last year's submission: each component's value as written there goes in `Năm trước`.",
        ),
    ] = None,
    password: Annotated[
        str, typer.Option("--password", help="Protect the sheets with this password (default: none).")
    ] = "",
    spec: SpecOption = None,
    units: UnitsOption = None,
    lang: LangOption = Lang.vi,
) -> None:
    """Write the collection workbook of a year: a cover (unit, year, deadline from the calendar rules,
    whom to send to, how to fill in) and a protected sheet per lead department with its components
    (STT, Mã chỉ số, Tên chỉ số, Đơn vị tính, Cách tính điểm, Năm trước, Tử số, Mẫu số, Kết quả, Ghi chú /
    minh chứng); only the yellow input cells can be edited, with dropdowns (Có/Không, the options) and
    number checks; --previous fills Năm trước from last year's file. A filled workbook, or the folder of
    the returned ones, is read by dti score, validate and report as it is; dti calendar --received FOLDER
    reads who sent it when.

    Example: dti template --owners sample_data/owners.csv --unit 58 --year 2023 -o thu_thap_2023.xlsx

    Exit 0; 1 if the owners file has errors; 2 if a file cannot be read or -o is not FILE.xlsx or a
    folder; 3 if the spec is invalid or cannot score (its points unknown).
    """
    inputs = [p for p in (owners, units, previous) if p is not None]
    folder = output.endswith(("/", os.sep)) or Path(output).is_dir()
    target = Path(output)
    if not folder and target.suffix.lower() != ".xlsx":
        common.refuse("collect.output", path=output)
    if not folder:
        common.check_output(target, inputs)
    from dti.io.register import UnitRegister
    from dti.spec import load_spec, spec_for_year
    from dti.tracking.deadlines import load_rules
    from dti.tracking.owners import read_owners
    from dti.views.template import build_template, previous_values
    from dti.write.template import write_template

    spec_id, chosen = (spec, None) if spec else spec_for_year(year)
    if chosen is not None:  # a year without its own bundled spec: said, as dti score says it
        common.notes([chosen], lang.code)
    the_spec = load_spec(spec_id)
    the_spec.require_scorable()  # points unknown (dti-province-2025): exit 3, as dti score refuses it
    register = common.register(units) or UnitRegister.provinces()
    code = register.resolve([unit.strip()])[0][0]
    if code is None:
        raise common.bad_value("--unit", "collect.unknown-unit", text=unit, hint=register.did_you_mean(unit))
    owned = read_owners(owners, the_spec) if owners is not None else None
    if owned is not None:
        common.side_issues(owned.report, lang.code, note("collect.owners-errors", file=str(owners)))
    last: dict[str, str] = {}
    if previous is not None:
        last, report = previous_values(previous, the_spec, code)
        if report.unreadable:  # exit 2 with why; its other issues are the previous year's, not this one's
            common.side_issues(report, lang.code)
        if not last:
            common.notes([note("collect.previous-none", file=str(previous), unit=code)], lang.code)
    name = register.names.get(code, code)
    content = build_template(the_spec, name, year, lang.code, owned, load_rules(), last, recipient=to or "")
    for path in write_template(content, target, folder, password, common.read(inputs)):
        common.notes([note("collect.written", file=str(path))], lang.code)
