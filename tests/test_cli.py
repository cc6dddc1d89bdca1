"""The command line over views and writers: formats, --output, --lang, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dti import views
from dti.cli import app, exits
from dti.cli.app import _exit_status as exit_status
from dti.pipeline import evaluate

from .conftest import ROOT, SAMPLES

runner = CliRunner()
SAMPLE = str(SAMPLES / "2024.csv")


def test_score_json_equals_the_view_builder() -> None:
    cli = runner.invoke(app, ["score", SAMPLE, "--format", "json"])
    run = evaluate([SAMPLES / "2024.csv"])
    assert run.result is not None
    assert json.loads(cli.stdout) == json.loads(json.dumps(views.score_data(run.result)))


def test_views_hold_raw_values() -> None:
    run = evaluate([SAMPLES / "2024.csv"])
    assert run.result is not None
    view = views.score_table(run.result, ["DTI", "DTTM"], "DTI")
    first = view.rows[0]
    assert isinstance(first["DTI"], float) and isinstance(first["rank"], int) and first["DTTM"] is None
    assert [c.label for c in view.columns][:3] == ["hạng", "đơn vị", "tên"]
    english = views.score_table(run.result, ["DTI"], "DTI", lang="en")
    assert [c.label for c in english.columns][:3] == ["rank", "unit", "name"]


def test_output_writes_every_format(tmp_path: Path) -> None:
    for fmt in ("table", "json", "csv"):
        out = tmp_path / f"scores.{fmt}"
        cli = runner.invoke(app, ["score", SAMPLE, "--format", fmt, "-o", str(out)])
        assert cli.exit_code == 0, cli.output
        assert cli.stdout == ""
        assert out.read_text(encoding="utf-8").count("Hà Tĩnh") >= 1
    # Hà Tĩnh's DTI 2024 is 843.567 of 1000 points = 0.84357 → 0.8436: a decimal comma in Vietnamese
    assert "│ 0,8436 │" in (tmp_path / "scores.table").read_text(encoding="utf-8")
    target = tmp_path / "targets.txt"
    cli = runner.invoke(
        app, ["targets", str(SAMPLES / "targets_2025.csv"), "-o", str(target), "--lang", "en"]
    )
    assert cli.exit_code == 0 and "11/20 targets met or exceeded" in target.read_text(encoding="utf-8")
    issues = tmp_path / "issues.txt"
    cli = runner.invoke(
        app, ["validate", str(SAMPLES / "broken" / "submission.csv"), "--format", "github", "-o", str(issues)]
    )
    assert cli.exit_code == 1 and issues.read_text(encoding="utf-8").startswith("::")


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    out = str(tmp_path / "no" / "x.json")
    cli = runner.invoke(app, ["score", SAMPLE, "--format", "json", "-o", out])
    assert (
        cli.exit_code == 2 and f"không ghi được {out}: thư mục {tmp_path / 'no'} không tồn tại" in cli.output
    )
    english = runner.invoke(app, ["score", SAMPLE, "--format", "json", "-o", out, "--lang", "en"])
    assert english.exit_code == 2 and f"cannot write {out}: the directory" in english.output


def test_lang_switches_table_labels_only() -> None:
    vi = runner.invoke(app, ["score", SAMPLE, "--unit", "Đà Nẵng"])
    en = runner.invoke(app, ["score", SAMPLE, "--unit", "48", "--lang", "en"])
    assert "tự đánh giá" in vi.stdout and "Δ verified" in en.stdout and "Đà Nẵng" in en.stdout
    assert runner.invoke(app, ["score", SAMPLE, "--unit", "Atlantis"]).exit_code == 2


def test_bad_choices_are_usage_errors() -> None:
    for args in (
        ["--format", "xml"],
        ["--show", "all"],
        ["--layout", "tall"],
        ["--by", "NOPE"],
        ["--lang", "fr"],
    ):
        assert runner.invoke(app, ["score", SAMPLE, *args]).exit_code == 2, args


def test_rank_unit_across_years() -> None:
    cli = runner.invoke(app, ["rank", str(SAMPLES / "2023.csv"), SAMPLE, "--unit", "48", "--lang", "en"])
    assert cli.exit_code == 0 and "48 Đà Nẵng: value and rank by year" in cli.stdout


@pytest.mark.slow
def test_python_dash_m_and_help() -> None:
    done = subprocess.run([sys.executable, "-m", "dti", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "Exit codes" in done.stdout
    for command in ("score", "validate", "rank", "targets", "spec"):
        assert command in done.stdout


def test_unit_breakdown_in_english_names_nodes_in_english() -> None:
    # Found by a new-user test: --lang en kept the Vietnamese node names.
    result = CliRunner().invoke(app, ["score", str(SAMPLES / "2024.csv"), "--unit", "48", "--lang", "en"])
    assert (
        result.exit_code == 0 and "Digital awareness" in result.output and "Nhận thức số" not in result.output
    )


# A file each command writes, named by -o alone, and what its first bytes must be (issue 21: they were
# all the text table).
WRITTEN = [
    (["score", SAMPLE], "x.xlsx", b"PK"),
    (["score", SAMPLE], "x.json", b"{"),
    (["score", SAMPLE], "x.csv", b'\xef\xbb\xbf"unit"'),
    (["targets", str(SAMPLES / "targets_2025.csv")], "t.xlsx", b"PK"),
    (["tasks", str(SAMPLES / "tasks_2026.csv")], "k.xlsx", b"PK"),
    (
        ["calendar", "--owners", str(SAMPLES / "owners.csv"), "--spec", "dti-province-2022"],
        "c.ics",
        b"BEGIN:VCALENDAR",
    ),
    (["spec", "list"], "s.xlsx", b"PK"),
    (["validate", SAMPLE], "v.json", b"{"),
]


@pytest.mark.parametrize(("args", "name", "start"), WRITTEN)
def test_the_extension_of_output_chooses_the_format(
    args: list[str], name: str, start: bytes, tmp_path: Path
) -> None:
    cli = runner.invoke(app, [*args, "-o", str(tmp_path / name)])
    assert cli.exit_code == 0, cli.output
    assert (tmp_path / name).read_bytes().startswith(start)


def test_a_format_the_extension_contradicts_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    cli = runner.invoke(app, ["score", SAMPLE, "--format", "json", "-o", str(out), "--lang", "en"])
    assert cli.exit_code == 2 and "json contradicts -o x.csv, the name of a csv file" in cli.stderr
    cli = runner.invoke(app, ["score", SAMPLE, "-o", str(tmp_path / "x.ics"), "--lang", "en"])
    assert cli.exit_code == 2 and "this command writes table, json, csv, xlsx, not ics" in cli.stderr
    assert not out.exists() and not (tmp_path / "x.ics").exists()
    cli = runner.invoke(app, ["score", SAMPLE, "--format", "csv", "-o", str(tmp_path / "x.txt")])
    assert cli.exit_code == 0 and (tmp_path / "x.txt").read_text(encoding="utf-8").startswith('"unit"')


@pytest.mark.parametrize(
    "args",
    [
        ["report", SAMPLE, "-o", "x.html", "--seed", "-1", "--draws", "10"],
        ["report", SAMPLE, "-o", "x.html", "--draws", "2000000"],
        ["robust", SAMPLE, "--seed", "-1"],
        ["robust", SAMPLE, "--draws", "2000000"],
        ["robust", SAMPLE, "--draws", "0"],
        ["calendar", "--owners", str(SAMPLES / "owners.csv"), "--year", "1800"],
        ["score", SAMPLE, "--year", "1899"],  # the range is 1900-2100 (#23)
        ["rank", SAMPLE, SAMPLE, "--years", "1800,2024"],
    ],
)
def test_seed_draws_and_years_out_of_range_are_refused_before_reading(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dti.pipeline

    def unread(*_: object, **__: object) -> None:
        raise AssertionError("a file was read")

    monkeypatch.setattr(dti.pipeline, "read_grids", unread)
    monkeypatch.setattr("dti.briefing.calendar.schedule", unread)
    cli = runner.invoke(app, args)
    assert cli.exit_code == 2, cli.output
    assert any(
        f"'{option}'" in cli.stderr or f" {option}:" in cli.stderr
        for option in ("--seed", "--draws", "--year", "--years")
    )


def test_app_and_common_do_not_import_each_other() -> None:
    source = (ROOT / "dti" / "cli" / "app.py").read_text(encoding="utf-8")
    assert "dti.cli.common" not in source


def test_tasks_offers_only_the_counts_it_takes() -> None:
    assert "--by <responsible>" in runner.invoke(app, ["tasks", "--help"]).stdout  # was <group|responsible>
    refused = runner.invoke(app, ["tasks", str(SAMPLES / "tasks_2026.csv"), "--by", "group"])
    assert refused.exit_code == 2


@pytest.mark.parametrize("name", ["out.html", "out.docx", "out.pdf", "out.ods"])
def test_a_document_extension_no_command_writes_is_refused(name: str, tmp_path: Path) -> None:
    """`dti score … -o out.html` wrote the text table into a .html file; a page, a Word or an OpenDocument
    file is refused (exit 2) and nothing is written."""
    result = runner.invoke(
        app, ["score", str(SAMPLES / "2024.csv"), "-o", str(tmp_path / name), "--lang", "en"]
    )
    assert result.exit_code == 2 and "not " + name.split(".")[1] in result.output, result.output
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["out.json/", "missing/", "out.html/"])
def test_an_output_ending_in_a_slash_names_a_folder(name: str, tmp_path: Path) -> None:
    """`-o out.json/` wrote a file out.json, `-o missing/` a file named `missing` (#23): a path ending in
    '/' names a folder, refused with exit 2 and nothing written (in Vietnamese: Click's own parsing comes
    before --lang is known)."""
    command = ["report", SAMPLE] if name.startswith("out.html") else ["score", SAMPLE]
    exits.LANG.set("vi")  # as a process starts: an earlier test's command may have left it English
    result = runner.invoke(app, [*command, "-o", f"{tmp_path}/{name}", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "kết thúc bằng '/' nên là một thư mục" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["score", SAMPLE], ["spec", "show", "dti-province-2022"]])
def test_a_read_only_output_file_is_refused(command: list[str], tmp_path: Path) -> None:
    """The shell's `>` refuses a read-only file; -o replaced it by a rename (#23). Refused (exit 2), and the
    file keeps its content and mode, even for root."""
    output = tmp_path / "kept.txt"
    output.write_text("Báo cáo đã ký\n", encoding="utf-8")
    output.chmod(0o444)
    result = runner.invoke(app, [*command, "-o", str(output), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "the file is read-only" in result.output
    assert output.read_text(encoding="utf-8") == "Báo cáo đã ký\n" and output.stat().st_mode & 0o777 == 0o444


def test_as_unit_reads_a_file_without_a_unit_column_in_every_command(tmp_path: Path) -> None:
    """A department's file of one province (issue 22): `--as-unit` names its unit, by code or name."""
    form = tmp_path / "so_y_te.csv"
    form.write_text("STT,Chỉ số,ĐVT,Kết quả\n1,TCS.01,,Có\n2,NLS.04,người,14\n", encoding="utf-8")
    for command in ("score", "rank", "validate", "gaps", "robust", "report"):
        assert "--as-unit" in runner.invoke(app, [command, "--help"]).output, command
    scored = runner.invoke(app, ["score", str(form), "--as-unit", "58", "--format", "json", "--lang", "en"])
    assert scored.exit_code == 0, scored.output
    assert [u["unit"] for u in json.loads(scored.stdout)["units"]] == ["58"]
    assert "read as the figures of 58 Ninh Thuận (from option --as-unit)" in scored.stderr
    by_name = runner.invoke(app, ["validate", str(form), "--as-unit", "Ninh Thuận", "--lang", "en"])
    assert by_name.exit_code == 0 and "valid: 0 error(s)" in by_name.output
    refused = runner.invoke(app, ["validate", str(form), "--lang", "en"])
    assert refused.exit_code == 1 and "--as-unit CODE" in refused.output


def test_every_command_runs_with_the_cycle_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """dti/cycles.py: a command's many small objects are not walked by the collector (issue 25); it is
    back on after the command, whether it ended well or with an error."""
    import gc

    import typer

    from dti.cli.common import guarded
    from dti.io.grid import InputError

    seen: list[bool] = []

    def command(fail: bool = False) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise InputError("unreadable")

    assert gc.isenabled()
    guarded(command)()
    with pytest.raises(typer.Exit):
        guarded(command)(fail=True)
    assert seen == [False, False] and gc.isenabled()


def test_notes_to_a_pipe_are_the_lines_rich_would_write(capsys: pytest.CaptureFixture[str]) -> None:
    """dti/write/stderr.py writes a note to a pipe itself (rich not loaded: issue 25), byte for byte
    what rich wrote there; a tab, which rich expands to its stops, still goes through rich."""
    import io

    from rich.console import Console
    from rich.text import Text

    from dti.write import stderr

    for message in [
        "Số liệu năm 2024: 108 cảnh báo",
        "cột\tB",
        "x" * 300,
        "hai\ndòng",
        "[bold]x[/bold] :smile:",
    ]:
        stderr.note(message)
        written = io.StringIO()
        Console(file=written, highlight=False).print(Text(message, style="yellow"), soft_wrap=True)
        assert capsys.readouterr().err == written.getvalue()


def test_every_command_runs_without_huge_page_advice() -> None:
    """dti/pages.py: a command's matrices are made on ordinary pages (issue 25: direct compaction made
    their first touch slow); numpy's advice is back after the command, whether it ended well or not."""
    import numpy as np  # noqa: F401  (imported: the switch, not the variable, is used)
    import typer
    from numpy._core import multiarray

    from dti.cli.common import guarded
    from dti.io.grid import InputError

    def advice() -> bool:
        now = multiarray._set_madvise_hugepage(True)
        multiarray._set_madvise_hugepage(now)
        return bool(now)

    seen: list[bool] = []

    def command(fail: bool = False) -> None:
        seen.append(advice())
        if fail:
            raise InputError("unreadable")

    before = multiarray._set_madvise_hugepage(True)
    try:
        guarded(command)()
        with pytest.raises(typer.Exit):
            guarded(command)(fail=True)
        assert seen == [False, False] and advice()
    finally:
        multiarray._set_madvise_hugepage(before)


@pytest.mark.slow
@pytest.mark.parametrize(("args", "status"), [(["--help"], 0), (["validate", "sample_data/broken"], 2)])
def test_the_program_ends_with_mains_status_and_no_teardown(args: list[str], status: int) -> None:
    # cli.run: main(), then os._exit: the status main() exits with, and none of Python's teardown (an
    # atexit handler stands for it: freeing every module and object took ~0.1-0.2 s of a report).
    code = f"import atexit, sys; atexit.register(print, 'teardown'); sys.argv = ['dti', *{args!r}]; "
    code += "from dti.cli import run; run()"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == status and "teardown" not in done.stdout and done.stdout.strip()


def test_a_text_given_to_sys_exit_is_printed_and_the_status_is_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status(None) == 0 and exit_status(3) == 3 and exit_status(True) == 1
    assert exit_status("stopped") == 1 and capsys.readouterr().err == "stopped\n"
