"""dti in CI (issue 29), as a user sets it up: the recipes of docs/ci.md run in the example repository it
shows, the pre-commit hooks, the GitHub Action's script and --changed."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from junitparser import Failure
from typer.testing import CliRunner

from dti.cli import app

from .conftest import ROOT, SAMPLES
from .test_ci import SARIF_SCHEMA, junit_cases

runner = CliRunner()

DOC = ROOT / "docs/ci.md"
HEADER = ["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Giá trị"]


def recipe(name: str) -> str:
    """The fenced block after `<!-- recipe: NAME -->` in docs/ci.md, as the page shows it."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {name} -->\n```\w*\n(.*?)\n```", text, re.S)
    assert found, f"docs/ci.md has no recipe {name}"
    return found.group(1)


def hooks() -> dict[str, dict[str, Any]]:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def env(**more: str) -> dict[str, str]:
    """The environment of a CI step here: this checkout's dti first on the path."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **more}


def department_rows() -> list[list[str]]:
    """Ninh Thuận's (58) rows of the 2024 sample, as a department writes them."""
    with (SAMPLES / "2024.csv").open(encoding="utf-8", newline="") as f:
        return [
            [r["unit"], r["name"], r["indicator"], r["value"]] for r in csv.DictReader(f) if r["unit"] == "58"
        ]


