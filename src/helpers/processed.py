"""Reading the processed tables back, light enough for every report to import."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config


def rankings(processed_dir: Path | None = None) -> pd.DataFrame:
    """Read the clean dti_rankings table written by 10-clean-rankings, with its types."""
    path = Path(processed_dir or config.PROCESSED_DIR) / "dti_rankings.csv"
    if not path.exists():
        shown = path.relative_to(config.ROOT) if path.is_relative_to(config.ROOT) else path
        raise FileNotFoundError(f"{shown} is missing: run notebooks/10-clean-rankings.ipynb "
                                "first (make data)")
    frame = pd.read_csv(path, dtype={"province_code": str, "source_ref": str})
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def complete_years(ranked: pd.DataFrame, basis: int) -> list[int]:
    """Return the years in which every province (basis 63) or unit (34) has an overall rank."""
    overall = ranked[(ranked["basis"] == basis) & (ranked["measure"] == "overall")
                     & ranked["rank"].notna()]
    counts = overall.groupby("year")["province_code"].nunique()
    return sorted(int(year) for year in counts[counts == basis].index)


def latest_year(ranked: pd.DataFrame) -> int:
    """Return the latest assessment year complete on either basis (63 or 34)."""
    years = complete_years(ranked, 63) + complete_years(ranked, 34)
    if not years:
        raise ValueError("the clean rankings hold no complete year on either basis")
    return max(years)


def latest_complete_year(ranked: pd.DataFrame, basis: int = 63) -> int:
    """Return the latest year in which every province (or unit) of a basis has an overall rank."""
    years = complete_years(ranked, basis)
    if not years:
        raise ValueError(f"the clean rankings hold no complete year on the {basis} basis")
    return years[-1]


def lookup(ranked: pd.DataFrame, code: str, basis: int, year: int, measure: str,
           column: str = "rank") -> object | None:
    """Return one value of the clean table (a rank by default), or None when there is none."""
    rows = ranked[(ranked["province_code"] == code) & (ranked["basis"] == basis)
                  & (ranked["year"] == year) & (ranked["measure"] == measure)]
    if rows.empty or pd.isna(rows[column].iloc[0]):
        return None
    value = rows[column].iloc[0]
    return int(value) if column == "rank" else value


def standing_for(ranked: pd.DataFrame, code: str, year: int) -> tuple[str, int] | None:
    """Return the (code, basis) whose overall rank stands for a province or unit in a year.

    A province's own rank on the 63 basis when there is one; else, in a year published for the
    34 units only, its unit's rank (to be labelled as the unit's); None when neither exists.
    """
    from . import provinces  # only when asked: reports that never need it stay light

    candidates = [(code, 34)] if code.startswith("U") else [(code, 63),
                                                           (provinces.unit_of(code), 34)]
    for candidate, basis in candidates:
        if lookup(ranked, candidate, basis, year, "overall") is not None:
            return candidate, basis
    return None
