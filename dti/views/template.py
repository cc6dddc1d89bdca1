"""The collection workbook's content (`dti template`) as neutral data: its sheets, rows, rules in words
and the cover, in the user's language. dti/write/template.py lays it out as an .xlsx workbook.

A sheet per lead department (the owners file, through the register of departments) holds the components
it leads; every scoreable component is on exactly one sheet (without an owners file, all on one). The
cover says the unit, the year, the deadline (the yearly calendar rule that applies to the department),
whom to send to and how to fill in. Each row says what kind of answer it takes, so the writer can give
its cell the right dropdown or number check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dti.issues import Report
from dti.pipeline import evaluate
from dti.spec import ChoiceRule, Node, PointsRule, RatioRule, Spec, ThresholdsRule, YesNoRule
from dti.tracking.deadlines import Rules, applies, due_dates
from dti.tracking.departments import Departments
from dti.tracking.owners import Owners
from dti.words import Lang, say, word

Answer = Literal["ratio", "yesno", "choice", "count", "number", "points", "percent"]
COLUMNS = (
    "collect.col-number",
    "collect.col-code",
    "collect.col-name",
    "collect.col-measure",
    "collect.col-rule",
    "collect.col-previous",
    "collect.col-numerator",
    "collect.col-denominator",
    "collect.col-value",
    "collect.col-note",
)


@dataclass(frozen=True)
class Row:
    """One component to fill in: what it is, how it is scored, and what answer its cells take."""

    number: int
    code: str
    name: str
    measure: str
    rule: str  # the rule in words
    answer: Answer
    previous: str | float | None = None
    choices: tuple[str, ...] = ()  # the dropdown of a yes/no or choice component
    high: float = 0.0  # the largest value a points component takes


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet's tab (≤ 31 characters, no []:*?/\)
    department: str  # the lead department as the owners file names it ('' without an owners file)
    deadline: dt.date | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Template:
    """The collection workbook of a year for one unit."""

    unit: str  # the unit's name, as the register spells it
    year: int
    recipient: str
    lang: Lang
    sheets: tuple[Sheet, ...]
    cover_name: str
    headers: tuple[str, ...] = field(default=())

    def titles(self, sheet: Sheet) -> list[str]:
        """The title rows of a department's sheet: whose figures, which year (read back by the reader)."""
        lines = [say("collect.title-figures", self.lang, year=self.year, unit=self.unit.upper())]
        if sheet.department:
            lines.append(say("collect.title-department", self.lang, department=sheet.department))
        codes = [row.code for row in sheet.rows]  # read back: a renamed sheet or a deleted row is said
        lines.append(say("collect.title-sheet", self.lang, sheet=sheet.name, count=len(codes), codes=codes))
        return lines


def build_template(
    spec: Spec,
    unit: str,
    year: int,
    lang: Lang = "vi",
    owners: Owners | None = None,
    rules: Rules | None = None,
    previous: Mapping[str, str | float] | None = None,
    recipient: str = "",
) -> Template:
    """The content of the collection workbook: a sheet per lead department (one without `owners`)."""
    scoreable = [n for n in spec.nodes if n.is_leaf and _answer(n) is not None]
    groups: list[tuple[str, list[Node]]]
    if owners is None:
        groups = [("", scoreable)]
    else:
        by_owner: dict[str, list[Node]] = {o: [] for o in owners.owners}
        for node in scoreable:
            by_owner.setdefault(owners.lead.get(node.code, ""), []).append(node)
        groups = [(o, nodes) for o, nodes in by_owner.items() if nodes]
    names = sheet_names(
        [o or word("collect.sheet-all", lang) for o, _ in groups], word("collect.sheet-cover", lang)
    )
    sheets = []
    for (department, nodes), name in zip(groups, names, strict=True):
        rows = tuple(_row(k, node, lang, (previous or {}).get(node.code)) for k, node in enumerate(nodes, 1))
        departments = owners.departments if owners is not None else None
        deadline = _deadline(rules, department, year, departments) if rules is not None else None
        sheets.append(Sheet(name, department, deadline, rows))
    if not recipient and owners is not None and owners.owners:
        recipient = owners.owners[0]
    headers = tuple(word(key, lang) for key in COLUMNS)
    return Template(unit, year, recipient, lang, tuple(sheets), word("collect.sheet-cover", lang), headers)


