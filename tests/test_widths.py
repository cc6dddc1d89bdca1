"""Every command's table at 80 columns in a terminal (a real pty) and piped: no number cut, ever.

For each command the json output says what the table must show. Every figure of every row, rounded as
the table shows it (4 decimals half up for values, 2 for points, 1 for changes in %, a decimal comma in
Vietnamese), must appear whole on one line of the table, with the row's other figures; the columns a
narrow terminal leaves out are exactly those its hint on stderr names. In the terminal no line is wider
than 80 columns; piped, no line ends in a space; `…` never appears.
"""

from __future__ import annotations

import functools
import json
import os
import pty
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from dti.cli import app

from .conftest import ROOT

pytestmark = pytest.mark.slow  # terminal and pty runs of every command as a process

WIDTH = 80
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
Row = dict[str, str | None]  # column label -> the text the table must show (None: nothing to check)


def terminal(args: list[str]) -> tuple[str, str]:
    """stdout as a terminal of WIDTH columns shows it (colours removed), and stderr (a pipe)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(WIDTH), "LINES": "40", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "dti", *args], cwd=ROOT, stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    _, err = process.communicate()
    assert process.returncode == 0, err.decode()
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return ANSI.sub("", out), err.decode("utf-8")


def piped(args: list[str]) -> tuple[str, str]:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@functools.cache
def _machine(args: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout


def machine(args: list[str]) -> Any:
    return json.loads(_machine(tuple(args)))


# --- the figures as the table shows them (written here, not taken from the writer) ----------------


def comma(text: str) -> str:
    return text.replace(".", ",")


def value(v: float | None, digits: int = 4) -> str | None:
    if v is None:
        return None
    # the float's noise first (0.4715499999999999 is 0.47155), then half up as published tables round
    exact = Decimal(repr(v)).quantize(Decimal("1e-9"))
    return comma(str(exact.quantize(Decimal(10) ** -digits, rounding=ROUND_HALF_UP)))


def points(v: float | None) -> str | None:
    return None if v is None else comma(f"{v:.2f}".rstrip("0").rstrip("."))


def pct(v: float | None) -> str | None:
    return None if v is None else comma("0.0%" if abs(v) < 0.05 else f"{v:+.1f}%")


def places(v: int | None) -> str | None:
    return None if v is None else f"▲{v}" if v > 0 else f"▼{-v}" if v < 0 else "=0"


def signed(v: float | None) -> str | None:
    return None if v is None else comma(f"{v:+.2f}")


def whole(v: int | None) -> str | None:
    return None if v is None else str(v)


# --- reading the table ------------------------------------------------------------------------------


def tokens(line: str) -> set[str]:
    """The words of a line, with a change's sign, figure and % (or ▲ and places) as one word."""
    line = line.replace(" %", "%").replace("▲ ", "▲").replace("▼ ", "▼").replace("= 0", "=0")
    words = set(re.split(r"[\s│┃()]+", line)) - {""}
    return words | {w[:-1] for w in words if w.endswith("%")}  # a text's '2,44 %' may wrap before '%'


def hidden(stderr: str) -> set[str]:
    """The columns a narrow terminal left out, as its hint names them."""
    found = re.findall(r"(?:ẩn|not shown:) (.*?) \(", stderr)
    return {label for names in found for label in names.split(", ")}


def check(out: str, err: str, rows: list[Row], in_terminal: bool) -> None:
    assert "…" not in out
    lines = out.splitlines()
    if in_terminal:
        assert max(cell_len(line) for line in lines) <= WIDTH
    else:
        assert not [line for line in lines if line != line.rstrip()]
    left_out = hidden(err)
    assert bool(left_out) <= in_terminal  # piped, every column is written
    assert left_out <= {label for row in rows for label in row}, left_out
    words = [tokens(line) for line in lines]
    where: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(words):
        for word in found:
            where[word].append(i)
    for row in rows:
        wanted = {text for label, text in row.items() if text is not None and label not in left_out}
        assert wanted, row
        first = min(wanted, key=lambda w: len(where[w]))
        assert any(wanted <= words[i] for i in where[first]), f"not whole on one line: {sorted(wanted)}"


