"""The build cache (.briefings-cache/): incremental builds are the same bytes as clean ones,
a damaged or deleted cache is rebuilt (never served), a killed build leaves the site as it was,
and nothing held back is ever stored."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cachekit import SECRET, cache_holds, clean_build, differences, run_sequence
from tests.sitekit import BODY, SiteFolder

CACHE = ".briefings-cache"


def test_random_edits_build_the_same_bytes_as_a_clean_build(tmp_path):
    # Every kind of edit once (body, front matter, theme title, config, template override,
    # add, delete, embargo lifting with a new --as-of), in an order fixed by the seed.
    assert run_sequence(tmp_path, seed=13, steps=8) == []


def _small_site(tmp_path: Path) -> SiteFolder:
    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a", themes=["risk-assessment", "neglect"])
    folder.add("child-b", review={"published": "2025-03-01"}, themes=["neglect"])
    folder.add("child-held", body=BODY.replace("Babies cannot", f"{SECRET} cannot"),
               review={"published": "2025-06-01", "embargo_until": "2027-01-01"})
    return folder


def _cache_files(folder: SiteFolder) -> list[Path]:
    return sorted(p for p in (folder.root / CACHE).rglob("*") if p.is_file() and p.parent.name != CACHE)


def test_the_cache_is_git_ignored_and_holds_nothing_held_back(tmp_path):
    folder = _small_site(tmp_path)
    folder.built()
    ignore = (folder.root / CACHE / ".gitignore").read_text(encoding="utf-8")
    assert "*" in ignore.splitlines()
    assert _cache_files(folder), "a build with the cache on stored nothing"
    assert cache_holds(folder, SECRET) == []
    assert cache_holds(folder, "child-held") == []


def test_no_cache_neither_reads_nor_writes_it(tmp_path):
    folder = _small_site(tmp_path)
    folder.built("2026-01-01", "--no-cache")
    assert not (folder.root / CACHE).exists()


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "delete"])
def test_a_damaged_or_deleted_cache_is_rebuilt_never_served(tmp_path, damage):
    folder = _small_site(tmp_path)
    folder.built()
    (folder.root / "briefings" / "child-a.md").write_text(
        (folder.root / "briefings" / "child-a.md").read_text(encoding="utf-8").replace("Babies", "Infants"), encoding="utf-8")
    files = _cache_files(folder)
    if damage == "delete":
        import shutil

        shutil.rmtree(folder.root / CACHE)
    for number, path in enumerate(files if damage != "delete" else []):
        data = path.read_bytes()
        if damage == "truncate":  # a half-written file (a killed build, a full disk)
            path.write_bytes(data[: len(data) // 2])
        elif damage == "flip" and data:  # one changed byte, anywhere
            i = number * 7919 % len(data)
            path.write_bytes(data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:])
        elif damage == "garbage":
            path.write_bytes(b"<p>not what was stored</p>")
    site = folder.built()
    clean = clean_build(folder, "2026-01-01", tmp_path / "clean")
    assert differences(site, clean) == []
    assert "Infants cannot speak" in (site / "briefings" / "child-a" / "index.html").read_text(encoding="utf-8")
    # and the cache it rebuilt serves the next build correctly too
    site = folder.built()
    assert differences(site, clean) == []


KILLER = """
import os, signal, sys
from generator import build
from generator.cache.store import Store
from generator.cli import main
where = sys.argv[1]
if where == "mid-layout":  # after a few pages are laid out and their cache references written
    original, seen = Store.put_name, []
    def put_name(self, kind, key, name):
        original(self, kind, key, name)
        seen.append(kind)
        if seen.count("engine") == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    Store.put_name = put_name
else:  # everything built and cached, killed just before the swap
    build.swap_in = lambda new, site_dir: os.kill(os.getpid(), signal.SIGKILL)
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("where", ["mid-layout", "before-swap"])
def test_a_killed_incremental_build_leaves_the_previous_site_and_a_usable_cache(tmp_path, where):
    folder = _small_site(tmp_path)
    for n in range(3):
        folder.add(f"child-extra-{n}", review={"published": f"2025-0{n + 1}-02"})
    site = folder.built()
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    for name in ("child-a", "child-b", "child-extra-0"):
        path = folder.root / "briefings" / f"{name}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Babies", "Newborns"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLER), where, "--config", str(folder.config_path),
                           "build", "--as-of", "2026-01-01", "--quiet"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == -9, done.stderr
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    site = folder.built()
    assert differences(site, clean_build(folder, "2026-01-01", tmp_path / "clean")) == []
    assert "Newborns cannot speak" in (site / "briefings" / "child-a" / "index.html").read_text(encoding="utf-8")


