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
    model_dir = tmp_path / "processed" / "model"
    write(Results(before, []), model_dir)
    path = model_dir / "forecast_2025.csv"
    written = path.read_bytes()

    invented = panel(5, years=(2022, 2023, 2024, 2025))  # DTI 2025 is added to data/raw
    published = pd.concat([unit_table(invented, 2024), unit_table(invented, 2025)])
    after = units.forecast_tables(data, published, [2022, 2023, 2024], 2024,
                                  saved=pd.read_csv(path, dtype={"code": str, "commit": str}))
    assert "forecast_2025" not in after  # never made again once 2025 exists
    scored = after["forecast_2025_score"].iloc[0]
    assert scored["n"] == 34 and 0.0 <= scored["coverage80"] <= scored["coverage95"] <= 1.0
    write(Results(after, []), model_dir)
    assert path.read_bytes() == written
    assert (model_dir / "forecast_2025_score.csv").exists()


def test_the_forecast_is_kept_beside_the_processed_folder_and_survives_make_clean(tmp_path):
    import shutil
    import subprocess

    from helpers import config

    data = panel(6)
    model_dir = tmp_path / "processed" / "model"
    made = units.forecast_tables(data, unit_table(data, 2024), [2022, 2023, 2024], 2024,
                                 saved=None)
    write(Results(made, []), model_dir)
    kept = tmp_path / "forecasts" / "forecast_2025.csv"
    assert kept.exists() and units.kept_dir(model_dir) == tmp_path / "forecasts"
    written = kept.read_bytes()
    shutil.rmtree(tmp_path / "processed")  # what `make clean` does to data/processed
    saved = units.read_kept(model_dir, 2025)
    assert saved is not None and len(saved) == 34
    # made again from the same data: the same ranges, so the kept date and commit stay
    saved.loc[:, "commit"] = "abc1234"
    saved.to_csv(kept, index=False)
    again = units.forecast_tables(data, unit_table(data, 2024), [2022, 2023, 2024], 2024,
                                  saved=units.read_kept(model_dir, 2025))["forecast_2025"]
    assert set(again["commit"]) == {"abc1234"}
    write(Results({"forecast_2025": again}, []), model_dir)
    assert set(pd.read_csv(kept, dtype={"commit": str})["commit"]) == {"abc1234"}
    # other ranges before 2025 is published: a new forecast, kept with its own date and commit
    moved = units.forecast_tables(panel(7), unit_table(panel(7), 2024), [2022, 2023, 2024],
                                  2024, saved=units.read_kept(model_dir, 2025))["forecast_2025"]
    assert not units.same_ranges(moved, units.read_kept(model_dir, 2025))
    assert units.keep(moved, units.kept_dir(model_dir)) == kept and kept.read_bytes() != written
    # `make clean` leaves data/forecasts alone
    if shutil.which("make"):
        plan = subprocess.run(["make", "-n", "clean"], cwd=config.ROOT, capture_output=True,
                              text=True, check=True).stdout
        assert "data/processed" in plan and "forecasts" not in plan
    assert not units.kept_dir(config.PROCESSED_DIR / "model").is_relative_to(
        config.PROCESSED_DIR)


def test_once_its_year_is_published_the_kept_forecast_is_scored_and_never_rewritten(tmp_path):
    data = panel(8)
    model_dir = tmp_path / "processed" / "model"
    write(Results(units.forecast_tables(data, unit_table(data, 2024), [2022, 2023, 2024], 2024,
                                        saved=None), []), model_dir)
    kept = tmp_path / "forecasts" / "forecast_2025.csv"
    written = kept.read_bytes()
    invented = panel(9, years=(2022, 2023, 2024, 2025))  # an invented DTI 2025 table
    published = pd.concat([unit_table(invented, 2024), unit_table(invented, 2025)])
    other = panel(10)  # even a model frame that would give other ranges
    after = units.forecast_tables(other, published, [2022, 2023, 2024], 2024,
                                  saved=units.read_kept(model_dir, 2025))
    assert set(after) == {"forecast_2025_score"}
    write(Results(after, []), model_dir)
    assert kept.read_bytes() == written
    assert (model_dir / "forecast_2025_score.csv").exists()
