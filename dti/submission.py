"""Grids → a Submission: matrices over units × spec nodes, one set per stage, with each cell's origin.

A wide file fills the matrices column by column; a long file is pivoted once, here, where duplicate
rows and unknown codes become issues. Each distinct cell text is parsed once per column, and a file's
decimal style is decided once, from all its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from dti.io.grid import Column, Grid, InputError, cell_ref, col_letter, read_grids
from dti.io.headers import META, RANK_COLUMN, STAGES, canonical
from dti.io.register import DATA_DIR, UnitRegister
from dti.numbers import (
    ABSENT,
    MISSING,
    NUMBER,
    decimal_style,
    fold,
    parse_texts,
    resolve_ambiguous,
)
from dti.report import Issue, IssueCode, Severity
from dti.spec import Spec

if TYPE_CHECKING:
    import pandas as pd

Layout = Literal["long", "wide"]
STAGE_NAMES = ("", "self", "verified")  # layer order; an unknown stage is reported and read as ""

__all__ = [
    "DATA_DIR",
    "InputError",
    "Layer",
    "Layout",
    "Submission",
    "UnitRegister",
    "read_submission",
    "submission_from_grids",
]


@dataclass
class Layer:
    """One stage's cells over units × nodes: the parsed value and where each cell came from."""

    value: np.ndarray  # float; NaN unless the cell holds a number
    percent: np.ndarray  # bool: written with '%' or an Excel percent cell
    status: np.ndarray  # int8: ABSENT, NUMBER, AMBIGUOUS, MISSING, TEXT (dti.numbers)
    token: np.ndarray  # int32 index into Submission.tokens (the cell's text); -1 where absent
    source: np.ndarray  # int16 index into Submission.sources; -1 where absent
    row: np.ndarray  # int32 spreadsheet row
    col: np.ndarray  # int16 0-based column (Excel has at most 16,384)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # see rules.blocks

    # All matrices are in Fortran order: a node's column is contiguous, so the per-node work of
    # reading, rules and the aggregation touches memory in sequence.

    @classmethod
    def empty(cls, shape: tuple[int, int]) -> Layer:
        return cls(
            np.full(shape, np.nan, order="F"),
            np.zeros(shape, dtype=bool, order="F"),
            np.zeros(shape, dtype=np.int8, order="F"),
            np.full(shape, -1, dtype=np.int32, order="F"),
            np.full(shape, -1, dtype=np.int16, order="F"),
            np.zeros(shape, dtype=np.int32, order="F"),
            np.zeros(shape, dtype=np.int16, order="F"),
        )

    @property
    def given(self) -> np.ndarray:
        return np.asarray(self.status != ABSENT)

    def where(self, mask: np.ndarray, other: Layer) -> Layer:
        """This layer's cells where mask is True, the other's elsewhere."""
        return Layer.of([np.where(mask, a, b) for a, b in zip(self._arrays(), other._arrays(), strict=True)])

    def rows(self, keep: np.ndarray) -> Layer:
        if keep.all():
            return self
        return Layer.of([np.asfortranarray(a[keep]) for a in self._arrays()])

    @classmethod
    def of(cls, arrays: list[np.ndarray]) -> Layer:
        value, percent, status, token, source, row, col = arrays
        return cls(value, percent, status, token, source, row, col)

    def _arrays(self) -> tuple[np.ndarray, ...]:
        return (self.value, self.percent, self.status, self.token, self.source, self.row, self.col)


@dataclass(frozen=True)
class Source:
    name: str
    sheet: str | None
    header: tuple[str, ...]


