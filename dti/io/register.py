"""Unit registers: the units a file may name, matched by code or by folded name."""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from dti.io.grid import InputError, reason
from dti.io.headers import canonical
from dti.io.inputs import content_kind, read_input
from dti.text import KINDS, name_key, name_keys, plain_key
from dti.words import Note, note

DATA_DIR = Path(__file__).parent.parent / "data"
PROVINCES = DATA_DIR / "provinces_2024.csv"
_ODD_BLANKS = re.compile(r"[^\S \n]")  # any blank but the space and the line break
# A unit kind's abbreviation inside a title (`UBND TT. KHÁNH HẢI`), written out as name_key does at a
# name's start.
_KIND_IN_TITLE = re.compile(r"(?<![\w&])(?:(tt|tx)(?:\. *| +)|(h|q|p|x)\. *)(?=\w)")
MAX_HINTS = 20  # unknown unit texts given a "did you mean" in a run


def _refuse_duplicates(path: Path, codes: list[str], lines: Sequence[int]) -> None:
    """A register that gives a code twice cannot say which unit a file means: an error, never the last."""
    if len(set(codes)) == len(codes):  # the usual register: no code twice, found at once
        return
    first: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code in first:
            what, line = note("io.register.code"), lines[first[code]]
            raise InputError(
                note("io.unit-twice", path=str(path), what=what, value=code, first=line, second=lines[i])
            )
        first[code] = i