# --- the commands and what their rows must show ---------------------------------------------------

S = "sample_data/"
MAIN = ["DTI", "CQS", "KTS", "XHS", "NTS", "TCS", "HTS", "NLS", "ATTT", "DTTM", "HDCQ", "HDKT", "HDXH"]


def score_rows(data: Any) -> list[Row]:
    changes = data.get("changes", {}).get("units", {})
    rows = []
    for u in data["units"]:
        row: Row = {"đơn vị": u["unit"], "hạng": whole(u["ranks"]["DTI"])}
        row.update({code: value(u["values"][code]) for code in MAIN})
        row["thiếu số liệu"] = points(u["missing_points"]["DTI"] or None)
        if changes:
            row["Δ giá trị"] = pct(changes[u["unit"]]["value_pct"])
            row["Δ hạng"] = places(changes[u["unit"]]["places"])
        rows.append(row)
    return rows


def of(rank: int | None, ranked: int | None) -> str | None:
    return None if rank is None else f"{rank}/{ranked}"


def breakdown_rows(data: Any) -> list[Row]:
    rows = []
    year = data.get("previous_year")
    for n in data["nodes"]:
        row: Row = {
            "mã": n["code"],
            "điểm": points(n["points"]),
            "tối đa": points(n["max"]),
            "giá trị": value(n["value"]),
            "hạng": of(n["rank"], n["ranked"]),  # x/N: the units the rank is out of
            "mất điểm": points(n["lost"]),
            "thiếu số liệu": points(n["at_stake"]),
            "tự đánh giá": points(n["self"]),
            "Δ thẩm định": signed(n["verified_change"]),
        }
        if year:
            row[f"giá trị {year}"] = value(n["previous_value"])
            row[f"hạng {year}"] = of(n["previous_rank"], n["previous_ranked"])
            row["Δ giá trị"] = pct(n["value_pct"])
            row["Δ hạng"] = places(n["places"])
        rows.append(row)
    return rows


def component_rows(data: Any) -> list[Row]:
    return [
        {
            "hạng DTI": whole(r["rank"]),
            "đơn vị": r["unit"],
            "chỉ tiêu": r["component"],
            "giá trị": value(r["value"]),
            "điểm": points(r["points"]),
            "tối đa": points(r["max"]),
            "mất điểm": points(r["lost"]),
            "thiếu số liệu": points(r["at_stake"]),
            "tên chỉ tiêu": None,
        }
        for r in data["rows"]
    ]


def rank_rows(data: Any) -> list[Row]:
    years, rows = data["years"], []
    for u in data["units"]:
        # a merged province is named: the first word of the name is always on the row's first line
        row: Row = {"đơn vị": u["unit"].split()[0]}
        for y in map(str, years):
            mark = "p" if u["rank_source"][y] == "published" else ""
            row[f"DTI {y}"] = value(u["values"][y])
            row[f"hạng {y}"] = None if u["ranks"][y] is None else f"{u['ranks'][y]}{mark}"
        for c in u["changes"]:
            row[f"Δ% {c['from']}→{c['to']}"] = pct(c["value_pct"])
            row["± bậc"] = places(c["places"])
        if "region_rank" in u:
            row["hạng vùng"] = whole(u["region_rank"])
        rows.append(row)
    return rows


def target_rows(data: Any) -> list[Row]:
    """The figures of each target's label ('Đạt và vượt 4,5 %'): each must be whole in the table."""
    figures = [f for t in data["targets"] for f in re.findall(r"\d+(?:[.,]\d+)*", t["label"] or "")]
    return [{"đánh giá": f} for f in figures]


def issue_rows(data: Any) -> list[Row]:
    return [{"dòng": whole(i["row"]), "ô": i["cell"]} for i in data["issues"][:50]]


def uncertain(p: float) -> float:
    """A share of draws as the table shows it: 0,999 is never 1,00, 0,004 never 0,00."""
    return p if p in (0, 1) else min(max(p, 0.01), 0.99)


def spec_rows(data: Any) -> list[Row]:
    return [{"mã": n["code"], "điểm": points(n["max_points"])} for n in data["nodes"]]


