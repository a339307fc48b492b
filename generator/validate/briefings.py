"""Validate every briefing against the schema and the site's config, collecting all problems."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import ValidationError

from generator.config.settings import SLUG, LoadedConfig, pydantic_problems
from generator.i18n.language import available
from generator.model.briefing import Briefing, RenderedSection
from generator.model.frontmatter import FrontMatter
from generator.problems import ContentError, Problem, did_you_mean
from generator.read import body as bodymod
from generator.read import guidance
from generator.read.source import Source, briefing_files, read_source
from generator.safety import anonymity, characters
from generator.validate import translations as translated


def _check_against_config(src: Source, fm: FrontMatter, config: LoadedConfig) -> list[Problem]:
    site, problems = config.site, []
    line = src.line
    for i, theme in enumerate(fm.themes):
        if theme not in site.themes:
            problems.append(Problem(src.shown, line("themes", i),
                f"unknown theme '{theme}'{did_you_mean(theme, site.themes)}; use a theme key from site_config.yml or add it there"))
    if fm.review.type not in site.review_types:
        problems.append(Problem(src.shown, line("review", "type"),
            f"unknown review type '{fm.review.type}'{did_you_mean(fm.review.type, site.review_types)}; "
            f"use one of: {', '.join(site.review_types)}"))
    return problems


def front_matter(src: Source) -> tuple[FrontMatter | None, list[Problem]]:
    """The validated front matter, or every field problem with its line."""
    try:
        return FrontMatter.model_validate(src.data), []
    except ValidationError as err:
        return None, pydantic_problems(err, src.shown, src.node, src.fm_line - 1)


def build_briefing(src: Source, config: LoadedConfig) -> tuple[Briefing | None, list[Problem]]:
    """One source file to a Briefing, or the problems that stop it."""
    fm, problems = front_matter(src)
    if fm is None:
        return None, problems
    problems = _check_against_config(src, fm, config)
    content_root = config.resolve(config.site.briefings_dir)
    links = bodymod.LocalLinks(src.path.parent, content_root, src.shown, src.body, src.body_line)
    report_asset = None
    report_line = src.line("review", "report")
    if fm.review.report and bodymod.is_local(fm.review.report):
        output = links.resolve(fm.review.report, report_line, "review.report")
        report_asset = links.assets.get((src.path.parent / fm.review.report).resolve()) if output else None
    elif fm.review.report and not fm.review.report.startswith(("https://", "http://")):
        problems.append(Problem(src.shown, report_line, f"review.report '{fm.review.report}' is neither a file beside "
            "this briefing (e.g. reports/child-a.pdf) nor a web address; give one or the other (https://...)"))
    sections = []
    for section in bodymod.split_sections(src.body, src.body_line):
        html = bodymod.render_markdown(section.markdown, links, section.line)
        sections.append(RenderedSection(section.key, section.heading, html, section.markdown))
    problems += links.problems
    learning = [p for s in sections if s.key == "learning" for p in bodymod.list_items(s.html)]
    text = "\n".join([fm.title, fm.summary, fm.review.name, *fm.discussion_prompts, *fm.agencies,
                      *(r.text for r in fm.recommendations), src.body])
    slug = fm.slug or src.path.stem
    if not fm.slug and not SLUG.match(slug):
        problems.append(Problem(src.shown, None,
            f"the file name '{src.path.name}' is not a usable page address; "
                f"rename it (lower-case words and hyphens) or add slug: to the front matter"))
    if problems:
        return None, problems
    assets = tuple(a for a in links.assets.values() if a is not report_asset)
    return Briefing(slug, src.shown, fm, tuple(sections), tuple(learning), assets, report_asset, text,
                    src.line("slug") if fm.slug else None), []


#: From this many files on, briefings are read and checked in two worker processes: each file
#: is independent, and a national collection has thousands (see bench/).
PARALLEL_FROM = 200


def control_characters(src: Source) -> list[Problem]:
    """Invisible control and text-direction characters anywhere in a briefing, each with its line."""
    pieces = [(node.value, node.start_mark.line + src.fm_line) for node, _ in anonymity.yaml_scalars(src.node)]
    return [p for text, first in [*pieces, (src.body, src.body_line)] for p in characters.problems_in(text, src.shown, first)]


def _check_file(path: Path, config: LoadedConfig, checker: anonymity.Checker) -> tuple[Briefing | None, list[Problem]]:
    """Read, check and build one briefing file."""
    src, problems = read_source(path, config.root)
    if src is None:
        return None, problems + checker.file_problems(path, config.root)
    problems = problems + checker.source_problems(src) + control_characters(src)
    briefing, found = build_briefing(src, config)
    return briefing, problems + found


def _check_chunk(jobs: list, config: LoadedConfig, checker: anonymity.Checker, check):
    return [check(job, config, checker) for job in jobs]


def _check_files(jobs: list, config: LoadedConfig, checker: anonymity.Checker, check=None):
    """``check`` (``_check_file``) for every job (a path), in order; in worker processes when there are many."""
    check = check or _check_file
    workers = min(2, os.cpu_count() or 1)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [check(job, config, checker) for job in jobs]
    size = max(1, len(jobs) // (workers * 8))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_check_chunk, chunks, [config] * len(chunks), [checker] * len(chunks), [check] * len(chunks))
        return [result for chunk in done for result in chunk]


def _check_translation(job: tuple, config: LoadedConfig, checker: anonymity.Checker):
    """Read, check and build one translation (validate/translations.py): (language, slug, briefing, problems)."""
    code, slug, t, merged, problems = translated.prepare(job, config, checker)
    if t is not None:
        problems += control_characters(t)
    if merged is None or problems:
        return code, slug, None, problems
    briefing, found = build_briefing(merged, config)
    return code, slug, briefing, problems + found


def _checked(paths: list[Path], config: LoadedConfig, checker: anonymity.Checker, memo):
    """``_check_files``, taking from ``memo`` what it remembers and checking only the rest."""
    if memo is None:
        return _check_files(paths, config, checker)
    known = {path: memo.get(path) for path in paths}
    fresh = [path for path in paths if known[path] is None]
    results = dict(zip(fresh, _check_files(fresh, config, checker), strict=True))
    for path, (briefing, found) in results.items():
        if briefing is not None and not found:
            memo.put(path, briefing)
    return [(known[path], []) if known[path] is not None else results[path] for path in paths]


def format_problems(content_root: Path, root: Path) -> list[Problem]:
    """What can be said of the briefings without a valid config: unreadable files, malformed
    front matter and wrong fields. Reported with the config's own problems, so a board whose
    config is broken still sees everything that needs fixing in one run."""
    problems = []
    for path in briefing_files(content_root, available()) if content_root.is_dir() else []:
        src, found = read_source(path, root)
        problems += found + (front_matter(src)[1] if src is not None else [])
    return problems


def load_briefings(config: LoadedConfig, memo=None) -> list[Briefing]:
    """Read and validate every briefing; raise ContentError with every problem found."""
    return load_content(config, memo)[0]


def load_content(config: LoadedConfig, memo=None) -> tuple[list[Briefing], dict[str, dict[str, Briefing]]]:
    """Every briefing, and its translations by language and slug; raise ContentError with every
    problem of both.

    ``memo`` (a :class:`generator.validate.memo.BriefingMemo`) supplies the briefings whose
    inputs are unchanged since a build that checked them, and remembers the new ones
    (translations are checked every time)."""
    content_root = config.resolve(config.site.briefings_dir)
    if not content_root.is_dir():
        raise ContentError([Problem(str(content_root), None,
            "the briefings folder does not exist; create it or set briefings_dir in site_config.yml")])
    # The anonymity check covers every briefing, drafts and embargoed ones too: they must be
    # clean before they are published.
    checker, problems = anonymity.Checker.for_config(config)
    problems += checker.content_problems(guidance.read)
    briefings: list[Briefing] = []
    for briefing, found in _checked(briefing_files(content_root, config.site.translations), config, checker, memo):
        problems += found
        if briefing:
            briefings.append(briefing)
    seen: dict[str, Briefing] = {}
    for b in briefings:
        if b.slug in seen:
            problems.append(Problem(b.source, b.slug_line,
                f"duplicate slug '{b.slug}' (also {seen[b.slug].source}); set a different slug: in one of them"))
        seen.setdefault(b.slug, b)
    by_language: dict[str, dict[str, Briefing]] = {code: {} for code in config.site.translations}
    jobs, orphans = translated.translation_jobs(config, briefings)
    problems += orphans
    for code, slug, briefing, found in _check_files(jobs, config, checker, _check_translation):
        problems += found
        if briefing is not None:
            by_language[code][slug] = briefing
    if problems:
        raise ContentError(problems)
    return briefings, by_language
