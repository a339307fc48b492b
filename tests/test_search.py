"""Site search: the Pagefind index (generator/search_index.py) and the header search box."""

from __future__ import annotations

import gzip
import json
import re
import shutil

import pytest
from playwright.sync_api import expect

from generator.engine import search_index
from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.sitekit import SiteFolder, cli

AS_OF = "2026-01-01"

#: slug -> (themes, type, board, published)
BRIEFINGS = {
    "child-a": (["neglect", "risk-assessment"], "SCR", None, "2025-06-01"),
    "child-b": (["domestic-abuse"], "CSPR", "Otherton Partnership", "2024-03-01"),
    "child-c": (["neglect", "information-sharing"], "CSPR", None, "2019-05-01"),
}


def body(slug: str, word: str) -> str:
    return f"""## Background
Background of {slug}. The family moved often and the {word} was noticed by a teacher.

## Key learning
- Reassess risk when someone new joins the household.

## What should we do?
Use the escalation procedure.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("search") / "board")
    words = {"child-a": "trampoline", "child-b": "allotment", "child-c": "caravan"}
    for slug, (themes, kind, board, published) in BRIEFINGS.items():
        review = {"type": kind, "published": published, **({"board": board} if board else {})}
        folder.add(slug, body=body(slug, words[slug]), themes=themes, review=review)
    folder.add("secret-draft", body=body("secret-draft", "Secretdraftword"), draft=True,
               title="Secretdrafttitle: not yet", themes=["neglect"])
    folder.add("secret-embargo", body=body("secret-embargo", "Secretembargoword"), themes=["neglect"],
               title="Secretembargotitle: later", review={"embargo_until": "2026-06-01"})
    folder.built(AS_OF)
    return folder


def bundle_files(folder: SiteFolder):
    return sorted(p for p in (folder.site / "pagefind").rglob("*") if p.is_file())


def fragments(folder: SiteFolder) -> list[dict]:
    found = []
    for path in sorted((folder.site / "pagefind" / "fragment").glob("*.pf_fragment")):
        found.append(json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")))
    return found


def test_pagefind_replaces_material_search(site):
    assert (site.site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site.site / "pagefind" / "pagefind.js").is_file()
    assert not (site.site / "search" / "search_index.json").exists(), "Material's whole-site index must be gone"
    for unused in search_index.UNUSED:
        assert not (site.site / "pagefind" / unused).exists(), unused
    page = site.html("briefings/child-a/index.html")
    assert 'class="md-search"' not in page
    assert re.search(r'<label[^>]*for="lb-search-input"[^>]*>Search briefings and themes</label>', page)
    assert re.search(r'<input[^>]*id="lb-search-input"[^>]*aria-keyshortcuts="/ s"', page, re.S)
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert "assets/search.js" in page and "assets/search.css" in page


def test_only_briefings_and_topic_pages_are_indexed(site):
    urls = sorted(f["url"] for f in fragments(site))
    topics = sorted(f"/themes/{p.parent.name}/" for p in (site.site / "themes").glob("*/index.html"))
    assert topics, "the themes helper's topic pages are expected"
    assert urls == sorted([f"/briefings/{slug}/" for slug in BRIEFINGS] + topics)
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(urls)


def test_nothing_unpublished_reaches_the_index(site):
    for path in bundle_files(site):
        data = path.read_bytes()
        if path.suffix.startswith(".pf_"):
            data = gzip.decompress(data)
        text = data.decode("utf-8", "replace").lower()
        for secret in ("secretdraft", "secretembargo", "secret-draft", "secret-embargo"):
            assert secret not in text, f"{secret} in {path}"


def test_briefings_carry_filters_for_theme_type_board_and_year(site):
    by_url = {f["url"]: f for f in fragments(site)}
    b = by_url["/briefings/child-b/"]["filters"]
    assert b == {"theme": ["Domestic abuse"], "type": ["Child Safeguarding Practice Review"],
                 "board": ["Otherton Partnership"], "year": ["2024"]}
    a = by_url["/briefings/child-a/"]["filters"]
    assert sorted(a["theme"]) == ["Neglect", "Risk assessment"]
    assert a["board"] == ["Testshire Safeguarding Children Partnership"] and a["year"] == ["2025"]
    assert by_url["/briefings/child-a/"]["meta"]["title"] == "Child A: learning from the review"
    # The filter index the search box offers: every value with the pages that have it.
    filters = {}
    for path in (site.site / "pagefind" / "filter").glob("*.pf_filter"):
        name, values = search_index._read(path)
        filters[name] = {value: len(pages) for value, pages in values}
    assert filters["type"] == {"Child Safeguarding Practice Review": 2, "Serious Case Review": 1}
    assert filters["year"] == {"2019": 1, "2024": 1, "2025": 1}
    assert filters["theme"]["Neglect"] == 2


def test_the_index_is_the_same_bytes_every_build(site, tmp_path):
    again = tmp_path / "again"
    run = cli("--config", site.config_path, "build", "--as-of", AS_OF, "--site-dir", again, "--quiet")
    assert run.code == 0, run.err
    first = {p.relative_to(site.site).as_posix(): p.read_bytes() for p in bundle_files(site)}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in sorted((again / "pagefind").rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    assert all(first[k] == second[k] for k in first), [k for k in first if first[k] != second[k]]


def test_filter_values_are_sorted_and_named_by_content(site):
    for path in (site.site / "pagefind" / "filter").glob("*.pf_filter"):
        name, values = search_index._read(path)
        assert [v for v, _ in values] == sorted(v for v, _ in values)


def test_index_files_read_and_written_as_pagefind_writes_them(site):
    """make_reproducible re-encodes Pagefind's files: encoding what we read must give its bytes."""
    import gzip

    written_by_pagefind = sorted((site.site / "pagefind" / "index").glob("*.pf_index"))
    assert written_by_pagefind
    for path in written_by_pagefind[:5]:
        raw = gzip.decompress(path.read_bytes())
        assert search_index.SIGNATURE + search_index._encode(search_index._read(path)) == raw


