"""The presenter on real screens: a laptop, an iPad, a phone and a laptop at 200% zoom.

What a presenter sees and presses: Space after a mouse click, every line of a long segment
reachable and never under the bar, the text getting most of a short screen, nothing moving when
the clock starts or a minute is up, and touch words on a touch screen.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.sitekit import SiteFolder

LONG_LINE = ("Risk must be reassessed whenever the household changes, a new partner, a new baby, a house "
             "move or a missed appointment, and the assessment must say what the change means for the child")
# Segment 3 has twelve long bullets and segment 5 eight long paragraphs: more than any screen holds.
LONG_BODY = "\n".join([
    "## Background", "A baby was injured at home. " * 6, "",
    "## Why it matters", "Babies cannot speak for themselves.", "",
    "## Key learning", *[f"- {LONG_LINE} ({n}). LAST-KEY-{n}" for n in range(1, 13)], "",
    "## What should we do?", *[f"**Step {n}.** {LONG_LINE}. {LONG_LINE}. LAST-DO-{n}\n" for n in range(1, 9)], "",
    "## Further information", "Read the local procedures.", "",
])

VIEWPORTS = {
    "laptop": {"viewport": {"width": 1366, "height": 768}},
    "ipad": {"viewport": {"width": 768, "height": 1024}, "has_touch": True, "is_mobile": True},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "zoom-200": {"viewport": {"width": 683, "height": 384}},  # 1366x768 at 200%
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from tests.browserkit import serve

    folder = SiteFolder(tmp_path_factory.mktemp("screens") / "board")
    folder.add("child-long", title="Child L: a very long title that will not fit in the presenter's bar at all",
               body=LONG_BODY)
    folder.built("2026-01-01")
    with serve(folder.site) as url:
        yield url


def open_presenter(browser, base_url, view, **extra):
    context = browser.new_context(**VIEWPORTS[view], **extra)
    page = context.new_page()
    page.clock.install()
    page.goto(base_url + "briefings/child-long/")
    page.get_by_role("button", name="Present this briefing").click()
    page.get_by_role("dialog").wait_for()
    return context, page


def rect(page, selector):
    return page.locator(selector).evaluate("e => { const r = e.getBoundingClientRect();"
                                           " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }")


@pytest.mark.browser
def test_space_after_clicking_next_starts_the_clock_and_keeps_the_segment(browser, base_url):
    context, page = open_presenter(browser, base_url, "laptop")
    next_button = page.get_by_role("button", name="Next")
    next_button.click()  # with the mouse: focus stays on Next
    count = page.locator(".lb-presenter__count")
    expect(count).to_have_text("Segment 2 of 7")
    expect(next_button).to_be_focused()
    # The focused button shows it, though a mouse put the focus there.
    ring = next_button.evaluate("e => [getComputedStyle(e).boxShadow, getComputedStyle(e).backgroundColor]")
    assert ring[0] != "none" and ring[1] == "rgb(255, 221, 0)"
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause clock")).to_be_visible()
    page.clock.fast_forward("00:05")
    expect(page.locator(".lb-presenter__time")).to_have_text("0:05 of 7:00")
    expect(count).to_have_text("Segment 2 of 7")  # Space did not press Next
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Start clock")).to_be_visible()
    page.clock.fast_forward("00:30")
    expect(page.locator(".lb-presenter__time")).to_have_text("0:05 of 7:00")
    page.keyboard.press("Enter")  # Enter still presses the focused button
    expect(count).to_have_text("Segment 3 of 7")
    context.close()


LAST_LINE = """() => {
  const body = document.querySelector('.lb-presenter__body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {acceptNode: n => n.textContent.trim() ? 1 : 3});
  let last = null;
  while (walker.nextNode()) last = walker.currentNode;
  const range = document.createRange();
  range.selectNodeContents(last);
  const lines = range.getClientRects();
  const r = lines[lines.length - 1];
  const box = sel => document.querySelector(sel).getBoundingClientRect();
  const more = document.querySelector('.lb-presenter__more');
  const moreShown = !more.hidden && getComputedStyle(more).visibility !== 'hidden';
  const stage = document.querySelector('.lb-presenter__stage');
  return {text: last.textContent.trim().slice(-12), top: r.top, bottom: r.bottom,
          bar: box('.lb-presenter__bar').bottom, controls: box('.lb-presenter__controls').top,
          stageTop: box('.lb-presenter__stage').top, stageBottom: box('.lb-presenter__stage').bottom,
          moreTop: moreShown ? more.getBoundingClientRect().top : null,
          atEnd: stage.scrollTop + stage.clientHeight >= stage.scrollHeight - 2,
          overflows: stage.scrollHeight > stage.clientHeight + 1, fit: stage.dataset.fit};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("view", list(VIEWPORTS))
def test_every_line_of_every_segment_is_reachable_and_never_under_the_bar(browser, base_url, view):
    context, page = open_presenter(browser, base_url, view, reduced_motion="reduce")
    for segment in range(1, 8):
        expect(page.locator(".lb-presenter__count")).to_have_text(f"Segment {segment} of 7")
        first = page.evaluate(LAST_LINE)
        if first["overflows"]:
            # Too long to fit even in smaller type: the note says there is more, and how to get it.
            assert first["fit"] == "3", first
            expect(page.locator(".lb-presenter__more")).to_be_visible()
        for _ in range(40):  # the down arrow scrolls, whatever has focus
            if page.evaluate(LAST_LINE)["atEnd"]:
                break
            page.keyboard.press("ArrowDown")
        line = page.evaluate(LAST_LINE)
        assert line["atEnd"], (view, segment, line)
        # The last line is on screen, inside the stage, above the controls, below the bar, and
        # not under the "More below" note (which steps aside at the end).
        assert line["bar"] <= line["top"] and line["bottom"] <= line["controls"] + 0.5, (view, segment, line)
        assert line["stageTop"] <= line["top"] and line["bottom"] <= line["stageBottom"] + 0.5, (view, segment, line)
        assert line["moreTop"] is None or line["bottom"] <= line["moreTop"] + 0.5, (view, segment, line)
        if segment == 3:
            assert line["text"].endswith("LAST-KEY-12")
        if segment == 5:  # the steps, then the review's recommendations
            assert "LAST-DO-8" in page.locator(".lb-presenter__body").inner_text()
            assert line["text"].endswith("he guidance.")
        page.keyboard.press("ArrowRight")
    context.close()


@pytest.mark.browser
def test_at_200_percent_zoom_the_text_gets_most_of_the_screen(browser, base_url):
    context, page = open_presenter(browser, base_url, "zoom-200")
    stage = rect(page, ".lb-presenter__stage")
    share = (stage["bottom"] - stage["top"]) / 384
    assert share >= 0.65, f"the segment's text gets {share:.0%} of the screen"
    # One compact row of buttons; the title is left to the screen reader, which still names the dialog.
    tops = page.locator(".lb-presenter__controls button").evaluate_all(
        "bs => bs.map(b => Math.round(b.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, tops
    expect(page.get_by_role("dialog", name="Presenting: Child L: a very long title that will not fit in the "
                                           "presenter's bar at all")).to_be_visible()
    assert rect(page, ".lb-presenter__title")["bottom"] - rect(page, ".lb-presenter__title")["top"] <= 1
    context.close()


MOVABLE = (".lb-presenter__heading", ".lb-presenter__body", ".lb-presenter__controls",
           ".lb-presenter__stage", ".lb-presenter__count", ".lb-presenter__time")


def layout(page) -> dict:
    boxes = {sel: rect(page, sel) for sel in MOVABLE}
    for i, button in enumerate(page.locator(".lb-presenter__controls button").all()):
        boxes[f"button {i}"] = button.evaluate("e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width]; }")
    return boxes


@pytest.mark.browser
@pytest.mark.parametrize("view", ["laptop", "phone", "zoom-200"])
def test_nothing_moves_when_the_clock_starts_or_a_minute_is_up(browser, base_url, view):
    context, page = open_presenter(browser, base_url, view)
    page.keyboard.press("ArrowRight")
    expect(page.locator(".lb-presenter__count")).to_have_text("Segment 2 of 7")
    page.evaluate("""() => { window.lbShifts = [];
        new PerformanceObserver(list => window.lbShifts.push(...list.getEntries().map(e => e.value)))
          .observe({type: 'layout-shift'}); }""")
    before = layout(page)
    page.get_by_role("button", name="Start clock").click()
    expect(page.get_by_role("button", name="Pause clock")).to_be_visible()
    assert layout(page) == before
    page.clock.fast_forward("01:02")
    expect(page.locator(".lb-presenter__cue")).to_be_visible()
    expect(page.locator(".lb-presenter__cue")).to_contain_text("minute is up")
    assert layout(page) == before
    page.get_by_role("button", name="Pause clock").click()
    expect(page.get_by_role("button", name="Start clock")).to_be_visible()
    assert layout(page) == before
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("window.lbShifts") == []
    context.close()


def swipe(page, x0, x1, y):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y}]})
    for step in range(1, 6):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x0 + (x1 - x0) * step / 5, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.browser
