"""The register of departments: one name → one provincial body, in every file a province keeps.

The bundled register (dti/data/departments.yaml) lists the bodies plans name — Văn phòng UBND tỉnh, the
Sở, Công an tỉnh, Thuế tỉnh, NHNN, Kho bạc, BHXH, the telecoms, the UBND of districts and communes — and
collective parties (`Các cơ quan, ban, ngành`) that are one responsible party; `level: local` marks the
local governments (they report by the local rules of the calendar). Names are matched after one folding
(`department_key`): case, diacritics, punctuation, `&` and `và`, the usual short forms (KH&CN, TT&TT,
UBND, VP, NHNN…) and a trailing `tỉnh …`, `chi nhánh …` or `khu vực …`. A name that misses by one letter
of one word (`Sở Tài chíh`) is taken for the one department it nearly names (`near`: the caller says
so). An owners file extends the register (`extend`): its names are the authority (an unknown one becomes
a department of the file, and its aliases column adds names); other files naming them resolve to them.
An unknown name is `Unresolved`, with the genuinely close names for a did-you-mean (`close`, generic
words such as `Sở`, `tỉnh`, `UBND` left out of the likeness): never silently a new department.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from dti.io.grid import header_of
from dti.io.inputs import read_input_text
from dti.io.yamlsafe import load_yaml
from dti.issues import Issue, IssueCode, Severity, issue
from dti.text import fold, nfc
from dti.tracking.names import alike, keys, looks_local, one_word_off, respelt, words
from dti.words import Note, note

BUNDLED = Path(__file__).parent.parent / "data" / "departments.yaml"
# Words a unit's name starts with: after `,` or `và`, such a word starts the next unit (`Sở A, Sở B và
# Sở C`); another word goes on the same name (`Sở Văn hóa, Thể thao và Du lịch`). Place words count only
# capitalised (`các huyện, thành phố` is one name).
ORGANISATIONS = (
    "sở", "ban", "văn phòng", "vp", "ubnd", "ủy ban", "uỷ ban", "công an", "bộ", "cục", "chi cục", "thuế",
    "trung tâm", "ngân hàng", "nhnn", "đài", "báo", "các", "viễn thông", "vnpt", "viettel", "mobifone",
    "bưu điện", "doanh nghiệp", "cơ quan", "đơn vị", "hội", "hiệp hội", "trường", "bệnh viện", "kho bạc",
    "bảo hiểm", "bhxh", "tỉnh đoàn", "đoàn", "mặt trận", "phòng", "liên đoàn", "thanh tra", "hải quan",
)  # fmt: skip
PLACES = ("Huyện", "Thị xã", "Thành phố", "TP", "Xã", "Phường")
# A line break (Alt+Enter in a narrow column) is a `,`: it starts a unit only before a unit's name
# (`Sở Y tế⏎Sở GD&ĐT`), else the name goes on (`Sở Thông tin và⏎Truyền thông`, `Văn phòng⏎UBND tỉnh`).
_PIECES = re.compile(r"(\s*,\s*|\s+và\s+|\s+&\s+|\s*[\r\n]+\s*)")
_HARD = re.compile(r"\s*;+\s*")
_AND = re.compile(r"\s+(?:và|&)\s+")
_BULLET = " .-–+•*"
_RUN = 6  # the longest collective name has this many comma-separated pieces
_ACRONYM = re.compile(r"S[A-ZĐ&]{2,}")  # `STTTT`: Sở TT&TT


@dataclass(frozen=True)
class Department:
    """A provincial body: an id, its canonical name, the other names people write for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    group: bool = False  # a collective party (`Các cơ quan, ban, ngành`)
    merged_into: str | None = None  # a former body (Sở TT&TT): the id of the one it was merged into
    level: str = "province"  # `local`: a local government (districts, communes), the calendar's local rules

    @property
    def local(self) -> bool:
        return self.level == "local"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Unresolved:
    """A name no department answers to, and the names of the closest ones (for a did-you-mean)."""

    text: str
    close: tuple[str, ...] = ()


