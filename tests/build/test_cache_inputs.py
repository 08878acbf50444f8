"""The report's cache inputs: every file a page reads is in its key, and a change shows."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.build import cache, pipeline
from helpers.report import goal_pages, tables

#: Files opened while the audit hook records (None: not recording).
_OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _OPENED is not None and isinstance(args[0], (str, Path)):
        _OPENED.append(str(Path(args[0]).resolve()))


sys.addaudithook(_audit)


def _clear_helper_caches() -> None:
    """Forget what any helper memoized, so every file is read again."""
    for name, module in list(sys.modules.items()):
        if name == "helpers" or name.startswith("helpers."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture
def data(processed, tmp_path) -> Path:
    """A copy of the processed tables the test may append to."""
    copy = tmp_path / "processed"
    shutil.copytree(processed, copy)
    return copy


def pages_read(data: Path) -> set[Path]:
    """Return every file the page of a province and of a unit opens, in both languages."""
    global _OPENED
    from helpers import report

    _clear_helper_caches()
    _OPENED = []
    try:
        for code, basis in (("27", 63), ("U27", 34)):
            for lang in ("en", "vi"):
                ctx = report.build(code, 2024, lang, basis, str(data))
                for name in report.SECTIONS:
                    report.section_html(ctx, name)
        return {Path(p) for p in _OPENED}
    finally:
        _OPENED = None


def test_every_file_a_page_reads_is_among_the_report_inputs(data):
    inputs = {p.resolve() for p in pipeline.report_inputs(str(data))}
    read = pages_read(data)
    held = {p for p in read if p.is_relative_to(data.resolve())}
    assert held, "the pages read processed tables"
    assert held <= inputs, sorted(p.relative_to(data.resolve()).as_posix()
                                  for p in held - inputs)
    repo_data = {p for p in read if p.is_relative_to(config.DATA_DIR.resolve())}
    assert repo_data <= inputs, sorted(str(p) for p in repo_data - inputs)


def test_every_package_file_a_page_reads_is_in_the_code_key(data):
    modules = cache.closure(cache.notebook_modules(
        config.NOTEBOOKS_DIR / "30-province-report.ipynb") | {"build.publish"})
    package = config.PACKAGE_DIR.resolve()
    covered = {p.resolve() for m in modules for p in cache.sources(m)}
    covered |= {p.resolve() for m in modules for pattern in cache.MODULE_FILES.get(m, [])
                for p in config.PACKAGE_DIR.glob(pattern)}
    read = {p for p in pages_read(data) if p.is_relative_to(package) and p.suffix != ".pyc"
            and "__pycache__" not in p.parts}
    assert read <= covered, sorted(p.relative_to(package).as_posix() for p in read - covered)


@pytest.mark.parametrize("table", tables.TABLE_FILES)
def test_a_row_appended_to_any_table_the_pages_read_changes_every_page_key(data, table):
    jobs = pipeline.report_jobs(2024, ("en", "vi"), ["Lào Cai", "unit:Huế"],
                                processed_dir=str(data))
    before = {job.key: pipeline.report_key(job) for job in jobs}
    path = data / table
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[-1], encoding="utf-8")  # the last row again
    after = {job.key: pipeline.report_key(job) for job in jobs}
    assert all(after[k] != before[k] for k in before), table


def test_an_edited_goals_table_is_seen_without_a_restart(data):
    before = goal_pages.section("27", 63, "en", str(data))
    goals = pd.read_csv(data / "goals.csv", dtype=str, keep_default_na=False)
    assert (goals["code"] == "27").any(), "Bắc Ninh has targets in the shipped data"
    goals[goals["code"] != "27"].to_csv(data / "goals.csv", index=False)
    after = goal_pages.section("27", 63, "en", str(data))
    assert len(after["rows"]) < len(before["rows"]), "Bắc Ninh's own targets are gone"
