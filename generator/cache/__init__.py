"""Shared leaf: the content-addressed build cache (``.briefings-cache/`` beside site_config.yml).

Owns the store (``store.Store``: blobs named by the SHA-256 of their bytes, and small
references from an input key to a blob) and the key helpers (``keys``). Imports nothing of
``generator`` but ``generator.problems``; every stage may use it to skip work whose inputs have
not changed. Hands back bytes or ``None``: a missing, damaged or half-written entry is a miss,
never an error, so deleting the folder is always safe.
"""
