"""Stage 6, engine: the static-site engine and the search indexer, behind small adapters.

Owns the only module that imports MkDocs (``mkdocs_adapter``) and the Pagefind run
(``search_index``), so the engine can be replaced without touching earlier stages. May import
``render`` and earlier stages. Hands a built folder to ``generator.build``.
"""
