"""A decision's criteria table (CSV, XLSX or a Word table) → a spec, with a review of what to check.

The table (`STT | Chỉ số / Tiêu chí | Điểm tối đa | Cách xác định và tính điểm | …`) is read by
dti/spec/criteria.py; the tree and the codes come from the numbering (dti/spec/outline.py documents the
codes: I → G1, 1.2 → C1_2, a) → C1_2a…); the official number stays in `number`. A leaf's points are its
`Điểm tối đa`; an inner node's are its children's sum, and a stated total that disagrees is reported, not
changed. Rules come from the method text (dti/spec/infer.py); what cannot be inferred is self-assessed
points, provisional.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dti.cycles import paused_collection
from dti.io.grid import InputError
from dti.numbers import parse_number
from dti.spec.check import check
from dti.spec.classify import split_bands
from dti.spec.criteria import FIELDS, decision_of, read_rows, title_of
from dti.spec.infer import Inference, infer_rule
from dti.spec.io import dump_data
from dti.spec.model import Spec, SpecError, ThresholdsRule
from dti.spec.outline import CODE, Item, assign_codes, numbering, place, walk
from dti.text import header_key, nfc
from dti.words import Lang, Note, note, texts

UNIT_WORDS = (
    ("cap xa", "commune"),
    ("cap huyen", "district"),
    ("so ban", "department"),
    ("cap tinh", "province"),
)


@dataclass
class Review:
    """What an analyst checks after an import."""

    nodes: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    provisional: list[dict[str, Any]] = field(default_factory=list)
    sums: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[dict[str, Any]] = field(default_factory=list)
    # what the rule adds that the text does not say, or a method not used ("check": the review's word)
    assumed: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note | str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The review for programs: its sentences in English."""
        return {
            "nodes": self.nodes,
            "rules": self.rules,
            "provisional": [{**p, "why": str(p["why"])} for p in self.provisional],
            "sums": self.sums,
            "unplaced": [{**u, "why": str(u["why"])} for u in self.unplaced],
            "assumed": [{**a, "why": str(a["why"])} for a in self.assumed],
            "notes": [str(n) for n in self.notes],
        }


@dataclass
class Imported:
    """The spec built, the review, and the spec's provenance as words (each node's `source`, the note)."""

    spec: Spec
    review: Review
    sources: dict[str, list[Note | str]]  # node code → the parts of its `source`
    note: Note
    file: str

    def yaml(self, lang: Lang = "en") -> str:
        """The YAML to write, its provenance worded in `lang`."""
        with paused_collection():
            data = self.spec.model_dump(mode="json", exclude_defaults=True)
            if lang != "en":  # the spec holds its provenance in English
                data["note"] = self.note.text(lang)
                for node in data["nodes"]:
                    if node["code"] in self.sources:
                        node["source"] = "; ".join(texts(self.sources[node["code"]], lang))
            return note("spec.import.header", file=self.file).text(lang) + "\n" + dump_data(data)

    @property
    def text(self) -> str:
        """The YAML in English (a program's copy)."""
        return self.yaml("en")


# --- the spec ----------------------------------------------------------------------------------------


def _no_points(text: str) -> Note:
    """Why a points cell gives no points: empty, negative (`-5`), or not a number (`mười`)."""
    cleaned = re.sub(r"(?i)\s*(?:điểm|đ)\.?$", "", text.strip())
    if not cleaned:
        return note("spec.infer.no-points")
    parsed = parse_number(cleaned)
    if parsed is not None and parsed.status == "number" and not parsed.percent and parsed.value < 0:
        return note("spec.infer.negative-points", text=text.strip())
    return note("spec.infer.not-points", text=text.strip())


def _keep_rules(root: Item, review: Review) -> None:
    """A criterion with points and a method whose sub-rows carry neither (`3 … Có: 10 điểm` over `a) …`)
    keeps its rule: the sub-rows are what it asks, said in its source, not criteria of their own."""
    for item in walk(root)[1:]:
        below = walk(item)[1:]
        if not below or not (item.cells["points"].strip() and item.cells["method"].strip()):
            continue
        if any(b.cells["points"].strip() or b.cells["method"].strip() for b in below):
            continue
        item.details = tuple(" ".join(f"{b.number} {b.name}".split()) for b in below)
        item.children = []
        rows = ", ".join(str(b.row) for b in below)
        review.notes.append(note("spec.import.sub-rows", rows=rows, number=item.number or item.name))


