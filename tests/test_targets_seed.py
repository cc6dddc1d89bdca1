"""The province's own six-month target appendix (seed 001: "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỤ THỂ NĂM 2024",
Ninh Thuận, Báo cáo số 04-BC/BCĐCĐS), typed in AS IT STANDS — STT restarting at 1 in each section I, II, III;
the section rows; sub-rows under a parent ("- Hộ gia đình", "- Cấp tỉnh") and unnumbered rows under a merged
STT cell; the header repeated after the page break; the responsible cells of II.3's sub-rows merged with the
parent's (blank below the first) — in CSV and in XLSX, without one edit (issue 22, "Targets as written").

The counts were worked out by hand from the seed, row by row (see SEED's comments):
  I   (7 targets): met I.1.2, I.1.3, I.2, I.4, I.5 = 5; not met I.1.1 = 1; no data I.3 = 1       → 5/1/1
  II  (13):        met II.1, II.2.1, II.3.2, II.3.3, II.4, II.5 = 6; not met II.2, II.3.1 = 2;
                   no data II.5.1, II.6, II.7, II.8, II.9 = 5                                        → 6/2/5
  III (8):         met III.2, III.3, III.6, III.7, III.8 = 5; no data III.1, III.4, III.5 = 3        → 5/0/3
  total 28 → 16 met / 3 not met / 9 no data, as the report says ("16/28 … 3/28 … 9/28").
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.tracking.targets import read_targets

runner = CliRunner()
HEADER = ["STT", "Mục tiêu", "Đơn vị thực hiện", "Mục tiêu năm 2024", "KQTH 6 tháng đầu năm 2024", "Ghi chú"]
TT = "Sở Thông tin và Truyền thông"
DN = "Các doanh nghiệp viễn thông"
CQ = "Các cơ quan, ban, ngành"
NO = "Chưa có số liệu đánh giá"
# One list per spreadsheet row, row 1 first; None is a blank row. Comments: the id each target gets and
# its status as read by hand (the verdict in Ghi chú, else the result against the target).
SEED: list[list[Any] | None] = [
    ["KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CỤ THỂ NĂM 2024"],
    ["(Ban hành kèm theo Báo cáo số 04-BC/BCDCDS ngày 07/8/2024"],
    ["của Ban Chi đạo chuyển đổi số)"],
    None,
    HEADER,  # row 5
    ["I", "Phát triển hạ tầng số"],  # 6: section I
    ["1", "Hạ tầng mạng băng rộng cáp quang phủ sóng", TT],  # 7: parent, no target of its own
    ["", "- Hộ gia đình", DN, "trên 90%", "86,32%",
     "Chưa đạt (theo số liệu của Cục Viễn thông)"],  # 8: I.1.1 not met
    ["", "- Thôn/khu phố", DN, "100%", "100%", "Đạt"],  # I.1.2 met
    ["", "Triển khai phủ sóng mạng 5G", DN, "Triển khai tại thành phố PR-TC",
     "Đã triển khai lắp đặt, tích hợp 75 vị trí trạm 5G", "Đạt"],  # 10: I.1.3 met (qualitative)
    ["2", "Tỷ lệ dân số có điện thoại thông minh", TT, "85%", "87,44%",
     "Đạt và vượt 2,44% (theo số liệu của Cục Viễn thông)"],  # I.2 met
    ["3", "Tỷ lệ dân số từ 15 tuổi trở lên có điện thoại thông minh", TT, "100%", "", NO],  # I.3 no data
    ["4", "Tỷ lệ gia đình có đường Internet cáp quang băng rộng", TT, "75%", "83,77%",
     "Đạt và vượt 8,77% (theo số liệu của Cục Viễn thông)"],  # I.4 met
    ["5", "Cơ quan nhà nước được kết nối vào mạng truyền số liệu chuyên dùng cơ quan Đảng và Nhà nước",
     CQ, "100%", "100%", "Đạt"],  # 14: I.5 met
    ["II", "Phát triển Chính quyền số"],  # 15: section II
    ["1", "DVCTT toàn trình được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị "
     "di động", CQ, "100%", "100%", "Đạt"],  # II.1 met
    ["2", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ", CQ, "60%", "53,5%", "Chưa đạt"],  # II.2 not met
    ["", "Tỷ lệ hồ sơ thủ tục hành chính (TTHC) được tiếp nhận, xử lý trực tuyến", CQ, "70%", "77,47%",
     "Đạt và vượt 7,47%"],  # 18: II.2.1 met (the STT cell merged with II.2's)
    ["3", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi BMNN)",
     CQ],  # 19: parent; its responsible cell merged over its sub-rows (C19:C22)
    ["", "- Cấp tỉnh", "", "100%", "99,27%", "Chưa đạt"],  # II.3.1 not met
    ["", "- Cấp huyện", "", "95%", "95,91%", "Đạt và vượt 0,91%"],  # II.3.2 met
    ["", "- Cấp xã", "", "75%", "96,72%", "Đạt và vượt 21,72%"],  # II.3.3 met
    ["4", "Tỷ lệ báo cáo định kỳ, báo cáo tổng kê về kinh tế xã hội phục vụ sự chỉ đạo, điều hành được "
     "thực hiện qua hệ thống báo cáo điện tử của tỉnh; kết nối, chia sẻ dữ liệu giữa hệ thống báo cáo tỉnh "
     "với Hệ thống thông tin báo cáo Chính phủ", CQ, "95%", "100%", "Đạt và vượt 5%"],  # 23: II.4 met
    None,  # 24: the page break
    HEADER,  # 25: the header repeated on the next page
    ["5", "Kết nối, liên thông các cơ sở dữ liệu quốc gia tạo nền tảng phát triển Chính phủ số", CQ,
     "Kết nối CSDL về dân cư, đất đai, đăng ký doanh nghiệp, tài chính, bảo hiểm",
     "Đã triển khai kết nối CSDL về dân cư, đăng ký doanh nghiệp, tài chính, bảo hiểm", "Đạt"],  # II.5 met
    ["", "Tỷ lệ cơ quan nhà nước cung cấp dữ liệu mở đầy đủ theo danh mục", CQ, "50%", "",
     "Chưa có số liệu đánh giá (Ước cuối năm 2024 sẽ đạt chỉ tiêu này)"],  # 27: II.5.1 no data
    ["6", "Các sở, ban, ngành cấp tỉnh, UBND các huyện-thành phố công khai danh mục dữ liệu mở", CQ, "", "",
     "Hiện đang triển khai, chưa có số liệu báo cáo"],  # II.6 no data (no target, no result)
    ["7", "Tỷ lệ hài lòng của người dân đối với Chính quyền số", CQ, "90%", "", NO],  # II.7 no data
    ["8", "Tỷ lệ hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và "
     "hệ thống thông tin của cơ quan quản lý", CQ, "30%", "", NO],  # II.8 no data
    ["9", "Mỗi cơ quan, đơn vị, địa phương phấn đấu hoàn thành ít nhất một sản phẩm chuyển đổi số", CQ,
     "100%", "", "Chưa có số liệu đầy đủ Hiện nay, có 50 cơ quan, đơn vị đã đăng ký/65 sản phẩm CDS"],  # II.9
    ["III", "Phát triển kinh tế số và xã hội số"],  # 32: section III
    ["1", "Tỷ trọng kinh tế số trong GRDP của tỉnh", "Sở KHĐT", "12%", "-",
     "Chưa có số liệu đánh giá (số liệu năm 2023 là 9,56%)"],  # III.1 no data
    ["2", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "Sở KHĐT", "30%", "100%",
     "Đạt và vượt 70%"],  # III.2 met
    ["3", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "Cục Thuế tỉnh", "100%", "100%", "Đạt"],  # III.3 met
    ["4", "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu", CQ, "7%", "-", NO],  # III.4 no data
    ["5", "Tỷ trọng doanh thu thương mại điện tử trong tổng mức bán lẻ", "Sở Công thương", "7%", "-",
     NO],  # III.5 no data
    ["6", "Sản phẩm OCOP của tỉnh được đăng tải trên các sàn thương mại điện tử nội địa", "Sở Công thương",
     "100%", "100%", "Đạt"],  # III.6 met
    ["7", "Tỷ lệ người dân từ đủ 15 tuổi trở lên số có tài khoản giao dịch tại ngân hàng hoặc các tổ chức "
     "được phép khác", "Ngân hàng Nhà nước", "70%", "187,5%",
     "Đạt và vượt 117,5% Số liệu do NHHH cung cấp"],  # III.7 met
    ["8", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "Sở Y tế", "Trên 90%", "93,9%",
     "Đạt và vượt 3,9% (Báo cáo của Sở Y tế)"],  # III.8 met
]  # fmt: skip
IDS = (
    ["I.1.1", "I.1.2", "I.1.3", "I.2", "I.3", "I.4", "I.5"]
    + ["II.1", "II.2", "II.2.1", "II.3.1", "II.3.2", "II.3.3", "II.4", "II.5", "II.5.1", "II.6", "II.7"]
    + ["II.8", "II.9"]
    + ["III.1", "III.2", "III.3", "III.4", "III.5", "III.6", "III.7", "III.8"]
)
# Per group (the section titles): (total, met, not met, no data), from the module docstring.
BY_GROUP = {
    "Phát triển hạ tầng số": (7, 5, 1, 1),
    "Phát triển Chính quyền số": (13, 6, 2, 5),
    "Phát triển kinh tế số và xã hội số": (8, 5, 0, 3),
}
# Per responsible unit as the appendix assigns them (the register's names; sub-rows with a blank cell take
# the parent's): the telecoms I.1.1-I.1.3 (met .2, .3; not met .1); Sở TT&TT I.2, I.4 met, I.3 no data (merged
# into Sở KH&CN in 2025: the register names it so); "Các cơ quan, ban, ngành" ONE party: I.5, II.1-II.9
# (13) and III.4 = 15, met I.5 + II's 6 = 7, not met II.2, II.3.1 = 2, no data II's 5 + III.4 = 6;
# Sở KHĐT III.1 no data, III.2 met; Cục Thuế III.3 met; Sở Công thương III.5 no data, III.6 met; NHNN III.7
# met; Sở Y tế III.8 met. 3+3+15+2+1+2+1+1 = 28; met 2+2+7+1+1+1+1+1 = 16; no data 1+6+1+1 = 9.
BY_RESPONSIBLE = {
    "telecoms": (3, 2, 1, 0),
    "tt": (3, 2, 0, 1),
    "all": (15, 7, 2, 6),
    "khdt": (2, 1, 0, 1),
    "thue": (1, 1, 0, 0),
    "ct": (2, 1, 0, 1),
    "nhnn": (1, 1, 0, 0),
    "yt": (1, 1, 0, 0),
}


def _csv(path: Path) -> Path:
    """As Excel saves it in a Vietnamese locale: ';' separated, with a BOM, merged cells blank below."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        for row in SEED:
            cells = [str(c) for c in row or []]
            writer.writerow(cells + [""] * (len(HEADER) - len(cells)))
    return path


