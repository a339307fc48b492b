"""site/data/briefings.json: the published briefings as data, for the finder and for reuse."""

from __future__ import annotations

import json

from generator.derive.site import Entry, Site
from generator.render.renderer import OutputFile, Renderer


def briefing_record(site: Site, entry: Entry) -> dict:
    b = entry.briefing
    review = b.review
    return {
        "slug": b.slug,
        "url": entry.url,
        "title": b.title,
        "summary": b.meta.summary,
        "review": {
            "name": review.name,
            "type": review.type,
            "type_name": site.site.review_type_name(review.type),
            "board": entry.board,
            "published": review.published.isoformat(),
        },
        "year": review.published.year,
        "themes": list(b.themes),
        "agencies": list(b.meta.agencies),
        "archived": entry.archived,
        "expires": entry.expires.isoformat(),
    }


def to_json(data) -> bytes:
    """Stable bytes: sorted keys are not used so the documented key order stays readable."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build(site: Site, r: Renderer):
    yield OutputFile("data/briefings.json", to_json([briefing_record(site, e) for e in site.entries]))