@dataclass
class Submission:
    """Submitted files as matrices over units (sorted codes) × the spec's nodes, one Layer per stage."""

    units: list[str]
    codes: tuple[str, ...]
    layers: dict[str, Layer]
    tokens: np.ndarray  # object array of the distinct cell texts
    sources: list[Source]
    issues: list[Issue] = field(default_factory=list)
    year: int | None = None
    names: dict[str, str] = field(default_factory=dict)  # the register's names, overridden by the file's
    ranks_given: list[tuple[str, str, int]] = field(default_factory=list)  # (unit, code or '', rank)

    @property
    def given(self) -> np.ndarray:
        """Cells given at any stage."""
        out = np.zeros((len(self.units), len(self.codes)), dtype=bool, order="F")
        for layer in self.layers.values():
            out |= layer.given
        return out

    def counted(self) -> Layer:
        """The cells that count: verified where given, else unstaged, else self-assessed."""
        layer = self.layers[""]
        for stage in ("self", "verified"):
            if stage in self.layers:
                staged = self.layers[stage]
                layer = (
                    staged.where(staged.given, layer)
                    if stage == "verified"
                    else layer.where(layer.given, staged)
                )
        return layer

    def self_view(self) -> Layer | None:
        """Self-assessed cells where given, else the counted ones; None when nothing was self-assessed."""
        if "self" not in self.layers or "verified" not in self.layers:
            return None
        staged = self.layers["self"]
        return staged.where(staged.given, self.counted())

    def text(self, token: int) -> str:
        return "" if token < 0 else str(self.tokens[token])

    def locate(self, layer: Layer, i: int, j: int) -> dict[str, Any]:
        """The Issue fields of cell (unit i, node j) of a layer."""
        source = self.sources[layer.source[i, j]]
        row, col = int(layer.row[i, j]), int(layer.col[i, j])
        return {
            "file": source.name,
            "sheet": source.sheet,
            "row": row,
            "column": source.header[col] if col < len(source.header) else "",
            "cell": cell_ref(col, row),
            "unit": self.units[i],
            "indicator": self.codes[j],
            "value": self.text(int(layer.token[i, j])),
        }

    def gives_leaves(self, spec: Spec) -> bool:
        return bool(self.given[:, spec.graph.is_leaf].any())

    def is_results_table(self, spec: Spec) -> bool:
        """A results table gives no component, and some node beside one of its descendants."""
        given = self.given
        if not given.any() or given[:, spec.graph.is_leaf].any():
            return False
        return bool((given & spec.graph.below(given)).any())

    def drop_missing_inner(self, spec: Spec) -> None:
        """In a table of values an empty cell is unknown, not zero: forget it so nothing is invented."""
        inner = ~spec.graph.is_leaf
        for layer in self.layers.values():
            layer.status[(layer.status == MISSING) & inner] = ABSENT

    @property
    def published_ranks(self) -> pd.DataFrame:
        """Ranks given in `rank` / `rank_<CODE>` columns: unit, indicator ('' = the total), rank."""
        import pandas as pd

        frame = pd.DataFrame(self.ranks_given, columns=["unit", "indicator", "rank"])
        return frame.astype({"unit": object, "indicator": object, "rank": int})


# --- reading -------------------------------------------------------------------------------------------


@dataclass
class _Plan:
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


