"""Review types are shown by their display names (site_config.yml ``review_types``) on every
page that lists reviews, never by their keys such as ``rapid-review`` or ``thematic``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browserkit import serve
from tests.sitekit import SiteFolder, text

KEYS = {"rapid-review": "Rapid review", "thematic": "Thematic review", "CSPR": "Child Safeguarding Practice Review"}
PAGES = ["index.html", "archive/index.html", "themes/risk-assessment/index.html",
         "recommendations/index.html", "briefings/child-r/index.html", "briefings/child-t/index.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("types") / "board")
    folder.add("child-r", review={"type": "rapid-review", "published": "2025-01-10"})
    folder.add("child-t", review={"type": "thematic", "published": "2024-05-02"})
    folder.add("child-c", review={"type": "CSPR", "published": "2023-03-03"})
    folder.built("2026-01-01")
    return folder


def visible_text(html: str) -> str:
    import lxml.html

    tree = lxml.html.fromstring(html)
    for hidden in tree.xpath("//script | //style | //head"):
        hidden.drop_tree()
    return text(tree)


@pytest.mark.parametrize("relative", PAGES)
def test_pages_show_type_names_not_keys(site, relative):
    words = visible_text(site.html(relative))
    for key in KEYS:
        assert not re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", words), (relative, key)
    shown = [name for name in KEYS.values() if name in words]
    assert shown, relative


def test_home_and_archive_name_every_type(site):
    for relative in ("index.html", "archive/index.html"):
        words = visible_text(site.html(relative))
        assert all(name in words for name in KEYS.values()), relative


@pytest.mark.browser
def test_finder_results_show_type_names(site, page):
    with serve(site.site) as base:
        page.goto(base + "find/")
        results = page.locator("#lb-results li")
        expect(results).to_have_count(3)
        metas = page.locator(".lb-result__meta").all_inner_texts()
        assert sorted(m.split(" · ")[1] for m in metas) == sorted(KEYS.values())
        assert not any(key in m for m in metas for key in ("rapid-review", "thematic"))
