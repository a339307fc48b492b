"""One page per published briefing: review facts and the seven numbered segments."""

from __future__ import annotations

import re

from generator.derive.site import Entry, Site
from generator.render.renderer import Renderer

SEGMENTS = ("background", "why", "learning", "themes", "actions", "questions", "further")


def segments(site: Site, entry: Entry) -> list[dict]:
    """The seven segments in order, each with its label and the body sections it shows."""
    return [
        {"number": n, "key": key, "label": site.site.segment_label(key), "sections": entry.briefing.segment(key)}
        for n, key in enumerate(SEGMENTS, start=1)
    ]


#: Print layout (assets/print.css): a typical briefing's seven boxes sit whole in two columns on
#: one A4 sheet. A box taller than about half a column, or a briefing longer than a sheet, would
#: leave gaps and jump between columns, so such a briefing flows down a single column instead.
TALL_BOX_WORDS = 250
ONE_SHEET_WORDS = 800


def _words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


#: In a single column, a box shorter than this is still kept whole on one sheet.
SPLIT_BOX_WORDS = 120


def box_words(entry: Entry, segs: list[dict]) -> list[int]:
    """About how many words each box prints (body text, recommendations, questions)."""
    b = entry.briefing
    extra = {"actions": sum(len(rec.text.split()) + 6 for rec in b.recommendations),
             "questions": sum(len(q.split()) for q in b.meta.discussion_prompts)}
    return [sum(_words(s.html) for s in seg["sections"]) + extra.get(seg["key"], 0) for seg in segs]


def single_column(counts: list[int]) -> bool:
    """Whether the printed briefing flows down one column (long text or a tall box)."""
    return sum(counts) > ONE_SHEET_WORDS or max(counts, default=0) > TALL_BOX_WORDS


def build(site: Site, r: Renderer):
    for entry in site.entries:
        b = entry.briefing
        path, title = f"briefings/{b.slug}/index.md", b.title
        # everything below follows from the entry (and the renderer's context): from the cache if seen
        cached = r.remembered(path, "briefing.html", title, entry)
        if cached is not None:
            yield cached
            continue
        segs = segments(site, entry)
        counts = box_words(entry, segs)
        yield r.page(
            path, "briefing.html", title, memo=entry,
            description=b.meta.summary,
            entry=entry, b=b, segments=segs, single_column=single_column(counts),
            splittable={seg["number"] for seg, n in zip(segs, counts, strict=True) if n > SPLIT_BOX_WORDS},
        )
