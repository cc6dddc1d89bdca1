"""Names as a new user's files wrote them: a submission's self-assessment headers, unit kinds
abbreviated, file names holding control characters, counts of one."""

from __future__ import annotations

from pathlib import Path

import pytest

from dti.io.headers import canonical
from dti.io.register import UnitRegister
from dti.text import name_keys


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
