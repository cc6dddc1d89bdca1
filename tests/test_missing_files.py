"""A file that is not there is said in the user's words, never as Python's '[Errno 2] …' text."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dti.cli import app

runner = CliRunner()

COMMANDS = [
    ["validate", "nosuch.csv"],
    ["targets", "nosuch.csv"],
    ["tasks", "nosuch.csv"],
    ["calendar", "--owners", "nosuch.csv", "--spec", "dti-province-2022"],
    ["calendar", "--owners", "nosuch.yaml", "--spec", "dti-province-2022"],
    ["spec", "import", "nosuch.csv"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_missing_file_in_both_languages(args: list[str]) -> None:
    vi = runner.invoke(app, args)
    en = runner.invoke(app, [*args, "--lang", "en"])
    assert "không có tệp hoặc thư mục này" in vi.output, vi.output
    assert "no such file or folder" in en.output, en.output
    assert "Errno" not in vi.output + en.output
    assert vi.exit_code == en.exit_code != 0
