"""Text in site_config.yml that may be given per language: ``title: {en: Neglect, cy: Esgeulustod}``.

A site in more than one language (``language`` plus ``translations``) may write any of the
board's own words as a mapping by language instead of a string. Each language's settings are
then the same file with every such mapping replaced by that language's text, validated as
usual; a mapping missing one of the site's languages is an error at its line.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from generator.config import yamlfile
from generator.problems import Problem

#: Where per-language text may appear: "*" is every key of a mapping, "[]" every item of a list.
TEXT_PATHS = (
    ("site_name",),
    ("board", "name"),
    ("themes", "*", "title"),
    ("themes", "*", "summary"),
    ("themes", "*", "category"),
    ("review_types", "*"),
    ("segments", "*"),
    ("accessibility", "known_issues", "[]"),
)


def _places(data, path: tuple[str, ...], at: tuple = ()) -> Iterator[tuple[tuple, dict, object]]:
    """(location, container, key) of every value at ``path`` that exists in ``data``."""
    head, rest = path[0], path[1:]
    if head == "[]":
        keys = range(len(data)) if isinstance(data, list) else ()
    elif head == "*":
        keys = list(data) if isinstance(data, dict) else ()
    else:
        keys = [head] if isinstance(data, dict) and head in data else ()
    for key in keys:
        if rest:
            yield from _places(data[key], rest, (*at, key))
        else:
            yield (*at, key), data, key


def languages_of(data: dict) -> list[str]:
    """The site's languages, root first, as the file gives them (checked later by the schema)."""
    root = data.get("language", "en")
    extra = data.get("translations") or []
    return [str(root)] + [str(code) for code in extra if isinstance(extra, list)]


def check(data: dict, node, file: str) -> list[Problem]:
    """Every per-language mapping must give each of the site's languages, and no other."""
    languages = languages_of(data)
    problems = []
    for path in TEXT_PATHS:
        for loc, container, key in _places(data, path):
            value = container[key]
            if not isinstance(value, dict):
                continue
            name = ".".join(str(p) for p in loc)
            line = yamlfile.key_line(node, list(loc))
            missing = [code for code in languages if code not in value]
            unknown = [str(code) for code in value if code not in languages]
            if len(languages) == 1 and not missing:
                continue  # {en: ...} on an English-only site is harmless
            if missing:
                problems.append(Problem(file, line, f"'{name}' has no {', '.join(missing)} text: add "
                                        f"{', '.join(f'{code}: ...' for code in missing)} (the site's languages are "
                                        f"{', '.join(languages)})"))
            if unknown:
                problems.append(Problem(file, line, f"'{name}' gives text in {', '.join(unknown)}, which is not one of "
                                        f"the site's languages ({', '.join(languages)}): remove it or add it to translations"))
    return problems


def for_language(data: dict, code: str) -> dict:
    """The settings with every per-language mapping replaced by its ``code`` text."""
    resolved = copy.deepcopy(data)
    for path in TEXT_PATHS:
        for _loc, container, key in list(_places(resolved, path)):
            if isinstance(container[key], dict) and code in container[key]:
                container[key] = container[key][code]
    return resolved
