"""The Content-Security-Policy every page carries, as a ``<meta http-equiv>`` in its head.

Only the site's own scripts, styles, images and fonts load, plus Pagefind's WebAssembly
(``'wasm-unsafe-eval'``); no plugin content, no ``<base>`` elsewhere. The few inline scripts
and styles Material and our templates write (Material's settings script, the board's colour,
a chart's ``style=``) are allowed by their SHA-256 hash, computed from the finished page, so
anything else inline, such as script smuggled into content, is refused by the browser.
``frame-ancestors`` cannot be set from a page: the README shows the headers a host adds.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

BASE_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material draws its icons as data: SVGs in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# Pages are written by MkDocs and our templates, in lower case. A style= found in text rather
# than in a tag only adds a hash that allows nothing but that style.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_STYLE_ATTRIBUTES = [re.compile(space + r"""style=(?:"([^"]*)"|'([^']*)')""") for space in (" ", "\n", "\t")]  # literal: fast
_RUNS = re.compile(r"\btype\s*=\s*[\"']?(?!(?:text/javascript|module)\b)[\w/+.-]", re.I)  # a data block
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
_CHARSET = re.compile(r"<meta charset=[^>]*>\n?", re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _sorted_unique(values) -> list[str]:
    return sorted(set(values))


def policy(page: str) -> str:
    """The policy for one finished page: the base policy plus hashes of what it has inline."""
    scripts = _sorted_unique(_hash(body) for attrs, body in _SCRIPT.findall(page)
                             if "src=" not in attrs.lower() and not _RUNS.search(attrs))
    styles = _sorted_unique(_hash(body) for body in _STYLE.findall(page))
    attributes = _sorted_unique(_hash(html.unescape(a or b)) for found in _STYLE_ATTRIBUTES for a, b in found.findall(page))
    extra = {"script-src": scripts, "style-src": styles + (["'unsafe-hashes'", *attributes] if attributes else [])}
    return "; ".join(" ".join([name, value, *extra.get(name, [])]) for name, value in BASE_POLICY)


def with_policy(page: str) -> str:
    """``page`` with its policy as the first thing after ``<meta charset>`` (before any script
    or style, which a policy set later would not cover), replacing one it has already."""
    page = _META.sub("", page, count=1)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(page), quote=False)}">\n'
    found = _CHARSET.search(page)
    if found:
        return page[: found.end()] + meta + page[found.end():]
    head = re.search(r"<head[^>]*>\n?", page, re.I)
    at = head.end() if head else 0
    return page[:at] + meta + page[at:]
