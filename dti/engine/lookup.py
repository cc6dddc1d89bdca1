"""Finding what a user names: a node code, a unit by code or name. Light: no pandas."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from dti.spec import Spec
from dti.text import KINDS, name_key, plain_key
from dti.words import Note, note

MAX_LIKE = 8  # the candidates a refusal names at most


class RankingError(ValueError):
    """A question the data cannot answer (an unknown code or unit, two files for one year, ...).

    `argument` names what to change: "by", "unit", "merge", "files"; an option error is said as a bad
    value of that option. `note` says why, in words the CLI puts in the user's language; str() is its
    English text.
    """

    option_error = False

    def __init__(self, why: Note, argument: str) -> None:
        super().__init__(str(why))
        self.note, self.argument = why, argument


def node_code(spec: Spec, by: str | None) -> str:
    """`by`, or the total when it is None; RankingError if the spec has no such node."""
    code = by or spec.total
    if code not in spec.graph.index:
        from dti.engine.columns import indicator_code

        code = indicator_code(code, spec) or code  # `cqs`, `3`, `Hạ tầng số` name a node too
    if code not in spec.graph.index:
        raise RankingError(note("refusal.not-a-code", code=code, spec=spec.id), "by")
    return code


def find_unit(names: Iterable[Mapping[str, str]], query: str) -> str:
    """The unit code that `query` means, by code, by a code that lost its leading zero, or by name.

    `names` maps code -> name (a dict or a pandas Series), one per table, searched in order.
    RankingError if no unit matches.
    """
    plain: dict[str, set[str]] = {}  # name without diacritics -> codes
    keyed: dict[str, set[str]] = {}  # name -> codes
    label: dict[str, str] = {}
    for table in names:
        if query in table:
            return query
        padded = [query.zfill(w) for w in range(len(query) + 1, 9)] if query.isdigit() else []
        padded += [query.lstrip("0")] if query.isdigit() and query.lstrip("0") else []
        # `1` for 01, `2290` for 02290, `00094` for a register's 94: a spreadsheet drops leading zeros
        if (lost := next((code for code in padded if code in table), None)) is not None:
            return lost
        named = []
        for code, name in table.items():
            if name_key(str(name)) == name_key(query):
                named.append(str(code))
            keyed.setdefault(name_key(str(name)), set()).add(str(code))
            plain.setdefault(plain_key(name_key(str(name))), set()).add(str(code))
            label.setdefault(str(code), str(name))
        if len(named) == 1:
            return named[0]
        if named:  # a name several units bear (`Phường 1` of three districts): their codes, to choose
            like = [f"{c} {label[c]}" for c in named]
            raise RankingError(note("analysis.unit.shared", query=query, count=len(named), like=like), "unit")
    key = plain_key(name_key(query))
    if len(plain.get(key, ())) == 1:  # written without diacritics: `Da Nang`
        return next(iter(plain[key]))
    # written without its kind: `Hải Mỹ` (or `Hai My`) for Xã Hải Mỹ, as `Đà Nẵng` for Thành phố Đà Nẵng
    kinded = {c for kind in KINDS.values() for c in keyed.get(name_key(f"{kind} {query}"), ())}
    kinded |= {c for kind in KINDS.values() for c in plain.get(plain_key(name_key(f"{kind} {query}")), ())}
    if len(kinded) == 1:
        return next(iter(kinded))
    if kinded:
        like = [f"{c} {label[c]}" for c in sorted(kinded)]
        raise RankingError(note("analysis.unit.shared", query=query, count=len(like), like=like), "unit")
    if plain.get(key):  # `Phuong 1`: the name of several units, written without diacritics
        like = [f"{c} {label[c]}" for c in sorted(plain[key])]
        raise RankingError(note("analysis.unit.shared", query=query, count=len(like), like=like), "unit")
    close = difflib.get_close_matches(key, list(plain), n=2, cutoff=0.75)
    if not close:  # a short name: `Ha` may be Hà Nội, Hà Giang, Hải Phòng...: the names with a word so begun
        close = sorted(k for k in plain if key and f" {k}".find(f" {key}") >= 0)
    like = [label[c] for k in close for c in sorted(plain[k])]
    if len(like) > MAX_LIKE:
        raise RankingError(
            note("analysis.unit.many", query=query, like=like[:MAX_LIKE], more=len(like) - MAX_LIKE), "unit"
        )
    if like:
        raise RankingError(note("analysis.unit.like", query=query, like=like), "unit")
    raise RankingError(note("analysis.unit.none", query=query), "unit")
