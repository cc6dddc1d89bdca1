"""Every console example in README.md and docs/*.md runs, and prints exactly what the page shows.

The convention of a ```console block: `$ ` lines are commands; the lines under one are exactly what that
command line writes to its standard output, as a shell would capture it. So stderr (notes, warnings,
hints, issue tables) shows only where the line says `2>&1`: stdout and stderr together, in the order
written; `2>&1 > /dev/null` shows stderr alone. A line may be:

- `dti ARGS`, with environment prefixes (`COLUMNS=80 dti …`), shell globs (`sample_data/broken/*`) and a
  trailing `# comment`, then any of `2>&1`, `> /dev/null`, `| cat`, `| head -N`, `| tail -N`;
- `cat FILE` (a file of the repository, or one an earlier line of the block wrote);
- `echo $?`: the exit code of the line before.

The blocks that write a report are marked `slow` (the edit loop's `pytest -m "not slow"` leaves them out).
Commands run in this process (typer's CliRunner) from the repository root with COLUMNS unset, so tables
have their full width as in a pipe. A block with a command that writes a file (`-o FILE`) runs in a
temporary copy of sample_data/ and docs/, and so does a block naming a file that other tests build
(BUILT: a ministry's ranking table, a report's target appendix), with those files written beside.
Examples that cannot run here go in ```text blocks, which are not run.

A ```python block (the library's examples) runs too, in a temporary copy of sample_data/ and docs/: what
it prints is the ```text block right after it (blank lines between them only), or nothing when none
follows. The blocks that build a report are marked `slow`.

`python tests/test_docs.py --update` rewrites every block's output from what the commands print now
(read the diff before committing it).
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COPIED = ("sample_data", "docs")  # what a block that writes files finds in its temporary folder
ENV_PREFIX = re.compile(r"^[A-Z_][A-Z0-9_]*=")


def _ministry_table(folder: Path) -> None:
    from tests.test_real_files import ministry_table

    ministry_table(folder)


def _appendix(folder: Path) -> None:
    from tests.test_targets_appendix import _xlsx

    _xlsx(folder / "phu_luc_6_thang_2024.xlsx")


def _compared(folder: Path) -> None:
    from tests.test_targets_periods import _csv

    _csv(folder / "chi_tieu_cung_ky_2024.csv")


BUILT = {
    "xep_hang_dti_2021.xlsx": _ministry_table,
    "phu_luc_6_thang_2024.xlsx": _appendix,
    "chi_tieu_cung_ky_2024.csv": _compared,
}


@dataclass
class Step:
    command: str  # the text after "$ "
    expected: list[str]  # the lines the page shows under it


@dataclass
class Block:
    page: Path
    start: int  # index of the line after ```console
    end: int  # index of the closing ```
    steps: list[Step]

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.start}"

    @property
    def built(self) -> list[str]:
        return [name for name in BUILT if any(name in s.command for s in self.steps)]

    @property
    def writes(self) -> bool:
        return any(re.search(r"(^|\s)(-o|--output)\s", s.command) for s in self.steps) or bool(self.built)


def blocks(page: Path) -> list[Block]:
    """The ```console blocks of a page, each split into its `$ ` lines and what the page shows under them."""
    lines = page.read_text(encoding="utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        steps: list[Step] = []
        for line in lines[i + 1 : end]:
            if line.startswith("$ "):
                steps.append(Step(line[2:], []))
            elif steps:
                steps[-1].expected.append(line)
            else:
                raise ValueError(f"{page.name}:{i + 2}: a console block starts with a `$ ` line")
        found.append(Block(page, i + 1, end, steps))
        i = end + 1
    return found


@dataclass
class Example:
    """A ```python block of a page, and the ```text block of what it prints when one follows it."""

    page: Path
    start: int  # index of the line after ```python
    code: str
    output: tuple[int, int] | None  # the ```text block: index of its first line and of its closing ```
    expected: list[str]

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.start}"


def _fence_end(lines: list[str], start: int) -> int:
    return next(j for j in range(start, len(lines)) if lines[j].strip() == "```")


