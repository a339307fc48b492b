"""The last check before a build is swapped in: no name from the redact list in any output file.

Checking the sources is not enough: a template override or the config can put a name into pages
no briefing mentions, and in the built site a name can hide in an entity, a JSON escape, a gzip
file, a file's path or a Word file's split runs. So every file of the built site is read, in
each form a name could take there; what is not text (images, PDFs) is skipped.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.problems import ContentError, Problem
from generator.processes import interrupts_held, quiet_worker
from generator.safety.anonymity import Checker, line_at, one_line
from generator.safety.redact import RedactList

#: From this many output files the output scan reads in two processes.
PARALLEL_FROM = 2000


def scan_output(out: Path, config, shown_as: str = "site") -> None:
    """Refuse a built site (before it is swapped in) that contains a name from the redact list."""
    checker, problems = Checker.for_config(config, warn=False)  # validation has warned already
    problems += output_problems(checker, out, shown_as)
    if problems:
        raise ContentError(problems)


def output_problems(checker: Checker, out: Path, shown_as: str) -> list[Problem]:
    """Redact names anywhere in the built site: every file's text, and every file's path."""
    if not checker.redact:
        return []
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    workers = min(2, os.cpu_count() or 1)
    if len(files) < PARALLEL_FROM or workers < 2:
        problems = _output_chunk(checker, out, shown_as, files)
    else:  # a national collection: tens of thousands of files, read in two processes
        size = -(-len(files) // (workers * 4))
        chunks = [files[i:i + size] for i in range(0, len(files), size)]
        with ProcessPoolExecutor(max_workers=workers, initializer=quiet_worker) as pool:
            with interrupts_held():  # the workers start as the work is handed out
                done = pool.map(_output_chunk, [checker] * len(chunks), [out] * len(chunks), [shown_as] * len(chunks), chunks)
            problems = [p for chunk in done for p in chunk]
    # The same name found in several views of one file is reported once, at its line if known.
    best: dict[tuple[str, str], Problem] = {}
    for p in problems:
        key = (p.file, p.message)
        if key not in best or (best[key].line is None and p.line is not None):
            best[key] = p
    return list(best.values())


def _output_chunk(checker: Checker, out: Path, shown_as: str, files: list[str]) -> list[Problem]:
    """One process's share of the files (a module-level function, so a worker can be handed it)."""
    problems = []
    seen_members: set = set()
    for rel in files:
        path = out / rel
        shown = f"{shown_as}/{rel}"
        for m in checker.redact.find(rel):
            problems.append(Problem(shown, None, f"the file's address contains '{one_line(m.text)}', which is on "
                                                 f"the private redact list ({checker.redact_shown}): rename the source"))
        zipped = path.suffix.lower() in _ZIPPED
        for inner, data in _texts(path, seen_members):
            # Most files hold no entry's words at all: skip them before decoding anything.
            # Word files are always read as text, as runs can split a word.
            text = _decode(data) if zipped or checker.redact.might_be_in_bytes(data) else None
            if text is None:
                continue
            for view, first_line in _views(text, inner, zipped, checker.redact):
                for m in checker.redact.find(view, screened=True):
                    name = f"{shown}!{inner}" if inner != path.name else shown
                    line = line_at(view, m.start, 1) if first_line else None
                    problems.append(Problem(name, line,
                        f"'{one_line(m.text)}' from the private redact list ({checker.redact_shown}) is in the built "
                        f"site; remove it from the briefing, guidance, config or template that put it there"))
    return problems


# Reading output files ------------------------------------------------------------------------

_ZIPPED = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".zip"}
_MARKUP = {".html", ".htm", ".xml", ".svg", ".rels", ".xhtml", ".rss", ".atom"}


def _texts(path: Path, seen_members: set | None = None) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for each part of a built file: itself, a gzip's content, a zip's members.
    A zip member already read from another file (same name, CRC and size: every Word file's
    styles and theme) is not read again."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError:
        return
    if data[:2] == b"\x1f\x8b":  # gzip, whatever the name: sitemap.xml.gz, Pagefind's index files
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return
        yield (path.name[:-3] if suffix == ".gz" else path.name), data
        return
    if suffix in _ZIPPED:
        try:
            with zipfile.ZipFile(path) as z:
                for info in sorted(z.infolist(), key=lambda i: i.filename):
                    key = (info.filename, info.CRC, info.file_size)
                    if seen_members is not None:
                        if key in seen_members:
                            continue
                        seen_members.add(key)
                    yield info.filename, z.read(info)
        except (zipfile.BadZipFile, OSError):
            pass
        return
    yield path.name, data


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None  # binary: images, PDFs (reports are the board's own published documents)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"</(?:w:p|p|li|h\d|td|th|div|dd|dt)>|<w:br/>|<w:tab/>|<br\s*/?>", re.IGNORECASE)


def _views(text: str, name: str, zipped: bool, redact: RedactList) -> Iterator[tuple[str, bool]]:
    """The ways a name can hide in a file's text, each yielded only if it may hold a redact entry:
    with entities decoded (O&#39;Brien); with tags removed (Word splits text into runs, a template
    may wrap each word); JSON strings decoded (\\u escapes). True if its lines are the file's."""
    suffix = Path(name).suffix.lower()
    decoded = html.unescape(text) if "&" in text else text  # holds all the raw text does, on the same lines
    possible = redact.might_be_in(decoded)
    if possible:
        yield decoded, True
    markup = zipped or suffix in _MARKUP or ("<" in text and suffix not in {".js", ".css"})
    if markup and (possible or zipped):  # removing tags only joins words already there (Word runs split words)
        stripped = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
        if redact.might_be_in(stripped):
            yield stripped, False
    if (suffix == ".json" or suffix == "") and (possible or "\\u" in text or "\\/" in text):
        try:
            strings = "\n".join(_json_strings(json.loads(text)))
        except (ValueError, RecursionError):
            return
        for view in (strings, html.unescape(_TAG.sub(" ", strings))):
            if redact.might_be_in(view):
                yield view, False


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)
