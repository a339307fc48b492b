"""Stage 5, render: the derived ``Site`` turned into pages (Markdown/HTML for MkDocs) and files.

Owns the Jinja ``renderer``, one page builder per kind of page (``pages``), the SVG ``charts``,
Atom ``feeds`` and the Word handouts (``word``). May import ``derive`` and earlier stages,
never ``engine``. Hands a list of ``Page`` and ``OutputFile`` to the engine.
"""
