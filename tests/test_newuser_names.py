"""Names as a new user's files wrote them: a submission's self-assessment headers, unit kinds
abbreviated, file names holding control characters, counts of one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.io.headers import canonical
from dti.io.register import UnitRegister
from dti.text import escape_controls, name_keys
from dti.words import say


@pytest.mark.parametrize(
    "header", ["Kết quả tự đánh giá", "Kết quả tự chấm", "Điểm tự đánh giá", "ĐIỂM TỰ CHẤM", "Diem tu cham"]
)
def test_a_self_assessment_header_is_the_value(header: str) -> None:
    assert canonical(header) == "value"


def test_a_unit_kind_abbreviated_names_the_unit(tmp_path: Path) -> None:
    units = tmp_path / "xa_units.csv"
    units.write_text(
        "code,name\nX01,Xã Nhơn Hải\nX04,Thị trấn Khánh Hải\nH01,Huyện Ninh Hải\nTX1,Thị xã Ninh Hòa\n"
        "P01,Phường Tân Định\nQ01,Quận 1\n",
        encoding="utf-8",
    )
    register = UnitRegister.read(units)
    written = [
        "TT Khánh Hải",
        "TT. Khánh Hải",
        "X. Nhơn Hải",
        "H. Ninh Hải",
        "TX Ninh Hòa",
        "P.Tân Định",
        "Q.1",
    ]
    codes, _ = register.resolve(written)
    assert codes == ["X04", "X04", "X01", "H01", "TX1", "P01", "Q01"]
    # a one-letter kind only with its dot; 'TP.' stays the city prefix it was
    assert name_keys(["H Mông", "TP. Phan Rang-Tháp Chàm"]) == ["h mông", "phan rang tháp chàm"]


def test_counts_of_one_take_the_singular() -> None:
    assert say("score.title", "en", spec="x", count=1, by="DTI", digits=4).startswith("x: 1 unit, ranked")
    assert say("score.title", "en", spec="x", count=np.int64(2), by="DTI", digits=4).startswith("x: 2 units,")
    assert say("tracking.tasks.days-overdue", "en", days=1) == ", 1 day overdue"
    assert say("score.title", "vi", spec="x", count=1, by="DTI", digits=4).startswith("x: 1 đơn vị,")
    said = say("answers.counts-read", "en", file="a.csv", count=1, cells=["C2"])
    assert said == "a.csv: 1 cell gives a share as counts a/b, read as a percentage: C2"


def test_the_counts_audit_lists_cells_by_sheet_and_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sở KH&CN"
    ws.append(["STT", "Mã chỉ số", "Tên chỉ số", "Đơn vị tính", "Kết quả"])
    ws.append([1, "NTS.02", "Số cuộc họp của Ban Chỉ đạo", "cuộc", "3 cuộc"])
    ws.append([2, "HTS.01", "Tỷ lệ hộ gia đình có cáp quang", "hộ", "512.340/570.000"])
    ws.append([3, "HTS.02", "Tỷ lệ dân số trưởng thành có ĐTTM", "%", 0.875])
    ws.append([4, "TCS.08", "Tỷ lệ sở, ngành có kế hoạch CĐS", "sở, ngành", "18/21 sở, ngành"])
    ws2 = wb.create_sheet("Sở Y tế")
    ws2.append(["STT", "Mã chỉ số", "Tên chỉ số", "Đơn vị tính", "Kết quả"])
    ws2.append([1, "HDXH.04", "Tỷ lệ cơ sở KCB khám từ xa", "cơ sở", "45/60"])
    path = tmp_path / "so_ban_nganh_2023.xlsx"
    wb.save(path)
    result = CliRunner().invoke(app, ["validate", str(path), "--as-unit", "58", "--lang", "en"])
    line = next(t for t in result.output.splitlines() if "a/b" in t)
    cells = [c.split(" (")[0] for c in line.split("percentage: ")[1].split("; ")]
    assert cells == ["Sở KH&CN!E3", "Sở KH&CN!E5", "Sở Y tế!E2"]


def test_a_file_name_with_a_newline_stays_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "xa\nnewline 2024.csv"
    path.write_text("Mã đơn vị,Chỉ số,Giá trị\n58,HTS.01,512/570\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert "xa\\nnewline 2024.csv: 1 cell gives a share" in result.output
    assert not any(
        line == "newline 2024.csv" or line.startswith("newline 2024.csv:")
        for line in result.output.splitlines()
    )
    assert escape_controls("a\x1b[31m\tb\r") == "a\\x1b[31m\\tb\\r"
