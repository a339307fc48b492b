"""site/archive/: every published review by year, newest first, with its archive state.

Filtering by type works without JavaScript: each review type in use has its own page,
``archive/<type>/``, and every archive page links them all.
"""

from __future__ import annotations

import re

from generator.derive.site import Entry, Site
from generator.i18n.language import Language
from generator.render import feeds
from generator.render.renderer import Renderer


def archive_state(site: Site, entry: Entry, language: Language) -> tuple[str, str]:
    """(text at the as-of date, text once archived): the browser switches to the second on the day."""
    _, until = language.gettext, language.long_date(entry.expires)
    if site.site.publication.after_expiry == "on_request":
        current, archived = _("On this website until %(date)s", date=until), _("Archived — report available on request")
    else:
        current, archived = _("To be archived on %(date)s", date=until), _("Archived — report still on this website")
    return (archived if entry.archived else current), archived


def type_slugs(types) -> dict[str, str]:
    """A page address for each review type key: lower-case, unique ('SCR' -> 'scr')."""
    slugs: dict[str, str] = {}
    for key in types:
        base = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "type"
        slug, n = base, 1
        while slug in slugs.values():
            n += 1
            slug = f"{base}-{n}"
        slugs[key] = slug
    return slugs


def rows(site: Site, entries: list[Entry], language: Language) -> list[tuple[int, list[dict]]]:
    """Entries grouped by publication year, newest year first (entries are newest first)."""
    years: dict[int, list[dict]] = {}
    for entry in entries:
        state, archived_text = archive_state(site, entry, language)
        years.setdefault(entry.published.year, []).append(
            {"entry": entry, "state": state, "archived_text": archived_text})
    return sorted(years.items(), reverse=True)


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    by_type = site.by("type")
    order = [key for key in site.site.review_types if key in by_type]
    slugs = type_slugs(order)
    filters = [{"key": key, "name": site.site.review_type_name(key), "slug": slugs[key], "count": len(by_type[key])}
               for key in order]
    common = {"filters": filters, "total": len(site.entries), "links": (feeds.feed_link(site, r.language),)}
    yield r.page(
        "archive/index.md", "archive.html", _("Archive"),
        description=_("Every review published by %(board)s, by year, with what is still on this website.", board=site.site.board.name),
        nav_title=_("Archive"), nav_order=30,
        years=rows(site, list(site.entries), r.language), current=None, **common,
    )
    for item in filters:
        yield r.page(
            f"archive/{item['slug']}/index.md", "archive.html", _("Archive: %(type)s", type=item["name"]),
            description=_("Every %(type)s published by %(board)s, by year.", type=item["name"], board=site.site.board.name),
            years=rows(site, by_type[item["key"]], r.language), current=item, **common,
        )
