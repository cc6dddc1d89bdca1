"""Hostile inputs (#13): small files that once took minutes and gigabytes, or ended in exit 4.

Each file is built at test time and is small on disk; the readers' caps make each run fast.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.io.xlsx import XlsxLimits, read_xlsx

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>HTS.01</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>01</t></is></c><c r="B2"><v>0.5</v></c></row>'
)


def _xlsx(path: Path, sheet_xml: str | bytes, *, compress: bool = True) -> Path:
    """A real workbook whose first sheet's XML is replaced by `sheet_xml`."""
    book = openpyxl.Workbook()
    book.active.append(["placeholder"])
    book.save(path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    parts[SHEET] = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method) as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return path


def _sheet(rows: str, dimension: str = "A1:B2", prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet {NS}>'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


def _validate(path: Path) -> tuple[Any, list[dict[str, object]]]:
    result = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022", "--format", "json"])
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)["issues"] if result.stdout.strip() else []


def _unreadable(path: Path, *words: str) -> None:
    result, issues = _validate(path)
    assert result.exit_code == 2, result.output
    assert [i["code"] for i in issues] == ["unreadable-file"]
    message = str(issues[0]["message"])
    assert message.startswith("cannot read the file: ")
    for word in words:
        assert word in message


def test_the_declared_dimension_is_not_trusted(tmp_path: Path) -> None:
    # Was: every row padded to column XFD (16,384 columns); with 6,289 rows, 87 s and 6 GB.
    path = _xlsx(tmp_path / "2023.xlsx", _sheet(ROWS, dimension="A1:XFD40"))
    grid = read_xlsx(path, None)
    assert grid.header == ["unit", "HTS.01"] and len(grid.columns) == 2 and list(grid.rows) == [2]
    result, issues = _validate(path)
    assert result.exit_code == 0 and "unreadable-file" not in {i["code"] for i in issues}


def test_trailing_empty_cells_make_no_columns(tmp_path: Path) -> None:
    empty_far = '<row r="3"><c r="XFD3" s="0"/></row>'
    path = _xlsx(tmp_path / "x.xlsx", _sheet(ROWS + empty_far, dimension="A1"))
    grid = read_xlsx(path, None)
    assert len(grid.columns) == 2 and list(grid.rows) == [2]  # the styled empty row is trailing


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("XFD3", ["cell XFD3 is beyond column 2,000", "DTI_XLSX_MAX_COLUMNS"]),
        # Was: out of memory (the row padded to 16,384 columns, and every row to the widest).
        ("XFD1048576", ["rows beyond row 500,000", "DTI_XLSX_MAX_ROWS"]),
    ],
)
def test_a_far_away_cell_is_refused(tmp_path: Path, cell: str, words: list[str]) -> None:
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    far = f'<row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row>'
    _unreadable(_xlsx(tmp_path / "far.xlsx", _sheet(ROWS + far, dimension=f"A1:{cell}")), *words)


def test_too_many_cells_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DTI_XLSX_MAX_CELLS", "1000")
    body = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>' for r in range(3, 700)
    )
    _unreadable(_xlsx(tmp_path / "many.xlsx", _sheet(ROWS + body)), "1,000 cells", "DTI_XLSX_MAX_CELLS")
    assert len(read_xlsx(tmp_path / "many.xlsx", None, XlsxLimits(cells=2000)).columns) == 2


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Was: a 3 MB zip holding 3 GB of XML used 3.3 GB. Here 4 MB of XML in a ~5 KB zip, the cap at 1 MB.
    monkeypatch.setenv("DTI_XLSX_MAX_BYTES", "1000000")
    path = _xlsx(tmp_path / "bomb.xlsx", _sheet(ROWS + " " * 4_000_000))
    assert path.stat().st_size < 50_000
    _unreadable(path, "unpacks to 4,0", "above the limit of 1,000,000 unpacked bytes", "DTI_XLSX_MAX_BYTES")


