"""Stage 3a, safety: nothing that identifies a child, and nothing that runs script, is published.

Owns the personal-detail detectors, the private redact list, the anonymity checks on content,
and the scan of the built output before it is swapped in (``output_scan``). May import
``read``, ``config``, ``model`` and ``problems``; validate and build call it.
"""
