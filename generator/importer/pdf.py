"""Text PDFs to blocks, through pdfminer.six's layout analysis.

A PDF holds positioned characters, not paragraphs: pdfminer groups them into lines and boxes,
and this module puts the boxes in reading order (full-width ones top to bottom; boxes side by
side in two columns, the left column first), so seven boxes laid out in two columns read box by
box. Bold and italic come from the font names, links from the pages' link annotations, headings
from bold or larger lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTFigure, LTImage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException, PSException
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from generator.importer import pdf_images
from generator.importer.blocks import Block, Document, ImportFailed, clean, escape, escape_start, styled, tidy
from generator.importer.segments import segment_of

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*–-]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$", re.IGNORECASE)


@dataclass
class _Line:
    markdown: str
    plain: str
    size: float
    bold: bool
    chars: int


@dataclass
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[_Line]
    images: list = field(default_factory=list)  # a figure's pictures, as blocks.Image


@dataclass
class _Page:
    boxes: list[_Box]
    width: float
    height: float


def read_pdf(path: Path) -> Document:
    try:
        pages, images, missed, title = _layout(path)
    except PDFPasswordIncorrect:
        raise ImportFailed("the PDF is password-protected; save a copy without a password (or import the Word original)") from None
    except PDFEncryptionError as err:
        raise ImportFailed(f"the PDF is encrypted in a way that cannot be read ({err}); save a copy without a password") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ImportFailed(f"the PDF is damaged and could not be read ({err.__class__.__name__}); "
                           f"save it again from the program that made it") from None
    notes = _drop_running_lines(pages)
    lines = [line for page in pages for box in page.boxes for line in box.lines]
    if not any(line.plain for line in lines):
        if images:
            raise ImportFailed("the PDF is a scanned image with no text to import; run it through text recognition (OCR) "
                               "or import the Word document it was made from")
        raise ImportFailed("the document is empty: there is no text to import")
    sizes = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += line.chars
    body = sizes.most_common(1)[0][0]
    blocks = _blocks(pages, body)
    if missed:
        notes.append(f"{missed} image(s) in the PDF could not be extracted; add them from the original by hand")
    return Document(blocks, title, notes)


def _layout(path: Path):
    """Each page's boxes in reading order (text with its lines' runs, or a figure's pictures), the
    count of pictures, how many of those could not be extracted, and the title property."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    pages, images, missed = [], 0, 0
    with path.open("rb") as stream:
        document = PDFDocument(PDFParser(stream), password="")
        info = resolve1(document.info[0]) if document.info else {}
        title = resolve1(info.get("Title")) if isinstance(info, dict) else None
        title = " ".join(decode_text(title).split()) if isinstance(title, bytes) else ""
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            links = _links(page)
            boxes = []
            for item in layout:
                if isinstance(item, LTTextBox):
                    lines = [_line(line, links) for line in item if isinstance(line, LTTextLine)]
                    boxes.append(_Box(item.x0, item.y0, item.x1, item.y1, [ln for ln in lines if ln.plain]))
                elif isinstance(item, (LTFigure, LTImage)):
                    found = list(_images(item))
                    extracted = [image for image in map(pdf_images.extract, found) if image]
                    images, missed = images + len(found), missed + len(found) - len(extracted)
                    if extracted:
                        boxes.append(_Box(item.x0, item.y0, item.x1, item.y1, [], extracted))
            pages.append(_Page(_reading_order(boxes, layout.width), layout.width, layout.height))
    return pages, images, missed, title


def _drop_running_lines(pages: list[_Page]) -> list[str]:
    """Remove running headers and footers: the same line at the top or foot of most pages."""
    if len(pages) < 2:
        return []

    def margin(page: _Page, box: _Box) -> bool:
        return box.y0 > page.height * 0.9 or box.y1 < page.height * 0.1

    def norm(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    seen: Counter = Counter()
    for page in pages:
        seen.update({norm(line.plain) for box in page.boxes if margin(page, box) for line in box.lines})
    running = {text for text, count in seen.items() if count >= max(2, len(pages) / 2)}
    if not running:
        return []
    shown: dict[str, str] = {}
    for page in pages:
        for box in page.boxes:
            if margin(page, box):
                kept = [line for line in box.lines if norm(line.plain) not in running]
                shown.update({norm(line.plain): line.plain for line in box.lines if norm(line.plain) in running})
                box.lines = kept
    return [f"left out the running header or footer \"{text}\" (repeated on the pages)" for text in shown.values()]


def _images(item):
    if isinstance(item, LTImage):
        yield item
    elif isinstance(item, LTFigure):
        for child in item:
            yield from _images(child)


def _links(page) -> list[tuple[tuple[float, float, float, float], str]]:
    """The page's web links: each clickable rectangle and its address."""
    found = []
    for annot in resolve1(page.annots) or []:
        annot = resolve1(annot)
        if not isinstance(annot, dict) or getattr(resolve1(annot.get("Subtype")), "name", None) != "Link":
            continue
        action = resolve1(annot.get("A")) or {}
        uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
        rect = resolve1(annot.get("Rect"))
        if isinstance(uri, bytes):
            uri = uri.decode("latin-1")
        if isinstance(uri, str) and uri.startswith(("http://", "https://", "mailto:")) and rect and len(rect) == 4:
            x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
            found.append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), uri))
    return found


