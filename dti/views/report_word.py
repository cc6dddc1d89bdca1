"""The report as an administrative document (Decree 30/2020/NĐ-CP): the header block, sections whose
sentences carry the figures, appendix tables and charts, all taken from the report's Document.

The Word writer (dti/write/docx.py) lays this out; nothing here knows Word. Every figure comes from the
Document's facts, lines and tables (worded by the same `cell` the HTML page uses), so the draft says what
the HTML and XLSX reports say. Sentences the Document already holds (the headline, the target summary,
the calendar) are taken as they are; the others are built here from its tables' rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from dti.views.base import Column, Lang, View
from dti.views.cells import cell, half_up, missing
from dti.views.document import Chart, Decimal, Document, Fact, Section
from dti.words import say

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
WHOLE = 300  # up to this many units the ranking appendix lists them all (a province's 63, a district's)
ROMAN = dict(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"],
        strict=True,
    )
)


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
    """A numbered section: its sentences, bullet lines, and room for the team's narrative."""

    title: str
    sentences: list[str] = field(default_factory=list)
    bullets: list[tuple[str, list[str]]] = field(default_factory=list)  # a lead-in and its lines
    narrative: str = ""


@dataclass
class Appendix:
    title: str
    caption: str
    tables: list[View] = field(default_factory=list)  # a row with `section` set is a bold heading row
    charts: list[Chart] = field(default_factory=list)


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


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV."""
    out = ""
    for value, letters in ROMAN.items():
        while n >= value:
            out, n = out + letters, n - value
    return out


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
) -> WordReport:
    """The draft of `doc` for the year `year`: the report of `unit` (its code and name), or of all `units`
    when None. `number`, `place`, `date` (day, month, year) and `issuer` fill the header; else dotted."""
    lang = doc.lang
    unit_name = unit[1] if unit else None
    day, month, in_year = (
        (str(d).zfill(2) if i < 2 else str(d) for i, d in enumerate(date)) if date else (BLANK,) * 3
    )
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
    parts = [p for key in PARTS if (p := _part(key, doc)) is not None]
    appendices = _appendices(doc, number_text, unit[0] if unit else None)
    return WordReport(
        lang,
        doc.decimal,
        header,
        say("report_word.intro", lang, year=year, spec=spec),
        parts,
        appendices,
        list(doc.notes),
        [say("report_word.recipient-above", lang), say("report_word.recipient-archive", lang)],
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


def _part(key: str, doc: Document) -> Part | None:
    sections = [s for k in PARTS[key] if (s := doc.section(k)) is not None]
    if not sections:
        return None
    lang = doc.lang
    part = Part(say(f"report_word.section.{key}", lang), narrative=say("report_word.narrative", lang))
    for section in sections:
        part.sentences += section.lines or [_fact(f, doc) for f in section.facts]
        if section.key == "pillars":
            part.sentences += _pillars(section, doc)
        elif section.key == "targets":
            part.bullets += _targets(section, doc)
        elif section.key == "tasks":
            part.bullets += _tasks(section, doc)
        elif section.key == "gaps":
            part.bullets += _owners(section, doc)
    return part


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
            "rank": row.get("rank") or "—",
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


def _targets(section: Section, doc: Document) -> list[tuple[str, list[str]]]:
    """The target counts per group (the Document's table) and per responsible department (its list)."""
    lang = doc.lang
    counts = next(v for v in section.views if any(c.key == "key" for c in v.columns))
    listing = next(v for v in section.views if any(c.key == "responsible" for c in v.columns))
    groups = [say("report_word.target-counts", lang, **_counts(r)) for r in counts.rows]
    per: dict[str, Counter[str]] = {}
    for row in listing.rows:
        per.setdefault(row.get("responsible") or "—", Counter())[str(row.get("status"))] += 1
    departments = [
        say("report_word.target-counts", lang, **_counts({"key": k, "total": sum(c.values()), **c}))
        for k, c in per.items()
    ]
    lead = [("report_word.by-group", groups), ("report_word.by-department", departments)]
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
    """Points lost per responsible department, as its table shows them."""
    view = next((v for v in section.views if any(c.key == "share" for c in v.columns)), None)
    if view is None:
        return []
    lines = [
        say(
            "report_word.owner-lost",
            doc.lang,
            owner=r["owner"],
            lost=_text(view, "lost", r, doc),
            share=_text(view, "share", r, doc),
        )
        for r in view.rows
    ]
    return [(say("report_word.by-department", doc.lang), lines)]


# --- the appendices -----------------------------------------------------------------------------------


def _appendices(doc: Document, number: str, unit: str | None) -> list[Appendix]:
    lang = doc.lang
    found: list[tuple[str, list[View], list[Chart]]] = []
    targets = doc.section("targets")
    if targets is not None:
        listing = next(v for v in targets.views if any(c.key == "responsible" for c in v.columns))
        found.append(("targets", [_target_table(listing, lang)], []))
    ranking = doc.section("ranking")
    if ranking is not None:
        whole = next((v for v in ranking.sheets if any(c.key == "unit" for c in v.columns)), None)
        if whole is not None and len(whole.rows) <= WHOLE:
            table = _numbered(whole, lang)
        else:  # thousands of communes: the page's part, as the HTML report shows it (its note says so)
            table = replace(ranking.views[0])
        table.rows = [  # the unit's row in bold
            {**r, "mine": r.get("mine") or (unit is not None and r.get("unit") == unit)} for r in table.rows
        ]
        found.append(("ranking", [replace(table, strong="mine")], []))
    losses = doc.section("losses")
    if losses is not None and losses.views:
        found.append(("losses", [_numbered(v, lang) for v in losses.views], []))
    tasks = doc.section("tasks")
    if tasks is not None:
        task_list = next((v for v in tasks.views if any(c.key == "deadline" for c in v.columns)), None)
        if task_list is not None:
            found.append(("tasks", [_grouped(task_list, lang)], []))
    if doc.charts():
        found.append(("charts", [], doc.charts()))
    return [
        Appendix(
            "\n".join(
                (say("report_word.appendix", lang, number=roman(i)), say(f"report_word.appendix.{key}", lang))
            ),
            say("report_word.appendix-of", lang, number=number),
            tables,
            charts,
        )
        for i, (key, tables, charts) in enumerate(found, 1)
    ]


def _target_table(listing: View, lang: Lang) -> View:
    """STT | Mục tiêu | Đơn vị thực hiện | Mục tiêu năm | KQTH | Ghi chú: one row per target in the list's
    order, a bold row I, II, III where the group changes, STT restarting under each."""
    names = ("name", "responsible", "target", "result", "remark")
    columns = [Column("stt", say("report_word.stt", lang))]
    columns += [Column(k, say(f"report_word.column.{k}", lang), empty="") for k in names]
    rows = [{**r, "remark": r.get("label")} for r in listing.rows]
    return _sections(View(None, columns, rows, strong="section"), "group")


def _grouped(view: View, lang: Lang) -> View:
    """The task list with its groups as section rows I, II, III, each task numbered as the plan numbers it."""
    columns = [Column("stt", say("report_word.stt", lang))]
    columns += [c for c in view.columns if c.key not in ("id", "group")]
    return _sections(View(None, columns, list(view.rows), strong="section"), "group", restart=False)


def _sections(view: View, group: str, restart: bool = True) -> View:
    """Section rows where `group` changes; STT from 1 under each (`restart`) or the row's own id."""
    rows: list[dict[str, Any]] = []
    last, sections, stt = object(), 0, 0
    name_key = view.columns[1].key
    for row in view.rows:
        if row.get(group) and row.get(group) != last:
            sections, stt, last = sections + 1, 0, row.get(group)
            rows.append({"stt": roman(sections), name_key: row[group], "section": True})
        stt += 1
        rows.append({**row, "stt": str(stt) if restart else row.get("id"), "section": False})
    view.rows = rows
    return view


def _numbered(view: View, lang: Lang) -> View:
    """A table with an STT column first; the unit's row bold where the view marks it."""
    columns = [Column("stt", say("report_word.stt", lang)), *view.columns]
    rows = [{**r, "stt": str(i)} for i, r in enumerate(view.rows, 1)]
    return View(view.title, columns, rows, strong=view.strong)
