"""A report Document as one self-contained HTML5 page: inline styles, inline SVG charts, no script, no URL.

Readable on screen (one column, system fonts) and printable on A4 (each section starts a page, table
headers repeat, rows are not split). Every text from the data is escaped.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from dti.views import Column, View
from dti.views.cells import cell, missing
from dti.views.document import Chart, Document, Fact, Section
from dti.words import word
from dti.write.svg import svg

TONES = {  # a tone in the data -> a CSS class; other tones are not coloured
    "up": "good",
    "met": "good",
    "down": "bad",
    "not_met": "bad",
    "error": "bad",
    "no_data": "warn",
    "warning": "warn",
    "needs_review": "warn",
}
ZERO = {"places": 1, "signed": 0.005, "pct": 0.05}  # the smallest change a column of each kind shows

CSS = """
:root { --ink: #1f2328; --muted: #5b636d; --line: #d5dbe1; --soft: #f3f5f8; --head: #1f4e79;
  --good: #1d7a3a; --bad: #b8322a; --warn: #9a6700; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
  "DejaVu Sans", sans-serif; }
header { border-bottom: 3px solid var(--head); padding-bottom: .75rem; margin-bottom: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .25rem; color: var(--head); }
.subtitle { margin: 0; color: var(--muted); font-size: 1.05rem; }
h2 { font-size: 1.3rem; color: var(--head); margin: 2rem 0 .75rem; padding-bottom: .2rem;
  border-bottom: 1px solid var(--line); break-after: avoid; }
h3 { font-size: 1.02rem; margin: 1.2rem 0 .4rem; break-after: avoid; }
nav.toc { background: var(--soft); border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0 1.5rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 .3rem; border: 0; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.4rem; columns: 2; }
a { color: var(--head); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr)); gap: .6rem;
  margin: .5rem 0 1rem; }
.fact { border: 1px solid var(--line); border-left: 4px solid var(--head); border-radius: 6px;
  padding: .5rem .75rem; break-inside: avoid; }
.fact .label { font-size: .82rem; color: var(--muted); }
.fact .value { font-size: 1.65rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.fact .note { font-size: .82rem; color: var(--muted); }
.fact.good { border-left-color: var(--good); } .fact.bad { border-left-color: var(--bad); }
.fact.warn { border-left-color: var(--warn); }
.good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); }
figure { margin: 1rem 0; break-inside: avoid; }
figcaption { font-weight: 600; font-size: .95rem; margin-bottom: .3rem; }
svg.chart { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .88rem; }
div.wide { overflow-x: auto; }  /* a table of many years and grades scrolls, not past the page */
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); text-align: left; font-weight: 600; border-bottom: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.strong td, td.strong { font-weight: 650; }
.marker { color: var(--muted); font-size: .8em; }
p.note, .notes li { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc a { text-decoration: none; color: inherit; }
  section + section { break-before: page; }
  h2 { margin-top: 0; }
  thead { display: table-header-group; }
  div.wide { overflow: visible; }
  tr, .fact, figure { break-inside: avoid; }
}
"""


def html(doc: Document) -> str:
    """The whole page."""
    toc = "".join(f'<li><a href="#{_id(s.key)}">{escape(s.title)}</a></li>' for s in doc.sections)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.lang)}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title><style>{CSS}</style></head>",
        "<body>",
        f"<header><h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>' if doc.subtitle else "",
        "</header>",
        f'<nav class="toc"><h2>{word("contents", doc.lang)}</h2><ol>{toc}</ol></nav>' if doc.sections else "",
        "<main>",
        *(_section(s, doc) for s in doc.sections),
        "</main>",
    ]
    if doc.notes:
        notes = "".join(f"<li>{escape(n)}</li>" for n in doc.notes)
        parts.append(f'<footer><h2>{word("notes", doc.lang)}</h2><ol class="notes">{notes}</ol></footer>')
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)


def _id(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", key) or "section"


def _section(section: Section, doc: Document) -> str:
    parts = [f'<section id="{_id(section.key)}">', f"<h2>{escape(section.title)}</h2>"]
    if section.facts:
        parts.append('<div class="facts">' + "".join(_fact(f, doc) for f in section.facts) + "</div>")
    parts.extend(f"<p>{escape(line)}</p>" for line in section.lines)
    parts.extend(_figure(chart, doc, section.title) for chart in section.charts)
    parts.extend(_table(view, doc) for view in section.views)
    parts.append("</section>")
    return "\n".join(parts)


def _tone(tone: Any) -> str:
    return TONES.get(str(tone), "") if tone else ""


def _fact(fact: Fact, doc: Document) -> str:
    value = cell(Column("fact", fact.label, fact.kind, fact.digits), fact.value, doc.decimal)
    tone = _tone(fact.tone)
    note = f'<div class="note">{escape(fact.note)}</div>' if fact.note else ""
    return (
        f'<div class="fact {tone}"><div class="label">{escape(fact.label)}</div>'
        f'<div class="value">{escape(value)}</div>{note}</div>'
    )


def _figure(chart: Chart, doc: Document, heading: str) -> str:
    caption = f"<figcaption>{escape(chart.title)}</figcaption>" if chart.title != heading else ""
    return f'<figure id="figure-{_id(chart.key)}">{caption}{svg(chart, doc.decimal)}</figure>'


def _cell(column: Column, row: dict[str, Any], doc: Document) -> str:
    value = row.get(column.key)
    text = escape(cell(column, value, doc.decimal))
    if column.marker and row.get(column.marker):
        text += f'<span class="marker">{escape(str(row[column.marker]))}</span>'
    classes = ["num"] if column.align == "right" else []
    if column.tone:
        classes.append(_tone(row.get(column.tone) or value))
    elif column.kind in ZERO and not missing(value) and isinstance(value, int | float):
        zero = ZERO[column.kind]  # what cell() writes as 0 ('0,0 %') is not coloured
        classes.append("good" if value >= zero else "bad" if value <= -zero else "")
    if column.strong:
        classes.append("strong")
    style = ""
    if column.indent and row.get(column.indent):
        style = f' style="padding-left: {0.5 + 1.2 * int(row[column.indent]):.1f}em"'
    names = " ".join(c for c in classes if c)
    return f"<td{_class(names)}{style}>{text}</td>"


def _class(names: str) -> str:
    return f' class="{names}"' if names else ""


def _table(view: View, doc: Document) -> str:
    parts = ['<div class="wide"><table>']
    if view.title:
        parts.append(f"<caption>{escape(view.title)}</caption>")
    heads = "".join(
        f"<th{_class('num' if c.align == 'right' else '')}>{escape(c.label)}</th>" for c in view.columns
    )
    parts.append(f"<thead><tr>{heads}</tr></thead><tbody>")
    for row in view.rows:
        strong = "strong" if view.strong and row.get(view.strong) else ""
        parts.append(f"<tr{_class(strong)}>" + "".join(_cell(c, row, doc) for c in view.columns) + "</tr>")
    parts.append("</tbody></table></div>")
    parts.extend(f'<p class="note">{escape(note)}</p>' for note in view.notes)
    return "\n".join(parts)
