"""The words of the report pages, one module per language with the same tables and keys.

`en.py` and `vi.py` each hold every table a page words itself with (TEXT, TARGETS, ...), keyed
alike (tests/unit/test_language.py checks it), and the translations of English data text
(PLAN_INDICATORS, ...), empty where the data is shown as written. The sections read a table for
all languages through `table(name)`. A third language is a module here with the tables of
`en.py`, added to MODULES, plus its narrative and about templates and its column in vocab's
domain terms.
"""

from __future__ import annotations

from types import ModuleType

from . import en, vi

MODULES: dict[str, ModuleType] = {"en": en, "vi": vi}
LANGS = tuple(MODULES)
#: The page-word tables: every language has every key.
TABLES = ("TEXT", "TARGETS", "TARGETS_INDEX", "FUNDAMENTALS", "CLAIMS", "ATTAINMENT", "FORECAST")
#: The translations of English data text (English shows it as written: no entries).
TRANSLATIONS = ("PLAN_INDICATORS", "PRESS_CONCEPTS", "PRESS_PHRASES")


def table(name: str) -> dict[str, dict[str, str]]:
    """Return one word table in every language ({"en": {...}, "vi": {...}})."""
    return {lang: getattr(module, name) for lang, module in MODULES.items()}
