"""Yes/no and choice answers as units write them (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dti.engine.build import read_submission
from dti.engine.rules import option_of
from dti.engine.scoring import score
from dti.engine.validate import validate
from dti.io.register import UnitRegister
from dti.numbers import yes_no
from dti.spec import Spec


@pytest.mark.parametrize("word", ["x", "✓", "có", "đã ban hành", "đã"])
def test_ticks_and_done_phrases_are_yes(word: str) -> None:
    assert yes_no(word) is True


@pytest.mark.parametrize("word", ["không", "chưa ban hành", "chưa có", "0"])
def test_not_yet_phrases_are_no(word: str) -> None:
    assert yes_no(word) is False


def test_a_choice_answer_containing_one_option() -> None:
    options = {"chủ tịch": 10.0, "phó chủ tịch": 5.0, "không": 0.0}
    assert option_of("chủ tịch ubnd tỉnh", options) == 10.0
    assert option_of("phó chủ tịch ubnd tỉnh", options) == 5.0  # the longer option wins over its part
    assert option_of("bí thư", options) != option_of("bí thư", options)  # NaN: not an option


def test_an_option_is_never_a_missing_marker(tmp_path: Path, spec2022: Spec) -> None:
    # HDCQ.18 has the option 'chưa có' (0 points): it is an answer, lost on reported data, not
    # missing data at stake (before: 9 points 'at stake'). 'x' in a yes/no column is a tick.
    path = tmp_path / "d.csv"
    path.write_text("unit,indicator,value\n48,HDCQ.18,chưa có\n48,HTS.04,x\n48,HTS.05,-\n", encoding="utf-8")
    sub = read_submission(path, spec2022, UnitRegister.provinces())
    report = validate(spec2022, sub)
    assert report.valid
    missing = [i.indicator for i in report.issues if i.code == "missing-value" and i.indicator]
    assert missing == ["HTS.05"]
    result = score(spec2022, sub)
    assert result.missing_points.at["48", "HDCQ.18"] == 0 and result.points.at["48", "HDCQ.18"] == 0
    assert result.points.at["48", "HTS.04"] == spec2022.node("HTS.04").max_points
