"""Validation before interpretation: fit on earlier years, predict the next, against persistence.

Splits are derived from the model years: each year after the first is predicted from all
years before it (2022 -> 2023, 2022-2023 -> 2024). Predictors:
- ``persistence``: last year's score, and so last year's order (rank among the same provinces);
- ``fundamentals``: the blocks, fitted on the training years with year effects;
- ``persistence + fundamentals``: last year's score and the blocks, fitted on the training
  years that have a previous year (so only from the second split on).
Every predicted rank counts the test year's modelled provinces only, as does the observed rank.
A point prediction is the fitted value X beta_hat (the simulated draws serve the intervals only,
so the point metrics carry no Monte Carlo noise).
Metrics: Spearman's rho (predicted against observed score), mean absolute rank error (places),
coverage of the simulated 80 % rank interval; each with a bootstrap 95 % interval (resampling
provinces), and the gain in mean absolute error over persistence with its interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .estimation import complete, rank_within
from .intervals import draw_scores, simulated_ranks, summarise

PERSISTENCE = "persistence (last year's score and rank)"
FUNDAMENTALS = "fundamentals (blocks)"
BOTH = "persistence + fundamentals"
COLUMNS = ["train_years", "test_year", "predictor", "n", "rho", "rho_low", "rho_high", "mae",
           "mae_low", "mae_high", "coverage80", "coverage80_low", "coverage80_high",
           "mae_gain", "mae_gain_low", "mae_gain_high"]


def with_previous(frame: pd.DataFrame) -> pd.DataFrame:
    """Add each province's score in the year before (NaN when that year is not held)."""
    previous = frame[["code", "year", "score"]].assign(year=lambda f: f["year"] + 1)
    return frame.merge(previous.rename(columns={"score": "previous_score"}),
                       on=["code", "year"], how="left")


def _designs(train: pd.DataFrame, test: pd.DataFrame, columns: list[str]
             ) -> tuple[np.ndarray, np.ndarray]:
    """Return the training and test designs of score ~ columns + training-year effects."""
    mean, sd = train[columns].mean(), train[columns].std(ddof=0)
    years = sorted(train["year"].unique())

    def design(rows: pd.DataFrame, as_year: pd.Series) -> np.ndarray:
        z = ((rows[columns] - mean) / sd).to_numpy(float)
        dummies = np.column_stack([(as_year == y).to_numpy(float) for y in years[1:]]) \
            if len(years) > 1 else np.empty((len(rows), 0))
        return np.column_stack([np.ones(len(rows)), z, dummies])

    # the test year takes the latest training year's level
    return design(train, train["year"]), design(test, pd.Series(years[-1], index=test.index))


def _fit_draws(train: pd.DataFrame, test: pd.DataFrame, columns: list[str], n_sim: int,
               rng: np.random.Generator) -> np.ndarray:
    """Fit score ~ columns + training-year effects; simulate the test year's scores."""
    x_train, x_test = _designs(train, test, columns)
    return draw_scores(x_train, train["score"].to_numpy(float), x_test, n_sim, rng)


