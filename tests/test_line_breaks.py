"""Names wrapped in their cells (Alt+Enter in a narrow column), as a new user's lists had them: a line
break starts a new unit only before a unit's name, a title is one line, a CR is no character."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dti.spec import load_spec
from dti.tracking.departments import split_units
from dti.tracking.received import read_received
from dti.tracking.targets import read_targets
from dti.tracking.tasks import read_tasks


def book(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_line_break_inside_a_name_is_a_space() -> None:
    assert split_units("Sở Thông tin và\nTruyền thông") == ["Sở Thông tin và Truyền thông"]
    assert split_units("Sở Kế hoạch\nvà Đầu tư") == ["Sở Kế hoạch và Đầu tư"]
    assert split_units("Văn phòng\r\nUBND tỉnh") == ["Văn phòng UBND tỉnh"]
    assert split_units("Sở\rY tế") == ["Sở Y tế"]
    # before a unit's name it starts the next unit, bullets or not
    assert split_units("Sở Y tế\nSở GD&ĐT") == ["Sở Y tế", "Sở GD&ĐT"]
    assert split_units("- Sở Y tế\n- Công an tỉnh") == ["Sở Y tế", "Công an tỉnh"]
    assert split_units("Sở Y tế;\nSở Tài chính") == ["Sở Y tế", "Sở Tài chính"]


def test_tasks_and_targets_count_a_wrapped_lead_once(tmp_path: Path) -> None:
    head = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Trạng thái", "Ghi chú"]
    tasks = read_tasks(
        book(
            tmp_path / "nv.xlsx",
            [
                head,
                [
                    1,
                    "Xây dựng Kho dữ liệu\r\ndùng chung",
                    "Sở Thông tin và\nTruyền thông",
                    "30/06/2024",
                    "Đang triển khai",
                    "a\rb",
                ],
                [2, "Nhiệm vụ B", "Sở Kế hoạch\nvà Đầu tư", "30/06/2024", "Hoàn thành", ""],
                [3, "Nhiệm vụ C", "Sở Y tế\nSở Kế hoạch và Đầu tư", "30/06/2024", "Hoàn thành", ""],
                [4, "Nhiệm vụ\rD", "Văn phòng\r\nUBND tỉnh\r", "30/06/2024", "Chưa\ntriển khai", ""],
            ],
        )
    )
    counts = tasks.by_responsible()["total"].to_dict()
    assert counts == {
        "Sở Thông tin và Truyền thông": 1,
        "Sở Kế hoạch và Đầu tư": 2,
        "Sở Y tế": 1,
        "Văn phòng UBND tỉnh": 1,
    }
    assert not [i for i in tasks.issues if i.code == "unknown-unit"]
    names = tasks.tasks["name"].tolist()
    assert names == ["Xây dựng Kho dữ liệu dùng chung", "Nhiệm vụ B", "Nhiệm vụ C", "Nhiệm vụ D"]
    assert tasks.tasks["responsible"].iloc[3] == "Văn phòng\nUBND tỉnh"  # no CR left in the CSV
    assert tasks.tasks["note"].iloc[0] == "a\nb"
    targets = read_targets(
        book(
            tmp_path / "ct.xlsx",
            [
                ["STT", "Chỉ tiêu", "Đơn vị chủ trì", "Kế hoạch năm 2024", "Kết quả thực hiện"],
                [1, "Tỷ lệ A", "Sở Thông tin và\nTruyền thông", "90%", "93%"],
                [2, "Tỷ lệ B", "Văn phòng\nUBND tỉnh", "90%", "80%"],
            ],
        )
    )
    assert targets.by("responsible")["total"].to_dict() == {
        "Sở Thông tin và Truyền thông": 1,
        "Văn phòng UBND tỉnh": 1,
    }


def test_the_received_log_reads_a_wrapped_sender_as_before(tmp_path: Path) -> None:
    spec = load_spec("dti-province-2022")
    path = book(
        tmp_path / "nhan.xlsx",
        [
            ["STT", "Đơn vị gửi", "Kỳ báo cáo", "Ngày gửi", "Chỉ số", "Tài liệu kiểm chứng"],
            [1, "Sở Khoa học và\nCông nghệ", "Quý I/2026", "20/03/2026", "Tất cả", "Có"],
            [2, "Văn phòng\r\nUBND tỉnh", "Quý I/2026", "20/03/2026", "Tất cả", "Có"],
        ],
    )
    log = read_received(path, ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh"], spec)
    assert [e.owner for e in log.entries] == ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh"]
