"""Files as offices send them (#22, #23): every visible sheet, hidden stale sheets, blank first rows, an
unclosed quote, a workbook or a PDF under a .csv name, devices and FIFOs, a CSV too wide to read."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dti.io.csvfile import csv_limits, read_csv
from dti.io.files import read_grid, read_grids
from dti.io.grid import InputError
from dti.io.inputs import NotAnInput, read_input
from dti.io.xlsx import XlsxLimits
from dti.pipeline import evaluate

HEADER = ["Mã đơn vị", "Chỉ số", "Giá trị"]


def workbook(path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> Path:
    """A workbook as an office makes it: a sheet per department, some hidden (openpyxl, as Excel saves)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def notes_of(run: object) -> list[str]:
    return [str(n) for n in run.notes]  # type: ignore[attr-defined]


# --- every sheet ----------------------------------------------------------------------------------------


def department_book(tmp_path: Path) -> Path:
    # The stale first sheet (last year's figures, hidden, not deleted), then a sheet per department.
    return workbook(
        tmp_path / "2023.xlsx",
        {
            "Cũ": [HEADER, ["48", "HTS.01", "10%"], ["48", "HTS.02", "10%"]],
            "Sở TT&TT": [HEADER, ["48", "HTS.01", "80%"]],
            "Sở Nội vụ": [HEADER, ["48", "HTS.02", "62%"]],
        },
        hidden=("Cũ",),
    )


def test_every_visible_sheet_is_read_and_a_hidden_one_never(tmp_path: Path) -> None:
    run = evaluate(department_book(tmp_path), year=2023)
    assert run.result is not None and not run.report.errors
    sheets = [s.sheet for s in run.submission.sources]
    assert sheets == ["Sở TT&TT", "Sở Nội vụ"]
    # 20 points × 80% and 15 points × 62%: the hidden sheet's 10% would give 2.0 and 1.5.
    layer = run.submission.layers[""]
    codes = list(run.submission.codes)
    values = {c: float(layer.value[0, codes.index(c)]) for c in ("HTS.01", "HTS.02")}
    assert values == {"HTS.01": 80.0, "HTS.02": 62.0}
    assert any("hidden sheets 'Cũ'" in n for n in notes_of(run))


def test_the_sheet_option_picks_one_sheet_even_a_hidden_one(tmp_path: Path) -> None:
    path = department_book(tmp_path)
    run = evaluate(path, year=2023, sheet="Cũ")
    assert [s.sheet for s in run.submission.sources] == ["Cũ"]
    layer = run.submission.layers[""]
    codes = list(run.submission.codes)
    assert float(layer.value[0, codes.index("HTS.01")]) == 10.0
    run = evaluate(path, year=2023, sheet="Sở Nội vụ")
    assert [s.sheet for s in run.submission.sources] == ["Sở Nội vụ"]


def test_a_single_table_reader_takes_the_first_visible_sheet(tmp_path: Path) -> None:
    issues: list = []
    grid = read_grid(department_book(tmp_path), None, issues)
    assert grid is not None and grid.sheet == "Sở TT&TT" and not issues


def test_a_sheet_with_no_known_column_is_skipped_with_one_note(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "2023.xlsx",
        {
            "Hướng dẫn": [["Hướng dẫn điền biểu"], ["Ghi số liệu vào trang Số liệu"]],
            "Số liệu": [HEADER, ["48", "HTS.01", "80%"]],
        },
    )
    run = evaluate(path, year=2023)
    assert not [i for i in run.report.errors if i.code == "missing-column"]
    said = [n for n in notes_of(run) if "Hướng dẫn" in n]
    assert len(said) == 1 and "skipped sheet 'Hướng dẫn'" in said[0]


def test_no_sheet_with_known_columns_is_still_a_missing_column(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "2023.xlsx",
        {"A": [["Họ tên", "Ghi chú"], ["x", "y"]], "B": [["Ngày gửi", "Ý kiến"], ["x", "y"]]},
    )
    run = evaluate(path, year=2023)
    missing = [i for i in run.report.errors if i.code == "missing-column"]
    assert [i.sheet for i in missing] == ["A", "B"]


def test_the_same_unit_and_code_on_two_sheets_names_both(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "2023.xlsx",
        {"Sở TT&TT": [HEADER, ["48", "HTS.01", "80%"]], "Sở KH&CN": [HEADER, ["48", "HTS.01", "70%"]]},
    )
    run = evaluate(path, year=2023)
    duplicate = next(i for i in run.report.errors if i.code == "duplicate-entry")
    assert duplicate.sheet == "Sở KH&CN" and duplicate.row == 2
    assert "row 2 of sheet 'Sở TT&TT' of" in duplicate.message and str(path) in duplicate.message


