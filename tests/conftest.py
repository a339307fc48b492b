"""Shared fixtures: a temp content folder, and one Chromium for the browser tests."""

from __future__ import annotations

import shutil

import pytest

from tests.browserkit import CHROMIUM, CSP_VIOLATIONS, WatchedBrowser
from tests.sitekit import SiteFolder


@pytest.fixture
def folder(tmp_path) -> SiteFolder:
    return SiteFolder(tmp_path / "board")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's Chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield WatchedBrowser(b)
        b.close()


@pytest.fixture(autouse=True)
def _no_csp_violation():
    """A page that breaks its own Content-Security-Policy fails the test that loaded it."""
    CSP_VIOLATIONS.clear()
    yield
    found, CSP_VIOLATIONS[:] = list(CSP_VIOLATIONS), []
    assert not found, "Content-Security-Policy violations:\n" + "\n".join(found)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
