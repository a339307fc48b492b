"""Staleness in a real browser: a site built before a report's expiry date shows it archived
from that date in the reader's own calendar (Playwright's clock), and not before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.sitekit import BODY, SiteFolder

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
BUILT = "2020-03-01"  # "old-report" expires on 14 March 2020, after this build


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = SiteFolder(tmp_path_factory.mktemp("stale") / "board")
    folder.write("briefings/reports/old.pdf", b"%PDF-1.4 old\n")
    folder.add("old-report", review={"published": "2019-03-14", "report": "reports/old.pdf"},
               body=BODY + "\n- The [overview report](reports/old.pdf) for this review.\n")
    folder.add("child-e", review={"published": "2019-09-01", "type": "CSPR"})
    folder.built(BUILT)
    with serve(folder.site) as url:
        yield url


@pytest.fixture
def open_at(browser):
    """Open a page of the site with the reader's clock at a given London time."""
    contexts = []

    def open_page(url: str, when: datetime | None, javascript: bool = True):
        context = browser.new_context(timezone_id="Europe/London", java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        outside = guard_outside_requests(page)
        if when is not None:
            page.clock.install(time=when)
        page.goto(url)
        page.wait_for_load_state("load")
        return page, outside

    yield open_page
    for context in contexts:
        context.close()


def banner(page):
    return page.locator("[data-archive-banner]")


def state(page, slug: str) -> str:
    return page.locator(f"li[data-slug='{slug}'] .lb-archive-state").inner_text().strip()


def test_banner_hidden_the_day_before_and_shown_once_the_clock_passes_midnight(base_url, open_at):
    page, outside = open_at(base_url + "briefings/old-report/", datetime(2020, 3, 13, 23, 59, 30, tzinfo=LONDON))
    assert banner(page).count() == 1
    assert not banner(page).is_visible()
    page.clock.fast_forward("01:00")  # a page left open into 14 March
    assert banner(page).is_visible()
    assert "available on request" in banner(page).inner_text()
    assert outside == []


def test_banner_shown_on_a_page_loaded_after_the_expiry_date(base_url, open_at):
    page, _ = open_at(base_url + "briefings/old-report/", datetime(2020, 3, 14, 9, 0, tzinfo=LONDON))
    assert banner(page).is_visible()
    region = page.get_by_role("region", name="Archived review")
    assert region.count() == 1
    assert axe_violations(page) == []
    other, _ = open_at(base_url + "briefings/child-e/", datetime(2020, 3, 14, 9, 0, tzinfo=LONDON))
    assert not banner(other).is_visible()


def test_archive_state_text_changes_on_the_expiry_date(base_url, open_at):
    before, _ = open_at(base_url + "archive/", datetime(2020, 3, 13, 12, 0, tzinfo=LONDON))
    assert state(before, "old-report") == "Report on this website until 14 March 2020"
    assert state(before, "child-e") == "To be archived on 1 September 2020"
    after, outside = open_at(base_url + "archive/", datetime(2020, 3, 14, 0, 0, 5, tzinfo=LONDON))
    assert state(after, "old-report") == "Archived on 14 March 2020 — report available on request"
    assert state(after, "child-e") == "To be archived on 1 September 2020"
    assert axe_violations(after) == []
    assert outside == []


def test_without_javascript_the_build_time_state_shows(base_url, open_at):
    page, _ = open_at(base_url + "briefings/old-report/", None, javascript=False)
    assert not banner(page).is_visible()
    archive, _ = open_at(base_url + "archive/", None, javascript=False)
    assert state(archive, "old-report") == "Report on this website until 14 March 2020"
    cspr = archive.get_by_role("link", name="Child Safeguarding Practice Review")
    cspr.click()
    archive.wait_for_url("**/archive/cspr/")
    assert archive.locator("li[data-slug]").evaluate_all("els => els.map(e => e.dataset.slug)") == ["child-e"]


def report_links(page) -> list[tuple[str, str]]:
    """(href, text after the link) of every link to the report, or to the request contact."""
    return page.locator("a[href$='old.pdf'], a[href^='mailto:'][href*='Report%20request']").evaluate_all(
        "els => els.filter(a => !a.closest('[data-archive-banner]'))"  # the banner's own request link
        ".map(a => [a.getAttribute('href'), (a.nextSibling && a.nextSibling.textContent || '').trim()])")


def test_report_links_become_the_request_contact_on_the_expiry_date(base_url, open_at):
    before, _ = open_at(base_url + "briefings/old-report/", datetime(2020, 3, 13, 23, 59, 30, tzinfo=LONDON))
    links = report_links(before)
    assert len(links) == 3  # the Report fact, the body link and "Full report"
    assert all(href.endswith("files/reports/old.pdf") for href, _ in links)
    before.clock.fast_forward("01:00")  # the page is left open into 14 March
    request = "mailto:learning@testshire.example.org?subject=Report%20request%3A%20Old%20Report"
    after = report_links(before)
    assert [href for href, _ in after] == [request] * 3
    assert all(text.startswith("(available on request)") for _, text in after)
    assert before.locator("a[href$='.pdf']").count() == 0
    assert axe_violations(before) == []


def test_a_review_moves_from_the_current_view_to_the_archived_view_on_its_date(base_url, open_at):
    def shown(page) -> list[str]:
        return page.locator("li[data-slug]:visible").evaluate_all("els => els.map(e => e.dataset.slug)")

    before, _ = open_at(base_url + "archive/current/", datetime(2020, 3, 13, 12, 0, tzinfo=LONDON))
    assert shown(before) == ["child-e", "old-report"]
    after, _ = open_at(base_url + "archive/current/", datetime(2020, 3, 14, 9, 0, tzinfo=LONDON))
    expect(after.locator("li[data-slug='old-report']")).to_be_hidden()
    assert shown(after) == ["child-e"]
    archived, _ = open_at(base_url + "archive/archived/", datetime(2020, 3, 14, 9, 0, tzinfo=LONDON))
    expect(archived.locator("li[data-slug='old-report']")).to_be_visible()
    assert shown(archived) == ["old-report"]
    expect(archived.locator("[data-archive-empty]")).to_be_hidden()
    assert archived.locator("section.lb-archive-year:visible h2").all_inner_texts() == ["2019"]
    nojs, _ = open_at(base_url + "archive/archived/", None, javascript=False)
    assert shown(nojs) == []
    assert nojs.get_by_text("No review was archived on 1 March 2020, when this page was made.").is_visible()
