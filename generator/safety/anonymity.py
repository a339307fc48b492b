"""Publication safety: nothing that could identify a child reaches the site.

Two checks. Personal details that cheap patterns catch (UK phone numbers, email addresses,
postcodes, NHS and National Insurance numbers, dates of birth, street addresses) are looked
for in every briefing, drafts included, and every guidance file, with file, line and the matched
text; a file silences a false positive with its ``allow:`` list of exact strings. Names and places
on the board's private redact list (``redact_file``) must appear nowhere: not in a briefing, a
guidance file, the config, nor in any file of the built site (pages, JSON, XML, gzip, Word),
whatever template or text put them there, nor hidden by a soft hyphen or a zero-width character
inside a word. ``allow:`` never silences the redact list.

This module turns findings into Problems for the content: briefings, guidance and the config.
What it ties together lives apart, each testable alone: the detectors, pure functions of a
string (generator/detectors.py); the redact list and its invisible characters
(generator/redact.py); and the scan of the built site's files (generator/output_scan.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import yaml

from generator.problems import Problem, display_path
from generator.safety.detectors import Match, personal_details
from generator.safety.redact import RedactList, read_redact_list


def line_at(text: str, offset: int, first_line: int) -> int:
    """The line of ``offset`` in ``text``, whose first line is ``first_line``."""
    return first_line + text.count("\n", 0, offset)


def one_line(text: str) -> str:
    """``text`` as it is quoted in a message: its whitespace, line breaks too, as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def _digits(text: str) -> str:
    """A phone number's national digits: +44 20…, 0044 (0)20… and 020… are all 020…."""
    digits = re.sub(r"\D", "", text)
    for prefix in ("0044", "44"):
        if digits.startswith(prefix):
            rest = digits[len(prefix):]
            return rest if rest.startswith("0") else "0" + rest
    return digits


