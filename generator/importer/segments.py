"""Which part of a document is which segment: headings as boards write them, mapped to ours.

A heading is a heading style, or a short paragraph that is a segment's name, bold or not
("1 – Background", the first line of a box); its number is ignored. Questions become discussion prompts; anything
that maps to no segment is kept under its own heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.blocks import Block
from generator.read.body import HEADING_ALIASES

#: Headings boards use, beyond those a briefing file accepts (generator/read/body.py).
IMPORT_ALIASES = {
    "background": ("background information", "the background", "summary of the case", "case summary"),
    "why": ("why the issue matters", "why does it matter", "why this matters", "why is this important", "why is it important"),
    "learning": ("key points", "things to note and remember", "things to note", "things to remember", "key messages",
                 "learning points", "key learning points", "what did we learn", "findings", "key findings"),
    "actions": ("what should i do", "what can i do", "what can we do", "what you should do", "actions", "action",
                "what next", "practice implications", "implications for practice", "recommendations for practice"),
    "questions": ("questions", "questions for reflection", "reflective questions", "discussion points", "discussion questions",
                  "reflection", "questions to consider", "questions for your team", "points for reflection", "think about"),
    "further": ("useful links", "more information", "resources", "further reading", "useful resources", "further resources",
                "further information and resources"),
}
_ALIASES = {alias: key for table in (HEADING_ALIASES, IMPORT_ALIASES) for key, names in table.items() for alias in names}

#: How the segments are written in the draft (the headings a briefing file accepts).
SEGMENT_HEADINGS = {
    "background": "Background",
    "why": "Why it matters",
    "learning": "Key learning",
    "actions": "What should we do?",
    "further": "Further information",
}
ORDER = ("background", "why", "learning", "actions", "questions", "further")

_NUMBER = re.compile(r"^\s*(?:(?:box|section|step)\s+)?\(?\d{1,2}\)?\s*[.):–—-]?\s*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\(?\d{1,2}\)?\s*[.):–—-]\s*\w")  # "8. About us", "8 – About us": a box of its own
_SEVEN_MINUTE = re.compile(r"^\s*(?:a\s+)?(?:7|seven)[\s-]*min(?:ute)?s?[\s-]*(?:learning\s+)?briefing\b\s*[:–—-]?\s*", re.IGNORECASE)


def heading_text(plain: str) -> str:
    """A heading's words without its number: "1 – Background" is "Background"."""
    return _NUMBER.sub("", plain, count=1).strip() or plain.strip()


def segment_of(plain: str) -> str | None:
    words = heading_text(plain).lower().replace("&", "and")
    words = re.sub(r"[\s*_]+", " ", words).strip().rstrip("?:.!").strip()
    return _ALIASES.get(words)


@dataclass
class Section:
    """The blocks under one heading of the document; ``key`` None when it maps to no segment."""

    key: str | None
    heading: str  # as the document has it (number removed), "" for text before any heading
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Mapped:
    title: str
    prelude: list[Block]
    sections: list[Section]


def _is_heading_like(block: Block) -> bool:
    """Short enough to be a heading; a list item only when bold throughout (Word's own numbering
    on "1. Background" makes it an item of a numbered list)."""
    if block.kind in ("heading", "title"):
        return True
    return block.kind == "para" and len(block.plain) <= 80 or block.kind == "item" and block.bold and len(block.plain) <= 80


def map_document(blocks: list[Block], fallback_title: str) -> Mapped:
    title = ""
    prelude: list[Block] = []
    sections: list[Section] = []
    level = None  # the heading level of the document's segment headings
    numbered_items = False  # whether its segment headings are bold items of a numbered list
    for block in blocks:
        key = segment_of(block.plain) if _is_heading_like(block) else None
        if not title and not sections and _SEVEN_MINUTE.sub("", block.plain).strip(" :–—-") == "" and block.kind != "image":
            continue  # "7 Minute Briefing" alone is the format's name, not this briefing's title
        if block.kind == "title" and not title and not sections:
            title = block.plain
            continue
        if key:
            sections.append(Section(key, heading_text(block.plain)))
            level = block.level if block.kind == "heading" else level
            numbered_items = numbered_items or block.kind == "item" and block.ordered
            continue
        if block.kind == "heading" and not sections and not title:
            title = block.plain
            continue
        short_bold = block.bold and len(block.plain) <= 80
        numbered_box = short_bold and (block.kind == "para" and _NUMBERED.match(block.plain)
                                       or block.kind == "item" and block.ordered and numbered_items)
        if numbered_box and sections or block.kind == "heading" and (level is None or block.level <= level):
            sections.append(Section(None, heading_text(block.plain)))
            continue
        (sections[-1].blocks if sections else prelude).append(block)
    if not title:
        title = _title_from(prelude) or fallback_title
    title = _SEVEN_MINUTE.sub("", title).strip(" :–—-") or title
    return Mapped(title, prelude, sections)


def _title_from(prelude: list[Block]) -> str:
    """A document with no title style: its first short paragraph before the segments."""
    for i, block in enumerate(prelude):
        if block.kind == "para" and len(block.plain) <= 120:
            del prelude[i]
            return block.plain
    return ""
