"""Page builders: each module turns the derived Site into pages and files of one kind.

A builder is ``build(site, renderer) -> Iterable[Page | OutputFile]``. Add a new page type by
writing a module here and listing its ``build`` in ``BUILDERS``; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.derive.site import Site
from generator.render.pages import (
    accessibility,
    analysis,
    archive,
    assets,
    briefing_page,
    data,
    feeds,
    finder,
    home,
    recommendations,
    themes,
)
from generator.render.pages import word as word_docx
from generator.render.renderer import OutputFile, Page, Renderer

Builder = Callable[[Site, Renderer], Iterable[Page | OutputFile]]

BUILDERS: list[Builder] = [
    home.build,
    themes.build,
    finder.build,
    briefing_page.build,
    data.build,
    archive.build,
    feeds.build,
    assets.build,
    accessibility.build,
    analysis.build,
    recommendations.build,
    word_docx.build,
]


#: Builders that write only files MkDocs never needs to see (Word documents): build.py runs them
#: in a second process alongside the page rendering and MkDocs, on the second core.
ALONGSIDE: set[Builder] = {word_docx.build}


#: Builders of the pages the search indexes (topic pages, briefings): with ``searched``,
#: build_all renders them first, so build.py can start Pagefind while it renders the rest.
SEARCHED: list[Builder] = [themes.build, briefing_page.build]


def build_all(site: Site, renderer: Renderer, skip=frozenset(), searched=None) -> tuple[list[Page], list[OutputFile]]:
    """Run every builder (but those in ``skip``); refuse two outputs at one path (Pelican's writer
    rule). ``searched(pages)``, if given, is called with the pages of SEARCHED as soon as they are
    rendered. Outputs come back in BUILDERS order whatever order they were rendered in."""
    order = [b for b in BUILDERS if b not in skip]
    first = [b for b in order if b in SEARCHED] if searched is not None else []
    made: dict[Builder, list] = {}
    for builder in first:
        made[builder] = list(builder(site, renderer))
    if searched is not None:
        searched([item for b in first for item in made[b] if isinstance(item, Page)])
    pages: list[Page] = []
    files: list[OutputFile] = []
    seen: set[str] = set()
    for builder in order:
        for item in made.pop(builder) if builder in made else builder(site, renderer):
            key = item.path if isinstance(item, OutputFile) else _page_output(item.path)
            if key in seen:
                raise ValueError(f"two outputs would be written to {key}")
            seen.add(key)
            (pages if isinstance(item, Page) else files).append(item)
    return pages, files


def _page_output(path: str) -> str:
    return path[: -len("index.md")] + "index.html" if path.endswith("index.md") else path[:-3] + "/index.html"
