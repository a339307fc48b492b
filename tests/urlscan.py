"""Every URL a built site holds, read back from its files: pages, feeds, data, Word relationships.

Written apart from the generator's own URL policy (a test that reused it could not catch its
mistakes), and stricter: every control character and space is dropped before the scheme is read.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html

SAFE = ("http", "https", "mailto", "tel")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href",
                   "{http://www.w3.org/1999/xlink}href"}
_URL_KEYS = {"url", "href", "src", "report", "link"}


def scheme(url: str) -> str | None:
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    found = re.match(r"([a-z][a-z0-9+.\-]*):", squeezed)
    return found[1] if found else None


def _from_tree(tree) -> Iterator[str]:
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name in _URL_ATTRIBUTES or name == "Target":
                yield value
        if el.tag in ("link", "{http://www.w3.org/2005/Atom}link", "{http://www.w3.org/2005/Atom}id") and el.text:
            yield el.text


def _from_json(data) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _URL_KEYS and isinstance(value, str):
                yield value
            yield from _from_json(value)
    elif isinstance(data, list):
        for item in data:
            yield from _from_json(item)


def urls_in(path: Path) -> Iterator[str]:
    """The URLs one output file links or embeds."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        yield from _from_tree(lxml.html.fromstring(path.read_bytes()))
    elif suffix in (".xml", ".svg"):
        yield from _from_tree(lxml.etree.fromstring(path.read_bytes(), lxml.etree.XMLParser(resolve_entities=False)))
    elif suffix == ".json":
        yield from _from_json(json.loads(path.read_text(encoding="utf-8")))
    elif suffix == ".docx" and zipfile.is_zipfile(path):  # a board's own .docx is copied as it is
        with zipfile.ZipFile(path) as docx:
            for name in docx.namelist():
                if name.endswith(".rels"):
                    yield from _from_tree(lxml.etree.fromstring(docx.read(name)))


def unsafe_urls(site: Path) -> list[str]:
    """``file: url`` for every URL in the site whose scheme is not a web page, email or phone."""
    return [f"{path.relative_to(site)}: {url!r}" for path in sorted(site.rglob("*")) if path.is_file()
            for url in urls_in(path) if scheme(url) not in (None, *SAFE)]
