"""The `dti` command line: parse → call one core function → render → exit code.

Heavy libraries (pandas, numpy, rich) are imported inside the commands so that `dti --help` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from dti.pipeline import Run
    from dti.ranking import YearTable
    from dti.report import Report
    from dti.scoring import Result
    from dti.spec import Spec
    from dti.submission import UnitRegister


class ExitCode(IntEnum):
    OK = 0
    INVALID_DATA = 1
    USAGE = 2  # usage error, or an input that cannot be read at all
    BAD_SPEC = 3
    INTERNAL = 4  # a bug in dti: the message asks for a report


EXIT_HELP = (
    "Exit codes: 0 ok (warnings allowed), 1 invalid data, 2 usage error or unreadable input, 3 invalid spec, "
    "4 internal error."
)

app = typer.Typer(
    help="Compute, validate and compare Vietnam's Digital Transformation Index (DTI).\n\n" + EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
spec_app = typer.Typer(help="List, show and check methodology specs.", no_args_is_help=True)
app.add_typer(spec_app, name="spec")

SpecOption = Annotated[
    str | None,
    typer.Option("--spec", help="Bundled spec id (see `dti spec list`) or path to a spec YAML file."),
]
UnitsOption = Annotated[
    Path | None,
    typer.Option(
        "--units",
        help="Unit register CSV (code,name[,region]) instead of the bundled 63 provinces: "
        "how a province scores its districts or communes.",
    ),
]
SheetOption = Annotated[str | None, typer.Option("--sheet", help="Excel sheet to read (default: the first).")]
LayoutOption = Annotated[
    str | None,
    typer.Option(
        "--layout",
        help="long (unit,indicator,value) or wide (unit + one column per code); detected when omitted.",
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", help="Data year, if not in a year column or the file name.")
]


TABLE_ISSUES = 200


def _exit(code: ExitCode) -> NoReturn:
    raise typer.Exit(int(code))


def _load_spec(ref: str) -> Spec:
    from dti import render
    from dti.spec import SpecError, load_spec

    try:
        return load_spec(ref)
    except SpecError as exc:
        render.spec_problems(exc.source, exc.problems)
        _exit(ExitCode.BAD_SPEC)


def _register(units: Path | None) -> UnitRegister | None:
    from dti import render
    from dti.submission import InputError, UnitRegister

    try:
        return UnitRegister.read(units) if units is not None else None
    except InputError as exc:
        render.error(str(exc))
        _exit(ExitCode.USAGE)


def _check_layout(layout: str | None) -> None:
    if layout not in (None, "long", "wide"):
        raise typer.BadParameter("use 'long' or 'wide'", param_hint="--layout")


def _evaluate(
    files: list[Path],
    spec_ref: str | None,
    units: Path | None,
    layout: str | None,
    sheet: str | None,
    year: int | None,
    max_issues: int | None = None,
    scoring: bool = True,
) -> Run:
    """Run the pipeline; a spec that cannot be loaded or cannot score exits 3."""
    from dti import render
    from dti.pipeline import evaluate
    from dti.spec import SpecError

    _check_layout(layout)
    register = _register(units)
    try:
        return evaluate(
            files,
            spec_ref,
            register,
            layout=layout,  # type: ignore[arg-type]
            sheet=sheet,
            year=year,
            max_issues=max_issues,
            scoring=scoring,
        )
    except SpecError as exc:
        render.spec_problems(exc.source, exc.problems)
        _exit(ExitCode.BAD_SPEC)


def _write_atomic(path: Path, text: str, inputs: list[Path]) -> None:
    """Write a file whole or not at all; never overwrite one of the inputs."""
    from dti import render

    if any(path.resolve() == p.resolve() for p in inputs):
        render.error(f"--output {path} is one of the input files: choose another name")
        _exit(ExitCode.USAGE)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        render.error(f"cannot write {path}: {exc}")
        _exit(ExitCode.USAGE)


def _emit(text: str, output: Path | None, inputs: list[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        _write_atomic(output, text, inputs)


# --- dti spec ----------------------------------------------------------------------------------------


@spec_app.command("list")
def spec_list() -> None:
    """List the bundled specs (methodologies) with their decisions and data years."""
    from dti import render
    from dti.spec import SpecError, bundled_specs, load_spec

    rows = []
    for spec_id in bundled_specs():
        try:
            spec = load_spec(spec_id)
        except SpecError as exc:
            render.spec_problems(exc.source, exc.problems)
            _exit(ExitCode.BAD_SPEC)
        rows.append(
            {
                "id": spec.id,
                "decision": spec.decision,
                "years": ", ".join(map(str, spec.years)),
                "unit_kind": spec.unit_kind,
                "scorable": spec.scorable,
                "title": ("EXAMPLE — " if spec.example else "") + spec.title,
            }
        )
    render.spec_list(rows)


@spec_app.command("show")
def spec_show(
    spec_ref: Annotated[
        str, typer.Argument(metavar="ID|PATH", help="Bundled spec id or path to a YAML spec.")
    ],
    depth: Annotated[
        int | None, typer.Option("--depth", min=0, help="Levels below the total to show.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Show a spec as a tree: points, pillar membership and provisional (*) markers.

    Example: dti spec show dti-province-2022 --depth 1
    """
    from dti.spec import spec_nodes_frame, spec_to_dict

    spec = _load_spec(spec_ref)
    if fmt == "json":
        _emit(json.dumps(spec_to_dict(spec), ensure_ascii=False, indent=2), None, [])
    elif fmt == "csv":
        _emit(spec_nodes_frame(spec).to_csv(index=False), None, [])
    elif fmt == "table":
        from dti import render

        render.spec_tree(spec, depth)
    else:
        raise typer.BadParameter("use table, json or csv", param_hint="--format")


