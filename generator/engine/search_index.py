"""The site's full-text search index: Pagefind, run over the built site before it is swapped in.

Material's own search ships one JSON file holding every page's text (about 30 MB at 3,000
briefings), which a reader downloads in full before their first result. Pagefind splits the
index into small fragments, so a first query loads only a few hundred kilobytes whatever the
size of the collection. Only the content marked ``data-pagefind-body`` (briefings and theme
topic pages) is indexed; ``data-pagefind-filter`` attributes on a briefing give the filters by
theme, type, board and year.

The indexer is the ``pagefind`` binary shipped in the PyPI package ``pagefind[bin]``; it reads
local files only and never touches the network.

Pagefind reads only the ``data-pagefind-body`` part of a page, which is our own rendered HTML:
the Material layout around it is never indexed. So :class:`IndexJob` indexes the pages as we
rendered them, in a background process that runs on the second core while MkDocs (one core)
lays the pages out; build.py moves the finished bundle into the built site before the swap.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import cbor2

from generator.cache.keys import code_version, digest
from generator.cache.store import Store
from generator.problems import BuildFailed

#: Where the index is written, relative to the site root (what templates/assets/search.js loads).
BUNDLE_DIR = "pagefind"
#: Pagefind's ready-made interfaces, which the site does not use (assets/search.js is ours and
#: searches on the page itself, without Pagefind's web worker).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


class SearchIndexError(BuildFailed):
    """Pagefind failed; the message says why (reported without a traceback, site/ untouched)."""


@dataclass(frozen=True)
class IndexStats:
    pages: int  # pages in the index
    files: int  # files Pagefind wrote


def pagefind_binary() -> Path:
    """The indexer that comes with ``pagefind[bin]`` (or PAGEFIND_BINARY_PATH, as pagefind allows)."""
    try:
        from pagefind.service import get_executable
    except ImportError:  # pragma: no cover - a broken install
        raise SearchIndexError("the pagefind package is missing: run `pip install 'pagefind[bin]'`") from None
    found = get_executable()
    if found is None or not Path(found).exists():
        raise SearchIndexError("the pagefind binary is missing: run `pip install 'pagefind[bin]'`")
    return Path(found)


def indexer_version() -> str:
    """Which indexer runs (PAGEFIND_BINARY_PATH can name another): part of every cache key that
    stands for its output."""
    binary = pagefind_binary()
    stat = binary.stat()
    return f"{binary}:{stat.st_size}:{stat.st_mtime_ns}"


def _command(site: Path, bundle: Path, language: str) -> list[str]:
    return [str(pagefind_binary()), "--site", str(site), "--output-path", str(bundle),
            "--force-language", language.split("-")[0].lower() or "en", "--silent"]


def _environment() -> dict[str, str]:
    # A stray PAGEFIND_* variable must not change what is indexed (and we run in our own
    # temporary folder, so no pagefind.yml of the user's is read either).
    return {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}


def _finish(bundle: Path, returncode: int, output: str) -> IndexStats:
    if returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        detail = output.strip().splitlines()[-5:]
        raise SearchIndexError("building the search index failed: " + (" | ".join(detail) or f"exit {returncode}"))
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    wasm = {f"wasm.{lang['wasm']}.pagefind" for lang in entry.get("languages", {}).values() if lang.get("wasm")}
    for path in bundle.glob("wasm.*.pagefind"):
        if path.name not in wasm:  # the stemmers of languages the site is not in
            path.unlink()
    make_reproducible(bundle)
    return IndexStats(pages=_page_count(bundle), files=sum(1 for p in bundle.rglob("*") if p.is_file()))


def build_search_index(site_dir: Path, language: str = "en") -> IndexStats:
    """Index a built site in ``site_dir`` into ``site_dir/pagefind/`` (all at once, in the foreground)."""
    bundle = site_dir / BUNDLE_DIR
    done = subprocess.run(_command(site_dir, bundle, language), cwd=site_dir.parent, env=_environment(),
                          capture_output=True, text=True, check=False)
    return _finish(bundle, done.returncode, done.stderr or done.stdout)


def _output_path(source: str) -> str:
    """Where MkDocs writes a page (directory URLs): briefings/x/index.md -> briefings/x/index.html."""
    return source[: -len(".md")] + ".html" if source.endswith("index.md") else source[: -len(".md")] + "/index.html"


class IndexJob:
    """Pagefind indexing the rendered pages in a background process.

    ``IndexJob(pages, work, language)`` writes each page that has a ``data-pagefind-body`` part
    (every page if none has) to ``work/search-pages/`` at its site path and starts Pagefind on
    them; :meth:`finish` waits for it and moves the bundle to ``site_dir/pagefind/``;
    :meth:`cancel` stops it when the build fails.
    """

    def __init__(self, pages, work: Path, language: str = "en", store: Store | None = None):
        self.source, self.bundle = work / "search-pages", work / "search-bundle"
        marked = [p for p in pages if "data-pagefind-body" in p.html] or pages
        self.store = store if store is not None and store.enabled else None
        self.key = None
        if self.store is not None:  # the index is a function of exactly the pages it is given
            self.key = digest(code_version(), indexer_version(), language,
                              *(part for p in marked for part in (p.path, p.title, p.html)))
            self.stats = self.store.get_tree("search", self.key, self.bundle)
            if self.stats is not None:
                self.process = None
                return
        for page in marked:
            target = self.source / _output_path(page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
                              f"<title>{html.escape(page.title)}</title></head><body>\n{page.html}\n</body></html>\n",
                              encoding="utf-8")
        self.source.mkdir(parents=True, exist_ok=True)
        self.log = (work / "search-index.log").open("w+", encoding="utf-8")
        self.process = subprocess.Popen(_command(self.source, self.bundle, language), cwd=work, env=_environment(),
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        # Thousands of page copies: remove them as soon as Pagefind is done, while MkDocs works on.
        self.tidy = threading.Thread(target=self._tidy, daemon=True)
        self.tidy.start()

    @property
    def cached(self) -> bool:
        return self.process is None

    def _tidy(self) -> None:
        self.process.wait()
        shutil.rmtree(self.source, ignore_errors=True)

    def finish(self, site_dir: Path) -> IndexStats:
        if self.process is None:  # from the build cache
            self.bundle.rename(site_dir / BUNDLE_DIR)
            return IndexStats(**self.stats)
        returncode = self.process.wait()
        self.tidy.join()
        self.log.seek(0)
        output = self.log.read()
        self.log.close()
        stats = _finish(self.bundle, returncode, output)
        if self.store is not None:
            self.store.put_tree("search", self.key, self.bundle, {"pages": stats.pages, "files": stats.files})
        self.bundle.rename(site_dir / BUNDLE_DIR)
        return stats

    def cancel(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())


# --- Reproducible output -------------------------------------------------------------------
# Pagefind 1.5 writes its fragments and word index identically on every run, but the filter
# files list their values in hash-map order, which changes from run to run, and the metadata
# file names them by content hash (Pagefind issue #638). So two builds of the same content
# would differ. We sort each filter file's values, rename it by its own content hash, and
# rewrite the metadata file and pagefind-entry.json to match: same input, same bytes.

SIGNATURE = b"pagefind_dcd"


def make_reproducible(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old_meta)
        prefix = language["hash"].split("_")[0]
        filters = []
        for name, old_hash in meta[3]:
            old_file = bundle / "filter" / f"{old_hash}.pf_filter"
            key, values = _read(old_file)
            content = _encode([key, sorted(values, key=lambda v: v[0])])
            new_hash = f"{prefix}_{hashlib.sha256(content).hexdigest()[:7]}"
            old_file.unlink()
            _write(bundle / "filter" / f"{new_hash}.pf_filter", content)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        content = _encode(meta)
        language["hash"] = f"{prefix}_{hashlib.sha256(content).hexdigest()[:10]}"
        old_meta.unlink()
        _write(bundle / f"pagefind.{language['hash']}.pf_meta", content)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"unexpected Pagefind file format in {path.name}")
    try:
        return cbor2.loads(data[len(SIGNATURE):])
    except cbor2.CBORDecodeError as err:
        raise SearchIndexError(f"unexpected Pagefind file format in {path.name}: {err}") from None


def _write(path: Path, content: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + content, compresslevel=9, mtime=0))


def _encode(value) -> bytes:
    """CBOR as Pagefind writes it: shortest-form lengths, arrays, text, bytes and integers."""
    return cbor2.dumps(value)
