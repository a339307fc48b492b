"""The same-bytes check of the build cache: a seeded random run of edits, each built twice.

After every edit the site is built incrementally (with ``.briefings-cache/``) and afresh
(``--no-cache``, into another folder); the two must hold the same files with the same bytes.
tests/test_cache.py runs a short sequence; ``bench/run.py --equivalence-steps N`` a long one.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.sitekit import BODY, SiteFolder, cli

#: A word only the embargoed briefing contains: it must reach no output and no cache file
#: until the embargo lifts.
SECRET = "Quillfeatherby"
EMBARGO_LIFTS = "2026-03-01"
AS_OF_BEFORE, AS_OF_AFTER = "2026-01-01", "2026-04-01"


def differences(a: Path, b: Path) -> list[str]:
    """What differs between two built sites: missing files, then files whose bytes differ."""
    left = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    right = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = [f"only in the incremental build: {p}" for p in sorted(left - right)]
    found += [f"only in the clean build: {p}" for p in sorted(right - left)]
    found += [f"different bytes: {p}" for p in sorted(left & right) if (a / p).read_bytes() != (b / p).read_bytes()]
    return found


def clean_build(folder: SiteFolder, as_of: str, target: Path) -> Path:
    run = cli("--config", folder.config_path, "build", "--as-of", as_of, "--site-dir", target, "--no-cache")
    assert run.code == 0, run.err
    return target


def cache_holds(folder: SiteFolder, word: str) -> list[str]:
    """The cache files whose bytes contain ``word`` (in UTF-8)."""
    cache = folder.root / ".briefings-cache"
    needle = word.encode("utf-8")
    return [p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file() and needle in p.read_bytes()]


class Edits:
    """The kinds of change a board makes, each picked and applied with a seeded generator."""

    def __init__(self, folder: SiteFolder, rng: random.Random):
        self.folder, self.rng = folder, rng
        self.names = ["child-a", "child-b", "child-c", "child-d"]
        self.serial = 0
        self.as_of = AS_OF_BEFORE
        themes = list(folder.config["themes"])
        for i, name in enumerate(self.names):
            folder.add(name, review={"published": f"2025-0{i + 1}-15"}, themes=themes[i:i + 2])
        folder.add("child-held", body=BODY.replace("Babies cannot", f"{SECRET} cannot"),
                   review={"published": "2025-06-01", "embargo_until": EMBARGO_LIFTS}, themes=[themes[0]])

    def _pick(self) -> str:
        return self.rng.choice(self.names)

    def body(self) -> str:
        name = self._pick()
        path = self.folder.root / "briefings" / f"{name}.md"
        self.serial += 1
        path.write_text(path.read_text(encoding="utf-8").replace(
            "## Why it matters\n", f"## Why it matters\nEdit {self.serial}: ask who else lives there.\n\n", 1), encoding="utf-8")
        return f"body of {name}"

    def front_matter(self) -> str:
        name = self._pick()
        self.serial += 1
        themes = self.rng.sample(list(self.folder.config["themes"]), 2)
        self.folder.add(name, review={"published": "2025-02-20"}, themes=themes,
                        summary=f"What review {name} taught us (revision {self.serial}).")
        return f"front matter of {name}"

    def theme_title(self) -> str:
        slug = self.rng.choice(list(self.folder.config["themes"]))
        self.serial += 1
        self.folder.config["themes"][slug]["title"] = f"Theme {slug} (v{self.serial})"
        self.folder.write_config()
        return f"title of theme {slug}"

    def config(self) -> str:
        self.serial += 1
        self.folder.config["board"]["phone"] = f"01632 960 {100 + self.serial}"
        self.folder.write_config()
        return "board phone in the config"

    def template(self) -> str:
        self.serial += 1
        from generator.render.renderer import PACKAGE_TEMPLATES

        original = (PACKAGE_TEMPLATES / "pages" / "briefing.html").read_text(encoding="utf-8")
        self.folder.write("templates/pages/briefing.html", original + f"<p>Local note {self.serial}.</p>\n")
        return "template override of the briefing page"

    def add(self) -> str:
        self.serial += 1
        name = f"child-new-{self.serial}"
        self.folder.add(name, review={"published": "2025-05-05"}, themes=[self.rng.choice(list(self.folder.config["themes"]))])
        self.names.append(name)
        return f"added {name}"

    def delete(self) -> str:
        name = self._pick()
        if len(self.names) <= 2:
            return self.add()
        (self.folder.root / "briefings" / f"{name}.md").unlink()
        self.names.remove(name)
        return f"deleted {name}"

    def lift_embargo(self) -> str:
        self.as_of = AS_OF_AFTER if self.as_of == AS_OF_BEFORE else AS_OF_BEFORE
        return f"built as of {self.as_of}"

    KINDS = ("body", "front_matter", "theme_title", "config", "template", "add", "delete", "lift_embargo")


def run_sequence(root: Path, seed: int, steps: int) -> list[str]:
    """Build, then ``steps`` random edits each followed by both builds; return every problem
    (an empty list when each incremental build was the same bytes as its clean twin)."""
    rng = random.Random(seed)
    folder = SiteFolder(root / "board")
    edits = Edits(folder, rng)
    # every kind of edit at least once, in a seeded order; then random ones
    kinds = list(Edits.KINDS)
    rng.shuffle(kinds)
    kinds += [rng.choice(Edits.KINDS) for _ in range(max(0, steps - len(kinds)))]
    problems: list[str] = []
    for number, kind in enumerate(["initial build", *kinds[:steps]]):
        what = kind if number == 0 else getattr(edits, kind)()
        run = folder.build(edits.as_of)
        assert run.code == 0, f"step {number} ({what}): {run.err}"
        clean = clean_build(folder, edits.as_of, root / f"clean-{number}")
        problems += [f"step {number} ({what}): {d}" for d in differences(folder.site, clean)]
        if edits.as_of < EMBARGO_LIFTS:
            problems += [f"step {number} ({what}): the embargoed briefing is in the cache at {p}"
                         for p in cache_holds(folder, SECRET)]
    return problems
