"""The target review (chỉ tiêu): met, not met, no data, needs review — with the margins.

A list is read as committees write it: a report appendix with title rows, the header on any row, Roman
section rows (`I`, `II` → the group), headings whose sub-rows (`- Hộ gia đình`) are the targets, the
header repeated at page breaks, and the verdict in the notes (`Đạt và vượt 2,44%`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from dti.io.appendix import COLUMNS, frame_from_grid, frame_from_yaml
from dti.io.appendix import HEADERS as HEADERS  # re-exported: the CLI and README print them
from dti.io.appendix import header_meaning as header_meaning
from dti.io.appendix import headers_markdown as headers_markdown
from dti.io.files import read_grid
from dti.issues import Issue, IssueCode, Severity
from dti.numbers import MISSING, fold, format_trimmed, nfc, parse_column, parse_number
from dti.tracking.departments import Departments, bundled
from dti.words import Note, note

Status = Literal["met", "not_met", "no_data", "needs_review"]
STATUSES: tuple[Status, ...] = ("met", "not_met", "no_data", "needs_review")
# The verdict a report writes, in the status column or the notes; the first that matches wins.
VERDICTS: tuple[tuple[str, Status], ...] = (
    (r"(?:chưa|không) có (?:số liệu|dữ liệu)\b.*|no data", "no_data"),
    (r"(?:chưa|không) (?:đạt|hoàn thành)\b.*|not met", "not_met"),
    (r"(?:đạt và vượt|vượt|hoàn thành)\b.*|met|exceeded.*", "met"),
    (r"đạt(?: kế hoạch| mục tiêu| chỉ tiêu)?(?:\s*[(,;:.\-–].*|\s+\d.*)?", "met"),
)
_VERDICTS = [(re.compile(p), s) for p, s in VERDICTS]
# Comparators as steering-committee documents write them; a bare number means "at least".
COMPARATORS = [
    (r"(?:>=|≥|tối thiểu|ít nhất|không dưới|không thấp hơn|từ)", ">="),
    (r"(?:<=|≤|tối đa|không quá|không vượt quá)", "<="),
    (r"(?:>|trên|hơn|vượt)", ">"),
    (r"(?:<|dưới)", "<"),
]
MAGNITUDES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_NUMBER = r"[+-]?\d(?:[\d.,\u00a0\u202f ]*\d)?(?:[eE][+-]?\d+)?"
_MAGNITUDE = r"(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\s+(?:lệ|trọng)))*"  # not 'tỷ lệ', 'tỷ trọng'
_AMOUNT = rf"(?P<num>{_NUMBER})\s*(?P<pct>%?)(?P<mag>{_MAGNITUDE})\s*(?P<unit>.*?)\s*"
_TARGET = re.compile(
    r"\s*(?P<op>" + "|".join(p for p, _ in COMPARATORS) + r")?\s*" + _AMOUNT, re.IGNORECASE | re.DOTALL
)
_NOT_FINITE = re.compile(r"(?:\D*\s)?[+-]?(?:inf|infinity|∞|nan)\s*%?")  # never a number to compare
_RESULT = re.compile(r"\s*" + _AMOUNT, re.IGNORECASE | re.DOTALL)
# A result below zero is a sign error unless the target measures a change.
CHANGE_WORDS = ("tăng", "giảm", "chênh lệch", "biến động", "growth", "change")
LABELS = {
    "vi": {
        "met": "Đạt",
        "exceeded": "Đạt và vượt {x}",
        "not_met": "Chưa đạt",
        "short": "Chưa đạt (còn thiếu {x})",
        "no_data": "Chưa có số liệu đánh giá",
        "needs_review": "Cần đánh giá (chỉ tiêu định tính)",
        "disagrees": "{given} (theo báo cáo; tính ra: {computed})",
    },
    "en": {
        "met": "Met",
        "exceeded": "Met, exceeded by {x}",
        "not_met": "Not met",
        "short": "Not met, short by {x}",
        "no_data": "No data",
        "needs_review": "Needs review (qualitative target)",
        "disagrees": "{given} (as reported; computed: {computed})",
    },
}


@dataclass(frozen=True)
class Target:
    op: str | None  # None: qualitative (or unreadable)
    value: float
    percent: bool
    unit: str
    number: str = ""  # the number as written, for reading '2.000' in the file's decimal style
    scale: float = 1.0  # 1e6 for 'triệu'
    unreadable: bool = False  # a comparator and a number that is no number ('>= 1e400')


def _unit_ok(unit: str) -> bool:
    """A trailing unit is words ('người', 'trạm'), not more numbers ('/100 xã', '- 90%')."""
    bare = re.sub(r"\([^)]*\)", "", unit).strip()
    return not bare or (bare[0].isalpha() and not re.search(r"\d", bare))


def _scale(words: str) -> float:
    return math.prod(MAGNITUDES[w] for w in fold(words).split())


def parse_target(text: str) -> Target:
    """Read '85%', 'trên 90%', '>= 70%', 'ít nhất 1', '≤ 2', '>= 2 triệu', '2.000 người'; anything
    else is qualitative."""
    match = _TARGET.fullmatch(nfc(text))
    if match is None and _NOT_FINITE.fullmatch(fold(text)):
        return Target(None, np.nan, False, "", unreadable=True)
    if match is None or not _unit_ok(match["unit"]):
        return Target(None, np.nan, False, "")
    number, scale = match["num"].strip(), _scale(match["mag"])
    parsed = parse_number(number)
    value = parsed.value * scale
    if parsed.status not in ("number", "ambiguous") or not math.isfinite(value):
        return Target(None, np.nan, False, "", number, scale, unreadable=True)
    op = next((o for p, o in COMPARATORS if match["op"] and re.fullmatch(p, match["op"], re.I)), ">=")
    return Target(op, value, bool(match["pct"]), match["unit"], number, scale)


def _result_token(text: str) -> tuple[str, float, bool]:
    """A result's number as written, its magnitude and percent sign ('1,5 triệu' → '1,5', 1e6, False);
    the whole text when it is not a number with a unit."""
    match = _RESULT.fullmatch(nfc(text))
    if match is None or not _unit_ok(match["unit"]):
        return text, 1.0, False
    return match["num"].strip(), _scale(match["mag"]), bool(match["pct"])


def verdict(text: str) -> Status | None:
    """A report's verdict ('Đạt', 'Chưa đạt (…)', 'Đạt và vượt 2,44%', 'Chưa có số liệu đánh giá')."""
    key = fold(text)
    return next((s for p, s in _VERDICTS if p.fullmatch(key)), None)


