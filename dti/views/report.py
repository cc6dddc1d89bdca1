"""The steering committee's report as a Document: one unit's year (with --unit) or the overview of all.

Every section is built from the Briefing's tables by a pure function, so a test can check the numbers
behind each fact, table and chart. The HTML and XLSX writers render the same Document. The sections
about one unit are in report_unit.py, those about all units in report_all.py; here are the document, the
sections both share (targets, data quality, robustness) and the unit lookup.
"""

from __future__ import annotations

import numpy as np

from dti.analysis.ranking import compare
from dti.briefing.briefing import Briefing
from dti.views import grades
from dti.views.base import Column, Lang, View, word
from dti.views.document import Decimal, Document, Fact, Section
from dti.views.report_all import distribution, overview
from dti.views.report_unit import headline, losses, pillars, ranking, trend
from dti.words import say, texts


def report_document(
    briefing: Briefing,
    unit: str | None = None,
    lang: Lang = "vi",
    decimal: Decimal | None = None,
    sheets: bool = True,
) -> Document:
    """The report of `unit` (a code of the latest year; default: the briefing's), or the overview of all
    units when neither names one. `sheets=False` leaves out the tables only a workbook shows (every
    unit's values, the issue list): a page never shows them, and at 10,000 units they cost more than
    the page's own tables."""
    decimal = decimal or ("," if lang == "vi" else ".")
    unit = unit if unit is not None else briefing.unit
    latest, spec = briefing.latest, briefing.spec
    by = next(iter(briefing.held), spec.total)  # the total, or the first pillar a table of pillars gives
    data = compare(briefing.tables, by)  # as columns: a page shows a few of its rows
    years = ", ".join(str(t.year) for t in briefing.tables)
    results = briefing.results_table
    if unit is None:
        subtitle = f"{spec.id} · {years} · {len(latest.units)} {word('report.units', lang)}"
        sections: list[Section | None] = [
            overview(briefing, data, lang, decimal),
            ranking(briefing, data, None, lang, decimal, sheets),
            distribution(briefing, lang),
            None if results else losses(briefing, None, lang, decimal),
        ]
    else:
        subtitle = f"{unit} {latest.names.get(unit, '')} · {spec.id} · {years}"
        sections = [
            headline(briefing, data, unit, lang, decimal),
            pillars(briefing, unit, lang),
            ranking(briefing, data, unit, lang, decimal, sheets),
            trend(briefing, unit, lang),
            None if results else losses(briefing, unit, lang, decimal),
        ]
    sections.insert(1, grades.report_section(briefing, unit, lang))  # the grades, after the headline
    first, file = next(s for s in sections if s is not None), briefing.source
    if results:  # one sentence for what a table of published results cannot support
        key = "notes.report-results-table" + ("" if briefing.robustness else "-robust")
        first.lines.append(say(key, lang, file=file, codes=", ".join(briefing.held)))
    elif len(latest.units) < 2:
        count, year = len(latest.units), latest.year
        first.lines.append(say("notes.report-few-units", lang, file=file, count=count, year=year))
    sections += [
        *tracking(briefing, unit, lang, decimal),
        targets(briefing, lang),
        quality(briefing, lang, sheets),
    ]
    title = f"{word('report.title', lang)} {latest.year}"
    notes = texts(dict.fromkeys(briefing.notes), lang)
    if any(n.provisional for n in spec.nodes) and not results:
        notes.append(say("notes.report-provisional", lang))
    return Document(title, subtitle, lang, decimal, [s for s in sections if s is not None], notes)


# --- shared -----------------------------------------------------------------------------------------


def targets(briefing: Briefing, lang: Lang) -> Section | None:
    """The target review: counts by group and the list, when a target list was given."""
    review = briefing.review
    if review is None:
        return None
    from dti.views.review import summary_line
    from dti.views.review import targets as target_views

    listing, counts = target_views(review, "group", lang)
    listing.notes, listing.sheet = [], word("report.targets", lang)
    counts.sheet = say("notes.report-sheet-targets-by-group", lang)
    summary = review.summary()
    facts = [
        Fact(
            word(f"tracking.targets.{k}", lang),
            summary.get(k, 0),
            "count",
            note=f"/{summary['total']}",
            tone=k,
        )
        for k in ("met", "not_met", "no_data")
    ]
    return Section(
        "targets",
        word("report.targets", lang),
        facts=facts,
        lines=[summary_line(review, lang)],
        views=[counts, listing],
    )


