"""What one grid holds, found before the matrices exist: header, layout, units, stages, names, ranks.

Problems of the file itself (unknown units and codes, empty unit cells, bad stages) become issues here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from dti.engine.submission import STAGE_NAMES, Layout
from dti.io.grid import Column, Grid, cell_ref, col_letter, ragged_rows
from dti.io.headers import ALIASES, META, RANK_COLUMN, STAGES, SUB_RANK, SUB_VALUE, TOTAL_NAMES, header_key
from dti.io.register import UnitRegister, name_key
from dti.io.table import describe, find_table
from dti.issues import Issue, IssueCode, Severity
from dti.numbers import fold
from dti.spec import Spec


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


_LABELS: dict[int, tuple[Spec, dict[str, str]]] = {}


def node_labels(spec: Spec) -> dict[str, str]:
    """Header keys that name a node: its code, official number, Vietnamese and English names."""
    if id(spec) in _LABELS and _LABELS[id(spec)][0] is spec:
        return _LABELS[id(spec)][1]
    labels: dict[str, str] = {}
    clashes: set[str] = set()

    def add(text: str, code: str) -> None:
        key = header_key(text)
        if key and labels.setdefault(key, code) != code:
            clashes.add(key)

    for node in spec.nodes:
        for text in (node.code, node.number, node.name_vi, node.name_en):
            add(text, node.code)
    total = next(n.code for n in spec.nodes if n.kind == "total")
    for text in TOTAL_NAMES:
        add(text, total)
    found = {k: v for k, v in labels.items() if k not in clashes and k not in ALIASES}
    _LABELS[id(spec)] = (spec, found)
    return found


def meaning(label: str, spec: Spec, overrides: dict[str, str] | None = None) -> str | None:
    """What a header means: an alias (unit, value, rank...), a node code, `rank_<CODE>`, or None."""
    if overrides and header_key(label) in overrides:
        return overrides[header_key(label)]
    if label in spec.graph.index:
        return label
    key = header_key(label)
    if key in ALIASES:
        return ALIASES[key]
    found = node_labels(spec).get(key)
    if found is None and (m := RANK_COLUMN.match(label.strip())) and m.group(1):
        code = meaning(m.group(1), spec)
        return f"rank_{code}" if code in spec.graph.index else None
    return found


def indicator_code(text: str, spec: Spec) -> str | None:
    """The node an indicator cell names: its code in any case, its official number or its name."""
    return text if text in spec.graph.index else node_labels(spec).get(header_key(text))


def _header(
    grid: Grid, groups: list[str], spec: Spec, overrides: dict[str, str], issues: list[Issue]
) -> dict[str, int]:
    """Map each understood column (canonical name, node code or rank_<CODE>) to its index.

    Under a group header (`Chỉ số DTI` over `Giá trị | Xếp hạng`) a value column means the group's node
    and a rank column its rank; a lone `Xếp hạng` is the rank of the node column before it.
    """
    found: dict[str, int] = {}
    previous: str | None = None
    for i, raw in enumerate(grid.header):
        group = groups[i] if i < len(groups) else ""
        what = meaning(raw, spec, overrides) if raw else None
        if group and header_key(raw) in SUB_VALUE | SUB_RANK:
            node = meaning(group, spec, overrides)
            if node in spec.graph.index:
                what = node if header_key(raw) in SUB_VALUE else f"rank_{node}"
        elif what == "rank" and previous is not None and header_key(raw) != "rank":
            what = f"rank_{previous}"  # `Xếp hạng` after a value column; a `rank` column is the total's
        if what is None:
            if raw:
                found.setdefault(raw, i)  # unknown: reported by the layout that needs it
            continue
        if what in spec.graph.index:
            previous = what
        if what == "skip":
            continue
        if what in found:
            issues.append(
                issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    f"column '{raw}' appears twice (first in column {col_letter(found[what])}): "
                    "rename or delete one; this column is ignored",
                    grid,
                    row=1,
                    column=raw,
                    cell=f"{col_letter(i)}1",
                )
            )
            continue
        found[what] = i
    if "unit" not in found and "name" in found:
        found["unit"] = found.pop("name")  # the names identify the units
    return found


def _unnamed_columns(grid: Grid) -> list[Issue]:
    """Values under a blank header (or, in Excel, right of the header) would be dropped unseen."""
    out = []
    width = len(grid.header)
    for j, column in enumerate(grid.columns):
        named = j < width and grid.header[j].strip()
        if named or (j >= width and len(grid.lengths)):  # CSV: a ragged-row error says it already
            continue
        # the texts may outlive the rows that held them (title and summary rows are dropped by then)
        filled = np.array([bool(t.strip()) for t in column.texts], dtype=bool)
        hits = np.flatnonzero(filled[column.codes]) if len(column.codes) else np.zeros(0, dtype=int)
        if not len(hits):
            continue
        r = int(hits[0])
        row = int(grid.rows[r])
        out.append(
            issue(
                IssueCode.UNNAMED_COLUMN,
                Severity.ERROR,
                f"column {col_letter(j)} has values but no header (first at row {row}): give it a header "
                "(a node code, unit, value...) or delete the values",
                grid,
                row=row,
                cell=cell_ref(j, row),
                value=column.texts[column.codes[r]],
            )
        )
    return out


def _did_you_mean(register: UnitRegister, text: str) -> str:
    close = register.suggest(text) if register.strict else []
    return f" (did you mean {' or '.join(repr(s) for s in close)}?)" if close else ""


def plan_grid(
    grid: Grid,
    source: int,
    spec: Spec,
    register: UnitRegister,
    layout: Layout | None,
    issues: list[Issue],
    overrides: dict[str, str] | None = None,
    notes: list[str] | None = None,
) -> tuple[Plan | None, dict[str, str], list[tuple[str, str, int]]]:
    overrides = {header_key(k): v for k, v in (overrides or {}).items()}

    def known(text: str) -> bool:  # numbers in data rows must not pass for official numbering
        return not text.strip().replace(".", "").isdigit() and meaning(text, spec, overrides) is not None

    table = find_table(grid, known)
    grid = table.grid
    note = describe(table)
    if note is not None and notes is not None:
        notes.append(f"{grid.name}: {note}")
    issues += ragged_rows(grid)
    columns = _header(grid, table.groups, spec, overrides, issues)
    issues += _unnamed_columns(grid)
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
    if grid.blank.any():
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
                    f"unit '{text}' is not in the unit register{_did_you_mean(register, text)}: use its "
                    "code or its name (or pass --units FILE with your own register)",
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
        stage_of = [STAGES.get(fold(s)) for s in stage_texts]
        stages = np.array([STAGE_NAMES.index(k) if k is not None else 0 for k in stage_of], dtype=np.int8)[
            stage_codes
        ]
        for r in np.flatnonzero([stage_of[c] is None for c in stage_codes]).tolist():
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
    if "name" in columns and columns["name"] != columns["unit"]:
        name_codes, name_texts = grid.columns[columns["name"]].stripped()
        for r, (unit, c) in enumerate(zip(units, name_codes, strict=True)):
            if unit is None or not name_texts[c] or unit in names:
                continue
            names[unit] = name_texts[c]
            official = register.names.get(unit)
            if official and name_key(official) != name_key(name_texts[c]):
                row = int(grid.rows[r])
                issues.append(
                    issue(
                        IssueCode.NAME_MISMATCH,
                        Severity.WARNING,
                        f"the file names unit {unit} '{name_texts[c]}' but the unit register says "
                        f"'{official}': the register's name is used (check the unit code)",
                        grid,
                        row=row,
                        column=grid.header[columns["name"]],
                        cell=cell_ref(columns["name"], row),
                        unit=unit,
                        value=name_texts[c],
                    )
                )
    rank_columns = {k: v for k, v in columns.items() if RANK_COLUMN.match(k)}
    ranks = published_ranks(grid, rank_columns, units, issues)
    cells: list[tuple[int, Column, np.ndarray | None]] = []
    node_of_column: dict[int, int] = {}
    index = spec.graph.index
    if chosen == "long":
        ind_codes, ind_texts = grid.columns[columns["indicator"]].stripped()
        nodes = (
            np.array([index.get(indicator_code(t, spec) or "", -1) for t in ind_texts], dtype=np.int64)[
                ind_codes
            ]
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
            if code in META or code in rank_columns or code == "rank":
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