def example_repository(root: Path) -> Path:
    """The layout of docs/ci.md: a folder per year, a file per department (each its own pillars)."""
    lines = recipe("layout").splitlines()
    top = root / lines[0].rstrip("/")
    stack = [top]
    folders: dict[Path, list[Path]] = {}
    for line in lines[1:]:
        name = line.split("── ")[-1].split("#")[0].strip()
        depth = (len(line) - len(line.split("── ")[-1])) // 4 - 1
        path = stack[depth] / name.rstrip("/")
        if name.endswith("/"):
            stack[depth + 1 :] = [path]
            path.mkdir(parents=True, exist_ok=True)
        elif path.suffix == ".csv":
            folders.setdefault(path.parent, []).append(path)
    rows = department_rows()
    pillars = sorted({r[2].split(".")[0] for r in rows})
    for files in folders.values():
        for n, path in enumerate(files):
            owned = pillars[n :: len(files)]
            with path.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows([HEADER, *(r for r in rows if r[2].split(".")[0] in owned)])
    assert len(folders) == 2 and all(len(files) == 3 for files in folders.values())
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "so-khcn@ninhthuan.gov.vn")
    git(top, "config", "user.name", "Sở KH&CN")
    return top


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def break_file(path: Path) -> list[int]:
    """A department's file with a word where a number goes and a negative value: their rows (column D)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    numeric = [n for n, r in enumerate(rows) if n and r[3].replace(",", "").replace("%", "").isdigit()]
    rows[numeric[0]][3], rows[numeric[1]][3] = "xem phụ lục", "-5"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return [numeric[0] + 1, numeric[1] + 1]  # as a spreadsheet numbers rows: the header is 1


def test_local_hooks_in_the_doc_mirror_the_hooks_file() -> None:
    published = hooks()
    assert set(published) == {"dti-validate", "dti-spec-check"}
    local = yaml.safe_load(recipe("pre-commit-local"))["repos"][0]
    assert local["repo"] == "local"
    for hook in local["hooks"]:
        for key in ("entry", "files", "language", "pass_filenames", "require_serial"):
            assert hook.get(key) == published[hook["id"]].get(key), key
    remote = yaml.safe_load(recipe("pre-commit"))["repos"][0]
    assert {h["id"] for h in remote["hooks"]} <= set(published)
    for hook in published.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert re.search(published["dti-validate"]["files"], "2025/Sở Nội vụ.XLSX")
    assert not re.search(published["dti-validate"]["files"], "2025/ghi-chu.txt")
    assert re.search(published["dti-spec-check"]["files"], "indicator_specs/dti-province-2022.yaml")
    assert not re.search(published["dti-spec-check"]["files"], ".github/workflows/dti.yml")


def test_the_hooks_entries_are_commands_dti_has() -> None:
    for hook in hooks().values():
        result = runner.invoke(app, [*hook["entry"].split()[1:], "--help"])
        assert result.exit_code == 0, hook["entry"]


def test_action_inputs_reach_the_script() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "spec", "lang", "strict", "args"}
    steps = action["runs"]["steps"]
    assert 'pip" install --quiet "$GITHUB_ACTION_PATH"' in steps[0]["run"]
    assert steps[1]["run"] == 'bash "$GITHUB_ACTION_PATH/ci/validate.sh"'
    assert steps[1]["env"] == {
        f"DTI_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in action["inputs"]
    }
    workflow = yaml.safe_load(recipe("github"))
    used = next(s for s in workflow["jobs"]["validate"]["steps"] if "ORG/dti" in s.get("uses", ""))
    assert set(used["with"]) <= set(action["inputs"])


@pytest.mark.slow
def test_pre_commit_fails_on_a_broken_file_and_passes_on_valid_ones(tmp_path: Path) -> None:
    repo = example_repository(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(recipe("pre-commit-local") + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    home = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    run = ["pre-commit", "run", "--all-files", "--color", "never"]
    command = [str(Path(sys.executable).parent / "pre-commit"), *run[1:]]
    passed = subprocess.run(command, cwd=repo, env=env(**home), capture_output=True, text=True, timeout=600)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "dti validate" in passed.stdout and "Passed" in passed.stdout
    break_file(repo / "2025/so-tai-chinh.csv")
    git(repo, "add", "-A")
    failed = subprocess.run(command, cwd=repo, env=env(**home), capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "2025/so-tai-chinh.csv" in failed.stdout
    assert "'xem phụ lục' không phải số" in failed.stdout
    assert "giá trị âm -5" in failed.stdout
    assert "2024/" not in failed.stdout  # excluded: a year's folder is one submission


@pytest.mark.slow
def test_changed_checks_only_what_a_change_touched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = example_repository(tmp_path)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Số liệu 2024 và 2025")
    monkeypatch.chdir(repo)
    nothing = runner.invoke(app, ["validate", "--changed", "--format", "junit", "-o", "r.xml"])
    assert nothing.exit_code == 0, nothing.output
    assert "Không có tệp số liệu nào" in nothing.stderr
    assert ET.parse(repo / "r.xml").getroot().get("tests") == "0"
    (repo / "r.xml").unlink()
    git(repo, "checkout", "-q", "-b", "so-tai-chinh")
    word, negative = break_file(repo / "2025/so-tai-chinh.csv")
    git(repo, "commit", "-qam", "Sở Tài chính: số liệu 2025")
    (repo / "2025/ghi-chu.txt").write_text("không phải số liệu\n", encoding="utf-8")
    (repo / "2025/so-noi-vu.csv").unlink()  # a deleted file is not checked
    new = repo / "2025/Sở Xây dựng.csv"  # untracked: a department's first file, not yet added
    new.write_text((repo / "2025/so-khoa-hoc-va-cong-nghe.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "2025/so-khoa-hoc-va-cong-nghe.csv").unlink()
    branch = runner.invoke(app, ["validate", "--changed", "main", "--format", "json"])
    assert branch.exit_code == 1, branch.output
    issues = json.loads(branch.stdout)["issues"]
    assert {(i["file"], i["code"], i["cell"]) for i in issues if i["severity"] == "error"} == {
        ("2025/so-tai-chinh.csv", "non-numeric", f"D{word}"),
        ("2025/so-tai-chinh.csv", "negative-value", f"D{negative}"),
    }
    said = "Kiểm tra 2 tệp đã thay đổi so với main: 2025/so-tai-chinh.csv, 2025/Sở Xây dựng.csv"
    assert said in branch.stderr
    uncommitted = runner.invoke(app, ["validate", "--changed", "--lang", "en"])
    assert uncommitted.exit_code == 0, (
        uncommitted.output
    )  # so-noi-vu.csv deleted, ghi-chu.txt not a submission
    assert (
        "Checking 1 file changed since the current commit (HEAD): 2025/Sở Xây dựng.csv" in uncommitted.stderr
    )
    new.unlink()
    unchanged = runner.invoke(app, ["validate", "--changed", "--lang", "en"])
    assert "No submission file" in unchanged.stderr and "the current commit (HEAD)" in unchanged.stderr
    unknown = runner.invoke(app, ["validate", "--changed", "origin/main"])
    assert unknown.exit_code == 2 and "không có nhánh, thẻ hay commit nào tên 'origin/main'" in unknown.stderr
    two = runner.invoke(app, ["validate", "--changed", "main", "2025/so-tai-chinh.csv"])
    assert two.exit_code == 2 and "nhiều nhất một REF" in two.stderr


@pytest.mark.slow
def test_changed_outside_a_repository_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = runner.invoke(app, ["validate", "--changed"])
    assert result.exit_code == 2
    assert "chỉ dùng được trong một kho git" in result.stderr and "Traceback" not in result.output


def action_step(repo: Path, tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    """The action's check step as GitHub runs it: its inputs as DTI_* variables, the runner's files."""
    summary = tmp_path / "step_summary.md"
    variables = {f"DTI_{k.upper()}": v for k, v in inputs.items()}
    github = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_ACTION_PATH": str(ROOT),
        "RUNNER_TEMP": str(tmp_path),
    }
    script = ["bash", str(ROOT / "ci/validate.sh")]
    return subprocess.run(
        script, cwd=repo, env=env(**variables, **github), capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_the_action_annotates_summarises_and_fails_on_errors(tmp_path: Path) -> None:
    repo = example_repository(tmp_path)
    given = {
        k: str(v).lower()
        for k, v in yaml.safe_load(recipe("github"))["jobs"]["validate"]["steps"][1]["with"].items()
    }
    summary = tmp_path / "step_summary.md"
    valid = action_step(repo, tmp_path, **given)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert "::error" not in valid.stdout
    assert summary.read_text(encoding="utf-8").startswith(
        "### ✅ Kiểm tra tệp số liệu DTI: hợp lệ: 3 tệp, 0 lỗi"
    )
    strict = action_step(repo, tmp_path, **(given | {"strict": "true"}))
    assert strict.returncode == 1  # the missing indicators are warnings
    assert (
        "::error file=" in strict.stdout and "::warning file=" not in strict.stdout
    )  # they fail the job: said so
    assert (
        summary.read_text(encoding="utf-8")
        .split("\n### ")[-1]
        .startswith("❌ Kiểm tra tệp số liệu DTI: không")
    )
    word, _ = break_file(repo / "2025/so-tai-chinh.csv")
    summary.unlink()
    broken = action_step(repo, tmp_path, **(given | {"lang": "en"}))
    assert broken.returncode == 1
    assert (
        f"::error file=2025/so-tai-chinh.csv,line={word}::[non-numeric] D{word}: 'xem phụ lục' is not a "
        "number" in broken.stdout
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### ❌ DTI submission check: invalid: 3 files, 2 errors")
    assert f"| 2025/so-tai-chinh.csv | {word} | D{word} | non-numeric |" in text
    none = action_step(repo, tmp_path, paths="2026/*.csv")
    assert none.returncode == 2 and "::warning::dti: no file matches '2026/*.csv'" in none.stdout
    spaced = repo / "2025 bổ sung"
    spaced.mkdir()
    (repo / "2025/so-noi-vu.csv").rename(spaced / "Sở Nội vụ.csv")
    lines = action_step(repo, tmp_path, paths="2025 bổ sung/*.csv\n  2025/so-khoa-hoc-va-cong-nghe.csv  \n")
    assert lines.returncode == 0, lines.stdout + lines.stderr


def commands(text: str, start: str = "dti ") -> list[str]:
    """The dti command lines of a recipe: YAML list items, `run:` steps and Jenkins `sh '…'` steps."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        for prefix in ("- run: ", "run: ", "- ", "sh '"):
            if line.startswith(prefix):
                line = line[len(prefix) :].rstrip("'")
                break
        if line.startswith(start):
            found.append(line)
    return found


