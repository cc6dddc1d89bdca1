"""Views of one year's scores: the ranked table, a unit's breakdown, and the json/csv builders.

Built from the Result's matrices (no pandas), so `dti score` of 10,000 units stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.ranking import YearTable, places, rank_of
from dti.engine.scoring import Changes, Result
from dti.issues import Report
from dti.spec import Spec
from dti.views.base import (
    Column,
    Kind,
    Lang,
    View,
    as_float,
    narrow_hint,
    node_name,
    tree,
    word,
)
from dti.words import say

# --- dti score --------------------------------------------------------------------------------------


def score_columns(spec: Spec, show: str = "main") -> list[str]:
    """The total, then the nodes a table shows: "main" (pillars and main indices), "pillars", "components"."""
    kinds = {
        "pillars": ("pillar",),
        "main": ("pillar", "main", "group"),
        "components": ("pillar", "component"),
    }
    return [spec.total] + [n.code for n in spec.nodes if n.kind in kinds[show]]


def _rank(value: Any) -> int | None:
    return int(value) or None


def _ranked(result: Result) -> np.ndarray:
    """How many units each node ranks."""
    return np.count_nonzero(np.nan_to_num(result.ranks_matrix), axis=0)


def score_table(
    result: Result, codes: list[str], by: str, changes: Changes | None = None, lang: Lang = "vi"
) -> View:
    """Units ranked by node `by`: values of `codes`, changes against a previous year, points at stake.

    In a narrow terminal the main indices are left out first (from the right), then the pillars.
    """
    spec = result.spec
    index = spec.graph.index
    ranks = result.ranks_matrix[:, index[by]]
    order = np.argsort(np.where(ranks > 0, ranks, np.iinfo(np.int32).max), kind="stable")
    columns = [Column("rank", word("rank", lang), "int"), Column("unit", word("unit", lang))]
    columns += [Column("name", word("name", lang))]
    kinds = {n.code: n.kind for n in spec.nodes}
    optional = {"total": 0, "pillar": 1}
    columns += [
        Column(
            c,
            c,
            "value",
            spec.precision,
            strong=c == by,
            optional=0 if c == by else optional.get(kinds[c], 2),
        )
        for c in codes
    ]
    if changes is not None:
        columns += [Column("value_pct", word("d_value", lang), "pct")]
        columns += [Column("places", word("d_rank", lang), "places")]
    stake = result.missing_matrix[:, index[spec.total]]
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
    worded = {"spec": spec.id, "count": len(order), "by": by, "digits": spec.precision}
    if result.year:
        title = say("score.title-year", lang, year=result.year, **worded)
    else:
        title = say("score.title", lang, **worded)
    return View(title, columns, rows, narrow=narrow_hint(lang, word("score.narrow-pillars", lang)))


def _units(result: Result, order: list[int] | None) -> list[tuple[int, str]]:
    rows = range(len(result.unit_codes)) if order is None else order
    return [(i, result.unit_codes[i]) for i in rows]


def rank_order(result: Result, by: str) -> list[int]:
    """Unit rows in rank order of node `by` (units without a rank last, in file order)."""
    ranks = result.ranks_matrix[:, result.spec.graph.index[by]]
    return np.argsort(np.where(ranks > 0, ranks, np.iinfo(np.int32).max), kind="stable").tolist()


def components(spec: Spec) -> list[tuple[str, str]]:
    """(main index, component) pairs in tree order: every leaf with the level-1 node it lies under."""
    pairs, main = [], ""
    for code, level in tree(spec):
        if level == 1:
            main = code
        elif level > 1 and not spec.node(code).children:
            pairs.append((main, code))
    return pairs


def component_rows(result: Result, by: str, unit: str | None = None) -> list[dict[str, Any]]:
    """A row per unit and component (units in rank order of `by`): value, points, max, lost, at stake."""
    spec = result.spec
    index = spec.graph.index
    pairs = components(spec)
    cols = [index[c] for _, c in pairs]
    top = spec.graph.max_points[cols]
    units = [result.unit_codes.index(unit)] if unit is not None else rank_order(result, by)
    ranks = result.ranks_matrix[:, index[by]]
    rows = []
    for i in units:
        points, stake, lost = (
            result.points_matrix[i, cols],
            result.missing_matrix[i, cols],
            result.lost_matrix[i, cols],
        )
        for k, (main, code) in enumerate(pairs):
            rows.append(
                {
                    "rank": _rank(ranks[i]),
                    "unit": result.unit_codes[i],
                    "name": result.unit_names[i],
                    "main": main,
                    "component": code,
                    "value": as_float(result.values_matrix[i, cols[k]]),
                    "points": as_float(points[k]),
                    "max": as_float(top[k]),
                    "lost": as_float(lost[k]),
                    "at_stake": as_float(stake[k]),
                }
            )
    return rows


def components_table(result: Result, by: str, lang: Lang = "vi", unit: str | None = None) -> View:
    """`--show components`: a long table, a row per unit and component, not a column per component."""
    spec = result.spec
    names = {c: node_name(spec.node(c), lang) for _, c in components(spec)}
    rows = [{**r, "component_name": names[r["component"]]} for r in component_rows(result, by, unit)]
    columns = [
        Column("rank", f"{word('rank', lang)} {by}", "int"),
        Column("unit", word("unit", lang)),
        Column("name", word("name", lang)),
        Column("main", word("score.main", lang)),
        Column("component", word("score.component", lang)),
        Column("component_name", word("score.component-name", lang), optional=3),
    ]
    optional = {"at_stake": 2, "lost": 1}  # a narrow terminal keeps value, points and max
    columns += [
        Column(
            k,
            word(k, lang),
            "value" if k == "value" else "points",
            spec.precision,
            optional=optional.get(k, 0),
        )
        for k in ("value", "points", "max", "lost", "at_stake")
    ]
    title = say("score.components-title", lang, spec=spec.id, count=len(components(spec)), by=by)
    return View(title, columns, rows, narrow=narrow_hint(lang))


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


def _columns(rows: list[dict[str, Any]], keys: list[str], texts: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in keys:
        values = [r.get(key) for r in rows]
        out[key] = values if key in texts else np.array([np.nan if v is None else v for v in values], float)
    return out


def components_data(result: Result, by: str, unit: str | None = None) -> dict[str, Any]:
    """`--show components --format json`: a row per unit and component."""
    return {"spec": result.spec.id, "year": result.year, "by": by, "rows": component_rows(result, by, unit)}


def components_frame(result: Result, by: str, unit: str | None = None) -> dict[str, Any]:
    """`--show components --format csv`: a row per unit and component."""
    rows = component_rows(result, by, unit)
    keys = ["rank", "unit", "name", "main", "component", "value", "points", "max", "lost", "at_stake"]
    return _columns(rows, keys, texts=("unit", "name", "main", "component"))


def warnings_line(file: object, report: Report, lang: Lang = "vi") -> str | None:
    """'2024.csv: 113 warning(s): missing-value 68, value-above-100 45 (details: dti validate 2024.csv)'."""
    counts = report.counts("warning")
    if not counts:
        return None
    listed = ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))
    return say("issues.warnings-line", lang, file=str(file), count=sum(counts.values()), listed=listed)


def _floats(row: np.ndarray, codes: tuple[str, ...]) -> dict[str, float | None]:
    return dict(zip(codes, [None if v != v else v for v in row.tolist()], strict=True))


def score_data(
    result: Result,
    changes: Changes | None = None,
    by: str | None = None,
    codes: list[str] | None = None,
    order: list[int] | None = None,
) -> dict[str, Any]:
    """The `dti score --format json` object: unrounded floats, null where a node has no value.

    `codes`: only these nodes (`--show main|pillars`), every node by default; `order`: the units in
    this order (`rank_order`), in the order of the file by default.
    """
    keep = list(range(len(result.codes))) if codes is None else [result.spec.graph.index[c] for c in codes]
    shown = tuple(result.codes[j] for j in keep)
    units = [
        {
            "unit": unit,
            "name": result.unit_names[i],
            "values": _floats(result.values_matrix[i, keep], shown),
            "points": _floats(result.points_matrix[i, keep], shown),
            "ranks": dict(
                zip(shown, [r or None for r in result.ranks_matrix[i, keep].tolist()], strict=True)
            ),
            "missing_points": _floats(result.missing_matrix[i, keep], shown),
        }
        for i, unit in _units(result, order)
    ]
    data: dict[str, Any] = {"spec": result.spec.id, "year": result.year, "units": units}
    if changes is not None:
        data["changes"] = {
            "by": by,
            "units": {u: {"value_pct": pct, "places": places} for u, (pct, places) in changes.items()},
        }
    return data


def score_frame(
    result: Result,
    changes: Changes | None = None,
    by: str | None = None,
    codes: list[str] | None = None,
    order: list[int] | None = None,
) -> dict[str, Any]:
    """The `dti score --format csv` table as columns: unit, name, a value per node, rank_<CODE>.

    `codes` and `order` as in `score_data`.
    """
    rows = list(range(len(result.unit_codes))) if order is None else order
    units = [result.unit_codes[i] for i in rows]
    columns: dict[str, Any] = {"unit": units, "name": [result.unit_names[i] for i in rows]}
    index = result.spec.graph.index
    shown = list(result.codes) if codes is None else codes
    for code in shown:
        columns[code] = result.values_matrix[rows, index[code]]
    for code in shown:
        ranks = result.ranks_matrix[rows, index[code]]
        columns[f"rank_{code}"] = np.where(ranks > 0, ranks, np.nan)  # written as a whole number or empty
    if changes is not None:
        found = [changes.get(u, (None, None)) for u in units]
        columns[f"change_{by}_value_pct"] = np.array([np.nan if p is None else p for p, _ in found])
        columns[f"change_{by}_places"] = np.array([np.nan if p is None else p for _, p in found])
    return columns