def quality(briefing: Briefing, lang: Lang, sheets: bool = True, limit: int = 5000) -> Section:
    """Issue counts by code; the issues themselves (up to `limit`) in the workbook (with `sheets`)."""
    report = briefing.issues
    errors, warnings = report.counts("error"), report.counts("warning")
    columns = [
        Column("issue", word("issue", lang)),
        Column("severity", word("severity", lang), tone="tone"),
        Column("count", word("report.count", lang), "int"),
    ]
    rows = [
        {"issue": c, "severity": word(level, lang), "tone": level, "count": n}
        for level, counts in (("error", errors), ("warning", warnings))
        for c, n in sorted(counts.items())
    ]
    n_err, n_warn = sum(errors.values()), sum(warnings.values())
    year = briefing.latest.year
    lines = [say("notes.report-quality-counts", lang, errors=n_err, warnings=n_warn, year=year)]
    listing = []
    if rows and sheets:
        from dti.views.validation import issues as issue_views

        views = issue_views(report, lang, limit=limit)
        listed = [r for v in views for r in v.rows]
        sheet = View(None, views[0].columns, listed, sheet=word("report.issues", lang))
        if len(listed) < n_err + n_warn:
            total, file = n_err + n_warn, briefing.source
            sheet.notes.append(
                say("notes.report-first-issues", lang, shown=len(listed), total=total, file=file)
            )
        listing.append(sheet)
    view = View(None, columns, rows, sheet=word("report.quality", lang))
    return Section(
        "quality", word("report.quality", lang), lines=lines, views=[view] if rows else [], sheets=listing
    )


def tracking(briefing: Briefing, unit: str | None, lang: Lang, decimal: Decimal) -> list[Section]:
    """The year's tracking, where the briefing has it: points lost per department, the calendar, the
    tasks, and how sure the ranks are."""
    sections = []
    if briefing.gaps is not None:
        from dti.views.gaps import gaps_section

        section = gaps_section(briefing.gaps, unit, briefing.next_up if unit else None, lang, decimal)
        section.title = say("notes.report-owners-title", lang)
        sections.append(section)
    if briefing.calendar is not None:
        from dti.views.calendar import calendar_section

        sections.append(calendar_section(briefing.calendar, lang))
    if briefing.tasks is not None:
        from dti.views.tasks import tasks_section

        sections.append(tasks_section(briefing.tasks, lang))
    if briefing.robustness is not None:
        sections.append(robustness(briefing, unit, lang, decimal))
    return sections


def robustness(briefing: Briefing, unit: str | None, lang: Lang, decimal: Decimal | None = None) -> Section:
    """How sure the ranks are (the briefing's draws, dti robust's defaults): the unit and the five units
    on each side of it, or every unit (the first 30 when there are more than 70), as rank intervals; a
    line says which ranks a part shows."""
    from dataclasses import replace

    from dti.analysis.robust import analyse
    from dti.briefing.build import robust_shown
    from dti.views.robust import robust_section

    assert briefing.robustness is not None, "a briefing built with draws=0 has no robustness"
    out = briefing.robustness.out
    order = np.argsort(out.nominal, kind="stable")
    units = out.model.units  # the units the draws kept: a unit without every main-index value is left out
    mine = briefing.latest.names.get(unit, unit) if unit is not None and unit in units else None
    shown = robust_shown(out.nominal, units, unit)
    if out.analysed is not None and not np.isin(shown, out.analysed).all():
        # the briefing analysed another unit's neighbours: the same draws (same seed) for these
        out = analyse(out.model, out.settings, among=lambda _: shown)
    section = robust_section(out, lang, [int(i) for i in shown], decimal)
    if len(shown) < len(order):  # which part: ranks first to last
        ranks = {"rank": int(out.nominal[shown].min()), "last_rank": int(out.nominal[shown].max())}
        key = "notes.report-first-units" if mine is None else "notes.report-units-around"
        section.lines.append(say(key, lang, shown=len(shown), total=len(order), name=mine, **ranks))
    chart = section.charts[0]
    names = [out.model.names[i] or out.model.units[i] for i in sorted(shown, key=lambda i: out.nominal[i])]
    section.charts = [replace(chart, highlight=[k for k, n in enumerate(names) if n == mine])]
    return section
