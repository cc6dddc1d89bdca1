"""Methodology specs: a DAG of nodes with scoring rules, loaded from and dumped to YAML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

# libyaml's loader is ~10x faster than the pure-Python one (a 98-component spec: 25 ms instead of 280 ms).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SPEC_DIRS = (
    Path(__file__).parent / "indicator_specs",  # installed wheel
    Path(__file__).parent.parent / "indicator_specs",  # source checkout
)

NodeKind = Literal["total", "pillar", "main", "component", "group"]
UnitKind = Literal["province", "department", "district", "commune", "any"]


class SpecError(Exception):
    """A spec that cannot be used: every problem carries the YAML key path it concerns."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the rule registry: one model per rule kind; scoring.py holds one function per kind -----------


class PointsRule(_Strict):
    """The unit reports points directly; capped at the maximum."""

    kind: Literal["points"]


class RatioRule(_Strict):
    """points = max × min(value / target, 1); value in percent (86.32) or as a fraction (0.8632)."""

    kind: Literal["ratio"]
    target: float = Field(gt=0)
    scale: Literal["percent", "fraction"] = "percent"


class Step(_Strict):
    at_least: float
    points: float = Field(ge=0)


class ThresholdsRule(_Strict):
    """Step table, highest step first: the first step whose `at_least` the value reaches scores."""

    kind: Literal["thresholds"]
    steps: list[Step] = Field(min_length=1)


class ChoiceRule(_Strict):
    """Named options, each worth its points (e.g. headed by the chairman: full, by a deputy: half)."""

    kind: Literal["choice"]
    options: dict[str, float] = Field(min_length=1)


class YesNoRule(_Strict):
    kind: Literal["yesno"]


class NotScoredRule(_Strict):
    """Collected and shown, worth 0."""

    kind: Literal["not_scored"]


Rule = Annotated[
    PointsRule | RatioRule | ThresholdsRule | ChoiceRule | YesNoRule | NotScoredRule,
    Field(discriminator="kind"),
]
RULE_KINDS = ("points", "ratio", "thresholds", "choice", "yesno", "not_scored")
# Rules whose value is a number (choice and yesno take words).
NUMERIC_RULES = frozenset({"points", "ratio", "thresholds"})


class Node(_Strict):
    code: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    number: str = ""
    name_vi: str
    name_en: str = ""
    kind: NodeKind
    provisional: bool = False
    source: str | None = None
    max_points: float | None = Field(default=None, ge=0)
    rule: Rule | None = None
    children: list[str] = Field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children


class Spec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
    title: str
    decision: str = ""
    decision_date: dt.date | None = None
    years: list[int] = Field(default_factory=list)
    unit_kind: UnitKind = "any"
    precision: int = Field(default=4, ge=0, le=10)
    ties: Literal["competition"] = "competition"
    scorable: bool = True
    example: bool = False
    note: str = ""
    nodes: list[Node] = Field(min_length=1)

    _source: str = PrivateAttr(default="<spec>")

    @property
    def source(self) -> str:
        return self._source

    def __eq__(self, other: object) -> bool:
        # Compare content only: not where the spec was read from, nor the cached graph.
        return isinstance(other, Spec) and self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    @cached_property
    def graph(self) -> Graph:
        return Graph.build(self)

    def node(self, code: str) -> Node:
        return self.nodes[self.graph.index[code]]

    def require_scorable(self) -> None:
        """Raise SpecError when the spec's weights are unknown."""
        if self.scorable:
            return
        unknown = [n.code for n in self.nodes if n.is_leaf and n.max_points is None]
        raise SpecError(
            self.source,
            [
                f"spec '{self.id}' is not scorable: its points are not known"
                + (f" (no max_points for {', '.join(unknown)})" if unknown else "")
                + "; it can be shown with `dti spec show` but not used to score"
            ],
        )


