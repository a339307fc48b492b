"""The one module that knows MkDocs: hand it our rendered pages and files, let it build.

Keeping every MkDocs import here means the core (read -> validate -> derive -> render) can
move to another engine (Material's successor, Zensical) by rewriting this file alone.
Pages are generated in memory; their HTML is rendered by us, so MkDocs' Markdown step is
skipped and MkDocs supplies layout, navigation, search and the sitemap.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from generator.cache import jinja as jinja_cache
from generator.cache.keys import code_version, digest, tree_digest
from generator.cache.store import Store
from generator.problems import BuildFailed
from generator.render import csp
from generator.render.renderer import OutputFile, Page


class EngineError(BuildFailed):
    """MkDocs refused to build; the message says why."""


@dataclass(frozen=True)
class Alternate:
    """One language of a site in several: for hreflang links and the language switch."""

    code: str
    name: str  # in its own language: "Cymraeg"
    url: str  # absolute URL of that language's home page
    relative: str  # from this language's root to that one's: "cy/", "../", "" (itself)
    current: bool


@dataclass(frozen=True)
class EngineOptions:
    site_name: str
    site_url: str
    language: str
    copyright: str
    theme_dirs: tuple[Path, ...]  # Material overrides, most specific first
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()
    primary_colour: str = "#1d4f6e"
    logo: str | None = None  # site-relative path of the header logo (one of the files)
    strict: bool = False
    search: bool = True
    text: dict[str, str] | None = None  # our theme templates' words, in the site's language (render/chrome.py)
    languages: tuple[Alternate, ...] = ()  # every language, when the site has more than one
    script_text: dict[str, str] | None = None  # the scripts' messages in the site's language (lbT)


class _GeneratedSite(BasePlugin):
    """Adds our pages and files to MkDocs' file list and supplies each page's HTML.

    With a build cache, a page whose key (its own fields and everything of the layout: options,
    navigation, theme files, versions) was laid out before is not laid out again: it gets a
    one-line template, and its stored HTML (checked) replaces the output. The page is still in
    MkDocs' file list, so the sitemap and navigation are exactly as in a build without cache.
    """

    def __init__(self, pages: list[Page], files: list[OutputFile], on_page=None, store: Store | None = None,
                 layout_key: str = ""):
        super().__init__()
        self.pages = {p.path: p for p in pages}
        self.outputs = files
        self.page_done = on_page  # not "on_*": MkDocs would take it for an event
        self.done = 0
        self.store = store if store is not None and store.enabled else None
        self.layout_key = layout_key
        self.keys: dict[str, str] = {}  # page path -> its layout key
        self.stored: dict[str, str] = {}  # page path -> blob name of its laid-out HTML (cache hits)
        self.ready: str | None = None  # the output of the page being built, for on_post_page
        self.env = None

    def on_env(self, env, /, *, config, files):
        self.env = env
        if self.store is not None:
            env.bytecode_cache = jinja_cache.bytecode_cache(self.store)
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({_CACHED: "cached"}), env.loader])
        return env

    def on_files(self, files: Files, /, *, config) -> Files:
        for page in self.pages.values():
            inclusion = InclusionLevel.INCLUDED if page.nav_title else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content="", inclusion=inclusion))
        for out in self.outputs:
            if out.source is not None:
                files.append(File.generated(config, out.path, abs_src_path=str(out.source)))
            else:
                files.append(File.generated(config, out.path, content=out.content))
        return files

    def on_page_markdown(self, markdown: str, /, *, page, config, files) -> str:
        ours = self.pages.get(page.file.src_uri)
        if ours is None:
            return markdown
        # Material prints titles and descriptions unescaped (MkDocs' Jinja has no autoescape),
        # so front-matter text is escaped here, once, before any theme template sees it.
        page.meta.update(title=html.escape(ours.title), hide=list(ours.hide))
        if ours.description:
            page.meta["description"] = html.escape(ours.description)
        if not ours.search:
            page.meta["search"] = {"exclude": True}
        page.meta["lb_links"] = [link.__dict__ for link in ours.links]
        if self.store is not None:
            # the page's HTML as a part of its own: repr would copy and escape tens of kilobytes
            key = self.keys[ours.path] = digest(self.layout_key, repr(replace(ours, html="")), ours.html)
            name = self.store.lookup("engine", key) if not ours.nav_title else None
            if name is not None:
                self.stored[ours.path] = name
                page.meta["template"] = _CACHED
                page.render = _prerendered(page, "")
                return ""
        page.render = _prerendered(page, ours.html)
        return ""

    def on_page_content(self, html: str, /, *, page, config, files) -> str:
        ours = self.pages.get(page.file.src_uri)
        if ours is None:
            return html
        return "" if ours.path in self.stored else ours.html

    def on_page_context(self, context, /, *, page, config, nav):
        name = self.stored.get(page.file.src_uri)
        if name is not None:
            # The stored page (checked) is hard-linked into place, and MkDocs, given no output
            # (on_post_page), writes nothing: it was stored as written, policy and all.
            if self.store.place_blob(name, Path(page.file.abs_dest_path)):
                self.ready = ""
            else:  # damaged since it was looked up: lay the page out after all
                page.content = self.pages[page.file.src_uri].html
                self.ready = csp.with_policy(self.env.get_template("main.html").render(context))
        return context

    def on_post_page(self, output: str, /, *, page, config) -> str:
        cached, self.ready = self.ready, None
        # The policy goes in before the page is stored: a cached page is written as it was.
        output = cached if cached is not None else csp.with_policy(output)
        if cached is None and self.store is not None and page.file.src_uri in self.keys \
                and not self.pages[page.file.src_uri].nav_title:
            # the blob itself is stored with the built site (build.py links its files into the cache)
            name = hashlib.sha256(output.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()
            self.store.put_name("engine", self.keys[page.file.src_uri], name)
        page.content = None  # laid out and written: MkDocs need not hold it until the end
        if self.page_done is not None:
            self.done += 1
            self.page_done(self.done, len(self.pages))
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str, config) -> str:
        return csp.with_policy(output_content) if template_name.endswith(".html") else output_content  # 404.html


#: The template of a page whose laid-out HTML comes from the build cache (see _GeneratedSite).
_CACHED = "lb-cached-page.html"


def _prerendered(page, content: str):
    """``Page.render`` for a page whose HTML we rendered: MkDocs would set up a Markdown
    converter per page just to convert an empty string (about 1 ms a page, 3 s at 3,000)."""

    def render(config, files) -> None:
        page.content = content
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    return render


def _nav(pages: list[Page]) -> list[dict[str, str]]:
    listed = sorted((p for p in pages if p.nav_title), key=lambda p: (p.nav_order, p.path))
    return [{p.nav_title: p.path} for p in listed]


def layout_key(pages: list[Page], options: EngineOptions) -> str:
    """What the layout of every page depends on besides the page itself."""
    return digest(code_version(), repr(options), repr(_nav(pages)),
                  tree_digest(*(d for d in options.theme_dirs if d.is_dir())))


def build(pages: list[Page], files: list[OutputFile], options: EngineOptions, docs_dir: Path, site_dir: Path,
          on_page=None, store: Store | None = None) -> None:
    """Build the site into ``site_dir`` (which must not be the live site: see build.py).

    ``on_page(done, total)``, if given, is called after each page is written (build progress).
    ``store``: the build cache, for pages laid out before (see _GeneratedSite)."""
    theme_dirs = [str(d) for d in options.theme_dirs if d.is_dir()]
    settings = {
        "site_name": html.escape(options.site_name),  # printed raw by Material
        "site_url": options.site_url,
        "copyright": html.escape(options.copyright),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": options.strict,
        "theme": {
            "name": "material",
            "custom_dir": theme_dirs[0],
            "language": options.language,
            "font": False,  # Google Fonts would be a request to another host
            "features": ["navigation.tabs", "search.suggest", "content.tooltips"],
            "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
            **({"logo": options.logo} if options.logo else {}),
        },
        "plugins": ["search"] if options.search else [],
        "markdown_extensions": [],
        "extra_css": list(options.extra_css),
        # deferred: they run once the page is parsed, as they would at the end of the body, but the
        # first paint does not wait for them
        "extra_javascript": [{"path": path, "defer": True} for path in options.extra_javascript],
        "nav": _nav(pages),
        "extra": {"generator": False, "primary_colour": options.primary_colour, "lb_text": dict(options.text or {}),
                  "lb_languages": [a.__dict__ for a in options.languages],
                  "lb_script_text": dict(options.script_text or {})},
        "validation": {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info"},
    }
    # Quiet MkDocs' own INFO chatter: we print our own progress and summary.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(io.StringIO(""), config_file_path=str(docs_dir.parent / "mkdocs.yml"), **settings)
        for extra in theme_dirs[1:]:
            config.theme.dirs.insert(config.theme.dirs.index(theme_dirs[0]) + 1, extra)
        key = layout_key(pages, options) if store is not None and store.enabled else ""
        config.plugins["learning-briefings"] = _GeneratedSite(pages, files, on_page, store, key)
        mkdocs_build(config)
    except MkDocsException as err:
        raise EngineError(str(err)) from None
    _quiet_alternates(site_dir)


#: Material's bundle fetches ``sitemap.xml`` beside the address of every ``<link rel=alternate>``
#: on a page, for its own language selector, which the site does not use (its language switch
#: is ours). That is a request for each feed link (a 404 beside a topic page's feed, an error in
#: the console) and for each hreflang link (to the live site, even from a local preview). Its
#: query is narrowed to match nothing the site writes.
_ALTERNATES_QUERY = 'M("link[rel=alternate]")'
_NO_ALTERNATES = 'M("link[rel=alternate][data-lb-material-selector]")'


def _quiet_alternates(site_dir: Path) -> None:
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        if _ALTERNATES_QUERY not in code:
            raise EngineError(f"this Material version's {bundle.name} has no {_ALTERNATES_QUERY}: update "
                              "generator/engine/mkdocs_adapter.py for its language selector")
        bundle.write_text(code.replace(_ALTERNATES_QUERY, _NO_ALTERNATES), encoding="utf-8")


def join_sitemaps(site_dir: Path, prefixes: list[str], timestamp: str) -> None:
    """One sitemap.xml (and .gz) at the root listing every language's pages (each edition's own
    MkDocs build wrote its sitemap in its folder; those stay too)."""
    root = site_dir / "sitemap.xml"
    text = root.read_text(encoding="utf-8")
    urls = "".join(_URLS.search((site_dir / prefix / "sitemap.xml").read_text(encoding="utf-8")).group(1)
                   for prefix in prefixes)
    text = text.replace("</urlset>", urls.lstrip("\n") + "</urlset>", 1) if urls.strip() else text
    root.write_bytes(text.encode("utf-8"))
    with (site_dir / "sitemap.xml.gz").open("wb") as f, gzip.GzipFile(
            fileobj=f, filename=str(site_dir / "sitemap.xml.gz"), mode="wb", mtime=int(timestamp)) as gz:
        gz.write(text.encode("utf-8"))


_URLS = re.compile(r"<urlset[^>]*>(.*)</urlset>", re.S)


def serve(rebuild, site_dir: Path, watch: list[Path], port: int, on_start=None) -> None:
    """Serve ``site_dir`` on localhost and call ``rebuild`` whenever a watched path changes.

    ``on_start(reload)``, if given, receives a function that makes open pages reload (for a
    rebuild that finishes in the background, after ``rebuild`` has returned)."""
    from mkdocs.livereload import LiveReloadServer, _timestamp

    class Server(LiveReloadServer):
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            """MkDocs adds an inline reload script to every page it serves: hash it in too."""
            return csp.with_policy(super()._inject_js_into_html(content, epoch).decode("utf-8")).encode("utf-8")

    server = Server(builder=rebuild, host="127.0.0.1", port=port, root=str(site_dir))

    def reload() -> None:
        with server._epoch_cond:  # what the server does itself after a rebuild
            server._wanted_epoch = server._visible_epoch = _timestamp()
            server._epoch_cond.notify_all()

    if on_start is not None:
        on_start(reload)
    for path in watch:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    finally:
        server.shutdown()
