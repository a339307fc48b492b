"""Render derived data into pages (HTML fragments for MkDocs) and files, with Jinja2.

Templates are looked up in the site's own ``templates/`` folder first, then in the packaged
defaults, file by file, as Material's ``custom_dir`` does for theme templates.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

import jinja2
from markupsafe import Markup

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


class Renderer:
    """Renders in one language: ``_()``/``ngettext()`` in templates and ``self.language`` in
    builders come from that language's message catalogue (generator/i18n)."""

    def __init__(self, site_templates: Path | None = None, context: dict | None = None, language: Language = ENGLISH):
        search = [str(site_templates)] if site_templates and site_templates.is_dir() else []
        self.search_path = [Path(p) for p in search] + [PACKAGE_TEMPLATES]
        self.env = jinja2.Environment(
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
        self.env.globals.update(time_tag=self.time_tag, mailto=mailto, tel=tel, hidden=hidden)
        self.env.globals.update(context or {})

    def time_tag(self, value: date) -> Markup:
        """``<time datetime="2020-03-14">14 March 2020</time>``, for a date inside a translated sentence."""
        return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), self.language.long_date(value))

    def page(self, path: str, template: str, title: str, **kwargs) -> Page:
        """Render ``pages/<template>`` for the page at ``path``; ``root`` makes links relative."""
        root = page_root(path)
        options = {k: kwargs.pop(k) for k in ("description", "nav_title", "nav_order", "links", "search", "hide")
                   if k in kwargs}
        html = self.text(f"pages/{template}", root=root, title=title, **kwargs)
        return Page(path=path, title=title, html=html, **options)

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
