"""Scaffold: a new board's content folder, as ``briefings init`` writes it.

Owns the starter files (``starter/``, package data: the site_config.yml template with the
recommended themes, an example draft briefing, guidance starters, the team's README and the
GitHub/GitLab publishing workflows) and the review types of each UK nation (``nations``). May
import ``config`` (to validate the config it writes) and the shared leaves; hands ``commands``
the list of files it wrote.
"""
