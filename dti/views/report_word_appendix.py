"""The appendices of the report as an administrative document: the target list, the ranking, the
components losing points, the tasks and the charts, each a table or chart of the report's Document with
an STT column and section rows I, II, III as offices number them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from dti.views.base import Column, Lang, View
from dti.views.document import Chart, Document
from dti.views.review import remark
from dti.words import say

WHOLE = 300  # up to this many units the ranking appendix lists them all (a province's 63, a district's)
ROMAN = dict(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"],
        strict=True,
    )
)


@dataclass
class Appendix:
    title: str
    caption: str
    tables: list[View] = field(default_factory=list)  # a row with `section` set is a bold heading row
    charts: list[Chart] = field(default_factory=list)


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV."""
    out = ""
    for value, letters in ROMAN.items():
        while n >= value:
            out, n = out + letters, n - value
    return out


def appendices(doc: Document, caption: str, unit: str | None) -> list[Appendix]:
    lang = doc.lang
    found: list[tuple[str, list[View], list[Chart]]] = []
    targets = doc.section("targets")
    if targets is not None:
        listing = next(v for v in targets.views if any(c.key == "responsible" for c in v.columns))
        found.append(("targets", [_target_table(listing, lang)], []))
    ranking = doc.section("ranking")
    if ranking is not None:
        whole = next((v for v in ranking.sheets if any(c.key == "unit" for c in v.columns)), None)
        years = [c.key for c in whole.columns if re.fullmatch(r"rank_\d{4}", c.key)] if whole else []
        if whole is not None and years:  # the report year's ranking: not the units only an earlier year holds
            whole = replace(whole, rows=[r for r in whole.rows if r.get(max(years)) is not None])
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
            caption,
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
    rows = [{**r, "remark": remark(r, lang)} for r in listing.rows]
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
