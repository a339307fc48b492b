"""One Word document: a WordBriefing written as paragraphs, lists and tables with real styles.

Paragraphs go through python-docx's oxml element classes directly, with style ids looked up
once in the template: python-docx's ``add_paragraph(style=...)`` looks every style up by name,
which costs more than the rest of the document together.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm
from lxml.etree import SubElement

from generator.render.word import docx_zip
from generator.render.word.html import BLOCKS, Node, collapse, parse_html, text_of
from generator.render.word.template import VAL, Template, mark_header
from generator.safety import urls

if TYPE_CHECKING:
    from generator.render.word.content import WordBriefing

LINK_COLOUR = "0563C1"  # Word's own hyperlink blue: 5.9:1 on white

_P, _PPR, _PSTYLE, _R, _RPR, _T = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr"), qn("w:t")
_SPACE_ATTR = "{http://www.w3.org/XML/1998/namespace}space"
#: C0 control characters XML cannot hold (validation refuses them in briefings; this is a backstop).
_NOT_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


class Writer:
    """Writes a WordBriefing as Word paragraphs, lists and tables with real styles."""

    def __init__(self, t: Template, b: WordBriefing):
        self.t, self.b = t, b
        self.document = copy.deepcopy(t.document)
        self.body = self.document.find(qn("w:body"))
        self.sectPr = self.body[-1]
        self.body.remove(self.sectPr)
        self.numbering = copy.deepcopy(t.numbering)
        self.next_num = t.first_free_num
        self.list_nums: dict[str, int] = {}  # List Number style -> numId of the list being written
        self.links: dict[str, str] = {}  # URL -> relationship id

    # paragraphs and runs, through python-docx's element classes

    def para(self, style: str = "Normal", text: str = "", parent=None):
        p = SubElement(self.body if parent is None else parent, _P)
        pPr = SubElement(p, _PPR)
        SubElement(pPr, _PSTYLE).set(VAL, self.t.style_ids[style])
        if style in self.list_nums:
            numPr = SubElement(pPr, qn("w:numPr"))
            SubElement(numPr, qn("w:ilvl")).set(VAL, "0")
            SubElement(numPr, qn("w:numId")).set(VAL, str(self.list_nums[style]))
        if text:
            self.run(p, text)
        return p

    def heading(self, level: int, text: str = ""):
        return self.para(f"Heading {min(max(level, 1), 6)}", text)

    def run(self, parent, text: str, bold=False, italic=False, code=False, link=False):
        r = SubElement(parent, _R)
        if bold or italic or code or link:
            rPr = SubElement(r, _RPR)
            if code:
                fonts = SubElement(rPr, qn("w:rFonts"))
                fonts.set(qn("w:ascii"), "Consolas")
                fonts.set(qn("w:hAnsi"), "Consolas")
            if bold:
                SubElement(rPr, qn("w:b"))
            if italic:
                SubElement(rPr, qn("w:i"))
            if link:
                SubElement(rPr, qn("w:color")).set(VAL, LINK_COLOUR)
                SubElement(rPr, qn("w:u")).set(VAL, "single")
        t = SubElement(r, _T)
        t.text = text.translate(_NOT_XML)
        if text[:1].isspace() or text[-1:].isspace():
            t.set(_SPACE_ATTR, "preserve")
        return r

    def link(self, p, url: str, text: str) -> None:
        """A real hyperlink showing its URL, so it works when clicked and when printed."""
        if not urls.allowed(url):  # validation refuses these; a Word file never links one regardless
            self.run(p, text)
            return
        rid = self.links.setdefault(url, f"rId{100 + len(self.links)}")
        hyperlink = SubElement(p, qn("w:hyperlink"))
        hyperlink.set(qn("r:id"), rid)
        self.run(hyperlink, text, link=True)

    # HTML

    def blocks(self, node: Node, style: str = "Normal", depth: int = 0, parent=None) -> None:
        """Write the block content of ``node``; loose inline content becomes a paragraph."""
        pending: list = []
        current = style

        def flush():
            nonlocal pending, current
            if any(isinstance(c, Node) or c.strip() for c in pending):
                self.inline(self.para(current, parent=parent), pending)
                current = _continue_style(style)
            pending = []

        for child in node.children:
            if isinstance(child, str) or child.tag not in BLOCKS:
                pending.append(child)
                continue
            flush()
            tag = child.tag
            if tag in ("p", "pre"):
                self.inline(self.para(current, parent=parent), child.children, pre=tag == "pre")
                current = _continue_style(style)
            elif tag == "div":
                self.blocks(child, current, depth, parent)
            elif tag in ("ul", "ol"):
                self.list(child, tag == "ol", depth + 1)
            elif tag[0] == "h" and tag[1:].isdigit():
                self.inline(self.heading(int(tag[1:])), child.children)
            elif tag == "blockquote":
                self.blocks(child, "Quote", depth, parent)
            elif tag == "table":
                self.table(child)
            elif tag == "dl":
                for item in child.children:
                    if isinstance(item, Node):
                        self.inline(self.para(style, parent=parent), item.children, bold=item.tag == "dt")
        flush()

    def list(self, node: Node, numbered: bool, depth: int) -> None:
        level = min(depth, 3)
        style = ("List Number" if numbered else "List Bullet") + ("" if level == 1 else f" {level}")
        saved = self.list_nums.pop(style, None)
        if numbered:
            self.list_nums[style] = self.restart_numbering(style)
        for li in node.children:
            if isinstance(li, Node) and li.tag == "li":
                self.blocks(li, style, depth)
        self.list_nums.pop(style, None)
        if saved is not None:
            self.list_nums[style] = saved

    def restart_numbering(self, style: str) -> int:
        """Each numbered list starts at 1: a new w:num on the style's numbering, with a start override."""
        num_id = self.next_num
        self.next_num += 1
        num = SubElement(self.numbering, qn("w:num"))
        num.set(qn("w:numId"), str(num_id))
        SubElement(num, qn("w:abstractNumId")).set(VAL, self.t.list_abstract[self.t.style_ids[style]])
        override = SubElement(num, qn("w:lvlOverride"))
        override.set(qn("w:ilvl"), "0")
        SubElement(override, qn("w:startOverride")).set(VAL, "1")
        return num_id

    def inline(self, p, children, bold=False, pre=False) -> None:
        """Runs for inline content: bold and italic kept, links as their text plus the URL."""
        runs: list = []
        at_start = True

        def text_run(text: str, b: bool, i: bool, c: bool):
            nonlocal at_start
            if not pre:
                text = collapse(text)
                if at_start:
                    text = text.lstrip()
            if text:
                at_start = False
                runs.append(self.run(p, text, b, i, c))

        def walk(items, b, i, c):
            nonlocal at_start
            for item in items:
                if isinstance(item, str):
                    text_run(item, b, i, c)
                    continue
                tag = item.tag
                if tag in ("strong", "b"):
                    walk(item.children, True, i, c)
                elif tag in ("em", "i", "cite"):
                    walk(item.children, b, True, c)
                elif tag == "code":
                    walk(item.children, b, i, True)
                elif tag == "br":
                    SubElement(SubElement(p, _R), qn("w:br"))
                    at_start = True
                elif tag == "img":
                    alt = item.attrs.get("alt", "").strip()
                    text_run(f"[Image: {alt or 'no description'}] ", b, i, c)
                    url = urljoin(self.b.page_url, item.attrs.get("src", ""))
                    self.link(p, url, url)
                elif tag == "a":
                    walk(item.children, b, i, c)
                    self.link_target(p, item)
                    at_start = False
                else:
                    walk(item.children, b, i, c)

        walk(children, bold, False, False)
        if runs and not pre and p[-1] is runs[-1]:
            t = runs[-1].find(_T)
            t.text = t.text.rstrip()

    def link_target(self, p, a: Node) -> None:
        """After a link's text: its URL (absolute), or why it is not linked."""
        href = a.attrs.get("href", "").strip()
        if not href or href.startswith("#"):
            return
        text = " ".join(text_of(a).split())
        if href.startswith("mailto:"):
            url, shown = href, href[len("mailto:"):].split("?", 1)[0]
        else:
            url = shown = urljoin(self.b.page_url, href)
        if shown and shown != text:
            self.run(p, " (")
            self.link(p, url, shown)
            self.run(p, ")")

    def table(self, node: Node) -> None:
        """A Markdown table from a body: Table Grid, header row marked."""
        rows = []
        for group in (c for c in node.children if isinstance(c, Node)):
            trs = [group] if group.tag == "tr" else [c for c in group.children if isinstance(c, Node) and c.tag == "tr"]
            for tr in trs:
                cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
                if cells:
                    rows.append((group.tag == "thead" or all(c.tag == "th" for c in cells), cells))
        if not rows:
            return
        width = max(len(cells) for _, cells in rows)
        tbl = CT_Tbl.new_tbl(len(rows), width, Cm(17))
        tbl.tblPr.style = self.t.style_ids["Table Grid"]
        for tr, (header, cells) in zip(tbl.tr_lst, rows, strict=True):
            if header:
                mark_header(tr)
            for tc, source in zip(tr.tc_lst, cells, strict=False):
                p = tc.find(_P)
                self.inline(p, source.children, bold=header)
        self.body.append(tbl)

    # the whole document

    def write(self) -> bytes:
        b = self.b
        self.heading(1, b.title)
        self.para("Subtitle", b.word("subtitle"))
        self.para("Normal", b.summary)
        self.heading(2, b.word("about"))
        for label, value in b.facts:
            p = self.para("Normal")
            self.run(p, f"{label}: ", bold=True)
            self.inline(p, parse_html(value).children)
        for seg in b.segments:
            self.heading(2, f"{seg.number}. {seg.label}")
            self.blocks(parse_html(seg.html))
        # Heading, guidance line and the table's header row stay on one page (keepNext on each;
        # the header row's own paragraphs carry it, see template.mark_header).
        keep_with_next(self.heading(2, b.word("action_plan")))
        keep_with_next(self.para("Normal", b.word("action_intro")))
        self.body.append(copy.deepcopy(self.t.action_table))
        self.heading(2, b.word("feedback"))
        p = self.para("Normal", b.word("feedback_intro"))
        self.link(p, f"mailto:{b.feedback_email}", b.feedback_email)
        self.run(p, b.word("feedback_subject"))
        p = self.para("Normal", b.word("online"))
        self.link(p, b.page_url, b.page_url)
        self.body.append(self.sectPr)
        return self.package()

    def core_properties(self, when: datetime) -> bytes:
        b = self.b
        core = copy.deepcopy(self.t.core)
        props = CoreProperties(core)
        props.title = _short(b.title)  # text from content goes through _short: 255 characters at most, XML-safe
        props.subject = "7-minute briefing"
        props.author = _short(b.board)
        props.last_modified_by = _short(b.board)
        props.keywords = _short(b.keywords)
        props.comments = _short(b.summary)
        props.category = "7-minute briefing"
        props.language = b.language
        props.created = when
        props.modified = when
        props.revision = 1
        return serialize_part_xml(core)

    def package(self) -> bytes:
        b = self.b
        when = datetime(b.published.year, b.published.month, b.published.day, tzinfo=UTC)
        return docx_zip.package(self.core_properties(when), serialize_part_xml(self.document),
                                serialize_part_xml(self.numbering), self.links, self.t.static,
                                (max(when.year, 1980), when.month, when.day))  # zip dates start in 1980


def keep_with_next(p) -> None:
    """Word's "keep with next": the paragraph is never left at the foot of a page alone."""
    p.find(_PPR).insert(1, OxmlElement("w:keepNext"))  # after w:pStyle, as the schema orders it


def _short(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters: cut at a word, marked with an ellipsis."""
    text = text.translate(_NOT_XML)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _continue_style(style: str) -> str:
    """A list item's second paragraph continues the item (List Continue), unnumbered."""
    if style.startswith(("List Bullet", "List Number")):
        level = style.rsplit(" ", 1)[-1]
        return "List Continue" + (f" {level}" if level.isdigit() else "")
    return style
