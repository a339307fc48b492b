"""briefings/<slug>/<slug>-7-minute-briefing.docx: each published briefing as a Word handout.

Only ``site.entries`` is read, so drafts, embargoed and scheduled briefings never get a file;
an archived briefing's entry already has its report links replaced by "on request" (derive.py).
"""

from __future__ import annotations

import re
from html import escape

from generator.cache.keys import digest
from generator.derive.site import ON_REQUEST, Entry, Site
from generator.render.pages.briefing_page import segments
from generator.render.renderer import OutputFile, Renderer, long_date
from generator.render.word import document as word
from generator.render.word.content import WordBriefing, WordSegment


def docx_path(slug: str) -> str:
    return f"briefings/{slug}/{slug}-7-minute-briefing.docx"


def _request(site: Site) -> str:
    """Who to ask for a report that is on request, as HTML."""
    board = site.site.board
    return f'<a href="mailto:{escape(board.email)}">{escape(board.email)}</a> or telephone {escape(board.phone)}'


def _on_request_sentences(site: Site, fragment: str) -> str:
    """A body link to a withdrawn report reads 'the overview report (available on request from
    x@y)' on paper, not 'the overview report (x@y) (available on request)'."""
    return _ON_REQUEST.sub(lambda m: f"{m[1]} (available on request from {_request(site)})", fragment)


_ON_REQUEST = re.compile(rf'<a href="mailto:[^"]*" {ON_REQUEST}[^>]*>(.*?)</a> \(available on request\)', re.S)


def _report(site: Site, entry: Entry) -> str:
    """The report line as HTML: a link, or 'available on request' when the report is archived."""
    if entry.report_on_request:
        return f"available on request from {_request(site)}"
    if entry.report_url:
        url = entry.report_url if "://" in entry.report_url else site.site.site_url + entry.report_url
        return f'<a href="{escape(url)}">{escape(entry.briefing.review.name)} review report</a>'
    return "not published here"


def _segment_html(site: Site, entry: Entry, seg: dict) -> str:
    b, cfg = entry.briefing, site.site
    key = seg["key"]
    parts: list[str] = []
    if key == "themes":
        parts.append("<ul>" + "".join(f"<li>{escape(cfg.themes[t].title)}</li>" for t in b.themes) + "</ul>")
    elif key == "questions":
        parts.append("<ol>" + "".join(f"<li>{escape(q)}</li>" for q in b.meta.discussion_prompts) + "</ol>")
    for section in seg["sections"]:
        if section.key is None:
            parts.append(f"<h3>{escape(section.heading)}</h3>")
        parts.append(_on_request_sentences(site, section.html))
    if key == "actions" and b.recommendations:
        items = []
        for rec in b.recommendations:
            meta = [m for m in (rec.agency, f"due {long_date(rec.due)}" if rec.due else None) if m]
            if meta or rec.status != "open":
                meta.append(f"status: {rec.status.replace('-', ' ')}")
            note = f" <em>({escape('; '.join(meta))})</em>" if meta else ""
            items.append(f"<li>{escape(rec.text)}{note}</li>")
        parts.append("<h3>Recommendations</h3><ul>" + "".join(items) + "</ul>")
    if key == "further":
        board = cfg.board
        if entry.report_on_request:
            parts.append(f"<p>The full report is available on request from {_request(site)}.</p>")
        else:
            parts.append(f"<p>Full report: {_report(site, entry)}</p>")
        parts.append(f"<p>Questions about this review: {escape(board.name)}, {escape(board.email)}, "
                     f"telephone {escape(board.phone)}.</p>")
    if not parts:
        parts.append("<p>This briefing has nothing under this heading.</p>")
    return "".join(parts)


def word_briefing(site: Site, entry: Entry) -> WordBriefing:
    b, cfg = entry.briefing, site.site
    review = b.review
    page_url = cfg.site_url + entry.url
    return WordBriefing(
        path=docx_path(b.slug),
        title=b.title,
        summary=b.meta.summary,
        language=word.docx_language(cfg.language),
        published=b.published,
        board=cfg.board.name,
        facts=(
            ("Review", escape(review.name)),
            ("Type", escape(cfg.review_type_name(review.type))),
            ("Board", escape(entry.board)),
            ("Published", long_date(b.published)),
            ("Report", _report(site, entry)),
        ),
        segments=tuple(WordSegment(s["number"], s["label"], _segment_html(site, entry, s))
                       for s in segments(site, entry)),
        page_url=page_url,
        feedback_email=cfg.board.feedback_address,
        keywords=", ".join(cfg.themes[t].title for t in b.themes if t in cfg.themes),
    )


def build(site: Site, r: Renderer):
    docs = [word_briefing(site, entry) for entry in site.entries]
    for doc, data in zip(docs, render_cached(docs, r), strict=True):
        yield OutputFile(doc.path, data)


def render_cached(docs: list[WordBriefing], r: Renderer) -> list[bytes]:
    """``word.render_all``, taking from the build cache each document whose WordBriefing (all
    it is written from) is unchanged."""
    if r.store is None:
        return word.render_all(docs)
    keys = [digest(r.key, repr(doc)) for doc in docs]
    found = [r.store.get("word", key) for key in keys]
    missing = [i for i, data in enumerate(found) if data is None]
    for i, data in zip(missing, word.render_all([docs[i] for i in missing]), strict=True):
        r.store.put("word", keys[i], data)
        found[i] = data
    return found
