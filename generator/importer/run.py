"""`briefings import FILE...`: each document read, mapped, written as a draft and reported.

A file that cannot be imported is named with the reason and nothing is written for it; the
others are still imported. What was imported is run through the anonymity check at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.config.settings import LoadedConfig
from generator.importer import metadata
from generator.importer.blocks import ImportFailed
from generator.importer.segments import map_document
from generator.importer.sniff import read_document
from generator.importer.writer import Draft, Suggested, compose, slug_of
from generator.problems import display_path
from generator.read.source import read_source
from generator.safety import anonymity


def import_files(files: list[Path], config: LoadedConfig, into: Path | None) -> int:
    """Import every file; 1 if any failed, else 0."""
    folder = into if into is not None else config.resolve(config.site.briefings_dir)
    checker, _ = anonymity.Checker.for_config(config)
    failed = 0
    for path in files:
        try:
            written, draft = _import_one(path, config, folder)
        except ImportFailed as err:
            failed += 1
            print(f"{path}: not imported: {err}. Nothing was written for it.", file=sys.stderr)
            continue
        _report(path, written, draft, config, checker)
    done = len(files) - failed
    print(f"Imported {done} of {len(files)} file(s) as drafts"
          + (f"; {failed} could not be imported (see above)." if failed else "."))
    if done:
        print("Fill in what each report lists, then run `briefings check` (it names every field still to decide).")
    return 1 if failed else 0


def _import_one(path: Path, config: LoadedConfig, folder: Path) -> tuple[Path, Draft]:
    try:
        document = read_document(path)
    except ImportFailed:
        raise
    except Exception as err:  # noqa: BLE001 - a library's surprise: the file's fault, said plainly, no traceback
        raise ImportFailed(f"the file could not be read ({err.__class__.__name__}: {err}); "
                           f"open it and save it again as .docx or PDF") from None
    site = config.site
    mapped = map_document(document.blocks, document.title or path.stem.replace("_", " "))
    words = "\n".join(b.plain for b in document.blocks)
    found = Suggested(
        name=metadata.review_name(mapped.title, words),
        type=metadata.review_type(words, site.review_types),
        published=metadata.published(words),
        themes=metadata.themes(words, site.themes),
    )
    base = slug_of(mapped.title)
    slug, n = base, 1
    while (folder / f"{slug}.md").exists() or (folder / "images" / slug).exists():
        n += 1
        slug = f"{base}-{n}"
    draft = compose(mapped, found, slug, site.review_types)
    draft.notes = document.notes + draft.notes
    target = folder / f"{slug}.md"
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in draft.images:
        image = folder / relative
        image.parent.mkdir(parents=True, exist_ok=True)
        with image.open("xb") as stream:
            stream.write(data)
    with target.open("x", encoding="utf-8") as stream:  # "x": never overwrite, even in a race
        stream.write(draft.text)
    return target, draft


def _report(path: Path, target: Path, draft: Draft, config: LoadedConfig, checker: anonymity.Checker) -> None:
    shown = display_path(target, config.root)
    print(f"{path} -> {shown} (draft: true)")
    for heading, where in draft.went:
        print(f"  \"{heading}\" -> {where}")
    for note in draft.notes:
        print(f"  note: {note}")
    if draft.suggested:
        print(f"  suggested from the text, check them: {'; '.join(draft.suggested)}")
    if draft.decide:
        print("  still to decide:")
        for field_name, line, what in draft.decide:
            print(f"    {shown}:{line} {field_name}: {what}")
    src, _ = read_source(target, config.root)
    findings = checker.source_problems(src) if src else []
    if findings:
        print(f"  anonymity check: {len(findings)} finding(s); `briefings check` stops until each is fixed:")
        for problem in sorted(findings, key=lambda p: (p.line or 0, p.message)):
            print(f"    {problem}")
    else:
        print(f"  anonymity check: no personal details found{_redact_note(checker, config)}")


def _redact_note(checker, config) -> str:
    """Whether names were checked too: a list with names, an empty list (as init writes), or none."""
    if checker.redact:
        return ", nor names on the redact list"
    if config.resolve(config.site.redact_file).is_file():
        return " (the redact list is empty, so no names were checked: add them before publishing)"
    return " (no redact list here, so names were not checked)"
