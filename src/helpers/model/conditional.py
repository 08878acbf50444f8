"""Given where it started: this year's score on last year's score and the blocks, as rank ranges.

Model (one row per province and year pair t-1 -> t): score_t = a_t + b * score_{t-1}
+ b_2024 * score_{t-1} * [t >= 2024] + development + governance + e. The slope on the previous
score may differ from the 2024 method change on: ``b`` is estimated on the pairs before it
(2022 -> 2023), ``b + b_2024`` on the pairs from it on (2023 -> 2024). Blocks are standardized
over the fitted rows; the previous score stays on its 0-1 scale, so ``b`` is a slope of
score on score.

Each year pair has its own residual variance (moves grew after the 2024 method change: on the
shipped data the 2023->2024 residual variance is 2.9 times that of 2022->2023, Levene
p < 0.001), the fit weighted by their inverse; a year is simulated with its own variance (a
year not fitted, with the latest). One variance for both pairs made the 2023 ranges too wide
(90 % inside the 80 % range, above its binomial band) and the 2024 ones too narrow.

A province's range in a year comes from a fit that leaves the province out (all its rows).
Its rank is simulated with parameter uncertainty (sigma² ~ s² df / chi²(df), beta | sigma ~
N(beta_hat, sigma² (X'X)⁻¹), drawn as a scrambled Sobol sequence) and residual uncertainty,
all provinces re-ranked together. The residual part is integrated, not sampled: given the
parameters and the province's own residual (Gauss-Hermite nodes), the number of provinces above
it is a sum of independent Bernoulli variables whose distribution is computed exactly (Poisson-
binomial recursion). So a province's rank distribution carries Monte Carlo error only from the
parameter draws, which is small; its standard error is reported, and a verdict whose tail
probability cannot be told apart from 0.10 within that error is "at the edge of" the range.

The rank change is last year's rank (among the same provinces) minus this year's: positive is
a move up. Ranges of the change are the rank ranges seen from last year's rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from scipy import special, stats
from scipy.stats import qmc
from statsmodels.regression.linear_model import OLS

from .estimation import complete, rank_within
from .intervals import simulated_ranks
from .repeated import pair_correlations
from .validation import _fit_draws

LEVELS = (0.80, 0.95)
#: A tail probability at or below this is outside the 80 % range (each side).
TAIL = 0.10
#: Width of the Monte Carlo interval of a tail probability (normal quantile, 95 %).
EDGE_Z = 1.96
#: Parameter draws (a power of two: a Sobol sequence) and residual quadrature nodes: with 128
#: and 24, no verdict of the shipped data changes over 10 seeds (64 draws: 1 did, a tail
#: probability of 0.113 on the edge boundary 0.10 + 1.96 s.e.; 32 draws: 2 did; 12 nodes miss
#: tail probabilities by up to 0.014). Cost: about 4 s for the two years' 126 fits.
N_PARAMETERS = 128
N_NODES = 24
#: A province above (or below) another with probability beyond 1 - FLOOR in every draw is
#: counted as certainly so (an error of at most FLOOR per province in any probability).
FLOOR = 1e-7
PREVIOUS = "previous_score"
CHANGE = "previous_x_after"
VERDICTS = ("above", "edge_above", "inside", "edge_below", "below")
#: The columns of the ranges table (model/conditional.csv, before names are added).
COLUMNS = ["code", "year", "observed_rank", "previous_rank", "rank_mid", "rank_low80",
           "rank_high80", "rank_low95", "rank_high95", "p_at_or_above", "p_at_or_below",
           "p_mc_se", "pit", "verdict", "direction", "outside95", "change_low80",
           "change_high80", "change_low95", "change_high95", "observed_change", "pair",
           "previous_score", "observed_score", "n_model", "fit", "verdict_in_sample"]
#: The columns of the validation table (model/conditional_validation.csv).
CHECK_COLUMNS = ["check", "train", "test_year", "predictor", "n", "coverage80", "band80_low",
                 "band80_high", "median_width80", "coverage95", "band95_low", "band95_high",
                 "median_width95", "in_band80", "pit_ks_p"]


def with_pairs(frame: pd.DataFrame, break_year: int) -> pd.DataFrame:
    """Return the rows with last year's score, marked before/after the method change."""
    previous = frame[["code", "year", "score"]].assign(year=lambda f: f["year"] + 1)
    out = frame.merge(previous.rename(columns={"score": PREVIOUS}), on=["code", "year"],
                      how="inner")
    out["after"] = (out["year"] >= break_year).astype(float)
    out[CHANGE] = out[PREVIOUS] * out["after"]
    return out


