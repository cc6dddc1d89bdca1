"""What every command shares: library errors mapped to exit codes, the pipeline call, and output.

A refusal is a vocabulary key (dti/words/cli.py) worded in the language of the command being run: `command`
sets it from --lang when the command starts; before that (Click's own parsing) it is Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, ParamSpec, TypeVar

import typer

from dti.cli.app import app
from dti.cli.bundles import bundled
from dti.cli.exits import LANG, READ, ExitCode, worded
from dti.cli.once import register as register
from dti.cli.once import spec_of as spec_of
from dti.cli.options import YEARS, DecimalMark, Inputs, Layout, Writer
from dti.cli.options import Lang as LangChoice
from dti.cycles import paused_collection
from dti.pages import ordinary_pages
from dti.words import Note, decimal_for, note

if TYPE_CHECKING:
    from dti.engine.scoring import Result
    from dti.issues import Report
    from dti.pipeline import Run
    from dti.spec import Spec
    from dti.views import Lang, View
    from dti.views.document import Decimal

BOM = b"\xef\xbb\xbf"
P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def fail(why: Note | str | Exception, code: ExitCode) -> NoReturn:
    from dti.write import stderr

    stderr.error(worded(why))
    raise typer.Exit(int(code))


def refuse(key: str, /, **params: Any) -> NoReturn:
    """An option that does not go with the others: 'dti: ' and the sentence of `key`, exit 2."""
    fail(f"dti: {worded(note(key, **params))}", ExitCode.USAGE)


def bad_value(option: str, key: str, /, **params: Any) -> typer.BadParameter:
    """A bad value of `option`, said by Click ('Invalid value for …') with our sentence in the language."""
    return typer.BadParameter(worded(note(key, **params)), param_hint=option)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn the library's exceptions into a message on stderr and the documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from dti.engine.lookup import RankingError
        from dti.io.grid import InputError
        from dti.spec import SpecError
        from dti.write import stderr
        from dti.write.files import OutputError, StdoutError, discard_stdout

        lang = kwargs.get("lang")  # each command's --lang, alone or in its Writer bundle (spread here)
        LANG.set(lang.code if isinstance(lang, LangChoice) else "vi")
        try:
            # dti/cycles.py: the run's many small objects hold no cycles; dti/pages.py: its large
            # matrices come into being faster on ordinary pages
            with paused_collection(), ordinary_pages():
                return func(*args, **kwargs)
        except StdoutError as exc:
            discard_stdout()  # what is still buffered must not fail again at exit
            if exc.broken_pipe:  # the reader has gone (`| head`): nobody is waiting for a message
                raise typer.Exit(int(ExitCode.USAGE)) from None
            fail(exc, ExitCode.USAGE)
        except SpecError as exc:
            if isinstance(exc, InputError):  # SpecUnreadable: no such file, unreadable bytes
                fail(exc, ExitCode.USAGE)
            stderr.spec_problems(exc.source, exc.problems, LANG.get())
            raise typer.Exit(int(ExitCode.BAD_SPEC)) from None
        except RankingError as exc:
            if exc.argument in ("by", "unit", "merge") or exc.option_error:
                raise typer.BadParameter(worded(exc), param_hint=f"--{exc.argument}") from None
            fail(exc, ExitCode.USAGE)
        except (InputError, OutputError) as exc:
            fail(exc, ExitCode.USAGE)

    return wrapper


def command(parent: typer.Typer = app, **kwargs: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`parent.command(...)` with the library's errors turned into exit codes."""

    def register(func: Callable[P, R]) -> Callable[P, R]:
        parent.command(**kwargs)(guarded(bundled(func)))
        return func

    return register


def evaluate(
    files: list[Path],
    inputs: Inputs,
    *,
    max_issues: int | None = None,
    scoring: bool = True,
    spec: Spec | None = None,
) -> Run:
    """The pipeline on the files as --spec, --units, --layout, --sheet, --year and --columns say."""
    from dti.pipeline import evaluate

    meanings = pairs(inputs.columns, "--columns", "HEADER=MEANING", "'Điểm DTI=DTI'", last=True)
    if scoring:  # validate reports a missing file as an issue, in its chosen format
        check_exists(files)
    check_sheet(inputs.sheet, files)
    run = evaluate(
        files,
        spec or spec_of(inputs.spec),
        register(inputs.units),
        layout=layout_name(inputs.layout),
        sheet=inputs.sheet,
        year=inputs.year,
        max_issues=max_issues,
        scoring=scoring,
        columns=meanings,
        unit=inputs.as_unit,
    )
    unused_columns(meanings, run, files)
    return run


