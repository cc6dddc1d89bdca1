"""What one grid holds, found before the matrices exist: header, layout, units, stages, names, ranks.

Problems of the file itself (unknown units and codes, empty unit cells, bad stages) become issues here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from dti.io.grid import Column, Grid, cell_ref, col_letter
from dti.io.headers import META, RANK_COLUMN, STAGES, canonical
from dti.io.register import UnitRegister
from dti.numbers import fold
from dti.report import Issue, IssueCode, Severity
from dti.spec import Spec
from dti.submission import STAGE_NAMES, Layout


@dataclass
class Plan:
    """What one grid holds, found before the matrices exist (they need every file's units)."""

    grid: Grid
    source: int
    units: list[str | None]  # per body row; None = unknown
    stages: np.ndarray  # per body row: index into STAGE_NAMES
    cells: list[tuple[int, Column, np.ndarray | None]]  # (column index, column, node per row or None)
    node_of_column: dict[int, int]  # wide: column index → node

    @cached_property
    def stage_list(self) -> list[int]:
        return sorted({int(s) for s in np.unique(self.stages)}) if len(self.stages) else []


def issue(code: IssueCode, severity: Severity, message: str, grid: Grid, **where: Any) -> Issue:
    return Issue(code, severity, message, file=grid.name, sheet=grid.sheet, **where)


def _header(grid: Grid, issues: list[Issue]) -> dict[str, int]:
    """Map each understood header (canonical name or node code) to its column index."""
    found: dict[str, int] = {}
    for i, raw in enumerate(grid.header):
        if not raw:
            continue
        key = canonical(raw)
        if key in found:
            issues.append(
                issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    f"column '{raw}' appears twice (first in column {col_letter(found[key])}): "
                    "rename or delete one; this column is ignored",
                    grid,
                    row=1,
                    column=raw,
                    cell=f"{col_letter(i)}1",
                )
            )
            continue
        found[key] = i
    return found


