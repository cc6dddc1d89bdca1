"""Views of one year's scores: the ranked table, a unit's breakdown, and the json/csv builders."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from dti.report import Report
from dti.scoring import Result
from dti.spec import Spec
from dti.views.base import Column, Kind, Lang, View, as_float, as_int, total_code, tree, word

# --- dti score --------------------------------------------------------------------------------------


def score_columns(spec: Spec, show: str = "main") -> list[str]:
    """The total, then the nodes a table shows: "main" (pillars and main indices), "pillars", "components"."""
    kinds = {
        "pillars": ("pillar",),
        "main": ("pillar", "main", "group"),
        "components": ("pillar", "component"),
    }
    return [total_code(spec)] + [n.code for n in spec.nodes if n.kind in kinds[show]]


def score_table(
    result: Result, codes: list[str], by: str, changes: pd.DataFrame | None = None, lang: Lang = "vi"
) -> View:
    """Units ranked by node `by`: values of `codes`, changes against a previous year, points at stake."""
    spec = result.spec
    order = result.ranks[by].sort_values(na_position="last", kind="stable").index
    columns = [Column("rank", word("rank", lang), "int"), Column("unit", word("unit", lang))]
    columns += [Column("name", word("name", lang))]
    columns += [Column(c, c, "value", spec.precision, strong=c == by) for c in codes]
    if changes is not None:
        columns += [Column("value_pct", word("d_value", lang), "pct")]
        columns += [Column("places", word("d_rank", lang), "places")]
    stake = result.missing_points[total_code(spec)]
    if stake.fillna(0).gt(0).any():
        columns.append(Column("at_stake", word("at_stake", lang), "points", empty=""))
    rows = []
    for unit in order:
        row: dict[str, Any] = {"rank": as_int(result.ranks.at[unit, by]), "unit": unit}
        row["name"] = result.units.at[unit, "name"]
        row.update({c: as_float(result.values.at[unit, c]) for c in codes})
        if changes is not None:
            row["value_pct"] = as_float(changes["value_pct"].get(unit))
            row["places"] = as_int(changes["places"].get(unit))
        row["at_stake"] = as_float(stake.get(unit)) or None  # nothing at stake: blank
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
    keys = ("points", "max", "value", "rank", "lost", "at_stake", "self", "d_verified")
    kinds: dict[str, Kind] = {"value": "value", "rank": "int", "d_verified": "signed"}
    columns = [Column("code", word("code", lang), indent="level"), Column("name", word("name", lang))]
    columns += [Column(k, word(k, lang), kinds.get(k, "points"), spec.precision) for k in keys[:-1]]
    columns.append(Column("d_verified", word("d_verified", lang), "signed", empty=""))
    order = tree(spec)
    order += [(n.code, 0) for n in spec.nodes if n.kind == "pillar" and n.code not in {c for c, _ in order}]
    lost, change = result.lost_points, result.appraisal_change
    rows = []
    for code, level in order:
        node = spec.node(code)
        delta = as_float(change.at[unit, code])
        rows.append(
            {
                "code": code,
                "level": level,
                "name": node.name_vi,
                "points": as_float(result.points.at[unit, code]),
                "max": as_float(result.max_points[code]),
                "value": as_float(result.values.at[unit, code]),
                "rank": as_int(result.ranks.at[unit, code]),
                "lost": as_float(lost.at[unit, code]),
                "at_stake": as_float(result.missing_points.at[unit, code]),
                "self": as_float(result.self_points.at[unit, code]),
                "d_verified": None if delta is None or abs(delta) < 1e-12 else delta,
                "inner": node.kind in ("total", "pillar", "main", "group"),
            }
        )
    title = f"{unit} {result.units.at[unit, 'name']} — {spec.id}" + (
        f", {result.year}" if result.year else ""
    )
    return View(title, columns, rows, strong="inner")


def warnings_line(file: object, report: Report) -> str | None:
    """'2024.csv: 113 warning(s): missing-value 68, value-above-100 45 (details: dti validate 2024.csv)'."""
    if not report.warnings:
        return None
    counts = Counter(str(i.code) for i in report.warnings)
    listed = ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))
    return f"{file}: {len(report.warnings)} warning(s): {listed} (details: dti validate {file})"


def score_data(result: Result, changes: pd.DataFrame | None = None, by: str | None = None) -> dict[str, Any]:
    """The `dti score --format json` object: unrounded floats, null where a node has no value."""

    def floats(frame: pd.DataFrame, unit: str) -> dict[str, float | None]:
        return {c: as_float(v) for c, v in frame.loc[unit].items()}

    units = [
        {
            "unit": unit,
            "name": result.units.at[unit, "name"],
            "values": floats(result.values, unit),
            "points": floats(result.points, unit),
            "ranks": {c: as_int(r) for c, r in result.ranks.loc[unit].items()},
            "missing_points": floats(result.missing_points, unit),
        }
        for unit in result.units.index
    ]
    data: dict[str, Any] = {"spec": result.spec.id, "year": result.year, "units": units}
    if changes is not None:
        data["changes"] = {
            "by": by,
            "units": {
                str(u): {"value_pct": as_float(r.value_pct), "places": as_int(r.places)}
                for u, r in changes.iterrows()
            },
        }
    return data


def score_frame(result: Result, changes: pd.DataFrame | None = None, by: str | None = None) -> pd.DataFrame:
    """The `dti score --format csv` table: unit, name, a value column per node, then rank_<CODE>."""
    frame = pd.concat([result.units, result.values, result.ranks.add_prefix("rank_")], axis=1)
    frame = frame.reset_index()
    if changes is not None:
        frame = frame.join(changes.add_prefix(f"change_{by}_"), on="unit")
    return frame
