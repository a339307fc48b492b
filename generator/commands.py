"""What each CLI command does; cli.py only parses arguments and reports errors."""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from generator import build as pipeline
from generator.problems import BuildFailed, ContentError, UsageError


class _TerminalProgress:
    """Stage lines with the time since the build began; a long stage's count updates in place."""

    def __init__(self, stream):
        self.stream = stream
        self.start = time.monotonic()
        self.last_count = 0.0
        self.counting = False

    def __call__(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        now = time.monotonic()
        line = f"[{now - self.start:6.1f}s] {stage}"
        if done is None or not total:
            self._end_count()
            print(line, file=self.stream, flush=True)
            return
        if done < total and now - self.last_count < 0.1:
            return  # at most ten updates a second
        self.last_count = now
        self.counting = True
        self.stream.write(f"\r{line}: {done:,}/{total:,}\x1b[K")
        self.stream.flush()

    def _end_count(self) -> None:
        if self.counting:
            self.stream.write("\n")
            self.counting = False


def _progress(quiet: bool):
    """Stage messages on a terminal only: logs and CI get just the summary."""
    if quiet or not sys.stderr.isatty():
        return lambda stage, done=None, total=None: None
    return _TerminalProgress(sys.stderr)


def run(args, as_of: date) -> int:
    if args.command == "init":  # makes the config, so needs none
        return init(args, as_of)
    config_path = args.config.resolve()
    if not config_path.is_file():  # the wrong folder or a mistyped --config: usage, not content
        raise UsageError(f"no site_config.yml at {config_path}: run in the site's folder or pass --config PATH")
    if args.command == "build":
        progress = _progress(args.quiet)
        result = pipeline.build(config_path, as_of, args.site_dir, strict=args.strict, progress=progress,
                                cache=not args.no_cache)
        if isinstance(progress, _TerminalProgress):
            progress(f"done: {result.pages:,} pages, {result.files:,} other files")
        print(f"Built {result.site_dir} (as of {as_of.isoformat()}): {pipeline.summary(result.site)}")
        return 0
    if args.command == "check":
        return check(config_path, as_of)
    if args.command == "serve":
        return serve(config_path, args.as_of, args.port, cache=not args.no_cache)
    if args.command == "new":
        return new(config_path, args.name, args.type)
    if args.command == "stats":
        return stats(config_path, as_of, args.json)
    if args.command == "import":
        return import_documents(config_path, args.files, args.into)
    raise UsageError(f"unknown command {args.command}")


def check(config_path: Path, as_of: date) -> int:
    _, site = pipeline.prepare(config_path, as_of)
    print(f"All briefings are valid (as of {as_of.isoformat()}): {pipeline.summary(site)}")
    for line in coming_up(site, UPCOMING_DAYS):
        print(line)
    for line in missing_translations(site):
        print(line)
    return 0


def missing_translations(site) -> list[str]:
    """Briefings without a translation in a further language (built in their own language there)."""
    if not site.missing_translations:
        return []
    lines = [f"{len(site.missing_translations)} translation(s) missing (those pages show the text untranslated; "
             "build --strict fails on them):"]
    lines += [f"  {code}: {source} (add {source[:-3]}.{code}.md)" for code, source in site.missing_translations]
    return lines


UPCOMING_DAYS = 30


def coming_up(site, days: int) -> list[str]:
    """What changes by itself in the next ``days`` days: archiving, and embargoes that lift.

    A published briefing is named with its title; a held-back one by its file only, never its
    content (this is the board's own terminal, but output gets pasted into tickets and logs).
    """
    end = site.as_of + timedelta(days=days)
    lines = [f"In the next {days} days (to {end.isoformat()}):"]
    soon = sorted((e for e in site.entries if site.as_of < e.expires <= end), key=lambda e: (e.expires, e.slug))
    for e in soon:
        lines.append(f"  archived from {e.expires.isoformat()}: {e.slug} ({e.briefing.title})")
    lifting = sorted((h.until, h.state.value, h.source) for h in site.held_back if h.until and site.as_of < h.until <= end)
    for until, state, source in lifting:
        lines.append(f"  published on {until.isoformat()}: {source} ({state} until then)")
    if len(lines) == 1:
        lines.append("  no briefing will be archived and no embargo lifts")
    return lines


def serve(config_path: Path, as_of: date | None, port: int, cache: bool = True) -> int:
    """Build into a private preview folder, serve it, and rebuild whenever the content changes.

    A failed rebuild prints its problems and the preview keeps the last good build (the build
    swaps in only on success), so a board can fix things while it watches. The browser reloads
    by itself: MkDocs' live-reload server injects its script into every page. When only the text
    of published briefings changed, their pages are updated first (generator/preview.py) and the
    full build follows in the background, with a second reload when it is in.
    """
    from generator import preview as fast
    from generator.engine import mkdocs_adapter

    preview = Path(tempfile.mkdtemp(prefix="briefings-preview-")) / "site"
    store = pipeline.open_cache(config_path, cache)
    watched = content_paths(config_path)
    state: dict = {"site": None, "files": fast.snapshot(watched), "reload": lambda: None}
    building = threading.Lock()

    def report(err: Exception) -> None:
        if isinstance(err, ContentError):
            print(f"{len(err.problems)} problem(s); the preview shows the last good build:", file=sys.stderr)
            for problem in err.problems:
                print(f"  {problem}", file=sys.stderr)
            sys.stderr.flush()
        else:
            print(f"The build failed; the preview shows the last good build: {err}", file=sys.stderr, flush=True)

    def full_build() -> bool:
        with building:
            try:
                result = pipeline.build(config_path, as_of or date.today(), preview, cache=cache)
            except (ContentError, BuildFailed, OSError) as err:
                report(err)
                return False
            state["site"] = result.site
            print("Rebuilt the preview.", file=sys.stderr, flush=True)
            return True

    catch_up = _Background(lambda: full_build() and state["reload"]())

    def rebuild() -> None:
        now = fast.snapshot(watched)
        if now == state["files"] and state["site"] is not None:
            return  # one save often fires several events: nothing changed since the last look
        edited = fast.edited_briefings(state["files"], now, _briefings_dir(config_path)) if state["site"] else []
        state["files"] = now
        if edited:
            try:
                updated = fast.patch(config_path, state["site"], preview, store, edited)
            except (ContentError, BuildFailed, OSError) as err:
                report(err)
                return
            if updated:
                print(f"Updated {', '.join(updated)}; the rest of the preview and its search index are catching up "
                      "in the background.", file=sys.stderr, flush=True)
                catch_up.request()
                return
        catch_up.withdraw()  # this build covers whatever the background one was asked for
        full_build()

    try:
        full_build()
        if not preview.exists():
            return 1
        print(f"Serving the preview at http://127.0.0.1:{port}/ (Ctrl+C to stop)", file=sys.stderr, flush=True)
        mkdocs_adapter.serve(rebuild, preview, watched, port, on_start=lambda reload: state.update(reload=reload))
    finally:
        catch_up.stop()
        shutil.rmtree(preview.parent, ignore_errors=True)
    return 0


def _briefings_dir(config_path: Path) -> Path:
    from generator.config.settings import load_config

    try:
        config = load_config(config_path)
    except ContentError:
        return config_path.parent / "briefings"
    return config.resolve(config.site.briefings_dir)


class _Background:
    """Runs ``job`` in a thread whenever requested; a request made while it runs runs it again."""

    def __init__(self, job):
        self.job = job
        self.wanted = threading.Event()
        self.stopping = False
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def request(self) -> None:
        self.wanted.set()

    def withdraw(self) -> None:
        """Forget a request not yet started (a run already under way finishes)."""
        self.wanted.clear()

    def _loop(self) -> None:
        while True:
            self.wanted.wait()
            if self.stopping:
                return
            self.wanted.clear()
            self.job()

    def stop(self) -> None:
        self.stopping = True
        self.wanted.set()


def content_paths(config_path: Path) -> list[Path]:
    """What a build reads (LoadedConfig.content_paths), or the usual places while the config is
    broken (the build itself reports why)."""
    from generator.config.settings import load_config

    try:
        return load_config(config_path).content_paths()
    except ContentError:
        root = config_path.parent
        return [config_path, root / "templates", *((root / n).resolve() for n in ("briefings", "guidance", "private/redact.txt"))]


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def new(config_path: Path, name: str, review_type: str) -> int:
    from generator.config.settings import load_config
    from generator.render.renderer import Renderer

    config = load_config(config_path)
    if review_type not in config.site.review_types:
        raise UsageError(f"unknown review type '{review_type}'; use one of: {', '.join(config.site.review_types)}")
    slug = slugify(name)
    if not slug:
        raise UsageError(f"'{name}' has no letters or digits to make a file name from")
    target = config.resolve(config.site.briefings_dir) / f"{slug}.md"
    if target.exists():
        raise UsageError(f"{target} already exists; choose another name or edit that file")
    text = Renderer(config.root / "templates").text(
        "new_briefing.md.j2", name=name, review_type=review_type,
        theme=next(iter(config.site.themes)), labels=config.site,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {target}: a draft. Fill it in, set review.published and remove draft: true to publish.")
    return 0


def init(args, today: date) -> int:
    from generator.scaffold import new_site

    details = new_site.Details(args.board, args.email, args.phone, args.site_url, args.nation)
    target = args.dir.resolve()
    written = new_site.init(target, details, today)
    print(f"Started the learning briefings site of {args.board} in {target} ({len(written)} files).")
    print("Next:")
    for step in new_site.next_steps(args.dir, details):
        print(f"  {step}")
    return 0


def stats(config_path: Path, as_of: date, as_json: bool) -> int:
    """The thematic analysis in the terminal, or exactly site/data/themes.json with --json."""
    from generator.derive import analysis
    from generator.render.pages.data import to_json

    _, site = pipeline.prepare(config_path, as_of)
    result = analysis.analyse(site)
    if as_json:
        sys.stdout.write(to_json(result).decode("utf-8"))
    else:
        sys.stdout.write(analysis.text_report(result, analysis.period(analysis.analysed(site)), analysis.categories(site)))
    return 0


def import_documents(config_path: Path, files: list[Path], into: Path | None) -> int:
    """Drafts from Word and PDF briefings (generator/importer); 1 if any file could not be imported."""
    from generator.config.settings import load_config
    from generator.importer.run import import_files

    return import_files(files, load_config(config_path), into)
