"""dti template: the collection workbook (a sheet per lead department, dropdowns, protection) and its round
trip — filled as a department would, it scores back as worked by hand from the spec's rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dti import evaluate
from dti.cli import app
from dti.spec import NotScoredRule, Spec
from dti.tracking.deadlines import load_rules
from dti.tracking.owners import read_owners
from dti.views.template import build_template
from dti.write.template import workbook
from tests.conftest import soffice_convert

OWNERS = Path(__file__).parent.parent / "sample_data" / "owners.csv"
COLUMN = {"a": 7, "b": 8, "value": 9, "note": 10}  # Tử số, Mẫu số, Kết quả, Ghi chú / minh chứng


def _template(spec: Spec, path: Path, owners: Path | None = OWNERS, lang: str = "vi") -> Path:
    owned = read_owners(owners, spec) if owners is not None else None
    content = build_template(spec, "Ninh Thuận", 2023, lang, owned, load_rules())  # type: ignore[arg-type]
    path.write_bytes(workbook(content))
    return path


def _scoreable(spec: Spec) -> list[str]:
    return [
        n.code
        for n in spec.nodes
        if n.is_leaf and n.rule is not None and not isinstance(n.rule, NotScoredRule)
    ]


def _codes(ws: Any) -> list[str]:
    return [ws.cell(r, 2).value for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value]


def _fill(path: Path, out: Path, answers: dict[str, dict[str, Any]]) -> Path:
    """Write answers into the input cells as a department does (openpyxl: no cached formula values)."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets[1:]:
        for r in range(6, ws.max_row + 1):
            for column, value in answers.get(ws.cell(r, 2).value, {}).items():
                ws.cell(r, COLUMN[column]).value = value
    book.save(out)
    return out


def test_a_sheet_per_lead_department_every_component_once(spec2022: Spec, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(spec2022, tmp_path / "t.xlsx"))
    owners = read_owners(OWNERS, spec2022)
    leads = [o for o in owners.owners if any(c in _scoreable(spec2022) for c in owners.components_of(o))]
    assert book.sheetnames == ["Hướng dẫn", *leads]  # Sở Xây dựng leads only not-scored components
    seen = [code for ws in book.worksheets[1:] for code in _codes(ws)]
    assert sorted(seen) == sorted(_scoreable(spec2022))  # every scoreable component exactly once
    assert len(seen) == 95  # 98 leaves, 3 not scored (DTTM)
    for ws in book.worksheets[1:]:
        assert set(_codes(ws)) == set(owners.components_of(ws.title)) & set(_scoreable(spec2022))
        assert [c.value for c in ws[5]] == [
            "STT", "Mã chỉ số", "Tên chỉ số", "Đơn vị tính", "Cách tính điểm", "Năm trước", "Tử số", "Mẫu số",
            "Kết quả", "Ghi chú / minh chứng",
        ]  # fmt: skip
        assert ws["A1"].value == "BÁO CÁO SỐ LIỆU CHỈ SỐ DTI NĂM 2023 CỦA NINH THUẬN"
    cover = book["Hướng dẫn"]
    facts = {cover.cell(r, 1).value: cover.cell(r, 2).value for r in range(1, 9)}
    assert facts["Hạn gửi"] == "05/12/2023"  # lead-yearly: 5 December
    assert facts["Gửi về"] == "Sở Khoa học và Công nghệ"  # the owners file's first lead


def test_without_owners_one_sheet(spec2022: Spec, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(spec2022, tmp_path / "t.xlsx", owners=None))
    assert book.sheetnames == ["Hướng dẫn", "Số liệu"]
    assert sorted(_codes(book["Số liệu"])) == sorted(_scoreable(spec2022))


