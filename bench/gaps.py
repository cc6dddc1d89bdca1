"""Benchmark `dti gaps`' engine: what-ifs as one matrix product against the per-unit / per-scenario loop.

    python bench/gaps.py [--units 10000] [--repeat 5]

On the generated communes of bench/generate.py (dti-province-2022, 98 components):

* build: the gaps of every unit (points, lost, at stake, owners, the leaf → node reach matrix);
* every unit closes its 3 largest gaps, new total and places among the others: `everywhere` (one sort,
  one product) against calling `what_if` unit by unit (timed on 200 units, scaled to all);
* 1,000 candidate gap sets of one unit: `scenarios` (one product) against one `graph.aggregate` per set;
* distance to the next place of the total and the three pillars for one unit.

Each figure is the median of --repeat runs after a warm-up; the two references give the same numbers as
the engine (checked before timing).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from dti.analysis import gaps as engine
from dti.analysis import whatif
from dti.io.register import UnitRegister
from dti.pipeline import evaluate
from dti.spec import load_spec
from dti.tracking.owners import read_owners

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    spec = load_spec("dti-province-2022")
    data, units = HERE / "out" / f"data_{args.units}.csv", HERE / "out" / f"units_{args.units}.csv"
    if not data.exists():
        data, units = generate(args.units, spec.id, HERE / "out")
    run = evaluate(data, spec, UnitRegister.read(units))
    assert run.result is not None
    owners = read_owners(HERE.parent / "sample_data" / "owners.csv", spec)
    gaps = engine.build(run.result, owners)
    n = len(gaps.gap)
    total = "DTI"
    t = spec.graph.index[total]

    # every unit closes its 3 largest gaps: one product, against a loop over units doing the same numpy work
    top, old = spec.graph.max_points[t], run.result.values_matrix[:, t]
    scale = 10.0**spec.precision

    def per_unit() -> np.ndarray:
        keys = np.sort(np.floor(old * scale + 0.5 + 1e-9))
        out = np.zeros(n, dtype=int)
        for u in range(n):
            order = np.argsort(-gaps.gap[u], kind="stable")[:3]
            new = old[u] + gaps.gap[u, order] @ gaps.reach[order, t] / top
            before = len(keys) - np.searchsorted(keys, np.floor(old[u] * scale + 0.5 + 1e-9), side="right")
            after = len(keys) - np.searchsorted(keys, np.floor(new * scale + 0.5 + 1e-9), side="right")
            out[u] = before - after
        return out

    _, places = whatif.everywhere(gaps, {}, 3, total)
    assert (per_unit() == places).all()
    for unit in run.result.unit_codes[:10]:  # and the library's own one-unit what-if agrees
        u = gaps.unit(unit)
        assert whatif.what_if(gaps, unit, {}, 3).places_gained(t) == places[u]
    every = median_seconds(lambda: whatif.everywhere(gaps, {}, 3, total), args.repeat)
    loop = median_seconds(per_unit, args.repeat)
    one = median_seconds(lambda: whatif.what_if(gaps, run.result.unit_codes[0], {}, 3), args.repeat)

    # 1,000 candidate gap sets of one unit: one product, against one aggregate per set
    rng = np.random.default_rng(3)
    i = n // 2
    sets = rng.random((1000, len(gaps.codes))) < 0.1
    new = np.where(sets, gaps.max, np.nan_to_num(gaps.points[i]))

    def one_by_one() -> np.ndarray:
        out = np.empty((len(new), len(spec.graph.codes)))
        base = np.zeros(len(spec.graph.codes))
        for s in range(len(new)):
            base[:] = 0
            base[gaps.leaves] = new[s]
            out[s] = spec.graph.aggregate(base)
        return out

    points, _ = whatif.scenarios(gaps, i, new)
    assert np.allclose(points, one_by_one())
    product = median_seconds(lambda: whatif.scenarios(gaps, i, new), args.repeat)
    aggregates = median_seconds(one_by_one, args.repeat)

    unit = run.result.unit_codes[i]
    built = median_seconds(lambda: engine.build(run.result, owners), args.repeat)
    nodes = engine.ranked_nodes(spec)
    nexts = median_seconds(lambda: whatif.next_up(gaps, unit, nodes), args.repeat)

    print(f"{n:,} units × {len(gaps.codes)} components, median of {args.repeat}\n")
    print("| step | dti gaps | reference | speed-up |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| gaps of every unit (build) | {built * 1000:.1f} ms | | |")
    print(
        f"| every unit closes its 3 largest gaps, new rank among the others | {every * 1000:.1f} ms | "
        f"{loop * 1000:.0f} ms (numpy loop over units) | {loop / every:,.0f}× |"
    )
    print(
        f"| 1,000 gap sets of one unit, every node | {product * 1000:.2f} ms | "
        f"{aggregates * 1000:.1f} ms (aggregate per set) | {aggregates / product:,.0f}× |"
    )
    print(f"| one unit's what-if (--close 3), every node's new rank | {one * 1000:.1f} ms | | |")
    print(f"| next places of the total and 3 pillars, one unit | {nexts * 1000:.1f} ms | | |")


if __name__ == "__main__":
    main()
