"""Terminal rendering: the only module that imports rich."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from dti.report import Report
    from dti.scoring import Result
    from dti.spec import Spec

DASH = "—"


def _console(stderr: bool = False) -> Console:
    """A console on the current stdout/stderr (made per call: tests swap the streams)."""
    probe = Console(stderr=stderr)
    # Piped output (CI logs, files) gets a wide page instead of rich's 80-column default.
    return Console(stderr=stderr, highlight=False, width=None if probe.is_terminal else 160)


def out() -> Console:
    return _console()


def err() -> Console:
    return _console(stderr=True)


def note(message: str) -> None:
    err().print(Text(message, style="yellow"))


def error(message: str) -> None:
    err().print(Text(message, style="bold red"))


def _num(value: Any, digits: int = 4) -> str:
    from dti.scoring import round_half_up

    return DASH if value is None or pd.isna(value) else f"{round_half_up(value, digits):.{digits}f}"


def _pts(value: Any) -> str:
    return DASH if value is None or pd.isna(value) else f"{value:.2f}".rstrip("0").rstrip(".")


# --- specs -----------------------------------------------------------------------------------------


def spec_list(rows: list[dict[str, Any]]) -> None:
    table = Table(title="Bundled specs", show_lines=False)
    for column in ("id", "decision", "years", "unit kind", "scorable", "title"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["id"],
            row["decision"],
            row["years"],
            row["unit_kind"],
            "yes" if row["scorable"] else "[red]no[/red]",
            row["title"],
        )
    out().print(table)


def spec_tree(spec: Spec, depth: int | None) -> None:
    graph = spec.graph
    leaves = int(graph.is_leaf.sum())
    total = next(n for n in spec.nodes if n.kind == "total")
    out().print(f"[bold]{spec.id}[/bold] — {spec.title}")
    out().print(
        f"Decision {spec.decision or DASH} of {spec.decision_date or DASH}; years {spec.years or DASH}; "
        f"unit: {spec.unit_kind}; precision {spec.precision}; ties: {spec.ties}"
        + ("" if spec.scorable else "; [red]not scorable (points unknown)[/red]")
    )
    pillar_of: dict[str, list[str]] = defaultdict(list)
    for node in spec.nodes:
        if node.kind == "pillar":
            for child in node.children:
                pillar_of[child].append(node.code)
    table = Table(show_edge=False, pad_edge=False)
    for column, justify in (
        ("no.", "left"),
        ("code", "left"),
        ("name", "left"),
        ("points", "right"),
        ("rule", "left"),
        ("pillars", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]

    def add(code: str, level: int) -> None:
        node = spec.node(code)
        mark = " *" if node.provisional else ""
        table.add_row(
            node.number,
            "  " * level + code,
            node.name_vi + mark,
            _pts(graph.max_points[graph.index[code]]),
            node.rule.kind if node.rule else ("" if node.children else DASH),
            " ".join(pillar_of.get(code, [])),
        )
        if depth is None or level < depth:
            for child in node.children:
                add(child, level + 1)

    add(total.code, 0)
    out().print(table)
    pillars = [n for n in spec.nodes if n.kind == "pillar" and n.children]
    for pillar in pillars:
        out().print(
            f"Pillar [bold]{pillar.code}[/bold] {pillar.name_vi} = {' + '.join(pillar.children)}: "
            f"{_pts(graph.max_points[graph.index[pillar.code]])} points"
        )
    provisional = sum(n.provisional for n in spec.nodes)
    mains = sum(n.kind == "main" for n in spec.nodes)
    out().print(
        f"{mains} main indices, {leaves} leaves, {_pts(graph.max_points[graph.index[total.code]])} points"
        + (
            f"; * = provisional ({provisional} nodes): not verified against the decision"
            if provisional
            else ""
        )
    )


def spec_problems(source: str, problems: list[str]) -> None:
    error(f"{source}: invalid spec ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
    for problem in problems:
        err().print(f"  {problem}", markup=False)


# --- validation reports ------------------------------------------------------------------------------


def report_table(report: Report, stderr: bool = False) -> None:
    console = err() if stderr else out()
    shown = report.shown()
    by_file: dict[str, list[Any]] = defaultdict(list)
    for issue in shown:
        by_file[issue.file or "-"].append(issue)
    for file, issues in by_file.items():
        table = Table(title=file, title_justify="left", show_edge=False, pad_edge=False)
        for column in ("row", "cell", "column", "unit", "severity", "code", "message"):
            table.add_column(column, overflow="fold")
        for i in issues:
            style = "red" if i.severity == "error" else "yellow"
            table.add_row(
                str(i.row or ""),
                i.cell or "",
                i.column or "",
                i.unit or "",
                Text(str(i.severity), style=style),
                str(i.code),
                Text(i.message),
            )
        console.print(table)
    counts = Counter(str(i.code) for i in report.issues)
    if counts:
        console.print("Issues by code: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))
    if len(shown) < len(report.issues):
        console.print(
            f"[yellow]Showing {len(shown)} of {len(report.issues)} issues: raise --max-issues, or use "
            "--format json or csv for the full list.[/yellow]"
        )
    verdict = "[green]valid[/green]" if report.valid else "[red]invalid[/red]"
    console.print(f"{verdict}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")


# --- scores ------------------------------------------------------------------------------------------


RICH_ROWS = 500  # above this a plain text table is printed: rich lays out ~1,000 rows a second


def _fmt_column(values: pd.Series, digits: int) -> pd.Series:
    from dti.scoring import round_half_up

    text = round_half_up(values.astype(float), digits).map(f"{{:.{digits}f}}".format)
    return text.where(values.notna(), DASH)


def score_table(
    result: Result, codes: list[str], by: str, title: str, changes: pd.DataFrame | None = None
) -> None:
    precision = result.spec.precision
    order = result.ranks[by].sort_values(na_position="last", kind="stable").index
    shown = pd.DataFrame(index=order)
    shown["rank"] = (
        result.ranks[by].reindex(order).astype(object).where(result.ranks[by].reindex(order).notna(), DASH)
    )
    shown["unit"] = order
    shown["name"] = result.units["name"].reindex(order)
    for code in codes:
        shown[code] = _fmt_column(result.values[code].reindex(order), precision)
    places = None
    if changes is not None:
        delta = changes.reindex(order)
        shown["Δ value"] = delta["value_pct"].map(_pct)
        places = delta["places"]
        shown["Δ rank"] = places.map(lambda p: _places(p).plain)
    total = next(n.code for n in result.spec.nodes if n.kind == "total")
    stake = result.missing_points[total].reindex(order)
    if stake.fillna(0).gt(0).any():
        shown["at stake"] = stake.map(lambda v: _pts(v) if v else "")
    if len(shown) > RICH_ROWS:
        text = shown.to_string(index=False, justify="right")
        sys.stdout.write(f"{title}\n{text}\n")
        return
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for column in shown.columns:
        left = column in ("unit", "name")
        table.add_column(column, justify="left" if left else "right", style="bold" if column == by else None)
    for values, unit in zip(shown.itertuples(index=False), order, strict=True):
        row: list[str | Text] = [str(v) for v in values]
        if places is not None:
            row[list(shown.columns).index("Δ rank")] = _places(places[unit])
        table.add_row(*row)
    out().print(table)


def _pct(value: Any) -> str:
    if value is None or pd.isna(value):
        return DASH
    return "0.0 %" if abs(value) < 0.05 else f"{value:+.1f} %"


def _places(value: Any) -> Text:
    if value is None or pd.isna(value):
        return Text(DASH)
    value = int(value)
    if value > 0:
        return Text(f"▲ {value}", style="green")
    if value < 0:
        return Text(f"▼ {-value}", style="red")
    return Text("= 0")


def unit_breakdown(result: Result, unit: str) -> None:
    spec = result.spec
    name = result.units.at[unit, "name"]
    table = Table(
        title=f"{unit} {name} — {spec.id}" + (f", {result.year}" if result.year else ""),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    for column in (
        "code",
        "name",
        "points",
        "max",
        "value",
        "rank",
        "lost",
        "at stake",
        "self",
        "Δ verified",
    ):
        table.add_column(column, justify="left" if column in ("code", "name") else "right")
    change = result.appraisal_change
    lost = result.lost_points
    total = next(n for n in spec.nodes if n.kind == "total")
    order: list[tuple[str, int]] = []

    def walk(code: str, level: int) -> None:
        order.append((code, level))
        for child in spec.node(code).children:
            walk(child, level + 1)

    walk(total.code, 0)
    order += [(n.code, 0) for n in spec.nodes if n.kind == "pillar" and n.code not in {c for c, _ in order}]
    for code, level in order:
        node = spec.node(code)
        delta = change.at[unit, code]
        rank = result.ranks.at[unit, code]
        table.add_row(
            "  " * level + code,
            node.name_vi,
            _pts(result.points.at[unit, code]),
            _pts(result.max_points[code]),
            _num(result.values.at[unit, code], spec.precision),
            DASH if pd.isna(rank) else str(rank),
            _pts(lost.at[unit, code]),
            _pts(result.missing_points.at[unit, code]),
            _pts(result.self_points.at[unit, code]),
            "" if pd.isna(delta) or abs(delta) < 1e-12 else f"{delta:+.2f}",
            style="bold" if node.kind in ("total", "pillar", "main", "group") else None,
        )
    out().print(table)


# --- ranks over years --------------------------------------------------------------------------------


def rank_table(data: dict[str, Any], region: bool) -> None:
    years = data["years"]
    table = Table(
        title=f"Ranking by {data['by']}, {', '.join(map(str, years))} (competition ranks; "
        "p = published rank)",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("unit")
    table.add_column("name")
    if region:
        table.add_column("region")
        table.add_column("in region", justify="right")
    for year in years:
        table.add_column(f"{year}", justify="right")
        table.add_column("rank", justify="right")
    for before, after in zip(years, years[1:], strict=False):
        table.add_column(f"Δ% {before}→{after}", justify="right")
        table.add_column("places", justify="right")
    for u in data["units"]:
        row: list[str | Text] = [u["unit"], u["name"]]
        if region:
            row += [u.get("region", ""), DASH if u.get("region_rank") is None else str(u["region_rank"])]
        for year in years:
            rank = u["ranks"][str(year)]
            mark = "p" if u["rank_source"][str(year)] == "published" else ""
            row += [_num(u["values"][str(year)]), DASH if rank is None else f"{rank}{mark}"]
        for change in u["changes"]:
            row += [_pct(change["value_pct"]), _places(change["places"])]
        table.add_row(*row)
    out().print(table)


def unit_years(tables: list[Any], unit: str) -> None:
    tables = sorted(tables, key=lambda t: t.year)
    spec = tables[-1].spec
    name = next((str(t.names.get(unit)) for t in reversed(tables) if t.names.get(unit)), "")
    table = Table(
        title=f"{unit} {name}: value (rank) by year", title_justify="left", show_edge=False, pad_edge=False
    )
    table.add_column("code")
    table.add_column("name")
    for t in tables:
        table.add_column(str(t.year), justify="right")
    if len(tables) > 1:
        table.add_column("places", justify="right")
    codes = [n.code for n in spec.nodes if n.kind in ("total", "pillar", "main", "group")]
    for code in codes:
        cells: list[str | Text] = [code, spec.node(code).name_vi]
        for t in tables:
            if code in t.values.columns and unit in t.values.index:
                rank = t.ranks.at[unit, code]
                cells.append(f"{_num(t.values.at[unit, code])} ({DASH if pd.isna(rank) else rank})")
            else:
                cells.append(DASH)
        if len(tables) > 1:
            first, last = tables[-2], tables[-1]
            try:
                cells.append(_places(first.ranks.at[unit, code] - last.ranks.at[unit, code]))
            except KeyError:
                cells.append(DASH)
        table.add_row(*cells, style="bold" if spec.node(code).kind == "total" else None)
    out().print(table)


# --- target review -----------------------------------------------------------------------------------

STATUS_STYLE = {"met": "green", "not_met": "red", "no_data": "yellow", "needs_review": "magenta"}


def targets_table(frame: pd.DataFrame, summary: str, counts: pd.DataFrame, by: str, lang: str) -> None:
    vi = lang == "vi"
    headers = (
        ("id", "nhóm", "chỉ tiêu", "đơn vị chủ trì", "mục tiêu", "kết quả", "đánh giá")
        if vi
        else ("id", "group", "target", "responsible", "goal", "result", "status")
    )
    table = Table(show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in frame.itertuples():
        table.add_row(
            row.id,
            row.group,
            row.name,
            row.responsible,
            row.target,
            row.result or DASH,
            Text(row.label, style=STATUS_STYLE[row.status]),
        )
    out().print(table)
    out().print(Text(summary, style="bold"))
    names = {
        "met": "đạt" if vi else "met",
        "not_met": "chưa đạt" if vi else "not met",
        "no_data": "chưa có số liệu" if vi else "no data",
        "needs_review": "cần đánh giá" if vi else "review",
    }
    per = Table(show_edge=False, pad_edge=False)
    per.add_column(("nhóm" if by == "group" else "đơn vị chủ trì") if vi else by)
    per.add_column("tổng" if vi else "total", justify="right")
    for status in names:
        per.add_column(names[status], justify="right")
    for key, row in counts.iterrows():
        per.add_row(str(key), str(row["total"]), *(str(row[s]) for s in names))
    out().print(per)
