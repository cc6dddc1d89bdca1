"""How a command ends: its exit code, and a refusal worded in the language of the command being run.

`common.command` sets the language from --lang when the command starts; before that (Click's own
parsing) it is Vietnamese. app.py and common.py both import this module, and neither imports the other
back.
"""

from __future__ import annotations

from contextvars import ContextVar
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from dti.words import Note

if TYPE_CHECKING:
    from dti.views import Lang


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
LANG: ContextVar[Lang] = ContextVar("dti_lang", default="vi")  # the running command's --lang
# Every path the running command reads (its FILE arguments and every option naming a file), collected once
# as its options are parsed: -o is refused when it names any of them.
READ: ContextVar[tuple[Path, ...]] = ContextVar("dti_read", default=())


def worded(why: Note | str | Exception) -> str:
    """A refusal's text in the command's language: a Note, or an exception's `note` (a plain string, or an
    exception without a Note: a message the library has not keyed, said as it is)."""
    if isinstance(why, Exception):
        why = getattr(why, "note", None) or str(why)
    return why.text(LANG.get()) if isinstance(why, Note) else str(why)
