"""The Typer application and the entry point with its one-line internal-error handler."""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import NoReturn

import typer

from dti.cli.exits import EXIT_HELP, ExitCode, worded

app = typer.Typer(
    help="Compute, validate and compare Vietnam's Digital Transformation Index (DTI).\n\n" + EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def utf8_stdout() -> None:
    """Write stdout in UTF-8 whatever the locale (a Windows pipe, PYTHONIOENCODING=cp1252).

    The output is data: a province's name must come out whole, not as '?' or a crash. A Windows
    console is UTF-8 already; stderr keeps its encoding, and Python escapes what it cannot encode there.
    """
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8")


def main() -> None:
    """Run the CLI; an unexpected error prints one line (set DTI_DEBUG=1 for the traceback).

    stdout that is closed (`| head`) or full (a full disk) ends with exit 2: one line on stderr, none
    for a closed pipe.
    """
    from dti.write.files import StdoutError, discard_stdout, stdout_errors

    # dti's models look for no pydantic plugins (observability hooks): the search reads the metadata of
    # every installed package, ~15 ms of each run. A library user's own setting is left alone.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    utf8_stdout()
    try:
        try:
            code = app(standalone_mode=False)  # Click's usage errors worded below, in the user's language
        except typer.TyperException as exc:  # Click's own: a usage error, or no arguments (the help)
            from dti.cli import usage

            lang = usage.language(sys.argv[1:])
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()  # type: ignore[attr-defined]
            else:
                sys.stderr.write(usage.worded(exc, lang) + "\n")
            sys.exit(getattr(exc, "exit_code", ExitCode.USAGE))
        except typer.Abort:  # Ctrl-D at a prompt
            from dti.cli import usage
            from dti.words import say

            sys.stderr.write(say("cli.aborted", usage.language(sys.argv[1:])) + "\n")
            sys.exit(1)
        finally:
            with stdout_errors():  # what is still buffered, while an error can still be reported
                if sys.stdout is not None:
                    sys.stdout.flush()
    except StdoutError as exc:
        discard_stdout()
        if not exc.broken_pipe:
            sys.stderr.write(f"{worded(exc)}\n")
        sys.exit(ExitCode.USAGE)
    except Exception as exc:
        if os.environ.get("DTI_DEBUG"):
            raise
        from dti.words import note

        sys.stderr.write(worded(note("cli.internal-error", kind=type(exc).__name__, why=str(exc))) + "\n")
        sys.exit(ExitCode.INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)  # a command's typer.Exit, returned when not standalone


def run() -> NoReturn:
    """The `dti` program: main(), then the process ends without Python's teardown.

    Freeing every module and object one by one at exit took ~0.1-0.2 s of a report's run (matplotlib,
    pandas, a year's tables) for nothing the operating system does not do at once. Every output is
    written and closed by then (files atomically, stdout and stderr flushed here); main() itself stays
    an ordinary function that raises SystemExit (tests call it).
    """
    try:
        main()
        code = 0
    except SystemExit as ended:
        code = _exit_status(ended.code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: main() has said so where it could
        code = code or int(ExitCode.USAGE)
    os._exit(code)


def _exit_status(code: object) -> int:
    """What sys.exit(code) would end the process with (a text is printed, and the status is 1)."""
    if code is None or isinstance(code, bool | int):
        return int(code or 0)
    sys.stderr.write(f"{code}\n")
    return 1
