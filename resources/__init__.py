"""Files shipped with Écoute: PDF fonts, default templates, the export schema, the help guide,
icons and translation catalogues.

This top-level folder is installed as the package `ecoute_desktop.resources` (see
`[tool.setuptools.package-dir]` in pyproject.toml); code reaches it only through
`ecoute_desktop.resource_files`.
"""
