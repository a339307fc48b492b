"""Word (.docx) 7-minute briefings, built with python-docx: what team leaders hand out and fill in.

A ``WordBriefing`` is plain data (picklable), so many can be rendered in worker processes.

Speed (3,000 documents in seconds, not minutes): python-docx's default template is parsed once
per process and trimmed (unused styles, thumbnail, custom XML dropped); the action-plan table,
which is the same in every document, is built once with python-docx's table API. Each document
then starts from copies of the small parts that change (document body, numbering, core
properties) and writes paragraphs through python-docx's oxml element classes directly: its
high-level ``add_paragraph(style=...)`` looks every style up by name, which costs more than
the rest of the document together.

Determinism: the zip is written by us, entries in a fixed order with a fixed timestamp (the
review's publication date), and the core-property dates come from the same date.

The parts: generator/word_html.py (body HTML into a small tree), word_template.py (the trimmed
template, once per process and language), word_writer.py (one document), docx_zip.py (the
deterministic zip container).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from generator.processes import interrupts_held, quiet_worker
from generator.render.word.content import WordBriefing
from generator.render.word.template import template
from generator.render.word.writer import Writer

#: Above this many briefings the documents are rendered in worker processes.
PARALLEL_FROM = 50
#: How many (None: one a core). build.py's Alongside process, which writes them while the build
#: renders the pages on one core, leaves that core out: on two cores it writes them itself.
WORKERS: int | None = None


def docx_language(language: str) -> str:
    """Word wants a language with its region; a bare ``en`` is British English on these sites,
    a bare ``cy`` Welsh as written in the UK."""
    return {"en": "en-GB", "cy": "cy-GB"}.get(language.lower(), language)


def render(b: WordBriefing) -> bytes:
    """One .docx as bytes: the same WordBriefing always gives the same bytes."""
    return Writer(template(b.language), b).write()


def render_all(briefings: list[WordBriefing], workers: int | None = None) -> list[bytes]:
    """Render many documents, in worker processes when there are many; order is kept."""
    workers = workers if workers is not None else (WORKERS or os.cpu_count() or 1)
    if len(briefings) <= PARALLEL_FROM or workers < 2:
        return [render(b) for b in briefings]
    chunk = max(1, len(briefings) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, initializer=quiet_worker) as pool:
        with interrupts_held():  # the workers start as the work is handed out
            done = pool.map(render, briefings, chunksize=chunk)
        return list(done)
