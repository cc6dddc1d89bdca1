"""Grades (xếp loại) in the views: a grade column and the counts line of `dti score`, its JSON and CSV
fields, the counts per year and the grade changes of `dti rank`, the way to the next grade of `dti gaps`,
and the report's lines. Each function leaves its input as it is when the spec has no bands."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from dti.analysis.grades import Grades, grade, grade_values
from dti.engine.scoring import Result
from dti.views.base import Column, Lang, View, as_float, node_name
from dti.views.document import Chart, Fact, Section, Series
from dti.words import say

LISTED = 100  # the units a grade's row names; the rest are counted

if TYPE_CHECKING:  # not imported at run time: dti score needs neither pandas nor the briefing
    import pandas as pd

    from dti.analysis.ranking import YearTable
    from dti.briefing.briefing import Briefing


def counts_line(grades: Grades, lang: Lang) -> str:
    """'4 Tốt · 2 Khá · 2 Trung bình · 2 Yếu' (every band, highest first, empty ones too)."""
    parts = [f"{n} {b.name(lang)}" for b, n in zip(grades.bands, grades.counts.tolist(), strict=True)]
    line = " · ".join(parts)
    ungraded = int((grades.band < 0).sum())
    return line + (say("analysis.grades.ungraded", lang, count=ungraded) if ungraded else "")


def names(grades: Grades, lang: Lang | None = None) -> dict[str, str | None]:
    """Each unit's grade: as the decision writes it (lang None), or in `lang`."""
    named = [b.name_vi if lang is None else b.name(lang) for b in grades.bands]
    return {
        u: named[k] if k >= 0 else None for u, k in zip(grades.unit_codes, grades.band.tolist(), strict=True)
    }


def score_table(view: View, result: Result, lang: Lang) -> View:
    """A grade column after the total's, and the counts line under the table."""
    grades = grade(result)
    if grades is None:
        return view
    at = next((k + 1 for k, c in enumerate(view.columns) if c.key == result.spec.total), len(view.columns))
    view.columns.insert(at, Column("band", say("analysis.grades.band", lang)))
    named = names(grades, lang)
    for row in view.rows:
        row["band"] = named.get(row["unit"])
    view.notes.append(counts_line(grades, lang))
    return view


def bands_data(grades: Grades) -> list[dict[str, Any]]:
    """`bands: [{name_vi, name_en, at_least, count}]`, highest first."""
    return [
        {"name_vi": b.name_vi, "name_en": b.name_en, "at_least": b.at_least, "count": n}
        for b, n in zip(grades.bands, grades.counts.tolist(), strict=True)
    ]


def score_data(data: dict[str, Any], result: Result) -> dict[str, Any]:
    """`units[].band` (the grade as the decision writes it) and the top-level `bands`."""
    grades = grade(result)
    if grades is None:
        return data
    named = names(grades)
    for unit in data["units"]:
        unit["band"] = named.get(unit["unit"])
    data["bands"] = bands_data(grades)
    return data


def score_frame(columns: dict[str, Any], result: Result) -> dict[str, Any]:
    """A `band` column after the name (the grade as the decision writes it)."""
    grades = grade(result)
    if grades is None:
        return columns
    named = names(grades)
    out: dict[str, Any] = {}
    for key, values in columns.items():
        out[key] = values
        if key == "name":
            out["band"] = [named.get(u) for u in columns["unit"]]
    return out


def unit_lines(result: Result, unit: str, lang: Lang) -> list[str]:
    """A unit's grade, the points to the next one and the components whose gaps close them, largest
    first; then the counts per grade (the report and `dti gaps --unit` say these lines)."""
    grades = grade(result)
    if grades is None:
        return []
    i = grades.unit_codes.index(unit)
    k = int(grades.band[i])
    lines = [
        say("analysis.grades.unit", lang, grade=grades.bands[k].name(lang))
        if k >= 0
        else say("analysis.grades.unit-none", lang)
    ]
    need = float(grades.to_next[i])
    if k == 0:
        lines.append(say("analysis.grades.at-top", lang))
    if k > 0 and not np.isnan(need):
        closers = grades.closers(i)
        params = {"points": need, "next": grades.bands[k - 1].name(lang)}
        if not grades.components:  # published values: the gaps are unknown
            lines.append(say("analysis.grades.next-points", lang, **params))
        elif closers:
            listed = ", ".join(say("analysis.grades.closer", lang, code=c, points=p) for c, p in closers)
            lines.append(say("analysis.grades.next", lang, components=listed, **params))
        else:
            lines.append(say("analysis.grades.next-out-of-reach", lang, **params))
    lines.append(say("analysis.grades.counts", lang, counts=counts_line(grades, lang)))
    return lines


