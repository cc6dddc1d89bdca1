"""Output safety (#13): no formula in a CSV, no forged annotation, no Infinity in JSON, `-o` that never
replaces a device or leaves a temporary file, stdout that is closed, full or not UTF-8."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from dti.cli import app
from dti.issues import Issue, IssueCode, Severity
from dti.write import csv as csv_writer
from dti.write import github, text
from dti.write.files import OutputError, printable, write_all, write_atomic

from .conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow  # processes with closed pipes, full disks and odd encodings

runner = CliRunner()
SAMPLE = str(SAMPLES / "2024.csv")
SIGNED_NUMBER = re.compile(r"[+-]\s*\d[\d\s.,]*(?:[eE][+-]?\d+)?\s*%?")
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


def formulas(output: str) -> list[str]:
    """The CSV fields a spreadsheet would run as a formula."""
    found = []
    for row in csv.reader(io.StringIO(output)):
        for field in row:
            number = SIGNED_NUMBER.fullmatch(field) or field == "-"
            if field and field[0] in "=@\t\r+-" and not number:
                found.append(field)
    return found


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    """A unit register, a submission and a target list whose texts are formulas."""
    units = tmp_path / "units.csv"
    units.write_text(
        f'code,name\nA1,"{HYPERLINK.replace(chr(34), chr(34) * 2)}"\n+B2,@evil\n', encoding="utf-8"
    )
    good = tmp_path / "2024.csv"
    good.write_text("unit,indicator,value\nA1,HTS.01,50%\n+B2,HTS.01,40%\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,indicator,value\nA1,NTS.02,@SUM(1)\n+B2,NTS.02,-2+3\n", encoding="utf-8")
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "id,group,name,responsible,target,result,status,note\n"
        "1,+cmd,-2+3,@x,>= 80%,1e400,,\n"
        '2,=g,ok,"-cmd|\' /C calc\'!A0",>= 80%,"84,5%",,=1+1\n',
        encoding="utf-8",
    )
    return {"units": units, "good": good, "bad": bad, "targets": targets}


def test_csv_escape_keeps_numbers_and_dashes_only() -> None:
    kept = ["-", "-3,5", "+18.5 %", "-1.234,5", "-2e3", "Hà Nội", "", "a=b"]
    assert [csv_writer.escape(v) for v in kept] == kept
    for formula in ["-2+3", "+cmd", "-cmd|' /C calc'!A0", "--1", "=1+1", "@SUM(1)", "\t=1", "\r", "+"]:
        assert csv_writer.escape(formula) == "'" + formula


def test_csv_escapes_a_formula_after_every_line_break() -> None:
    """`Tên\\r=1+1` was written unquoted and unescaped (#23): a spreadsheet made a row whose first cell
    was =1+1. Each line of a cell is escaped as a cell's start is."""
    assert csv_writer.escape("Tên\r=1+1") == "Tên\r'=1+1"
    assert csv_writer.escape("\r=1") == "'\r'=1"
    assert csv_writer.escape("Sở TT&TT\r\n@SUM(1)\n-2+3\n-3,5\n") == "Sở TT&TT\r\n'@SUM(1)\n'-2+3\n-3,5\n"
    frame = pd.DataFrame({"tên": ["Tên\r=1+1", "Ghi chú\n+cmd"], "điểm": [1.5, None]})
    written = b"".join(csv_writer.dumps(frame)).decode()
    assert written == '"tên","điểm"\n"Tên\r\'=1+1",1.5\n"Ghi chú\n\'+cmd",\n'
    assert list(csv.reader(io.StringIO(written, newline=""))) == [
        ["tên", "điểm"],
        ["Tên\r'=1+1", "1.5"],
        ["Ghi chú\n'+cmd", ""],
    ]


def test_csv_escapes_header_names_and_every_text_column() -> None:
    frame = pd.DataFrame({"=cmd()": ["-2+3"], "n": [1.5], "c": pd.Categorical(["@x"])})
    assert b"".join(csv_writer.dumps(frame)).decode().splitlines() == [
        '"\'=cmd()","n","c"',
        '"\'-2+3",1.5,"\'@x"',
    ]
    parts = csv_writer.dumps({"@h": ["+x"], "v": np.array([1.0])})
    assert b"".join(parts).decode().splitlines() == ['"\'@h","v"', '"\'+x",1']


@pytest.mark.parametrize(
    "args",
    [
        ["score", "{good}", "--units", "{units}", "--spec", "dti-province-2022", "--format", "csv"],
        ["rank", "{good}", "--units", "{units}", "--spec", "dti-province-2022", "--format", "csv"],
        ["validate", "{bad}", "--units", "{units}", "--spec", "dti-province-2022", "--format", "csv"],
        ["targets", "{targets}", "--format", "csv"],
    ],
    ids=["score", "rank", "validate", "targets"],
)
def test_no_command_writes_a_formula_into_a_csv(
    args: list[str], hostile: dict[str, Path], tmp_path: Path
) -> None:
    args = [a.format(**{k: str(v) for k, v in hostile.items()}) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert "'=HYPERLINK" in result.stdout or "'+cmd" in result.stdout or "'@SUM(1)" in result.stdout
    assert formulas(result.stdout) == []
    written = tmp_path / "out.csv"
    assert runner.invoke(app, [*args, "-o", str(written)]).exit_code == result.exit_code
    assert formulas(written.read_text(encoding="utf-8")) == []


def test_targets_json_has_no_infinity(hostile: dict[str, Path]) -> None:
    result = runner.invoke(app, ["targets", str(hostile["targets"]), "--format", "json"])

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    data = json.loads(result.stdout, parse_constant=refuse)
    assert data["targets"][0]["group"] == "+cmd"  # JSON holds the text as it is


def test_annotation_escapes_properties_and_data() -> None:
    issue = Issue(
        IssueCode.NON_NUMERIC,
        Severity.ERROR,
        "'x\r::error file=forged.csv::pwned' is not a number, 100%",
        file="a,line=1:b.csv",
        row=3,
        cell="C3",
    )
    assert github.annotation(issue) == (
        "::error file=a%2Cline=1%3Ab.csv,line=3::"
        "[non-numeric] C3: 'x%0D::error file=forged.csv::pwned' is not a number, 100%25"
    )
    assert (
        github.annotation(Issue(IssueCode.NON_NUMERIC, Severity.WARNING, "m")) == "::warning::[non-numeric] m"
    )


def test_validate_github_cannot_be_forged_by_a_file(tmp_path: Path) -> None:
    forged = tmp_path / "a,line=9:b.csv"
    forged.write_bytes(b'unit,indicator,value\n01,NTS.02,"x\r::error file=forged::pwned"\n')
    result = runner.invoke(
        app, ["validate", str(forged), "--format", "github", "--spec", "dti-province-2022"]
    )
    lines = result.stdout.splitlines(keepends=True)
    assert "\r" not in result.stdout and lines and all(line.startswith("::") for line in lines)
    assert all(",line=9" not in line and "%3Ab.csv" in line for line in lines)


def test_text_shows_control_characters_instead_of_obeying_them() -> None:
    assert text.safe("a\x1b]0;owned\x07b\tc\nd\x9b") == "a\ufffd]0;owned\ufffdb\tc\nd\ufffd"


# -o: only a regular file or a new path, a symlink followed, nothing left behind


def a_device(directory: Path) -> Path:
    """A character device: a twin of /dev/null when root may make one (run against a writer that
    replaces devices, the real /dev/null would be the victim), else /dev/null, which only root can replace."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    device = directory / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.stat(os.devnull).st_rdev)
    return device


def test_output_refuses_devices_pipes_and_directories(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    device = a_device(outside)
    fifo = outside / "fifo"
    os.mkfifo(fifo)
    for target, kind in [(device, "a device"), (fifo, "a pipe"), (tmp_path, "a directory")]:
        with pytest.raises(OutputError, match=kind):
            write_atomic(target, "x\n")
    assert stat.S_ISCHR(os.stat(device).st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert set(os.listdir(outside)) <= {"fifo", "null"}  # no temporary file left
    assert os.listdir(tmp_path) == ["outside"]
    result = runner.invoke(app, ["score", SAMPLE, "-o", str(device)])
    assert (
        result.exit_code == 2
        and f"--output {device} là một thiết bị: -o chỉ ghi vào một tệp thường" in result.stderr
    )
    result = runner.invoke(app, ["score", SAMPLE, "-o", str(device), "--lang", "en"])
    assert (
        result.exit_code == 2
        and f"--output {device} is a device: -o writes only to a regular file" in result.stderr
    )
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_follows_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    with pytest.raises(OutputError, match="one of the input files"):
        write_atomic(link, "x\n", [real])


def test_output_refuses_a_hard_link_to_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("data\n", encoding="utf-8")
    os.link(source, tmp_path / "same.csv")
    with pytest.raises(OutputError, match="one of the input files"):
        write_atomic(tmp_path / "same.csv", "x\n", [source])


def test_a_long_valid_name_works(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 250)
    write_atomic(target, "ok\n")
    assert target.read_text(encoding="utf-8") == "ok\n"
    assert os.listdir(tmp_path) == [target.name]


def test_mode_follows_the_umask_or_the_replaced_file(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x\n")
        replaced = tmp_path / "replaced.txt"
        replaced.write_text("old\n", encoding="utf-8")
        replaced.chmod(0o604)
        write_atomic(replaced, "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE(replaced.stat().st_mode) == 0o604


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def full() -> Iterator[bytes]:
        yield b"half"
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, full())  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == ["out.txt"] and target.read_text(encoding="utf-8") == "old\n"


def test_signal_handlers_are_restored(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "out.txt", "x\n")
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


SIGNALLED = """
import os, signal, sys, time
from collections.abc import Iterator
from pathlib import Path
from dti.write.files import write_atomic

def parts():
    yield b"half"
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    time.sleep(2)
    yield b"rest"

# a shell starting this in the background ignores SIGINT, and Python keeps that: Python's own handler here
signal.signal(signal.SIGINT, signal.default_int_handler)
write_atomic(Path(sys.argv[1]), parts())
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
def test_a_signal_during_the_write_removes_the_temporary_file(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "result.csv"
    out.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED, str(out), name], capture_output=True, text=True, timeout=60
    )
    if name == "SIGTERM":
        assert done.returncode == -signal.SIGTERM
    else:
        assert "KeyboardInterrupt" in done.stderr
    assert os.listdir(out.parent) == []


# stdout: full, closed, not UTF-8


def dti(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dti", *args], stderr=subprocess.PIPE, cwd=ROOT, timeout=120, **kwargs
    )  # type: ignore[call-overload,no-any-return]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        done = dti("score", SAMPLE, "--format", fmt, stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines()[-1] == "không ghi được ra stdout: No space left on device"
    assert (
        "Traceback" not in err
        and "internal error" not in err
        and "lỗi nội bộ" not in err
        and "Exception ignored" not in err
    )


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_closed_pipe_ends_quietly_with_exit_2(fmt: str) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = dti("score", SAMPLE, "--format", fmt, stdout=write)
    finally:
        os.close(write)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert (
        "Traceback" not in err
        and "internal error" not in err
        and "lỗi nội bộ" not in err
        and "Exception ignored" not in err
    )


def cut_at_2000_bytes() -> None:
    """In the child: a file-size limit of 2,000 bytes, SIGXFSZ ignored (so writing past it is EFBIG)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


@pytest.mark.parametrize(
    "args",
    [["score", SAMPLE], ["score", SAMPLE, "--format", "csv"], ["score", SAMPLE, "--format", "json"]]
    + [["spec", "check", "dti-province-2022", "dti-province-2025"]],
)
def test_stdout_cut_by_a_file_size_limit_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    """EFBIG (#23): the table and the CSV were cut at the limit with exit 0 (a write that takes only part
    of its bytes raises nothing; the next one does)."""
    with open(tmp_path / "cut.txt", "wb") as sink:
        done = dti(*args, "--lang", "en", stdout=sink, preexec_fn=cut_at_2000_bytes)
    err = done.stderr.decode()
    if args[0] == "spec":  # two short lines fit: nothing is cut
        assert done.returncode == 0, err
        return
    assert done.returncode == 2, err
    assert err.splitlines()[-1] == "cannot write to stdout: File too large"
    assert err.count("cannot write") == 1 and "Traceback" not in err and "internal error" not in err
    assert (tmp_path / "cut.txt").stat().st_size == 2000


def test_a_short_write_is_followed_by_one_for_the_rest() -> None:
    class Short(io.BytesIO):
        def write(self, data: object) -> int:
            return super().write(bytes(data)[:3])  # type: ignore[call-overload]

    sink = Short()
    write_all(sink, b"H\xc3\xa0 N\xe1\xbb\x99i")
    assert sink.getvalue() == "Hà Nội".encode()


UNDECODABLE = os.fsdecode(b"b\xe1o c\xe1o \xff.csv")  # Windows-1258 bytes in a UTF-8 file system


@pytest.mark.parametrize("fmt", ["github", "json", "csv", "table"])
def test_a_file_name_with_undecodable_bytes_is_written_escaped(fmt: str, tmp_path: Path) -> None:
    """github exited 4 and csv too (#23): the bytes are written \\xNN, as Python shows them, in each
    format."""
    (tmp_path / UNDECODABLE).write_bytes(b"unit,indicator,value\n01,NTS.02,abc\n")
    done = subprocess.run(
        [sys.executable, "-m", "dti", "validate", UNDECODABLE, "--spec", "dti-province-2022"]
        + ["--year", "2024", "--format", fmt, "--lang", "en"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    out = done.stdout.decode("utf-8")  # strict: no lone surrogate, no stray byte
    assert done.returncode == 1, done.stderr.decode()
    shown = "b\\xe1o c\\xe1o \\xff.csv"
    if fmt == "json":
        assert {i["file"] for i in json.loads(out)["issues"]} == {shown}
    elif fmt == "csv":
        assert {row["file"] for row in csv.DictReader(io.StringIO(out))} == {shown}
    elif fmt == "github":
        assert out.count(f"file={shown}") == 2
    else:
        assert shown in out


def test_printable_writes_undecodable_bytes_as_python_shows_them() -> None:
    assert printable(os.fsdecode(b"\xff\xfe.csv")) == "\\xff\\xfe.csv"
    assert printable("Hà Nội") == "Hà Nội" and printable("\ud800") == "\\ud800"


def test_a_non_utf8_stdout_gets_utf8() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = dti("score", SAMPLE, stdout=subprocess.PIPE, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Hà Tĩnh" in done.stdout.decode("utf-8")
    done = dti("spec", "check", "dti-province-2022", stdout=subprocess.PIPE, env=env)
    assert done.returncode == 0


def test_a_bad_output_is_refused_before_any_work(tmp_path: Path) -> None:
    # Found by a new-user test: `-o DIR` read, validated and printed warnings before refusing.
    result = CliRunner().invoke(
        app, ["score", str(SAMPLES / "2024.csv"), "-o", str(tmp_path), "--lang", "en"]
    )
    assert result.exit_code == 2 and "warning" not in result.output and "directory" in result.output


def test_ics_text_has_no_control_characters_and_the_last_day_does_not_overflow() -> None:
    """A VT or NEL (U+0085) from a name copied into SUMMARY (#23), and a deadline on 31/12/9999, whose
    DTEND (the next day) overflowed: exit 4."""
    import datetime as dt
    from dataclasses import replace

    from icalendar import Calendar as ICalendar

    from dti.briefing.calendar import schedule
    from dti.write import ics

    found = schedule(SAMPLES / "owners.csv", spec="dti-province-2022", today=dt.date(2026, 11, 25))
    first, second, *rest = found.calendar.deadlines
    hostile = replace(first, owner="Sở Y\vtế\x85 Đà\x1b[31m Nẵng\u2028", due=dt.date.max)
    calendar = replace(found.calendar, deadlines=[hostile, second])
    written = ics.dumps(calendar, "vi")
    assert not [ch for ch in written if ch not in "\r\n" and unicodedata.category(ch) == "Cc"]
    assert "\u2028" not in written
    events = ICalendar.from_ical(written).walk("VEVENT")
    assert str(events[0]["SUMMARY"]).endswith(": Sở Y tế  Đà [31m Nẵng ")
    assert events[0].decoded("DTSTART") == dt.date.max and "DTEND" not in events[0]
    assert events[1].decoded("DTEND") == second.due + dt.timedelta(days=1)
