"""What one grid holds, found before the matrices exist: header, layout, units, stages, names, ranks.

Problems of the file itself (unknown units and codes, empty unit cells, bad stages) become issues here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

import numpy as np

from dti.engine.columns import (
    column_map,
    grid_issue,
    indicator_code,
    meaning,
    unknown_indicator,
    unnamed_columns,
    value_as_node,
)
from dti.engine.one_unit import file_unit, given_beside_column
from dti.engine.reported import typed_against_counts, with_counts
from dti.engine.returned import template_changes
from dti.engine.submission import STAGE_NAMES, Layout
from dti.io.grid import Column, Grid, cell_ref, col_letter, ragged_rows
from dti.io.headers import META, RANK_COLUMN, STAGES
from dti.io.register import UnitRegister
from dti.io.table import describe, find_table
from dti.issues import Issue, IssueCode, Severity
from dti.spec import Spec
from dti.text import fold, header_key, name_key
from dti.words import Note, note

Cells = list[tuple[int, Column, np.ndarray | None]]  # (column index, column, node per row or None)

MAX_RANK = 1_000_000  # a published rank above this is a typing slip (Viet Nam has ~10,000 communes)


@dataclass
class Plan:
    """What one grid holds, found before the matrices exist (they need every file's units)."""

    grid: Grid
    source: int
    units: list[str | None]  # per body row; None = unknown
    stages: np.ndarray  # per body row: index into STAGE_NAMES
    cells: Cells
    node_of_column: dict[int, int]  # wide: column index → node
    # the table's own mean rows (`Trung bình cả nước`), their labels and cells, as `cells` for the body
    means: Grid | None = None
    mean_labels: list[str] = field(default_factory=list)
    mean_cells: Cells = field(default_factory=list)

    @cached_property
    def stage_list(self) -> list[int]:
        return sorted({int(s) for s in np.unique(self.stages)}) if len(self.stages) else []


def plan_grid(
    grid: Grid,
    source: int,
    spec: Spec,
    register: UnitRegister,
    layout: Layout | None,
    issues: list[Issue],
    overrides: dict[str, str] | None = None,
    notes: list[Note | str] | None = None,
    unit: str | None = None,
) -> tuple[Plan | None, dict[str, str], list[tuple[str, str, int]]]:
    """The plan of one grid, the unit names it gives and its published ranks; None if unreadable. What
    it says of the grid goes to `notes` (`in_file` names the file or sheet).

    A grid without a unit column is one unit's file: `unit` (a code or name) when given, else the unit
    its title rows name (`UBND TỈNH NINH THUẬN`).
    """
    overrides = {header_key(k): v for k, v in (overrides or {}).items()}

    @cache  # a scanned row's texts repeat (`có`, `không`) down its columns
    def known(text: str) -> bool:  # numbers in data rows must not pass for official numbering
        return not text.strip().replace(".", "").isdigit() and meaning(text, spec, overrides) is not None

    table = find_table(grid, known)
    grid = table.grid
    how = describe(table)
    if how is not None and notes is not None:
        notes.append(how)
    issues += ragged_rows(grid)
    columns = column_map(grid, table.groups, spec, overrides, issues)
    issues += unnamed_columns(grid)
    issues += template_changes(table, columns)  # a returned `dti template` sheet: renamed, rows deleted
    chosen = layout or ("long" if "indicator" in columns or "value" in columns else "wide")
    required = ["unit", "indicator", "value"] if chosen == "long" else ["unit"]
    one_unit = None
    if "unit" not in columns:
        one_unit, said = file_unit(table, chosen, "stage" in columns, register, unit)
        if isinstance(said, Issue):
            issues.append(said)
            return None, {}, []
        if said is not None and notes is not None:
            notes.append(said)
    absent = [c for c in required if c not in columns and not (c == "unit" and one_unit)]
    if absent:
        said = value_as_node(grid, columns, spec, overrides) if absent == ["value"] else None
        issues.append(
            grid_issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                "tables.missing-unit" if "unit" in absent else "plan.missing-column",
                {"missing": absent, "layout": note(f"plan.layout.{chosen}"), "header": grid.header},
                grid,
                row=table.header_rows[0],  # the header row as found, below any title rows
            )
            if said is None
            else said
        )
        return None, {}, []
    grid = _without_blank_rows(grid, issues)
    if one_unit is not None:
        units: list[str | None] = [one_unit] * len(grid.rows)
    else:
        units = _units(grid, columns["unit"], register, issues)
        if unit is not None:  # --as-unit beside a unit column: never silently ignored
            beside = given_beside_column(grid, columns["unit"], units, register, unit)
            if isinstance(beside, Issue):
                issues.append(beside)
            elif notes is not None:
                notes.append(beside)
    stages = _stages(grid, columns.get("stage"), units, issues)
    names = _names(grid, columns, units, register, issues)
    rank_columns = {k: v for k, v in columns.items() if RANK_COLUMN.match(k)}
    ranks = published_ranks(grid, rank_columns, units, issues)
    node_of_column: dict[int, int] = {}
    if chosen == "long":
        cells = _long_cells(grid, columns, spec, units, issues)
    else:
        skip = META | set(rank_columns) | {"rank"}
        cells, node_of_column = _wide_cells(
            grid, {k: v for k, v in columns.items() if k not in skip}, spec, issues
        )
    plan = Plan(grid, source, units, stages, cells, node_of_column)
    if table.means is not None and one_unit is None:
        plan.means, plan.mean_labels = table.means, table.mean_labels
        plan.mean_cells = _mean_cells(table.means, cells, columns, spec, chosen)
    return plan, names, ranks


