"""Periods and benchmarks in the target review (issue 24): a list with the six-month result, the same
period last year and the national average, typed from seed 001's appendix (its header, sections and
wording; the last year's and national columns added as the report's text compares them: "tăng 73,8% so
với cùng kỳ năm trước", "thấp hơn bình quân toàn quốc").

Worked by hand, per target (current = KQTH 6 tháng đầu năm 2024; change = current − Cùng kỳ năm 2023;
difference = current − Trung bình cả nước):
  I.1   85%  87,44%  84,1%  79,5%  met, exceeded 2,44   change +3,34 improved   +7,94 above
  I.2   75%  83,77%  85%    80%    met, exceeded 8,77   change −1,23 worse      +3,77 above
  II.1  60%  53,5%   53,5%  55,2%  not met, short 6,5   change 0 unchanged      −1,7  below
  II.2  70%  77,47%  70,1%  80%    met, exceeded 7,47   change +7,37 improved   −2,53 below
  II.3  90%  (blank) 85%    82%    no data              no change               no position
  III.1 12%  -       9,56%  12,33% no data              no change               no position
  III.2 không quá 2%  1,8%  2,5%  3,1%  met (lower is better), exceeded 0,2
                                         change −0,7 improved (a fall)            −1,3  below
  summary: 7 targets, met 4 (I.1, I.2, II.2, III.2), not met 1, no data 2; improved 3 (I.1, II.2,
  III.2), worse 1 (I.2), unchanged 1 (II.1).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.io.periods import Period, assign_roles, read_period
from dti.tracking.targets import read_targets
from dti.words import texts

runner = CliRunner()
HEADER = [
    "STT",
    "Mục tiêu",
    "Đơn vị thực hiện",
    "Mục tiêu năm 2024",
    "KQTH 6 tháng đầu năm 2024",
    "Cùng kỳ năm 2023",
    "Trung bình cả nước",
    "Ghi chú",
]
TT = "Sở Thông tin và Truyền thông"
CQ = "Các cơ quan, ban, ngành"
NO = "Chưa có số liệu đánh giá"
ROWS: list[list[Any]] = [
    ["KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỤ THỂ NĂM 2024"],
    ["(Ban hành kèm theo Báo cáo số 04-BC/BCDCDS ngày 07/8/2024 của Ban Chỉ đạo chuyển đổi số)"],
    [],
    HEADER,
    ["I", "Phát triển hạ tầng số"],
    ["1", "Tỷ lệ dân số có điện thoại thông minh", TT, "85%", "87,44%", "84,1%", "79,5%",
     "Đạt và vượt 2,44% (theo số liệu của Cục Viễn thông)"],
    ["2", "Tỷ lệ gia đình có đường Internet cáp quang băng rộng", TT, "75%", "83,77%", "85%", "80%",
     "Đạt và vượt 8,77% (theo số liệu của Cục Viễn thông)"],
    ["II", "Phát triển Chính quyền số"],
    ["1", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ", CQ, "60%", "53,5%", "53,5%", "55,2%", "Chưa đạt"],
    ["2", "Tỷ lệ hồ sơ thủ tục hành chính (TTHC) được tiếp nhận, xử lý trực tuyến", CQ, "70%", "77,47%",
     "70,1%", "80%", "Đạt và vượt 7,47%"],
    ["3", "Tỷ lệ hài lòng của người dân đối với Chính quyền số", CQ, "90%", "", "85%", "82%", NO],
    ["III", "Phát triển kinh tế số và xã hội số"],
    ["1", "Tỷ trọng kinh tế số trong GRDP của tỉnh", "Sở KHĐT", "12%", "-", "9,56%", "12,33%",
     "Chưa có số liệu đánh giá (số liệu năm 2023 là 9,56%)"],
    ["2", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn", CQ, "không quá 2%", "1,8%", "2,5%", "3,1%",
     ""],
]  # fmt: skip
IDS = ["I.1", "I.2", "II.1", "II.2", "II.3", "III.1", "III.2"]
STATUS = ["met", "met", "not_met", "met", "no_data", "no_data", "met"]
CHANGE = [3.34, -1.23, 0.0, 7.37, None, None, -0.7]
TREND = ["improved", "worsened", "unchanged", "improved", None, None, "improved"]
DIFFERENCE = [7.94, 3.77, -1.7, -2.53, None, None, -1.3]
POSITION = ["above", "above", "below", "below", None, None, "below"]


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        for row in ROWS:
            writer.writerow(row + [""] * (len(HEADER) - len(row)))
    return path


def _percent(text: str) -> Any:
    """'84,1%' as Excel keeps a percent-formatted cell: 0.841."""
    if text.endswith("%") and text[:-1].replace(",", "").isdigit():
        return float(text[:-1].replace(",", ".")) / 100
    return text or None


def _xlsx(path: Path) -> Path:
    """The results as percent-formatted numbers (0.8744 shown 87,44%), the title merged across."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS:
        values = [_percent(c) if 4 <= j <= 6 and row is not HEADER else c for j, c in enumerate(row)]
        sheet.append([int(c) if isinstance(c, str) and c.isdigit() else c for c in values])
    for line in sheet.iter_rows(min_row=5, min_col=5, max_col=7):
        for cell in line:
            if isinstance(cell.value, float):
                cell.number_format = "0.00%"
    sheet.merge_cells("A1:H1")
    book.save(path)
    return path


