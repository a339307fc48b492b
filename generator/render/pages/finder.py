"""The finder (``find/``): filter every published briefing by theme, type, board, agency and year.

The page works without JavaScript (links to every topic page and the archive); finder.js shows
the filter form, which is rendered here with every facet the briefings use, and filters
``data/briefings.json`` in the browser.
"""

from __future__ import annotations

from generator.derive.site import Site
from generator.render.pages.themes import by_category
from generator.render.renderer import Renderer


def counted(groups: dict[str, list], name=lambda key: key) -> list[tuple[str, str, int]]:
    """(value, text, count) for each value, by text; finder.js keeps the counts current."""
    return sorted(((key, name(key), len(entries)) for key, entries in groups.items()), key=lambda t: t[1].lower())


def facets(site: Site) -> dict:
    """The values each filter offers: only those at least one published briefing has."""
    years = sorted(int(y) for y in site.by("year"))
    return {
        "themes": by_category(site),
        "types": counted(site.by("type"), site.site.review_type_name),
        "boards": counted(site.by("board")),
        "agencies": counted(site.by("agency")),
        "years": list(range(years[0], years[-1] + 1)) if years else [],
    }


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    yield r.page(
        "find/index.md", "finder.html", _("Find briefings"),
        description=_("Filter the briefings by theme, review type, board, agency and year."),
        nav_title=_("Find"), nav_order=20,
        total=len(site.entries), **facets(site),
    )
