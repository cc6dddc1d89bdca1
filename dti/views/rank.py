"""Views across years: the ranking table, one unit through the years, and the csv builder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dti.analysis.ranking import Compared, YearTable, places, rank_of
from dti.views.base import Column, Lang, View, narrow_hint, node_name, region_name, word
from dti.words import say

if TYPE_CHECKING:  # the report's ranking needs no frame
    import pandas as pd

# --- dti rank ---------------------------------------------------------------------------------------


def rank_table(
    data: dict[str, Any] | Compared,
    region: bool = False,
    digits: int = 4,
    lang: Lang = "vi",
    named: bool | None = None,
    at: list[int] | None = None,
) -> View:
    """Units across years (the `rank_years` data, or the years compared: its units at `at`, else all):
    value and rank per year, changes between years. A name column when `named` (default: when a unit's
    name is not its code, as merged provinces are named)."""
    if isinstance(data, dict):
        years, by, rows = data["years"], data["by"], _data_rows(data, lang)
    else:
        years, by, rows = data.years, data.by, _compared_rows(data, at)
    columns = [Column("unit", word("unit", lang))]
    if any(r["unit"] != r["name"] for r in rows) if named is None else named:
        columns.append(Column("name", word("name", lang)))
    if region:
        columns += [
            Column("region", word("region", lang)),
            Column("region_rank", word("in_region", lang), "int"),
        ]
    for y in years:  # a narrow terminal keeps the latest year and the latest change
        old = 1 if y != years[-1] else 0
        columns += [Column(f"value_{y}", f"{by} {y}", "value", digits, optional=old)]
        columns += [Column(f"rank_{y}", f"{word('rank', lang)} {y}", "int", marker=f"mark_{y}", optional=old)]
    for a, b in zip(years, years[1:], strict=False):
        old = 2 if b != years[-1] else 0
        columns += [
            Column(f"pct_{a}_{b}", f"Δ% {a}→{b}", "pct", optional=old),
            Column(f"places_{a}_{b}", word("places", lang), "places", optional=old),
        ]
    title = say("label.rank.title", lang, by=by, years=", ".join(map(str, years)))
    return View(title, columns, rows, narrow=narrow_hint(lang))


def _data_rows(data: dict[str, Any], lang: Lang) -> list[dict[str, Any]]:
    rows = []
    for u in data["units"]:
        row = {
            "unit": u["unit"],
            "name": u["name"],
            "region": region_name(u.get("region"), lang),
            "region_rank": u.get("region_rank"),
        }
        for y in data["years"]:
            row[f"value_{y}"], row[f"rank_{y}"] = u["values"][str(y)], u["ranks"][str(y)]
            row[f"mark_{y}"] = "p" if u["rank_source"][str(y)] == "published" else ""
        for c in u["changes"]:
            row[f"pct_{c['from']}_{c['to']}"], row[f"places_{c['from']}_{c['to']}"] = (
                c["value_pct"],
                c["places"],
            )
        rows.append(row)
    return rows


def _compared_rows(data: Compared, at: list[int] | None) -> list[dict[str, Any]]:
    """_data_rows of the years compared, by whole lists: no JSON object per unit in between (a workbook of
    10,000 units lists every one)."""
    none = [None] * len(data.units)
    keys = ["unit", "name", "region", "region_rank"]
    columns: list[list[Any]] = [data.units, data.names, none, none]
    for y in data.years:
        keys += [f"value_{y}", f"rank_{y}", f"mark_{y}"]
        columns += [data.values[y], data.ranks[y], ["p" if m == "published" else "" for m in data.marks[y]]]
    for a, b, pct, moved in data.steps:
        keys += [f"pct_{a}_{b}", f"places_{a}_{b}"]
        columns += [pct, moved]
    if at is not None:
        columns = [[column[i] for i in at] for column in columns]
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]


def means_table(data: dict[str, Any], national: bool = True, digits: int = 4, lang: Lang = "vi") -> View:
    """The means of `data["by"]` per scope and year (the `rank_years` data), with the published mean of each
    year's table and the change from the year before."""
    changes = {(c["scope"], c["to"]): c for c in data["mean_changes"]}
    everyone = word("label.means.all" if national else "label.means.all-units", lang)
    rows = []
    for m in sorted(data["means"], key=lambda m: (m["scope"] != "all", m["scope"], m["year"])):
        change = changes.get((m["scope"], m["year"]), {})
        scope = everyone if m["scope"] == "all" else region_name(m["scope"], lang)
        if m["of"] and m["units"] < m["of"]:  # not all the units of the register (of the region)
            scope = (
                say("label.means.table", lang, count=m["units"])
                if m["scope"] == "all"
                else say(
                    "label.means.region-part",
                    lang,
                    region=region_name(m["scope"], lang),
                    units=m["units"],
                    of=m["of"],
                )
            )
        rows.append(
            {
                "scope": scope,
                "year": m["year"],
                "units": m["units"],
                "value": m["value"],
                "published": m["published"],
                "change": change.get("value"),
                "pct": change.get("pct"),
            }
        )
    columns = [
        Column("scope", word("label.means.scope", lang)),
        Column("year", word("label.means.year", lang), "int"),
        Column("units", word("label.means.units", lang), "int"),
        Column("value", word("label.means.mean", lang), "value", digits),
        Column("change", word("label.means.change", lang), "value", digits),
        Column("pct", "Δ%", "pct"),
    ]
    if any(m["published"] is not None for m in data["means"]):  # beside the computed mean
        columns.insert(4, Column("published", word("label.means.published", lang), "value", digits))
    few = any(m["value"] is None for m in data["means"])
    notes = [say("label.means.few", lang)] if few else []
    if any(c["basis"] == "published" for c in data["mean_changes"]):
        notes.append(say("label.means.published-change", lang))
    for gap in data.get("mean_gaps", []):
        scope = everyone if gap["scope"] == "all" else gap["scope"]
        notes.append(
            say(
                "label.means.gap",
                lang,
                scope=scope,
                start=gap["from"],
                end=gap["to"],
                before=gap["units_from"],
                after=gap["units_to"],
            )
        )
    title = say("label.means.title", lang, by=data["by"])
    sheet = word("label.means.sheet", lang)
    return View(title, columns, rows, notes=notes, narrow=narrow_hint(lang), sheet=sheet)


