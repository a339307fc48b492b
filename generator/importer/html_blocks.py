"""Mammoth's semantic HTML to blocks: headings, paragraphs, list items and images, in order.

Table cells and text boxes are read as they come, so a briefing laid out as seven boxes reads
box by box; the heading that opens a box starts its segment.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.importer.blocks import Block, Image, ImportFailed, clean, escape, escape_start, styled, tidy

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
TITLE_CLASS = "lb-title"


class _Inline:
    """One paragraph's runs as Markdown, its plain words, and whether all of it is bold."""

    def __init__(self, images: list[Image]):
        self.images, self.found = images, []
        self.parts, self.plain = [], []
        self.chars = self.bold_chars = 0

    def walk(self, el: ET.Element, bold=False, italic=False, href=None) -> None:
        tag = el.tag
        if tag == "img":
            src = el.get("src", "")
            if src.startswith("lb-image:"):
                self.found.append(self.images[int(src.split(":", 1)[1])])
            return
        if tag == "br":
            self._text(" ", bold, italic, href)
        bold = bold or tag in ("strong", "b")
        italic = italic or tag in ("em", "i")
        if tag == "a":
            link = el.get("href", "")
            href = link if link.startswith(("http://", "https://", "mailto:")) else href
        if el.text and tag != "br":
            self._text(el.text, bold, italic, href)
        for child in el:
            self.walk(child, bold, italic, href)
            if child.tail:
                self._text(child.tail, bold, italic, href)

    def _text(self, raw: str, bold: bool, italic: bool, href: str | None) -> None:
        text = clean(raw)
        self.plain.append(text)
        words = len(text.strip())
        self.chars += words
        self.bold_chars += words if bold else 0
        self.parts.append(styled(escape(text), bold, italic, href))

    def block(self, kind: str, **kw) -> Block:
        plain = " ".join("".join(self.plain).split())
        text = tidy("".join(self.parts))
        return Block(kind, escape_start(text) if kind in ("para", "item") else text, plain,
                     bold=bool(self.chars) and self.bold_chars == self.chars, **kw)


def html_to_blocks(html: str, images: list[Image]) -> list[Block]:
    try:
        root = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError as err:
        raise ImportFailed(f"the document's text could not be read ({err}); open it in Word and save it again") from None
    blocks: list[Block] = []
    _container(root, blocks, images)
    return blocks


def _container(el: ET.Element, blocks: list[Block], images: list[Image]) -> None:
    for child in el:
        tag = child.tag
        if tag in _HEADINGS or tag == "p":
            _paragraph(child, blocks, images)
        elif tag in ("ul", "ol"):
            _list(child, blocks, images, 0)
        elif tag == "img":
            _paragraph(ET.Element("p", {}), blocks, images, extra=[child])
        else:  # table, tr, td, div, blockquote...: read what is inside, in order
            _container(child, blocks, images)


def _paragraph(el: ET.Element, blocks: list[Block], images: list[Image], extra=()) -> None:
    inline = _Inline(images)
    inline.walk(el)
    for img in extra:
        inline.walk(img)
    if el.get("class") == TITLE_CLASS:
        kind, level = "title", 1
    elif el.tag in _HEADINGS:
        kind, level = "heading", _HEADINGS[el.tag]
    else:
        kind, level = "para", 0
    block = inline.block(kind, level=level)
    if block.plain.strip():
        blocks.append(block)
    blocks.extend(Block("image", image=image) for image in inline.found)


def _list(el: ET.Element, blocks: list[Block], images: list[Image], level: int) -> None:
    for li in el:
        if li.tag != "li":
            continue
        inline = _Inline(images)
        nested = []
        if li.text:
            inline._text(li.text, False, False, None)
        for child in li:
            if child.tag in ("ul", "ol"):
                nested.append(child)
            else:
                inline.walk(child)
            if child.tail:
                inline._text(child.tail, False, False, None)
        block = inline.block("item", level=level, ordered=el.tag == "ol")
        if block.plain.strip():
            blocks.append(block)
        blocks.extend(Block("image", image=image) for image in inline.found)
        for sub in nested:
            _list(sub, blocks, images, level + 1)