def scored_run(
    files: list[Path],
    inputs: Inputs,
    lang: Lang,
    *,
    max_issues: int | None = 50,
    spec: Spec | None = None,
    quiet: bool = False,
) -> tuple[Run, Result]:
    """Evaluate, print the run's notes (unless `quiet`), and return it with its result (or show the
    issues and exit)."""
    run = evaluate(files, inputs, max_issues=max_issues, spec=spec)
    notes([] if quiet else run.notes, lang)
    return run, scored(run, " ".join(map(str, files)), lang)


def pairs(
    values: list[str] | None, option: str, shape: str, example: str, *, last: bool = False
) -> dict[str, str]:
    """KEY=VALUE options (--columns, --assume) as a dict; split at the last '=' with `last`."""
    out: dict[str, str] = {}
    for pair in values or []:
        key, sep, value = pair.rpartition("=") if last else pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise bad_value(option, "cli.pair", pair=pair, shape=shape, example=example)
        out[key.strip()] = value.strip()
    return out


def years(text: str | None, option: str, count: int) -> list[int | None]:
    """A comma-separated list of `count` years (--years 2023,2024) in the range of --year; Nones when not
    given."""
    if not text:
        return [None] * count
    try:
        found: list[int | None] = [int(y) for y in text.split(",")]
    except ValueError:
        raise bad_value(option, "cli.whole-numbers", text=text) from None
    if len(found) != count:
        raise bad_value(option, "cli.values-for-files", found=len(found), count=count)
    if any(y is not None and not YEARS[0] <= y <= YEARS[1] for y in found):
        raise bad_value(option, "cli.year-range", text=text, low=YEARS[0], high=YEARS[1])
    return found


def layout_name(layout: Layout | None) -> Literal["long", "wide"] | None:
    if layout is None:
        return None
    return "long" if layout is Layout.long else "wide"


def one(values: list[T] | None, option: str) -> T | None:
    """The one value of an option that a command takes once (--unit, --previous where one is shown)."""
    if values and len(values) > 1:
        refuse("cli.given-twice", option=option, count=len(values))
    return values[0] if values else None


def day(text: str | None, option: str = "--today") -> dt.date:
    """A --today given as 25/11/2026 or 2026-11-25; today when not given."""
    if text is None:
        return dt.date.today()
    from dti.tracking.dates import parse_date

    parsed = parse_date(text)
    if parsed is None:
        raise bad_value(option, "cli.not-a-date", text=text)
    return parsed


def check_exists(files: Sequence[Path]) -> None:
    """A file (or folder) that is not there: one line and exit 2, before any note about the data."""
    for path in files:
        if not path.exists():
            fail(note("cli.no-such-file", path=str(path)), ExitCode.USAGE)


def check_sheet(sheet: str | None, files: Sequence[Path]) -> None:
    """Refuse --sheet when no file given can have sheets (it would be ignored)."""
    from dti.io.files import EXCEL

    # a folder (no suffix) may hold Excel files
    if sheet is not None and files and all(f.suffix.lower() not in (*EXCEL, "") for f in files):
        refuse("cli.no-sheets", sheet=sheet, files=[str(f) for f in files])


def unused_columns(meanings: dict[str, str], run: Run, files: list[Path]) -> None:
    """Refuse a --columns header that no file has: it would be silently ignored."""
    from dti.text import header_key

    if not meanings or not run.submission.sources:
        return
    headers = {header_key(h) for source in run.submission.sources for h in source.header}
    unread = [dict(i.params).get("header") for i in run.submission.issues if i.code == "missing-column"]
    for found in unread:  # a table found whose columns could not be read: its header is there all the same
        headers |= {header_key(h) for h in ([found] if isinstance(found, str) else found or [])}
    missing = [h for h in meanings if header_key(h) not in headers]
    if missing:
        listed = [f"'{h}'" for h in missing]
        refuse("cli.no-such-header", headers=listed, files=" ".join(map(str, files)))


def read(inputs: Sequence[Path] = ()) -> list[Path]:
    """`inputs` and every other path the running command reads (collected as its options were parsed)."""
    return [*inputs, *READ.get()]