def test_a_failing_indexer_is_reported_not_swallowed(site, tmp_path, monkeypatch):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind exploded' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: broken)
    copy = tmp_path / "site"
    shutil.copytree(site.site, copy)
    with pytest.raises(search_index.SearchIndexError, match="pagefind exploded"):
        search_index.build_search_index(copy)


# --- in the browser -----------------------------------------------------------------------

def open_briefing(page, base):
    page.goto(base + "briefings/child-c/")
    page.wait_for_selector("#lb-search-input", state="visible")


@pytest.mark.browser
def test_header_search_finds_a_theme_page_and_its_briefings(site, page):
    with serve(site.site) as base:
        outside = guard_outside_requests(page)
        open_briefing(page, base)
        page.fill("#lb-search-input", "Neglect")
        page.wait_for_selector(".lb-search__result a")
        page.wait_for_function("() => document.querySelectorAll('.lb-search__result a').length >= 3")
        hrefs = [a.get_attribute("href") for a in page.query_selector_all(".lb-search__result a")]
        assert "/themes/neglect/" in hrefs
        assert {"/briefings/child-a/", "/briefings/child-c/"} <= set(hrefs)
        assert "/briefings/child-b/" not in hrefs
        assert re.match(r"\d+ results? for “Neglect”", page.inner_text("#lb-search-status"))
        page.click(".lb-search__result a[href='/themes/neglect/']")
        page.wait_for_url(base + "themes/neglect/")
        assert outside == []


