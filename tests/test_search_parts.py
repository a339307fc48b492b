"""The search index in parts (generator/engine/search_index.py): a large collection is indexed
by Pagefind in parts of at most PART_SIZE pages, one after another, and the browser merges them.

PART_SIZE is lowered here so that a handful of briefings makes several parts."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat

import pytest

from generator.engine import search_index
from tests.browserkit import guard_outside_requests, serve
from tests.sitekit import SiteFolder

AS_OF = "2026-01-01"
SLUGS = [f"child-{letter}" for letter in "abcdefgh"]


def body(slug: str) -> str:
    return f"""## Background
Background of {slug}. The word marker{slug[-1]} is only in this briefing; the teacher noticed.

## Key learning
- Reassess risk when someone new joins the household.

## What should we do?
Use the escalation procedure.
"""


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """PART_SIZE 3, and Pagefind wrapped so each run leaves its --site folder in a log."""
    monkeypatch.setattr(search_index, "PART_SIZE", 3)
    real = search_index.pagefind_binary()
    log = tmp_path / "pagefind-runs.log"
    wrapper = tmp_path / "pagefind-wrapper"
    wrapper.write_text(f'#!/bin/sh\necho "$2" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: wrapper)
    folder = SiteFolder(tmp_path / "board")
    for slug in SLUGS:
        folder.add(slug, body=body(slug), themes=["neglect"] if slug < "child-e" else ["domestic-abuse"])
    folder.add("secret-draft", body=body("secret-draft") + "\nSecretdraftword.\n", draft=True)
    return folder, log


def parts_of(site) -> list:
    listed = json.loads((site / "pagefind" / search_index.PARTS_FILE).read_text(encoding="utf-8"))["parts"]
    return [site / "pagefind"] + [site / "pagefind" / p for p in listed]


def urls(bundle) -> list[str]:
    return sorted(json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
                  for p in (bundle / "fragment").glob("*.pf_fragment"))


def test_a_collection_is_indexed_in_parts_each_page_once(counted):
    folder, log = counted
    site = folder.built(AS_OF)
    bundles = parts_of(site)
    indexed = [u for b in bundles for u in urls(b)]
    topics = [f"/themes/{p.parent.name}/" for p in (site / "themes").glob("*/index.html")]
    assert sorted(indexed) == sorted([f"/briefings/{s}/" for s in SLUGS] + topics), "each page in one part"
    assert len(bundles) == -(-len(indexed) // 3) >= 3
    for bundle in bundles:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == len(urls(bundle)) > 0
        assert (bundle / "pagefind.js").is_file()
    assert len(log.read_text().splitlines()) == len(bundles), "one Pagefind run a part"
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Secretdraftword" not in (gzip.decompress(data) if path.suffix.startswith(".pf_") else data)


def test_an_edit_reindexes_only_its_own_part_and_gives_the_clean_build_bytes(counted, tmp_path):
    folder, log = counted
    folder.built(AS_OF)
    log.write_text("")
    edited = folder.add("child-c", body=body("child-c") + "\nA new sentence about the allotment.\n", themes=["neglect"])
    site = folder.built(AS_OF)
    assert len(log.read_text().splitlines()) == 1, log.read_text()
    assert any("/briefings/child-c/" in urls(b) for b in parts_of(site))
    clean = tmp_path / "clean"
    run = folder.build(AS_OF, "--no-cache", "--site-dir", str(clean))
    assert run.code == 0, run.err

    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    mine, theirs = files(site / "pagefind"), files(clean / "pagefind")
    assert mine.keys() == theirs.keys()
    assert [k for k in mine if mine[k] != theirs[k]] == []
    assert edited.exists()


def test_a_failing_part_stops_the_build_and_leaves_the_site(counted, tmp_path, monkeypatch):
    folder, _ = counted
    folder.built(AS_OF)
    before = sorted(p.relative_to(folder.site) for p in folder.site.rglob("*"))
    broken = tmp_path / "broken-pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind exploded' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: broken)
    folder.add("child-i", body=body("child-i"))
    run = folder.build(AS_OF)
    assert run.code == 1
    assert "pagefind exploded" in run.err and "Traceback" not in run.err
    assert sorted(p.relative_to(folder.site) for p in folder.site.rglob("*")) == before
    assert not [p for p in folder.root.parent.iterdir() if p.name.startswith(".briefings-build")]
    assert os.listdir(folder.root.parent)


@pytest.mark.browser
def test_the_browser_searches_every_part(counted, page):
    folder, _ = counted
    site = folder.built(AS_OF)
    assert len(parts_of(site)) >= 3
    with serve(site) as base:
        outside = guard_outside_requests(page)
        page.goto(base + "briefings/child-a/")
        page.wait_for_selector("#lb-search-input", state="visible")
        page.fill("#lb-search-input", "escalation")
        page.wait_for_function(f"() => document.querySelectorAll('.lb-search__result a').length >= {len(SLUGS)}")
        hrefs = {a.get_attribute("href") for a in page.query_selector_all(".lb-search__result a")}
        assert {f"/briefings/{s}/" for s in SLUGS} <= hrefs
        assert re.match(rf"{len(SLUGS)} results for “escalation”", page.inner_text("#lb-search-status"))
        # one word found in one part only
        page.fill("#lb-search-input", "markerg")
        page.wait_for_selector(".lb-search__result a[href='/briefings/child-g/']")
        assert page.inner_text("#lb-search-status") == "1 result for “markerg”."
        # the filters add up over the parts, and narrow the results of every part
        page.fill("#lb-search-input", "escalation")
        page.wait_for_function(f"() => document.querySelectorAll('.lb-search__result a').length >= {len(SLUGS)}")
        page.click(".lb-search__filters summary")
        page.check("label:has-text('Domestic abuse (4)')")
        page.wait_for_function("() => document.getElementById('lb-search-status').textContent.startsWith('4 results')")
        hrefs = {a.get_attribute("href") for a in page.query_selector_all(".lb-search__result a")}
        assert hrefs == {f"/briefings/{s}/" for s in SLUGS[4:]}
        assert "Neglect (4)" in page.inner_text("[data-lb-filters]")
        assert outside == []


def test_a_page_a_site_template_marks_for_search_is_indexed_too(tmp_path):
    """Pagefind starts on the topic pages and briefings before the other pages are rendered; a
    board's own template that marks another page (here the home page) still gets it indexed."""
    from generator.render.renderer import PACKAGE_TEMPLATES

    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a", body=body("child-a"))
    home = (PACKAGE_TEMPLATES / "pages" / "home.html").read_text(encoding="utf-8")
    folder.write("templates/pages/home.html", f"<div data-pagefind-body>\n<p>Welcome wordhomeonly.</p>\n{home}</div>\n")
    site = folder.built(AS_OF)
    found = [u for b in parts_of(site) for u in urls(b)]
    assert "/" in found and "/briefings/child-a/" in found
    assert len(found) == len(set(found))
