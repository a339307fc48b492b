"""``briefings init``: every file of a new board's content folder, rendered, checked, then written.

All files are rendered in memory and the rendered site_config.yml is validated before anything
is written, so bad details (an email without @) or a folder that already holds one of the files
change nothing. Files are opened with mode ``x``: nothing is ever overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
import yaml
from pydantic import ValidationError

from generator import __version__
from generator.config import localised
from generator.config.settings import SiteConfig
from generator.problems import UsageError
from generator.scaffold.nations import DEFAULT_NATION, NATIONS

#: The option that gave each config field, and what it must be, to say so when the field is refused.
_OPTIONS = {
    "board.name": ("--board", "give the board's name"),
    "board.email": ("--email", "give an email address, e.g. learning@board.example.org"),
    "board.phone": ("--phone", "give a phone number, e.g. \"01632 960 100\""),
    "site_url": ("--site-url", "give the site's full address, starting https://"),
}
_PLACEHOLDER_URL = "https://example.org/learning-briefings/"
#: Two themes the example briefing lists.
_EXAMPLE_THEMES = ("fathers-and-men", "information-sharing")


@dataclass(frozen=True)
class Details:
    """What ``briefings init`` is told about the board."""

    board: str
    email: str
    phone: str
    site_url: str | None = None
    nation: str = DEFAULT_NATION


def _yaml_scalar(value: str | dict[str, str]) -> str:
    """``value`` as YAML reads it back on one line, quoted only when it needs to be."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("generator.scaffold", "starter"), autoescape=False,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = _yaml_scalar
    env.filters["yaml_comment"] = lambda value: " ".join(str(value).split())
    return env


def _themes(env: jinja2.Environment) -> list[dict]:
    source, _, _ = env.loader.get_source(env, "themes.yml")
    return [{"slug": slug, **theme} for slug, theme in yaml.safe_load(source).items()]


def _categories(themes: list[dict]) -> list[tuple[str, list[dict]]]:
    """Themes grouped by category, in the order the categories first appear."""
    groups: dict[str, list[dict]] = {}
    for theme in themes:
        groups.setdefault(theme["category"], []).append(theme)
    return list(groups.items())


def render(details: Details, today: date) -> dict[str, str]:
    """Every file of the new folder, by its path relative to it (``/`` separated)."""
    env = _environment()
    themes = _themes(env)
    site_name = f"{details.board} Learning Briefings"
    context = {
        "board": details.board, "email": details.email, "phone": details.phone, "site_name": site_name,
        "site_url": details.site_url or _PLACEHOLDER_URL, "site_url_given": bool(details.site_url),
        "nation": NATIONS[details.nation], "version": __version__, "today": today.isoformat(),
        "categories": _categories(themes), "example_themes": _EXAMPLE_THEMES,
    }
    files = {
        "site_config.yml": env.get_template("site_config.yml.j2").render(context),
        "briefings/example-briefing.md": env.get_template("example-briefing.md.j2").render(context),
        **{f"guidance/{t['slug']}.md": env.get_template("guidance.md.j2").render(theme=t) for t in themes},
        "private/redact.txt": env.loader.get_source(env, "redact.txt")[0],
        ".gitignore": env.loader.get_source(env, "gitignore")[0],
        "README.md": env.get_template("README.md.j2").render(context),
        ".github/workflows/publish.yml": env.get_template("github-publish.yml.j2").render(context),
        ".gitlab-ci.yml": env.get_template("gitlab-ci.yml.j2").render(context),
    }
    _validate(files["site_config.yml"])
    return files


def _validate(config_text: str) -> None:
    """The rendered config must load as the build will load it; a refused field names its option."""
    try:
        data = yaml.safe_load(config_text)
        for code in localised.languages_of(data):  # each language's edition, as load_config reads it
            SiteConfig.model_validate(localised.for_language(data, code))
    except ValidationError as err:
        reasons = []
        for e in err.errors(include_url=False):
            field = ".".join(str(p) for p in e["loc"])
            option, what = _OPTIONS.get(field, (field, e["msg"]))
            reasons.append(f"{option} '{e.get('input')}' cannot be used: {what}")
        raise UsageError("; ".join(reasons) + ". Nothing was written.") from None


def write(target: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` under ``target``, refusing (nothing written) if any of them is already there."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder: give a new or existing folder to start the site in")
    there = [name for name in files if _taken(target, name)]
    if there:
        more = f" and {len(there) - 4} more" if len(there) > 5 else ""
        raise UsageError(f"{target} already holds {', '.join(there[:4] if more else there)}{more}; nothing was written. "
                         "init never overwrites: choose a new folder, or move those files away first")
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(path)
    return written


def _taken(target: Path, name: str) -> bool:
    """The file is there (even as a dangling link), or a folder it needs is a file."""
    path = target / name
    if path.exists() or path.is_symlink():
        return True
    folders = [target / folder for folder in Path(name).parents if folder.parts]
    return any(folder.exists() and not folder.is_dir() for folder in folders)


def next_steps(shown: Path, details: Details) -> list[str]:
    """What the board does after ``init``, printed by the command."""
    example = NATIONS[details.nation].example_type
    return [
        f"cd {shown}",
        "briefings serve    (a live preview at http://127.0.0.1:8000/)",
        "edit site_config.yml: " + ("the themes" if details.site_url else "site_url (the site's address), the themes")
        + ", review types and accessibility statement",
        f'briefings new "Child Z" --type {example}, or briefings import FILE.docx, to write briefings',
        "put real names and places never to publish in private/redact.txt",
        "publish: README.md says how (GitHub Pages, GitLab Pages, or your web host), rebuilt every morning",
    ]


def init(target: Path, details: Details, today: date) -> list[Path]:
    return write(target, render(details, today))
