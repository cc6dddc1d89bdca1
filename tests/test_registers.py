"""Unit registers: names as people write them, and registers that cannot be trusted (issues 11, 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dti.cli import app
from dti.engine.lookup import RankingError, find_unit
from dti.io import register as register_module
from dti.io.grid import InputError
from dti.io.register import UnitRegister
from dti.pipeline import Run, evaluate
from dti.text import name_key, name_keys

runner = CliRunner()


def commune_run(tmp_path: Path, register: str, rows: str) -> tuple[Run, Path]:
    """A commune file (unit,indicator,value `rows`) evaluated with a register of its own (`register`)."""
    units, data = tmp_path / "units.csv", tmp_path / "data.csv"
    units.write_text(register, encoding="utf-8")
    data.write_text("unit,indicator,value\n" + rows, encoding="utf-8")
    return evaluate(data, spec="example-commune", register=UnitRegister.read(units)), units


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Khánh Hoà", "56"),  # old tone placement; the register writes Khánh Hòa
        ("Thanh Hoá", "38"),
        ("Thừa Thiên - Huế", "46"),  # the register writes Thừa Thiên Huế
        ("Bà Rịa – Vũng Tàu", "77"),  # en dash; the register writes Bà Rịa - Vũng Tàu
        ("Thành phố Hồ Chí Minh", "79"),  # the register writes TP Hồ Chí Minh
        ("TP. Cần Thơ", "92"),
        ("tỉnh quảng ninh", "22"),
    ],
)
def test_names_as_the_press_writes_them(written: str, code: str) -> None:
    assert UnitRegister.provinces().resolve([written])[0] == [code]


def test_tone_placement_is_one_key() -> None:
    assert name_key("Hoà Bình") == name_key("Hòa Bình") and name_key("thuỷ") == name_key("thủy")
    assert name_key("Hà Nam") != name_key("Hà Nội")


def test_an_unknown_name_gets_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_text("unit,NTS\nQuảng Ninhh,0.5\n", encoding="utf-8")  # a typo
    run = evaluate(path)
    message = next(i.message for i in run.report.errors if i.code == "unknown-unit")
    assert "did you mean 'Quảng Ninh'" in message


def test_an_unknown_unit_is_placed_in_the_column_the_file_names(tmp_path: Path) -> None:
    # a new user's finding: the issue's column said 'unit' (dti's word) and its unit was empty
    path = tmp_path / "2024.csv"
    path.write_text("Mã tỉnh,NTS\n01,0.5\n99,0.4\n", encoding="utf-8")
    found = [i for i in evaluate(path).report.errors if i.code == "unknown-unit"]
    assert [(i.row, i.cell, i.column, i.unit) for i in found] == [(3, "A3", "Mã tỉnh", "99")]


@pytest.mark.parametrize(
    ("text", "what", "vi"),
    [
        ("code,name\nX1,Xã A\nX1,Xã B\n", "code 'X1'", "mã 'X1' hai lần"),
    ],
)
def test_a_register_that_names_a_unit_twice_is_refused(tmp_path: Path, text: str, what: str, vi: str) -> None:
    # Before: the last row silently won.
    register = tmp_path / "units.csv"
    register.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=what):
        UnitRegister.read(register)
    data = tmp_path / "data.csv"
    data.write_text("unit,value,indicator\nX1,1,A\n", encoding="utf-8")
    args = ["validate", str(data), "--units", str(register), "--spec", "example-commune"]
    result = runner.invoke(app, args)  # Vietnamese by default, English with --lang en
    assert result.exit_code == 2 and vi in result.output and "twice" not in result.output
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2 and f"{what} twice" in result.output


def test_a_name_column_that_disagrees_with_the_register_is_a_warning(tmp_path: Path) -> None:
    # Before: the file's name silently replaced the register's.
    path = tmp_path / "2023.csv"
    path.write_text("unit,name,NTS\n01,Hải Phòng,0.5\n48,Đà Nẵng,0.6\n", encoding="utf-8")
    run = evaluate(path)
    warning = next(i for i in run.report.warnings if i.code == "name-mismatch")
    assert warning.unit == "01" and warning.cell == "B2" and "'Hà Nội'" in warning.message
    assert run.result is not None and run.result.units.at["01", "name"] == "Hà Nội"


@pytest.mark.parametrize("by", ["cqs", "Chính quyền số", "CQS"])
def test_by_takes_a_code_in_any_case_or_a_name(by: str) -> None:
    from dti.engine.lookup import node_code
    from dti.spec import load_spec

    assert node_code(load_spec("dti-province-2022"), by) == "CQS"


@given(
    st.lists(
        st.text(
            alphabet="aAoOuUyYeEhHtTpP.-– \u00a0\u0300\u0301\u0309\u0303\u0323àáảãạòóỏõọùúủũụỳýỷỹỵđĐ\tx",
            max_size=12,
        ),
        max_size=8,
    )
)
def test_name_keys_in_bulk_equal_one_by_one(texts: list[str]) -> None:
    # The register keys 100,000 names in one pass (name_keys); it must match name_key exactly.
    assert name_keys(texts) == [name_key(t) for t in texts]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("TP HCM", "79"),
        ("TP.HCM", "79"),
        ("HCM", "79"),
        ("Thành phố Huế", "46"),
        ("Ha Noi", "01"),
        ("Khanh Hoa", "56"),
    ],
)
def test_short_names_and_names_without_diacritics(written: str, code: str) -> None:
    # Found by a new-user test: these were unknown units.
    assert UnitRegister.provinces().resolve([written])[0] == [code]


def test_a_name_without_diacritics_that_fits_two_units_stays_unknown(tmp_path: Path) -> None:
    register = tmp_path / "units.csv"
    register.write_text("code,name\nX1,Xã Hòa An\nX2,Xã Hoà Ân\n", encoding="utf-8")
    assert UnitRegister.read(register).resolve(["xa hoa an"])[0] == [None]


def test_a_register_read_as_whole_columns_keeps_what_the_csv_module_reads(tmp_path: Path) -> None:
    # The whole-text split (no quotes, as many commas on every line) must read what csv.reader reads:
    # Windows line ends, a blank row of commas, blanks around cells (a tab, a no-break space) taken off.
    register = tmp_path / "units.csv"
    register.write_bytes("code,name,region\r\nX1, Xã A\t,Bắc\r\n,,\r\nX2,\u00a0Xã B,Nam\r\n\r\n".encode())
    read = UnitRegister.read(register)
    assert read.names == {"X1": "Xã A", "X2": "Xã B"} and read.regions == {"X1": "Bắc", "X2": "Nam"}
    # A short row and a long one: as many commas in all, but not on every line (a split of the whole
    # text would give X2's name to X1's region).
    register.write_text("code,name,region\nX1,Xã A\nX2,Xã B,Bắc,\n", encoding="utf-8")  # an empty 4th cell
    read = UnitRegister.read(register)
    assert read.names == {"X1": "Xã A", "X2": "Xã B"} and read.regions == {"X1": "", "X2": "Bắc"}


def test_many_names_are_keyed_as_each_one_alone() -> None:
    # name_keys works on all the names joined: a line break inside a name, blanks of every kind and
    # a dash must not leak into the next name.
    names = ["  TP.  Hồ Chí\tMinh ", "Xã Hoà - Bình", "TT. Khánh\nHải", "x. Tân\u2003Lập", ""]
    names.append("Thành phố Huế")
    keys = ["hồ chí minh", "xã hòa bình", "thị trấn khánh hải", "xã tân lập", "", "huế"]
    assert name_keys(names) == keys and [name_key(n) for n in names] == keys


def test_a_register_that_lost_its_leading_zeros_still_matches(tmp_path: Path) -> None:
    # An office's register saved by Excel: codes 1, 2 for the ministry's 00001, 00002. Before: every unit
    # was unknown, with no word about the zeros.
    run, _ = commune_run(tmp_path, "code,name\n1,Xã Số 1\n2,Xã Số 2\n", "00001,NT.01,Có\n00002,NT.01,Không\n")
    assert run.result is not None and run.result.unit_codes == ["1", "2"]
    said = [i.message for i in run.report.issues if i.code == "leading-zero-lost"]
    why = "the register's codes lost their leading zeros (format its code column as text)"
    assert said == [f"unit '0000{k}' read as the register's '{k}': {why}" for k in (1, 2)]


def test_only_the_first_unknown_units_get_a_did_you_mean(tmp_path: Path) -> None:
    # Each hint compares the text with every name of the register: 10,000 unknown communes against
    # 10,000 names took minutes. The first MAX_HINTS texts get one, the rest are said without.
    names = [f"Xã Hòa Sơn {i}" for i in range(30)]
    register = UnitRegister({f"X{i}": n for i, n in enumerate(names)}, {})
    hints = [register.did_you_mean(f"Xa Hoa Sonn {i}") for i in range(30)]
    assert all(hints[: register_module.MAX_HINTS]) and not any(hints[register_module.MAX_HINTS :])


@pytest.mark.parametrize(
    ("data", "said"),
    [
        # Rows an office leaves behind: a unit without its name, a name without its code (a new user's
        # finding: both were taken, one scored with an empty name).
        (b"code,name\n22801,X\xc3\xa3 A\n22899,\n", "line 3 of the unit register has no name"),
        (
            b"code,name\r\n22801,X\xc3\xa3 A\r\n,X\xc3\xa3 Kh\xc3\xb4ng M\xc3\xa3\r\n",
            "line 3 of the unit register has no code",
        ),
        # Windows-1258 ('Xã' is 58 E3), and a workbook given as a register: what to do, not a codec's words.
        (
            b"code,name\n22801,X\xe3 A\n",
            "the unit register is not UTF-8 (byte 17): save it again as CSV UTF-8",
        ),
        (b"PK\x03\x04" + b"\x00" * 40, "a unit register must be a CSV file: save the sheet as CSV UTF-8"),
        # Title rows above the header, or ';' between the columns: the first line is quoted.
        (
            "DANH MỤC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ\nSTT;Mã xã;Tên xã\n1;22801;Xã A\n".encode(),
            "first line must head its columns code and name (and region), separated by commas "
            "(code,name,region or Mã,Tên,Vùng); the file's first line is 'DANH MỤC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ'",
        ),
        # A name's comma outside quotes shifts its line (a new user's finding: the name was cut and the
        # region became 'tỉnh Sơn La'); a register of its header only.
        (
            "code,name,region\n00006,Xã A,Vùng Bắc\n00007,Thị trấn Mộc Châu, tỉnh Sơn La,Vùng Bắc\n".encode(),
            "line 3 of the unit register has 4 cells, its header 3: a name holding a comma must be in double",
        ),
        (b"code,name\r\n", "the unit register names no unit (only its header)"),
        # Lines of the file, as a spreadsheet numbers them (the header is line 1; a blank row counts).
        ("code,name\n1,Xã A\n\n2,Xã Phước Dinh\n2,Xã Phước Hải\n".encode(), "code '2' twice (lines 4 and 5)"),
    ],
)
def test_a_register_that_cannot_be_used_says_where_and_what_to_do(
    tmp_path: Path, data: bytes, said: str
) -> None:
    register = tmp_path / "units.csv"
    register.write_bytes(data)
    with pytest.raises(InputError) as caught:
        UnitRegister.read(register)
    assert said in str(caught.value)


def test_a_register_name_is_one_line(tmp_path: Path) -> None:
    # Excel's Alt+Enter, a tab, no-break spaces in a name cell: the name is shown in tables and titles
    # (a new user's piped table broke across lines).
    register = tmp_path / "units.csv"
    register.write_text(
        'code,name\n22801,"Phường Đô Vinh\n(thành phố)"\n22802,Xã\t\u00a0Phước  Dinh\n', encoding="utf-8"
    )
    assert UnitRegister.read(register).names == {
        "22801": "Phường Đô Vinh (thành phố)",
        "22802": "Xã Phước Dinh",
    }


def test_unit_option_finds_a_commune_code_that_lost_its_zero() -> None:
    # `--unit 2290` for the register's 02290 (a new user's finding: only two-digit province codes were
    # padded); `--unit 1` still finds 01.
    assert find_unit([{"02290": "Xã Phước Hải", "22801": "Phường Đô Vinh"}], "2290") == "02290"
    assert find_unit([{"01": "Hà Nội", "79": "TP Hồ Chí Minh"}], "1") == "01"
    assert (
        find_unit([{"94": "Xã Phước Dinh"}], "00094") == "94"
    )  # the file's code, a register that lost zeros


def test_a_title_names_a_town_by_its_abbreviation() -> None:
    # `UBND TT. KHÁNH HẢI` names Thị trấn Khánh Hải as `TT. Khánh Hải` in a cell does (a new user's finding).
    register = UnitRegister({"22813": "Thị trấn Khánh Hải", "22801": "Phường Đô Vinh"}, {})
    assert register.named_in("UBND TT. KHÁNH HẢI") == ["22813"]
    assert register.named_in("UBND TT KHÁNH HẢI") == ["22813"]
    assert register.named_in("BÁO CÁO CỦA SỞ TT&TT KHÁNH HẢI") == []  # Thông tin và Truyền thông


def test_a_name_several_units_bear_is_read_but_matches_none(tmp_path: Path) -> None:
    # Real registers repeat names: Phường 1 of Quận 3, 4 and 5 (a new user's finding: the register was
    # refused). It is read; a file naming a unit 'Phường 1' is told the codes to choose from, and so is
    # --unit; a code still finds its unit; the old and new tone placement are one name.
    units = "Mã,Tên,Vùng\n26734,Phường 1,Quận 3\n27043,Phường 1,Quận 4\n27301,Phường 1,Quận 5\n"
    units += "26740,Phường Hoà Bình,Quận 3\n26741,Phường Hòa Bình,Quận 4\n"
    run, path = commune_run(tmp_path, units, "Phường 1,NT.01,Có\n26734,NT.01,Có\n")
    read = UnitRegister.read(path)
    assert read.shared_by("phường 1") == ["26734", "27043", "27301"]
    assert read.shared_by("Phường Hòa Bình") == ["26740", "26741"] and read.shared_by("26734") == []
    said = [i.message for i in run.report.errors if i.code == "unknown-unit"]
    assert said == [
        "the name 'Phường 1' is borne by 3 units of the register (26734 Phường 1 (Quận 3), 27043 Phường 1 "
        "(Quận 4), 27301 Phường 1 (Quận 5)): use the unit's code"
    ]
    with pytest.raises(
        RankingError,
        match="is the name of 3 units \\('26734 Phường 1', '27043 Phường 1', '27301 Phường 1'\\)",
    ):
        find_unit([read.names], "Phường 1")
    # written without diacritics, the same choice (a new user's finding: 'no unit', with 'Phường 1' thrice)
    with pytest.raises(RankingError, match="is the name of 3 units \\('26734 Phường 1', '27043 Phường 1'"):
        find_unit([read.names], "Phuong 1")


def test_a_unit_missing_from_a_given_register_names_that_register(tmp_path: Path) -> None:
    # Not "(or pass --units FILE …)" to a user who passed one (a new user's finding).
    run, register = commune_run(tmp_path, "code,name\n00001,Xã A\n", "00001,NT.01,Có\n00002,NT.01,Có\n")
    said = next(i.message for i in run.report.errors if i.code == "unknown-unit")
    assert said.startswith(f"unit '00002' is not in the unit register {register}") and "--units" not in said
    assert "add the unit to the register" in said


def test_a_commune_found_by_its_name_without_its_kind() -> None:
    # A new user's finding: `--unit "hải mỹ"` was refused while `Đà Nẵng` finds Thành phố Đà Nẵng
    names = {"X1": "Xã Hải Mỹ", "X2": "Xã Hải An", "P1": "Phường Tân An", "P2": "Phường Tân An"}
    names |= {"T1": "Thị trấn Phước Dân"}
    assert find_unit([names], "hải mỹ") == "X1" and find_unit([names], "Hai My") == "X1"
    assert find_unit([names], "Phước Dân") == "T1"
    with pytest.raises(
        RankingError, match="is the name of 2 units \\('P1 Phường Tân An', 'P2 Phường Tân An'"
    ):
        find_unit([names], "Tân An")  # two wards of that name: their codes to choose from
