"""Word (.docx) handouts: plain data in (``content``), deterministic bytes out (``document``).

``html`` parses body HTML into a small tree, ``template`` prepares python-docx's template once
per process, ``writer`` writes one document, ``docx_zip`` the deterministic zip. Imports only
``generator.problems`` and its own modules.
"""
