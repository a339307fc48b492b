"""The publishing workflows `briefings init` writes: valid YAML, daily, and their steps really build.

The steps are run here as the CI runner would run them (bash, the job's environment, the secret
or file variable), with the tool already installed instead of the `pip install` step.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import __version__
from tests.sitekit import cli

BOARD = ["--board", "Testshire Safeguarding Children Partnership", "--email", "learning@testshire.example.org",
         "--phone", "01632 960 123"]
PRIVATE_NAME = "Brindlecombe"  # a place on the board's private list


@pytest.fixture
def board(tmp_path) -> Path:
    target = tmp_path / "board"
    run = cli("init", target, *BOARD)
    assert run.code == 0, run.err
    return target


def github(board: Path) -> dict:
    return yaml.safe_load((board / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))


def gitlab(board: Path) -> dict:
    return yaml.safe_load((board / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def is_daily_early_uk(cron: str) -> bool:
    """Every day, between 04:00 and 07:59 UTC (early morning in the UK in winter and in summer)."""
    minute, hour, day, month, weekday = cron.split()
    return minute.isdigit() and hour.isdigit() and 4 <= int(hour) <= 7 and (day, month, weekday) == ("*", "*", "*")


def shell(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # `briefings` as installed
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": path, **env}, timeout=300)


def is_install(command: str) -> bool:
    return command.strip().startswith("pip install")


@pytest.mark.parametrize(("path", "schema"), [(".github/workflows/publish.yml", "vendor.github-workflows"),
                                              (".gitlab-ci.yml", "vendor.gitlab-ci")])
def test_workflows_match_the_services_schemas(board, path, schema):
    """Each file is what GitHub or GitLab accepts (their published JSON schemas, bundled offline)."""
    checker = [str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", schema]
    result = subprocess.run([*checker, board / path], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = board / path
    broken.write_text(broken.read_text().replace("  artifacts:", "  artefacts:")
                      .replace("runs-on: ubuntu-latest", "runs-on: 3"), encoding="utf-8")
    assert subprocess.run([*checker, broken], capture_output=True, timeout=120).returncode != 0  # the check can fail


# GitHub Actions -------------------------------------------------------------------------------

def test_github_workflow_runs_daily_and_on_push(board):
    workflow = github(board)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert [is_daily_early_uk(s["cron"]) for s in triggers["schedule"]] == [True]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert [r for r in runs if is_install(r)] == ['pip install "learning-briefings==${BRIEFINGS_VERSION}"']
    assert workflow["env"]["BRIEFINGS_VERSION"] == __version__
    assert runs.index("briefings check") < runs.index("briefings build")
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert "actions/upload-pages-artifact" in uses
    assert [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")][0]["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def run_github_steps(board: Path, secrets: dict[str, str]) -> subprocess.CompletedProcess:
    """The build job's `run:` steps in order, in one bash as a runner would (stops at the first failure)."""
    workflow = github(board)
    env = {k: str(v) for k, v in workflow["env"].items()}
    script = []
    for step in workflow["jobs"]["build"]["steps"]:
        if "run" not in step or is_install(step["run"]):
            continue
        for key, value in step.get("env", {}).items():
            value = re.sub(r"\$\{\{\s*secrets\.(\w+)\s*\}\}", lambda m: secrets.get(m.group(1), ""), value)
            script.append(f"export {key}={shlex.quote(value)}")
        script.append(f"( {step['run']} )")
    return shell("\n".join(script), board, env)


def test_github_steps_write_the_redact_list_then_check_and_build(board):
    result = run_github_steps(board, {"REDACT_LIST": f"# private\n{PRIVATE_NAME}"})
    assert result.returncode == 0, result.stderr
    assert (board / "private" / "redact.txt").read_text().splitlines() == ["# private", PRIVATE_NAME]
    assert (board / "site" / "index.html").is_file()


def test_github_steps_check_names_from_the_secret(board):
    example = board / "briefings" / "example-briefing.md"
    example.write_text(example.read_text().replace("in a few anonymised sentences", f"in {PRIVATE_NAME}"), encoding="utf-8")
    result = run_github_steps(board, {"REDACT_LIST": PRIVATE_NAME})
    assert result.returncode == 1
    assert f"'{PRIVATE_NAME}' is on the private redact list" in result.stderr
    assert not (board / "site").exists()


def test_github_steps_refuse_to_publish_without_the_secret(board):
    result = run_github_steps(board, {})
    assert result.returncode == 1
    assert "::error::Add the REDACT_LIST repository secret" in result.stdout
    assert not (board / "site").exists()


# GitLab CI ------------------------------------------------------------------------------------

def test_gitlab_pages_job_runs_on_schedules_and_the_default_branch(board):
    ci = gitlab(board)
    pages = ci["pages"]
    conditions = [rule["if"] for rule in pages["rules"]]
    assert '$CI_PIPELINE_SOURCE == "schedule"' in conditions
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in conditions
    assert pages["artifacts"]["paths"] == ["public"]
    assert "briefings build --site-dir public" in pages["script"]
    assert ci["variables"]["BRIEFINGS_VERSION"] == __version__
    assert "briefings check" in ci["check"]["script"]
    # The schedule itself is set in GitLab's settings: the file documents it, daily in the morning.
    header = (board / ".gitlab-ci.yml").read_text()
    documented = re.search(r"Pipeline schedules > New schedule: interval \"([^\"]+)\"", header)
    assert documented and is_daily_early_uk(documented.group(1)) and "London" in header


def run_gitlab_job(board: Path, job: str, variables: dict[str, str]) -> subprocess.CompletedProcess:
    ci = gitlab(board)
    lines = [line for line in ci["default"]["before_script"] if not is_install(line)] + ci[job]["script"]
    env = {k: str(v) for k, v in ci["variables"].items() if "$" not in str(v)}
    return shell("\n".join(lines), board, {**env, **variables})


def test_gitlab_pages_job_builds_public_with_the_redact_list(board, tmp_path):
    variable = tmp_path / "REDACT_LIST"  # a File variable: GitLab passes its path
    variable.write_text(f"{PRIVATE_NAME}\n", encoding="utf-8")
    result = run_gitlab_job(board, "pages", {"REDACT_LIST": str(variable)})
    assert result.returncode == 0, result.stderr
    assert (board / "private" / "redact.txt").read_text() == f"{PRIVATE_NAME}\n"
    assert (board / "public" / "index.html").is_file()


def test_gitlab_pages_job_refuses_to_publish_without_the_redact_list(board):
    result = run_gitlab_job(board, "pages", {"REDACT_LIST": ""})
    assert result.returncode == 1
    assert "Add the REDACT_LIST CI/CD variable" in result.stdout
    assert not (board / "public").exists()


def test_gitlab_check_job_runs_without_the_protected_variable(board):
    result = run_gitlab_job(board, "check", {"REDACT_LIST": ""})
    assert result.returncode == 0, result.stderr
    assert "All briefings are valid" in result.stdout


# A council web host ---------------------------------------------------------------------------

def test_readme_documents_a_daily_upload_that_deletes_expired_files(board):
    readme = (board / "README.md").read_text()
    cron_line = next(line.strip() for line in readme.splitlines() if "rsync" in line and line.strip()[:1].isdigit())
    assert is_daily_early_uk(" ".join(cron_line.split()[:5]))
    assert "briefings build" in cron_line and "rsync -a --delete" in cron_line
    assert "sftp" in readme and "--delete" in readme
