"""The message catalogues: every string the templates and builders write is in each shipped
catalogue and translated there, with the same placeholders; dates follow the language."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po

from generator.i18n import extract
from generator.i18n.language import Language, available, catalogue_path
from generator.render import chrome

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")
SHIPPED = [code for code in available() if code != "en"]


def shipped(code: str):
    with catalogue_path(code).open("rb") as f:
        return read_po(f, locale=code)


def test_welsh_catalogue_is_shipped():
    assert "cy" in SHIPPED


def test_the_extractor_finds_the_template_and_builder_strings():
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract.messages() if m.id}
    # one from a page template, one from the theme overrides' table, one from a builder table
    assert {"Key learning from reviews", "Skip to main content", "No owner"} <= ids


@pytest.mark.parametrize("code", SHIPPED)
def test_every_message_is_in_the_catalogue_and_translated(code):
    catalogue = shipped(code)
    missing, untranslated, mismatched = [], [], []
    for message in extract.messages():
        if not message.id:
            continue
        found = catalogue.get(message.id)
        if found is None:
            missing.append(message.id)
            continue
        forms = found.string if isinstance(found.string, tuple) else (found.string,)
        if not all(forms) or found.fuzzy:
            untranslated.append(message.id)
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = {p for p in PLACEHOLDER.findall(ids[-1]) if p} - {"num"}
        for form in forms:
            if {p for p in PLACEHOLDER.findall(form) if p} - {"num"} != wanted:
                mismatched.append((message.id, form))
    fix = f"run `python -m generator.i18n.extract {code}` and translate the new entries in {catalogue_path(code)}"
    assert not missing, f"not in the {code} catalogue ({fix}): {missing}"
    assert not untranslated, f"untranslated in {code} ({fix}): {untranslated}"
    assert not mismatched, f"placeholders differ from the English in {code}: {mismatched}"


def test_a_welsh_sentence_keeps_html_and_fills_values():
    cy = Language("cy")
    assert cy.gettext("Archive: %(type)s", type="Adolygiad Ymarfer Plant") == "Archif: Adolygiad Ymarfer Plant"
    assert cy.ngettext("%(num)d review", "%(num)d reviews", 3) == "3 adolygiad"


def test_dates_are_written_in_the_language():
    assert Language("cy").long_date(date(2017, 11, 20)) == "20 Tachwedd 2017"
    assert Language("en").long_date(date(2017, 11, 20)) == "20 November 2017"
    assert Language("en-GB").long_date(date(2020, 3, 1)) == "1 March 2020"


def test_each_language_is_named_in_itself():
    assert (Language("cy").name, Language("en").name) == ("Cymraeg", "English")


def test_the_scripts_write_only_the_listed_messages():
    """Every message a script passes to lbT() is in chrome.SCRIPT_MESSAGES (so in the catalogue)."""
    assert chrome.script_messages_used() == set(chrome.SCRIPT_MESSAGES)


def test_english_pages_carry_no_script_table_and_welsh_ones_do():
    assert chrome.script_text(Language("en")) == {}
    assert chrome.script_text(Language("cy"))["Start clock"] == "Dechrau’r cloc"
