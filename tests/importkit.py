"""Fixtures for `briefings import`: the same briefing written as Word and PDF files, the ways boards lay them out.

Word files are written with python-docx (text boxes as raw XML, with both the DrawingML copy in
mc:Choice and the VML copy in mc:Fallback, as Word saves them); PDFs with fpdf2. BOXES says
which segment each box's sentences must end up in.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.shared import OxmlElement
from docx.shared import Pt

TITLE = "Child Q: a baby who was not seen"
META = "Child Safeguarding Practice Review, published 14 March 2024"
LINK = "https://example.org/neglect"
RUNNING = "Testshire Learning Team briefing"

# (heading as the board writes it, the segment it belongs in, content); content is
# (kind "p" or "li", runs), a run (text, "" | "b" | "i" | ("link", url)).
BOXES = [
    ("Background", "background", [
        ("p", [("Q was four months old and lived with her mother and her mother's partner.", "")])]),
    ("Why it matters", "why", [
        ("p", [("Babies who are not brought to appointments are ", ""), ("invisible", "i"),
               (" to the services meant to protect them.", "")])]),
    ("Key points", "learning", [
        ("li", [("Health visitors did ", ""), ("not", "b"), (" see Q at home after the first visit.", "")]),
        ("li", [("Information sharing between the GP and children's social care was slow.", "")])]),
    ("Things to note and remember", "learning", [
        ("li", [("Neglect can build up quietly over many months.", "")])]),
    ("What should I do?", "actions", [
        ("li", [("Follow up every missed health appointment for a baby within a week.", "")]),
        ("li", [("Ask who else lives in the home and record it.", "")])]),
    ("Questions for reflection", "questions", [
        ("li", [("How do we know who lives in the home?", "")]),
        ("li", [("What would make you escalate a missed visit?", "")])]),
    ("Useful links", "further", [
        ("p", [("Read the ", ""), ("neglect practice guidance", ("link", LINK)), (" before your next visit.", "")])]),
]
EXTRA = ("About the partnership", None, [("p", [("The partnership reviews every briefing with its members.", "")])])


def sentences(boxes=BOXES):
    """(segment, sentence) for every paragraph and item; an extra box's go with the segment before it."""
    found, segment = [], "background"
    for _, key, content in boxes:
        segment = key or segment
        for _, runs in content:
            found.append((segment, "".join(text for text, _ in runs)))
    return found


# Word ------------------------------------------------------------------------------------

def _hyperlink(paragraph, text: str, url: str) -> None:
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _runs(paragraph, runs) -> None:
    for text, fmt in runs:
        if isinstance(fmt, tuple):
            _hyperlink(paragraph, text, fmt[1])
        else:
            run = paragraph.add_run(text)
            run.bold, run.italic = fmt == "b" or None, fmt == "i" or None


def _content(container, content) -> None:
    for kind, runs in content:
        _runs(container.add_paragraph(style="List Bullet" if kind == "li" else None), runs)


def _bold_line(container, text: str, size: int | None = None):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)
    return paragraph


def _picture(document, png: bytes, alt: str | None) -> None:
    shape = document.add_picture(io.BytesIO(png))
    if alt is not None:
        shape._inline.docPr.set("descr", alt)


