"""The report's words and the sections about one unit: headline, pillars against the means, ranking,
rank trend, points lost. Pure functions of the Briefing's tables (see dti.views.report)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.ranking import YearTable
from dti.briefing.briefing import Briefing
from dti.views.base import Column, Lang, View, as_float, as_int, node_name, word
from dti.views.document import Chart, Decimal, Fact, Section, Series
from dti.words import say


def fmt(value: Any, kind: Any, decimal: Decimal, digits: int = 4) -> str:
    from dti.views.cells import cell

    return cell(Column("x", "", kind, digits), value, decimal)


def moved(places: int | None, lang: Lang) -> str:
    """'tăng 10 bậc' / 'up 10 places'."""
    if places is None:
        return ""
    if places == 0:
        return word("report.same-rank", lang)
    key = ("report.up" if places > 0 else "report.down") + ("-one" if abs(places) == 1 else "")
    return say(key, lang, places=abs(places))


def _row(data: dict[str, Any], unit: str) -> dict[str, Any]:
    return next(u for u in data["units"] if u["unit"] == unit)


def headline(briefing: Briefing, data: dict[str, Any], unit: str, lang: Lang, decimal: Decimal) -> Section:
    """The year's value and rank of N, and the change in value and places since the year before."""
    latest, spec = briefing.latest, briefing.spec
    total, year = spec.total, str(latest.year)
    row = _row(data, unit)
    ranked = int(latest.ranks[total].notna().sum())
    value, rank = row["values"][year], row["ranks"][year]
    change = row["changes"][-1] if row["changes"] else None
    rank_note = f"{word('rank', lang)} {rank}/{ranked}" if rank else ""
    facts = [Fact(f"{total} {year}", value, "value", spec.precision, rank_note)]
    name = latest.names.get(unit, unit)
    shown = fmt(value, "value", decimal, spec.precision)
    line = say(
        "report.headline-line", lang, year=year, name=name, total=total, value=shown, rank=rank, ranked=ranked
    )
    if change is not None:
        places, pct = change["places"], change["value_pct"]
        tone = None if not places else "up" if places > 0 else "down"
        since = say("report.since", lang, year=change["from"])
        label = f"{word('rank', lang).capitalize()} {since}"
        value_note = f"{fmt(pct, 'pct', decimal)} {word('value', lang)}"
        facts.append(Fact(label, places, "places", note=value_note, tone=tone))
        line += f", {moved(places, lang)} {since} ({fmt(pct, 'pct', decimal)})"
    for node in spec.nodes:
        if node.kind == "pillar" and node.code in latest.values.columns:
            pillar_rank = as_int(latest.ranks.at[unit, node.code])
            note = f"{word('rank', lang)} {pillar_rank}/{ranked}" if pillar_rank else ""
            facts.append(Fact(node_name(node, lang), as_float(latest.values.at[unit, node.code]), note=note))
    weakest = _weakest(latest, unit)
    lines = [line + "."]
    if weakest is not None:
        code, main_value, main_rank = weakest
        shown = fmt(main_value, "value", decimal, spec.precision)
        name = node_name(spec.node(code), lang)
        lines.append(say("report.weakest", lang, code=code, name=name, value=shown, rank=main_rank))
    return Section("headline", word("report.headline", lang), facts=facts, lines=lines)


def main_codes(spec: Any, table: YearTable) -> list[str]:
    return [n.code for n in spec.nodes if n.kind in ("main", "group") and n.code in table.values.columns]


def _weakest(table: YearTable, unit: str) -> tuple[str, float, int | None] | None:
    values = table.values.loc[unit, main_codes(table.spec, table)].astype(float).dropna()
    values = values[[table.spec.graph.max_points[table.spec.graph.index[c]] > 0 for c in values.index]]
    if values.empty:
        return None
    code = str(values.idxmin())
    return code, float(values[code]), as_int(table.ranks.at[unit, code])


def pillars(briefing: Briefing, unit: str, lang: Lang) -> Section:
    """The unit's pillars and main indices against the national and the regional mean."""
    latest, spec = briefing.latest, briefing.spec
    codes = [n.code for n in spec.nodes if n.kind == "pillar" and n.code in latest.values.columns]
    codes += [c for c in main_codes(spec, latest) if spec.graph.max_points[spec.graph.index[c]] > 0]
    values = latest.values[codes].astype(float)
    national = values.mean()
    region = briefing.register.regions.get(unit, "")
    peers = [u for u in values.index if region and briefing.register.regions.get(u) == region]
    regional = values.loc[peers].mean() if peers else None
    name = latest.names.get(unit, unit)
    series = [Series(str(name), [as_float(values.at[unit, c]) for c in codes])]
    series.append(Series(word("report.national", lang), [as_float(national[c]) for c in codes]))
    columns = [
        Column("code", word("code", lang)),
        Column("name", word("name", lang)),
        Column("value", word("value", lang), "value", spec.precision),
        Column("rank", word("rank", lang), "int"),
        Column("national", word("report.national", lang), "value", spec.precision),
    ]
    if regional is not None:
        label = f"{word('report.regional', lang)} {region}"
        series.append(Series(label, [as_float(regional[c]) for c in codes]))
        columns.append(Column("regional", label, "value", spec.precision))
    rows = [
        {
            "code": c,
            "name": node_name(spec.node(c), lang),
            "value": as_float(values.at[unit, c]),
            "rank": as_int(latest.ranks.at[unit, c]),
            "national": as_float(national[c]),
            "regional": None if regional is None else as_float(regional[c]),
            "pillar": spec.node(c).kind == "pillar",
        }
        for c in codes
    ]
    chart = Chart(
        "pillars",
        "hbar",
        word("report.pillars", lang),
        codes,
        series,
        axis=word("report.value_axis", lang),
        limits=(0.0, 1.0),
    )
    view = View(None, columns, rows, strong="pillar", sheet=word("report.pillars", lang))
    return Section("pillars", word("report.pillars", lang), views=[view], charts=[chart])


