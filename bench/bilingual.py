"""What a second language costs: ``.venv/bin/python bench/bilingual.py [--sizes 300,1000]``.

For each size, the synthetic corpus (bench/generate.py) is built twice as a board would build it
(``briefings build`` in a subprocess): in English only, and with ``translations: [cy]`` and a
Welsh translation file beside every briefing (the most work a second language can add). Runs
alternate (one, two, one, two...) so a change in the machine's load hits both; the fastest of
each is compared. Target (issue 14): the bilingual build costs at most 2.1 times the other.
Writes bench/bilingual.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/ is not a package)
import run as bench  # noqa: E402

TARGET = 2.1
RESULTS = HERE / "bilingual.md"
TEXT = ("title", "summary", "agencies", "discussion_prompts")


def translation(meta: dict, body: str) -> str:
    """A translation file with every text field set (the body as it is: the cost is the same)."""
    words = {key: meta[key] for key in TEXT if key in meta}
    words["review"] = {"name": meta["review"]["name"]}
    if meta.get("recommendations"):
        words["recommendations"] = [r if isinstance(r, str) else r["text"] for r in meta["recommendations"]]
    return "---\n" + yaml.safe_dump(words, sort_keys=False, allow_unicode=True) + "---\n\n" + body


def bilingual_copy(folder: Path, n: int, seed: int) -> Path:
    """The corpus again, beside it, with translations: [cy] and a .cy.md for every briefing."""
    target = folder.with_name(f"{folder.name}-cy")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder / "briefings", target / "briefings")
    config = yaml.safe_load((folder / "site_config.yml").read_text(encoding="utf-8"))
    config["translations"] = ["cy"]
    (target / "site_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for i in range(1, n + 1):
        slug, meta, body = generate.briefing(i, seed)
        (target / "briefings" / f"{slug}.cy.md").write_text(translation(meta, body), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        one = generate.write_corpus(n, args.seed)
        two = bilingual_copy(one, n, args.seed)
        runs: dict[str, list[bench.Run]] = {"one": [], "two": []}
        for attempt in range(args.repeat):
            for name, folder in (("one", one), ("two", two)):
                command = [str(bench.BIN / "briefings"), "build", "--quiet", "--no-cache", "--as-of", "2026-11-22"]
                runs[name].append(bench.measured(command, folder))
                print(f"{n:,} {name} language(s), run {attempt + 1}: {runs[name][-1].seconds:.1f} s", flush=True)
        best = {name: bench.fastest(r) for name, r in runs.items()}
        pages = {name: sum(1 for _ in (folder / "site").rglob("index.html")) for name, folder in (("one", one), ("two", two))}
        rows.append((n, best["one"], best["two"], pages))
        shutil.rmtree(two, ignore_errors=True)
    lines = [f"# A second language's cost ({datetime.now():%Y-%m-%d})", "",
             "`bench/bilingual.py`: the fastest of each build, runs alternated; the second build has "
             "`translations: [cy]` and a translation of every briefing.", "", *bench.machine(), "",
             "Wall time is what a board waits; CPU time (user + system, every process) is the work, and is "
             "steadier when other jobs share the machine (see the load average).", "",
             "| briefings | one language | two languages | ratio (target <= 2.1) | CPU one / two | CPU ratio | pages "
             "| peak memory | load average |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, a, b, pages in rows:
        ratio = b.seconds / a.seconds
        mark = "" if ratio <= TARGET else " (missed)"
        lines.append(f"| {n:,} | {a.seconds:.1f} s | {b.seconds:.1f} s | {ratio:.2f}{mark} | {a.cpu:.1f} / {b.cpu:.1f} s "
                     f"| {b.cpu / a.cpu:.2f} | {pages['one']:,} / {pages['two']:,} "
                     f"| {a.peak_mb:.0f} / {b.peak_mb:.0f} MB | {a.load:.1f} / {b.load:.1f} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
