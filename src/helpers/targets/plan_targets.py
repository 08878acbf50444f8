"""The plan targets as raw data: read and validate data/raw/targets, build and write goals.csv."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .. import config, processed, provinces
from ..raw import display_path, read_csv_text
from ..schemas import PLAN_KINDS, Problem, raise_if_any, validate_tables
from ..store import write_tables
from . import goals

PLAN_FILE = "targets/dti_targets.csv"
PLAN_COLUMNS = ["province", "basis", "target_kind", "indicator", "target_value", "due_year",
                "stated_in", "document", "source_url", "quote", "notes"]


def _known_for_basis(frame: pd.DataFrame) -> pd.Series:
    """Tell, row by row, whether the province names a province (63) or a unit (34)."""
    def known(name: str, basis: str) -> bool:
        try:
            provinces.resolve(name, basis=int(basis) if basis in ("63", "34") else 63)
        except (provinces.UnknownProvinceError, ValueError):
            return False
        return True
    return pd.Series([known(n, b) for n, b in zip(frame["province"], frame["basis"],
                                                 strict=True)], index=frame.index)


def _number(text: pd.Series) -> pd.Series:
    """Return a text column as numbers (NaN where a value is no number)."""
    return pd.to_numeric(text.str.strip(), errors="coerce")


PLAN_TARGETS = pa.DataFrameSchema(
    {
        "province": pa.Column(str, pa.Check.str_length(min_value=1)),
        "basis": pa.Column(str, pa.Check.isin(["63", "34"], error="basis is 63 or 34")),
        "target_kind": pa.Column(str, pa.Check.isin(PLAN_KINDS)),
        "indicator": pa.Column(str),
        "target_value": pa.Column(str, pa.Check(lambda s: _number(s).notna(),
                                                error="a number with a decimal point")),
        "due_year": pa.Column(str, pa.Check(lambda s: s.eq("") | _number(s).between(2020, 2050),
                                            error="a due year in 2020..2050, or empty")),
        "stated_in": pa.Column(str, pa.Check(lambda s: s.eq("") | _number(s).between(2015, 2030),
                                             error="a year in 2015..2030, or empty")),
        "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
    },
    checks=[
        pa.Check(_known_for_basis, error="a province (basis 63) or 2025 unit (basis 34) name"),
        pa.Check(lambda f: ~f["target_kind"].isin(["rank_top_n", "rank_exact",
                                                   "pillar_rank_top_n"])
                 | _number(f["target_value"]).between(1, _number(f["basis"])),
                 error="a rank target lies within 1..N (N = 63 or 34 by basis)"),
    ],
    strict=False, coerce=False, name="targets/dti_targets",
)


def load_plan(raw_dir: Path | None = None) -> pd.DataFrame:
    """Read and validate data/raw/targets/dti_targets.csv; raise naming every bad value."""
    path = Path(raw_dir or config.RAW_DIR) / PLAN_FILE
    problems: list[Problem] = []
    frame = read_csv_text(path, PLAN_COLUMNS, problems)
    raise_if_any(problems, "the plan targets")
    try:
        PLAN_TARGETS.validate(frame, lazy=True)
    except Exception as error:  # pandera.errors.SchemaErrors
        raise_if_any(_plan_problems(error, frame, display_path(path)), "the plan targets")
    frame = frame.copy()
    frame["row"] = frame.index
    frame["code"] = [provinces.resolve(n, basis=int(b))
                     for n, b in zip(frame["province"], frame["basis"], strict=True)]
    return frame.reset_index(drop=True)


def _plan_problems(error: Exception, frame: pd.DataFrame, file: str) -> list[Problem]:
    """Turn pandera's failure cases on the raw table into Problems with a suggested fix."""
    problems, seen = [], set()
    for case in error.failure_cases.itertuples(index=False):
        row = int(case.index) if case.index is not None and pd.notna(case.index) else None
        column = case.column if isinstance(case.column, str) and case.column in frame else None
        check = str(case.check)
        if column is None and row is not None:  # a table-wide check: say which column
            column = "province" if "name" in check else "target_value"
        value = frame.at[row, column] if row is not None and column else case.failure_case
        if (row, column, check) in seen:
            continue
        seen.add((row, column, check))
        hint = "fix the value as the source prints it"
        if column == "province" and row is not None:
            hint = _province_hint(frame.at[row, "province"], frame.at[row, "basis"])
        problems.append(Problem(file, row, column, value, f"expected {check}; {hint}"))
    return problems


def _province_hint(name: str, basis: str) -> str:
    """Return what a name that does not resolve may have meant."""
    try:
        provinces.resolve(name, basis=int(basis) if basis in ("63", "34") else 63)
    except provinces.UnknownProvinceError as error:
        return f"{error} (basis 63: reference/provinces.csv; basis 34: new_units_2025.csv)"
    return "check the basis column"


def clean(press_targets: pd.DataFrame, facts: pd.DataFrame | None = None,
          raw_dir: Path | None = None, processed_dir: Path | None = None) -> pd.DataFrame:
    """Build the validated goals table from the plan targets and the press stage's targets."""
    united = goals.with_achieved(goals.unite(load_plan(raw_dir), press_targets, facts), facts)
    table = goals.with_status(united, processed.rankings(processed_dir))
    return validate_tables({"goals": table})["goals"]


def write(table: pd.DataFrame, out_dir: Path | None = None) -> list[Path]:
    """Write data/processed/goals.csv atomically."""
    return write_tables(Path(out_dir or config.PROCESSED_DIR), {"goals": table})
