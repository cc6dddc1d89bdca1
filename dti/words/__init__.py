"""The one vocabulary: every user-facing word and sentence, by key, in Vietnamese and English.

A catalogue is a module of this package holding `WORDS = {key: (vi, en)}`; a key is `area.name`
(`io.not-a-number`, `note.spec-for-year`, `label.rank`). Templates take named parameters in
`str.format` syntax; a float parameter is written with the language's decimal mark (`{share:.1f}` gives
18,5 in Vietnamese, 18.5 in English), a list is joined with ", " (`{names:q}` quotes each item: 'a', 'b';
`{problems:;}` joins with "; ", for items that hold commas); a whole number takes its noun in the
singular or the plural (`{count:|unit|units}` gives 1 unit, 3 units).
The library returns keys and
parameters (an Issue's `key` and `params`, a `Note`); the views word them with `say` in the language
the user chose. A catalogue per area keeps the files small and lets each area grow on its own.
"""

from __future__ import annotations

import importlib
import numbers
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from dti.text import escape_controls

Lang = Literal["vi", "en"]
Mark = Literal[",", "."]

# The catalogues, each a module of this package with a WORDS dict; a key may stand in one only.
CATALOGUES = (
    "labels",
    "issues",
    "notes",
    "tracking",
    "analysis",
    "spec",
    "cli",
    "files",
    "tables",
    "answers",
    "importing",
    "targets",
    "collect",
    "ci",
    "report_word",
)


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every key with its (vi, en) text; a key in two catalogues is a bug (tests check)."""
    merged: dict[str, tuple[str, str]] = {}
    for name in CATALOGUES:
        merged.update(importlib.import_module(f"dti.words.{name}").WORDS)
    return merged


class _Number(float):
    """A float parameter that formats with the language's decimal and thousands marks."""

    comma: bool = False

    def __format__(self, spec: str) -> str:
        text = float.__format__(float(self), spec or "g")
        if self.comma:
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text


class _Comma(_Number):
    comma = True


class _Count(int):
    """A whole-number parameter: `{n:|unit|units}` writes it with its noun, singular for one. A count
    (COUNTS names it) groups its thousands as the language does: 9.319 in Vietnamese, 9,319 in English."""

    group = ""  # the thousands separator of a count, none for other whole numbers (a year, a row)

    def __format__(self, spec: str) -> str:
        number = f"{int(self):,}".replace(",", self.group) if self.group else str(int(self))
        if spec.startswith("|"):
            one, _, many = spec[1:].partition("|")
            return f"{number} {one if self == 1 else many}"
        return number if not spec else int.__format__(int(self), spec)


class _VietnameseCount(_Count):
    group = "."


class _EnglishCount(_Count):
    group = ","


# The parameters that hold how many of something, or a rank or place among them (their thousands
# grouped); a year, a row or line number, a seed or an option's value is written as it is.
COUNTS = frozenset(
    {
        "count", "errors", "warnings", "units", "cells", "total", "n", "missing", "shown", "more",
        "draws", "done", "ranked", "of", "files", "places", "unplaced", "provisional", "computed",
        "leaves", "nodes", "groups", "criteria", "mains", "met", "not_met", "no_data", "overdue", "late",
        "in_progress", "not_started", "improved", "worsened", "unchanged", "only_before", "only_now",
        "sections", "charts", "rules", "sums", "step", "rank", "last_rank", "place",
    }
)  # fmt: skip


class _Items(tuple[Any, ...]):
    """A list parameter: its items joined with ", "; the format spec `q` quotes each one ('a', 'b'), `;`
    joins them with "; "."""

    def __format__(self, spec: str) -> str:
        if spec not in ("", "q", ";"):
            raise ValueError(f"unknown format {spec!r} for a list")
        items = [format(v) for v in self]
        if spec == "q":
            return ", ".join(f"'{v}'" for v in items)
        return ("; " if spec == ";" else ", ").join(items)

    def __str__(self) -> str:
        return format(self)


def count_text(n: int, lang: Lang) -> str:
    """A count as a sentence writes it: its thousands grouped as the language groups them (9.319, 9,319)."""
    return format(_param(n, lang, True), "")


def decimal_for(lang: Lang) -> Mark:
    """The decimal mark of a language, a word of it like any other: Vietnamese 18,5, English 18.5."""
    return "," if lang == "vi" else "."


def _param(value: Any, lang: Lang, count: bool = False) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, numbers.Integral):  # numpy's too
        return (_VietnameseCount if lang == "vi" else _EnglishCount)(value) if count else _Count(value)
    if isinstance(value, float):
        return (_Comma if decimal_for(lang) == "," else _Number)(value)
    if isinstance(value, Note):
        return value.text(lang)
    if isinstance(value, list | tuple):
        return _Items(_param(v, lang) for v in value)
    return value


# Parameters that hold file names: their control characters are escaped (a name with a newline would
# break the message across lines).
FILE_PARAMS = frozenset({"file", "files", "path", "table", "output", "source", "sources"})


def _file_name(value: Any) -> Any:
    if isinstance(value, str):
        return escape_controls(value)
    if isinstance(value, list | tuple):
        return [_file_name(v) for v in value]
    return value


def say(key: str, lang: Lang = "vi", /, **params: Any) -> str:
    """The text of `key` in `lang`, its parameters filled in."""
    vi, en = catalogue()[key]
    template = vi if lang == "vi" else en
    if not params:
        return template
    return template.format(
        **{
            name: _param(_file_name(value) if name in FILE_PARAMS else value, lang, name in COUNTS)
            for name, value in params.items()
        }
    )


def word(key: str, lang: Lang = "vi") -> str:
    """A label: `say` without parameters (the key is looked up under `label.` when it has no area)."""
    return say(key if "." in key else f"label.{key}", lang)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Note:
    """A sentence for the user, as data: a key and its parameters, worded by the views."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()  # (name, value) pairs: a note is hashable, so notes dedupe

    def text(self, lang: Lang = "vi") -> str:
        return say(self.key, lang, **dict(self.params))

    def __str__(self) -> str:  # English: for programs and logs
        return self.text("en")


def note(key: str, /, **params: Any) -> Note:
    return Note(key, tuple(params.items()))


def texts(notes: Iterable[Note | str], lang: Lang) -> list[str]:
    """Word each note (a plain string is passed through: text that is data, e.g. a file's own words)."""
    return [n.text(lang) if isinstance(n, Note) else n for n in notes]


__all__ = [
    "CATALOGUES",
    "Lang",
    "Mark",
    "Note",
    "catalogue",
    "count_text",
    "decimal_for",
    "note",
    "placeholders",
    "say",
    "texts",
    "word",
]
