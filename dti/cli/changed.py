"""`dti validate --changed [REF]`: the submission files a change touched, as git names them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from dti.cli import common
from dti.cli.exits import ExitCode
from dti.words import note

SUBMISSIONS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".docx")
GIT_TIMEOUT = 60  # seconds: a diff of a large repository on a slow disk, never a hung CI job


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    """git ARGS, with a missing git and a git that hangs refused with what to do (exit 2)."""
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        common.fail(note("ci.no-git"), ExitCode.USAGE)
    except subprocess.TimeoutExpired:
        common.fail(note("ci.git-timeout", seconds=GIT_TIMEOUT), ExitCode.USAGE)


def names(*args: str, ref: str = "HEAD") -> list[str]:
    """The NUL-separated names git prints; git's refusal (an unknown ref) said with what to do (exit 2)."""
    done = run(*args)
    if done.returncode != 0:
        reason = os.fsdecode(done.stderr).strip().splitlines()
        common.fail(note("ci.git-failed", ref=ref, reason=reason[-1] if reason else "?"), ExitCode.USAGE)
    return [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]


def changed_files(ref: str | None) -> list[Path]:
    """The submission files that `git diff --name-only REF...HEAD` names, with the staged, unstaged and
    untracked (not ignored) ones, relative to the working folder; deleted files left out."""
    probe = run("rev-parse", "--show-toplevel")
    if probe.returncode != 0:
        common.fail(note("ci.not-a-repository", folder=str(Path.cwd())), ExitCode.USAGE)
    top = Path(os.fsdecode(probe.stdout).strip())
    found: list[str] = []
    if ref is not None:
        if run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").returncode != 0:
            common.fail(note("ci.unknown-ref", ref=ref), ExitCode.USAGE)
        found += names("diff", "--name-only", "-z", "--diff-filter=d", f"{ref}...HEAD", ref=ref)
    if run("rev-parse", "--verify", "--quiet", "HEAD").returncode == 0:
        found += names("diff", "--name-only", "-z", "--diff-filter=d", "HEAD")
    else:  # a repository without a commit yet: everything staged is a change
        found += names("ls-files", "-z", "--full-name")
    found += names("ls-files", "-z", "--full-name", "--others", "--exclude-standard")
    paths = (top / name for name in dict.fromkeys(found))
    here = Path.cwd()
    return [
        Path(os.path.relpath(path, here))
        for path in paths
        if path.suffix.lower() in SUBMISSIONS and path.is_file()
    ]
