"""Sites the quality gates run over: the sample site, and a fixture with every page type.

Each is built once per test session (the gates only read them) with the real CLI, at a fixed
as-of date. ``PAGES`` names one page of each type; a page type whose builder has not landed
yet is skipped with a reason, so its gates switch on by themselves when it lands.
"""

from __future__ import annotations

import importlib.util
import json
import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.render import pages as page_builders
from tests.browserkit import serve
from tests.sitekit import BASE_CONFIG, BODY, SiteFolder, cli

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"

_built: dict[str, object] = {}


def sample_site(tmp_path_factory) -> Path:
    """The project's own sample content (site_config.yml, briefings/), built once."""
    if "sample" not in _built:
        out = tmp_path_factory.mktemp("sample") / "site"
        run = cli("--config", ROOT / "site_config.yml", "build", "--as-of", AS_OF, "--site-dir", out, "--quiet")
        assert run.code == 0, run.err
        _built["sample"] = out
    return _built["sample"]


#: A small SVG with a text alternative, linked from a briefing body.
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t">'
       b'<title id="t">A square</title><rect width="10" height="10"/></svg>\n')
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

RICH_BODY = BODY + """
## Voice of the family
The family said they felt **unheard**; see [the local procedures](https://procedures.example.org/) and
[the diagram](images/square.svg).

![A square standing for the home](images/square.svg)

| Agency | Contacts |
| --- | --- |
| Health visiting | 4 |
| Police | 2 |

### A sub-heading
1. First point
2. Second point
"""


def every_page_type(tmp_path_factory) -> SiteFolder:
    """A board with current, archived, held-back and draft briefings, several boards, types, themes,
    agencies, recommendations of every status, guidance, a report, an image, a table: every page type."""
    if "fixture" not in _built:
        root = tmp_path_factory.mktemp("every-page-type") / "board"
        config = {**BASE_CONFIG, "accessibility": {"status": "partially compliant", "reviewed": "2026-10-01",
                                                    "known_issues": ["Older PDF reports may not work well with screen readers."]}}
        folder = SiteFolder(root, config)
        folder.write("briefings/images/square.svg", SVG)
        folder.write("briefings/reports/child-a.pdf", PDF)
        folder.write("guidance/risk-assessment.md",
                     "## Why it matters\n\nRisk changes.\n\n## What good practice looks like\n\n- Reassess often.\n")
        folder.add("child-a", body=RICH_BODY, themes=["risk-assessment", "lived-experience", "neglect"],
                   agencies=["Children's social care", "Police", "Health visiting"],
                   review={"published": "2026-06-01", "report": "reports/child-a.pdf"},
                   recommendations=["Reissue the guidance.",
                                    {"text": "Train staff on pre-birth assessment", "agency": "Health visiting",
                                     "due": "2026-12-31", "status": "in-progress"},
                                    {"text": "Audit core groups", "agency": "Children's social care",
                                     "due": "2026-03-31", "status": "complete"}])
        folder.add("child-b", themes=["domestic-abuse", "risk-assessment"], agencies=["Police"],
                   review={"type": "CSPR", "published": "2024-02-10", "board": "Otherton Safeguarding Partnership",
                           "report": "https://reports.example.org/child-b.pdf"})
        folder.add("child-c", themes=["information-sharing", "professional-curiosity"],
                   review={"type": "LCSPR", "published": "2023-05-05", "report": "https://reports.example.org/child-c.pdf"},
                   title="Child C: <script>alert('x')</script> & \"quotes\"")
        folder.add("baby-d", themes=["neglect", "lived-experience"], review={"type": "thematic", "published": "2025-12-01"})
        folder.add("child-e", draft=True, review={"published": None})
        folder.add("child-f", review={"published": "2026-01-01", "embargo_until": "2027-06-01"})
        folder.built(AS_OF)
        _built["fixture"] = folder
    return _built["fixture"]


@dataclass(frozen=True)
class PageKind:
    """One page type: where its example page is built, and the builder module that makes it."""

    name: str
    path: str  # site-relative HTML file
    module: str  # generator/pages/<module>.py


PAGES = [
    PageKind("home page", "index.html", "home"),
    PageKind("briefing", "briefings/child-a/index.html", "briefing_page"),
    PageKind("archived briefing", "briefings/child-b/index.html", "briefing_page"),
    PageKind("topic page", "themes/risk-assessment/index.html", "themes"),
    PageKind("theme index", "themes/index.html", "themes"),
    PageKind("finder", "find/index.html", "finder"),
    PageKind("archive", "archive/index.html", "archive"),
    PageKind("analysis", "analysis/index.html", "analysis"),
    PageKind("recommendations", "recommendations/index.html", "recommendations"),
    PageKind("accessibility statement", "accessibility/index.html", "accessibility"),
]


def example_pages(site: Path) -> list[tuple[PageKind, str]]:
    """One page of each kind in a built site, with its site-relative path: briefings (current and
    archived) and the topic page are taken from the site's own data/briefings.json."""
    records = json.loads((site / "data" / "briefings.json").read_text(encoding="utf-8"))
    current = next((r for r in records if not r["archived"]), None)
    archived = next((r for r in records if r["archived"]), None)
    chosen = []
    for kind in PAGES:
        path = kind.path
        if kind.name == "briefing" and current:
            path = f"{current['url']}index.html"
        elif kind.name == "archived briefing" and archived:
            path = f"{archived['url']}index.html"
        elif kind.name == "topic page" and records:
            path = f"themes/{records[0]['themes'][0]}/index.html"
        chosen.append((kind, path))
    return chosen


def landed(module: str) -> bool:
    """Whether a page builder exists and is registered in generator/pages BUILDERS."""
    if importlib.util.find_spec(f"generator.render.pages.{module}") is None:
        return False
    return any(getattr(b, "__module__", "") == f"generator.render.pages.{module}" for b in page_builders.BUILDERS)


def page_or_skip(site: Path, kind: PageKind, relative: str | None = None) -> Path:
    """The built page of that kind; skip if its builder has not landed, fail if it has but no page."""
    relative = relative or kind.path
    path = site / relative
    if not path.is_file():
        if not landed(kind.module):
            pytest.skip(f"the {kind.name} builder (generator/pages/{kind.module}.py) has not landed yet")
        raise AssertionError(f"{relative} was not built although generator/pages/{kind.module}.py is registered")
    return path


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def without_scripts(html: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)


SITES = ("sample", "fixture")


def built_site(name: str, tmp_path_factory) -> Path:
    """A gate site's built folder: the repository's sample content, or the every-page-type fixture."""
    return sample_site(tmp_path_factory) if name == "sample" else every_page_type(tmp_path_factory).site


@contextmanager
def serving_both(tmp_path_factory):
    """Both gate sites on local servers: {"sample" | "fixture": (site folder, base URL)}."""
    sites = {name: built_site(name, tmp_path_factory) for name in SITES}
    with ExitStack() as stack:
        yield {name: (site, stack.enter_context(serve(site))) for name, site in sites.items()}
