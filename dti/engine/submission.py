"""A Submission: matrices over units × spec nodes, one Layer per stage, with each cell's origin.

Built from read grids (plan.py: what each file holds; build.py: the matrices and read_submission). A wide file
fills the matrices column by column; a long file is pivoted once, where duplicate rows and unknown
codes become issues. Each distinct cell text is parsed once per column, and a file's decimal style is
decided once, from all its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from dti.io.grid import col_letter
from dti.issues import Issue
from dti.numbers import ABSENT, MISSING
from dti.spec import Spec
from dti.words import Note

Layout = Literal["long", "wide"]
STAGE_NAMES = ("", "self", "verified")  # layer order; an unknown stage is reported and read as ""


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


@dataclass(frozen=True)
class PublishedMean:
    """A table's own mean row (`Trung bình cả nước`): its value of one node, as the file gives it."""

    code: str  # the node
    value: float  # on the fraction scale (a percent cell read / 100)
    label: str  # the row's label as written
    file: str
    sheet: str | None
    row: int  # spreadsheet row
    cell: str
    written: str = ""  # the cell's text as written ('0,5200'); '' for an Excel number cell


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
    notes: list[Note | str] = field(
        default_factory=list
    )  # how the files were read: header rows, skipped rows
    means_given: list[PublishedMean] = field(default_factory=list)  # the files' own mean rows, per node
    # units × nodes: the cells a table of values leaves empty (drop_missing_inner); None when it leaves none
    unknown: np.ndarray | None = None

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
        found = self.located(layer, np.array([i]), np.array([j]))
        keys = ("file", "sheet", "row", "column", "cell", "unit", "indicator", "value")
        return {key: values[0] for key, values in zip(keys, found, strict=True)}

    def located(self, layer: Layer, i: np.ndarray, j: np.ndarray) -> list[list[Any]]:
        """The Issue fields of cells (units i, nodes j) of a layer, a list each, in Issue's order: file,
        sheet, row, column, cell, unit, indicator, value."""
        sources = layer.source[i, j].tolist()
        rows, cols = layer.row[i, j].tolist(), layer.col[i, j].tolist()
        headers = [self.sources[s].header for s in sources]
        letters = {c: col_letter(c) for c in set(cols)}
        return [
            [self.sources[s].name for s in sources],
            [self.sources[s].sheet for s in sources],
            rows,
            [h[c] if c < len(h) else "" for h, c in zip(headers, cols, strict=True)],
            [f"{letters[c]}{r}" for c, r in zip(cols, rows, strict=True)],
            [self.units[k] for k in i.tolist()],
            [self.codes[k] for k in j.tolist()],
            [self.text(t) for t in layer.token[i, j].tolist()],
        ]

    def gives_leaves(self, spec: Spec) -> bool:
        return bool(self.given[:, spec.graph.is_leaf].any())

    def is_results_table(self, spec: Spec) -> bool:
        """A results table gives no component, and some node beside one of its descendants."""
        given = self.given
        if not given.any() or given[:, spec.graph.is_leaf].any():
            return False
        return bool((given & spec.graph.below(given)).any())

    def drop_missing_inner(self, spec: Spec) -> None:
        """In a table of values an empty cell is unknown, not zero: forget it so nothing is invented, and
        mark it `unknown` (unless another stage gives it) so that the nodes computed from it stay unknown."""
        inner = ~spec.graph.is_leaf
        dropped = np.zeros((len(self.units), len(self.codes)), dtype=bool, order="F")
        for layer in self.layers.values():
            empty = (layer.status == MISSING) & inner
            layer.status[empty] = ABSENT
            dropped |= empty
        self.unknown = dropped & ~self.given if dropped.any() else None

    def unknown_scored(self, spec: Spec, keep: np.ndarray | None = None) -> np.ndarray | None:
        """The unknown cells of nodes worth points (a node worth 0 is 0 points whatever it holds), of the
        unit rows `keep` (all when None); None when there are none."""
        if self.unknown is None:
            return None
        unknown = self.unknown if keep is None or keep.all() else self.unknown[keep]
        unknown = unknown & (np.nan_to_num(spec.graph.max_points) > 0)
        return unknown if unknown.any() else None
