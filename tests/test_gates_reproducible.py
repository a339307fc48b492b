"""Gate: the same content built at the same as-of date gives byte-identical files, every one.

The builds run as separate processes with different hash seeds (so set and dict ordering
cannot leak into the output), from two copies of the content in different folders (so no
absolute path can leak in), at different wall-clock times.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import gatekit


def build_in_process(config: Path, site_dir: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    run = subprocess.run([sys.executable, "-m", "generator.cli", "--config", str(config), "build", "--as-of", gatekit.AS_OF,
                          "--site-dir", str(site_dir), "--quiet"], capture_output=True, text=True, env=env,
                         cwd=gatekit.ROOT, timeout=600)
    assert run.returncode == 0, run.stderr


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _copy_content(source: Path, target: Path) -> Path:
    """site_config.yml and the folders it reads (not site/, not private/)."""
    target.mkdir(parents=True)
    shutil.copy2(source / "site_config.yml", target / "site_config.yml")
    for name in ("briefings", "guidance", "templates", "private"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    return target / "site_config.yml"


@pytest.mark.parametrize("content", ["sample", "fixture"])
def test_two_builds_are_byte_identical(content, tmp_path, tmp_path_factory):
    source = gatekit.ROOT if content == "sample" else gatekit.every_page_type(tmp_path_factory).root
    first_config = _copy_content(source, tmp_path / "one" / "board")
    second_config = _copy_content(source, tmp_path / "two" / "elsewhere")
    build_in_process(first_config, tmp_path / "one" / "site", seed="1")
    build_in_process(second_config, tmp_path / "two" / "site", seed="2")
    first, second = digests(tmp_path / "one" / "site"), digests(tmp_path / "two" / "site")
    assert first.keys() == second.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"{len(differ)} file(s) differ between two builds: {differ[:20]}"
    assert len(first) > 20
