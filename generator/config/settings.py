"""site_config.yml: the board's settings, validated in full before anything is read.

Relative paths in the file are resolved against the file's own folder, as MkDocs does.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from generator.config import localised, yamlfile
from generator.i18n.language import N_, Language, available, base
from generator.problems import ContentError, Problem
from generator.safety import characters, files
from generator.safety.anonymity import yaml_scalars

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: The review types a board may use without listing them (their names are translated for each
#: language of the site). Wales: Child and Adult Practice Reviews, and since October 2024 the
#: Single Unified Safeguarding Review that replaces them and Domestic Homicide Reviews.
DEFAULT_REVIEW_TYPES = {
    "SCR": N_("Serious Case Review"),
    "CSPR": N_("Child Safeguarding Practice Review"),
    "LCSPR": N_("Local Child Safeguarding Practice Review"),
    "NATIONAL": N_("National Child Safeguarding Practice Review"),
    "thematic": N_("Thematic review"),
    "rapid-review": N_("Rapid review"),
    "SAR": N_("Safeguarding Adults Review"),
    "DHR": N_("Domestic Homicide Review"),
    "CPR": N_("Child Practice Review"),
    "APR": N_("Adult Practice Review"),
    "SUSR": N_("Single Unified Safeguarding Review"),
}

#: The seven segments of a 7-minute briefing, in order, with their default labels.
DEFAULT_SEGMENT_LABELS = {
    "background": N_("Background"),
    "why": N_("Why it matters"),
    "learning": N_("Key learning"),
    "themes": N_("Themes"),
    "actions": N_("What should we do?"),
    "questions": N_("Questions for your team"),
    "further": N_("Further information"),
}


def with_language_defaults(data: dict, code: str) -> dict:
    """Settings in a language other than English: the default review type names and segment
    labels the board did not set, in that language."""
    if base(code) == "en":
        return data
    language = Language(code)
    data = dict(data)
    if "review_types" not in data:
        data["review_types"] = {key: language.gettext(name) for key, name in DEFAULT_REVIEW_TYPES.items()}
    if isinstance(data.get("segments", {}), dict):
        data["segments"] = {**{k: language.gettext(v) for k, v in DEFAULT_SEGMENT_LABELS.items()}, **data.get("segments", {})}
    return data


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Board(_Strict):
    name: str = Field(min_length=1)
    email: str = Field(min_length=3, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str = Field(min_length=3)
    feedback_email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    address: str | None = None

    @property
    def feedback_address(self) -> str:
        """Where team leaders send feedback: the feedback address, else the board's."""
        return self.feedback_email or self.email


class Publication(_Strict):
    keep_months: int = Field(default=12, ge=1, le=600)
    after_expiry: Literal["on_request", "keep"] = "on_request"


class Theme(_Strict):
    title: str = Field(min_length=1)
    category: str = Field(min_length=1)
    summary: str | None = None


class Analysis(_Strict):
    """Optional limits on what the thematic analysis covers."""

    from_year: int | None = None
    to_year: int | None = None
    boards: list[str] | None = None

    @model_validator(mode="after")
    def _ordered_years(self):
        if self.from_year and self.to_year and self.from_year > self.to_year:
            raise ValueError(f"from_year {self.from_year} is after to_year {self.to_year}; swap them")
        return self


class Accessibility(_Strict):
    """What the accessibility statement (a legal requirement) says."""

    status: Literal["fully compliant", "partially compliant", "not compliant"] = "partially compliant"
    reviewed: date | None = None
    known_issues: list[str] = []
    contact_email: str | None = None


class SiteConfig(_Strict):
    site_name: str = Field(min_length=1)
    site_url: str = Field(pattern=r"^https?://\S+$")
    language: str = "en"
    translations: list[str] = []  # further languages, each built under site/<code>/
    board: Board
    publication: Publication = Publication()
    themes: dict[str, Theme] = Field(min_length=1)
    review_types: dict[str, str] = dict(DEFAULT_REVIEW_TYPES)
    segments: dict[Literal[tuple(DEFAULT_SEGMENT_LABELS)], str] = {}
    redact_file: str = "private/redact.txt"
    guidance_dir: str = "guidance"
    briefings_dir: str = "briefings"
    analysis: Analysis = Analysis()
    accessibility: Accessibility = Accessibility()
    logo: str | None = None  # an image beside site_config.yml, shown in the header
    primary_colour: str = Field(default="#1d4f6e", pattern=r"^#[0-9a-fA-F]{6}$")

    @field_validator("themes")
    @classmethod
    def _theme_slugs(cls, themes: dict[str, Theme]) -> dict[str, Theme]:
        bad = [slug for slug in themes if not SLUG.match(slug)]
        if bad:
            raise ValueError(
                f"theme keys must be lower-case slugs like 'professional-curiosity'; fix {', '.join(bad)}"
            )
        return themes

    @field_validator("translations")
    @classmethod
    def _translation_languages(cls, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if base(code) not in available()]
        if unknown:
            raise ValueError(f"no interface translation for {', '.join(unknown)}; the languages available are "
                             f"{', '.join(available())}")
        if len(set(codes)) != len(codes):
            raise ValueError("a language is listed twice; list each once")
        return codes

    @model_validator(mode="after")
    def _translations_differ(self):
        if self.language in self.translations:
            raise ValueError(f"translations lists {self.language}, the site's own language (language:); "
                             "list only the further languages")
        return self

    @property
    def languages(self) -> list[str]:
        """Every language of the site, the one at its root first."""
        return [self.language, *self.translations]

    @field_validator("site_url")
    @classmethod
    def _trailing_slash(cls, url: str) -> str:
        return url if url.endswith("/") else url + "/"

    def segment_label(self, key: str) -> str:
        return self.segments.get(key, DEFAULT_SEGMENT_LABELS[key])

    def review_type_name(self, key: str) -> str:
        return self.review_types.get(key, key)


