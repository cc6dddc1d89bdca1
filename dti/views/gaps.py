"""Views of `dti gaps`: a unit's components by loss, its owners, a what-if and the next places; the
province-wide table; and the report section (`gaps_section`). The json/csv builders are in gaps_data."""

from __future__ import annotations

from typing import cast

import numpy as np

from dti.analysis.gaps import Gaps, Group, by_main, by_owner, ranked_nodes
from dti.analysis.whatif import NextUp, WhatIf
from dti.views.base import Column, Lang, View, as_float, narrow_hint, node_name, word
from dti.views.document import Chart, Decimal, Fact, Section, Series
from dti.views.gaps_data import frame, province_data, unit_data
from dti.words import say


def t(key: str, lang: Lang) -> str:
    """A word of the gaps views (dti/words/analysis.py, `analysis.gaps.*`)."""
    return say(f"analysis.gaps.{key}", lang)


def _owner(name: str | None, lang: Lang) -> str:
    return name if name is not None else t("none", lang)


def points_text(value: float, decimal: Decimal) -> str:
    """Points as a table cell writes them (up to 2 decimals), with the decimal mark: 18,75."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if decimal == "," else text


def mark(lang: Lang, decimal: Decimal | None) -> Decimal:
    """The decimal mark asked for, else the language's (vi: comma, en: dot)."""
    return decimal or cast(Decimal, say("analysis.gaps.decimal-mark", lang))


def more(n: int) -> str:
    """'(+14)': how many components a list leaves out, one word (a '…' would read as a cut cell)."""
    return f"(+{n})"


# --- one unit ---------------------------------------------------------------------------------------


def components(
    gaps: Gaps, unit: str, lang: Lang = "vi", limit: int | None = 15, decimal: Decimal | None = None
) -> View:
    """The unit's components with a gap, largest first (the first `limit`, and every one with missing
    data): points, max, lost, at stake, owner. `limit` None: every component, a gap or not."""
    spec, i = gaps.spec, gaps.unit(unit)
    columns = [Column("code", word("code", lang)), Column("name", word("name", lang))]
    # a narrow terminal keeps what is lost and at stake: the max goes first, then the points
    optional = {"max": 2, "points": 1}
    columns += [
        Column(k, word(k, lang), "points", optional=optional.get(k, 0))
        for k in ("points", "max", "lost", "at_stake")
    ]
    if gaps.owners is not None:
        columns.append(Column("owner", t("owner", lang)))
    rows = [
        {
            "code": gaps.codes[k],
            "name": node_name(spec.node(gaps.codes[k]), lang),
            "points": as_float(gaps.points[i, k]),
            "max": float(gaps.max[k]),
            "lost": as_float(gaps.lost[i, k]),
            "at_stake": as_float(gaps.at_stake[i, k]),
            "owner": _owner(gaps.owner[k], lang),
        }
        for k in np.argsort(-gaps.gap[i], kind="stable").tolist()
        if limit is None or gaps.gap[i, k] > 1e-9
    ]
    name = gaps.result.unit_names[i]
    title = f"{unit} {name} — {spec.id}: {t('title', lang).lower()}"
    notes = [
        say(
            "analysis.gaps.supplying",
            lang,
            code=r["code"],
            points=points_text(r["at_stake"], mark(lang, decimal)),
        )
        for r in rows
        if r["at_stake"]
    ]
    if limit is not None and len(rows) > limit:
        left = len(rows) - limit
        rows = rows[:limit] + [r for r in rows[limit:] if r["at_stake"]]
        notes.append(say("analysis.gaps.more-components", lang, count=left))
    return View(title, columns, rows, notes, sheet=t("title", lang), narrow=narrow_hint(lang))


def groups(
    found: list[Group], lang: Lang, key: str, label: str, per_unit: int = 0, full: bool = False
) -> View:
    """Owners or main indices: lost, at stake, share of the loss, components by loss (the first 6 and
    how many more; `full`: all of them, for a workbook)."""
    columns = [Column(key, label), Column("lost", word("lost", lang), "points")]
    columns += [
        Column("at_stake", word("at_stake", lang), "points"),
        Column("share", t("share", lang), "points", optional=1),
    ]
    if per_unit:  # a narrow terminal leaves out the counts of units first, then the means
        columns += [Column("mean_lost", t("mean_lost", lang), "points", optional=2)]
        columns += [Column("units_losing", t("units_losing", lang), "int", optional=3)]
    columns.append(Column("components", t("components", lang), "list"))
    rows = [
        {
            key: _owner(g.name, lang) if key == "owner" else g.name,
            "lost": g.lost,
            "at_stake": g.at_stake,
            "share": 100 * g.share,
            "mean_lost": (g.lost + g.at_stake) / per_unit if per_unit else None,
            "units_losing": g.units_losing,
            "components": g.components
            if full or len(g.components) <= 6
            else [*g.components[:6], more(len(g.components) - 6)],
        }
        for g in found
    ]
    title = t("owners" if key == "owner" else "mains", lang)
    return View(title, columns, rows, sheet=title, narrow=narrow_hint(lang))