def ranking(
    briefing: Briefing, data: dict[str, Any], unit: str | None, lang: Lang, decimal: Decimal
) -> Section:
    """The whole ranking as bars (the unit highlighted); the table around the unit, or the top."""
    latest, spec = briefing.latest, briefing.spec
    total, year = spec.total, str(latest.year)
    ranked = [u for u in data["units"] if u["ranks"][year] is not None]
    names = [u["name"] or u["unit"] for u in ranked]
    highlight = [i for i, u in enumerate(ranked) if u["unit"] == unit]
    chart = Chart(
        "ranking",
        "bar",
        f"{total} {year}",
        names,
        [Series(total, [u["values"][year] for u in ranked])],
        highlight=highlight,
        axis=word("report.value_axis", lang),
        digits=spec.precision,
        limits=(0.0, 1.0),
    )
    from dti.views.rank import rank_table

    full = rank_table(data, digits=spec.precision, lang=lang)
    full.title, full.sheet = None, word("report.ranking", lang)
    top = 3  # with a unit: the first three, and three places on each side of the unit
    if unit is not None and highlight:
        at = highlight[0]
        keep = set(range(top)) | set(range(max(0, at - 3), at + 4))
    else:
        keep = set(range(min(len(ranked), 63 if len(ranked) <= 63 else 10)))
    shown_units = {ranked[i]["unit"] for i in keep if i < len(ranked)}
    rows = [dict(r, mine=r["unit"] == unit) for r in full.rows if r["unit"] in shown_units]
    shown = View(None, full.columns, rows, strong="mine", sheet="")  # the workbook has the full table
    if any(r.get(f"mark_{y}") for r in full.rows for y in data["years"]):
        shown.notes.append(word("report.published-mark", lang))
    if len(rows) < len(full.rows):
        part = {"shown": len(rows), "total": len(full.rows), "sheet": full.sheet}
        if unit is not None and highlight:
            name = briefing.latest.names.get(unit, unit)
            shown.notes.append(say("notes.report-ranking-around", lang, top=top, name=name, **part))
        else:
            shown.notes.append(say("notes.report-ranking-first", lang, **part))
    return Section(
        "ranking",
        word("report.ranking", lang),
        views=[shown],
        charts=[chart],
        sheets=[full, values(latest, lang)],
    )


def values(table: YearTable, lang: Lang) -> View:
    """Every unit's value of every node (main indices and components per unit), for the workbook."""
    spec = table.spec
    codes = [c for c in spec.graph.index if c in table.values.columns]
    columns = [Column("unit", word("unit", lang)), Column("name", word("name", lang))]
    columns += [Column(c, c, "value", spec.precision) for c in codes]
    frame = table.values[codes].astype(float)
    rows = [
        {
            "unit": u,
            "name": table.names.get(u, ""),
            **{c: as_float(v) for c, v in zip(codes, row, strict=True)},
        }
        for u, row in zip(frame.index, frame.to_numpy(), strict=True)
    ]
    return View(None, columns, rows, sheet=word("report.values", lang))


def trend(briefing: Briefing, unit: str, lang: Lang) -> Section | None:
    """The unit's rank of the total and the pillars over the years given (none for one year)."""
    if len(briefing.tables) < 2:
        return None
    spec = briefing.spec
    codes = [spec.total] + [n.code for n in spec.nodes if n.kind == "pillar"]
    series = []
    for code in codes:
        ranks = [
            as_float(tab.ranks.at[unit, code])
            if unit in tab.ranks.index and code in tab.ranks.columns
            else None
            for tab in briefing.tables
        ]
        if any(r is not None for r in ranks):
            series.append(Series(code, ranks))
    years = [str(tab.year) for tab in briefing.tables]
    chart = Chart(
        "trend",
        "line",
        word("report.trend", lang),
        years,
        series,
        axis=word("report.rank_axis", lang),
        invert=True,
    )
    from dti.views.rank import unit_years

    view = unit_years(briefing.tables, unit, lang)
    view.title, view.sheet = None, word("report.trend", lang)
    return Section("trend", word("report.trend", lang), views=[view], charts=[chart])


