"""Shared fixtures: a scratch copy of the raw DTI tables that a test may break; and the record
of checks skipped for want of ../shared, a browser or axe-core (tests/skipped_checks.py)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from skipped_checks import pytest_configure  # noqa: F401  (the hook, registered here)

from helpers import config

SHARED = config.ROOT.parent / "shared"


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """Return a copy of data/raw (DTI tables, reference, register) to modify freely."""
    target = tmp_path / "raw"
    for sub in ("dti", "reference"):
        shutil.copytree(config.RAW_DIR / sub, target / sub)
    shutil.copy(config.SOURCES_REGISTER, target / "sources.csv")
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under a folder with its bytes, to show nothing changed."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_folder(folder: Path, articles: dict[str, bytes], manifest: list[tuple[str, str]]
                 ) -> None:
    """Write a folder of articles (invented in the tests) with its manifest.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in articles.items():
        (folder / name).write_bytes(data)
    rows = ["file,province,published,source_hint"] + [f"{f},{p},2024-01-05,test"
                                                      for f, p in manifest]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def built_once(request: pytest.FixtureRequest, name: str, build: Callable[[Path], None]) -> Path:
    """Return the folder `name` that build(folder) fills once per test run.

    Under pytest-xdist (`make test` runs two workers) the workers share it: the first to ask
    builds it while the others wait on a lock, so a session fixture is not built once per worker.
    Tests read it; a test that changes it works on its own copy.
    """
    base = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if hasattr(request.config, "workerinput"):  # an xdist worker (not a run it started)
        base = base.parent  # this run's folder, shared by its workers (never another run's)
    folder, done = base / name, base / f"{name}.built"
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): each process builds its own
        fcntl = None
    with open(base / f"{name}.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(folder)  # what a failed attempt left
            folder.mkdir(parents=True)
            build(folder)
            done.touch()
    return folder


def write_processed(out: Path) -> None:
    """Write every processed table with the stages' helpers (the model with 200 draws)."""
    # imported here, not with this file: every pytest process (the xdist controller too) loads
    # it at start-up, and only the process that writes the tables needs the stages
    from helpers import processed as processed_tables
    from helpers import rankings
    from helpers.model import covariates
    from helpers.model import stage as model
    from helpers.targets import goals as goal_table
    from helpers.targets import plan_targets
    from helpers.targets import press_targets as targets

    rankings.write(rankings.clean(), out)
    press = targets.clean(processed_dir=out)
    targets.write(press, out)
    plan_targets.write(plan_targets.clean(press.tables["targets"], press.tables["press_facts"],
                                          processed_dir=out), out)
    ranked = rankings.load(out)
    years = processed_tables.complete_years(ranked, 63)  # derived, not written out
    results = model.run(ranked, covariates.factor_table(), years, covariates.MODEL_FACTORS,
                        n_boot=200, goals=goal_table.read(out))
    model.write(results, out / "model")
    # Once DTI 2025 is published (a maintainer added it) the model stage no longer makes the
    # 2025 forecast: the pages' forecast tests then read the one the project kept.
    kept = config.ROOT / "data" / "forecasts" / "forecast_2025.csv"
    if not (out / "model" / "forecast_2025.csv").exists() and kept.exists():
        shutil.copyfile(kept, out / "model" / "forecast_2025.csv")


@pytest.fixture(scope="session")
def shipped_factors():
    """The model's factor table read from data/raw (read only: about 0.6 CPU-s to read)."""
    from helpers.model import covariates

    return covariates.factor_table()


@pytest.fixture(scope="session")
def processed(request) -> Path:
    """Every processed table, written by the stages' helpers into a scratch folder (read only)."""
    return built_once(request, "processed", write_processed)
