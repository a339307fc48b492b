"""Builds that are killed or run twice: the lock beside site/, leftovers cleaned, never no site."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from filelock import FileLock

from generator import site_folder
from tests.sitekit import SiteFolder, built_folder, signal_at_stage  # noqa: F401 (the folder fixture)

AS_OF = "2026-01-01"


def command(folder: SiteFolder, *extra: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "--config", str(folder.config_path), "build", "--as-of", AS_OF, *extra]


def files(site) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def leftovers(folder: SiteFolder) -> list[str]:
    return sorted(p.name for p in folder.root.iterdir() if p.name.startswith((".briefings-build-", ".site-old-")))


def test_a_second_build_with_no_wait_says_one_is_running_and_exits_2(folder):
    before = folder.html("index.html")
    folder.add("child-b")
    with FileLock(folder.root / site_folder.LOCK_NAME):
        done = subprocess.run(command(folder, "--no-wait"), capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    assert "another build" in done.stderr and str(folder.site) in done.stderr
    assert "Traceback" not in done.stderr
    assert folder.html("index.html") == before
    assert not (folder.site / "briefings" / "child-b").exists()


def test_a_second_build_waits_for_the_first_then_builds(folder):
    folder.add("child-b")
    lock = FileLock(folder.root / site_folder.LOCK_NAME)
    lock.acquire()
    try:
        proc = subprocess.Popen(command(folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = proc.stderr.readline()  # it says it waits before waiting
        assert "waiting for it to finish" in first, first
        time.sleep(1)
        assert proc.poll() is None, "it waits while the lock is held"
        assert not (folder.site / "briefings" / "child-b").exists()
    finally:
        lock.release()
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert (folder.site / "briefings" / "child-b" / "index.html").is_file()


def test_the_lock_of_a_killed_build_never_blocks(folder):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from filelock import FileLock; "
                               f"FileLock({str(folder.root / site_folder.LOCK_NAME)!r}).acquire(); print('held', flush=True); "
                               "time.sleep(600)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    assert (folder.root / site_folder.LOCK_NAME).exists()  # the file stays; its flock died with the process
    done = subprocess.run(command(folder, "--no-wait"), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_leftovers_of_killed_builds_are_cleaned_by_the_next_build(folder):
    for name in (".briefings-build-abc123", ".site-old-4242"):
        (folder.root / name / "assets").mkdir(parents=True)
        (folder.root / name / "index.html").write_text("stale", encoding="utf-8")
    folder.built(AS_OF)
    assert leftovers(folder) == []
    assert folder.html("index.html") != "stale"


def test_a_site_stranded_mid_swap_is_put_back_first_thing_even_if_the_build_then_fails(folder):
    good = files(folder.site)
    page = folder.html("index.html")
    folder.site.rename(folder.root / ".site-old-4242")  # killed between the swap's two renames
    folder.write("briefings/broken.md", "no front matter here\n")
    run = folder.build(AS_OF)
    assert run.code == 1 and "broken.md" in run.err
    assert files(folder.site) == good and folder.html("index.html") == page
    assert leftovers(folder) == []


def test_the_swap_without_an_atomic_exchange_renames_the_old_site_aside(folder, monkeypatch):
    monkeypatch.setattr(site_folder, "_renameat2", lambda: None)
    folder.add("child-b")
    folder.built(AS_OF)
    assert (folder.site / "briefings" / "child-b" / "index.html").is_file()
    assert leftovers(folder) == []


def test_the_swap_exchanges_the_folders_where_the_file_system_can(tmp_path):
    if site_folder._renameat2() is None:
        pytest.skip("no renameat2 here")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old", encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text("new", encoding="utf-8")
    site_folder.swap_in(tmp_path / "new", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "new" / "index.html").read_text(encoding="utf-8") == "old"  # left for the build's clean-up


# --- Killed at each stage ------------------------------------------------------------------

STAGES = ["reading and checking briefings", "rendering", "indexing", "with MkDocs", "finishing the Word files",
          "Word files:", "finishing the search index", "search index:", "checking the built site", "done:"]


def build_killed_at(args: list[str], stage: str) -> tuple[bool, str]:
    """SIGKILL a build the moment it shows ``stage``; return whether it was killed, and what it showed."""
    killed, code, shown = signal_at_stage(args, stage, lambda proc: proc.send_signal(signal.SIGKILL))
    return killed and code == -signal.SIGKILL, shown


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """A built board, and the file lists of its site before and after a second briefing."""
    folder = SiteFolder(tmp_path_factory.mktemp("killed") / "board")
    folder.add("child-a")
    old = files(folder.built(AS_OF))
    pristine = folder.root.parent / "pristine"
    shutil.copytree(folder.root, pristine)
    folder.add("child-b", themes=["neglect"])
    new = files(folder.built(AS_OF))
    return pristine, old, new


@pytest.mark.parametrize("stage", STAGES)
def test_a_build_killed_at_any_stage_leaves_a_complete_site_and_the_next_build_cleans_up(sites, stage, tmp_path):
    pristine, old, new = sites
    shutil.copytree(pristine, tmp_path / "board")
    folder = SiteFolder(tmp_path / "board")
    folder.add("child-b", themes=["neglect"])
    killed, shown = build_killed_at(command(folder), stage)
    assert killed, shown
    assert files(folder.site) in (old, new), f"killed at {stage!r}: site/ is neither the old nor the new site"
    time.sleep(0.5)  # the build's children die with it (PR_SET_PDEATHSIG): nothing writes on
    done = subprocess.run(command(folder), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert files(folder.site) == new
    time.sleep(0.5)
    assert leftovers(folder) == [], f"killed at {stage!r}"
    assert not re.search(r"Traceback", done.stderr)
