"""Front-matter suggestions from a document's words: the review's name, type and date, and themes.

Each is a suggestion a person confirms: the draft says where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
_MONTH = r"(?P<month>Sept|" + "|".join(m[:3] + (f"(?:{m[3:]})?" if len(m) > 3 else "") for m in _MONTHS) + r")\.?"
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_SLASHED = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
_PUBLISHED = re.compile(r"\b(?:published|publication date|date of publication|dated?)\b", re.IGNORECASE)
_NAME = re.compile(r"\b(?:Child|Baby|Infant|Family|Young Person|Sibling Group|Siblings|Children)"
                   r"\s+(?:[A-Z]\b|[A-Z][a-z]+\b)(?:\s+and\s+[A-Z]\b)?")


@dataclass(frozen=True)
class Found:
    value: object
    quote: str  # the words it was read from


def review_name(title: str, text: str) -> Found | None:
    for where in (title, text):
        m = _NAME.search(where)
        if m:
            return Found(m.group(), m.group())
    return None


def review_type(text: str, review_types: dict[str, str]) -> Found | None:
    """The first review type the text names, by display name or an upper-case key (CSPR)."""
    found = []
    for key, name in review_types.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            found.append((m.start(), -len(m.group()), key, m.group()))
        if key.isupper() and len(key) >= 3:
            for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
                found.append((m.start(), -len(m.group()), key, m.group()))
    # A longer name around a shorter one ("Local Child Safeguarding Practice Review") wins.
    kept = [f for f in found if not any(o is not f and o[0] <= f[0] and f[0] - f[1] <= o[0] - o[1] and o[1] < f[1] for o in found)]
    if not kept:
        return None
    _, _, key, quote = min(kept)
    return Found(key, quote)


def _date(m: re.Match) -> date | None:
    parts = m.groupdict()
    month = parts["month"]
    month = int(month) if month.isdigit() else _MONTHS.get(next((n for n in _MONTHS if n.startswith(month.lower()[:3])), ""), 0)
    try:
        return date(int(parts["year"]), month, int(parts.get("day") or 1))
    except (ValueError, TypeError):
        return None


def published(text: str) -> Found | None:
    """A date the document gives as its publication date, else the first full date of its opening."""
    near = [text[m.end():m.end() + 60] for m in _PUBLISHED.finditer(text)]
    for where in [*near, text[:400]]:
        for pattern in (_DAY_MONTH_YEAR, _ISO, _SLASHED, _MONTH_YEAR):
            m = pattern.search(where)
            if m and (when := _date(m)):
                return Found(when, m.group())
    return None


def themes(text: str, configured: dict) -> list[str]:
    """Theme keys whose configured title (or key, hyphens as spaces) the text uses, in config order."""
    found = []
    for key, theme in configured.items():
        names = {theme.title, key.replace("-", " ")}
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE) for n in names if n):
            found.append(key)
    return found