def gaps_views(views: list[View], result: Result, unit: str, lang: Lang) -> list[View]:
    """`dti gaps --unit`: a last table of the components whose gaps reach the next grade, with the
    unit's grade and the points it needs as its title and notes."""
    lines = unit_lines(result, unit, lang)
    if not lines:
        return views
    grades = grade(result)
    assert grades is not None
    spec = result.spec
    rows = [
        {"code": c, "name": node_name(spec.node(c), lang), "points": p}
        for c, p in grades.closers(grades.unit_codes.index(unit))
    ]
    columns = [
        Column("code", say("label.code", lang)),
        Column("name", say("label.name", lang)),
        Column("points", say("analysis.grades.adds", lang), "points"),
    ]
    if not rows:  # at the top grade, or no gaps close the way: the lines say it, no empty table
        title = say("analysis.grades.section", lang)
        return [*views, View(title, [], [], lines, sheet=title)]
    title = say("analysis.grades.title", lang)
    return [*views, View(title, columns, rows, lines, sheet=title)]


def grade_line(result: Result, unit: str, lang: Lang) -> list[str]:
    """`dti score --unit`: the unit's grade, one line (none when the spec has no bands)."""
    return unit_lines(result, unit, lang)[:1]


def gaps_data(data: dict[str, Any], result: Result, unit: str) -> dict[str, Any]:
    """`grade`: {band, next, to_next, components: [{code, points}]} (the band as the decision writes it);
    nothing without bands."""
    grades = grade(result)
    if grades is None:
        return data
    data["grade"] = _next(grades, grades.unit_codes.index(unit))
    return data


def _next(grades: Grades, i: int) -> dict[str, Any]:
    k = int(grades.band[i])
    return {
        "band": grades.name(i),
        "next": grades.bands[k - 1].name_vi if k > 0 else None,
        "to_next": as_float(grades.to_next[i]),
        "components": [{"code": c, "points": p} for c, p in grades.closers(i)],
    }


def gaps_province(views: list[View], result: Result, lang: Lang, limit: int | None = 15) -> list[View]:
    """`dti gaps` of every unit: the units nearest the next grade first, with the points they need and
    the components whose gaps close them (`limit` rows; None: every one, for a workbook)."""
    grades = grade(result)
    if grades is None:
        return views
    near = np.flatnonzero(~np.isnan(grades.to_next))
    near = near[np.argsort(grades.to_next[near], kind="stable")]
    rows = []
    for i in near.tolist()[:limit]:
        k = int(grades.band[i])
        rows.append(
            {
                "unit": grades.unit_codes[i],
                "name": result.unit_names[i],
                "band": grades.bands[k].name(lang),
                "next": grades.bands[k - 1].name(lang),
                "to_next": float(grades.to_next[i]),
                "components": [c for c, _ in grades.closers(i)],
            }
        )
    columns = [
        Column("unit", say("label.unit", lang)),
        Column("name", say("label.name", lang)),
        Column("band", say("analysis.grades.band", lang)),
        Column("next", say("analysis.grades.next-band", lang)),
        Column("to_next", say("analysis.grades.to-next", lang), "points"),
        Column("components", say("analysis.grades.closing", lang), "list"),
    ]
    title = say("analysis.grades.nearest", lang)
    view = View(title, columns, rows, [counts_line(grades, lang)], sheet=say("analysis.grades.section", lang))
    return [*views, view]


def gaps_province_data(data: dict[str, Any], result: Result) -> dict[str, Any]:
    """`grades`: per unit {unit, band, next, to_next, components}, and `bands` with the counts."""
    grades = grade(result)
    if grades is None:
        return data
    data["grades"] = [{"unit": u, **_next(grades, i)} for i, u in enumerate(grades.unit_codes)]
    data["bands"] = bands_data(grades)
    return data


def report_section(briefing: Briefing, unit: str | None, lang: Lang) -> Section | None:
    """The report's grades: the unit's grade, the way to the next and the counts per grade, with a chart
    of the counts (the unit's grade in the accent colour); None when the spec has no bands."""
    grades = grade(briefing.result)
    if grades is None:
        return None
    i = grades.unit_codes.index(unit) if unit in grades.unit_codes else None
    if i is not None:
        lines = unit_lines(briefing.result, grades.unit_codes[i], lang)
    else:
        lines = [say("analysis.grades.counts", lang, counts=counts_line(grades, lang))]
    names_in = [b.name(lang) for b in grades.bands]
    facts = [Fact(name, n, "count") for name, n in zip(names_in, grades.counts.tolist(), strict=True)]
    title = say("analysis.grades.section", lang)
    own = [int(grades.band[i])] if i is not None and grades.band[i] >= 0 else []
    counts: list[float | None] = [float(n) for n in grades.counts.tolist()]
    chart = Chart("grades", "bar", title, names_in, [Series(title, counts)], highlight=own, digits=0)
    views = [_members(grades, names_in, briefing.latest.names, title, lang)]  # the workbook's chart beside it
    if i is None:  # all units: the nearest the next grade (the page only: `dti gaps` has them all)
        nearest = gaps_province([], briefing.result, lang, limit=10)
        views += [View(v.title, v.columns, v.rows, sheet="") for v in nearest if v.rows]
    return Section("grades", title, facts=facts, lines=lines, views=views, charts=[chart])


