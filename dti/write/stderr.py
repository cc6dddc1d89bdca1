"""Notes and errors on stderr. A terminal gets them through rich (styled, wrapped at its width:
dti/write/text.py); a pipe or a file gets the same plain line without rich being loaded (~20 ms of a
run that writes CSV or JSON, and prints only its warnings line)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from dti.words import Lang, Note, say
from dti.write.files import safe

# What makes rich treat a stream as a terminal whatever it is (its Console.is_terminal).
TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def note(message: str | Note, lang: Lang = "vi") -> None:
    """A note on stderr: a vocabulary Note is worded in `lang`."""
    _say(message.text(lang) if isinstance(message, Note) else message, "yellow")


def error(message: str) -> None:
    _say(message, "bold red")


def _say(message: str, style: str) -> None:
    stream = sys.stderr
    plain = safe(message)
    if stream is None or "\t" in plain or terminal(stream):  # rich expands a tab to its stops
        from dti.write.text import say_styled

        say_styled(message, style)
        return
    stream.write(plain + "\n")  # what rich writes to a pipe: the line as it is
    stream.flush()


def terminal(stream: object) -> bool:
    """Whether rich would treat the stream as a terminal (its Console.is_terminal)."""
    if any(name in os.environ for name in TERMINAL_ENV):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def line(message: str) -> None:
    """An unstyled line on stderr (the problems under a spec error)."""
    _say(message, "")


def spec_problems(source: str, problems: Sequence[Note | str], lang: Lang = "vi") -> None:
    """A spec that cannot be loaded: every problem with its YAML key path, on stderr."""
    error(
        say(
            "spec.error.invalid",
            lang,
            source=source,
            count=len(problems),
        )
    )
    for problem in problems:
        line(f"  {problem.text(lang) if isinstance(problem, Note) else problem}")
