"""The means a unit's report compares it with: national (the table's own mean row when the table does not
hold every unit of the register) and regional (labelled with how many of the region's units it averages)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from dti.analysis.means import published_mean
from dti.engine.submission import PublishedMean
from dti.io.register import UnitRegister
from dti.views.base import Lang
from dti.words import say

Labelled = tuple[str, pd.Series] | None


def unit_means(
    values: pd.DataFrame, means: Sequence[PublishedMean], register: UnitRegister, unit: str, lang: Lang
) -> tuple[Labelled, Labelled]:
    """The national and regional means of each column (`values`: units x codes) beside `unit`, labelled."""
    size = register.strict and len(register.names) or 0
    national = mean_of(values, "notes.report-table-mean", lang, size)
    given = {c: published_mean(means, c) for c in values.columns}
    if size and int(values.notna().sum().max()) < size and any(given.values()):  # the table's own mean row
        published = pd.Series({c: np.nan if m is None else m.value for c, m in given.items()}, dtype=float)
        national = say("notes.report-published-mean", lang), published
    region = register.regions.get(unit, "")
    peers = [u for u in values.index if region and register.regions.get(u) == region]
    regional = mean_of(values.loc[peers], "notes.report-regional-mean", lang, 0, region=region)
    of = sum(r == region for r in register.regions.values()) if size and region else 0
    if regional is not None and of and len(peers) < of:  # some units of the region: not its mean
        count = int(values.loc[peers].notna().sum().max())
        regional = say("notes.report-regional-part", lang, count=count, of=of, region=region), regional[1]
    return national, regional


def mean_of(values: pd.DataFrame, key: str, lang: Lang, register_size: int, **params: Any) -> Labelled:
    """The mean of each column over the units that have it (NaN under two), and its label: the national
    mean when the units are all the register's."""
    counts = values.notna().sum()
    count = int(counts.max()) if len(counts) else 0
    if count < 2:
        return None
    if register_size and count >= register_size:
        key = "notes.report-national-mean"
    return say(key, lang, count=count, **params), values.mean().where(counts >= 2)