@pytest.mark.browser
def test_slash_focuses_search_and_escape_closes_it(site, page):
    with serve(site.site) as base:
        open_briefing(page, base)
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "lb-search-input"
        page.keyboard.type("trampoline")
        page.wait_for_selector(".lb-search__result a[href='/briefings/child-a/']")
        assert page.inner_text("#lb-search-status") == "1 result for “trampoline”."
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "/briefings/child-a/"
        page.keyboard.press("Escape")
        assert page.is_hidden("#lb-search-panel")
        assert page.evaluate("document.activeElement.id") == "lb-search-input"
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("s")
        assert page.evaluate("document.activeElement.id") == "lb-search-input"
        assert page.input_value("#lb-search-input") == "trampoline"  # "s" focused, it did not type


@pytest.mark.browser
def test_filters_narrow_the_results(site, page):
    with serve(site.site) as base:
        outside = guard_outside_requests(page)
        open_briefing(page, base)
        page.fill("#lb-search-input", "escalation")
        page.wait_for_function("() => document.querySelectorAll('.lb-search__result a').length >= 3")
        page.click(".lb-search__filters summary")
        page.check("label:has-text('Child Safeguarding Practice Review (2)')")
        page.wait_for_function("() => document.getElementById('lb-search-status').textContent.startsWith('2 results')")
        page.check("label:has-text('2019 (1)')")
        page.wait_for_function("() => document.getElementById('lb-search-status').textContent.startsWith('1 result ')")
        hrefs = [a.get_attribute("href") for a in page.query_selector_all(".lb-search__result a")]
        assert hrefs == ["/briefings/child-c/"]
        assert "with the filters chosen" in page.inner_text("#lb-search-status")
        assert axe_violations(page) == []
        page.click(".lb-search__clear")
        page.wait_for_function("() => !document.getElementById('lb-search-status').textContent.includes('filters')")
        assert outside == []


@pytest.mark.browser
def test_no_results_says_what_to_do(site, page):
    with serve(site.site) as base:
        open_briefing(page, base)
        page.fill("#lb-search-input", "zzyzxqv")
        page.wait_for_function("() => document.getElementById('lb-search-status').textContent.startsWith('No ')")
        assert "Check the spelling" in page.inner_text("#lb-search-status")
        assert page.query_selector_all(".lb-search__result") == []


@pytest.mark.browser
def test_shortcut_leaves_an_open_presenter_alone(site, page):
    with serve(site.site) as base:
        open_briefing(page, base)
        button = page.locator("button[data-lb-present]")
        if not button.count():
            pytest.skip("the presenter view has not landed")
        button.click()
        page.locator("[role=dialog][aria-modal=true]").wait_for(state="visible")
        page.keyboard.press("s")
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") != "lb-search-input"
        assert page.evaluate("!!document.activeElement.closest('[role=dialog]')")


def test_a_failing_indexer_stops_the_build_cleanly(tmp_path, monkeypatch):
    from tests.sitekit import SiteFolder

    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a")
    folder.built()
    before = sorted(p.relative_to(folder.site) for p in folder.site.rglob("*"))
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind exploded' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: broken)
    run = folder.build()
    assert run.code == 1
    assert "pagefind exploded" in run.err and "Traceback" not in run.err
    assert sorted(p.relative_to(folder.site) for p in folder.site.rglob("*")) == before


@pytest.fixture(scope="module")
def findable(tmp_path_factory) -> SiteFolder:
    """A briefing searchable by its review's name and a discussion prompt, as well as its theme."""
    folder = SiteFolder(tmp_path_factory.mktemp("findable") / "board")
    folder.add("child-a", body=body("child-a", "trampoline"))
    folder.add("child-d", body=body("child-d", "bicycle"), themes=["professional-curiosity"],
               review={"name": "Baby Nimbus", "published": "2025-02-01"},
               discussion_prompts=["Who checked the greenhouse arrangements?"])
    folder.built(AS_OF)
    return folder


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Nimbus", "greenhouse", "Professional curiosity"],
                         ids=["review-name", "prompt", "theme"])
def test_header_search_finds_a_briefing_by_name_prompt_and_theme(findable, page, query):
    with serve(findable.site) as base:
        page.goto(base + "briefings/child-a/")
        page.wait_for_selector("#lb-search-input", state="visible")
        page.fill("#lb-search-input", query)
        page.wait_for_selector(".lb-search__result a[href='/briefings/child-d/']")


