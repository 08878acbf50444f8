"""The build cache sees the rankings package: a change in any of its modules rebuilds stage 10."""

import shutil
from pathlib import Path

from helpers import config
from helpers.build import cache

STAGE_10 = config.NOTEBOOKS_DIR / "10-clean-rankings.ipynb"


def test_the_closure_of_stage_10_follows_the_rankings_package_imports():
    found = cache.closure(cache.notebook_modules(STAGE_10))
    assert {"rankings", "provinces", "raw", "schemas", "reasons", "store", "vntext"} <= found


def test_a_change_in_a_rankings_submodule_changes_the_stage_key(tmp_path, monkeypatch):
    copy = tmp_path / "helpers"
    shutil.copytree(config.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(config, "PACKAGE_DIR", copy)
    modules = cache.notebook_modules(STAGE_10)
    before = cache.code_hash(modules)
    path: Path = copy / "rankings" / "reconcile.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a change to rule 3\n",
                    encoding="utf-8")
    assert cache.code_hash(modules) != before
