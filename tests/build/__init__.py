"""Build suite (a package, so its conftest does not shadow tests/conftest.py's helpers)."""
