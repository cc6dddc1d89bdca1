"""The quick paths of reading at scale give what the general ones give (issue 25).

A large UTF-8 file is read by pyarrow from its bytes; anything else (a BOM aside) from its decoded text.
A wide file that gives every unit once fills its layer whole; any other file cell by cell.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from dti.engine import fill
from dti.engine.build import read_submission
from dti.engine.submission import Submission
from dti.io import csvfile
from dti.io.files import read_grids
from dti.io.grid import Grid
from dti.io.register import UnitRegister
from dti.spec import Spec

from .conftest import ROOT


def _generated(tmp_path: Path, units: int) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    return generate(units, "dti-province-2022", tmp_path)


def _cells(grids: list[Grid]) -> list[list[list[str]]]:
    return [[[c.texts[k] for k in c.codes.tolist()] for c in g.columns] for g in grids]


def _last_row(data: bytes, word: bytes) -> bytes:
    """The file's last row again, its unit U09999, its answers 'không' written as `word`."""
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[1]
    assert "không".encode() in last
    return b"U09999," + last.split(b",", 1)[1].replace("không".encode(), word) + b"\n"


def _read(path: Path) -> tuple[list[Grid], list[str]]:
    grids, issues = read_grids([path], None)
    return grids, [str(i.to_dict()) for i in issues]


@pytest.mark.parametrize(
    "change, from_bytes",
    [
        (lambda b: b, True),
        (lambda b: b"\xef\xbb\xbf" + b, True),  # Excel's 'CSV UTF-8' starts with a BOM
        (lambda b: b"\n ,,\n" + b, True),  # blank lines above the header
        # a decomposed word near the end: the whole text is normalised, as before
        (lambda b: b + _last_row(b, unicodedata.normalize("NFD", "không").encode()), False),
        (lambda b: b + _last_row(b, "không".encode("cp1258")), False),  # Windows-1258: warned
    ],
)
def test_a_large_file_reads_the_same_from_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: object, from_bytes: bool
) -> None:
    data, _ = _generated(tmp_path, 2000)
    changed = change(data.read_bytes())  # type: ignore[operator]
    assert len(changed) > csvfile.HEAD_BYTES  # more than the first lines looked at
    data.write_bytes(changed)
    taken = []
    quick = csvfile._read_utf8_arrow

    def spy(*args: object) -> Grid | None:
        grid = quick(*args)  # type: ignore[arg-type]
        taken.append(grid is not None)
        return grid

    monkeypatch.setattr(csvfile, "_read_utf8_arrow", spy)
    grids, issues = _read(data)
    monkeypatch.setattr(csvfile, "_read_utf8_arrow", lambda *args: None)
    text_grids, text_issues = _read(data)
    assert taken == [from_bytes]
    assert [g.header for g in grids] == [g.header for g in text_grids]
    assert [g.rows.tolist() for g in grids] == [g.rows.tolist() for g in text_grids]
    assert _cells(grids) == _cells(text_grids)
    assert issues == text_issues
    assert ("encoding-fallback" in str(issues)) == (b"kh\xf4ng" in changed)


def _layers(sub: Submission) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for stage, layer in sub.layers.items():
        for name in ("value", "percent", "status", "source", "row", "col"):
            a = getattr(layer, name)
            given = layer.status != 0  # where absent, a broadcast origin may name the file, row, column
            out[f"{stage}.{name}"] = np.where(given, a, -7).tolist() if name != "value" else a.tolist()
        out[f"{stage}.text"] = [sub.text(int(t)) for t in layer.token.ravel()]
    return out


@pytest.mark.parametrize(
    "edit",
    [
        lambda lines: lines,
        lambda lines: [lines[0], *reversed(lines[1:])],  # rows not in the units' order
        lambda lines: [*lines, "U99999," + lines[1].split(",", 1)[1]],  # an unknown unit: a row left out
        lambda lines: [*lines, lines[3]],  # a unit twice: the general path reports it
    ],
)
def test_a_layer_filled_whole_is_the_layer_filled_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec2022: Spec, edit: object
) -> None:
    data, register_path = _generated(tmp_path, 300)
    lines = data.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")  # type: ignore[operator]
    register = UnitRegister.read(register_path)
    whole = read_submission(data, spec2022, register)
    monkeypatch.setattr(fill.Builder, "_whole", lambda *args: None)
    by_cell = read_submission(data, spec2022, register)
    assert whole.units == by_cell.units
    a, b = _layers(whole), _layers(by_cell)
    for key in a:
        assert a[key] == b[key] or (
            key.endswith(".value") and np.array_equal(a[key], b[key], equal_nan=True)
        ), key
    assert [i.to_dict() for i in whole.issues] == [i.to_dict() for i in by_cell.issues]


def test_a_register_reads_the_same_whole_and_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text("code,name,region\n X1 ,Xã A ,Bắc\nX2,Xã B,Nam\n\nX3,Xã C,\n", encoding="utf-8")
    whole = UnitRegister.read(path)
    path.write_text("code,name,region\n X1 ,Xã A ,Bắc\nX2,Xã B,Nam\n\nX3,Xã C\n", encoding="utf-8")  # ragged
    ragged = UnitRegister.read(path)
    assert whole.names == ragged.names == {"X1": "Xã A", "X2": "Xã B", "X3": "Xã C"}
    assert whole.regions == ragged.regions == {"X1": "Bắc", "X2": "Nam", "X3": ""}
    assert whole.by_name() == {"xã a": "X1", "xã b": "X2", "xã c": "X3"}


def test_a_file_read_ahead_reads_as_read_then_and_again_once_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_ahead (a report's earlier years, read while the report year is scored) gives read_grids the
    grids and issues a read then gives, once; a file changed since is read again; a read that raised
    raises where the grids are asked for."""
    from dti.io import files

    data, _ = _generated(tmp_path, 2000)
    extra = _last_row(data.read_bytes(), "không".encode("cp1258"))  # not UTF-8: an issue
    data.write_bytes(data.read_bytes() + extra)
    expected = _read(data)
    assert expected[1]  # the encoding said
    files.read_ahead([data])
    assert (data, None) in files._AHEAD
    assert _cells(_read(data)[0]) == _cells(expected[0]) and _read(data)[1] == expected[1]
    assert (data, None) not in files._AHEAD  # taken once
    files.read_ahead([data])
    files._AHEAD[data, None][1].join()
    data.write_bytes(data.read_bytes().replace(extra, b""))  # changed after its read ahead
    assert _read(data)[1] == [] and (data, None) not in files._AHEAD

    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("read ahead")

    monkeypatch.setattr(files, "_read", broken)
    files.read_ahead([data])
    with pytest.raises(MemoryError, match="read ahead"):
        read_grids([data], None)
