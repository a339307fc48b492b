"""Gate: every internal link and asset reference in the built site resolves; no network.

Every HTML file is parsed; each href/src/srcset is resolved against the file's folder and
must name a file in the site (a folder means its index.html), and a #fragment must be an id
in the target page. mailto:, tel:, data: and outside http(s) addresses are not followed.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests import gatekit

_URL_ATTRS = {"href", "src", "action", "poster", "data"}
_EXTERNAL = ("mailto:", "tel:", "data:", "http://", "https://", "//", "javascript:void(0)")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[int, str, str]] = []  # (line, tag, url)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in _URL_ATTRS and not (tag == "link" and ("preconnect" in dict(attrs).get("rel", "")
                                                                or "canonical" in dict(attrs).get("rel", ""))):
                self.urls.append((line, tag, value.strip()))
            elif name == "srcset":
                self.urls += [(line, tag, part.strip().split()[0]) for part in value.split(",") if part.strip()]


class SiteLinks:
    """Parses each page once; answers whether a site-relative target and fragment exist."""

    def __init__(self, site: Path, base_path: str = "/"):
        self.site = site
        self.base_path = base_path  # site_url's path: 404.html links from there, as it is served at any depth
        self._pages: dict[str, _Page] = {}

    def page(self, rel: str) -> _Page:
        if rel not in self._pages:
            parser = _Page()
            parser.feed((self.site / rel).read_text(encoding="utf-8"))
            self._pages[rel] = parser
        return self._pages[rel]

    def target(self, page_rel: str, url: str) -> tuple[str | None, str]:
        """The site-relative file a URL names (None if it leaves the site) and its fragment."""
        parts = urlsplit(url)
        if not parts.path:
            return page_rel, parts.fragment
        path = unquote(parts.path)
        if path.startswith(self.base_path) and page_rel == "404.html":
            path = path[len(self.base_path):] or "./"
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
        if joined.startswith("..") or path.startswith("/"):
            return None, parts.fragment
        if parts.path.endswith("/") or (self.site / joined).is_dir():
            joined = posixpath.join(joined, "index.html") if joined != "." else "index.html"
        return joined, parts.fragment

    def problems(self, page_rel: str) -> list[str]:
        found = []
        for line, tag, url in self.page(page_rel).urls:
            if not url or url == "#" or url.lower().startswith(_EXTERNAL):
                continue
            target, fragment = self.target(page_rel, url)
            where = f"{page_rel}:{line} <{tag}> {url!r}"
            if target is None:
                found.append(f"{where} leaves the site (absolute path or too many ../)")
            elif not (self.site / target).is_file():
                found.append(f"{where}: {target} does not exist")
            elif fragment and target.endswith(".html") and unquote(fragment) not in self.page(target).ids:
                found.append(f"{where}: no id '{fragment}' in {target}")
        return found


def _all_link_problems(site: Path) -> list[str]:
    links = SiteLinks(site)
    problems = []
    for path in gatekit.html_files(site):
        problems += links.problems(path.relative_to(site).as_posix())
    return problems


@pytest.fixture(scope="module", params=gatekit.SITES)
def site(request, tmp_path_factory) -> Path:
    return gatekit.built_site(request.param, tmp_path_factory)


def test_every_internal_link_and_asset_resolves(site):
    problems = _all_link_problems(site)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_css_references_resolve(site):
    problems = []
    for css in sorted(site.glob("assets/*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if url.startswith(("data:", "#")):
                continue
            target = (css.parent / urlsplit(url).path).resolve()
            if not target.is_file():
                problems.append(f"{css.relative_to(site)}: url({url}) does not exist")
    assert not problems, "\n".join(problems)


def test_sitemap_lists_only_pages_that_exist(site):
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        pytest.skip("no sitemap.xml")
    text = sitemap.read_text(encoding="utf-8")
    base = re.search(r"<loc>(https?://[^/]+/[^<]*?)</loc>", text)
    assert base, "the sitemap lists no pages"
    locations = re.findall(r"<loc>([^<]+)</loc>", text)
    root = min(locations, key=len)
    missing = []
    for loc in locations:
        rel = loc[len(root):] if loc.startswith(root) else None
        if rel is None or not (site / rel / "index.html").is_file() and not (site / rel).is_file():
            missing.append(loc)
    assert not missing, missing


def test_the_checker_catches_broken_links_and_fragments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"><a href="#here">ok</a> <a href="#gone">bad fragment</a> <a href="../b/">missing page</a>'
        ' <a href="../index.html#top">ok</a> <a href="../index.html#nope">bad</a> <img src="../x.png" alt="">'
        ' <a href="mailto:a@b.org">mail</a> <a href="https://example.org/">out</a> <a href="../../up.html">up</a></p>')
    (tmp_path / "index.html").write_text('<h1 id="top">Top</h1>')
    problems = SiteLinks(tmp_path).problems("a/index.html")
    assert len(problems) == 5, problems
    assert any("'#gone'" in p for p in problems) and any("b/index.html does not exist" in p for p in problems)
    assert any("no id 'nope'" in p for p in problems) and any("x.png does not exist" in p for p in problems)
    assert any("leaves the site" in p for p in problems)
