"""A unit's breakdown in `dti score --unit`: every node's value, points, rank x/N and change, as a table,
JSON or columns (the ranked table of every unit is score.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.ranking import YearTable, places, rank_of
from dti.engine.scoring import Result
from dti.views.base import Column, Kind, Lang, View, as_float, narrow_hint, node_name, tree, word
from dti.views.score import _columns, _rank, _ranked


def _standing(
    result: Result, counts: np.ndarray, table: YearTable | None, unit: str, code: str
) -> tuple[int, int] | None:
    """The unit's rank of `code` and how many units it is out of: as the year table ranks it (ranks as
    published count, out of the units the publisher ranked), else among the file's units; None when
    fewer than two units are ranked."""
    if table is not None:
        return rank_of(table, unit, code)
    if unit not in result.unit_codes or code not in result.spec.graph.index:
        return None
    j = result.spec.graph.index[code]
    rank, of = _rank(result.ranks_matrix[result.unit_codes.index(unit), j]), int(counts[j])
    return None if rank is None or of < 2 else (rank, of)


def self_assessed(result: Result) -> bool:
    """Whether a stage column gave self-assessed figures (else the self view is the scored one itself)."""
    return result.self_matrix is not result.points_matrix


def breakdown_rows(
    result: Result,
    unit: str,
    before: Result | None = None,
    tables: tuple[YearTable | None, YearTable | None] = (None, None),
) -> list[dict[str, Any]]:
    """One unit node by node (tree order, then pillars): the raw figures behind `--unit`, any format.

    A rank comes with how many units it is out of (`ranked`). With `before` (a previous year): that
    year's value and rank, the change in % and places (+ = up) when both years rank the unit among as
    many units. `tables` (this year's, the previous year's) give ranks as published (a top-18 table
    ranks out of 63).
    """
    spec = result.spec
    index = spec.graph.index
    i = result.unit_codes.index(unit)
    order = tree(spec)
    order += [(n.code, 0) for n in spec.nodes if n.kind == "pillar" and n.code not in {c for c, _ in order}]
    top = spec.graph.max_points
    points, stake, own = result.points_matrix[i], result.missing_matrix[i], result.self_matrix[i]
    lost = result.lost_matrix[i]
    scored = spec.graph.is_leaf & (np.nan_to_num(top) > 0)
    if not np.isfinite(result.points_matrix[:, scored]).any():  # a results table: no points lost known
        lost = stake = np.full(len(top), np.nan)
    assessed = self_assessed(result)
    counts = _ranked(result)  # a rank among fewer than two units is none (a province's own file)
    counts_before = _ranked(before) if before is not None else counts
    rows = []
    for code, level in order:
        node, j = spec.node(code), index[code]
        delta = as_float(points[j] - own[j])
        now = _standing(result, counts, tables[0], unit, code)
        row: dict[str, Any] = {
            "code": code,
            "level": level,
            "name": node.name_vi,
            "name_en": node.name_en or None,
            "points": as_float(points[j]),
            "max": as_float(top[j]),
            "value": as_float(result.values_matrix[i, j]),
            "rank": None if now is None else now[0],
            "ranked": None if now is None else now[1],
            "lost": as_float(lost[j]),
            "at_stake": as_float(stake[j]),
            "self": as_float(own[j]) if assessed else None,
            "verified_change": None if delta is None or abs(delta) < 1e-12 else delta,
            "inner": node.kind in ("total", "pillar", "main", "group"),
        }
        if before is not None:
            k = before.spec.graph.index.get(code)
            old = before.unit_codes.index(unit) if unit in before.unit_codes else None
            was = as_float(before.values_matrix[old, k]) if old is not None and k is not None else None
            then = _standing(before, counts_before, tables[1], unit, code)
            value = row["value"]
            row["previous_value"] = was
            row["previous_rank"], row["previous_ranked"] = (None, None) if then is None else then
            row["value_pct"] = None if not was or value is None else (value - was) / was * 100
            # places among as many units only: 38th of 63, then 1st of 1 is no change of places
            row["places"] = places(then, now)
        rows.append(row)
    return rows


def unit_breakdown(
    result: Result,
    unit: str,
    lang: Lang = "vi",
    before: Result | None = None,
    tables: tuple[YearTable | None, YearTable | None] = (None, None),
) -> View:
    """One unit, node by node: points, max, value, rank of N, lost, at stake, self-assessed and Δ verified
    (when a stage column gave self-assessed figures).

    With `before`: the previous year's value and rank, the change in % and the places gained.
    """
    spec = result.spec
    kinds: dict[str, Kind] = {"value": "value", "rank": "int", "verified_change": "signed"}
    # a narrow terminal keeps the figures of the year (and the changes) and leaves out the detail first
    optional = {"verified_change": 5, "self": 5, "at_stake": 4, "lost": 3, "max": 2}
    if before is not None:  # the changes matter more than this year's points (its value stays)
        optional["points"] = 1
    keys = ["points", "max", "value", "rank", "lost", "at_stake"]
    keys += ["self", "verified_change"] if self_assessed(result) else []
    markers = {"rank": "rank_of"}
    labels = {"verified_change": word("d_verified", lang)}
    columns = [Column("code", word("code", lang), indent="level"), Column("name", word("name", lang))]
    columns += [
        Column(
            k,
            labels.get(k) or word(k, lang),
            kinds.get(k, "points"),
            spec.precision,
            empty="" if k == "verified_change" else "—",
            optional=optional.get(k, 0),
            marker=markers.get(k),
        )
        for k in keys
    ]
    rows = breakdown_rows(result, unit, before, tables)
    for row in rows:
        row["name"] = node_name(spec.node(row["code"]), lang)
        row["rank_of"] = None if row["ranked"] is None else f"/{row['ranked']}"
        row["previous_rank_of"] = None if row.get("previous_ranked") is None else f"/{row['previous_ranked']}"
    if before is not None:
        year = before.year or word("score.before", lang)
        columns += [
            Column("previous_value", f"{word('value', lang)} {year}", "value", spec.precision),
            Column("previous_rank", f"{word('rank', lang)} {year}", "int", marker="previous_rank_of"),
            Column("value_pct", word("d_value", lang), "pct"),
            Column("places", word("d_rank", lang), "places"),
        ]
    i = result.unit_codes.index(unit)
    title = f"{unit} {result.unit_names[i]} — {spec.id}" + (f", {result.year}" if result.year else "")
    graded: list[str] = []
    if spec.bands:  # the unit's grade, a line (pandas only then: the score views need none)
        from dti.views.grades import grade_line

        graded = grade_line(result, unit, lang)
    return View(title, columns, rows, graded, strong="inner", narrow=narrow_hint(lang))


def breakdown_data(
    result: Result,
    unit: str,
    before: Result | None = None,
    tables: tuple[YearTable | None, YearTable | None] = (None, None),
) -> dict[str, Any]:
    """`dti score --unit U --format json`: the unit's figures per node (English keys, raw numbers)."""
    i = result.unit_codes.index(unit)
    nodes = [
        {k: v for k, v in r.items() if k != "inner"} for r in breakdown_rows(result, unit, before, tables)
    ]
    data: dict[str, Any] = {"spec": result.spec.id, "year": result.year, "unit": unit}
    data.update({"name": result.unit_names[i], "nodes": nodes})
    if before is not None:
        data["previous_year"] = before.year
    return data


def breakdown_frame(
    result: Result,
    unit: str,
    before: Result | None = None,
    tables: tuple[YearTable | None, YearTable | None] = (None, None),
) -> dict[str, Any]:
    """`dti score --unit U --format csv`: a row per node, as columns (numbers as arrays, NaN empty)."""
    rows = breakdown_rows(result, unit, before, tables)
    return _columns(rows, [k for k in rows[0] if k != "inner"], texts=("code", "name", "name_en"))