@dataclass
class Review:
    """Every target with its status and margin, plus the issues found in the file and how it was read."""

    targets: pd.DataFrame  # COLUMNS + computed, given, exceeded_by, shortfall, percent, row
    issues: list[Issue] = field(default_factory=list)
    notes: list[Note | str] = field(default_factory=list)  # the header row, skipped rows, sections, headings

    def summary(self) -> dict[str, int]:
        counts = self.targets["status"].value_counts()
        return {"total": len(self.targets), **{s: int(counts.get(s, 0)) for s in STATUSES}}

    def by(self, column: str, departments: Departments | None = None) -> pd.DataFrame:
        """Counts per group or responsible unit; a target with several units counts for each, under its
        department's name (`Sở KH&CN` and `Sở Khoa học và Công nghệ` are one row)."""
        frame = self.targets
        if column == "responsible":
            register = departments or bundled()
            units = [[register.named(u) for u in register.split(t)] or [""] for t in frame["responsible"]]
            frame = frame.assign(responsible=units).explode("responsible")
        table = pd.crosstab(frame[column].replace("", "—"), frame["status"])
        table = table.reindex(columns=list(STATUSES), fill_value=0)
        table.insert(0, "total", table.sum(axis=1))
        return table

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rec in self.targets.itertuples(index=False):
            rows.append(
                {
                    "id": rec.id,
                    "group": rec.group,
                    "name": rec.name,
                    "responsible": rec.responsible,
                    "target": rec.target,
                    "result": rec.result,
                    "status": rec.status,
                    "computed_status": rec.computed,
                    "given_status": rec.given,
                    "exceeded_by": _none(rec.exceeded_by),
                    "shortfall": _none(rec.shortfall),
                }
            )
        return {"targets": rows, "summary": self.summary()}