def what_if_view(
    gaps: Gaps, unit: str, scenario: WhatIf, lang: Lang = "vi", decimal: Decimal | None = None
) -> View:
    """Points, value and rank of the total and pillars now and under the assumptions."""
    spec, i = gaps.spec, gaps.unit(unit)
    # a narrow terminal keeps values and ranks (the points now and assumed go first)
    columns = [Column("code", word("code", lang)), Column("points", t("before", lang), "points", optional=1)]
    columns += [Column("new_points", t("after", lang), "points", optional=1)]
    columns += [Column("value", word("value", lang), "value", spec.precision)]
    columns += [Column("new_value", t("new_value", lang), "value", spec.precision)]
    columns += [Column("rank", word("rank", lang), "int"), Column("new_rank", t("rank_after", lang), "int")]
    columns += [Column("places", word("places", lang), "places")]
    rows = []
    for code in ranked_nodes(spec):
        j = spec.graph.index[code]
        rows.append(
            {
                "code": code,
                "points": as_float(gaps.result.points_matrix[i, j]),
                "new_points": as_float(scenario.points[j]),
                "value": as_float(gaps.result.values_matrix[i, j]),
                "new_value": as_float(scenario.values[j]),
                "rank": int(scenario.rank_before[j]) or None,
                "new_rank": int(scenario.rank[j]) or None,
                "places": scenario.places_gained(j),
            }
        )
    unit_word = word("points", lang)
    said = [f"{c} → {points_text(p, mark(lang, decimal))} {unit_word}" for c, p in scenario.assumed.items()]
    if scenario.closed:
        said.append(f"{t('closing', lang)} {' '.join(scenario.closed)}")
    title = f"{t('whatif', lang)}: {', '.join(said)}"
    return View(title, columns, rows, sheet=t("whatif", lang), narrow=narrow_hint(lang))


def next_view(found: list[NextUp], lang: Lang = "vi") -> View:
    columns = [Column("node", word("code", lang)), Column("rank", word("rank", lang), "int")]
    columns += [Column("unit_above", t("above", lang)), Column("points_needed", t("needed", lang), "points")]
    columns += [Column("closes", t("closes", lang), "list", empty="")]
    rows = [
        {
            "node": n.node,
            "rank": n.rank,
            "unit_above": (
                f"{n.unit_above} {n.name_above}".strip()
                if n.unit_above
                else t("first", lang)
                if n.rank == 1
                else None  # the other units have no value of this node
            ),
            "points_needed": n.points_needed,
            "closes": n.closes if n.closes is not None or n.unit_above is None else [t("out_of_reach", lang)],
        }
        for n in found
    ]
    return View(t("next", lang), columns, rows, sheet=t("next", lang), narrow=narrow_hint(lang))


def unit_views(
    gaps: Gaps,
    unit: str,
    scenario: WhatIf | None,
    found: list[NextUp],
    lang: Lang = "vi",
    decimal: Decimal | None = None,
    full: bool = False,
) -> list[View]:
    """The terminal's tables (the largest gaps first); `full`: every row and list, for a workbook."""
    views = [components(gaps, unit, lang, None if full else 15, decimal)]
    if gaps.owners is not None:
        views.append(groups(by_owner(gaps, unit), lang, "owner", t("owner", lang), full=full))
    else:
        views.append(groups(by_main(gaps, unit), lang, "main", word("code", lang), full=full))
    if scenario is not None:
        views.append(what_if_view(gaps, unit, scenario, lang, decimal))
    views.append(next_view(found, lang))
    return views


# --- every unit -------------------------------------------------------------------------------------


