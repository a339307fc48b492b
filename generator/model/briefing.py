"""The validated briefing: what every later step (derive, render, Word, feeds) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model.frontmatter import FrontMatter, Recommendation


@dataclass(frozen=True)
class Asset:
    """A local file the briefing links: copied to ``output`` (site-relative) if published."""

    source: Path
    output: str


@dataclass(frozen=True)
class RenderedSection:
    """A body section with its HTML; ``key`` None marks a section kept beyond the five named ones."""

    key: str | None
    heading: str
    html: str
    markdown: str


@dataclass(frozen=True)
class Briefing:
    slug: str
    source: str  # the file, as shown in messages
    meta: FrontMatter
    sections: tuple[RenderedSection, ...]
    learning_points: tuple[str, ...]
    assets: tuple[Asset, ...]
    report_asset: Asset | None = None
    text: str = field(default="", repr=False)  # every word a reader could see, for checks
    slug_line: int | None = None  # the line of ``slug:`` when the front matter sets it

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def review(self):
        return self.meta.review

    @property
    def published(self) -> date | None:
        return self.meta.review.published

    @property
    def themes(self) -> list[str]:
        return self.meta.themes

    @property
    def recommendations(self) -> list[Recommendation]:
        return self.meta.recommendations

    def segment(self, key: str) -> list[RenderedSection]:
        """The body sections shown in one segment: the named one plus extras that follow it."""
        shown, current = [], "background"
        for section in self.sections:
            current = section.key or current
            if current == key:
                shown.append(section)
        return shown
