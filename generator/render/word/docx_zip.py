"""The .docx container: the package's fixed parts and a deterministic zip writer.

Kept apart from python-docx because python-docx's own save goes through zipfile, which stamps
the current time and recompresses every part for every document. Here the entries come in a
fixed order with a fixed date (same parts, same bytes), and the parts that never change are
compressed once per process and reused.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from html import escape

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
#: The parts every document shares, in the order ``package`` writes them after the changing ones.
STATIC_PARTS = ("word/styles.xml", "word/settings.xml", "word/webSettings.xml", "word/fontTable.xml",
                "word/theme/theme1.xml")


@dataclass(frozen=True)
class Entry:
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate


def deflate(name: str, data: bytes) -> Entry:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Entry(name.encode(), zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


def package(core: bytes, document: bytes, numbering: bytes, links: dict[str, str], static: list[Entry],
         day: tuple[int, int, int]) -> bytes:
    """A whole .docx: the parts that change (``links`` maps URL to relationship id), then ``static``."""
    hyperlinks = "".join(f'<Relationship Id="{rid}" Type="{_OFFICE_RELS}/hyperlink" Target="{escape(url)}" '
                         f'TargetMode="External"/>' for url, rid in links.items())
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
            f"{_DOCUMENT_RELS}{hyperlinks}</Relationships>").encode()
    entries = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("docProps/core.xml", core),
        ("docProps/app.xml", _APP),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
        ("word/numbering.xml", numbering),
    ]
    return write_zip([deflate(name, data) for name, data in entries] + static, day)


def write_zip(entries: list[Entry], day: tuple[int, int, int]) -> bytes:
    """A zip in the given order, every entry stamped with ``day``: same entries, same bytes."""
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