def _points(text: str) -> float | None:
    cleaned = re.sub(r"(?i)\s*(?:điểm|đ)\.?$", "", text.strip())
    parsed = parse_number(cleaned) if cleaned else None
    if parsed is None or parsed.status != "number" or parsed.percent or parsed.value < 0:
        return None
    return float(parsed.value)


def _joined(rows: list[Item], review: Review) -> list[Item]:
    """Rows with neither a number nor a name continue the row above (a cell split over rows)."""
    out: list[Item] = []
    joined: list[int] = []
    for row in rows:
        if row.cells["number"].strip() or row.cells["name"].strip() or not out:
            out.append(row)
            continue
        above = out[-1].cells
        method, pts = row.cells["method"], row.cells["points"]
        clause = f"{method}: {pts} điểm" if method and pts else method
        for name, text in (("method", clause), *((f, row.cells[f]) for f in ("evidence", "data", "partner"))):
            if text:
                above[name] = f"{above[name]}\n{text}".strip()
        joined.append(row.row)
    if joined:
        review.notes.append(note("spec.import.joined", rows=", ".join(map(str, joined))))
    return out


def _sum(item: Item, review: Review) -> float:
    """A leaf's points, or an inner node's children's sum; a stated sum that differs is reported."""
    stated = _points(item.cells["points"]) if item.cells else None
    if not item.children:
        return stated or 0.0
    total = sum(_sum(child, review) for child in item.children)
    if stated is not None and not np.isclose(stated, total):
        review.sums.append(
            {"code": item.code, "number": item.number, "row": item.row, "stated": stated, "children": total}
        )
    return total


def _node(
    item: Item,
    file: str,
    review: Review,
    sources: dict[str, list[Note | str]],
    infer: Callable[[str, float | None], Inference],
) -> dict[str, Any]:
    where = dict(file=file, row=item.row, number=item.number)
    parts: list[Note | str] = [
        note("spec.import.where-number", **where) if item.number else note("spec.import.where", **where)
    ]
    data: dict[str, Any] = {"code": item.code, "number": item.number, "name_vi": item.name}
    data["name_en"] = " ".join(item.cells["name_en"].split())
    method = " ".join(item.cells["method"].split())
    stated = _points(item.cells["points"])
    if item.children:
        data["kind"] = "group"
        wrong = next((s for s in review.sums if s["code"] == item.code), None)
        if wrong:
            parts.append(note("spec.import.sum-differs", stated=wrong["stated"], children=wrong["children"]))
        elif stated is not None:
            data["max_points"] = stated
        if method:
            parts.append(note("spec.import.method", method=method))
            if infer(item.cells["method"], stated).inferred:  # a rule the sub-criteria's points replace
                unused = note("spec.import.group-method", method=method)
                entry = {"code": item.code, "number": item.number, "row": item.row, "why": unused}
                review.assumed.append({**entry, "check": "method-unused"})
    else:
        data["kind"] = "component"
        inference = _as_rate(infer(item.cells["method"], stated), item.name)
        parts += [p for p in (inference.why, inference.detail, inference.assumed) if p is not None]
        if inference.assumed is not None:
            review.assumed.append(
                {"code": item.code, "number": item.number, "row": item.row, "why": inference.assumed}
                | {"check": "assumed"}
            )
        data["max_points"] = 0.0 if stated is None else stated
        data["rule"] = inference.rule.model_dump()
        if inference.inferred:
            review.rules[inference.rule.kind] = review.rules.get(inference.rule.kind, 0) + 1
        else:
            data["provisional"] = True
            why = _no_points(item.cells["points"]) if stated is None else inference.reason
            review.provisional.append(
                {"code": item.code, "number": item.number, "row": item.row, "why": why, "method": method}
            )
    if item.details:
        parts.append(note("spec.import.details", text="; ".join(item.details)))
    for key in ("evidence", "data", "partner"):
        if text := " ".join(item.cells[key].split()):
            parts.append(note(f"spec.import.{key}", text=text))
    sources[item.code] = parts
    data["source"] = "; ".join(map(str, parts))
    data["children"] = [c.code for c in item.children]
    return data


RATE_NAME = re.compile(r"^\s*(tỷ lệ|tỉ lệ)\b", re.IGNORECASE)


