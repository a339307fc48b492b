"""Atom feeds of published briefings (feedgen): the whole site's and one per theme.

Output is a pure function of the derived site: every timestamp comes from the briefings'
publication dates, never from the clock, so the same content always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from feedgen.feed import FeedGenerator

from generator.derive.site import Entry, Site
from generator.i18n.language import Language
from generator.render.renderer import Link

ATOM = "application/atom+xml"
SITE_FEED = "feed.xml"
#: Feed readers poll often and want what is new: the archive lists everything else. Without a
#: cap a national collection's feed would be megabytes fetched again and again.
FEED_LIMIT = 50


def theme_feed_path(slug: str) -> str:
    return f"themes/{slug}/feed.xml"


def feed_link(site: Site, language: Language, theme: str | None = None) -> Link:
    """The ``<link rel="alternate">`` a page puts in its head for a feed."""
    if theme is None:
        return Link("alternate", ATOM, SITE_FEED, language.gettext("%(site)s: all briefings", site=site.site.site_name))
    return Link("alternate", ATOM, theme_feed_path(theme), f"{site.site.site_name}: {site.site.themes[theme].title}")


def _stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def atom(site: Site, entries: Sequence[Entry], path: str, page: str, title: str, subtitle: str, language: str) -> bytes:
    """An Atom feed at site-relative ``path`` of ``entries`` (newest first), alternate to ``page``."""
    config = site.site
    base = config.site_url
    fg = FeedGenerator()
    fg.id(base + path)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": config.board.name, "email": config.board.email})
    fg.link(href=base + path, rel="self", type=ATOM)
    fg.link(href=base + page, rel="alternate", type="text/html")
    fg.language(language)
    fg.generator("Learning Briefings")
    # Newest on the site first (a lifted embargo counts from its lifting): what a subscriber
    # has not seen yet is at the top, and within the limit.
    entries = sorted(entries, key=lambda e: (e.public_from, e.published, e.slug), reverse=True)
    newest = max((e.public_from for e in entries), default=site.as_of)
    fg.updated(_stamp(newest))
    for entry in entries[:FEED_LIMIT]:
        b = entry.briefing
        fe = fg.add_entry(order="append")
        fe.id(base + entry.url)
        fe.title(b.title)
        fe.link(href=base + entry.url, rel="alternate", type="text/html")
        fe.summary(b.meta.summary)
        fe.author({"name": entry.board})
        fe.published(_stamp(entry.public_from))
        fe.updated(_stamp(entry.public_from))
        for theme in b.themes:
            fe.category(term=theme, label=config.themes[theme].title)
    return fg.atom_str(pretty=True)


def site_feed(site: Site, language: Language) -> bytes:
    _ = language.gettext
    return atom(site, site.entries, SITE_FEED, "", _("%(site)s: all briefings", site=site.site.site_name),
                _("7-minute briefings from case reviews by %(board)s, newest first.", board=site.site.board.name), language.code)


def theme_feed(site: Site, slug: str, entries: Sequence[Entry], language: Language) -> bytes:
    theme = site.site.themes[slug]
    return atom(site, entries, theme_feed_path(slug), f"themes/{slug}/", f"{site.site.site_name}: {theme.title}",
                language.gettext("7-minute briefings on the theme %(theme)s, newest first.", theme=theme.title), language.code)
