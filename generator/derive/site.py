"""Derive the whole site's data before anything is written (MkDocs' two passes, done first).

Everything here is a pure function of (config, briefings, as-of date): no I/O, no clock.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from urllib.parse import quote

from generator.cache.keys import digest
from generator.config.settings import LoadedConfig, Theme
from generator.derive import publication
from generator.derive.publication import HeldBack, State
from generator.i18n.language import ENGLISH, Language
from generator.model.briefing import Briefing
from generator.read.body import is_local
from generator.read.guidance import Guidance


@dataclass(frozen=True)
class Entry:
    """A published briefing with everything its pages need to know about its publication."""

    briefing: Briefing
    board: str
    expires: date
    archived: bool
    report_url: str | None  # site-relative path, outside URL, or None (none, or on request)
    report_on_request: bool  # archived with after_expiry: on_request
    #: the request contact its report links switch to in the reader's browser on the expiry date
    #: (after_expiry: on_request, not yet archived): a page built before then is right on the day
    request_from_expiry: str | None = None

    @property
    def slug(self) -> str:
        return self.briefing.slug

    @property
    def url(self) -> str:
        """Site-relative URL of the briefing page."""
        return f"briefings/{self.slug}/"

    @property
    def published(self) -> date:
        return self.briefing.published  # always set once published

    @property
    def public_from(self) -> date:
        """The day it first appeared on the site: its publication, or the end of its embargo if
        that came later. Feeds order and date entries by it, so a lifted embargo reads as new."""
        embargo = self.briefing.review.embargo_until
        return max(self.published, embargo) if embargo else self.published


@dataclass(frozen=True)
class Taxonomy:
    """One way of classifying briefings (Nikola's idea): themes, types, years, boards, agencies."""

    name: str
    classify: Callable[[Entry], Iterable[str]]

    def group(self, entries: Iterable[Entry]) -> dict[str, list[Entry]]:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for key in dict.fromkeys(self.classify(entry)):
                groups[key].append(entry)
        return dict(groups)


TAXONOMIES = {
    "theme": Taxonomy("theme", lambda e: e.briefing.themes),
    "type": Taxonomy("type", lambda e: [e.briefing.review.type]),
    "year": Taxonomy("year", lambda e: [str(e.published.year)]),
    "board": Taxonomy("board", lambda e: [e.board]),
    "agency": Taxonomy("agency", lambda e: e.briefing.meta.agencies),
}


@dataclass(frozen=True)
class Site:
    """The derived site: the one value every render step reads."""

    config: LoadedConfig
    as_of: date
    entries: tuple[Entry, ...]  # published, newest first
    held_back: tuple[HeldBack, ...]
    drafts: int
    guidance: Mapping[str, Guidance] = field(default_factory=dict)  # longer notes per theme slug
    language: str = "en"  # the language its pages are written in
    #: slugs of briefings (and theme slugs of guidance) shown in the site's own language, untranslated
    untranslated: frozenset[str] = frozenset()
    untranslated_guidance: frozenset[str] = frozenset()
    translations: tuple[Site, ...] = ()  # the same site in each further language (on the root site only)
    missing_translations: tuple[tuple[str, str], ...] = ()  # (language, main file) on the root site
    briefings: tuple[Briefing, ...] = field(default=(), repr=False)  # every briefing read, held back too (root only)

    @property
    def source_language(self) -> str:
        """The language untranslated text is in: the root site's."""
        return self.config.site.language

    @property
    def site(self):
        return self.config.site

    def editions(self) -> list[Site]:
        """This site and each translation of it: one per language, root first."""
        return [self, *self.translations]

    @cached_property
    def listed(self) -> dict[str, Entry]:
        """Each entry by slug without its body (:func:`without_bodies`), made once per site."""
        return {e.slug: e for e in without_bodies(self.entries)}

    @cached_property
    def _listed_reprs(self) -> dict[str, str]:
        return {slug: repr(e) for slug, e in self.listed.items()}

    def listing_key(self, entries: Iterable[Entry]) -> str:
        """A build-cache key for a page listing ``entries`` by their front matter (``listed``)."""
        return digest(*(self._listed_reprs[e.slug] for e in entries))

    def by(self, taxonomy: str) -> dict[str, list[Entry]]:
        return TAXONOMIES[taxonomy].group(self.entries)

    def themes_in_use(self) -> dict[str, Theme]:
        used = self.by("theme")
        return {slug: theme for slug, theme in self.site.themes.items() if slug in used}

    def related_themes(self, slug: str) -> list[tuple[str, int]]:
        """Themes that occur with ``slug`` in the same briefings, most often first (ties by slug)."""
        counts = Counter(t for e in self.entries if slug in e.briefing.themes for t in e.briefing.themes if t != slug)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def without_bodies(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """The entries with each briefing's body left out (its sections, learning points and body
    files): what pages that list briefings by their front matter are given (the archive, the
    recommendations tracker, a topic page's list of reviews), so that editing a body leaves
    those pages, and their build-cache keys, unchanged."""
    return tuple(replace(e, briefing=replace(e.briefing, sections=(), learning_points=(), assets=(), text=""))
                 for e in entries)


def request_link(email: str, review_name: str, language: Language = ENGLISH) -> str:
    """The mailto link readers use to ask the board for a report that is no longer on the site."""
    return f"mailto:{email}?subject={quote(language.gettext('Report request: %(name)s', name=review_name))}"


def _report_links(report: str) -> re.Pattern:
    """Body links to the report (``report``: its site-relative output path, or its outside URL)."""
    target = re.escape(html.escape(report))
    if is_local(report):
        target = r"(?:\.\./)*" + target  # body links are relative to the page (../../files/...)
    return re.compile(r'<a href="(' + target + r'(?:#[^"]*)?)"([^>]*)>(.*?)</a>', re.S)


def _rewrite_body(briefing: Briefing, pattern: re.Pattern, link) -> Briefing:
    def rewrite(fragment: str) -> str:
        return pattern.sub(link, fragment)

    sections = tuple(replace(s, html=rewrite(s.html)) for s in briefing.sections)
    return replace(briefing, sections=sections, learning_points=tuple(rewrite(p) for p in briefing.learning_points))


#: Marks a body link that now goes to the request contact, so other outputs (the Word
#: handout) can word it their own way.
ON_REQUEST = "data-lb-on-request"


def withhold_report(briefing: Briefing, report: str, request: str, language: Language = ENGLISH) -> Briefing:
    """The briefing as published once its report is on request only.

    Every body link to the report is pointed at the request contact and says so, and the report
    file leaves the files to copy, so no output links or holds it.
    """
    note = html.escape(language.gettext(" (available on request)"))
    briefing = _rewrite_body(briefing, _report_links(report),
                             lambda m: f'<a href="{html.escape(request)}" {ON_REQUEST}{m[2]}>{m[3]}</a>{note}')
    asset = briefing.report_asset
    return replace(briefing, assets=tuple(a for a in briefing.assets if asset is None or a.output != asset.output))


def mark_report_links(briefing: Briefing, report: str) -> Briefing:
    """Mark body links to a report that goes on request at its expiry date (``data-lb-report``),
    so assets/expiry.js can point them at the request contact on the day."""
    return _rewrite_body(briefing, _report_links(report), lambda m: f'<a href="{m[1]}" data-lb-report{m[2]}>{m[3]}</a>')


def make_entry(briefing: Briefing, config: LoadedConfig, as_of: date, language: Language = ENGLISH) -> Entry:
    site = config.site
    expires = publication.expiry_date(briefing.published, site.publication.keep_months)
    archived = as_of >= expires
    on_request = archived and site.publication.after_expiry == "on_request"
    report = briefing.review.report
    if report is None or on_request:
        report_url = None
    elif briefing.report_asset is not None:
        report_url = briefing.report_asset.output
    else:
        report_url = report if not is_local(report) else None
    withheld = briefing.report_asset.output if briefing.report_asset else report
    request = request_link(site.board.email, briefing.review.name, language)
    later = None
    if on_request and report is not None:
        briefing = withhold_report(briefing, withheld, request, language)
    elif report is not None and site.publication.after_expiry == "on_request":
        briefing, later = mark_report_links(briefing, withheld), request
    return Entry(briefing, briefing.review.board or site.board.name, expires, archived, report_url,
                 on_request and report is not None, later)


def translated(root: Site, code: str, translations: Mapping[str, Briefing], guidance: Mapping[str, Guidance]) -> Site:
    """The site in a further language: the same briefings published or held back (facts come from
    the main files), each in its translation where there is one, else as written; settings in that language."""
    config = root.config.model_copy(update={"site": root.config.for_language(code)})
    briefings = [translations.get(b.slug, b) for b in root.briefings]
    site = derive(config, briefings, root.as_of, {**root.guidance, **guidance}, code)
    return replace(site, briefings=(),
                   untranslated=frozenset(e.slug for e in site.entries if e.slug not in translations),
                   untranslated_guidance=frozenset(slug for slug in root.guidance if slug not in guidance))


def derive(config: LoadedConfig, briefings: list[Briefing], as_of: date,
           guidance: Mapping[str, Guidance] | None = None, language: str | None = None) -> Site:
    """The site in ``language`` (the site's own by default): which briefings are published, held
    back or drafts, and what each published one links."""
    language = language or config.site.language
    words = Language(language)
    entries, held, drafts = [], [], 0
    for briefing in briefings:
        s = publication.state(briefing, as_of)
        if s is State.PUBLISHED:
            entries.append(make_entry(briefing, config, as_of, words))
        elif s is State.DRAFT:
            drafts += 1
        else:
            held.append(publication.held_back(briefing, as_of))
    entries.sort(key=lambda e: (e.published, e.slug), reverse=True)
    return Site(config, as_of, tuple(entries), tuple(held), drafts, dict(guidance or {}), language,
                briefings=tuple(briefings))
