"""Invisible characters no published text may hold, each reported with its line.

C0 controls cannot be written to XML (Word files, feeds) and arrive unseen, pasted from a PDF
or Word. Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text show in
another order than it is stored, so a name, a link or a warning can read as something else
("Trojan Source"); nothing a board writes needs them.
"""

from __future__ import annotations

import re

from generator.problems import Problem

INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (f"invisible text-direction character {code} (it makes text show in another order than it is "
                f"written, hiding what it says); delete it")
    return f"invisible control character {code} (often pasted from a PDF or Word); delete it"


def problems_in(text: str, shown: str, first_line: int) -> list[Problem]:
    """One problem per invisible character in ``text``, whose first line is ``first_line``."""
    return [Problem(shown, first_line + text.count("\n", 0, m.start()), describe(m.group()))
            for m in INVISIBLE.finditer(text)]
