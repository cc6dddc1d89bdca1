"""Click's usage errors (an unknown option, a missing argument, a value out of range) worded in the
user's language, as every other refusal is: Click writes them in English ("Usage: … Try … Error: No such
option"). They are raised while the options are parsed, before `--lang` is read: the words follow a
`--lang en` on the command line.

Typer keeps Click's exception classes private: they are told apart by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dti.views import Lang
from dti.words import say

# Click's and pydantic's own sentences for a bad value, and the key that words each.
_VALUE_WORDS = [
    (
        re.compile(r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.*?)\.?$"),
        "cli.usage.not-one-of",
    ),
    (re.compile(r"Input should be less than or equal to (?P<limit>\S+)$"), "cli.usage.at-most"),
    (re.compile(r"Input should be greater than or equal to (?P<limit>\S+)$"), "cli.usage.at-least"),
    (re.compile(r"Input should be a valid (?:integer|number).*$"), "cli.usage.not-a-number"),
]
_USAGE_WORDS = [
    (
        re.compile(r"No such command '(?P<name>.*)'\.(?: Did you mean '(?P<like>.*)'\?)?$"),
        "cli.usage.no-command",
    ),
    (re.compile(r"Option '(?P<name>.*)' requires an argument\.$"), "cli.usage.needs-value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<extra>.*)\)$"), "cli.usage.extra"),
    (re.compile(r"Option '(?P<name>.*)' does not take a value\.$"), "cli.usage.takes-no-value"),
]


def language(argv: Sequence[str]) -> Lang:
    """The language a command line asks for (`--lang en`, `--lang=en`), Vietnamese otherwise."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.removeprefix("--lang=") == "en" else "vi"
    return "vi"


def worded(exc: Any, lang: Lang) -> str:
    """The lines Click would print for the usage error, in `lang`: the command's synopsis, where its
    help is, and what is wrong."""
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        synopsis = ctx.get_usage().removeprefix("Usage: ")
        lines += [
            say("cli.usage.synopsis", lang, usage=synopsis),
            say("cli.usage.help", lang, command=ctx.command_path),
            "",
        ]
    return "\n".join([*lines, say("cli.usage.error", lang, why=_why(exc, lang))])


def _why(exc: Any, lang: Lang) -> str:
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    if kind == "NoSuchOption":
        if exc.option_name == "--lang":  # `dti --lang en score …`: an option of each command
            return say("cli.usage.lang-after", lang)
        like = ", ".join(sorted(set(exc.possibilities or ()) - {"--help"}))  # --help is no near miss
        like = say("cli.usage.like-options", lang, names=like) if like else ""
        return say("cli.usage.no-option", lang, name=exc.option_name, like=like)
    param = getattr(exc, "param", None)
    hint = _hint(exc, param)
    if kind == "MissingParameter":
        what = getattr(exc, "param_type", None) or getattr(param, "param_type_name", "parameter")
        return say(
            f"cli.usage.missing-{what if what in ('argument', 'option') else 'parameter'}", lang, name=hint
        )
    if kind == "BadParameter" and hint:
        return say("cli.usage.bad-value", lang, name=hint, why=_matched(message, _VALUE_WORDS, lang))
    return _matched(message, _USAGE_WORDS, lang)


def _hint(exc: Any, param: Any) -> str:
    """'--year', 'FILE...': the option or argument the error is about."""
    given = getattr(exc, "param_hint", None)
    if given is None and param is not None:
        given = param.get_error_hint()
    if isinstance(given, (list, tuple)):
        given = " / ".join(given)
    return str(given or "")


def _matched(message: str, words: list[tuple[re.Pattern[str], str]], lang: Lang) -> str:
    """Click's sentence worded by the first pattern it matches; a sentence of dti's own (already in the
    user's language), or one no pattern knows, as it is."""
    for pattern, key in words:
        if found := pattern.match(message):
            params = {k: v or "" for k, v in found.groupdict().items()}
            if "like" in params:  # a command's name close to the one given
                params["like"] = (
                    say("cli.usage.did-you-mean", lang, name=params["like"]) if params["like"] else ""
                )
            return say(key, lang, **params)
    return message
