"""One YAML loader for everything dti reads (specs, target lists): safe, and bounded through aliases.

An alias (`*name`) repeats a subtree without repeating its text, so a few hundred bytes of nested aliases
("billion laughs") describe billions of values. The parser shares those subtrees, but whatever walks
the result (pydantic, a DataFrame, `str`) walks each copy. Aliases stay allowed (the bundled specs
share rule blocks with them); the document's size *as expanded* is counted before anything is built,
and a document above the caps is refused with a `yaml.YAMLError`, which callers already report.

Values are bounded too, so that no reader meets what Python or numpy cannot hold: a number beyond range
(an integer of more than 18 digits, a float that overflows to infinity, `.inf`, `.nan`) and a mapping key
written twice (the last one would silently win) are a `YamlValueError` naming the line(s).
"""

from __future__ import annotations

import math
import os
from typing import Any

import yaml

from dti.words import Note, note

# The largest document, counted with every alias written out: a 100-node spec is ~2,000 nodes and
# ~60,000 characters; 10,000 targets are ~170,000 nodes.
MAX_NODES = 1_000_000
MAX_CHARS = 50_000_000  # scalar text
NODES_ENV = "DTI_YAML_MAX_NODES"
CHARS_ENV = "DTI_YAML_MAX_CHARS"

# libyaml's parser is ~10x faster than the pure-Python one (a 98-component spec: 25 ms instead of 280 ms).
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# The largest whole number a value may be: what numpy's int64 holds (a count, a year, a day).
MAX_INT = 2**63 - 1
_MAX_INT_TEXT = 40  # longer number text is refused before Python converts it (its 4,300-digit limit)


class YamlLimitError(yaml.YAMLError):
    """A YAML document that is too large once its aliases are expanded, or that contains itself."""


class YamlValueError(yaml.YAMLError):
    """A value no reader may be handed (a number beyond range, a key written twice): `note` says it with
    its line(s), in words the views put in the user's language; str() is its English text."""

    def __init__(self, why: Note) -> None:
        super().__init__(str(why))
        self.note = why


def yaml_reason(exc: yaml.YAMLError) -> Note | str:
    """Why a YAML document was refused: the loader's own Note, or the parser's message."""
    return exc.note if isinstance(exc, YamlValueError) else str(exc)


def _cap(env: str, default: int) -> int:
    raw = os.environ.get(env, "").strip().replace("_", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


def expanded_size(root: yaml.Node) -> tuple[int, int]:
    """Count nodes and scalar characters as if every alias were written out (no recursion)."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) → (nodes, chars), once its children are counted
    open_nodes: set[int] = set()  # on the current path: meeting one again is a self-containing alias
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            nodes, chars = 1, 0
            for child in _children(node):
                n, c = sizes[id(child)]
                nodes, chars = nodes + n, chars + c
            sizes[key] = (nodes, chars)
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlLimitError(f"{_where(node)}an alias refers to a node that contains it")
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = (1, len(node.value))
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _where(node: yaml.Node) -> str:
    mark = node.start_mark
    return f"line {mark.line + 1}: " if mark is not None else ""


def refuse_duplicate_keys(root: yaml.Node) -> None:
    """Raise YamlValueError at the first mapping that writes a key twice (each node visited once).

    Checked before merge keys (`<<: *base`) are flattened in: a key that overrides a merged one is how
    merges are meant to be used; only a key written twice in a mapping's own text is refused."""
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes or isinstance(node, yaml.ScalarNode):
            continue
        seen_nodes.add(id(node))
        stack.extend(_children(node))
        if not isinstance(node, yaml.MappingNode):
            continue
        first: dict[tuple[str, str], yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            earlier = first.setdefault((key_node.tag, key_node.value), key_node)
            if earlier is not key_node:
                raise YamlValueError(
                    note("yaml.duplicate-key", key=key_node.value, first=_line(earlier), line=_line(key_node))
                )


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1 if node.start_mark is not None else 0


def _out_of_range(node: yaml.Node) -> YamlValueError:
    text = node.value if len(node.value) <= 24 else f"{node.value[:20]}…"
    return YamlValueError(note("yaml.number-range", line=_line(node), text=text))


def _bounded_int(loader: Any, node: yaml.ScalarNode) -> int:
    if len(node.value) > _MAX_INT_TEXT:
        raise _out_of_range(node)
    value: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    if abs(value) > MAX_INT:
        raise _out_of_range(node)
    return value


def _finite_float(loader: Any, node: yaml.ScalarNode) -> float:
    value: float = yaml.SafeLoader.construct_yaml_float(loader, node)
    if not math.isfinite(value):
        raise _out_of_range(node)
    return value


class BoundedSafeLoader(_Base):  # type: ignore[misc]
    """A safe loader that refuses documents larger than the caps once aliases are expanded, numbers
    beyond range and keys written twice in one mapping."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        refuse_duplicate_keys(node)
        nodes, chars = expanded_size(node)
        max_nodes, max_chars = _cap(NODES_ENV, MAX_NODES), _cap(CHARS_ENV, MAX_CHARS)
        if nodes > max_nodes or chars > max_chars:
            what = f"{nodes:,} values" if nodes > max_nodes else f"{chars:,} characters of text"
            limit, env = (max_nodes, NODES_ENV) if nodes > max_nodes else (max_chars, CHARS_ENV)
            raise YamlLimitError(
                f"the document holds {what} once its aliases (*name) are written out, above the limit "
                f"of {limit:,}: write the repeated parts out, or raise the limit with {env}=N"
            )
        return self.construct_document(node)


BoundedSafeLoader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
BoundedSafeLoader.add_constructor("tag:yaml.org,2002:float", _finite_float)


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely; raise yaml.YAMLError if it is invalid or too large."""
    return yaml.load(text, Loader=BoundedSafeLoader)
