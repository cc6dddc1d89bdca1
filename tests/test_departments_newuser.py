"""The register of departments as a new user found it (tests/data/newuser: Ninh Thuận's owners file, a
received log, a target list and a task list of 2026 as a province writes them, with their typos)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dti.spec import load_spec
from dti.tracking.departments import Unresolved, bundled
from dti.tracking.owners import read_owners
from dti.tracking.received import read_received
from dti.tracking.targets import read_targets
from dti.tracking.tasks import read_tasks

from .conftest import ROOT

NEW = Path(__file__).parent / "data" / "newuser"
SPEC = load_spec("dti-province-2022")
TAKEN = "'Sở Tài chíh' được hiểu là 'Sở Tài chính'"


def test_a_name_a_letter_off_is_its_department_with_a_warning() -> None:
    # Before: 'Sở Tài chíh' had its own row in --by responsible, and only a did-you-mean.
    review = read_targets(NEW / "targets_2026.csv")
    rows = review.by("responsible")
    assert "Sở Tài chíh" not in rows.index and rows.at["Sở Tài chính", "total"] == 1
    said = [i.text("vi") for i in review.issues if i.code == "unknown-unit"]
    assert len(said) == 1 and said[0].startswith(TAKEN)
    tasks = read_tasks(NEW / "tasks_2026.csv")
    assert "Sở Tài chíh" not in tasks.by_responsible().index
    said = [(i.row, i.column) for i in tasks.issues if i.text("vi").startswith(TAKEN)]
    # task 5's partner, task 12's lead, under the headers the list writes
    assert said == [(8, "Đơn vị phối hợp"), (17, "Đơn vị chủ trì")]
    # one letter of a two-letter word is no certainty: a did-you-mean, counted on its own
    found = bundled().resolve("Sở Y tá")
    assert isinstance(found, Unresolved) and found.close == ("Sở Y tế",)


def test_an_owners_file_misspelling_is_the_department_it_spells_elsewhere() -> None:
    # owners2.csv: row 21 leads HDXH.05 by 'Sở Giáo dục và Đào tao'; rows 9 and 19 write it right
    owned = read_owners(NEW / "owners2.csv", SPEC)
    assert "Sở Giáo dục và Đào tao" not in owned.owners and owned.lead["HDXH.05"] == "Sở Giáo dục và Đào tạo"
    said = [(i.row, i.cell, i.column, i.severity) for i in owned.report.issues if i.code == "unknown-unit"]
    assert said == [(21, "C21", "Đơn vị chủ trì", "warning")]  # its column as the file heads it
    # a department of the file itself, written as a local government, reports by the local rules
    assert owned.departments.is_local("UBND huyện Ninh Hải")


def test_a_did_you_mean_names_only_close_names() -> None:
    # Before: 'Hội Nông dân tỉnh' → '(có phải 'Ngân hàng Nhà nước chi nhánh tỉnh'?)': only 'tỉnh' alike
    owned = read_owners(NEW / "owners.csv", SPEC)
    log = read_received(NEW / "received_2026.csv", owned.owners, SPEC, None, owned.departments)
    said = {i.row: i.text("vi") for i in log.issues}
    assert said[15] == (
        "'Hội Nông dân tỉnh' không phải đơn vị trong tệp phân công (không có tên nào gần giống); "
        "dòng này bị bỏ qua"
    )
    assert said[14].startswith(TAKEN)  # and the line counts for Sở Tài chính
    assert [e.day for e in log.entries if e.owner == "Sở Tài chính"] == [dt.date(2026, 3, 24)]
    assert bundled().resolve("Sở Thông tin").close == ("Sở Thông tin và Truyền thông",)


def test_the_owners_file_names_each_department_in_every_section_of_the_report() -> None:
    # Before: the tasks and targets sections said 'Ngân hàng Nhà nước' and 'UBND cấp huyện' where the
    # owners and calendar sections said the owners file's 'Ngân hàng Nhà nước chi nhánh tỉnh' and 'UBND
    # các huyện, thành phố'; the typo 'Sở Tài chíh' had rows of its own.
    from dti import build_report
    from dti.analysis.gaps import by_owner

    briefing = build_report(
        [ROOT / "sample_data" / "2024.csv"],
        targets=NEW / "targets_2026.csv",
        owners=NEW / "owners.csv",
        received=NEW / "received_2026.csv",
        tasks=NEW / "tasks_2026.csv",
        today=dt.date(2026, 7, 15),
        draws=0,
    )
    assert briefing.gaps and briefing.calendar and briefing.review and briefing.tasks
    sections = {
        "gaps": {g.name for g in by_owner(briefing.gaps)},
        "calendar": {d.owner for d in briefing.calendar.deadlines},
        "targets": set(briefing.review.by("responsible").index),
        "tasks": set(briefing.tasks.by_responsible().index),
    }
    for name, found in sections.items():
        assert {"Ngân hàng Nhà nước chi nhánh tỉnh", "UBND các huyện, thành phố", "Sở Tài chính"} <= found, (
            name
        )
        assert not found & {"Ngân hàng Nhà nước", "UBND cấp huyện", "Sở Tài chíh", "NHNN"}, name


def test_a_collective_local_government_reports_by_the_local_rule() -> None:
    # Before: 'UBND các huyện, thành phố' was due on the 25th (the lead units' rule) and its line of
    # 29/03 was 'gửi chậm'; local governments report by the 30th (calendar_default.yaml)
    from dti.briefing.calendar import schedule

    found = schedule(NEW / "owners.csv", received=NEW / "received_2026.csv", year=2026, today="15/07/2026")
    q1 = {d.owner: d for d in found.calendar.deadlines if d.period.key == "Q1 2026"}
    local = q1["UBND các huyện, thành phố"]
    assert (local.due, local.status) == (dt.date(2026, 3, 30), "on_time")
    assert q1["Sở Công Thương"].due == dt.date(2026, 3, 25)
    assert bundled().is_local("UBND các xã, phường, thị trấn") and not bundled().is_local("UBND tỉnh")


def test_a_received_log_says_what_it_cannot_read() -> None:
    # log2.csv against the sample owners file: row 5 'Sở TT&TT' (merged into Sở KH&CN), row 10 an empty
    # owner, row 12 an empty date, row 13 the date 32/03/2026
    owners = read_owners(ROOT / "sample_data" / "owners.csv", SPEC)
    log = read_received(NEW / "log2.csv", owners.owners, SPEC, None, owners.departments)
    said = {i.row: (i.severity, i.text("vi")) for i in log.issues}
    assert said[10] == ("warning", "chưa ghi đơn vị gửi (ô trống); dòng này bị bỏ qua")
    assert said[12] == ("warning", "chưa ghi ngày gửi (ô trống): hãy ghi 24/09/2026; dòng này bị bỏ qua")
    assert said[13] == ("error", "'32/03/2026' không phải ngày: hãy ghi 24/09/2026; dòng này bị bỏ qua")
    assert [n.text("vi") for n in log.notes if not isinstance(n, str)] == [
        "'Sở TT&TT' (dòng 5) và 'Sở Khoa học và Công nghệ' là một đơn vị sau hợp nhất năm 2025: số liệu được "
        "tính cho 'Sở Khoa học và Công nghệ'"
    ]
