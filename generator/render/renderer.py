"""Render derived data into pages (HTML fragments for MkDocs) and files, with Jinja2.

Templates are looked up in the site's own ``templates/`` folder first, then in the packaged
defaults, file by file, as Material's ``custom_dir`` does for theme templates.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

import jinja2
import jinja2.meta
from markupsafe import Markup

from generator.cache import jinja as jinja_cache
from generator.cache.keys import code_version, digest, tree_digest
from generator.cache.store import Store
from generator.i18n.language import ENGLISH, Language
from generator.problems import BuildFailed

PACKAGE_TEMPLATES = Path(str(files("generator.templates")))


@dataclass(frozen=True)
class Link:
    """A ``<link>`` for the page head, e.g. a feed (rel="alternate")."""

    rel: str
    type: str
    href: str  # site-relative
    title: str


@dataclass(frozen=True)
class Page:
    """A generated page: MkDocs puts ``html`` inside Material's layout at ``path``."""

    path: str  # source URI, e.g. "briefings/baby-eliza/index.md"
    title: str
    html: str
    description: str = ""
    nav_title: str | None = None  # set to list the page in the site's navigation
    nav_order: int = 100
    links: tuple[Link, ...] = ()
    search: bool = True
    hide: tuple[str, ...] = ("toc",)


@dataclass(frozen=True)
class OutputFile:
    """Any other file of the site: data, feeds, Word documents, copied reports."""

    path: str  # site-relative
    content: bytes | None = None
    source: Path | None = field(default=None)


def page_root(path: str) -> str:
    """The relative prefix from a page's URL back to the site root (directory URLs)."""
    folder = posixpath.dirname(path)
    if posixpath.basename(path) != "index.md":
        folder = posixpath.join(folder, posixpath.splitext(posixpath.basename(path))[0])
    depth = len([p for p in folder.split("/") if p])
    return "../" * depth


def long_date(value: date | None) -> str:
    """'14 March 2020': the GOV.UK style for dates (in English; see Language.long_date)."""
    return ENGLISH.long_date(value)


def mailto(address: str, subject: str | None = None) -> Markup:
    """A mail link showing the address, for an address inside a translated sentence."""
    query = f"?subject={jinja2.filters.do_urlencode(plain(subject))}" if subject else ""
    return Markup('<a href="mailto:{}{}">{}</a>').format(address, Markup(query), address)


def plain(text: str) -> str:
    """A translated sentence (Markup, its values escaped) as plain text again: for a URL."""
    return text.unescape() if isinstance(text, Markup) else text


def tel(number: str) -> Markup:
    return Markup('<a href="tel:{}">{}</a>').format(number.replace(" ", ""), number)


def hidden(text: str) -> Markup:
    """Words for screen readers only (e.g. which briefing a "Download" link is for)."""
    return Markup('<span class="lb-visually-hidden">{}</span>').format(text) if text else Markup("")


_AS_OF = re.compile(r"\bas_of\b")


