"""Faults outside the content: the disk full, a worker's OSError, the preview's port taken,
Ctrl+C at any moment. Each is one clear message (or a quiet exit 130), never a traceback, and
the previous site stays whole."""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import subprocess
import sys
import uuid

import pytest

from generator import build as pipeline
from tests.sitekit import SiteFolder, built_folder, cli, signal_at_stage  # noqa: F401 (the folder fixture)
from tests.test_build_folder import STAGES, files, leftovers

AS_OF = "2026-01-01"


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs a little bigger than one built site (needs root: mount), unmounted afterwards."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()

    def make(size: int):
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a small tmpfs here (not root)")
        return mount

    yield make
    subprocess.run(["umount", str(mount)], capture_output=True)


def disk_use(site) -> int:
    return sum(-(-p.stat().st_size // 4096) * 4096 + 4096 for p in site.rglob("*"))


def test_a_full_disk_names_the_site_folder_and_keeps_the_previous_site(folder, small_disk):
    disk = small_disk(int(disk_use(folder.site) * 1.4))  # room for one site, not for two
    site = disk / "site"
    first = cli("--config", folder.config_path, "build", "--as-of", AS_OF, "--site-dir", site)
    assert first.code == 0, first.err
    before = files(site)
    folder.add("child-b")
    run = cli("--config", folder.config_path, "build", "--as-of", AS_OF, "--site-dir", site)
    assert run.code == 1, run.err
    assert "No space left on device" in run.err and str(site) in run.err and "free some space" in run.err
    assert ".venv" not in run.err and "site-packages" not in run.err and "Traceback" not in run.err
    assert files(site) == before
    assert not [p for p in disk.iterdir() if p.name.startswith((".briefings-build-", ".site-old-"))]


def test_an_os_error_in_the_word_child_is_reported_like_the_builds_own(folder, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline, "_write_outputs", full)  # the forked child inherits it
    before = folder.html("index.html")
    run = folder.build(AS_OF, "--no-cache")  # the cache would reuse the whole site, Word files and all
    assert run.code == 1, run.err
    assert "No space left on device" in run.err and str(folder.site) in run.err
    assert "Traceback" not in run.err and "Process" not in run.err
    assert folder.html("index.html") == before


def test_serve_with_its_port_in_use_says_so_at_once(folder):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "generator.cli", "--config", str(folder.config_path), "serve",
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert f"port {port} is in use" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr


def interrupted_at(args: list[str], stage: str) -> tuple[int, str]:
    """Press Ctrl+C (SIGINT to the whole process group, as a terminal does) the moment a build,
    in its own session, shows ``stage``."""
    sent, code, shown = signal_at_stage(args, stage, lambda proc: os.killpg(proc.pid, signal.SIGINT), new_session=True)
    return (code if sent else None), shown


@pytest.mark.parametrize("stage", STAGES[:-1])
def test_ctrl_c_at_any_stage_exits_130_quietly_and_leaves_a_whole_site(folder, stage):
    old = files(folder.site)
    folder.add("child-b")
    args = [sys.executable, "-m", "generator.cli", "--config", str(folder.config_path), "build", "--as-of", AS_OF]
    code, shown = interrupted_at(args, stage)
    assert code == 130, shown
    assert "Traceback" not in shown and "KeyboardInterrupt" not in shown, shown
    after = files(folder.site)
    assert after == old or "briefings/child-b/index.html" in after
    assert not re.search(r"^Built ", shown, re.M) or after != old
    left = {name: sorted(str(p.relative_to(folder.root / name)) for p in (folder.root / name).rglob("*"))
            for name in leftovers(folder)}
    assert not left, (left, shown)