def test_a_limit_is_said_in_the_command_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DTI_XLSX_MAX_BYTES", "1000000")
    path = _xlsx(tmp_path / "bomb.xlsx", _sheet(ROWS + " " * 4_000_000))
    args = ["validate", str(path), "--spec", "dti-province-2022"]
    vi = runner.invoke(app, args)
    assert vi.exit_code == 2
    said = " ".join(vi.output.split())
    assert "không đọc được tệp: bảng tính giải nén ra 4.0" in said
    assert "vượt giới hạn 1.000.000 byte khi giải nén: hãy tách tệp, hoặc nâng giới hạn bằng DTI_XLSX" in said
    en = runner.invoke(app, [*args, "--lang", "en"])
    assert en.exit_code == 2
    said = " ".join(en.output.split())
    assert "cannot read the file: the workbook unpacks to 4,0" in said
    assert (
        "above the limit of 1,000,000 unpacked bytes: split the file, or raise the limit with DTI_XLSX"
        in said
    )


def test_an_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    cell = '<row r="3"><c r="A3" t="inlineStr"><is><t>&i;</t></is></c></row>'
    path = _xlsx(tmp_path / "lol.xlsx", _sheet(ROWS + cell, prolog=f"<!DOCTYPE worksheet [{entities}]>"))
    _unreadable(path, "EntitiesForbidden")  # defusedxml refuses the DTD's entities at once
    said = runner.invoke(app, ["validate", str(path), "--spec", "dti-province-2022"])  # Vietnamese by default
    assert said.exit_code == 2 and "XML trong tệp khai báo DTD" in " ".join(said.output.split())


@pytest.mark.parametrize(
    "sheet_xml",
    [
        _sheet(ROWS + '<row r="3"><c r="A3"><v>1</v></c>' * 50)[:-60],  # truncated
        _sheet(ROWS + '<row r="3"><c r="A3"><v>1</c></row>'),  # mismatched tag
        _sheet(ROWS + '<row r="3"><c r="3A"><v>1</v></c></row>'),  # not a cell reference
        _sheet(ROWS + '<row r="x"><c r="A3"><v>1</v></c></row>'),  # not a row number
    ],
    ids=["truncated", "mismatched-tag", "bad-cell-reference", "bad-row-number"],
)
def test_a_malformed_sheet_is_an_unreadable_file(tmp_path: Path, sheet_xml: str) -> None:
    _unreadable(_xlsx(tmp_path / "bad.xlsx", sheet_xml), "not a readable Excel file")


