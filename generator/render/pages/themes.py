"""Topic pages (``themes/<slug>/``), one per theme in use, and the theme index (``themes/``).

A topic page answers "what have reviews taught us about X?": the theme's guidance, the key
learning, recommendations and questions of its most recent reviews, every review with the
theme, and the themes that most often occur with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.cache.keys import digest
from generator.config.settings import Theme
from generator.derive.site import Entry, Site
from generator.read import guidance
from generator.render.renderer import Link, Renderer

#: Key learning, recommendations and questions come from this many of a theme's newest reviews;
#: every review is still listed. Hundreds of reviews' learning on one page would answer nothing.
LEARNING_FROM = 10


@dataclass(frozen=True)
class ThemeSummary:
    slug: str
    theme: Theme
    count: int


def by_category(site: Site, every: bool = False) -> list[tuple[str, list[ThemeSummary]]]:
    """Themes in use (``every``: all configured themes, a count of 0 for the rest) grouped by
    category: categories in config order, themes by title."""
    counts = {slug: len(entries) for slug, entries in site.by("theme").items()}
    groups: dict[str, list[ThemeSummary]] = {}
    for slug, theme in (site.site.themes if every else site.themes_in_use()).items():
        groups.setdefault(theme.category, []).append(ThemeSummary(slug, theme, counts.get(slug, 0)))
    return [(category, sorted(items, key=lambda t: t.theme.title.lower())) for category, items in groups.items()]


def drawn_from(entries: list[Entry]) -> dict:
    """What a topic page quotes from its newest reviews: each list paired with its briefing, empty ones left out."""
    newest = entries[:LEARNING_FROM]
    return {
        "reviews": len(newest),
        "learning": [(e, e.briefing.learning_points) for e in newest if e.briefing.learning_points],
        "recommendations": [(e, e.briefing.recommendations) for e in newest if e.briefing.recommendations],
        "questions": [(e, e.briefing.meta.discussion_prompts) for e in newest],
    }


def topic_page(site: Site, r: Renderer, slug: str, theme: Theme, entries: list[Entry], notes: guidance.Guidance | None):
    _ = r.language.gettext
    title = theme.title
    related = [(site.site.themes[other], other, count) for other, count in site.related_themes(slug)]
    drawn, listed = drawn_from(entries), [site.listed[e.slug] for e in entries]  # bodies only of the newest, quoted
    return r.page(
        f"themes/{slug}/index.md", "theme.html", title,
        description=theme.summary or _("What case reviews have taught us about %(theme)s.", theme=title.lower()),
        links=(Link("alternate", "application/atom+xml", f"themes/{slug}/feed.xml", _("%(theme)s briefings", theme=title)),),
        slug=slug, theme=theme, entries=listed, drawn=drawn, guidance=notes, related=related,
        memo=digest(site.listing_key(entries), repr((slug, theme, drawn, notes, related))),
    )


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    notes = site.guidance
    groups = by_category(site, every=True)  # a theme without reviews yet is listed, unlinked
    yield r.page(
        "themes/index.md", "themes_index.html", _("Themes"),
        description=_("Learning from case reviews by %(board)s, by theme.", board=site.site.board.name),
        nav_title=_("Themes"), nav_order=10,
        groups=groups, memo=groups,
    )
    by_theme = site.by("theme")
    for slug, theme in site.themes_in_use().items():
        yield topic_page(site, r, slug, theme, by_theme[slug], notes.get(slug))
