"""The 34 units: ranges from simulated predecessors, a forecast made once and scored later.

Scores here are simulated (synthetic data, in tests only) on the real 63 provinces' codes, so
the real 2025 crosswalk forms the 34 units.
"""

import numpy as np
import pandas as pd

from helpers import provinces
from helpers.model import units
from helpers.model.stage import Results, write

CODES = sorted(provinces.provinces()["code"])


def panel(seed: int, years=(2022, 2023, 2024), slope: float = 0.8) -> pd.DataFrame:
    """An AR(1) panel of overall scores on the real province codes."""
    rng = np.random.default_rng(seed)
    score = 0.6 + 0.08 * rng.normal(size=len(CODES))
    rows = []
    for k, year in enumerate(years):
        if k:
            score = 0.6 * (1 - slope) + slope * score + rng.normal(scale=0.03, size=len(CODES))
        rows.append(pd.DataFrame({"code": CODES, "year": year, "score": score}))
    return pd.concat(rows, ignore_index=True)


def unit_table(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """A 34-unit rankings table built as the ministry does: the mean of the predecessors."""
    rows = frame[frame["year"] == year].assign(
        unit=lambda f: f["code"].map(provinces.provinces()["unit_code"]))
    means = rows.groupby("unit")["score"].mean()
    return pd.DataFrame({"province_code": means.index, "basis": 34, "year": year,
                         "measure": "overall", "score": means.to_numpy(),
                         "rank": means.rank(ascending=False, method="min").astype(int)})


def test_units_built_from_simulated_predecessors_cover_their_published_ranks():
    shares = []
    for seed in range(3):
        data = panel(seed)
        table = units.check(data, unit_table(data, 2024), [2022, 2023, 2024], 2024, n_sim=1024)
        row = table.iloc[0]
        assert row["n"] == 34 and row["test_year"] == 2024
        assert row["band80_low"] < 0.8 < row["band80_high"]
        shares.append(row["coverage80"])
    assert 0.65 <= np.mean(shares) <= 0.95


def test_the_forecast_is_made_once_and_only_scored_once_its_year_is_published(tmp_path):
    data = panel(5)
    before = units.forecast_tables(data, unit_table(data, 2024), [2022, 2023, 2024], 2024,
                                   saved=None)
    saved = before["forecast_2025"]
    assert len(saved) == 34 and set(saved["year"]) == {2025}
    assert saved["made_on"].str.match(r"^\d{4}-\d{2}-\d{2}$").all() and saved["commit"].all()
    write(Results(before, []), tmp_path)
    path = tmp_path / "forecast_2025.csv"
    written = path.read_bytes()

    invented = panel(5, years=(2022, 2023, 2024, 2025))  # DTI 2025 is added to data/raw
    published = pd.concat([unit_table(invented, 2024), unit_table(invented, 2025)])
    after = units.forecast_tables(data, published, [2022, 2023, 2024], 2024,
                                  saved=pd.read_csv(path, dtype={"code": str, "commit": str}))
    assert "forecast_2025" not in after  # never made again once 2025 exists
    scored = after["forecast_2025_score"].iloc[0]
    assert scored["n"] == 34 and 0.0 <= scored["coverage80"] <= scored["coverage95"] <= 1.0
    write(Results(after, []), tmp_path)
    assert path.read_bytes() == written
    assert (tmp_path / "forecast_2025_score.csv").exists()
