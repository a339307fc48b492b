"""Word (.docx) 7-minute briefings, built with python-docx: what team leaders hand out and fill in.

A ``WordBriefing`` is plain data (picklable), so many can be rendered in worker processes.

Speed (3,000 documents in seconds, not minutes): python-docx's default template is parsed once
per process and trimmed (unused styles, thumbnail, custom XML dropped); the action-plan table,
which is the same in every document, is built once with python-docx's table API. Each document
then starts from copies of the small parts that change (document body, numbering, core
properties) and writes paragraphs through python-docx's oxml element classes directly: its
high-level ``add_paragraph(style=...)`` looks every style up by name, which costs more than
the rest of the document together.

Determinism: the zip is written here, entries in a fixed order with a fixed timestamp (the
review's publication date), and the core-property dates come from the same date.
"""

from __future__ import annotations

import copy
import os
import struct
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm
from lxml.etree import SubElement

#: Above this many briefings the documents are rendered in worker processes.
PARALLEL_FROM = 50
#: Empty rows in the action-plan table, for the team to fill in.
ACTION_ROWS = 6
ACTION_COLUMNS = ("Action", "Who", "By when")
ACTION_WIDTHS = (Cm(9.5), Cm(4.5), Cm(3))

#: Styles the documents use; every other style of python-docx's template is dropped.
USED_STYLES = ("Normal", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6",
               "List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
               "List Continue", "List Continue 2", "List Continue 3", "Quote", "Table Grid")
LINK_COLOUR = "0563C1"  # Word's own hyperlink blue: 5.9:1 on white

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="{_TYPES}.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="{_TYPES}.wordprocessingml.styles+xml"/>\
<Override PartName="/word/numbering.xml" ContentType="{_TYPES}.wordprocessingml.numbering+xml"/>\
<Override PartName="/word/settings.xml" ContentType="{_TYPES}.wordprocessingml.settings+xml"/>\
<Override PartName="/word/webSettings.xml" ContentType="{_TYPES}.wordprocessingml.webSettings+xml"/>\
<Override PartName="/word/fontTable.xml" ContentType="{_TYPES}.wordprocessingml.fontTable+xml"/>\
<Override PartName="/word/theme/theme1.xml" ContentType="{_TYPES}.theme+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="{_TYPES}.extended-properties+xml"/>\
</Types>""".encode()
_PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_RELS}">\
<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{_OFFICE_RELS}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>""".encode()
_DOCUMENT_RELS = "".join(
    f'<Relationship Id="rId{i}" Type="{_OFFICE_RELS}/{kind}" Target="{target}"/>'
    for i, (kind, target) in enumerate((("styles", "styles.xml"), ("numbering", "numbering.xml"),
                                        ("settings", "settings.xml"), ("webSettings", "webSettings.xml"),
                                        ("fontTable", "fontTable.xml"), ("theme", "theme/theme1.xml")), start=1))
_APP = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Template>Normal.dotm</Template><Application>Learning Briefings</Application><DocSecurity>0</DocSecurity>\
<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


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


def docx_language(language: str) -> str:
    """Word wants a language with its region; a bare ``en`` is British English on these sites."""
    return "en-GB" if language.lower() == "en" else language


# --- HTML into a small tree (html.parser copes with <br>, <img> and entities) ---

_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"}
_BLOCKS = {"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr", "div", "dl"}


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag, self.attrs, self.children = tag, attrs, []


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _text(node: _Node) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in node.children)


# --- the template, prepared once per process and language ---

_P, _PPR, _PSTYLE, _R, _RPR, _T = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr"), qn("w:t")
_VAL, _SPACE_ATTR = qn("w:val"), "{http://www.w3.org/XML/1998/namespace}space"
#: C0 control characters XML cannot hold (validation refuses them in briefings; this is a backstop).
_NOT_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


