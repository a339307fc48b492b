"""What kind of file an input is, from its first bytes (a name can say .docx and be anything)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.importer.blocks import Document, ImportFailed

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files; also a password-protected .docx


def read_document(path: Path) -> Document:
    """The document's blocks, or ImportFailed saying what is wrong with it and what to do."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError:
        raise ImportFailed("no such file; check the name and the folder") from None
    except IsADirectoryError:
        raise ImportFailed("this is a folder; give the Word or PDF files in it") from None
    except OSError as err:
        raise ImportFailed(f"the file cannot be read ({err.strerror})") from None
    suffix = path.suffix.lower()
    if not head:
        raise ImportFailed("the file is empty (0 bytes): there is nothing to import")
    if head.startswith(b"%PDF"):
        from generator.importer.pdf import read_pdf

        return _with_text(read_pdf(path))
    if head.startswith(_OLE):
        raise ImportFailed("this is an old Word .doc file (or a password-protected one), which cannot be read: "
                           "open it in Word and save it as .docx (File > Save As > Word Document), without a password")
    if head.startswith(b"PK"):
        return _with_text(_zip(path, suffix))
    if suffix == ".docx":
        raise ImportFailed("the .docx file is damaged (it is not a Word document inside); open it in Word and save it again")
    if suffix == ".pdf":
        raise ImportFailed("the file is named .pdf but is not a PDF; save it again as PDF")
    raise ImportFailed("not a Word document (.docx) or PDF; save it as one of those and import that")


def _zip(path: Path, suffix: str) -> Document:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        raise ImportFailed("the .docx file is damaged or incomplete; open it in Word and save it again") from None
    if "word/document.xml" not in names:
        kind = "an OpenDocument file" if "content.xml" in names else "a zip file but not a Word document"
        raise ImportFailed(f"{kind}; save it as Word .docx or PDF and import that")
    from generator.importer.docx import read_docx

    return read_docx(path)


def _with_text(document: Document) -> Document:
    if not any(b.plain.strip() for b in document.blocks if b.kind != "image"):
        raise ImportFailed("the document is empty: there is no text to import")
    return document