def check_output(output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Refuse a bad -o before reading anything (exit 2 through the guard): one of the files the command
    reads, whatever option names it."""
    if output is not None:
        from dti.write.files import check_output

        check_output(output, read(inputs))


def notes(found: Sequence[Note | str], lang: Lang) -> None:
    """The library's notes on stderr, worded in the user's language."""
    from dti.write import stderr

    for each in found:
        stderr.note(each, lang)


def side_issues(report: Report, lang: Lang, stop: Note | None = None) -> None:
    """A side file's issues on stderr; exit 2 when it cannot be read, and with `stop` (what to say)
    exit 1 when it holds errors."""
    from dti import views
    from dti.write import text

    if report.issues:
        text.show(views.issues(report, lang), stderr=True)
    if report.unreadable:
        raise typer.Exit(int(ExitCode.USAGE))
    if stop is not None and not report.valid:
        fail(stop, ExitCode.INVALID_DATA)


def exit_code(report: Report) -> ExitCode:
    return ExitCode.USAGE if report.unreadable else ExitCode.INVALID_DATA


def scored(run: Run, file: object, lang: Lang, warnings: bool = True) -> Result:
    """The run's result (after a line counting its warnings); without one, the issues and exit 1 or 2."""
    from dti import views
    from dti.words import say
    from dti.write import stderr

    if run.result is None:
        from dti.write import text

        why = "notes.not-scored-unreadable" if run.report.unreadable else "notes.not-scored-invalid"
        stderr.error(say(why, lang, file=str(file)))
        text.show(views.issues(run.report, lang), stderr=True)
        raise typer.Exit(int(exit_code(run.report)))
    summary = views.warnings_line(file, run.report, lang)
    if summary and warnings:
        stderr.note(summary)
    return run.result


def write(content: str | Iterable[bytes], output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Text (or parts of UTF-8 bytes, written as they come) to stdout, or atomically to the output
    file; a final line break is added when the last part has none."""
    from dti.write.files import ending_line, printable, write_atomic, write_stdout

    given = [printable(content).encode("utf-8")] if isinstance(content, str) else content
    parts = ending_line(given)
    if output is None:
        write_stdout(parts)
    else:
        write_atomic(output, parts, read(inputs))


def decimal_mark(lang: LangChoice, decimal: DecimalMark | None = None) -> Decimal:
    """The decimal mark of a table: --decimal if given, else the language's (vi: comma, en: dot)."""
    if decimal is None:
        return decimal_for(lang.code)
    return "," if decimal is DecimalMark.comma else "."


def wants_bom(fmt: str, output: Path | None, bom: bool | None) -> bool:
    """A UTF-8 BOM (Excel reads the file as UTF-8) for a .csv file, or when --bom asks; never otherwise."""
    if bom is not None and fmt != "csv":
        refuse("cli.bom-csv", option="--bom" if bom else "--no-bom")
    if bom is not None:
        return bom
    return fmt == "csv" and output is not None and output.suffix.lower() == ".csv"


def check_format(fmt: str, output: Path | None, bom: bool | None) -> None:
    """Refuse, before anything is read, --bom without csv and xlsx without -o FILE.xlsx (exit 2)."""
    wants_bom(fmt, output, bom)
    if fmt == "xlsx" and (output is None or output.suffix.lower() != ".xlsx"):
        refuse("cli.xlsx-output")


def emit(
    fmt: str,
    writer: Writer,
    inputs: Sequence[Path],
    *,
    table: Callable[[], View | list[View]],
    json: Callable[[], Any] | None = None,
    csv: Callable[[], Any] | None = None,
) -> None:
    """Write the output in the chosen format: a table (to the terminal, or plain text to a file),
    json, csv (with a BOM for a .csv file) or an xlsx workbook of the table's views (-o FILE.xlsx
    only); a format the command has no builder for is refused."""
    output, bom, lang = writer.output, writer.bom, writer.code
    decimal = decimal_mark(writer.lang, writer.decimal)
    check_format(fmt, output, bom)
    with_bom = wants_bom(fmt, output, bom)
    if fmt == "json":
        if json is None:
            refuse("cli.format-unavailable", format="json")
        from dti.write import json as json_writer

        write(json_writer.dumps(json()), output, inputs)
    elif fmt == "csv":
        if csv is None:
            refuse("cli.format-unavailable", format="csv")
        from dti.write import csv as csv_writer

        parts = csv_writer.dumps(csv())  # escaped by dumps; made as they are written
        write(itertools.chain([BOM], parts) if with_bom else parts, output, inputs)
    elif fmt == "xlsx":
        if output is None:  # refused by check_format; said again for the type checker
            refuse("cli.xlsx-output")
        from dti.views import View
        from dti.write.files import write_atomic
        from dti.write.xlsx import views_workbook

        made = table()
        workbook = views_workbook([made] if isinstance(made, View) else made, lang, decimal)
        write_atomic(output, [workbook], read(inputs))  # bytes as they are: no newline after a zip
    else:
        from dti.write import text

        if output is None:
            text.show(table(), decimal=decimal)
        else:
            write(text.render(table(), decimal=decimal), output, inputs)
