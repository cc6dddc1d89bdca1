"""The tree of a criteria table from its numbering, and the nodes' codes.

The STT column gives the structure: Roman numerals, `1`, `1.1`, `1.1.2`, `a)`, `-` and `+` bullets, or
unnumbered section rows (a name with no points and no method). Each kind of numbering is a level, in the
order the table first uses it (an outline); `1.1` hangs under `1`. Codes come from the numbering, and a
code the table gives (a `Mã` column) wins:

    I, II            → G1, G2
    1, 1.2, 1.2.3    → C1, C1_2, C1_2_3
                       (G2.C1_2, qualified by the group, when the numbering restarts in each group)
    a) under C1_2    → C1_2a         (đ → dd)
    - / + under C1_2 → C1_2-1, C1_2-2 (the k-th bullet of its parent)
    section rows     → S1, S2
    the total        → TOTAL

A code used twice gets x2, x3… (and a note); the official number stays in `number`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dti.io.numbering import _BULLET, _section_title  # the target lists' numbering, shared
from dti.words import Note, note

_ARABIC = re.compile(r"\d+(?:\.\d+)*\.?")
_LETTER = re.compile(r"([a-zđ])[.)]?")
CODE = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"  # a spec code (dti/spec/model.py)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@dataclass(eq=False)  # rows compare by identity
class Item:
    """One row of the table placed in the tree."""

    row: int
    cells: dict[str, str]
    key: tuple[str, int] = ("", 0)  # the numbering kind (and depth for 1.1.2)
    number: str = ""
    parts: tuple[str, ...] = ()
    name: str = ""
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)
    code: str = ""
    details: tuple[str, ...] = ()  # sub-rows without points under a criterion with a rule (its content)


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def numbering(item: Item, numbered: bool) -> Note | None:
    """Set the item's numbering kind and name; return why it cannot be placed, or None."""
    ident = item.cells["number"].strip()
    name = " ".join(item.cells["name"].split())
    if ident:
        if _ARABIC.fullmatch(ident):
            parts = tuple(ident.rstrip(".").split("."))
            item.key, item.number, item.parts = ("arabic", len(parts)), ".".join(parts), parts
        elif (title := _section_title(ident, "")) is not None and not title:
            roman = re.sub(r"(?i)^phần\s+", "", ident).rstrip(".):-– ")
            item.key, item.number, item.parts = ("roman", 0), roman, (str(_roman(roman)),)
        elif match := _LETTER.fullmatch(ident.casefold()):
            letter = match.group(1)
            item.key, item.number, item.parts = ("letter", 0), f"{letter})", (letter.replace("đ", "dd"),)
        elif ident in {"-", "–", "—", "•", "·", "*", "+"}:
            item.key, item.number = ("plus" if ident == "+" else "dash", 0), ident
        else:
            return note("spec.import.unknown-numbering", ident=ident)
    elif (title := _section_title("", name)) is not None and title:
        roman = re.sub(r"(?i)^phần\s+", "", name[: len(name) - len(title)].strip(" .:")).strip(" .):-–")
        item.key, item.number, item.parts, name = ("roman", 0), roman, (str(_roman(roman)),), title
    elif bullet := _BULLET.match(name):
        mark = bullet.group(0).strip()
        letter = _LETTER.fullmatch(mark)
        kind = "letter" if letter else ("plus" if mark == "+" else "dash")
        item.key, item.number, name = (
            (kind, 0),
            f"{letter.group(1)})" if letter else mark,
            name[bullet.end() :],
        )
        item.parts = (letter.group(1).replace("đ", "dd"),) if letter else ()
    elif not any(item.cells[f] for f in ("points", "method")) and name:
        item.key = ("section", 0)
    elif not numbered and (match := re.match(r"(\d+(?:\.\d+)*)\.?\s+(\S.*)", name)):
        parts = tuple(match.group(1).split("."))
        item.key, item.number, item.parts, name = (
            ("arabic", len(parts)),
            match.group(1),
            parts,
            match.group(2),
        )
    else:
        return note("spec.import.no-number")
    if not name:
        return note("spec.import.no-name", number=item.number)
    item.name = name
    return None


def place(items: list[Item], root: Item, unplaced: list[dict[str, Any]]) -> None:
    """Hang each item under its parent: an outline stack keyed by numbering kind; `1.2` closes what is
    open at its depth or deeper and must follow `1` (or `1.x`)."""
    stack: list[Item] = []
    for item in items:
        kind, depth = item.key
        if kind == "arabic":
            deeper = [k for k, s in enumerate(stack) if s.key[0] == "arabic" and s.key[1] >= depth]
            kept = stack[: deeper[0]] if deeper else stack
            above = next((k for k in range(len(kept) - 1, -1, -1) if kept[k].key[0] == "arabic"), None)
            if above is not None and kept[above].parts != item.parts[: kept[above].key[1]]:
                why = note("spec.import.parent-missing", number=item.number, above=kept[above].number)
                unplaced.append({"row": item.row, "number": item.number, "name": item.name, "why": why})
                continue
            stack = kept if above is None else kept[: above + 1]
        elif (same := next((k for k, s in enumerate(stack) if s.key == item.key), None)) is not None:
            del stack[same:]
        item.parent = stack[-1] if stack else root
        item.parent.children.append(item)
        stack.append(item)
    for item in items:
        if item.key[0] == "section" and not item.children and item.parent is not None:
            item.parent.children.remove(item)
            why = note("spec.import.name-only")
            unplaced.append({"row": item.row, "number": "", "name": item.name, "why": why})


def walk(item: Item) -> list[Item]:
    out = [item]
    for child in item.children:
        out += walk(child)
    return out


def assign_codes(root: Item, notes: list[Note | str]) -> None:
    nodes = walk(root)[1:]
    arabic = Counter(n.number for n in nodes if n.key[0] == "arabic")
    qualify = any(count > 1 for count in arabic.values())
    sections = 0
    used: set[str] = {root.code}
    bullets: Counter[tuple[int, str]] = Counter()  # (parent, kind) → bullets so far
    repeats: Counter[str] = Counter()  # code → times it was asked for again
    for node in nodes:
        kind, parent = node.key[0], node.parent
        top = "" if parent is root or parent is None else parent.code
        if kind == "roman":
            code = f"G{node.parts[0]}"
        elif kind == "arabic":
            code = "C" + "_".join(node.parts)
            group = next((a for a in _ancestors(node) if a.key[0] in ("roman", "section")), None)
            code = f"{group.code}.{code}" if qualify and group is not None else code
        elif kind == "letter":
            code = (top or "L") + node.parts[0]
        elif kind == "section":
            sections += 1
            code = f"S{sections}"
        else:
            bullets[id(parent), kind] += 1
            k = bullets[id(parent), kind]
            code = f"{top}-{k}" if top else f"B{k}"
        given = node.cells["code"].strip()
        if given and re.fullmatch(CODE, given) and given not in used:
            code = given
        elif given:
            notes.append(note("spec.import.code-unused", row=node.row, given=given, code=code))
        base = code
        while code in used:
            repeats[base] += 1
            code = f"{base}x{repeats[base] + 1}"
        if code != base:
            notes.append(note("spec.import.repeats", row=node.row, number=node.number, code=code))
        node.code = code
        used.add(code)


def _ancestors(item: Item) -> list[Item]:
    out = []
    while item.parent is not None:
        item = item.parent
        out.append(item)
    return out
