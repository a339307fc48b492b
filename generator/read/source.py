"""Read briefing files: split front matter from body, keep line numbers, never raise on bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from generator.config import yamlfile
from generator.problems import Problem, display_path

_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    """One briefing file as read: raw front matter (with its node tree for lines) and body."""

    path: Path
    shown: str
    data: dict[str, Any]
    node: yaml.Node
    fm_line: int  # file line of the front matter's first line
    body: str
    body_line: int  # file line of the body's first line

    def line(self, *keys: str | int) -> int | None:
        """The file line of a front-matter field (``src.line("review", "report")``), if present."""
        found = yamlfile.line_of(self.node, keys)
        return found + self.fm_line - 1 if found else None


def briefing_files(content_dir: Path, translations=()) -> list[Path]:
    """Every Markdown file under the content folder, sub-folders included, in a stable order;
    translations (``<name>.<code>.md`` for a code in ``translations``) are left out."""
    return sorted(p for p in content_dir.rglob("*.md") if p.is_file() and translation_code(p, translations) is None)


def translation_code(path: Path, codes) -> str | None:
    """'cy' for ``child-a.cy.md`` when cy is one of the site's further languages."""
    stem = path.name[:-3] if path.name.endswith(".md") else path.name
    code = stem.rsplit(".", 1)[-1] if "." in stem else None
    return code if code in codes else None


def translation_files(content_dir: Path, codes) -> list[tuple[str, Path, Path]]:
    """(code, translation, the main file it translates) for every translation file."""
    found = []
    for path in sorted(content_dir.rglob("*.md")):
        code = translation_code(path, codes)
        if code is not None and path.is_file():
            found.append((code, path, path.with_name(path.name[: -len(f".{code}.md")] + ".md")))
    return found


def read_source(path: Path, root: Path) -> tuple[Source | None, list[Problem]]:
    shown = display_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown, None, f"cannot read the file: {err.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [Problem(shown, None, f"not UTF-8 text (bad byte at offset {err.start}); save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(shown, None, "the file is empty; write a briefing or delete the file (see `briefings new`)")]
    handler = frontmatter.YAMLHandler()
    if not text.startswith("---") or not handler.detect(text):
        return None, [Problem(shown, 1, "no front matter: a briefing starts with a '---' line, its YAML fields, then '---'")]
    parts = _BOUNDARY.split(text, 2)
    if len(parts) < 3:
        return None, [Problem(shown, 1, "front matter is not closed: add a '---' line after the YAML fields")]
    _, fm_text, body = parts
    fm_line = 2
    try:
        data, node = yamlfile.load(fm_text.lstrip("\n"))
    except yamlfile.YamlProblem as err:
        line = err.line + fm_line - 1 + (len(fm_text) - len(fm_text.lstrip("\n")) - 1) if err.line else None
        return None, [Problem(shown, line, f"malformed YAML in the front matter: {err.message}; "
            f"check indentation, and put quotes around text containing : # ? [ ] {{ }} or a leading quote")]
    if not isinstance(data, dict):
        return None, [Problem(shown, fm_line, "the front matter must be YAML fields (title:, summary:, review:, ...)")]
    leading = len(fm_text) - len(fm_text.lstrip("\n")) - 1
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Source(path, shown, data, node, fm_line + max(leading, 0), body, body_line), []
