"""Views of a spec: the bundled list and the tree with points, rules and pillars."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dti.spec import Spec
from dti.views.base import Column, Kind, Lang, View, narrow_hint, total_code, tree

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
    vi = lang == "vi"
    labels = (
        ("mã", "quyết định", "năm", "cấp", "tính điểm được", "tên")
        if vi
        else ("id", "decision", "years", "unit kind", "scorable", "title")
    )
    keys = ("id", "decision", "years", "unit_kind", "scorable", "title")
    kinds: dict[str, Kind] = {"years": "list", "scorable": "bool"}
    optional = {"unit_kind": 2, "decision": 1}  # a narrow terminal keeps id, years and title
    columns = [
        Column(
            k, w, kinds.get(k, "text"), tone="tone" if k == "scorable" else None, optional=optional.get(k, 0)
        )
        for k, w in zip(keys, labels, strict=True)
    ]
    rows = [
        {
            "id": s.id,
            "decision": s.decision,
            "years": list(s.years),
            "unit_kind": s.unit_kind,
            "scorable": s.scorable,
            "title": ("EXAMPLE — " if s.example else "") + s.title,
            "tone": None if s.scorable else "error",
        }
        for s in specs
    ]
    return View("Bộ chỉ số có sẵn" if vi else "Bundled specs", columns, rows, narrow=narrow_hint(lang))


def spec_tree(spec: Spec, depth: int | None = None, lang: Lang = "en", decimal: str = ".") -> View:
    """The spec as a tree: number, code, name, provisional mark, points, rule, pillars.

    `decimal` is the decimal mark of the points in the notes (the table's are the writer's).
    """
    vi = lang == "vi"
    graph = spec.graph
    maximum = {c: float(graph.max_points[graph.index[c]]) for c in graph.codes}
    pillar_of: dict[str, list[str]] = defaultdict(list)
    for node in spec.nodes:
        if node.kind == "pillar":
            for child in node.children:
                pillar_of[child].append(node.code)
    labels = (
        ("stt", "mã", "tên", "*", "điểm", "quy tắc", "trụ cột")
        if vi
        else ("no.", "code", "name", "*", "points", "rule", "pillars")
    )
    keys = ("number", "code", "name", "provisional", "points", "rule", "pillars")
    kinds: dict[str, Kind] = {"points": "points", "pillars": "list"}
    columns = [
        Column(k, w, kinds.get(k, "text"), indent="level" if k == "code" else None, empty="")
        for k, w in zip(keys, labels, strict=True)
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
    decision, date, years = spec.decision or "—", spec.decision_date or "—", spec.years or "—"
    if vi and spec.decision_date:
        date = spec.decision_date.strftime("%d/%m/%Y")
    if vi:
        about = f"Quyết định {decision} ngày {date}; năm {years}; cấp: {spec.unit_kind}; "
        about += f"độ chính xác {spec.precision}; đồng hạng: {spec.ties}"
        about += "" if spec.scorable else "; không tính điểm được (chưa rõ điểm)"
    else:
        about = f"Decision {decision} of {date}; years {years}; unit: {spec.unit_kind}; "
        about += f"precision {spec.precision}; ties: {spec.ties}"
        about += "" if spec.scorable else "; not scorable (points unknown)"
    pillar, pts = ("Trụ cột", "điểm") if vi else ("Pillar", "points")
    notes = [
        f"{pillar} {p.code} {p.name_vi} = {' + '.join(p.children)}: {_pts(maximum[p.code], decimal)} {pts}"
        for p in spec.nodes
        if p.kind == "pillar" and p.children
    ]
    leaves, mains = int(graph.is_leaf.sum()), sum(n.kind == "main" for n in spec.nodes)
    provisional = sum(n.provisional for n in spec.nodes)
    points = _pts(maximum[total_code(spec)], decimal)
    if vi:
        line = f"{mains} chỉ số chính, {leaves} chỉ tiêu lá, {points} điểm"
        line += f"; * = tạm tính ({provisional} nút): chưa đối chiếu với quyết định" if provisional else ""
    else:
        line = f"{mains} main indices, {leaves} leaves, {points} points"
        if provisional:
            line += f"; * = provisional ({provisional} nodes): not verified against the decision"
    notes.append(line)
    title = f"{spec.id} — {spec.title}\n{about}"
    return View(title, columns, rows, notes)
