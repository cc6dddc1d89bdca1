"""The report's words and the sections about one unit: headline, pillars against the means, ranking,
rank trend, points lost. Pure functions of the Briefing's tables (see dti.views.report)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.ranking import Compared, YearTable, rank_of
from dti.briefing.briefing import Briefing
from dti.views import grades
from dti.views.base import Column, Lang, View, as_float, node_name, word
from dti.views.cells import cell
from dti.views.document import Chart, Decimal, Fact, Section, Series
from dti.views.report_means import unit_means
from dti.views.robust import count
from dti.words import note, say


def fmt(value: Any, kind: Any, decimal: Decimal, digits: int = 4) -> str:
    return cell(Column("x", "", kind, digits), value, decimal)


def moved(places: int | None, lang: Lang) -> str:
    """'tăng 10 bậc' / 'up 10 places'."""
    if places is None:
        return ""
    if places == 0:
        return word("report.same-rank", lang)
    key = ("report.up" if places > 0 else "report.down") + ("-one" if abs(places) == 1 else "")
    return say(key, lang, places=abs(places))


def _row(data: Compared, unit: str) -> dict[str, Any]:
    return data.rows([data.units.index(unit)])[0]


def standing_note(rank: tuple[int, int] | None, lang: Lang) -> str:
    """'hạng 38/63', or '' for a table that does not rank the unit."""
    return "" if rank is None else f"{word('rank', lang)} {rank[0]}/{rank[1]}"


def headline(briefing: Briefing, data: Compared, unit: str, lang: Lang, decimal: Decimal) -> Section:
    """The year's value and rank of N, and the change in value and places since the year before: places
    only when both years rank the unit among as many units."""
    latest, spec = briefing.latest, briefing.spec
    by, year = data.by, latest.year
    row = _row(data, unit)
    value, rank = row["values"][str(year)], rank_of(latest, unit, by)
    change = row["changes"][-1] if row["changes"] else None
    facts = [Fact(f"{by} {year}", value, "value", spec.precision, standing_note(rank, lang))]
    name = latest.names.get(unit, unit)
    shown = fmt(value, "value", decimal, spec.precision)
    said = {"year": year, "name": name, "total": by, "value": shown}
    if _unknown(latest, unit, by):  # no value computed beside a published rank: say why there is none
        line = _unknown_line(latest, unit, rank, lang, said)
    elif rank is None:
        line = say("notes.report-headline-unranked", lang, **said)
    else:
        line = say("report.headline-line", lang, rank=rank[0], ranked=rank[1], **said)
    if change is not None and change["value_pct"] is not None:
        places, pct = change["places"], change["value_pct"]
        since = say("report.since", lang, year=change["from"])
        value_note = f"{fmt(pct, 'pct', decimal)} {word('value', lang)}"
        if places is not None:
            tone = None if not places else "up" if places > 0 else "down"
            label = f"{word('rank', lang).capitalize()} {since}"
            facts.append(Fact(label, places, "places", note=value_note, tone=tone))
            line += f", {moved(places, lang)} {since} ({fmt(pct, 'pct', decimal)})"
        else:  # a value change alone: the years do not both rank the unit among as many units
            facts.append(Fact(f"{word('value', lang).capitalize()} {since}", pct, "pct"))
            line += f" ({fmt(pct, 'pct', decimal)} {since})"
    for code in briefing.held:
        node = spec.node(code)
        if node.kind == "pillar" and code != by and not _unknown(latest, unit, code):
            note = standing_note(rank_of(latest, unit, code), lang)
            facts.append(Fact(node_name(node, lang), latest.value(unit, code), note=note))
    weakest = _weakest(latest, unit)
    lines = [line + "."]
    lines += [f"{g}." for g in [grades.change_line(briefing.tables, unit, lang)] if g and spec.bands]
    if weakest is not None:
        code, main_value, main_rank = weakest
        shown = fmt(main_value, "value", decimal, spec.precision)
        name = node_name(spec.node(code), lang)
        if main_rank is None:
            lines.append(say("notes.report-weakest-unranked", lang, code=code, name=name, value=shown))
        else:
            rank_text = f"{main_rank[0]}/{main_rank[1]}"
            lines.append(say("report.weakest", lang, code=code, name=name, value=shown, rank=rank_text))
        if _all_missing(briefing, unit, code):  # its value says nothing reported, not a result
            lines.append(say("report_word.weakest-no-data", lang, code=code))
    return Section("headline", word("report.headline", lang), facts=facts, lines=lines)


def _all_missing(briefing: Briefing, unit: str, code: str) -> bool:
    """Whether every point of `code` is at stake for missing data (none reported) for `unit`."""
    result, graph = briefing.result, briefing.spec.graph
    if briefing.results_table or unit not in result.unit_codes or code not in graph.index:
        return False
    col = graph.index[code]
    stake = float(np.nan_to_num(result.missing_matrix[result.unit_codes.index(unit), col]))
    return stake > 0 and stake >= float(graph.max_points[col])


def _unknown(table: YearTable, unit: str, code: str) -> bool:
    return table.value(unit, code) is None


def _unknown_line(
    table: YearTable, unit: str, rank: tuple[int, int] | None, lang: Lang, said: dict[str, Any]
) -> str:
    """'The DTI of N is unknown: the table gives no NLS', and the rank it publishes (it has no other)."""
    below = table.spec.graph.descendants(said["total"])
    missing = [c for c in _scored_mains(table) if c in below and _unknown(table, unit, c)] or [said["total"]]
    published = "" if rank is None else note("notes.report-rank-published", rank=rank[0], ranked=rank[1])
    return say("notes.report-headline-unknown", lang, missing=missing, published=published, **said)


def main_codes(spec: Any, table: YearTable) -> list[str]:
    return [n.code for n in spec.nodes if n.kind in ("main", "group") and n.code in table.spec.graph.index]


def _scored_mains(table: YearTable) -> list[str]:
    graph = table.spec.graph
    return [c for c in main_codes(table.spec, table) if graph.max_points[graph.index[c]] > 0]


def _weakest(table: YearTable, unit: str) -> tuple[str, float, tuple[int, int] | None] | None:
    known = [(c, v) for c in _scored_mains(table) if (v := table.value(unit, c)) is not None]
    if not known:
        return None
    code, value = min(known, key=lambda found: found[1])  # the first of the lowest
    return code, value, rank_of(table, unit, code)


def pillars(briefing: Briefing, unit: str, lang: Lang) -> Section | None:
    """The unit's pillars and main indices the table gives, against the mean of the units that have them
    (the national mean when they are the register's, a regional one of the unit's region): a mean of two
    units at least, named with how many it averages."""
    latest, spec = briefing.latest, briefing.spec
    graph = spec.graph
    held = [c for c in briefing.held if spec.node(c).kind != "total" and graph.max_points[graph.index[c]] > 0]
    codes = [c for c in held if not _unknown(latest, unit, c)]
    if not codes:
        return None
    national, regional = unit_means(latest, codes, briefing.register, unit, lang)
    name = latest.names.get(unit, unit)
    series = [Series(str(name), [latest.value(unit, c) for c in codes])]
    columns = [
        Column("code", word("code", lang)),
        Column("name", word("name", lang)),
        Column("value", word("value", lang), "value", spec.precision),
        Column("rank", word("rank", lang)),
    ]
    means = [(key, found) for key, found in (("national", national), ("regional", regional)) if found]
    for key, (label, mean) in means:
        series.append(Series(label, [mean[c] for c in codes]))
        columns.append(Column(key, label, "value", spec.precision))
    rows = [
        {
            "code": c,
            "name": node_name(spec.node(c), lang),
            "value": latest.value(unit, c),
            "rank": _rank_text(rank_of(latest, unit, c)),
            **{key: mean[c] for key, (_, mean) in means},
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


def _rank_text(rank: tuple[int, int] | None) -> str | None:
    return None if rank is None else f"{rank[0]}/{rank[1]}"


def ranking(
    briefing: Briefing, data: Compared, unit: str | None, lang: Lang, decimal: Decimal, sheets: bool
) -> Section | None:
    """The whole ranking as bars (the unit highlighted); the table around the unit, or the top; none when
    the year ranks no unit (a unit's own file). With `sheets`, the whole table and the values (workbook)."""
    latest, spec = briefing.latest, briefing.spec
    total, year = data.by, latest.year
    ranked = [i for i, rank in enumerate(data.ranks[year]) if rank is not None]
    if not ranked:
        return None
    names = [data.names[i] or data.units[i] for i in ranked]
    highlight = [k for k, i in enumerate(ranked) if data.units[i] == unit]
    chart = Chart(
        "ranking",
        "bar",
        f"{total} {year}",
        names,
        [Series(total, [data.values[year][i] for i in ranked])],
        highlight=highlight,
        axis=word("report.value_axis", lang),
        digits=spec.precision,
        limits=(0.0, 1.0),
    )
    from dti.views.rank import rank_table

    top = 3  # with a unit: the first three, and three places on each side of the unit
    if unit is not None and highlight:
        at = highlight[0]
        keep = set(range(top)) | set(range(max(0, at - 3), at + 4))
    else:
        keep = set(range(min(len(ranked), 63 if len(ranked) <= 63 else 10)))
    shown_units = {data.units[ranked[k]] for k in keep if k < len(ranked)}
    # a page shows a few rows: only the workbook's sheet needs every unit's row (10,000 at 10,000 units)
    listed = None if sheets else sorted(ranked[k] for k in keep if k < len(ranked))
    named = any(u != n for u, n in zip(data.units, data.names, strict=True))
    full = rank_table(data, digits=spec.precision, lang=lang, named=named, at=listed)
    full = grades.rank_table(full, briefing.tables, lang, counts=False)  # each unit's grade, its change
    full.title, full.sheet = None, word("report.ranking", lang)
    rows = [dict(r, mine=r["unit"] == unit) for r in full.rows if r["unit"] in shown_units]
    shown = View(None, full.columns, rows, strong="mine", sheet="")  # the workbook has the full table
    if any("published" in data.marks[y] for y in data.years):
        shown.notes.append(word("report.published-mark", lang))
    if len(rows) < len(ranked):  # of the units the year ranks (not those only an earlier year holds)
        part = {"shown": len(rows), "total": len(ranked), "sheet": full.sheet}
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
        sheets=[full, values(latest, lang)] if sheets else [],
    )


