"""Shared data: the briefing front-matter schema and the validated ``Briefing``.

A leaf: imports nothing of ``generator`` but ``generator.problems``. Every stage from read
onwards may import it; it never imports a stage.
"""
