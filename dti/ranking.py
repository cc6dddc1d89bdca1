"""Ranks over years: value changes, places gained or lost, regions and the 2025 mergers."""

from __future__ import annotations

import numpy as np
import pandas as pd


def changes(
    before_values: pd.Series, before_ranks: pd.Series, after_values: pd.Series, after_ranks: pd.Series
) -> pd.DataFrame:
    """Per unit: relative value change in percent and rank change in places (+ = moved up)."""
    units = after_values.index.union(before_values.index, sort=False)
    old, new = before_values.reindex(units).astype(float), after_values.reindex(units).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(old > 0, (new - old) / old * 100, np.nan)
    places = before_ranks.reindex(units).astype("Int64") - after_ranks.reindex(units).astype("Int64")
    return pd.DataFrame({"value_pct": pct, "places": places}, index=units)