def dot(text: str | None) -> str | None:
    return None if text is None else text.replace(",", ".")


def list_rows(data: Any) -> list[Row]:
    return [
        {
            "mã": s["id"],
            "năm": str(s["years"][0]) if s["years"] else None,
            "quyết định": None,
            "cấp": None,
        }
        for s in data
    ]


def first(text: str | None) -> str | None:
    """A wrapped text's first word: always on its row's first line."""
    return text.split()[0] if text else None


def gaps_unit_rows(data: Any) -> list[Row]:
    """The components the table lists (largest gap first: 15, and every one with missing data), the
    owners or main indices, the what-if of the total and pillars, and the distance to the next place."""
    found = [c for c in data["components"] if (c["lost"] or 0) + (c["at_stake"] or 0) > 1e-9]
    found.sort(key=lambda c: -((c["lost"] or 0) + (c["at_stake"] or 0)))  # stable: the spec's order
    shown = found[:15] + [c for c in found[15:] if c["at_stake"]]
    rows: list[Row] = []
    for c in shown:
        row: Row = {
            "mã": c["code"],
            "tên": None,
            "điểm": points(c["points"]),
            "tối đa": points(c["max"]),
        }
        row.update({"mất điểm": points(c["lost"]), "thiếu số liệu": points(c["at_stake"])})
        if data["owners"]:
            row["đơn vị chủ trì"] = first(c["owner"])
        rows.append(row)
    owned = bool(data["owners"])
    for g in data["owners"] or data["main"]:
        rows.append(
            {
                "đơn vị chủ trì" if owned else "mã": first(g["owner"] if owned else g["main"]),
                "mất điểm": points(g["lost"]),
                "thiếu số liệu": points(g["at_stake"]),
                "% mất và thiếu": points(100 * g["share"]),
                "chỉ số thành phần": first(" ".join(g["components"])),
            }
        )
    whatif = data["whatif"]
    for n in data["next_up"]:
        if whatif:
            new = whatif["nodes"][n["node"]]
            row = {
                "mã": n["node"],
                "giả định": points(new["points"]),
                "giá trị giả định": value(new["value"]),
            }
            row["hạng giả định"] = whole(new["rank"])
            if n is data["next_up"][0]:  # the total
                row["± bậc"] = places(whatif["places_gained"])
            rows.append(row)
        row = {
            "mã": n["node"],
            "đơn vị trên": n["unit_above"],
            "điểm cần thêm": points(n["points_needed"]),
        }
        row["lấp các khoảng trống"] = first(" ".join(n["closes"] or []))
        rows.append(row)
    return rows


def gaps_province_rows(data: Any) -> list[Row]:
    return [
        {
            "mã": g["main"],
            "tên": None,
            "mất điểm": points(g["lost"]),
            "thiếu số liệu": points(g["at_stake"]),
            "% mất và thiếu": points(100 * g["share"]),
            "TB mỗi đơn vị": points((g["lost"] + g["at_stake"]) / data["units"]),
            "số đơn vị mất điểm": None,
            "chỉ số thành phần": first(" ".join(g["components"])),
        }
        for g in data["main"]
    ]


def robust_rows(data: Any) -> list[Row]:
    return [
        {
            "đơn vị": u["unit"],
            "tên": None,
            "hạng": whole(u["rank"]),
            "trung vị": whole(u["median_rank"]),
            "p05": whole(u["p05"]),
            "p95": whole(u["p95"]),
            "P(top 10)": value(uncertain(u["p_top10"]), 2),
            f"P(±{data['band']})": value(uncertain(u["p_band"]), 2),
            "dao động lớn nhất": places(u["swing"]),
            "do lượt": None,
        }
        for u in data["units"]
    ]


INPUTS = {"weights": "trọng", "missing": "thiếu", "self": "tự"}  # the first word of each input's label


