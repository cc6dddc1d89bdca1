"""Methodology specs: a DAG of nodes with scoring rules, loaded from and dumped to YAML."""

from dti.spec.check import check
from dti.spec.graph import Graph
from dti.spec.io import (
    SpecUnreadable,
    bundled_specs,
    dump_spec,
    load_spec,
    parse_spec,
    spec_for_year,
    spec_nodes_frame,
    spec_summary,
    spec_to_dict,
)
from dti.spec.model import (
    NUMERIC_RULES,
    RULE_KINDS,
    SPEC_DIRS,
    ChoiceRule,
    Node,
    NotScoredRule,
    PointsRule,
    RatioRule,
    Rule,
    Spec,
    SpecError,
    Step,
    ThresholdsRule,
    YesNoRule,
)

__all__ = [
    "NUMERIC_RULES",
    "RULE_KINDS",
    "SPEC_DIRS",
    "ChoiceRule",
    "Graph",
    "Node",
    "NotScoredRule",
    "PointsRule",
    "RatioRule",
    "Rule",
    "Spec",
    "SpecError",
    "SpecUnreadable",
    "Step",
    "ThresholdsRule",
    "YesNoRule",
    "bundled_specs",
    "check",
    "dump_spec",
    "load_spec",
    "parse_spec",
    "spec_for_year",
    "spec_nodes_frame",
    "spec_summary",
    "spec_to_dict",
]
