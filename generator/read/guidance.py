"""Longer guidance per theme: ``<guidance_dir>/<theme-slug>.md``, shown on the theme's topic page.

Guidance is optional: a theme without a file gets a topic page without it. A file whose name
is not a theme key is an error, so a renamed or misspelt theme never loses its guidance
silently. As in briefing bodies, raw HTML is shown as text, never as markup. A file may start
with front matter holding only ``allow:``, the anonymity check's exact strings (as in a briefing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import markdown
import yaml
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from generator.config.settings import LoadedConfig
from generator.problems import ContentError, Problem, did_you_mean, display_path
from generator.read.body import LinkCheck, sanitise
from generator.read.source import Source, read_source, translation_code
from generator.safety import characters

_HEADING = re.compile(r"<(/?)h([1-6])\b")
_SECTION = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


@dataclass(frozen=True)
class Guidance:
    """A theme's guidance as HTML, and its sections (id, heading HTML) for the page's contents list."""

    html: str
    sections: tuple[tuple[str, str], ...]


class _OutsideLinks(Treeprocessor):
    def __init__(self, md, check: LinkCheck):
        super().__init__(md)
        self.check = check

    def run(self, root) -> None:
        for el, _, url, _ in self.check.check_tree(root, self.check.body_line):
            if el.tag == "a" and url.startswith(("http://", "https://")):
                el.set("rel", "noopener")


class _Safe(Extension):
    """No raw HTML, no link the URL policy refuses; links to other sites open without handing
    them this page."""

    def __init__(self, check: LinkCheck):
        super().__init__()
        self.check = check

    def extendMarkdown(self, md) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_OutsideLinks(md, self.check), "guidance_links", 1)


def _slugify(value: str, separator: str) -> str:
    # Prefixed so a guidance heading never takes the id of one of the topic page's own sections.
    return "guidance-" + re.sub(r"[^a-z0-9]+", separator, value.lower()).strip(separator)


def render(text: str, check: LinkCheck | None = None) -> Guidance:
    """Guidance Markdown to HTML whose top headings are h2: it sits under the topic page's h1.
    Links the URL policy refuses are left out and recorded in ``check``."""
    toc = TocExtension(slugify=_slugify, toc_depth="1-6")
    safe = _Safe(check or LinkCheck("guidance", text))
    html = markdown.markdown(text, extensions=["tables", "sane_lists", toc, safe], output_format="html")
    levels = [int(m.group(2)) for m in _HEADING.finditer(html)]
    shift = 2 - min(levels) if levels else 0
    html = sanitise(_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}", html), headings=True)
    return Guidance(html, tuple(_SECTION.findall(html)))


def read(path: Path, root: Path) -> tuple[Source | None, list[Problem]]:
    """A guidance file as a Source, as a briefing is read: its front matter (none, or only
    ``allow:``) and its Markdown body with their lines. None if it cannot be read at all."""
    shown = display_path(path, root)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(shown, None, f"cannot read the file ({err}); save it as UTF-8 text")]
    if not frontmatter.YAMLHandler().detect(text):
        return Source(path, shown, {}, yaml.MappingNode("tag:yaml.org,2002:map", []), 1, text, 1), []
    src, problems = read_source(path, root)
    if src is None:
        return None, problems
    for key in src.data:
        if key != "allow":
            problems.append(Problem(shown, src.line(key) or src.fm_line,
                f"guidance front matter holds only allow: (exact strings the anonymity check may let through); "
                f"remove '{key}'"))
    allow = src.data.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(a, str) for a in allow):
        problems.append(Problem(shown, src.line("allow") or src.fm_line,
            "allow: must be a list of exact strings, e.g. allow: [\"0808 800 5000\"]"))
    return src, problems


def load(config: LoadedConfig, language: str | None = None) -> dict[str, Guidance]:
    """Rendered guidance by theme slug, in the site's language or a further one (the files
    ``<theme-key>.<code>.md``); raise ContentError naming every file that is wrong."""
    folder = config.resolve(config.site.guidance_dir)
    if not folder.is_dir():
        return {}
    themes = config.site.themes
    found: dict[str, Guidance] = {}
    problems: list[Problem] = []
    further = language not in (None, config.site.language)
    for path in sorted(folder.glob("*.md")):
        shown = display_path(path, config.root)
        code = translation_code(path, config.site.translations)
        if code != (language if further else None):
            continue
        slug = path.name[: -len(f".{code}.md")] if code else path.stem
        if slug not in themes:
            problems.append(Problem(shown, None,
                f"guidance for an unknown theme '{slug}'{did_you_mean(slug, themes)}; name the file after a theme key "
                f"from site_config.yml (<theme-key>.md) or add the theme there"))
            continue
        src, found_problems = read(path, config.root)
        problems += found_problems
        if src is not None:
            problems += characters.problems_in(src.body, shown, src.body_line)
        if src is not None and src.body.strip():
            check = LinkCheck(shown, src.body, src.body_line)
            found[slug] = render(src.body, check)
            problems += check.problems
    if problems:
        raise ContentError(problems)
    return found
