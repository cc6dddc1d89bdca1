"""The `dti robust` views: rank intervals per unit, the sensitivity indices, and the report section."""

from __future__ import annotations

from typing import Any, cast

import numpy as np

from dti.analysis.robust import Robustness
from dti.views.base import Column, Lang, View, narrow_hint, word
from dti.views.document import Chart, Decimal, Fact, Section, Series
from dti.words import say


def model_notes(out: Robustness, lang: Lang, decimal: Decimal | None = None) -> list[str]:
    """What the data allowed, worded: figures imputed, figures awaiting verification, units left out."""
    return [w(f"note.{key}", lang, n=count(n, lang, decimal)) for key, n in out.model.notes]


def w(key: str, lang: Lang, **params: Any) -> str:
    """A word or sentence of the robust views (dti/words/analysis.py, `analysis.robust.*`)."""
    return say(f"analysis.robust.{key}", lang, **params)


def mark(lang: Lang, decimal: Decimal | None) -> Decimal:
    """The decimal mark asked for, else the language's (vi: comma, en: dot)."""
    return decimal or cast(Decimal, w("decimal-mark", lang))


def count(n: int, lang: Lang, decimal: Decimal | None = None) -> str:
    """Thousands grouped with the mark that is not the decimal one: 1.000 beside 0,50; 1,000 beside 0.50."""
    return f"{n:,}".replace(",", "." if mark(lang, decimal) == "," else ",")


def num(text: str, lang: Lang, decimal: Decimal | None) -> str:
    """A number written with a dot, in the decimal mark asked for."""
    return text.replace(".", ",") if mark(lang, decimal) == "," else text


def order(out: Robustness, units: list[int] | None = None) -> list[int]:
    """The units shown (all, or those chosen), by nominal rank."""
    shown = np.arange(len(out.nominal)) if units is None else np.array(units, dtype=int)
    return [int(i) for i in shown[np.argsort(out.nominal[shown], kind="stable")]]


def shown_p(p: float) -> float:
    """A probability as a table shows it at 2 decimals, never rounded to certainty: 0,999 is 0,99 and
    0,004 is 0,01 (the json keeps the exact share)."""
    return float(p) if p in (0.0, 1.0) else min(max(float(p), 0.01), 0.99)


def settings_line(out: Robustness, lang: Lang, decimal: Decimal | None = None) -> str:
    s = out.settings
    spread = num(f"{s.weights * 100:g}", lang, decimal)
    return w(
        "settings",
        lang,
        draws=count(s.draws, lang, decimal),
        seed=s.seed,
        spread=spread,
        missing=w(f"missing.{s.missing}", lang),
        pending=w("settings-pending", lang) if s.self_verified else "",
    )


def cause(out: Robustness, unit: int, lang: Lang, decimal: Decimal | None = None) -> str:
    """The draw of the largest swing and what it drew: the two largest weight changes, the missing rule."""
    if out.swing[unit] == 0:
        return ""
    inputs = out.inputs(unit)
    weights: dict[str, float] = inputs["weights"]  # type: ignore[assignment]
    largest = sorted(weights, key=lambda c: -abs(weights[c]))[:2]
    parts = [f"{c} {weights[c]:+.0f} %" for c in largest]
    if inputs["missing"] is not None:
        imputed = inputs["missing"] == "imputed"
        parts.append(w("cause-imputed" if imputed else "cause-zero", lang))
    if inputs["self"] is not None:
        drawn = num(f"{inputs['self']:.2f}", lang, decimal)
        parts.append(w("cause-self", lang, value=drawn))
    return w("cause", lang, draw=inputs["draw"], parts=parts)


def robust_table(
    out: Robustness, units: list[int] | None = None, lang: Lang = "vi", decimal: Decimal | None = None
) -> list[View]:
    s, model = out.settings, out.model
    columns = [
        Column("unit", word("unit", lang)),
        Column("name", word("name", lang)),
        Column("rank", word("rank", lang), "int", strong=True),
        Column("median_rank", w("median", lang), "int"),
        Column("p05", "p05", "int"),
        Column("p95", "p95", "int"),
        Column("p_top10", f"P(top {s.top})", "value", 2),
        Column("p_band", f"P(±{s.band})", "value", 2),
        Column("swing", w("swing", lang), "places"),
        Column("cause", w("caused-by", lang), optional=1),
    ]
    rows = [
        {
            "unit": model.units[i],
            "name": model.names[i],
            "rank": out.nominal[i],
            "median_rank": out.median[i],
            "p05": out.p05[i],
            "p95": out.p95[i],
            "p_top10": shown_p(out.p_top[i]),
            "p_band": shown_p(out.p_band[i]),
            "swing": out.swing[i],
            "cause": cause(out, i, lang, decimal),
        }
        for i in order(out, units)
    ]
    title = w("title", lang, code=model.total_code, settings=settings_line(out, lang, decimal))
    lines = [w("legend", lang, band=s.band), *model_notes(out, lang, decimal)]
    views = [View(title, columns, rows, lines, narrow=narrow_hint(lang))]
    if out.sensitivity is not None:
        views.append(sensitivity_table(out, lang, decimal))
    return views


