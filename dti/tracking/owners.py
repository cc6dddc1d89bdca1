"""Who answers for each index: an owners file (CSV, XLSX or YAML) → the lead unit of every component.

A row names a main index or a component (by its code, its official number `3.1` or its name) and its
lead unit (`Đơn vị chủ trì`) with optional co-units (`Đơn vị phối hợp`). A main index assigned as a whole
covers its components unless a component row says otherwise: each component takes the assignment of the
nearest node above it (itself first, then its main index, then the total). Co-units come with the row that
gives the lead. Problems (unknown codes, components with no owner, two lead units) are a Report.

Unit names resolve through the register of departments (dti/tracking/departments.py): `Sở KH&CN` and
`Sở Khoa học và Công nghệ` are one owner, shown as the file first names it; a name a letter off a known
one (`Sở Tài chíh`) or spelt with other diacritics (`Đào tao`) is that department, shown as the register
spells it, with a warning. The file is the authority:
a name the bundled register does not know is a department of the file, and an optional aliases column
(`Tên khác`, names separated by `;`) gives the lead unit's other names, which the received log, the
calendar rules and the report's target and task sections then resolve to it.

YAML: a mapping `{HTS: Sở KH&CN, HTS.03: {lead: Sở Công Thương, co: [Viettel]}}`, or a list of
`{node: HTS.03, lead: ..., co: [...], aliases: [...]}` items, either one optionally under an `owners:` key.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dti.engine.columns import indicator_code, node_labels
from dti.io.files import read_grid
from dti.io.grid import Grid, col_letter, reason
from dti.io.inputs import read_input_text
from dti.io.table import find_table
from dti.io.yamlsafe import load_yaml, yaml_reason
from dti.issues import Issue, IssueCode, Report, Severity, issue
from dti.spec import Spec
from dti.text import header_key, nfc
from dti.tracking.departments import Departments, bundled, split_units
from dti.words import Note, note

# What each column holds → the headers plans write (matched without case, diacritics or punctuation).
# A row's node is looked for in `code`, then `name`, then `number` (STT holds the official numbering).
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "node", "Mã chỉ số", "Mã", "Mã chỉ tiêu", "Mã tiêu chí", "Ký hiệu"),
    "name": ("indicator", "Chỉ số", "Tên chỉ số", "Chỉ tiêu", "Tên chỉ tiêu", "Tiêu chí", "Nội dung"),
    "number": ("number", "STT", "TT", "Số TT", "Số thứ tự"),
    "lead": (
        "lead",
        "owner",
        "Đơn vị chủ trì",
        "Chủ trì",
        "Cơ quan chủ trì",
        "Đơn vị phụ trách",
        "Phụ trách",
        "Cơ quan phụ trách",
        "Đơn vị chủ trì, phụ trách",
        "Đơn vị thực hiện",
        "Đơn vị chịu trách nhiệm",
    ),
    "co": ("co", "Đơn vị phối hợp", "Phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp thực hiện"),
    "aliases": ("aliases", "Tên khác", "Tên gọi khác", "Viết tắt"),
}
_MEANING = {header_key(h): m for m, heads in HEADERS.items() for h in heads}


@dataclass
class Owners:
    """The lead unit (and co-units) of every leaf component, and what was wrong with the file."""

    spec: Spec
    lead: dict[str, str]  # leaf code → lead unit
    co: dict[str, list[str]]  # leaf code → co-units
    owners: list[str]  # lead units, in file order
    report: Report = field(default_factory=Report)
    source: str = ""
    departments: Departments = field(default_factory=bundled)  # the register, with this file's names

    def components_of(self, owner: str) -> list[str]:
        """The leaf codes an owner leads, in spec order."""
        return [code for code in self.spec.graph.codes if self.lead.get(code) == owner]


@dataclass(frozen=True)
class _Row:
    node: str
    lead: str
    co: tuple[str, ...]
    row: int
    cell: str | None
    aliases: tuple[str, ...] = ()  # other names of the lead unit (the aliases column, `;`-separated)
    header: str | None = None  # the lead column's header as written (a table's; none in YAML)


def read_owners(path: Path, spec: Spec, sheet: str | None = None) -> Owners:
    """Read an owners file and assign every component. Problems become the report; nothing is raised."""
    issues: list[Issue] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        rows = _rows_from_yaml(path, spec, issues)
    else:
        grid = read_grid(path, sheet, issues)
        rows = [] if grid is None else _rows_from_grid(grid, spec, issues)
    if not rows and not issues:
        issues.append(_issue(IssueCode.NO_DATA, "tracking.owners.none", {}, path, None))
    return assign(rows, spec, str(path), issues)


def _issue(
    code: IssueCode, key: str, params: dict[str, Any], path: Path | str, row: int | None, **where: Any
) -> Issue:
    severity = Severity.WARNING if code is IssueCode.MISSING_VALUE else Severity.ERROR
    return issue(code, severity, key, params, file=str(path), row=row, **where)


def _did_you_mean(text: str, spec: Spec) -> Note | str:
    labels = node_labels(spec)
    close = difflib.get_close_matches(header_key(text), list(labels), n=6, cutoff=0.6)
    codes = list(dict.fromkeys(labels[k] for k in close))[:3]
    return note("tracking.guess", name=[repr(c) for c in codes]) if codes else ""


def _unknown(text: str, spec: Spec, path: Path | str, row: int, **where: Any) -> Issue:
    params = {"text": text, "spec": spec.id, "guess": _did_you_mean(text, spec)}
    return _issue(
        IssueCode.UNKNOWN_INDICATOR,
        "tracking.owners.unknown-node",
        params,
        path,
        row,
        indicator=text,
        **where,
    )


def _rows_from_grid(grid: Grid, spec: Spec, issues: list[Issue]) -> list[_Row]:
    table = find_table(grid, lambda text: header_key(text) in _MEANING)
    grid = table.grid
    columns: dict[str, int] = {}
    for i, raw in enumerate(grid.header):
        meaning = _MEANING.get(header_key(raw))
        if meaning is not None:
            columns.setdefault(meaning, i)
    row_of_header = table.header_rows[0]
    if "lead" not in columns or not {"code", "name", "number"} & set(columns):
        issues.append(
            _issue(
                IssueCode.MISSING_COLUMN,
                f"tracking.owners.no-{'lead' if 'lead' not in columns else 'index'}-column",
                {"header": [h for h in grid.header if h]},
                grid.name,
                row_of_header,
            )
        )
        return []
    texts = {m: grid.columns[i].cells().astype(str) for m, i in columns.items()}
    rows: list[_Row] = []
    for r, number in enumerate(grid.rows.tolist()):
        said = [(m, nfc(texts[m][r])) for m in ("code", "name", "number") if m in texts]
        said = [(m, t) for m, t in said if t]
        lead_units = split_units(texts["lead"][r])
        co_units = split_units(texts["co"][r]) if "co" in texts else []
        aliases = _aliases(texts["aliases"][r]) if "aliases" in texts else ()
        node = next((c for _, t in said if (c := indicator_code(t, spec)) is not None), None)
        lead_cell = f"{col_letter(columns['lead'])}{number}"
        if node is None:
            if said and lead_units:  # a heading or section row has no lead unit: not a problem
                m, text = said[0]
                issues.append(
                    _unknown(
                        text,
                        spec,
                        grid.name,
                        number,
                        cell=f"{col_letter(columns[m])}{number}",
                        column=grid.header[columns[m]],
                    )
                )
            continue
        if not lead_units:
            if spec.graph.is_leaf[spec.graph.index[node]]:
                issues.append(
                    _issue(
                        IssueCode.MISSING_VALUE,
                        "tracking.owners.no-lead-here",
                        {"node": node},
                        grid.name,
                        number,
                        cell=lead_cell,
                        column=grid.header[columns["lead"]],
                        indicator=node,
                    )
                )
            continue  # an inner node without a lead is a heading: its components are assigned below it
        header = grid.header[columns["lead"]]
        rows.append(_row(node, lead_units, co_units, number, lead_cell, grid.name, issues, aliases, header))
    return rows


def _aliases(text: object) -> tuple[str, ...]:
    """The aliases cell (or YAML list): names separated by `;` or new lines."""
    parts = text if isinstance(text, list) else re.split(r"[;\n]", str(text or ""))
    return tuple(n for p in parts if (n := nfc(str(p))))


def _row(
    node: str,
    leads: list[str],
    co: list[str],
    row: int,
    cell: str | None,
    file: str,
    issues: list[Issue],
    aliases: tuple[str, ...] = (),
    header: str | None = None,
) -> _Row:
    if len(leads) > 1:
        issues.append(
            _issue(
                IssueCode.DUPLICATE_ENTRY,
                "tracking.owners.several-leads",
                {"node": node, "count": len(leads), "leads": "; ".join(leads), "first": leads[0]},
                file,
                row,
                cell=cell,
                indicator=node,
            )
        )
    for unit in dict.fromkeys([*leads, *co]):
        if "/" in unit:  # `Phòng Văn hóa và Thông tin/UBND huyện`: one department, said so
            first, _, rest = unit.partition("/")
            params = {"text": unit, "first": first.strip(), "rest": rest.strip()}
            where = {"cell": cell} if unit in leads else {}
            issues.append(issue(IssueCode.UNKNOWN_UNIT, Severity.WARNING, "collect.owner-slash", params,
                                file=file, row=row, indicator=node, value=unit, **where))  # fmt: skip
    return _Row(node, leads[0], tuple(leads[1:] + co), row, cell, aliases, header)


def _rows_from_yaml(path: Path, spec: Spec, issues: list[Issue]) -> list[_Row]:
    try:
        data = load_yaml(read_input_text(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        why = yaml_reason(exc) if isinstance(exc, yaml.YAMLError) else reason(exc)
        issues.append(_issue(IssueCode.UNREADABLE_FILE, "io.cannot-read", {"why": why}, path, None))
        return []
    if isinstance(data, dict) and set(data) == {"owners"}:
        data = data["owners"]
    if isinstance(data, dict):
        items = [{"node": k, **(v if isinstance(v, dict) else {"lead": v})} for k, v in data.items()]
    elif isinstance(data, list) and all(isinstance(i, dict) for i in data):
        items = data
    else:
        issues.append(
            _issue(
                IssueCode.UNREADABLE_FILE,
                "tracking.owners.bad-yaml",
                {},
                path,
                None,
            )
        )
        return []
    rows: list[_Row] = []
    for position, item in enumerate(items, start=1):
        text = nfc(str(item.get("node") or item.get("code") or ""))
        node = indicator_code(text, spec) if text else None
        if node is None:
            issues.append(_unknown(text, spec, path, position))
            continue
        leads = split_units(str(item.get("lead") or ""))
        raw_co = item.get("co") or []
        co = [
            u for part in (raw_co if isinstance(raw_co, list) else [raw_co]) for u in split_units(str(part))
        ]
        if not leads:
            issues.append(
                _issue(
                    IssueCode.MISSING_VALUE,
                    "tracking.owners.no-lead",
                    {"node": node},
                    path,
                    position,
                    indicator=node,
                )
            )
            continue
        aliases = _aliases(item.get("aliases") or item.get("Tên khác") or "")
        rows.append(_row(node, leads, co, position, None, str(path), issues, aliases))
    return rows


def assign(rows: list[_Row], spec: Spec, source: str, issues: list[Issue]) -> Owners:
    """Each component takes the row of the nearest assigned node at or above it (rows in file order)."""
    graph = spec.graph
    # The owners file is the authority for its names: each lead and co-unit resolves through the register
    # extended by the file, so `Sở KH&CN` and `Sở Khoa học và Công nghệ` are one owner, shown as first
    # written; a name the register does not know is a department of the file.
    departments = bundled().extend(
        [(r.lead, r.aliases) for r in rows] + [(u, ()) for r in rows for u in r.co]
    )
    at: dict[int, _Row] = {}
    for row in rows:
        for text in dict.fromkeys((row.lead, *row.co)):
            if (shown := departments.respelled.get(nfc(text))) is not None:  # a letter off, or misspelt
                params = {"text": text, "name": shown}
                where = {"cell": row.cell, "column": row.header} if text == row.lead else {}
                key = "tracking.unit-taken"
                issues.append(
                    issue(IssueCode.UNKNOWN_UNIT, Severity.WARNING, key, params, file=source, row=row.row,
                          value=text, **where)
                )  # fmt: skip
        named = departments.named(row.lead)
        others = (departments.named(u) for u in row.co)
        row = _Row(row.node, named, tuple(dict.fromkeys(u for u in others if u != named)), row.row, row.cell)
        j = graph.index[row.node]
        first = at.get(j)
        if first is None:
            at[j] = row
        elif first.lead != row.lead:
            issues.append(
                _issue(
                    IssueCode.DUPLICATE_ENTRY,
                    "tracking.owners.two-leads",
                    {
                        "node": row.node,
                        "first": first.lead,
                        "first_row": first.row,
                        "second": row.lead,
                        "second_row": row.row,
                    },
                    source,
                    row.row,
                    cell=row.cell,
                    indicator=row.node,
                    value=row.lead,
                )
            )
        else:
            at[j] = _Row(
                first.node, first.lead, tuple(dict.fromkeys(first.co + row.co)), first.row, first.cell
            )
    lead: dict[str, str] = {}
    co: dict[str, list[str]] = {}
    unowned: list[str] = []
    for j in (int(k) for k in graph.is_leaf.nonzero()[0]):
        level, seen = [j], {j}
        while level:
            hits = sorted((at[k] for k in level if k in at), key=lambda r: r.row)
            if hits:
                leads = list(dict.fromkeys(r.lead for r in hits))
                if len(leads) > 1:
                    issues.append(
                        _issue(
                            IssueCode.DUPLICATE_ENTRY,
                            "tracking.owners.two-leads-through",
                            {
                                "node": graph.codes[j],
                                "through": [f"{r.node} ({r.lead})" for r in hits],
                                "kept": leads[0],
                            },
                            source,
                            hits[1].row,
                            indicator=graph.codes[j],
                        )
                    )
                lead[graph.codes[j]] = hits[0].lead
                co[graph.codes[j]] = list(hits[0].co)
                break
            level = [p for k in level for p in graph.parent_index[k] if p not in seen]
            seen.update(level)
        else:
            unowned.append(graph.codes[j])
    unusable = {IssueCode.UNREADABLE_FILE, IssueCode.MISSING_COLUMN, IssueCode.NO_DATA}
    if unowned and not any(i.code in unusable for i in issues):
        issues.append(
            _issue(
                IssueCode.MISSING_VALUE,
                "tracking.owners.unowned",
                {"count": len(unowned), "codes": unowned},
                source,
                None,
                indicator=unowned[0],
            )
        )
    owners = list(dict.fromkeys(r.lead for r in sorted(at.values(), key=lambda r: r.row)))
    kept = [o for o in owners if o in lead.values()]
    return Owners(spec, lead, co, kept, Report(issues), source, departments)


__all__ = ["HEADERS", "Owners", "assign", "read_owners"]
