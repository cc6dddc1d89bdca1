"""The register of departments: one name → one department, collective names unsplit, did-you-mean."""

from __future__ import annotations

import pytest

from dti.tracking.departments import Department, Unresolved, bundled, department_key, split_units


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
    # 'Sở Ý tế' folds to Sở Y tế: one department, shown as the file wrote it first
    assert register.named("So Y te") == "Sở Ý tế"
