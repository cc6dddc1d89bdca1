"""The steering committee's report as a Document: one unit's year (with --unit) or the overview of all.

Every section is built from the Briefing's tables by a pure function, so a test can check the numbers
behind each fact, table and chart. The HTML and XLSX writers render the same Document. The sections
about one unit are in report_unit.py, those about all units in report_all.py; here are the document, the
sections both share (targets, data quality, robustness) and the unit lookup.
"""

from __future__ import annotations

import numpy as np

from dti.analysis.ranking import comparison
from dti.briefing.gather import Briefing
from dti.views.base import Column, Lang, View, total_code, word
from dti.views.document import Decimal, Document, Fact, Section
from dti.views.report_all import distribution, overview
from dti.views.report_unit import headline, losses, pillars, ranking, t, trend
from dti.words import Note


def report_document(
    briefing: Briefing,
    unit: str | None = None,
    lang: Lang = "vi",
    decimal: Decimal | None = None,
    extra: list[Section] | None = None,
) -> Document:
    """The report of `unit` (a code of the latest year), or the overview of all units when unit is None."""
    decimal = decimal or ("," if lang == "vi" else ".")
    latest, spec = briefing.latest, briefing.spec
    total = total_code(spec)
    data = comparison(briefing.tables, total)
    years = ", ".join(str(t.year) for t in briefing.tables)
    if unit is None:
        subtitle = f"{spec.id} · {years} · {int(latest.ranks[total].notna().sum())} {t('units', lang)}"
        sections: list[Section | None] = [
            overview(briefing, data, lang, decimal),
            ranking(briefing, data, None, lang, decimal),
            distribution(briefing, lang),
            losses(briefing, None, lang, decimal),
        ]
    else:
        subtitle = f"{unit} {latest.names.get(unit, '')} · {spec.id} · {years}"
        sections = [
            headline(briefing, data, unit, lang, decimal),
            pillars(briefing, unit, lang),
            ranking(briefing, data, unit, lang, decimal),
            trend(briefing, unit, lang),
            losses(briefing, unit, lang, decimal),
        ]
    sections += [*(extra or []), targets(briefing, lang), quality(briefing, lang)]
    title = f"{t('title', lang)} {latest.year}"
    notes = [_spec_note(n, briefing, lang) for n in dict.fromkeys(briefing.notes)]
    if any(n.provisional for n in spec.nodes):
        notes.append(
            "Điểm và cách tính các chỉ số thành phần là tạm thời (chưa đối chiếu với quyết định): "
            "giá trị tính từ thành phần chỉ đúng đến mức đó."
            if lang == "vi"
            else "The components' points and rules are provisional (not checked against the decision): "
            "values computed from components are only as right as they are."
        )
    return Document(title, subtitle, lang, decimal, [s for s in sections if s is not None], notes)


def _spec_note(note: Note | str, briefing: Briefing, lang: Lang) -> str:
    """A pipeline note, worded in the report's language."""
    return note.text(lang) if isinstance(note, Note) else note


# --- shared -----------------------------------------------------------------------------------------


def targets(briefing: Briefing, lang: Lang) -> Section | None:
    """The target review: counts by group and the list, when a target list was given."""
    review = briefing.review
    if review is None:
        return None
    from dti.tracking.targets import summary_line
    from dti.views.review import targets as target_views

    listing, counts = target_views(review, "group", lang)
    listing.notes, listing.sheet = [], t("targets", lang)
    counts.sheet = "Chỉ tiêu theo nhóm" if lang == "vi" else "Targets by group"
    summary = review.summary()
    labels = {
        "met": ("đạt", "met"),
        "not_met": ("chưa đạt", "not met"),
        "no_data": ("chưa có số liệu", "no data"),
    }
    facts = [
        Fact(
            labels[k][0 if lang == "vi" else 1], summary.get(k, 0), "int", note=f"/{summary['total']}", tone=k
        )
        for k in labels
    ]
    return Section(
        "targets",
        t("targets", lang),
        facts=facts,
        lines=[summary_line(review, lang)],
        views=[counts, listing],
    )


def quality(briefing: Briefing, lang: Lang, limit: int = 5000) -> Section:
    """Issue counts by code; the issues themselves (up to `limit`) in the workbook."""
    report = briefing.issues
    errors, warnings = report.counts("error"), report.counts("warning")
    columns = [
        Column("issue", word("issue", lang)),
        Column("severity", word("severity", lang), tone="tone"),
        Column("count", t("count", lang), "int"),
    ]
    said = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning")}
    rows = [
        {"issue": c, "severity": said[level][lang == "en"], "tone": level, "count": n}
        for level, counts in (("error", errors), ("warning", warnings))
        for c, n in sorted(counts.items())
    ]
    n_err, n_warn = sum(errors.values()), sum(warnings.values())
    lines = [
        f"{n_err} lỗi, {n_warn} cảnh báo trong dữ liệu năm {briefing.latest.year}."
        if lang == "vi"
        else f"{n_err} errors and {n_warn} warnings in the {briefing.latest.year} data."
    ]
    sheets = []
    if rows:
        from dti.views.review import issues as issue_views

        listed = [r for v in issue_views(report, lang) for r in v.rows]
        columns_all = issue_views(report, lang)[0].columns
        sheet = View(None, columns_all, listed[:limit], sheet=t("issues", lang))
        if len(listed) > limit:
            sheet.notes.append(f"{limit}/{len(listed)}: dti validate --format csv")
        sheets.append(sheet)
    view = View(None, columns, rows, sheet=t("quality", lang))
    return Section("quality", t("quality", lang), lines=lines, views=[view] if rows else [], sheets=sheets)


def unit_code(briefing: Briefing, query: str) -> str:
    """The unit's code from a code or a name, looked up as `dti score --unit` does (RankingError)."""
    from dti.engine.lookup import find_unit

    return find_unit([t.names for t in reversed(briefing.tables)], query)


def robustness(
    briefing: Briefing,
    unit: str | None,
    lang: Lang,
    draws: int,
    seed: int = 0,
    decimal: Decimal | None = None,
) -> Section:
    """How sure the ranks are (dti robust's defaults): the unit and the five units on each side of it,
    or every unit (the first 30 when there are more than 70), as rank intervals."""
    from dataclasses import replace

    from dti.analysis.robust import Settings, analyse, build
    from dti.views.robust import robust_section

    settings = Settings(draws=draws, seed=seed)
    out = analyse(build(briefing.result, settings), settings)
    order = np.argsort(out.nominal, kind="stable")
    if unit is not None:
        at = int(np.flatnonzero(order == briefing.result.unit_codes.index(unit))[0])
        shown = order[max(0, at - 5) : at + 6]
    else:
        shown = order if len(order) <= 70 else order[:30]
    section = robust_section(out, lang, [int(i) for i in shown], decimal)
    if len(shown) < len(order):
        section.lines.append(
            f"{len(shown)}/{len(order)} đơn vị đầu bảng; tất cả: dti robust"
            if lang == "vi"
            else f"The first {len(shown)} of {len(order)} units; all of them: dti robust"
        )
    chart = section.charts[0]
    names = [out.model.names[i] or out.model.units[i] for i in sorted(shown, key=lambda i: out.nominal[i])]
    mine = briefing.latest.names.get(unit, unit) if unit is not None else None
    section.charts = [replace(chart, highlight=[k for k, n in enumerate(names) if n == mine])]
    return section
