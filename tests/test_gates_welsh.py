"""The quality gates on the Welsh pages of a bilingual site: HTML, links, privacy and WCAG 2.2 AA.

The bilingual fixture (tests/bilingualkit.py) is built once; each gate's own checker runs over
its ``cy/`` pages (and the links gate over both languages, for the links between them).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests import gatekit
from tests.bilingualkit import AS_OF, bilingual_site
from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.test_gates_html import _describe, known_reason, validate
from tests.test_gates_links import SiteLinks
from tests.test_gates_privacy import _Loads

WELSH_PAGES = ["index.html", "briefings/child-a/index.html", "briefings/child-c/index.html",
               "themes/risk-assessment/index.html", "themes/index.html", "find/index.html", "archive/index.html",
               "analysis/index.html", "recommendations/index.html", "accessibility/index.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = bilingual_site(tmp_path_factory.mktemp("welsh-gates"))
    return folder.built(AS_OF)


def test_welsh_pages_have_no_html_errors(site):
    found = validate([site / "cy"])
    errors = [{**m, "file": m.get("url", "").removeprefix("file:")} for m in found if known_reason(m) is None]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(sorted({_describe(m) for m in errors})[:40])


def test_every_link_resolves_in_both_languages(site):
    links = SiteLinks(site)
    problems = []
    for path in gatekit.html_files(site):
        rel = path.relative_to(site).as_posix()
        if rel.endswith("/404.html"):  # links from its site_url path; the root 404.html is checked
            continue
        problems += links.problems(rel)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_welsh_pages_load_nothing_from_another_host(site):
    found = []
    for path in gatekit.html_files(site / "cy"):
        parser: HTMLParser = _Loads()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: loads {u}" for u in parser.outside]
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def served(site):
    with serve(site) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("relative", WELSH_PAGES)
def test_axe_finds_no_wcag_violations_on_welsh_pages(page, served, relative):
    outside = guard_outside_requests(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served + "cy/" + relative.removesuffix("index.html"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "cy"
    violations = axe_violations(page)
    assert not violations, "\n".join(f"{v['id']}: {v['help']} at {v['nodes']}" for v in violations)
    # Material's language menu would fetch sitemap.xml beside each <link rel=alternate> (the
    # hreflang links point at the live site): mkdocs_adapter narrows its query to none of them.
    assert not outside, outside
    assert not [url for url in requested if url.endswith("sitemap.xml")], requested


@pytest.mark.browser
def test_the_scripts_speak_welsh_on_welsh_pages(page, served):
    from playwright.sync_api import expect

    page.goto(served + "cy/find/")
    expect(page.locator("#lb-finder-count")).to_contain_text("Yn dangos pob un o’r 3 briff")
    page.goto(served + "cy/briefings/child-a/")
    page.locator("button[data-lb-present]").click()
    expect(page.locator("[role=dialog]").first).to_be_visible()
    expect(page.get_by_role("button", name="Dechrau’r cloc")).to_be_visible()
    page.goto(served + "find/")
    expect(page.locator("#lb-finder-count")).to_contain_text("Showing all 3 briefings")
