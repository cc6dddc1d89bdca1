"""Click's usage errors in the user's language (a new user's finding, three sessions running: "Usage: …",
"Try … for help", "Error: No such option" in English in a Vietnamese run). Through dti's entry point, as a
user runs it (CliRunner calls the app past it)."""

from __future__ import annotations

import sys

import pytest

from dti.cli.app import main


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["dti", *args])
    with pytest.raises(SystemExit) as ended:
        main()
    return int(ended.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["score", "sample_data/2024.csv", "--foo"],
            "Lỗi: không có tùy chọn --foo (các tùy chọn gần giống: ",
        ),
        (["score"], "Lỗi: thiếu đối số 'FILE...'"),
        (["score", "sample_data/2024.csv", "--year", "3000"], "cho '--year': phải nhỏ hơn hoặc bằng 2100"),
        (["score", "sample_data/2024.csv", "--format", "xml"], "'xml' không phải một trong 'table', 'json'"),
        (["scor", "sample_data/2024.csv"], "Lỗi: không có lệnh 'scor' (có phải 'score'?)"),
        (["rank", "--by"], "Lỗi: tùy chọn '--by' cần một giá trị"),
        (["--lang", "vi", "score", "x.csv"], "Lỗi: --lang đặt sau tên lệnh, ví dụ: dti score FILE --lang en"),
        (["template", "--level", "huyen"], "Lỗi: không có tùy chọn --level\n"),  # not '(…: --help)'
    ],
)
def test_a_usage_error_is_said_in_vietnamese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    code, err = run(capsys, monkeypatch, *args)
    assert code == 2 and said in err
    assert "Usage:" not in err and "Try '" not in err and "Error:" not in err


def test_a_usage_error_is_said_in_english_with_lang_en(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = run(capsys, monkeypatch, "score", "sample_data/2024.csv", "--year", "3000", "--lang", "en")
    usage, hint = err.splitlines()[:2]  # the program's name as Python was started (here: pytest)
    assert code == 2 and usage.startswith("Usage: ") and "score [OPTIONS]" in usage
    assert hint.startswith("Try '") and hint.endswith(" score --help' for help.")
    assert "Error: Invalid value for '--year': must be at most 2100" in err


def test_a_command_keeps_its_exit_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run past Click's standalone mode, a command's typer.Exit must still end the process with its code.
    assert run(capsys, monkeypatch, "validate", "sample_data/broken")[0] == 2
    assert run(capsys, monkeypatch, "score", "sample_data/2024.csv", "--format", "csv")[0] == 0


def test_an_output_the_command_cannot_write_is_told_the_names_it_can(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: "give --format or rename the file"; giving --format then said "leave out --format" (a new
    # user's finding): a .pdf is never written by dti score, whatever --format says.
    code, err = run(capsys, monkeypatch, "score", "sample_data/2024.csv", "-o", "out.pdf", "--lang", "en")
    assert (
        code == 2
        and "this command writes table, json, csv, xlsx, not pdf: name the file for the format" in err
    )
    assert "(out.txt, out.json, out.csv, out.xlsx)" in err and "--format" not in err.split("Error:")[1]


def test_a_file_that_is_not_there_gets_no_word_on_its_year(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Không rõ năm số liệu: tính theo dti-province-2022 …" came before "nofile.csv: không có tệp …" (a new
    # user's finding): nothing was scored with the guess.
    code, err = run(capsys, monkeypatch, "score", "nofile.csv")
    assert code == 2 and err == "nofile.csv: không có tệp hoặc thư mục này\n"