def _style(char: LTChar) -> tuple[bool, bool]:
    name = char.fontname.lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold")), any(w in name for w in ("italic", "oblique"))


def _line(line: LTTextLine, links) -> _Line:
    runs: list[list] = []  # [text, bold, italic, href]
    sizes, bold_chars, chars = [], 0, 0
    style = (False, False, None)
    for char in line:
        if isinstance(char, LTChar):
            bold, italic = _style(char)
            cx, cy = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
            href = next((uri for (x0, y0, x1, y1), uri in links if x0 <= cx <= x1 and y0 <= cy <= y1), None)
            style = (bold, italic, href)
            text = char.get_text()
            if text.strip():
                sizes.append(char.size)
                chars += 1
                bold_chars += bold
        elif isinstance(char, LTAnno):
            text = char.get_text()
        else:
            continue
        if runs and tuple(runs[-1][1:]) == style:
            runs[-1][0] += text
        else:
            runs.append([text, *style])
    plain = " ".join(clean("".join(r[0] for r in runs)).split())
    markdown = tidy("".join(styled(escape(clean(text)), b, i, h) for text, b, i, h in runs))
    return _Line(markdown, plain, max(sizes, default=0.0), bool(chars) and bold_chars == chars, chars)


def _reading_order(boxes: list[_Box], width: float) -> list[_Box]:
    """Top to bottom; where boxes stand side by side, the whole left column before the right."""
    ordered, band = [], []

    def flush():
        left = [b for b in band if (b.x0 + b.x1) / 2 < width / 2]
        right = [b for b in band if b not in left]
        ordered.extend(sorted(left, key=lambda b: -b.y1) + sorted(right, key=lambda b: -b.y1))
        band.clear()

    for box in sorted(boxes, key=lambda b: -b.y1):
        if box.x1 - box.x0 > width * 0.55:
            flush()
            ordered.append(box)
        else:
            band.append(box)
    flush()
    return ordered


def _blocks(pages: list[_Page], body: float) -> list[Block]:
    blocks: list[Block] = []
    first_page = pages[0].boxes if pages else []
    biggest = max((ln.size for box in first_page for ln in box.lines), default=0)
    title_size = biggest if biggest > body * 1.3 else 0
    current: Block | None = None
    for number, page in enumerate(pages):
        for box in page.boxes:
            # A new box is a new paragraph, unless the last one stopped mid-sentence and this
            # one goes on in lower case (loose line spacing splits a paragraph's lines apart).
            if current is not None and not (current.kind in ("para", "item") and not current.bold
                                            and not current.plain.rstrip().endswith((".", "!", "?", ":"))
                                            and box.lines and box.lines[0].plain[:1].islower()):
                current = None
            if box.images:
                blocks.extend(Block("image", image=image) for image in box.images)
                current = None
            for line in box.lines:
                if _PAGE_NUMBER.match(line.plain):
                    continue
                if number == 0 and title_size and line.size >= title_size - 0.1:
                    kind = "title"
                elif line.size > body * 1.15:
                    kind = "heading"
                elif _BULLET.match(line.plain) and segment_of(line.plain) is None:
                    kind = "item"
                elif line.bold:
                    kind = "bold"
                else:
                    kind = "text"
                if current is not None and _continues(current, kind, line):
                    current.text = f"{current.text} {line.markdown}"
                    current.plain = f"{current.plain} {line.plain}"
                    continue
                current = _start(kind, line)
                blocks.append(current)
    for block in blocks:
        if block.kind in ("para", "item"):
            block.text = escape_start(block.text)
    return blocks


def _continues(current: Block, kind: str, line: _Line) -> bool:
    """Whether a line carries on the block before it (a wrapped line) rather than starting one."""
    if kind in ("title", "heading"):
        return current.kind == kind
    if kind == "bold":
        return (current.kind == "para" and current.bold and not current.plain.rstrip().endswith((":", "?"))
                and segment_of(current.plain) is None)
    return kind == "text" and current.kind in ("para", "item") and not current.bold


def _start(kind: str, line: _Line) -> Block:
    if kind == "title":
        return Block("title", line.markdown.replace("**", ""), line.plain, level=1)
    if kind == "heading":
        return Block("heading", line.markdown.replace("**", ""), line.plain, level=2)
    if kind == "item":
        marker = _BULLET.match(line.plain).group()
        ordered = marker.strip()[:1].isdigit()
        text = _BULLET.sub("", line.markdown.replace("\\", "", 1) if line.markdown.startswith("\\") else line.markdown, count=1)
        return Block("item", text, line.plain[len(marker):], ordered=ordered)
    return Block("para", line.markdown, line.plain, bold=kind == "bold")