@dataclass(frozen=True)
class Fitted:
    """A least-squares fit of the conditional model and how to build its design."""

    blocks: tuple[str, ...]
    mean: pd.Series
    sd: pd.Series
    years: tuple[int, ...]
    after_years: tuple[int, ...]
    beta: np.ndarray
    xtx_inv: np.ndarray
    s2: float
    df: int
    variances: tuple[tuple[int, float], ...] = ()

    @property
    def slope_change(self) -> bool:
        """Whether the fitted years lie on both sides of the method change."""
        return 0 < len(self.after_years) < len(self.years)

    @property
    def columns(self) -> tuple[str, ...]:
        """Return the names of the design's columns."""
        return ("const", PREVIOUS, *((CHANGE,) if self.slope_change else ()), *self.blocks,
                *(f"year_{y}" for y in self.years[1:]))

    def design(self, rows: pd.DataFrame, as_year: int | None = None) -> np.ndarray:
        """Return the design of the rows; as_year: a year not fitted takes the latest level."""
        if as_year is None:
            year, after = rows["year"], rows["after"]
        else:
            level = as_year if as_year in self.years else self.years[-1]
            year = pd.Series(level, index=rows.index)
            after = pd.Series(float(level in self.after_years), index=rows.index)
        previous = rows[PREVIOUS].to_numpy(float)
        parts = [np.ones(len(rows)), previous]
        if self.slope_change:
            parts.append(previous * after.to_numpy(float))
        parts += [((rows[b] - self.mean[b]) / self.sd[b]).to_numpy(float) for b in self.blocks]
        parts += [(year == y).to_numpy(float) for y in self.years[1:]]
        return np.column_stack(parts)


def fit(train: pd.DataFrame, blocks: list[str]) -> Fitted:
    """Fit score on previous score (its slope changing at the break if both sides are held)."""
    data = complete(train, ["score", PREVIOUS, *blocks])
    years = tuple(sorted(int(y) for y in data["year"].unique()))
    after_years = tuple(sorted(int(y) for y in data.loc[data["after"] > 0, "year"].unique()))
    mean, sd = data[blocks].mean(), data[blocks].std(ddof=0)
    shell = Fitted(tuple(blocks), mean, sd, years, after_years, np.zeros(1), np.zeros((1, 1)),
                   0.0, 1)
    core = least_squares(shell.design(data), data["score"].to_numpy(float),
                         data["year"].to_numpy(int))
    return Fitted(tuple(blocks), mean, sd, years, after_years, core.beta, core.xtx_inv,
                  core.s2, core.df, core.variances)


@dataclass(frozen=True)
class LeastSquares:
    """What the simulation needs of a fit: estimates, (X'X)⁻¹, residual variance, df, and the
    residual variance of each year (``variances``; empty: one variance for every row)."""

    beta: np.ndarray
    xtx_inv: np.ndarray
    s2: float
    df: int
    variances: tuple[tuple[int, float], ...] = ()


