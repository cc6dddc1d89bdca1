"""An empty cell in a table of index values is unknown, not 0 points (a new user's finding).

The table is sample_data/published_2023.csv, the ministry's 2023 main-index values and ranks, with four
cells blanked: unit 02 HTS, unit 04 NLS and HDXH, unit 08 NTS. Before the fix the main indices under the
blanks scored 0 points "at stake": Cao Bằng (04) got a DTI of 0,4813 (73,10 + 65,65 + 57,94 + 0 + 59,07 +
125,68 + 99,885 + 0 points of 1000, its published values with NLS and HDXH as 0), ranked 41, beside its
published rank 19/63; and validation said "unit 02 has no row for 7 indicators: HTS.01..." of no cell.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dti.analysis.ranking import run_year_table
from dti.cli import app
from dti.io.register import UnitRegister
from dti.pipeline import Run, evaluate
from dti.words import say

from .conftest import hanoi_total_only

PUBLISHED = Path(__file__).parent.parent / "sample_data" / "published_2023.csv"
BLANKS = {"02": ["HTS"], "04": ["NLS", "HDXH"], "08": ["NTS"]}
# The nodes each blank leaves without a value (dti-province-2022): the blank main index, the DTI, and each
# pillar it is in: the five foundation indices are in all three pillars, HDXH in Xã hội số alone.
UNKNOWN = {
    "02": {"HTS", "DTI", "CQS", "KTS", "XHS"},
    "04": {"NLS", "HDXH", "DTI", "CQS", "KTS", "XHS"},
    "08": {"NTS", "DTI", "CQS", "KTS", "XHS"},
}


def blanked(folder: Path, blanks: dict[str, list[str]] = BLANKS, name: str = "published_2023.csv") -> Path:
    """A copy of the published table with the cells `blanks` names emptied, otherwise as it is."""
    with PUBLISHED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for row in rows[1:]:
        for code in blanks.get(row[0], []):
            row[header.index(code)] = ""
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Run]:
    """(the published table, its blanked copy), each evaluated."""
    return evaluate(PUBLISHED), evaluate(blanked(tmp_path_factory.mktemp("blanks")))


def test_a_blank_main_index_leaves_it_its_pillars_and_the_dti_unknown(runs: tuple[Run, Run]) -> None:
    original, copy = runs
    assert original.result is not None and copy.result is not None
    before, after = original.result, copy.result
    assert after.unit_codes == before.unit_codes  # no unit dropped
    for unit, unknown in UNKNOWN.items():
        i = after.unit_codes.index(unit)
        for code in ("DTI", "CQS", "KTS", "XHS", "NTS", "TCS", "HTS", "NLS", "ATTT", "HDCQ", "HDKT", "HDXH"):
            j = after.spec.graph.index[code]
            if code in unknown:  # no value, no rank, no points at stake (nothing was scored 0)
                assert np.isnan(after.values_matrix[i, j]), (unit, code)
                assert after.ranks_matrix[i, j] == 0, (unit, code)
                assert np.isnan(after.missing_matrix[i, j]), (unit, code)
            else:  # the unit's other values stay as published
                assert after.values_matrix[i, j] == before.values_matrix[i, j], (unit, code)
    # Cao Bằng's DTI is not the 0,4813 of its indices with two of them as 0 (see the module's docstring)
    assert np.isnan(after.values.at["04", "DTI"])


def test_every_other_unit_keeps_its_values_and_its_place(runs: tuple[Run, Run]) -> None:
    original, copy = runs
    assert original.result is not None and copy.result is not None
    before, after = original.result, copy.result
    others = [i for i, u in enumerate(before.unit_codes) if u not in BLANKS]
    assert len(others) == 60
    # every value of the 60 other units (DTI, pillars, main indices) exactly as the whole table gives it
    np.testing.assert_array_equal(after.values_matrix[others], before.values_matrix[others])
    # their computed ranks are among the 60 units with a DTI: the whole table's rank less the blanked units
    # above them (Hà Nội, 29th of 63, has Cao Bằng, 19th, above it: 28th of 60)
    dti = before.spec.graph.index["DTI"]
    blanked_ranks = [before.ranks_matrix[before.unit_codes.index(u), dti] for u in BLANKS]
    for i in others:
        rank = before.ranks_matrix[i, dti]
        assert after.ranks_matrix[i, dti] == rank - sum(r < rank for r in blanked_ranks)
    assert after.ranks.at["01", "DTI"] == 28 and before.ranks.at["01", "DTI"] == 29
    # the ranks as the table publishes them (dti rank, the report) are every unit's, the blanked ones too
    register = UnitRegister.provinces()
    published, kept = run_year_table(original, register), run_year_table(copy, register)
    assert kept.units == published.units
    np.testing.assert_array_equal(kept.rank_matrix[:, 0], published.rank_matrix[:, 0])
    assert kept.rank("04", "DTI") == 19 and kept.value("04", "DTI") is None


def test_validate_names_each_empty_cell(runs: tuple[Run, Run]) -> None:
    _, copy = runs
    warnings = [i for i in copy.report.issues if i.code == "missing-value"]
    # header = row 1, unit 01 = row 2; columns unit, name, year, NTS (D), TCS, HTS (F), NLS (G), ATTT, DTTM,
    # HDCQ, HDKT, HDXH (L): each empty cell once, where it is (DTTM, worth 0 points and empty in every row
    # of the ministry's table, is no warning)
    assert [(i.row, i.cell, i.column, i.unit, i.indicator) for i in warnings] == [
        (3, "F3", "HTS", "02", "HTS"),
        (4, "G4", "NLS", "04", "NLS"),
        (4, "L4", "HDXH", "04", "HDXH"),
        (6, "D6", "NTS", "08", "NTS"),
    ]
    assert len(copy.report.issues) == 4
    assert {Path(str(i.file)).name for i in warnings} == {"published_2023.csv"}
    assert warnings[2].message == (
        "empty cell: HDXH of unit 04 has no value in the table; left empty, not scored as 0 and not ranked: "
        "HDXH, DTI, XHS"
    )
    assert say(warnings[0].key, "vi", **dict(warnings[0].params)) == (
        "ô trống: HTS của đơn vị 02 không có giá trị trong bảng; để trống, không tính bằng 0 điểm và không "
        "xếp hạng: HTS, DTI, CQS, KTS, XHS"
    )
    assert not any(i.key == "check.absent" for i in copy.report.issues)  # no "no row for HTS.01..."


def test_a_missing_marker_is_an_empty_cell_too(tmp_path: Path) -> None:
    path = blanked(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.count('"0,6655",,"0,2788"') == 1  # unit 02's TCS, (HTS), NLS
    path.write_text(text.replace('"0,6655",,"0,2788"', '"0,6655",-,"0,2788"'), encoding="utf-8")
    run = evaluate(path)
    assert run.result is not None
    assert run.result.values.loc["02", ["HTS", "DTI", "CQS"]].isna().all()
    first = next(i for i in run.report.issues if i.unit == "02")
    assert (first.cell, first.value, first.message.split(":")[0]) == ("F3", "-", "the cell says '-'")


def test_the_unit_report_gives_no_computed_dti_beside_the_published_rank(tmp_path: Path) -> None:
    path = blanked(tmp_path)
    out = tmp_path / "bao_cao.html"
    done = CliRunner().invoke(app, ["report", str(path), "--unit", "04", "--draws", "0", "-o", str(out)])
    assert done.exit_code == 0, done.output
    html = out.read_text(encoding="utf-8")
    assert "0,4813" not in html  # the DTI the blanks scored as 0 gave (see the module's docstring)
    assert (
        "Năm 2023, DTI của Cao Bằng chưa xác định: bảng không có giá trị NLS, HDXH, nên DTI không được tính "
        "(không tính bằng 0 điểm); hạng đã công bố: 19/63." in html
    )


def test_dti_score_lists_the_unit_without_a_dti_or_a_rank(tmp_path: Path) -> None:
    import json

    path = blanked(tmp_path)
    done = CliRunner().invoke(app, ["score", str(path), "--format", "json"])
    assert done.exit_code == 0, done.output
    units = {u["unit"]: u for u in json.loads(done.stdout)["units"]}
    assert (units["04"]["values"]["DTI"], units["04"]["ranks"]["DTI"]) == (None, None)
    assert units["04"]["values"]["NTS"] == pytest.approx(0.731)
    assert units["20"]["ranks"]["DTI"] == 1  # Lạng Sơn, first as published


def test_a_results_table_computes_an_empty_total_from_its_parts_and_says_so(tmp_path: Path) -> None:
    """A table of DTI beside the main indices: an empty DTI is computed from the main indices (as the
    ministry computes it) with a warning that says so; an empty main index leaves it and the pillars
    unknown, and the DTI the table publishes beside it stays."""
    original = evaluate(PUBLISHED)
    assert original.result is not None
    dti = dict(zip(original.result.unit_codes, original.result.values["DTI"], strict=True))
    with PUBLISHED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[0].insert(3, "DTI")
    for row in rows[1:]:
        row.insert(3, "" if row[0] == "01" else f"{dti[row[0]]:.4f}".replace(".", ","))
        if row[0] == "02":
            row[rows[0].index("NLS")] = ""
    path = tmp_path / "dti_2023.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    run = evaluate(path)
    assert run.kind == "values" and run.result is not None
    values = run.result.values
    assert values.at["01", "DTI"] == pytest.approx(0.548975)  # Hà Nội's 9 published main indices, weighted
    assert values.at["02", "DTI"] == 0.3086  # as published, its empty NLS notwithstanding
    assert values.loc["02", ["NLS", "CQS", "KTS", "XHS"]].isna().all()
    said = [(i.cell, i.key) for i in run.report.issues if i.code == "missing-value"]
    assert said == [("D2", "check.unknown-computed"), ("H3", "check.unknown")]
    assert run.report.issues[0].message == (
        "empty cell: DTI of unit 01 has no value in the table; computed from the indices below it that the "
        "table gives"
    )


def test_an_empty_total_over_given_main_indices_is_computed_from_them(tmp_path: Path) -> None:
    """A DTI column that only Hà Nội fills (0,5, with its main indices empty): no unit gives a node beside
    its parts, so the table is scored as main indices; each other unit's empty DTI is computed from its
    nine main indices, exactly as the table without the column gives it. Smart city (DTTM), empty in every
    row and worth 0 points, is 0 points whatever it holds: it leaves nothing unknown."""
    original = evaluate(PUBLISHED)
    path = hanoi_total_only(tmp_path / "dti_2023.csv")
    run = evaluate(path)
    assert run.kind == "components" and run.result is not None and original.result is not None
    after, before = run.result.values, original.result.values
    assert after.at["01", "DTI"] == 0.5 and after.loc["01", ["NTS", "CQS"]].isna().all()
    np.testing.assert_array_equal(after["DTI"].iloc[1:], before["DTI"].iloc[1:])
    computed = [i for i in run.report.issues if i.key == "check.unknown-computed"]
    assert len(computed) == 62 and computed[0].cell == "D3"
