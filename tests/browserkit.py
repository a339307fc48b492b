"""Drive Debian's Chromium with Playwright over a local server; record outside requests.

Never `playwright install`: the browser is /usr/bin/chromium from Debian's packages.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def guard_outside_requests(page) -> list[str]:
    """Abort and record every request to a host other than 127.0.0.1."""
    outside: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname not in ("127.0.0.1", None):
            outside.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    return outside


#: Content-Security-Policy violations seen by any page of any context since the test began:
#: conftest fails the test if there are any (a test that provokes one clears it).
CSP_VIOLATIONS: list[str] = []
_REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e => console.error(
  `Content Security Policy violation: ${e.effectiveDirective} refused ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));"""


def watch_csp(context):
    """Record every Content-Security-Policy violation in ``context`` (Chromium's console
    message and the page's securitypolicyviolation event) in CSP_VIOLATIONS."""
    context.add_init_script(_REPORT_VIOLATIONS)

    def console(message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            page = getattr(message, "page", None)
            CSP_VIOLATIONS.append(f"{page.url if page else '?'}: {message.text}")

    context.on("console", console)
    return context


class WatchedBrowser:
    """The session's Chromium, whose every new context (and page) watches for CSP violations."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        return watch_csp(self._browser.new_context(**options))

    def new_page(self, **options):
        context = self.new_context(**options)
        page = context.new_page()
        page.on("close", lambda _: context.close())  # as Browser.new_page's own context does
        return page


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0-2.2 A/AA rules) on the current page; re-inject after navigation."""
    # Evaluated, not added as an inline <script>: the page's Content-Security-Policy refuses those.
    page.evaluate(_axe_source() + "\n;true")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