@dataclass(frozen=True)
class Graph:
    """Dense arrays over the spec's nodes (in file order) for vectorised aggregation.

    paths[i, j] counts the downward paths from node i to node j (1 on the diagonal), so the points of
    every node are `base_points @ paths.T`, where base_points holds the points entered at each node.
    """

    codes: tuple[str, ...]
    index: dict[str, int]
    parents: dict[str, tuple[str, ...]]
    is_leaf: np.ndarray
    max_points: np.ndarray  # leaf maxima summed up the DAG; NaN where unknown
    paths: np.ndarray
    leaf_paths: np.ndarray  # number of leaf paths under each node

    @classmethod
    def build(cls, spec: Spec) -> Graph:
        codes = tuple(n.code for n in spec.nodes)
        index = {c: i for i, c in enumerate(codes)}
        parents: dict[str, list[str]] = {c: [] for c in codes}
        for node in spec.nodes:
            for child in node.children:
                parents[child].append(node.code)
        n = len(codes)
        paths = np.eye(n)
        for code in reversed(topological_order(spec)):
            i = index[code]
            for child in spec.nodes[i].children:
                paths[i] += paths[index[child]]
        is_leaf = np.array([node.is_leaf for node in spec.nodes])
        leaf_max = np.array(
            [
                (node.max_points if node.max_points is not None else np.nan) if node.is_leaf else 0.0
                for node in spec.nodes
            ]
        )
        max_points = _weighted_sum(paths[:, is_leaf], leaf_max[is_leaf])
        return cls(
            codes=codes,
            index=index,
            parents={c: tuple(p) for c, p in parents.items()},
            is_leaf=is_leaf,
            max_points=max_points,
            paths=paths,
            leaf_paths=paths[:, is_leaf].sum(axis=1),
        )

    def descendants(self, code: str) -> list[str]:
        row = self.paths[self.index[code]]
        return [c for c, k in zip(self.codes, row, strict=True) if k > 0 and c != code]


def _weighted_sum(paths: np.ndarray, leaf_max: np.ndarray) -> np.ndarray:
    """Sum leaf maxima along paths; a node is NaN only if an unknown leaf lies beneath it."""
    known = np.nan_to_num(leaf_max)
    total = paths @ known
    unknown = (paths > 0) @ np.isnan(leaf_max)
    return np.where(unknown, np.nan, total)


def topological_order(spec: Spec) -> list[str]:
    """Return codes parents-first. Assumes the spec was checked to be acyclic."""
    children = {n.code: n.children for n in spec.nodes}
    seen: set[str] = set()
    order: list[str] = []

    def visit(code: str) -> None:
        if code in seen:
            return
        seen.add(code)
        for child in children[code]:
            visit(child)
        order.append(code)

    for node in spec.nodes:
        visit(node.code)
    return order[::-1]


# --- checks ----------------------------------------------------------------------------------------


def _key_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _pydantic_problems(error: ValidationError) -> list[str]:
    problems = []
    for err in error.errors():
        # Discriminated unions add the tag name to the location: drop it, the path ends at `rule`.
        loc = tuple(p for p in err["loc"] if p not in RULE_KINDS)
        if err["type"] == "union_tag_invalid":
            tag = err.get("input", {}).get("kind") if isinstance(err.get("input"), dict) else None
            msg = f"unknown rule '{tag}' (known rules: {', '.join(RULE_KINDS)})"
        elif err["type"] == "extra_forbidden":
            msg = f"unknown key '{loc[-1]}'"
        else:
            msg = err["msg"]
        problems.append(f"{_key_path(loc)}: {msg}")
    return problems


