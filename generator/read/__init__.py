"""Stage 2, read: briefing and guidance files split into front matter and body, with lines.

Owns the ``Source`` of one file (``source``), the Markdown body split into the seven segments
and rendered (``body``), and theme guidance (``guidance``). Never raises on bad input: returns
problems. May import ``config``, ``safety`` (the URL policy), ``model`` and ``problems``. Hands on ``Source`` and rendered
sections to safety and validate.
"""
