"""Collect every message the project writes (templates and Python) into a catalogue, and bring
a language's ``.po`` file up to date with it: ``python -m generator.i18n.extract cy``.

The tests use :func:`messages` to prove each shipped catalogue translates every message.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator.i18n.language import DOMAIN, catalogue_path

PACKAGE = Path(__file__).resolve().parents[1]  # generator/
TEMPLATES = PACKAGE.parent / "templates"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}


def messages() -> Catalog:
    """Every message id in the templates (Jinja ``_``/``ngettext``) and in generator/ (``_``, ``N_``)."""
    catalogue = Catalog(domain=DOMAIN, project="Learning Briefings", fuzzy=False)
    sources = [
        (TEMPLATES, [("**.html", "jinja2"), ("**.j2", "jinja2")], {"**.html": JINJA_OPTIONS, "**.j2": JINJA_OPTIONS}),
        (PACKAGE, [("**.py", "python")], {}),
    ]
    for folder, method_map, options in sources:
        for filename, line, message, comments, context in extract_from_dir(
                folder, method_map, options, keywords=KEYWORDS, strip_comment_tags=True):
            where = folder.name + "/" + filename
            catalogue.add(message, None, [(where, line)], auto_comments=comments, context=context,
                          flags=("python-format",))
    return catalogue


def update(code: str) -> Path:
    """Merge the current messages into ``locale/<code>/.../messages.po`` (new ones untranslated)."""
    path = catalogue_path(code)
    if path.is_file():
        with path.open("rb") as f:
            existing = read_po(f, locale=code)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing = Catalog(locale=code, domain=DOMAIN, project="Learning Briefings", fuzzy=False)
    existing.update(messages(), no_fuzzy_matching=True)
    with path.open("wb") as f:
        write_po(f, existing, width=100, omit_header=False, ignore_obsolete=True, include_previous=False)
    return path


if __name__ == "__main__":
    for code in sys.argv[1:] or ["cy"]:
        print(update(code))
