"""The benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py [--sizes 100,1000,3000]``).

For each size it generates a synthetic corpus (bench/generate.py) and measures, in one run:

- the full ``briefings build`` (wall time, CPU time, peak memory of the largest process), run
  as a subprocess exactly as a board would run it;
- a stock ``mkdocs build`` of the same pages with Material and its search (the bare twin), the
  same way, and the ratio of the two;
- the median and largest briefing page;
- in Chromium over a local http.server: the bytes a reader downloads after a briefing page has
  loaded to get a first page of search results from the header box, and the time from typing to
  the first result (a cold cache for every query);
- the finder (find/index.html): time from changing a filter to the next frame with the updated
  count.

It prints progress as it goes, writes bench/results.md (a Markdown table and the machine it ran
on) and prints that too. Targets come from issue #8; a row that misses one is marked.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/ is not a package)

BIN = Path(sys.executable).parent
RESULTS = HERE / "results.md"
QUERIES = ("neglect", "disguised compliance", "health visitor", "supervision")
TARGET_RATIO = 1.3
TARGET_3000_SECONDS = 120
TARGET_GROWTH = 3.3
TARGET_PAGE_DRIFT = 0.10
TARGET_SEARCH_BYTES = 500 * 1024
TARGET_SEARCH_MS = 300
TARGET_FINDER_MS = 50


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    load: float  # 1-minute load average when it started: other work on the machine skews times


@dataclass
class Search:
    query: str
    bytes: int
    ms: float  # cold: the whole query put in the box at once, nothing loaded yet
    results: str
    typed_ms: float | None = None  # typed: click the box, type at 8 keys a second, from the last key


@dataclass
class Size:
    n: int
    build: Run | None = None
    bare: Run | None = None
    median_page: int = 0
    largest_page: int = 0
    bare_median_page: int = 0
    pagefind_bytes: int = 0
    material_index_bytes: int = 0
    finder_data_bytes: int = 0
    searches: list[Search] = field(default_factory=list)
    finder_ms: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repeat: int = 1

    @property
    def ratio(self) -> float | None:
        return self.build.seconds / self.bare.seconds if self.build and self.bare else None


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def measured(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and return its wall time, CPU time and peak RSS (from wait4's rusage).

    Linux reports ru_maxrss of a child as the largest of it and the descendants it waited for,
    so the Pagefind and Word worker processes are covered."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stdout.write(output.decode("utf-8", "replace")[-3000:])
        raise SystemExit(f"{' '.join(command)} failed with exit code {proc.returncode}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load)


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_sizes(folder: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (folder / "briefings").glob("*/index.html"))


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` over http.server on 127.0.0.1 (a free port), quiet about dropped connections."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a browser context closed mid-download: not the benchmark's business

    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure_browser(size: Size, site: Path, sample_page: str) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browserkit import CHROMIUM, guard_outside_requests

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        try:
            # Warm the browser up first (its first-ever WebAssembly compile and renderer start),
            # as a reader's browser is; every measured query still starts with an empty cache.
            _search_once(browser, base + sample_page, "child", guard_outside_requests, typed=False)
            for query in QUERIES:
                size.searches.append(_search_once(browser, base + sample_page, query, guard_outside_requests))
                s = size.searches[-1]
                say(f"  search '{query}': {s.bytes / 1024:.0f} KB after load, first result in {s.ms:.0f} ms cold, "
                    f"{s.typed_ms:.0f} ms after the last key when typed ({s.results})")
            if (site / "find" / "index.html").is_file():
                size.finder_ms = _finder(browser, base + "find/", guard_outside_requests)
                if size.finder_ms:
                    say(f"  finder: median {statistics.median(size.finder_ms):.1f} ms, "
                        f"slowest {max(size.finder_ms):.1f} ms per change ({len(size.finder_ms)} changes)")
            else:
                size.notes.append("no finder (find/index.html) in this build: finder not measured")
        finally:
            browser.close()


FIRST_RESULT = """async (query) => {
  const input = document.getElementById('lb-search-input');
  if (!input) return {error: 'no #lb-search-input in the header'};
  const t0 = performance.now();
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const deadline = t0 + 30000;
  await new Promise((resolve) => {
    const look = () => (document.querySelector('.lb-search__result a') || performance.now() > deadline)
      ? resolve() : requestAnimationFrame(look);
    look();
  });
  const ms = performance.now() - t0;
  return {ms, status: document.querySelector('.lb-search__status').textContent};
}"""


def _search_once(browser, url: str, query: str, guard, typed: bool = True) -> Search:
    context = browser.new_context()  # a cold cache for every query
    page = context.new_page()
    outside = guard(page)
    requests: list = []
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.on("requestfinished", lambda request: requests.append(request))
    result = page.evaluate(FIRST_RESULT, query)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    total = 0
    for r in requests:
        sizes = r.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    if "error" in result:
        raise SystemExit(f"search could not be measured: {result['error']}")
    if outside:
        raise SystemExit(f"the search contacted another host: {outside}")
    return Search(query, total, result["ms"], result["status"].strip(), _typed(browser, url, query) if typed else None)


TYPED_WAIT = """(query) => {
  window.__lbTyped = new Promise((resolve) => {
    let last = 0;
    const deadline = performance.now() + 60000;
    document.getElementById('lb-search-input').addEventListener('keydown', () => { last = performance.now(); });
    const status = document.getElementById('lb-search-status');
    const look = () => {
      const full = value => value === query;
      if (full(document.getElementById('lb-search-input').value) && status.textContent.includes('\u201c' + query + '\u201d')
          && document.querySelector('.lb-search__result a')) resolve(performance.now() - last);
      else if (performance.now() > deadline) resolve(-1);
      else requestAnimationFrame(look);
    };
    look();
  });
}"""


def _typed(browser, url: str, query: str) -> float:
    """A reader's way: click into the box, type the query, and wait for its results."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(TYPED_WAIT, query)
    page.click("#lb-search-input")
    page.keyboard.type(query, delay=125)
    ms = page.evaluate("window.__lbTyped")
    context.close()
    return ms


