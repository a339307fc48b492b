"""The pipeline, in one place: config -> read -> validate -> derive -> render -> MkDocs -> swap.

A build writes into a temporary folder beside ``site/`` and swaps it in only when everything
succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import shutil
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from generator import processes as children
from generator.cache.keys import code_version, digest, tree_digest
from generator.cache.store import FOLDER as CACHE_FOLDER
from generator.cache.store import Store
from generator.config.settings import LoadedConfig, load_config, logo_output
from generator.derive import publication
from generator.derive.publication import State
from generator.derive.site import Site, derive, translated
from generator.engine import mkdocs_adapter, search_index
from generator.i18n.language import Language
from generator.problems import BuildFailed, ContentError, UsageError
from generator.read import guidance
from generator.render import pages
from generator.render.chrome import chrome_text, script_text
from generator.render.pages import assets
from generator.render.renderer import OutputFile, Renderer
from generator.render.word import document as word_document
from generator.safety import output_scan
from generator.site_folder import WORK_PREFIX, build_lock, describe_os_error, swap_in
from generator.validate.briefings import format_problems, load_content
from generator.validate.memo import BriefingMemo
from generator.validate.translations import missing


@dataclass(frozen=True)
class BuildResult:
    site: Site
    site_dir: Path
    pages: int
    files: int


def prepare(config_path: Path, as_of: date, store: Store | None = None) -> tuple[LoadedConfig, Site]:
    """Everything up to rendering: read, validate and derive. Raises ContentError listing the
    problems of the briefings and the theme guidance together. With a ``store`` (the build
    cache), briefings checked by an earlier build with the same inputs are not checked again."""
    try:
        config = load_config(config_path)
    except ContentError as err:  # the briefings' own format can still be checked, at the usual place
        root = config_path.parent
        raise ContentError(err.problems + format_problems(root / "briefings", root)) from None
    problems, briefings, translations, notes = [], [], {}, {}
    try:
        briefings, translations = load_content(config, briefing_memo(store, config, as_of))
    except ContentError as err:
        problems += err.problems
    for code in config.site.languages:
        try:
            notes[code] = guidance.load(config, code)
        except ContentError as err:
            problems += err.problems
    if problems:
        raise ContentError(problems)
    site = derive(config, briefings, as_of, notes[config.site.language])
    further = tuple(translated(site, code, translations[code], notes[code]) for code in config.site.translations)
    return config, replace(site, translations=further, missing_translations=tuple(missing(config, briefings, translations)))


def renderer_for(config: LoadedConfig, site: Site, store: Store | None = None) -> Renderer:
    """The renderer of one language of the site (``site.language``), with that language's settings
    and the briefings and guidance it shows untranslated (cheap to key: see Renderer.key)."""
    context = {"site": config.for_language(site.language), "as_of": site.as_of, "source_language": site.source_language,
               "untranslated": tuple(sorted(site.untranslated)),
               "untranslated_guidance": tuple(sorted(site.untranslated_guidance))}
    return Renderer(config.root / "templates", context, store, Language(site.language))


def prefix_of(site: Site) -> str:
    """Where a language's pages go in the built site: the root's at the top, others under <code>/."""
    return "" if site.language == site.source_language else f"{site.language}/"


def engine_options(config: LoadedConfig, site: Site, renderer: Renderer, strict: bool,
                   every: list[Site]) -> mkdocs_adapter.EngineOptions:
    """MkDocs' settings for one language's edition; ``every`` is each language's, root first."""
    settings = config.for_language(site.language)
    here = prefix_of(site)
    languages = tuple(
        mkdocs_adapter.Alternate(code=other.language, name=Language(other.language).name,
                                 url=config.site.site_url + prefix_of(other),
                                 relative=(posixpath.relpath(prefix_of(other) or ".", here or ".") + "/").removeprefix("./"),
                                 current=other.language == site.language)
        for other in every
    ) if len(every) > 1 else ()
    return mkdocs_adapter.EngineOptions(
        site_name=settings.site_name,
        site_url=config.site.site_url + here,
        language=site.language,
        copyright=f"© {settings.board.name}",
        theme_dirs=tuple(p / "material" for p in renderer.search_path),
        extra_css=tuple(assets.GLOBAL_CSS) + ((assets.LANGUAGES_CSS,) if len(every) > 1 else ()),
        primary_colour=config.site.primary_colour,
        logo=logo_output(config.site),
        extra_javascript=tuple(assets.GLOBAL_JS),
        strict=strict,
        search=False,  # Pagefind (generator/search_index.py) replaces Material's search
        text=chrome_text(renderer.language),
        script_text=script_text(renderer.language),
        languages=languages,
    )


