"""The 34 units: rank ranges built as the ministry builds a unit, and a forecast for DTI 2025.

From DTI 2025 on only the 34 units (2025 mergers) are published. A unit's score is the
unweighted mean of its predecessors' scores (as the ministry computes it; the project checks
this against the published 2024 unit scores). So a unit is simulated at the predecessor level:
each predecessor's score from the model given last year's score (``helpers.model.conditional``,
without the blocks: they lack values for some predecessors and add little to last year's
score), parameter and residual uncertainty, one parameter draw shared by all; the unit's score
is the mean of its predecessors' draws, and the 34 units are re-ranked together in each draw.

- ``check``: fitted on the pairs before a year the 34 units are published for, predicting that
  year's unit ranks: coverage of the 80 % and 95 % ranges (binomial band), width, PIT.
- ``forecast``: fitted on every pair, each unit's 80 % and 95 % rank range for the next year,
  with the date and commit it was made from. Once that year's 34-unit table exists the forecast
  is no longer made (the file written before is never rewritten); ``score`` scores it instead.
- ``keep``: the forecast is kept in ``data/forecasts/`` (beside data/processed, committed, not
  removed by ``make clean``): written when absent or when its ranges change before its year is
  published, its date and commit kept otherwise; never written once that year is published.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from .. import gitinfo, provinces
from ..store import write_csv_atomic
from .conditional import (
    CHECK_COLUMNS,
    LEVELS,
    PREVIOUS,
    _rng,
    at_year,
    fit,
    metrics,
    parameter_draws,
    with_pairs,
    with_pit,
)
from .intervals import simulated_ranks

FORECAST_COLUMNS = ["code", "name_vi", "year", "n_units", "predecessors", "rank_mid",
                    "rank_low80", "rank_high80", "rank_low95", "rank_high95", "from_year",
                    "made_on", "commit"]


def _unit_draws(scores: pd.DataFrame, draws: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Return the unit codes and their simulated scores: the mean of their predecessors'."""
    crosswalk = scores["code"].map(provinces.provinces()["unit_code"])
    codes = sorted(crosswalk.dropna().unique())
    held = {u: np.flatnonzero((crosswalk == u).to_numpy()) for u in codes}
    return codes, np.stack([draws[held[u]].mean(axis=0) for u in codes])


def _simulate(train: pd.DataFrame, test: pd.DataFrame, as_year: int, n_sim: int,
              rng: np.random.Generator) -> np.ndarray:
    """Simulate the test rows' scores (rows × draws) from the model given last year's score."""
    fitted = fit(train, [])
    betas, sigma = parameter_draws(at_year(fitted, as_year), n_sim, rng)
    mu = fitted.design(test, as_year) @ betas.T
    return mu + rng.standard_normal(mu.shape) * sigma[None, :]


def _ranges(ranks: np.ndarray) -> pd.DataFrame:
    """Return the median and the 80 % and 95 % ranges of simulated ranks (rows × draws)."""
    out = {"rank_mid": np.rint(np.median(ranks, axis=1)).astype(int)}
    for level in LEVELS:
        tail, tag = (1 - level) / 2, int(round(level * 100))
        out[f"rank_low{tag}"] = np.rint(np.quantile(ranks, tail, axis=1)).astype(int)
        out[f"rank_high{tag}"] = np.rint(np.quantile(ranks, 1 - tail, axis=1)).astype(int)
    return pd.DataFrame(out)


def _published(rankings: pd.DataFrame, year: int) -> pd.Series:
    """Return the published overall unit ranks of a year (unit code -> rank)."""
    rows = rankings[(rankings["basis"] == 34) & (rankings["year"] == year)
                    & (rankings["measure"] == "overall")].dropna(subset=["rank"])
    return rows.set_index("province_code")["rank"].astype(int)