def least_squares(x: np.ndarray, y: np.ndarray, groups: np.ndarray | None = None
                  ) -> LeastSquares:
    """Fit y on x by least squares (raising when there are too few rows).

    ``groups`` (the year of each row): each year gets its own residual variance, estimated from
    the ordinary fit's residuals, and the fit is weighted by their inverse (moves grew after
    the 2024 method change: residual variance 2.9 times that of 2022->2023 on the shipped
    data). With one year this is the ordinary fit.
    """
    n, p = x.shape
    if n <= p + 2:
        raise ValueError(f"{n} rows cannot fit the conditional model's {p} parameters")
    xtx_inv = np.linalg.pinv(x.T @ x)
    beta = xtx_inv @ x.T @ y
    if groups is None:
        return LeastSquares(beta, xtx_inv, float(((y - x @ beta) ** 2).sum() / (n - p)), n - p)
    squared = (y - x @ beta) ** 2
    variances = tuple((int(g), float(squared[groups == g].sum() / ((groups == g).sum() * (n - p)
                                                                    / n)))
                      for g in sorted(set(groups.tolist())))
    weight = 1 / pd.Series(dict(variances)).reindex(groups).to_numpy(float)
    xtwx_inv = np.linalg.pinv(x.T @ (x * weight[:, None]))
    beta = xtwx_inv @ x.T @ (y * weight)
    s2 = float((weight * (y - x @ beta) ** 2).sum() / (n - p))
    return LeastSquares(beta, xtwx_inv, s2, n - p, variances)


def at_year(fitted: LeastSquares | Fitted, year: int) -> LeastSquares:
    """Return the fit as the simulation of one year needs it: that year's residual variance (a
    year not fitted takes the latest year's), the same distribution of the estimates."""
    if not fitted.variances:
        return LeastSquares(fitted.beta, fitted.xtx_inv, fitted.s2, fitted.df)
    held = dict(fitted.variances)
    variance = held.get(year, held[max(held)])
    return LeastSquares(fitted.beta, fitted.xtx_inv / variance, fitted.s2 * variance, fitted.df)