def _reference_problems(nodes: list[tuple[str, list[str]]]) -> list[str]:
    """Duplicate codes and children that name no node, from (code, children) pairs."""
    problems: list[str] = []
    first: dict[str, int] = {}
    for i, (code, _) in enumerate(nodes):
        if code in first:
            problems.append(f"nodes[{i}].code: duplicate code '{code}' (first at nodes[{first[code]}])")
        else:
            first[code] = i
    for i, (code, children) in enumerate(nodes):
        seen: set[str] = set()
        for k, child in enumerate(children):
            if child not in first:
                problems.append(f"nodes[{i}].children[{k}]: unknown code '{child}'")
            if child in seen:
                problems.append(f"nodes[{i}].children[{k}]: '{child}' is listed twice")
            if child == code:
                problems.append(f"nodes[{i}].children[{k}]: '{code}' is its own child")
            seen.add(child)
    return problems


def _raw_reference_problems(data: dict[str, Any]) -> list[str]:
    """Reference problems of a spec that failed structural validation, so all are listed at once."""
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        return []
    pairs = []
    for node in nodes:
        if not isinstance(node, dict) or not isinstance(node.get("code"), str):
            return []
        children = node.get("children", [])
        pairs.append(
            (node["code"], [c for c in children if isinstance(c, str)] if isinstance(children, list) else [])
        )
    return _reference_problems(pairs)


def check(spec: Spec) -> list[str]:
    """Return every cross-node problem of a structurally valid spec, each with its key path."""
    problems = _reference_problems([(n.code, n.children) for n in spec.nodes])
    for i, node in enumerate(spec.nodes):
        at = f"nodes[{i}]"
        if node.is_leaf:
            if node.rule is None and spec.scorable:
                problems.append(f"{at}.rule: leaf '{node.code}' needs a scoring rule")
            if node.max_points is None and spec.scorable:
                problems.append(f"{at}.max_points: leaf '{node.code}' needs max_points")
            problems += _rule_problems(at, node)
        elif node.rule is not None:
            problems.append(f"{at}.rule: '{node.code}' has children, so its points are their sum, not a rule")
    totals = [i for i, n in enumerate(spec.nodes) if n.kind == "total"]
    if len(totals) != 1:
        problems.append(f"nodes: a spec needs exactly one node of kind 'total', found {len(totals)}")
    if problems:
        return problems  # the DAG checks below need unique, resolvable codes
    problems += _cycle_problems(spec)
    if problems:
        return problems
    graph = spec.graph
    for i, node in enumerate(spec.nodes):
        if node.is_leaf or node.max_points is None:
            continue
        total = graph.max_points[i]
        if not np.isnan(total) and not np.isclose(total, node.max_points):
            problems.append(
                f"nodes[{i}].max_points: '{node.code}' declares {node.max_points:g} "
                f"but its children add up to {total:g}"
            )
    for i in totals:
        if graph.parents[spec.nodes[i].code]:
            problems.append(f"nodes[{i}]: the total '{spec.nodes[i].code}' cannot have a parent")
    return problems


def _rule_problems(at: str, node: Node) -> list[str]:
    rule, top = node.rule, node.max_points
    problems: list[str] = []
    if isinstance(rule, ThresholdsRule):
        mins = [s.at_least for s in rule.steps]
        for k in range(1, len(mins)):
            if mins[k] >= mins[k - 1]:
                problems.append(
                    f"{at}.rule.steps[{k}].at_least: steps must go from the highest threshold down "
                    f"({mins[k]:g} follows {mins[k - 1]:g})"
                )
        for k, step in enumerate(rule.steps):
            if top is not None and step.points > top:
                problems.append(f"{at}.rule.steps[{k}].points: {step.points:g} exceeds max_points {top:g}")
    elif isinstance(rule, ChoiceRule) and top is not None:
        for name, pts in rule.options.items():
            if pts > top or pts < 0:
                problems.append(f"{at}.rule.options.{name}: {pts:g} is outside 0..max_points ({top:g})")
    return problems


