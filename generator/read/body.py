"""A briefing's Markdown body: split into the seven segments, rendered to HTML, assets found.

Raw HTML in a body is shown as text, never as markup: bodies come from many authors and
end up on a public site, so only Markdown formats them.
"""

from __future__ import annotations

import posixpath
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.model.briefing import Asset
from generator.problems import Problem
from generator.safety import files, urls

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


class LinkCheck:
    """Holds one file's link problems under the URL policy, each with the line the link is on.

    ``body`` and ``body_line`` (the Markdown and its first file line) let a problem name the
    line a link is written on rather than its section's heading.
    """

    def __init__(self, shown: str, body: str = "", body_line: int = 1):
        self.shown, self.lines, self.body_line = shown, body.splitlines(), body_line
        self.problems: list[Problem] = []

    def line_of(self, url: str, near: int) -> int:
        """The file line holding ``url`` (its first line, if split), searching from ``near`` on."""
        piece = next((part.strip() for part in url.splitlines() if part.strip()), "")
        start = max(0, near - self.body_line)
        for index in range(start, len(self.lines)) if piece else ():
            if piece in self.lines[index]:
                return self.body_line + index
        return near

    def refuse(self, url: str, line: int, what: str, text: str) -> bool:
        """Record a problem if the URL policy refuses ``url``; True when it does."""
        reason = urls.refusal(url, image=what == "the image")
        if reason:
            self.problems.append(Problem(self.shown, self.line_of(url, line),
                f"{what} '{urls.shown(text)}' goes to '{urls.shown(url)}': {reason}"))
        return reason is not None

    def check_tree(self, root: ET.Element, line: int) -> Iterator[tuple[ET.Element, str, str, str]]:
        """Refuse what the policy refuses (dropping the URL); yield every other link and image
        as (element, attribute, URL, "the link" or "the image")."""
        for el in root.iter():
            attr = "src" if el.tag == "img" else "href" if el.tag == "a" else None
            url = el.get(attr) if attr else None
            if url is None:
                continue
            what = "the link" if attr == "href" else "the image"
            text = el.get("alt", "") if attr == "src" else "".join(el.itertext())
            if self.refuse(_as_written(url), line, what, _as_written(text)):
                del el.attrib[attr]
                continue
            yield el, attr, url, what


class LocalLinks(LinkCheck):
    """Resolves relative links of one briefing: checks them and records files to copy."""

    def __init__(self, base_dir: Path, content_root: Path, shown: str, body: str = "", body_line: int = 1):
        super().__init__(shown, body, body_line)
        self.base_dir, self.root = base_dir, content_root.resolve()
        self.assets: dict[Path, Asset] = {}

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
        unsafe = files.refusal(target, image=what == "the image")
        if unsafe:
            self.problems.append(Problem(self.shown, line, f"{what} '{url}' {unsafe}"))
            return None
        output = posixpath.join(FILES_DIR, rel.as_posix())
        self.assets[target] = Asset(target, output)
        return output


class _RewriteLinks(Treeprocessor):
    def __init__(self, md, links: LocalLinks, line: int, prefix: str):
        super().__init__(md)
        self.links, self.line, self.prefix = links, line, prefix

    def run(self, root: ET.Element) -> None:
        for el, attr, url, what in self.links.check_tree(root, self.line):
            # An autolinked <a@b.org> arrives with its "mailto:" hidden as entities: not a file.
            if url and not url.startswith(AMP_SUBSTITUTE) and is_local(url):
                output = self.links.resolve(url, self.links.line_of(url, self.line), what)
                if output:
                    fragment = urlsplit(url).fragment
                    el.set(attr, self.prefix + output + (f"#{fragment}" if fragment else ""))
            if el.tag == "a" and el.get("href", "").startswith(("http://", "https://")):
                el.set("rel", "noopener")


_PLACEHOLDER = re.compile("\x02(\\d+)\x03")


def _as_written(value: str) -> str:
    """An attribute as it will be written: Markdown's placeholders for & and escaped characters
    are filled in only after the tree processors run."""
    return _PLACEHOLDER.sub(lambda m: chr(int(m[1])), value.replace(AMP_SUBSTITUTE, "&"))


#: What Markdown writes for a body, and nothing else: a second line of defence (nh3, the Rust
#: ammonia sanitiser) should a link or tag ever get past the checks above.
_TAGS = {"p", "a", "img", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br",
         "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title", "rel"}, "img": {"src", "alt", "title"}, "ol": {"start"},
               "th": {"style"}, "td": {"style"}}


def sanitise(html: str, headings: bool = False) -> str:
    """Rendered HTML with only the tags, attributes and URL schemes a body may hold (and, for
    ``headings``, guidance's h2 and heading ids, which its contents list links)."""
    tags, attributes = _TAGS, _ATTRIBUTES
    if headings:
        tags = tags | {"h2"}
        attributes = attributes | {f"h{level}": {"id"} for level in range(2, 7)}
    return nh3.clean(html, tags=tags, attributes=attributes, url_schemes=set(urls.ALLOWED_SCHEMES),
                     link_rel=None, strip_comments=True)


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
    return sanitise(re.sub(r"<(/?)h([1-2])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}", html))


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
