"""The `dti robust` views: rank intervals per unit, the sensitivity indices, and the report section."""

from __future__ import annotations

from typing import Any

import numpy as np

from dti.analysis.robust import Robustness
from dti.views.base import Column, Lang, View, narrow_hint, word
from dti.views.document import Chart, Decimal, Fact, Section, Series

MISSING_VI = {"zero": "0 (quy định)", "median": "trung vị", "previous": "năm trước"}
INPUT_VI = {"weights": "trọng số", "missing": "thiếu số liệu", "self": "tự đánh giá/thẩm định"}
NOTES = {  # robust.Model.notes: (vi, en), {n} = the count
    "left_out": (
        "{n} đơn vị thiếu giá trị chỉ số chính bị bỏ qua (chỉ có tổng thì không tính lại trọng số được)",
        "{n} units without every main-index value are left out (a total alone cannot be reweighted)",
    ),
    "no_missing": (
        "không có số liệu nào bị thiếu: --missing không đổi gì",
        "no figure is missing: --missing changes nothing",
    ),
    "no_previous": (
        "{n} số liệu thiếu không có số liệu năm trước, giữ 0 điểm",
        "{n} missing figures have no previous-year figure and stay at 0",
    ),
    "missing_median": (
        "{n} số liệu thiếu: mỗi lượt chọn 0 điểm (quy định) hoặc trung vị của chỉ số thành phần",
        "{n} missing figures: each draw either 0 (the rule) or the component's median over the units",
    ),
    "missing_previous": (
        "{n} số liệu thiếu có số liệu năm trước: mỗi lượt chọn 0 điểm (quy định) hoặc số liệu năm trước",
        "{n} missing figures have a previous-year figure: each draw either 0 (the rule) or that figure",
    ),
    "previous_none": (
        "không số liệu nào trong {n} số liệu thiếu có giá trị trong tệp năm trước: giữ 0 điểm, "
        "--missing previous không đổi gì",
        "none of the {n} missing figures has a value in the previous year's file: they stay at 0, "
        "--missing previous changes nothing",
    ),
    "no_stages": (
        "--self-verified: dữ liệu không có giai đoạn tự đánh giá và thẩm định",
        "--self-verified: the data have no self-assessed and verified stages",
    ),
    "no_pending": (
        "--self-verified: không có số liệu tự đánh giá nào đang chờ thẩm định",
        "--self-verified: no self-assessed figure awaits verification",
    ),
    "no_verified": (
        "--self-verified: chưa có chỉ số nào được thẩm định để biết mức điều chỉnh thường gặp",
        "--self-verified: no verified component to learn the typical change from",
    ),
    "pending": (
        "{n} số liệu tự đánh giá chờ thẩm định: mỗi lượt lấy giữa giá trị tự đánh giá và mức điều chỉnh "
        "thường gặp của chỉ số thành phần",
        "{n} self-assessed figures await verification: each drawn between the self value and the typical "
        "verification change of its component",
    ),
}


def model_notes(out: Robustness, lang: Lang, decimal: Decimal | None = None) -> list[str]:
    """What the data allowed, worded: figures imputed, figures awaiting verification, units left out."""
    return [NOTES[key][lang != "vi"].format(n=count(n, lang, decimal)) for key, n in out.model.notes]


