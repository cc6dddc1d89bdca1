"""Views of one year's scores: the ranked table and the json/csv builders (a unit's breakdown: score_unit.py).

Built from the Result's matrices (no pandas), so `dti score` of 10,000 units stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.engine.scoring import Changes, Result
from dti.issues import Report
from dti.spec import Spec
from dti.views.base import (
    Column,
    Lang,
    View,
    as_float,
    narrow_hint,
    node_name,
    tree,
    word,
)
from dti.words import count_text, say

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
    listed = ", ".join(f"{c} {count_text(n, lang)}" for c, n in sorted(counts.items()))
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
    rows = None if order is None else np.asarray(order, dtype=np.intp)
    units = list(result.unit_codes) if order is None else [result.unit_codes[i] for i in order]
    names = list(result.unit_names) if order is None else [result.unit_names[i] for i in order]
    columns: dict[str, Any] = {"unit": units, "name": names}
    index = result.spec.graph.index
    shown = list(result.codes) if codes is None else codes
    # A node's column of the matrix as it is (no copy), or gathered in `order`.
    for code in shown:
        j = index[code]
        columns[code] = result.values_matrix[:, j] if rows is None else result.values_matrix[rows, j]
    for code in shown:
        j = index[code]
        ranks = result.ranks_matrix[:, j] if rows is None else result.ranks_matrix[rows, j]
        columns[f"rank_{code}"] = np.ma.masked_equal(ranks, 0)  # 0: no rank, written empty
    if changes is not None:
        found = [changes.get(u, (None, None)) for u in units]
        columns[f"change_{by}_value_pct"] = np.array([np.nan if p is None else p for p, _ in found])
        columns[f"change_{by}_places"] = np.array([np.nan if p is None else p for _, p in found])
    return columns
