"""Spec checks: every problem of a spec, each with its YAML key path."""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from dti.spec.model import RULE_KINDS, ChoiceRule, Node, Spec, ThresholdsRule
from dti.words import Note, catalogue, note

# The bounds of points: every node's max_points is finite and in [0, MAX_POINTS], and the index as a whole
# is worth more than 0 and at most MAX_POINTS (published indices are worth 100 to 1,000; sums of a few
# thousand criteria stay far below, and floats add exactly there).
MAX_POINTS = 1e9

# What a pydantic error type says in general (dti/words/spec.py spec.problem.*); its own message is the
# detail, kept as data in English: pydantic words it.
_KINDS = {
    "missing": "missing",
    "literal_error": "not-allowed",
    "enum": "not-allowed",
    "finite_number": "out-of-bounds",
    "greater_than": "out-of-bounds",
    "greater_than_equal": "out-of-bounds",
    "less_than": "out-of-bounds",
    "less_than_equal": "out-of-bounds",
    "too_short": "too-short",
    "too_long": "too-long",
}


def _key_path(loc: tuple[int | str, ...]) -> Note | str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or note("spec.problem.top-level")


def _problem(at: Note | str, key: str, /, **params: object) -> Note:
    """A problem at a key path: `nodes[2].rule: ...`."""
    return note("spec.problem", at=at, what=note(f"spec.problem.{key}", **params))


def keyed_error(key: str, /, **params: Any) -> PydanticCustomError:
    """A model validator's own problem as a vocabulary key and its parameters, worded by
    `pydantic_problems` (pydantic's message is the English text)."""
    return PydanticCustomError(key, str(note(key, **params)), params)


def pydantic_problems(error: ValidationError) -> list[Note]:
    """Each problem pydantic found, as a Note at its key path (`rules[0].day: ...`)."""
    problems = []
    for err in error.errors():
        # Discriminated unions add the tag name to the location: drop it, the path ends at `rule`.
        loc = tuple(p for p in err["loc"] if p not in RULE_KINDS)
        kind = err["type"]
        if kind == "union_tag_invalid":
            tag = err.get("input", {}).get("kind") if isinstance(err.get("input"), dict) else None
            problems.append(_problem(_key_path(loc), "unknown-rule", rule=str(tag), known=list(RULE_KINDS)))
        elif kind == "extra_forbidden":
            problems.append(_problem(_key_path(loc), "unknown-key", name=str(loc[-1])))
        elif kind in catalogue():  # raised by keyed_error
            problems.append(note("spec.problem", at=_key_path(loc), what=note(kind, **err.get("ctx", {}))))
        elif kind == "missing":
            problems.append(_problem(_key_path(loc), "missing"))
        else:
            general = _KINDS.get(kind, "wrong-type" if kind.endswith(("_type", "_parsing")) else "invalid")
            problems.append(_problem(_key_path(loc), general, detail=err["msg"]))
    return problems


def _reference_problems(nodes: list[tuple[str, list[str]]]) -> list[Note]:
    """Duplicate codes and children that name no node, from (code, children) pairs."""
    problems: list[Note] = []
    first: dict[str, int] = {}
    for i, (code, _) in enumerate(nodes):
        if code in first:
            problems.append(
                _problem(f"nodes[{i}].code", "duplicate-code", code=code, first=f"nodes[{first[code]}]")
            )
        else:
            first[code] = i
    for i, (code, children) in enumerate(nodes):
        seen: set[str] = set()
        for k, child in enumerate(children):
            at = f"nodes[{i}].children[{k}]"
            if child not in first:
                problems.append(_problem(at, "unknown-code", code=child))
            if child in seen:
                problems.append(_problem(at, "listed-twice", code=child))
            if child == code:
                problems.append(_problem(at, "own-child", code=code))
            seen.add(child)
    return problems


def raw_reference_problems(data: dict[str, Any]) -> list[Note]:
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


