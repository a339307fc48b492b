"""The board's home page: latest briefings, themes, and how a 7-minute session runs."""

from __future__ import annotations

from generator.derive.site import Site
from generator.render.feeds import feed_link
from generator.render.renderer import Renderer

LATEST = 6


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    by_theme = site.by("theme")
    themes = [(slug, theme, len(by_theme[slug])) for slug, theme in site.themes_in_use().items()]
    themes.sort(key=lambda t: (-t[2], t[1].title))
    yield r.page(
        "index.md", "home.html", _("Home"),
        description=_("7-minute briefings from case reviews by %(board)s.", board=site.site.board.name),
        nav_title=_("Home"), nav_order=0, links=(feed_link(site, r.language),),
        latest=site.entries[:LATEST], themes=themes, total=len(site.entries),
    )