def _none(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def _amount(value: float, percent: bool, decimal: str) -> str:
    return format_trimmed(value, 2, "vi" if decimal == "," else "en") + (" %" if percent else "")


def _status_label(
    status: str, exceeded: float, short: float, percent: bool, lang: str, decimal: str | None = None
) -> str:
    words, mark = LABELS[lang], decimal or ("," if lang == "vi" else ".")
    if status == "met" and exceeded > 0:
        return words["exceeded"].format(x=_amount(exceeded, percent, mark))
    if status == "not_met" and short > 0:
        return words["short"].format(x=_amount(short, percent, mark))
    return words[status]


def label(row: Any, lang: str, decimal: str | None = None) -> str:
    """The status as a review writes it: 'Đạt và vượt 2,44 %', 'Chưa đạt (còn thiếu 8,8 %)'; a reported
    verdict that disagrees with the numbers shows both. `decimal` overrides the language's mark."""
    computed = getattr(row, "computed", None)
    if not isinstance(computed, str) or computed == row.status:
        return _status_label(row.status, row.exceeded_by, row.shortfall, row.percent, lang, decimal)
    return LABELS[lang]["disagrees"].format(
        given=LABELS[lang][row.status],
        computed=_status_label(computed, row.exceeded_by, row.shortfall, row.percent, lang, decimal),
    )


def summary_line(review: Review, lang: str) -> str:
    s = review.summary()
    n = s["total"]
    if lang == "vi":
        parts = [
            f"{s['met']}/{n} chỉ tiêu đạt và vượt kế hoạch",
            f"{s['not_met']}/{n} chưa đạt",
            f"{s['no_data']}/{n} chưa có số liệu đánh giá",
        ]
        if s["needs_review"]:
            parts.append(f"{s['needs_review']}/{n} cần đánh giá thủ công")
    else:
        parts = [
            f"{s['met']}/{n} targets met or exceeded",
            f"{s['not_met']}/{n} not met",
            f"{s['no_data']}/{n} without data",
        ]
        if s["needs_review"]:
            parts.append(f"{s['needs_review']}/{n} need review")
    return "; ".join(parts)


def read_targets(path: Path, sheet: str | None = None) -> Review:
    """Read a target list and review it. Problems become issues; nothing is raised."""
    issues: list[Issue] = []
    notes: list[Note | str] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        frame = frame_from_yaml(path, issues)
    else:
        grid = read_grid(path, sheet, issues)
        frame = None if grid is None or not grid.header else frame_from_grid(grid, str(path), issues, notes)
    if frame is None:
        frame = pd.DataFrame(columns=[*COLUMNS, "row", "cells"])
        if not issues:  # an empty file: nothing to review is an error, not a review of 0 targets
            empty = "the file is empty: no targets"
            issues.append(Issue(IssueCode.NO_DATA, Severity.ERROR, empty, file=str(path)))
    elif frame.empty and not issues:
        issues.append(Issue(IssueCode.NO_DATA, Severity.ERROR, "no targets in the file", file=str(path)))
    result = review(frame, str(path), issues)
    result.notes = [note("io.in-file", file=str(path), note=n) for n in notes]
    return result


def _native(frame: pd.DataFrame, key: str) -> tuple[np.ndarray, np.ndarray]:
    """Excel's stored numbers of the target or result column (NaN elsewhere), and their percent format."""
    n = len(frame)
    if f"{key}_native" not in frame:
        return np.full(n, np.nan), np.zeros(n, dtype=bool)
    return frame[f"{key}_native"].to_numpy(dtype=float), frame[f"{key}_percent"].to_numpy(dtype=bool)


def review(frame: pd.DataFrame, name: str, issues: list[Issue] | None = None) -> Review:
    """Give every target a status and margin (the rules of DOMAIN.md §5)."""
    issues = list(issues or [])
    frame = frame.reset_index(drop=True).copy()
    n = len(frame)
    target_native, target_percent = _native(frame, "target")
    result_native, result_percent = _native(frame, "result")
    targets = [
        parse_target(t) if np.isnan(x) else Target(">=", float(x), bool(p), "")
        for t, x, p in zip(frame["target"], target_native, target_percent, strict=True)
    ]
    results = [_result_token(r) for r in frame["result"]]
    # '2.000' and '1.850' are read in the decimal style of the numbers the file writes as text
    # (Vietnamese: thousands dot); Excel's stored numbers are exact and take no part in deciding it.
    tokens = [t.number for t in targets] + [
        tok if np.isnan(x) else "" for (tok, _, _), x in zip(results, result_native, strict=True)
    ]
    parsed = parse_column(tokens)[0]

    def issue(
        i: int, code: IssueCode, column: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        issues.append(
            Issue(
                code,
                severity,
                message,
                file=name,
                row=int(frame.at[i, "row"]),
                column=column,
                cell=frame.at[i, "cells"].get(column),
                indicator=frame.at[i, "id"] or None,
                value=frame.at[i, column],
            )
        )

    for d in np.flatnonzero(frame["id"].duplicated(keep="first") & frame["id"].ne("")):
        issue(
            int(d),
            IssueCode.DUPLICATE_ENTRY,
            "id",
            f"target id '{frame.at[d, 'id']}' is used twice: ids must be unique",
        )
    status = np.empty(n, dtype=object)
    computed = np.full(n, None, dtype=object)
    given = np.full(n, None, dtype=object)
    exceeded, shortfall = np.full(n, np.nan), np.full(n, np.nan)
    for i, target in enumerate(targets):
        text = frame.at[i, "result"]
        goal = target.value if not np.isnan(target_native[i]) else parsed.value[i] * target.scale
        if not np.isnan(result_native[i]):
            value, state = float(result_native[i]), "number"
        else:
            value = float(parsed.value[n + i] * results[i][1])
            code = parsed.status[n + i]
            state = "missing" if code == MISSING else "number" if math.isfinite(value) else "text"
        written_percent = bool(result_percent[i]) if not np.isnan(result_native[i]) else results[i][2]
        if (
            state == "number"
            and target.percent
            and not written_percent
            and 0 < value <= 1
            and value < goal / 10
        ):
            # 0.93 against a target of 90 %: a fraction (an Excel cell without the % format), not 0,93 %.
            issue(
                i,
                IssueCode.READ_AS_FRACTION,
                "result",
                f"result '{text or value}' against a target in percent is read as a fraction: "
                f"{format_trimmed(value * 100, 2)} %; write it with % to be sure",
                Severity.WARNING,
            )
            value *= 100
        if target.unreadable:
            issue(i, IssueCode.NON_NUMERIC, "target", f"target '{frame.at[i, 'target']}' is not a number")
        if (
            state == "text"
            and target.op is not None
            and (re.search(r"\d", text) or _NOT_FINITE.fullmatch(fold(text)))
        ):
            issue(i, IssueCode.NON_NUMERIC, "result", f"result '{text}' is not a number: write e.g. 84,5%")
        if state == "number" and target.op is not None:
            margin = value - goal if target.op in (">=", ">") else goal - value
            holds = margin > 0 if target.op in (">", "<") else margin >= -1e-9
            computed[i] = "met" if holds else "not_met"
            if holds and margin > 1e-9:
                exceeded[i] = round(margin, 10)
            elif not holds:
                shortfall[i] = round(max(-margin, 0.0), 10)
            if value < 0 <= goal and not any(w in fold(frame.at[i, "name"]) for w in CHANGE_WORDS):
                issue(
                    i,
                    IssueCode.NEGATIVE_VALUE,
                    "result",
                    f"result '{text}' is below zero, which target '{frame.at[i, 'target']}' cannot be: "
                    "check the sign",
                    Severity.WARNING,
                )
        source = "status" if frame.at[i, "status"].strip() else "note"
        given[i] = verdict(frame.at[i, source])
        if source == "status" and given[i] is None:
            issue(
                i,
                IssueCode.INVALID_OPTION,
                "status",
                f"status '{frame.at[i, 'status']}' is unknown: use Đạt, Chưa đạt or Chưa có số liệu "
                "(met, not met, no data)",
            )
        if given[i] is not None and computed[i] is not None and given[i] != computed[i]:
            issue(
                i,
                IssueCode.STATUS_DISAGREES,
                source,
                f"the {source} says '{frame.at[i, source]}' but result {text} against target "
                f"'{frame.at[i, 'target']}' is "
                f"'{_status_label(computed[i], exceeded[i], shortfall[i], target.percent, 'en')}': "
                "the review shows both; check the numbers or the verdict",
                Severity.WARNING,
            )
        if given[i] is not None:
            status[i] = given[i]
        elif computed[i] is not None:
            status[i] = computed[i]
        else:  # no number to compare: a qualitative target with a result needs a person's verdict
            status[i] = "needs_review" if target.op is None and state != "missing" else "no_data"
    frame["status"] = status
    # object columns: pandas would infer a string dtype and turn None into NaN
    frame["computed"] = pd.Series(computed, index=frame.index, dtype=object)
    frame["given"] = pd.Series(given, index=frame.index, dtype=object)
    frame["exceeded_by"] = exceeded
    frame["shortfall"] = shortfall
    frame["percent"] = [t.percent for t in targets]
    return Review(frame, issues)
