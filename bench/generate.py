"""Write a seeded wide data file of N units for any spec, plus its unit register.

    python bench/generate.py --units 10000 --spec dti-province-2022 --out bench/out

Writes OUT/data_N.csv (unit then one column per leaf, Vietnamese-formatted values, ~1 % missing) and
OUT/units_N.csv (code,name,region), the inputs of `dti score DATA --units REGISTER`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from dti.spec import ChoiceRule, RatioRule, Spec, ThresholdsRule, load_spec


def column(spec: Spec, code: str, level: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One leaf's cells for every unit, as text a unit would type."""
    rule = spec.node(code).rule
    quality = np.clip(rng.normal(level, 0.15), 0, 1)
    if isinstance(rule, RatioRule):
        value = np.minimum(rule.target * quality * rng.uniform(0.8, 1.15, len(level)), 100)
        text = pd.Series(np.round(value, 2)).map("{:.2f}".format).str.replace(".", ",", regex=False)
        return (text + "%").to_numpy()
    if isinstance(rule, ThresholdsRule):
        return np.round(rule.steps[0].at_least * quality * 1.3).astype(int).astype(str)
    if isinstance(rule, ChoiceRule):
        options = np.array(list(rule.options))
        return options[np.minimum(((1 - quality) * len(options)).astype(int), len(options) - 1)]
    if rule is not None and rule.kind == "yesno":
        return np.where(rng.random(len(level)) < 0.3 + 0.7 * quality, "có", "không")
    if rule is not None and rule.kind == "points":
        top = spec.node(code).max_points or 0
        return pd.Series(np.round(top * quality * 2) / 2).map("{:g}".format).str.replace(".", ",").to_numpy()
    return np.full(len(level), "")


def generate(n: int, spec_id: str, out: Path, seed: int = 7) -> tuple[Path, Path]:
    spec = load_spec(spec_id)
    rng = np.random.default_rng(seed)
    level = rng.beta(4, 4, size=n)
    codes = [f"U{i:05d}" for i in range(n)]
    data = {"unit": codes}
    for node in spec.nodes:
        if node.is_leaf:
            cells = column(spec, node.code, level, rng)
            cells[rng.random(n) < 0.01] = ""
            data[node.code] = cells
    out.mkdir(parents=True, exist_ok=True)
    data_path, register_path = out / f"data_{n}.csv", out / f"units_{n}.csv"
    pd.DataFrame(data).to_csv(data_path, index=False)
    regions = np.array(["Miền Bắc", "Miền Trung", "Miền Nam"])[rng.integers(0, 3, n)]
    pd.DataFrame({"code": codes, "name": [f"Xã {i}" for i in range(n)], "region": regions}).to_csv(
        register_path, index=False
    )
    return data_path, register_path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--spec", default="dti-province-2022")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    for path in generate(args.units, args.spec, args.out):
        print(path)


if __name__ == "__main__":
    main()