def mark(lang: Lang, decimal: Decimal | None) -> Decimal:
    """The decimal mark asked for, else the language's (vi: comma, en: dot)."""
    return decimal or ("," if lang == "vi" else ".")


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
    if lang == "vi":
        return (
            f"{count(s.draws, lang, decimal)} lượt, hạt giống (seed) {s.seed}, trọng số ±{spread} % "
            f"(trước khi chuẩn hoá tổng), thiếu số liệu: {MISSING_VI[s.missing]}"
            + (", tự đánh giá chưa thẩm định: có" if s.self_verified else "")
        )
    return (
        f"{count(s.draws, lang, decimal)} draws, seed {s.seed}, weights ±{spread} % (before rescaling "
        f"to the total), missing: {s.missing}"
        + (", self-assessed awaiting verification: drawn" if s.self_verified else "")
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
        parts.append(
            ("thiếu: bù" if imputed else "thiếu: 0")
            if lang == "vi"
            else ("missing: imputed" if imputed else "missing: 0")
        )
    if inputs["self"] is not None:
        drawn = num(f"{inputs['self']:.2f}", lang, decimal)
        parts.append(f"{'tự ĐG' if lang == 'vi' else 'self'} {drawn}")
    return f"{'lượt' if lang == 'vi' else 'draw'} {inputs['draw']}: " + ", ".join(parts)


def robust_table(
    out: Robustness, units: list[int] | None = None, lang: Lang = "vi", decimal: Decimal | None = None
) -> list[View]:
    s, model = out.settings, out.model
    vi = lang == "vi"
    columns = [
        Column("unit", word("unit", lang)),
        Column("name", word("name", lang)),
        Column("rank", word("rank", lang), "int", strong=True),
        Column("median_rank", "trung vị" if vi else "median", "int"),
        Column("p05", "p05", "int"),
        Column("p95", "p95", "int"),
        Column("p_top10", f"P(top {s.top})", "value", 2),
        Column("p_band", f"P(±{s.band})", "value", 2),
        Column("swing", "dao động lớn nhất" if vi else "largest swing", "places"),
        Column("cause", "do lượt" if vi else "caused by", optional=1),
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
    title = (
        f"Độ vững của thứ hạng {model.total_code} — {settings_line(out, lang, decimal)}"
        if vi
        else f"How sure is the rank by {model.total_code} — {settings_line(out, lang, decimal)}"
    )
    lines = [
        (
            f"p05–p95: 90 % số lượt có hạng trong khoảng này; P(±{s.band}): xác suất hạng cách hạng hiện "
            f"tại không quá {s.band} bậc; dao động: ▲ lên, ▼ xuống"
        )
        if vi
        else (
            f"p05–p95: 90 % of the draws rank within; P(±{s.band}): probability of a rank within "
            f"{s.band} places of the current one; swing: ▲ up, ▼ down"
        ),
        *model_notes(out, lang, decimal),
    ]
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
    vi = lang == "vi"
    rows = sensitivity_rows(out)
    for row in rows:
        if row["target"] == "mean_abs_shift":
            row["target"] = "độ lệch hạng TB" if vi else "mean |rank shift|"
        row["input"] = INPUT_VI[row["input"]] if vi else row["input"]
    columns = [
        Column("target", "đầu ra" if vi else "output"),
        Column("input", "yếu tố" if vi else "input"),
        Column("first", "S bậc 1" if vi else "first-order S", "value", 2),
        Column("first_low", "CI thấp" if vi else "CI low", "value", 2),
        Column("first_high", "CI cao" if vi else "CI high", "value", 2),
        Column("total", "S toàn phần" if vi else "total ST", "value", 2),
        Column("total_low", "CI thấp" if vi else "CI low", "value", 2),
        Column("total_high", "CI cao" if vi else "CI high", "value", 2),
    ]
    sens = out.sensitivity
    assert sens is not None
    note = (
        f"Chỉ số Sobol (Saltelli 2010, Jansen), {count(sens.base, lang, decimal)} mẫu gốc × "
        f"{len(sens.groups) + 2} = {count(sens.runs, lang, decimal)} lượt; CI 95 % bootstrap"
        if vi
        else f"Sobol indices (Saltelli 2010, Jansen), {count(sens.base, lang, decimal)} base rows × "
        f"{len(sens.groups) + 2} = {count(sens.runs, lang, decimal)} runs; 95 % bootstrap CI"
    )
    return View("Độ nhạy" if vi else "Sensitivity", columns, rows, [note], narrow=narrow_hint(lang))


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
    vi = lang == "vi"
    rows = order(out, units)
    width = out.p95 - out.p05
    steady = int((width[rows] == 0).sum())
    chart = Chart(
        "robust-intervals",
        "interval",
        ("Khoảng hạng p05–p95 và hạng trung vị" if vi else "Rank interval p05–p95 and median rank"),
        [out.model.names[i] or out.model.units[i] for i in rows],
        [
            Series(
                "hạng trung vị" if vi else "median rank",
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
        Fact("Số lượt" if vi else "Draws", out.settings.draws, "int"),
        Fact("Hạng không đổi (p05 = p95)" if vi else "Ranks that never move (p05 = p95)", steady, "int"),
        Fact(
            "Khoảng hạng rộng nhất" if vi else "Widest interval",
            int(width[rows].max()) if rows else 0,
            "int",
            note="bậc" if vi else "places",
        ),
    ]
    return Section(
        "robust",
        "Độ vững của thứ hạng" if vi else "How sure are the ranks",
        facts=facts,
        lines=[settings_line(out, lang, decimal), *model_notes(out, lang, decimal)],
        views=robust_table(out, units, lang, decimal)[:1],
        charts=[chart],
    )
