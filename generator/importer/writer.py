"""The draft briefing: front matter with what a person must still decide, and the Markdown body.

Every value is written as a JSON string, which YAML reads as the same text whatever it holds
(colons, quotes, a leading dash). A field left for a person is left empty, so ``briefings
check`` names it with its line until it is filled in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.importer.blocks import Block
from generator.importer.segments import ORDER, SEGMENT_HEADINGS, Mapped

_IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg", "image/webp": "webp",
                "image/bmp": "bmp", "image/tiff": "tif", "image/x-emf": "emf", "image/x-wmf": "wmf"}


def slug_of(title: str, limit: int = 60) -> str:
    """The file name a title gives: lower-case words and hyphens, cut at a word under ``limit``."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:limit] or "imported-briefing"


@dataclass
class Draft:
    """What is written for one document, and what the report says about it."""

    text: str = ""
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (path relative to the .md, data)
    went: list[tuple[str, str]] = field(default_factory=list)  # (the document's heading, where it went)
    decide: list[tuple[str, int, str]] = field(default_factory=list)  # (field, line, what to do)
    no_alt: list[str] = field(default_factory=list)  # images the document gave no alt text
    notes: list[str] = field(default_factory=list)  # what the reader could not carry over
    suggested: list[str] = field(default_factory=list)  # values read from the text, for a person to confirm


@dataclass
class Suggested:
    name: object = None
    type: object = None
    published: object = None
    themes: list[str] = field(default_factory=list)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def compose(mapped: Mapped, found: Suggested, slug: str, review_types: dict[str, str]) -> Draft:
    draft = Draft()
    prompts, body = _questions(mapped), _body(mapped, slug, draft)
    lines = ["---", f"title: {_q(mapped.title)}"]

    def decide(field_name: str, what: str) -> None:
        draft.decide.append((field_name, len(lines), what))

    def either(found_line: str | None, empty_line: str, field_name: str, what: str) -> None:
        """The value read from the document, or the field left empty for a person to fill in."""
        lines.append(found_line or empty_line)
        if not found_line:
            decide(field_name, what)

    lines.append('summary: ""  # to decide: one or two sentences for listings')
    decide("summary", "write one or two sentences for listings")
    lines.append("review:")
    either(found.name and f"  name: {_q(found.name.value)}  # from \"{found.name.quote}\": check it",
           '  name: ""  # to decide: the review\'s anonymised name, e.g. Child Z',
           "review.name", "give the review's anonymised name (none was found)")
    either(found.type and f"  type: {_q(found.type.value)}  # from \"{found.type.quote}\"",
           f'  type: ""  # to decide: one of {", ".join(review_types)}',
           "review.type", f"choose the review type ({', '.join(review_types)}); none was found")
    if found.published:
        day_assumed = not re.search(r"\d{1,2}\D+\w+\D+\d{4}|\d{4}-\d\d-\d\d|/", found.published.quote)
        lines.append(f"  published: {found.published.value.isoformat()}  # from \"{found.published.quote}\""
                     + (": the day is assumed, check it" if day_assumed else ": check it"))
        if day_assumed:
            decide("review.published", f"check the day: the document says only \"{found.published.quote}\"")
    else:
        lines.append("  # published: YYYY-MM-DD  # to decide: required before draft: true is removed")
        decide("review.published", "give the review's publication date (none was found) before publishing")
    either(found.themes and f"themes: [{', '.join(found.themes)}]  # suggested from the text: check them",
           "themes: []  # to decide: one or more theme keys from site_config.yml",
           "themes", "choose at least one theme (no configured theme title appears in the text)")
    if prompts:
        lines.append("discussion_prompts:")
        lines += [f"  - {_q(p)}" for p in prompts]
    else:
        lines.append("discussion_prompts: []  # to decide: one question a line, for the team to discuss")
        decide("discussion_prompts", "write at least one question for the team (the document has none)")
    lines += ["draft: true", "---", ""]
    draft.text = "\n".join(lines) + "\n" + body
    draft.suggested = [f"{name} {value}" for name, value in (
        ("review.name", found.name and found.name.value), ("review.type", found.type and found.type.value),
        ("review.published", found.published and found.published.value.isoformat()),
        ("themes", ", ".join(found.themes))) if value]
    for path in draft.no_alt:
        line = draft.text[: draft.text.index(f"![]({path})")].count("\n") + 1
        draft.decide.append(("image alt text", line, f"describe {path} between the [ ] (the document gives no alt text)"))
    return draft