def _xlsx(path: Path) -> Path:
    """As the office keeps it: the title merged across, STT as numbers, the merged cells of the original
    (II.2's STT over its unnumbered row, II.3's responsible unit over its sub-rows, II.5's STT)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in SEED:
        sheet.append([int(c) if isinstance(c, str) and c.isdigit() else c for c in row or []])
    for cells in ("A1:F1", "A2:F2", "A3:F3", "B6:F6", "A17:A18", "C19:C22", "A26:A27", "B15:F15", "B32:F32"):
        sheet.merge_cells(cells)
    book.save(path)
    return path


@pytest.fixture(params=["xlsx", "csv"])
def seed(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    make = _xlsx if request.param == "xlsx" else _csv
    return make(tmp_path / f"phu_luc_muc_tieu_2024.{request.param}")


def test_seed_appendix_counts(seed: Path) -> None:
    review = read_targets(seed)
    assert [str(i) for i in review.issues] == []
    assert list(review.targets["id"]) == IDS
    assert review.summary() == {"total": 28, "met": 16, "not_met": 3, "no_data": 9, "needs_review": 0}


def test_a_plain_row_after_bullets_keeps_its_own_name(seed: Path) -> None:
    # row 10 'Triển khai phủ sóng mạng 5G' follows the bullets '- Hộ gia đình', '- Thôn/khu phố' of
    # heading 1: a target of its own (5G is no part of fibre broadband), numbered in its place, I.1.3
    targets = read_targets(seed).targets
    names = dict(zip(targets["id"], targets["name"], strict=True))
    fibre = "Hạ tầng mạng băng rộng cáp quang phủ sóng"
    assert names["I.1.1"] == f"{fibre} - Hộ gia đình" and names["I.1.2"] == f"{fibre} - Thôn/khu phố"
    assert names["I.1.3"] == "Triển khai phủ sóng mạng 5G"
    assert names["II.3.1"].endswith("(trừ hồ sơ công việc thuộc phạm vi BMNN) - Cấp tỉnh")  # still a sub-row


def test_seed_appendix_by_group(seed: Path) -> None:
    table = read_targets(seed).by("group")
    got = {
        g: tuple(int(v) for v in table.loc[g, ["total", "met", "not_met", "no_data"]]) for g in table.index
    }
    assert got == BY_GROUP


def test_seed_appendix_by_responsible(seed: Path) -> None:
    review = read_targets(seed)
    table = review.by("responsible")
    got = {
        u: tuple(int(v) for v in table.loc[u, ["total", "met", "not_met", "no_data"]]) for u in table.index
    }
    named = review.departments.named
    expected = {
        named(DN): BY_RESPONSIBLE["telecoms"],
        named(TT): BY_RESPONSIBLE["tt"],
        named(CQ): BY_RESPONSIBLE["all"],
        named("Sở KHĐT"): BY_RESPONSIBLE["khdt"],
        named("Cục Thuế tỉnh"): BY_RESPONSIBLE["thue"],
        named("Sở Công thương"): BY_RESPONSIBLE["ct"],
        named("Ngân hàng Nhà nước"): BY_RESPONSIBLE["nhnn"],
        named("Sở Y tế"): BY_RESPONSIBLE["yt"],
    }
    assert len(set(expected)) == 8  # eight bodies, none folded into another
    assert got == expected


def test_seed_appendix_on_the_command_line(seed: Path) -> None:
    result = runner.invoke(app, ["targets", str(seed)])
    assert result.exit_code == 0, result.output
    assert (
        "16/28 chỉ tiêu đạt và vượt kế hoạch; 3/28 chưa đạt; 9/28 chưa có số liệu đánh giá" in result.stdout
    )


def test_merged_group_and_responsible_cells(tmp_path: Path) -> None:
    # A list with its own group column, both group and responsible cells merged down (blank below the
    # first in a CSV): the sub-rows of 2 take the group and unit of their heading; 3 those above it.
    path = tmp_path / "chi_tieu.csv"
    path.write_text(
        "STT,Nhóm,Chỉ tiêu,Đơn vị chủ trì,Mục tiêu,Kết quả\n"
        "1,Hạ tầng số,Tỷ lệ thôn có sóng 4G,Sở Khoa học và Công nghệ,100%,100%\n"
        "2,Chính quyền số,Tỷ lệ hồ sơ xử lý trên môi trường mạng,Văn phòng UBND tỉnh,,\n"
        ",,- Cấp tỉnh,,100%,99%\n"
        ",,- Cấp huyện,,95%,96%\n"
        "3,,Tỷ lệ văn bản ký số,,90%,93%\n",
        encoding="utf-8",
    )
    targets = read_targets(path).targets
    assert list(targets["id"]) == ["1", "2.1", "2.2", "3"]
    assert list(targets["group"]) == ["Hạ tầng số"] + ["Chính quyền số"] * 3
    assert list(targets["responsible"]) == ["Sở Khoa học và Công nghệ"] + ["Văn phòng UBND tỉnh"] * 3