def previous_values(path: Path, spec: Spec, unit: str) -> tuple[dict[str, str], Report]:
    """Last year's value of each component of `unit` as its file wrote it (`45/60`, `Có`, `75%`), and the
    file's issues; nothing for a unit the file does not give."""
    run = evaluate(path, spec, scoring=False)
    if unit not in run.submission.units:
        return {}, run.report
    i = run.submission.units.index(unit)
    layer = run.submission.counted()
    tokens = layer.token[i].tolist()
    texts = {
        code: run.submission.text(int(t)).strip()
        for code, t in zip(run.submission.codes, tokens, strict=True)
    }
    return {code: text for code, text in texts.items() if text}, run.report


BAD_NAME = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_names(wanted: list[str], cover: str) -> list[str]:
    """Valid, unique sheet names (≤ 31 characters, none of []:*?/\\), none the cover's; a long name is
    cut at a word and a repeated one numbered."""
    used = {cover.casefold(), "history"}
    out = []
    for raw in wanted:
        base = " ".join(raw.translate(BAD_NAME).split()).strip("'") or "Sheet"
        if len(base) > 31:
            cut = base[:31]
            base = cut[: cut.rfind(" ")] if cut.rfind(" ") > 15 else cut
        name, n = base, 2
        while name.casefold() in used:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        used.add(name.casefold())
        out.append(name)
    return out


def _answer(node: Node) -> Answer | None:
    rule = node.rule
    if isinstance(rule, RatioRule):
        return "ratio"
    if isinstance(rule, YesNoRule):
        return "yesno"
    if isinstance(rule, ChoiceRule):
        return "choice"
    if isinstance(rule, ThresholdsRule) and rule.percent:
        return "percent"  # steps on a rate: a share 0-100 % in a percent cell
    if isinstance(rule, ThresholdsRule):
        return "count" if all(s.at_least % 1 == 0 for s in rule.steps) else "number"
    if isinstance(rule, PointsRule):
        return "points"
    return None  # not scored, or no rule: nothing to collect


def _row(number: int, node: Node, lang: Lang, previous: str | float | None) -> Row:
    rule, top = node.rule, float(node.max_points or 0)
    name = node.name_vi if lang == "vi" or not node.name_en else node.name_en
    answer = _answer(node)
    assert answer is not None
    choices: tuple[str, ...] = ()
    if isinstance(rule, RatioRule):
        measure, words = (
            "collect.measure-percent",
            say("collect.rule-ratio", lang, target=rule.target, max=top),
        )
    elif isinstance(rule, YesNoRule):
        measure, words = "collect.measure-yesno", say("collect.rule-yesno", lang, max=top)
        choices = (word("collect.yes", lang), word("collect.no", lang))
    elif isinstance(rule, ChoiceRule):
        choices = tuple(_as_written(o) for o in rule.options)
        options = [say("collect.rule-option", lang, option=c, points=p)
                   for c, p in zip(choices, rule.options.values(), strict=True)]  # fmt: skip
        measure, words = "collect.measure-choice", say("collect.rule-choice", lang, options=options)
    elif isinstance(rule, ThresholdsRule) and rule.percent:
        steps = [say("spec.percent.step", lang, at=s.at_least, points=s.points) for s in rule.steps]
        measure, words = "collect.measure-percent", say("spec.percent.rule", lang, steps=steps)
    elif isinstance(rule, ThresholdsRule):
        steps = [say("collect.rule-step", lang, at=s.at_least, points=s.points) for s in rule.steps]
        measure, words = "collect.measure-count", say("collect.rule-thresholds", lang, steps=steps)
    else:
        measure, words = "collect.measure-points", say("collect.rule-points", lang, max=top)
    return Row(number, node.code, name, word(measure, lang), words, answer, previous, choices, top)


def _as_written(option: str) -> str:
    """An option as people write it: its first letter a capital (`phó chủ tịch` → `Phó chủ tịch`)."""
    return option[:1].upper() + option[1:]


def _deadline(rules: Rules, department: str, year: int, departments: Departments | None) -> dt.date | None:
    """The day the department's yearly figures are due: the earliest yearly rule that applies to it."""
    days = [
        day
        for rule in rules.rules
        if rule.every == "year" and (not department or applies(rule, department, departments))
        for _, day in due_dates(rule, year, rules.weekend)
    ]
    return min(days) if days else None
