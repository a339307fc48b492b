"""Publication safety: nothing that could identify a child reaches the site.

Two checks. Personal details that cheap patterns catch (UK phone numbers, email addresses,
postcodes, NHS and National Insurance numbers, dates of birth, street addresses) are looked
for in every briefing, drafts included, and every guidance file, with file, line and the matched
text; a file silences a false positive with its ``allow:`` list of exact strings. Names and places
on the board's private redact list (``redact_file``) must appear nowhere: not in a briefing, a
guidance file, the config, nor in any file of the built site (pages, JSON, XML, gzip, Word),
whatever template or text put them there, nor hidden by a soft hyphen or a zero-width character
inside a word. ``allow:`` never silences the redact list.

The detectors are pure functions of a string; the checks turn their matches into Problems.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import sys
import zipfile
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.problems import ContentError, Problem, display_path

#: From this many output files the output scan reads in two processes.
PARALLEL_FROM = 2000

# --- detectors: text -> spans ------------------------------------------------------------

Span = tuple[int, int]

_SEP = r"[ \-]?"
_PHONE = re.compile(
    r"(?<![\w+\-/.])"
    r"(?:(?:\+|00)44" + _SEP + r"(?:\(0\)" + _SEP + r")?[1-9]|\(0[1-9]|0[1-9])"  # +44 / 0044 (0)… or (0… or 0…
    r"(?:\)?" + _SEP + r"\d){8,9}"  # 9 or 10 digits after the leading 0 in all
    r"(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b")
# Royal Mail format: outward code (A9, A99, AA9, AA99, A9A, AA9A), optional space, inward code 9AA.
# In any case, but written without the space only in capitals: lower-case runs like "u00bd",
# "pm80xx" or a hex hash are common, while "ne1 4st" with its space is not ordinary English.
_POSTCODE = re.compile(r"(?i)\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?( ?)\d[ABD-HJLNP-UW-Z]{2})\b")
_ORDINAL = re.compile(r"1st|2nd|3rd|\dth", re.IGNORECASE)  # "Y2 2nd", "KS1 1st": not in capitals, not a postcode
_NHS = re.compile(r"(?<![\w\-])(\d{3})([ \-]?)(\d{3})\2(\d{4})(?![\w\-]|\.\d)")
# HMRC: prefix letters exclude D F I Q U V (and O second); BG GB KN NK NT TN ZZ are never issued.
_NINO = re.compile(r"(?i)\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_NINO_NEVER = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}|\s+\d{{2}}\b)?"
         rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"
         r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
         r"|\d{4}-\d{2}-\d{2})")
_DOB = re.compile(
    rf"(?i)\b(?:born(?:\s+on)?(?:\s+the)?|d\.?o\.?b\b\.?|date\s+of\s+birth)\s*(?:(?:is|was|[:\-–])\s*)?{_DATE}(?!\w)"
)
_STREET_TYPES = ("Street|St|Road|Rd|Close|Avenue|Ave|Lane|Drive|Way|Crescent|Grove|Gardens|Terrace|Mews|Square")
_ADDRESS = re.compile(
    r"(?<![\w.,/£$%\-])\d{1,3}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'’\-]*\s+){1,3}(?:" + _STREET_TYPES + r")\b"
)


def nhs_number_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10..2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def phone_numbers(text: str) -> list[Span]:
    return [m.span() for m in _PHONE.finditer(text)]


def email_addresses(text: str) -> list[Span]:
    return [m.span() for m in _EMAIL.finditer(text)] if "@" in text else []


def postcodes(text: str) -> list[Span]:
    return [m.span() for m in _POSTCODE.finditer(text)
            if m.group().isupper() or (m.group(1) and not _ORDINAL.fullmatch(m.group()[-3:]))]


def nhs_numbers(text: str) -> list[Span]:
    return [m.span() for m in _NHS.finditer(text) if nhs_number_valid(m.group(1) + m.group(3) + m.group(4))]


def national_insurance_numbers(text: str) -> list[Span]:
    return [m.span() for m in _NINO.finditer(text) if m.group()[:2].upper() not in _NINO_NEVER]


def dates_of_birth(text: str) -> list[Span]:
    lowered = text.lower()
    if not ("born" in lowered or "birth" in lowered or "d.o.b" in lowered or "dob" in lowered):
        return []
    return [m.span() for m in _DOB.finditer(text)]


def street_addresses(text: str) -> list[Span]:
    return [m.span() for m in _ADDRESS.finditer(text)]


#: What each detector finds, as named in messages.
DETECTORS: dict[str, Callable[[str], list[Span]]] = {
    "phone number": phone_numbers,
    "email address": email_addresses,
    "postcode": postcodes,
    "NHS number": nhs_numbers,
    "National Insurance number": national_insurance_numbers,
    "date of birth": dates_of_birth,
    "street address": street_addresses,
}


@dataclass(frozen=True)
class Match:
    kind: str
    start: int
    end: int
    text: str


def personal_details(text: str) -> list[Match]:
    """Every detector's matches in ``text``, in order; one match per span (the first kind wins)."""
    found: dict[Span, Match] = {}
    for kind, detect in DETECTORS.items():
        for start, end in detect(text):
            found.setdefault((start, end), Match(kind, start, end, text[start:end]))
    return sorted(found.values(), key=lambda m: (m.start, m.end))


