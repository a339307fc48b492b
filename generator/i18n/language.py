"""One language of a site: its translated messages and its date and number formats.

The catalogues are the ``.po`` files under ``locale/<code>/LC_MESSAGES/messages.po``, read
and compiled in memory on first use (Babel's ``read_po``/``write_mo``), so a fresh clone needs
no compile step and the ``.po`` file stays the one source. English is the language of the
message ids themselves and needs no catalogue.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the message ids are written in


def catalogue_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> list[str]:
    """Every language the interface can be written in: English and each shipped catalogue."""
    return sorted({SOURCE_LANGUAGE, *(p.name for p in LOCALE_DIR.iterdir() if catalogue_path(p.name).is_file())})


def base(code: str) -> str:
    """'en-GB' -> 'en': catalogues are kept per language, not per country."""
    return code.replace("_", "-").split("-")[0].lower()


@cache
def translations(code: str) -> gettext.NullTranslations:
    path = catalogue_path(base(code))
    if base(code) == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalogue = read_po(po, locale=base(code))
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@dataclass(frozen=True)
class Language:
    """What a renderer needs to write in one language; ``code`` as the site writes it."""

    code: str
    messages: gettext.NullTranslations = field(repr=False, compare=False, default=None)

    def __post_init__(self):
        if self.messages is None:
            object.__setattr__(self, "messages", translations(self.code))

    @property
    def locale(self) -> str:
        return base(self.code)

    def gettext(self, message: str, **values) -> str:
        text = self.messages.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        text = self.messages.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    def long_date(self, value: date | None) -> str:
        """'14 March 2020', '14 Mawrth 2020': day, month name, year."""
        return _long_date(value, self.locale) if value else ""

    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    @property
    def name(self) -> str:
        """The language's name in itself: 'English', 'Cymraeg'."""
        return Locale.parse(self.locale).get_display_name(self.locale).capitalize()


@lru_cache(maxsize=8192)
def _long_date(value: date, locale: str) -> str:
    """Babel takes about 50 µs a date; the archive and tracker of a national collection show
    the same few thousand dates tens of thousands of times."""
    return format_date(value, "d MMMM y", locale=locale)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a table); translate it where used."""
    return message


ENGLISH = Language(SOURCE_LANGUAGE)
