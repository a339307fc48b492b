"""Keyboard only on narrow windows: below Material's drawer breakpoint (76.25em) the navigation
is an off-screen drawer. Tab must never land on something off screen, and the menu button must
be reachable and open the drawer. axe cannot see this: we tab and look where focus is.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.sitekit import SiteFolder

VIEWS = {
    "ipad": {"viewport": {"width": 768, "height": 1024}, "has_touch": True, "is_mobile": True},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "zoom-200": {"viewport": {"width": 683, "height": 384}},
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}
PAGES = ["", "briefings/child-a/", "find/"]

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                   && r.left < innerWidth && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
  return {html: el.outerHTML.slice(0, 120), onScreen, menu: el.matches('label[for="__drawer"]')};
}"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from tests.browserkit import serve

    folder = SiteFolder(tmp_path_factory.mktemp("keyboard") / "board")
    folder.add("child-a", themes=["risk-assessment", "neglect"])
    folder.add("child-b", themes=["neglect"])
    folder.built("2026-01-01")
    with serve(folder.site) as url:
        yield url


def tab_walk(page, presses: int = 60) -> list[dict]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused:
            seen.append(focused)
    return seen


@pytest.mark.browser
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", PAGES)
def test_tab_never_focuses_anything_off_screen(browser, base_url, view, path):
    context = browser.new_context(**VIEWS[view])
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    seen = tab_walk(page)
    off = [f["html"] for f in seen if not f["onScreen"]]
    assert not off, f"{view} {path or 'home'}: focus went off screen on:\n" + "\n".join(off)
    narrow = VIEWS[view]["viewport"]["width"] < 1220
    assert any(f["menu"] for f in seen) == narrow  # the menu button exists only below the breakpoint
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("view", ["phone", "zoom-200"])
@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_menu_opens_and_closes_from_the_keyboard(browser, base_url, view, key):
    context = browser.new_context(**VIEWS[view])
    page = context.new_page()
    page.goto(base_url + "briefings/child-a/")
    menu = page.get_by_role("button", name="Menu")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=\"__drawer\"]')"):
            break
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press(key)
    expect(menu).to_have_attribute("aria-expanded", "true")
    drawer_link = page.locator(".md-sidebar--primary a").first
    expect(drawer_link).to_be_focused()
    # On screen once the drawer has slid in (a quarter of a second).
    page.wait_for_function(f"() => ({FOCUSED})().onScreen")  # a function: a string would be eval, which the CSP refuses
    # Tab walks the drawer's links, each on screen.
    for _ in range(3):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["onScreen"]
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    assert page.evaluate("document.getElementById('__drawer').checked") is False
    context.close()
