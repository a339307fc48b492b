"""What one Word document shows, as plain frozen data: worker processes receive it pickled,
and the writer reads it without importing the code that schedules the work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class WordSegment:
    number: int
    label: str
    html: str  # body HTML (from generator/body.py) plus generated parts, escaped


@dataclass(frozen=True)
class WordBriefing:
    """Everything one document shows, as plain data (worker processes receive it pickled)."""

    path: str  # site-relative output path
    title: str
    summary: str
    language: str  # e.g. en-GB
    published: date
    board: str  # the site's board: the document's author
    facts: tuple[tuple[str, str], ...]  # (label, HTML) review facts
    segments: tuple[WordSegment, ...]
    page_url: str  # absolute URL of the briefing page: relative links resolve against it
    feedback_email: str
    keywords: str = ""
    words: tuple[tuple[str, str], ...] = ()  # the document's own headings and sentences, translated (pages/word.py)

    def word(self, key: str) -> str:
        return dict(self.words)[key]
