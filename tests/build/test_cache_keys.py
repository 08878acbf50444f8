"""Every file of package data belongs to the cache key of the module that reads it; imports
are found as parsing would find them."""

import ast

from helpers import config
from helpers.build import cache


def test_every_package_data_file_is_in_some_modules_cache_key():
    claimed = {path for patterns in cache.MODULE_FILES.values() for pattern in patterns
               for path in config.PACKAGE_DATA_DIR.parent.glob(pattern)}
    data_files = set(config.PACKAGE_DATA_DIR.glob("*.csv"))
    assert data_files <= claimed, (
        f"package data no module's cache key covers: {sorted(p.name for p in data_files - claimed)}"
        "; add it to cache.MODULE_FILES under the module that reads it")



def imported(nodes: list[ast.stmt]) -> list[tuple]:
    """Return what import statements import, as comparable tuples."""
    return sorted((type(n).__name__, str(getattr(n, "module", None)), getattr(n, "level", 0) or 0,
                   tuple(a.name for a in n.names)) for n in nodes)


def test_the_quick_import_scan_finds_what_parsing_the_whole_file_finds():
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        full = [n for n in ast.walk(ast.parse(text)) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert imported(cache.import_statements(text)) == imported(full), path.name


def test_an_import_in_a_function_or_a_parenthesised_list_is_found():
    text = ('"""Doc."""\n\nfrom . import (\n    a,  # first\n    b,\n)\n\n\ndef f():\n'
            '    from .c import d\n    import helpers.e\n')
    assert imported(cache.import_statements(text)) == [
        ("Import", "None", 0, ("helpers.e",)), ("ImportFrom", "None", 1, ("a", "b")),
        ("ImportFrom", "c", 1, ("d",))]
