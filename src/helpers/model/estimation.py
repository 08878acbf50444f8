"""Small-sample statistics for the model: correlations, OLS, ranks, the index's anatomy.

Every estimate comes with its n and an interval: bootstrap for Spearman's rho, t-based
(robust HC3 or province-clustered standard errors) for regression coefficients.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.regression.linear_model import OLS
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.tools.tools import add_constant

from . import covariates

MAIN_INDICES = ["ha_tang_so", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"]


def complete(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return the rows with every listed column present."""
    return frame.dropna(subset=columns)


def _label(name: str, labels: dict[str, str] | None) -> str:
    """Return a factor's or block's label."""
    if labels and name in labels:
        return labels[name]
    return covariates.FACTORS[name].label if name in covariates.FACTORS else name


# -- correlations ----------------------------------------------------------------------------
def _spearman_boot(x: np.ndarray, y: np.ndarray, n_boot: int, rng: np.random.Generator
                   ) -> np.ndarray:
    """Return bootstrap replicates of Spearman's rho (resampling provinces)."""
    n = len(x)
    idx = rng.integers(0, n, size=(n_boot, n))
    rx = stats.rankdata(x[idx], axis=1)
    ry = stats.rankdata(y[idx], axis=1)
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    denominator = np.sqrt((rx ** 2).sum(axis=1) * (ry ** 2).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return (rx * ry).sum(axis=1) / denominator


def bh(pvalues: pd.Series) -> pd.Series:
    """Return Benjamini-Hochberg q-values (statsmodels' fdr_bh), NaN kept as NaN."""
    out = pd.Series(np.nan, index=pvalues.index)
    present = pvalues.dropna()
    if len(present):
        out[present.index] = multipletests(present.to_numpy(), method="fdr_bh")[1]
    return out


def correlations(frame: pd.DataFrame, factors: list[str], outcome: str = "rank",
                 n_boot: int = 2000, seed: int = 20221, sample: str = "complete",
                 descriptive: bool = False) -> pd.DataFrame:
    """Spearman's rho of each factor with the DTI rank per year: bootstrap CI, BH q per year.

    A descriptive sample (one selected by what the press reported) gets no p- or q-values.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for year, group in frame.groupby("year"):
        for name in factors:
            pair = group[[name, outcome]].dropna()
            if len(pair) < 8:
                continue
            x, y = pair[name].to_numpy(float), pair[outcome].to_numpy(float)
            rho, p = stats.spearmanr(x, y)
            boot = _spearman_boot(x, y, n_boot, rng)
            low, high = np.nanpercentile(boot, [2.5, 97.5])
            rows.append({"year": int(year), "sample": sample, "factor": name,
                         "label": _label(name, None), "n": len(pair),
                         "rho": rho, "ci_low": low, "ci_high": high,
                         "p": np.nan if descriptive else p})
    table = pd.DataFrame(rows, columns=["year", "sample", "factor", "label", "n", "rho",
                                        "ci_low", "ci_high", "p"])
    table["q"] = table.groupby("year", group_keys=False)["p"].apply(bh) if len(table) else []
    return table


# -- regressions -----------------------------------------------------------------------------
def standardize(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return the columns as z-scores over the rows given."""
    values = frame[columns]
    return (values - values.mean()) / values.std(ddof=0)


def vif(frame: pd.DataFrame, columns: list[str]) -> dict[str, float]:
    """Return the variance inflation factor of each column (with an intercept)."""
    if len(columns) < 2:
        return dict.fromkeys(columns, 1.0)
    design = add_constant(frame[columns].to_numpy(float))
    return {c: float(variance_inflation_factor(design, i + 1)) for i, c in enumerate(columns)}


@dataclass
class Fit:
    """One fitted model: its coefficients and fit statistics."""

    coefficients: pd.DataFrame
    stats: dict


def ols(frame: pd.DataFrame, factors: list[str], outcome: str = "score",
        cov_type: str = "HC3", year_effects: bool = False, label: str = "ols",
        period: str = "", labels: dict[str, str] | None = None) -> Fit:
    """Fit outcome ~ standardized factors (+ year effects); t-based robust or clustered CIs."""
    data = complete(frame, [outcome, *factors])
    design = standardize(data, factors)
    if year_effects:
        dummies = pd.get_dummies(data["year"], prefix="year", drop_first=True, dtype=float)
        design = pd.concat([design, dummies], axis=1)
    design = add_constant(design, has_constant="add")
    model = OLS(data[outcome].to_numpy(float), design)
    if cov_type == "cluster":
        result = model.fit(cov_type="cluster", use_t=True,
                           cov_kwds={"groups": pd.factorize(data.loc[design.index, "code"])[0]})
    else:
        result = model.fit(cov_type=cov_type, use_t=True)
    ci = result.conf_int()
    inflation = vif(data, factors)
    table = pd.DataFrame({
        "model": label, "period": period, "factor": factors,
        "label": [_label(f, labels) for f in factors],
        "coef": [result.params[f] for f in factors], "se": [result.bse[f] for f in factors],
        "ci_low": [ci.loc[f, 0] for f in factors], "ci_high": [ci.loc[f, 1] for f in factors],
        "p": [result.pvalues[f] for f in factors], "vif": [inflation[f] for f in factors],
        "n": int(result.nobs)})
    table["q"] = bh(table["p"]).to_numpy()
    fit = {"model": label, "period": period, "n": int(result.nobs), "r2": result.rsquared,
           "adj_r2": result.rsquared_adj, "cov_type": cov_type, "factors": ", ".join(factors),
           "p_test": np.nan, "test": ""}
    return Fit(table, fit)


def normal_scores(rank: pd.Series) -> pd.Series:
    """Return van der Waerden normal scores of ranks, signed so that a better rank is higher."""
    n = max(int(rank.max()), int(rank.notna().sum()))  # ranks run to N even if rows are missing
    return -pd.Series(stats.norm.ppf((rank.astype(float) - 0.5) / n), index=rank.index)


def rank_within(scores: pd.Series) -> pd.Series:
    """Return ranks (1 = highest score, ties share the best) among the rows given."""
    return scores.rank(ascending=False, method="min").astype(int)


def loo_predictions(frame: pd.DataFrame, factors: list[str], year: int,
                    outcome: str = "score") -> pd.DataFrame:
    """Predict each province's score from a model fitted without it; rank it among the same set.

    Both ranks count the modelled provinces only: the observed rank is re-ranked among them,
    and the predicted rank places the prediction among the other modelled provinces' scores.
    """
    data = complete(frame[frame["year"] == year], [outcome, *factors]).reset_index(drop=True)
    observed_rank = rank_within(data[outcome])
    rows = []
    for i in data.index:
        train = data.drop(index=i)
        mean, sd = train[factors].mean(), train[factors].std(ddof=0)
        x_train = add_constant(((train[factors] - mean) / sd).to_numpy(float),
                                  has_constant="add")
        beta = np.linalg.lstsq(x_train, train[outcome].to_numpy(float), rcond=None)[0]
        x_i = np.concatenate([[1.0], ((data.loc[i, factors] - mean) / sd).to_numpy(float)])
        predicted = float(x_i @ beta)
        predicted_rank = 1 + int((train[outcome].to_numpy(float) > predicted + 1e-12).sum())
        row = data.loc[i]
        rows.append({"code": row["code"], "year": year, "observed_score": row[outcome],
                     "predicted_score": predicted, "observed_rank": int(observed_rank[i]),
                     "predicted_rank": predicted_rank,
                     "rank_residual": int(observed_rank[i]) - predicted_rank,
                     "n_model": len(data)})
    return pd.DataFrame(rows)


def anatomy(rankings: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """How the four main indices published for every province relate to the overall score."""
    rows = []
    wide = rankings[(rankings["basis"] == 63) & rankings["year"].isin(years)].pivot_table(
        index=["province_code", "year"], columns="measure", values="score").reset_index()
    for year, group in wide.groupby("year"):
        data = group.dropna(subset=["overall", *MAIN_INDICES])
        z = standardize(data, MAIN_INDICES)
        full = OLS(data["overall"].to_numpy(float), add_constant(z)).fit(cov_type="HC3")
        for name in MAIN_INDICES:
            rest = [m for m in MAIN_INDICES if m != name]
            reduced = OLS(data["overall"].to_numpy(float), add_constant(z[rest])).fit()
            rho = stats.spearmanr(data[name], data["overall"])[0]
            rows.append({"year": int(year), "index": name, "n": len(data), "rho_overall": rho,
                         "std_coef": full.params[name], "r2_all_four": full.rsquared,
                         "unique_r2": full.rsquared - reduced.rsquared})
    return pd.DataFrame(rows)


def rank_change_correlation(frame: pd.DataFrame, n_boot: int = 1000, seed: int = 20221
                            ) -> pd.DataFrame:
    """Spearman's rho of the rank change (up is positive) with last year's rank, per pair.

    Positive: provinces ranked low one year tend to rise the next. Regression to the mean
    alone does this when scores are measured with noise; it needs no province "catching up".
    """
    rng = np.random.default_rng(seed)
    wide = frame.pivot_table(index="code", columns="year", values="score")
    rows = []
    years = sorted(int(y) for y in wide.columns)
    for before, after in zip(years, years[1:], strict=False):
        if after != before + 1:
            continue
        pair = wide[[before, after]].dropna()
        previous = rank_within(pair[before]).to_numpy(float)
        change = previous - rank_within(pair[after]).to_numpy(float)
        rho = float(stats.spearmanr(previous, change)[0])
        low, high = np.nanpercentile(_spearman_boot(previous, change, n_boot, rng), [2.5, 97.5])
        rows.append({"pair": f"{before}->{after}", "n": len(pair), "rho": rho,
                     "ci_low": float(low), "ci_high": float(high)})
    return pd.DataFrame(rows, columns=["pair", "n", "rho", "ci_low", "ci_high"])
