"""What a reader hands on: a document as a flat run of blocks, its formatting already Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class ImportFailed(Exception):
    """A document that cannot be imported; the message says why and what to do."""


@dataclass(frozen=True)
class Image:
    data: bytes
    content_type: str
    alt: str


@dataclass
class Block:
    """One paragraph-level piece: ``title``, ``heading``, ``para``, ``item`` or ``image``.

    ``text`` is Markdown (bold, italic and links kept); ``plain`` the words alone, for
    recognising headings and questions. ``bold`` marks a paragraph that is bold throughout,
    the way boards write a heading without a heading style.
    """

    kind: str
    text: str = ""
    plain: str = ""
    level: int = 0
    bold: bool = False
    ordered: bool = False
    image: Image | None = None


@dataclass
class Document:
    blocks: list[Block]
    title: str = ""  # the file's own title property, a fallback
    notes: list[str] = field(default_factory=list)  # what the reader could not carry over


#: Characters XML cannot hold (pasted from a PDF or Word): dropped on import.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u00ad]")


def clean(text: str) -> str:
    return _CONTROL.sub("", text).replace("\u00a0", " ")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+] |\d+[.)] )")


def escape(text: str) -> str:
    """Literal text as Markdown: characters that would format it are backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_start(text: str) -> str:
    """A paragraph that starts like a heading, quote or list is escaped so it stays a paragraph."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def styled(text: str, bold: bool, italic: bool, href: str | None = None) -> str:
    """Markdown for one run of escaped text; its outer spaces stay outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if italic:
        core = f"*{core}*"
    if bold:
        core = f"**{core}**"
    if href:
        core = f"[{core}]({href.replace(' ', '%20').replace(')', '%29')})"
    return lead + core + trail


def tidy(markdown: str) -> str:
    """One line: white space folded, adjacent markers of split runs joined (``**a****b**``)."""
    text = re.sub(r"\s+", " ", markdown).strip()
    return re.sub(r"(?<=\S)\*\*\*\*(?=\S)", "", text)