def _mean_cells(means: Grid, cells: Cells, columns: dict[str, int], spec: Spec, layout: Layout) -> Cells:
    """The cells of the mean rows in the columns the body's values come from (long: with each row's node
    from its indicator cell, -1 if unknown)."""
    if layout == "wide":
        return [(col, means.columns[col], None) for col, _, _ in cells]
    codes, texts = means.columns[columns["indicator"]].stripped()
    index = spec.graph.index
    nodes = np.array([index.get(indicator_code(t, spec) or "", -1) for t in texts], dtype=np.int64)
    return [(columns["value"], means.columns[columns["value"]], nodes[codes])]


def in_file(grid: Grid, said: Note | str, sheets: int = 1) -> Note:
    """A note of plan_grid's said of its file, or of its sheet when the workbook gave several."""
    if grid.sheet and sheets > 1:
        return note("tables.in-sheet", file=grid.name, sheet=grid.sheet, note=said)
    if grid.table is not None and sheets > 1:  # one of a Word document's tables
        return note("tables.in-table", file=grid.name, table=grid.table, note=said)
    return note("io.in-file", file=grid.name, note=said)


def _without_blank_rows(grid: Grid, issues: list[Issue]) -> Grid:
    for i in np.flatnonzero(grid.blank):
        issues.append(
            grid_issue(
                IssueCode.BLANK_ROW, Severity.WARNING, "plan.blank-row", {}, grid, row=int(grid.rows[i])
            )
        )
    return grid.keep(~grid.blank) if grid.blank.any() else grid


def _units(grid: Grid, unit_col: int, register: UnitRegister, issues: list[Issue]) -> list[str | None]:
    """Each body row's unit code through the register; empty, unknown and repaired cells become issues."""
    unit_codes, unit_texts = grid.columns[unit_col].stripped()
    resolved_codes, repaired = register.resolve(unit_texts)
    resolved = [c or None for c in resolved_codes]
    units = [resolved[c] for c in unit_codes]
    reported: set[int] = set()
    empty_or_odd = {
        c
        for c, (t, code, fixed) in enumerate(zip(unit_texts, resolved, repaired, strict=True))
        if not t or code is None or fixed
    }
    # the column as the file heads it ('Mã xã'), the unit as the cell writes it
    header = (grid.header[unit_col].strip() if unit_col < len(grid.header) else "") or "unit"
    for r in np.flatnonzero(np.isin(unit_codes, list(empty_or_odd))).tolist() if empty_or_odd else []:
        c = unit_codes[r]
        text = unit_texts[c]
        where = {"row": int(grid.rows[r]), "column": header, "cell": cell_ref(unit_col, int(grid.rows[r]))}
        if text == "":
            issues.append(
                grid_issue(
                    IssueCode.UNKNOWN_UNIT,
                    Severity.ERROR,
                    "plan.unit-empty",
                    {},
                    grid,
                    **where,
                )
            )
        elif c in reported:
            continue
        elif resolved[c] is None:
            reported.add(c)
            shared = register.shared_by(text)  # a name several units bear: which one is not known
            bearers = ", ".join(f"{u} {register.names[u]}" + _within(register.regions.get(u)) for u in shared)
            key, params = (
                ("plan.shared-name", {"text": text, "count": len(shared), "units": bearers})
                if shared
                else ("plan.unknown-unit", {"text": text, "hint": register.did_you_mean(text)})
            )
            if register.source and not shared:  # a user's own register: say which, not "pass --units"
                key, params = "plan.unknown-unit-in", {**params, "register": register.source}
            issues.append(
                grid_issue(
                    IssueCode.UNKNOWN_UNIT, Severity.ERROR, key, params, grid, unit=text, value=text, **where
                )
            )
        else:
            reported.add(c)
            issues.append(
                grid_issue(
                    IssueCode.LEADING_ZERO_LOST,
                    Severity.WARNING,
                    "plan.leading-zero" if len(text) < len(resolved[c] or "") else "plan.register-zero",
                    {"text": text, "unit": resolved[c]},
                    grid,
                    unit=resolved[c],
                    value=text,
                    **where,
                )
            )
    return units