def test_a_body_edit_renders_only_the_pages_that_show_the_body(tmp_path, monkeypatch):
    """The archive and recommendations pages list briefings by their front matter, so editing
    a body takes them from the cache; the briefing's page and its themes' topic pages (which
    quote its key learning) are rendered again. A front-matter edit renders the lists too."""
    from generator.render.renderer import Renderer

    folder = _small_site(tmp_path)
    folder.add("child-b", themes=["neglect"], recommendations=[{"text": "Review the escalation policy."}])
    folder.built()
    rendered: list[str] = []
    original = Renderer.text

    def spy(self, template, **kwargs):
        rendered.append(template)
        return original(self, template, **kwargs)

    monkeypatch.setattr(Renderer, "text", spy)
    folder.add("child-b", body=BODY + "\nA sentence added to the body.\n", themes=["neglect"],
               recommendations=[{"text": "Review the escalation policy."}])
    folder.built()
    assert rendered.count("pages/briefing.html") == 1
    assert "pages/theme.html" in rendered
    assert "pages/archive.html" not in rendered and "pages/recommendations.html" not in rendered
    rendered.clear()
    folder.add("child-b", body=BODY + "\nA sentence added to the body.\n", themes=["neglect"],
               recommendations=[{"text": "Review the escalation policy by March."}])
    folder.built()
    assert "pages/recommendations.html" in rendered and "pages/archive.html" in rendered
    assert "Review the escalation policy by March." in folder.html("recommendations/index.html")


def test_a_new_as_of_date_renders_only_what_prints_the_date_or_changed_state(tmp_path, monkeypatch):
    """A scheduled daily build: same content, the next day. Pages whose templates print the
    date (archive, tracker) are rendered again; briefing pages and Word files whose state did
    not change come from the cache; one whose review was archived in between is rendered again."""
    from generator.render.renderer import Renderer

    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a", review={"published": "2025-03-01"})
    folder.add("child-b", review={"published": "2025-01-10"})  # archived once its 12 months are up
    folder.built("2026-01-08")
    rendered = []
    original = Renderer.text

    def spy(self, template, **kwargs):
        rendered.append(template)
        return original(self, template, **kwargs)

    def word_keys() -> set[str]:  # the Word files' cache entries (written by the forked child)
        return {p.name for p in (folder.root / CACHE / "refs" / "word").rglob("*") if p.is_file()}

    monkeypatch.setattr(Renderer, "text", spy)
    before = word_keys()
    folder.built("2026-01-09")
    assert "pages/archive.html" in rendered and "pages/recommendations.html" in rendered
    assert "pages/briefing.html" not in rendered and word_keys() == before
    rendered.clear()
    folder.built("2026-01-12")  # child-b's 12 months ended on 2026-01-10
    assert rendered.count("pages/briefing.html") == 1
    assert clean_build(folder, "2026-01-12", tmp_path / "clean") and differences(folder.site, tmp_path / "clean") == []


def test_the_cache_forgets_what_no_build_used_for_a_week(tmp_path):
    """A sweep, at most once a day after a build, removes references unused for 7 days and the
    blobs only they named; what the last build used stays, and the next build is still right."""
    folder = _small_site(tmp_path)
    cache = folder.root / CACHE
    folder.built("2026-01-01")
    assert (cache / "last-pruned").is_file()  # a new cache: marked, nothing swept
    folder.built("2026-01-02")  # a day's archive and tracker pages, and a site, of their own
    old = _age_references(cache, days=8)
    os.utime(cache / "last-pruned", (old, old))
    before = len(_cache_files(folder))
    folder.built("2026-01-03")
    after = _cache_files(folder)
    assert len(after) < before
    refs = [p for p in after if "refs" in p.parts]
    assert refs and all(p.stat().st_mtime > old + 86400 for p in refs), "only what this build used is left"
    # what is left still serves a build: nothing changed since, so the whole site comes from it
    run = folder.build("2026-01-03", "--no-cache", "--site-dir", str(tmp_path / "clean"))
    assert run.code == 0
    assert differences(folder.site, tmp_path / "clean") == []
    folder.add("child-a", themes=["risk-assessment", "neglect"], body=BODY + "\nA new sentence.\n")
    folder.built("2026-01-03")
    assert clean_build(folder, "2026-01-03", tmp_path / "clean2") and differences(folder.site, tmp_path / "clean2") == []


def test_a_sweep_runs_at_most_once_a_day(tmp_path):
    folder = _small_site(tmp_path)
    cache = folder.root / CACHE
    folder.built("2026-01-01")
    _age_references(cache, days=8)
    before = len(_cache_files(folder))
    folder.built("2026-01-02")  # swept less than a day ago (when the cache was made): nothing removed
    assert len(_cache_files(folder)) >= before


def _age_references(cache: Path, days: float) -> float:
    """Make every reference in the cache look last used ``days`` ago; return that time."""
    import time

    then = time.time() - days * 86400
    for path in (cache / "refs").rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))
    return then
