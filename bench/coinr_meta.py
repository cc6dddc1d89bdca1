"""Flatten a DTI spec's tree into the small leaf-metadata CSV that bench/coinr.R reads.

    python bench/coinr_meta.py [--spec SPEC.yaml] [--out bench/out/coinr_meta.csv]

One row per component and main index, plus the total: code, parent (the main index; for a main, the
total), level (1 component, 2 main, 3 total), max_points, rule kind, ratio target and scale, threshold
steps as `at_least:points|…` (highest step first) and choice options as `name=points|…`. Reads the YAML
directly (not the dti package), so the R benchmark needs nothing but this file and the data.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def rows(spec: dict) -> list[dict[str, object]]:
    nodes = spec["nodes"]
    total = next(n for n in nodes if n["kind"] == "total")
    parent = {child: total["code"] for child in total["children"]}
    for node in nodes:
        if node["kind"] == "main":
            parent.update({child: node["code"] for child in node["children"]})
    out = [{"code": total["code"], "parent": "", "level": 3, "max_points": total["max_points"], "rule": ""}]
    for node in nodes:
        if node["kind"] not in ("main", "component"):
            continue  # pillars share the foundation mains: a DAG that COINr's tree cannot hold
        rule = node.get("rule") or {}
        row: dict[str, object] = {
            "code": node["code"],
            "parent": parent[node["code"]],
            "level": 2 if node["kind"] == "main" else 1,
            "max_points": node.get("max_points") or 0,
            "rule": rule.get("kind", ""),
            "target": rule.get("target", ""),
            "scale": rule.get("scale", "percent" if rule.get("kind") == "ratio" else ""),
        }
        if rule.get("kind") == "thresholds":
            ats = [s["at_least"] for s in rule["steps"]]
            assert ats == sorted(ats, reverse=True), node["code"]
            row["steps"] = "|".join(f"{s['at_least']}:{s['points']}" for s in rule["steps"])
        if rule.get("kind") == "choice":
            assert not any("|" in k or "=" in k for k in rule["options"]), node["code"]
            row["options"] = "|".join(f"{k}={v}" for k, v in rule["options"].items())
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", type=Path, default=ROOT / "indicator_specs" / "dti-province-2022.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "coinr_meta.csv")
    args = parser.parse_args()
    spec = yaml.safe_load(args.spec.read_text(encoding="utf-8"))
    fields = ["code", "parent", "level", "max_points", "rule", "target", "scale", "steps", "options"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, restval="")
        writer.writeheader()
        writer.writerows(rows(spec))
    print(args.out)


if __name__ == "__main__":
    main()