def _as_rate(inference: Inference, name: str) -> Inference:
    """Steps on a percentage: written with % (infer.py sets the flag) or the name a rate (`Tỷ lệ …`);
    the source says which (a thresholds inference has no other detail)."""
    rule = inference.rule
    if not isinstance(rule, ThresholdsRule):
        return inference
    if rule.percent:
        return dataclasses.replace(inference, detail=note("spec.percent.steps"))
    if rate := RATE_NAME.match(nfc(name)):
        said = note("spec.percent.name", start=rate.group(1).capitalize())
        rule = rule.model_copy(update={"percent": True})
        return dataclasses.replace(inference, rule=rule, detail=said)
    return inference


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_.\-]+", "-", header_key(text)).strip("-._")
    return slug or "imported"


def import_table(
    path: Path,
    *,
    spec_id: str | None = None,
    title: str | None = None,
    unit_kind: str | None = None,
    sheet: str | None = None,
) -> Imported:
    """Read a criteria table and build its spec; raise InputError for an unreadable table."""
    with paused_collection():
        return _import(path, spec_id=spec_id, title=title, unit_kind=unit_kind, sheet=sheet)


def _import(
    path: Path, *, spec_id: str | None, title: str | None, unit_kind: str | None, sheet: str | None
) -> Imported:
    from pydantic import ValidationError

    from dti.spec.check import pydantic_problems

    rows, totals, notes, titles, after = read_rows(path, sheet)
    review = Review(notes=notes)
    kept, bands, band_rows, unread = split_bands(sorted(rows + totals + after, key=lambda r: r.row))
    criteria = {id(r) for r in kept}
    rows, totals = [r for r in rows if id(r) in criteria], [r for r in totals if id(r) in criteria]
    for at, line in unread:
        said = note("spec.import.grade-unread", line=" ".join(line.split()).strip(" -–;."))
        review.assumed.append({"row": at, "number": "", "code": "", "check": "grade-unread", "why": said})
    if unread:
        review.notes.append(note("spec.import.bands-unread", rows=", ".join(map(str, band_rows))))
    elif band_rows:
        shown = "; ".join(f"{b.name_vi} ≥ {b.at_least:g}" for b in bands)
        review.notes.append(note("spec.import.bands", rows=", ".join(map(str, band_rows)), bands=shown))
    numbered = any(r.cells["number"].strip() for r in rows)
    items = []
    for row in _joined(rows, review):
        if (why := numbering(row, numbered)) is not None:
            name = " ".join(row.cells["name"].split())
            review.unplaced.append({"row": row.row, "number": row.cells["number"], "name": name, "why": why})
        else:
            items.append(row)
    given = next((t.cells["code"] for t in totals if re.fullmatch(CODE, t.cells["code"])), "")
    root = Item(0, {f: "" for f in FIELDS}, code=given or "TOTAL")
    place(items, root, review.unplaced)
    _keep_rules(root, review)
    if not root.children:
        raise InputError(note("spec.import.no-criteria", file=str(path)))
    assign_codes(root, review.notes)
    file = path.name
    total = _sum(root, review)
    for row in totals:
        stated = _points(row.cells["points"])
        if stated is not None and not np.isclose(stated, total):
            review.sums.append(
                {"code": root.code, "number": "", "row": row.row, "stated": stated, "children": total}
            )
    title = title or title_of(titles) or path.stem
    sources: dict[str, list[Note | str]] = {root.code: [note("spec.import.top-source", file=file)]}
    infer = functools.cache(infer_rule)  # once per distinct method text: tables repeat them
    nodes = [_node(item, file, review, sources, infer) for item in walk(root)[1:]]
    told = note(
        "spec.import.note",
        file=file,
        criteria=sum(not n["children"] for n in nodes),
        rules=sum(review.rules.values()),
        provisional=len(review.provisional),
    )
    name_en = next((t.cells["name_en"] for t in totals if t.cells["name_en"]), "")
    top = {
        "code": root.code,
        "name_vi": title,
        "name_en": name_en,
        "kind": "total",
        "children": [c.code for c in root.children],
    }
    top["source"] = str(sources[root.code][0])
    guess = next((kind for words, kind in UNIT_WORDS if words in header_key(title)), "any")
    data = {
        "id": spec_id or _slug(path.stem),
        "title": title,
        **decision_of(titles),
        "unit_kind": unit_kind or guess,
        "note": str(told),
        "nodes": [top, *nodes],
        "bands": [b.model_dump() for b in bands],
    }
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(str(path), pydantic_problems(exc)) from None
    if problems := check(spec):
        raise SpecError(str(path), problems)
    review.nodes = len(spec.nodes)
    review.unplaced.sort(key=lambda u: int(u["row"]))
    return Imported(spec, review, sources, told, file)
