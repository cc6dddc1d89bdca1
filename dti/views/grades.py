"""Grades (xếp loại) in the views: a grade column and the counts line of `dti score`, its JSON and CSV
fields, the counts per year and the grade changes of `dti rank`, the way to the next grade of `dti gaps`,
and the report's lines. Each function leaves its input as it is when the spec has no bands."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.grades import Grades, grade
from dti.engine.scoring import Result
from dti.views.base import Column, Lang, View
from dti.words import say


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
    if k > 0 and not np.isnan(need):
        closers = grades.closers(i)
        params = {"points": need, "next": grades.bands[k - 1].name(lang)}
        if closers:
            listed = ", ".join(say("analysis.grades.closer", lang, code=c, points=p) for c, p in closers)
            lines.append(say("analysis.grades.next", lang, components=listed, **params))
        else:
            lines.append(say("analysis.grades.next-out-of-reach", lang, **params))
    lines.append(say("analysis.grades.counts", lang, counts=counts_line(grades, lang)))
    return lines


def rank_lines(results: list[Result], lang: Lang) -> list[str]:
    """The count per grade in each year (`dti rank`), oldest first; none without bands."""
    lines = []
    for result in results:
        grades = grade(result)
        if grades is not None:
            lines.append(
                say("analysis.grades.year", lang, year=result.year, counts=counts_line(grades, lang))
            )
    return lines


def changes(before: Result, after: Result, lang: Lang) -> dict[str, str | None]:
    """Per unit of `after`: 'Khá → Tốt' where its grade changed, '=' where it kept it, None where a year
    has no grade for it (or a spec no bands)."""
    old, new = grade(before), grade(after)
    if old is None or new is None:
        return {}
    was, now = names(old, lang), names(new, lang)
    out: dict[str, str | None] = {}
    for unit, grade_now in now.items():
        grade_then = was.get(unit)
        if grade_now is None or grade_then is None:
            out[unit] = None
        else:
            out[unit] = "=" if grade_now == grade_then else f"{grade_then} → {grade_now}"
    return out


__all__ = ["bands_data", "changes", "counts_line", "names", "rank_lines", "score_data", "score_frame"]
