"""The finder (find/): its page without JavaScript, and driven in Chromium with it."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from playwright.sync_api import expect

from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.sitekit import SiteFolder

AS_OF = "2026-01-01"
OTHER_BOARD = "Otherton Safeguarding Partnership"

#: slug -> (themes, type, published, board, agencies, title); newest first.
BRIEFINGS = {
    "child-a": (["risk-assessment", "neglect"], "SCR", "2025-06-01", None, ["Police"], "Child A: caring for a parent who drinks"),
    "child-b": (["risk-assessment", "neglect", "domestic-abuse"], "CSPR", "2024-03-01", OTHER_BOARD, ["Health visiting"],
                "Child B: a house move"),
    "child-c": (["risk-assessment", "neglect"], "CSPR", "2023-05-01", None, ["Police", "Schools"], "Child C: missed school"),
    "child-d": (["neglect"], "SCR", "2022-02-01", None, ["Schools"], "Child D: hunger at school"),
    "child-e": (["risk-assessment", "information-sharing"], "SCR", "2021-09-01", OTHER_BOARD, ["Police"],
                "Child E: a referral that said too little"),
    "child-f": (["risk-assessment", "neglect", "information-sharing"], "SCR", "2020-01-15", None, ["GP practices"],
                "Child F: the GP was not told"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("finder") / "board")
    for slug, (theme_list, review_type, published, board, agencies, title) in BRIEFINGS.items():
        folder.add(slug, themes=theme_list, agencies=agencies, title=title,
                   review={"type": review_type, "published": published, "board": board})
    folder.add("draft-g", themes=["lived-experience"], draft=True, title="Secretdraft")
    folder.built(AS_OF)
    return folder


@pytest.fixture(scope="module")
def base(site):
    with serve(site.site) as url:
        yield url


def expected(themes=(), review_type=None, board=None, agency=None, year_from=None, year_to=None) -> list[str]:
    found = []
    for slug, (theme_list, t, published, b, agencies, _) in BRIEFINGS.items():
        year = int(published[:4])
        if (set(themes) <= set(theme_list) and (review_type is None or t == review_type)
                and (board is None or (b or "Testshire Safeguarding Children Partnership") == board)
                and (agency is None or agency in agencies)
                and (year_from is None or year >= year_from) and (year_to is None or year <= year_to)):
            found.append(slug)
    return found


def results(page) -> list[str]:
    return page.locator("#lb-results > li").evaluate_all("items => items.map(li => li.dataset.slug)")


def wait_for_results(page, slugs: list[str]) -> None:
    page.wait_for_function(
        "want => JSON.stringify([...document.querySelectorAll('#lb-results > li')].map(li => li.dataset.slug)) === want",
        arg=json.dumps(slugs, separators=(",", ":")),
    )


def query(page) -> dict[str, list[str]]:
    """The filters in the address bar, once the finder has recorded them: it does so after the
    results are painted (a frame, then a task), so wait one frame and one task the same way."""
    search = page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(location.search), 0)))")
    return parse_qs(urlsplit(search).query)


def test_page_without_javascript_links_every_topic_page_and_the_archive(site):
    page = lxml.html.fromstring(site.html("find/index.html"))
    finder = page.get_element_by_id("lb-finder")
    # The form is on the page from the start (nothing moves when finder.js arrives); without
    # JavaScript finder.css hides it and a <noscript> note says why.
    assert finder.get("hidden") is None
    assert "The filters need JavaScript" in page.cssselect("noscript")[-1].text_content()
    links = {a.get("href") for a in page.cssselect(".lb-browse a")}
    themes = {f"../themes/{t}/" for meta in BRIEFINGS.values() for t in meta[0]}
    assert themes <= links and "../archive/" in links
    assert "../themes/lived-experience/" not in links  # only the draft uses it
    assert finder.get("data-src") == "../data/briefings.json"
    assert page.cssselect('script[src="../assets/finder.js"]')
    assert (site.site / "assets" / "finder.js").is_file()
    nav = [" ".join(a.text_content().split()) for a in page.cssselect(".md-tabs a")]
    assert "Find" in nav


def test_facets_offer_only_what_published_briefings_use(site):
    page = lxml.html.fromstring(site.html("find/index.html"))
    themes = [i.get("value") for i in page.cssselect('input[name="theme"]')]
    assert sorted(themes) == ["domestic-abuse", "information-sharing", "neglect", "risk-assessment"]
    options = {name: [o.get("value") for o in page.cssselect(f'select[name="{name}"] option') if o.get("value")]
               for name in ("type", "board", "agency", "from", "to")}
    assert options["type"] == ["CSPR", "SCR"]  # by display name: Child Safeguarding..., Serious Case...
    assert options["board"] == [OTHER_BOARD, "Testshire Safeguarding Children Partnership"]
    assert options["agency"] == ["GP practices", "Health visiting", "Police", "Schools"]
    assert options["from"] == options["to"] == [str(y) for y in range(2020, 2026)]


def test_data_file_has_every_published_briefing(site):
    data = site.json("data/briefings.json")
    assert [b["slug"] for b in data] == list(BRIEFINGS)


@pytest.mark.browser
def test_finder_filters_and_keeps_filters_in_the_url(site, base, page):
    outside = guard_outside_requests(page)
    page.goto(base + "find/")
    count = page.locator("#lb-finder-count")
    assert count.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.querySelector('#lb-finder-count').textContent.startsWith('Showing all 6')")
    assert results(page) == list(BRIEFINGS)
    assert page.locator(".lb-finder-nojs").is_hidden()

    page.get_by_label("Risk assessment").check()
    page.get_by_label("Information sharing").check()
    page.get_by_label("Type of review").select_option("SCR")
    want = expected(["risk-assessment", "information-sharing"], "SCR")
    assert want == ["child-e", "child-f"]
    wait_for_results(page, want)
    assert count.text_content() == "2 of 6 briefings match these filters."
    q = query(page)
    assert sorted(q["theme"]) == ["information-sharing", "risk-assessment"] and q["type"] == ["SCR"]
    assert set(q) == {"theme", "type"}
    link = page.locator("#lb-results > li a").first
    assert link.get_attribute("href") == "../briefings/child-e/"

    # The URL alone brings back the same view.
    page.reload()
    wait_for_results(page, want)
    assert page.get_by_label("Risk assessment").is_checked() and page.get_by_label("Information sharing").is_checked()
    assert page.get_by_label("Type of review").input_value() == "SCR"

    # Back undoes one choice at a time.
    page.go_back()
    wait_for_results(page, expected(["risk-assessment", "information-sharing"]))
    assert "type" not in query(page) and page.get_by_label("Type of review").input_value() == ""
    page.go_back()
    wait_for_results(page, expected(["risk-assessment"]))
    assert query(page) == {"theme": ["risk-assessment"]}
    assert not page.get_by_label("Information sharing").is_checked()
    page.go_forward()
    wait_for_results(page, expected(["risk-assessment", "information-sharing"]))
    assert outside == []


@pytest.mark.browser
def test_board_agency_years_and_text(base, page):
    page.goto(base + f"find/?board={OTHER_BOARD.replace(' ', '+')}")
    wait_for_results(page, expected(board=OTHER_BOARD))
    page.get_by_label("Board").select_option("")
    page.get_by_label("Agency").select_option("Police")
    wait_for_results(page, expected(agency="Police"))
    page.get_by_label("Agency").select_option("")
    page.get_by_label("From", exact=True).select_option("2021")
    page.get_by_label("To", exact=True).select_option("2023")
    wait_for_results(page, expected(year_from=2021, year_to=2023))
    assert query(page) == {"from": ["2021"], "to": ["2023"]}
    page.get_by_role("button", name="Clear filters").click()
    wait_for_results(page, list(BRIEFINGS))
    assert query(page) == {}
    # Free text: every word must occur in the title, review name or summary, in any case.
    page.get_by_label("Search titles, names and summaries").fill("SCHOOL child")
    wait_for_results(page, ["child-c", "child-d"])
    assert query(page) == {"q": ["SCHOOL child"]}
    page.get_by_label("Search titles, names and summaries").fill("no such words")
    wait_for_results(page, [])
    assert page.locator("#lb-finder-count").text_content().startswith("No briefings match")


@pytest.mark.browser
def test_unknown_values_in_the_url_are_ignored(base, page):
    page.goto(base + "find/?theme=no-such-theme&theme=neglect&type=NOPE")
    wait_for_results(page, expected(["neglect"]))
    assert query(page) == {"theme": ["neglect"]}


@pytest.mark.browser
def test_long_result_lists_are_drawn_fifty_at_a_time(base, page):
    records = [{"slug": f"b-{i:04d}", "url": f"briefings/b-{i:04d}/", "title": f"Review {i}", "summary": "Summary.",
                "review": {"name": f"Child {i}", "type": "SCR", "type_name": "Serious Case Review",
                           "board": "Board", "published": "2020-01-01"},
                "year": 2020, "themes": ["neglect"], "agencies": [], "archived": False, "expires": "2021-01-01"}
               for i in range(3000)]
    page.route("**/data/briefings.json", lambda route: route.fulfill(json=records))
    page.goto(base + "find/?theme=neglect")
    page.wait_for_function("() => document.querySelectorAll('#lb-results > li').length === 50")
    assert "3000 of 3000 briefings match" in page.locator("#lb-finder-count").text_content()
    more = page.get_by_role("button", name=re.compile("Show 50 more results"))
    more.click()
    # expect() retries until the page settles: a bare count() straight after the click raced
    # the renderer once in CI on a loaded machine.
    expect(page.locator("#lb-results > li")).to_have_count(100)
    # Focus moves to the first newly shown result, so keyboard users carry on from there.
    expect(page.get_by_role("link", name="Review 50", exact=True)).to_be_focused()


@pytest.mark.browser
def test_no_accessibility_violations_on_finder_and_topic_page(base, page):
    page.goto(base + "find/?theme=neglect")
    wait_for_results(page, expected(["neglect"]))
    assert axe_violations(page) == []
    page.goto(base + "themes/neglect/")
    assert axe_violations(page) == []
    page.goto(base + "themes/")
    assert axe_violations(page) == []


@pytest.mark.browser
def test_header_search_finds_topic_page_by_theme_name(site, base, page):
    """Pagefind, when it has replaced Material's search (test_themes.py reads either index's files)."""
    if not (site.site / "pagefind" / "pagefind.js").exists():
        pytest.skip("Pagefind is not in use; test_themes.py checks Material's search index")
    page.goto(base)
    urls = page.evaluate("""async term => {
        const pagefind = await import('./pagefind/pagefind.js');
        const search = await pagefind.search(term);
        return Promise.all(search.results.map(r => r.data().then(d => d.url)));
    }""", "Neglect")
    assert {"/themes/neglect/", *(f"/briefings/{s}/" for s in expected(["neglect"]))} <= set(urls)


# --- real screens: a phone (390x844, touch) and a laptop (1366x768) ---
# Ticking a theme shows its effect where the reader is looking; each option's count follows the
# other filters and options that would give nothing are marked; the checkboxes sit on their
# labels; without JavaScript the page says why and what to use instead, and with it the no-JS
# note never shows and nothing moves when the script takes over.

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}}


def in_view(locator) -> bool:
    return locator.evaluate("e => { const r = e.getBoundingClientRect();"
                            " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }")


def theme_count(page, title: str) -> str:
    return page.locator("ul.lb-checkboxes li", has=page.get_by_label(title, exact=False)).locator(".lb-count").inner_text()


@pytest.mark.browser
def test_on_a_phone_the_match_count_and_a_way_to_the_results_stay_in_view(browser, base):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "find/")
    wait_for_results(page, list(BRIEFINGS))
    box = page.get_by_label("Information sharing")
    box.scroll_into_view_if_needed()
    box.check()
    want = expected(["information-sharing"])
    wait_for_results(page, want)
    summary = page.locator("#lb-finder-summary")
    expect(summary).to_contain_text(f"{len(want)} briefings match")
    assert in_view(summary) and in_view(box)
    # The results themselves start far below: the summary's link goes there.
    assert not in_view(page.locator("#lb-results > li").first)
    summary.get_by_role("link", name="Show the results").click()
    expect(page.locator("#lb-results > li").first).to_be_in_viewport()
    # Two themes that together match nothing say so at once, where the reader is.
    page.goto(base + "find/?theme=domestic-abuse")
    wait_for_results(page, expected(["domestic-abuse"]))
    other = page.get_by_label("Information sharing")
    other.scroll_into_view_if_needed()
    other.check()
    wait_for_results(page, [])
    expect(summary).to_contain_text("No briefings match")
    assert in_view(summary)
    context.close()


@pytest.mark.browser
def test_option_counts_follow_the_filters_and_empty_options_are_marked(page, base):
    page.goto(base + "find/")
    wait_for_results(page, list(BRIEFINGS))
    assert theme_count(page, "Domestic abuse") == "(1)"
    page.get_by_label("Type of review").select_option("SCR")
    wait_for_results(page, expected(review_type="SCR"))
    # child-b, the only domestic-abuse briefing, is a CSPR: with SCR chosen it would give none.
    assert theme_count(page, "Domestic abuse") == "(0)"
    item = page.locator("ul.lb-checkboxes li", has=page.get_by_label("Domestic abuse"))
    expect(item).to_have_class("lb-option--none")
    assert theme_count(page, "Neglect") == f"({len(expected(['neglect'], 'SCR'))})"
    # A select counts the briefings each of its options would give with the other filters kept.
    options = page.locator("#lb-type option").evaluate_all("os => os.map(o => o.textContent)")
    assert options[1:] == [f"Child Safeguarding Practice Review ({len(expected(review_type='CSPR'))})",
                           f"Serious Case Review ({len(expected(review_type='SCR'))})"]
    page.get_by_label("Information sharing").check()
    wait_for_results(page, expected(["information-sharing"], "SCR"))
    agencies = page.locator("#lb-agency option").evaluate_all(
        "os => Object.fromEntries(os.slice(1).map(o => [o.value, o.textContent]))")
    for agency, text in agencies.items():
        assert text.endswith(f"({len(expected(['information-sharing'], 'SCR', agency=agency))})"), (agency, text)
    page.get_by_role("button", name="Clear filters").click()
    wait_for_results(page, list(BRIEFINGS))
    assert theme_count(page, "Domestic abuse") == "(1)"
    expect(item).not_to_have_class("lb-option--none")


@pytest.mark.browser
@pytest.mark.parametrize("view", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_each_checkbox_sits_on_its_label(browser, base, view):
    context = browser.new_context(**view)
    page = context.new_page()
    page.goto(base + "find/")
    offsets = page.locator("ul.lb-checkboxes > li").evaluate_all("""items => items.map(li => {
        const box = li.querySelector('input').getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(li.querySelector('label'));
        const line = range.getClientRects()[0];
        return Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2);
    })""")
    assert offsets and max(offsets) <= 3, offsets
    context.close()


@pytest.mark.browser
def test_without_javascript_a_shared_link_says_why_and_offers_topic_pages(browser, base):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(base + "find/?theme=neglect")
    note = page.locator(".lb-finder-nojs")
    expect(note).to_be_visible()
    expect(note).to_contain_text("The filters need JavaScript")
    expect(page.locator("#lb-finder")).to_be_hidden()  # no form that cannot work
    expect(page.get_by_role("link", name="Neglect", exact=True)).to_have_attribute("href", "../themes/neglect/")
    note.get_by_role("link", name="Browse by theme").click()
    expect(page.locator("#lb-browse-title")).to_be_in_viewport()
    # The header has no search box without JavaScript: it links the finder's browse list instead.
    fallback = page.locator(".md-header").get_by_role("link", name="Browse briefings by theme")
    expect(fallback).to_be_visible()
    assert fallback.get_attribute("href") == "./"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("view", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_no_js_note_never_shows_and_nothing_moves_while_the_script_loads(browser, base, view):
    context = browser.new_context(**view)
    page = context.new_page()
    held = []
    page.route("**/assets/finder.js", lambda route: held.append(route))  # the script is slow to come
    with page.expect_request("**/assets/finder.js"):
        page.goto(base + "find/?theme=neglect", wait_until="commit")
    page.evaluate("""() => { window.lbShift = 0;
        new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.lbShift += e.value; }))
          .observe({type: 'layout-shift', buffered: true}); }""")
    # The form is there before its script; the no-JavaScript note is not.
    expect(page.locator("#lb-finder")).to_be_visible()
    expect(page.locator(".lb-finder-nojs")).to_have_count(0)
    top = page.get_by_label("Neglect").evaluate("e => e.getBoundingClientRect().top")
    held[0].continue_()
    wait_for_results(page, expected(["neglect"]))
    assert page.get_by_label("Neglect").is_checked()
    assert page.get_by_label("Neglect").evaluate("e => e.getBoundingClientRect().top") == top
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    shift = page.evaluate("window.lbShift")
    assert shift < 0.01, f"cumulative layout shift {shift:.3f}"
    context.close()