def losses(briefing: Briefing, unit: str | None, lang: Lang, decimal: Decimal) -> Section:
    """Points lost per main index (the unit's, or the mean over units), and the largest component gaps."""
    result, spec = briefing.result, briefing.spec
    graph = spec.graph
    mains = [c for c in main_codes(spec, briefing.latest) if graph.max_points[graph.index[c]] > 0]
    cols = [graph.index[c] for c in mains]
    top = graph.max_points[cols]
    rows_of = slice(None) if unit is None else [result.unit_codes.index(unit)]
    # the unit's, or the mean over the units whose points are known
    points, stake, lost = (
        _mean(m[rows_of][:, cols]) for m in (result.points_matrix, result.missing_matrix, result.lost_matrix)
    )
    stake, lost = np.nan_to_num(stake), np.nan_to_num(lost)  # unknown: nothing known to be lost
    columns = [
        Column("code", word("code", lang)),
        Column("name", word("name", lang)),
        Column("points", word("points", lang), "points"),
        Column("max", word("max", lang), "points"),
        Column("lost", word("lost", lang), "points"),
        Column("at_stake", word("at_stake", lang), "points"),
    ]
    rows: list[dict[str, Any]] = [
        {
            "code": c,
            "name": node_name(spec.node(c), lang),
            "points": as_float(p),
            "max": as_float(m),
            "lost": as_float(lo),
            "at_stake": as_float(s),
        }
        for c, p, m, lo, s in zip(mains, points, top, lost, stake, strict=True)
    ]
    rows.sort(key=lambda r: -(r["lost"] + r["at_stake"]))
    order = [r["code"] for r in rows]
    chart = Chart(
        "losses",
        "hbar",
        word("report.losses", lang),
        order,
        [
            Series(word("lost", lang), [r["lost"] for r in rows]),
            Series(word("at_stake", lang), [r["at_stake"] for r in rows]),
        ],
        axis=word("report.points_axis", lang),
        digits=2,
        stacked=True,
    )
    who = None if unit is None else str(briefing.latest.names.get(unit, unit))
    lines = [_loss_line(who, rows, float(top.sum()), lang, decimal)] if rows else []
    views = [View(None, columns, rows, sheet=word("report.losses", lang))]
    if unit is not None and briefing.kind == "components":
        gaps = _component_gaps(briefing, unit, lang)
        if gaps.rows:
            views.append(gaps)
    return Section("losses", word("report.losses", lang), lines=lines, views=views, charts=[chart])


def _loss_line(unit: str | None, rows: list[dict[str, Any]], top: float, lang: Lang, decimal: Decimal) -> str:
    lost = fmt(sum(r["lost"] for r in rows), "points", decimal)
    stake = fmt(sum(r["at_stake"] for r in rows), "points", decimal)
    most = f"{rows[0]['code']} {rows[0]['name']}"
    figures = {"lost": lost, "top": fmt(top, "points", decimal), "stake": stake, "most": most}
    if unit:
        return say("report.loss-line-unit", lang, unit=unit, **figures)
    return say("report.loss-line-mean", lang, **figures)


def _mean(matrix: np.ndarray) -> np.ndarray:
    """The mean of each column over its known rows; NaN where none is known."""
    known = ~np.isnan(matrix)
    count = known.sum(axis=0)
    return np.where(count > 0, np.where(known, matrix, 0.0).sum(axis=0) / np.maximum(count, 1), np.nan)


def _component_gaps(briefing: Briefing, unit: str, lang: Lang, count: int = 10) -> View:
    result, spec = briefing.result, briefing.spec
    graph = spec.graph
    i = result.unit_codes.index(unit)
    leaves = [n.code for n in spec.nodes if not n.children and graph.max_points[graph.index[n.code]] > 0]
    cols = np.array([graph.index[c] for c in leaves])
    top = graph.max_points[cols]
    stake = np.nan_to_num(result.missing_matrix[i, cols])
    known = ~np.isnan(result.points_matrix[i, cols])  # a table of main-index values determines no component
    lost = np.nan_to_num(result.lost_matrix[i, cols])
    order = np.argsort(-(lost + stake), kind="stable")[:count]
    columns = [
        Column("code", word("code", lang)),
        Column("name", word("name", lang)),
        Column("max", word("max", lang), "points"),
        Column("lost", word("lost", lang), "points"),
        Column("at_stake", word("at_stake", lang), "points"),
    ]
    gaps = briefing.gaps
    owners = {} if gaps is None or gaps.owners is None else dict(zip(gaps.codes, gaps.owner, strict=True))
    if owners:  # with an owners file: who leads each component (the gaps section sums them per owner)
        columns.append(Column("owner", say("analysis.gaps.owner", lang)))
    rows = [
        {
            "code": leaves[k],
            "name": node_name(spec.node(leaves[k]), lang),
            "max": float(top[k]),
            "lost": float(lost[k]),
            "at_stake": float(stake[k]),
            "owner": owners.get(leaves[k]) or say("analysis.gaps.none", lang),
        }
        for k in order.tolist()
        if lost[k] + stake[k] > 0 and known[k]
    ]
    sheet = say("notes.report-sheet-components", lang)
    return View(word("report.components", lang), columns, rows, sheet=sheet)