def check(frame: pd.DataFrame, rankings: pd.DataFrame, years: list[int], break_year: int,
          seed: int = 20221, n_sim: int = 4096) -> pd.DataFrame:
    """Fit on the earlier pairs, predict the 34 units' ranks of each year they are published."""
    pairs = with_pairs(frame[frame["year"].isin(years)], break_year).dropna(
        subset=["score", PREVIOUS])
    rows = []
    for year in sorted(int(y) for y in pairs["year"].unique()):
        observed = _published(rankings, year)
        train, test = pairs[pairs["year"] < year], pairs[pairs["year"] == year]
        if observed.empty or train.empty:
            continue
        rng = _rng(seed, year, 34)
        codes, draws = _unit_draws(test.reset_index(drop=True),
                                   _simulate(train, test, year, n_sim, rng))
        ranks = simulated_ranks(draws)
        held = observed.reindex(codes)
        keep = held.notna().to_numpy()
        table = _ranges(ranks[keep])
        obs = held[keep].astype(int).to_numpy()
        table["p_at_or_above"] = (ranks[keep] <= obs[:, None]).mean(axis=1)
        table["p_at_or_below"] = (ranks[keep] >= obs[:, None]).mean(axis=1)
        scored = with_pit(table, rng)
        spans = sorted(f"{y - 1}->{y}" for y in train["year"].unique())
        rows.append({"check": "34 units, out of sample (later year)", "train": ", ".join(spans),
                     "test_year": year, "predictor": "given last year's score, units as means "
                     "of their predecessors", **metrics(scored, obs)})
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def forecast(frame: pd.DataFrame, years: list[int], break_year: int, seed: int = 20221,
             n_sim: int = 4096) -> pd.DataFrame:
    """Return each unit's 80 % and 95 % rank range for the year after the last model year."""
    pairs = with_pairs(frame[frame["year"].isin(years)], break_year).dropna(
        subset=["score", PREVIOUS])
    last = max(years)
    start = frame[(frame["year"] == last)].dropna(subset=["score"])
    start = start.assign(**{PREVIOUS: start["score"], "year": last + 1,
                            "after": float(last + 1 >= break_year)}).reset_index(drop=True)
    rng = _rng(seed, last + 1, 34)
    codes, draws = _unit_draws(start, _simulate(pairs, start, last, n_sim, rng))
    table = _ranges(simulated_ranks(draws))
    units = provinces.units()
    table.insert(0, "code", codes)
    table.insert(1, "name_vi", [units.loc[c, "name_vi"] for c in codes])
    table.insert(2, "year", last + 1)
    table.insert(3, "n_units", len(codes))
    table.insert(4, "predecessors", [int((start["code"].map(provinces.provinces()["unit_code"])
                                          == c).sum()) for c in codes])
    table["from_year"] = last
    table["made_on"] = dt.date.today().isoformat()
    table["commit"] = gitinfo.commit()
    return table[FORECAST_COLUMNS]


def score(saved: pd.DataFrame, rankings: pd.DataFrame) -> pd.DataFrame:
    """Score a saved forecast against the published unit ranks of its year (coverage, PIT)."""
    year = int(saved["year"].iloc[0])
    observed = _published(rankings, year).reindex(saved["code"])
    keep = observed.notna().to_numpy()
    rows = saved[keep].reset_index(drop=True)
    obs = observed[keep].astype(int).to_numpy()
    inside = {tag: float(((rows[f"rank_low{tag}"] <= obs) & (obs <= rows[f"rank_high{tag}"]))
                         .mean()) for tag in (80, 95)}
    return pd.DataFrame([{"year": year, "n": int(keep.sum()), "coverage80": inside[80],
                          "coverage95": inside[95], "made_on": saved["made_on"].iloc[0],
                          "commit": saved["commit"].iloc[0]}])


def forecast_tables(frame: pd.DataFrame, rankings: pd.DataFrame, years: list[int],
                    break_year: int, saved: pd.DataFrame | None, seed: int = 20221
                    ) -> dict[str, pd.DataFrame]:
    """Return the forecast to write, or, once its year is published, only its score."""
    target = max(years) + 1
    if not _published(rankings, target).empty:
        if saved is None or saved.empty:
            return {}
        return {f"forecast_{target}_score": score(saved, rankings)}
    made = forecast(frame, years, break_year, seed)
    return {f"forecast_{target}": saved if same_ranges(made, saved) else made}



#: The columns that make a forecast what it is (not when or from which commit it was made).
RANGE_KEY = ["code", "year", "n_units", "predecessors", "rank_mid", "rank_low80", "rank_high80",
             "rank_low95", "rank_high95", "from_year"]


def kept_dir(model_dir: Path) -> Path:
    """Return where forecasts are kept: ``forecasts/`` beside the processed folder (data/)."""
    return Path(model_dir).parent.parent / "forecasts"


def read_kept(model_dir: Path, year: int) -> pd.DataFrame | None:
    """Return the forecast of a year as kept (or, before it was kept, as last written)."""
    for folder in (kept_dir(model_dir), Path(model_dir)):
        path = folder / f"forecast_{year}.csv"
        if path.exists():
            return pd.read_csv(path, dtype={"code": str, "commit": str})
    return None


def same_ranges(made: pd.DataFrame, saved: pd.DataFrame | None) -> bool:
    """Return whether a forecast just made has the ranges of the one saved before."""
    if saved is None or saved.empty or list(saved.columns) != list(made.columns):
        return False
    key = [c for c in RANGE_KEY if c in made.columns]
    left = made[key].astype(str).reset_index(drop=True)
    return left.equals(saved[key].astype(str).reset_index(drop=True))


def keep(table: pd.DataFrame, folder: Path) -> Path | None:
    """Keep a forecast in ``folder`` unless the same ranges are kept there; return the path
    written (None when nothing changed)."""
    year = int(table["year"].iloc[0])
    path = Path(folder) / f"forecast_{year}.csv"
    saved = pd.read_csv(path, dtype={"code": str, "commit": str}) if path.exists() else None
    if same_ranges(table, saved):
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_csv_atomic(path, table)
    return path
