"""site/archive/: every published review by year, newest first, with its archive state.

Filtering by type works without JavaScript: each review type in use has its own page,
``archive/<type>/``, and every archive page links them all.
"""

from __future__ import annotations

import re

from generator.derive.site import Entry, Site
from generator.render import feeds
from generator.render.renderer import Renderer, long_date


def archive_state(site: Site, entry: Entry) -> tuple[str, str]:
    """(text at the as-of date, text once archived): the browser switches to the second on the day."""
    until = long_date(entry.expires)
    if site.site.publication.after_expiry == "on_request":
        current, archived = f"On this website until {until}", "Archived — report available on request"
    else:
        current, archived = f"To be archived on {until}", "Archived — report still on this website"
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


def rows(site: Site, entries: list[Entry]) -> list[tuple[int, list[dict]]]:
    """Entries grouped by publication year, newest year first (entries are newest first)."""
    years: dict[int, list[dict]] = {}
    for entry in entries:
        state, archived_text = archive_state(site, entry)
        years.setdefault(entry.published.year, []).append(
            {"entry": entry, "state": state, "archived_text": archived_text})
    return sorted(years.items(), reverse=True)


def build(site: Site, r: Renderer):
    by_type = site.by("type")
    order = [key for key in site.site.review_types if key in by_type]
    slugs = type_slugs(order)
    filters = [{"key": key, "name": site.site.review_type_name(key), "slug": slugs[key], "count": len(by_type[key])}
               for key in order]
    common = {"filters": filters, "total": len(site.entries), "links": (feeds.feed_link(site),)}
    yield r.page(
        "archive/index.md", "archive.html", "Archive",
        description=f"Every review published by {site.site.board.name}, by year, with what is still on this website.",
        nav_title="Archive", nav_order=30,
        years=rows(site, list(site.entries)), current=None, **common,
    )
    for item in filters:
        yield r.page(
            f"archive/{item['slug']}/index.md", "archive.html", f"Archive: {item['name']}",
            description=f"Every {item['name']} published by {site.site.board.name}, by year.",
            years=rows(site, by_type[item["key"]]), current=item, **common,
        )
