"""What one Word document shows, as plain frozen data: worker processes receive it pickled,
and the writer reads it without importing the code that schedules the work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.i18n.language import ENGLISH, Language


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
    words: tuple[tuple[str, str], ...] = ()  # the document's own headings and sentences (handout_words)

    def word(self, key: str) -> str:
        return dict(self.words or handout_words(ENGLISH, self.board, self.title))[key]


def handout_words(language: Language, board: str, title: str) -> tuple[tuple[str, str], ...]:
    """The headings and sentences every handout has, in ``language``."""
    _ = language.gettext
    return (
        ("subtitle", _("7-minute briefing from %(board)s", board=board)),
        ("about", _("About the review")),
        ("action_plan", _("Action plan")),
        ("action_intro", _("Agree what your team will do, who will do it and by when.")),
        ("feedback", _("Feedback")),
        ("feedback_intro", _("Tell us how your team used this briefing and what you will do differently: email ")),
        ("feedback_subject", _(" with the subject “Feedback: %(title)s”.", title=title)),
        ("online", _("This briefing online: ")),
    )
