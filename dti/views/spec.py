"""Views of a spec: the bundled list and the tree with points, rules and pillars."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from dti.spec import Spec
from dti.views.base import Column, Kind, Lang, View, narrow_hint, tree
from dti.words import say, word

# --- dti spec ---------------------------------------------------------------------------------------


def _pts(value: float, decimal: str = ".") -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if decimal == "," else text


def spec_list_data(specs: list[Spec]) -> list[dict[str, Any]]:
    """`dti spec list --format json`: id, decision, years, unit kind, scorable, title of each spec."""
    return [
        {
            "id": s.id,
            "decision": s.decision,
            "decision_date": s.decision_date,
            "years": list(s.years),
            "unit_kind": s.unit_kind,
            "scorable": s.scorable,
            "example": s.example,
            "title": s.title,
        }
        for s in specs
    ]


def spec_list_frame(specs: list[Spec]) -> dict[str, list[Any]]:
    """`dti spec list --format csv`: the json rows as columns (years joined by spaces)."""
    rows = spec_list_data(specs)
    frame = {k: [str(r[k]) for r in rows] for k in rows[0]} if rows else {}
    if rows:
        frame["years"] = [" ".join(map(str, r["years"])) for r in rows]
        frame["decision_date"] = [str(r["decision_date"] or "") for r in rows]
    return frame


def spec_list(specs: list[Spec], lang: Lang = "en") -> View:
    keys = ("id", "decision", "years", "unit_kind", "scorable", "title")
    kinds: dict[str, Kind] = {"years": "list"}
    optional = {"unit_kind": 2, "decision": 1}  # a narrow terminal keeps id, years and title
    columns = [
        Column(
            k,
            say("spec.list.title-column" if k == "title" else f"spec.list.{k}", lang),
            kinds.get(k, "text"),
            tone="tone" if k == "scorable" else None,
            optional=optional.get(k, 0),
        )
        for k in keys
    ]
    rows = [
        {
            "id": s.id,
            "decision": s.decision,
            "years": list(s.years),
            "unit_kind": say(f"spec.unit.{s.unit_kind}", lang),
            "scorable": word("yes" if s.scorable else "no", lang),
            "title": _example(s, lang) + s.title,
            "tone": None if s.scorable else "error",
        }
        for s in specs
    ]
    return View(say("spec.list.title", lang), columns, rows, narrow=narrow_hint(lang))


def _example(spec: Spec, lang: Lang) -> str:
    """'VÍ DỤ — ' before an example's title, unless its title says so already."""
    mark = say("spec.list.example", lang)
    return mark if spec.example and not spec.title.startswith(mark) else ""


def _points(value: float, lang: Lang, decimal: str) -> str:
    """'100 điểm', or that the points are unknown (a spec whose decision publishes none: NaN)."""
    if math.isnan(value):
        return say("spec.points-unknown", lang)
    return say("spec.points", lang, points=_pts(value, decimal))


def main_indices(spec: Spec) -> list[str]:
    """The main indices: the nodes so marked, or the total's children when none is (a local index's groups,
    the 2020 decision's pillars)."""
    return [n.code for n in spec.nodes if n.kind == "main"] or list(spec.node(spec.total).children)


def _about(spec: Spec, lang: Lang) -> list[str]:
    """Decision and date, years (each when the spec has them), unit kind, precision, ties, scorable."""
    parts = []
    if spec.decision and spec.decision_date:
        date = spec.decision_date.strftime(say("spec.date-format", lang))
        parts.append(say("spec.about.decision", lang, decision=spec.decision, date=date))
    elif spec.decision:
        parts.append(say("spec.about.decision-undated", lang, decision=spec.decision))
    if spec.years:
        parts.append(say("spec.about.years", lang, years=", ".join(map(str, spec.years))))
    parts.append(
        say(
            "spec.about",
            lang,
            unit=say(f"spec.unit.{spec.unit_kind}", lang),
            precision=spec.precision,
            ties=say(f"spec.ties.{spec.ties}", lang),
            scorable="" if spec.scorable else say("spec.not-scorable", lang),
        )
    )
    if spec.bands:
        grades = [say("spec.about.band", lang, name=b.name(lang), at=b.at_least) for b in spec.bands]
        if len(spec.bands) > 1 and spec.bands[-1].at_least == 0:  # the lowest: 'Yếu: dưới 50 điểm'
            lowest = spec.bands[-1].name(lang)
            grades[-1] = say("spec.about.band-below", lang, name=lowest, at=spec.bands[-2].at_least)
        parts.append(say(f"spec.about.bands-{spec.bands[0].scale}", lang, bands=", ".join(grades)))
    parts[0] = parts[0][:1].upper() + parts[0][1:]
    return parts


def spec_tree(spec: Spec, depth: int | None = None, lang: Lang = "en", decimal: str = ".") -> View:
    """The spec as a tree: number, code, name, provisional mark, points, rule, pillars.

    `decimal` is the decimal mark of the points in the notes (the table's are the writer's).
    """
    graph = spec.graph
    maximum = {c: float(graph.max_points[graph.index[c]]) for c in graph.codes}
    pillar_of: dict[str, list[str]] = defaultdict(list)
    for node in spec.nodes:
        if node.kind == "pillar":
            for child in node.children:
                pillar_of[child].append(node.code)
    keys = ("number", "code", "name", "provisional", "points", "rule", "pillars")
    kinds: dict[str, Kind] = {"points": "points", "pillars": "list"}
    columns = [
        Column(
            k,
            "*" if k == "provisional" else say(f"spec.tree.{k}", lang),
            kinds.get(k, "text"),
            indent="level" if k == "code" else None,
            empty="",
        )
        for k in keys
    ]
    rows = []
    for code, level in tree(spec, depth):
        node = spec.node(code)
        rule = node.rule.kind if node.rule else ("" if node.children else "—")
        rows.append(
            {
                "number": node.number,
                "code": code,
                "level": level,
                "name": node.name_vi,  # the decision's own words, whatever the labels' language
                "provisional": "*" if node.provisional else "",
                "points": maximum[code],
                "rule": rule,
                "pillars": pillar_of.get(code, []),
            }
        )
    about = "; ".join(_about(spec, lang))
    notes = [
        say(
            "spec.pillar",
            lang,
            code=p.code,
            name=p.name_vi,
            parts=" + ".join(p.children),
            points=_points(maximum[p.code], lang, decimal),
        )
        for p in spec.nodes
        if p.kind == "pillar" and p.children
    ]
    provisional = sum(n.provisional for n in spec.nodes)
    counts = say(
        "spec.counts",
        lang,
        mains=len(main_indices(spec)),
        leaves=int(graph.is_leaf.sum()),
        points=_points(maximum[spec.total], lang, decimal),
        provisional=say("spec.provisional", lang, count=provisional) if provisional else "",
    )
    notes.append(counts)
    title = f"{spec.id} — {spec.title}\n{about}"
    return View(title, columns, rows, notes)
