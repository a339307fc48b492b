"""One URL policy for every link and image the pipeline writes: pages, topic pages, feeds, Word.

Only web pages (``http:``, ``https:``), email (``mailto:``), telephone (``tel:``), paths and
``#`` fragments may be written. The scheme is read the way a browser reads it (WHATWG URL
parsing), because that is what runs: character references in the attribute are decoded,
leading and trailing C0 controls and spaces stripped, tabs and newlines removed anywhere, so
``&#106;avascript:``, ``java<newline>script:`` and ``\\x01javascript:`` all count as
``javascript:``. Hugo's Goldmark renderer drops the same URLs unless told it is unsafe.
"""

from __future__ import annotations

import html
import re

#: The schemes a briefing may link; everything else is refused.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SPACES_AND_CONTROLS = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_OTHER_HOST = re.compile(r"[/\\]{2}")  # //host or \\host: a browser fills in the page's scheme

INSTEAD = ("link a web page (https://...), an email address (mailto:...), a telephone number (tel:...) "
           "or a file beside this briefing by its path instead")
_REASONS = {
    "javascript": "a javascript: address runs as script in the reader's browser",
    "vbscript": "a vbscript: address runs as script in the reader's browser",
    "data": "a data: address carries a whole document or script inside the link",
    "file": "a file: address points at a file on one computer, not on the web",
}
_IMAGE_INSTEAD = ("save the image as a file (PNG, JPEG, GIF or WebP) beside this briefing and give its path instead, "
                  "e.g. ![Chart of referrals](chart.png)")
_DATA_INSTEAD = "save what it holds as a file beside this briefing and link that file by its path instead"


def as_browser_reads(url: str) -> str:
    """The URL as a browser holds it before reading its scheme (WHATWG "basic URL parser" steps)."""
    url = html.unescape(url)  # it sits in an HTML attribute: references are decoded first
    return _TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE))


def scheme(url: str) -> str | None:
    """The URL's scheme in lower case (``javascript``), or None for a path or fragment."""
    found = _SCHEME.match(as_browser_reads(url))
    return found.group()[:-1].lower() if found else None


def refusal(url: str, image: bool = False) -> str | None:
    """Why ``url`` may not be written, and what to write instead; None when it may.

    Stricter than a browser by one step: a scheme spelt with spaces or controls inside
    (``java script:``, which a browser reads as a path) is refused too, as no real path is
    written so and an old or odd reader might join it up."""
    kind = scheme(url)
    if kind is None:
        squeezed = _SCHEME.match(_SPACES_AND_CONTROLS.sub("", html.unescape(url)))
        kind = squeezed.group()[:-1].lower() if squeezed else None
    if kind in ALLOWED_SCHEMES:
        return None
    if kind is None:
        if _OTHER_HOST.match(as_browser_reads(url)):
            return "it names another site without saying how to reach it; write the full address (https://...) instead"
        return None
    reason = _REASONS.get(kind, f"'{kind}:' addresses are not links a reader's browser should follow")
    instead = _IMAGE_INSTEAD if image else _DATA_INSTEAD if kind == "data" else INSTEAD
    return f"{reason}; {instead}"


def allowed(url: str) -> bool:
    return refusal(url) is None


def shown(url: str, limit: int = 80) -> str:
    """The URL as a message can print it: invisible characters spelt out, long ones cut."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in url)
    return text if len(text) <= limit else text[: limit - 3] + "..."
