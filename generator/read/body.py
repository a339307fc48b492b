"""A briefing's Markdown body: split into the seven segments, rendered to HTML, assets found.

Raw HTML in a body is shown as text, never as markup: bodies come from many authors and
end up on a public site, so only Markdown formats them.
"""

from __future__ import annotations

import posixpath
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.model.briefing import Asset
from generator.problems import Problem

#: Heading aliases (normalised) for each body segment; see the format in the README.
HEADING_ALIASES = {
    "background": ("background", "cefndir"),
    "why": ("why it matters", "pam mae'n bwysig", "pam mae hyn yn bwysig"),
    "learning": ("key learning", "learning", "information", "what we learned", "dysgu allweddol", "dysgu", "gwybodaeth"),
    "actions": ("what should we do", "what to do", "practice points", "beth ddylem ni ei wneud", "beth i'w wneud",
                "pwyntiau ymarfer"),
    "further": ("further information", "find out more", "links", "rhagor o wybodaeth", "gwybodaeth bellach", "dolenni"),
}  # with the Welsh a Welsh translation of a briefing uses (briefings/<name>.cy.md)
_ALIAS_TO_KEY = {alias: key for key, aliases in HEADING_ALIASES.items() for alias in aliases}
_H2 = re.compile(r"^##(?!#)[ \t]*(.*?)[ \t#]*$")
_FENCE = re.compile(r"^(```|~~~)")

#: Where files a briefing links by relative path are copied in the site.
FILES_DIR = "files"


@dataclass(frozen=True)
class Section:
    """A ``##`` section of the body; ``key`` is its segment, or None for an extra section."""

    key: str | None
    heading: str
    markdown: str
    line: int


def segment_key(heading: str) -> str | None:
    """Map a heading to its segment, case-insensitively, ignoring a trailing ? or :."""
    normal = re.sub(r"\s+", " ", heading.strip().lower().replace("\u2019", "'")).rstrip("?:. ").strip()
    return _ALIAS_TO_KEY.get(normal)


def split_sections(body: str, first_line: int) -> list[Section]:
    """Split on ``##`` headings (outside code fences). Text before the first heading is Background."""
    sections: list[Section] = []
    heading, key, start, buf = "", "background", first_line, []
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
        match = None if in_fence else _H2.match(line)
        if match:
            if buf and "".join(buf).strip() or heading:
                sections.append(Section(key, heading, "\n".join(buf).strip("\n"), start))
            heading = match.group(1).strip()
            key, start, buf = segment_key(heading), first_line + offset, []
        else:
            buf.append(line)
    if "".join(buf).strip() or heading:
        sections.append(Section(key, heading, "\n".join(buf).strip("\n"), start))
    return sections


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path)


class LocalLinks:
    """Resolves relative links of one briefing: checks them and records files to copy."""

    def __init__(self, base_dir: Path, content_root: Path, shown: str):
        self.base_dir, self.root, self.shown = base_dir, content_root.resolve(), shown
        self.assets: dict[Path, Asset] = {}
        self.problems: list[Problem] = []

    def resolve(self, url: str, line: int | None, what: str) -> str | None:
        """Return the site-relative output path for a local link, or None (and a Problem)."""
        parts = urlsplit(url)
        target = (self.base_dir / unquote(parts.path)).resolve()
        try:
            rel = target.relative_to(self.root)
        except ValueError:
            self.problems.append(Problem(self.shown, line, f"{what} '{url}' points outside the content folder; "
                f"move the file under {self.root.name}/"))
            return None
        if target.suffix == ".md":
            self.problems.append(Problem(self.shown, line, f"{what} '{url}' links another Markdown file; "
                f"link the briefing's page as ../<slug>/ instead"))
            return None
        if not target.is_file():
            self.problems.append(Problem(self.shown, line, f"{what} '{url}' does not exist; "
                f"check the path (relative to this briefing file)"))
            return None
        output = posixpath.join(FILES_DIR, rel.as_posix())
        self.assets[target] = Asset(target, output)
        return output


class _RewriteLinks(Treeprocessor):
    def __init__(self, md, links: LocalLinks, line: int, prefix: str):
        super().__init__(md)
        self.links, self.line, self.prefix = links, line, prefix

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            attr = "src" if el.tag == "img" else "href" if el.tag == "a" else None
            url = el.get(attr) if attr else None
            # An autolinked <a@b.org> arrives with its "mailto:" hidden as entities: not a file.
            if url and not url.startswith(AMP_SUBSTITUTE) and is_local(url):
                output = self.links.resolve(url, self.line, "the link" if attr == "href" else "the image")
                if output:
                    fragment = urlsplit(url).fragment
                    el.set(attr, self.prefix + output + (f"#{fragment}" if fragment else ""))
            if el.tag == "a" and el.get("href", "").startswith(("http://", "https://")):
                el.set("rel", "noopener")


class _Links(Extension):
    def __init__(self, links: LocalLinks, line: int, prefix: str):
        super().__init__()
        self.args = (links, line, prefix)

    def extendMarkdown(self, md) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_RewriteLinks(md, *self.args), "briefing_links", 1)


_converters = threading.local()


def render_markdown(text: str, links: LocalLinks, line: int, prefix: str = "../../") -> str:
    """Markdown to HTML for a page at depth 2 (``briefings/<slug>/``), headings shifted below h2."""
    # One Markdown instance per thread, reset between sections: setting one up costs more
    # than converting a short section (thousands of sections in a national collection).
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(
            extensions=["tables", "sane_lists", _Links(links, line, prefix)],
            output_format="html",
        )
    rewrite = md.treeprocessors["briefing_links"]
    rewrite.links, rewrite.line, rewrite.prefix = links, line, prefix
    html = md.reset().convert(text)
    # A section sits under the segment's h2: its own headings start at h3.
    return re.sub(r"<(/?)h([1-2])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}", html)


def list_items(html: str) -> list[str]:
    """Top-level list items of a section's HTML (its key learning points), else its paragraphs."""
    try:
        root = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError:
        return [html] if html.strip() else []
    items = [li for lst in root if lst.tag in ("ul", "ol") for li in lst if li.tag == "li"]
    if not items:
        items = [p for p in root if p.tag == "p"]
    return [_inner(el) for el in items]


def _inner(el: ET.Element) -> str:
    text = (el.text or "") and _escape(el.text or "")
    return (text + "".join(ET.tostring(child, encoding="unicode", method="html") for child in el)).strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
