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
import tempfile
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


def test_a_build_on_tmpfs_and_one_on_disk_are_byte_identical(tmp_path, tmp_path_factory):
    """Pagefind numbers pages in the order a folder lists its files, which differs between file
    systems (hash order on ext4, creation order on tmpfs): the search index must not."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no tmpfs beside the test folder's disk")
    source = gatekit.every_page_type(tmp_path_factory).root
    in_memory = Path(tempfile.mkdtemp(dir=shm, prefix="briefings-test-"))
    try:
        build_in_process(_copy_content(source, in_memory / "board"), in_memory / "site", seed="1")
        build_in_process(_copy_content(source, tmp_path / "board"), tmp_path / "site", seed="1")
        first, second = digests(in_memory / "site"), digests(tmp_path / "site")
    finally:
        shutil.rmtree(in_memory, ignore_errors=True)
    assert any(name.startswith("pagefind/index/") for name in first)
    differ = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not differ, f"{len(differ)} file(s) differ between tmpfs and disk: {differ[:20]}"
