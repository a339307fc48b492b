"""`briefings serve`: a live preview that rebuilds when a briefing, a template or the config
changes, and keeps showing the last good build while the content has problems.

The server runs as a real subprocess on a free port; the tests poll it over HTTP, as a board's
browser would, with generous time limits (a rebuild is a full build).
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from generator.render.renderer import PACKAGE_TEMPLATES
from tests.sitekit import SiteFolder

LIMIT = 90  # seconds for a rebuild to show; a loaded CI machine is slow, a working one is not


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(what: str, test, limit: float = LIMIT):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"gave up after {limit} s waiting for {what}")


@pytest.fixture
def preview(tmp_path):
    """A site with one briefing and a template override, served by `briefings serve`."""
    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a", title="Child A: first title")
    home = PACKAGE_TEMPLATES / "pages" / "home.html"
    folder.write("templates/pages/home.html", home.read_text(encoding="utf-8"))
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "--config", str(folder.config_path), "serve", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until("the preview to be served", lambda: fetch(base))
        yield folder, base, log
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C, as a board stops it
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_preview_rebuilds_on_a_briefing_a_template_and_the_config(preview):
    folder, base, log = preview
    assert (folder.root / "templates").is_dir()
    page = fetch(base + "briefings/child-a/")
    assert "Child A: first title" in page
    assert "livereload" in page  # the browser reloads by itself after a rebuild

    folder.add("child-a", title="Child A: second title")
    wait_until("the new title", lambda: "Child A: second title" in (fetch(base + "briefings/child-a/") or ""))

    home = folder.root / "templates" / "pages" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + "\n<p>Board's own home note</p>\n", encoding="utf-8")
    wait_until("the template change", lambda: "own home note" in (fetch(base) or ""))

    folder.config["site_name"] = "Renamed Partnership Briefings"
    folder.write_config()
    wait_until("the new site name", lambda: "Renamed Partnership Briefings" in (fetch(base) or ""))


def test_preview_keeps_the_last_good_build_and_names_the_problem(preview):
    folder, base, log = preview
    folder.add("child-b", title="Child B: broken", review={"published": "2018-13-45"})
    wait_until("the problem to be reported", lambda: "the preview shows the last good build" in log.read_text())
    report = log.read_text()
    assert "briefings/child-b.md:" in report and "review.published" in report and "month value" in report
    assert "Traceback" not in report
    # The last good build is still served, without the broken briefing.
    assert "Child A: first title" in fetch(base + "briefings/child-a/")
    assert fetch(base + "briefings/child-b/") is None

    folder.add("child-b", title="Child B: fixed")
    wait_until("the fixed briefing", lambda: "Child B: fixed" in (fetch(base + "briefings/child-b/") or ""))


def test_an_edited_briefing_page_comes_first_then_the_whole_site_catches_up(preview):
    folder, base, log = preview
    folder.add("child-a", title="Child A: first title", summary="A summary the lists show, edited.")
    # first the page itself (its content put into the last build's page), reported as such...
    wait_until("the edited page", lambda: "edited." in (fetch(base + "briefings/child-a/") or ""))
    wait_until("the fast path's report", lambda: "Updated briefings/child-a/" in log.read_text(encoding="utf-8"))
    # ...then the full build: the lists show the edit and the note is gone
    wait_until("the home page to list the edit", lambda: "edited." in (fetch(base) or ""))
    wait_until("the note to go", lambda: "lb-preview-note" not in (fetch(base + "briefings/child-a/") or "x lb-preview-note"))
    assert "catching up" in log.read_text(encoding="utf-8")
