"""The layering contract is enforced: an import against the pipeline fails lint-imports, naming
the contract. Run on a copy of the package, so the check proves itself on a real wrong import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=folder, env=env, capture_output=True, text=True)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_real_code_keeps_every_contract(tmp_path):
    run = _lint(_copy(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_an_earlier_stage_importing_a_later_one_fails_naming_the_contract(tmp_path):
    folder = _copy(tmp_path)
    site = folder / "generator" / "derive" / "site.py"
    site.write_text(site.read_text() + "\nfrom generator.render import renderer  # noqa: E402,F401\n")
    run = _lint(folder)
    assert run.returncode != 0
    assert "Pipeline stages import only earlier stages BROKEN" in run.stdout
    assert "generator.derive is not allowed to import generator.render" in run.stdout


def test_mkdocs_imported_outside_the_adapter_fails(tmp_path):
    folder = _copy(tmp_path)
    feeds = folder / "generator" / "render" / "feeds.py"
    feeds.write_text(feeds.read_text() + "\nimport mkdocs  # noqa: E402,F401\n")
    run = _lint(folder)
    assert run.returncode != 0
    assert "Only the engine adapter imports MkDocs BROKEN" in run.stdout