def _within(region: str | None) -> str:
    return f" ({region})" if region else ""


def _stages(grid: Grid, stage_col: int | None, units: list[str | None], issues: list[Issue]) -> np.ndarray:
    """Each body row's stage as an index into STAGE_NAMES (0 without a stage column or when unknown)."""
    if stage_col is None:
        return np.zeros(len(grid.rows), dtype=np.int8)
    stage_codes, stage_texts = grid.columns[stage_col].stripped()
    stage_of = [STAGES.get(fold(s)) for s in stage_texts]
    stages = np.array([STAGE_NAMES.index(k) if k is not None else 0 for k in stage_of], dtype=np.int8)[
        stage_codes
    ]
    for r in np.flatnonzero([stage_of[c] is None for c in stage_codes]).tolist():
        text = stage_texts[stage_codes[r]]
        issues.append(
            grid_issue(
                IssueCode.UNKNOWN_STAGE,
                Severity.ERROR,
                "plan.unknown-stage",
                {"text": text},
                grid,
                row=int(grid.rows[r]),
                column="stage",
                unit=units[r],
                value=text,
            )
        )
    return stages


def _names(
    grid: Grid, columns: dict[str, int], units: list[str | None], register: UnitRegister, issues: list[Issue]
) -> dict[str, str]:
    """The names the file gives its units; one that differs from the register's is a warning."""
    names: dict[str, str] = {}
    if "name" not in columns or "unit" not in columns or columns["name"] == columns["unit"]:
        return names
    name_codes, name_texts = grid.columns[columns["name"]].stripped()
    for r, (unit, c) in enumerate(zip(units, name_codes, strict=True)):
        if unit is None or not name_texts[c] or unit in names:
            continue
        names[unit] = name_texts[c]
        official = register.names.get(unit)
        if official and name_key(official) != name_key(name_texts[c]):
            row = int(grid.rows[r])
            issues.append(
                grid_issue(
                    IssueCode.NAME_MISMATCH,
                    Severity.WARNING,
                    "plan.name-mismatch",
                    {"unit": unit, "name": name_texts[c], "official": official},
                    grid,
                    row=row,
                    column=grid.header[columns["name"]],
                    cell=cell_ref(columns["name"], row),
                    unit=unit,
                    value=name_texts[c],
                )
            )
    return names


def _long_cells(
    grid: Grid, columns: dict[str, int], spec: Spec, units: list[str | None], issues: list[Issue]
) -> Cells:
    """A long file: the value column, with each row's node from its indicator cell (-1 if unknown)."""
    index = spec.graph.index
    ind_codes, ind_texts = grid.columns[columns["indicator"]].stripped()
    nodes = (
        np.array([index.get(indicator_code(t, spec) or "", -1) for t in ind_texts], dtype=np.int64)[ind_codes]
        if len(grid.rows)
        else np.zeros(0, int)
    )
    value_col = columns["value"]
    values = grid.columns[value_col]
    if "numerator" in columns and "denominator" in columns:  # a template's counts: `a/b`
        counts = grid.columns[columns["numerator"]], grid.columns[columns["denominator"]]
        issues += typed_against_counts(grid, value_col, values, *counts)
        values = with_counts(values, *counts)
    for r in np.flatnonzero(nodes < 0).tolist():
        if units[r] is None:
            continue
        issues.append(unknown_indicator(grid, spec, columns, r, units[r], values.texts[values.codes[r]]))
    return [(value_col, values, nodes)]


def _wide_cells(
    grid: Grid, node_columns: dict[str, int], spec: Spec, issues: list[Issue]
) -> tuple[Cells, dict[int, int]]:
    """A wide file: one column per node; a column naming no node of the spec is an issue."""
    cells: Cells = []
    node_of_column: dict[int, int] = {}
    for code, position in node_columns.items():
        if code not in spec.graph.index:
            issues.append(
                grid_issue(
                    IssueCode.UNKNOWN_INDICATOR,
                    Severity.ERROR,
                    "plan.unknown-column",
                    {"column": code},
                    grid,
                    row=1,
                    column=code,
                    cell=f"{col_letter(position)}1",
                    indicator=code,
                )
            )
            continue
        cells.append((position, grid.columns[position], None))
        node_of_column[position] = spec.graph.index[code]
    return cells, node_of_column


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
            if not (1 <= rank <= MAX_RANK and rank % 1 == 0):
                issues.append(
                    grid_issue(
                        IssueCode.NON_NUMERIC,
                        Severity.ERROR,
                        "plan.bad-rank",
                        {"text": text},
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