def _by_key(keys: list[str], codes: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """name_key → code for the names of one unit each, and name_key → codes for a name several units
    bear (a city's `Phường 1` in three districts: real registers have them)."""
    by_key = dict(zip(keys, codes, strict=True))
    if len(by_key) == len(keys):  # the usual register: every name its unit's own
        return by_key, {}
    shared: dict[str, list[str]] = {}
    for key, code in zip(keys, codes, strict=True):
        shared.setdefault(key, []).append(code)
    shared = {key: bearers for key, bearers in shared.items() if len(bearers) > 1}
    return {key: code for key, code in by_key.items() if key not in shared}, shared


def _register_text(path: Path) -> str:
    """The register file's text (NFC): a CSV file in UTF-8; anything else is refused saying what to do."""
    try:
        data = read_input(path)
    except OSError as exc:
        raise InputError(note("io.register-unreadable", path=str(path), why=reason(exc))) from None
    kind = content_kind(data)
    if kind is not None:  # a workbook, a Word file, a PDF
        raise InputError(note("io.register-not-csv", path=str(path)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(note("io.register-not-utf8", path=str(path), byte=exc.start)) from None
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _csv_rows(text: str) -> tuple[list[list[str]], list[int]]:
    """The csv module's rows and the line each one ends on (a quoted cell may hold line breaks)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, lines = [], []
    for row in reader:
        rows.append(row)
        lines.append(reader.line_num)
    return rows, lines


def _first_line(text: str) -> str:
    """The register's first line as the error quotes it (cut at 80 characters)."""
    line = text.lstrip("\r\n").split("\n", 1)[0].strip()
    return line if len(line) <= 80 else line[:79] + "…"


def _one_line(names: list[str]) -> list[str]:
    """Names on one line, single-spaced: Excel's Alt+Enter, a tab or a no-break space in a cell is a
    space (a name is shown in tables and titles)."""
    joined = "\n".join(names)
    if joined.count("\n") == len(names) - 1 and not _ODD_BLANKS.search(joined) and "  " not in joined:
        return names
    return [" ".join(name.split()) for name in names]


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
    if body[0] == " " or body[-1] == " " or any(e in body for e in edges) or _ODD_BLANKS.search(body):
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
    source: str | None = field(default=None, compare=False)  # the --units file; None: the bundled provinces
    _names_by_key: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _names_by_plain: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    _title_keys: list[tuple[str, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _hints: int = field(default=0, init=False, repr=False, compare=False)  # did_you_mean() calls so far
    _shared: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def read(cls, path: Path) -> UnitRegister:
        text = _register_text(path)
        plain = _plain_columns(text)
        try:
            rows, lines = ([], []) if plain else _csv_rows(text)
        except csv.Error as exc:
            raise InputError(note("io.register-unreadable", path=str(path), why=reason(exc))) from None
        first = plain[0] if plain else rows[0] if rows else []
        header = [canonical(c) for c in first]
        if "unit" not in header or "name" not in header:
            raise InputError(note("io.register-columns", path=str(path), first=_first_line(text)))
        at: dict[str, int] = {k: header.index(k) for k in ("unit", "name", "region") if k in header}

        body = [(r, line) for r, line in zip(rows[1:], lines[1:], strict=True) if any(r)]
        if not plain and not body:
            raise InputError(note("io.register-empty", path=str(path)))
        for r, line in body:  # a cell past the header's: a name's comma outside quotes shifted the line
            if len(r) > len(first) and any(c.strip() for c in r[len(first) :]):
                raise InputError(
                    note("io.register-wide", path=str(path), line=line, found=len(r), width=len(first))
                )
        at_line: Sequence[int] = range(2, len(plain[1][0]) + 2) if plain else [line for _, line in body]
        width = len(plain[0]) if plain else len(body[0][0]) if body else 0
        if plain or all(len(r) == width for r, _ in body):  # the usual register: whole columns at once
            whole = (
                plain[1]
                if plain
                else [list(map(str.strip, c)) for c in zip(*(r for r, _ in body), strict=True)]
            )
            empty = [""] * len(at_line)

            def column(key: str) -> list[str]:
                j = at.get(key, -1)
                return whole[j] if 0 <= j < width else empty

        else:

            def column(key: str) -> list[str]:
                j = at.get(key, -1)
                return [r[j].strip() if 0 <= j < len(r) else "" for r, _ in body]

        codes, names = column("unit"), _one_line(column("name"))
        for what, values in (("code", codes), ("name", names)):
            if "" in values:  # a row without its code or its name names no unit
                line = at_line[values.index("")]
                raise InputError(
                    note("io.register-blank", path=str(path), line=line, what=note(f"io.register.{what}"))
                )
        _refuse_duplicates(path, codes, at_line)
        regions = dict(zip(codes, column("region"), strict=True))
        register = cls(dict(zip(codes, names, strict=True)), regions, source=str(path))
        register._names_by_key, register._shared = _by_key(name_keys(names), codes)
        return register

    @classmethod
    def provinces(cls) -> UnitRegister:
        register = cls.read(PROVINCES)
        register.source = None
        register.aliases = {name_key(alias): code for alias, code in PROVINCE_ALIASES.items()}
        return register

    @property
    def nationwide(self) -> bool:
        """The units are the country's provinces: the bundled register, or a --units file of province codes
        only (a register of communes is not the nation: its mean is not 'cả nước')."""
        return self.source is None or (bool(self.names) and self.names.keys() <= _province_codes())

    @classmethod
    def free(cls) -> UnitRegister:
        return cls({}, {}, strict=False)

    def by_name(self) -> dict[str, str]:
        """name_key → code for every unit of the register whose name is its own (not `shared_by`)."""
        if self._names_by_key is None:
            self._names_by_key, self._shared = _by_key(name_keys(list(self.names.values())), list(self.names))
        return self._names_by_key

    def shared_by(self, text: str) -> list[str]:
        """The codes of the units that all bear the name `text` (`Phường 1` of three districts), or []:
        such a name cannot say which one a file means."""
        self.by_name()
        return self._shared.get(name_key(text), [])

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
            if token.isdigit() and token.zfill(width) in self.names:  # the file lost a leading zero
                codes[i], repaired[i] = token.zfill(width), True
            elif (
                token.isdigit() and token.lstrip("0") and token.lstrip("0") in self.names
            ):  # the register did
                codes[i], repaired[i] = token.lstrip("0"), True
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
        key = _words(_KIND_IN_TITLE.sub(lambda m: KINDS[m[1] or m[2]] + " ", name_key(text)))
        found: list[str] = []
        for name, code in self._title_keys:
            if name in f" {key} " and code not in found:
                found.append(code)
        return found

    def did_you_mean(self, text: str) -> Note | str:
        """`; did you mean 'a' or 'b'` for an unknown unit text, or nothing: for the first MAX_HINTS texts
        only (each is compared with every name: 10,000 unknown units against 10,000 names took minutes)."""
        self._hints += 1
        close = self.suggest(text) if self.strict and self._hints <= MAX_HINTS else []
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


@functools.cache
def _province_codes() -> frozenset[str]:
    return frozenset(UnitRegister.provinces().names)
