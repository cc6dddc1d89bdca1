"""The classification rows under a criteria table: the grades a decision gives a total.

    Xếp loại:
    - Loại Tốt: từ 80 điểm trở lên;
    - Loại Khá: từ 65 đến dưới 80 điểm;
    - Trung bình: từ 50 đến dưới 65 điểm;
    - Yếu: dưới 50 điểm.

A row whose text starts with `Xếp loại` / `Phân loại` (in any column, or all in one cell), and the rows
after it whose every line is a grade (`LABEL: từ N điểm trở lên`, `từ N đến dưới M điểm`, `dưới N điểm`),
are the spec's bands — label and lowest points, highest first — and not criteria. A grade row without
the heading counts too when it names a grade word (Tốt, Khá, Trung bình, Yếu…).

A grade line dti cannot read (`Loại Xuất sắc: trên 90 điểm`: a strict bound is not read) is still a
classification line, never a criterion's text: it is returned as unread, and then no band is kept at all
(a classification missing one grade would grade units wrongly).
"""

from __future__ import annotations

import re

from dti.spec.model import Band
from dti.spec.outline import Item
from dti.text import plain_key

_HEADING = re.compile(r"^(?:muc\s+)?(?:xep loai|phan loai|danh gia xep loai)\b[^:]*:?\s*")
_NUMBER = r"\d+(?:[.,]\d+)?"
_GRADE = re.compile(r"^[-–+•*]?\s*(?P<label>[^:]+?)\s*:\s*(?P<bound>.+?)[.;]?$")
_AT_LEAST = (
    re.compile(rf"^(?:dat\s+)?(?:tu|>=|≥)\s*(?P<n>{_NUMBER})\s*(?:diem)?\s*(?:tro len|den\b.*)?$"),
    re.compile(rf"^(?:dat\s+)?(?P<n>{_NUMBER})\s*(?:diem)?\s*(?:tro len|den\b.*|[-–]\s*\d.*)$"),
)
_BELOW = re.compile(rf"^(?:dat\s+)?(?:duoi|<)\s*{_NUMBER}\s*(?:diem)?$")
_NUMBERED = re.compile(r"(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?")
# The grades' usual names in English (a spec's name_en; other names are left for the user to word).
_ENGLISH = {
    "xuat sac": "Excellent",
    "tot": "Good",
    "kha": "Fair",
    "trung binh kha": "Above average",
    "trung binh": "Average",
    "yeu": "Weak",
    "kem": "Poor",
    "dat": "Pass",
    "khong dat": "Fail",
}
_WORDS = re.compile(r"\b(?:xuat sac|tot|kha|trung binh|yeu|kem|dat|khong dat|hoan thanh)\b")


def _grade(line: str) -> Band | None:
    """`- Loại Khá: từ 65 đến dưới 80 điểm` → Band('Khá', 65); None if the line is not a grade."""
    match = _GRADE.match(" ".join(line.split()))
    if match is None:
        return None
    label = re.sub(r"(?i)^(?:xếp\s+)?loại\s+", "", match.group("label")).strip(" -–")
    bound = plain_key(match.group("bound")).strip(" .;)")
    if _BELOW.match(bound):
        at = 0.0
    elif found := next((m for p in _AT_LEAST if (m := p.match(bound))), None):
        at = float(found.group("n").replace(",", "."))
    else:
        return None
    return Band(name_vi=label, name_en=_ENGLISH.get(plain_key(label), ""), at_least=at) if label else None


def _named(line: str) -> bool:
    """`- Loại Xuất sắc: trên 90 điểm`: a grade's name and a bound, read or not."""
    match = _GRADE.match(" ".join(line.split()))
    return match is not None and _WORDS.search(plain_key(match.group("label"))) is not None


def _lines(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n|;|(?<=[.:])\s+(?=[-–+•*]\s)", text) if p.strip(" -–.;")]


def split_bands(rows: list[Item]) -> tuple[list[Item], list[Band], list[int], list[tuple[int, str]]]:
    """The rows that are criteria, the bands the others give (highest first), their row numbers, and the
    grade lines not read (row, line). Bands that contradict one another (two at one bound, a label
    twice), or a classification with a line not read, are all kept out of the spec."""
    kept: list[Item] = []
    bands: list[Band] = []
    taken: list[int] = []
    unread: list[tuple[int, str]] = []
    heading = False
    pending: Item | None = None  # a heading row alone: classification only if grades follow it
    for row in rows:
        if pending is not None and not heading:
            kept.append(pending)
            pending = None
        if not heading and _NUMBERED.fullmatch(row.cells["number"].strip()):
            kept.append(row)  # a numbered criterion (most rows: no folding)
            continue
        cells = [v for v in row.cells.values() if v.strip()]
        text = "\n".join(cells) if len(cells) != 2 else f"{cells[0].rstrip(' :')}: {cells[1]}"
        plain = plain_key(text)
        lines: list[str] = []
        if _HEADING.match(plain):
            lines = _lines(_after_colon(text))
            heading = True
        elif heading or _WORDS.search(plain):
            lines = _lines(text)
        found = [_grade(line) for line in lines]
        # under a heading a named grade not read is still a grade line; else every line must read
        pairs = list(zip(found, lines, strict=True))
        graded = bool(found) and all(b is not None or (heading and _named(t)) for b, t in pairs)
        if heading and not found:
            pending = row
            continue
        if graded:
            heading = True
            bands += [b for b in found if b is not None]
            unread += [(row.row, t) for b, t in pairs if b is None]
            taken += [pending.row, row.row] if pending is not None else [row.row]
            pending = None
            continue
        heading = False
        kept.append(row)
    if pending is not None:
        kept.append(pending)
    bands.sort(key=lambda b: -b.at_least)  # a decision may list them from the lowest
    labels = [b.name_vi.casefold() for b in bands]
    bounds = [b.at_least for b in bands]
    if unread or len(set(labels)) < len(labels) or len(set(bounds)) < len(bounds):
        return kept, [], taken, unread
    return kept, bands, taken, unread


def _after_colon(text: str) -> str:
    """The text after the heading's `Xếp loại…:` (its length differs once folded: keep the original)."""
    head, colon, rest = text.partition(":")
    return rest if colon else ""


def classification(paragraphs: list[str]) -> list[str]:
    """The paragraphs below a Word table that classify its total: from a `Xếp loại` heading, while each
    line is a grade (the rest of the document is not the table's)."""
    start = next((k for k, p in enumerate(paragraphs) if _HEADING.match(plain_key(p))), None)
    if start is None:
        return []
    taken = [paragraphs[start]]
    for paragraph in paragraphs[start + 1 :]:
        if not all(_grade(line) or _named(line) for line in _lines(paragraph)):
            break
        taken.append(paragraph)
    return taken
