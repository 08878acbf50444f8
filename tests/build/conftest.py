"""Every test in tests/build starts kernels, notebooks, reports or builds: marked slow here.

Under pytest-xdist (`make test`, `--dist loadgroup`) the tests of a module that builds something
once for the module (a module-scoped fixture: a few report pages, a sample site) go to one worker
together, so that it is built once; the other tests are spread over the workers one by one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def uses_a_module_fixture(item: pytest.Item) -> bool:
    """Tell whether a test uses a fixture built once per module."""
    info = getattr(item, "_fixtureinfo", None)
    return info is not None and any(d.scope == "module" for defs in
                                    info.name2fixturedefs.values() for d in defs)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each collected test under this folder as slow (`pytest -m "not slow"` skips them),
    and keep the tests of a module with a module-scoped fixture on one xdist worker."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.slow)
            if uses_a_module_fixture(item):
                item.add_marker(pytest.mark.xdist_group(item.path.stem))
