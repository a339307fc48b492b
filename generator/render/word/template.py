"""python-docx's default template, trimmed and prepared once per process and language.

Parsing the template and building the action-plan table cost more than writing a document, and
both are the same for every document: they are done here once, and each document starts from
copies of the few parts that change (body, numbering, core properties). Unused styles, the
thumbnail and custom XML are dropped so the files stay small.
"""

from __future__ import annotations

import copy

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm
from lxml.etree import SubElement

from generator.i18n.language import N_, Language
from generator.render.word.docx_zip import STATIC_PARTS, deflate

#: Empty rows in the action-plan table, for the team to fill in.
ACTION_ROWS = 6
ACTION_COLUMNS = (N_("Action"), N_("Who"), N_("By when"))
ACTION_WIDTHS = (Cm(9.5), Cm(4.5), Cm(3))

#: Styles the documents use; every other style of python-docx's template is dropped.
USED_STYLES = ("Normal", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6",
               "List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
               "List Continue", "List Continue 2", "List Continue 3", "Quote", "Table Grid")

VAL = qn("w:val")


class Template:
    def __init__(self, language: str):
        document = docx.Document()
        styles_el = document.styles.element
        keep = _style_closure(styles_el, USED_STYLES)
        for style in list(styles_el.iterchildren(qn("w:style"))):
            if style.get(qn("w:styleId")) not in keep:
                styles_el.remove(style)
        lang = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        lang.set(VAL, language)
        lang.set(qn("w:eastAsia"), language)
        settings_el = document.settings.element
        for el in settings_el.findall(qn("w:themeFontLang")):
            el.set(VAL, language)
        for name in ("w:proofState", "w:rsids", "w:savePreviewPicture", "w14:docId"):
            for el in settings_el.findall(qn(name)):
                settings_el.remove(el)
        #: style name -> style id, for writing w:pStyle directly
        self.style_ids = {name: document.styles[name].style_id for name in USED_STYLES}
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
        self.action_table = _action_table(document, language)
        self.document = copy.deepcopy(document.element)
        numbering = document.part.numbering_part.element
        self.numbering = numbering
        self.list_abstract = _list_abstract_ids(styles_el, numbering)
        self.first_free_num = 1 + max(int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num")))
        self.core = document.part.package.core_properties._element
        parts = {str(p.partname): p for p in document.part.package.iter_parts()}
        self.static = [deflate(name, parts["/" + name].blob) for name in STATIC_PARTS]


_TEMPLATES: dict[str, Template] = {}


def template(language: str) -> Template:
    if language not in _TEMPLATES:
        _TEMPLATES[language] = Template(language)
    return _TEMPLATES[language]


def _action_table(document, language: str) -> CT_Tbl:
    """The action plan (Action / Who / By when): a header row that repeats, then empty rows."""
    table = document.add_table(rows=1 + ACTION_ROWS, cols=len(ACTION_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    tblPr = table._tbl.tblPr
    _ = Language(language).gettext
    for tag, value in (("w:tblCaption", _("Action plan")),
                       ("w:tblDescription", _("One row per action: what the team will do, who will do it and by when."))):
        SubElement(tblPr, qn(tag)).set(VAL, value)
    header = table.rows[0]
    mark_header(header._tr)
    for cell, label in zip(header.cells, ACTION_COLUMNS, strict=True):
        cell.paragraphs[0].add_run(_(label)).bold = True
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


def mark_header(tr) -> None:
    """Mark a row as the table's header (w:tblHeader): repeated on each page, read out by screen
    readers, never split, and kept on the page of the row after it (keepNext on its paragraphs)."""
    trPr = tr.get_or_add_trPr()
    SubElement(trPr, qn("w:cantSplit"))
    SubElement(trPr, qn("w:tblHeader"))
    for p in tr.iter(qn("w:p")):
        p.get_or_add_pPr().get_or_add_keepNext()


def _style_closure(styles_el, names) -> set[str]:
    """Style ids of ``names``, the default styles, and every style they are based on, linked to or followed by."""
    by_name, by_id = {}, {}
    for style in styles_el.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        by_id[sid] = style
        name = style.find(qn("w:name"))
        if name is not None:
            by_name[name.get(VAL).lower()] = sid
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
                todo.append(el.get(VAL))
    return keep


def _list_abstract_ids(styles_el, numbering) -> dict[str, str]:
    """For each list style id, the abstract numbering its numId points at."""
    nums = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(VAL) for n in numbering.iterchildren(qn("w:num"))}
    found = {}
    for style in styles_el.iterchildren(qn("w:style")):
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None and num_id.get(VAL) in nums:
            found[style.get(qn("w:styleId"))] = nums[num_id.get(VAL)]
    return found