def test_dropdowns_checks_and_protection(spec2022: Spec, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(spec2022, tmp_path / "t.xlsx"))
    ws = book["Văn phòng UBND tỉnh"]
    row = {code: r for r, code in enumerate(_codes(ws), start=6)}
    checks = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    choice = checks[f"I{row['NTS.01']}"]
    assert (choice.type, choice.formula1) == ("list", '"Chủ tịch,Phó chủ tịch,Không"')
    assert checks[f"I{row['NTS.03']}"].formula1 == '"Có,Không"'
    ratio = row["HDCQ.01"]
    assert (checks[f"G{ratio}"].type, checks[f"G{ratio}"].operator, checks[f"G{ratio}"].formula1) == (
        "whole", "greaterThanOrEqual", "0",
    )  # fmt: skip
    share = checks[f"I{ratio}"]
    assert (share.type, share.formula1, share.formula2) == ("decimal", "0", "1")  # 0-100 % in a % cell
    assert "Tử số / Mẫu số" in share.prompt and share.showInputMessage
    assert (
        ws[f"I{ratio}"].value
        == f'=IF(AND(ISNUMBER(G{ratio}),ISNUMBER(H{ratio}),H{ratio}>0),G{ratio}/H{ratio},"")'
    )
    # shown as a percentage when it is a number (a conditional format): an empty result stays empty
    shown = [r for rules in ws.conditional_formatting for r in rules.rules if f"I{ratio}" in str(rules.sqref)]
    assert shown and shown[0].formula == [f"ISNUMBER(I{ratio})"] and shown[0].dxf.numFmt.formatCode == "0.00%"
    assert ws.protection.sheet and book["Hướng dẫn"].protection.sheet
    assert not ws.protection.password  # no password unless --password
    for col in "GHIJ":
        assert ws[f"{col}{ratio}"].protection.locked is False
    for col in "ABCDEF":
        assert ws[f"{col}{ratio}"].protection.locked is True
    assert ws[f"G{row['NTS.03']}"].protection.locked is True  # a yes/no has no counts to write
    points = checks[f"I{row['HDCQ.20']}"]
    assert (points.type, points.formula1, points.formula2) == ("decimal", "0", "9")


def test_filled_template_scores_as_worked_by_hand(spec2022: Spec, tmp_path: Path) -> None:
    filled = _fill(
        _template(spec2022, tmp_path / "t.xlsx"),
        tmp_path / "filled.xlsx",
        {
            "NTS.05": {"a": 45, "b": 60},  # ratio, target 100 %: 45/60 = 75 % → 10 × 0.75 = 7.5
            "HDCQ.02": {"value": 0.6},  # a share typed (60 %), target 80 %: 9 × 60/80 = 6.75
            "NTS.04": {"value": "Có"},  # yes/no: 10
            "NTS.03": {"value": "Không"},  # yes/no: 0
            "NTS.01": {"value": "Phó chủ tịch"},  # choice: 5
            "NTS.02": {"value": 3},  # meetings, steps 4/3/2/1 → 10/7.5/5/2.5: 3 → 7.5
            "NTS.06": {"value": 8, "note": "Báo cáo số 12/BC-STTTT"},  # points: 8 of 10
        },
    )
    run = evaluate(filled)
    assert run.result is not None and run.result.unit_codes == ["58"]
    points = dict(zip(run.result.codes, run.result.points_matrix[0].tolist(), strict=True))
    expected = {"NTS.05": 7.5, "HDCQ.02": 6.75, "NTS.04": 10.0, "NTS.03": 0.0, "NTS.01": 5.0,
                "NTS.02": 7.5, "NTS.06": 8.0}  # fmt: skip
    assert {code: points[code] for code in expected} == expected
    assert run.result.year == 2023  # from the title row
    said = " ".join(str(n) for n in run.notes)
    assert "Hướng dẫn" in said  # the cover is skipped with a note
    assert "45/60" in said  # the counts are the audit trail


def test_counts_win_over_a_typed_value(spec2022: Spec, tmp_path: Path) -> None:
    filled = _fill(
        _template(spec2022, tmp_path / "t.xlsx"),
        tmp_path / "f.xlsx",
        {"NTS.05": {"a": 30, "b": 40, "value": 0.1}},
    )
    run = evaluate(filled)
    assert run.result is not None
    assert run.result.points_matrix[0][run.result.codes.index("NTS.05")] == 7.5  # 30/40 = 75 %, not 10 %


def test_cli_one_workbook_and_a_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    one = tmp_path / "thu_thap.xlsx"
    done = runner.invoke(
        app, ["template", "--owners", str(OWNERS), "--unit", "58", "--year", "2023", "-o", str(one)]
    )
    assert done.exit_code == 0, done.output
    assert len(openpyxl.load_workbook(one).sheetnames) == 11
    folder = tmp_path / "gui"
    done = runner.invoke(
        app,
        ["template", "--owners", str(OWNERS), "--unit", "Ninh Thuận", "--year", "2023", "-o", f"{folder}/"],
    )
    assert done.exit_code == 0, done.output
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 10 and "Sở Y tế.xlsx" in files
    assert openpyxl.load_workbook(folder / "Sở Y tế.xlsx").sheetnames == ["Hướng dẫn", "Sở Y tế"]
    bad = runner.invoke(app, ["template", "--unit", "58", "--year", "2023", "-o", str(tmp_path / "x.csv")])
    assert bad.exit_code == 2 and "x.csv" in bad.output
    unknown = runner.invoke(app, ["template", "--unit", "Ninh Thuan X", "--year", "2023", "-o", str(one)])
    assert unknown.exit_code == 2


