"""The target review (chỉ tiêu): met, not met, no data, needs review — with the margins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import yaml

from dti.io.grid import Grid, col_letter, read_grid
from dti.numbers import fold, format_vi, nfc, parse_column, parse_number
from dti.report import Issue, IssueCode, Severity

Status = Literal["met", "not_met", "no_data", "needs_review"]
STATUSES: tuple[Status, ...] = ("met", "not_met", "no_data", "needs_review")
COLUMNS = ("id", "group", "name", "responsible", "target", "result", "status", "note")
REQUIRED = ("id", "name", "target", "result")
ALIASES = {
    "mã": "id",
    "stt": "id",
    "nhóm": "group",
    "tên": "name",
    "chỉ tiêu": "name",
    "đơn vị chủ trì": "responsible",
    "đơn vị": "responsible",
    "mục tiêu": "target",
    "kế hoạch": "target",
    "kết quả": "result",
    "tình trạng": "status",
    "đánh giá": "status",
    "ghi chú": "note",
}
HAND_STATUS: dict[str, Status] = {
    "đạt": "met",
    "đạt và vượt": "met",
    "met": "met",
    "hoàn thành": "met",
    "chưa đạt": "not_met",
    "không đạt": "not_met",
    "not met": "not_met",
    "chưa có số liệu": "no_data",
    "chưa có số liệu đánh giá": "no_data",
    "no data": "no_data",
}
# Comparators as steering-committee documents write them; a bare number means "at least".
COMPARATORS = [
    (r"(?:>=|≥|tối thiểu|ít nhất|không dưới|không thấp hơn|từ)", ">="),
    (r"(?:<=|≤|tối đa|không quá|không vượt quá)", "<="),
    (r"(?:>|trên|hơn|vượt)", ">"),
    (r"(?:<|dưới)", "<"),
]
_TARGET = re.compile(
    r"^\s*(?P<op>"
    + "|".join(p for p, _ in COMPARATORS)
    + r")?\s*(?P<num>[+-]?\d[\d.,\s]*%?)\s*(?P<unit>.*)$",
    re.IGNORECASE,
)
LABELS = {
    "vi": {
        "met": "Đạt",
        "exceeded": "Đạt và vượt {x}",
        "not_met": "Chưa đạt",
        "short": "Chưa đạt (còn thiếu {x})",
        "no_data": "Chưa có số liệu đánh giá",
        "needs_review": "Cần đánh giá (chỉ tiêu định tính)",
    },
    "en": {
        "met": "Met",
        "exceeded": "Met, exceeded by {x}",
        "not_met": "Not met",
        "short": "Not met, short by {x}",
        "no_data": "No data",
        "needs_review": "Needs review (qualitative target)",
    },
}


@dataclass(frozen=True)
class Target:
    op: str | None  # None: qualitative
    value: float
    percent: bool
    unit: str
    number: str = ""  # the number as written, for reading '2.000' in the file's decimal style


def parse_target(text: str) -> Target:
    """Read '85%', 'trên 90%', '>= 70%', 'ít nhất 1', '≤ 2'; anything else is qualitative."""
    match = _TARGET.match(nfc(text))
    if match:
        parsed = parse_number(match["num"].strip())
        if parsed.status in ("number", "ambiguous") and not match["unit"].startswith(("/", "-")):
            op = next((o for p, o in COMPARATORS if match["op"] and re.fullmatch(p, match["op"], re.I)), ">=")
            return Target(op, parsed.value, parsed.percent, match["unit"].strip(), match["num"].strip())
    return Target(None, np.nan, False, "")


@dataclass
class Review:
    """Every target with its status and margin, plus the issues found in the file."""

    targets: pd.DataFrame  # COLUMNS + status, exceeded_by, shortfall, percent, row
    issues: list[Issue] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = self.targets["status"].value_counts()
        return {"total": len(self.targets), **{s: int(counts.get(s, 0)) for s in STATUSES}}

    def by(self, column: str) -> pd.DataFrame:
        table = pd.crosstab(self.targets[column].replace("", "—"), self.targets["status"])
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
                    "exceeded_by": _none(rec.exceeded_by),
                    "shortfall": _none(rec.shortfall),
                }
            )
        return {"targets": rows, "summary": self.summary()}


def _none(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def _amount(value: float, percent: bool, lang: str) -> str:
    text = format_vi(value, 2) if lang == "vi" else f"{value:,.2f}"
    if "," in text[-3:] or "." in text[-3:]:
        text = text.rstrip("0").rstrip(",.")
    return text + (" %" if percent else "")


def label(row: Any, lang: str) -> str:
    """The status as a review writes it: 'Đạt và vượt 2,44 %', 'Chưa đạt (còn thiếu 8,8 %)'."""
    words = LABELS[lang]
    if row.status == "met" and row.exceeded_by > 0:
        return words["exceeded"].format(x=_amount(row.exceeded_by, row.percent, lang))
    if row.status == "not_met" and row.shortfall > 0:
        return words["short"].format(x=_amount(row.shortfall, row.percent, lang))
    return words[row.status]


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


def _hand_status(text: str) -> Status | None:
    key = fold(text)
    if key in HAND_STATUS:
        return HAND_STATUS[key]
    return "met" if key.startswith(("đạt và vượt", "vượt")) else None


# --- reading ----------------------------------------------------------------------------------------


def _from_grid(grid: Grid, name: str, issues: list[Issue]) -> pd.DataFrame:
    columns: dict[str, int] = {}
    for i, raw in enumerate(grid.header):
        key = ALIASES.get(fold(raw), fold(raw))
        if key in COLUMNS and key not in columns:
            columns[key] = i
        elif key in COLUMNS:
            issues.append(
                Issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    f"column '{raw}' appears twice",
                    file=name,
                    sheet=grid.sheet,
                    row=1,
                    column=raw,
                    cell=f"{col_letter(i)}1",
                )
            )
    n = len(grid.rows)
    frame = pd.DataFrame(
        {c: grid.columns[columns[c]].cells().astype(str) if c in columns else "" for c in COLUMNS},
        index=range(n),
    )
    for key in ("target", "result"):  # Excel numbers: use the stored value, as a percentage if so formatted
        column = grid.columns[columns[key]] if key in columns else None
        if column is not None and column.native is not None and column.percent_cells is not None:
            number = pd.Series(column.native)
            text = np.where(column.percent_cells, (number * 100).map(lambda v: f"{v!r}%"), number.map(repr))
            frame[key] = frame[key].where(number.isna(), pd.Series(text, index=frame.index))
    frame["row"] = grid.rows
    frame["cells"] = [{c: f"{col_letter(i)}{r}" for c, i in columns.items()} for r in grid.rows]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        issues.append(
            Issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                f"no '{', '.join(missing)}' column: a target list has id, group, name, responsible, "
                "target, result[, status, note]",
                file=name,
                sheet=grid.sheet,
                row=1,
            )
        )
    return frame[frame[list(COLUMNS)].ne("").any(axis=1)]


def _from_yaml(path: Path, issues: list[Issue]) -> pd.DataFrame | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        issues.append(
            Issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, f"cannot read the file: {exc}", file=str(path))
        )
        return None
    items = data.get("targets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        issues.append(
            Issue(
                IssueCode.UNREADABLE_FILE,
                Severity.ERROR,
                "expected a list of targets (or a 'targets:' key holding one)",
                file=str(path),
            )
        )
        return None
    frame = pd.DataFrame(
        [{c: "" if i.get(c) is None else nfc(str(i.get(c))) for c in COLUMNS} for i in items]
    )
    frame["row"] = np.arange(1, len(frame) + 1)  # the item's position in the list
    frame["cells"] = [{} for _ in range(len(frame))]
    return frame


def read_targets(path: Path, sheet: str | None = None) -> Review:
    """Read a target list and review it. Problems become issues; nothing is raised."""
    issues: list[Issue] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        frame = _from_yaml(path, issues)
    else:
        grid = read_grid(path, sheet, issues)
        frame = None if grid is None or not grid.header else _from_grid(grid, str(path), issues)
    if frame is None:
        frame = pd.DataFrame(columns=[*COLUMNS, "row", "cells"])
    elif frame.empty and not issues:
        issues.append(Issue(IssueCode.NO_DATA, Severity.ERROR, "no targets in the file", file=str(path)))
    return review(frame, str(path), issues)


def review(frame: pd.DataFrame, name: str, issues: list[Issue] | None = None) -> Review:
    """Give every target a status and margin (the rules of DOMAIN.md §5)."""
    issues = list(issues or [])
    frame = frame.reset_index(drop=True).copy()
    targets = [parse_target(t) for t in frame["target"]]
    results = [parse_number(r) for r in frame["result"]]
    op = pd.Series([t.op for t in targets], dtype=object)
    # '2.000' and '1.850' are read in the decimal style the whole file uses (Vietnamese: thousands dot).
    tokens = pd.concat([pd.Series([t.number for t in targets]), frame["result"]], ignore_index=True)
    numbers = parse_column([str(t) for t in tokens])[0].value
    goal = np.where([t.op is None for t in targets], np.nan, numbers[: len(frame)])
    value = numbers[len(frame) :]
    has_number = np.array([r.status in ("number", "ambiguous") for r in results], dtype=bool)
    hand = frame["status"].map(_hand_status)

    def issue(i: int, code: IssueCode, column: str, message: str) -> None:
        issues.append(
            Issue(
                code,
                Severity.ERROR,
                message,
                file=name,
                row=int(frame.at[i, "row"]),
                column=column,
                cell=frame.at[i, "cells"].get(column),
                indicator=frame.at[i, "id"],
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
    for b in np.flatnonzero(frame["status"].ne("") & hand.isna()):
        issue(
            int(b),
            IssueCode.INVALID_OPTION,
            "status",
            f"status '{frame.at[b, 'status']}' is unknown: use Đạt, Chưa đạt or Chưa có số liệu "
            "(met, not met, no data)",
        )
    unreadable = [
        i
        for i, r in enumerate(results)
        if r.status == "text" and op[i] is not None and re.search(r"\d", frame.at[i, "result"])
    ]
    for i in unreadable:
        issue(
            i,
            IssueCode.NON_NUMERIC,
            "result",
            f"result '{frame.at[i, 'result']}' is not a number: write e.g. 84,5%",
        )

    at_least, at_most = op.isin([">=", ">"]).to_numpy(), op.isin(["<=", "<"]).to_numpy()
    margin = np.where(at_least, value - goal, goal - value)
    holds = np.where(op.isin([">", "<"]).to_numpy(), margin > 0, margin >= -1e-9)
    status = np.select(
        [hand.notna().to_numpy(), op.isna().to_numpy(), ~has_number, holds],
        [hand.to_numpy(dtype=object), "needs_review", "no_data", "met"],
        "not_met",
    )
    numeric = has_number & (at_least | at_most)
    frame["status"] = status
    frame["exceeded_by"] = np.where(
        numeric & (status == "met") & (margin > 1e-9), np.round(margin, 10), np.nan
    )
    frame["shortfall"] = np.where(
        numeric & (status == "not_met"), np.round(np.maximum(-margin, 0), 10), np.nan
    )
    frame["percent"] = [t.percent for t in targets]
    return Review(frame, issues)