FINDER = """async () => {
  const count = document.getElementById('lb-finder-count');
  const form = document.getElementById('lb-finder-form');
  if (!count || !form) return null;
  const start = performance.now();
  while (/Loading/.test(count.textContent) && performance.now() - start < 30000) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const controls = [];
  for (const name of ['type', 'board', 'from']) {
    const select = form.elements[name];
    if (!select) continue;
    for (const option of Array.from(select.options).slice(1, 6)) controls.push([select, option.value]);
    controls.push([select, '']);
  }
  const boxes = Array.from(form.querySelectorAll('input[type=checkbox]')).slice(0, 6);
  const times = [];
  const change = async (el, apply) => {
    // A reader's changes are at least a tenth of a second apart: let the last one settle
    // (its deferred history entry included) before timing the next.
    await new Promise((r) => setTimeout(r, 100));
    await frame();
    const before = count.textContent;
    const t0 = performance.now();
    apply();
    el.dispatchEvent(new Event('change', {bubbles: true}));
    await frame();
    times.push(performance.now() - t0);
    return before !== count.textContent;
  };
  for (const [select, value] of controls) await change(select, () => { select.value = value; });
  for (const box of boxes) await change(box, () => { box.checked = !box.checked; });
  for (const box of boxes) await change(box, () => { box.checked = !box.checked; });
  return times;
}"""


def _finder(browser, url: str, guard) -> list[float]:
    context = browser.new_context()
    page = context.new_page()
    guard(page)
    page.goto(url, wait_until="load")
    times = page.evaluate(FINDER) or []
    context.close()
    return times