class Checker:
    """The anonymity check for one site: its redact list and the board's own contact details."""

    def __init__(self, config, redact: RedactList, redact_shown: str):
        site = config.site
        self.config = config
        self.redact = redact
        self.redact_shown = redact_shown
        board = site.board
        self.own_emails = {e.lower() for e in (board.email, board.feedback_email, site.accessibility.contact_email) if e}
        self.own_phones = {_digits(board.phone)}
        self.own_text = [t for t in (board.address, board.name) if t]

    @classmethod
    def for_config(cls, config, warn: bool = True) -> tuple[Checker, list[Problem]]:
        """Read the redact file named in the config.

        The file is private and git-ignored, so a fresh clone (CI, a new laptop) does not have
        it: a missing file is a loud warning, not an error, or no clone could build at all.
        """
        site = config.site
        path = config.resolve(site.redact_file)
        shown = display_path(path, config.root)
        problems: list[Problem] = []
        entries: list[str] = []
        if path.is_file():
            try:
                entries = read_redact_list(path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError) as err:
                problems.append(Problem(shown, None, f"cannot read the redact file ({err}); save it as UTF-8 text"))
        elif warn and "redact_file" in site.model_fields_set:
            print(f"Warning: the redact file {shown} (redact_file in {config.path.name}) is not here, so names "
                  f"on the private list were NOT checked; copy it here before publishing.", file=sys.stderr)
        for folder in (site.briefings_dir, site.guidance_dir, "templates"):
            inside = config.resolve(folder)
            if path == inside or inside in path.parents:
                problems.append(Problem(shown, None,
                    f"the redact file is inside {folder}/, whose files are published; move it to private/ "
                    f"(git-ignored) and set redact_file in site_config.yml"))
        return cls(config, RedactList(entries), shown), problems

    # What to say --------------------------------------------------------------------------

    def _redact_problem(self, file: str, line: int | None, match: Match) -> Problem:
        return Problem(file, line, f"'{one_line(match.text)}' is on the private redact list ({self.redact_shown}): "
                                   f"remove it or replace it with the review's anonymised name")

    @staticmethod
    def _detail_problem(file: str, line: int | None, match: Match) -> Problem:
        return Problem(file, line, f"possible {match.kind} '{one_line(match.text)}' could identify a child or family: "
                                   f"remove it, or if it is safe to publish add the exact text to allow: in the front matter")

    def _own(self, match: Match) -> bool:
        if match.kind == "email address":
            return match.text.lower() in self.own_emails
        if match.kind == "phone number":
            return _digits(match.text) in self.own_phones
        return any(match.text in own for own in self.own_text)

    # Text ---------------------------------------------------------------------------------

    def redact_problems(self, text: str, file: str, first_line: int | None = 1) -> list[Problem]:
        return [self._redact_problem(file, line_at(text, m.start, first_line) if first_line else None, m)
                for m in self.redact.find(text)]

    def text_problems(self, text: str, file: str, first_line: int, allow: Iterable[str] = (),
                      line_of: Callable[[int], int] | None = None) -> list[Problem]:
        """Personal details not allowed, and redact names, in one piece of a briefing."""
        where = line_of or (lambda offset: line_at(text, offset, first_line))
        allowed = [(m.start(), m.end()) for a in allow if a for m in re.finditer(re.escape(a), text)]
        problems = [self._redact_problem(file, where(m.start), m) for m in self.redact.find(text)]
        for m in personal_details(text):
            if self._own(m) or any(s <= m.start and m.end <= e for s, e in allowed):
                continue
            problems.append(self._detail_problem(file, where(m.start), m))
        return problems

    # A briefing source --------------------------------------------------------------------

    def source_problems(self, src) -> list[Problem]:
        """Every finding in a briefing or guidance file (reader.Source): front matter values and
        body, drafts too."""
        raw_allow = src.data.get("allow") if isinstance(src.data, dict) else None
        allow = [a for a in raw_allow if isinstance(a, str)] if isinstance(raw_allow, list) else []
        problems = []
        for node, in_allow in yaml_scalars(src.node):
            text = node.value
            first = node.start_mark.line + src.fm_line
            if node.style in ("|", ">"):
                first += 1  # the text starts on the line after the indicator
            literal = node.style == "|"

            def line_of(offset, text=text, first=first, literal=literal):
                return line_at(text, offset, first) if literal else first

            if in_allow:
                problems += [self._redact_problem(src.shown, first, m) for m in self.redact.find(text)]
            else:
                problems += self.text_problems(text, src.shown, first, allow, line_of)
        problems += self.text_problems(src.body, src.shown, src.body_line, allow)
        return problems

    def file_problems(self, path: Path, root: Path) -> list[Problem]:
        """Redact names in a file not read as a briefing (the config, a file that cannot be read as one)."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return []
        return self.redact_problems(text, display_path(path, root))

    def content_problems(self, read_guidance: Callable) -> list[Problem]:
        """Redact names in site_config.yml and in every file of the guidance folder; personal
        details too in its Markdown, read as a briefing is (front matter ``allow:`` and body)
        by ``read_guidance(path, root)`` (``read.guidance.read``: safety sits below read)."""
        config, site = self.config, self.config.site
        problems = self.file_problems(config.path, config.root) if self.redact else []
        folder = config.resolve(site.guidance_dir)
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                src = read_guidance(path, config.root)[0] if path.suffix == ".md" else None  # guidance.load reports its problems
                problems += self.source_problems(src) if src else self.file_problems(path, config.root)
        return problems


def yaml_scalars(node, in_allow: bool = False, top: bool = True) -> Iterator[tuple[yaml.ScalarNode, bool]]:
    """Every scalar value of a YAML node tree, and whether it sits under the top-level allow:."""
    if isinstance(node, yaml.ScalarNode):
        yield node, in_allow
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from yaml_scalars(item, in_allow, False)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from yaml_scalars(value, in_allow or (top and getattr(key, "value", None) == "allow"), False)