def unit_years(tables: list[YearTable], unit: str, lang: Lang = "vi") -> View:
    """One unit through the years: value and rank of the total, pillars and main indices."""
    tables = sorted(tables, key=lambda t: t.year)
    spec = tables[-1].spec
    columns = [Column("code", word("code", lang)), Column("name", word("name", lang))]
    for t in tables:
        columns += [Column(f"value_{t.year}", str(t.year), "value", spec.precision)]
        rank = f"{word('rank', lang)} {t.year}"  # 'hạng 2023': each year's its own header in a workbook
        columns += [Column(f"rank_{t.year}", rank, "int", marker=f"mark_{t.year}")]
    if len(tables) > 1:
        columns.append(Column("places", word("places", lang), "places"))
    rows = []
    for node in spec.nodes:
        if node.kind not in ("total", "pillar", "main", "group"):
            continue
        row: dict[str, Any] = {
            "code": node.code,
            "name": node_name(node, lang),
            "total": node.kind == "total",
        }
        standing = []  # (rank, out of) per year: a table of one unit, or without the unit, ranks nothing
        for t in tables:
            standing.append(rank_of(t, unit, node.code))
            row[f"value_{t.year}"] = t.value(unit, node.code)
            row[f"rank_{t.year}"] = None if standing[-1] is None else standing[-1][0]
            row[f"of_{t.year}"] = None if standing[-1] is None else standing[-1][1]
            published = standing[-1] is not None and t.published_rank(unit, node.code)
            row[f"mark_{t.year}"] = "p" if published else ""
        if len(tables) > 1:
            row["places"] = places(standing[-2], standing[-1])
        rows.append(row)
    name = next((str(t.names.get(unit)) for t in reversed(tables) if t.names.get(unit)), "")
    # a new province (2025) is coded by its name: said once
    title = say("label.rank.unit-title", lang, unit="" if name == unit else unit, name=name).lstrip()
    view = View(title, columns, rows, strong="total", narrow=narrow_hint(lang))
    if rows:  # a rank is x/N: the N of each year's table, '—' where it ranks no unit
        counts = ", ".join(f"{t.year}: {rows[0][f'of_{t.year}'] or '—'}" for t in tables)
        view.notes.append(say("notes.report-ranked-of", lang, code=rows[0]["code"], counts=counts))
    return view


def unit_years_data(tables: list[YearTable], unit: str) -> dict[str, Any]:
    """`dti rank --unit U --format json`: value, rank and its source per node and year, places."""
    view, english = unit_years(tables, unit, "vi"), unit_years(tables, unit, "en")
    years = sorted(t.year for t in tables)
    nodes = []
    for row, en in zip(view.rows, english.rows, strict=True):
        node: dict[str, Any] = {"code": row["code"], "name": row["name"], "name_en": en["name"]}
        node["values"] = {str(y): row[f"value_{y}"] for y in years}
        node["ranks"] = {str(y): row[f"rank_{y}"] for y in years}
        node["rank_source"] = {
            str(y): "published" if row[f"mark_{y}"] else None if row[f"rank_{y}"] is None else "computed"
            for y in years
        }
        if len(years) > 1:
            node["places"] = row["places"]
        nodes.append(node)
    name = next((str(t.names.get(unit)) for t in tables if t.names.get(unit)), "")
    return {"unit": unit, "name": name, "years": years, "nodes": nodes}


def unit_years_frame(tables: list[YearTable], unit: str) -> pd.DataFrame:
    """`dti rank --unit U --format csv`: a row per node, value and rank per year, places."""
    import pandas as pd

    data = unit_years_data(tables, unit)
    rows = []
    for node in data["nodes"]:
        row = {"code": node["code"], "name": node["name"], "name_en": node["name_en"]}
        for y in data["years"]:
            row[f"value_{y}"] = node["values"][str(y)]
            row[f"rank_{y}"] = node["ranks"][str(y)]
        if "places" in node:
            row["places"] = node["places"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    ints = [c for c in frame.columns if c.startswith(("rank_", "places"))]
    return frame.astype({c: "Int64" for c in ints})


def rank_frame(data: dict[str, Any]) -> pd.DataFrame:
    """The `dti rank --format csv` table: a row per unit, value/rank/rank_source per year, changes."""
    import pandas as pd

    rows = []
    for u in data["units"]:
        row: dict[str, Any] = {"unit": u["unit"], "name": u["name"]}
        if "region" in u:  # --region
            row["region"], row["region_rank"] = u["region"], u["region_rank"]
        for year in data["years"]:
            row[f"value_{year}"] = u["values"][str(year)]
            row[f"rank_{year}"] = u["ranks"][str(year)]
            row[f"rank_source_{year}"] = u["rank_source"][str(year)]
        for c in u["changes"]:
            row[f"value_pct_{c['from']}_{c['to']}"] = c["value_pct"]
            row[f"places_{c['from']}_{c['to']}"] = c["places"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    ints = [c for c in frame.columns if c.startswith(("rank_2", "places_"))]
    return frame.astype({c: "Int64" for c in ints})
