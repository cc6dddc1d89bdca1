"""The register of departments: one name → one department, collective names unsplit, did-you-mean."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.departments import Department, Unresolved, bundled, department_key, split_units
from dti.tracking.targets import read_targets

from .conftest import ROOT


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở KHCN", "Sở Khoa học và Công nghệ"),
        ("So Khoa hoc va Cong nghe", "Sở Khoa học và Công nghệ"),
        ("SỞ KHOA HỌC & CÔNG NGHỆ tỉnh Ninh Thuận", "Sở Khoa học và Công nghệ"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
        ("NHNN", "Ngân hàng Nhà nước"),
        ("Ngân hàng Nhà nước Khu vực 10", "Ngân hàng Nhà nước"),
        ("Ngân hàng nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GDĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở VH-TT-DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Cục Thuế tỉnh", "Thuế tỉnh"),
        ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
        ("Sở Công thương", "Sở Công Thương"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở TTTT", "Sở Thông tin và Truyền thông"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở KHĐT", "Sở Kế hoạch và Đầu tư"),
        ("STTTT", "Sở Thông tin và Truyền thông"),  # a Sở as one acronym (a new user's finding)
        ("SKH&CN", "Sở Khoa học và Công nghệ"),
        ("SGDĐT", "Sở Giáo dục và Đào tạo"),
        ("các sở ngành", "Các cơ quan, ban, ngành"),
        ("UBND các xã, phường, thị trấn", "UBND cấp xã"),
    ],
)
def test_long_short_and_unaccented_forms_name_one_department(written: str, name: str) -> None:
    found = bundled().resolve(written)
    assert isinstance(found, Department) and found.name == name


def test_a_merged_body_is_its_own_department_linked_to_its_successor() -> None:
    register = bundled()
    tt = register.resolve("Sở TT&TT")
    assert isinstance(tt, Department) and tt.merged_into == "so-khcn"
    assert register.kin(tt) == [tt.id, "so-khcn"]


def test_with_an_owners_file_a_merged_body_is_shown_as_the_owner_it_is_one_with() -> None:
    # a 2026 task list names Sở TT&TT; the owners file names only Sở KH&CN: one department (a new user's
    # finding: the report's task counts split them); an owners file naming both keeps both
    only_new = bundled().extend([("Sở Khoa học và Công nghệ", ())])
    assert {only_new.named(t) for t in ("Sở TT&TT", "STTTT", "Sở KH&CN")} == {"Sở Khoa học và Công nghệ"}
    assert only_new.named("Sở Y tế") == "Sở Y tế"
    assert bundled().extend([("Sở TT&TT", ())]).named("Sở Khoa học và Công nghệ") == "Sở TT&TT"
    both = bundled().extend([("Sở TT&TT", ()), ("Sở KH&CN", ())])
    assert [both.named(t) for t in ("Sở Thông tin và Truyền thông", "SKHCN")] == ["Sở TT&TT", "Sở KH&CN"]
    assert bundled().named("Sở TT&TT") == "Sở Thông tin và Truyền thông"  # no owners file: as it is
    assert isinstance(bundled().resolve("SYT"), Unresolved)  # an acronym of no known short form


def test_an_unknown_name_is_unresolved_with_a_guess() -> None:
    found = bundled().resolve("Sở Y tá")
    assert isinstance(found, Unresolved) and found.close[0] == "Sở Y tế"
    assert isinstance(bundled().resolve("Ban Quản lý dự án đầu tư xây dựng"), Unresolved)


def test_the_key_folds_case_diacritics_and_and() -> None:
    assert department_key("Sở KH & CN") == department_key("sở khoa học và công nghệ") == "sokhcn"


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("Sở Y tế; Sở GD&ĐT", ["Sở Y tế", "Sở GD&ĐT"]),
        ("Sở A, Sở B và Sở C", ["Sở A", "Sở B", "Sở C"]),
        ("Các cơ quan, ban, ngành", ["Các cơ quan, ban, ngành"]),
        ("UBND các huyện, thành phố", ["UBND các huyện, thành phố"]),
        ("UBND các xã, phường, thị trấn; Sở Nội vụ", ["UBND các xã, phường, thị trấn", "Sở Nội vụ"]),
        ("Sở TT&TT, các doanh nghiệp viễn thông", ["Sở TT&TT", "các doanh nghiệp viễn thông"]),
        ("Sở Văn hóa, Thể thao và Du lịch, Tỉnh đoàn", ["Sở Văn hóa, Thể thao và Du lịch", "Tỉnh đoàn"]),
        ("Viễn thông tỉnh (VNPT), Viettel tỉnh", ["Viễn thông tỉnh (VNPT)", "Viettel tỉnh"]),
        ("Sở KH&CN; Sở Khoa học và Công nghệ", ["Sở KH&CN"]),  # one department, once
        # one office (seed 004): `và` splits two known names or a list of one kind, not a name
        ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
        ("Văn phòng UBND tỉnh và Công an tỉnh", ["Văn phòng UBND tỉnh", "Công an tỉnh"]),
        ("Phòng Nội vụ và Phòng Tư pháp", ["Phòng Nội vụ", "Phòng Tư pháp"]),
        ("Phòng Văn hóa và Thông tin/UBND huyện", ["Phòng Văn hóa và Thông tin/UBND huyện"]),
        ("  ", []),
    ],
)
def test_one_splitter_knows_the_collective_names(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


def test_an_owners_file_extends_the_register() -> None:
    register = bundled().extend(
        [("Sở KH&CN", ()), ("Trung tâm Chuyển đổi số", ("TTCĐS", "Trung tâm CĐS")), ("Sở Ý tế", ())]
    )
    # a bundled department is shown as the owners file writes it
    assert register.named("Sở Khoa học và Công nghệ") == "Sở KH&CN"
    # a name the register does not know is a department of the file, its aliases resolve to it
    assert register.named("TTCĐS") == register.named("trung tam cds") == "Trung tâm Chuyển đổi số"
    # the bundled register itself is unchanged
    assert isinstance(bundled().resolve("TTCĐS"), Unresolved)
    # 'Sở Ý tế' folds to Sở Y tế: one department, shown as the register spells it (a misspelling)
    assert register.named("So Y te") == "Sở Y tế" and register.respelled == {"Sở Ý tế": "Sở Y tế"}


# --- one province, one name per department in every command ------------------------------------------
# Names as Ninh Thuận's report of the first half of 2024 writes them (seeds/001: Sở Thông tin và Truyền
# thông, Các cơ quan, ban, ngành, Sở KHĐT, Ngân hàng Nhà nước, Sở Y tế), and their short forms.
OWNER_ROWS = {  # the sample owners file with some rows in short forms, and one department of its own
    "2,Thể chế số,Sở Khoa học và Công nghệ,": "2,Thể chế số,Sở KH&CN,",
    "7,Hoạt động chính quyền số,Văn phòng UBND tỉnh,": "7,Hoạt động chính quyền số,VP UBND tỉnh,",
    "4.5,": "4.5,Tỷ lệ sinh viên tốt nghiệp ngành CNTT,Sở GD&ĐT,\n#",
    "8.10,": "8.10,Tỷ lệ dân số trưởng thành có tài khoản ngân hàng,NHNN,\n#",
    "6,Đô thị thông minh,Sở Xây dựng,": "6,Đô thị thông minh,Trung tâm Chuyển đổi số tỉnh,",
}
RECEIVED = """STT,Đơn vị gửi,Kỳ báo cáo,Ngày gửi,Chỉ số,Tài liệu kiểm chứng
1,Sở KHCN,Quý I/2026,20/03/2026,Tất cả,Có
2,Văn phòng Ủy ban nhân dân tỉnh,Quý I/2026,20/03/2026,Tất cả,Có
3,Sở Nội vụ,Quý I/2026,20/03/2026,Tất cả,Có
4,Sở Tài chính,Quý I/2026,20/03/2026,Tất cả,Có
5,Sở Giáo dục và Đào tạo,Quý I/2026,20/03/2026,Tất cả,Có
6,Công an tỉnh,Quý I/2026,20/03/2026,Tất cả,Có
7,TTCĐS,Quý I/2026,20/03/2026,Tất cả,Có
8,Sở Công thương,Quý I/2026,20/03/2026,Tất cả,Có
9,Cục Thuế tỉnh,Quý I/2026,20/03/2026,Tất cả,Có
10,Ngân hàng Nhà nước,Quý I/2026,20/03/2026,Tất cả,Có
11,So Y te,Quý I/2026,20/03/2026,Tất cả,Có
"""
TARGETS = """STT,Mục tiêu,Chỉ tiêu năm 2026,Kết quả,Đơn vị chủ trì,Ghi chú
1,Hạ tầng mạng băng rộng cáp quang phủ sóng,100%,100%,Sở KH&CN,
2,Tỷ lệ dân số có điện thoại thông minh,85%,"87,44%",Sở Khoa học và Công nghệ,
3,Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ,60%,"53,5%","Các cơ quan, ban, ngành",
4,Tỷ lệ hồ sơ được tiếp nhận trực tuyến,70%,"77,47%","Các sở, ban, ngành",
5,Tỷ lệ hồ sơ thủ tục hành chính được số hóa,100%,"87,44%",VP UBND tỉnh,
6,Tỷ lệ người dân có tài khoản giao dịch tại ngân hàng,70%,"87,5%",Ngân hàng Nhà nước,
7,Tỷ lệ thanh toán không dùng tiền mặt,50%,55%,NHNN,
8,Tỷ lệ người dân có hồ sơ sức khỏe điện tử,Trên 90%,"93,9%",Sở Y tế,
"""
TASKS = """STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Trạng thái
1,Xây dựng kho dữ liệu dùng chung,Sở KHCN,"Các cơ quan, ban, ngành",Quý II/2026,Đang triển khai
2,Nâng cấp Trung tâm dữ liệu tỉnh,Sở Khoa học và Công nghệ,Sở Tài chính,Quý IV/2026,Chưa triển khai
3,Số hóa hồ sơ thủ tục hành chính,Văn phòng UBND tỉnh,Sở KH&CN,30/06/2026,Hoàn thành
4,Cung cấp dịch vụ công trực tuyến,VP UBND tỉnh,"UBND các xã, phường, thị trấn",30/06/2026,Đang triển khai
5,Thanh toán không dùng tiền mặt,NHNN,Sở Tài chính,Quý IV/2026,Chưa triển khai
6,Hồ sơ sức khỏe điện tử,So Y te,BHXH tỉnh,30/06/2026,Chậm tiến độ
"""


@pytest.fixture
def province(tmp_path: Path) -> dict[str, Path]:
    text = (ROOT / "sample_data" / "owners.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    out = []
    for line in lines:
        for old, new in OWNER_ROWS.items():
            if line.startswith(old):
                line = new + line[len(old) :] if not new.endswith("#") else new[:-2]
        out.append(line + ("" if line.count(",") >= 4 or not line[:1].isdigit() else ""))
    # the aliases column: the owners file names its own department's short form
    out = [
        line + (",TTCĐS; Trung tâm CĐS" if line.startswith("6,") else ",")
        if line[:1].isdigit() or line.startswith("STT")
        else line
        for line in out
    ]
    out = [line.replace("Đơn vị phối hợp,", "Đơn vị phối hợp,Tên khác") for line in out]
    files = {
        "owners": tmp_path / "owners.csv",
        "received": tmp_path / "received.csv",
        "targets": tmp_path / "targets.csv",
        "tasks": tmp_path / "tasks.csv",
    }
    files["owners"].write_text("\n".join(out) + "\n", encoding="utf-8")
    files["received"].write_text(RECEIVED, encoding="utf-8")
    files["targets"].write_text(TARGETS, encoding="utf-8")
    files["tasks"].write_text(TASKS, encoding="utf-8")
    return files


def _json(args: list[str]) -> Any:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


KHCN = "Sở Khoa học và Công nghệ"


def test_one_row_per_department_in_every_command(province: dict[str, Path]) -> None:
    owners, received = str(province["owners"]), str(province["received"])
    calendar = _json(
        ["calendar", "--owners", owners, "--received", received, "--spec", "dti-province-2022",
         "--year", "2026", "--today", "01/04/2026", "--format", "json"]
    )  # fmt: skip
    q1 = [d for d in calendar["deadlines"] if d["period"] == "Q1 2026"]
    named = [d["owner"] for d in q1]
    # by hand: the sample's 11 lead units, Sở Xây dựng's index led by the file's own Trung tâm Chuyển đổi
    # số tỉnh instead; each once, under the name the owners file first gives it as a lead unit (rows 2
    # and 7 write Sở KH&CN and VP UBND tỉnh after the long forms; rows 4.5 and 8.10 write Sở GD&ĐT and
    # NHNN before them); every one sent by 20/03 under another form: none is overdue
    assert len(named) == len(set(named)) == 11
    assert KHCN in named and "Sở KH&CN" not in named and "VP UBND tỉnh" not in named
    assert "Sở GD&ĐT" in named and "Sở Giáo dục và Đào tạo" not in named
    assert "NHNN" in named and "Ngân hàng Nhà nước Khu vực" not in named
    assert "Trung tâm Chuyển đổi số tỉnh" in named
    assert {d["status"] for d in q1} == {"on_time"}

    gaps = _json(["gaps", str(ROOT / "sample_data" / "2024.csv"), "--owners", owners, "--format", "json"])
    rows = [o["owner"] for o in gaps["owners"]]
    assert len(rows) == len(set(rows)) and KHCN in rows and "Sở KH&CN" not in rows

    targets = _json(["targets", str(province["targets"]), "--by", "responsible", "--format", "json"])
    counts = {r["responsible"]: r["total"] for r in targets["counts"]["rows"]}
    assert counts == {
        "Các cơ quan, ban, ngành": 2,  # 'Các sở, ban, ngành' too; never split on its commas
        "Ngân hàng Nhà nước": 2,  # and NHNN
        KHCN: 2,  # and Sở KH&CN
        "Sở Y tế": 1,
        "Văn phòng UBND tỉnh": 1,
    }

    tasks = _json(["tasks", str(province["tasks"]), "--by", "responsible", "--format", "json"])
    per = {r["responsible"]: r["total"] for r in tasks["counts"]["rows"]}
    assert per == {KHCN: 2, "Văn phòng UBND tỉnh": 2, "Ngân hàng Nhà nước": 1, "Sở Y tế": 1}


def test_the_report_names_each_department_once(province: dict[str, Path]) -> None:
    from dti import build_report
    from dti.analysis.gaps import by_owner

    briefing = build_report(
        [ROOT / "sample_data" / "2024.csv"],
        targets=province["targets"],
        owners=province["owners"],
        received=province["received"],
        tasks=province["tasks"],
        today=dt.date(2026, 4, 1),
        draws=0,
    )
    assert briefing.gaps is not None and briefing.review is not None and briefing.tasks is not None
    owners = [g.name for g in by_owner(briefing.gaps)]
    assert len(owners) == len(set(owners)) and KHCN in owners and "Sở KH&CN" not in owners
    # the targets and tasks sections name departments as the owners file does
    assert "Văn phòng UBND tỉnh" in briefing.review.by("responsible").index
    assert set(briefing.tasks.by_responsible().index) == {KHCN, "Văn phòng UBND tỉnh", "NHNN", "Sở Y tế"}
    assert briefing.calendar is not None
    assert len({d.owner for d in briefing.calendar.deadlines}) == 11


def test_a_name_no_department_answers_to_is_said_with_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text(TARGETS.replace("Sở Y tế,", "Sở Y tá,"), encoding="utf-8")
    review = read_targets(path)
    said = [i for i in review.issues if i.code == "unknown-unit"]
    assert [(i.cell, i.value) for i in said] == [("E9", "Sở Y tá")]
    assert "did you mean 'Sở Y tế'?" in said[0].message and "có phải 'Sở Y tế'?" in said[0].text("vi")


def test_an_owners_aliases_column_names_its_departments(tmp_path: Path) -> None:
    from dti.spec import load_spec
    from dti.tracking.owners import read_owners
    from dti.tracking.received import read_received

    spec = load_spec("dti-province-2022")
    owners_file = tmp_path / "owners.yaml"
    owners_file.write_text(
        "NTS: {lead: Trung tâm Chuyển đổi số tỉnh, aliases: [TTCĐS, Trung tâm CĐS]}\n"
        "TCS: Sở KH&CN\nHTS: Sở Khoa học và Công nghệ\n",
        encoding="utf-8",
    )
    owned = read_owners(owners_file, spec)
    # by hand: two owners (Sở KH&CN and its long form are one), the file's own centre first
    assert owned.owners == ["Trung tâm Chuyển đổi số tỉnh", "Sở KH&CN"]
    log = tmp_path / "received.csv"
    log.write_text(
        "Đơn vị,Kỳ báo cáo,Ngày gửi\nTrung tam CDS,Quý I/2026,20/03/2026\nSở KHCN,Quý I/2026,21/03/2026\n",
        encoding="utf-8",
    )
    read = read_received(log, owned.owners, spec, None, owned.departments)
    assert [e.owner for e in read.entries] == owned.owners and not read.issues
    # without the file's register the alias is unknown: said, never a new department
    bare = read_received(log, owned.owners, spec)
    assert [e.owner for e in bare.entries] == ["Sở KH&CN"] and bare.issues[0].cell == "A2"


# A received log as a DTI desk keeps it (issue 22): departments in short and pre-2025 forms, and a
# co-unit (Viettel tỉnh co-works on 3 Hạ tầng số, led by Sở KH&CN in sample_data/owners.csv).
LOG = (
    "STT,Đơn vị gửi,Kỳ báo cáo,Ngày gửi,Chỉ số,Tài liệu kiểm chứng\n"
    "1,Sở TT&TT,Quý II/2026,20/06/2026,Tất cả,Có\n"
    "2,Sở Thông tin và Truyền thông,Quý III/2026,20/09/2026,Tất cả,Có\n"
    "3,Cục Thuế,Quý I/2026,20/03/2026,Tất cả,Có\n"
    "4,Thuế tỉnh,Quý II/2026,20/06/2026,Tất cả,Có\n"
    "5,CA tỉnh,Quý I/2026,21/03/2026,Tất cả,Có\n"
    "6,Viettel,Quý I/2026,22/03/2026,3.1,Có\n"
)


def test_a_received_log_in_short_old_and_co_unit_forms(tmp_path: Path) -> None:
    from dti.briefing.calendar import schedule

    log = tmp_path / "so_theo_doi.csv"
    log.write_text(LOG, encoding="utf-8")
    plan = schedule(ROOT / "sample_data" / "owners.csv", received=log, year=2026, today="30/09/2026")
    assert [str(i.code) for i in plan.log_issues] == []  # no line dropped
    got = {(d.owner, d.period.key): d for d in plan.calendar.deadlines}
    kh = "Sở Khoa học và Công nghệ"
    assert got[(kh, "Q2 2026")].status == "on_time" and got[(kh, "Q3 2026")].status == "on_time"
    assert got[("Thuế tỉnh", "Q1 2026")].status == "on_time" and got[("Công an tỉnh", "Q1 2026")].received
    # Viettel's line (row 7) brings HTS.01 (3.1) of Sở KH&CN's first quarter, and nothing else of it.
    first = got[(kh, "Q1 2026")]
    assert "HTS.01" not in first.missing and set(first.missing) == set(first.components) - {"HTS.01"}
    said = " | ".join(n.text() if hasattr(n, "text") else str(n) for n in plan.notes)
    assert "'Viettel' (dòng 7) là đơn vị phối hợp: số liệu được tính cho HTS.01" in said
