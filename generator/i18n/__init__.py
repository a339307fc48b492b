"""Languages: the message catalogues (gettext .po files shipped in this package) and the
date and number formats of each language (Babel).

A shared leaf: it imports only Babel and the standard library, so every stage from config
(which checks a language has a catalogue) to render (which translates every string it
writes) may use it. It hands on :class:`Language`, one object per language of a site.
"""
