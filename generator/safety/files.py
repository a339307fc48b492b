"""Which files a briefing (or the config's ``logo:``) may have copied into the site.

Everything copied is served from the board's own address, where an HTML page, a script or an
SVG with script in it would run with the site's authority. So only pictures and documents a
browser shows without running anything are copied: PNG, JPEG, GIF, WebP, SVG that holds no
script, and PDF, Word, Excel, PowerPoint, OpenDocument text, CSV and plain text. A file must
also start as its type does, so an HTML page renamed ``.png`` is refused like ``.html``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

RASTER_TYPES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",)}
_ZIP = (b"PK\x03\x04",)
DOCUMENT_TYPES = {".pdf": (b"%PDF-",), ".docx": _ZIP, ".xlsx": _ZIP, ".pptx": _ZIP, ".odt": _ZIP, ".csv": (), ".txt": ()}
IMAGE_TYPES = {*RASTER_TYPES, ".svg"}

_PICTURE_INSTEAD = "export the picture as PNG instead"
_ACTIVE = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".svgz", ".xml", ".xsl", ".xslt",
           ".swf", ".php", ".cgi", ".exe", ".bat", ".cmd", ".ps1", ".sh", ".jar", ".hta"}


def refusal(path: Path, image: bool = False) -> str | None:
    """Why the file at ``path`` may not be published (``image``: it is shown as a picture), with
    what to do instead; None when it may."""
    suffix = path.suffix.lower()
    allowed = IMAGE_TYPES if image else IMAGE_TYPES | DOCUMENT_TYPES.keys()
    if suffix not in allowed:
        kinds = "PNG, JPEG, GIF, WebP or SVG" if image else "a picture (PNG, JPEG, GIF, WebP, SVG) or a document " \
            "(PDF, DOCX, XLSX, PPTX, ODT, CSV, TXT)"
        if suffix in _ACTIVE:
            return (f"is a {suffix} file, which would run its own script on this site; "
                    f"publish it as {kinds} instead, or link it where it lives on the web (https://...)")
        return f"is a {suffix or 'file without a type'} file{' and not a picture' if image else ''}; give {kinds} instead"
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError as err:
        return f"cannot be read ({err.strerror}); check the file"
    signatures = {**RASTER_TYPES, **DOCUMENT_TYPES}.get(suffix, ())
    if signatures and not start.startswith(signatures) or suffix == ".webp" and start[8:12] != b"WEBP":
        return f"is not really a {suffix[1:].upper()} file (it does not start as one does); save it again as {suffix[1:].upper()}"
    if suffix == ".svg":
        found = svg_problem(path)
        return f"{found}; remove it, or {_PICTURE_INSTEAD}" if found else None
    return None


_SVG_ACTIVE = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "include"}
_CSS_OUTSIDE = re.compile(r"@import|url\(\s*(?!['\"]?\s*#)", re.I)
_SCHEME_IN = re.compile(r"(?:java|vb)script:|data:(?!image/(?:png|jpeg|gif|webp)[;,])", re.I)
_SQUEEZE = re.compile(r"[\x00-\x20\x7f]")


def svg_problem(path: Path) -> str | None:
    """What makes an SVG unsafe to serve (script, event handler, foreignObject, an outside
    reference, a javascript: URL, a DOCTYPE's entities), or None. Parsed without entities,
    DTDs or network, so a hostile file cannot make the check itself do anything."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as err:
        return f"is not a well-formed SVG ({err})"
    if root.getroottree().docinfo.doctype:
        return "has a DOCTYPE (which can define entities)"
    if etree.QName(root).localname != "svg":
        return "is not an SVG picture (its top element is not <svg>)"
    for node in (*root.itersiblings(preceding=True), *root.itersiblings(), *root.iter()):
        if isinstance(node, etree._ProcessingInstruction):
            return f"has a processing instruction <?{node.target}?> (an outside stylesheet)"
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        if name in _SVG_ACTIVE:
            return f"holds a <{name}> element"
        if name == "style" and _CSS_OUTSIDE.search(node.text or ""):
            return "has a stylesheet that loads an outside file"
        for attr, value in node.attrib.items():
            local = etree.QName(attr).localname.lower()
            squeezed = _SQUEEZE.sub("", value)
            if local.startswith("on"):
                return f"has an event handler ({local}= on <{name}>)"
            if _SCHEME_IN.search(squeezed):
                return f"has a script or document URL in {local}= on <{name}>"
            if local in ("href", "src") and not squeezed.startswith(("#", "data:")):
                return f"refers to an outside file or page ({local}=\"{value[:60]}\" on <{name}>)"
            if _CSS_OUTSIDE.search(value):
                return f"has a style that loads an outside file ({local}= on <{name}>)"
            if name in ("set", "animate") and local == "attributename" and value.lower().endswith("href"):
                return f"animates a link's address (<{name} attributeName=\"{value}\">)"
    return None