class LoadedConfig(BaseModel):
    """The validated config plus the folder its relative paths hang from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    site: SiteConfig  # in the site's own language (``language``)
    path: Path
    translated: dict[str, SiteConfig] = {}  # the same settings in each further language

    def for_language(self, code: str) -> SiteConfig:
        """The settings with the board's text (theme titles, names...) in ``code``."""
        return self.site if code == self.site.language else self.translated[code]

    @property
    def root(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    def content_paths(self) -> list[Path]:
        """What a build reads: this file, the site's own templates, and the folders and file the
        config names (briefings, guidance, redact list), wherever it puts them."""
        site = self.site
        return [self.path, self.root / "templates",
                *(self.resolve(name) for name in (site.briefings_dir, site.guidance_dir, site.redact_file))]


def pydantic_problems(err: ValidationError, file: str, node, line_offset: int = 0) -> list[Problem]:
    """Turn a pydantic error into one Problem per field, each with its YAML line."""
    problems = []
    for e in err.errors(include_url=False):
        loc = [p for p in e["loc"] if not (isinstance(p, str) and p.startswith(("function-", "str")))]
        field = ".".join(str(p) for p in loc) or "(top level)"
        line = yamlfile.line_of(node, loc)
        problems.append(Problem(file, line + line_offset if line else None, _message(e, field)))
    return problems


def _message(e: dict, field: str) -> str:
    """pydantic's message for one field, turned into what to do about it."""
    kind, value = e["type"], e.get("input")
    if kind == "extra_forbidden":
        return f"unknown key '{field}': remove it or check its spelling"
    if kind == "missing":
        return f"'{field}' is required: add it"
    if kind == "value_error":  # our own validators already say what to do
        text = str(e["ctx"]["error"]) if "error" in e.get("ctx", {}) else e["msg"]
        return text if field == "(top level)" else f"'{field}': {text}"
    if kind.startswith("date_"):
        detail = e.get("ctx", {}).get("error") or "it has a time or is not a calendar date"
        return f"'{field}': '{value}' is not a valid date ({detail}); write it as YYYY-MM-DD, e.g. 2019-03-14"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{field}': '{value}' is not true or false; write true or false"
    if kind == "string_pattern_mismatch" and field.endswith("slug"):
        return f"'{field}': '{value}' is not a usable page address; use lower-case letters, digits and hyphens, e.g. child-a"
    if kind == "string_type":
        return f"'{field}': Input should be a valid string; write text (in quotes if it looks like a number or date)"
    if kind == "too_short":
        return f"'{field}': {e['msg']}; add at least one"
    return f"'{field}': {e['msg']}"


def load_config(path: Path) -> LoadedConfig:
    """Read and validate site_config.yml; raise ContentError listing every problem."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(shown, None, "no site_config.yml here: run in the site's folder or pass --config PATH")]) from None
    except (UnicodeDecodeError, OSError) as err:
        raise ContentError([Problem(shown, None, f"cannot read the file ({err}); save it as UTF-8 text")]) from None
    try:
        data, node = yamlfile.load(text)
    except yamlfile.YamlProblem as err:
        raise ContentError([Problem(shown, err.line, f"malformed YAML: {err.message}")]) from None
    # In values, where a YAML escape ("\u202e") and the character itself arrive alike.
    hidden = [p for scalar, _ in yaml_scalars(node) for p in characters.problems_in(scalar.value, shown, scalar.start_mark.line + 1)]
    if hidden:
        raise ContentError(hidden)
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, None, "the file must be a YAML mapping of settings (site_name, board, themes, ...)")])
    problems = localised.check(data, node, shown)
    try:
        root = str(data.get("language", "en"))
        site = SiteConfig.model_validate(with_language_defaults(localised.for_language(data, root), root))
    except ValidationError as err:
        flagged = {p.line for p in problems}  # a mapping missing this language is already reported there
        problems += [p for p in pydantic_problems(err, shown, node) if p.line not in flagged]
    if problems:
        raise ContentError(problems)
    translated = {code: SiteConfig.model_validate(with_language_defaults(localised.for_language(data, code), code))
                  for code in site.translations}
    loaded = LoadedConfig(site=site, path=path.resolve(), translated=translated)
    if site.logo:
        problem = _logo_problem(loaded)
        if problem:
            raise ContentError([Problem(shown, yamlfile.line_of(node, ["logo"]), f"logo '{site.logo}' {problem}")])
    return loaded


#: Image types a browser shows in the header, for ``logo:``.
LOGO_TYPES = files.IMAGE_TYPES


def _logo_problem(loaded: LoadedConfig) -> str | None:
    """Why the logo cannot be published: it must be a safe image inside the content folder."""
    logo = loaded.resolve(loaded.site.logo)
    if not logo.is_relative_to(loaded.root.resolve()):
        return "is outside the content folder; copy it beside site_config.yml (e.g. branding/logo.png) and give that path"
    if logo.suffix.lower() not in LOGO_TYPES or not logo.is_file():
        return (f"is not an image file here; give the path of a {', '.join(sorted(LOGO_TYPES))} file "
                "relative to site_config.yml")
    return files.refusal(logo, image=True)


def logo_output(site: SiteConfig) -> str | None:
    """Where the logo is published in the site (a fixed name: the board's file name is theirs)."""
    return f"assets/logo{Path(site.logo).suffix.lower()}" if site.logo else None
