"""The cleaning stage: read, reconcile, check and validate the DTI tables, then write them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import config, processed, reasons
from ..schemas import raise_if_any, validate_tables
from ..store import write_tables
from .changes import check_changes, read_changes
from .read import Observations, Reader
from .reconcile import Reconciler
from .units import add_units, check_units, derivable_years, unit_checks_table

DROPPED_COLUMNS = ["file", "row", "province_as_published", "year", "measure", "reason_code",
                   "reason_params", "reason"]


@dataclass
class CleanResult:
    """The tables the cleaning stage writes (validated)."""

    tables: dict[str, pd.DataFrame]

    @property
    def rankings(self) -> pd.DataFrame:
        """Return the clean long table dti_rankings."""
        return self.tables["dti_rankings"]

    @property
    def conflicts(self) -> pd.DataFrame:
        """Return the conflicts table."""
        return self.tables["conflicts"]


def read(raw_dir: Path | None = None, years: list[int] | None = None) -> Observations:
    """Read every registered DTI table; raise on any raw problem (file, row, column, value)."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    observations = Reader(raw_dir).read()
    observations.changes = [read_changes(raw_dir, table, observations.problems)
                            for table in observations.change_tables]
    raise_if_any(observations.problems, "the raw DTI tables")
    if years:
        observations.only_years(years)
    return observations


def reconcile(observations: Observations) -> Reconciler:
    """Apply rules 1 to 5 to the observations, in order; return the reconciler's state."""
    rec = Reconciler()
    rec.add_scores(observations.scores)
    for year in derivable_years(rec):
        add_units(rec, year)
    rec.add_official(observations.official)
    check_units(rec, [o for o in observations.reported if o.basis == 34])
    rec.add_reported(observations.reported)
    return rec


def add_change_conflicts(rec: Reconciler, changes: pd.DataFrame) -> None:
    """List every reported rank change the clean ranks contradict as a conflict."""
    for change in changes[changes["status"] == "inconsistent"].itertuples(index=False):
        params = reasons.decode(change.reason_params)
        basis = 34 if change.province_code.startswith("U") else 63
        rec.conflict((change.province_code, basis, change.year, change.measure), "change",
                     "change_inconsistent", None, "", f"{change.reported_change:+d}",
                     change.source, change.reason_code, **params)


def clean(raw_dir: Path | None = None, years: list[int] | None = None) -> CleanResult:
    """Read, reconcile and validate the DTI tables; raise on any raw problem, write nothing."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    observations = read(raw_dir, years)
    rec = reconcile(observations)
    rankings = rec.table()
    changes = check_changes(rankings, observations.changes)
    if years:
        changes = changes[changes["year"].isin(years)]
    add_change_conflicts(rec, changes)
    tables = {
        "dti_rankings": rankings,
        "conflicts": rec.conflicts_table(),
        "dropped": pd.DataFrame(observations.dropped + rec.dropped, columns=DROPPED_COLUMNS),
        "unit_checks": unit_checks_table(rec),
        "change_checks": changes,
    }
    return CleanResult(validate_tables(tables))


def write(result: CleanResult, out_dir: Path | None = None) -> list[Path]:
    """Write the cleaned tables to data/processed (each file atomically)."""
    return write_tables(Path(out_dir or config.PROCESSED_DIR), result.tables)


def coverage(rankings: pd.DataFrame) -> pd.DataFrame:
    """Return provinces per basis, year and measure, split by origin."""
    counts = rankings.pivot_table(index=["basis", "year", "measure_type", "measure"],
                                  columns="origin", values="province_code", aggfunc="count",
                                  fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index().rename_axis(None, axis=1)


def load(processed_dir: Path | None = None) -> pd.DataFrame:
    """Read the clean dti_rankings table written by 10-clean-rankings, with its types."""
    return processed.rankings(processed_dir)