@spec_app.command("check")
def spec_check(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Spec YAML files to check.")],
) -> None:
    """Check spec files: exit 0 if all are valid, 3 with every problem listed (with its YAML key path)."""
    from dti import render
    from dti.spec import SpecError, load_spec

    failed = False
    for path in paths:
        try:
            spec = load_spec(path)
        except SpecError as exc:
            render.spec_problems(exc.source, exc.problems)
            failed = True
            continue
        render.out().print(f"{path}: ok ({spec.id}, {len(spec.nodes)} nodes)")
    if failed:
        _exit(ExitCode.BAD_SPEC)


# --- dti validate ------------------------------------------------------------------------------------


def _github(report: Report) -> str:
    lines = []
    for issue in report.shown():
        col = ""
        if issue.cell:
            letters = "".join(ch for ch in issue.cell if ch.isalpha())
            number = 0
            for ch in letters:
                number = number * 26 + ord(ch) - 64
            col = f",col={number}"
        where = f"file={issue.file}" + (f",line={issue.row}" if issue.row else "") + col
        message = f"[{issue.code}] {issue.message}".replace("%", "%25").replace("\n", "%0A")
        lines.append(f"::{issue.severity} {where}::{message}")
    return "\n".join(lines)


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="CSV or XLSX submissions (long or wide layout).")
    ],
    spec_ref: SpecOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="table, json, csv or github (Actions annotations).")
    ] = "table",
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings also make the file invalid (exit 1).")
    ] = False,
    max_issues: Annotated[
        int | None, typer.Option("--max-issues", min=1, help="Show at most N issues.")
    ] = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
) -> None:
    """Check submitted files and report every problem with its file, row, column and cell.

    Example: dti validate sample_data/broken.csv --format github

    Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid data, 2 unreadable input or usage
    error, 3 invalid spec.
    """
    if fmt not in ("table", "json", "csv", "github"):
        raise typer.BadParameter("use table, json, csv or github", param_hint="--format")
    # A terminal table of 10,000 rows helps nobody: cap it unless asked; json/csv/github list them all.
    limit = max_issues or (TABLE_ISSUES if fmt == "table" else None)
    run = _evaluate(files, spec_ref, units, layout, sheet, year, max_issues=limit, scoring=False)
    report = run.report
    if fmt == "json":
        _emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), None, [])
    elif fmt == "github":
        _emit(_github(report), None, [])
    elif fmt == "csv":
        import pandas as pd

        from dti.report import ISSUE_FIELDS

        columns = list(ISSUE_FIELDS)
        table = pd.DataFrame([i.to_dict() for i in report.shown()], columns=columns)
        _emit(table.astype({"row": "Int64"}).to_csv(index=False), None, [])
    else:
        from dti import render

        for note in run.notes:
            render.note(note)
        render.report_table(report)
    if report.unreadable:
        _exit(ExitCode.USAGE)
    if not report.valid or (strict and report.warnings):
        _exit(ExitCode.INVALID_DATA)


