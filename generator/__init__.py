"""Learning Briefings: turn safeguarding case reviews into 7-minute briefing sites.

The pipeline runs config -> read -> validate -> derive -> render -> MkDocs -> post-build;
see ``generator.build`` for the one place that strings the steps together.
"""

__version__ = "0.1.0"
