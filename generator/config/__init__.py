"""Stage 1, config: ``site_config.yml`` read with line numbers and validated in full.

Owns the board's settings (``settings.LoadedConfig``) and YAML that keeps its line numbers
(``yamlfile``). Imports only ``generator.problems``, ``generator.model`` and ``generator.safety``
(the logo must be a file safe to publish). Hands every later stage one frozen ``LoadedConfig``.
"""
