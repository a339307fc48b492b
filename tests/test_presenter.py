"""The team-leader tools on a briefing page, and the presenter in Chromium.

Keyboard only, as a presenter at a meeting-room laptop would use it; the clock is Playwright's
(``page.clock``), so a minute passes without waiting for one.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.sitekit import BODY, SiteFolder

TITLE = "Child A: learning & the home"
LABELS = ["Background", "Why it matters", "Key learning", "Themes", "What should we do?",
          "Questions for your team", "Further information"]


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("presenter") / "board")
    folder.add("child-a", title=TITLE, body=BODY + "\n- See the [procedures](https://procedures.example.org/).\n",
               review={"published": "2025-10-01"}, themes=["risk-assessment", "neglect"])
    folder.built("2026-01-01")
    return folder


@pytest.fixture(scope="module")
def base_url(board):
    with serve(board.site) as url:
        yield url


# --- the page (no browser) ---

def test_tools_link_the_word_file_and_mail_feedback_with_the_title(board):
    html = board.html("briefings/child-a/index.html")
    assert 'href="child-a-7-minute-briefing.docx"' in html
    subject = quote(f"Feedback: {TITLE}", safe="/")
    assert f'href="mailto:feedback@testshire.example.org?subject={subject}"' in html
    assert "%26%20the%20home" in subject
    assert 'data-lb-present aria-haspopup="dialog">Present this briefing</button>' in html
    assert ">Print</button>" in html


def test_feedback_falls_back_to_the_board_email(tmp_path):
    folder = SiteFolder(tmp_path / "board")
    del folder.config["board"]["feedback_email"]
    folder.write_config()
    folder.add("child-a")
    folder.built()
    assert 'href="mailto:learning@testshire.example.org?subject=Feedback%3A%20' in folder.html("briefings/child-a/index.html")


# --- the presenter in Chromium ---

def open_presenter(page, base_url):
    outside = guard_outside_requests(page)
    page.clock.install()
    page.goto(base_url + "briefings/child-a/")
    present = page.get_by_role("button", name="Present this briefing")
    present.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    return dialog, outside


def progress(page) -> str:
    return page.locator(".lb-presenter__count").inner_text()


def active(page) -> str:
    return page.evaluate("""() => {
        const a = document.activeElement;
        return (a.closest('[role=dialog]') ? 'dialog:' : 'page:') + (a.id || a.textContent.trim().slice(0, 40));
    }""")


@pytest.mark.browser
def test_opens_as_a_labelled_modal_dialog_with_focus_inside(page, base_url):
    dialog, outside = open_presenter(page, base_url)
    assert dialog.get_attribute("aria-modal") == "true"
    assert TITLE in page.get_by_role("dialog", name=f"Presenting: {TITLE}").inner_text()
    assert progress(page) == "Segment 1 of 7"
    assert page.locator(".lb-presenter__step--current").inner_text() == "1"
    assert active(page) == "dialog:lb-presenter-heading"
    assert page.locator(".lb-presenter__heading").inner_text().endswith("Background")
    assert page.evaluate("document.querySelector('.md-container').inert") is True
    assert outside == []


@pytest.mark.browser
def test_arrow_keys_step_through_the_seven_segments(page, base_url):
    open_presenter(page, base_url)
    seen = []
    for _ in range(8):  # one more than there are: the last press does nothing
        seen.append((progress(page), page.locator(".lb-presenter__heading").inner_text().split(None, 1)[1]))
        page.keyboard.press("ArrowRight")
    assert seen[:7] == [(f"Segment {n} of 7", label) for n, label in enumerate(LABELS, 1)]
    assert seen[7] == ("Segment 7 of 7", LABELS[6])
    expect(page.locator(".lb-presenter__step--done")).to_have_count(6)
    count = page.locator(".lb-presenter__count")
    page.keyboard.press("ArrowLeft")
    expect(count).to_have_text("Segment 6 of 7")
    expect(page.locator(".lb-presenter__body")).to_contain_text("What would we have done?")
    page.keyboard.press("Home")
    expect(count).to_have_text("Segment 1 of 7")
    page.keyboard.press("End")
    expect(count).to_have_text("Segment 7 of 7")
    # Each segment shows the page's own text for it.
    page_text = page.locator("#segment-7").inner_text()
    assert "procedures" in page.locator(".lb-presenter__body").inner_text() and "procedures" in page_text
    live = page.locator(".lb-presenter [aria-live=polite]")
    page.wait_for_function("() => document.querySelector('.lb-presenter [aria-live=polite]').textContent.includes('Segment 7 of 7')")
    assert live.inner_text() == "Segment 7 of 7: Further information"
    # No element id is repeated by the copies of the segments.
    assert page.evaluate("() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
                         " return ids.length === new Set(ids).size; }")


@pytest.mark.browser
def test_clock_runs_pauses_and_cues_each_minute(page, base_url):
    open_presenter(page, base_url)
    clock = page.locator(".lb-presenter__time")
    assert clock.inner_text() == "0:00 of 7:00"
    page.keyboard.press("Space")  # focus is on the segment heading: Space starts the clock
    expect(page.get_by_role("button", name="Pause clock")).to_be_visible()
    page.clock.fast_forward("00:30")
    assert clock.inner_text() == "0:30 of 7:00"
    cue = page.locator(".lb-presenter__cue")
    assert cue.is_hidden()
    page.keyboard.press("Space")  # pause: time stands still
    page.clock.fast_forward("02:00")
    assert clock.inner_text() == "0:30 of 7:00"
    page.keyboard.press("Space")
    page.clock.fast_forward("00:31")
    assert clock.inner_text() == "1:01 of 7:00"
    assert cue.is_visible() and "minute is up" in cue.inner_text()
    assert "lb-presenter--minute-up" in page.locator(".lb-presenter").get_attribute("class")
    page.wait_for_function("() => document.querySelector('.lb-presenter [aria-live=polite]').textContent"
                           ".includes('One minute on Background')")
    # The next segment starts its own minute; the whole clock carries on.
    page.keyboard.press("ArrowRight")
    assert cue.is_hidden()
    assert page.locator(".lb-presenter__segment-time").inner_text() == "This segment 0:00 of 1:00"
    page.clock.fast_forward("06:00")
    assert clock.inner_text() == "7:01 of 7:00"
    assert "lb-presenter--over-time" in page.locator(".lb-presenter").get_attribute("class")
    page.wait_for_function("() => document.querySelector('.lb-presenter [aria-live=polite]').textContent"
                           ".includes('Seven minutes are up')")


@pytest.mark.browser
def test_tab_stays_inside_and_escape_returns_focus_to_the_present_button(page, base_url):
    open_presenter(page, base_url)
    for _ in range(15):
        page.keyboard.press("Tab")
        assert active(page).startswith("dialog:")
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        assert active(page).startswith("dialog:")
    page.keyboard.press("Escape")
    assert page.locator(".lb-presenter").is_hidden()
    assert active(page) == "page:Present this briefing"
    assert page.evaluate("document.querySelector('.md-container').inert") is False
    # Space is the clock's key even on a focused button; Enter presses the button.
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause clock")).to_be_visible()
    assert progress(page) == "Segment 1 of 7"
    page.keyboard.press("Enter")
    expect(page.locator(".lb-presenter__count")).to_have_text("Segment 2 of 7")


@pytest.mark.browser
def test_keys_keep_working_after_a_click_on_plain_text_in_the_presenter(page, base_url):
    open_presenter(page, base_url)
    for plain in (".lb-presenter__count", ".lb-presenter__time", ".lb-presenter__keys"):
        page.locator(plain).click()
        assert active(page).startswith("dialog:"), plain  # focus did not fall out to the page
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lb-presenter__count")).to_have_text("Segment 2 of 7")
    page.locator(".lb-presenter__count").click()
    page.keyboard.press("Tab")
    assert active(page).startswith("dialog:")
    page.locator(".lb-presenter__keys").click()
    page.keyboard.press("Escape")
    expect(page.locator(".lb-presenter")).to_be_hidden()


@pytest.mark.browser
def test_open_presenter_has_no_axe_violations(page, base_url):
    open_presenter(page, base_url)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.clock.fast_forward("01:05")  # with the minute-up cue showing
    assert page.locator(".lb-presenter__cue").is_visible()
    assert axe_violations(page) == []


@pytest.mark.browser
def test_reduced_motion_turns_the_cue_animation_off(page, base_url):
    page.emulate_media(reduced_motion="reduce")
    open_presenter(page, base_url)
    page.keyboard.press("Space")
    page.clock.fast_forward("01:01")
    assert page.locator(".lb-presenter__cue").evaluate("e => getComputedStyle(e).animationName") == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert page.locator(".lb-presenter__cue").evaluate("e => getComputedStyle(e).animationName") != "none"


@pytest.mark.browser
def test_without_javascript_the_buttons_stay_hidden_and_the_links_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "briefings/child-a/")
    assert page.get_by_role("button", name="Present this briefing").count() == 0
    assert page.get_by_role("link", name="Send feedback").is_visible()
    word = page.get_by_role("link", name="Download as Word")
    response = page.request.get(base_url + "briefings/child-a/" + word.get_attribute("href"))
    assert response.ok and response.body()[:2] == b"PK"
    context.close()