def values(table: YearTable, lang: Lang) -> View:
    """Every unit's value of every node (main indices and components per unit), for the workbook."""
    spec = table.spec
    codes = list(table.codes)
    columns = [Column("unit", word("unit", lang)), Column("name", word("name", lang))]
    columns += [Column(c, c, "value", spec.precision) for c in codes]
    # the values stand in `numbers` alone (NaN: an empty cell), not in 10,000 rows of 111 keys each
    rows = [{"unit": u, "name": table.names.get(u, "")} for u in table.units]
    whole = {code: table.value_matrix[:, k] for k, code in enumerate(codes)}
    return View(None, columns, rows, sheet=word("report.values", lang), numbers=whole)


def trend(briefing: Briefing, unit: str, lang: Lang) -> Section | None:
    """The unit's rank of the total and the pillars over the years given (none for one year)."""
    if len(briefing.tables) < 2:
        return None
    spec = briefing.spec
    codes = [spec.total] + [n.code for n in spec.nodes if n.kind == "pillar"]
    series = []
    for code in codes:
        # as the table beside it: no rank where a year ranks fewer than two units (a unit's own file)
        found = [rank_of(tab, unit, code) for tab in briefing.tables]
        ranks: list[float | None] = [None if r is None else float(r[0]) for r in found]
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
    charts = [chart] if series else []  # no year ranks the unit among others: its table says so
    return Section("trend", word("report.trend", lang), views=[view], charts=charts)


