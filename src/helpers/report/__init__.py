"""The report wing: one province's (or 2025 unit's) page, section by section.

Modules: `tables` (the one reader of processed tables, with file stamps, and the page context),
`sections` (one module per page section: its numbers, figure and template), `words` (one module
per language), `figures` (the charts), `narrative` (number formats, templates), `provenance`
(sources, citation), `fundamentals`, `forecast`, `goal_pages` (targets section and page),
`claims`, `attainment`, `press_words`, `markup`, and `page`, which runs the sections; its
``build`` and ``section`` are re-exported for notebook 30.
"""

__all__ = ["SECTIONS", "build", "section", "section_html"]


def __getattr__(name: str) -> object:
    """Import `page` (and matplotlib with it) on first use, not with the package: the build's
    parent process reads the words and templates of the wing, never its figures."""
    if name in __all__:
        from . import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