def province_views(
    gaps: Gaps,
    moved: tuple[np.ndarray, np.ndarray] | None,
    lang: Lang = "vi",
    said: str = "",
    full: bool = False,
) -> list[View]:
    """Which main index (and owner) loses most points across all units; the what-if of every unit.
    `full`: every component of each list, for a workbook."""
    units = len(gaps.gap)
    spec = gaps.spec
    mains = groups(by_main(gaps), lang, "main", word("code", lang), per_unit=units, full=full)
    for row in mains.rows:
        row["name"] = node_name(spec.node(row["main"]), lang) if row["main"] else ""
    mains.columns.insert(1, Column("name", word("name", lang)))
    mains.title = say(
        "analysis.gaps.province-title", lang, spec=spec.id, units=units, mains=t("mains", lang).lower()
    )
    views = [mains]
    if gaps.owners is not None:
        views.append(groups(by_owner(gaps), lang, "owner", t("owner", lang), per_unit=units, full=full))
    if moved is not None:
        views.append(_moved_view(gaps, moved, lang, said))
    return views


def _moved_view(gaps: Gaps, moved: tuple[np.ndarray, np.ndarray], lang: Lang, said: str) -> View:
    spec = gaps.spec
    j = spec.graph.index[spec.total]
    new, places = moved
    result = gaps.result
    columns = [Column("unit", word("unit", lang)), Column("name", word("name", lang))]
    columns += [Column("value", word("value", lang), "value", spec.precision)]
    columns += [Column("new_value", t("new_value", lang), "value", spec.precision)]
    columns += [Column("rank", word("rank", lang), "int"), Column("places", word("places", lang), "places")]
    order = np.argsort(-places, kind="stable")
    rows = [
        {
            "unit": result.unit_codes[i],
            "name": result.unit_names[i],
            "value": as_float(result.values_matrix[i, j]),
            "new_value": as_float(new[i]),
            "rank": int(result.ranks_matrix[i, j]) or None,
            "places": int(places[i]),
        }
        for i in order.tolist()
    ]
    title = f"{t('whatif', lang)}, {t('each', lang)}: {said}" if said else t("whatif", lang)
    return View(title, columns, rows, sheet=t("whatif", lang), narrow=narrow_hint(lang))


def what_if_words(assumed: dict[str, str], close: int, lang: Lang = "vi") -> str:
    """'HTS.01=90%, lấp đủ điểm 3 khoảng trống lớn nhất' / 'HTS.01=90%, closing its 3 largest gaps'."""
    said = [f"{c}={v}" for c, v in assumed.items()]
    if close:
        said.append(f"{t('closing', lang)} {close} {t('largest', lang)}")
    return ", ".join(said)


# --- dti report --owners --------------------------------------------------------------------------


def gaps_section(
    gaps: Gaps,
    unit: str | None = None,
    found: list[NextUp] | None = None,
    lang: Lang = "vi",
    decimal: Decimal | None = None,
) -> Section:
    """Points lost per owner (per main index without an owners file), for one unit or all of them, and the
    unit's distance to the next places."""
    owned = gaps.owners is not None
    found_groups = by_owner(gaps, unit) if owned else by_main(gaps, unit)
    key = "owner" if owned else "main"
    per_unit = 0 if unit is not None else len(gaps.gap)
    view = groups(found_groups, lang, key, t("owner", lang) if owned else word("code", lang), per_unit)
    names = [_owner(g.name, lang) if owned else (g.name or "") for g in found_groups]
    chart = Chart(
        "gaps-owners" if owned else "gaps-mains",
        "hbar",
        t("owners" if owned else "mains", lang),
        names,
        [
            Series(word("lost", lang), [g.lost for g in found_groups]),
            Series(word("at_stake", lang), [g.at_stake for g in found_groups]),
        ],
        axis=t("axis", lang),
        digits=2,
        stacked=True,
    )
    section = Section("gaps", t("title", lang), views=[view], charts=[chart])
    if found_groups:
        top = found_groups[0]
        share = f"{100 * top.share:.1f}".replace(".", mark(lang, decimal))
        most = say("analysis.gaps.most-in", lang, codes=top.components[:3]) if top.components else ""
        section.lines.append(say("analysis.gaps.largest-owner", lang, owner=names[0], share=share, most=most))
    if unit is not None:  # its components are the report's losses section, with their owners
        for n in found or []:
            if n.points_needed is not None:  # the unit above by code and name, as dti gaps says it
                above = f"{n.unit_above} {n.name_above or ''}".strip()
                label = f"{n.node}: {t('needed', lang)} ({t('above', lang)} {above})"
                section.facts.append(Fact(label, n.points_needed, "points"))
    return section


__all__ = [
    "components",
    "frame",
    "gaps_section",
    "groups",
    "next_view",
    "province_data",
    "province_views",
    "what_if_words",
    "unit_data",
    "unit_views",
    "what_if_view",
]
