"""Every path the project uses, derived from the package location (never the working directory)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
PACKAGE_DATA_DIR: Path = PACKAGE_DIR / "data"
TEMPLATES_DIR: Path = PACKAGE_DIR / "templates"

#: The repository root: ``src/helpers`` sits two levels below it. ``DTI_ROOT`` overrides it.
ROOT: Path = Path(os.environ.get("DTI_ROOT", PACKAGE_DIR.parents[1])).resolve()

DATA_DIR: Path = ROOT / "data"
RAW_DIR: Path = DATA_DIR / "raw"
PROCESSED_DIR: Path = DATA_DIR / "processed"
SOURCES_REGISTER: Path = RAW_DIR / "sources.csv"

NOTEBOOKS_DIR: Path = ROOT / "notebooks"
REPORTS_DIR: Path = ROOT / "reports"
EXECUTED_DIR: Path = REPORTS_DIR / "executed"

#: Reference tables inside data/raw/reference.
PROVINCES_CSV: Path = RAW_DIR / "reference" / "provinces.csv"
MERGER_CSV: Path = RAW_DIR / "reference" / "merger_2025.csv"
NEW_UNITS_CSV: Path = RAW_DIR / "reference" / "new_units_2025.csv"

#: Spelling variants of province names met in raw files (project-authored, not raw data).
ALIASES_CSV: Path = PACKAGE_DATA_DIR / "province_aliases.csv"

#: Reviewed decisions on single raw rows (reclassify or drop), each with its reason.
REVIEW_DECISIONS_CSV: Path = PACKAGE_DATA_DIR / "review_decisions.csv"
