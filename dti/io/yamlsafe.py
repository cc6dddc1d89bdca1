"""One YAML loader for everything dti reads (specs, target lists): safe, and bounded through aliases.

An alias (`*name`) repeats a subtree without repeating its text, so a few hundred bytes of nested aliases
("billion laughs") describe billions of values. The parser shares those subtrees, but whatever walks
the result (pydantic, a DataFrame, `str`) walks each copy. Aliases stay allowed (the bundled specs
share rule blocks with them); the document's size *as expanded* is counted before anything is built,
and a document above the caps is refused with a `yaml.YAMLError`, which callers already report.
"""

from __future__ import annotations

import os
from typing import Any

import yaml

# The largest document, counted with every alias written out: a 100-node spec is ~2,000 nodes and
# ~60,000 characters; 10,000 targets are ~170,000 nodes.
MAX_NODES = 1_000_000
MAX_CHARS = 50_000_000  # scalar text
NODES_ENV = "DTI_YAML_MAX_NODES"
CHARS_ENV = "DTI_YAML_MAX_CHARS"

# libyaml's parser is ~10x faster than the pure-Python one (a 98-component spec: 25 ms instead of 280 ms).
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLimitError(yaml.YAMLError):
    """A YAML document that is too large once its aliases are expanded, or that contains itself."""


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


class BoundedSafeLoader(_Base):  # type: ignore[misc]
    """A safe loader that refuses documents larger than the caps once aliases are expanded."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
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


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely; raise yaml.YAMLError if it is invalid or too large."""
    return yaml.load(text, Loader=BoundedSafeLoader)