# --- dti score ---------------------------------------------------------------------------------------


@app.command()
def score(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A year's submission: CSV or XLSX, long or wide.")
    ],
    spec_ref: SpecOption = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Node code to rank and sort by (default: the total).")
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Show one unit's full breakdown (code or name).")
    ] = None,
    show: Annotated[
        str, typer.Option("--show", help="Columns: main (pillars and main indices), pillars, or components.")
    ] = "main",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="An earlier year's file: adds value change (%) and rank change (places, + = up).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write json/csv here (atomically) instead of stdout."),
    ] = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
    year: YearOption = None,
) -> None:
    """Validate a submission, compute points, main-index, pillar and DTI values, and rank the units.

    The spec follows the data year (2020: dti-province-2020; 2021-2023: dti-province-2022) unless --spec
    is given. Invalid data stops scoring: the issues are printed and the exit code is 1.

    Examples: dti score sample_data/2024.csv;  dti score sample_data/2024.csv --unit 48;
    dti score sample_data/2024.csv --previous sample_data/2023.csv --format json -o scores.json
    """
    from dti import render
    from dti.ranking import changes
    from dti.scoring import result_to_dict, result_to_frame

    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    if show not in ("main", "pillars", "components"):
        raise typer.BadParameter("use main, pillars or components", param_hint="--show")
    spec, result, note = _score(file, spec_ref, units, layout, sheet, year)
    total = next(n.code for n in spec.nodes if n.kind == "total")
    by = by or total
    if by not in spec.graph.index:
        raise typer.BadParameter(f"'{by}' is not a code of {spec.id}", param_hint="--by")
    delta = None
    if previous is not None:
        _, before, _ = _score(previous, spec_ref, units, layout, sheet, None)
        delta = changes(before.values[by], before.ranks[by], result.values[by], result.ranks[by])
    if fmt == "json":
        data = result_to_dict(result)
        if delta is not None:
            data["changes"] = {
                "by": by,
                "units": {
                    u: {"value_pct": _none(r.value_pct), "places": _none(r.places)}
                    for u, r in delta.iterrows()
                },
            }
        _emit(json.dumps(data, ensure_ascii=False, indent=2), output, [file])
        return
    if fmt == "csv":
        frame = result_to_frame(result)
        if delta is not None:
            frame = frame.join(delta.add_prefix(f"change_{by}_"), on="unit")
        _emit(frame.to_csv(index=False), output, [file])
        return
    if note:
        render.note(note)
    if unit is not None:
        code = _find_unit(result, unit)
        render.unit_breakdown(result, code)
        return
    codes = _columns(spec, show, total)
    title = (
        f"{spec.id}"
        + (f", data year {result.year}" if result.year else "")
        + f": {len(result.units)} units, "
        f"ranked by {by} (competition ranking on values rounded to {spec.precision} decimals)"
    )
    render.score_table(result, codes, by, title, delta)