# --- the private redact list -------------------------------------------------------------

def read_redact_list(text: str) -> list[str]:
    """Entries of the redact file: one a line; blank lines and ``#`` comments ignored."""
    entries = []
    for line in text.splitlines():
        entry = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if entry:
            entries.append(entry)
    return list(dict.fromkeys(entries))


#: Characters that show as nothing, and their HTML entities: inside a word they hide it from a
#: search ("Brindle&shy;combe" shows as "Brindlecombe"), so the redact list reads past them.
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200d\u2060\ufeff]"
    r"|&(?:shy|zwn?j|NoBreak|ZeroWidthSpace|Negative(?:Very)?(?:Thin|Medium|Thick)Space);"
    r"|&#(?:0*(?:173|820[345]|8288|65279)|[xX]0*(?:[aA][dD]|200[bBcCdD]|2060|[fF][eE][fF][fF]));"
)
#: The same in a file's lower-cased bytes: UTF-8, entities and JSON escapes.
_INVISIBLE_BYTES = re.compile(
    rb"\xc2\xad|\xe2\x80[\x8b-\x8d]|\xe2\x81\xa0|\xef\xbb\xbf"
    rb"|&(?:shy|zwn?j|nobreak|zerowidthspace|negative(?:very)?(?:thin|medium|thick)space);"
    rb"|&#(?:0*(?:173|820[345]|8288|65279)|x0*(?:ad|200[b-d]|2060|feff));"
    rb"|\\u(?:00ad|200[b-d]|2060|feff)"
)