def department_key(text: str) -> str:
    """The key a department's name is matched on, with where it is (`tỉnh …`) kept: see `names.keys`."""
    return keys(text)[0]


@dataclass
class Departments:
    """The register: resolve a name, split a list of names, say a department's name."""

    departments: dict[str, Department]
    display: dict[str, str] = field(default_factory=dict)  # id → the owners file's name for it
    respelled: dict[str, str] = field(default_factory=dict)  # an owners file's misspelt name → shown as
    _exact: dict[str, str] = field(default_factory=dict, repr=False)  # full key → id
    _bare: dict[str, str] = field(default_factory=dict, repr=False)  # key without `tỉnh …` → id
    _words: dict[tuple[str, ...], set[str]] = field(default_factory=dict, repr=False)  # words → ids

    def __post_init__(self) -> None:
        for dep in self.departments.values():
            for text in dep.names:
                self._add(text, dep.id)

    def _add(self, text: str, department: str) -> None:
        full, bare = keys(text)
        self._exact.setdefault(full, department)
        self._bare.setdefault(bare, department)
        for spelt in words(text):
            self._words.setdefault(spelt, set()).add(department)

    @classmethod
    def read(cls, path: Path = BUNDLED) -> Departments:
        data = load_yaml(read_input_text(path, "utf-8"))
        found = {}
        for item in data["departments"]:
            dep = Department(
                str(item["id"]),
                nfc(str(item["name"])),
                tuple(nfc(str(a)) for a in item.get("aliases") or ()),
                bool(item.get("group", False)),
                level=str(item.get("level", "province")),
            )
            found[dep.id] = dep
            for i, former in enumerate(item.get("former") or (), start=1):
                found[f"{dep.id}/{i}"] = Department(f"{dep.id}/{i}", nfc(str(former)), merged_into=dep.id)
        return cls(found)

    def find(self, name: str) -> Department | None:
        """The department `name` means, or None (`resolve` also says the closest names). A Sở written
        as one acronym (`STTTT`, `SKH&CN`, `SGDĐT`) is the Sở of its short form."""
        full, bare = keys(name)
        found = self._exact.get(full) or self._bare.get(bare) or self._bare.get(full)
        if found is None and _ACRONYM.fullmatch(nfc(name).strip()):
            return self.find("Sở " + nfc(name).strip()[1:])
        return None if found is None else self.departments[found]

    def near(self, name: str) -> Department | None:
        """The one department `name` nearly names when `find` misses: the same words but one, and that
        one a letter off (`Sở Tài chíh` → Sở Tài chính); None when none or several are that near."""
        mine = dict.fromkeys(words(name))
        hits = {i for known, ids in self._words.items() for w in mine if one_word_off(w, known) for i in ids}
        return self.departments[hits.pop()] if len(hits) == 1 else None

    def match(self, name: str) -> Department | None:
        """`find`, else `near`: the department a name is taken for (the caller says when it was near)."""
        return self.find(name) or self.near(name)

    def close(self, name: str, among: Iterable[str] | None = None) -> tuple[str, ...]:
        """Up to three names (as shown) of the departments most like `name` — of `among` if given — for
        a did-you-mean; likeness is judged without the generic words (`Sở`, `tỉnh`, `UBND`…), and only
        names genuinely alike are given (none: say there is no close name)."""
        texts = list(among) if among is not None else [t for d in self.departments.values() for t in d.names]
        return tuple(dict.fromkeys(self.named(t) for t in alike(name, texts)))[:3]

    def resolve(self, name: str) -> Department | Unresolved:
        """The department `name` means (exactly or `near`ly), or Unresolved with the closest names."""
        found = self.match(name)
        if found is not None:
            return found
        return Unresolved(nfc(name), self.close(name) if keys(name)[0] else ())

    def is_local(self, name: str) -> bool:
        """Whether `name` is a local government: as the register says, else as the name is written."""
        found = self.match(name)
        return found.local if found is not None else looks_local(name)

    def kin(self, department: Department) -> list[str]:
        """The department's id, then the body it was merged into, then the bodies merged into it: whom
        a log line may mean when the owners file names the body before or after the 2025 merger."""
        merged = [d.id for d in self.departments.values() if d.merged_into == department.id]
        return [department.id, *([department.merged_into] if department.merged_into else []), *merged]

    def name(self, department: Department) -> str:
        """How a department is shown: the owners file's name for it, else its canonical name."""
        return self.display.get(department.id, department.name)

    def named(self, text: str) -> str:
        """The name to show for `text`: its department's (a `near` one too), else the text as written. With
        an owners file's names, a body merged into one of its departments, or the one an owner was merged
        into (Sở TT&TT and Sở KH&CN, 2025), is shown as that owner, as a received log's lines count for it."""
        found = self.match(text)
        if found is None:
            return nfc(text)
        if self.display and found.id not in self.display:
            owner = next((k for k in self.kin(found) if k in self.display), found.id)
            return self.display.get(owner, found.name)
        return self.name(found)

    def extend(self, names: Iterable[tuple[str, Sequence[str]]]) -> Departments:
        """The register with an owners file's names (name, its aliases): a known name is shown as the
        file writes it; a name a letter off a known one (`near`) or spelt with other diacritics is that
        department, shown as the register spells it (and listed in `respelled`); any other is a
        department of the file (`local` when written as a local government)."""
        out = Departments(dict(self.departments), dict(self.display), respelled=dict(self.respelled))
        out._exact, out._bare = dict(self._exact), dict(self._bare)
        for text, aliases in names:
            text = nfc(text)
            if not keys(text)[0]:
                continue
            found = next((d for t in (text, *aliases) if (d := out.find(t)) is not None), None)
            shown = text
            if found is None and (found := self.near(text)) is not None:
                shown = self.name(found)
            elif found is not None:
                known = self.departments.get(found.id, found).names  # not the names this file added
                shown = next((n for n in known if respelt(text, n)), text)
            if found is None:
                level = "local" if looks_local(text) else "province"
                found = Department(f"file:{keys(text)[0]}", text, level=level)
                out.departments[found.id] = found
            if shown != text:
                out.respelled.setdefault(text, shown)
            found = replace(found, aliases=(*found.aliases, *(a for a in (text, *aliases) if a)))
            out.departments[found.id] = found
            out.display.setdefault(found.id, shown)
            for alias in (text, *aliases):
                full = keys(alias)[0]
                if full:
                    out._exact[full] = found.id  # the owners file is the authority for its names
                    for spelt in words(alias):
                        out._words.setdefault(spelt, set()).add(found.id)
        return out

    def split(self, text: str) -> list[str]:
        """The units a cell names, in order, without repeats, each on one line: split on `;`, and on `,`
        or a line break before a unit's name; on `và` or `&` only between two names the register knows
        (`Sở Y tế và Cục Thuế`) or of one kind (`Phòng A và Phòng B`), so one office's name stays whole
        (`Văn phòng HĐND và UBND huyện`); a
        known name (`Các cơ quan, ban, ngành`, `Sở Văn hóa, Thể thao và Du lịch`) is never split."""
        units: list[str] = []
        for part in _HARD.split(nfc(text)):
            split = _PIECES.split(part.strip())
            pieces, seps = split[0::2], split[1::2]
            i = 0
            while i < len(pieces):
                run = self._known_run(pieces, seps, i)
                j = i if run is None else run
                while j + 1 < len(pieces) and not self._ends(pieces, seps, i, j, j == run):
                    j += 1
                units.append(_join(pieces, seps, i, j))
                i = j + 1
        out: dict[str, str] = {}
        for unit in (" ".join(u.split()).strip(_BULLET) for u in units):
            found = self.match(unit) if unit else None
            key = found.id if found is not None else keys(unit)[0]
            if unit and key not in out:
                out[key] = unit
        return list(out.values())

    def _ends(self, pieces: list[str], seps: list[str], i: int, j: int, known: bool) -> bool:
        """Whether the unit of pieces i..j (`known`: a name the register knows) ends before piece j + 1."""
        after = self._known_run(pieces, seps, j + 1) is not None
        if _AND.fullmatch(seps[j]):  # two known names, or a list of one kind (`Phòng A và Phòng B`)
            listed = _kind(pieces[i]) is not None and _kind(pieces[i]) == _kind(pieces[j + 1])
            return listed or (after and (known or self._known_run(pieces, seps, i) == j))
        return known or after or _starts_unit(pieces[j + 1])

    def _known_run(self, pieces: list[str], seps: list[str], i: int) -> int | None:
        """The last piece of the longest run from piece i that names a department, if any."""
        for j in range(min(len(pieces), i + _RUN) - 1, i - 1, -1):
            full, bare = keys(_join(pieces, seps, i, j))
            if full in self._exact:
                return j
            # without `tỉnh …`: only when what is dropped lies in the last piece (`Viễn thông tỉnh
            # (VNPT), Viettel tỉnh` is two names, not `Viễn thông` with a long place)
            before = keys(_join(pieces, seps, i, j - 1))[0] if j > i else ""
            if bare in self._bare and bare.startswith(before) and len(bare) > len(before):
                return j
        return None


