"""What a grid's columns mean: the labels that name a node, each header's meaning, the column map.

A header may be an alias (unit, value, rank...), a node's code, official number or name, or
`rank_<CODE>`; duplicate headers and values under no header become issues here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.io.grid import Grid, cell_ref, col_letter
from dti.io.headers import ALIASES, RANK_COLUMN, SUB_RANK, SUB_VALUE, TOTAL_NAMES
from dti.issues import Issue, IssueCode, Severity, issue
from dti.spec import Spec
from dti.text import header_key
from dti.words import Note, note


def grid_issue(
    code: IssueCode, severity: Severity, key: str, params: dict[str, Any], grid: Grid, **where: Any
) -> Issue:
    """An issue of a grid's file and sheet, worded from the vocabulary (dti/words/issues.py)."""
    return issue(code, severity, key, params, file=grid.name, sheet=grid.sheet, **where)


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
    for text in TOTAL_NAMES:
        add(text, spec.total)
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


def column_map(
    grid: Grid, groups: list[str], spec: Spec, overrides: dict[str, str], issues: list[Issue]
) -> dict[str, int]:
    """Map each understood column (canonical name, node code or rank_<CODE>) to its index.

    Under a group header (`Chỉ số DTI` over `Giá trị | Xếp hạng`) a value column means the group's node
    and a rank column its rank; a lone `Xếp hạng` is the rank of the node column before it.
    """
    found: dict[str, int] = {}
    previous: str | None = None
    meant = [meaning(raw, spec, overrides) if raw else None for raw in grid.header]
    # a lone `Xếp hạng` after several index columns (`NTS | … | HDXH | Xếp hạng`) ranks the total, as
    # published_2023.csv's `rank`; after one (`DTI | Xếp hạng`), or in pairs, the column before it
    lone = meant.count("rank") == 1 and sum(1 for m in meant if m in spec.graph.index) > 1
    for i, raw in enumerate(grid.header):
        group = groups[i] if i < len(groups) else ""
        what = meaning(raw, spec, overrides) if raw else None
        if group and header_key(raw) in SUB_VALUE | SUB_RANK:
            node = meaning(group, spec, overrides)
            if node in spec.graph.index:
                what = node if header_key(raw) in SUB_VALUE else f"rank_{node}"
        elif what == "rank" and previous is not None and header_key(raw) != "rank" and not lone:
            what = f"rank_{previous}"  # `Xếp hạng` after a value column; a `rank` column is the total's
        if what is None:
            if raw:
                found.setdefault(raw, i)  # unknown: reported by the layout that needs it
            continue
        if what in spec.graph.index:
            previous = what
        if what == "skip":
            continue
        if what == "unit" and "unit" in found and "name" not in found:
            # `Mã tỉnh | Tỉnh, thành phố`: a code column beside a name column, the usual layout
            first_is_code, this_is_code = _is_code(grid.header[found["unit"]]), _is_code(raw)
            if first_is_code and not this_is_code:
                what = "name"
            elif this_is_code and not first_is_code:
                found["name"] = found.pop("unit")
        if what in found:
            at = int(grid.rows[0]) - 1 if len(grid.rows) else 1  # the header's row, below any title rows
            issues.append(
                grid_issue(
                    IssueCode.DUPLICATE_HEADER,
                    Severity.ERROR,
                    "plan.header-twice",
                    {"column": raw, "first": col_letter(found[what])},
                    grid,
                    row=at,
                    column=raw,
                    cell=cell_ref(i, at),
                )
            )
            continue
        found[what] = i
    if "unit" not in found and "name" in found:
        found["unit"] = found.pop("name")  # the names identify the units
    return found


def _is_code(header: str) -> bool:
    """A unit column of codes (`Mã tỉnh`, `Mã đơn vị`, `code`), not of names (`Tỉnh, thành phố`)."""
    key = header_key(header)
    return key in {"ma", "code", "unit"} or key.startswith("ma ")


def value_as_node(grid: Grid, columns: dict[str, int], spec: Spec, overrides: dict[str, str]) -> Issue | None:
    """The cause of a long file's missing value column when --columns made its results column a node
    (`'Kết quả=DTI'`): each row names its indicator, so that column is the value (`'Kết quả=value'`)."""
    for raw in grid.header:
        code = overrides.get(header_key(raw)) if raw else None
        if code is not None and code in spec.graph.index and columns.get(code) == grid.header.index(raw):
            j = grid.header.index(raw)
            indicator = grid.header[columns["indicator"]] if "indicator" in columns else ""
            return grid_issue(
                IssueCode.MISSING_COLUMN,
                Severity.ERROR,
                "tables.value-as-node",
                {"header": raw, "code": code, "indicator": indicator},
                grid,
                row=int(grid.rows[0]) - 1 if len(grid.rows) else 1,
                column=raw,
                cell=cell_ref(j, int(grid.rows[0]) - 1 if len(grid.rows) else 1),
            )
    return None


def unknown_indicator(
    grid: Grid, spec: Spec, columns: dict[str, int], r: int, unit: str | None, value: str
) -> Issue:
    """An indicator cell that names no node, said at that cell; when the row's STT/TT number is a node's
    official number, the node it likely means (`TT 1 = C1`); an empty cell is said as empty."""
    at, row = columns["indicator"], int(grid.rows[r])
    column = grid.columns[at]
    text = column.texts[column.codes[r]].strip() if column.texts else ""
    hint: Note | str = ""
    for j, raw in enumerate(grid.header):
        if (
            ALIASES.get(header_key(raw)) == "skip"
            and "tt" in header_key(raw).split()
            and j < len(grid.columns)
        ):
            numbers = grid.columns[j]
            number = numbers.texts[numbers.codes[r]].strip() if numbers.texts else ""
            node = next((n for n in spec.nodes if number and n.number == number), None)
            if node is not None:
                hint = note("tables.number-is", column=raw, number=number, code=node.code, name=node.name_vi)
            break
    key = "tables.indicator-empty" if not text else "tables.unknown-indicator"
    return grid_issue(
        IssueCode.UNKNOWN_INDICATOR,
        Severity.ERROR,
        key,
        {"text": text, "spec": spec.id, "hint": hint},
        grid,
        row=row,
        column=grid.header[at],
        cell=cell_ref(at, row),
        unit=unit,
        indicator=text,
        value=value,
    )


def unnamed_columns(grid: Grid) -> list[Issue]:
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
            grid_issue(
                IssueCode.UNNAMED_COLUMN,
                Severity.ERROR,
                "plan.unnamed-column",
                {"column": col_letter(j), "row": row},
                grid,
                row=row,
                cell=cell_ref(j, row),
                value=column.texts[column.codes[r]],
            )
        )
    return out