class _Template:
    def __init__(self, language: str):
        document = docx.Document()
        styles_el = document.styles.element
        keep = _style_closure(styles_el, USED_STYLES)
        for style in list(styles_el.iterchildren(qn("w:style"))):
            if style.get(qn("w:styleId")) not in keep:
                styles_el.remove(style)
        lang = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        lang.set(_VAL, language)
        lang.set(qn("w:eastAsia"), language)
        settings_el = document.settings.element
        for el in settings_el.findall(qn("w:themeFontLang")):
            el.set(_VAL, language)
        for name in ("w:proofState", "w:rsids", "w:savePreviewPicture", "w14:docId"):
            for el in settings_el.findall(qn(name)):
                settings_el.remove(el)
        #: style name -> style id, for writing w:pStyle directly
        self.style_ids = {name: document.styles[name].style_id for name in USED_STYLES}
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
        self.action_table = _action_table(document)
        self.document = copy.deepcopy(document.element)
        numbering = document.part.numbering_part.element
        self.numbering = numbering
        self.list_abstract = _list_abstract_ids(styles_el, numbering)
        self.first_free_num = 1 + max(int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num")))
        self.core = document.part.package.core_properties._element
        parts = {str(p.partname): p for p in document.part.package.iter_parts()}
        self.static = [_deflate(name, parts["/" + name].blob) for name in
                       ("word/styles.xml", "word/settings.xml", "word/webSettings.xml", "word/fontTable.xml",
                        "word/theme/theme1.xml")]


def _action_table(document) -> CT_Tbl:
    """The action plan (Action / Who / By when): a header row that repeats, then empty rows."""
    table = document.add_table(rows=1 + ACTION_ROWS, cols=len(ACTION_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    tblPr = table._tbl.tblPr
    for tag, value in (("w:tblCaption", "Action plan"),
                       ("w:tblDescription", "One row per action: what the team will do, who will do it and by when.")):
        SubElement(tblPr, qn(tag)).set(_VAL, value)
    header = table.rows[0]
    _mark_header(header._tr)
    for cell, label in zip(header.cells, ACTION_COLUMNS, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    for row in table.rows[1:]:
        row.height = Cm(1.2)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for column, width in zip(table.columns, ACTION_WIDTHS, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    tbl = table._tbl
    tbl.getparent().remove(tbl)
    return tbl


def _mark_header(tr) -> None:
    """Mark a row as the table's header (w:tblHeader): repeated on each page, read out by screen readers."""
    trPr = tr.get_or_add_trPr()
    SubElement(trPr, qn("w:cantSplit"))
    SubElement(trPr, qn("w:tblHeader"))


def _style_closure(styles_el, names) -> set[str]:
    """Style ids of ``names``, the default styles, and every style they are based on, linked to or followed by."""
    by_name, by_id = {}, {}
    for style in styles_el.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        by_id[sid] = style
        name = style.find(qn("w:name"))
        if name is not None:
            by_name[name.get(_VAL).lower()] = sid
    todo = [by_name[n.lower()] for n in names] + [sid for sid, s in by_id.items() if s.get(qn("w:default")) == "1"]
    keep: set[str] = set()
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for ref in ("w:basedOn", "w:link", "w:next"):
            el = by_id[sid].find(qn(ref))
            if el is not None:
                todo.append(el.get(_VAL))
    return keep


def _list_abstract_ids(styles_el, numbering) -> dict[str, str]:
    """For each list style id, the abstract numbering its numId points at."""
    nums = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(_VAL) for n in numbering.iterchildren(qn("w:num"))}
    found = {}
    for style in styles_el.iterchildren(qn("w:style")):
        num_id = style.find(f"{_PPR}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None and num_id.get(_VAL) in nums:
            found[style.get(qn("w:styleId"))] = nums[num_id.get(_VAL)]
    return found


_TEMPLATES: dict[str, _Template] = {}


def _template(language: str) -> _Template:
    if language not in _TEMPLATES:
        _TEMPLATES[language] = _Template(language)
    return _TEMPLATES[language]


# --- one document ---

def _collapse(text: str) -> str:
    """HTML whitespace: any run of it is one space (str.split is much faster than a regex here)."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


class _Writer:
    """Writes a WordBriefing as Word paragraphs, lists and tables with real styles."""

    def __init__(self, t: _Template, b: WordBriefing):
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
        SubElement(pPr, _PSTYLE).set(_VAL, self.t.style_ids[style])
        if style in self.list_nums:
            numPr = SubElement(pPr, qn("w:numPr"))
            SubElement(numPr, qn("w:ilvl")).set(_VAL, "0")
            SubElement(numPr, qn("w:numId")).set(_VAL, str(self.list_nums[style]))
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
                SubElement(rPr, qn("w:color")).set(_VAL, LINK_COLOUR)
                SubElement(rPr, qn("w:u")).set(_VAL, "single")
        t = SubElement(r, _T)
        t.text = text.translate(_NOT_XML)
        if text[:1].isspace() or text[-1:].isspace():
            t.set(_SPACE_ATTR, "preserve")
        return r

    def link(self, p, url: str, text: str) -> None:
        """A real hyperlink showing its URL, so it works when clicked and when printed."""
        rid = self.links.setdefault(url, f"rId{100 + len(self.links)}")
        hyperlink = SubElement(p, qn("w:hyperlink"))
        hyperlink.set(qn("r:id"), rid)
        self.run(hyperlink, text, link=True)

    # HTML

    def blocks(self, node: _Node, style: str = "Normal", depth: int = 0, parent=None) -> None:
        """Write the block content of ``node``; loose inline content becomes a paragraph."""
        pending: list = []
        current = style

        def flush():
            nonlocal pending, current
            if any(isinstance(c, _Node) or c.strip() for c in pending):
                self.inline(self.para(current, parent=parent), pending)
                current = _continue_style(style)
            pending = []

        for child in node.children:
            if isinstance(child, str) or child.tag not in _BLOCKS:
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
                    if isinstance(item, _Node):
                        self.inline(self.para(style, parent=parent), item.children, bold=item.tag == "dt")
        flush()

    def list(self, node: _Node, numbered: bool, depth: int) -> None:
        level = min(depth, 3)
        style = ("List Number" if numbered else "List Bullet") + ("" if level == 1 else f" {level}")
        saved = self.list_nums.pop(style, None)
        if numbered:
            self.list_nums[style] = self.restart_numbering(style)
        for li in node.children:
            if isinstance(li, _Node) and li.tag == "li":
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
        SubElement(num, qn("w:abstractNumId")).set(_VAL, self.t.list_abstract[self.t.style_ids[style]])
        override = SubElement(num, qn("w:lvlOverride"))
        override.set(qn("w:ilvl"), "0")
        SubElement(override, qn("w:startOverride")).set(_VAL, "1")
        return num_id

    def inline(self, p, children, bold=False, pre=False) -> None:
        """Runs for inline content: bold and italic kept, links as their text plus the URL."""
        runs: list = []
        at_start = True

        def text_run(text: str, b: bool, i: bool, c: bool):
            nonlocal at_start
            if not pre:
                text = _collapse(text)
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

    def link_target(self, p, a: _Node) -> None:
        """After a link's text: its URL (absolute), or why it is not linked."""
        href = a.attrs.get("href", "").strip()
        if not href or href.startswith("#"):
            return
        text = " ".join(_text(a).split())
        if href.startswith("mailto:"):
            url, shown = href, href[len("mailto:"):].split("?", 1)[0]
        else:
            url = shown = urljoin(self.b.page_url, href)
        if shown and shown != text:
            self.run(p, " (")
            self.link(p, url, shown)
            self.run(p, ")")

    def table(self, node: _Node) -> None:
        """A Markdown table from a body: Table Grid, header row marked."""
        rows = []
        for group in (c for c in node.children if isinstance(c, _Node)):
            trs = [group] if group.tag == "tr" else [c for c in group.children if isinstance(c, _Node) and c.tag == "tr"]
            for tr in trs:
                cells = [c for c in tr.children if isinstance(c, _Node) and c.tag in ("td", "th")]
                if cells:
                    rows.append((group.tag == "thead" or all(c.tag == "th" for c in cells), cells))
        if not rows:
            return
        width = max(len(cells) for _, cells in rows)
        tbl = CT_Tbl.new_tbl(len(rows), width, Cm(17))
        tbl.tblPr.style = self.t.style_ids["Table Grid"]
        for tr, (header, cells) in zip(tbl.tr_lst, rows, strict=True):
            if header:
                _mark_header(tr)
            for tc, source in zip(tr.tc_lst, cells, strict=False):
                p = tc.find(_P)
                self.inline(p, source.children, bold=header)
        self.body.append(tbl)

    # the whole document

    def write(self) -> bytes:
        b = self.b
        self.heading(1, b.title)
        self.para("Subtitle", f"7-minute briefing from {b.board}")
        self.para("Normal", b.summary)
        self.heading(2, "About the review")
        for label, value in b.facts:
            p = self.para("Normal")
            self.run(p, f"{label}: ", bold=True)
            self.inline(p, parse_html(value).children)
        for seg in b.segments:
            self.heading(2, f"{seg.number}. {seg.label}")
            self.blocks(parse_html(seg.html))
        self.heading(2, "Action plan")
        self.para("Normal", "Agree what your team will do, who will do it and by when.")
        self.body.append(copy.deepcopy(self.t.action_table))
        self.heading(2, "Feedback")
        p = self.para("Normal", "Tell us how your team used this briefing and what you will do differently: email ")
        self.link(p, f"mailto:{b.feedback_email}", b.feedback_email)
        self.run(p, f" with the subject “Feedback: {b.title}”.")
        p = self.para("Normal", "This briefing online: ")
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
        links = "".join(f'<Relationship Id="{rid}" Type="{_OFFICE_RELS}/hyperlink" Target="{escape(url)}" '
                        f'TargetMode="External"/>' for url, rid in self.links.items())
        rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
                f"{_DOCUMENT_RELS}{links}</Relationships>").encode()
        entries = [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("docProps/core.xml", self.core_properties(when)),
            ("docProps/app.xml", _APP),
            ("word/document.xml", serialize_part_xml(self.document)),
            ("word/_rels/document.xml.rels", rels),
            ("word/numbering.xml", serialize_part_xml(self.numbering)),
        ]
        entries = [_deflate(name, data) for name, data in entries] + self.t.static
        return write_zip(entries, (max(when.year, 1980), when.month, when.day))  # zip dates start in 1980


@dataclass(frozen=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate


def _deflate(name: str, data: bytes) -> _Entry:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Entry(name.encode(), zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


def write_zip(entries: list[_Entry], day: tuple[int, int, int]) -> bytes:
    """A zip in the given order, every entry stamped with ``day``: same entries, same bytes.

    Written here rather than with zipfile so the parts that never change are compressed once
    per process, not once per document.
    """
    year, month, dom = day
    dos_date, dos_time = (year - 1980) << 9 | month << 5 | dom, 0
    out, central = bytearray(), bytearray()
    for e in entries:
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, dos_time, dos_date, e.crc, len(e.data), e.size,
                           len(e.name), 0)
        out += e.name + e.data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, dos_time, dos_date, e.crc, len(e.data),
                               e.size, len(e.name), 0, 0, 0, 0, 0, offset)
        central += e.name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


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


def render(b: WordBriefing) -> bytes:
    """One .docx as bytes: the same WordBriefing always gives the same bytes."""
    return _Writer(_template(b.language), b).write()


def render_all(briefings: list[WordBriefing], workers: int | None = None) -> list[bytes]:
    """Render many documents, in worker processes when there are many; order is kept."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(briefings) <= PARALLEL_FROM or workers < 2:
        return [render(b) for b in briefings]
    chunk = max(1, len(briefings) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(render, briefings, chunksize=chunk))