def _join(pieces: list[str], seps: list[str], i: int, j: int) -> str:
    return "".join(p + (seps[k] if k < j else "") for k, p in enumerate(pieces[i : j + 1], start=i))


def _starts_unit(text: str) -> bool:
    text = text.lstrip(_BULLET)
    key = fold(text)
    if key.startswith("xã hội"):
        return False
    return any(key == w or key.startswith(w + " ") for w in ORGANISATIONS) or any(
        text == w or text.startswith((w + " ", w + ".")) for w in PLACES
    )


def _kind(text: str) -> str | None:
    """The organisation word a name starts with (`Phòng Nội vụ` → `phòng`), if any."""
    key = fold(text.lstrip(_BULLET))
    return max((w for w in ORGANISATIONS if key == w or key.startswith(w + " ")), key=len, default=None)


@cache
def bundled() -> Departments:
    """The bundled register (read once)."""
    return Departments.read()


def check_units(records: Iterable[dict[str, Any]], columns: Sequence[str], file: str) -> list[Issue]:
    """A warning for each unit a list's cells name that the register does not know as written: one a
    letter off a department is taken for it (the warning says which), any other is counted on its own
    as written, with a guess if a name is genuinely close (said, never silently a new department)."""
    register = bundled()
    out: list[Issue] = []
    for rec in records:
        for column in columns:
            for unit in register.split(str(rec[column])):
                if register.find(unit) is not None:
                    continue
                near = register.near(unit)
                params: dict[str, object] = {"text": nfc(unit)}
                if near is not None:
                    key, params["name"] = "tracking.unit-taken", near.name
                else:
                    key, params["guess"] = "tracking.unknown-unit", guess(register.close(unit))
                out.append(
                    issue(
                        IssueCode.UNKNOWN_UNIT,
                        Severity.WARNING,
                        key,
                        params,
                        file=file,
                        row=int(rec["row"]),
                        column=header_of(rec, column),
                        cell=rec["cells"].get(column),
                        value=str(rec[column]),
                    )
                )
    return out


def guess(names: Sequence[str]) -> Note:
    """` (có phải 'A', 'B'?)`, or ` (không có tên nào gần giống)` when no name is close."""
    return note("tracking.guess", name=[f"'{n}'" for n in names]) if names else note("tracking.no-guess")


def split_units(text: str, departments: Departments | None = None) -> list[str]:
    """The units a cell names (`Sở Y tế; Sở GD&ĐT`, `Sở A, Sở B và Sở C`), as written."""
    return (departments or bundled()).split(text)


__all__ = [
    "Department",
    "Departments",
    "Unresolved",
    "bundled",
    "check_units",
    "department_key",
    "guess",
    "looks_local",
    "split_units",
]