def parameter_draws(fitted: LeastSquares | Fitted, n_draws: int, rng: np.random.Generator
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Return (betas: draws × p, sigmas: draws) from the fit's sampling distribution (Sobol)."""
    p = len(fitted.beta)
    u = qmc.Sobol(d=p + 1, scramble=True, seed=rng).random(n_draws)
    u = np.clip(u, 1e-12, 1 - 1e-12)
    sigma = np.sqrt(fitted.s2 * fitted.df / stats.chi2.ppf(u[:, 0], fitted.df))
    chol = np.linalg.cholesky(fitted.xtx_inv + 1e-12 * np.eye(p))
    betas = fitted.beta[None, :] + (stats.norm.ppf(u[:, 1:]) @ chol.T) * sigma[:, None]
    return betas, sigma


@cache
def _nodes(n_nodes: int) -> tuple[np.ndarray, np.ndarray]:
    """Return Gauss-Hermite nodes and weights for a standard normal expectation (read only)."""
    nodes, weights = np.polynomial.hermite_e.hermegauss(n_nodes)
    weights = weights / weights.sum()
    nodes.flags.writeable = weights.flags.writeable = False
    return nodes, weights


def rank_distribution(mu: np.ndarray, sigma: np.ndarray, target: int, n_nodes: int = N_NODES
                      ) -> np.ndarray:
    """Return P(rank = r) of one row, per parameter draw (draws × rows), all rows re-ranked.

    ``mu``: draws × rows of expected scores; ``sigma``: the residual spread of each draw.
    """
    nodes, weights = _nodes(n_nodes)
    n_draws, m = mu.shape
    own = mu[:, target, None] + sigma[:, None] * nodes[None, :]           # draws × nodes
    others = np.delete(mu, target, axis=1).T                               # (m-1) × draws
    p = special.ndtr((others[:, :, None] - own[None, :, :]) / sigma[None, :, None])
    p = p.reshape(m - 1, n_draws * n_nodes)                            # others × (draws·nodes)
    sure = p.min(axis=1) > 1 - FLOOR             # above it in every draw: shift the count
    unsure = p[~sure & ~(p.max(axis=1) < FLOOR)]
    pmf = np.zeros((m, n_draws * n_nodes), dtype=np.float32)
    start = int(sure.sum())
    pmf[start] = 1.0
    step = np.empty_like(pmf)
    for j, pj in enumerate(unsure.astype(np.float32)):  # Poisson-binomial: how many above it
        top = start + j + 2
        diff = np.subtract(pmf[start:top - 1], pmf[start + 1:top], out=step[:top - start - 1])
        diff *= pj
        pmf[start + 1:top] += diff
        pmf[start] *= 1 - pj
    pmf = pmf.T.astype(float)
    return (pmf.reshape(n_draws, n_nodes, m) * weights[None, :, None]).sum(axis=1)


def quantile_rank(cdf: np.ndarray, q: float) -> int:
    """Return the smallest rank whose cumulative probability exceeds q (ranks from 1)."""
    return int(np.searchsorted(cdf, q + 1e-12, side="right") + 1)


def describe(per_draw: np.ndarray, observed: int) -> dict:
    """Summarise one province's rank distribution (draws × ranks) against its observed rank."""
    pmf = per_draw.mean(axis=0)
    cdf = np.cumsum(pmf)
    out: dict = {"rank_mid": quantile_rank(cdf, 0.5 - 1e-9)}
    for level in LEVELS:
        tail, tag = (1 - level) / 2, int(round(level * 100))
        out[f"rank_low{tag}"] = quantile_rank(cdf, tail)
        out[f"rank_high{tag}"] = min(quantile_rank(cdf, 1 - tail - 1e-9), len(pmf))
    le = per_draw[:, :observed].sum(axis=1)          # P(rank <= observed), per draw
    ge = per_draw[:, observed - 1:].sum(axis=1)      # P(rank >= observed)
    se = (max(float(le.std(ddof=1)), float(ge.std(ddof=1))) / np.sqrt(len(per_draw))
          if len(per_draw) > 1 else 0.0)
    out.update({"p_at_or_above": float(le.mean()), "p_at_or_below": float(ge.mean()),
                "p_mc_se": se,
                "pit": float(pmf[:observed - 1].sum() + 0.5 * pmf[observed - 1])})
    out["verdict"] = verdict(out["p_at_or_above"], out["p_at_or_below"], se)
    out["direction"] = ("above" if out["p_at_or_above"] <= TAIL else
                        "below" if out["p_at_or_below"] <= TAIL else "inside")
    out["outside95"] = min(out["p_at_or_above"], out["p_at_or_below"]) <= (1 - LEVELS[1]) / 2
    return out


def verdict(p_le: float, p_ge: float, se: float, tail: float = TAIL, z: float = EDGE_Z) -> str:
    """Return above / below / inside, or edge_* when the tail probability is within MC error."""
    for p, side in ((p_le, "above"), (p_ge, "below")):
        if p <= tail:
            return f"edge_{side}" if p + z * se > tail else side
    for p, side in ((p_le, "above"), (p_ge, "below")):
        if p - z * se <= tail:
            return f"edge_{side}"
    return "inside"


def _rng(seed: int, *keys: int) -> np.random.Generator:
    """Return a generator for one fit, independent of the order the fits are run in."""
    return np.random.default_rng([seed, *keys])


def year_ranges(pairs: pd.DataFrame, blocks: list[str], year: int, seed: int,
                leave_out: bool = True, n_parameters: int = N_PARAMETERS,
                n_nodes: int = N_NODES) -> pd.DataFrame:
    """Return each province's rank and rank-change ranges in one year (one row per province).

    ``leave_out``: each province's range comes from a fit without any of its rows; otherwise
    from one fit on every row (in sample). The blocks are standardized once over all rows: a
    linear change of units leaves the fitted values and their simulated spread unchanged.
    """
    data = complete(pairs, ["score", PREVIOUS, *blocks]).reset_index(drop=True)
    whole = fit(data, blocks)
    x_all, y_all = whole.design(data), data["score"].to_numpy(float)
    years_all = data["year"].to_numpy(int)
    in_year = (data["year"] == year).to_numpy()
    test = data[in_year].reset_index(drop=True)
    x_test = whole.design(test, year)
    observed = rank_within(test["score"]).to_numpy()
    previous = rank_within(test[PREVIOUS]).to_numpy()
    codes = data["code"].to_numpy()
    rows = []
    everyone = None if leave_out else at_year(least_squares(x_all, y_all, years_all), year)
    for i, code in enumerate(test["code"]):
        keep = codes != code
        fitted = everyone if everyone is not None else at_year(
            least_squares(x_all[keep], y_all[keep], years_all[keep]), year)
        betas, sigma = parameter_draws(fitted, n_parameters, _rng(seed, year, int(code)))
        row = describe(rank_distribution(betas @ x_test.T, sigma, i, n_nodes),
                       int(observed[i]))
        rows.append({"code": code, "observed_rank": int(observed[i]),
                     "previous_rank": int(previous[i]), **row})
    out = pd.DataFrame(rows)
    for level in LEVELS:
        tag = int(round(level * 100))
        out[f"change_low{tag}"] = out["previous_rank"] - out[f"rank_high{tag}"]
        out[f"change_high{tag}"] = out["previous_rank"] - out[f"rank_low{tag}"]
    out["observed_change"] = out["previous_rank"] - out["observed_rank"]
    out.insert(1, "year", year)
    out["pair"] = f"{year - 1}->{year}"
    out["previous_score"] = test[PREVIOUS].to_numpy(float)
    out["observed_score"] = test["score"].to_numpy(float)
    out["n_model"] = len(test)
    out["fit"] = "leave one province out" if leave_out else "all provinces (in sample)"
    return out


def ranges(frame: pd.DataFrame, blocks: list[str], years: list[int], break_year: int,
           seed: int = 20221, **options: int) -> pd.DataFrame:
    """Return the leave-one-province-out ranges of every year with a previous year held."""
    pairs = with_pairs(frame[frame["year"].isin(years)], break_year)
    held = sorted(int(y) for y in pairs["year"].unique())
    tables = [year_ranges(pairs, blocks, year, seed, **options) for year in held]
    return pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()


def coefficients(frame: pd.DataFrame, blocks: list[str], years: list[int], break_year: int,
                 labels: dict[str, str]) -> tuple[pd.DataFrame, dict]:
    """Fit the conditional model on every pair (province-clustered errors); say which pair."""
    pairs = complete(with_pairs(frame[frame["year"].isin(years)], break_year),
                     ["score", PREVIOUS, *blocks]).reset_index(drop=True)
    fitted = fit(pairs, blocks)
    x = pd.DataFrame(fitted.design(pairs), columns=list(fitted.columns))
    result = OLS(pairs["score"].to_numpy(float), x).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(pairs["code"])[0]}, use_t=True)
    spans = sorted(f"{y - 1}->{y}" for y in fitted.years)
    before = [f"{y - 1}->{y}" for y in fitted.years if y not in fitted.after_years]
    after = [f"{y - 1}->{y}" for y in fitted.after_years]
    terms = {PREVIOUS: ("Last year's score (slope)", ", ".join(before or spans), None)}
    if fitted.slope_change:
        terms[CHANGE] = (f"Last year's score: change of slope from {break_year}",
                         ", ".join(after), None)
        terms["slope_after"] = (f"Last year's score (slope from {break_year})", ", ".join(after),
                                f"{PREVIOUS} + {CHANGE} = 0")
    for block in blocks:
        terms[block] = (labels.get(block, block), ", ".join(spans), None)
    rows = []
    for name, (label, period, contrast) in terms.items():
        test = result.t_test(contrast or f"{name} = 0")
        low, high = np.asarray(test.conf_int()).ravel()
        rows.append({"model": "conditional_previous_score", "period": period, "factor": name,
                     "label": label, "coef": float(np.ravel(test.effect)[0]),
                     "se": float(np.ravel(test.sd)[0]), "ci_low": float(low),
                     "ci_high": float(high), "p": float(np.ravel(test.pvalue)[0]),
                     "vif": np.nan, "n": int(result.nobs), "q": np.nan})
    stats_row = {"model": "conditional_previous_score",
                 "period": f"{fitted.years[0] - 1}-{fitted.years[-1]}",
                 "n": int(result.nobs), "r2": result.rsquared, "adj_r2": result.rsquared_adj,
                 "cov_type": "cluster", "factors": ", ".join(fitted.columns[1:]),
                 "p_test": np.nan, "test": ""}
    return pd.DataFrame(rows), stats_row


