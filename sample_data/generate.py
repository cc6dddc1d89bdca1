"""Write the bundled sample data (seeded, so the files are reproducible).

    python sample_data/generate.py

Writes component-level submissions for the 63 provinces for 2023 and 2024 on dti-province-2022
(long layout: unit,name,indicator,value,stage), a main-index table shaped like the ministry's published
one, and the deliberately broken files under sample_data/broken/. The figures are invented: plausible
spreads, a few missing values, a few ratios above 100 %, some self-assessed/verified pairs.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import numpy as np

from dti.io.register import PROVINCES
from dti.numbers import format_vi
from dti.spec import ChoiceRule, RatioRule, Spec, ThresholdsRule, load_spec

HERE = Path(__file__).parent
MISSING_TOKENS = ["", "-", "Chưa có số liệu", "N/A"]


def _provinces() -> list[tuple[str, str]]:
    with PROVINCES.open(encoding="utf-8") as handle:
        return [(r["code"], r["name"]) for r in csv.DictReader(handle)]


def _token(spec: Spec, code: str, level: float, rng: np.random.Generator) -> str:
    """One raw cell as a province would type it, for a unit whose capability is `level` (0..1)."""
    node = spec.node(code)
    rule, top = node.rule, node.max_points or 0
    quality = float(np.clip(rng.normal(level, 0.15), 0, 1))
    if isinstance(rule, RatioRule):
        value = min(rule.target * quality * rng.uniform(0.8, 1.15), 100.0 if rule.scale == "percent" else 1.0)
        if code == "HDKT.10":  # bank accounts per 100 adults: above 100 % happens
            value = rng.uniform(60, 190)
        if rule.scale == "fraction":
            return format_vi(value, 4)
        return format_vi(value, 2) + ("%" if rng.random() < 0.8 else "")
    if isinstance(rule, ThresholdsRule):
        return str(int(round(rule.steps[0].at_least * quality * 1.3)))
    if isinstance(rule, ChoiceRule):
        options = list(rule.options)  # best first
        return options[min(int((1 - quality) * len(options)), len(options) - 1)]
    if rule is not None and rule.kind == "yesno":
        return "có" if rng.random() < 0.3 + 0.7 * quality else "không"
    if rule is not None and rule.kind == "points":
        return format_vi(round(top * quality * 2) / 2, 1).removesuffix(",0")
    return "có" if rng.random() < level else "không"  # not scored: collected all the same


def write_year(spec: Spec, year: int, levels: np.ndarray, rng: np.random.Generator) -> Path:
    leaves = [n.code for n in spec.nodes if n.is_leaf]
    path = HERE / f"{year}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["unit", "name", "indicator", "value", "stage"])
        for (code, name), level in zip(_provinces(), levels, strict=True):
            appraised = rng.random() < 0.15  # this province's self-assessment was appraised
            for leaf in leaves:
                token = _token(spec, leaf, level, rng)
                if rng.random() < 0.01:
                    token = str(rng.choice(MISSING_TOKENS))
                if appraised and rng.random() < 0.1 and token:
                    out.writerow([code, name, leaf, _token(spec, leaf, min(level + 0.2, 1), rng), "self"])
                    out.writerow([code, name, leaf, token, "verified"])
                else:
                    out.writerow([code, name, leaf, token, ""])
    return path


def write_published(spec: Spec, source: Path, year: int) -> None:
    """A main-index table shaped like the ministry's: values with 4 decimals, decimal comma, rank."""
    from dti.engine.build import read_submission
    from dti.engine.scoring import score
    from dti.io.register import UnitRegister

    result = score(spec, read_submission(source, spec, UnitRegister.provinces()))
    mains = [n.code for n in spec.nodes if n.kind == "main"]
    with (HERE / f"published_{year}.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["unit", "name", "year", *mains, "rank"])
        for unit in result.units.index:
            values = [
                "" if np.isnan(result.values.at[unit, c]) else format_vi(result.values.at[unit, c], 4)
                for c in mains
            ]
            out.writerow([unit, result.units.at[unit, "name"], year, *values, result.ranks.at[unit, "DTI"]])


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letter (ơ, ô, ă...) followed by a combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def write_broken() -> None:
    """Files in which every issue code of `dti validate` appears at least once."""
    folder = HERE / "broken"
    folder.mkdir(exist_ok=True)
    rows = [
        "unit;indicator;value;stage;note;note",  # duplicate header
        "01;HTS.01;86,32%;;;",
        "01;HTS.02;abc;;;",  # non-numeric
        "01;HTS.03;1.234;;;",  # ambiguous number (and then above 100 %)
        "01;HTS.07;-3;;;",  # negative value
        "01;NLS.13;9;;;",  # points above the maximum (6)
        "01;HDKT.10;187,5%;;;",  # above 100 %: warning
        "01;HTS.06;-;;;",  # missing value
        "01;HTS.99;50%;;;",  # unknown indicator
        "01;NTS.01;bí thư;;;",  # not an option
        "01;HTS.01;80%;;;",  # duplicate entry
        "1;HTS.01;70%;;;",  # leading zero lost
        "Hà Nội mới;HTS.01;70%;;;",  # unknown unit
        "48;NTS;0,7;;;",  # a main index given…
        "48;NTS.02;4;;;",  # …together with its component
        "48;CQS;1,2;;;",  # a pillar value above 1
        "48;HTS.01;75%;review;;",  # unknown stage
        ";;;;;",  # blank row
        "79;HTS.01;90%;;;extra;cells",  # ragged row
        "79;HTS.02;Thừa Thiên Huế;;;",  # non-numeric with Vietnamese text
    ]
    # A legacy Windows-1258 export: tone marks stored as combining characters, CRLF line ends.
    (folder / "submission.csv").write_bytes(_cp1258("\r\n".join(rows) + "\r\n"))
    (folder / "no_value_column.csv").write_text("unit,indicator\n01,HTS.01\n", encoding="utf-8")
    (folder / "scores.ods").write_bytes(b"PK\x03\x04 not really an OpenDocument file")
    (folder / "corrupt.xlsx").write_bytes(b"this is not a zip archive")


def main() -> None:
    spec = load_spec("dti-province-2022")
    rng = np.random.default_rng(2024)
    levels_2023 = rng.beta(4, 4, size=63)
    write_year(spec, 2023, levels_2023, rng)
    levels_2024 = np.clip(levels_2023 + rng.normal(0.05, 0.05, size=63), 0, 1)
    write_year(spec, 2024, levels_2024, rng)
    write_published(spec, HERE / "2023.csv", 2023)
    write_broken()


if __name__ == "__main__":
    main()
