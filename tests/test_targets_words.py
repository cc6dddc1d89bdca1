"""A target's result in words (issue 22): `x`, `Đã ban hành`, `Đã triển khai …`, `Hoàn thành` are met,
`Chưa …` not met, `Chưa có số liệu`, `—`, empty no data; `Đang triển khai` against a number is not met, in
progress — never an error that blocks the review of the other targets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.target_text import RESULT_WORDS, result_word, result_words_markdown
from dti.tracking.targets import read_targets

runner = CliRunner()
HEADER = ["STT", "Mục tiêu", "Đơn vị thực hiện", "Mục tiêu năm 2025", "Kết quả thực hiện", "Ghi chú"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x", ("met", False)),
        ("X", ("met", False)),
        ("Đã ban hành", ("met", False)),
        ("Đã ban hành Kế hoạch số 45/KH-UBND ngày 12/3/2025", ("met", False)),
        ("Đã triển khai", ("met", False)),
        ("Đã triển khai kết nối CSDL về dân cư", ("met", False)),
        ("Hoàn thành", ("met", False)),
        ("Đã hoàn thành", ("met", False)),
        ("đạt", ("met", False)),
        ("Chưa ban hành", ("not_met", False)),
        ("Chưa triển khai", ("not_met", False)),
        ("Chưa đạt", ("not_met", False)),
        ("Không đạt", ("not_met", False)),
        ("Chưa có số liệu", ("no_data", False)),
        ("Không có số liệu", ("no_data", False)),
        ("—", ("no_data", False)),
        ("-", ("no_data", False)),
        ("Đang triển khai", ("not_met", True)),
        ("Đang thực hiện thủ tục đầu tư", ("not_met", True)),
        ("", None),
        ("Đã có dự thảo", None),  # a draft is not 'Đã ban hành': a person decides (needs review)
        ("xây dựng", None),  # 'x' is a word of its own, not the start of one
        ("Đạtđược", None),
    ],
)
def test_result_word(text: str, expected: tuple[str, bool] | None) -> None:
    assert result_word(text) == expected


def test_result_words_table_lists_every_word() -> None:
    table = result_words_markdown()
    assert all(f"`{w}`" in table for w, _, _ in RESULT_WORDS)
    assert "| `đang triển khai` | not_met (in progress) |" in table


ROWS = [
    # id, name, unit, target, result → status by hand (no: not met, run: not met, in progress, ?: no data)
    ["1", "Ban hành Kế hoạch chuyển đổi số năm 2025", "Sở Khoa học và Công nghệ", "Ban hành trong Quý I",
     "Đã ban hành"],  # met: the words
    ["2", "Triển khai nền tảng họp trực tuyến", "Văn phòng UBND tỉnh", "Triển khai", "x"],  # met
    ["3", "Ban hành Quy chế quản lý dữ liệu", "Sở Khoa học và Công nghệ", "Ban hành", "Chưa ban hành"],  # no
    ["4", "Tỷ lệ hồ sơ TTHC xử lý trực tuyến", "Văn phòng UBND tỉnh", "80%", "Đang triển khai"],  # run
    ["5", "Tỷ lệ cơ quan cung cấp dữ liệu mở", "Các cơ quan, ban, ngành", "50%", "Chưa có số liệu"],  # ?
    ["6", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Hoàn thành", "—"],  # ?
    ["7", "Tỷ lệ doanh nghiệp dùng hóa đơn điện tử", "Thuế tỉnh", "100%", "100%"],  # met: the numbers
]  # fmt: skip


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def test_results_in_words(tmp_path: Path) -> None:
    review = read_targets(_csv(tmp_path / "muc_tieu.csv"))
    assert review.issues == []  # 'Đang triển khai' against 80 % blocks nothing
    got = dict(zip(review.targets["id"], review.targets["status"], strict=True))
    assert got == {"1": "met", "2": "met", "3": "not_met", "4": "not_met", "5": "no_data", "6": "no_data",
                   "7": "met"}  # fmt: skip
    assert review.summary() == {"total": 7, "met": 3, "not_met": 2, "no_data": 2, "needs_review": 0}


def test_in_progress_is_said_and_blocks_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["targets", str(_csv(tmp_path / "muc_tieu.csv"))])
    assert result.exit_code == 0, result.output
    assert "Chưa đạt (đang triển khai)" in result.stdout
    assert "3/7 chỉ tiêu đạt và vượt kế hoạch; 2/7 chưa đạt; 2/7 chưa có số liệu đánh giá" in result.stdout
    english = runner.invoke(app, ["targets", str(tmp_path / "muc_tieu.csv"), "--lang", "en"])
    assert "Not met (in progress)" in english.stdout


def _results(path: Path, results: list[str]) -> Path:
    targets = ["90%", "60%", "3%"]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["STT", "Chỉ tiêu", "Mục tiêu năm 2025", "Kết quả"])
        writer.writerows(
            [str(i + 1), f"Chỉ tiêu {i + 1}", t, r]
            for i, (t, r) in enumerate(zip(targets, results, strict=True))
        )
    return path


def test_bare_fractions_read_on_one_scale_per_file(tmp_path: Path) -> None:
    # Every bare result is within 0…1: the file writes fractions. 0,9 → 90 % (met 90 %), 0,535 → 53,5 %
    # (short of 60 % by 6,5), 0,05 → 5 % (above 3 %, by 2); each said at its cell.
    review = read_targets(_results(tmp_path / "ty_le.csv", ["0,9", "0,535", "0,05"]))
    assert review.targets["status"].tolist() == ["met", "not_met", "met"]
    assert review.targets["shortfall"].tolist()[1] == pytest.approx(6.5)
    assert review.targets["exceeded_by"].tolist()[2] == pytest.approx(2.0)
    assert [(i.code, i.cell) for i in review.issues] == [("read-as-fraction", f"D{r}") for r in (2, 3, 4)]


def test_bare_percents_keep_a_stray_fraction_as_written(tmp_path: Path) -> None:
    # 53,5 is above 1: the file writes percents without the sign, so 0,9 is 0,9 % and 0,05 is 0,05 % — the
    # same scale for every row (before, 0,9 and 0,05 were taken for fractions and 53,5 for a percent), each
    # small one said. 0,9 against 90: short by 89,1; 0,05 against 3: short by 2,95.
    review = read_targets(_results(tmp_path / "ty_le.csv", ["0,9", "53,5", "0,05"]))
    assert review.targets["status"].tolist() == ["not_met", "not_met", "not_met"]
    assert review.targets["shortfall"].tolist() == pytest.approx([89.1, 6.5, 2.95])
    assert [(i.code, i.cell) for i in review.issues] == [("mixed-scale", "D2"), ("mixed-scale", "D4")]


def test_word_tables_are_documented() -> None:
    from dti.tracking.tasks import status_words_markdown

    from .conftest import ROOT

    assert result_words_markdown() in (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    assert status_words_markdown() in (ROOT / "docs" / "tasks.md").read_text(encoding="utf-8")


def test_the_file_s_own_note_is_kept(tmp_path: Path) -> None:
    # a new user's finding: 'số liệu năm 2023 là 9,56%' and 'theo số liệu của Cục Viễn thông' were dropped
    # from the JSON and the Word appendix; the remark shows the note where it says more than the verdict
    from dti.views.review import remark, targets_data

    path = tmp_path / "t.csv"
    path.write_text(
        "STT,Tên chỉ tiêu,Kế hoạch,Kết quả,Ghi chú\n"
        '1,Tỷ lệ A,90%,"86,32%",Chưa đạt (theo số liệu của Cục Viễn thông)\n'
        '2,Tỷ lệ B,50%,,"Chưa có số liệu đánh giá (số liệu năm 2023 là 9,56%)"\n'
        '3,Tỷ lệ C,50%,"57,47%","Đạt và vượt 7,47%"\n',
        encoding="utf-8",
    )
    rows = targets_data(read_targets(path))["targets"]
    assert [r["note"] for r in rows][1] == "Chưa có số liệu đánh giá (số liệu năm 2023 là 9,56%)"
    said = [remark(r, "vi") for r in rows]
    assert said == [
        "Chưa đạt (còn thiếu 3,68 điểm %); ghi chú: Chưa đạt (theo số liệu của Cục Viễn thông)",
        "Chưa có số liệu đánh giá (số liệu năm 2023 là 9,56%)",
        "Đạt và vượt 7,47 điểm %",
    ]
