"""Spec checks: every problem of a spec, each with its YAML key path."""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import ValidationError

from dti.spec.model import RULE_KINDS, ChoiceRule, Node, Spec, ThresholdsRule


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
    """Report each edge that closes a cycle, with the loop (iterative depth-first search)."""
    index = {n.code: i for i, n in enumerate(spec.nodes)}
    state = [0] * len(spec.nodes)  # 0 new, 1 on the current path, 2 done
    problems: list[str] = []
    for root in range(len(spec.nodes)):
        if state[root]:
            continue
        path: list[int] = [root]
        cursors = [0]
        state[root] = 1
        while path:
            node = path[-1]
            children = spec.nodes[node].children
            if cursors[-1] == len(children):
                state[node] = 2
                path.pop()
                cursors.pop()
                continue
            k = cursors[-1]
            cursors[-1] += 1
            child = index[children[k]]
            if state[child] == 1:
                trail = [spec.nodes[i].code for i in path[path.index(child) :]] + [children[k]]
                problems.append(
                    f"nodes[{node}].children[{k}]: '{children[k]}' makes a cycle ({' → '.join(trail)})"
                )
            elif state[child] == 0:
                state[child] = 1
                path.append(child)
                cursors.append(0)
    return problems