def plan_grid(
    grid: Grid, source: int, spec: Spec, register: UnitRegister, layout: Layout | None, issues: list[Issue]
) -> tuple[Plan | None, dict[str, str], list[tuple[str, str, int]]]:
    columns = _header(grid, issues)
    chosen = layout or ("long" if "indicator" in columns or "value" in columns else "wide")
    required = ["unit", "indicator", "value"] if chosen == "long" else ["unit"]
    absent = [c for c in required if c not in columns]
    if absent:
        issues.append(
            issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                f"no '{', '.join(absent)}' column in the {chosen} layout (header: {', '.join(grid.header)}); "
                "a long file has unit,indicator,value[,stage]; a wide file has unit then one column per code",
                grid,
                row=1,
            )
        )
        return None, {}, []
    for i in np.flatnonzero(grid.blank):
        issues.append(
            issue(IssueCode.BLANK_ROW, Severity.WARNING, "blank row: skipped", grid, row=int(grid.rows[i]))
        )
    grid = grid.keep(~grid.blank)
    n = len(grid.rows)
    unit_codes, unit_texts = grid.columns[columns["unit"]].stripped()
    resolved, repaired = register.resolve(unit_texts)
    resolved = [c or None for c in resolved]
    units = [resolved[c] for c in unit_codes]
    unit_col = columns["unit"]
    reported: set[int] = set()
    empty_or_odd = {
        c
        for c, (t, code, fixed) in enumerate(zip(unit_texts, resolved, repaired, strict=True))
        if not t or code is None or fixed
    }
    for r in np.flatnonzero(np.isin(unit_codes, list(empty_or_odd))).tolist() if empty_or_odd else []:
        c = unit_codes[r]
        where = {"row": int(grid.rows[r]), "column": "unit", "cell": cell_ref(unit_col, int(grid.rows[r]))}
        text = unit_texts[c]
        if text == "":
            issues.append(
                issue(
                    IssueCode.UNKNOWN_UNIT,
                    Severity.ERROR,
                    "the unit cell is empty: fill in the unit code",
                    grid,
                    **where,
                )
            )
        elif c in reported:
            continue
        elif resolved[c] is None:
            reported.add(c)
            issues.append(
                issue(
                    IssueCode.UNKNOWN_UNIT,
                    Severity.ERROR,
                    f"unit '{text}' is not in the unit register: use its code or exact name "
                    "(or pass --units FILE with your own register)",
                    grid,
                    value=text,
                    **where,
                )
            )
        else:
            reported.add(c)
            issues.append(
                issue(
                    IssueCode.LEADING_ZERO_LOST,
                    Severity.WARNING,
                    f"unit '{text}' read as '{resolved[c]}': the spreadsheet dropped its leading zero "
                    "(format the column as text)",
                    grid,
                    unit=resolved[c],
                    value=text,
                    **where,
                )
            )
    stages = np.zeros(n, dtype=np.int8)
    if "stage" in columns:
        stage_codes, stage_texts = grid.columns[columns["stage"]].stripped()
        known = [STAGES.get(fold(s)) for s in stage_texts]
        stages = np.array([STAGE_NAMES.index(k) if k is not None else 0 for k in known], dtype=np.int8)[
            stage_codes
        ]
        for r in np.flatnonzero([known[c] is None for c in stage_codes]).tolist():
            text = stage_texts[stage_codes[r]]
            issues.append(
                issue(
                    IssueCode.UNKNOWN_STAGE,
                    Severity.ERROR,
                    f"stage '{text}' is unknown: use 'self' (tự đánh giá) or 'verified' (thẩm định)",
                    grid,
                    row=int(grid.rows[r]),
                    column="stage",
                    unit=units[r],
                    value=text,
                )
            )
    names: dict[str, str] = {}
    if "name" in columns:
        name_codes, name_texts = grid.columns[columns["name"]].stripped()
        for unit, c in zip(units, name_codes, strict=True):
            if unit is not None and name_texts[c] and unit not in names:
                names[unit] = name_texts[c]
    rank_columns = {k: v for k, v in columns.items() if RANK_COLUMN.match(k)}
    ranks = published_ranks(grid, rank_columns, units, issues)
    cells: list[tuple[int, Column, np.ndarray | None]] = []
    node_of_column: dict[int, int] = {}
    index = spec.graph.index
    if chosen == "long":
        ind_codes, ind_texts = grid.columns[columns["indicator"]].stripped()
        nodes = (
            np.array([index.get(t, -1) for t in ind_texts], dtype=np.int64)[ind_codes]
            if n
            else np.zeros(0, int)
        )
        for r in np.flatnonzero(nodes < 0).tolist():
            if units[r] is None:
                continue
            text = ind_texts[ind_codes[r]]
            value_col = columns["value"]
            issues.append(
                issue(
                    IssueCode.UNKNOWN_INDICATOR,
                    Severity.ERROR,
                    f"'{text}' is not a code of spec {spec.id}: see `dti spec show {spec.id}`",
                    grid,
                    row=int(grid.rows[r]),
                    column=grid.header[value_col],
                    cell=cell_ref(value_col, int(grid.rows[r])),
                    unit=units[r],
                    indicator=text,
                    value=grid.columns[value_col].texts[grid.columns[value_col].codes[r]],
                )
            )
        cells.append((columns["value"], grid.columns[columns["value"]], nodes))
    else:
        for code, position in columns.items():
            if code in META or code in rank_columns:
                continue
            if code not in index:
                issues.append(
                    issue(
                        IssueCode.UNKNOWN_INDICATOR,
                        Severity.ERROR,
                        f"column '{code}' is not a code of the spec: rename it to a node code "
                        "(see `dti spec show`) or delete it",
                        grid,
                        row=1,
                        column=code,
                        cell=f"{col_letter(position)}1",
                        indicator=code,
                    )
                )
                continue
            cells.append((position, grid.columns[position], None))
            node_of_column[position] = index[code]
    return Plan(grid, source, units, stages, cells, node_of_column), names, ranks


def published_ranks(
    grid: Grid, rank_columns: dict[str, int], units: list[str | None], issues: list[Issue]
) -> list[tuple[str, str, int]]:
    """Published ranks from `rank` (the total) and `rank_<CODE>` columns."""
    out = []
    for key, i in rank_columns.items():
        code = RANK_COLUMN.match(key).group(1) or ""  # type: ignore[union-attr]
        column = grid.columns[i]
        for r, text in enumerate(column.cells()):
            text = str(text).strip()
            if not text:
                continue
            try:
                rank = float(text)
            except ValueError:
                rank = float("nan")
            if not (rank >= 1 and rank % 1 == 0):
                issues.append(
                    issue(
                        IssueCode.NON_NUMERIC,
                        Severity.ERROR,
                        f"rank '{text}' is not a whole number ≥ 1",
                        grid,
                        row=int(grid.rows[r]),
                        column=key,
                        cell=f"{col_letter(i)}{grid.rows[r]}",
                        value=text,
                    )
                )
            elif units[r] is not None:
                out.append((str(units[r]), code, int(rank)))
    return out