def _none(value: object) -> object:
    import pandas as pd

    return None if pd.isna(value) else (int(value) if isinstance(value, int) else float(value))  # type: ignore[arg-type]


def _score(
    file: Path,
    spec_ref: str | None,
    units: Path | None,
    layout: str | None,
    sheet: str | None,
    year: int | None,
) -> tuple[Spec, Result, str | None]:
    from dti import render

    run = _evaluate([file], spec_ref, units, layout, sheet, year, max_issues=50)
    report = run.report
    if run.result is None:
        render.error(
            f"{file} {'cannot be read' if report.unreadable else 'holds invalid data'}: nothing was scored "
            f"(`dti validate {file}` lists every issue)"
        )
        render.report_table(report, stderr=True)
        _exit(ExitCode.USAGE if report.unreadable else ExitCode.INVALID_DATA)
    if report.warnings:
        counts: dict[str, int] = {}
        for issue in report.warnings:
            counts[issue.code] = counts.get(issue.code, 0) + 1
        render.note(
            f"{file}: {len(report.warnings)} warning(s): "
            + ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))
            + f" (details: dti validate {file})"
        )
    return run.spec, run.result, run.notes[0] if run.notes else None


def _find_unit(result: Result, unit: str) -> str:
    from dti.numbers import fold

    units = result.units
    if unit in units.index:
        return unit
    if unit.isdigit() and unit.zfill(2) in units.index:
        return unit.zfill(2)
    for code, name in units["name"].items():
        if fold(name) == fold(unit):
            return str(code)
    raise typer.BadParameter(f"no unit '{unit}' in the file", param_hint="--unit")


def _columns(spec: Spec, show: str, total: str) -> list[str]:
    kinds = {
        "pillars": ("pillar",),
        "main": ("pillar", "main", "group"),
        "components": ("pillar", "component"),
    }[show]
    return [total] + [n.code for n in spec.nodes if n.kind in kinds]


# --- dti rank ----------------------------------------------------------------------------------------


def _year_table(
    file: Path,
    year: int | None,
    spec_ref: str | None,
    units: Path | None,
    layout: str | None,
    sheet: str | None,
) -> tuple[YearTable, UnitRegister]:
    """Read one year's file: score a component file, or take a results table's values as given."""
    from dti import render
    from dti.pipeline import default_register
    from dti.ranking import apply_published, year_table

    run = _evaluate([file], spec_ref, units, layout, sheet, year, max_issues=50)
    if run.result is None:
        render.error(f"{file}: the data are invalid (run `dti validate {file}` for the full list)")
        render.report_table(run.report, stderr=True)
        _exit(ExitCode.USAGE if run.report.unreadable else ExitCode.INVALID_DATA)
    if run.year is None:
        render.error(
            f"{file}: cannot tell the data year: add a 'year' column, put the year in the file "
            "name (2024.csv) or pass --years"
        )
        _exit(ExitCode.USAGE)
    register = _register(units) or default_register(run.spec)
    table = year_table(run.result, run.year)
    size = len(register.names) if register.strict else len(table.values)
    return apply_published(table, run.submission.published_ranks, size), register


