"""Neutral tables built from library objects, with Vietnamese (default) or English labels.

A View holds raw values (floats, ints, None, text); the writers format them. Beside the views are the
machine-readable builders behind `--format json` and `--format csv`, whose keys never change with the
language. Submodules load on first use: the score views need no pandas, the rank views do.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dti.views.base import Column, Kind, Lang, View, word

if TYPE_CHECKING:
    from dti.views.rank import rank_frame, rank_table, unit_years
    from dti.views.review import targets, targets_data, targets_frame
    from dti.views.score import (
        score_columns,
        score_data,
        score_frame,
        score_table,
        warnings_line,
    )
    from dti.views.score_unit import unit_breakdown
    from dti.views.spec import spec_list, spec_tree
    from dti.views.validation import issues, issues_frame

_HOME = {
    "issues": "dti.views.validation",
    "issues_frame": "dti.views.validation",
    "targets": "dti.views.review",
    "targets_data": "dti.views.review",
    "targets_frame": "dti.views.review",
    "rank_frame": "dti.views.rank",
    "rank_table": "dti.views.rank",
    "unit_years": "dti.views.rank",
    "score_columns": "dti.views.score",
    "score_data": "dti.views.score",
    "score_frame": "dti.views.score",
    "score_table": "dti.views.score",
    "unit_breakdown": "dti.views.score_unit",
    "warnings_line": "dti.views.score",
    "spec_list": "dti.views.spec",
    "spec_tree": "dti.views.spec",
}

__all__ = [
    "Column",
    "Kind",
    "Lang",
    "View",
    "issues",
    "issues_frame",
    "rank_frame",
    "rank_table",
    "score_columns",
    "score_data",
    "score_frame",
    "score_table",
    "spec_list",
    "spec_tree",
    "targets",
    "targets_data",
    "targets_frame",
    "unit_breakdown",
    "unit_years",
    "warnings_line",
    "word",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'dti.views' has no attribute {name!r}")
