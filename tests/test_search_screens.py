"""The header search on a phone (390x844, touch): the site's name is not cut, the box opens to the
header's width when used, filter options are thumb-sized targets, and open filters leave the
results in view.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from playwright.sync_api import expect

from tests.sitekit import SiteFolder

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from tests.browserkit import serve

    folder = SiteFolder(tmp_path_factory.mktemp("phone-search") / "board")
    themes = ["neglect", "risk-assessment", "information-sharing", "domestic-abuse", "professional-curiosity"]
    for n in range(8):
        folder.add(f"child-{n}", themes=[themes[n % 5], themes[(n + 1) % 5]],
                   review={"type": "SCR" if n % 2 else "CSPR", "published": f"{2018 + n}-05-01"})
    folder.built("2026-01-01")
    with serve(folder.site) as url:
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_the_site_name_has_room_and_the_box_opens_when_used(phone, base_url):
    phone.goto(base_url)
    box = phone.get_by_role("searchbox", name="Search briefings and themes")
    expect(box).to_be_visible()
    name = phone.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), "the site's name is cut"
    folded = box.bounding_box()
    assert 44 <= folded["width"] <= 48 and folded["height"] >= 44
    box.click()
    expect(box).to_be_focused()
    phone.wait_for_function("() => document.querySelector('.lb-search__input').getBoundingClientRect().width > 300")
    opened = box.bounding_box()
    assert opened["x"] >= 0 and opened["x"] + opened["width"] <= 390


@pytest.mark.browser
def test_filter_options_are_44_px_targets_and_results_stay_in_view(phone, base_url):
    phone.goto(base_url)
    box = phone.get_by_role("searchbox", name="Search briefings and themes")
    box.click()
    box.fill("child")
    results = phone.locator(".lb-search__result a")
    expect(results.first).to_be_visible()
    phone.locator(".lb-search__filters summary").click()
    options = phone.locator(".lb-search__option")
    expect(options.first).to_be_visible()
    rows = options.evaluate_all("""rows => rows.map(r => { const b = r.getBoundingClientRect();
        const l = r.querySelector('label').getBoundingClientRect(); return [b.top, b.height, l.height]; })""")
    assert len(rows) >= 5
    assert all(height >= 44 and label >= 44 for _, height, label in rows[:5]), rows[:5]
    same_group = [b[0] - a[0] for a, b in pairwise(rows) if 0 < b[0] - a[0] < 100]
    assert same_group and min(same_group) >= 44, same_group
    # Open filters scroll in their own box: the first result is still on screen.
    first = results.first.bounding_box()
    assert first and first["y"] >= 0 and first["y"] + first["height"] <= 844, first
    # Ticking an option (a tap: no focus on some phones) keeps the box open and the results shown.
    phone.locator(".lb-search__option label").first.tap()
    expect(phone.locator(".lb-search__status")).to_contain_text("with the filters chosen")
    assert box.bounding_box()["width"] > 300
