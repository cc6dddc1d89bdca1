"""The report with the year's tracking (owners, received log, tasks, targets), and the library calls behind
it, as a new user found them (issue 21): what each section says it lists, no command-line hints in a
document, no table twice, a sheet name per table, and library errors that name no option.

Expected numbers come from the README's `dti score --unit 48` (306.51 points of 1000, 8 at stake, rank
61 of 63) and from sample_data/owners.csv read by eye.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dti import build_report, report_document, schedule
from dti.briefing import Briefing, SideFileError
from dti.briefing.calendar import DayError
from dti.views.document import Document

# Whole reports rendered (HTML and workbooks, ~0.3-1 s each): outside the edit loop's fast tier.
pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1] / "sample_data"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def full() -> Briefing:
    """Every section: two years, targets, owners, received log, tasks and a few robustness draws."""
    return build_report(
        [DATA / "2024.csv"],
        previous=[DATA / "2023.csv"],
        targets=DATA / "targets_2025.csv",
        owners=DATA / "owners.csv",
        received=DATA / "received_2026.csv",
        tasks=DATA / "tasks_2026.csv",
        today=TODAY,
        draws=50,
    )


def documents(briefing: Briefing) -> list[Document]:
    """The report of Đà Nẵng and the overview, in both languages."""
    return [report_document(briefing, unit, lang) for unit in ("48", None) for lang in ("vi", "en")]


def test_robustness_says_which_units_it_lists(full: Briefing) -> None:
    from dti.views.report import robustness

    # Đà Nẵng is 61st of 63: the five above it and the two below, ranks 56 to 63 (not 'the first 8')
    vi = robustness(full, "48", "vi")
    assert vi.lines[-1] == "8 đơn vị quanh Đà Nẵng (hạng 56–63 trên 63)"
    en = robustness(full, "48", "en")
    assert en.lines[-1] == "The 8 units around Đà Nẵng (ranks 56–63 of 63)"
    assert [row["rank"] for row in en.views[0].rows] == [56, 57, 58, 59, 60, 61, 62, 63]
    # the overview of 63 units lists them all, and says nothing about a part
    overview = robustness(full, None, "vi")
    assert len(overview.views[0].rows) == 63
    assert not any("hạng" in line for line in overview.lines)


# an option (--format), '-o FILE', or a command (dti robust) — a page has none of them
HINT = re.compile(r"(?<![\w-])--[a-z]|(?<![\w-])-o |\bdti [a-z]")


def texts(doc: Document, pipeline: set[str]) -> list[str]:
    """Every sentence a reader sees, but the pipeline's own notes (worded by dti/words/spec.py)."""
    found = [doc.title, doc.subtitle, *(n for n in doc.notes if n not in pipeline)]
    for section in doc.sections:
        found += [section.title, *section.lines, *(c.title for c in section.charts)]
        found += [f"{f.label} {f.note}" for f in section.facts]
        for view in [*section.views, *section.sheets]:
            found += [view.title or "", *view.notes]
    return found


def test_no_command_line_hint_in_a_report(full: Briefing) -> None:
    for doc in documents(full):
        pipeline = {n.text(doc.lang) if not isinstance(n, str) else n for n in full.notes}
        said = [text for text in texts(doc, pipeline) if HINT.search(text)]
        assert said == [], (doc.lang, doc.subtitle)


def test_the_owners_section_shows_points_lost_per_department(full: Briefing) -> None:
    doc = report_document(full, "48")
    gaps = doc.section("gaps")
    assert gaps is not None
    # one table, by department: the components table is the losses section's, not repeated here
    [view] = gaps.views
    assert [c.key for c in view.columns][0] == "owner"
    assert all(c.key != "code" for c in view.columns)
    # Đà Nẵng loses 1000 - 306.51 - 8 = 685.49 points on reported data, 8 more at stake (NLS.05)
    assert sum(r["lost"] for r in view.rows) == pytest.approx(685.49, abs=0.005)
    assert sum(r["at_stake"] for r in view.rows) == pytest.approx(8)
    education = next(r for r in view.rows if r["owner"] == "Sở Giáo dục và Đào tạo")
    assert education["at_stake"] == 8 and "NLS.05" in education["components"]  # owners.csv row 4.5
    # the losses section's components carry their owner instead
    losses = doc.section("losses")
    assert losses is not None
    components = losses.views[1]
    owner = {r["code"]: r["owner"] for r in components.rows}
    assert owner["HDXH.01"] == "Công an tỉnh"  # owners.csv row 9.1
    assert owner["HDXH.02"] == "Sở Y tế"  # main index 9's owner
    assert owner["HDKT.11"] == "Sở Công Thương"  # main index 8's owner