@pytest.fixture(params=["csv", "xlsx"])
def appendix(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    make = _xlsx if request.param == "xlsx" else _csv
    return make(tmp_path / f"phu_luc_6_thang_2024.{request.param}")


def _near(got: list[Any], expected: list[Any]) -> bool:
    return all(
        (g is None and e is None) or (g is not None and e is not None and abs(g - e) < 1e-9)
        for g, e in zip(got, expected, strict=True)
    )


def test_six_months_last_year_and_national_average(appendix: Path) -> None:
    review = read_targets(appendix)
    assert [str(i) for i in review.issues] == []
    assert [(c.role, c.period) for c in review.columns] == [
        ("current", Period(6, 2024)),
        ("same_period", Period(6, 2023)),
        ("national", Period(6, 2024)),
    ]
    data = review.to_dict()
    rows = data["targets"]
    assert [r["id"] for r in rows] == IDS
    assert [r["status"] for r in rows] == STATUS
    assert _near([r["change"] for r in rows], CHANGE)
    assert [r["trend"] for r in rows] == TREND
    assert _near([r["national"]["difference"] for r in rows], DIFFERENCE)
    assert [r["national"]["position"] for r in rows] == POSITION
    assert data["summary"] == {
        "total": 7,
        "met": 4,
        "not_met": 1,
        "no_data": 2,
        "needs_review": 0,
        "improved": 3,
        "worsened": 1,
        "unchanged": 1,
    }
    # each column's role, period and value are kept per target
    first = rows[0]["results"]
    assert [(r["role"], r["months"], r["year"]) for r in first] == [
        ("current", 6, 2024),
        ("same_period", 6, 2023),
        ("national", 6, 2024),
    ]
    assert _near([r["value"] for r in first], [87.44, 84.1, 79.5])
    assert [r["header"] for r in data["columns"]] == HEADER[4:7]


def test_json_on_the_command_line(appendix: Path) -> None:
    result = runner.invoke(app, ["targets", str(appendix), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["trend"] for r in data["targets"]] == TREND
    assert data["summary"]["improved"] == 3
    table = runner.invoke(app, ["targets", str(appendix)])
    assert table.exit_code == 0, table.output
    assert (
        "4/7 chỉ tiêu đạt và vượt kế hoạch; 1/7 chưa đạt; 2/7 chưa có số liệu đánh giá; so với cùng kỳ: "
        "3 chỉ tiêu cải thiện, 1 kém đi, 1 không đổi" in table.stdout
    )


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("KQTH 6 tháng đầu năm 2024", Period(6, 2024)),
        ("Kết quả thực hiện 6 tháng", Period(6, None)),
        ("Ước thực hiện 9 tháng năm 2024", Period(9, 2024)),
        ("Ước thực hiện cả năm 2024", Period(12, 2024)),
        ("Kết quả thực hiện năm 2023", Period(12, 2023)),
        ("Cùng kỳ năm 2023", Period(None, 2023)),
        ("Cùng kỳ", Period()),
        ("Trung bình cả nước", Period()),
    ],
)
def test_period_of_a_header(header: str, period: Period) -> None:
    assert read_period(header) == period


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (Period(12, 2023), "cả năm 2023", "the whole of 2023"),  # not `cả năm năm 2023`
        (Period(12, None), "cả năm", "the whole year"),
        (Period(6, 2024), "6 tháng năm 2024", "6 months of 2024"),
    ],
)
def test_period_label_says_the_year_once(period: Period, vi: str, en: str) -> None:
    assert (texts([period.label()], "vi"), texts([period.label()], "en")) == ([vi], [en])