class Renderer:
    """Jinja over the site's templates, then the packaged ones, in one language: ``_()`` and
    ``ngettext()`` in templates and ``self.language`` in builders come from that language's
    message catalogue (generator/i18n).

    With a ``store`` (the build cache), compiled templates are kept between builds and a page
    rendered with ``memo=`` is taken from the cache when its key (the memo's ``repr``, the
    template files and the context) is unchanged. The context holds the language's code and
    which briefings it shows untranslated, so each language's pages have their own keys."""

    def __init__(self, site_templates: Path | None = None, context: dict | None = None, store: Store | None = None,
                 language: Language = ENGLISH):
        search = [str(site_templates)] if site_templates and site_templates.is_dir() else []
        self.search_path = [Path(p) for p in search] + [PACKAGE_TEMPLATES]
        self.store = store if store is not None and store.enabled else None
        self._key: str | None = None
        self._as_of_users: dict[str, bool] = {}  # template name -> whether it names as_of
        self.env = jinja2.Environment(
            bytecode_cache=jinja_cache.bytecode_cache(self.store),
            loader=jinja2.FileSystemLoader([str(p) for p in self.search_path]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.i18n"],
        )
        self.language = language
        self.env.install_gettext_translations(language.messages, newstyle=True)
        self.env.filters["long_date"] = language.long_date
        self.env.filters["plain"] = plain
        self.env.filters["iso"] = lambda d: d.isoformat() if d else ""
        self.context = {"language": language.code, "untranslated": (), "untranslated_guidance": (),
                        "source_language": language.code, **(context or {})}
        self.env.globals.update(self.context)
        self.env.globals.update(time_tag=self.time_tag, mailto=mailto, tel=tel, hidden=hidden,
                                content_lang=self.content_lang)

    def time_tag(self, value: date) -> Markup:
        """``<time datetime="2020-03-14">14 March 2020</time>``, for a date inside a translated sentence."""
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), self.language.long_date(value))

    def content_lang(self, slug: str) -> Markup:
        """` lang="en"` on the words of a briefing shown untranslated, so a screen reader reads them right."""
        if slug in self.context["untranslated"]:
            return Markup(' lang="{}"').format(self.context["source_language"])
        return Markup("")

    @property
    def key(self) -> str:
        """What every output rendered here depends on besides its own arguments: the generator,
        the template files and the shared context (the site's settings, the language), but not
        the as-of date, which only the templates that name it add (:meth:`key_for`)."""
        if self._key is None:
            shared = sorted((name, value) for name, value in self.context.items() if name != "as_of")
            self._key = digest(code_version(), tree_digest(*self.search_path), repr(shared))
        return self._key

    def key_for(self, template: str) -> str:
        """:attr:`key`, with the as-of date if ``template`` (or a template it extends, includes
        or imports) names ``as_of``: a scheduled daily build, with a new date and nothing else
        changed, then renders again only the pages that print the date."""
        if self._uses_as_of(template, set()):
            return digest(self.key, str(self.context.get("as_of")))
        return self.key

    def _uses_as_of(self, name: str, seen: set[str]) -> bool:
        if name in self._as_of_users:
            return self._as_of_users[name]
        seen.add(name)
        try:
            source = self.env.loader.get_source(self.env, name)[0]
            tree = self.env.parse(source)
        except jinja2.TemplateError:
            return True  # rendering reports the template; its key may as well hold everything
        # The name anywhere in the source (jinja2.meta misses a global used in a call's arguments):
        # a mention too many only costs a render.
        uses = _AS_OF.search(source) is not None or any(
            other is None or (other not in seen and self._uses_as_of(other, seen))  # None: named at render time
            for other in jinja2.meta.find_referenced_templates(tree))
        self._as_of_users[name] = uses
        return uses

    def page(self, path: str, template: str, title: str, memo=None, **kwargs) -> Page:
        """Render ``pages/<template>`` for the page at ``path``; ``root`` makes links relative.

        ``memo``: a value whose ``repr`` stands for every other argument (they must be worked out
        from it and the context alone), so the page can be taken from the build cache."""
        key = self._page_key(path, template, title, memo)
        found = self._remembered(key)
        if found is not None:
            return found
        root = page_root(path)
        options = {k: kwargs.pop(k) for k in ("description", "nav_title", "nav_order", "links", "search", "hide")
                   if k in kwargs}
        html = self.text(f"pages/{template}", root=root, title=title, **kwargs)
        page = Page(path=path, title=title, html=html, **options)
        if key is not None:
            self.store.put_object("page", key, page)
        return page

    def remembered(self, path: str, template: str, title: str, memo) -> Page | None:
        """The page ``page(path, template, title, memo=memo, ...)`` would return, if the build
        cache has it (so a caller need not work out the other arguments)."""
        return self._remembered(self._page_key(path, template, title, memo))

    def _page_key(self, path: str, template: str, title: str, memo) -> str | None:
        if memo is None or not self.store:
            return None
        return digest(self.key_for(f"pages/{template}"), path, template, title, repr(memo))

    def _remembered(self, key: str | None) -> Page | None:
        found = self.store.get_object("page", key) if key is not None else None
        return found if isinstance(found, Page) else None

    def text(self, template: str, **kwargs) -> str:
        """Render a template; a broken template (often a site's own override) is a clear error."""
        try:
            return self.env.get_template(template).render(**kwargs)
        except jinja2.TemplateSyntaxError as err:
            raise BuildFailed(f"template {err.filename or err.name}:{err.lineno}: {err.message}") from None
        except jinja2.TemplateError as err:
            raise BuildFailed(f"template {template} could not be rendered: {err}; "
                              "check the template (or your override of it in templates/)") from None

    def find(self, relative: str) -> Path:
        """The first template file of that name: the site's own, else the packaged default."""
        for folder in self.search_path:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        raise FileNotFoundError(relative)