def test_every_table_of_the_workbook_has_its_own_sheet_name(full: Briefing) -> None:
    import io

    import openpyxl

    from dti.write.xlsx import document_workbook

    for doc in documents(full):
        names = openpyxl.load_workbook(io.BytesIO(document_workbook(doc))).sheetnames
        assert not [n for n in names if re.search(r" \(\d+\)$", n)], names
        assert len({n.casefold() for n in names}) == len(names)
    names = openpyxl.load_workbook(io.BytesIO(document_workbook(documents(full)[0]))).sheetnames
    assert {"Lịch báo cáo", "Gửi chậm, quá hạn, sắp đến hạn"} <= set(names)


# --- the library calls ----------------------------------------------------------------------------


def test_schedule_takes_a_date_or_the_text_of_one() -> None:
    owners, received = DATA / "owners.csv", DATA / "received_2026.csv"
    by_date = schedule(owners, received=received, today=TODAY)
    for text in ("25/11/2026", "2026-11-25"):
        by_text = schedule(owners, received=received, today=text)
        assert by_text.calendar.today == TODAY and by_text.calendar.summary() == by_date.calendar.summary()
    now = dt.datetime(2026, 11, 25, 9, 30)
    assert schedule(owners, today=now).calendar.today == TODAY  # a datetime is its day
    with pytest.raises(DayError, match="today: '31/02/2026' is not a date"):
        schedule(owners, today="31/02/2026")
    with pytest.raises(DayError, match="today: a datetime.date or its text"):
        schedule(owners, today=20261125)  # type: ignore[arg-type]


def test_build_report_takes_the_text_of_a_day() -> None:
    briefing = build_report([DATA / "2024.csv"], tasks=DATA / "tasks_2026.csv", today="25/11/2026", draws=0)
    assert briefing.tasks is not None and briefing.tasks.today == TODAY


@pytest.mark.parametrize("side", ["targets", "owners", "received", "tasks"])
def test_a_missing_side_file_is_said_without_an_option(tmp_path: Path, side: str) -> None:
    missing = tmp_path / "nope.csv"
    given = {side: missing}
    if side == "received":
        given["owners"] = DATA / "owners.csv"
    with pytest.raises(SideFileError) as raised:
        build_report([DATA / "2024.csv"], draws=0, **given)  # type: ignore[arg-type]
    exc = raised.value
    assert str(exc) == f"{missing}: no such file" and exc.checked.kind == side
    assert exc.note.text("vi") == f"{missing}: không có tệp này"  # type: ignore[union-attr]


def test_a_side_file_with_errors_is_said_without_an_option(tmp_path: Path) -> None:
    bad = tmp_path / "targets.csv"  # two targets numbered 1
    bad.write_text("STT,Chỉ tiêu,Mục tiêu,Kết quả\n1,Tỷ lệ A,>= 80%,50%\n1,Tỷ lệ B,>= 90%,95%\n", "utf-8")
    with pytest.raises(SideFileError) as raised:
        build_report([DATA / "2024.csv"], targets=bad, draws=0)
    exc = raised.value
    errors = len(exc.checked.report.errors)
    assert errors >= 1 and "--" not in str(exc)
    assert str(exc) == f"{bad}: {errors} error(s)"


def test_a_long_list_of_issues_says_how_many_it_shows(full: Briefing) -> None:
    from dti.views.report import quality

    # 2024.csv holds 108 warnings (README's dti score: missing-value 57, mixed-scale 6, value-above-100 45)
    [sheet] = quality(full, "vi", limit=10).sheets
    # and where the rest are (a new user's finding: 5,000 of 30,788 said, no way to the others)
    file = full.source
    assert len(sheet.rows) == 10
    assert sheet.notes == [f"10 vấn đề đầu tiên trên 108: dti validate {file} --format csv liệt kê tất cả"]
    [sheet] = quality(full, "en", limit=10).sheets
    assert sheet.notes == [f"The first 10 of 108 issues: dti validate {file} --format csv lists them all"]
    assert str(file).endswith("2024.csv")