def _roles(*headers: tuple[str, str]) -> tuple[list[tuple[str, str, Period]], list[str]]:
    columns, ambiguous = assign_roles([(i, h, m) for i, (h, m) in enumerate(headers)])
    return [(c.header, c.role, c.period) for c in columns], [c.header for c in ambiguous]


def test_roles_from_the_headers() -> None:
    # the only result column is the current one, whatever its period
    assert _roles(("Kết quả", "result")) == ([("Kết quả", "current", Period())], [])
    # the latest period of the latest year; a result of the same months a year earlier is last year's
    got, ambiguous = _roles(
        ("Kết quả 6 tháng năm 2023", "result"),
        ("Kết quả thực hiện năm 2023", "result"),
        ("KQTH 9 tháng năm 2024", "result"),
        ("Trung bình cả nước", "national"),
        ("Bình quân vùng", "regional"),
    )
    assert got == [
        ("Kết quả 6 tháng năm 2023", "other", Period(6, 2023)),
        ("Kết quả thực hiện năm 2023", "other", Period(12, 2023)),
        ("KQTH 9 tháng năm 2024", "current", Period(9, 2024)),
        ("Trung bình cả nước", "national", Period(9, 2024)),
        ("Bình quân vùng", "regional", Period(9, 2024)),
    ]
    assert ambiguous == []
    got, _ = _roles(("Kết quả 6 tháng năm 2023", "result"), ("KQTH 6 tháng đầu năm 2024", "result"))
    assert got[0] == ("Kết quả 6 tháng năm 2023", "same_period", Period(6, 2023))
    # a result without a year is of the latest year named: beside one of the same months, ambiguous
    assert _roles(("Kết quả 6 tháng", "result"), ("Kết quả 6 tháng năm 2023", "result"))[1] == [
        "Kết quả 6 tháng năm 2023"
    ]
    # 'Cùng kỳ' without a year is the year before the current one, of its months
    got, _ = _roles(("KQTH 6 tháng đầu năm 2024", "result"), ("Cùng kỳ", "same_period"))
    assert got[1] == ("Cùng kỳ", "same_period", Period(6, 2023))


def test_an_ambiguous_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "chi_tieu.csv"
    path.write_text(
        "STT,Chỉ tiêu,Kế hoạch,Kết quả 6 tháng,Thực hiện 6 tháng,Cùng kỳ,Cùng kỳ năm trước\n"
        '1,Tỷ lệ A,>= 80%,"84,5%","84,5%",80%,80%\n',
        encoding="utf-8",
    )
    review = read_targets(path)
    said = [(i.code, str(i.severity), i.column, i.cell) for i in review.issues]
    assert said == [
        ("duplicate-header", "error", "Thực hiện 6 tháng", "E1"),
        ("duplicate-header", "warning", "Cùng kỳ năm trước", "G1"),
    ]
    assert "Thực hiện 6 tháng" in review.issues[0].text("vi")