@app.command()
def rank(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="One file per year: a component-level submission "
            "(scored first) or a results table of values.",
        ),
    ],
    by: Annotated[
        str | None, typer.Option("--by", help="Node code to rank by (default: the total, DTI).")
    ] = None,
    spec_ref: SpecOption = None,
    region: Annotated[
        bool, typer.Option("--region", help="Also rank within the regions of the register.")
    ] = False,
    merge: Annotated[
        int | None,
        typer.Option(
            "--merge",
            help="2025: map the 63 old provinces to the 34 new ones (mean of their values) in every year.",
        ),
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Show the first N units of the latest year.")
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="Follow one unit through all years, pillars and main indices."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            help="Years of the files, comma-separated, when neither a year column nor the file name tells.",
        ),
    ] = None,
    units: UnitsOption = None,
    layout: LayoutOption = None,
    sheet: SheetOption = None,
) -> None:
    """Compare units across years: ranks, places gained or lost, value changes.

    Ranks are competition ranks on values rounded to the spec's precision (4 decimals); a rank a file
    publishes in a `rank` or `rank_<CODE>` column is used as published. Change: value in % (relative),
    places = earlier rank - later rank (+ = up).

    Examples: dti rank sample_data/2023.csv sample_data/2024.csv;
    dti rank sample_data/2023.csv sample_data/2024.csv --merge 2025 --top 10
    """
    from dti import render
    from dti.ranking import comparison, merge_units, read_merger, region_ranks

    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    if merge not in (None, 2025):
        raise typer.BadParameter("only the 2025 merger is known", param_hint="--merge")
    year_list: list[int | None] = [None] * len(files)
    if years:
        try:
            year_list = [int(y) for y in years.split(",")]
        except ValueError:
            raise typer.BadParameter("write years as 2023,2024", param_hint="--years") from None
        if len(year_list) != len(files):
            raise typer.BadParameter(f"{len(year_list)} years for {len(files)} files", param_hint="--years")
    loaded = [
        _year_table(f, y, spec_ref, units, layout, sheet) for f, y in zip(files, year_list, strict=True)
    ]
    tables = [t for t, _ in loaded]
    register = loaded[-1][1]
    if len({t.year for t in tables}) != len(tables):
        raise typer.BadParameter("two files are for the same year", param_hint="FILES")
    total = next(n.code for n in tables[-1].spec.nodes if n.kind == "total")
    by = by or total
    for t in tables:
        if by not in t.spec.graph.index:
            raise typer.BadParameter(f"'{by}' is not a code of {t.spec.id} ({t.year})", param_hint="--by")
    if merge:
        if not all(t.spec.unit_kind == "province" for t in tables):
            raise typer.BadParameter("the 2025 merger applies to provinces", param_hint="--merge")
        mapping = read_merger(register)
        tables = [merge_units(t, mapping) for t in tables]
    for t in tables:
        for issue in t.issues:
            render.note(f"warning: {issue.message}")
    specs = {t.spec.id for t in tables}
    if len(specs) > 1:
        render.note(
            "note: the years were scored under different methodologies ("
            + ", ".join(f"{t.year}: {t.spec.id}" for t in sorted(tables, key=lambda t: t.year))
            + "); changes compare different measures"
        )
    data = comparison(tables, by)
    if region and not merge:
        latest = max(tables, key=lambda t: t.year)
        within = region_ranks(latest, register)[by]
        for row in data["units"]:
            row["region"] = register.regions.get(row["unit"], "")
            row["region_rank"] = (
                None
                if row["unit"] not in within.index or within.isna()[row["unit"]]
                else int(within[row["unit"]])
            )
    if top:
        data["units"] = [u for u in data["units"] if (u["ranks"][str(data["years"][-1])] or 10**9) <= top]
    if fmt == "json":
        _emit(json.dumps(data, ensure_ascii=False, indent=2), None, [])
    elif fmt == "csv":
        _emit(_rank_csv(data), None, [])
    elif unit is not None:
        render.unit_years(tables, _find_in(tables, unit))
    else:
        render.rank_table(data, region=region and not merge)


def _find_in(tables: list[YearTable], unit: str) -> str:
    from dti.numbers import fold

    for t in reversed(tables):
        if unit in t.values.index:
            return unit
        if unit.isdigit() and unit.zfill(2) in t.values.index:
            return unit.zfill(2)
        for code, name in t.names.items():
            if fold(str(name)) == fold(unit):
                return str(code)
    raise typer.BadParameter(f"no unit '{unit}' in the files", param_hint="--unit")


