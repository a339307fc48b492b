"""Learning Briefings: turn safeguarding case reviews into 7-minute briefing sites.

The pipeline, one package per stage, each importing only the stages before it (the
``[tool.importlinter]`` contracts in pyproject.toml enforce it):

    config -> read -> safety -> validate -> derive -> render -> engine -> build

``build`` strings the stages together; ``commands`` is what each CLI command does and ``cli``
parses arguments. ``problems`` and ``model`` are shared leaves every stage may import.
"""

__version__ = "0.2.0"
