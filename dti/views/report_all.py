"""The report's sections about all units (without --unit): the overview, the largest moves, the
distribution of values."""

from __future__ import annotations

import numpy as np

from dti.analysis.ranking import Compared
from dti.briefing.briefing import Briefing
from dti.views.base import Column, Lang, View, node_name, word
from dti.views.document import Chart, Decimal, Fact, Section, Series
from dti.views.report_unit import fmt, main_codes
from dti.words import say


def overview(briefing: Briefing, data: Compared, lang: Lang, decimal: Decimal) -> Section:
    """How many units, the mean and the spread of the total, the first and the last; the largest moves."""
    latest, spec = briefing.latest, briefing.spec
    total, year = data.by, latest.year
    values = latest.value_column(total)
    column = values[~np.isnan(values)]
    ranked = [i for i, rank in enumerate(data.ranks[year]) if rank is not None]
    facts = [Fact(word("report.units", lang), len(column), "count")]
    if len(column) > 1:  # a mean of two units at least, saying how many, and its change since the year before
        units = f"{fmt(len(column), 'count', decimal)} {word('report.units', lang)}"
        before = _mean_before(briefing, total, lang, decimal)
        label = f"{word('report.all_mean', lang)} {total}"
        facts.append(Fact(label, float(column.mean()), "value", spec.precision, "; ".join([units, *before])))
    if ranked:
        for key, at in (("report.max_value", ranked[0]), ("report.min", ranked[-1])):
            value, name = data.values[year][at], data.names[at]
            facts.append(Fact(word(key, lang), value, "value", spec.precision, name))
    lines: list[str] = []
    views: list[View] = []
    if len(briefing.tables) > 1:
        views = movers(data, lang)
    return Section("overview", word("report.overview", lang), facts=facts, lines=lines, views=views)


def _mean_before(briefing: Briefing, total: str, lang: Lang, decimal: Decimal) -> list[str]:
    """The year before's mean of the total and the change, as `dti rank` gives them (between the published
    means, or the computed means of the same units); that it averages other units, when it does."""
    if len(briefing.tables) < 2:
        return []
    from dti.analysis.means import ALL, mean_changes, year_means

    means = [m for m in year_means(briefing.tables[-2:], total) if m.scope == ALL]
    changes, gaps = mean_changes(means)
    if changes:
        change = changes[-1]
        value = fmt(change.before, "value", decimal, briefing.spec.precision)
        pct = fmt(change.pct, "pct", decimal) if change.pct is not None else "—"
        return [say("report.mean-before", lang, year=change.start, value=value, pct=pct)]
    return [say("report.mean-other-units", lang, year=gap["from"]) for gap in gaps[-1:]]


def movers(data: Compared, lang: Lang, count: int = 5, most: int = 10) -> list[View]:
    """The units that gained and lost the most places between the last two years: `count` of each, and
    those tied with the last of them (up to `most`: a unit as far up as the fifth is not left out)."""
    moved = data.steps[-1][3] if data.steps else []
    moves = [(i, p) for i, p in enumerate(moved) if p is not None]
    up = _with_ties(sorted((m for m in moves if m[1] > 0), key=lambda m: -m[1]), count, most)
    down = _with_ties(sorted((m for m in moves if m[1] < 0), key=lambda m: m[1]), count, most)
    columns = [
        Column("unit", word("unit", lang)),
        Column("name", word("name", lang)),
        Column("places", word("places", lang), "places"),
    ]
    return [
        View(
            word("report.movers", lang) + (" ▲" if sign > 0 else " ▼"),
            columns,
            [{"unit": data.units[i], "name": data.names[i], "places": p} for i, p in group],
            sheet=say(sheet, lang),
        )
        for sign, group, sheet in (
            (1, up, "notes.report-sheet-gains"),
            (-1, down, "notes.report-sheet-falls"),
        )
        if group
    ]


def _with_ties(ordered: list[tuple[int, int]], count: int, most: int) -> list[tuple[int, int]]:
    if len(ordered) <= count:
        return ordered
    last = ordered[count - 1][1]
    return [m for m in ordered[:most] if abs(m[1]) >= abs(last)]


def distribution(briefing: Briefing, lang: Lang) -> Section:
    """The distribution of the total, and the mean, lowest and highest of each pillar and main index."""
    latest, spec = briefing.latest, briefing.spec
    held = briefing.held
    total = next(iter(held), spec.total)
    codes = [total] + [n.code for n in spec.nodes if n.kind == "pillar"]
    codes += [c for c in main_codes(spec, latest) if spec.graph.max_points[spec.graph.index[c]] > 0]
    shown = list(dict.fromkeys(c for c in codes if c in held))
    values = latest.value_matrix[:, [spec.graph.index[c] for c in shown]]
    known = ~np.isnan(values)
    chart = Chart(
        "distribution",
        "histogram",
        word("report.distribution", lang),
        [],
        [Series(total, [v for v in latest.value_column(total).tolist() if v == v])],
        axis=word("report.value_axis", lang),
        limits=(0.0, 1.0),
        bins=10,
    )
    columns = [
        Column("code", word("code", lang)),
        Column("name", word("name", lang)),
        Column("mean", word("report.all_mean", lang), "value", spec.precision),
        Column("min", word("report.min", lang), "value", spec.precision),
        Column("max", word("report.max_value", lang), "value", spec.precision),
    ]
    counts = known.sum(axis=0)
    # each column's sum with its missing values as 0, as pandas sums it (the same last digit)
    sums = [np.where(known[:, j], values[:, j], 0.0).sum() for j in range(len(shown))]
    rows = [
        {
            "code": c,
            "name": node_name(spec.node(c), lang),
            "mean": float(sums[j] / counts[j]) if counts[j] else None,
            "min": float(values[known[:, j], j].min()) if counts[j] else None,
            "max": float(values[known[:, j], j].max()) if counts[j] else None,
        }
        for j, c in enumerate(shown)
    ]
    view = View(None, columns, rows, sheet=word("report.distribution", lang))
    return Section("distribution", word("report.distribution", lang), views=[view], charts=[chart])