def examples(page: Path, text: str | None = None) -> list[Example]:
    """The ```python blocks of a page (or of its `text`), each with the output block after it."""
    lines = (page.read_text(encoding="utf-8") if text is None else text).split("\n")
    found: list[Example] = []
    for i, line in enumerate(lines):
        if line.strip() != "```python":
            continue
        end = _fence_end(lines, i + 1)
        after = next((j for j in range(end + 1, len(lines)) if lines[j].strip()), len(lines))
        output, expected = None, []
        if after < len(lines) and lines[after].strip() == "```text":
            output = (after + 1, _fence_end(lines, after + 1))
            expected = lines[output[0] : output[1]]
        found.append(Example(page, i + 1, "\n".join(lines[i + 1 : end]), output, expected))
    return found


def run_example(example: Example) -> list[str]:
    """What the example prints now, run in a temporary copy of the sample files."""
    printed = io.StringIO()
    with scratch(), contextlib.redirect_stdout(printed):
        exec(compile(example.code, example.name, "exec"), {"__name__": "__docs__"})
    text = printed.getvalue()
    return text.rstrip("\n").split("\n") if text else []


@contextmanager
def scratch(built: list[str] | None = None) -> Iterator[Path]:
    """A temporary copy of sample_data/ and docs/ (with the files named in `built`), as the current folder."""
    before = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="dti-docs-") as tmp:
        for folder in COPIED:
            shutil.copytree(ROOT / folder, Path(tmp) / folder)
        for name in built or []:
            BUILT[name](Path(tmp))
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(before)


@contextmanager
def place(block: Block) -> Iterator[Path]:
    """The folder a block runs in: the repository, or a temporary copy when the block writes files."""
    before = Path.cwd()
    if not block.writes:
        os.chdir(ROOT)
        try:
            yield ROOT
        finally:
            os.chdir(before)
        return
    with scratch(block.built) as tmp:
        yield tmp


