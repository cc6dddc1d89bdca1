"""The means a unit's report compares it with: national (the table's own mean row when the table does not
hold every unit of the register) and regional (labelled with how many of the region's units it averages)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.means import published_mean
from dti.analysis.ranking import YearTable
from dti.io.register import UnitRegister
from dti.views.base import Lang, region_name
from dti.words import say

Labelled = tuple[str, dict[str, float | None]] | None  # the label, and the mean of each code


def unit_means(
    table: YearTable, codes: list[str], register: UnitRegister, unit: str, lang: Lang
) -> tuple[Labelled, Labelled]:
    """The national and regional means of each of `codes` beside `unit`, labelled."""
    size = register.strict and len(register.names) or 0
    matrix = table.value_matrix[:, [table.spec.graph.index[c] for c in codes]]
    # the mean of every unit of the register is the nation's for provinces only (a commune index's is the
    # mean of its communes: 'Trung bình 6 đơn vị trong bảng', a new user's finding)
    # nor of a province-kind spec scored for communes (--units of 5,000 communes, a new user's finding)
    whole = size if table.spec.unit_kind == "province" and register.nationwide else 0
    national = mean_of(matrix, codes, "notes.report-table-mean", lang, whole)
    given = {c: published_mean(table.means, c) for c in codes}
    if size and int((~np.isnan(matrix)).sum(axis=0).max()) < size and any(given.values()):
        published = {c: None if m is None else m.value for c, m in given.items()}  # the table's own mean row
        national = say("notes.report-published-mean", lang), published
    region = register.regions.get(unit, "")
    peers = np.array([bool(region) and register.regions.get(u) == region for u in table.units], dtype=bool)
    named = region_name(region, lang)
    regional = mean_of(matrix[peers], codes, "notes.report-regional-mean", lang, 0, region=named)
    of = sum(r == region for r in register.regions.values()) if size and region else 0
    if regional is not None and of and peers.sum() < of:  # some units of the region: not its mean
        count = int((~np.isnan(matrix[peers])).sum(axis=0).max())
        regional = say("notes.report-regional-part", lang, count=count, of=of, region=named), regional[1]
    return national, regional


def mean_of(
    matrix: np.ndarray, codes: list[str], key: str, lang: Lang, register_size: int, **params: Any
) -> Labelled:
    """The mean of each column (units × `codes`) over the units that have it (None under two), and its
    label: the national mean when the units are all the register's."""
    block = np.ascontiguousarray(matrix.T)  # codes × units: each code's units summed as pandas does
    known = ~np.isnan(block)
    counts = known.sum(axis=1)
    count = int(counts.max()) if len(counts) else 0
    if count < 2:
        return None
    if register_size and count >= register_size:
        key = "notes.report-national-mean"
    sums = np.where(known, block, 0.0).sum(axis=1)
    means = {c: float(sums[j] / counts[j]) if counts[j] >= 2 else None for j, c in enumerate(codes)}
    return say(key, lang, count=count, **params), means
