"""`dti score --unit` on the ministry's published tables (issue 24): the rank out of the units the
publisher ranked (a top-18 table ranks out of 63), the places gained as `dti report` counts them, and no
self-assessed column that nobody self-assessed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from dti.cli import app

PROVINCES = Path(__file__).parent.parent / "dti" / "data" / "provinces_2024.csv"
NAMES = [r["name"] for r in csv.DictReader(PROVINCES.read_text(encoding="utf-8").splitlines())]


def ranking(path: Path, year: int, names: list[str]) -> Path:
    """A published DTI ranking as copied: titles, a two-row header; the k-th name ranked k+1."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"])  # type: ignore[union-attr]
    sheet.append([f"KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM {year}"])  # type: ignore[union-attr]
    sheet.append([])  # type: ignore[union-attr]
    sheet.append(["STT", "Tỉnh, thành phố", "Chỉ số DTI", None])  # type: ignore[union-attr]
    sheet.append([None, None, "Giá trị", "Xếp hạng"])  # type: ignore[union-attr]
    for k, name in enumerate(names):
        sheet.append([k + 1, name, round(0.75 - 0.005 * k, 4), k + 1])  # type: ignore[union-attr]
    book.save(path)
    return path


def test_unit_of_a_top_table_ranks_out_of_the_published_count(tmp_path: Path) -> None:
    # 2022: all 63 in the register's order, Ninh Thuận 38th; 2023: the top 18, Ninh Thuận 10th
    before = ranking(tmp_path / "xep_hang_dti_2022.xlsx", 2022, NAMES)
    ninh_thuan = NAMES.index("Ninh Thuận")
    top = [n for n in NAMES if n != "Ninh Thuận"][:9] + ["Ninh Thuận"] + NAMES[9:17]
    assert len(top) == 18 and ninh_thuan == 37
    now = ranking(tmp_path / "top18_dti_2023.xlsx", 2023, top)
    args = ["score", str(now), "--unit", "Ninh Thuận", "--previous", str(before)]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    dti = json.loads(result.stdout)["nodes"][0]
    assert (dti["code"], dti["rank"], dti["ranked"]) == ("DTI", 10, 63)
    assert (dti["previous_rank"], dti["previous_ranked"], dti["places"]) == (38, 63, 28)
    assert dti["self"] is None and dti["verified_change"] is None  # nobody self-assessed
    shown = CliRunner().invoke(app, args, env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output
    assert "10/63" in shown.stdout and "38/63" in shown.stdout
    assert "tự đánh giá" not in shown.stdout and "thẩm định" not in shown.stdout
