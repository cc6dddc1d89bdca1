"""A submission's layers filled from planned grids: each column's cells written once, duplicates and
means found with whole-array operations (the Builder that build.submission_from_grids drives)."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from dti.engine.columns import grid_issue
from dti.engine.plan import Plan
from dti.engine.submission import STAGE_NAMES, Layer, PublishedMean, Source
from dti.io.grid import Column, cell_ref
from dti.issues import Issue, IssueCode, Severity
from dti.numbers import (
    ABSENT,
    ARROW_TEXTS,
    MISSING,
    NUMBER,
    ParsedTexts,
    decimal_style,
    parse_texts,
    resolve_ambiguous,
    texts_array,
)
from dti.spec import Spec
from dti.words import note


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


def typed_texts(column: Column) -> np.ndarray | None:
    """Per distinct text: some cell holds it as typed text, not as an Excel number (whose text says
    nothing of the office's decimal mark); None for a column without Excel numbers."""
    if column.native is None:
        return None
    typed = np.zeros(len(column.texts), dtype=bool)
    typed[column.codes[np.isnan(column.native)]] = True
    return typed


class Builder:
    """Fills the stage layers from the planned grids."""

    def __init__(self, spec: Spec, units: list[str], sources: list[Source]) -> None:
        self.spec = spec
        self.units = units
        self.unit_index = {u: i for i, u in enumerate(units)}
        self.shape = (len(units), len(spec.graph.codes))
        self.layers: dict[str, Layer] = {}
        self.tokens: list[np.ndarray] = []
        self.token_count = 0
        self.blank_tokens: list[np.ndarray] = []  # per token: an empty text (a row left blank)
        self.sources = sources
        self.issues: list[Issue] = []
        self.means: list[PublishedMean] = []

    def _add_tokens(self, column: Column) -> int:
        offset = self.token_count
        self.tokens.append(np.array(column.texts, dtype=object))
        self.blank_tokens.append(column.blank)
        self.token_count += len(column.texts)
        return offset

    def _blank(self, tokens: np.ndarray, status: np.ndarray, offset: int | None = None) -> np.ndarray:
        """Cells left blank (no text, no Excel number): not an entry, whatever another file gives. The
        tokens are the last column's codes when `offset` is given, else tokens of any column read."""
        if offset is not None:
            every, at = self.blank_tokens[-1], tokens
        else:
            every, at = np.concatenate(self.blank_tokens), np.clip(tokens, 0, None)
        return (status == MISSING) & every[at] & (tokens >= 0)

    def layer(self, stage: int) -> Layer:
        name = STAGE_NAMES[stage]
        if name not in self.layers:
            self.layers[name] = Layer.empty(self.shape)
        return self.layers[name]

    def fill(self, plan: Plan) -> None:
        known = np.array([u is not None for u in plan.units], dtype=bool)
        unit_rows = np.array(
            [self.unit_index[u] if u is not None else -1 for u in plan.units], dtype=np.int64
        )
        parsed = []
        commas = dots = 0
        many = sum(len(c.texts) for _, c, _ in plan.cells if c.arrow is None) >= ARROW_TEXTS  # an XLSX's
        mean_at = {col: (column, nodes) for col, column, nodes in plan.mean_cells}
        for col, column, _ in plan.cells:
            arrow = column.arrow if column.arrow is not None or not many else texts_array(column.texts)
            typed = typed_texts(column)
            if typed is None or col in mean_at or typed.all():
                p = parse_texts(column.texts, arrow, typed)
            else:  # an Excel number's text: its cells take Excel's number (_cells), nothing to parse
                p = _parse_typed(column.texts, arrow, typed)
            commas, dots = commas + p.comma_decimals, dots + p.dot_decimals
            parsed.append(p)
        style = decimal_style(commas, dots)  # decided once for the whole file
        wide = not any(nodes is not None for _, _, nodes in plan.cells)
        order = self._whole(plan, unit_rows, known) if wide else None
        if order is not None:
            self._fill_whole(plan, parsed, style, mean_at, order)
            return
        if wide:
            row_keys = unit_rows * len(STAGE_NAMES) + plan.stages
            row_dup, row_first = _first_of(np.where(known, row_keys, -1 - np.arange(len(row_keys))))
        for (col, column, nodes), p in zip(plan.cells, parsed, strict=True):
            resolve_ambiguous(column.texts, p, style)
            offset = self._add_tokens(column)
            cells = _cells(p, column)
            if col in mean_at:  # the mean rows' cells share the column's texts, read in its style
                self._means(plan, col, mean_at[col][0], _cells(p, mean_at[col][0]), mean_at[col][1])
            if wide:
                node = np.full(len(unit_rows), plan.node_of_column[col])
                take = known
                dup, first = row_dup, row_first
            else:
                assert nodes is not None
                node = nodes
                take = known & (nodes >= 0)
                keys = (unit_rows * self.shape[1] + node) * len(STAGE_NAMES) + plan.stages
                filled = take & ~self._blank(column.codes, cells.status, offset)  # blank rows: no entry
                dup, first = _first_of(np.where(filled, keys, -1 - np.arange(len(keys))))
            self._place(plan, col, column, offset, cells, node, unit_rows, take, dup, first)

    def _whole(self, plan: Plan, unit_rows: np.ndarray, known: np.ndarray) -> np.ndarray | None:
        """Each unit's row when this plan alone gives every unit once, in one stage, each node in one
        column (the usual wide file): its columns then fill a layer whole. None otherwise."""
        if len(plan.stage_list) != 1 or STAGE_NAMES[plan.stage_list[0]] in self.layers:
            return None
        nodes = [plan.node_of_column[col] for col, _, _ in plan.cells]
        rows = np.flatnonzero(known)
        if len(set(nodes)) != len(nodes) or len(rows) != self.shape[0]:
            return None
        order = np.full(self.shape[0], -1, dtype=np.int64)
        order[unit_rows[rows]] = rows
        return None if (order < 0).any() else order  # a unit given twice leaves another without a row

    def _fill_whole(
        self,
        plan: Plan,
        parsed: list[ParsedTexts],
        style: Literal["comma", "dot"],
        mean_at: dict[int, tuple[Column, np.ndarray | None]],
        order: np.ndarray,
    ) -> None:
        """Fill a new layer column by column, each cell written once, gathered from the parsed distinct
        texts (no duplicate can occur). The origin of a cell is the same file, its unit's row and its
        node's column: kept as broadcast views, not matrices."""
        n, width = self.shape
        nodes = [plan.node_of_column[col] for col, _, _ in plan.cells]
        rest = np.setdiff1d(np.arange(width), nodes)
        value = np.empty(self.shape, order="F")
        percent = np.empty(self.shape, dtype=bool, order="F")
        status = np.empty(self.shape, dtype=np.int8, order="F")
        token = np.empty(self.shape, dtype=np.int32, order="F")
        for matrix, absent in ((value, np.nan), (percent, False), (status, ABSENT), (token, -1)):
            matrix[:, rest] = absent
        identity = len(plan.units) == n and bool(np.array_equal(order, np.arange(n)))  # rows in order
        col_of_node = np.zeros(width, dtype=np.int16)
        for (col, column, _), p, j in zip(plan.cells, parsed, nodes, strict=True):
            resolve_ambiguous(column.texts, p, style)
            offset = self._add_tokens(column)
            if col in mean_at:
                self._means(plan, col, mean_at[col][0], _cells(p, mean_at[col][0]), mean_at[col][1])
            codes = column.codes if identity else column.codes[order]
            source, at = (p, codes) if column.native is None else (_cells(p, column), order)
            at = at.astype(np.intp, copy=False)  # cast once for the three takes, not in each
            np.take(source.value, at, out=value[:, j], mode="clip")
            np.take(source.percent, at, out=percent[:, j], mode="clip")
            np.take(source.status, at, out=status[:, j], mode="clip")
            np.add(codes, offset, out=token[:, j], casting="unsafe")
            col_of_node[j] = col
        rows = plan.grid.rows[order].astype(np.int32)
        self.layers[STAGE_NAMES[plan.stage_list[0]]] = Layer(
            value,
            percent,
            status,
            token,
            np.broadcast_to(np.int16(plan.source), self.shape),
            np.broadcast_to(rows[:, None], self.shape),
            np.broadcast_to(col_of_node, self.shape),
        )

    def _means(
        self, plan: Plan, col: int, column: Column, cells: ParsedTexts, nodes: np.ndarray | None
    ) -> None:
        """The numbers of the mean rows in column `col` (`column`: their cells), as published means (a
        percent / 100), each with its text as written (none for an Excel number)."""
        assert plan.means is not None
        grid = plan.means
        node = nodes if nodes is not None else np.full(len(grid.rows), plan.node_of_column[col])
        value = np.where(cells.percent, cells.value / 100, cells.value)
        for r in np.flatnonzero((cells.status == NUMBER) & (node >= 0)).tolist():
            row = int(grid.rows[r])
            excel = column.native is not None and not np.isnan(column.native[r])
            self.means.append(
                PublishedMean(
                    self.spec.graph.codes[node[r]],
                    float(value[r]),
                    plan.mean_labels[r],
                    grid.name,
                    grid.sheet,
                    row,
                    cell_ref(col, row),
                    "" if excel else column.texts[column.codes[r]].strip(),
                )
            )

    def _place(
        self,
        plan: Plan,
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
            # A cell left blank is no entry: it neither repeats nor replaces a value given elsewhere (in
            # this file or another), and a value replaces it; two values are a duplicate.
            blank = self._blank(column.codes[rows], cells.status[rows], offset)
            status, token = layer.status.ravel(order="F")[flat], layer.token.ravel(order="F")[flat]
            before = status != ABSENT  # given by another file
            filled_before = before & ~self._blank(token, status) if before.any() else before
            repeated = ~blank & (dup[rows] | filled_before)
            for r in rows[repeated].tolist():
                text = column.texts[column.codes[r]]
                earlier = int(first[r]) if dup[r] else None
                self._duplicate(plan, col, r, earlier, layer, unit_rows, node, int(stage), text)
            skip = repeated | (blank & (before | np.isin(flat, flat[~blank])))
            if skip.any():
                rows, flat = rows[~skip], flat[~skip]
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
        plan: Plan,
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
        other = Source(grid.name, grid.sheet, ()) if first is not None else self.sources[layer.source[u, j]]
        at = int(grid.rows[first]) if first is not None else int(layer.row[u, j])
        if other.name != grid.name:
            where = note("plan.at-row-of", row=at, file=other.name)
        elif other.sheet != grid.sheet:  # a sheet per department: the same unit and code on two sheets
            where = note("files.at-row-of-sheet", row=at, sheet=other.sheet or "", file=other.name)
        else:
            where = note("plan.at-row", row=at)
        stage_name = note("plan.stage", stage=STAGE_NAMES[stage]) if STAGE_NAMES[stage] else ""
        row = int(grid.rows[r])
        self.issues.append(
            grid_issue(
                IssueCode.DUPLICATE_ENTRY,
                Severity.ERROR,
                "plan.duplicate",
                {
                    "unit": self.units[u],
                    "code": self.spec.graph.codes[j],
                    "stage": stage_name,
                    "first": where,
                },
                grid,
                row=row,
                column=grid.header[col] if col < len(grid.header) else "",
                cell=cell_ref(col, row),
                unit=self.units[u],
                indicator=self.spec.graph.codes[j],
                value=text,
            )
        )


def _parse_typed(texts: list[str], arrow: Any, typed: np.ndarray) -> ParsedTexts:
    """parse_texts of the texts some cell holds as typed text; the others, held only as Excel numbers,
    are numbers whose value _cells takes from Excel (in a 10,000-unit workbook, ~270,000 of them)."""
    n = len(texts)
    at = np.flatnonzero(typed)
    typed_ones = [texts[i] for i in at.tolist()]  # (arrow.take() of a numpy index would import pandas)
    some = parse_texts(typed_ones, None if arrow is None else texts_array(typed_ones))
    parsed = ParsedTexts(
        np.full(n, np.nan), np.zeros(n, dtype=bool), np.full(n, NUMBER, dtype=np.int8), np.full(n, np.nan)
    )
    parsed.value[at], parsed.percent[at], parsed.status[at], parsed.alternative[at] = (
        some.value,
        some.percent,
        some.status,
        some.alternative,
    )
    parsed.comma_decimals, parsed.dot_decimals = some.comma_decimals, some.dot_decimals
    return parsed


def _cells(parsed: ParsedTexts, column: Column) -> ParsedTexts:
    """A column's cells from its parsed distinct texts, Excel's numbers as they are (a percent cell × 100)."""
    cells = parsed.take(column.codes)
    if column.native is not None:
        number = ~np.isnan(column.native)
        excel_pct = column.percent_cells & number
        cells.value = np.where(number, np.where(excel_pct, column.native * 100, column.native), cells.value)
        cells.percent = np.where(number, excel_pct, cells.percent)
        cells.status = np.where(number, NUMBER, cells.status).astype(np.int8)
    return cells
