"""Longer guidance per theme: ``<guidance_dir>/<theme-slug>.md``, shown on the theme's topic page.

Guidance is optional: a theme without a file gets a topic page without it. A file whose name
is not a theme key is an error, so a renamed or misspelt theme never loses its guidance
silently. As in briefing bodies, raw HTML is shown as text, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from generator.config import LoadedConfig
from generator.problems import ContentError, Problem, display_path
from generator.validate import did_you_mean

_HEADING = re.compile(r"<(/?)h([1-6])\b")
_SECTION = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


@dataclass(frozen=True)
class Guidance:
    """A theme's guidance as HTML, and its sections (id, heading HTML) for the page's contents list."""

    html: str
    sections: tuple[tuple[str, str], ...]


class _OutsideLinks(Treeprocessor):
    def run(self, root) -> None:
        for el in root.iter("a"):
            if el.get("href", "").startswith(("http://", "https://")):
                el.set("rel", "noopener")


class _Safe(Extension):
    """No raw HTML; links to other sites open without handing them this page."""

    def extendMarkdown(self, md) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_OutsideLinks(md), "guidance_links", 1)


def _slugify(value: str, separator: str) -> str:
    # Prefixed so a guidance heading never takes the id of one of the topic page's own sections.
    return "guidance-" + re.sub(r"[^a-z0-9]+", separator, value.lower()).strip(separator)


def render(text: str) -> Guidance:
    """Guidance Markdown to HTML whose top headings are h2: it sits under the topic page's h1."""
    toc = TocExtension(slugify=_slugify, toc_depth="1-6")
    html = markdown.markdown(text, extensions=["tables", "sane_lists", toc, _Safe()], output_format="html")
    levels = [int(m.group(2)) for m in _HEADING.finditer(html)]
    shift = 2 - min(levels) if levels else 0
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}", html)
    return Guidance(html, tuple(_SECTION.findall(html)))


def load(config: LoadedConfig) -> dict[str, Guidance]:
    """Rendered guidance by theme slug; raise ContentError naming every file that is wrong."""
    folder = config.resolve(config.site.guidance_dir)
    if not folder.is_dir():
        return {}
    themes = config.site.themes
    found: dict[str, Guidance] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.md")):
        shown = display_path(path, config.root)
        slug = path.stem
        if slug not in themes:
            problems.append(Problem(shown, None,
                f"guidance for an unknown theme '{slug}'{did_you_mean(slug, themes)}; name the file after a theme key "
                f"from site_config.yml (<theme-key>.md) or add the theme there"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError) as err:
            problems.append(Problem(shown, None, f"cannot read the file ({err}); save it as UTF-8 text"))
            continue
        if text.strip():
            found[slug] = render(text)
    if problems:
        raise ContentError(problems)
    return found