def check(spec: Spec) -> list[Note]:
    """Return every cross-node problem of a structurally valid spec, each with its key path (str() gives
    its English text)."""
    problems = _reference_problems([(n.code, n.children) for n in spec.nodes])
    for i, node in enumerate(spec.nodes):
        at = f"nodes[{i}]"
        if node.max_points is not None and not 0 <= node.max_points <= MAX_POINTS:
            where = f"{at}.max_points"
            problems.append(
                _problem(where, "points-range", code=node.code, points=node.max_points, limit=MAX_POINTS)
            )
        if node.is_leaf:
            if node.rule is None and spec.scorable:
                problems.append(_problem(f"{at}.rule", "needs-rule", code=node.code))
            if node.max_points is None and spec.scorable:
                problems.append(_problem(f"{at}.max_points", "needs-max-points", code=node.code))
            problems += _rule_problems(at, node)
        elif node.rule is not None:
            problems.append(_problem(f"{at}.rule", "rule-on-parent", code=node.code))
    totals = [i for i, n in enumerate(spec.nodes) if n.kind == "total"]
    if len(totals) != 1:
        problems.append(_problem("nodes", "one-total", found=len(totals)))
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
                _problem(
                    f"nodes[{i}].max_points",
                    "sum-differs",
                    code=node.code,
                    declared=float(node.max_points),
                    total=float(total),
                )
            )
    for i in totals:
        code = spec.nodes[i].code
        if graph.parents[code]:
            problems.append(_problem(f"nodes[{i}]", "total-has-parent", code=code))
        total = float(graph.max_points[i])
        if total == 0:
            problems.append(_problem(f"nodes[{i}]", "total-zero", code=code))
        elif total > MAX_POINTS:  # NaN (a leaf without points) is said above, or the spec is a draft
            problems.append(_problem(f"nodes[{i}]", "total-range", code=code, total=total, limit=MAX_POINTS))
    return problems + _band_problems(spec)


def _band_problems(spec: Spec) -> list[Note]:
    """Grades highest first, each starting below the one before it (an equal start overlaps it), each
    named once, on one scale, and within the total: a value at most 1, points at most the total's."""
    problems: list[Note] = []
    top = float(spec.graph.max_points[spec.graph.index[spec.total]])
    for k, band in enumerate(spec.bands):
        at, name = f"bands[{k}]", band.name_vi
        if k and band.scale != spec.bands[0].scale:
            problems.append(_problem(f"{at}.scale", "band-scale", name=name, first=spec.bands[0].scale))
        limit = 1.0 if band.scale == "value" else top
        if band.at_least > limit:  # NaN (a draft's unknown total) compares False
            problems.append(
                _problem(f"{at}.at_least", "band-above-total", name=name, at=band.at_least, limit=limit)
            )
        earlier = [b.name_vi.casefold() for b in spec.bands[:k]]
        if name.casefold() in earlier:
            problems.append(
                _problem(
                    f"{at}.name_vi", "band-twice", name=name, first=f"bands[{earlier.index(name.casefold())}]"
                )
            )
        if k == 0:
            continue
        above = spec.bands[k - 1]
        if band.at_least == above.at_least:
            problems.append(
                _problem(f"{at}.at_least", "band-overlap", name=name, above=above.name_vi, at=band.at_least)
            )
        elif band.at_least > above.at_least:
            problems.append(
                _problem(
                    f"{at}.at_least",
                    "band-order",
                    name=name,
                    at=band.at_least,
                    above=above.name_vi,
                    bound=above.at_least,
                )
            )
    return problems


def _rule_problems(at: str, node: Node) -> list[Note]:
    rule, top = node.rule, node.max_points
    problems: list[Note] = []
    if isinstance(rule, ThresholdsRule):
        mins = [s.at_least for s in rule.steps]
        for k in range(1, len(mins)):
            if mins[k] >= mins[k - 1]:
                where = f"{at}.rule.steps[{k}].at_least"
                problems.append(_problem(where, "steps-down", value=float(mins[k]), after=float(mins[k - 1])))
        for k, step in enumerate(rule.steps):
            if top is not None and step.points > top:
                where = f"{at}.rule.steps[{k}].points"
                problems.append(_problem(where, "step-above-max", points=float(step.points), max=float(top)))
    elif isinstance(rule, ChoiceRule) and top is not None:
        for name, pts in rule.options.items():
            if pts > top or pts < 0:
                where = f"{at}.rule.options.{name}"
                problems.append(_problem(where, "option-outside", points=float(pts), max=float(top)))
    return problems


def _cycle_problems(spec: Spec) -> list[Note]:
    """Report each edge that closes a cycle, with the loop (iterative depth-first search)."""
    index = {n.code: i for i, n in enumerate(spec.nodes)}
    state = [0] * len(spec.nodes)  # 0 new, 1 on the current path, 2 done
    problems: list[Note] = []
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
                where = f"nodes[{node}].children[{k}]"
                problems.append(_problem(where, "cycle", code=children[k], loop=" → ".join(trail)))
            elif state[child] == 0:
                state[child] = 1
                path.append(child)
                cursors.append(0)
    return problems