def residual_correlations(frame: pd.DataFrame, blocks: list[str], years: list[int],
                          break_year: int) -> pd.DataFrame:
    """Correlate each province's residuals of the model given last year's score between pairs.

    The ranges draw each pair's residual independently: right when last year's score carries
    the persistence (an AR(1) in the mean, no province effect left). A positive correlation
    would say a province effect remains; measurement noise in last year's score makes it
    slightly negative.
    """
    pairs = complete(with_pairs(frame[frame["year"].isin(years)], break_year),
                     ["score", PREVIOUS, *blocks]).reset_index(drop=True)
    if pairs["year"].nunique() < 2:
        return pair_correlations(pairs.assign(residual=np.nan).iloc[0:0], GIVEN_MODEL)
    fitted = fit(pairs, blocks)
    residual = pairs["score"].to_numpy(float) - fitted.design(pairs) @ fitted.beta
    return pair_correlations(pairs.assign(residual=residual), GIVEN_MODEL)


GIVEN_MODEL = "given last year's score: score ~ score_t-1 + blocks + year"
CONDITIONAL = "given last year's score (score_t-1 + blocks)"
LEVEL = "fundamentals only (blocks; the current ranges)"
USUAL_MOVE = "last year's rank ± the usual move"


def _pmf_rows(ranks: np.ndarray, m: int) -> np.ndarray:
    """Return each row's rank distribution (rows × ranks 1..m) from simulated ranks."""
    return np.stack([np.bincount(r - 1, minlength=m)[:m] / len(r) for r in ranks])