@pytest.mark.slow
def test_the_gitlab_jenkins_sarif_and_shell_recipes_run(tmp_path: Path) -> None:
    repo = example_repository(tmp_path)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Số liệu")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    word, _ = break_file(repo / "2025/so-tai-chinh.csv")
    git(repo, "commit", "-qam", "Sở Tài chính")

    def run(line: str, **more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", line], cwd=repo, env=env(**more), capture_output=True, text=True, timeout=600
        )

    gitlab = commands(recipe("gitlab"))
    assert len(gitlab) == 1
    done = run(gitlab[0], CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    assert done.returncode == 1, done.stderr
    artifact = yaml.safe_load(recipe("gitlab"))["dti-validate"]["artifacts"]["reports"]["junit"]
    cases = junit_cases(repo / artifact)
    assert [c.name for c in cases] == ["2025/so-tai-chinh.csv"]  # only what the merge request changed
    assert len([r for r in cases[0].result if isinstance(r, Failure)]) == 2
    (repo / "dti-report.xml").unlink()

    jenkins = commands(recipe("jenkins"))
    assert (
        len(jenkins) == 1
        and "-o dti-report.xml" in jenkins[0]
        and "junit 'dti-report.xml'" in recipe("jenkins")
    )
    assert run(jenkins[0]).returncode == 1
    suite = ET.parse(repo / "dti-report.xml").getroot()
    assert suite.get("tests") == "3" and suite.get("failures") == "2"

    sarif_line = commands(recipe("github-sarif"))
    assert len(sarif_line) == 1
    assert run(sarif_line[0]).returncode == 1
    log = json.loads((repo / "dti.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    errors = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in errors} == {
        "2025/so-tai-chinh.csv"
    }

    (repo / "kiem-tra.sh").write_text(recipe("shell") + "\n", encoding="utf-8")
    broken = run("sh kiem-tra.sh 2025")
    assert broken.returncode == 1 and broken.stdout.endswith("2025: có lỗi, xem dti-2025.md\n")
    assert f"| 2025/so-tai-chinh.csv | {word} | D{word} | non-numeric |" in (repo / "dti-2025.md").read_text(
        encoding="utf-8"
    )
    valid = run("sh kiem-tra.sh 2024")
    assert valid.returncode == 0 and valid.stdout.endswith("2024: hợp lệ\n")
    missing = run("sh kiem-tra.sh 2023")
    assert missing.returncode == 2 and "2023: không đọc được tệp hoặc bộ chỉ số (mã 2)" in missing.stdout