def build(config_path: Path, as_of: date, site_dir: Path | None = None, strict: bool = False,
          progress=lambda stage, done=None, total=None: None, cache: bool = True, wait: bool = True) -> BuildResult:
    """Build the site, one edition per language (the root's at the top of site/, each further
    language's under site/<code>/). ``progress(stage, done=None, total=None)`` is told each stage,
    and how far a long stage (MkDocs' pages) has got; commands.py shows it on a terminal.
    ``cache=False`` (``--no-cache``) neither reads nor writes the build cache. One build at a time
    writes a folder: another waits for it (or raises BuildRunning with ``wait=False``)."""
    site_dir = (site_dir or config_path.parent / "site").resolve()
    try:
        config = load_config(config_path)
    except ContentError:  # prepare() reports it with the briefings' problems; nothing is written
        return _build(config_path, as_of, site_dir, strict, progress, cache)
    refuse_unsafe_site_dir(site_dir, config)  # before the lock file is written beside it
    with build_lock(site_dir, wait):
        try:
            return _build(config_path, as_of, site_dir, strict, progress, cache)
        except OSError as err:  # the disk full, a folder not writable: said of the site, never of .venv
            raise BuildFailed(describe_os_error(err, site_dir, config.root)) from None


def _build(config_path: Path, as_of: date, site_dir: Path, strict: bool, progress, cache: bool) -> BuildResult:
    progress("reading and checking briefings")
    store = open_cache(config_path, cache and _target_is_safe(config_path, site_dir))
    config, site = prepare(config_path, as_of, store)
    if strict and site.missing_translations:
        raise BuildFailed(f"--strict: {len(site.missing_translations)} translation(s) missing: "
                          + "; ".join(f"{code}: {source}" for code, source in site.missing_translations)
                          + " (add <name>.<code>.md beside each, or build without --strict)")
    editions = [(prefix_of(s), s, renderer_for(config, s, store)) for s in site.editions()]
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=site_dir.parent))
    alongside, searches = None, []
    pages_total = files_total = 0
    whole = site_key(config, as_of, strict) if store.enabled else None
    try:
        if whole is not None and (reused := reuse_site(store, whole, work / "site", config, site_dir, progress)):
            return BuildResult(site, site_dir, reused["pages"], reused["files"])
        progress(f"rendering {len(site.entries):,} briefings (pages and data; Word files alongside)")
        alongside = Alongside(pages.ALONGSIDE, editions, work / "alongside")
        out = work / "site"
        for prefix, edition, renderer in editions:
            part = work / f"docs-{edition.language}"
            docs, built = part / "docs", (out if not prefix else part / "site")
            docs.mkdir(parents=True)
            page_list, file_list = render_edition(prefix, edition, renderer, part, store, searches, progress)
            options = engine_options(config, edition, renderer, strict, site.editions())
            stage = f"building {len(page_list):,} pages with MkDocs ({len(file_list):,} other files)"
            progress(stage)
            with _build_date(as_of):
                mkdocs_adapter.build(page_list, file_list, options, docs, built,
                                     on_page=lambda done, total, stage=stage: progress(stage, done, total), store=store)
            if prefix:
                built.rename(out / prefix.rstrip("/"))
            pages_total, files_total = pages_total + len(page_list), files_total + len(file_list)
        if len(editions) > 1:
            mkdocs_adapter.join_sitemaps(out, [prefix for prefix, _, _ in editions[1:]], _build_date(as_of).value)
        progress("finishing the Word files")
        extra = alongside.finish(out)
        word = sum(1 for path in extra if path.endswith(".docx"))
        progress(f"Word files: {word:,} ({len(extra):,} files written alongside)")
        for prefix, search in searches:
            finish_search_index(search, out / prefix if prefix else out, progress)
        progress("checking the built site for names on the redact list")
        output_scan.scan_output(out, config, shown_as=site_dir.name)
        remember_site(store, whole, out, {"pages": pages_total, "files": files_total + len(extra)}, progress)
        swap_in(out, site_dir)
        store.prune()  # once a day: what no build has used for a week (generator/cache/store.py)
    finally:
        with children.interrupts_held():  # a Ctrl+C now is taken once the folder is gone
            if alongside is not None:
                alongside.cancel()
            for _, search in searches:  # stopped (if still running) before their folder is deleted
                search.cancel()
            shutil.rmtree(work, ignore_errors=True)
    return BuildResult(site, site_dir, pages_total, files_total + len(extra))


