"""Views of one year's scores: the ranked table, a unit's breakdown, and the json/csv builders.

Built from the Result's matrices (no pandas), so `dti score` of 10,000 units stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.report import Report
from dti.scoring import Changes, Result
from dti.spec import Spec
from dti.views.base import Column, Kind, Lang, View, as_float, node_name, total_code, tree, word

# --- dti score --------------------------------------------------------------------------------------


def score_columns(spec: Spec, show: str = "main") -> list[str]:
    """The total, then the nodes a table shows: "main" (pillars and main indices), "pillars", "components"."""
    kinds = {
        "pillars": ("pillar",),
        "main": ("pillar", "main", "group"),
        "components": ("pillar", "component"),
    }
    return [total_code(spec)] + [n.code for n in spec.nodes if n.kind in kinds[show]]


def _rank(value: Any) -> int | None:
    return int(value) or None


def score_table(
    result: Result, codes: list[str], by: str, changes: Changes | None = None, lang: Lang = "vi"
) -> View:
    """Units ranked by node `by`: values of `codes`, changes against a previous year, points at stake."""
    spec = result.spec
    index = spec.graph.index
    ranks = result.ranks_matrix[:, index[by]]
    order = np.argsort(np.where(ranks > 0, ranks, np.iinfo(np.int32).max), kind="stable")
    columns = [Column("rank", word("rank", lang), "int"), Column("unit", word("unit", lang))]
    columns += [Column("name", word("name", lang))]
    columns += [Column(c, c, "value", spec.precision, strong=c == by) for c in codes]
    if changes is not None:
        columns += [Column("value_pct", word("d_value", lang), "pct")]
        columns += [Column("places", word("d_rank", lang), "places")]
    stake = result.missing_matrix[:, index[total_code(spec)]]
    if np.nan_to_num(stake).max(initial=0) > 0:
        columns.append(Column("at_stake", word("at_stake", lang), "points", empty=""))
    values = result.values_matrix[:, [index[c] for c in codes]]
    rows = []
    for i in order.tolist():
        unit = result.unit_codes[i]
        row: dict[str, Any] = {"rank": _rank(ranks[i]), "unit": unit, "name": result.unit_names[i]}
        row.update({c: as_float(v) for c, v in zip(codes, values[i], strict=True)})
        if changes is not None:
            row["value_pct"], row["places"] = changes.get(unit, (None, None))
        row["at_stake"] = as_float(stake[i]) or None  # nothing at stake: blank
        rows.append(row)
    year = f", năm số liệu {result.year}" if lang == "vi" else f", data year {result.year}"
    title = (
        spec.id
        + (year if result.year else "")
        + (
            f": {len(order)} đơn vị, xếp hạng theo {by} (đồng hạng theo giá trị làm tròn "
            f"{spec.precision} chữ số thập phân)"
            if lang == "vi"
            else f": {len(order)} units, ranked by {by} (competition ranking on values rounded to "
            f"{spec.precision} decimals)"
        )
    )
    return View(title, columns, rows)


def unit_breakdown(result: Result, unit: str, lang: Lang = "vi") -> View:
    """One unit, node by node: points, max, value, rank, lost, at stake, self-assessed, Δ verified."""
    spec = result.spec
    index = spec.graph.index
    i = result.unit_codes.index(unit)
    keys = ("points", "max", "value", "rank", "lost", "at_stake", "self", "d_verified")
    kinds: dict[str, Kind] = {"value": "value", "rank": "int", "d_verified": "signed"}
    columns = [Column("code", word("code", lang), indent="level"), Column("name", word("name", lang))]
    columns += [Column(k, word(k, lang), kinds.get(k, "points"), spec.precision) for k in keys[:-1]]
    columns.append(Column("d_verified", word("d_verified", lang), "signed", empty=""))
    order = tree(spec)
    order += [(n.code, 0) for n in spec.nodes if n.kind == "pillar" and n.code not in {c for c, _ in order}]
    top = spec.graph.max_points
    points, stake, own = result.points_matrix[i], result.missing_matrix[i], result.self_matrix[i]
    lost = np.clip(top - points - stake, 0, None)
    rows = []
    for code, level in order:
        node, j = spec.node(code), index[code]
        delta = as_float(points[j] - own[j])
        rows.append(
            {
                "code": code,
                "level": level,
                "name": node_name(node, lang),
                "points": as_float(points[j]),
                "max": as_float(top[j]),
                "value": as_float(result.values_matrix[i, j]),
                "rank": _rank(result.ranks_matrix[i, j]),
                "lost": as_float(lost[j]),
                "at_stake": as_float(stake[j]),
                "self": as_float(own[j]),
                "d_verified": None if delta is None or abs(delta) < 1e-12 else delta,
                "inner": node.kind in ("total", "pillar", "main", "group"),
            }
        )
    title = f"{unit} {result.unit_names[i]} — {spec.id}" + (f", {result.year}" if result.year else "")
    return View(title, columns, rows, strong="inner")


def warnings_line(file: object, report: Report) -> str | None:
    """'2024.csv: 113 warning(s): missing-value 68, value-above-100 45 (details: dti validate 2024.csv)'."""
    counts = report.counts("warning")
    if not counts:
        return None
    listed = ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))
    return f"{file}: {sum(counts.values())} warning(s): {listed} (details: dti validate {file})"


def _floats(row: np.ndarray, codes: tuple[str, ...]) -> dict[str, float | None]:
    return dict(zip(codes, [None if v != v else v for v in row.tolist()], strict=True))


def score_data(result: Result, changes: Changes | None = None, by: str | None = None) -> dict[str, Any]:
    """The `dti score --format json` object: unrounded floats, null where a node has no value."""
    codes = result.codes
    units = [
        {
            "unit": unit,
            "name": result.unit_names[i],
            "values": _floats(result.values_matrix[i], codes),
            "points": _floats(result.points_matrix[i], codes),
            "ranks": dict(zip(codes, [r or None for r in result.ranks_matrix[i].tolist()], strict=True)),
            "missing_points": _floats(result.missing_matrix[i], codes),
        }
        for i, unit in enumerate(result.unit_codes)
    ]
    data: dict[str, Any] = {"spec": result.spec.id, "year": result.year, "units": units}
    if changes is not None:
        data["changes"] = {
            "by": by,
            "units": {u: {"value_pct": pct, "places": places} for u, (pct, places) in changes.items()},
        }
    return data


def score_frame(result: Result, changes: Changes | None = None, by: str | None = None) -> dict[str, Any]:
    """The `dti score --format csv` table as columns: unit, name, a value per node, rank_<CODE>."""
    columns: dict[str, Any] = {"unit": result.unit_codes, "name": result.unit_names}
    codes = result.codes
    for j, code in enumerate(codes):
        columns[code] = result.values_matrix[:, j]
    for j, code in enumerate(codes):
        ranks = result.ranks_matrix[:, j]
        columns[f"rank_{code}"] = np.where(ranks > 0, ranks, np.nan)  # written as a whole number or empty
    if changes is not None:
        found = [changes.get(u, (None, None)) for u in result.unit_codes]
        columns[f"change_{by}_value_pct"] = np.array([np.nan if p is None else p for p, _ in found])
        columns[f"change_{by}_places"] = np.array([np.nan if p is None else p for _, p in found])
    return columns
