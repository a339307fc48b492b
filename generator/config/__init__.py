"""Stage 1, config: ``site_config.yml`` read with line numbers and validated in full.

Owns the board's settings (``settings.LoadedConfig``) and YAML that keeps its line numbers
(``yamlfile``). Imports only ``generator.problems`` and ``generator.model``. Hands every later
stage one frozen ``LoadedConfig``.
"""
