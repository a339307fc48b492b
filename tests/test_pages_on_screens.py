"""What a reader sees on real screens (issue 16): the project's sample site in Chromium at a
laptop (1366x768), 200% zoom on it (683x384 CSS px) and a phone (390x844, touch).

Each test measures where things are drawn (bounding boxes against the viewport), not the markup.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browserkit import guard_outside_requests, serve
from tests.sitekit import cli

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"
LAPTOP, ZOOM200, PHONE = (1366, 768), (683, 384), (390, 844)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    out = tmp_path_factory.mktemp("screens") / "site"
    run = cli("--config", ROOT / "site_config.yml", "build", "--as-of", AS_OF, "--site-dir", out, "--quiet")
    assert run.code == 0, run.err
    with serve(out) as url:
        yield url, out


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(url: str, size: tuple[int, int], touch: bool = False):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch, is_mobile=touch)
        contexts.append(context)
        page = context.new_page()
        outside = guard_outside_requests(page)
        page.clock.set_fixed_time(datetime(2026, 11, 22, 12, 0))
        page.goto(url)
        return page, outside

    yield opener
    for context in contexts:
        context.close()


def inside(page, locator) -> bool:
    """The element is drawn wholly within the first screen (the page not scrolled)."""
    box = locator.bounding_box()
    view = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= view["height"] and box["x"] >= 0 \
        and box["x"] + box["width"] <= view["width"]


def archived_briefings(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "briefings").glob("*/index.html")
                  if "data-archive-banner hidden" not in p.read_text(encoding="utf-8")
                  and "data-archive-banner" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", [LAPTOP, ZOOM200], ids=["1366x768", "683x384"])
def test_archived_briefing_shows_its_title_and_present_button_on_the_first_screen(base, open_page, size):
    url, site = base
    slugs = archived_briefings(site)
    assert len(slugs) >= 5
    for slug in slugs:
        page, outside = open_page(f"{url}briefings/{slug}/", size)
        banner = page.locator("[data-archive-banner]")
        expect(banner).to_be_visible()
        present = page.locator("[data-lb-present]")
        expect(present).to_be_visible()
        assert inside(page, banner), slug
        assert inside(page, page.locator("h1")), slug
        assert inside(page, present), slug
        assert banner.bounding_box()["height"] <= 0.3 * size[1], slug  # compact: not a third of the screen
        assert outside == []


def test_the_banner_detail_unfolds_to_the_request_contact(base, open_page):
    url, _ = base
    page, _ = open_page(f"{url}briefings/baby-eliza/", ZOOM200)
    contact = page.locator("[data-archive-banner] a[href^='mailto:']")
    expect(contact).to_be_hidden()
    page.locator("[data-archive-banner] summary").click()
    expect(contact).to_be_visible()
    page.locator("[data-archive-banner] summary").focus()
    page.keyboard.press("Enter")
    expect(contact).to_be_hidden()
