"""The DTI forecast of a 2025 unit (model/forecast_<year>.csv): its words and its range.

The model stage writes each unit's 80 % and 95 % rank range for the next assessment, with the
date and commit it was made from (helpers.model.units.forecast); a unit page and the index show
that range as written, never a single predicted rank.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .words import table

#: The forecast table, relative to the processed folder (a cache input of every report page).
FILE = "model/forecast_2025.csv"

#: Words of the forecast paragraph by language ({low80} etc. are ordinals, {n} the units).
WORDS: dict[str, dict[str, str]] = table("FORECAST")


def read(processed_dir: Path) -> pd.DataFrame:
    """Read the forecast table of a processed folder (empty when the model has not written it)."""
    path = Path(processed_dir) / FILE
    return pd.read_csv(path, dtype={"code": str}) if path.exists() else pd.DataFrame()


def unit_range(table: pd.DataFrame, code: str, page_year: int) -> dict | None:
    """Return a unit's forecast row (ranks as ints, date and commit), or None (also once the
    page shows the forecast's year itself: the model stage scores it then)."""
    if table.empty or "code" not in table.columns or year_of(table) <= page_year:
        return None
    hit = table[table["code"].astype(str) == code]
    if hit.empty:
        return None
    row = hit.iloc[0]
    ranks = {c: int(row[c]) for c in ("rank_low80", "rank_high80", "rank_low95", "rank_high95")}
    return {**ranks, "year": int(row["year"]), "n": int(row["n_units"]),
            "from_year": int(row["from_year"]), "made_on": str(row["made_on"]),
            "commit": str(row["commit"]), "words": WORDS}


def index_cells(table: pd.DataFrame, index_year: int) -> dict[str, dict]:
    """Return each unit's 80 % forecast range for the index (text "8–24", low end), by code
    (none once the index shows the forecast's year)."""
    if table.empty or "code" not in table.columns or year_of(table) <= index_year:
        return {}
    return {str(r.code): {"text": f"{int(r.rank_low80)}–{int(r.rank_high80)}",
                          "low": int(r.rank_low80)} for r in table.itertuples()}


def year_of(table: pd.DataFrame) -> int | None:
    """Return the year a forecast table is for (None when there is none)."""
    return None if table.empty or "year" not in table.columns else int(table["year"].iloc[0])
