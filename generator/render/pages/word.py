"""briefings/<slug>/<slug>-7-minute-briefing.docx: each published briefing as a Word handout.

Only ``site.entries`` is read, so drafts, embargoed and scheduled briefings never get a file;
an archived briefing's entry already has its report links replaced by "on request" (derive.py).
Every word the handout adds is in the site's language (``r.language``).
"""

from __future__ import annotations

import re
from html import escape

from generator.cache.keys import digest
from generator.derive.site import ON_REQUEST, Entry, Site
from generator.i18n.language import ENGLISH, N_, Language
from generator.render.pages.briefing_page import segments
from generator.render.renderer import OutputFile, Renderer
from generator.render.word import document as word
from generator.render.word.content import WordBriefing, WordSegment, handout_words

#: How the Word file writes a recommendation's status (as the briefing page does).
STATUS_WORDS = {"open": N_("open"), "in-progress": N_("in progress"), "complete": N_("complete")}


def docx_path(slug: str) -> str:
    return f"briefings/{slug}/{slug}-7-minute-briefing.docx"


def _request(site: Site, language: Language) -> str:
    """Who to ask for a report that is on request, as HTML."""
    board = site.site.board
    link = f'<a href="mailto:{escape(board.email)}">{escape(board.email)}</a>'
    return language.gettext("%(email)s or telephone %(phone)s", email=link, phone=escape(board.phone))


def _on_request_sentences(site: Site, fragment: str, language: Language) -> str:
    """A body link to a withdrawn report reads 'the overview report (available on request from
    x@y)' on paper, not 'the overview report (x@y) (available on request)'."""
    note = re.escape(escape(language.gettext(" (available on request)")))
    pattern = re.compile(rf'<a href="mailto:[^"]*" {ON_REQUEST}[^>]*>(.*?)</a>{note}', re.S)
    return pattern.sub(lambda m: language.gettext("%(link)s (available on request from %(contact)s)", link=m[1],
                                                  contact=_request(site, language)), fragment)


def _report(site: Site, entry: Entry, language: Language) -> str:
    """The report line as HTML: a link, or 'available on request' when the report is archived."""
    _ = language.gettext
    if entry.report_on_request:
        return _("available on request from %(email)s", email=_request(site, language))
    if entry.report_url:
        url = entry.report_url if "://" in entry.report_url else site.site.site_url + entry.report_url
        return f'<a href="{escape(url)}">{_("%(name)s review report", name=escape(entry.briefing.review.name))}</a>'
    return _("not published here")


def _segment_html(site: Site, entry: Entry, seg: dict, language: Language) -> str:
    b, cfg, _ = entry.briefing, site.site, language.gettext
    key = seg["key"]
    parts: list[str] = []
    if key == "themes":
        parts.append("<ul>" + "".join(f"<li>{escape(cfg.themes[t].title)}</li>" for t in b.themes) + "</ul>")
    elif key == "questions":
        parts.append("<ol>" + "".join(f"<li>{escape(q)}</li>" for q in b.meta.discussion_prompts) + "</ol>")
    for section in seg["sections"]:
        if section.key is None:
            parts.append(f"<h3>{escape(section.heading)}</h3>")
        parts.append(_on_request_sentences(site, section.html, language))
    if key == "actions" and b.recommendations:
        items = []
        for rec in b.recommendations:
            meta = [m for m in (rec.agency, _("due %(date)s", date=language.long_date(rec.due)) if rec.due else None) if m]
            if meta or rec.status != "open":
                meta.append(_("status: %(status)s", status=_(STATUS_WORDS[rec.status])))
            note = f" <em>({escape('; '.join(meta))})</em>" if meta else ""
            items.append(f"<li>{escape(rec.text)}{note}</li>")
        parts.append(f"<h3>{_('Recommendations')}</h3><ul>" + "".join(items) + "</ul>")
    if key == "further":
        board = cfg.board
        if entry.report_on_request:
            parts.append("<p>" + _("The full report is available on request from %(contact)s.", contact=_request(site, language))
                         + "</p>")
        else:
            parts.append("<p>" + _("Full report: %(link)s", link=_report(site, entry, language)) + "</p>")
        parts.append("<p>" + _("Questions about this review: %(board)s, %(email)s, telephone %(phone)s.", board=escape(board.name),
                               email=escape(board.email), phone=escape(board.phone)) + "</p>")
    if not parts:
        parts.append(f"<p>{_('This briefing has nothing under this heading.')}</p>")
    return "".join(parts)


def word_briefing(site: Site, entry: Entry, language: Language = ENGLISH) -> WordBriefing:
    b, cfg, _ = entry.briefing, site.site, language.gettext
    review = b.review
    page_url = cfg.site_url + entry.url
    return WordBriefing(
        path=docx_path(b.slug),
        title=b.title,
        summary=b.meta.summary,
        language=word.docx_language(language.code),
        published=b.published,
        board=cfg.board.name,
        facts=(
            (_("Review"), escape(review.name)),
            (_("Type"), escape(cfg.review_type_name(review.type))),
            (_("Board"), escape(entry.board)),
            (_("Published"), language.long_date(b.published)),
            (_("Report"), _report(site, entry, language)),
        ),
        segments=tuple(WordSegment(s["number"], s["label"], _segment_html(site, entry, s, language))
                       for s in segments(site, entry)),
        page_url=page_url,
        feedback_email=cfg.board.feedback_address,
        keywords=", ".join(cfg.themes[t].title for t in b.themes if t in cfg.themes),
        words=handout_words(language, cfg.board.name, b.title),
    )


def build(site: Site, r: Renderer):
    docs = [word_briefing(site, entry, r.language) for entry in site.entries]
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