def render_edition(prefix: str, edition: Site, renderer: Renderer, part: Path, store: Store, searches: list,
                   progress) -> tuple[list, list[OutputFile]]:
    """One language's pages and files. Pagefind starts on the pages it indexes (topic pages and
    briefings, rendered first) while the rest are rendered; its job is added to ``searches``
    at once, so a failure later still stops it."""

    def index(found) -> None:
        progress(f"indexing {len(found):,} pages for search (Pagefind, in the background)")
        searches.append((prefix, search_index.IndexJob(found, part, edition.language, store)))
        first.update(id(p) for p in found)

    first: set[int] = set()
    page_list, file_list = pages.build_all(edition, renderer, skip=pages.ALONGSIDE, searched=index)
    marked = {id(p) for p in page_list if "data-pagefind-body" in p.html}
    if not marked & first or marked - first:
        # templates of the site's own mark other pages for search (or none: Pagefind then indexes
        # every page): the job starts again on them all
        searches.pop()[1].cancel()
        searches.append((prefix, search_index.IndexJob(page_list, part, edition.language, store)))
    return page_list, file_list


class Alongside:
    """Builders whose files MkDocs never sees (``pages.ALONGSIDE``: the Word documents), run in a
    forked child process while this one renders the pages and MkDocs lays them out, so the two
    cores work at once. The child writes the files under ``folder``; :meth:`finish` waits for it
    and moves them into the built site. Without ``fork`` (not Linux), or with other threads
    running, they run in this process instead.
    """

    def __init__(self, builders, editions: list[tuple[str, Site, Renderer]], folder: Path):
        self.builders = [b for b in pages.BUILDERS if b in builders]
        self.editions, self.folder = editions, folder
        folder.mkdir(parents=True)
        self.process = None
        # fork only from a single-threaded process (not under `briefings serve`'s watcher threads).
        if self.builders and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            sys.stdout.flush()
            sys.stderr.flush()
            context = multiprocessing.get_context("fork")
            self.reply, answer = context.Pipe(duplex=False)  # a pipe: it works with the disk full
            self.process = context.Process(target=self._run, args=(os.getpid(), answer), daemon=False)
            with children.interrupts_held():
                self.process.start()
            answer.close()

    def _run(self, parent: int, answer) -> None:
        """In the child: write the files and say how it went (never a traceback on the terminal)."""
        children.die_with_parent(parent)
        children.ignore_interrupts()  # Ctrl+C is the build's to handle: it stops this child
        word_document.WORKERS = max(1, (os.cpu_count() or 1) - 1)  # the build renders pages on one core
        try:
            _write_outputs(self.builders, self.editions, self.folder)
            answer.send(None)
        except OSError as err:  # the disk full, a folder not writable: reported like the build's own
            answer.send(("os", err.errno, err.strerror, err.filename))
        except BaseException:
            answer.send(("bug", traceback.format_exc()))
        finally:
            answer.close()

    def finish(self, out: Path) -> list[str]:
        """Wait for the files and move them into ``out``; return their site paths."""
        if self.process is None:
            _write_outputs(self.builders, self.editions, self.folder)
        else:
            try:
                failed = self.reply.recv()
            except EOFError:
                failed = ("bug", f"it stopped without saying why (exit code {self.process.exitcode})")
            self.process.join()
            if failed and failed[0] == "os":
                raise OSError(*failed[1:])
            if failed or self.process.exitcode != 0:
                raise RuntimeError(f"writing the Word files failed:\n{failed[1] if failed else self.process.exitcode}")
        moved = (self.folder / "manifest.txt").read_text(encoding="utf-8").splitlines()
        for number, rel in enumerate(moved):
            target = out / rel
            if target.exists():
                raise ValueError(f"two outputs would be written to {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            (self.folder / str(number)).rename(target)
        return moved

    def cancel(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join()


def _write_outputs(builders, editions: list[tuple[str, Site, Renderer]], folder: Path) -> None:
    """Write the builders' files flat into ``folder`` (0, 1, 2...) with ``manifest.txt`` naming
    each one's site path: moving them into the site then needs no folder tree of their own."""
    paths: list[str] = []
    for prefix, site, renderer in editions:
        _write_edition(builders, prefix, site, renderer, folder, paths)
    (folder / "manifest.txt").write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")


def _write_edition(builders, prefix: str, site: Site, renderer: Renderer, folder: Path, paths: list[str]) -> None:
    for builder in builders:
        for item in builder(site, renderer):
            if not isinstance(item, OutputFile):
                raise TypeError(f"{builder.__module__} is in pages.ALONGSIDE but made a page ({item.path})")
            target = folder / str(len(paths))
            if item.source is not None:
                shutil.copyfile(item.source, target)
            else:
                target.write_bytes(item.content or b"")
            paths.append(prefix + item.path)


def finish_search_index(search: search_index.IndexJob, out: Path, progress=lambda stage, done=None, total=None: None):
    """The search step: wait for Pagefind (started before MkDocs) and put its index into the
    temporary site folder, before the swap (never into the live site)."""
    progress("finishing the search index")
    stats = search.finish(out)
    progress(f"search index: {stats.pages:,} pages in {stats.files:,} files")
    return stats


class _build_date:
    """Pin MkDocs' build date (sitemap, gzip headers) to the as-of date: same input, same bytes."""

    def __init__(self, as_of: date):
        stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp()
        self.value = str(int(stamp))

    def __enter__(self):
        self.saved = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = self.value

    def __exit__(self, *exc):
        if self.saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self.saved


# --- The build cache (generator/cache/): which stages may skip work, and the whole-site key --------

def open_cache(config_path: Path, enabled: bool = True) -> Store:
    """``.briefings-cache/`` beside site_config.yml (``Store(None)``, remembering nothing, if not
    ``enabled``)."""
    return Store(config_path.parent / CACHE_FOLDER if enabled else None)


def _target_is_safe(config_path: Path, site_dir: Path | None) -> bool:
    """Refuse an unsafe --site-dir before the cache writes anything (True when the config
    cannot be loaded: prepare() reports that, and nothing is cached)."""
    try:
        config = load_config(config_path)
    except ContentError:
        return False
    refuse_unsafe_site_dir((site_dir or config.root / "site").resolve(), config)
    return True


def briefing_memo(store: Store | None, config: LoadedConfig, as_of: date) -> BriefingMemo | None:
    """Checked briefings to remember: published ones only, so nothing held back is ever cached."""
    if store is None or not store.enabled:
        return None
    return BriefingMemo(store, config, lambda b: publication.state(b, as_of) is State.PUBLISHED)


def site_key(config: LoadedConfig, as_of: date, strict: bool) -> str:
    """Every input of a whole build: the generator, every file it reads and the as-of date."""
    logo = [config.resolve(config.site.logo)] if config.site.logo else []
    return digest(code_version(), search_index.indexer_version(), as_of.isoformat(), str(strict), str(config.root),
                  tree_digest(*config.content_paths(), *logo))


def reuse_site(store: Store, key: str, out: Path, config: LoadedConfig, site_dir: Path, progress) -> dict | None:
    """Nothing read by the build has changed since a build that is still in the cache: put its
    files in place (each checked), scan them and swap them in. None if there is no such build."""
    meta = store.get_tree("site", key, out)
    if meta is None:
        return None
    progress("nothing has changed since an earlier build: its files come from the build cache")
    progress("checking the built site for names on the redact list")
    output_scan.scan_output(out, config, shown_as=site_dir.name)
    swap_in(out, site_dir)
    return meta


def remember_site(store: Store, key: str | None, out: Path, meta: dict, progress) -> None:
    """Keep the built files (hard links where the disk allows) for the next build to reuse."""
    if key is not None:
        progress("keeping the built files in the build cache")
        store.put_tree("site", key, out, meta)


def refuse_unsafe_site_dir(target: Path, config: LoadedConfig) -> None:
    """The swap replaces the whole site folder, so it must not be, hold or sit in the board's
    content, nor be a folder of something else (checked before anything is written)."""
    root = config.root
    if target == root or root.is_relative_to(target):
        raise UsageError(f"--site-dir {target} holds site_config.yml and your content, and a build replaces "
                         "the whole folder; choose a new folder such as site/")
    for path in config.content_paths():
        if target == path or path.is_relative_to(target) or target.is_relative_to(path):
            raise UsageError(f"--site-dir {target} overlaps {path}, which the build reads; choose a folder "
                             "outside your content, such as site/")
    if target.exists() and not target.is_dir():
        raise UsageError(f"--site-dir {target} is a file; choose a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise UsageError(f"--site-dir {target} is a folder with other things in it, and a build replaces the "
                         "whole folder; choose an empty or new folder (or one a previous build wrote)")


def summary(result_or_site: Site) -> str:
    """The build summary: counts only, never the content of anything held back."""
    site = result_or_site
    archived = sum(e.archived for e in site.entries)
    lines = [f"{len(site.entries)} published ({archived} archived: report available on request)"
             if site.site.publication.after_expiry == "on_request"
             else f"{len(site.entries)} published ({archived} past their {site.site.publication.keep_months}-month period)"]
    lines.append(f"{site.drafts} draft(s) skipped")
    for state, label in ((State.EMBARGOED, "embargoed"), (State.SCHEDULED, "scheduled for later publication")):
        held = [h for h in site.held_back if h.state is state]
        if held:
            dates = ", ".join(sorted({h.until.isoformat() for h in held}))
            lines.append(f"{len(held)} {label}, held back until {dates}")
        else:
            lines.append(f"0 {label}")
    return "; ".join(lines)