def _fit_point(train: pd.DataFrame, test: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Return the fitted values X beta_hat of the test year (no Monte Carlo noise)."""
    x_train, x_test = _designs(train, test, columns)
    return x_test @ np.linalg.lstsq(x_train, train["score"].to_numpy(float), rcond=None)[0]


def _predictions(train: pd.DataFrame, test: pd.DataFrame, blocks: list[str], n_sim: int,
                 rng: np.random.Generator) -> dict[str, tuple[np.ndarray, np.ndarray | None]]:
    """Return, per predictor, the point scores and (if estimable) simulated scores."""
    out: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
    paired = complete(train, ["previous_score", "score"])
    persistence_draws = None
    if len(paired) > 5:
        persistence_draws = _fit_draws(paired, test, ["previous_score"], n_sim, rng)
    out[PERSISTENCE] = (test["previous_score"].to_numpy(float), persistence_draws)
    out[FUNDAMENTALS] = (_fit_point(train, test, blocks),
                         _fit_draws(train, test, blocks, n_sim, rng))
    if len(paired) > len(blocks) + 5:
        both = ["previous_score", *blocks]
        out[BOTH] = (_fit_point(paired, test, both), _fit_draws(paired, test, both, n_sim, rng))
    return out


def _metrics(predicted: np.ndarray, observed: np.ndarray, inside: np.ndarray | None,
             idx: np.ndarray) -> np.ndarray:
    """Return rho, mean absolute rank error and coverage for each row of resampled indices."""
    p, o = predicted[idx], observed[idx]
    rp, ro = stats.rankdata(p, axis=1), stats.rankdata(o, axis=1)
    rp -= rp.mean(axis=1, keepdims=True)
    ro -= ro.mean(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        rho = (rp * ro).sum(axis=1) / np.sqrt((rp ** 2).sum(axis=1) * (ro ** 2).sum(axis=1))
    errors = np.abs(stats.rankdata(-p, method="min", axis=1)
                    - stats.rankdata(-o, method="min", axis=1)).mean(axis=1)
    covered = inside[idx].mean(axis=1) if inside is not None else np.full(len(idx), np.nan)
    return np.column_stack([rho, errors, covered])


def out_of_sample(frame: pd.DataFrame, years: list[int], blocks: list[str], n_sim: int = 1000,
                  n_boot: int = 1000, seed: int = 20221) -> pd.DataFrame:
    """Return the validation table: one row per split and predictor, metrics with 95 % CIs."""
    rng = np.random.default_rng(seed)
    framed = with_previous(frame)
    rows = []
    for i, test_year in enumerate(years[1:], start=1):
        train_years = years[:i]
        train = complete(framed[framed["year"].isin(train_years)], ["score", *blocks])
        test = complete(framed[framed["year"] == test_year],
                        ["score", "previous_score", *blocks]).reset_index(drop=True)
        observed = test["score"].to_numpy(float)
        observed_rank = rank_within(test["score"]).to_numpy()
        boot = rng.integers(0, len(test), size=(n_boot, len(test)))
        results = {}
        for name, (point, draws) in _predictions(train, test, blocks, n_sim, rng).items():
            inside = None
            if draws is not None:
                table = summarise(simulated_ranks(draws), draws, observed_rank)
                inside = ~table["outside80"].to_numpy()
            estimate = _metrics(point, observed, inside, np.arange(len(test))[None, :])[0]
            replicates = _metrics(point, observed, inside, boot)
            results[name] = (estimate, replicates)
        base = results[PERSISTENCE][1][:, 1]
        for name, (estimate, replicates) in results.items():
            ci = np.percentile(replicates, [2.5, 97.5], axis=0)  # NaN: no interval
            gain = base - replicates[:, 1]
            rows.append({
                "train_years": "-".join(str(y) for y in (train_years[0], train_years[-1]))
                if len(train_years) > 1 else str(train_years[0]),
                "test_year": test_year, "predictor": name, "n": len(test),
                "rho": estimate[0], "rho_low": ci[0, 0], "rho_high": ci[1, 0],
                "mae": estimate[1], "mae_low": ci[0, 1], "mae_high": ci[1, 1],
                "coverage80": estimate[2],
                "coverage80_low": ci[0, 2], "coverage80_high": ci[1, 2],
                "mae_gain": results[PERSISTENCE][0][1] - estimate[1],
                "mae_gain_low": np.percentile(gain, 2.5),
                "mae_gain_high": np.percentile(gain, 97.5)})
    return pd.DataFrame(rows, columns=COLUMNS)


def verdict(table: pd.DataFrame) -> str:
    """Say in one sentence what the fundamentals add to persistence out of sample."""
    if table.empty:
        return "Out-of-sample validation needs at least two model years; none was run."
    parts, beats = [], False
    for row in table[table["predictor"] == FUNDAMENTALS].itertuples():
        base = table[(table["test_year"] == row.test_year)
                     & (table["predictor"] == PERSISTENCE)].iloc[0]
        parts.append(f"{row.train_years} -> {row.test_year}: {row.mae:.1f} places against "
                     f"{base.mae:.1f} for last year's rank (gain {row.mae_gain:+.1f}, 95% CI "
                     f"{row.mae_gain_low:+.1f} to {row.mae_gain_high:+.1f})")
        beats = beats or row.mae_gain_low > 0
    both = table[table["predictor"] == BOTH]
    extra = "".join(
        f"; persistence + fundamentals {r.mae:.1f} places (gain {r.mae_gain:+.1f}, 95% CI "
        f"{r.mae_gain_low:+.1f} to {r.mae_gain_high:+.1f}) in {r.test_year}"
        for r in both.itertuples())
    lead = ("Out of sample the fundamentals predict the next year's rank better than "
            "persistence" if beats else "Out of sample the fundamentals add nothing reliable "
            "to last year's rank")
    return f"{lead} (mean absolute rank error, {'; '.join(parts)}{extra})."
