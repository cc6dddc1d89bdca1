"""dti tasks: status words, deadlines as written, section rows and headings, overdue with --today.

Expected values are checked by hand against the files written here and sample_data/tasks_2026.csv.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.dates import parse_date, parse_deadline, parse_period
from dti.tracking.tasks import read_tasks, status_of, summary
from dti.views.tasks import tasks_section

SAMPLE = Path(__file__).parent.parent / "sample_data" / "tasks_2026.csv"
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chưa triển khai", ("not_started", False)),
        ("CHUA TRIEN KHAI", ("not_started", False)),
        ("Đang triển khai", ("in_progress", False)),
        ("Chậm tiến độ", ("in_progress", True)),
        ("Hoàn thành", ("done", False)),
        ("Đã hoàn thành, ban hành Kế hoạch số 45/KH-UBND", ("done", False)),
        ("Hoàn thành quá hạn", ("done", True)),
        ("Chưa hoàn thành", ("in_progress", False)),  # not 'hoàn thành'
        ("Đã xong", ("done", False)),  # a new user's finding: an unknown status
        ("Chưa xong", ("in_progress", False)),
        ("Đạt 87% hồ sơ", None),
        ("", None),
    ],
)
def test_status_words(text: str, expected: tuple[str, bool] | None) -> None:
    assert status_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/06/2026", dt.date(2026, 6, 30)),
        ("1/7/2026", dt.date(2026, 7, 1)),
        ("Trước ngày 15/8/2026", dt.date(2026, 8, 15)),
        ("2026-06-30 00:00:00", dt.date(2026, 6, 30)),  # an Excel date cell as the xlsx reader gives it
        ("45658", dt.date(2025, 1, 1)),  # Excel serial 45658 is 1 January 2025
        ("Quý III/2026", dt.date(2026, 9, 30)),
        ("Quý I/2028", dt.date(2028, 3, 31)),
        ("Tháng 2/2028", dt.date(2028, 2, 29)),  # a leap year
        ("Tháng 2/2026", dt.date(2026, 2, 28)),
        ("Năm 2026", dt.date(2026, 12, 31)),
        ("6 tháng đầu năm 2026", dt.date(2026, 6, 30)),
        ("Giai đoạn 2026-2030", dt.date(2030, 12, 31)),
        ("Thường xuyên", None),
        ("", None),
    ],
)
def test_deadlines_as_written(text: str, expected: dt.date | None) -> None:
    assert parse_deadline(text) == (expected, True)


def test_unreadable_deadline_and_dates() -> None:
    assert parse_deadline("sớm nhất có thể") == (None, False)
    assert parse_date("31/02/2026") is None
    assert parse_date("", 46203.0) == dt.date(2026, 6, 30)  # Excel's stored number of a General cell
    period = parse_period("Quý 3 năm 2026")
    assert period is not None and (period.key, period.label()) == ("Q3 2026", "quý III/2026")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tasks.csv"
    path.write_text(text, encoding="utf-8")
    return path


LIST = """KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026
STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn hoàn thành,Tình trạng,Ghi chú
I,HẠ TẦNG SỐ,,,,,
1,Phủ sóng 5G,Sở KH&CN,VNPT,30/06/2026,Đang triển khai,
2,Trung tâm dữ liệu,Sở KH&CN,,Quý IV/2026,Chưa triển khai,
II,CHÍNH QUYỀN SỐ,,,,,
3,Số hóa hồ sơ,Văn phòng UBND tỉnh,,Tháng 3/2026,Hoàn thành quá hạn,
4,Kho dữ liệu,Văn phòng UBND tỉnh; Sở KH&CN,,Thường xuyên,Chậm tiến độ,
"""


def test_sections_statuses_and_overdue(tmp_path: Path) -> None:
    task_list = read_tasks(write(tmp_path, LIST), today=dt.date(2026, 7, 1))
    frame = task_list.tasks
    assert list(frame["id"]) == ["1", "2", "3", "4"]  # the title and section rows are not tasks
    assert list(frame["group"]) == ["HẠ TẦNG SỐ", "HẠ TẦNG SỐ", "CHÍNH QUYỀN SỐ", "CHÍNH QUYỀN SỐ"]
    assert list(frame["status"]) == ["in_progress", "not_started", "done", "in_progress"]
    assert list(frame["late"]) == [False, False, True, True]
    # 1 July: task 1 (30 June, running) is one day overdue; 3 is done; 2 not due; 4 has no deadline
    assert list(frame["overdue"]) == [True, False, False, False]
    assert frame.at[0, "days_overdue"] == 1
    assert task_list.summary() == {
        "total": 4, "not_started": 1, "in_progress": 2, "done": 1, "unknown": 0, "overdue": 1
    }  # fmt: skip
    assert summary(task_list).text() == (
        "1/4 nhiệm vụ chưa được triển khai; 2/4 đang triển khai; 1/4 đã hoàn thành; 1 nhiệm vụ quá hạn"
    )
    by = task_list.by_responsible()
    assert by.loc["Văn phòng UBND tỉnh", "total"] == 2 and by.loc["Sở Khoa học và Công nghệ", "total"] == 3


def test_today_before_and_on_the_deadline(tmp_path: Path) -> None:
    path = write(tmp_path, LIST)
    on_the_day = read_tasks(path, today=dt.date(2026, 6, 30))
    assert on_the_day.summary()["overdue"] == 0  # due 30/06: not overdue on the day itself
    without = read_tasks(path)
    assert without.summary()["overdue"] == 0 and "quá hạn" not in summary(without).text()


def test_heading_rows_and_unknown_words(tmp_path: Path) -> None:
    text = (
        "STT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Trạng thái\n"
        "1,Phổ cập kỹ năng số,,,\n"
        "-,Tổ công nghệ số cộng đồng,UBND cấp xã,Năm 2026,Đang triển khai\n"
        "-,Tập huấn người dân,Tỉnh đoàn,sớm,đang làm\n"
    )
    task_list = read_tasks(write(tmp_path, text))
    assert list(task_list.tasks["id"]) == ["1.1", "1.2"]
    assert task_list.tasks.at[1, "name"] == "Phổ cập kỹ năng số - Tập huấn người dân"
    assert task_list.tasks.at[1, "status"] is None
    cells = sorted((i.cell, i.severity.value) for i in task_list.issues)
    assert cells == [("D4", "warning"), ("E4", "warning")]  # the deadline 'sớm', the status 'đang làm'


def test_cli_sample_json_and_table() -> None:
    result = runner.invoke(app, ["tasks", str(SAMPLE), "--today", "25/11/2026", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # counted by hand in sample_data/tasks_2026.csv: 7 'Chưa triển khai', 6 done (one late), 8 running;
    # past their deadline on 25/11/2026 and unfinished: 2, 5, 10, 11.2, 12, 17
    assert data["summary"] == {
        "total": 21, "not_started": 7, "in_progress": 8, "done": 6, "unknown": 0, "overdue": 6
    }  # fmt: skip
    overdue = [t["id"] for t in data["tasks"] if t["overdue"]]
    assert overdue == ["2", "5", "10", "11.2", "12", "17"]
    first = data["tasks"][0]
    assert (first["deadline"], first["status"], first["group"]) == ("2026-06-30", "done", "CHÍNH QUYỀN SỐ")
    table = runner.invoke(app, ["tasks", str(SAMPLE), "--today", "25/11/2026", "--by", "responsible"])
    assert "7/21 nhiệm vụ chưa được triển khai" in table.stdout and "6 nhiệm vụ quá hạn" in table.stdout
    assert "Sở Khoa học và Công nghệ" in table.stdout


def test_cli_bad_today_and_missing_column(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["tasks", str(SAMPLE), "--today", "mai", "--lang", "en"])
    assert bad.exit_code == 2 and "not a date" in bad.output
    no_name = write(tmp_path, "STT,Thời hạn\n1,30/06/2026\n")
    result = runner.invoke(app, ["tasks", str(no_name), "--lang", "en"])
    assert result.exit_code == 1 and "no name column" in result.output


def test_section_for_the_report() -> None:
    section = tasks_section(read_tasks(SAMPLE, today=dt.date(2026, 11, 25)))
    assert section.key == "tasks"
    assert [f.value for f in section.facts] == [7, 8, 6, 6]
    assert section.lines[0].startswith("7/21 nhiệm vụ chưa được triển khai")
    assert len(section.views[0].rows) == 21


def test_excel_dates(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "tasks.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["DANH MỤC NHIỆM VỤ"])
    sheet.write_row(1, 0, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"])
    sheet.write_row(2, 0, ["1", "A", "Sở Y tế"])
    sheet.write_datetime(2, 3, dt.datetime(2026, 6, 30), book.add_format({"num_format": "dd/mm/yyyy"}))
    sheet.write_row(2, 4, ["Đang triển khai"])
    sheet.write_row(3, 0, ["2", "B", "Sở Y tế"])
    sheet.write_number(3, 3, 46295)  # a date typed as a General number: 46290 is 25/09/2026, so 30/09
    sheet.write_row(3, 4, ["Hoàn thành"])
    book.close()
    task_list = read_tasks(path, today=dt.date(2026, 10, 1))
    assert list(task_list.tasks["deadline"]) == [dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
    assert list(task_list.tasks["overdue"]) == [True, False]  # the second is done


NO_STATUS = "STT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Trạng thái\n1,Việc A,Sở Y tế,30/06/2026,\n"


def test_unknown_status_is_counted_everywhere(tmp_path: Path) -> None:
    path = write(
        tmp_path, NO_STATUS + "2,Việc B,Sở Y tế,30/06/2026,đang làm\n3,Việc C,Sở Y tế,Năm 2026,Tạm dừng\n"
    )
    task_list = read_tasks(path)
    # by hand: 3 tasks, none with a status word (empty, 'đang làm', 'Tạm dừng'): all unknown
    assert task_list.summary() == {
        "total": 3, "not_started": 0, "in_progress": 0, "done": 0, "unknown": 3, "overdue": 0
    }  # fmt: skip
    by = task_list.by_responsible()
    assert (by.loc["Sở Y tế", "total"], by.loc["Sở Y tế", "unknown"]) == (3, 3)
    one = tmp_path / "one.csv"
    one.write_text(NO_STATUS, encoding="utf-8")
    table = runner.invoke(app, ["tasks", str(one), "--by", "responsible"])
    assert table.exit_code == 0, table.output  # was exit 4: cannot convert float NaN to integer
    assert "chưa rõ" in table.stdout.splitlines()[-3]  # the per-unit table's header has the column
    data = json.loads(runner.invoke(app, ["tasks", str(path), "--format", "json"]).stdout)
    summary = data["summary"]
    assert summary["unknown"] == 3
    assert sum(summary[k] for k in ("not_started", "in_progress", "done", "unknown")) == summary["total"]


def test_json_counts_per_responsible() -> None:
    args = ["tasks", str(SAMPLE), "--today", "25/11/2026", "--by", "responsible", "--format", "json"]
    data = json.loads(runner.invoke(app, args).stdout)
    assert data["counts"]["by"] == "responsible"
    rows = {r["responsible"]: r for r in data["counts"]["rows"]}
    # by hand from sample_data/tasks_2026.csv: the Văn phòng UBND tỉnh leads tasks 1 (done) and 2
    # (running), and task 2 is past its deadline (Quý III/2026)
    office = rows["Văn phòng UBND tỉnh"]
    assert (office["total"], office["done"], office["in_progress"], office["overdue"]) == (2, 1, 1, 1)
    without = json.loads(runner.invoke(app, args[:4] + args[6:]).stdout)
    assert "counts" not in without


def test_csv_days_overdue_are_integers() -> None:
    result = runner.invoke(app, ["tasks", str(SAMPLE), "--today", "25/11/2026", "--format", "csv"])
    task2 = next(line for line in result.stdout.splitlines() if line.startswith('"2",'))  # text: quoted
    # task 2 is due Quý III/2026 = 30/09/2026: 56 days before 25/11/2026 (1 + 31 + 24), written as 56
    assert ",56," in task2 and "56.0" not in result.stdout


def test_sheet_on_a_csv_is_refused() -> None:
    result = runner.invoke(app, ["tasks", str(SAMPLE), "--sheet", "Nhiệm vụ", "--lang", "en"])
    assert result.exit_code == 2 and "has no sheets" in result.output


def test_a_file_that_is_not_a_task_list(tmp_path: Path) -> None:
    scores = Path(__file__).parent.parent / "sample_data" / "2024.csv"  # unit,name,indicator,value,stage
    result = runner.invoke(app, ["tasks", str(scores)])
    assert result.exit_code == 1 and "không phải danh sách nhiệm vụ" in result.output
    assert max(len(line) for line in result.output.splitlines()) < 2000  # was one 36,717-character line


def test_long_lists_of_heading_rows_are_cut(tmp_path: Path) -> None:
    lines = ["STT,Nhiệm vụ,Thời hạn,Trạng thái"]
    for i in range(1, 16):  # 15 headings on rows 2, 4, … 30, each over one task
        lines += [f"{i},Nhóm {i},,", "-,Việc,30/06/2026,Hoàn thành"]
    task_list = read_tasks(write(tmp_path, "\n".join(lines) + "\n"))
    assert len(task_list.tasks) == 15
    assert "rows 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 … and 5 more:" in str(task_list.notes[0])


def test_report_section_counts_unknown_tasks(tmp_path: Path) -> None:
    section = tasks_section(read_tasks(write(tmp_path, NO_STATUS)))
    # by hand: one task, no status word: 0 + 0 + 0 known and 1 unknown, adding up to the one task
    assert [(f.label, f.value) for f in section.facts][-1] == ("Chưa rõ", 1)
    assert sum(f.value for f in section.facts) == 1


# A task list as a provincial office keeps it (issue 22): the status under "Tình hình thực hiện", the
# numbering restarting in each section, a row pasted twice, lead units in short and old forms.
OFFICE = (
    "PHỤ LỤC: NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026,,,,\n"
    "STT,Nhiệm vụ,Đơn vị chủ trì,Thời gian hoàn thành,Tình hình thực hiện\n"
    "I,CHÍNH QUYỀN SỐ,,,\n"
    "1,Ban hành Kế hoạch chuyển đổi số năm 2026,Sở TT&TT,30/06/2026,Đã hoàn thành\n"
    "2,Nâng cấp hệ thống giám sát an toàn thông tin (SOC),CA tỉnh,30/09/2026,Đang triển khai\n"
    "2,Nâng cấp hệ thống giám sát an toàn thông tin (SOC),CA tỉnh,30/09/2026,Đang triển khai\n"
    "II,KINH TẾ SỐ,,,\n"
    "1,Thúc đẩy sử dụng hóa đơn điện tử,Cục Thuế,31/12/2026,Chưa triển khai\n"
    "2,Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số,Sở KHĐT,Quý III/2026,Chậm tiến độ\n"
)


@pytest.mark.parametrize("header", ["Tình hình thực hiện", "Kết quả thực hiện", "Tiến độ", "Trạng thái"])
def test_status_headers_as_offices_write_them(tmp_path: Path, header: str) -> None:
    # 14/01/2027 is 198 days after 30/06/2026: 'Đã hoàn thành' was shown 198 days overdue when the header
    # was not read. Done is never overdue; 30/09 (I.2, II.2 'Quý III') and 31/12 (II.1) are past.
    path = write(tmp_path, OFFICE.replace("Tình hình thực hiện", header))
    task_list = read_tasks(path, today=dt.date(2027, 1, 14))
    assert task_list.issues == []
    assert list(task_list.tasks["id"]) == ["I.1", "I.2", "II.1", "II.2"]
    assert list(task_list.tasks["status"]) == ["done", "in_progress", "not_started", "in_progress"]
    assert list(task_list.tasks["overdue"]) == [False, True, True, True]
    # the row pasted twice (6 = 5) counted once: 4 tasks, not 5
    assert task_list.summary() == {
        "total": 4, "not_started": 1, "in_progress": 2, "done": 1, "unknown": 0, "overdue": 3
    }  # fmt: skip
    assert "6 = 5" in " | ".join(map(str, task_list.notes))


def test_task_table_names_lead_units_as_the_register_does(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tasks", str(write(tmp_path, OFFICE)), "--today", "14/01/2027"])
    assert result.exit_code == 0, result.output
    for name in ("Sở Thông tin và Truyền thông", "Công an tỉnh", "Thuế tỉnh", "Sở Kế hoạch và Đầu tư"):
        assert name in result.stdout
    assert "counted once" in runner.invoke(app, ["tasks", str(tmp_path / "tasks.csv"), "--lang", "en"]).output
