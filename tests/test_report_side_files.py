"""The report's side files as a reviewer of issue 21 found them: each file's issues said once, a received-log
line no deadline takes said without stopping the report (as `dti calendar` does), the year's notes said
even when a side file stops it, a day the library cannot read worded in the user's language, and the
robustness section around a unit when another unit is left out of the draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti import build_report
from dti.briefing import Briefing
from dti.briefing.calendar import DayError, as_day
from dti.cli import app

from .conftest import hanoi_total_only

# Whole reports rendered (HTML and workbooks, ~0.3-1 s each): outside the edit loop's fast tier.
pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "sample_data"
YEAR = str(DATA / "2024.csv")
# NTS.02 (1.2) with no lead unit: the owners file's one warning
NO_LEAD = "NTS.02 has no lead unit in this row"


@pytest.fixture
def owners(tmp_path: Path) -> Path:
    lines = (DATA / "owners.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(6, "1.2,Ban hành kế hoạch chuyển đổi số,,")  # after 1.1, as row 7
    path = tmp_path / "owners.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def received(tmp_path: Path) -> Path:
    text = (DATA / "received_2026.csv").read_text(encoding="utf-8").rstrip("\n")
    path = tmp_path / "received.csv"
    path.write_text(text + "\n99,Sở Nội vụ,Kỳ lạ,01/04/2026,Tất cả,Có,\n", encoding="utf-8")
    return path


def report(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["report", YEAR, "--draws", "0", "--lang", "en", *args])


def test_the_owners_files_warnings_are_said_once(tmp_path: Path, owners: Path) -> None:
    out = tmp_path / "r.html"
    given = ["--owners", str(owners), "--received", str(DATA / "received_2026.csv")]
    result = report(*given, "--today", "25/11/2026", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(NO_LEAD) == 1
    briefing = build_report([DATA / "2024.csv"], owners=owners, received=DATA / "received_2026.csv", draws=0)
    said = {c.kind: [i.message for i in c.report.issues] for c in briefing.checked}
    assert [NO_LEAD in m for m in said["owners"]] == [True] and said["received"] == []


def test_a_log_line_no_deadline_takes_is_said_and_the_report_written(
    tmp_path: Path, owners: Path, received: Path
) -> None:
    out = tmp_path / "r.html"
    given = ["--owners", str(owners), "--received", str(received), "--today", "25/11/2026"]
    result = report(*given, "-o", str(out))
    # as `dti calendar` on the same files: the output, the line's error above it, exit 1
    calendar = CliRunner().invoke(app, ["calendar", *given, "--lang", "en"])
    assert calendar.exit_code == 1 and "'Kỳ lạ' is not a period" in calendar.stderr
    assert result.exit_code == 1 and out.exists()
    assert result.stderr.count("'Kỳ lạ' is not a period") == 1
    assert 'id="calendar' in out.read_text(encoding="utf-8")
    briefing = build_report([DATA / "2024.csv"], owners=owners, received=received, draws=0)
    [log] = [c for c in briefing.checked if c.kind == "received"]
    assert [i.code for i in log.report.errors] == ["invalid-option"] and log.report.errors[0].row == 37


def test_the_years_notes_are_said_when_a_side_file_stops_the_report(tmp_path: Path) -> None:
    bad = tmp_path / "targets.csv"  # two targets numbered 1
    bad.write_text("STT,Chỉ tiêu,Mục tiêu,Kết quả\n1,Tỷ lệ A,>= 80%,50%\n1,Tỷ lệ B,>= 90%,95%\n", "utf-8")
    result = report("--targets", str(bad), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1 and not (tmp_path / "r.html").exists()
    # 2024.csv follows Decision 405, whose points are not published: the note says which spec scored it
    assert result.stderr.count("scoring with dti-province-2022") == 1


def test_a_day_the_library_cannot_read_is_worded_in_both_languages() -> None:
    with pytest.raises(DayError) as raised:
        as_day("31/02/2026")
    assert (
        raised.value.note.text("vi")
        == "today: '31/02/2026' không phải là ngày: viết 25/11/2026 hoặc 2026-11-25"
    )
    assert str(raised.value) == "today: '31/02/2026' is not a date: write 25/11/2026 or 2026-11-25"
    with pytest.raises(DayError) as raised:
        as_day(20261125, "due")  # type: ignore[arg-type]
    assert (
        raised.value.note.text("en")
        == "due: a datetime.date or its text (25/11/2026, 2026-11-25), not int '20261125'"
    )
    assert isinstance(raised.value, ValueError)


def test_robustness_around_a_unit_when_another_is_left_out(tmp_path: Path) -> None:
    from dti.views.report import robustness

    # a published table where Hà Nội (01, first row) has only its total: the draws leave it out
    table = hanoi_total_only(tmp_path / "published.csv")
    briefing: Briefing = build_report([table], draws=20)
    assert briefing.robustness is not None and "01" not in briefing.robustness.out.model.units
    section = robustness(briefing, "48", "en")
    shown = [row["unit"] for row in section.views[0].rows]
    # Đà Nẵng's published rank 59 of 63, one unit above it left out: 58th of the 62 drawn, with the five
    # units above it and the four below
    assert len(shown) == 10 and shown[5] == "48"
    assert section.lines[-1] == "The 10 units around Đà Nẵng (ranks 53–62 of 62)"
    # Hà Nội itself has no rank in the draws: its report lists the units from the first
    overview = robustness(briefing, "01", "en")
    assert "01" not in [row["unit"] for row in overview.views[0].rows]
    assert not any("around" in line for line in overview.lines)


def test_a_received_log_that_stops_the_report_says_all_its_problems(tmp_path: Path, owners: Path) -> None:
    # a new user's finding: the report said the bad dates only; the periods no deadline takes (as `dti
    # calendar` says them) came after the dates were fixed and the report run again
    text = (DATA / "received_2026.csv").read_text(encoding="utf-8").rstrip("\n")
    log = tmp_path / "received.csv"
    log.write_text(
        text + "\n98,Sở Nội vụ,Quý I/2026,32/03/2026,Tất cả,Có,\n99,Sở Nội vụ,Kỳ lạ,01/04/2026,Tất cả,Có,\n"
    )
    given = ["--owners", str(owners), "--received", str(log), "--today", "25/11/2026"]
    result = report(*given, "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1 and not (tmp_path / "r.html").exists()
    assert "'32/03/2026' is not a date" in result.stderr and "'Kỳ lạ' is not a period" in result.stderr
