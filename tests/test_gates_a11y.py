"""Gate: WCAG 2.2 AA in a real browser: axe-core finds nothing, and the keyboard reaches everything.

axe-core (bundled by axe-playwright-python, injected into Debian's Chromium) runs with the tags
wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa on one page of every type, in the sample site
and in the every-page-type fixture, and on a briefing with the presenter view open. Keyboard:
pressing Tab from the top of the page reaches every visible control, and each one shows a
focus indicator (an outline or a box-shadow) when it has focus.
"""

from __future__ import annotations

import pytest

from generator.render.pages import assets
from tests import gatekit
from tests.browserkit import axe_violations, guard_outside_requests, serve

pytestmark = pytest.mark.browser

SITES = ["sample", "fixture"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with gatekit.serving_both(tmp_path_factory) as both:
        yield both


def _cases():
    return [pytest.param(site, kind.name, id=f"{site}:{kind.name}") for site in SITES for kind in gatekit.PAGES]


def _open(page, served, site_name: str, kind_name: str):
    site, base = served[site_name]
    kind, relative = next((k, p) for k, p in gatekit.example_pages(site) if k.name == kind_name)
    gatekit.page_or_skip(site, kind, relative)
    outside = guard_outside_requests(page)
    page.goto(base + relative.removesuffix("index.html"))
    page.wait_for_load_state("load")
    return relative, outside


def _report(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} at {v['nodes']}" for v in violations)


@pytest.mark.parametrize(("site_name", "kind_name"), _cases())
def test_axe_finds_no_wcag_violations(page, served, site_name, kind_name):
    relative, outside = _open(page, served, site_name, kind_name)
    violations = axe_violations(page)
    assert not violations, f"{relative}:\n{_report(violations)}"
    assert not outside


def _presenter_or_skip(page):
    if not any("presenter" in name for name in assets.STATIC):
        pytest.skip("the presenter view (assets/presenter.js) has not landed yet")
    button = page.locator("button[data-lb-present]")
    button.wait_for(state="visible", timeout=5000)
    return button


@pytest.mark.parametrize("site_name", SITES)
def test_axe_finds_no_wcag_violations_with_the_presenter_open(page, served, site_name):
    relative, _ = _open(page, served, site_name, "briefing")
    button = _presenter_or_skip(page)
    button.click()
    page.locator("[role=dialog]").first.wait_for(state="visible", timeout=5000)
    violations = axe_violations(page)
    assert not violations, f"{relative} with the presenter open:\n{_report(violations)}"


# --- keyboard only ------------------------------------------------------------------------

_MARK_CONTROLS = """
(scope) => {
  const root = scope ? document.querySelector(scope) : document;
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, '
                 + '[contenteditable=""], [contenteditable=true], [tabindex]';
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
                        && !el.closest('[hidden], [inert], [aria-hidden=true]')
                        && el.checkVisibility({contentVisibilityAuto: true});  // not inside a closed <details>
  const controls = [...root.querySelectorAll(selector)].filter(el => !el.disabled && el.tabIndex >= 0 && visible(el));
  controls.forEach((el, i) => el.setAttribute('data-lb-kb', String(i)));
  return controls.map(el => el.outerHTML.slice(0, 160));
}
"""

_FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  return {index: el.getAttribute('data-lb-kb'), visible: Boolean(outline || shadow), html: el.outerHTML.slice(0, 160)};
}
"""


def tab_through(page, scope: str | None = None) -> tuple[list[str], list[str]]:
    """Press Tab until every control was focused (or far too many presses): (unreached, no focus shown)."""
    controls = page.evaluate(_MARK_CONTROLS, scope)
    reached: set[str] = set()
    invisible: list[str] = []
    for _ in range(2 * len(controls) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        if focused["index"] is not None:
            reached.add(focused["index"])
        if not focused["visible"]:
            invisible.append(focused["html"])
        if len(reached) == len(controls):
            break
    unreached = [html for i, html in enumerate(controls) if str(i) not in reached]
    return unreached, sorted(set(invisible))


@pytest.mark.parametrize("kind_name", [kind.name for kind in gatekit.PAGES])
def test_keyboard_reaches_every_control_with_visible_focus(page, served, kind_name):
    relative, _ = _open(page, served, "fixture", kind_name)
    unreached, invisible = tab_through(page)
    assert not unreached, f"{relative}: Tab never reaches:\n" + "\n".join(unreached)
    assert not invisible, f"{relative}: no visible focus on:\n" + "\n".join(invisible)


@pytest.mark.parametrize("kind_name", ["home page", "briefing"])
def test_first_tab_is_a_skip_link_to_the_content(page, served, kind_name):
    _open(page, served, "fixture", kind_name)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.getBoundingClientRect().height]")
    assert focused[0] == "Skip to main content" and focused[1] > 10  # shown when it has focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_keyboard_in_the_presenter(page, served):
    relative, _ = _open(page, served, "fixture", "briefing")
    button = _presenter_or_skip(page)
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("[role=dialog]").first
    dialog.wait_for(state="visible", timeout=5000)
    unreached, invisible = tab_through(page, "[role=dialog]")
    assert not unreached, f"{relative} presenter: Tab never reaches:\n" + "\n".join(unreached)
    assert not invisible, f"{relative} presenter: no visible focus on:\n" + "\n".join(invisible)
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=5000)
    assert page.evaluate("document.activeElement.hasAttribute('data-lb-present')")


def test_the_keyboard_check_notices_an_unreachable_control(page, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title><style>a:focus{outline:none}</style></head><body>'
        '<a href="#a">one</a> <div tabindex="-1"><button tabindex="-1">not reachable</button></div></body></html>')
    with serve(tmp_path) as base:
        page.goto(base)
        page.evaluate("document.querySelector('button').tabIndex = 0")  # marked as a control...
        page.evaluate("() => { const b = document.querySelector('button'); b.addEventListener('focus', () => b.blur()); }")
        unreached, invisible = tab_through(page)
    assert any("not reachable" in html for html in unreached)
    assert any("one" in html for html in invisible)
