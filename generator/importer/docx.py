"""Word .docx to blocks, through mammoth (semantic HTML by style).

Word writes each text box twice, a DrawingML shape inside ``mc:Choice`` and a VML copy inside
``mc:Fallback`` of one ``mc:AlternateContent``; mammoth reads the fallback alone, so each
sentence of a box is imported once. A box written only as DrawingML (some other programs do)
is given its VML form first, so its text is not lost either. Mammoth does not read SmartArt;
a diagram's text (word/diagrams/data*.xml) is read here, in the diagram's own order.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path
from xml.parsers.expat import ExpatError

import mammoth
from lxml import etree  # python-docx's own dependency

from generator.importer.blocks import Block, Document, Image, ImportFailed, clean, escape, escape_start
from generator.importer.html_blocks import TITLE_CLASS, html_to_blocks
from generator.importer.segments import segment_of

#: Styles boards use beyond Word's headings (mammoth's default map keeps those and lists).
STYLE_MAP = f"""
p[style-name='Title'] => p.{TITLE_CLASS}:fresh
p[style-name='Subtitle'] => p:fresh
"""


def read_docx(path: Path) -> Document:
    images: list[Image] = []

    def convert(image) -> dict:
        with image.open() as stream:
            data = stream.read()
        images.append(Image(data, image.content_type or "", " ".join((image.alt_text or "").split())))
        return {"src": f"lb-image:{len(images) - 1}"}

    try:
        stream = io.BytesIO(_with_vml_text_boxes(path.read_bytes()))
        result = mammoth.convert_to_html(stream, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(convert))
    except (zipfile.BadZipFile, KeyError, EOFError) as err:
        raise ImportFailed(f"the .docx file is damaged or incomplete ({err}); open it in Word and save it again") from None
    except (ExpatError, etree.XMLSyntaxError) as err:
        raise ImportFailed(f"the .docx file is damaged: its text is not valid XML ({err}); open it in Word and save it again") from None
    blocks = html_to_blocks(result.value, images)
    diagrams = _diagram_blocks(stream.getvalue())
    notes = [f"the text of {diagrams[0]} SmartArt diagram(s) was read in the diagram's own order, after the rest: "
             f"check where it belongs"] if diagrams[0] else []
    return Document(blocks + diagrams[1], _core_title(path), notes)


def _core_title(path: Path) -> str:
    """The title in the file's properties (File > Info in Word), often empty or a template's."""
    import docx

    try:
        return (docx.Document(str(path)).core_properties.title or "").strip()
    except Exception:  # noqa: BLE001 - a fallback only: the text was read already
        return ""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_V = "{urn:schemas-microsoft-com:vml}"


def _with_vml_text_boxes(data: bytes) -> bytes:
    """The .docx with every DrawingML text box that has no VML copy given one (else unchanged)."""

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
        if b"txbx" not in xml:
            return data
        root = etree.fromstring(xml)
        changed = False
        for box in list(root.iter(f"{_WPS}txbx")):
            drawing = next(box.iterancestors(f"{_W}drawing"), None)
            choice = next(box.iterancestors(f"{_MC}Choice"), None)
            fallback = choice.getparent().find(f"{_MC}Fallback") if choice is not None else None
            content = box.find(f"{_W}txbxContent")
            if drawing is None or content is None or (fallback is not None and fallback.find(f".//{_W}txbxContent") is not None):
                continue
            pict = etree.Element(f"{_W}pict")
            etree.SubElement(etree.SubElement(pict, f"{_V}shape"), f"{_V}textbox").append(copy.deepcopy(content))
            old = choice.getparent() if choice is not None else drawing
            old.getparent().replace(old, pict)
            changed = True
        if not changed:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy_:
            for item in archive.infolist():
                copy_.writestr(item, etree.tostring(root) if item.filename == "word/document.xml" else archive.read(item))
        return out.getvalue()


_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _diagram_blocks(data: bytes) -> tuple[int, list[Block]]:
    """The text of each SmartArt diagram: one paragraph per line of each shape, in the diagram's order.

    A diagram that holds no segment heading is put under a heading of its own."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if re.fullmatch(r"word/diagrams/data\d*\.xml", n)]
        names.sort(key=lambda n: int(re.sub(r"\D", "", n) or 0))
        found: list[list[str]] = []
        for name in names:
            root = etree.fromstring(archive.read(name))
            lines = []
            for point in root.iter(f"{_DGM}pt"):
                if point.get("type", "node") != "node" or point.find(f"{_DGM}t") is None:
                    continue
                for paragraph in point.find(f"{_DGM}t").iter(f"{_A}p"):
                    text = " ".join(clean("".join(t.text or "" for t in paragraph.iter(f"{_A}t"))).split())
                    if text:
                        lines.append(text)
            if lines:
                found.append(lines)
    blocks: list[Block] = []
    for number, lines in enumerate(found, start=1):
        if not any(segment_of(line) for line in lines):
            blocks.append(Block("heading", f"Text from diagram {number}", f"Text from diagram {number}", level=1))
        blocks += [Block("para", escape_start(escape(line)), line) for line in lines]
    return len(found), blocks
