"""Pictures in a PDF as image files: JPEGs as they are, 8-bit RGB or grey pixels as PNG.

Pillow is not needed for this: a PNG of unfiltered rows is a few lines of zlib. Other kinds
(masks, indexed colours, CMYK) are counted and reported for a person to add by hand.
"""

from __future__ import annotations

import struct
import zlib

from pdfminer.pdftypes import resolve1

from generator.importer.blocks import Image

_COMPONENTS = {"DeviceRGB": 3, "DeviceGray": 1}


def extract(item) -> Image | None:
    """An LTImage as an Image (no alt text: a PDF's is not read), or None when it cannot be."""
    stream = item.stream
    filters = [getattr(f, "name", f) for f, _ in stream.get_filters()]
    if filters == ["DCTDecode"]:
        return Image(stream.get_rawdata(), "image/jpeg", "")
    width, height = (int(v) for v in item.srcsize)
    channels = _channels(item.colorspace)
    if item.bits != 8 or channels is None or not width or not height:
        return None
    pixels = stream.get_data()
    if len(pixels) < width * height * channels:
        return None
    return Image(png(width, height, channels, pixels), "image/png", "")


def _channels(colorspace) -> int | None:
    space = resolve1(colorspace[0]) if colorspace else None
    name = getattr(space, "name", None)
    if name in _COMPONENTS:
        return _COMPONENTS[name]
    if isinstance(space, list) and space and getattr(space[0], "name", None) == "ICCBased":
        count = resolve1(resolve1(space[1]).attrs.get("N")) if len(space) > 1 else None
        return count if count in (1, 3) else None
    return None


def png(width: int, height: int, channels: int, pixels: bytes) -> bytes:
    row = width * channels
    raw = b"".join(b"\x00" + pixels[y * row:(y + 1) * row] for y in range(height))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2 if channels == 3 else 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