def test_table_csv_and_workbook_show_the_compared_columns(appendix: Path, tmp_path: Path) -> None:
    table = runner.invoke(app, ["targets", str(appendix)])
    assert table.exit_code == 0, table.output
    line = next(x for x in table.stdout.splitlines() if x.startswith("III.2 "))
    # không quá 2%: 1,8% against 2,5% last year is a fall, an improvement; 1,3 points under the average
    assert "-0,7 điểm % (cải thiện)" in line and "thấp hơn 1,3 điểm %" in line
    assert "cùng kỳ (6 tháng năm 2023)" in table.stdout and "TB cả nước (6 tháng năm 2024)" in table.stdout
    english = runner.invoke(app, ["targets", str(appendix), "--lang", "en"]).stdout
    assert "+3.34 pp (improved)" in english and "above by 7.94 pp" in english
    csv_out = runner.invoke(app, ["targets", str(appendix), "--format", "csv"]).stdout
    rows = list(csv.DictReader(csv_out.splitlines()))
    assert [r["trend"] for r in rows] == [t or "" for t in TREND]
    assert [r["national_position"] for r in rows] == [p or "" for p in POSITION]
    assert rows[0]["same_period"] == "84,1%" and rows[0]["national_value"] == "79.5"
    out = tmp_path / "review.xlsx"
    result = runner.invoke(app, ["targets", str(appendix), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    texts = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert {"so với cùng kỳ", "so với TB cả nước", "+3,34 điểm % (cải thiện)"} <= texts


def test_a_list_without_them_shows_none(tmp_path: Path) -> None:
    path = tmp_path / "chi_tieu.csv"
    path.write_text('STT,Chỉ tiêu,Kế hoạch,Kết quả\n1,Tỷ lệ A,>= 80%,"84,5%"\n', encoding="utf-8")
    table = runner.invoke(app, ["targets", str(path)]).stdout
    assert "cùng kỳ" not in table and "TB cả nước" not in table
    data = json.loads(runner.invoke(app, ["targets", str(path), "--format", "json"]).stdout)
    assert "columns" not in data and "trend" not in data["targets"][0] and "improved" not in data["summary"]
    header = runner.invoke(app, ["targets", str(path), "--format", "csv"]).stdout.splitlines()[0]
    assert "trend" not in header


def test_a_yaml_list_names_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "chi_tieu.yaml"
    path.write_text(
        "targets:\n"
        "  - {id: '1', name: Tỷ lệ dân số có điện thoại thông minh, target: 85%, result: '87,44%',\n"
        "     same_period: '84,1%', national: '79,5%'}\n"
        "  - {id: '2', name: Tỷ lệ hồ sơ quá hạn, target: không quá 2%, result: '1,8%',\n"
        "     same_period: '2,5%'}\n",
        encoding="utf-8",
    )
    review = read_targets(path)
    assert [(c.header, c.role) for c in review.columns] == [
        ("result", "current"),
        ("same_period", "same_period"),
        ("national", "national"),
    ]
    rows = review.to_dict()["targets"]
    assert [r["trend"] for r in rows] == ["improved", "improved"]  # 87,44 > 84,1; 1,8 < 2,5 under 'không quá'
    assert [r["national"]["position"] for r in rows] == ["above", None]


def test_the_ambiguity_in_english(tmp_path: Path) -> None:
    path = tmp_path / "chi_tieu.csv"
    path.write_text(
        "Chỉ tiêu,Kế hoạch,Kết quả 6 tháng,Thực hiện 6 tháng\nA,>= 80%,90%,91%\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["targets", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "D1" in result.output and "column 'Thực hiện 6 tháng' is a result of 6 months too" in result.output


def test_an_average_twice_is_a_warning(tmp_path: Path) -> None:
    # two 'Trung bình cả nước' columns: the first is used, the second named; the review goes on (exit 0)
    path = tmp_path / "chi_tieu.csv"
    path.write_text(
        "Chỉ tiêu,Kế hoạch,Kết quả,Trung bình cả nước,Trung bình cả nước\nA,>= 80%,90%,85%,70%\n",
        encoding="utf-8",
    )
    review = read_targets(path)
    assert [(i.code, str(i.severity), i.cell) for i in review.issues] == [
        ("duplicate-header", "warning", "E1")
    ]
    assert review.to_dict()["targets"][0]["national"] == {"difference": 5.0, "position": "above"}
    assert runner.invoke(app, ["targets", str(path)]).exit_code == 0