def sensitivity_rows(out: Robustness) -> list[dict[str, Any]]:
    """One row per output and input group: first-order and total index with their 95 % intervals."""
    sens = out.sensitivity
    if sens is None:
        return []
    targets = out.sensitivity_targets
    names = ["mean_abs_shift"] if targets is None else [out.model.units[i] for i in targets]

    def num(value: float) -> float | None:
        return None if not np.isfinite(value) else float(value)

    return [
        {
            "target": name,
            "input": group,
            "first": num(sens.first[k, g]),
            "first_low": num(sens.first_ci[k, g, 0]),
            "first_high": num(sens.first_ci[k, g, 1]),
            "total": num(sens.total[k, g]),
            "total_low": num(sens.total_ci[k, g, 0]),
            "total_high": num(sens.total_ci[k, g, 1]),
        }
        for k, name in sorted(enumerate(names), key=lambda pair: rank_of(out, targets, pair[0]))
        for g, group in enumerate(sens.groups)
    ]


def rank_of(out: Robustness, targets: list[int] | None, k: int) -> int:
    """The nominal rank of the k-th analysed unit (0 for the mean shift): rows follow the table."""
    return 0 if targets is None else int(out.nominal[targets[k]])


def sensitivity_table(out: Robustness, lang: Lang, decimal: Decimal | None = None) -> View:
    rows = sensitivity_rows(out)
    for row in rows:
        if row["target"] == "mean_abs_shift":
            row["target"] = w("mean-shift", lang)
        row["input"] = w(f"input.{row['input']}", lang)
    columns = [
        Column("target", w("output", lang)),
        Column("input", w("input", lang)),
        Column("first", w("first", lang), "value", 2),
        Column("first_low", w("ci-low", lang), "value", 2),
        Column("first_high", w("ci-high", lang), "value", 2),
        Column("total", w("total", lang), "value", 2),
        Column("total_low", w("ci-low", lang), "value", 2),
        Column("total_high", w("ci-high", lang), "value", 2),
    ]
    sens = out.sensitivity
    assert sens is not None
    note = w(
        "sobol",
        lang,
        base=count(sens.base, lang, decimal),
        groups=len(sens.groups) + 2,
        runs=count(sens.runs, lang, decimal),
    )
    return View(w("sensitivity", lang), columns, rows, [note], narrow=narrow_hint(lang))


def robust_data(out: Robustness, units: list[int] | None = None) -> dict[str, Any]:
    """The `--format json` document: keys in English, whatever the language."""
    s = out.settings
    rows = []
    for i in order(out, units):
        inputs = out.inputs(i)
        rows.append(
            {
                "unit": out.model.units[i],
                "name": out.model.names[i],
                "rank": int(out.nominal[i]),
                "median_rank": int(out.median[i]),
                "p05": int(out.p05[i]),
                "p95": int(out.p95[i]),
                "p_top10": float(out.p_top[i]),
                "p_band": float(out.p_band[i]),
                "swing": int(out.swing[i]),
                "swing_draw": inputs["draw"] if out.swing[i] else None,
                "swing_inputs": inputs if out.swing[i] else None,
            }
        )
    sens = out.sensitivity
    return {
        "draws": s.draws,
        "seed": s.seed,
        "by": out.model.total_code,
        "weights_pct": s.weights * 100,
        "missing": s.missing,
        "self_verified": s.self_verified,
        "band": s.band,
        "units": rows,
        "sensitivity": None
        if sens is None
        else {
            "output": "mean_abs_shift" if out.sensitivity_targets is None else "rank",
            "method": "Saltelli 2010 first-order, Jansen total; 95 % bootstrap percentile intervals",
            "base_draws": sens.base,
            "runs": sens.runs,
            "indices": sensitivity_rows(out),
        },
        "notes": model_notes(out, "en"),
    }


def robust_frame(out: Robustness, units: list[int] | None = None) -> dict[str, Any]:
    """The `--format csv` table: one row per unit."""
    rows = order(out, units)
    return {
        "unit": [out.model.units[i] for i in rows],
        "name": [out.model.names[i] for i in rows],
        "rank": out.nominal[rows].astype(float),
        "median_rank": out.median[rows].astype(float),
        "p05": out.p05[rows].astype(float),
        "p95": out.p95[rows].astype(float),
        "p_top10": out.p_top[rows],
        "p_band": out.p_band[rows],
        "swing": out.swing[rows].astype(float),
        "swing_draw": np.where(out.swing[rows] != 0, out.swing_draw[rows] + 1, np.nan),
    }


def robust_section(
    out: Robustness, lang: Lang = "vi", units: list[int] | None = None, decimal: Decimal | None = None
) -> Section:
    """The report's section: the widest intervals as facts, and the rank-interval chart per unit."""
    rows = order(out, units)
    width = out.p95 - out.p05
    steady = int((width[rows] == 0).sum())
    chart = Chart(
        "robust-intervals",
        "interval",
        w("chart", lang),
        [out.model.names[i] or out.model.units[i] for i in rows],
        [
            Series(
                w("median-rank", lang),
                [float(out.median[i]) for i in rows],
                low=[float(out.p05[i]) for i in rows],
                high=[float(out.p95[i]) for i in rows],
            )
        ],
        axis=word("rank", lang),
        digits=0,
        invert=True,
    )
    facts = [
        Fact(w("draws", lang), out.settings.draws, "count"),
        Fact(w("steady", lang), steady, "count"),
        Fact(w("widest", lang), int(width[rows].max()) if rows else 0, "count", note=w("places", lang)),
    ]
    return Section(
        "robust",
        w("section", lang),
        facts=facts,
        lines=[settings_line(out, lang, decimal), *model_notes(out, lang, decimal)],
        views=robust_table(out, units, lang, decimal)[:1],
        charts=[chart],
    )