def robust_sensitivity_rows(data: Any) -> list[Row]:
    rows = robust_rows(data)
    for r in data["sensitivity"]["indices"]:
        row: Row = {"đầu ra": "độ" if r["target"] == "mean_abs_shift" else r["target"]}
        row["yếu tố"] = INPUTS[r["input"]]
        for key, label, mark in (("first", "S bậc 1", ""), ("total", "S toàn phần", " ")):
            row[label] = value(r[key], 2)
            # both intervals are labelled 'CI thấp' and 'CI cao' (the second marked here by a space)
            row["CI thấp" + mark] = value(r[f"{key}_low"], 2)
            row["CI cao" + mark] = value(r[f"{key}_high"], 2)
        rows.append(row)
    return rows


def day(iso: str | None) -> str | None:
    return None if iso is None else "/".join(reversed(iso.split("-")))


STATUS_FIRST = {"on_time": "đúng", "late": "gửi", "overdue": "quá", "due_soon": "sắp", "upcoming": "chưa"}


def calendar_rows(data: Any) -> list[Row]:
    return [
        {
            "đơn vị": first(d["owner"]),
            "kỳ": None,
            "hạn": day(d["due"]),
            "trạng thái": STATUS_FIRST[d["status"]],
            "ngày gửi": day(d["received"]),
            "số ngày": whole(d["days_late"] or None),
            "còn thiếu": still_missing(d),
        }
        for d in data["deadlines"]
    ]


def still_missing(deadline: Any) -> str | None:
    """Overdue or due soon: the first missing component, or 'tất cả' when nothing came (of more than 3)."""
    found = deadline["missing_components"]
    if deadline["status"] not in ("overdue", "due_soon") or not found:
        return None
    return "tất" if deadline["received"] is None and len(found) > 3 else found[0]


def in_english(build: Callable[[Any], list[Row]], labels: dict[str, str], words: dict[str, str]) -> Any:
    """The --lang en table's builder: the rows with English labels, first words and a decimal dot."""

    def rows(data: Any) -> list[Row]:
        return [
            {labels.get(k, k): dot(words.get(v, v)) if v else v for k, v in row.items()}
            for row in build(data)
        ]

    return rows


ROBUST_EN = {"đơn vị": "unit", "tên": "name", "hạng": "rank", "trung vị": "median"}
ROBUST_EN |= {"dao động lớn nhất": "largest swing", "do lượt": "caused by"}
CALENDAR_EN = {"đơn vị": "owner", "kỳ": "period", "hạn": "due", "trạng thái": "status"}
CALENDAR_EN |= {"ngày gửi": "received", "số ngày": "days", "còn thiếu": "missing"}
GAPS_EN = {"mã": "code", "tên": "name", "điểm": "points", "tối đa": "max", "mất điểm": "lost"}
GAPS_EN |= {"thiếu số liệu": "at stake", "đơn vị chủ trì": "owner", "% mất và thiếu": "% lost + at stake"}
GAPS_EN |= {"chỉ số thành phần": "components", "giả định": "assumed", "giá trị giả định": "new value"}
GAPS_EN |= {"hạng giả định": "new rank", "± bậc": "places", "đơn vị trên": "unit above"}
GAPS_EN |= {"điểm cần thêm": "points needed", "lấp các khoảng trống": "closing the gaps"}
STATUS_EN = {"đúng": "on", "gửi": "late", "quá": "overdue", "sắp": "due", "chưa": "upcoming", "tất": "all"}

TASK_FIRST = {"not_started": "chưa", "in_progress": "đang", "done": "hoàn"}


def task_rows(data: Any) -> list[Row]:
    rows: list[Row] = [
        {
            "STT": t["id"],
            "nhóm": first(t["group"]),
            "nhiệm vụ": first(t["name"]),
            "đơn vị chủ trì": first(t["responsible"]),
            "thời hạn": day(t["deadline"]) or first(t["deadline_text"]),
            "trạng thái": TASK_FIRST[t["status"]],
        }
        for t in data["tasks"]
    ]
    return rows


def responsible_rows(data: Any) -> list[Row]:
    """The tasks, then the counts per lead unit (each task of the sample names one lead unit)."""
    rows = task_rows(data)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for t in data["tasks"]:
        assert not re.search(r"[,;]", t["responsible"]), t["responsible"]
        count = counts[t["responsible"]]
        count["tổng"] += 1
        count[
            {"not_started": "chưa triển khai", "in_progress": "đang triển khai", "done": "hoàn thành"}[
                t["status"]
            ]
        ] += 1
        count["quá hạn"] += bool(t["overdue"])
    heads = ("tổng", "chưa triển khai", "đang triển khai", "hoàn thành", "quá hạn")
    for unit, count in counts.items():
        row = {"đơn vị chủ trì": first(unit)}
        row.update({head: str(count[head]) for head in heads})
        rows.append(row)
    return rows


