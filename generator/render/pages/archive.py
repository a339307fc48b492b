"""site/archive/: every published review by year, newest first, with its archive state.

Filtering works without JavaScript: each review type in use has its own page,
``archive/<type>/``, and the archive state has two, ``archive/current/`` and
``archive/archived/``; every archive page links them all. A state view lists what was in that
state when the site was built; assets/expiry.js moves a review across on its expiry date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.derive.site import Entry, Site
from generator.render import feeds
from generator.render.renderer import Renderer

#: The archive-state views: slug -> which entries it lists (by Entry.archived).
STATE_VIEWS = {"current": False, "archived": True}


def type_slugs(types) -> dict[str, str]:
    """A page address for each review type key: lower-case, unique ('SCR' -> 'scr'), never a
    state view's address."""
    slugs: dict[str, str] = {}
    for key in types:
        base = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "type"
        slug, n = base, 1
        while slug in slugs.values() or slug in STATE_VIEWS:
            n += 1
            slug = f"{base}-{n}"
        slugs[key] = slug
    return slugs


def rows(entries: list[Entry], show: str | None = None) -> list[tuple[int, list[dict]]]:
    """Entries grouped by publication year, newest year first (entries are newest first).

    ``show`` (a state view) marks each item for assets/expiry.js: leave the view once archived
    (``current``), or join it then (``archived``: such items are in the page, hidden).
    """
    years: dict[int, list[dict]] = {}
    for entry in entries:
        if show == "current" and entry.archived:
            continue
        years.setdefault(entry.published.year, []).append(
            {"entry": entry, "show": show, "hidden": show == "archived" and not entry.archived})
    return sorted(years.items(), reverse=True)


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    # Front matter only (see without_bodies): one key for every archive page, kept when a body is edited.
    memo = site.listing_key(site.entries)
    site = replace(site, entries=tuple(site.listed.values()))
    by_type = site.by("type")
    order = [key for key in site.site.review_types if key in by_type]
    slugs = type_slugs(order)
    filters = [{"key": key, "name": site.site.review_type_name(key), "slug": slugs[key], "count": len(by_type[key])}
               for key in order]
    archived = sum(e.archived for e in site.entries)
    states = [{"slug": "current", "count": len(site.entries) - archived}, {"slug": "archived", "count": archived}]
    common = {"filters": filters, "states": states, "total": len(site.entries), "links": (feeds.feed_link(site, r.language),)}
    yield r.page(
        "archive/index.md", "archive.html", _("Archive"),
        description=_("Every review published by %(board)s, by year, with what is still on this website.", board=site.site.board.name),
        nav_title=_("Archive"), nav_order=30,
        years=rows(list(site.entries)), current=None, state=None, memo=memo, **common,
    )
    for item in filters:
        yield r.page(
            f"archive/{item['slug']}/index.md", "archive.html", _("Archive: %(type)s", type=item["name"]),
            description=_("Every %(type)s published by %(board)s, by year.", type=item["name"], board=site.site.board.name),
            years=rows(by_type[item["key"]]), current=item, state=None, memo=memo, **common,
        )
    for view in states:
        yield r.page(
            f"archive/{view['slug']}/index.md", "archive.html",
            _("Archive: archived reviews") if view["slug"] == "archived" else _("Archive: current reviews"),
            description=(_("Reviews published by %(board)s, by year: those archived.", board=site.site.board.name)
                         if view["slug"] == "archived" else
                         _("Reviews published by %(board)s, by year: those not yet archived.", board=site.site.board.name)),
            years=rows(list(site.entries), view["slug"]), current=None, state=view, memo=memo, **common,
        )