def _members(grades: Grades, names_in: list[str], names: dict[str, str], sheet: str, lang: Lang) -> View:
    """A row per grade: its name, how many units and which, by name (with the code where the name is not
    the unit's alone), the first LISTED of them in the result's order (the ranking sheet gives every
    unit's grade; a cell of 10,000 codes was past a spreadsheet cell's 32,767 characters)."""
    said = Counter(names.get(c) or c for c in grades.unit_codes)
    labels = [
        name if said[name] == 1 or name == c else f"{name} ({c})"
        for c in grades.unit_codes
        for name in [names.get(c) or c]
    ]
    rows = []
    for k, (name, n) in enumerate(zip(names_in, grades.counts.tolist(), strict=True)):
        members = [labels[i] for i in np.flatnonzero(grades.band == k).tolist()]
        listed = ", ".join(members[:LISTED])
        if len(members) > LISTED:
            listed += " " + say("analysis.grades.more", lang, count=len(members) - LISTED)
        rows.append({"band": name, "count": int(n), "units": listed})
    columns = [
        Column("band", say("analysis.grades.band", lang)),
        Column("count", say("analysis.grades.count", lang), "int"),
        Column("units", say("analysis.grades.units", lang)),
    ]
    return View(None, columns, rows, sheet=sheet)


def change_line(tables: list[YearTable], unit: str, lang: Lang) -> str | None:
    """The report's headline: the unit's grade up or down since the year before (None if the same)."""
    years = _years(tables)
    if len(years) < 2:
        return None
    (then, before), (_, now) = years[-2], years[-1]
    if unit not in before.unit_codes or unit not in now.unit_codes:
        return None
    k_then, k_now = int(before.band[before.unit_codes.index(unit)]), int(now.band[now.unit_codes.index(unit)])
    if k_then < 0 or k_now < 0 or k_then == k_now:
        return None
    key = "analysis.grades.up" if k_now < k_then else "analysis.grades.down"
    return say(key, lang, before=before.bands[k_then].name(lang), now=now.bands[k_now].name(lang), year=then)


def _years(tables: list[YearTable]) -> list[tuple[int, Grades]]:
    """Each year's grades from its table's total values (years whose spec has no bands left out)."""
    out = []
    for table in tables:
        found = grade_values(table.spec, table.units, table.value_column(table.spec.total))
        if found is not None:
            out.append((table.year, found))
    return out


def rank_table(view: View, tables: list[YearTable], lang: Lang, counts: bool = True) -> View:
    """The latest year's grade and its change from the year before ('Khá → Tốt', '='), and (`counts`)
    a line per year with its counts per grade."""
    years = _years(tables)
    if not years:
        return view
    last, grades = years[-1]
    now = names(grades, lang)
    view.columns.append(Column("band", f"{say('analysis.grades.band', lang)} {last}"))
    before = names(years[-2][1], lang) if len(years) > 1 else None
    if before is not None:
        view.columns.append(
            Column("band_change", f"{say('analysis.grades.change', lang)} {years[-2][0]}→{last}")
        )
    for row in view.rows:
        row["band"] = now.get(row["unit"])
        if before is not None:
            then, grade_now = before.get(row["unit"]), row["band"]
            same = then == grade_now
            row["band_change"] = (
                None if then is None or grade_now is None else "=" if same else f"{then} → {grade_now}"
            )
    if counts:
        view.notes += [
            say("analysis.grades.year", lang, year=y, counts=counts_line(g, lang)) for y, g in years
        ]
    return view


def rank_data(data: dict[str, Any], tables: list[YearTable]) -> dict[str, Any]:
    """`units[].bands` ({year: the grade as the decision writes it}) and `bands` ({year: the counts})."""
    years = _years(tables)
    if not years:
        return data
    named = {str(y): names(g) for y, g in years}
    units = [{**u, "bands": {y: grades.get(u["unit"]) for y, grades in named.items()}} for u in data["units"]]
    return {**data, "units": units, "bands": {str(y): bands_data(g) for y, g in years}}


def rank_frame(frame: pd.DataFrame, tables: list[YearTable]) -> pd.DataFrame:
    """A `band_<year>` column per graded year."""
    for year, grades in _years(tables):
        frame[f"band_{year}"] = frame["unit"].map(names(grades))
    return frame


__all__ = [
    "bands_data",
    "counts_line",
    "gaps_data",
    "gaps_province",
    "gaps_province_data",
    "gaps_views",
    "names",
    "rank_data",
    "rank_frame",
    "rank_table",
    "change_line",
    "report_section",
    "score_data",
    "score_frame",
    "score_table",
    "unit_lines",
]
