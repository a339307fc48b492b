"""``make lighthouse``: Lighthouse's scores for every page type of the sample site, on a phone.

Builds the sample site (site_config.yml at the repository root) into a temporary folder, serves
it from 127.0.0.1 with gzip, as real hosts send text, and runs npm ``lighthouse`` (installed in
bench/lighthouse/ by the make target) headless in Debian's Chromium with its default mobile
preset (simulated slow 4G and a 4x slower CPU, so the scores hold on a busy machine). Prints a
table of the four scores, CLS, LCP, TBT and render-blocking requests per page type, writes it
to bench/lighthouse.md, and exits 1 if a page misses issue 13's targets (performance >= 95,
CLS <= 0.05, the other three 100).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (bench/ is not a package: its local http.server)

ROOT = HERE.parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
RESULTS = HERE / "lighthouse.md"
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
TARGET_CLS = 0.05


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text, as hosting does (http.server sends it raw)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = path / "index.html"
        if not (path.is_file() and path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def page_types(site: Path) -> dict[str, str]:
    """One page of each kind the site has: type -> path."""
    briefings = sorted(p.parent.name for p in (site / "briefings").glob("*/index.html"))
    themes = sorted(p.parent.name for p in (site / "themes").glob("*/index.html"))
    # the longest briefing page is the hardest case for layout shift and load time
    longest = max(briefings, key=lambda slug: (site / "briefings" / slug / "index.html").stat().st_size)
    found = {"home": "", "briefing (longest)": f"briefings/{longest}/", "themes index": "themes/",
             "theme page": f"themes/{themes[0]}/" if themes else None, "finder": "find/", "archive": "archive/",
             "analysis": "analysis/", "recommendations": "recommendations/", "accessibility": "accessibility/"}
    return {k: v for k, v in found.items() if v is not None and (site / v / "index.html").is_file()}


def run_lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    done = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                           "--chrome-flags=--headless --no-sandbox"], env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    audits = report["audits"]
    blocking = audits.get("render-blocking-insight") or audits.get("render-blocking-resources") or {}
    items = (blocking.get("details") or {}).get("items") or []
    return {
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "blocking": [i.get("url", "").rsplit("/", 1)[-1] for i in items if isinstance(i, dict)],
        "failed": sorted(a["id"] for a in audits.values()
                         if a.get("scoreDisplayMode") in ("binary", "metricSavings") and a.get("score") == 0
                         and a["id"] not in ("render-blocking-insight",)),
    }


def table(rows: dict[str, dict]) -> list[str]:
    lines = ["| page type | performance | accessibility | best practices | SEO | CLS | LCP | TBT | render-blocking |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, r in rows.items():
        scores = [f"{round(r[c] * 100)}{'' if r[c] >= TARGETS[c] else ' ✗'}" for c in CATEGORIES]
        lines.append(f"| {name} | {' | '.join(scores)} | {r['cls']:.3f}{'' if r['cls'] <= TARGET_CLS else ' ✗'} "
                     f"| {r['lcp'] / 1000:.1f} s | {r['tbt']:.0f} ms | {len(r['blocking'])}: {', '.join(r['blocking']) or '-'} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "site_config.yml", help="the site to measure")
    parser.add_argument("--as-of", default="2026-06-01")
    parser.add_argument("--only", default="", help="comma-separated page types to run (default: all)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("npm lighthouse is missing: run `make lighthouse` (it installs it into bench/lighthouse/)")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = subprocess.run([sys.executable, "-m", "generator.cli", "--config", str(args.config), "build",
                                "--as-of", args.as_of, "--site-dir", str(site), "--quiet"], cwd=ROOT, capture_output=True, text=True)
        if built.returncode != 0:
            raise SystemExit(built.stderr)
        types = page_types(site)
        if args.only:
            types = {k: v for k, v in types.items() if k in args.only.split(",")}
        rows = {}
        with run.serve(site, GzipHandler) as base:
            for name, path in types.items():
                start = time.monotonic()
                rows[name] = summary(run_lighthouse(base + path, Path(tmp) / "report.json"))
                r = rows[name]
                print(f"{name:20} perf {r['performance'] * 100:3.0f}  a11y {r['accessibility'] * 100:3.0f}  "
                      f"bp {r['best-practices'] * 100:3.0f}  seo {r['seo'] * 100:3.0f}  CLS {r['cls']:.3f}  "
                      f"({time.monotonic() - start:.0f} s){'  failing: ' + ', '.join(r['failed']) if r['failed'] else ''}",
                      flush=True)
    lines = ["# Lighthouse", "", "Made by `make lighthouse` (bench/lighthouse.py): the sample site, served with gzip from "
             "127.0.0.1, Lighthouse's mobile preset in headless Chromium. Targets (issue 13): performance ≥ 95, CLS ≤ 0.05, "
             "accessibility, best practices and SEO 100; ✗ marks a miss.", "", *table(rows), ""]
    failing = {name: r["failed"] for name, r in rows.items() if r["failed"]}
    for name, audits in failing.items():
        lines.append(f"- {name}: failing audits {', '.join(audits)}")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    missed = any(r[c] < TARGETS[c] for r in rows.values() for c in CATEGORIES) or any(r["cls"] > TARGET_CLS for r in rows.values())
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