def _rank_csv(data: dict[str, Any]) -> str:
    import pandas as pd

    rows = []
    for u in data["units"]:
        row: dict[str, Any] = {"unit": u["unit"], "name": u["name"]}
        for year in data["years"]:
            row[f"value_{year}"] = u["values"][str(year)]
            row[f"rank_{year}"] = u["ranks"][str(year)]
            row[f"rank_source_{year}"] = u["rank_source"][str(year)]
        for c in u["changes"]:
            row[f"value_pct_{c['from']}_{c['to']}"] = c["value_pct"]
            row[f"places_{c['from']}_{c['to']}"] = c["places"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    ints = [c for c in frame.columns if c.startswith(("rank_2", "places_"))]
    return frame.astype({c: "Int64" for c in ints}).to_csv(index=False)


# --- dti targets -------------------------------------------------------------------------------------


@app.command()
def targets(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Target list: CSV, XLSX or YAML with id, group, name, "
            "responsible, target, result[, status, note].",
        ),
    ],
    by: Annotated[str, typer.Option("--by", help="Count per 'group' or per 'responsible' unit.")] = "group",
    lang: Annotated[str, typer.Option("--lang", help="Labels in vi (Đạt, Chưa đạt...) or en.")] = "vi",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="not-met: exit 1 if a target is not met.")
    ] = None,
    sheet: SheetOption = None,
) -> None:
    """Review targets (chỉ tiêu): met and by how much, not met and by how much, without data.

    A target is '85%', 'trên 90%' (strictly above), '>= 70%', 'tối thiểu 7%', 'ít nhất 1', 'dưới 5%',
    '≤ 2'; a bare number means 'at least'; anything else is qualitative and needs a hand-given status.
    A hand-given status (Đạt / Chưa đạt / Chưa có số liệu, or met / not met / no data) always wins.

    Example: dti targets sample_data/targets_2025.csv --by responsible

    Exit 0 whatever the statuses; 1 if a row is bad, or with --fail-on not-met when a target is not met.
    """
    from dti import render
    from dti.targets import label, read_targets, summary_line

    if by not in ("group", "responsible"):
        raise typer.BadParameter("use group or responsible", param_hint="--by")
    if lang not in ("vi", "en"):
        raise typer.BadParameter("use vi or en", param_hint="--lang")
    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    if fail_on not in (None, "not-met"):
        raise typer.BadParameter("use not-met", param_hint="--fail-on")
    review = read_targets(file, sheet)
    from dti.report import Report

    report = Report(review.issues)
    if report.issues:
        render.report_table(report, stderr=True)
    if report.unreadable:
        _exit(ExitCode.USAGE)
    frame = review.targets.assign(label=[label(r, lang) for r in review.targets.itertuples()])
    if fmt == "json":
        data = review.to_dict()
        for row, text in zip(data["targets"], frame["label"], strict=True):
            row["label"] = text
        _emit(json.dumps(data, ensure_ascii=False, indent=2), None, [])
    elif fmt == "csv":
        columns = [
            "id",
            "group",
            "name",
            "responsible",
            "target",
            "result",
            "status",
            "label",
            "exceeded_by",
            "shortfall",
        ]
        _emit(frame[columns].to_csv(index=False), None, [])
    else:
        render.targets_table(frame, summary_line(review, lang), review.by(by), by, lang)
    if not report.valid:
        _exit(ExitCode.INVALID_DATA)
    if fail_on == "not-met" and review.summary()["not_met"]:
        _exit(ExitCode.INVALID_DATA)


def main() -> None:
    """Run the CLI; an unexpected error prints one line (set DTI_DEBUG=1 for the traceback)."""
    try:
        app()
    except Exception as exc:
        if os.environ.get("DTI_DEBUG"):
            raise
        sys.stderr.write(
            f"dti: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in dti. Please report it with the command and the file "
            "(DTI_DEBUG=1 shows details).\n"
        )
        sys.exit(ExitCode.INTERNAL)


if __name__ == "__main__":
    main()