class Shell:
    """Runs the few shell forms the pages use; remembers the last exit code for `echo $?`."""

    def __init__(self) -> None:
        from dti.cli import app

        self.app = app
        self.runner = CliRunner()
        self.status = 0

    def run(self, command: str) -> list[str]:
        words = shlex.split(command, comments=True)
        pipes: list[list[str]] = [[]]
        for word in words:
            if word == "|":
                pipes.append([])
            else:
                pipes[-1].append(word)
        first, filters = pipes[0], pipes[1:]
        merge = "2>&1" in first
        quiet = any(a == ">" and b == "/dev/null" for a, b in zip(first, first[1:], strict=False))
        first = [w for w in first if w not in ("2>&1", ">", "/dev/null")]
        env: dict[str, str | None] = {"COLUMNS": None}
        while first and ENV_PREFIX.match(first[0]):
            key, _, value = first.pop(0).partition("=")
            env[key] = value
        text = self.program(first, env, merge=merge, quiet=quiet)
        for name, *args in filters:
            lines = text.splitlines(keepends=True)
            if name == "cat" and not args:
                continue
            if name in ("head", "tail") and len(args) == 1 and re.fullmatch(r"-\d+", args[0]):
                count = int(args[0][1:])
                text = "".join(lines[:count] if name == "head" else lines[-count:])
                continue
            raise ValueError(f"unsupported filter in a console block: | {name} {' '.join(args)}")
        return text.rstrip("\n").split("\n") if text else []

    def program(self, words: list[str], env: dict[str, str | None], *, merge: bool, quiet: bool) -> str:
        name, args = words[0], words[1:]
        if name == "echo" and args == ["$?"]:
            return f"{self.status}\n"
        if name == "cat":
            return "".join(Path(a).read_text(encoding="utf-8") for a in args)
        if name != "dti":
            raise ValueError(f"unsupported command in a console block: {name}")
        expanded = [w for arg in args for w in (sorted(glob.glob(arg)) or [arg] if "*" in arg else [arg])]
        result = self.runner.invoke(self.app, expanded, env=env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        self.status = result.exit_code
        if merge:
            return result.stderr if quiet else result.output
        return "" if quiet else result.stdout


def run_block(block: Block) -> list[list[str]]:
    """What each `$ ` line of the block prints now."""
    shell = Shell()
    with place(block):
        return [shell.run(step.command) for step in block.steps]


ALL = [block for page in PAGES for block in blocks(page)]
SLOW = ("dti report ",)  # a report draws its charts and robustness: ~1 s a block, left to the full run


def _case(block: Block) -> object:
    slow = any(s.command.startswith(SLOW) for s in block.steps)
    return pytest.param(block, id=block.name, marks=[pytest.mark.slow] if slow else [])


@pytest.mark.parametrize("block", [_case(block) for block in ALL])
def test_console_block_prints_what_the_page_shows(block: Block) -> None:
    for step, printed in zip(block.steps, run_block(block), strict=True):
        assert printed == step.expected, f"$ {step.command}"


EXAMPLES = [example for page in PAGES for example in examples(page)]


def _example_case(example: Example) -> object:
    slow = "build_report(" in example.code  # a report draws its charts and robustness
    return pytest.param(example, id=example.name, marks=[pytest.mark.slow] if slow else [])


@pytest.mark.parametrize("example", [_example_case(example) for example in EXAMPLES])
def test_python_example_prints_what_the_page_shows(example: Example) -> None:
    assert run_example(example) == example.expected


def test_examples_and_their_output_are_found() -> None:
    page = ROOT / "x.md"
    text = "```python\nprint(1)\n```\n\n```text\n1\n```\n\n```python\nx = 2\n```\nprose\n```text\nno\n```\n"
    first, second = examples(page, text)
    assert (first.code, first.expected, first.output) == ("print(1)", ["1"], (5, 6))
    assert (second.code, second.expected, second.output) == ("x = 2", [], None)  # prose between: no output
    assert run_example(first) == ["1"] and run_example(second) == []
    pages = {example.page.name for example in EXAMPLES}
    assert {"README.md", "library.md"} <= pages and len(EXAMPLES) >= 5


def test_the_pages_have_console_blocks() -> None:
    # a parser that found nothing would pass every page
    assert len(ALL) >= 20 and all(block.steps for block in ALL)
    assert {block.page.name for block in ALL} >= {"README.md", "score.md", "validate.md"}


def test_the_readme_is_short_and_its_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("\n") <= 300
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://")):
                assert (page.parent / target).exists(), f"{page.name}: {target}"
    for command in (
        "score",
        "validate",
        "rank",
        "targets",
        "gaps",
        "calendar",
        "tasks",
        "robust",
        "report",
        "spec",
    ):
        assert f"](docs/{command}.md)" in readme, command


def test_shell_forms() -> None:
    shell = Shell()
    with place(Block(ROOT / "README.md", 0, 0, [])):
        head = shell.run("dti spec list | head -1")
        assert len(head) == 1 and shell.status == 0
        assert shell.run("dti score nope.csv") == [] and shell.run("echo $?") == ["2"]
        missing = shell.run("dti score nope.csv 2>&1 > /dev/null")  # stderr alone: one line naming the file
        assert len(missing) == 1 and missing[0].startswith("nope.csv: ")
        assert shell.run("dti spec list > /dev/null") == []


def update() -> int:
    """Rewrite each console block's output from what its commands print now; the number of pages changed."""
    changed = 0
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        for block in reversed(blocks(page)):  # from the end, so earlier line numbers stay right
            fresh: list[str] = []
            for step, printed in zip(block.steps, run_block(block), strict=True):
                fresh += [f"$ {step.command}", *printed]
            lines[block.start : block.end] = fresh
        for example in reversed(examples(page, "\n".join(lines))):
            if example.output is not None:
                lines[example.output[0] : example.output[1]] = run_example(example)
        text = "\n".join(lines)
        if text != page.read_text(encoding="utf-8"):
            page.write_text(text, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")
            changed += 1
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_docs.py --update")
    os.environ.pop("COLUMNS", None)
    sys.path.insert(0, str(ROOT))  # the builders in BUILT live in tests/
    update()