def _issue(code: IssueCode, severity: Severity, message: str, grid: Grid, **where: Any) -> Issue:
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
                _issue(
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


def _plan(
    grid: Grid, source: int, spec: Spec, register: UnitRegister, layout: Layout | None, issues: list[Issue]
) -> tuple[_Plan | None, dict[str, str], list[tuple[str, str, int]]]:
    columns = _header(grid, issues)
    chosen = layout or ("long" if "indicator" in columns or "value" in columns else "wide")
    required = ["unit", "indicator", "value"] if chosen == "long" else ["unit"]
    absent = [c for c in required if c not in columns]
    if absent:
        issues.append(
            _issue(
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
            _issue(IssueCode.BLANK_ROW, Severity.WARNING, "blank row: skipped", grid, row=int(grid.rows[i]))
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
                _issue(
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
                _issue(
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
                _issue(
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
                _issue(
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
    ranks = _ranks(grid, rank_columns, units, issues)
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
                _issue(
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
                    _issue(
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
    return _Plan(grid, source, units, stages, cells, node_of_column), names, ranks


def _ranks(
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
                    _issue(
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


def _first_of(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each position: is its key seen earlier, and the position of the key's first occurrence."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    first_sorted = order[np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))]
    first = np.empty_like(order)
    first[order] = first_sorted
    return first != np.arange(len(keys)), first


class _Builder:
    """Fills the stage layers from the planned grids."""

    def __init__(self, spec: Spec, units: list[str], sources: list[Source]) -> None:
        self.spec = spec
        self.units = units
        self.unit_index = {u: i for i, u in enumerate(units)}
        self.shape = (len(units), len(spec.graph.codes))
        self.layers: dict[str, Layer] = {}
        self.tokens: list[np.ndarray] = []
        self.token_count = 0
        self.sources = sources
        self.issues: list[Issue] = []

    def layer(self, stage: int) -> Layer:
        name = STAGE_NAMES[stage]
        if name not in self.layers:
            self.layers[name] = Layer.empty(self.shape)
        return self.layers[name]

    def fill(self, plan: _Plan) -> None:
        known = np.array([u is not None for u in plan.units], dtype=bool)
        unit_rows = np.array(
            [self.unit_index[u] if u is not None else -1 for u in plan.units], dtype=np.int64
        )
        parsed = []
        commas = dots = 0
        for _, column, _ in plan.cells:
            p = parse_texts(column.texts, column.arrow)
            commas, dots = commas + p.comma_decimals, dots + p.dot_decimals
            parsed.append(p)
        style = decimal_style(commas, dots)  # decided once for the whole file
        wide = not any(nodes is not None for _, _, nodes in plan.cells)
        if wide:
            row_keys = unit_rows * len(STAGE_NAMES) + plan.stages
            row_dup, row_first = _first_of(np.where(known, row_keys, -1 - np.arange(len(row_keys))))
        for (col, column, nodes), p in zip(plan.cells, parsed, strict=True):
            resolve_ambiguous(column.texts, p, style)
            offset = self.token_count
            self.tokens.append(np.array(column.texts, dtype=object))
            self.token_count += len(column.texts)
            cells = p.take(column.codes)
            if column.native is not None:
                number = ~np.isnan(column.native)
                excel_pct = column.percent_cells & number
                cells.value = np.where(
                    number, np.where(excel_pct, column.native * 100, column.native), cells.value
                )
                cells.percent = np.where(number, excel_pct, cells.percent)
                cells.status = np.where(number, NUMBER, cells.status).astype(np.int8)
            if wide:
                node = np.full(len(unit_rows), plan.node_of_column[col])
                take = known
                dup, first = row_dup, row_first
            else:
                assert nodes is not None
                node = nodes
                take = known & (nodes >= 0)
                keys = (unit_rows * self.shape[1] + node) * len(STAGE_NAMES) + plan.stages
                dup, first = _first_of(np.where(take, keys, -1 - np.arange(len(keys))))
            self._place(plan, col, column, offset, cells, node, unit_rows, take, dup, first)

    def _place(
        self,
        plan: _Plan,
        col: int,
        column: Column,
        offset: int,
        cells: Any,
        node: np.ndarray,
        unit_rows: np.ndarray,
        take: np.ndarray,
        dup: np.ndarray,
        first: np.ndarray,
    ) -> None:
        """Write one column's cells into the stage layers; a cell given before is a duplicate."""
        grid = plan.grid
        for stage in plan.stage_list:
            layer = self.layer(int(stage))
            in_stage = take & (plan.stages == stage) if len(plan.stage_list) > 1 else take
            rows = np.flatnonzero(in_stage)
            # Fortran-ordered matrices: cell (u, j) is element u + j × units of the flat view.
            flat = unit_rows[rows] + node[rows] * self.shape[0]
            repeated = dup[rows] | (layer.status.ravel(order="F")[flat] != ABSENT)  # or given by another file
            for r in rows[repeated].tolist():
                text = column.texts[column.codes[r]]
                earlier = int(first[r]) if dup[r] else None
                self._duplicate(plan, col, r, earlier, layer, unit_rows, node, int(stage), text)
            if repeated.any():
                rows, flat = rows[~repeated], flat[~repeated]
            for matrix, values in (
                (layer.value, cells.value[rows]),
                (layer.percent, cells.percent[rows]),
                (layer.status, cells.status[rows]),
                (layer.token, offset + column.codes[rows]),
                (layer.source, plan.source),
                (layer.row, grid.rows[rows]),
                (layer.col, col),
            ):
                matrix.ravel(order="F")[flat] = values

    def _duplicate(
        self,
        plan: _Plan,
        col: int,
        r: int,
        first: int | None,
        layer: Layer,
        unit_rows: np.ndarray,
        node: np.ndarray,
        stage: int,
        text: str,
    ) -> None:
        grid = plan.grid
        u, j = int(unit_rows[r]), int(node[r])
        if first is not None:
            where = f"row {grid.rows[first]}"
        else:
            other = self.sources[layer.source[u, j]].name
            where = f"row {layer.row[u, j]}" + ("" if other == grid.name else f" of {other}")
        stage_name = f" ({STAGE_NAMES[stage]})" if STAGE_NAMES[stage] else ""
        row = int(grid.rows[r])
        self.issues.append(
            _issue(
                IssueCode.DUPLICATE_ENTRY,
                Severity.ERROR,
                f"unit {self.units[u]} has {self.spec.graph.codes[j]}{stage_name} twice "
                f"(first at {where}): keep one",
                grid,
                row=row,
                column=grid.header[col] if col < len(grid.header) else "",
                cell=cell_ref(col, row),
                unit=self.units[u],
                indicator=self.spec.graph.codes[j],
                value=text,
            )
        )


def submission_from_grids(
    grids: list[Grid],
    issues: list[Issue],
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    year: int | None = None,
) -> Submission:
    """Turn read grids into a Submission over the spec's nodes; problems become issues."""
    issues = list(issues)
    plans, names, ranks = [], dict(register.names), []
    sources: list[Source] = []
    for grid in grids:
        plan, file_names, file_ranks = _plan(grid, len(sources), spec, register, layout, issues)
        sources.append(Source(grid.name, grid.sheet, tuple(grid.header)))
        if plan is not None:
            plans.append(plan)
            names.update(file_names)
            ranks += file_ranks
    units = sorted({u for plan in plans for u in plan.units if u is not None})
    builder = _Builder(spec, units, sources)
    for plan in plans:
        builder.fill(plan)
    read_issues = issues + builder.issues
    if "" not in builder.layers:
        builder.layers[""] = Layer.empty(builder.shape)
    tokens = np.concatenate(builder.tokens) if builder.tokens else np.zeros(0, dtype=object)
    if year is None:
        year = next((g.year for g in grids if g.year is not None), None)
    return Submission(
        units, spec.graph.codes, builder.layers, tokens, sources, read_issues, year, names, ranks
    )


def read_submission(
    paths: list[Path] | Path,
    spec: Spec,
    register: UnitRegister,
    *,
    layout: Layout | None = None,
    sheet: str | None = None,
    year: int | None = None,
) -> Submission:
    """Read files into one Submission. Problems with the files become issues; nothing is raised."""
    grids, issues = read_grids([paths] if isinstance(paths, Path) else paths, sheet)
    return submission_from_grids(grids, issues, spec, register, layout=layout, year=year)