def _questions(mapped: Mapped) -> list[str]:
    prompts = []
    for section in mapped.sections:
        if section.key != "questions":
            continue
        for block in section.blocks:
            if block.kind in ("para", "item") and block.plain.strip():
                prompts += [p.strip() for p in re.split(r"(?<=\?)\s+", block.plain) if p.strip()]
    return prompts


def _body(mapped: Mapped, slug: str, draft: Draft) -> str:
    """Segments in the briefing's order; an unmapped section right after the segment it followed."""
    placed: dict[str, list] = {key: [] for key in ORDER}
    current = "background"
    written: set[str] = set()
    extras: dict[int, list[Block]] = {}  # report line of each section kept under its own heading
    if mapped.prelude:
        placed["background"].append(("", mapped.prelude))
        draft.went.append(("(text before the first heading)", f"{SEGMENT_HEADINGS['background']} (check it belongs there)"))
    for section in mapped.sections:
        if section.key:
            current = section.key
        if section.key == "questions":
            extra = [b for b in section.blocks if b.kind not in ("para", "item")]
            draft.went.append((section.heading, "discussion_prompts (one per question)"))
            if extra:
                placed["questions"].append(("Questions (other content)", extra))
            continue
        if section.key and section.key not in written:
            heading = SEGMENT_HEADINGS[section.key]
            written.add(section.key)
        else:
            heading = section.heading
        placed[current].append((heading, section.blocks))
        if section.key:
            draft.went.append((section.heading, SEGMENT_HEADINGS[section.key]))
        else:
            draft.went.append((section.heading, f"kept under its own heading \"{section.heading}\""))
            extras[len(draft.went) - 1] = section.blocks
    out: list[str] = []
    images, shown_in = 0, SEGMENT_HEADINGS["background"]
    for key in ORDER:
        for heading, blocks in placed[key]:
            if heading in SEGMENT_HEADINGS.values():
                shown_in = heading
            if heading:
                out.append(f"## {heading}\n")
            elif key == "background" and "background" not in written:
                out.append(f"## {SEGMENT_HEADINGS['background']}\n")
                written.add("background")
            for index, extra in extras.items():
                if extra is blocks:  # say where the page shows it: inside the segment written before it
                    draft.went[index] = (draft.went[index][0], f"{draft.went[index][1]} (shown with {shown_in})")
            images = _write_blocks(blocks, slug, draft, out, images)
    return "\n".join(out).rstrip() + "\n"


def _write_blocks(blocks: list[Block], slug: str, draft: Draft, out: list[str], images: int) -> int:
    for i, block in enumerate(blocks):
        if block.kind == "image":
            images += 1
            ext = _IMAGE_TYPES.get(block.image.content_type, "bin")
            path = f"images/{slug}/image-{images}.{ext}"
            draft.images.append((path, block.image.data))
            alt = block.image.alt.replace("[", "(").replace("]", ")")
            out.append(f"![{alt}]({path})\n")
            if not alt:
                draft.no_alt.append(path)
            if ext in ("emf", "wmf", "tif", "bmp", "bin"):
                draft.notes.append(f"{path} is a kind of image browsers may not show ({block.image.content_type or 'unknown'}): "
                                   f"save it as PNG or JPEG and change the link")
        elif block.kind == "item":
            marker = "1." if block.ordered else "-"
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            same_list = nxt is not None and nxt.kind == "item" and (nxt.ordered == block.ordered or nxt.level != block.level)
            end = "" if same_list else "\n"
            out.append(f"{'    ' * block.level}{marker} {block.text}{end}")
        elif block.kind == "heading":
            out.append(f"### {block.text}\n")
        else:
            out.append(f"{block.text}\n")
    return images
