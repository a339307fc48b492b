"""site/feed.xml and site/themes/<slug>/feed.xml: Atom feeds, newest first."""

from __future__ import annotations

from generator.derive.site import Site
from generator.render import feeds
from generator.render.renderer import OutputFile, Renderer


def build(site: Site, r: Renderer):
    yield OutputFile(feeds.SITE_FEED, feeds.site_feed(site, r.language))
    by_theme = site.by("theme")
    for slug in site.themes_in_use():
        yield OutputFile(feeds.theme_feed_path(slug), feeds.theme_feed(site, slug, by_theme[slug], r.language))