GAPS = [S + "2024.csv", "--owners", S + "owners.csv"]
TODAY = ["--today", "25/11/2026"]
CASES: dict[str, tuple[list[str], Callable[[Any], list[Row]]]] = {
    "score": ([S + "2024.csv"], score_rows),
    "score --unit": ([S + "2024.csv", "--unit", "48"], breakdown_rows),
    "score --unit --previous": (
        [S + "2024.csv", "--unit", "48", "--previous", S + "2023.csv"],
        breakdown_rows,
    ),
    "score --show components": ([S + "2024.csv", "--show", "components"], component_rows),
    "score --previous": ([S + "2024.csv", "--previous", S + "2023.csv"], score_rows),
    "rank": ([S + "2023.csv", S + "2024.csv"], rank_rows),
    "rank published": ([S + "published_2023.csv", S + "2024.csv"], rank_rows),
    "rank --merge 2025": ([S + "2023.csv", S + "2024.csv", "--merge", "2025"], rank_rows),
    "rank --region": ([S + "2023.csv", S + "2024.csv", "--region"], rank_rows),
    "rank --merge --region": ([S + "2023.csv", S + "2024.csv", "--merge", "2025", "--region"], rank_rows),
    "targets": ([S + "targets_2025.csv"], target_rows),
    "validate": ([S + "2024.csv", "--max-issues", "50"], issue_rows),
    "spec show": (["dti-province-2022"], spec_rows),
    "spec list": ([], list_rows),
    "gaps --owners --unit": ([*GAPS, "--unit", "48"], gaps_unit_rows),
    "gaps": ([S + "2024.csv"], gaps_province_rows),
    "gaps --unit --assume --close": (
        [S + "2024.csv", "--unit", "48", "--assume", "HTS.01=90%", "--close", "2"],
        gaps_unit_rows,
    ),
    "robust": ([S + "2024.csv", "--draws", "200", "--seed", "1"], robust_rows),
    "calendar": (
        [
            "--owners",
            S + "owners.csv",
            "--spec",
            "dti-province-2022",
            "--received",
            S + "received_2026.csv",
            *TODAY,
        ],
        calendar_rows,
    ),
    "tasks": ([S + "tasks_2026.csv", *TODAY], task_rows),
    "gaps --owners --unit --assume --lang en": (
        [*GAPS, "--unit", "48", "--assume", "HTS.01=90%", "--close", "2", "--lang", "en"],
        in_english(gaps_unit_rows, GAPS_EN, {}),
    ),
    "robust --lang en": (
        [S + "2024.csv", "--draws", "200", "--seed", "1", "--lang", "en"],
        in_english(robust_rows, ROBUST_EN, {}),
    ),
    "calendar --lang en": (
        ["--owners", S + "owners.csv", "--spec", "dti-province-2022", "--received", S + "received_2026.csv"]
        + [*TODAY, "--lang", "en"],
        in_english(calendar_rows, CALENDAR_EN, STATUS_EN),
    ),
    "tasks --by responsible": ([S + "tasks_2026.csv", *TODAY, "--by", "responsible"], responsible_rows),
    "robust --sensitivity": (
        [S + "2024.csv", "--draws", "200", "--seed", "1", "--sensitivity"],
        robust_sensitivity_rows,
    ),
}


def _args(name: str) -> list[str]:
    words = name.split()
    command = words[:2] if words[0] == "spec" else words[:1]
    return [*command, *CASES[name][0]]


@pytest.fixture(scope="module")
def terminals() -> dict[str, tuple[str, str]]:
    """Every case run once in a pty (as processes, side by side)."""
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(CASES, pool.map(lambda n: terminal(_args(n)), CASES), strict=True))


