"""Word .docx to blocks, through mammoth (semantic HTML by style).

Word writes each text box twice, a DrawingML shape inside ``mc:Choice`` and a VML copy inside
``mc:Fallback`` of one ``mc:AlternateContent``; mammoth reads the fallback alone, so each
sentence of a box is imported once.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import mammoth

from generator.importer.blocks import Document, Image, ImportFailed
from generator.importer.html_blocks import TITLE_CLASS, html_to_blocks

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
        with path.open("rb") as stream:
            result = mammoth.convert_to_html(stream, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(convert))
    except (zipfile.BadZipFile, KeyError, EOFError) as err:
        raise ImportFailed(f"the .docx file is damaged or incomplete ({err}); open it in Word and save it again") from None
    blocks = html_to_blocks(result.value, images)
    return Document(blocks, _core_title(path))


def _core_title(path: Path) -> str:
    """The title in the file's properties (File > Info in Word), often empty or a template's."""
    import docx

    try:
        return (docx.Document(str(path)).core_properties.title or "").strip()
    except Exception:  # noqa: BLE001 - a fallback only: the text was read already
        return ""
