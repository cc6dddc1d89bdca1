"""The register of departments: one name → one provincial body, in every file a province keeps.

The bundled register (dti/data/departments.yaml) lists the bodies plans name — Văn phòng UBND tỉnh, the
Sở, Công an tỉnh, Thuế tỉnh, NHNN, Kho bạc, BHXH, the telecoms, the UBND of districts and communes — and
collective parties (`Các cơ quan, ban, ngành`) that are one responsible party. Names are matched after one
folding (`department_key`): case, diacritics, punctuation, `&` and `và`, the usual short forms (KH&CN,
TT&TT, UBND, VP, NHNN…) and a trailing `tỉnh …`, `chi nhánh …` or `khu vực …`. An owners file extends
the register (`extend`): its names are the authority (an unknown one becomes a department of the file, and
its aliases column adds names); other files naming them resolve to them. An unknown name is `Unresolved`,
with close matches for a did-you-mean: never silently a new department.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from dti.io.yamlsafe import load_yaml
from dti.issues import Issue, IssueCode, Severity, issue
from dti.numbers import header_key, nfc
from dti.words import note

BUNDLED = Path(__file__).parent.parent / "data" / "departments.yaml"
# Long forms → the short forms people write (on the folded text, `và` dropped): `Sở Khoa học và Công
# nghệ`, `Sở KH&CN` and `Sở KHCN` are one key.
SHORT_FORMS = {
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "van phong": "vp",
    "ngan hang nha nuoc": "nhnn",
    "kho bac nha nuoc": "kbnn",
    "bao hiem xa hoi": "bhxh",
    "khoa hoc cong nghe": "khcn",
    "thong tin truyen thong": "tttt",
    "giao duc dao tao": "gddt",
    "ke hoach dau tu": "khdt",
    "lao dong thuong binh xa hoi": "ldtbxh",
    "nong nghiep phat trien nong thon": "nnptnt",
    "nong nghiep moi truong": "nnmt",
    "tai nguyen moi truong": "tnmt",
    "van hoa the thao du lich": "vhttdl",
    "giao thong van tai": "gtvt",
    "dan toc ton giao": "dttg",
    "doanh nghiep vien thong": "dnvt",
    "mat tran to quoc": "mttq",
    "lien hiep phu nu": "lhpn",
    "cong an": "ca",
}
_SHORT = re.compile(r"\b(" + "|".join(sorted(SHORT_FORMS, key=len, reverse=True)) + r")\b")
# What follows a body's name to say where it is (`Công an tỉnh Khánh Hòa`, `NHNN chi nhánh Khánh Hòa`,
# `Kho bạc Nhà nước Khu vực XV`): dropped when matching the bundled register.
_WHERE = re.compile(r"(?<=\S) (?:tinh|chi nhanh|khu vuc)(?: .*)?$")
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
_PIECES = re.compile(r"(\s*,\s*|\s+và\s+|\s+&\s+)")
_HARD = re.compile(r"\s*[;\n\r]+\s*")
_RUN = 6  # the longest collective name has this many comma-separated pieces


@dataclass(frozen=True)
class Department:
    """A provincial body: an id, its canonical name, the other names people write for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    group: bool = False  # a collective party (`Các cơ quan, ban, ngành`)
    merged_into: str | None = None  # a former body (Sở TT&TT): the id of the one it was merged into

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Unresolved:
    """A name no department answers to, and the names of the closest ones (for a did-you-mean)."""

    text: str
    close: tuple[str, ...] = ()


def department_key(text: str) -> str:
    """The key a department's name is matched on, with where it is (`tỉnh …`) kept: see `_keys`."""
    return _keys(text)[0]