def losses(briefing: Briefing, unit: str | None, lang: Lang, decimal: Decimal) -> Section:
    """Points lost per main index (the unit's, or the mean over units), and the largest component gaps."""
    result, spec = briefing.result, briefing.spec
    graph = spec.graph
    mains = [c for c in main_codes(spec, briefing.latest) if graph.max_points[graph.index[c]] > 0]
    cols = [graph.index[c] for c in mains]
    top = graph.max_points[cols]
    rows_of = slice(None) if unit is None else [result.unit_codes.index(unit)]
    # the unit's, or the mean over the units whose points are known
    points, stake = (_mean(m[rows_of][:, cols]) for m in (result.points_matrix, result.missing_matrix))
    lost = _mean(result.lost_at(rows_of, cols))
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
    series = [Series(word("lost", lang), [r["lost"] for r in rows])]
    if any(r["at_stake"] for r in rows):  # no 'thiếu số liệu' legend when nothing is missing
        series.append(Series(word("at_stake", lang), [r["at_stake"] for r in rows]))
    chart = Chart(
        "losses",
        "hbar",
        word("report.losses", lang),
        order,
        series,
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
    # the maximum as the draws line writes a count (1.000 in Vietnamese), not as points (1000)
    top_text = count(int(top), lang, decimal) if float(top).is_integer() else fmt(top, "points", decimal)
    figures = {"lost": lost, "top": top_text, "stake": stake, "most": most}
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
