"""Neutral tables built from library objects, with Vietnamese (default) or English labels.

A View holds raw values (floats, ints, None, text); the writers format them. Beside the views are the
machine-readable builders behind `--format json` and `--format csv`, whose keys never change with the
language.
"""

from dti.views.base import Column, Kind, Lang, View, total_code, word
from dti.views.issues import issues, issues_frame, targets, targets_data, targets_frame
from dti.views.rank import rank_frame, rank_table, unit_years
from dti.views.score import score_columns, score_data, score_frame, score_table, unit_breakdown, warnings_line
from dti.views.spec import spec_list, spec_tree

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
    "total_code",
    "unit_breakdown",
    "unit_years",
    "warnings_line",
    "word",
]
