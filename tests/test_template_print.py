"""`dti template` printed (issue 26): each sheet landscape A4, one page wide, the header row on every page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from tests.conftest import soffice_convert

OWNERS = Path(__file__).parent.parent / "sample_data" / "owners.csv"


def _template(tmp_path: Path) -> Path:
    out = tmp_path / "thu_thap.xlsx"
    args = ["template", "--owners", str(OWNERS), "--unit", "58", "--year", "2023", "-o", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    return out


def test_each_sheet_prints_landscape_a4_one_page_wide(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(tmp_path))
    for ws in book.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, ws.title  # 1 is the default
    for ws in book.worksheets[1:]:
        assert ws.print_title_rows == "$5:$5"  # the header row (STT … Ghi chú / minh chứng) on every page
        # the title rows wrap within the table (A:J), not past it (a long list of codes widened the page)
        assert {str(r) for r in ws.merged_cells.ranges} >= {"A1:J1", "A2:J2", "A3:J3"}
    cover = book.worksheets[0]
    assert "A1:D1" in {str(r) for r in cover.merged_cells.ranges}
    how = next(r for r in range(1, 15) if cover.cell(r, 1).value == "Cách điền")
    assert f"B{how}:D{how}" in {str(r) for r in cover.merged_cells.ranges}
    assert cover.row_dimensions[how].height >= 45  # 3 lines or more: the text is ~300 letters


@pytest.mark.slow
def test_libreoffice_prints_each_sheet_one_page_wide(tmp_path: Path) -> None:
    """As printed from LibreOffice: no column strips, every page A4 landscape with the whole header."""
    pdf = soffice_convert(_template(tmp_path), "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    assert 11 <= pages <= 22  # the cover and 10 department sheets, each one or two pages long (was 51)
    for page in range(2, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Mã chỉ số" in text and "Ghi chú / minh chứng" in text, page
