"""Numbering as appendices and task lists write it: Roman section rows (`I`, `II` → the group), headings
whose sub-rows (`- Hộ gia đình`, `3.1`) are the items, ids restarting per section (`II.3`), merged cells
left blank (the value above). Used by the target lists (appendix.py), task lists and criteria tables."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from dti.words import Note, note

_ROMAN = r"(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"
_SECTION = re.compile(rf"(?:[Pp]hần\s+|PHẦN\s+)?(?P<num>{_ROMAN})(?!\w)\s*[.):\-–]?\s*")
_BULLET = re.compile(r"\s*(?:[-–—+•·*]|[a-zđ][.)])\s*")
_BULLET_ID = re.compile(r"[-–—+•·*]|[a-zđ][.)]?")


def _section(ident: str, name: str) -> tuple[str, str] | None:
    """A section row's numeral and title (`I` + `HẠ TẦNG SỐ` → (`I`, `HẠ TẦNG SỐ`)); None if not one."""
    for text, rest in ((ident, name), (name, "")):
        match = _SECTION.match(text)
        if match and match.group(0).strip():
            return match["num"], (text[match.end() :] or rest).strip(" :.")
    return None


def _section_title(ident: str, name: str) -> str | None:
    """A section row's title ('I' + 'HẠ TẦNG SỐ', or 'I. HẠ TẦNG SỐ' in one cell); None if not one."""
    section = _section(ident, name)
    return None if section is None else section[1]


def _is_sub(rec: dict[str, Any], parent: str) -> bool:
    """A sub-row of a heading: a bullet ('- Hộ gia đình'), or, under a numbered heading, no number of
    its own or a number below the heading's ('3.1' under '3')."""
    ident = rec["id"].strip()
    if _BULLET.match(rec["name"]) or _BULLET_ID.fullmatch(ident):
        return True
    return bool(parent) and (ident == "" or ident.startswith(parent.rstrip(".") + "."))


def structure(
    frame: pd.DataFrame, notes: list[Note | str], items: str = "targets", fill: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Sections become the group of the rows below; headings prefix their sub-rows; neither is an item.

    Ids as written: a sub-row without a number of its own is its parent's number and its place (`3.1`
    under `3`), so is an unnumbered row right under a numbered item (a merged STT cell: `2.1` under `2`);
    when the numbering restarts in each section (I. 1–5, II. 1–9), every id is its section's and its
    number (`II.3`, `II.3.1`). The `fill` columns left blank (a merged cell) take the value above within
    the section, a heading's included: sub-rows inherit their parent's responsible unit."""
    records = frame.to_dict("records")
    kept: list[dict[str, Any]] = []
    sections: list[int] = []
    headings: list[int] = []
    group, numeral, heading, count = "", "", ("", ""), 0
    in_heading, bulleted = False, False
    above: dict[str, str] = {}
    parent, follow = "", 0  # the last numbered item, and the unnumbered rows under it
    for i, rec in enumerate(records):
        ident, name = rec["id"].strip(), rec["name"].strip()
        bare = not any(rec[c].strip() for c in ("target", "result", "status", "note"))
        section = _section(ident, name) if bare else None
        if section is not None or (bare and not ident and name and not _BULLET.match(name)):
            following = records[i + 1] if i + 1 < len(records) else None
            if section is not None or following is None or not _BULLET.match(following["name"]):
                numeral, group = section or ("", name)
                in_heading, above, parent = False, {}, ""
                sections.append(int(rec["row"]))
                continue
        for column in fill:
            if rec[column].strip():
                above[column] = rec[column]
            else:
                rec[column] = above.get(column, "")
        following = records[i + 1] if i + 1 < len(records) else None
        if bare and following is not None and not _BULLET_ID.fullmatch(ident) and _is_sub(following, ident):
            heading, count, in_heading, parent = (ident, name.rstrip(" :")), 0, True, ""
            bulleted = False  # whether the heading's sub-rows so far are bullets ('- Hộ gia đình')
            headings.append(int(rec["row"]))
            continue
        if in_heading and _is_sub(rec, heading[0]):
            count += 1
            bullet = _BULLET.match(name)
            listed = bool(bullet or _BULLET_ID.fullmatch(ident))
            # a plain row after bullets is a target of its own ('Triển khai phủ sóng mạng 5G' after '- Hộ
            # gia đình', '- Thôn/khu phố'): its own name, numbered in its place under the heading (I.1.3)
            if listed or not bulleted:
                rec["name"] = f"{heading[1]} - {name[bullet.end() :] if bullet else name}"
            bulleted = bulleted or listed
            if heading[0] and (not ident or _BULLET_ID.fullmatch(ident)):
                rec["id"] = f"{heading[0].rstrip('.')}.{count}"
        else:
            in_heading = False
            if ident:
                parent, follow = ident.rstrip("."), 0
            elif parent:
                follow += 1
                rec["id"] = f"{parent}.{follow}"
        if not rec["group"].strip():
            rec["group"] = group
        rec["section"] = numeral
        kept.append(rec)
    _section_ids(kept)
    things = note(f"io.items.{items}")
    if sections:
        notes.append(note("io.sections", rows=rows_note(sections), items=things))
    if headings:
        notes.append(note("io.headings", rows=rows_note(headings), items=things))
    if not kept:
        return frame.iloc[0:0]
    return pd.DataFrame(kept, columns=frame.columns)


def _section_ids(records: list[dict[str, Any]]) -> None:
    """Numbering that restarts in each section (an id in two sections): every id gets its section's
    numeral (`II.3`); numbering that runs on through the sections keeps its ids as written."""
    sections: dict[str, set[str]] = {}
    for rec in records:
        if rec["id"].strip():
            sections.setdefault(rec["id"].strip(), set()).add(rec["section"])
    if not any(len(s) > 1 for s in sections.values()):
        return
    for rec in records:
        if rec["section"] and rec["id"].strip():
            rec["id"] = f"{rec['section']}.{rec['id'].strip()}"


def rows_note(rows: list[int], first: int = 10) -> Note:
    """'rows 8, 14, 18' — a long list cut to its first rows: 'rows 2, 3, … 11 and 1,490 more'."""
    listed: Note | str = ", ".join(map(str, rows))
    if len(rows) > first + 1:
        listed = note("io.rows-cut", rows=", ".join(map(str, rows[:first])), more=len(rows) - first)
    return note("io.row-many" if len(rows) > 1 else "io.row-one", rows=listed)
