"""Repeated years modelled as such: province random intercepts and a test of the 2024 break.

The three complete years are the same 63 provinces, whose ranks persist (Spearman 0.7-0.9),
and DTI 2024 changed its method (fewer indicators). So the years are not replications:
``mixed`` fits province random intercepts with year effects (statsmodels MixedLM), and
``break_test`` lets the block slopes differ in the last year and tests that difference
(Wald F, province-clustered errors).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from .estimation import complete, standardize


def _standardized(frame: pd.DataFrame, blocks: list[str]) -> pd.DataFrame:
    """Return the complete rows with the blocks standardized within each year."""
    data = complete(frame, ["score", *blocks]).copy()
    for _, rows in data.groupby("year"):
        data.loc[rows.index, blocks] = standardize(rows, blocks).to_numpy()
    return data


def mixed(frame: pd.DataFrame, blocks: list[str], labels: dict[str, str], period: str
          ) -> tuple[pd.DataFrame, dict]:
    """Fit score ~ blocks + year effects with province random intercepts (REML)."""
    data = _standardized(frame, blocks)
    formula = f"score ~ {' + '.join(blocks)} + C(year)"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        result = smf.mixedlm(formula, data, groups=data["code"]).fit(reml=True)
    warned = "; optimiser warning: " + str(caught[0].message) if caught else ""
    ci = result.conf_int()
    table = pd.DataFrame({
        "model": "mixed_province_intercepts", "period": period, "factor": blocks,
        "label": [labels[b] for b in blocks], "coef": [result.params[b] for b in blocks],
        "se": [result.bse[b] for b in blocks], "ci_low": [ci.loc[b, 0] for b in blocks],
        "ci_high": [ci.loc[b, 1] for b in blocks], "p": [result.pvalues[b] for b in blocks],
        "vif": np.nan, "n": int(result.nobs), "q": np.nan})
    between = float(result.cov_re.iloc[0, 0])
    share = between / (between + float(result.scale))
    fit = {"model": "mixed_province_intercepts", "period": period, "n": int(result.nobs),
           "r2": np.nan, "adj_r2": np.nan, "cov_type": "REML, normal CIs",
           "factors": ", ".join(blocks), "p_test": np.nan,
           "test": f"share of residual variance between provinces {share:.2f}{warned}"}
    return table, fit


def break_test(frame: pd.DataFrame, blocks: list[str], labels: dict[str, str], period: str,
               break_year: int) -> tuple[pd.DataFrame, dict]:
    """Let the block slopes differ from break_year on; test that they do (clustered Wald F)."""
    data = _standardized(frame, blocks)
    data["after"] = (data["year"] >= break_year).astype(float)
    terms = " + ".join([*blocks, *[f"{b}:after" for b in blocks]])
    result = smf.ols(f"score ~ {terms} + C(year)", data).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["code"])[0]}, use_t=True)
    wald = result.wald_test(", ".join(f"{b}:after = 0" for b in blocks), scalar=True)
    ci = result.conf_int()
    names = [*blocks, *[f"{b}:after" for b in blocks]]
    table = pd.DataFrame({
        "model": f"slopes_change_{break_year}", "period": period, "factor": names,
        "label": [labels[b] if b in labels else
                  f"{labels[b.split(':')[0]]}: change from {break_year}" for b in names],
        "coef": [result.params[n] for n in names], "se": [result.bse[n] for n in names],
        "ci_low": [ci.loc[n, 0] for n in names], "ci_high": [ci.loc[n, 1] for n in names],
        "p": [result.pvalues[n] for n in names], "vif": np.nan, "n": int(result.nobs),
        "q": np.nan})
    fit = {"model": f"slopes_change_{break_year}", "period": period, "n": int(result.nobs),
           "r2": result.rsquared, "adj_r2": result.rsquared_adj, "cov_type": "cluster",
           "factors": ", ".join(names), "p_test": float(wald.pvalue),
           "test": f"slopes differ from {break_year}: F = {float(wald.statistic):.2f}"}
    return table, fit


def detectable_change(table: pd.DataFrame, block: str, power: float = 0.80,
                      alpha: float = 0.05) -> tuple[float, float]:
    """Return the slope change the break test would detect with this power, and its share.

    From the break model's rows: (z_(1-alpha/2) + z_power) times the standard error of the
    block's change, and that change as a share of the block's slope before the break. A
    smaller change is missed more than one time in five: "not rejected" is not "unchanged".
    """
    rows = table.set_index("factor")
    change = [f for f in rows.index if f.startswith(f"{block}:")]
    if block not in rows.index or not change:
        return float("nan"), float("nan")
    size = float((stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power))
                 * rows.loc[change[0], "se"])
    return size, size / abs(float(rows.loc[block, "coef"]))


#: The columns of model/residual_correlations.csv.
PAIR_COLUMNS = ["model", "year_a", "year_b", "gap", "n", "r", "ci_low", "ci_high"]
LEVELS_MODEL = "levels: score ~ blocks + year"


def residual_correlations(frame: pd.DataFrame, blocks: list[str]) -> pd.DataFrame:
    """Correlate provinces' residuals (score ~ blocks + year effects) between each pair of years.

    One province random intercept implies the same correlation at every distance; a decay
    with distance says it is an average (an AR(1) or unstructured covariance fits better).
    Intervals by Fisher's z.
    """
    data = _standardized(frame, blocks)
    result = smf.ols(f"score ~ {' + '.join(blocks)} + C(year)", data).fit()
    return pair_correlations(data.assign(residual=result.resid), LEVELS_MODEL)


def pair_correlations(rows: pd.DataFrame, model: str) -> pd.DataFrame:
    """Return the correlation of each province's ``residual`` between every two years held."""
    wide = rows.pivot_table(index="code", columns="year", values="residual")
    out = []
    years = sorted(int(y) for y in wide.columns)
    for i, first in enumerate(years):
        for second in years[i + 1:]:
            pair = wide[[first, second]].dropna()
            r = float(np.corrcoef(pair[first], pair[second])[0, 1])
            half = stats.norm.ppf(0.975) / np.sqrt(len(pair) - 3)
            out.append({"model": model, "year_a": first, "year_b": second,
                        "gap": second - first, "n": len(pair), "r": r,
                        "ci_low": float(np.tanh(np.arctanh(r) - half)),
                        "ci_high": float(np.tanh(np.arctanh(r) + half))})
    return pd.DataFrame(out, columns=PAIR_COLUMNS)


def ar1_implied(table: pd.DataFrame) -> float:
    """Return the two-year residual correlation an AR(1) implies: the one-year mean, squared."""
    one = table.loc[table["gap"] == 1, "r"]
    return float(one.mean() ** 2) if len(one) else float("nan")


def within_share(frame: pd.DataFrame, column: str) -> float:
    """Return the share of a column's variance lying within provinces (over the years held)."""
    data = frame.dropna(subset=[column])
    total = ((data[column] - data[column].mean()) ** 2).sum()
    within = ((data[column] - data.groupby("code")[column].transform("mean")) ** 2).sum()
    return float(within / total) if total > 0 else float("nan")