@pytest.mark.parametrize("view", ["ipad", "phone"])
def test_touch_screens_get_touch_words_and_a_swipe_changes_segment(browser, base_url, view):
    context, page = open_presenter(browser, base_url, view)
    hint = page.locator(".lb-presenter__keys")
    expect(hint).to_contain_text("Swipe left or right")
    assert "arrow" not in hint.inner_text() and "Page Down" not in hint.inner_text()
    width = VIEWPORTS[view]["viewport"]["width"]
    swipe(page, width * 0.8, width * 0.2, 400)
    expect(page.locator(".lb-presenter__count")).to_have_text("Segment 2 of 7")
    swipe(page, width * 0.2, width * 0.8, 400)
    expect(page.locator(".lb-presenter__count")).to_have_text("Segment 1 of 7")
    context.close()


@pytest.mark.browser
def test_a_laptop_gets_the_keys_including_how_to_scroll(browser, base_url):
    context, page = open_presenter(browser, base_url, "laptop")
    hint = page.locator(".lb-presenter__keys")
    expect(hint).to_contain_text("↓ and ↑ scroll a long segment")
    expect(hint).to_contain_text("Space starts or pauses the clock")
    assert "Swipe" not in hint.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator(".lb-presenter__more").inner_text() == "More below: press ↓ or scroll"
    context.close()
