"""Validated briefings remembered between builds (the build cache's first layer).

Reading, parsing and checking a briefing is a pure function of its bytes, the config, the
redact list and the other files in the content folder (the reports and images its links must
find), so the result is stored under a key of exactly those and the generator's own version.
Only briefings the caller wants kept are stored (``keep``: build.py keeps published ones), so
a draft or embargoed briefing never lands in the cache; a file with problems is never stored
either, and is checked again on every build.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from generator.cache.keys import code_version, digest, tree_digest
from generator.cache.store import Store
from generator.config.settings import LoadedConfig
from generator.model.briefing import Briefing

KIND = "briefing"


class BriefingMemo:
    def __init__(self, store: Store, config: LoadedConfig, keep: Callable[[Briefing], bool]):
        self.store, self.keep = store, keep
        site = config.site
        content_root = config.resolve(site.briefings_dir)
        others = sorted(p for p in content_root.rglob("*") if p.is_file() and p.suffix != ".md") if content_root.is_dir() else []
        self.base = digest(code_version(), str(config.root), config.path.read_bytes(),
                           tree_digest(config.resolve(site.redact_file), *others))
        self.keys: dict[Path, str] = {}

    def key(self, path: Path) -> str:
        found = self.keys.get(path)
        if found is None:
            found = self.keys[path] = digest(self.base, str(path), path.read_bytes())
        return found

    def get(self, path: Path) -> Briefing | None:
        if not self.store.enabled:
            return None
        try:
            found = self.store.get_object(KIND, self.key(path))
        except OSError:  # unreadable now: validation reports it
            return None
        return found if isinstance(found, Briefing) else None

    def put(self, path: Path, briefing: Briefing) -> None:
        if self.store.enabled and self.keep(briefing):
            with contextlib.suppress(OSError):
                self.store.put_object(KIND, self.key(path), briefing)
