"""Writers: JSON without NaN, CSV without formulas, atomic files, tables that never cut a number."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dti.issues import Issue, IssueCode, Report, Severity
from dti.views import Column, View
from dti.write import csv, github, text
from dti.write import json as json_writer
from dti.write.files import OutputError, write_atomic


def test_json_never_writes_nan_or_infinity() -> None:
    data = {"a": math.nan, "b": [math.inf, -math.inf, np.float64("nan"), pd.NA], "c": np.int64(3), "d": 0.5}
    assert json.loads(json_writer.dumps(data)) == {"a": None, "b": [None, None, None, None], "c": 3, "d": 0.5}


def test_csv_escapes_formulas_but_not_numbers_or_dashes() -> None:
    frame = pd.DataFrame(
        {"name": ["=HYPERLINK(1)", "@SUM(A1)", "-", "-3,5", "+cmd", "Hà Nội"], "v": [1.0] * 6}
    )
    rows = b"".join(csv.dumps(frame)).decode().splitlines()[1:]  # UTF-8 parts
    assert [r.rsplit(",", 1)[0].strip('"') for r in rows] == [
        "'=HYPERLINK(1)",
        "'@SUM(A1)",
        "-",
        "-3,5",
        "'+cmd",
        "Hà Nội",
    ]


def test_atomic_write_refuses_an_input_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "one\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    with pytest.raises(OutputError, match="one of the input files"):
        write_atomic(target, "two\n", [tmp_path / "." / "out.txt"])

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "three\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert os.listdir(tmp_path) == ["out.txt"]  # no temporary file left behind


def test_github_annotation_escapes_and_locates() -> None:
    issue = Issue(
        IssueCode.NEGATIVE_VALUE, Severity.ERROR, "100% bad\nreally", file="a.csv", row=5, cell="AB5"
    )
    assert (
        github.dumps(Report([issue]))
        == "::error file=a.csv,line=5::[negative-value] AB5: 100%25 bad%0Areally"  # a letter, not col=28
    )


def test_text_table_never_cuts_a_number() -> None:
    columns = [
        Column("name", "name"),
        Column("v", "value", "value", digits=6),
        Column("p", "places", "places"),
    ]
    rows = [
        {"name": "a long name that may wrap " * 3, "v": 0.1234565, "p": -12},
        {"name": "b", "v": None, "p": 3},
    ]
    out = text.render(View("title", columns, rows, notes=["a note"]), width=20)
    assert "0.123457" in out and "▼ 12" in out and "▲ 3" in out and "—" in out
    assert out.startswith("title\n") and out.endswith("a note\n")
    assert all(line == line.rstrip() for line in out.splitlines())


def test_long_tables_are_drawn_as_short_ones() -> None:
    # Above RICH_ROWS rows the table is drawn without rich: before, in another style (no rules), which a
    # new user saw switch between a province of 500 communes and one of 501.
    rows = [{"unit": f"U{i}", "v": i / 1000} for i in range(text.RICH_ROWS + 1)]
    view = View(None, [Column("unit", "đơn vị"), Column("v", "value", "value", 3)], rows)
    lines = text.render(view).splitlines()
    assert (
        lines[:3] == ["đơn vị ┃ value", "━━━━━━━╇━━━━━━", "U0     │ 0.000"] and lines[-1] == "U500   │ 0.500"
    )
    rows[0]["unit"] = "Phường Đô Vinh (thành phố Phan Rang - Tháp Chàm)"
    lines = text.render(view, width=30).splitlines()  # COLUMNS=30: 22 for the name, wrapped on words
    assert lines[2:6] == [
        "Phường Đô Vinh (thành  │ 0.000",
        "phố Phan Rang - Tháp   │",
        "Chàm)                  │",
        "U1                     │ 0.001",
    ]


def test_csv_text_columns_whole_or_cell_by_cell_alike() -> None:
    # A clean column is joined and encoded at once; one cell to escape sends it cell by cell.
    clean = ["Xã 0", "", None, "Ủy ban nhân dân"]
    mixed = ["Xã 0", "=1+1", "Sở\n=TTTT", "-", "-3,5", "tệp\udcff"]
    ranks = np.ma.masked_equal(np.array([3, 0, 1, 0], dtype=np.int32), 0)
    written = b"".join(csv.dumps({"name": clean, "rank": ranks})).decode()
    assert written == '"name","rank"\n"Xã 0",3\n"",\n"",1\n"Ủy ban nhân dân",\n'
    written = b"".join(csv.dumps({"name": mixed})).decode()
    assert written == '"name"\n"Xã 0"\n"\'=1+1"\n"Sở\n\'=TTTT"\n"-"\n"-3,5"\n"tệp\\xff"\n'


def test_csv_parts_are_made_as_they_are_written(monkeypatch: pytest.MonkeyPatch) -> None:
    # A large table comes in parts made while the earlier ones are written, not all held at once;
    # the parts joined are the file written in one part.
    table = {"name": ["Xã 1", "Xã 2", "Xã 3", "Xã 4", "Xã 5"], "dti": np.array([0.5, np.nan, 1.0, 0.25, 2.0])}
    rows = [f'"Xã {k}",{v}\n' for k, v in [(1, "0.5"), (2, ""), (3, "1"), (4, "0.25"), (5, "2")]]
    assert b"".join(csv.dumps(table)).decode() == '"name","dti"\n' + "".join(rows)
    monkeypatch.setattr(csv, "PART_ROWS", 2)
    parts = csv.dumps(table)
    assert next(parts).decode() == '"name","dti"\n' + "".join(rows[:2])
    assert [p.decode() for p in parts] == ["".join(rows[2:4]), rows[4]]


def test_a_coded_text_column_is_written_as_the_same_column_in_full() -> None:
    """A long table's units and codes given as distinct texts + codes (views.base.Coded, as `dti gaps`
    gives them) write the same bytes as the texts in full, formulas escaped once per distinct text."""
    from dti.views.base import Coded
    from dti.write.csv import dumps

    texts = np.array(["U01", "=HYPERLINK(1)", "Sở Y tế, Sở Nội vụ"], dtype=object)
    codes = np.array([0, 1, 2, 2, 0, 1], dtype=np.int32)
    full = b"".join(dumps({"unit": texts[codes], "lost": np.arange(6.0)}))
    coded = b"".join(dumps({"unit": Coded(texts, codes), "lost": np.arange(6.0)}))
    assert coded == full
    assert coded.count(b"'=HYPERLINK(1)") == 2 and coded.count('"Sở Y tế, Sở Nội vụ"'.encode()) == 2


def test_whole_numbers_as_integers_and_a_late_fraction_as_floats() -> None:
    """A column of integers is written as its digits, like the same whole floats; a float column whose
    first fraction comes after thousands of whole numbers is still written with its fractions, and the
    whole numbers before it are then floats written without '.0'."""
    from dti.write.csv import dumps

    whole = np.array([3, 10, 0, 7])
    assert b"".join(dumps({"max": whole})) == b"".join(dumps({"max": whole.astype(float)}))
    assert b"".join(dumps({"max": whole})).decode() == '"max"\n3\n10\n0\n7\n'
    late = np.zeros(5000)
    late[4999] = 2.5
    late[4998] = np.nan
    rows = b"".join(dumps({"lost": late})).decode().splitlines()
    assert rows[1] == "0" and rows[-2:] == ["", "2.5"] and len(rows) == 5001
    late[4999] = 2**53  # whole but past a float's exact integers: written as a float
    assert b"".join(dumps({"lost": late})).decode().splitlines()[-1] == "9.007199254740992e+15"


def test_a_coded_number_column_is_written_as_the_numbers_in_full() -> None:
    """Distinct numbers + each row's index (a component's max in `dti gaps`) write as the numbers in full
    would: unquoted, whole numbers without '.0', NaN empty."""
    from dti.views.base import Coded
    from dti.write.csv import dumps

    codes = np.array([0, 1, 2, 1, 0], dtype=np.int32)
    for distinct in (np.array([10.0, 7.0, 8.0]), np.array([2.5, np.nan, 7.0])):
        coded = b"".join(dumps({"max": Coded(distinct, codes)}))
        assert coded == b"".join(dumps({"max": distinct[codes]}))
    assert coded.decode() == '"max"\n2.5\n\n7\n\n2.5\n'


_CHARS = [*"aZ09 .-,", "ệ", "Đ", "ọ", "\u0301", "世", "🙂", "\n", "\u00a0", "\u200b"]  # combining, wide, …
_TEXTS = st.text(st.sampled_from(_CHARS), max_size=9)
_CELLS = st.one_of(st.none(), _TEXTS, st.floats(-2, 2, allow_nan=False), st.integers(-50, 50))


@given(
    st.lists(st.tuples(_TEXTS, st.sampled_from(["text", "value", "int", "places", "list"])), max_size=4),
    st.lists(st.lists(_CELLS, min_size=4, max_size=4), max_size=5),
    st.one_of(st.none(), _TEXTS),
    st.lists(_TEXTS, max_size=2),
)
def test_a_table_to_a_pipe_is_what_rich_writes(
    heads: list[tuple[str, str]], table: list[list[object]], title: str | None, notes: list[str]
) -> None:
    # A pipe's table is drawn without rich (~25 ms of a run): it must be rich's own drawing, line for line.
    columns = [Column(f"c{j}", label, kind) for j, (label, kind) in enumerate(heads)]  # type: ignore[arg-type]
    rows = []
    for values in table:
        row = {}
        for j, (column, value) in enumerate(zip(columns, values, strict=False)):
            textual = column.kind in ("text", "list")
            row[f"c{j}"] = value if textual == isinstance(value, str) or value is None else None
        rows.append(row)
    views = [View(title, columns, rows, notes=notes), View(None, [], [], notes=["x"])]
    page = text._page(views, ".")  # None: a text rich draws its own way (a tab, a no-break space)
    assert page is None or page == text._rich_render(views, None, ".")[0]


def test_a_ranking_to_a_pipe_is_drawn_without_rich() -> None:
    columns = [Column("rank", "hạng", "int"), Column("name", "tên\ntỉnh"), Column("v", "DTI", "value")]
    rows = [{"rank": 1, "name": "Hà Tĩnh", "v": 0.84357}, {"rank": 12, "name": "TP Hồ Chí Minh", "v": None}]
    views = [View("dti-province-2022, năm 2024", columns, rows, notes=["2 đơn vị"])]
    page = text._page(views, ",")
    assert page == text._rich_render(views, None, ",")[0]
    assert page == (
        "dti-province-2022, năm 2024\n"
        "     ┃ tên            ┃\n"
        "hạng ┃ tỉnh           ┃    DTI\n"
        "━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━\n"
        "   1 │ Hà Tĩnh        │ 0,8436\n"
        "  12 │ TP Hồ Chí Minh │      —\n"
        "2 đơn vị\n"
    )
