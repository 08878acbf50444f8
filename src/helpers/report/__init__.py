"""The report wing: one province's (or 2025 unit's) page, section by section.

Modules: `context` (the numbers, read through one loader), `figures`, `narrative` (words and
templates), `provenance` (sources, citation), `fundamentals`, `goal_pages` (targets section and
page), `goal_words`, `press_words`, and `page`, which assembles them; its ``build`` and
``section`` are re-exported for notebook 30.
"""

from .page import SECTIONS, build, section, section_html

__all__ = ["SECTIONS", "build", "section", "section_html"]
