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
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import cbor2

from generator import processes as children
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


def _command(site: Path, bundle: Path, language: str, binary: Path | None = None) -> list[str]:
    return [str(binary or pagefind_binary()), "--site", str(site), "--output-path", str(bundle),
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


#: Pages per part of the index, at most (about). Pagefind holds the whole index it is building in
#: memory (about 0.3 MB a page) and takes longer per page the more pages it has, so a collection
#: is indexed in parts of up to this many pages, one after another: its memory stays flat, and an
#: edit re-indexes only its own part. The browser merges the parts (assets/search.js, Pagefind's
#: mergeIndex): the first is ``pagefind/``, the others ``pagefind/part-2/`` and on, listed in
#: ``pagefind/lb-parts.json``.
PART_SIZE = 1000
PARTS_FILE = "lb-parts.json"


def split(pages: list, size: int) -> list[list]:
    """The pages in ``ceil(len / size)`` parts by a hash of their path, so a page stays in its
    part while others come and go (until the number of parts changes). Empty parts are dropped."""
    count = max(1, -(-len(pages) // size))
    parts: list[list] = [[] for _ in range(count)]
    for page in pages:
        parts[int(hashlib.sha256(page.path.encode("utf-8")).hexdigest()[:8], 16) % count].append(page)
    return [part for part in parts if part]


def part_folder(number: int) -> str:
    """Where part ``number`` (0 first) goes inside the site's bundle folder."""
    return "" if number == 0 else f"part-{number + 1}"


class IndexJob:
    """Pagefind indexing the rendered pages, part by part, in a background process.

    ``IndexJob(pages, work, language)`` takes each page that has a ``data-pagefind-body`` part
    (every page if none has), splits them (:func:`split`), takes the parts the build cache has,
    writes the others' pages to ``work/search-pages-N/`` and starts one process that indexes
    them one after another (``python -m generator.engine.search_index``); :meth:`finish` waits
    for it and puts the parts into ``site_dir/pagefind/``; :meth:`cancel` stops it.
    """

    def __init__(self, pages, work: Path, language: str = "en", store: Store | None = None):
        marked = [p for p in pages if "data-pagefind-body" in p.html] or pages
        self.store = store if store is not None and store.enabled else None
        self.parts = split(marked, PART_SIZE)
        self.bundles = [work / f"search-bundle-{n}" for n in range(len(self.parts))]
        self.sources = [work / f"search-pages-{n}" for n in range(len(self.parts))]
        self.keys: list[str | None] = [None] * len(self.parts)
        self.stats: list[dict | None] = [None] * len(self.parts)
        todo = []
        for number, part in enumerate(self.parts):
            if self.store is not None:  # a part's index is a function of exactly its pages
                self.keys[number] = digest(code_version(), indexer_version(), language,
                                           *(field for p in part for field in (p.path, p.title, p.html)))
                self.stats[number] = self.store.get_tree("search", self.keys[number], self.bundles[number])
            if self.stats[number] is None:
                source = self.sources[number]
                for page in part:
                    target = source / _output_path(page.path)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
                                      f"<title>{html.escape(page.title)}</title></head><body>\n{page.html}\n"
                                      "</body></html>\n", encoding="utf-8")
                todo += [str(source), str(self.bundles[number])]
        self.process = None
        if todo:
            self.log = (work / "search-index.log").open("w+", encoding="utf-8")
            command = [sys.executable, "-m", "generator.engine.search_index", str(os.getpid()),
                       str(pagefind_binary()), language, *todo]
            # a session of its own: Ctrl+C is the build's to handle, and cancel() stops the
            # indexing process and its Pagefind together
            with children.interrupts_held():
                self.process = subprocess.Popen(command, cwd=work, env=_environment(), stdout=self.log,
                                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                                preexec_fn=children.preexec(), start_new_session=True)

    def finish(self, site_dir: Path) -> IndexStats:
        if self.process is not None:
            returncode = self.process.wait()
            self.log.seek(0)
            output = self.log.read()
            self.log.close()
            if returncode != 0:
                detail = [line for line in output.strip().splitlines() if line.strip()][-5:]
                raise SearchIndexError(detail[-1] if detail and returncode == 3 else
                                       "building the search index failed: " + (" | ".join(detail) or f"exit {returncode}"))
        for number, bundle in enumerate(self.bundles):
            if self.stats[number] is None:
                self.stats[number] = json.loads((bundle.parent / f"{bundle.name}.json").read_text(encoding="utf-8"))
                if self.store is not None:
                    self.store.put_tree("search", self.keys[number], bundle, self.stats[number])
        target = site_dir / BUNDLE_DIR
        self.bundles[0].rename(target)
        for number, bundle in enumerate(self.bundles[1:], start=1):
            bundle.rename(target / part_folder(number))
        (target / PARTS_FILE).write_text(json.dumps({"parts": [f"{part_folder(n)}/" for n in range(1, len(self.bundles))]}),
                                         encoding="utf-8")
        return IndexStats(pages=sum(s["pages"] for s in self.stats), files=sum(s["files"] for s in self.stats) + 1)

    def cancel(self) -> None:
        """Stop indexing and remove what it wrote (the build's folder may be used again)."""
        if self.process is not None:
            if self.process.poll() is None:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except (AttributeError, OSError):  # no process groups here, or gone already
                    self.process.kill()
                self.process.wait()
            self.log.close()
        for bundle, source in zip(self.bundles, self.sources, strict=True):
            shutil.rmtree(bundle, ignore_errors=True)
            shutil.rmtree(source, ignore_errors=True)
            Path(f"{bundle}.json").unlink(missing_ok=True)


def _index_parts(parent: int, binary: Path, language: str, folders: list[str]) -> int:
    """In the indexing process: each (pages, bundle) pair in turn; exit 3 with a message if one fails.
    Each part's page and file counts go to ``<bundle>.json`` beside it."""
    children.die_with_parent(parent)
    children.ignore_interrupts()  # Ctrl+C is the build's to handle: it stops this process
    for source, bundle in zip(folders[::2], folders[1::2], strict=True):
        done = subprocess.run(_command(Path(source), Path(bundle), language, binary), env=_environment(),
                              capture_output=True, text=True, check=False, preexec_fn=children.preexec())
        shutil.rmtree(source, ignore_errors=True)  # thousands of page copies: gone as soon as indexed
        try:
            stats = _finish(Path(bundle), done.returncode, done.stderr or done.stdout)
        except SearchIndexError as err:
            print(err, flush=True)
            return 3
        Path(f"{bundle}.json").write_text(json.dumps({"pages": stats.pages, "files": stats.files}), encoding="utf-8")
    return 0


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())


# --- Reproducible output -------------------------------------------------------------------
# Pagefind 1.5 numbers the pages in the order it finds their files, which is the order the file
# system lists a folder in: hash order on ext4 (with a seed of each disk's own), creation order
# on tmpfs. Its filter files list their values in hash-map order, which changes from run to run,
# and the metadata file names the index and filter files by content hash (Pagefind issue #638).
# So two builds of the same content would differ. We number the pages in the order of their
# fragments' content hashes, sort each filter's values, rename each rewritten file by its own
# content hash, and rewrite the metadata file and pagefind-entry.json to match: same input, same
# bytes, on any disk.

SIGNATURE = b"pagefind_dcd"


def make_reproducible(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old_meta)
        prefix = language["hash"].split("_")[0]
        # meta: [version, pages [fragment hash, words], index chunks [from, to, hash],
        #        filters [name, hash], sorts [name, pages], filterable meta fields]
        new_of = _page_order(meta[1])
        pages = [None] * len(meta[1])
        for old, new in new_of.items():
            pages[new] = meta[1][old]
        meta[1] = pages
        chunks = []
        for start, end, old_hash in meta[2]:
            words = _read(bundle / "index" / f"{old_hash}.pf_index")
            for word in words[0]:  # [word, postings [page delta, locations, meta locations], ...]
                word[1] = _renumber_postings(word[1], new_of)
            chunks.append([start, end, _rewrite(bundle / "index" / f"{old_hash}.pf_index", words, prefix)])
        meta[2] = chunks
        filters = []
        for name, old_hash in meta[3]:
            key, values = _read(bundle / "filter" / f"{old_hash}.pf_filter")
            values = sorted(([value, sorted(new_of[p] for p in found)] for value, found in values), key=lambda v: v[0])
            filters.append([name, _rewrite(bundle / "filter" / f"{old_hash}.pf_filter", [key, values], prefix)])
        meta[3] = sorted(filters)
        meta[4] = [[name, [new_of[p] for p in ordered], *rest] for name, ordered, *rest in meta[4]]
        content = _encode(meta)
        language["hash"] = f"{prefix}_{hashlib.sha256(content).hexdigest()[:10]}"
        old_meta.unlink()
        _write(bundle / f"pagefind.{language['hash']}.pf_meta", content)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _page_order(pages) -> dict[int, int]:
    """Old page number -> new: the pages in the order of their fragments' content hashes."""
    order = sorted(range(len(pages)), key=lambda i: (pages[i][0], pages[i][1:]))
    return {old: new for new, old in enumerate(order)}


def _renumber_postings(postings, new_of: dict[int, int]):
    """A word's pages are delta-encoded in ascending order: decode, renumber, sort, encode."""
    renumbered, page = [], 0
    for posting in postings:
        page += posting[0]
        renumbered.append([new_of[page], *posting[1:]])
    renumbered.sort(key=lambda p: p[0])
    previous = 0
    for posting in renumbered:
        posting[0], previous = posting[0] - previous, posting[0]
    return renumbered


def _rewrite(old_file: Path, value, prefix: str) -> str:
    """Replace ``old_file`` with ``value``, named by its content hash; return the new hash."""
    content = _encode(value)
    new_hash = f"{prefix}_{hashlib.sha256(content).hexdigest()[:7]}"
    old_file.unlink()
    _write(old_file.with_name(f"{new_hash}{old_file.suffix}"), content)
    return new_hash


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"unexpected Pagefind file format in {path.name}")
    try:
        return cbor2.loads(data[len(SIGNATURE):])
    except cbor2.CBORDecodeError as err:
        raise SearchIndexError(f"unexpected Pagefind file format in {path.name}: {err}") from None


def _write(path: Path, content: bytes) -> None:
    # level 6: a quarter of the time of 9, 1% larger (thousands of index files at 3,000 briefings)
    path.write_bytes(gzip.compress(SIGNATURE + content, compresslevel=6, mtime=0))


def _encode(value) -> bytes:
    """CBOR as Pagefind writes it: shortest-form lengths, arrays, text, bytes and integers."""
    return cbor2.dumps(value)


if __name__ == "__main__":
    sys.exit(_index_parts(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:]))
