"""Reading submissions and `dti validate`: exact issue locations, exit codes, robustness."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dti.cli import app
from dti.engine.build import read_submission
from dti.engine.validate import validate
from dti.io.register import UnitRegister
from dti.issues import IssueCode
from dti.spec import load_spec

from .conftest import SAMPLES

runner = CliRunner()
BROKEN = SAMPLES / "broken"
SPEC = load_spec("dti-province-2022")
CODES = set(SPEC.graph.codes)


def _report(*paths: Path, register: UnitRegister | None = None):  # type: ignore[no-untyped-def]
    sub = read_submission(list(paths), SPEC, register or UnitRegister.provinces())
    return validate(SPEC, sub)


def _where(report) -> set[tuple[str, int | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {(str(i.code), i.row, i.column, i.cell) for i in report.issues}


def test_broken_sample_issues_are_pinned() -> None:
    report = _report(BROKEN / "submission.csv")
    where = _where(report)
    expected = {
        ("encoding-fallback", None, None, None),
        ("duplicate-header", 1, "note", "F1"),
        ("non-numeric", 3, "value", "C3"),
        ("ambiguous-number", 4, "value", "C4"),
        ("value-above-100", 4, "value", "C4"),
        ("negative-value", 5, "value", "C5"),
        ("points-above-max", 6, "value", "C6"),
        ("value-above-100", 7, "value", "C7"),
        ("missing-value", 8, "value", "C8"),
        ("unknown-indicator", 9, "indicator", "B9"),  # at the cell that names no node
        ("invalid-option", 10, "value", "C10"),
        ("duplicate-entry", 11, "value", "C11"),
        ("leading-zero-lost", 12, "unit", "A12"),
        ("unknown-unit", 13, "unit", "A13"),
        ("node-with-descendants", 15, "value", "C15"),
        ("value-out-of-range", 16, "value", "C16"),
        ("unknown-stage", 17, "stage", None),
        ("blank-row", 18, None, None),
        ("ragged-row", 19, None, None),
        ("non-numeric", 20, "value", "C20"),
    }
    assert expected <= where, sorted(expected - where)
    assert not report.valid
    # The legacy encoding was decoded and NFC-normalised: the Vietnamese text survives.
    text = next(i for i in report.issues if i.row == 20 and i.code == "non-numeric")
    assert text.value == "Thừa Thiên Huế"


def test_every_issue_code_appears_in_the_broken_samples() -> None:
    report = _report(*sorted(BROKEN.iterdir()))
    seen = {i.code for i in report.issues}
    # not file issues, or tested on their own (name-mismatch: test_registers.py)
    required = set(IssueCode) - {
        IssueCode.NO_DATA,
        IssueCode.RANK_MISMATCH,
        IssueCode.NAME_MISMATCH,
        IssueCode.UNNAMED_COLUMN,
        IssueCode.READ_AS_FRACTION,  # these three: test_real_files.py
        IssueCode.MIXED_SCALE,
        IssueCode.STATUS_DISAGREES,  # a target-list issue: test_targets_appendix.py
        IssueCode.INVALID_COUNTS,  # these four: test_answers.py
        IssueCode.PERCENT_IN_COUNT,
        IssueCode.FRACTION_IN_COUNT,
        IssueCode.UNCLEAR_ANSWER,
        IssueCode.TEMPLATE_CHANGED,  # a returned template's sheet: test_template.py
    }
    assert required <= seen, sorted(required - seen)


def test_valid_sample_is_valid() -> None:
    report = _report(SAMPLES / "2024.csv")
    assert report.valid
    # The generator writes a fifth of the percentages without '%': small ones among them are flagged.
    assert {i.code for i in report.warnings} <= {
        IssueCode.MISSING_VALUE,
        IssueCode.VALUE_ABOVE_100,
        IssueCode.MIXED_SCALE,
    }


def test_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(SAMPLES / "2024.csv")]).exit_code == 0
    assert runner.invoke(app, ["validate", str(SAMPLES / "2024.csv"), "--strict"]).exit_code == 1
    assert runner.invoke(app, ["validate", str(BROKEN / "submission.csv")]).exit_code == 1
    assert runner.invoke(app, ["validate", str(BROKEN / "scores.ods")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path / "nope.csv")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(SAMPLES / "2024.csv"), "--spec", "nope"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(SAMPLES / "2024.csv"), "--format", "xml"]).exit_code == 2


def test_json_equals_library_report() -> None:
    cli = runner.invoke(app, ["validate", str(BROKEN / "submission.csv"), "--format", "json"])
    data = json.loads(cli.stdout)
    assert data == json.loads(json.dumps(_report(BROKEN / "submission.csv").to_dict()))
    assert set(data["issues"][0]) == {
        "code",
        "severity",
        "file",
        "sheet",
        "row",
        "column",
        "cell",
        "unit",
        "indicator",
        "value",
        "message",
        "params",
    }
    # the parameters of each sentence, for programs that word it themselves or read a number from it
    by_code = {i["code"]: i for i in reversed(data["issues"])}  # the first of each code
    assert by_code["non-numeric"]["params"] == {"raw": "abc"}
    assert by_code["ragged-row"]["params"] == {"cells": 7, "width": 6}
    assert list(by_code["non-numeric"])[:4] == ["code", "severity", "message", "params"]


def test_max_issues_caps_and_says_so() -> None:
    cli = runner.invoke(
        app, ["validate", str(BROKEN / "submission.csv"), "--format", "json", "--max-issues", "3"]
    )
    data = json.loads(cli.stdout)
    assert len(data["issues"]) == 3 and data["summary"]["shown"] == 3 and data["summary"]["errors"] > 3
    # a CSV cut so says it on stderr (a new user's finding: 2 rows of 30,791 and not a word)
    cut = runner.invoke(
        app, ["validate", str(BROKEN / "submission.csv"), "--format", "csv", "--max-issues", "3"]
    )
    assert len(cut.stdout.splitlines()) == 4
    assert "Chỉ 3/26 vấn đề được ghi (--max-issues 3)" in cut.stderr
    whole = runner.invoke(app, ["validate", str(BROKEN / "submission.csv"), "--format", "csv"])
    assert len(whole.stdout.splitlines()) == 27 and "--max-issues" not in whole.stderr


def test_closing_notes_in_both_languages() -> None:
    args = ["validate", str(BROKEN / "submission.csv"), "--max-issues", "3"]
    vi = runner.invoke(app, args)  # Vietnamese by default
    assert vi.exit_code == 1
    assert "Số vấn đề theo mã: ambiguous-number 1, blank-row 1, duplicate-entry 2," in vi.output
    assert "Hiện 3/26 vấn đề: tăng --max-issues" in vi.output
    assert vi.output.rstrip().endswith("không hợp lệ: 16 lỗi, 10 cảnh báo")
    en = runner.invoke(app, [*args, "--lang", "en"])
    assert en.exit_code == 1
    assert "Issues by code: ambiguous-number 1, blank-row 1, duplicate-entry 2," in en.output
    assert "Showing 3 of 26 issues: raise --max-issues" in en.output
    assert en.output.rstrip().endswith("invalid: 16 error(s), 10 warning(s)")
    ok = runner.invoke(app, ["validate", str(SAMPLES / "2023.csv"), "--lang", "en"])
    assert ok.exit_code == 0 and "valid: 0 error(s)" in ok.output


def test_github_annotations() -> None:
    cli = runner.invoke(app, ["validate", str(BROKEN / "submission.csv"), "--format", "github"])
    assert f"::error file={BROKEN / 'submission.csv'},line=5::[negative-value] C5: " in cli.stdout  # no col=


def test_xlsx_percent_cells_and_numeric_codes(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "DTI"
    sheet.append(["unit", "HTS.01", "HTS.07"])
    sheet.append([1, 0.8632, 7.5])  # the code lost its zero; a percent cell stores a fraction
    sheet["B2"].number_format = "0.00%"
    path = tmp_path / "2023.xlsx"
    book.save(path)
    sub = read_submission(path, SPEC, UnitRegister.provinces())
    layer, hts01, hts07 = sub.layers[""], SPEC.graph.index["HTS.01"], SPEC.graph.index["HTS.07"]
    assert sub.units == ["01"]
    assert layer.value[0, hts01] == pytest.approx(86.32) and layer.percent[0, hts01]
    assert layer.value[0, hts07] == 7.5 and layer.col[0, hts07] == 2  # column C, 0-based
    assert sub.locate(layer, 0, hts01)["sheet"] == "DTI" and sub.year == 2023
    assert {i.code for i in sub.issues} == {IssueCode.LEADING_ZERO_LOST}


def test_names_resolve_after_normalisation(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    nfd = "TP. \u0110a\u0300 Na\u0306\u0303ng"  # decomposed tone marks, "TP." prefix
    path.write_text(f"unit,HTS.01\n{nfd},80%\nTỉnh Hà Giang,70%\n", encoding="utf-8-sig")
    sub = read_submission(path, SPEC, UnitRegister.provinces())
    assert sub.units == ["02", "48"]
    assert not sub.issues


def test_units_register_for_communes(tmp_path: Path) -> None:
    register = tmp_path / "xa.csv"
    register.write_text("code,name\nX1,Xã A\nX2,Xã B\n", encoding="utf-8")
    path = tmp_path / "x.csv"
    path.write_text("unit,HT.01\nX1,80%\nX3,70%\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["validate", str(path), "--spec", "example-commune", "--units", str(register), "--format", "json"],
    )
    issues = json.loads(result.stdout)["issues"]
    assert [(i["code"], i["row"], i["value"]) for i in issues if i["severity"] == "error"] == [
        ("unknown-unit", 3, "X3")
    ]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    report = _report(path)  # must not raise
    assert isinstance(report.valid, bool)


SAMPLE_LINES = (SAMPLES / "2024.csv").read_text(encoding="utf-8").splitlines()[:40]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.integers(0, 39), st.text(max_size=12)), max_size=6),
    cell=st.text(max_size=20),
)
def test_mutated_csv_never_crashes_the_cli(tmp_path: Path, edits: list[tuple[int, str]], cell: str) -> None:
    lines = list(SAMPLE_LINES)
    for index, text in edits:
        lines[index] = lines[index][: len(text)] + text
    lines.append(f"01,HTS.01,{cell},")
    path = tmp_path / "mutated.csv"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    json.loads(result.stdout)


def _reaches(start: object, kind: type, depth: int = 4) -> bool:
    """Whether `start` holds an object of `kind` within `depth` references (closures, partials, tuples)."""
    import gc

    seen, level = set(), [start]
    for _ in range(depth):
        level = [
            r for o in level for r in gc.get_referents(o) if id(r) not in seen and not isinstance(r, type)
        ]
        seen.update(id(r) for r in level)
        if any(isinstance(r, kind) for r in level):
            return True
    return False


def test_issues_read_after_scoring_are_found_again() -> None:
    """Scoring lets go of the rule blocks (a copy of every cell) and the report's batches keep none:
    read afterwards, they locate the same issues as a validation read at once."""
    from dti.engine.block import Block
    from dti.issues import Batch
    from dti.pipeline import evaluate

    path = SAMPLES / "2024.csv"
    run = evaluate(path, SPEC)
    assert run.result is not None
    assert all(not layer.cache for layer in run.submission.layers.values())
    batches = [b for b in run.report._items if isinstance(b, Batch)]
    assert batches and not any(_reaches(b.build, Block) or _reaches(b.places, Block) for b in batches)
    assert run.report.to_dict() == _report(path).to_dict()


def test_a_capped_list_builds_only_its_issues_and_shows_what_every_issue_built_would(tmp_path: Path) -> None:
    """At a cap, the issues shown come from the batches' places (no issue built that is not shown): the
    same issues in the same order as sorting every built issue, errors first (the first by place when
    they alone pass the cap: a new user's finding, the first error was cut for later ones), then warnings."""
    from dti.issues import Batch, Issue, Severity, _place

    with (SAMPLES / "2024.csv").open(encoding="utf-8", newline="") as f:
        head, *body = list(csv.reader(f))
    for k, row in enumerate(body):  # every 5th value left empty, every 35th not a number
        row[3] = ("abc" if k % 35 == 0 else "") if k % 5 == 0 else row[3]
    half = len(body) // 2
    for name, part in (("b.csv", body[:half]), ("a.csv", body[half:])):
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([head, *part])
    paths = [tmp_path / "b.csv", tmp_path / "a.csv"]
    every = _report(*paths).issues
    assert sum(i.severity is Severity.ERROR for i in every) > 5 and len(every) > 300
    for cap in (5, 40, 250):
        report = _report(*paths)
        report.max_issues = cap
        built: list[Issue] = []

        def counted(
            keep: np.ndarray | None, build: Callable[..., list[Issue]], built: list[Issue] = built
        ) -> list[Issue]:
            found = build(keep)
            built.extend(found)
            return found

        for k, item in enumerate(report._items):
            if isinstance(item, Batch):
                build = functools.partial(counted, build=item.build)
                report._items[k] = Batch(item.code, item.severity, item.count, build, item.places)
        errors = sorted((i for i in every if i.severity is Severity.ERROR), key=_place)[:cap]
        warnings = sorted((i for i in every if i.severity is not Severity.ERROR), key=_place)
        expected = sorted(errors + warnings[: cap - len(errors)], key=_place)
        assert report.shown() == expected
        assert len(built) <= cap


def test_shown_issues_keep_the_error_and_read_in_sheet_row_column_order() -> None:
    """A new user's findings (7 Dec): with 195 warnings before it, the one error that stopped `dti score`
    was cut from the 50 shown; issues of two sheets were interleaved by row, a row's cells out of order."""
    from dti.issues import Issue, IssueCode, Report, Severity, issue

    def warned(sheet: str, cell: str, row: int) -> Issue:
        return issue(
            IssueCode.MISSING_VALUE,
            Severity.WARNING,
            "check.missing",
            file="x.xlsx",
            sheet=sheet,
            row=row,
            cell=cell,
        )

    late = issue(
        IssueCode.NON_NUMERIC,
        Severity.ERROR,
        "check.not-a-number",
        {"raw": "khoảng 80%"},
        file="x.xlsx",
        sheet="Thuận Nam",
        row=86,
        cell="I86",
    )
    many = [warned("Ninh Phước", f"E{r}", r) for r in range(8, 208)]
    shown = Report([*many, late], max_issues=50).shown()
    assert len(shown) == 50 and late in shown and shown[-1] is late  # Thuận Nam sorts after Ninh Phước
    cells = [warned("B", c, 16) for c in ("H16", "M16", "I16", "AA16", "B16")]
    cells += [warned("A", "C11", 11), warned("A", "C9", 9)]
    assert [(i.sheet, i.cell) for i in Report(cells).shown()] == [
        ("A", "C9"),
        ("A", "C11"),
        ("B", "B16"),
        ("B", "H16"),
        ("B", "I16"),
        ("B", "M16"),
        ("B", "AA16"),
    ]


def test_a_refusal_names_the_sheet_of_a_cell_in_a_workbook_of_several() -> None:
    """A new user's finding (7 Dec): `dti score`'s refusal table and the report's issue sheet said `U10`
    for a workbook of two district sheets, where `Ninh Phước!U10` is another commune than `Thuận Nam!U10`;
    `dti validate` named them. Without being told, a file whose issues stand on several sheets names them."""
    from dti.issues import Issue, IssueCode, Report, Severity, issue
    from dti.views.validation import issues

    def found(sheet: str) -> Issue:
        return issue(
            IssueCode.MISSING_VALUE,
            Severity.WARNING,
            "check.missing",
            file="xa.xlsx",
            sheet=sheet,
            row=10,
            cell="U10",
        )

    two = issues(Report([found("Ninh Phước"), found("Thuận Nam")]))
    assert [r["cell"] for r in two[0].rows] == ["Ninh Phước!U10", "Thuận Nam!U10"]
    one = issues(Report([found("Ninh Phước")]))
    assert [r["cell"] for r in one[0].rows] == ["U10"]
