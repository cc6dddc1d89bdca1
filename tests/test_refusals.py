"""The command line's refusals speak the command's language: Vietnamese by default, English with --lang en,
with the same exit code; the library's exceptions carry a Note and keep an English str()."""

from __future__ import annotations

import contextvars
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti.cli import app, exits
from dti.pipeline import YearError, check_years, evaluate
from dti.words import note
from tests.test_vietnamese import english_lines

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_data"
CLICK = "Error: Invalid value for "  # Click's own frame of a bad option value: left as Click says it
USAGE = ("Usage: ", "Try '")  # and Click's usage lines above it

# name -> (arguments, exit code, the Vietnamese sentence, the English one)
CASES: dict[str, tuple[list[str], int, str, str]] = {
    "a bad combination": (
        ["score", "sample_data/2024.csv", "--unit", "48", "--by", "NTS"],
        2,
        "dti: --unit cho thấy thứ hạng của mọi nút của một đơn vị: bỏ --by",
        "dti: --unit shows every node's rank of one unit: leave out --by",
    ),
    "a missing file": (
        ["score", "sample_data/nope.csv"],
        2,
        "sample_data/nope.csv: không có tệp hoặc thư mục này",
        "sample_data/nope.csv: no such file or folder",
    ),
    "a year rule": (
        ["score", "sample_data/2023.csv", "--previous", "sample_data/2024.csv"],
        2,
        "dti: --previous: sample_data/2024.csv chứa số liệu năm 2024, sample_data/2023.csv số liệu năm 2023 "
        "(2024 > 2023): hãy cho tệp của một năm trước",
        "dti: --previous: sample_data/2024.csv holds 2024 data, sample_data/2023.csv 2023 data (2024 > "
        "2023): give an earlier year's file",
    ),
    "a year the file contradicts": (
        ["score", "sample_data/2024.csv", "--year", "2023"],
        2,
        "dti: --year: sample_data/2024.csv ghi số liệu năm 2024, không phải 2023: bỏ --year (chỉ dành cho "
        "tệp không ghi năm)",
        "dti: --year: sample_data/2024.csv states 2024 data, not 2023: leave out --year (it is for files "
        "that do not say their year)",
    ),
    "a year rank's --years contradicts": (  # said of --years: rank takes no --year
        ["rank", "sample_data/2023.csv", "sample_data/2024.csv", "--years", "2023,2023"],
        2,
        "dti: --years: sample_data/2024.csv ghi số liệu năm 2024, không phải 2023: bỏ --years (chỉ dành "
        "cho tệp không ghi năm)",
        "dti: --years: sample_data/2024.csv states 2024 data, not 2023: leave out --years (it is for files "
        "that do not say their year)",
    ),
    "a robustness setting": (
        ["robust", "sample_data/2024.csv", "--missing", "previous"],
        2,
        f"{CLICK}--previous: --missing previous cần --previous TỆP, và --previous chỉ dùng với --missing "
        "previous",
        f"{CLICK}--previous: --missing previous needs --previous FILE, and --previous is used only with "
        "--missing previous",
    ),
    "a format without its file": (
        ["targets", "sample_data/targets_2025.csv", "--format", "xlsx"],
        2,
        "dti: --format xlsx ghi ra một sổ tính Excel: hãy cho -o TỆP.xlsx",
        "dti: --format xlsx writes a workbook: give -o FILE.xlsx",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_refusal_is_vietnamese_by_default_and_english_with_lang_en(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, code, vi, en = CASES[name]
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    default, english = runner.invoke(app, args), runner.invoke(app, [*args, "--lang", "en"])
    assert (default.exit_code, english.exit_code) == (code, code)
    assert default.stderr.strip().splitlines()[-1] == vi
    assert english.stderr.strip().splitlines()[-1] == en
    said = [line.removeprefix(CLICK) for line in default.stderr.splitlines() if not line.startswith(USAGE)]
    assert english_lines("\n".join(said)) == [], default.stderr  # and no other English line on the way


def test_a_refusal_before_the_command_runs_is_vietnamese() -> None:
    """Outside a command (nothing has set --lang yet) a refusal is worded in Vietnamese."""
    said = contextvars.Context().run(exits.worded, note("cli.no-such-file", path="x.csv"))
    assert said == "x.csv: không có tệp hoặc thư mục này"


def test_a_library_exception_carries_a_note_and_an_english_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES)
    later, earlier = evaluate(Path("2024.csv")), evaluate(Path("2023.csv"))
    with pytest.raises(YearError) as raised:
        check_years(earlier, [later])
    assert raised.value.argument == "previous"
    assert str(raised.value) == (
        "dti: --previous: 2024.csv holds 2024 data, 2023.csv 2023 data (2024 > 2023): give an earlier "
        "year's file"
    )
    assert raised.value.note.text("vi").startswith("dti: --previous: 2024.csv chứa số liệu năm 2024")


def test_a_run_that_read_no_file_is_named_in_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES)
    later, earlier = evaluate(Path("2024.csv")), evaluate(Path("2023.csv"))
    later.submission.sources = []  # as a library user's run built from matrices, not files
    with pytest.raises(YearError) as raised:
        check_years(earlier, [later])
    assert raised.value.note.text("vi").startswith("dti: --previous: một tệp chứa số liệu năm 2024, 2023.csv")
    assert str(raised.value).startswith("dti: --previous: a file holds 2024 data, 2023.csv")


# -o names a file the command reads, whatever option names it (#23): command × input option. `{in}` is the
# input that -o names too; the other files are the samples. The refusal comes before anything is read, so
# the input's content does not matter: it must come out unchanged.
OWNERS, RECEIVED = "sample_data/owners.csv", "sample_data/received_2026.csv"
Y23, Y24 = "sample_data/2023.csv", "sample_data/2024.csv"
EVERY_INPUT: dict[str, list[str]] = {
    "score FILE": ["score", "{in}"],
    "score --previous": ["score", Y24, "--previous", "{in}"],
    "score --units": ["score", Y24, "--units", "{in}"],
    "score --spec": ["score", Y24, "--spec", "{in}"],
    "rank FILE": ["rank", Y23, "{in}"],
    "rank --units": ["rank", Y23, Y24, "--units", "{in}"],
    "rank --spec": ["rank", Y23, Y24, "--spec", "{in}"],
    "robust FILE": ["robust", "{in}"],
    "robust --previous": ["robust", Y24, "--previous", "{in}"],
    "robust --units": ["robust", Y24, "--units", "{in}"],
    "robust --spec": ["robust", Y24, "--spec", "{in}"],
    "gaps FILE": ["gaps", "{in}"],
    "gaps --owners": ["gaps", Y24, "--owners", "{in}"],
    "gaps --against": ["gaps", Y24, "--against", "{in}"],
    "gaps --units": ["gaps", Y24, "--units", "{in}"],
    "gaps --spec": ["gaps", Y24, "--spec", "{in}"],
    "validate FILE": ["validate", "{in}"],
    "validate --units": ["validate", Y24, "--units", "{in}"],
    "validate --spec": ["validate", Y24, "--spec", "{in}"],
    "targets FILE": ["targets", "{in}"],
    "tasks FILE": ["tasks", "{in}"],
    "calendar --owners": ["calendar", "--owners", "{in}"],
    "calendar --received": ["calendar", "--owners", OWNERS, "--received", "{in}"],
    "calendar --rules": ["calendar", "--owners", OWNERS, "--rules", "{in}"],
    "calendar --spec": ["calendar", "--owners", OWNERS, "--spec", "{in}"],
    "spec show FILE": ["spec", "show", "{in}"],
    "report FILE": ["report", "{in}"],
    "report --previous": ["report", Y24, "--previous", "{in}"],
    "report --targets": ["report", Y24, "--targets", "{in}"],
    "report --owners": ["report", Y24, "--owners", "{in}"],
    "report --received": ["report", Y24, "--owners", OWNERS, "--received", "{in}"],
    "report --tasks": ["report", Y24, "--tasks", "{in}"],
    "report --units": ["report", Y24, "--units", "{in}"],
    "report --spec": ["report", Y24, "--spec", "{in}"],
}


@pytest.mark.parametrize("way", ["same path", "sub/../path", "hard link"])
@pytest.mark.parametrize("name", list(EVERY_INPUT))
def test_output_never_replaces_any_input(
    name: str, way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    given = tmp_path / ("in.html" if name.startswith("report") else "in.csv")  # report writes .html only
    given.write_bytes(b"unit,indicator,value\n48,NTS.02,50%\n")
    (tmp_path / "sub").mkdir()
    output = {"same path": given, "sub/../path": tmp_path / "sub" / ".." / given.name}.get(way)
    if output is None:
        output = tmp_path / f"link{given.suffix}"
        output.hardlink_to(given)
    args = [str(given) if a == "{in}" else a for a in EVERY_INPUT[name]]
    result = CliRunner().invoke(app, [*args, "-o", str(output), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "is one of the input files" in result.output
    assert given.read_bytes() == b"unit,indicator,value\n48,NTS.02,50%\n"


# The same bounds in every command (#23): --year 1900-2100 (0 is not "no year"), --draws 1-1,000,000 in
# robust and 0-1,000,000 in report (0 leaves the section out), --seed 0 or more. `said`: the bound broken.
LOW, HIGH = "greater than or equal to ", "less than or equal to "
BOUNDS = [
    *(
        (command, "--year", year, LOW + "1900" if int(year) < 1900 else HIGH + "2100")
        for command in (["score", Y24], ["validate", Y24], ["calendar", "--owners", OWNERS], ["gaps", Y24])
        for year in ("0", "-1", "1899", "2101", "10000", "9" * 20)
    ),
    (["rank", Y23, Y24], "--years", "1899,2024", "years from 1900 to 2100"),
    (["report", Y24, "-o", "r.html"], "--draws", "1000000000", HIGH + "1000000"),
    (["report", Y24, "-o", "r.html"], "--draws", "-1", LOW + "0"),
    (["robust", Y24], "--draws", "0", "robust needs 1 to 1,000,000 draws"),
    (["report", Y24, "-o", "r.html"], "--seed", "-1", LOW + "0"),
    (["robust", Y24], "--seed", "-1", LOW + "0"),
]


@pytest.mark.parametrize(("command", "option", "value", "said"), BOUNDS)
def test_options_that_mean_the_same_take_the_same_range(
    command: list[str], option: str, value: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    args = [str(tmp_path / a) if a == "r.html" else a for a in command]
    result = CliRunner().invoke(app, [*args, option, value, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert option in result.output and said in result.output, result.output
    assert not (tmp_path / "r.html").exists()