@pytest.mark.parametrize("name", list(CASES))
def test_terminal_at_80_columns(name: str, terminals: dict[str, tuple[str, str]]) -> None:
    out, err = terminals[name]
    check(out, err, CASES[name][1](machine(_args(name))), in_terminal=True)


@pytest.mark.parametrize("name", list(CASES))
def test_piped_at_full_width(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out, err = piped(_args(name))
    check(out, err, CASES[name][1](machine(_args(name))), in_terminal=False)


def test_narrow_score_table_keeps_the_pillars_and_says_what_it_left_out(
    terminals: dict[str, tuple[str, str]],
) -> None:
    _, err = terminals["score"]
    # At 80 columns rank, unit, name, DTI, the three pillars and the points at stake stay (8 columns
    # need 4+3+10+6+6+6+6+5 + 7 gaps of 3 = 67): one main index fits beside them, the eight others go.
    assert hidden(err) == {"TCS", "HTS", "NLS", "ATTT", "DTTM", "HDCQ", "HDKT", "HDXH"}
    assert "--show pillars" in err


def test_english_and_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    # Hà Tĩnh's DTI 2024: 843.567 of 1000 points = 0.8436
    out, err = terminal(["score", S + "2024.csv", "--lang", "en"])
    assert "│ 0.8436 │" in out and "rank" in out and "At 80 columns, not shown: TCS," in err
    monkeypatch.chdir(ROOT)
    out, _ = piped(["score", S + "2024.csv", "--lang", "en", "--decimal", "comma"])
    assert "│ 0,8436 │" in out and re.search(r"^rank\s+┃ unit\s+┃ name", out, re.MULTILINE)
    out, _ = piped(["score", S + "2024.csv", "--decimal", "dot"])
    assert "│ 0.8436 │" in out and out.startswith("dti-province-2022, năm số liệu 2024")


def test_layout_drops_the_highest_optional_first_and_never_cuts_a_number() -> None:
    from dti.views import Column, View
    from dti.write import text

    columns = [Column("name", "name")]
    columns += [Column(k, k, "value", optional=n) for k, n in (("a", 0), ("b", 1), ("c", 2))]
    view = View(None, columns, [{"name": "Thành phố Hồ Chí Minh", "a": 0.12345, "b": 0.5, "c": 1.0}])
    cells = [[text._text(c, row, ".") for c in columns] for row in view.rows]
    # By hand: values are 6 wide ("0.1235"), the name 21 (10 at least), 3 between columns.
    # 40: 10 + 3 x 6 + 3 x 3 = 37 fits, the 3 spare go to the name.
    fit = text.layout(view, cells, 40)
    assert (fit.widths, fit.hidden, fit.total()) == ([13, 6, 6, 6], [], 40)
    # 30: c (optional 2) goes first: 10 + 6 + 6 + 6 = 28, the name gets 12.
    fit = text.layout(view, cells, 30)
    assert (fit.widths, [c.key for c in fit.hidden]) == ([12, 6, 6], ["c"])
    # 20: then b: 10 + 6 + 3 = 19, the name 11.
    fit = text.layout(view, cells, 20)
    assert (fit.widths, [c.key for c in fit.hidden]) == ([11, 6], ["b", "c"])
    # 10: nothing left to leave out: the page grows to 19 rather than cut 0.1235.
    assert text.layout(view, cells, 10).total() == 19
    assert text.render(view, width=20).splitlines() == [
        "name        ┃      a",
        "━━━━━━━━━━━━╇━━━━━━━",
        "Thành phố   │ 0.1235",
        "Hồ Chí Minh │",
    ]
    assert text.render(view).splitlines()[2] == "Thành phố Hồ Chí Minh │ 0.1235 │ 0.5000 │ 1.0000"


def test_columns_set_for_a_pipe_is_the_page_width(monkeypatch: pytest.MonkeyPatch) -> None:
    # `COLUMNS=80 dti score … | less`: a pipe, but the user asked for 80 columns (66 lines were wider)
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.chdir(ROOT)
    args = ["score", S + "2024.csv"]
    out, err = piped(args)
    check(out, err, score_rows(machine(args)), in_terminal=True)
    assert "ẩn" in err  # the hint names the columns left out