def fastest(runs: list[Run]) -> Run:
    best = min(runs, key=lambda r: r.seconds)
    return Run(best.seconds, best.cpu, max(r.peak_mb for r in runs), best.load)


def measure(n: int, seed: int, browser: bool, repeat: int = 2) -> Size:
    size = Size(n)
    say(f"{n:,} briefings: generating the corpus")
    folder = generate.write_corpus(n, seed)
    site, bare_site = folder / "site", folder / "site-bare"
    builds, bares = [], []
    for attempt in range(1, repeat + 1):
        # Build and bare build take turns, each into an empty folder, so a busy spell on the
        # machine falls on both; the fastest of each is kept.
        shutil.rmtree(site, ignore_errors=True)
        say(f"{n:,} briefings: briefings build ({attempt} of {repeat})")
        builds.append(measured([str(BIN / "briefings"), "--config", str(folder / "site_config.yml"), "build",
                                "--as-of", generate.AS_OF.isoformat(), "--site-dir", str(site), "--quiet"], folder))
        b = builds[-1]
        say(f"  {b.seconds:.1f} s, {b.peak_mb:.0f} MB peak (load average {b.load:.1f})")
        shutil.rmtree(bare_site, ignore_errors=True)
        say(f"{n:,} briefings: bare mkdocs build of the same pages ({attempt} of {repeat})")
        bares.append(measured([str(BIN / "mkdocs"), "build", "-q", "-f", str(folder / "bare" / "mkdocs.yml"),
                               "-d", str(bare_site)], folder))
        say(f"  {bares[-1].seconds:.1f} s, {bares[-1].peak_mb:.0f} MB peak; ratio {b.seconds / bares[-1].seconds:.2f}")
    size.build, size.bare = fastest(builds), fastest(bares)
    size.repeat = repeat
    pages = page_sizes(site)
    size.median_page, size.largest_page = int(statistics.median(pages)), max(pages)
    size.bare_median_page = int(statistics.median(page_sizes(bare_site)))
    if (site / "pagefind").is_dir():
        size.pagefind_bytes = dir_bytes(site / "pagefind")
    material_index = bare_site / "search" / "search_index.json"
    size.material_index_bytes = material_index.stat().st_size if material_index.is_file() else 0
    data = site / "data" / "briefings.json"
    size.finder_data_bytes = data.stat().st_size if data.is_file() else 0
    if browser:
        say(f"{n:,} briefings: search and finder in Chromium")
        sample = sorted((site / "briefings").glob("*/index.html"))[n // 2].parent.name
        measure_browser(size, site, f"briefings/{sample}/")
    return size


# --- report -------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def mark(ok: bool | None) -> str:
    return "" if ok is None or ok else " ✗"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kbytes = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        ram = f"{kbytes / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    chromium = "unknown"
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    return [
        f"- Date: {datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {ram}; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; MkDocs {v('mkdocs')}; Material {v('mkdocs-material')}; "
        f"Pagefind {v('pagefind')}; {chromium}",
    ]


def report(sizes: list[Size]) -> str:
    by_n = {s.n: s for s in sizes}
    lines = ["# Benchmark results", "",
             "Made by `make bench` (bench/run.py); corpora from bench/generate.py (seeded, 500-900 words a "
             "briefing, 3-5 of 20 themes). Targets from issue #8; ✗ marks a miss. Build times are the fastest of "
             f"{max((s.repeat for s in sizes), default=1)} runs of each kind, taking turns; memory is the largest "
             "process's peak resident set.", "", *machine(), "",
             "| briefings | build | bare MkDocs | ratio | peak memory (build / bare) | median / largest briefing page "
             "| search: bytes after load for first results | search: first result, typed / cold | finder per change (median / slowest) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    small = by_n.get(min(by_n)) if by_n else None
    for s in sizes:
        ratio_ok = s.ratio <= TARGET_RATIO if s.n >= 1000 and s.ratio else None
        time_ok = s.build.seconds < TARGET_3000_SECONDS if s.n >= 3000 else None
        drift = (s.median_page / small.median_page - 1) if small and small is not s and small.median_page else None
        page_ok = abs(drift) <= TARGET_PAGE_DRIFT if drift is not None else None
        worst_bytes = max((q.bytes for q in s.searches), default=None)
        worst_ms = max((q.typed_ms for q in s.searches if q.typed_ms is not None), default=None)
        worst_cold = max((q.ms for q in s.searches), default=None)
        bytes_ok = worst_bytes <= TARGET_SEARCH_BYTES if worst_bytes is not None else None
        ms_ok = worst_ms <= TARGET_SEARCH_MS if worst_ms is not None else None
        finder = (f"{statistics.median(s.finder_ms):.1f} / {max(s.finder_ms):.1f} ms{mark(max(s.finder_ms) <= TARGET_FINDER_MS)}"
                  if s.finder_ms else "not measured")
        lines.append(
            f"| {s.n:,} | {s.build.seconds:.1f} s{mark(time_ok)} | {s.bare.seconds:.1f} s | {s.ratio:.2f}{mark(ratio_ok)} "
            f"| {s.build.peak_mb:.0f} / {s.bare.peak_mb:.0f} MB "
            f"| {kb(s.median_page)}{f' ({drift:+.1%})' if drift is not None else ''}{mark(page_ok)} / {kb(s.largest_page)} "
            f"| {kb(worst_bytes) + mark(bytes_ok) if worst_bytes is not None else 'not measured'} "
            f"| {f'{worst_ms:.0f}{mark(ms_ok)} / {worst_cold:.0f} ms' if worst_ms is not None else 'not measured'} | {finder} |")
    lines += ["", "Search and finder figures are the worst of the queries and changes tried. Search time *typed*: a reader "
              "clicks into the box on a loaded page and types the query (8 keys a second); time from the last key to the "
              "first result of the whole query (the target's measure). *Cold*: the whole query put into the box in one go "
              "at the moment it is focused, before anything of the index has loaded (a worst case no typist meets). "
              "Both start from an empty cache. More detail:", ""]
    for s in sizes:
        lines.append(f"- **{s.n:,}**: build CPU {s.build.cpu:.1f} s (load average {s.build.load:.1f} at start), "
                     f"bare CPU {s.bare.cpu:.1f} s (load {s.bare.load:.1f}); bare median page {kb(s.bare_median_page)}; "
                     f"Pagefind index {kb(s.pagefind_bytes)} on disk, against Material's search_index.json "
                     f"{kb(s.material_index_bytes)} that every reader downloads whole; finder data "
                     f"(data/briefings.json) {kb(s.finder_data_bytes)}.")
        for q in s.searches:
            lines.append(f"  - search '{q.query}': {kb(q.bytes)} after load; first result {q.ms:.0f} ms cold, "
                         f"{q.typed_ms:.0f} ms after the last key when typed ({q.results})")
        for note in s.notes:
            lines.append(f"  - {note}")
    if {1000, 3000} <= set(by_n):
        growth = by_n[3000].build.seconds / by_n[1000].build.seconds
        lines += ["", f"Growth: time(3,000) / time(1,000) = {growth:.2f} (target ≤ {TARGET_GROWTH}){mark(growth <= TARGET_GROWTH)}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark briefings build against bare MkDocs.")
    parser.add_argument("--sizes", default="100,1000,3000", help="comma-separated corpus sizes (default 100,1000,3000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2, help="builds of each kind per size; the fastest counts (default 2)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the Markdown results")
    args = parser.parse_args(argv)
    sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    results = []
    for n in sizes:
        results.append(measure(n, args.seed, not args.no_browser, max(1, args.repeat)))
    text = report(results)
    args.output.write_text(text, encoding="utf-8")
    say(f"wrote {args.output}")
    print()
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