@cache
def _keys(text: str) -> tuple[str, str]:
    """(full key, key without a trailing `tỉnh …` / `chi nhánh …` / `khu vực …`): folded, `và` and `&`
    dropped, short forms for long ones, no spaces. `Sở KH&CN`, `Sở KHCN`, `So Khoa hoc va Cong nghe
    tinh` → `sokhcn`."""
    words = [w for w in header_key(text).replace(".", " ").split() if w != "va"]
    spaced = " ".join(words)
    full = _SHORT.sub(lambda m: SHORT_FORMS[m[1]], spaced).replace(" ", "")
    bare = _SHORT.sub(lambda m: SHORT_FORMS[m[1]], _WHERE.sub("", spaced)).replace(" ", "")
    return full, bare


@dataclass
class Departments:
    """The register: resolve a name, split a list of names, say a department's name."""

    departments: dict[str, Department]
    display: dict[str, str] = field(default_factory=dict)  # id → the owners file's name for it
    _exact: dict[str, str] = field(default_factory=dict, repr=False)  # full key → id
    _bare: dict[str, str] = field(default_factory=dict, repr=False)  # key without `tỉnh …` → id

    def __post_init__(self) -> None:
        for dep in self.departments.values():
            for text in dep.names:
                self._add(text, dep.id)

    def _add(self, text: str, department: str) -> None:
        full, bare = _keys(text)
        self._exact.setdefault(full, department)
        self._bare.setdefault(bare, department)

    @classmethod
    def read(cls, path: Path = BUNDLED) -> Departments:
        data = load_yaml(path.read_text(encoding="utf-8"))
        found = {}
        for item in data["departments"]:
            dep = Department(
                str(item["id"]),
                nfc(str(item["name"])),
                tuple(nfc(str(a)) for a in item.get("aliases") or ()),
                bool(item.get("group", False)),
            )
            found[dep.id] = dep
            for i, former in enumerate(item.get("former") or (), start=1):
                found[f"{dep.id}/{i}"] = Department(f"{dep.id}/{i}", nfc(str(former)), merged_into=dep.id)
        return cls(found)

    def find(self, name: str) -> Department | None:
        """The department `name` means, or None (`resolve` also says the closest names)."""
        full, bare = _keys(name)
        found = self._exact.get(full) or self._bare.get(bare) or self._bare.get(full)
        return None if found is None else self.departments[found]

    def resolve(self, name: str) -> Department | Unresolved:
        """The department `name` means, or Unresolved with the closest names."""
        found = self.find(name)
        if found is not None:
            return found
        full = _keys(name)[0]
        if not full:
            return Unresolved(nfc(name))
        keys = {**self._bare, **self._exact}
        close = difflib.get_close_matches(full, list(keys), n=6, cutoff=0.75)
        names = dict.fromkeys(self.name(self.departments[keys[k]]) for k in close)
        return Unresolved(nfc(name), tuple(names)[:3])

    def kin(self, department: Department) -> list[str]:
        """The department's id, then the body it was merged into, then the bodies merged into it: whom
        a log line may mean when the owners file names the body before or after the 2025 merger."""
        merged = [d.id for d in self.departments.values() if d.merged_into == department.id]
        return [department.id, *([department.merged_into] if department.merged_into else []), *merged]

    def name(self, department: Department) -> str:
        """How a department is shown: the owners file's name for it, else its canonical name."""
        return self.display.get(department.id, department.name)

    def named(self, text: str) -> str:
        """The name to show for `text`: its department's, else the text as written (NFC)."""
        found = self.find(text)
        return nfc(text) if found is None else self.name(found)

    def extend(self, names: Iterable[tuple[str, Sequence[str]]]) -> Departments:
        """The register with an owners file's names (name, its aliases): a known name is shown as the
        file writes it; an unknown one (none of its aliases known either) is a department of the file."""
        out = Departments(dict(self.departments), dict(self.display))
        out._exact, out._bare = dict(self._exact), dict(self._bare)
        for text, aliases in names:
            text = nfc(text)
            if not _keys(text)[0]:
                continue
            found = next((d for t in (text, *aliases) if (d := out.find(t)) is not None), None)
            if found is None:
                found = Department(f"file:{_keys(text)[0]}", text)
                out.departments[found.id] = found
            found = replace(found, aliases=(*found.aliases, *(a for a in (text, *aliases) if a)))
            out.departments[found.id] = found
            out.display.setdefault(found.id, text)
            for alias in (text, *aliases):
                full = _keys(alias)[0]
                if full:
                    out._exact[full] = found.id  # the owners file is the authority for its names
        return out

    def split(self, text: str) -> list[str]:
        """The units a cell names, in order, without repeats: split on `;` and new lines, and on `,`,
        `và` or `&` before a unit's name; a known name (`Các cơ quan, ban, ngành`, `Sở Văn hóa, Thể thao
        và Du lịch`) is never split."""
        units: list[str] = []
        for part in _HARD.split(nfc(text)):
            split = _PIECES.split(part.strip())
            pieces, seps = split[0::2], split[1::2]
            i = 0
            while i < len(pieces):
                j = self._known_run(pieces, seps, i)
                if j is None:
                    j = i
                    while j + 1 < len(pieces) and not _starts_unit(pieces[j + 1]):
                        if self._known_run(pieces, seps, j + 1) is not None:
                            break
                        j += 1
                units.append(_join(pieces, seps, i, j))
                i = j + 1
        out: dict[str, str] = {}
        for unit in (u.strip(" .-–+•") for u in units):
            found = self.find(unit) if unit else None
            key = found.id if found is not None else _keys(unit)[0]
            if unit and key not in out:
                out[key] = unit
        return list(out.values())

    def unknown(self, text: str) -> list[Unresolved]:
        """The units of a cell no department answers to (each with its guesses)."""
        return [self._unresolved(u) for u in self.split(text) if self.find(u) is None]

    def _unresolved(self, name: str) -> Unresolved:
        found = self.resolve(name)
        assert isinstance(found, Unresolved)
        return found

    def _known_run(self, pieces: list[str], seps: list[str], i: int) -> int | None:
        """The last piece of the longest run from piece i that names a department, if any."""
        for j in range(min(len(pieces), i + _RUN) - 1, i - 1, -1):
            full, bare = _keys(_join(pieces, seps, i, j))
            if full in self._exact:
                return j
            # without `tỉnh …`: only when what is dropped lies in the last piece (`Viễn thông tỉnh
            # (VNPT), Viettel tỉnh` is two names, not `Viễn thông` with a long place)
            before = _keys(_join(pieces, seps, i, j - 1))[0] if j > i else ""
            if bare in self._bare and bare.startswith(before) and len(bare) > len(before):
                return j
        return None