def test_an_empty_default_sheet_beside_the_data_is_no_error(tmp_path: Path) -> None:
    path = workbook(tmp_path / "2023.xlsx", {"Sheet1": [HEADER, ["48", "HTS.01", "80%"]], "Sheet2": []})
    run = evaluate(path, year=2023)
    assert not run.report.errors
    assert any("empty sheets 'Sheet2'" in n for n in notes_of(run))


# --- blank first rows -----------------------------------------------------------------------------------


def test_a_csv_whose_first_lines_are_blank(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_text("\n,,\nunit,indicator,value\n48,HTS.01,80%\n48,HTS.02,abc\n", encoding="utf-8")
    run = evaluate(path, year=2023)
    bad = next(i for i in run.report.errors if i.code == "non-numeric")
    assert bad.row == 5 and bad.cell == "C5"  # as the spreadsheet numbers it: two blank lines, the header


def test_a_workbook_whose_first_rows_are_blank(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A3"], sheet["B3"], sheet["C3"] = HEADER
    sheet["A4"], sheet["B4"], sheet["C4"] = "48", "HTS.01", "80%"
    sheet["A5"], sheet["B5"], sheet["C5"] = "48", "HTS.02", "abc"
    book.save(tmp_path / "2023.xlsx")
    run = evaluate(tmp_path / "2023.xlsx", year=2023)
    bad = next(i for i in run.report.errors if i.code == "non-numeric")
    assert bad.row == 5 and bad.cell == "C5"


# --- CSV quotes and caps --------------------------------------------------------------------------------


def test_an_unclosed_quote_is_an_error_naming_its_row(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    rows = "".join(f"{u},HTS.01,50%\n" for u in ("01", "02", "04", "06", "08", "10", "11", "12"))
    path.write_text(f'unit,indicator,value\n48,HTS.01,"80%\n{rows}', encoding="utf-8")
    grids, issues = read_grids([path])
    assert not grids
    (only,) = issues
    assert only.code == "unreadable-file" and "quote opened in row 2 never closes" in only.message
    assert "(8 rows)" in only.message


def test_a_closed_quote_over_two_lines_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_text('unit,indicator,value,note\n48,HTS.01,80%,"a\nb"\n', encoding="utf-8")
    grids, issues = read_grids([path])
    assert len(grids) == 1 and not issues


def test_a_csv_wider_than_the_column_cap_is_refused_from_its_first_line(tmp_path: Path) -> None:
    data = ("unit," + ",".join(f"c{j}" for j in range(300_000)) + "\n01," + "1," * 299_999 + "1\n").encode()
    with pytest.raises(InputError) as refused:
        read_csv(tmp_path / "wide.csv", data, [])
    message = str(refused.value)
    assert "row 1 has 300,001 columns" in message and "DTI_CSV_MAX_COLUMNS" in message
    narrow = XlsxLimits(columns=3)
    with pytest.raises(InputError, match="row 2 has 4 columns"):
        read_csv(tmp_path / "x.csv", b"a,b,c\n1,2,3,4\n", [], narrow)


def test_the_csv_cap_is_the_one_the_environment_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DTI_CSV_MAX_COLUMNS", "2")
    path = tmp_path / "2023.csv"
    path.write_text("unit,indicator,value\n48,HTS.01,80%\n", encoding="utf-8")
    _, issues = read_grids([path])
    assert issues and "row 1 has 3 columns" in issues[0].message
    assert "DTI_CSV_MAX_COLUMNS" in issues[0].message


def test_a_csv_holds_more_cells_than_a_sheet(tmp_path: Path) -> None:
    """100,000 units × 98 components wide (9.8 million cells, the benchmark's file) is over a sheet's
    2,500,000-cell cap but a CSV reads ~20× faster than a sheet's XML: it must read (it was refused)."""
    limits = csv_limits()
    assert limits.cells >= 100_001 * 99 and limits.rows >= 10_000 * 20 * 5 and limits.prefix == "DTI_CSV"
    rows = 3_001
    data = ("unit," + ",".join(f"c{j}" for j in range(999)) + "\n").encode() + b"01," + b"1," * 998 + b"1\n"
    grid = read_csv(tmp_path / "wide.csv", data * 1 + (b"02," + b"1," * 998 + b"1\n") * (rows - 2), [])
    assert len(grid.rows) == rows - 1 and rows * 1_000 > XlsxLimits().cells


# --- what a file is, whatever its name ------------------------------------------------------------------


def test_a_workbook_saved_with_a_csv_name_is_read_as_one(tmp_path: Path) -> None:
    book = workbook(tmp_path / "book.xlsx", {"Số liệu": [HEADER, ["48", "HTS.01", "80%"]]})
    path = tmp_path / "2023.csv"
    path.write_bytes(book.read_bytes())
    run = evaluate(path, year=2023)
    assert not run.report.errors and run.submission.sources[0].sheet == "Số liệu"
    assert any("rename it to .xlsx" in n for n in notes_of(run))


def _zip(parts: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file saved with a '.csv' name"),
        (_zip({"readme.txt": b"hi"}), "a .zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "an old Office file"),
    ],
)
def test_other_files_under_a_csv_name_are_named_by_their_content(
    tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "2023.csv"
    path.write_bytes(content)
    grids, issues = read_grids([path])
    assert not grids and [i.code for i in issues] == ["unsupported-format"]
    assert said in issues[0].message


def test_an_old_word_doc_named_xls_is_named_by_its_content(tmp_path: Path) -> None:
    from tests.hostile.office import ole

    path = tmp_path / "bao_cao.xls"  # an OLE file whose directory names a WordDocument stream
    text = "Biểu số liệu (Book 1), xem Workbook đính kèm".encode("utf-16-le")  # words, not entries
    path.write_bytes(ole({"WordDocument": text, "1Table": b"\0" * 64}))
    _, issues = read_grids([path])
    assert [i.code for i in issues] == ["unsupported-format"]
    assert "an old Word document (.doc)" in issues[0].message and "save it as .docx" in issues[0].message


def test_a_word_document_named_csv_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "2023.csv"
    path.write_bytes(_zip({"word/document.xml": b"<w/>"}))  # no content types: a broken .docx
    _, issues = read_grids([path])
    assert [i.code for i in issues] == ["unreadable-file"]
    assert "not a readable Word document (.docx)" in issues[0].message


# --- only regular files ---------------------------------------------------------------------------------


def test_a_fifo_with_no_writer_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "2023.csv"
    os.mkfifo(fifo)
    with pytest.raises(NotAnInput, match="a pipe"):
        read_input(fifo)
    grids, issues = read_grids([fifo])
    assert not grids and issues[0].code == "unreadable-file" and "not a regular file" in issues[0].message


def test_a_character_device_is_refused_before_reading(tmp_path: Path) -> None:
    device = tmp_path / "2023.csv"
    device.symlink_to("/dev/zero")
    grids, issues = read_grids([device])
    assert not grids and "a device, not a regular file" in issues[0].message


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2023.csv"
    path.write_bytes(b"unit,indicator,value\n" * 10)
    monkeypatch.setenv("DTI_MAX_INPUT_BYTES", "100")
    with pytest.raises(NotAnInput, match="DTI_MAX_INPUT_BYTES"):
        read_input(path)
    assert read_input(path, limit=1000) == b"unit,indicator,value\n" * 10


def test_every_yaml_and_register_reader_refuses_a_fifo(tmp_path: Path) -> None:
    from dti.io.register import UnitRegister
    from dti.spec.importer import import_table
    from dti.spec.io import load_spec
    from dti.tracking.deadlines import load_rules
    from dti.tracking.owners import read_owners
    from dti.tracking.targets import read_targets

    spec = load_spec("dti-province-2022")
    for name in ("owners.yaml", "rules.yaml", "units.csv", "targets.yaml", "criteria.docx"):
        os.mkfifo(tmp_path / name)
    owners = read_owners(tmp_path / "owners.yaml", spec)
    assert "not a regular file" in owners.report.issues[0].message
    with pytest.raises(InputError, match="a pipe"):
        load_rules(tmp_path / "rules.yaml")
    with pytest.raises(InputError, match="a pipe"):
        UnitRegister.read(tmp_path / "units.csv")
    targets = read_targets(tmp_path / "targets.yaml")
    assert "not a regular file" in targets.issues[0].message
    with pytest.raises(InputError, match="a pipe"):
        import_table(tmp_path / "criteria.docx")


def test_a_target_list_whose_first_lines_are_blank(tmp_path: Path) -> None:
    from dti.tracking.targets import read_targets

    path = tmp_path / "chi_tieu.csv"
    path.write_text(
        "\n\nid,group,name,responsible,target,result\n1,I,Tỷ lệ hộ có cáp quang,Sở TT&TT,80%,85%\n"
        "2,I,Tỷ lệ xã có Tổ công nghệ số,Sở TT&TT,100%,abc\n",
        encoding="utf-8",
    )
    review = read_targets(path)
    assert len(review.targets) == 2 and list(review.targets["row"]) == [4, 5]
