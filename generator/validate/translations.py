"""Briefing translations: ``briefings/<name>.<code>.md`` beside ``briefings/<name>.md``.

A translation gives only the words (title, summary, review.name, agencies, recommendation
texts, discussion prompts, allow and the body); every fact (type, dates, embargo, draft,
themes, report, slug) comes from the main file, so a briefing is held back or published in
every language at once. The translated briefing is built by the same code as the main one,
from the main file's front matter with the translation's words laid over it.
"""

from __future__ import annotations

import copy

from generator.config import yamlfile
from generator.config.settings import LoadedConfig
from generator.model.briefing import Briefing
from generator.problems import Problem, display_path
from generator.read.source import Source, read_source, translation_files
from generator.safety import anonymity

TEXT_FIELDS = ("title", "summary", "agencies", "discussion_prompts", "allow")
ALLOWED = "title, summary, review.name, agencies, recommendations (their text), discussion_prompts, allow and the body"


def _key_line(t: Source, *path) -> int | None:
    """The file line of a front-matter key itself (``themes:``), not of its value."""
    found = yamlfile.key_line(t.node, path)
    return found + t.fm_line - 1 if found else None


def _fact_problems(t: Source, main_shown: str) -> list[Problem]:
    problems = []

    def fact(name: str, line: int | None) -> None:
        problems.append(Problem(t.shown, line or t.fm_line, f"'{name}' is a fact and comes from {main_shown}: remove it "
                                f"from this translation (a translation sets only {ALLOWED})"))

    for key, value in t.data.items():
        if key == "review":
            for sub in value if isinstance(value, dict) else {"(not a mapping)": None}:
                if sub != "name":
                    fact(f"review.{sub}", _key_line(t, "review", sub))
        elif key == "recommendations":
            for i, rec in enumerate(value if isinstance(value, list) else []):
                for sub in rec if isinstance(rec, dict) else ():
                    if sub != "text":
                        fact(f"recommendations.{i + 1}.{sub}", _key_line(t, "recommendations", i, sub))
        elif key not in TEXT_FIELDS:
            fact(key, _key_line(t, key))
    return problems


def _merge(main: Source, t: Source, slug: str) -> tuple[dict, list[Problem]]:
    """The main file's front matter with the translation's words laid over it."""
    data, problems = copy.deepcopy(main.data), []
    for key in TEXT_FIELDS:
        if key in t.data:
            data[key] = t.data[key]
    review = t.data.get("review")
    if isinstance(review, dict) and "name" in review and isinstance(data.get("review"), dict):
        data["review"]["name"] = review["name"]
    if "recommendations" in t.data:
        theirs, ours = t.data["recommendations"], data.get("recommendations") or []
        if not isinstance(theirs, list) or len(theirs) != len(ours):
            count = len(theirs) if isinstance(theirs, list) else "no list of"
            problems.append(Problem(t.shown, t.line("recommendations"), f"{count} recommendations, but {main.shown} has "
                                    f"{len(ours)}: translate each one, in the same order"))
        else:
            for i, rec in enumerate(theirs):
                text = rec.get("text") if isinstance(rec, dict) else rec
                ours[i] = {**ours[i], "text": text} if isinstance(ours[i], dict) else text
    data["slug"] = slug
    return data, problems


def translation_jobs(config: LoadedConfig, briefings: list[Briefing]) -> tuple[list[tuple], list[Problem]]:
    """(language, translation, main file, the briefing's slug or None) for every translation file
    to check, and a problem for each translation with no main file."""
    codes = config.site.translations
    content_root = config.resolve(config.site.briefings_dir)
    slugs = {b.source: b.slug for b in briefings}
    jobs, problems = [], []
    for code, path, main_path in translation_files(content_root, codes) if codes else ():
        shown, main_shown = display_path(path, config.root), display_path(main_path, config.root)
        if not main_path.is_file():
            problems.append(Problem(shown, None, f"a {code} translation with no main file: {main_shown} does not "
                                    f"exist; rename this file after the briefing it translates (<name>.{code}.md)"))
        else:
            jobs.append((code, path, main_path, slugs.get(main_shown)))
    return jobs, problems


def prepare(job: tuple, config: LoadedConfig, checker: anonymity.Checker):
    """One translation read and checked: (language, slug, the file as read, the merged briefing
    source to build, problems). The merged source is None when there is nothing to build: the
    file is wrong, or its main file is (whose problems are reported already)."""
    code, path, main_path, slug = job
    t, problems = read_source(path, config.root)
    if t is None or slug is None:
        return code, slug, t, None, problems
    main_shown = display_path(main_path, config.root)
    problems += checker.source_problems(t) + _fact_problems(t, main_shown)
    if not t.body.strip():
        problems.append(Problem(t.shown, t.body_line, "the translation has no body: translate the briefing's "
                                "sections below the front matter"))
    main_src, _ = read_source(main_path, config.root)
    data, merge_problems = _merge(main_src, t, slug)
    problems += merge_problems
    merged = None if problems else Source(t.path, t.shown, data, t.node, t.fm_line, t.body, t.body_line)
    return code, slug, t, merged, problems


def missing(config: LoadedConfig, briefings: list[Briefing], found: dict[str, dict[str, Briefing]]) -> list[tuple[str, str]]:
    """(language, main file) for every briefing without a translation in a further language."""
    return [(code, b.source) for code in config.site.translations for b in briefings if b.slug not in found.get(code, {})]
