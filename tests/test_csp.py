"""Every page carries a Content-Security-Policy that lets only the site's own code run.

The policy is read back from the built pages of both gate sites (the sample and the fixture
with every page type) and checked against each page's own inline scripts and styles, hashed
here independently. In Chromium an unhashed inline script put into a built page is refused.
Every browser test in the suite also fails on any policy violation (tests/conftest.py).
"""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from tests import gatekit
from tests.browserkit import CSP_VIOLATIONS, serve
from tests.test_serve import fetch, preview  # noqa: F401  (the `briefings serve` fixture)


@pytest.fixture(scope="module", params=gatekit.SITES)
def site(request, tmp_path_factory):
    return gatekit.built_site(request.param, tmp_path_factory)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_every_page_has_one_strict_policy_before_any_script_or_style(site):
    for path in gatekit.html_files(site):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(site).as_posix()
        tree = lxml.html.fromstring(text)
        metas = tree.xpath("//meta[@http-equiv='Content-Security-Policy']")
        assert len(metas) == 1, rel
        head = metas[0].getparent()
        assert head.tag == "head", rel
        before = head[: head.index(metas[0])]
        assert all(el.tag == "meta" for el in before), f"{rel}: the policy comes after {before[-1].tag}"
        policy = directives(metas[0].get("content"))
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], rel
        assert policy["base-uri"] == ["'self'"] and "'wasm-unsafe-eval'" in policy["script-src"], rel
        for name, values in policy.items():
            assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values and "*" not in values, (rel, name)
            assert not any(re.match(r"(?:https?:)?//", v) for v in values), (rel, name)  # no other host
        inline = [s.text or "" for s in tree.iter("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline, rel  # Material's own settings script: the check below is not empty
        for body in inline:
            assert _sha(body) in policy["script-src"], f"{rel}: an inline script is not hashed"
        for style in tree.iter("style"):
            assert _sha(style.text or "") in policy["style-src"], f"{rel}: an inline style is not hashed"
        for el in tree.xpath("//*[@style]"):
            assert _sha(el.get("style")) in policy["style-src"], f"{rel}: a style= is not hashed"


def test_a_script_put_into_a_built_page_does_not_run(folder, page):
    folder.add("child-a")
    site = folder.built()
    target = site / "briefings/child-a/index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</body>", '<script>document.documentElement.dataset.pwned = "1"</script>'
                                   '<img src="x" onerror="document.documentElement.dataset.pwned = \'2\'"></body>'),
                      encoding="utf-8")
    with serve(site) as base:
        page.goto(base + "briefings/child-a/")
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.dataset.pwned") is None
        assert page.evaluate("typeof window.__md_scope") == "object"  # Material's hashed inline script ran
    page.wait_for_timeout(200)
    assert any("inline" in v for v in CSP_VIOLATIONS), CSP_VIOLATIONS
    CSP_VIOLATIONS.clear()  # provoked on purpose: not a failure of this test


def test_the_preview_allows_its_own_reload_script(preview, page):  # noqa: F811
    folder, base, _ = preview
    assert "livereload" in fetch(base + "briefings/child-a/")
    page.goto(base + "briefings/child-a/")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.livereload") == "function"
