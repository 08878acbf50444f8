"""Every test in tests/build starts kernels, notebooks, reports or builds: marked slow here."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each collected test under this folder as slow (`pytest -m "not slow"` skips them)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.slow)
