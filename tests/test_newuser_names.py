"""Names as a new user's files wrote them: a submission's self-assessment headers, unit kinds
abbreviated, file names holding control characters, counts of one."""

from __future__ import annotations

import pytest

from dti.io.headers import canonical


@pytest.mark.parametrize(
    "header", ["Kết quả tự đánh giá", "Kết quả tự chấm", "Điểm tự đánh giá", "ĐIỂM TỰ CHẤM", "Diem tu cham"]
)
def test_a_self_assessment_header_is_the_value(header: str) -> None:
    assert canonical(header) == "value"