def _scored(pmfs: list[np.ndarray], observed: np.ndarray, rng: np.random.Generator
            ) -> pd.DataFrame:
    """Return ranges, tail probabilities and a randomized PIT for each province."""
    rows = pd.DataFrame([describe(p, int(o)) for p, o in zip(pmfs, observed, strict=True)])
    return with_pit(rows, rng)


def with_pit(rows: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Add the randomized PIT: P(rank below) + U · P(rank equal), uniform if calibrated."""
    below = 1 - rows["p_at_or_below"]
    equal = (rows["p_at_or_above"] + rows["p_at_or_below"] - 1).clip(lower=0)
    return rows.assign(pit_random=(below + rng.uniform(size=len(rows)) * equal).clip(0, 1))


def band(n: int, level: float, confidence: float = 0.95) -> tuple[float, float]:
    """Return the central binomial band of the share inside an interval of this level."""
    low, high = stats.binom.ppf([(1 - confidence) / 2, (1 + confidence) / 2], n, level)
    return float(low / n), float(high / n)


def metrics(rows: pd.DataFrame, observed: np.ndarray) -> dict:
    """Return coverage (with binomial bands), median widths and the PIT test of ranges."""
    out: dict = {"n": len(rows)}
    for level in LEVELS:
        tag = int(round(level * 100))
        inside = (rows[f"rank_low{tag}"] <= observed) & (observed <= rows[f"rank_high{tag}"])
        out[f"coverage{tag}"] = float(inside.mean())
        out[f"band{tag}_low"], out[f"band{tag}_high"] = band(len(rows), level)
        out[f"median_width{tag}"] = float((rows[f"rank_high{tag}"]
                                           - rows[f"rank_low{tag}"]).median())
    out["in_band80"] = out["band80_low"] <= out["coverage80"] <= out["band80_high"]
    out["pit_ks_p"] = float(stats.kstest(rows["pit_random"], "uniform").pvalue)
    return out


def usual_move(train: pd.DataFrame, test: pd.DataFrame) -> list[np.ndarray]:
    """Rank distributions from last year's rank and the training pairs' rank changes."""
    moves = np.concatenate([(rank_within(g[PREVIOUS]) - rank_within(g["score"])).to_numpy()
                            for _, g in train.groupby("year")])
    m = len(test)
    previous = rank_within(test[PREVIOUS]).to_numpy()
    ranks = np.clip(previous[:, None] - moves[None, :], 1, m).astype(int)
    return list(_pmf_rows(ranks, m)[:, None, :])


def later_year(train: pd.DataFrame, test: pd.DataFrame, blocks: list[str], year: int,
               rng: np.random.Generator, rows: list[int] | None = None) -> list[np.ndarray]:
    """Fit on earlier pairs; return each test row's rank distribution (draws × ranks) in year
    (``rows``: only these test rows', all re-ranked with every row; the same for any rows)."""
    fitted = fit(train, blocks)
    betas, sigma = parameter_draws(at_year(fitted, year), N_PARAMETERS, rng)
    mu = betas @ fitted.design(test, year).T
    return [rank_distribution(mu, sigma, i) for i in (range(len(test)) if rows is None
                                                      else rows)]


def out_of_sample(frame: pd.DataFrame, blocks: list[str], years: list[int], break_year: int,
                  seed: int = 20221, n_sim: int = 2000) -> pd.DataFrame:
    """Fit on earlier pairs, predict a later year: conditional, level and usual-move ranges."""
    pairs = complete(with_pairs(frame[frame["year"].isin(years)], break_year),
                     ["score", PREVIOUS, *blocks])
    levels = complete(frame[frame["year"].isin(years)], ["score", *blocks])
    rows = []
    for year in sorted(int(y) for y in pairs["year"].unique()):
        train = pairs[pairs["year"] < year]
        if train.empty:
            continue
        test = pairs[pairs["year"] == year].reset_index(drop=True)
        observed = rank_within(test["score"]).to_numpy()
        m, rng = len(test), _rng(seed, year)
        conditional = later_year(train, test, blocks, year, rng)
        level_train = levels[levels["year"] < year]
        draws = _fit_draws(level_train, test, blocks, n_sim, rng)
        level = list(_pmf_rows(simulated_ranks(draws), m)[:, None, :])
        spans = sorted(f"{y - 1}->{y}" for y in train["year"].unique())
        for name, pmfs, trained in (
                (CONDITIONAL, conditional, ", ".join(spans)),
                (LEVEL, level, "-".join(map(str, sorted({int(level_train["year"].min()),
                                                           int(level_train["year"].max())})))),
                (USUAL_MOVE, usual_move(train, test), ", ".join(spans))):
            scored = _scored(pmfs, observed, rng)
            rows.append({"check": "out of sample (later year)", "train": trained,
                         "test_year": year, "predictor": name, **metrics(scored, observed)})
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def in_year(table: pd.DataFrame, seed: int = 20221) -> pd.DataFrame:
    """Return the same metrics for the leave-one-province-out ranges of each year."""
    rows = []
    for year, group in table.groupby("year"):
        scored = with_pit(group.reset_index(drop=True), _rng(seed, int(year), 1))
        rows.append({"check": "leave one province out (same year)",
                     "train": "every pair, without the province", "test_year": int(year),
                     "predictor": CONDITIONAL,
                     **metrics(scored, scored["observed_rank"].to_numpy())})
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def table(frame: pd.DataFrame, blocks: list[str], years: list[int], break_year: int,
          seed: int = 20221) -> pd.DataFrame:
    """Return the leave-one-province-out ranges with the in-sample verdict beside each."""
    out = ranges(frame, blocks, years, break_year, seed)
    if out.empty:
        return pd.DataFrame(columns=COLUMNS)
    inside = ranges(frame, blocks, years, break_year, seed, leave_out=False)
    same = inside.set_index(["code", "year"])["verdict"]
    return out.assign(verdict_in_sample=[same.get((c, y), "") for c, y in
                                         zip(out["code"], out["year"], strict=True)])


def _interval(row: pd.Series, digits: int = 2) -> str:
    """Return 'coef (95% CI low to high)' of a coefficient row."""
    return (f"{row['coef']:.{digits}f} (95% CI {row['ci_low']:.{digits}f} to "
            f"{row['ci_high']:.{digits}f})")


def slope_sentence(coefficients: pd.DataFrame) -> str:
    """Say, from the coefficient rows, how much of last year's score carries over, per pair."""
    rows = coefficients[coefficients["model"] == "conditional_previous_score"].set_index("factor")
    if rows.empty:
        return "The model given last year's score needs two consecutive model years; none held."
    parts = [f"{_interval(rows.loc[PREVIOUS])} for {rows.loc[PREVIOUS, 'period']}"]
    if "slope_after" in rows.index:
        parts.append(f"{_interval(rows.loc['slope_after'])} for "
                     f"{rows.loc['slope_after', 'period']}")
    blocks = [f"{rows.loc[b, 'label'].split(' (')[0].lower()} {_interval(rows.loc[b], 3)}"
              for b in rows.index if b not in (PREVIOUS, CHANGE, "slope_after")]
    n = int(rows["n"].iloc[0])
    return (f"This year's score rises with last year's by {' and '.join(parts)}; beside it, per "
            f"standard deviation, {'; '.join(blocks)} (0-1 score, every pair pooled, n = {n}, "
            "province-clustered errors).")


def chance_band(n: int, level: float = 0.80) -> tuple[int, int]:
    """Return the central 95 % band of how many of n would lie outside by chance."""
    low, high = stats.binom.ppf([0.025, 0.975], n, 1 - level)
    return int(low), int(high)


def ranges_sentences(table: pd.DataFrame) -> list[str]:
    """Say, per year, how many provinces moved above, below or at the edge of their range."""
    out = []
    for year, group in table.groupby("year"):
        n = len(group)
        low, high = chance_band(n)
        counts = group["verdict"].value_counts()
        edge = int(counts.get("edge_above", 0) + counts.get("edge_below", 0))
        width = (group["change_high80"] - group["change_low80"]).median()
        above, below = int(counts.get("above", 0)), int(counts.get("below", 0))
        out.append(
            f"In {year}, given their {year - 1} score, {above} of {n} provinces moved above the "
            f"80% range of provinces like them and {below} below: {above + below} outside, "
            f"where {low}-{high} would be by chance; {edge} at the edge of their range; median "
            f"width {width:.0f} places.")
    changed = table[table["verdict"] != table["verdict_in_sample"]]
    if len(table):
        out.append(f"Leaving each province out of its own fit changes {len(changed)} of "
                   f"{len(table)} verdicts from those of one fit on every province.")
    return out


def validation_sentence(checks: pd.DataFrame) -> str:
    """Say how the ranges given last year's score fare out of sample against the others."""
    later = checks[checks["check"].str.startswith("out of sample")]
    if later.empty:
        return "No later year can be predicted from an earlier pair: nothing checked out of sample."
    parts = []
    for row in later.itertuples():
        flag = "" if row.in_band80 else ", outside its band"
        parts.append(f"{row.predictor}: {row.coverage80:.0%} inside the 80% range "
                     f"(band {row.band80_low:.0%}-{row.band80_high:.0%}{flag}), median width "
                     f"{row.median_width80:.0f} places")
    first = later.iloc[0]
    return (f"Out of sample (fitted on {first['train']}, predicting {first['test_year']}): "
            + "; ".join(parts) + ".")
