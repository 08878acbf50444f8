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


def latest_complete_year(ranked: pd.DataFrame, basis: int = 63) -> int:
    """Return the latest year in which every province (or unit) has an overall rank."""
    overall = ranked[(ranked["basis"] == basis) & (ranked["measure"] == "overall")
                     & ranked["rank"].notna()]
    counts = overall.groupby("year")["province_code"].nunique()
    return int(counts[counts == basis].index.max())
