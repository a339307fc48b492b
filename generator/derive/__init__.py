"""Stage 4, derive: the whole site's data, computed before anything is written.

Owns what is published at the as-of date (``publication``), the derived ``Site`` with its
entries, themes and archive states (``site``), and the thematic ``analysis``: pure functions of
frozen data. May import ``validate`` and earlier stages. Hands one ``Site`` to render.
"""
