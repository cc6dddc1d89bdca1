"""The report as an administrative document (Decree 30/2020/NĐ-CP): the header block, sections whose
sentences carry the figures, appendix tables and charts, all taken from the report's Document.

The Word writer (dti/write/docx.py) lays this out; nothing here knows Word. Every figure comes from the
Document's facts, lines and tables (worded by the same `cell` the HTML page uses), so the draft says what
the HTML and XLSX reports say. Sentences the Document already holds (the headline, the target summary,
the calendar) are taken as they are; the others are built here from its tables' rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from dti.briefing.briefing import Briefing
from dti.views.base import Column, Lang, View
from dti.views.cells import cell, half_up, missing
from dti.views.document import Decimal, Document, Fact, Section
from dti.views.report_word_appendix import Appendix, appendices, roman
from dti.words import FILE_PARAMS, Note, say

__all__ = ["Appendix", "Header", "Part", "WordReport", "on_paper", "roman", "word_report"]

# the Document's sections behind each section of the draft, in the report's order
PARTS = {
    "result": (
        "headline",
        "overview",
        "grades",
        "pillars",
        "ranking",
        "trend",
        "distribution",
        "losses",
        "robust",
    ),
    "targets": ("targets",),
    "tasks": ("tasks",),
    "owners": ("gaps",),
    "calendar": ("calendar",),
    "quality": ("quality",),
}
BLANK = "……"
# the sections whose tables the draft shows in the text, as the HTML report does: the largest moves (▲/▼)
# of the overview, the units of each grade and those nearest the next, and the rank intervals the
# robustness line speaks of
TABLES = ("overview", "grades", "robust")
# notes that end in a command-line hint, and the draft's words for them
PAPER = {
    "spec.year-unpublished": "report_word.year-unpublished",
    "spec.no-year": "report_word.no-year",
    "spec.year-undeclared": "report_word.year-undeclared",
}


@dataclass(frozen=True)
class Header:
    """The header block and the title: what the office fills by hand stays dotted."""

    issuer: str
    unit: str  # the unit's name in capitals under the issuing body ("" for the overview)
    number: str
    place_date: str
    nation: str
    motto: str
    title: str
    subject: str


@dataclass
class Part:
    """A numbered section: its sentences and tables (the HTML report's, where the sentences need them),
    bullet lines, and room for the team's narrative."""

    title: str
    sentences: list[str | View] = field(default_factory=list)
    bullets: list[tuple[str, list[str]]] = field(default_factory=list)  # a lead-in and its lines
    narrative: str = ""


@dataclass
class WordReport:
    lang: Lang
    decimal: Decimal
    header: Header
    intro: str
    parts: list[Part]
    appendices: list[Appendix]
    notes: list[str]
    recipients: list[str]
    signer: list[str]
    notes_title: str = ""
    recipients_title: str = ""


def _date(date: tuple[int, int, int]) -> tuple[str, str, str]:
    """Day, month and year as Decree 30 writes them: a day below 10 and the months 1 and 2 with a
    leading zero, the other months without ("ngày 05 tháng 02 năm 2025", "ngày 07 tháng 8 năm 2024")."""
    day, month, year = date
    return f"{day:02d}", f"{month:02d}" if month < 3 else str(month), str(year)


def on_paper(briefing: Briefing, files: list[str]) -> Briefing:
    """The briefing as the draft words it: `files` (the report year's, one per sheet read) and the notes'
    files by their names alone, each once; the spec notes without their command-line hint."""
    names = list(dict.fromkeys(PurePath(f).name for f in files))
    notes = [_on_paper(n) if isinstance(n, Note) else n for n in briefing.notes]
    return replace(briefing, source=", ".join(names) or briefing.source, notes=notes)


def _on_paper(said: Note) -> Note:
    params = tuple((k, _name(v) if k in FILE_PARAMS else v) for k, v in said.params)
    return Note(PAPER.get(said.key, said.key), params)


def _name(value: Any) -> Any:
    if isinstance(value, str):
        return PurePath(value).name
    if isinstance(value, list | tuple):
        return list(dict.fromkeys(_name(v) for v in value))
    return value


def word_report(
    doc: Document,
    year: int,
    spec: str,
    unit: tuple[str, str] | None,
    units: int,
    number: str | None = None,
    place: str | None = None,
    date: tuple[int, int, int] | None = None,
    issuer: str | None = None,
    departments: View | None = None,
) -> WordReport:
    """The draft of `doc` for the year `year`: the report of `unit` (its code and name), or of all `units`
    when None. `number`, `place`, `date` (day, month, year) and `issuer` fill the header; else dotted.
    `departments`: the target counts per responsible department (dti.views.review.targets by it)."""
    lang = doc.lang
    unit_name = unit[1] if unit else None
    day, month, in_year = _date(date) if date else (BLANK,) * 3
    subject = (
        say("report_word.subject-unit", lang, year=year, name=unit_name)
        if unit_name
        else say("report_word.subject-all", lang, year=year, count=units)
    )
    number_text = number or f"{BLANK}/BC-{BLANK}"
    header = Header(
        issuer=issuer or say("report_word.issuer", lang),
        unit=(unit_name or "").upper(),
        number=say("report_word.number", lang, number=number_text),
        place_date=say("report_word.date", lang, place=place or BLANK, day=day, month=month, year=in_year),
        nation=say("report_word.nation", lang),
        motto=say("report_word.motto", lang),
        title=say("report_word.title", lang),
        subject=subject,
    )
    parts = [p for key in PARTS if (p := _part(key, doc, departments)) is not None]
    caption = say(
        "report_word.appendix-of",
        lang,
        number=number_text,
        date="/".join(str(d) for d in date) if date else BLANK,
        issuer=issuer or say("report_word.issuer-of", lang, unit=unit_name or "").strip(),
    )
    found = appendices(doc, caption, unit[0] if unit else None)
    return WordReport(
        lang,
        doc.decimal,
        header,
        say("report_word.intro", lang, year=year, spec=spec),
        parts,
        found,
        list(doc.notes),
        [say("report_word.recipient-blank", lang)] * 2 + [say("report_word.recipient-archive", lang)],
        [
            say("report_word.signer", lang),
            say("report_word.signature", lang),
            "",
            "",
            say("report_word.signer-name", lang),
        ],
        say("report_word.notes", lang),
        say("report_word.recipients", lang),
    )


# --- the sections -------------------------------------------------------------------------------------


def _part(key: str, doc: Document, departments: View | None) -> Part | None:
    sections = [s for k in PARTS[key] if (s := doc.section(k)) is not None]
    if not sections:
        return None
    lang = doc.lang
    part = Part(say(f"report_word.section.{key}", lang), narrative=say("report_word.narrative", lang))
    for section in sections:
        if section.key != "gaps":  # its line shares lost and missing together: the lines below part them
            part.sentences += section.lines or [_fact(f, doc) for f in section.facts]
        if section.key in TABLES:
            part.sentences += [
                _narrow(v, section.title if section.key == "robust" else v.title) for v in section.views
            ]
        if section.key == "pillars":
            part.sentences += _pillars(section, doc)
        elif section.key == "targets":
            part.bullets += _targets(section, doc, departments)
        elif section.key == "tasks":
            part.bullets += _tasks(section, doc)
        elif section.key == "gaps":
            part.bullets += _owners(section, doc)
    return part


def _narrow(view: View, title: str | None) -> View:
    """A table in the text: the columns a narrow terminal keeps (no long explanation column), under
    `title` (the robustness table's own title repeats the line above it)."""
    return replace(view, title=title, columns=[c for c in view.columns if not c.optional])


def _fact(fact: Fact, doc: Document) -> str:
    """A headline figure as a sentence, written as the HTML report's box writes it."""
    value = cell(Column("fact", fact.label, fact.kind, fact.digits), fact.value, doc.decimal)
    label = fact.label[:1].upper() + fact.label[1:]
    return say(
        "report_word.fact", doc.lang, label=label, value=value, note=f" ({fact.note})" if fact.note else ""
    )


def _text(view: View, key: str, row: dict[str, Any], doc: Document) -> str:
    """A row's value as its table shows it (the same `cell` as HTML)."""
    column = next(c for c in view.columns if c.key == key)
    return cell(column, row.get(key), doc.decimal)


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _versus(value: float, mean: float, digits: int) -> str:
    """above, below or equal, as the table shows both (rounded alike)."""
    shown, shown_mean = half_up(float(value), digits), half_up(float(mean), digits)
    return "above" if shown > shown_mean else "below" if shown < shown_mean else "equal"


def _rank(shown: str | None, lang: Lang) -> str:
    """The table's rank '60/63' as the headline says a rank ('rank 61 of 63' in English)."""
    if not shown or "/" not in shown:
        return shown or "—"
    place, total = shown.split("/", 1)
    return say("report_word.rank", lang, place=place, total=total)


def _pillars(section: Section, doc: Document) -> list[str]:
    """A sentence per pillar (value, rank, against each mean), and the main indices below each mean."""
    lang = doc.lang
    view = section.views[0]
    means = [c for c in view.columns if c.key in ("national", "regional")]
    sentences = []
    pillars = [r for r in view.rows if r.get("pillar")]
    for row in pillars:
        compared = []
        for column in means:
            mean, value = row.get(column.key), row.get("value")
            if missing(mean) or missing(value):
                continue
            how = _versus(float(value), float(mean), column.digits)  # type: ignore[arg-type]
            shown_mean = _text(view, column.key, row, doc)
            compared.append(say(f"report_word.{how}", lang, mean=_lower(column.label), value=shown_mean))
        params = {
            "name": row["name"],
            "value": _text(view, "value", row, doc),
            "rank": _rank(row.get("rank"), lang),
        }
        if compared:
            sentences.append(say("report_word.pillar", lang, means="; ".join(compared), **params))
        else:
            sentences.append(say("report_word.pillar-alone", lang, **params))
    indices = [r for r in view.rows if not r.get("pillar")]
    for column in means[:1] if indices else []:  # the main indices against the national mean
        below = [
            say(
                "report_word.index", lang, name=f"{r['code']} {r['name']}", value=_text(view, "value", r, doc)
            )
            for r in indices
            if not missing(r.get("value"))
            and not missing(r.get(column.key))
            and _versus(r["value"], r[column.key], column.digits) == "below"
        ]
        mean = _lower(column.label)
        if below:
            sentences.append(
                say(
                    "report_word.indices-below",
                    lang,
                    count=len(below),
                    total=len(indices),
                    mean=mean,
                    names=below,
                )
            )
        else:
            sentences.append(say("report_word.indices-none-below", lang, mean=mean))
    return sentences


def _targets(section: Section, doc: Document, departments: View | None) -> list[tuple[str, list[str]]]:
    """The target counts per group (the Document's table, in the list's order) and per responsible
    department (`departments`: as `dti targets --by responsible` counts them, a target for each)."""
    lang = doc.lang
    counts = next(v for v in section.views if any(c.key == "key" for c in v.columns))
    listing = next(v for v in section.views if any(c.key == "responsible" for c in v.columns))
    order = {g: i for i, g in enumerate(dict.fromkeys(str(r.get("group")) for r in listing.rows))}
    ordered = sorted(counts.rows, key=lambda r: order.get(str(r["key"]), len(order)))
    groups = [say("report_word.target-counts", lang, **_counts(r)) for r in ordered]
    per = (
        [say("report_word.target-counts", lang, **_counts(r)) for r in departments.rows]
        if departments
        else []
    )
    lead = [("report_word.by-group", groups), ("report_word.by-department", per)]
    return [(say(k, lang), lines) for k, lines in lead if lines]


def _counts(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: int(row.get(k) or 0) if k != "key" else row[k]
        for k in ("key", "total", "met", "not_met", "no_data")
    }


def _tasks(section: Section, doc: Document) -> list[tuple[str, list[str]]]:
    """The task counts per responsible department (the Document's table)."""
    lang = doc.lang
    view = next((v for v in section.views if any(c.key == "overdue" for c in v.columns)), None)
    if view is None:
        return []
    keys = ("total", "done", "in_progress", "not_started", "overdue")
    lines = [
        say("report_word.task-counts", lang, name=r["responsible"], **{k: int(r.get(k) or 0) for k in keys})
        for r in view.rows
    ]
    return [(say("report_word.by-department", lang), lines)]


def _owners(section: Section, doc: Document) -> list[tuple[str, list[str]]]:
    """Per responsible department, the points lost on reported data and those at stake for missing
    data apart, each with its share of its own total (the table's columns `lost` and `at_stake`)."""
    view = next((v for v in section.views if any(c.key == "share" for c in v.columns)), None)
    if view is None:
        return []
    totals = {k: sum(float(r.get(k) or 0) for r in view.rows) for k in ("lost", "at_stake")}
    share = next(c for c in view.columns if c.key == "share")  # a percentage, written as the table does
    lines = []
    for r in view.rows:
        said = []
        for key, word_key in (("lost", "owner-lost"), ("at_stake", "owner-missing")):
            points = float(r.get(key) or 0)
            if points > 0 or (key == "lost" and not r.get("at_stake")):
                said.append(
                    say(
                        f"report_word.{word_key}",
                        doc.lang,
                        points=_text(view, key, r, doc),
                        share=cell(share, 100 * points / totals[key] if totals[key] else 0.0, doc.decimal),
                    )
                )
        lines.append(say("report_word.owner", doc.lang, owner=r["owner"], said=said))
    return [(say("report_word.by-department", doc.lang), lines)]
