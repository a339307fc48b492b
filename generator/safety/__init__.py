"""Stage 3a, safety: nothing that identifies a child, and nothing that runs script, is published.

Owns the personal-detail detectors, the private redact list, the anonymity checks on content,
the scan of the built output before it is swapped in (``output_scan``), and what content may
link or embed: the URL policy (``urls``) and the file types safe to serve (``files``). Pure
checks on text, files and duck-typed sources: may import only ``model`` and ``problems``, so
config, read, validate, render and build all call it.
"""
