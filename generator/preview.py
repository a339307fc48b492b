"""``briefings serve``'s fast path: the edited briefing's page first, the rest of the site after.

A full incremental build still re-renders the pages that list every briefing and re-indexes the
search, which takes seconds at a thousand briefings. When all that changed is the text of
briefings that were already published, the preview does not wait for it: each edited page is
rendered (with the build cache) and put in place of its old content inside the page the last
build laid out, with a note that the lists and the search are catching up; the browser reloads;
then the full build runs and swaps in the exact site. Anything unusual (a new or deleted file, a
config or template change, a briefing that is not published) skips the fast path.
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import replace
from pathlib import Path

from generator import build as pipeline
from generator.cache.store import Store
from generator.derive.site import Site
from generator.render.pages import briefing_page

#: Shown at the top of a page the fast path updated, until the full build replaces it.
NOTE = ('<p class="lb-preview-note" role="status"><strong>Preview:</strong> this page shows your edit; '
        "lists, topic pages and search catch up in a few seconds.</p>\n")


def snapshot(paths: list[Path]) -> dict[Path, str]:
    """Each file under the content paths, by the SHA-256 of its bytes."""
    found: dict[Path, str] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            try:
                found[file] = hashlib.sha256(file.read_bytes()).hexdigest()
            except OSError:
                found[file] = "unreadable"
    return found


def edited_briefings(before: dict[Path, str], after: dict[Path, str], briefings_dir: Path) -> list[Path]:
    """The briefing files edited in place, if that is all that changed; else an empty list."""
    changed = [p for p in before.keys() | after.keys() if before.get(p) != after.get(p)]
    if not changed or any(p not in before or p not in after or p.suffix != ".md" or briefings_dir not in p.parents
                          for p in changed):
        return []
    return sorted(changed)


def patch(config_path: Path, site: Site, preview: Path, store: Store, paths: list[Path]) -> list[str]:
    """Put the new content of the edited briefings into their built pages in ``preview``; return
    the pages updated (empty: nothing could be, the full build will show the change)."""
    config, now = pipeline.prepare(config_path, site.as_of, store)  # a ContentError goes to serve's report
    renderer = pipeline.renderer_for(config, now, store)
    old = {e.briefing.source: e for e in site.entries}
    new = {e.briefing.source: e for e in now.entries}
    shown = [str(p.relative_to(config.root)) if p.is_relative_to(config.root) else str(p) for p in paths]
    if any(name not in old or name not in new or old[name].slug != new[name].slug for name in shown):
        return []
    updated = []
    for name in shown:
        before = next(iter(briefing_page.build(replace(site, entries=(old[name],)), renderer)))
        after = next(iter(briefing_page.build(replace(now, entries=(new[name],)), renderer)))
        target = preview / "briefings" / new[name].slug / "index.html"
        try:
            text = target.read_text(encoding="utf-8")
        except OSError:
            return updated
        if before.html not in text:
            return updated
        text = text.replace(before.html, NOTE + after.html, 1)
        text = text.replace(f"<title>{html.escape(before.title)} - ", f"<title>{html.escape(after.title)} - ", 1)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
        updated.append(f"briefings/{new[name].slug}/")
    return updated
