"""The package as a board installs it: a wheel in a fresh virtualenv, far from this repository.

Slow (it installs the dependencies, from pip's cache when it can), so marked `slow`; `make test`
still runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__

REPO = Path(__file__).resolve().parents[1]
#: What the wheel is built from; copied, so the build writes nothing into the checkout.
SOURCES = ("pyproject.toml", "README.md", "generator", "templates")

pytestmark = pytest.mark.slow


def run(args: list, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


def copy_sources(target: Path) -> None:
    target.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, target / name)


def test_wheel_installs_and_runs_anywhere(tmp_path):
    source, dist, venv, work = tmp_path / "source", tmp_path / "dist", tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    copy_sources(source)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, source], cwd=work)
    wheel = next(dist.glob("learning_briefings-*.whl"))
    assert wheel.name.startswith(f"learning_briefings-{__version__}-")
    run([sys.executable, "-m", "venv", venv], cwd=work)  # no --system-site-packages: nothing leaks in
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=work)
    briefings = venv / "bin" / "briefings"

    assert run([briefings, "--version"], cwd=work).stdout.strip() == f"briefings {__version__}"
    where = run([venv / "bin" / "python", "-c", "import generator; print(generator.__file__)"], cwd=work).stdout
    assert Path(where.strip()).is_relative_to(venv)  # the installed copy, not this checkout

    run([briefings, "init", "board", "--board", "Wheelshire Safeguarding Partnership", "--email", "a@wheelshire.example.org",
         "--phone", "01632 960 555", "--nation", "wales"], cwd=work)
    run([briefings, "check"], cwd=work / "board")
    built = run([briefings, "build"], cwd=work / "board")
    assert "1 draft(s) skipped" in built.stdout
    home = (work / "board" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Wheelshire Safeguarding Partnership" in home
    assert (work / "board" / "site" / "assets" / "briefings.css").is_file()  # packaged templates and assets