def test_password_and_english(spec2022: Spec, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "t.xlsx"
    args = [
        "template",
        "--unit",
        "58",
        "--year",
        "2023",
        "--password",
        "bimat",
        "--lang",
        "en",
        "-o",
        str(out),
    ]
    assert runner.invoke(app, args).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Instructions", "Figures"]
    assert book["Figures"].protection.password  # hashed
    assert book["Figures"]["I5"].value == "Value"


@pytest.mark.slow
def test_libreoffice_recalculates_the_percentages(spec2022: Spec, tmp_path: Path) -> None:
    filled = _fill(
        _template(spec2022, tmp_path / "t.xlsx"), tmp_path / "filled.xlsx", {"NTS.05": {"a": 45, "b": 60}}
    )
    saved = soffice_convert(filled, "xlsx", tmp_path / "lo")
    ws = openpyxl.load_workbook(saved, data_only=True)["Sở Khoa học và Công nghệ"]
    row = {code: r for r, code in enumerate(_codes(ws), start=6)}
    assert ws[f"I{row['NTS.05']}"].value == pytest.approx(0.75)  # 45/60, shown as 75,00 %
    run = evaluate(saved)  # as LibreOffice saved it: still scores the same
    assert run.result is not None
    assert run.result.points_matrix[0][run.result.codes.index("NTS.05")] == 7.5


@pytest.mark.slow
def test_a_blank_ratio_row_saved_as_xls_is_missing_not_zero(spec2022: Spec, tmp_path: Path) -> None:
    """A new user saved a template through LibreOffice as .xls: every ratio row left blank read as 0 % with
    no warning (LibreOffice writes an empty formula result of a percent-formatted cell as 0)."""
    saved = soffice_convert(_template(spec2022, tmp_path / "t.xlsx"), "xls", tmp_path / "lo")
    ws = openpyxl.load_workbook(_template(spec2022, tmp_path / "t2.xlsx"))["Sở Khoa học và Công nghệ"]
    ratio = next(r for r in range(6, ws.max_row + 1) if str(ws.cell(r, 9).value or "").startswith("=IF("))
    run = evaluate(saved)
    blank = {(i.sheet, i.cell) for i in run.report.issues if i.code.value == "missing-value"}
    assert ("Sở Khoa học và Công nghệ", f"I{ratio}") in blank  # read as missing, not as 0 %
    assert not [i for i in run.report.issues if i.code.value not in ("missing-value", "template-changed")]


def test_a_folder_of_returned_workbooks_is_the_received_log(tmp_path: Path) -> None:
    """Some on time, some late, one by its file's date, one missing: the same calendar as the log."""
    import os

    from dti.briefing.calendar import schedule

    folder = tmp_path / "tra_ve"
    args = ["template", "--owners", str(OWNERS), "--unit", "58", "--year", "2023", "-o", f"{folder}/"]
    assert CliRunner().invoke(app, args).exit_code == 0
    sent = {
        "Sở Khoa học và Công nghệ": dt.date(2023, 12, 5),  # on the due day: on time
        "Sở Y tế": dt.date(2023, 12, 1),
        "Sở Nội vụ": dt.date(2023, 12, 8),  # 3 days late
        "Sở Tài chính": dt.date(2023, 12, 15),  # 10 days late
    }
    for path in folder.iterdir():  # every component given: the whole report came in
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets[1:]:
            for r in range(6, ws.max_row + 1):
                ws.cell(r, COLUMN["value"]).value = 1
        if path.stem in sent:
            cover = book["Hướng dẫn"]
            row = next(r for r in range(1, 12) if cover.cell(r, 1).value == "Ngày gửi")
            cover.cell(row, 2).value = sent[path.stem]
        book.save(path)
    (folder / "Thuế tỉnh.xlsx").unlink()  # never sent
    by_file_time = dt.datetime(2023, 12, 4, 9, 0).timestamp()  # the Ngày gửi cell left empty: the file's day
    for path in folder.iterdir():
        if path.stem not in sent:
            os.utime(path, (by_file_time, by_file_time))
    log = tmp_path / "so_theo_doi.csv"
    lines = ["STT,Đơn vị gửi,Kỳ báo cáo,Ngày gửi,Chỉ số"]
    for k, path in enumerate(sorted(folder.iterdir()), 1):
        lines.append(f"{k},{path.stem},Năm 2023,{sent.get(path.stem, dt.date(2023, 12, 4)):%d/%m/%Y},Tất cả")
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")

    from_folder = schedule(OWNERS, received=folder, year=2023, today="20/12/2023")
    from_log = schedule(OWNERS, received=log, year=2023, today="20/12/2023")
    assert from_folder.calendar.to_dict() == from_log.calendar.to_dict()
    assert not from_folder.log_issues
    yearly = {d.owner: d.status for d in from_folder.calendar.deadlines if d.period.kind == "year"}
    assert yearly["Sở Nội vụ"] == "late" and yearly["Sở Tài chính"] == "late"
    assert yearly["Sở Khoa học và Công nghệ"] == "on_time" and yearly["Công an tỉnh"] == "on_time"
    assert yearly["Thuế tỉnh"] == "overdue"
    said = " ".join(str(n) for n in from_folder.notes)
    assert "Công an tỉnh.xlsx" in said and "04/12/2023" in said  # the file's day, said


def test_a_renamed_sheet_a_deleted_row_and_text_outside_are_said(spec2022: Spec, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(spec2022, tmp_path / "t.xlsx"))
    science = book["Sở Khoa học và Công nghệ"]
    row = {code: r for r, code in enumerate(_codes(science), start=6)}
    science.delete_rows(row["NTS.04"])  # protection removed first, as a department could
    science[f"K{row['NTS.02']}"] = "số liệu ước tính"  # beside the table, outside the input cells
    book["Sở Y tế"].title = "Y te"
    book.save(tmp_path / "changed.xlsx")
    report = evaluate(tmp_path / "changed.xlsx").report
    said = {(i.code, i.sheet, i.cell, i.severity.value) for i in report.issues if i.code != "missing-value"}
    assert ("template-changed", "Sở Khoa học và Công nghệ", "A3", "error") in said
    assert ("template-changed", "Y te", "A3", "warning") in said
    assert ("unnamed-column", "Sở Khoa học và Công nghệ", f"K{row['NTS.02']}", "error") in said
    deleted = next(i for i in report.issues if i.code == "template-changed" and i.severity.value == "error")
    assert "NTS.04" in deleted.message and "NTS.02" not in deleted.message
    assert not report.valid


def test_previous_fills_last_years_values_as_written(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    previous = OWNERS.parent / "2023.csv"  # 58,Ninh Thuận,NTS.01,phó chủ tịch / HDCQ.02,"31,53%"
    args = [
        "template",
        "--owners",
        str(OWNERS),
        "--unit",
        "58",
        "--year",
        "2024",
        "--previous",
        str(previous),
    ]
    assert CliRunner().invoke(app, [*args, "-o", str(out)]).exit_code == 0
    ws = openpyxl.load_workbook(out)["Văn phòng UBND tỉnh"]
    last = {ws.cell(r, 2).value: ws.cell(r, 6).value for r in range(6, ws.max_row + 1)}
    assert last["NTS.01"] == "phó chủ tịch" and last["HDCQ.02"] == "31,53%" and last["NTS.03"] == "có"
    assert ws.cell(6, 6).protection.locked is True  # shown, not an input


def test_a_year_without_its_spec_is_said_and_a_spec_without_points_refused(tmp_path: Path) -> None:
    """2025 data: dti score's note (scored by dti-province-2022); --spec dti-province-2025 (no points
    published): refused with exit 3 as dti score refuses it, and no workbook written."""
    runner = CliRunner()
    out = tmp_path / "t.xlsx"
    done = runner.invoke(app, ["template", "--unit", "58", "--year", "2025", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "405/QĐ-BKHCN" in done.output and "tính theo dti-province-2022" in done.output
    none = tmp_path / "none.xlsx"
    args = ["template", "--unit", "58", "--year", "2025", "--spec", "dti-province-2025", "-o", str(none)]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 3 and "không tính điểm được" in refused.output
    assert not none.exists()


def test_a_folder_names_each_file_by_the_full_department_name(tmp_path: Path) -> None:
    """A sheet name is cut at 31 characters; the department's file is not."""
    owners = tmp_path / "phan_cong.csv"
    long = "Sở Lao động - Thương binh và Xã hội"  # 35 characters
    owners.write_text(
        f"STT,Chỉ số,Đơn vị chủ trì\n1,Nhận thức số,{long}\n2,Thể chế số,Sở Tư pháp\n", encoding="utf-8"
    )
    folder = tmp_path / "gui"
    args = ["template", "--owners", str(owners), "--unit", "58", "--year", "2023", "-o", f"{folder}/"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    names = {p.name for p in folder.iterdir()}  # and the components no department leads, together
    assert names == {f"{long}.xlsx", "Sở Tư pháp.xlsx", "Số liệu.xlsx"}
    assert openpyxl.load_workbook(folder / f"{long}.xlsx").sheetnames[1] == "Sở Lao động - Thương binh và"
