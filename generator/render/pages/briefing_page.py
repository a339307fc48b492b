"""One page per published briefing: review facts and the seven numbered segments."""

from __future__ import annotations

from generator.derive.site import Entry, Site
from generator.render.renderer import Renderer

SEGMENTS = ("background", "why", "learning", "themes", "actions", "questions", "further")


def segments(site: Site, entry: Entry) -> list[dict]:
    """The seven segments in order, each with its label and the body sections it shows."""
    return [
        {"number": n, "key": key, "label": site.site.segment_label(key), "sections": entry.briefing.segment(key)}
        for n, key in enumerate(SEGMENTS, start=1)
    ]


def build(site: Site, r: Renderer):
    for entry in site.entries:
        b = entry.briefing
        yield r.page(
            f"briefings/{b.slug}/index.md", "briefing.html", b.title,
            description=b.meta.summary, memo=entry,  # everything below follows from the entry
            entry=entry, b=b, segments=segments(site, entry),
        )
