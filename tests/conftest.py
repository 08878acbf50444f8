"""Shared fixtures: a scratch copy of the raw DTI tables that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import config, rankings
from helpers import processed as processed_tables
from helpers.model import covariates
from helpers.model import stage as model
from helpers.targets import goals as goal_table
from helpers.targets import plan_targets
from helpers.targets import press_targets as targets

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


@pytest.fixture(scope="session")
def processed(tmp_path_factory) -> Path:
    """Every processed table, written by the stages' helpers into a scratch folder."""
    out = tmp_path_factory.mktemp("processed")
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
    return out