def _laughs(levels: int) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_a_yaml_billion_laughs_target_list_is_refused(tmp_path: Path) -> None:
    # Was: a 546-byte list took 93 s and 5.5 GB. Here 10 million values in ~600 bytes.
    path = tmp_path / "targets.yaml"
    path.write_text(_laughs(7) + "targets:\n- {id: T1, name: *l6, target: '≥ 80%', result: 85%}\n")
    result = runner.invoke(app, ["targets", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "unreadable-file" in result.output and "DTI_YAML_MAX_NODES" in result.output


def test_a_yaml_billion_laughs_spec_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        _laughs(7) + "id: lol\ntitle: *l6\nnodes:\n- {code: A, name_vi: a, kind: total, max_points: 1}\n"
    )
    result = runner.invoke(app, ["spec", "check", str(path)])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert (
        "values once its aliases (*name) are written out" in result.output
        and "DTI_YAML_MAX_NODES" in result.output
    )


def test_a_self_containing_yaml_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text("targets: &t\n- {id: T1, name: *t, target: '≥ 80%', result: 85%}\n")
    result = runner.invoke(app, ["targets", str(path)])
    assert result.exit_code == 2 and "an alias refers to a node that contains it" in result.output


def test_yaml_aliases_within_the_caps_still_load(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "id: shared\ntitle: S\nnodes:\n"
        "- {code: T, name_vi: t, kind: total, children: [A, B]}\n"
        "- {code: A, name_vi: a, kind: component, max_points: 1, rule: &yn {kind: yesno}}\n"
        "- {code: B, name_vi: b, kind: component, max_points: 1, rule: *yn}\n"
    )
    result = runner.invoke(app, ["spec", "check", str(path)])
    assert result.exit_code == 0, result.output


def test_infinite_max_points_is_a_spec_error(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "id: inf\ntitle: I\nnodes:\n"
        "- {code: T, name_vi: t, kind: total, children: [A]}\n"
        "- {code: A, name_vi: a, kind: component, max_points: .inf, rule: {kind: points}}\n"
    )
    result = runner.invoke(app, ["spec", "check", str(path)])
    assert result.exit_code == 3 and "Traceback" not in result.output
    # refused by the YAML loader (#23: no reader is handed a number beyond range), at its line
    assert "dòng 5: số '.inf' nằm ngoài giới hạn" in result.output
    result = runner.invoke(app, ["spec", "check", str(path), "--lang", "en"])
    assert result.exit_code == 3
    assert "not valid YAML: line 5: the number '.inf' is out of range" in result.output


# --- YAML values (#23): numbers beyond range and keys written twice, in every YAML dti reads ----------

NODES = (
    "nodes:\n"
    "- code: T\n  name_vi: Tổng\n  kind: total\n  children: [A]\n"
    "- code: A\n  name_vi: Có Ban Chỉ đạo chuyển đổi số\n  kind: component\n  max_points: {points}\n"
    "  rule: {{kind: yesno}}\n"
)


def _spec(tmp_path: Path, points: str, extra: str = "") -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("id: x\ntitle: Bộ chỉ số xã\n" + NODES.format(points=points) + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("number", ["9" * 5000, str(2**63), "-" + "9" * 30, "1.0e+400", ".inf", ".nan"])
def test_a_number_beyond_range_is_a_yaml_error_naming_its_line(tmp_path: Path, number: str) -> None:
    # 5,000 digits passed Python's int-string limit (ValueError, exit 4); 1.0e+400 overflowed to inf
    result = runner.invoke(app, ["spec", "check", str(_spec(tmp_path, number)), "--lang", "en"])
    assert result.exit_code == 3, result.output
    shown = number if len(number) <= 24 else number[:20] + "…"
    assert f"not valid YAML: line 11: the number '{shown}' is out of range" in result.output


def test_the_largest_whole_number_still_loads() -> None:
    from dti.io.yamlsafe import load_yaml

    assert load_yaml(f"a: {2**63 - 1}\nb: -{2**63 - 1}\nc: 1.5e+300\n") == {
        "a": 2**63 - 1,
        "b": -(2**63 - 1),
        "c": 1.5e300,
    }


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    # the last max_points silently won (5 points instead of 10)
    path = _spec(tmp_path, "10\n  max_points: 5")
    result = runner.invoke(app, ["spec", "check", str(path), "--lang", "en"])
    assert result.exit_code == 3
    assert "the key 'max_points' is written twice, on line 11 and line 12" in result.output
    result = runner.invoke(app, ["spec", "check", str(path)])
    assert "khóa 'max_points' được ghi hai lần, ở dòng 11 và dòng 12" in result.output


def test_a_merge_key_may_be_overridden() -> None:
    from dti.io.yamlsafe import load_yaml

    text = "base: &b {kind: yesno, points: 1}\nrule:\n  <<: *b\n  points: 2\n"
    assert load_yaml(text)["rule"] == {"kind": "yesno", "points": 2}


def test_owners_rules_and_targets_refuse_them_too(tmp_path: Path) -> None:
    owners = tmp_path / "owners.yaml"
    # the second lead replaced the first, silently
    owners.write_text("owners:\n  HTS: Sở Khoa học và Công nghệ\n  HTS: Sở Công Thương\n", encoding="utf-8")
    calendar = ["calendar", "--spec", "dti-province-2022", "--year", "2026", "--lang", "en"]
    result = runner.invoke(app, [*calendar, "--owners", str(owners)])
    assert result.exit_code == 2, result.output
    assert "the key 'HTS' is written twice, on line 2 and line 3" in result.output
    rules = tmp_path / "rules.yaml"
    rules.write_text(f"soon_days: {'9' * 5000}\nrules: []\n", encoding="utf-8")
    result = runner.invoke(app, [*calendar, "--owners", "sample_data/owners.csv", "--rules", str(rules)])
    assert result.exit_code == 2, result.output
    assert f"{rules}: cannot read the calendar rules: line 1: the number '99999999999999999999…'" in (
        result.output
    )
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        f"targets:\n- name: Tỷ lệ hồ sơ trực tuyến\n  target: {'9' * 5000}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["targets", str(targets), "--format", "json", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "line 3: the number '99999999999999999999…' is out of range" in result.output
