"""The json and csv shapes of `dti gaps`: one unit's components, owners, what-if and next places, or
every unit's losses by main index and owner (the tables are in dti/views/gaps.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.gaps import Gaps, Group, by_main, by_owner
from dti.analysis.whatif import NextUp, WhatIf
from dti.views.base import Coded, as_float


def _group_data(found: list[Group]) -> list[dict[str, Any]]:
    return [
        {
            "owner": g.name,
            "lost": g.lost,
            "at_stake": g.at_stake,
            "share": g.share,
            "components": g.components,
        }
        for g in found
    ]


def unit_data(gaps: Gaps, unit: str, scenario: WhatIf | None, found: list[NextUp]) -> dict[str, Any]:
    """The issue's JSON shape: unit, spec, components, owners, whatif (or null), next_up."""
    i = gaps.unit(unit)
    spec = gaps.spec
    whatif = None
    if scenario is not None:
        j = spec.graph.index[spec.total]
        whatif = {
            "assumed": scenario.assumed,
            "closed": scenario.closed,
            "points": as_float(scenario.points[j]),
            "value": as_float(scenario.values[j]),
            "rank": int(scenario.rank[j]) or None,
            "places_gained": scenario.places_gained(j),
            "nodes": {
                code: {"points": as_float(p), "value": as_float(v), "rank": int(r) or None}
                for code, p, v, r in zip(
                    spec.graph.codes, scenario.points, scenario.values, scenario.rank, strict=True
                )
            },
        }
    return {
        "unit": unit,
        "spec": spec.id,
        "components": [
            {
                "code": code,
                "owner": gaps.owner[k],
                "points": as_float(gaps.points[i, k]),
                "max": float(gaps.max[k]),
                "lost": as_float(gaps.lost[i, k]),
                "at_stake": as_float(gaps.at_stake[i, k]),
            }
            for k, code in enumerate(gaps.codes)
        ],
        "owners": _group_data(by_owner(gaps, unit)) if gaps.owners is not None else [],
        "main": [{"main": d.pop("owner"), **d} for d in _group_data(by_main(gaps, unit))],
        "whatif": whatif,
        "next_up": [
            {"node": n.node, "unit_above": n.unit_above, "points_needed": n.points_needed, "closes": n.closes}
            for n in found
        ],
    }


def frame(gaps: Gaps, unit: str | None = None) -> dict[str, Any]:
    """The csv table: one row per unit × component (or one unit's components)."""
    rows = slice(None) if unit is None else slice(i := gaps.unit(unit), i + 1)
    count, n = len(gaps.points[rows]), len(gaps.codes)
    units = np.array(gaps.result.unit_codes[rows], dtype=object)
    each = np.tile(np.arange(n, dtype=np.int32), count)  # the component of each row
    return {
        "unit": Coded(units, np.repeat(np.arange(count, dtype=np.int32), n)),
        "code": Coded(np.array(gaps.codes, dtype=object), each),
        "owner": Coded(np.array([o or "" for o in gaps.owner], dtype=object), each),
        "points": gaps.points[rows].ravel(),  # views of units × leaves matrices: no copy
        "max": Coded(gaps.max, each),  # each component's max, written once per row by the writer
        "lost": gaps.lost[rows].ravel(),
        "at_stake": gaps.at_stake[rows].ravel(),
    }


def province_data(gaps: Gaps, moved: tuple[np.ndarray, np.ndarray] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "spec": gaps.spec.id,
        "units": len(gaps.points),
        "main": [{"main": d.pop("owner"), **d} for d in _group_data(by_main(gaps))],
        "owners": _group_data(by_owner(gaps)) if gaps.owners is not None else [],
        "whatif": None,
    }
    if moved is not None:
        new, places = moved
        data["whatif"] = {
            u: {"value": as_float(v), "places_gained": int(p)}
            for u, v, p in zip(gaps.result.unit_codes, new.tolist(), places.tolist(), strict=True)
        }
    return data