def visible(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` without invisible characters, and a map from its offsets back to ``text``'s.
    No line break is removed, so a line counted in either is the same line."""
    if not _INVISIBLE.search(text):
        return text, lambda offset: offset
    kept: list[str] = []
    starts: list[tuple[int, int]] = []  # each kept piece: its offset in the result, characters removed before it
    position = removed = 0
    for m in _INVISIBLE.finditer(text):
        starts.append((position - removed, removed))
        kept.append(text[position:m.start()])
        removed += m.end() - m.start()
        position = m.end()
    starts.append((position - removed, removed))
    kept.append(text[position:])
    return "".join(kept), lambda offset: offset + starts[bisect_right(starts, (offset, len(text))) - 1][1]


def _entry_pattern(entry: str) -> str:
    # Whole words, any case; a space also matches a line break, a hyphen, %20 or &nbsp; (slugs,
    # wrapped lines, URLs) and either apostrophe matches both.
    words = [re.sub("['’]", "['’]", re.escape(w)) for w in entry.split()]
    return r"(?:\s|[\-_]|%20|&nbsp;|&#160;)+".join(words)


class RedactList:
    """The board's private names and places, compiled into one case-insensitive search."""

    def __init__(self, entries: Iterable[str]):
        self.entries = [v for v in (visible(e)[0] for e in entries) if v.strip()]
        self._regex = (re.compile(r"(?<!\w)(?:" + "|".join(_entry_pattern(e) for e in self.entries) + r")(?!\w)",
                                  re.IGNORECASE) if self.entries else None)
        # A cheap screen before the regex: an entry can only match text that holds all its words.
        self._words = [[w.lower().replace("’", "'") for w in e.split()] for e in self.entries]
        self._apostrophes = any("'" in w for words in self._words for w in words)
        # The same screen on raw bytes (no decoding): the ASCII runs of each word, which survive
        # entities (O&#39;Brien), JSON escapes (Zo\u00eb) and any case; None: cannot screen.
        self._byte_pieces = []
        for words in self._words:
            pieces = [p.encode() for w in words for p in re.split(r"[^a-z0-9]+", w) if len(p) >= 2]
            self._byte_pieces.append(pieces or None)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def might_be_in(self, text: str) -> bool:
        """False when no entry can match ``text`` (checked with substring searches, which are fast)."""
        lowered = visible(text)[0].lower()
        if self._apostrophes:
            lowered = lowered.replace("’", "'")
        return any(all(w in lowered for w in words) for words in self._words)

    def might_be_in_bytes(self, data: bytes) -> bool:
        lowered = data.lower()  # ASCII letters only, which is what the pieces hold
        if _INVISIBLE_BYTES.search(lowered):
            lowered = _INVISIBLE_BYTES.sub(b"", lowered)
        return any(pieces is None or all(p in lowered for p in pieces) for pieces in self._byte_pieces)

    def find(self, text: str, screened: bool = False) -> list[Match]:
        """Every entry in ``text``, read past invisible characters; offsets are ``text``'s."""
        if self._regex is None or not (screened or self.might_be_in(text)):
            return []
        shown, offset_in_text = visible(text)
        return [Match("name on the redact list", offset_in_text(m.start()), offset_in_text(m.end() - 1) + 1, m.group())
                for m in self._regex.finditer(shown)]


# --- the checks ----------------------------------------------------------------------------

def _line(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _one_line(text: str) -> str:
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
        return Problem(file, line, f"'{_one_line(match.text)}' is on the private redact list ({self.redact_shown}): "
                                   f"remove it or replace it with the review's anonymised name")

    @staticmethod
    def _detail_problem(file: str, line: int | None, match: Match) -> Problem:
        return Problem(file, line, f"possible {match.kind} '{_one_line(match.text)}' could identify a child or family: "
                                   f"remove it, or if it is safe to publish add the exact text to allow: in the front matter")

    def _own(self, match: Match) -> bool:
        if match.kind == "email address":
            return match.text.lower() in self.own_emails
        if match.kind == "phone number":
            return _digits(match.text) in self.own_phones
        return any(match.text in own for own in self.own_text)

    # Text ---------------------------------------------------------------------------------

    def redact_problems(self, text: str, file: str, first_line: int | None = 1) -> list[Problem]:
        return [self._redact_problem(file, _line(text, m.start, first_line) if first_line else None, m)
                for m in self.redact.find(text)]

    def text_problems(self, text: str, file: str, first_line: int, allow: Iterable[str] = (),
                      line_of: Callable[[int], int] | None = None) -> list[Problem]:
        """Personal details not allowed, and redact names, in one piece of a briefing."""
        where = line_of or (lambda offset: _line(text, offset, first_line))
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
                return _line(text, offset, first) if literal else first

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

    def content_problems(self) -> list[Problem]:
        """Redact names in site_config.yml and in every file of the guidance folder; personal
        details too in its Markdown, read as a briefing is (front matter ``allow:`` and body)."""
        from generator import guidance  # not at the top: guidance imports validate, which imports this module

        config, site = self.config, self.config.site
        problems = self.file_problems(config.path, config.root) if self.redact else []
        folder = config.resolve(site.guidance_dir)
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                src = guidance.read(path, config.root)[0] if path.suffix == ".md" else None  # guidance.load reports its problems
                problems += self.source_problems(src) if src else self.file_problems(path, config.root)
        return problems

    # The built site -----------------------------------------------------------------------

    def output_problems(self, out: Path, shown_as: str) -> list[Problem]:
        """Redact names anywhere in the built site: every file's text, and every file's path."""
        if not self.redact:
            return []
        files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
        workers = min(2, os.cpu_count() or 1)
        if len(files) < PARALLEL_FROM or workers < 2:
            problems = self._output_chunk(out, shown_as, files)
        else:  # a national collection: tens of thousands of files, read in two processes
            size = -(-len(files) // (workers * 4))
            chunks = [files[i:i + size] for i in range(0, len(files), size)]
            with ProcessPoolExecutor(max_workers=workers) as pool:
                done = pool.map(self._output_chunk, [out] * len(chunks), [shown_as] * len(chunks), chunks)
                problems = [p for chunk in done for p in chunk]
        # The same name found in several views of one file is reported once, at its line if known.
        best: dict[tuple[str, str], Problem] = {}
        for p in problems:
            key = (p.file, p.message)
            if key not in best or (best[key].line is None and p.line is not None):
                best[key] = p
        return list(best.values())

    def _output_chunk(self, out: Path, shown_as: str, files: list[str]) -> list[Problem]:
        problems = []
        seen_members: set = set()
        for rel in files:
            path = out / rel
            shown = f"{shown_as}/{rel}"
            for m in self.redact.find(rel):
                problems.append(Problem(shown, None, f"the file's address contains '{_one_line(m.text)}', which is on "
                                                     f"the private redact list ({self.redact_shown}): rename the source"))
            zipped = path.suffix.lower() in _ZIPPED
            for inner, data in _texts(path, seen_members):
                # Most files hold no entry's words at all: skip them before decoding anything.
                # Word files are always read as text, as runs can split a word.
                text = _decode(data) if zipped or self.redact.might_be_in_bytes(data) else None
                if text is None:
                    continue
                for view, first_line in _views(text, inner, zipped, self.redact):
                    for m in self.redact.find(view, screened=True):
                        name = f"{shown}!{inner}" if inner != path.name else shown
                        line = _line(view, m.start, 1) if first_line else None
                        problems.append(Problem(name, line,
                            f"'{_one_line(m.text)}' from the private redact list ({self.redact_shown}) is in the built "
                            f"site; remove it from the briefing, guidance, config or template that put it there"))
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


# Reading output files ------------------------------------------------------------------------

_ZIPPED = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".zip"}
_MARKUP = {".html", ".htm", ".xml", ".svg", ".rels", ".xhtml", ".rss", ".atom"}


def _texts(path: Path, seen_members: set | None = None) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for each part of a built file: itself, a gzip's content, a zip's members.
    A zip member already read from another file (same name, CRC and size: every Word file's
    styles and theme) is not read again."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError:
        return
    if data[:2] == b"\x1f\x8b":  # gzip, whatever the name: sitemap.xml.gz, Pagefind's index files
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return
        yield (path.name[:-3] if suffix == ".gz" else path.name), data
        return
    if suffix in _ZIPPED:
        try:
            with zipfile.ZipFile(path) as z:
                for info in sorted(z.infolist(), key=lambda i: i.filename):
                    key = (info.filename, info.CRC, info.file_size)
                    if seen_members is not None:
                        if key in seen_members:
                            continue
                        seen_members.add(key)
                    yield info.filename, z.read(info)
        except (zipfile.BadZipFile, OSError):
            pass
        return
    yield path.name, data


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None  # binary: images, PDFs (reports are the board's own published documents)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"</(?:w:p|p|li|h\d|td|th|div|dd|dt)>|<w:br/>|<w:tab/>|<br\s*/?>", re.IGNORECASE)


def _views(text: str, name: str, zipped: bool, redact: RedactList) -> Iterator[tuple[str, bool]]:
    """The ways a name can hide in a file's text, each yielded only if it may hold a redact entry:
    with entities decoded (O&#39;Brien); with tags removed (Word splits text into runs, a template
    may wrap each word); JSON strings decoded (\\u escapes). True if its lines are the file's."""
    suffix = Path(name).suffix.lower()
    decoded = html.unescape(text) if "&" in text else text  # holds all the raw text does, on the same lines
    possible = redact.might_be_in(decoded)
    if possible:
        yield decoded, True
    markup = zipped or suffix in _MARKUP or ("<" in text and suffix not in {".js", ".css"})
    if markup and (possible or zipped):  # removing tags only joins words already there (Word runs split words)
        stripped = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
        if redact.might_be_in(stripped):
            yield stripped, False
    if (suffix == ".json" or suffix == "") and (possible or "\\u" in text or "\\/" in text):
        try:
            strings = "\n".join(_json_strings(json.loads(text)))
        except (ValueError, RecursionError):
            return
        for view in (strings, html.unescape(_TAG.sub(" ", strings))):
            if redact.might_be_in(view):
                yield view, False


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def scan_output(out: Path, config, shown_as: str = "site") -> None:
    """Refuse a built site (before it is swapped in) that contains a name from the redact list."""
    checker, problems = Checker.for_config(config, warn=False)  # validation has warned already
    problems += checker.output_problems(out, shown_as)
    if problems:
        raise ContentError(problems)