def _join(pieces: list[str], seps: list[str], i: int, j: int) -> str:
    return "".join(p + (seps[k] if k < j else "") for k, p in enumerate(pieces[i : j + 1], start=i))


def _starts_unit(text: str) -> bool:
    key = " ".join(nfc(text).casefold().split())
    if key.startswith("xã hội"):
        return False
    return any(key == w or key.startswith(w + " ") for w in ORGANISATIONS) or any(
        text == w or text.startswith((w + " ", w + ".")) for w in PLACES
    )


@cache
def bundled() -> Departments:
    """The bundled register (read once)."""
    return Departments.read()


def check_units(records: Iterable[dict[str, Any]], columns: Sequence[str], file: str) -> list[Issue]:
    """A warning with a guess for each unit a list's cells name that the register does not know (it is
    counted on its own, as written: said, never silently a new department)."""
    register = bundled()
    out: list[Issue] = []
    for rec in records:
        for column in columns:
            for unknown in register.unknown(str(rec[column])):
                names = [f"'{n}'" for n in unknown.close]
                params = {"text": unknown.text, "guess": note("tracking.guess", name=names) if names else ""}
                out.append(
                    issue(
                        IssueCode.UNKNOWN_UNIT,
                        Severity.WARNING,
                        "tracking.unknown-unit",
                        params,
                        file=file,
                        row=int(rec["row"]),
                        column=column,
                        cell=rec["cells"].get(column),
                        value=str(rec[column]),
                    )
                )
    return out


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
    "split_units",
]