def docx_bytes(layout: str, boxes=BOXES, images: tuple = (), title: str = TITLE, meta: str = META) -> bytes:
    """The briefing as a .docx: layout "headings", "bold" (numbers typed), "numbered" (bold headings
    numbered by Word's list numbering), "table", "textboxes" (as Word writes them)
    or "drawingml" (text boxes without the VML copy, as some other programs write them).

    ``images``: (png bytes, alt text or None) pictures placed after the first box.
    """
    document = docx.Document()
    if layout == "headings":
        document.add_heading(title, level=1)
    elif layout in ("bold", "numbered"):
        _bold_line(document, title, 18)
    else:
        document.add_paragraph(title, style="Title")
    document.add_paragraph(meta)
    if layout == "table":
        table = document.add_table(rows=(len(boxes) + 1) // 2, cols=2)
    if layout == "smartart":
        _smartart(document, boxes)
        boxes = []
    for n, (heading, _, content) in enumerate(boxes, start=1):
        if layout == "headings":
            document.add_heading(f"{n}. {heading}", level=2)
            _content(document, content)
        elif layout == "bold":
            _bold_line(document, f"{n} \u2013 {heading}")
            _content(document, content)
        elif layout == "numbered":  # Word's own numbering: each heading an item of a numbered list
            document.add_paragraph(style="List Number").add_run(heading).bold = True
            _content(document, content)
        elif layout == "table":
            cell = table.cell((n - 1) // 2, (n - 1) % 2)
            cell.paragraphs[0].add_run(f"{n}. {heading}").bold = True
            _content(cell, content)
        else:
            _text_box(document, n, heading, content, fallback=layout == "textboxes")
        if n == 1:
            for png, alt in images:
                _picture(document, png, alt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _run_xml(text: str, fmt, part) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if fmt == "b" else "<w:rPr><w:i/></w:rPr>" if fmt == "i" else ""
    run = f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    if isinstance(fmt, tuple):
        return f'<w:hyperlink r:id="{part.relate_to(fmt[1], RT.HYPERLINK, is_external=True)}">{run}</w:hyperlink>'
    return run


def _text_box(document, n: int, heading: str, content, fallback: bool = True) -> None:
    """One text box as Word writes it: the DrawingML shape, and the VML fallback copy of the same text."""
    part = document.part
    paras = f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{n}. {escape(heading)}</w:t></w:r></w:p>'
    for kind, runs in content:
        style = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>' if kind == "li" else ""
        paras += f"<w:p>{style}{''.join(_run_xml(text, fmt, part) for text, fmt in runs)}</w:p>"
    body = f"<w:txbxContent>{paras}</w:txbxContent>"
    xml = f"""<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{n}" behindDoc="0"
 locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:posOffset>{(n - 1) % 2 * 2900000}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="2743200" cy="1371600"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>
<wp:docPr id="{100 + n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="1371600"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{body}</wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
{_fallback(n, body) if fallback else ""}</mc:AlternateContent></w:r>"""
    document.add_paragraph()._p.append(parse_xml(xml))


_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


def _smartart(document, boxes) -> None:
    """The seven boxes as one SmartArt diagram: a shape per heading, a child shape for its text,
    the connection points between them (no text) as Word writes them."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    points, n = ['<dgm:pt modelId="0" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p/></dgm:t></dgm:pt>'], 0
    for number, (heading, _, content) in enumerate(boxes, start=1):
        for lines in ([f"{number}. {heading}"], ["".join(t for t, _ in runs) for _, runs in content]):
            n += 1
            paras = "".join(f"<a:p><a:r><a:t>{escape(line)}</a:t></a:r></a:p>" for line in lines)
            points.append(f'<dgm:pt modelId="{n}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/>{paras}</dgm:t></dgm:pt>')
            points.append(f'<dgm:pt modelId="{n}0" type="parTrans"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p/></dgm:t></dgm:pt>')
    xml = (f'<dgm:dataModel xmlns:dgm="{_DGM}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           f"<dgm:ptLst>{''.join(points)}</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>")
    part = Part(PackURI("/word/diagrams/data1.xml"), "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
                xml.encode(), document.part.package)
    r_id = document.part.relate_to(part, RT.DIAGRAM_DATA)
    drawing = f"""<w:r {_NS} xmlns:dgm="{_DGM}"><w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/>
<wp:docPr id="900" name="Diagram 1"/><a:graphic><a:graphicData uri="{_DGM}"><dgm:relIds r:dm="{r_id}"/></a:graphicData>
</a:graphic></wp:inline></w:drawing></w:r>"""
    document.add_paragraph()._p.append(parse_xml(drawing))


def _fallback(n: int, body: str) -> str:
    return (f'<mc:Fallback><w:pict><v:shape id="Text Box {n}" type="#_x0000_t202" style="width:216pt;height:108pt">'
            f"<v:textbox>{body}</v:textbox></v:shape></w:pict></mc:Fallback>")


# PDF -------------------------------------------------------------------------------------

def _pdf(running: str = ""):
    """An A4 fpdf2 document; ``running``: a header and footer line on every page, as boards' PDFs have."""
    from fpdf import FPDF

    class Briefing(FPDF):
        def header(self):
            if running:
                self.set_font("helvetica", "", 8)
                self.cell(0, 4, running, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            if running:
                self.set_y(-12)
                self.set_font("helvetica", "", 8)
                self.cell(0, 4, f"{running} - page {self.page_no()}")

    pdf = Briefing(format="A4")
    pdf.set_auto_page_break(True, 15)
    pdf.add_page()
    return pdf


def _pdf_box(pdf, n: int, heading: str, content) -> None:
    pdf.set_font("helvetica", "B", 11)
    pdf.write(5, f"{n}. {heading}")
    pdf.ln(6)
    for kind, runs in content:
        pdf.set_font("helvetica", "", 11)
        if kind == "li":
            pdf.write(5, "- ")
        for text, fmt in runs:
            link = fmt[1] if isinstance(fmt, tuple) else ""
            pdf.set_font("helvetica", "B" if fmt == "b" else "I" if fmt == "i" else "U" if link else "", 11)
            pdf.write(5, text, link=link)
        pdf.ln(5 if kind == "li" else 8)
    pdf.ln(5)


def pdf_bytes(layout: str = "single", boxes=BOXES, title: str = TITLE, meta: str = META, images: tuple = ()) -> bytes:
    """The briefing as a text PDF: "single" column, "two-pages" (one column over two pages, with a
    running header and footer) or "two-column" (boxes 1-4 left, the rest right).

    ``images``: PNG pictures placed after the first box."""
    pdf = _pdf(RUNNING if layout == "two-pages" else "")
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, meta, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    if layout in ("single", "two-pages"):
        for n, (heading, _, content) in enumerate(boxes, start=1):
            if layout == "two-pages" and n == 4:
                pdf.add_page()
            _pdf_box(pdf, n, heading, content)
            for picture in images if n == 1 else ():
                pdf.image(io.BytesIO(picture), w=30)
                pdf.ln(4)
    else:
        top, split = pdf.get_y(), (len(boxes) + 1) // 2
        for n, (heading, _, content) in enumerate(boxes, start=1):
            if n == 1 or n == split + 1:
                left = 15 if n == 1 else 110
                pdf.set_left_margin(left)
                pdf.set_right_margin(210 - left - 85)
                pdf.set_xy(left, top)
            _pdf_box(pdf, n, heading, content)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = _pdf()
    pdf.set_font("helvetica", "", 11)
    pdf.write(6, "A briefing behind a password.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def png(width: int = 40, height: int = 30) -> bytes:
    """A small real PNG (a grey rectangle), made with Pillow (which fpdf2 requires)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 120, 120)).save(out, format="PNG")
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A 'scanned' briefing: one page that is only a picture, no text."""
    pdf = _pdf()
    pdf.image(io.BytesIO(png(200, 280)), x=10, y=10, w=190)
    return bytes(pdf.output())


def empty_pdf() -> bytes:
    return bytes(_pdf().output())


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()
