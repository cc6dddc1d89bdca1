"""Methodology specs: a DAG of nodes with scoring rules, loaded from and dumped to YAML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from dti.words import Note, note

if TYPE_CHECKING:
    from dti.spec.graph import Graph

SPEC_DIRS = (
    Path(__file__).parent.parent / "indicator_specs",  # installed wheel
    Path(__file__).parent.parent.parent / "indicator_specs",  # source checkout
)

NodeKind = Literal["total", "pillar", "main", "component", "group"]
UnitKind = Literal["province", "department", "district", "commune", "any"]


class SpecError(Exception):
    """A spec that cannot be used: every problem carries the YAML key path it concerns."""

    def __init__(self, source: str, problems: Sequence[Note | str]) -> None:
        self.source = source
        self.problems = list(problems)  # a Note is worded by the views; str() gives its English
        super().__init__(f"{source}: " + "; ".join(map(str, problems)))


class _Strict(BaseModel):
    # allow_inf_nan=False: `.inf` or `.nan` as points, a target or a threshold is a spec error, not a score.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


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
    """Step table, highest step first: the first step whose `at_least` the value reaches scores.

    `percent`: the value is a percentage (`Tỷ lệ văn bản đi được ký số`: 90 % → 20 points), so the
    steps are in percent, an Excel percent cell (0.925 shown 92,5 %) reads 92.5, bare fractions are
    settled as a percent-scale ratio's are (dti/engine/scales.py), and the template collects a 0-100 %."""

    kind: Literal["thresholds"]
    steps: list[Step] = Field(min_length=1)
    percent: bool = False


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


class Band(_Strict):
    """A grade the decision gives a total (`Loại Tốt: từ 80 điểm trở lên`): its names as the decision
    writes them and its lower bound, inclusive, in points of the total (`scale: points`) or in value 0–1
    (`scale: value`). The band above starts where this one ends (`từ 65 đến dưới 80 điểm`)."""

    name_vi: str = Field(min_length=1)
    name_en: str = ""
    at_least: float = Field(ge=0)
    scale: Literal["points", "value"] = "points"

    def name(self, lang: str) -> str:
        """The band's name in `lang` (Vietnamese when it has no English name)."""
        return self.name_en if lang == "en" and self.name_en else self.name_vi


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
    bands: list[Band] = Field(default_factory=list)  # grades, highest first (the decision's `Xếp loại`)
    # spec check: bands in order, one scale, bounds within the total (check.py)

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
        from dti.spec.graph import Graph

        return Graph.build(self)

    def node(self, code: str) -> Node:
        return self.nodes[self.graph.index[code]]

    @property
    def total(self) -> str:
        """The code of the total node: the index itself (DTI)."""
        return next(n.code for n in self.nodes if n.kind == "total")

    def require_scorable(self) -> None:
        """Raise SpecError when the spec's weights are unknown."""
        if self.scorable:
            return
        unknown = [n.code for n in self.nodes if n.is_leaf and n.max_points is None]
        missing = note("spec.problem.no-max-points", codes=unknown) if unknown else ""
        raise SpecError(self.source, [note("spec.problem.not-scorable", id=self.id, unknown=missing)])