def _cycle_problems(spec: Spec) -> list[str]:
    index = {n.code: i for i, n in enumerate(spec.nodes)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems: list[str] = []

    def visit(code: str, trail: list[str]) -> None:
        state[code] = 1
        for k, child in enumerate(spec.nodes[index[code]].children):
            if state.get(child) == 1:
                loop = " → ".join(trail[trail.index(child) :] + [code, child]) if child in trail else child
                problems.append(f"nodes[{index[code]}].children[{k}]: '{child}' makes a cycle ({loop})")
            elif child not in state:
                visit(child, trail + [code])
        state[code] = 2

    for node in spec.nodes:
        if node.code not in state:
            visit(node.code, [])
    return problems


# --- load / dump -----------------------------------------------------------------------------------


def parse_spec(text: str, source: str = "<spec>") -> Spec:
    """Parse and check YAML text; raise SpecError listing every problem."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise SpecError(source, [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict):
        raise SpecError(source, ["(top level): expected a mapping with id, title and nodes"])
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(source, _pydantic_problems(exc) + _raw_reference_problems(data)) from None
    spec._source = source
    problems = check(spec)
    if problems:
        raise SpecError(source, problems)
    return spec


def bundled_specs() -> dict[str, Path]:
    """Map each bundled spec id (its file stem) to its path."""
    for folder in SPEC_DIRS:
        if folder.is_dir():
            found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("examples/*.yaml"))
            return {p.stem: p for p in found}
    return {}


def load_spec(ref: str | Path) -> Spec:
    """Load a spec by bundled id (`dti-province-2022`) or by path."""
    bundled = bundled_specs()
    path = bundled.get(str(ref)) or Path(ref)
    if not path.is_file():
        known = ", ".join(bundled) or "none found"
        raise SpecError(str(ref), [f"no such spec file or bundled id (bundled: {known})"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(str(path), [f"cannot read: {exc}"]) from None
    return parse_spec(text, str(path))


def dump_spec(spec: Spec) -> str:
    """Return YAML text that loads back to an equal spec."""
    data = spec.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def spec_for_year(year: int | None) -> tuple[str, str | None]:
    """Pick the bundled spec for a data year; the second item is a note when the choice is a guess."""
    if year == 2020:
        return "dti-province-2020", None
    if year is not None and 2021 <= year <= 2023:
        return "dti-province-2022", None
    what = "no year given" if year is None else f"no bundled spec is declared for {year}"
    return "dti-province-2022", f"{what}: scoring with dti-province-2022 (use --spec to choose)"


def spec_summary(spec: Spec) -> dict[str, Any]:
    return spec.model_dump(mode="json", exclude={"nodes"})


def _node_dict(spec: Spec, node: Node) -> dict[str, Any]:
    graph = spec.graph
    top = graph.max_points[graph.index[node.code]]
    data: dict[str, Any] = {
        "code": node.code,
        "number": node.number,
        "name_vi": node.name_vi,
        "name_en": node.name_en,
        "kind": node.kind,
        "parents": list(graph.parents[node.code]),
        "children": list(node.children),
        "max_points": None if np.isnan(top) else float(top),
        "provisional": node.provisional,
        "source": node.source,
    }
    if node.rule is not None:
        data["rule"] = node.rule.model_dump(mode="json")
    return data


def spec_to_dict(spec: Spec) -> dict[str, Any]:
    """The `dti spec show --format json` object: {"spec": {...}, "nodes": [...]}."""
    return {"spec": spec_summary(spec), "nodes": [_node_dict(spec, n) for n in spec.nodes]}


def spec_nodes_frame(spec: Spec) -> Any:
    """One row per node (rule parameters as JSON text), for `--format csv`."""
    import json

    import pandas as pd

    rows = []
    for node in spec.nodes:
        data = _node_dict(spec, node)
        rule = data.pop("rule", None)
        data["parents"] = ";".join(data["parents"])
        data["children"] = ";".join(data["children"])
        data["rule"] = rule["kind"] if rule else ""
        data["rule_params"] = (
            json.dumps({k: v for k, v in rule.items() if k != "kind"}, ensure_ascii=False) if rule else ""
        )
        rows.append(data)
    return pd.DataFrame(rows)
