"""The owners file: inheritance from main indices, overrides, problems as a report, CSV/XLSX/YAML."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dti.issues import Issue
from dti.spec import Spec, load_spec
from dti.tracking.departments import split_units
from dti.tracking.owners import read_owners

SAMPLE = Path(__file__).parent.parent / "sample_data" / "owners.csv"


@pytest.fixture(scope="module")
def commune() -> Spec:
    # example-commune: NT = NT.01..NT.03, TC = TC.01..TC.02, HT, NL, CQ, KX
    return load_spec("example-commune")


@pytest.fixture(scope="module")
def province() -> Spec:
    return load_spec("dti-province-2022")


def write(tmp_path: Path, text: str, name: str = "owners.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(report_issues: list[Issue]) -> list[str]:
    return [str(i.code) for i in report_issues]


def test_a_main_index_covers_its_components_unless_one_says_otherwise(tmp_path: Path, commune: Spec) -> None:
    path = write(
        tmp_path,
        "Mã chỉ số,Đơn vị chủ trì,Đơn vị phối hợp\n"
        "NT,Văn phòng UBND xã,Công an xã\n"
        "NT.02,Đài truyền thanh xã,\n"
        "TC,Công chức Văn phòng - Thống kê,\n",
    )
    owners = read_owners(path, commune)
    assert owners.lead["NT.01"] == "Văn phòng UBND xã"
    assert owners.lead["NT.03"] == "Văn phòng UBND xã"
    assert owners.co["NT.01"] == ["Công an xã"]
    assert owners.lead["NT.02"] == "Đài truyền thanh xã"
    assert owners.co["NT.02"] == []  # co-units come with the row that gives the lead
    assert owners.lead["TC.01"] == owners.lead["TC.02"] == "Công chức Văn phòng - Thống kê"
    assert owners.owners == ["Văn phòng UBND xã", "Đài truyền thanh xã", "Công chức Văn phòng - Thống kê"]
    assert owners.components_of("Văn phòng UBND xã") == ["NT.01", "NT.03"]
    # the other groups (HT, NL, CQ, KX) have no owner: one warning naming them
    [unowned] = [i for i in owners.report.issues if i.code == "missing-value"]
    assert unowned.severity == "warning" and "HT.01" in unowned.message and "NT.01" not in unowned.message


def test_the_total_is_a_default_for_everything_not_assigned(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, "code,lead\nXA,UBND xã\nNT.01,Công an xã\n")
    owners = read_owners(path, commune)
    leaves = [n.code for n in commune.nodes if n.is_leaf]
    assert set(owners.lead) == set(leaves)
    assert owners.lead["NT.01"] == "Công an xã" and owners.lead["KX.01"] == "UBND xã"
    assert owners.report.issues == []


def test_unknown_code_says_did_you_mean_and_the_row_is_ignored(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, "code,lead\nXA,UBND xã\nNT.O1,Công an xã\n")
    owners = read_owners(path, commune)
    [issue] = owners.report.issues
    assert issue.code == "unknown-indicator" and issue.severity == "error"
    assert issue.row == 3 and issue.cell == "A3"
    assert "did you mean 'NT.01'" in issue.message
    assert owners.lead["NT.01"] == "UBND xã"


def test_two_lead_units_for_one_component(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, "code,lead\nXA,UBND xã\nNT.01,Công an xã\nNT.01,Văn phòng UBND xã\n")
    owners = read_owners(path, commune)
    [issue] = owners.report.issues
    assert issue.code == "duplicate-entry" and issue.row == 4 and issue.cell == "B4"
    assert "Công an xã" in issue.message and "Văn phòng UBND xã" in issue.message
    assert owners.lead["NT.01"] == "Công an xã"  # the first is kept


def test_two_units_in_the_lead_cell(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, 'code,lead\nXA,"UBND xã; Công an xã"\n')
    owners = read_owners(path, commune)
    assert owners.lead["NT.01"] == "UBND xã" and owners.co["NT.01"] == ["Công an xã"]
    assert codes(owners.report.issues) == ["duplicate-entry"]


def test_an_empty_lead_on_a_component_is_reported_and_a_heading_is_not(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, "code,lead\nXA,UBND xã\nNT,\nNT.01,\n")
    owners = read_owners(path, commune)
    [issue] = owners.report.issues
    assert issue.code == "missing-value" and issue.row == 4 and issue.cell == "B4"
    assert owners.lead["NT.01"] == "UBND xã"


def test_owner_names_differing_only_in_case_are_one_unit(tmp_path: Path, commune: Spec) -> None:
    path = write(tmp_path, "code,lead\nNT,Sở Y tế\nTC,Sở Y Tế\nXA,x\n")
    owners = read_owners(path, commune)
    assert owners.lead["TC.01"] == "Sở Y tế"
    assert owners.components_of("Sở Y tế") == ["NT.01", "NT.02", "NT.03", "TC.01", "TC.02"]


def test_units_split_on_semicolons_and_before_a_unit_name_only() -> None:
    assert split_units("Sở Tài chính, Sở Nội vụ; Công an tỉnh") == [
        "Sở Tài chính",
        "Sở Nội vụ",
        "Công an tỉnh",
    ]
    assert split_units("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert split_units("  ") == []


def test_the_sample_vietnamese_plan_with_title_rows(province: Spec) -> None:
    owners = read_owners(SAMPLE, province)
    assert owners.report.issues == []
    assert len(owners.lead) == 98  # every component of dti-province-2022 has an owner
    # rows by official number (STT) and name: 1 Nhận thức số → Sở KH&CN, 1.1 → Văn phòng UBND tỉnh
    assert owners.lead["NTS.02"] == "Sở Khoa học và Công nghệ"
    assert owners.lead["NTS.01"] == "Văn phòng UBND tỉnh"
    assert owners.lead["HDKT.10"] == "Ngân hàng Nhà nước Khu vực"  # 8.10, not 8.1
    assert owners.lead["HDKT.01"] == "Sở Công Thương"
    assert owners.co["HTS.01"] == ["Viễn thông tỉnh (VNPT)", "Viettel tỉnh", "MobiFone tỉnh"]
    assert owners.owners[:3] == ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Nội vụ"]


def test_xlsx_with_a_title_row_and_names(tmp_path: Path, commune: Spec) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PHÂN CÔNG PHỤ TRÁCH CÁC CHỈ SỐ"])
    sheet.append([])
    sheet.append(["STT", "Tên chỉ số", "Cơ quan chủ trì", "Cơ quan phối hợp"])
    sheet.append(["1", "Nhận thức số", "UBND xã", "Đoàn thanh niên xã"])
    sheet.append(["", "Kế hoạch chuyển đổi số của xã được ban hành", "Văn phòng - Thống kê", ""])
    path = tmp_path / "owners.xlsx"
    book.save(path)
    owners = read_owners(path, commune)
    assert owners.lead["NT.03"] == "UBND xã" and owners.co["NT.03"] == ["Đoàn thanh niên xã"]
    assert owners.lead["TC.01"] == "Văn phòng - Thống kê"  # by its name
    assert "TC.02" not in owners.lead


@pytest.mark.parametrize(
    "text",
    [
        "NT: UBND xã\nNT.02: {lead: Đài truyền thanh, co: [Công an xã]}\n",
        "owners:\n- {node: NT, lead: UBND xã}\n- {node: '1.2', lead: Đài truyền thanh, co: Công an xã}\n",
    ],
)
def test_yaml_mapping_or_list(tmp_path: Path, commune: Spec, text: str) -> None:
    owners = read_owners(write(tmp_path, text, "owners.yaml"), commune)
    assert owners.lead["NT.01"] == "UBND xã"
    assert owners.lead["NT.02"] == "Đài truyền thanh" and owners.co["NT.02"] == ["Công an xã"]


def test_a_file_without_a_lead_column(tmp_path: Path, commune: Spec) -> None:
    owners = read_owners(write(tmp_path, "code,note\nNT,x\n"), commune)
    assert codes(owners.report.issues) == ["missing-column"]
    assert owners.lead == {}


def test_an_unreadable_file(tmp_path: Path, commune: Spec) -> None:
    owners = read_owners(tmp_path / "absent.csv", commune)
    assert owners.report.unreadable


def test_a_file_of_unknown_codes_leaves_every_component_unowned(tmp_path: Path, commune: Spec) -> None:
    owners = read_owners(write(tmp_path, "Mã chỉ số,Đơn vị chủ trì\nZZ,UBND xã\n"), commune)
    assert codes(owners.report.issues) == ["unknown-indicator", "missing-value"]
    assert owners.report.issues[0].column == "Mã chỉ số"
    assert owners.lead == {} and owners.owners == []


def test_an_office_named_with_va_is_one_lead_and_a_slash_is_said(tmp_path: Path, province: Spec) -> None:
    """Seed 004's `Văn phòng HĐND và UBND huyện` is one office; `X/UBND huyện` is one name, said so."""
    text = 'HDCQ: "Văn phòng HĐND và UBND huyện"\nNTS: "Phòng Văn hóa và Thông tin/UBND huyện"\n'
    owners = read_owners(write(tmp_path, text, "owners.yaml"), province)
    assert [i.code for i in owners.report.errors] == []
    assert owners.lead["HDCQ.01"] == "Văn phòng HĐND và UBND huyện" and owners.co.get("HDCQ.01", []) == []
    assert owners.lead["NTS.01"] == "Phòng Văn hóa và Thông tin/UBND huyện"
    said = [i for i in owners.report.issues if i.code == "unknown-unit"]
    assert [(i.row, i.value) for i in said] == [(2, "Phòng Văn hóa và Thông tin/UBND huyện")]
    assert "'Phòng Văn hóa và Thông tin; UBND huyện'" in said[0].text("vi")
