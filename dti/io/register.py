"""Unit registers: the units a file may name, matched by code or by folded name."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from dti.io.grid import InputError, reason
from dti.io.headers import canonical
from dti.io.inputs import read_input_text
from dti.text import name_key, name_keys, plain_key
from dti.words import Note, note

DATA_DIR = Path(__file__).parent.parent / "data"
PROVINCES = DATA_DIR / "provinces_2024.csv"


def _refuse_duplicates(path: Path, values: list[str], what: str, keys: list[str]) -> None:
    """A register that names a unit twice cannot say which one a file means: an error, never the last."""
    given = [k for k in keys if k]
    if len(set(given)) == len(given):  # the usual register: no key twice, found at once
        return
    first: dict[str, int] = {}
    for i, (value, k) in enumerate(zip(values, keys, strict=True)):
        if k and k in first:
            raise InputError(
                note(
                    "io.unit-twice",
                    path=str(path),
                    what=note(f"io.register.{what}"),
                    value=value,
                    first=first[k] + 1,
                    second=i + 1,
                )
            )
        first.setdefault(k, i)


# Whitespace a cell may start or end with besides the space (what str.strip() takes off), but "\n" and "\r".
_OTHER_BLANKS = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)


def _plain_columns(text: str) -> tuple[list[str], list[list[str]]] | None:
    """The header and the stripped columns of a plain CSV text — no quotes, every line as many cells as
    the header, no empty line inside — split as one string (a 100,000-unit register in a few hundredths of
    a second; the csv module's rows and their transposing took ten times that); None for any other text."""
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    if '"' in text or "\r" in text.replace("\r\n", "") or len(lines) < 2:
        return None
    commas = lines[0].count(",")
    # Same count on every line (map(str.count…) runs in C); a line of commas only is a blank row.
    if set(map(str.count, lines, repeat(","))) != {commas} or min(map(len, lines)) <= commas:
        return None
    body = "\n".join(lines[1:])
    cells = body.replace("\n", ",").split(",")
    columns = [cells[j :: commas + 1] for j in range(commas + 1)]
    edges = (" ,", ", ", " \n", "\n ")
    if (
        body[0] == " "
        or body[-1] == " "
        or any(e in body for e in edges)
        or any(c in body for c in _OTHER_BLANKS)
    ):
        columns = [list(map(str.strip, column)) for column in columns]
    return lines[0].split(","), columns


# Short names the press and departments use for provinces of the bundled register.
PROVINCE_ALIASES = {
    "HCM": "79",
    "TP HCM": "79",
    "TP.HCM": "79",
    "TPHCM": "79",
    "Sài Gòn": "79",
    "Hồ Chí Minh City": "79",
    "Huế": "46",
    "Thành phố Huế": "46",
    "HN": "01",
    "Hanoi": "01",
    "Da Nang": "48",
}


def _words(text: str) -> str:
    """Letters and digits only, single spaces: names are found in titles as whole words."""
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@dataclass
class UnitRegister:
    """The units a file may name: code → name and region, with names matched after NFC folding."""

    names: dict[str, str]
    regions: dict[str, str]
    strict: bool = True  # False: any identifier is accepted (local indices without a register)
    aliases: dict[str, str] = field(default_factory=dict)  # name_key of a common short name → code
    _names_by_key: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _names_by_plain: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _title_keys: list[tuple[str, str]] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def read(cls, path: Path) -> UnitRegister:
        try:
            text = read_input_text(path)
            if not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            plain = _plain_columns(text)
            rows = [] if plain else list(csv.reader(io.StringIO(text, newline="")))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise InputError(note("io.register-unreadable", path=str(path), why=reason(exc))) from None
        header = [canonical(c) for c in (plain[0] if plain else rows[0] if rows else [])]
        if "unit" not in header or "name" not in header:
            raise InputError(note("io.register-columns", path=str(path)))
        at: dict[str, int] = {k: header.index(k) for k in ("unit", "name", "region") if k in header}

        body = [r for r in rows[1:] if any(r)]
        width = len(plain[0]) if plain else len(body[0]) if body else 0
        if plain or all(len(r) == width for r in body):  # the usual register: whole columns at once
            whole = plain[1] if plain else [list(map(str.strip, cells)) for cells in zip(*body, strict=True)]
            empty = [""] * (len(whole[0]) if plain else len(body))

            def column(key: str) -> list[str]:
                j = at.get(key, -1)
                return whole[j] if 0 <= j < width else empty

        else:

            def column(key: str) -> list[str]:
                j = at.get(key, -1)
                return [r[j].strip() if 0 <= j < len(r) else "" for r in body]

        codes, names = column("unit"), column("name")
        keys = name_keys(names)
        _refuse_duplicates(path, codes, "code", codes)
        _refuse_duplicates(path, names, "name", keys)
        register = cls(dict(zip(codes, names, strict=True)), dict(zip(codes, column("region"), strict=True)))
        if len(register.names) == len(codes):  # no empty code twice: what by_name() would build
            register._names_by_key = dict(zip(keys, codes, strict=True))
        return register

    @classmethod
    def provinces(cls) -> UnitRegister:
        register = cls.read(PROVINCES)
        register.aliases = {name_key(alias): code for alias, code in PROVINCE_ALIASES.items()}
        return register

    @classmethod
    def free(cls) -> UnitRegister:
        return cls({}, {}, strict=False)

    def by_name(self) -> dict[str, str]:
        """name_key → code for every unit of the register."""
        if self._names_by_key is None:
            keys = name_keys(list(self.names.values()))
            self._names_by_key = dict(zip(keys, self.names, strict=True))
        return self._names_by_key

    def resolve(self, tokens: list[str]) -> tuple[list[str | None], list[bool]]:
        """Resolve distinct unit texts to codes (None if unknown), and whether a lost zero was repaired."""
        if not self.strict:
            return [t or None for t in tokens], [False] * len(tokens)
        codes: list[str | None] = [t if t in self.names else None for t in tokens]
        repaired = [False] * len(tokens)
        unresolved = [i for i, c in enumerate(codes) if c is None]
        if not unresolved:
            return codes, repaired
        by_name = self.by_name()  # built only when some text is not a code
        width = max((len(c) for c in self.names), default=0)
        for i in unresolved:
            token = tokens[i]
            if token.isdigit() and token.zfill(width) in self.names:
                codes[i], repaired[i] = token.zfill(width), True
            else:
                key = name_key(token)
                codes[i] = by_name.get(key) or self.aliases.get(key) or self.by_plain().get(plain_key(key))
        return codes, repaired

    def by_plain(self) -> dict[str, str]:
        """Names without diacritics (`ha noi`) → code, where that still names one unit only."""
        if self._names_by_plain is None:
            seen: dict[str, list[str]] = {}
            for key, code in self.by_name().items():
                seen.setdefault(plain_key(key), []).append(code)
            self._names_by_plain = {k: codes[0] for k, codes in seen.items() if len(set(codes)) == 1}
        return self._names_by_plain

    def named_in(self, text: str) -> list[str]:
        """The units a title names as whole words, with diacritics (`UBND TỈNH NINH THUẬN`, `BÁO CÁO … CỦA
        TỈNH NINH THUẬN`, `SỞ Y TẾ` with a register of departments); the longest name first."""
        if not self.strict or not text.strip():
            return []
        if self._title_keys is None:
            pairs = [*self.by_name().items(), *[(k, c) for k, c in self.aliases.items() if len(k) >= 3]]
            self._title_keys = sorted(
                {(f" {_words(k)} ", c) for k, c in pairs if _words(k)}, key=lambda kc: -len(kc[0])
            )
        # As written, diacritics and all: without them `BAO CAO BANG` would name Cao Bằng.
        key = _words(name_key(text))
        found: list[str] = []
        for name, code in self._title_keys:
            if name in f" {key} " and code not in found:
                found.append(code)
        return found

    def did_you_mean(self, text: str) -> Note | str:
        """`; did you mean 'a' or 'b'` for an unknown unit text, or nothing."""
        close = self.suggest(text) if self.strict else []
        if not close:
            return ""
        either: Note | str = f"'{close[-1]}'"
        for name in reversed(close[:-1]):  # 'a' or 'b' or 'c'
            either = note("plan.or", a=f"'{name}'", b=either)
        return note("plan.did-you-mean", names=either)

    def suggest(self, token: str) -> list[str]:
        """The register names closest to an unknown unit text (for 'did you mean')."""
        import difflib

        keys = self.by_name()
        close = difflib.get_close_matches(name_key(token), list(keys), n=3, cutoff=0.6)
        return [self.names[keys[k]] for k in close]
