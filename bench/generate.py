"""Write a seeded wide data file of N units for any spec, plus its unit register.

    python bench/generate.py --units 10000 --spec dti-province-2022 --out bench/out [--xlsx]

Writes OUT/data_N.csv (unit then one column per leaf, Vietnamese-formatted values, ~1 % missing) and
OUT/units_N.csv (code,name,region), the inputs of `dti score DATA --units REGISTER`. `previous()` writes
the year before (OUT/data_N_prev.csv, another seed); `workbook()` the same data as OUT/data_N.xlsx, typed
as an office types it: ratios as numbers in a percent format, counts and points as numbers, words as text.
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


def table(n: int, spec_id: str, seed: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The data's columns (unit, then one per leaf) and the units' regions."""
    spec = load_spec(spec_id)
    rng = np.random.default_rng(seed)
    level = rng.beta(4, 4, size=n)
    data = {"unit": np.array([f"U{i:05d}" for i in range(n)])}
    for node in spec.nodes:
        if node.is_leaf:
            cells = column(spec, node.code, level, rng)
            cells[rng.random(n) < 0.01] = ""
            data[node.code] = cells
    return data, np.array(["Miền Bắc", "Miền Trung", "Miền Nam"])[rng.integers(0, 3, n)]


def generate(n: int, spec_id: str, out: Path, seed: int = 7) -> tuple[Path, Path]:
    data, regions = table(n, spec_id, seed)
    out.mkdir(parents=True, exist_ok=True)
    data_path, register_path = out / f"data_{n}.csv", out / f"units_{n}.csv"
    pd.DataFrame(data).to_csv(data_path, index=False)
    codes = data["unit"]
    pd.DataFrame({"code": codes, "name": [f"Xã {i}" for i in range(n)], "region": regions}).to_csv(
        register_path, index=False
    )
    return data_path, register_path


def previous(n: int, spec_id: str, out: Path) -> Path:
    """The year before: the same units, other values (seed 8)."""
    data, _ = table(n, spec_id, seed=8)
    path = out / f"data_{n}_prev.csv"
    pd.DataFrame(data).to_csv(path, index=False)
    return path


def workbook(n: int, spec_id: str, out: Path, seed: int = 7) -> Path:
    """The data of generate(n) as an XLSX (kept when already there: writing it takes seconds)."""
    import xlsxwriter

    path = out / f"data_{n}.xlsx"
    if path.exists():
        return path
    data, _ = table(n, spec_id, seed)
    out.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path))  # shared strings, as Excel and LibreOffice write them
    sheet = book.add_worksheet("Số liệu")
    percent = book.add_format({"num_format": "0.00%"})
    sheet.write_row(0, 0, list(data))
    columns = list(data.values())
    for r in range(n):
        for c, cells in enumerate(columns):
            text = cells[r]
            if not text:
                continue
            if text.endswith("%"):
                sheet.write_number(r + 1, c, round(float(text[:-1].replace(",", ".")) / 100, 6), percent)
            elif c and text[0].isdigit():
                sheet.write_number(r + 1, c, float(text.replace(",", ".")))
            else:
                sheet.write_string(r + 1, c, text)
    book.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--spec", default="dti-province-2022")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--xlsx", action="store_true", help="also write the data as an XLSX")
    args = parser.parse_args()
    for path in generate(args.units, args.spec, args.out):
        print(path)
    if args.xlsx:
        print(workbook(args.units, args.spec, args.out))


if __name__ == "__main__":
    main()
