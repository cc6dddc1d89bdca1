"""The spec's DAG as index arrays, and the one aggregation that sums points up it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from dti.spec.model import Spec


@dataclass(frozen=True)
class Graph:
    """The nodes (in file order) with child and parent index lists, in topological order.

    Memory is linear in the number of edges: no node × node matrix is ever built, so a spec of
    20,000 nodes checks and scores as easily as one of 111.
    """

    codes: tuple[str, ...]
    index: dict[str, int]
    children: tuple[tuple[int, ...], ...]
    parent_index: tuple[tuple[int, ...], ...]
    order: tuple[int, ...]  # parents before children
    is_leaf: np.ndarray
    max_points: np.ndarray  # leaf maxima summed up the DAG; NaN where an unknown leaf lies beneath
    leaf_paths: np.ndarray  # number of downward paths from each node to a leaf

    @classmethod
    def build(cls, spec: Spec) -> Graph:
        codes = tuple(n.code for n in spec.nodes)
        index = {c: i for i, c in enumerate(codes)}
        children = tuple(tuple(index[c] for c in n.children) for n in spec.nodes)
        parents: list[list[int]] = [[] for _ in codes]
        for i, kids in enumerate(children):
            for k in kids:
                parents[k].append(i)
        order = topological(children)
        is_leaf = np.array([not kids for kids in children], dtype=bool)
        leaf_max = np.array(
            [
                (n.max_points if n.max_points is not None else np.nan) if leaf else 0.0
                for n, leaf in zip(spec.nodes, is_leaf, strict=True)
            ]
        )
        graph = cls(
            codes, index, children, tuple(map(tuple, parents)), order, is_leaf, leaf_max, is_leaf * 1.0
        )
        unknown = graph.aggregate(np.isnan(leaf_max) * 1.0) > 0
        with np.errstate(over="ignore"):  # a sum beyond float range is inf: the spec check refuses it
            summed = np.where(unknown, np.nan, graph.aggregate(np.nan_to_num(leaf_max)))
        object.__setattr__(graph, "max_points", summed)
        object.__setattr__(graph, "leaf_paths", graph.aggregate(is_leaf * 1.0))
        return graph

    @property
    def parents(self) -> dict[str, tuple[str, ...]]:
        return {
            c: tuple(self.codes[p] for p in ps) for c, ps in zip(self.codes, self.parent_index, strict=True)
        }

    def aggregate(self, base: np.ndarray, *, inplace: bool = False) -> np.ndarray:
        """Sum what is entered at each node up the DAG: node + Σ children's totals, over the last axis.

        A child counts once per parent (a foundation index counts in every pillar). This is the only
        code that sums up the DAG: scoring, the merger and validation all call it. Cost: one vector
        operation per inner node, whatever the number of units.
        """
        out = base if inplace else np.array(base, dtype=float, order="K")
        for i in reversed(self.order):
            for k in self.children[i]:
                out[..., i] += out[..., k]
        return out

    def below(self, mask: np.ndarray) -> np.ndarray:
        """True at every node that has a marked ancestor (over the last axis); a node is not its own."""
        out = np.zeros_like(mask, dtype=bool)
        if not (np.asarray(mask)[..., ~self.is_leaf]).any():
            return out  # only leaves marked: nothing lies below them
        for i in self.order:
            above = out[..., i] | mask[..., i]
            for k in self.children[i]:
                out[..., k] |= above
        return out

    def spread_down(self, mask: np.ndarray) -> np.ndarray:
        """True at every node that is marked or lies below a marked node."""
        return np.asarray(mask, dtype=bool) | self.below(mask)

    def descendants(self, code: str) -> list[str]:
        """Codes below a node, in file order."""
        seen: set[int] = set()
        stack = list(self.children[self.index[code]])
        while stack:
            i = stack.pop()
            if i not in seen:
                seen.add(i)
                stack.extend(self.children[i])
        return [self.codes[i] for i in sorted(seen)]


def topological(children: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    """Node indices parents-first (Kahn's algorithm: no recursion, so any depth works).

    Nodes on a cycle are left out; the spec check reports cycles before a graph is built.
    """
    indegree = [0] * len(children)
    for kids in children:
        for k in kids:
            indegree[k] += 1
    ready = [i for i, d in enumerate(indegree) if d == 0]
    order: list[int] = []
    while ready:
        i = ready.pop()
        order.append(i)
        for k in children[i]:
            indegree[k] -= 1
            if indegree[k] == 0:
                ready.append(k)
    return tuple(order)
