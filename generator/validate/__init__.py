"""Stage 3b, validate: every briefing checked against the schema and the config, all problems at once.

Owns ``load_briefings`` (worker processes for large collections) and the format checks used by
``briefings check``. May import ``safety``, ``read``, ``config``, ``model`` and ``problems``.
Hands on a tuple of frozen ``Briefing`` objects.
"""