# --- what is indexed: the briefing's words, not page furniture (issue 16) ---------------------

QUOTED_BODY = """## Background
Child Q lived with grandparents. The school nurse noticed the weight loss first.

## Key learning
- Record the marmalade conversation: what a child says at breakfast matters.

## What should we do?
Use the escalation procedure.

## Further information
Read the local procedures.
"""


@pytest.fixture(scope="module")
def quoted(tmp_path_factory) -> SiteFolder:
    """A briefing whose key learning its topic page quotes, archived, with every fact filled in."""
    folder = SiteFolder(tmp_path_factory.mktemp("quoted") / "board")
    folder.add("child-q", body=QUOTED_BODY, themes=["neglect"], review={"name": "Child Q", "published": "2023-02-01"},
               recommendations=[{"text": "Audit breakfast clubs.", "agency": "Education", "due": "2024-01-31"}])
    folder.add("child-r", body=body("child-r", "kite"), themes=["neglect"], review={"published": "2024-02-01"})
    folder.built(AS_OF)
    return folder


def content_of(folder: SiteFolder, url: str) -> str:
    return next(f["content"] for f in fragments(folder) if f["url"] == url)


def test_a_briefing_indexes_its_words_not_its_labels_tools_or_contact_lines(quoted):
    words = content_of(quoted, "/briefings/child-q/")
    assert "Child Q: learning from the review" in words and "Child Q" in words
    assert "school nurse noticed the weight loss" in words and "Audit breakfast clubs." in words
    for furniture in ("Type", "Board", "Published", "Serious Case Review", "01632 960 999", "learning@testshire",
                      "Download as Word", "Present this briefing", "Send feedback", "Archived review",
                      "How to ask for the report", "Questions about this review", "Full report", "status: open",
                      "Education; due", "nothing under this heading"):
        assert furniture not in words, furniture
    assert not re.search(r"\b[1-7] (Background|Why it matters|Key learning)", words), "segment numbers are not indexed"
    # Filters inside the ignored facts are still read (data-pagefind-ignore is "index" only).
    filters = next(f["filters"] for f in fragments(quoted) if f["url"] == "/briefings/child-q/")
    assert filters["type"] == ["Serious Case Review"] and filters["year"] == ["2023"]


def test_a_topic_page_indexes_its_own_words_not_what_it_quotes(quoted):
    page = quoted.html("themes/neglect/index.html")
    assert "marmalade" in page, "the topic page does quote the learning"
    words = content_of(quoted, "/themes/neglect/")
    assert "Neglect" in words
    for quoted_text in ("marmalade", "Audit breakfast clubs", "Child Q", "Reviews with this theme", "On this page"):
        assert quoted_text not in words, quoted_text


@pytest.mark.browser
def test_a_briefing_ranks_above_the_topic_page_that_quotes_it_and_its_excerpt_is_its_text(quoted, page):
    with serve(quoted.site) as base:
        page.goto(base + "briefings/child-r/")
        page.wait_for_selector("#lb-search-input", state="visible")
        page.fill("#lb-search-input", "marmalade")
        results = page.locator(".lb-search__result")
        expect(results.first.locator("a")).to_have_attribute("href", "/briefings/child-q/")
        hrefs = results.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert "/themes/neglect/" not in hrefs[: hrefs.index("/briefings/child-q/") + 1]
        excerpt = results.first.locator(".lb-search__excerpt").inner_text()
        assert "marmalade" in excerpt
        assert not re.search(r"Review|Type|Board|960", excerpt), excerpt
        page.fill("#lb-search-input", "grandparents")
        expect(results.first.locator("a")).to_have_attribute("href", "/briefings/child-q/")
        excerpt = results.first.locator(".lb-search__excerpt").inner_text()
        assert excerpt.split()[0] not in ("Review", "Type", "Published"), excerpt
