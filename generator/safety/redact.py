"""The board's private redact list: names and places that must appear nowhere, in any form.

Separate from the detectors because it is not a pattern but a list only the board holds
(``redact_file``, git-ignored), and because it is searched for far more widely: every source
file and every byte of the built site. So it is compiled once into one regex, screened with
cheap substring checks first, and read past characters that show as nothing (a soft hyphen or
a zero-width character inside a word hides it from a plain search but not from a reader).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from generator.safety.detectors import Match


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
