"""Personal-detail detectors: pure functions from text to the spans that look like a detail.

Kept apart from the checks so each pattern can be read, tested and tuned on its own (one table
of positive and negative examples each in tests/test_anonymity.py) without a config, a file or
a Problem in sight. Each detector is cheap and deliberately a little eager: a false positive is
silenced by the file's ``allow:`` list, a missed phone number is published.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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
    """One finding: what kind of detail, where it is in the text, and the text itself."""

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
