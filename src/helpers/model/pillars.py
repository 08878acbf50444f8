"""Pillar by pillar: the four main indices published for every province, against the blocks.

The overall score averages its pillars, and what goes with development in one pillar may not
in another. Three pieces, on the four main indices (digital infrastructure, digital government,
digital economy and digital society activity):
- ``per_year``: each index on the blocks, one fit a year (HC3), its R² and development's slope;
- ``joint``: the four stacked (one row per province, year and index) with index × block slopes
  that may change from the 2024 method change, province-clustered errors; Wald tests that
  development's slope is the same for the four indices, before and from 2024;
- ``validation``: each index predicted out of sample exactly as the overall score is
  (``helpers.model.validation``), against that index's own persistence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS, RegressionResultsWrapper

from .estimation import MAIN_INDICES, complete, ols, standardize
from .intervals import rank_intervals
from .validation import FUNDAMENTALS, PERSISTENCE, out_of_sample

SLOPE_COLUMNS = ["index", "label", "block", "period", "coef", "se", "ci_low", "ci_high", "p",
                 "n"]
TEST_COLUMNS = ["block", "period", "statistic", "p", "n", "test"]
RANGE_COLUMNS = ["code", "year", "index", "label", "observed_rank", "rank_mid", "rank_low80",
                 "rank_high80", "rank_low95", "rank_high95", "direction", "outside95", "n_model",
                 "validated"]
LABELS = {"ha_tang_so": "Digital infrastructure", "hd_chinh_quyen_so": "Digital government "
          "activity", "hd_kinh_te_so": "Digital economy activity",
          "hd_xa_hoi_so": "Digital society activity"}


def with_index(frame: pd.DataFrame, rankings: pd.DataFrame, index: str) -> pd.DataFrame:
    """Return the model rows with the score (and rank) of one main index as the outcome."""
    published = rankings[(rankings["basis"] == 63) & (rankings["measure"] == index)][
        ["province_code", "year", "score", "rank"]].rename(columns={"province_code": "code"})
    rows = frame.drop(columns=["score", "rank"]).merge(published, on=["code", "year"],
                                                       how="left")
    return rows.dropna(subset=["score"])


def per_year(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str], years: list[int],
             labels: dict[str, str]) -> pd.DataFrame:
    """Fit each index on the blocks, one fit a year: slopes, intervals and R²."""
    tables = []
    for index in MAIN_INDICES:
        data = with_index(frame, rankings, index)
        for year in years:
            fit = ols(data[data["year"] == year], blocks, label=f"index_{index}",
                      period=str(year), labels=labels)
            tables.append(fit.coefficients.assign(index=index, r2=fit.stats["r2"]))
    return pd.concat(tables, ignore_index=True)


def _stacked(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str], years: list[int],
             break_year: int) -> pd.DataFrame:
    """Return the four indices stacked, blocks standardized within each year."""
    parts = []
    for index in MAIN_INDICES:
        data = complete(with_index(frame, rankings, index), [*blocks])
        data = data[data["year"].isin(years)].copy()
        for _, rows in data.groupby("year"):
            data.loc[rows.index, blocks] = standardize(rows, blocks).to_numpy()
        parts.append(data.assign(index=index))
    out = pd.concat(parts, ignore_index=True)
    out["after"] = (out["year"] >= break_year).astype(float)
    return out


def _design(data: pd.DataFrame, blocks: list[str], with_change: bool) -> pd.DataFrame:
    """Return index × year levels and index × block slopes (and their change from the break)."""
    columns = {}
    for index in MAIN_INDICES:
        own = (data["index"] == index).astype(float)
        for year in sorted(data["year"].unique()):
            columns[f"{index}:level_{year}"] = own * (data["year"] == year)
        for block in blocks:
            columns[f"{index}:{block}"] = own * data[block]
            if with_change:
                columns[f"{index}:{block}:after"] = own * data[block] * data["after"]
    return pd.DataFrame(columns, index=data.index)


def _equal_slopes(result: RegressionResultsWrapper,
                  names: list[str]) -> tuple[float, float]:
    """Wald F test that the named coefficients are all equal (clustered covariance)."""
    params = list(result.params.index)
    matrix = np.zeros((len(names) - 1, len(params)))
    for row, name in enumerate(names[1:]):
        matrix[row, params.index(names[0])], matrix[row, params.index(name)] = 1.0, -1.0
    test = result.wald_test(matrix, scalar=True, use_f=True)
    return float(test.statistic), float(test.pvalue)


def _span(years: list[int]) -> str:
    """Return '2022-2023', or '2024' for one year."""
    return str(min(years)) if min(years) == max(years) else f"{min(years)}-{max(years)}"


def joint(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str], years: list[int],
          break_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fit the stacked indices; return each index's slopes and the cross-equation tests."""
    data = _stacked(frame, rankings, blocks, years, break_year)
    with_change = 0 < data["after"].sum() < len(data)
    x = _design(data, blocks, with_change)
    # hasconst: the index x year levels sum to one (statsmodels would find it, by two SVDs)
    result = OLS(data["score"].to_numpy(float), x, hasconst=True).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["code"])[0]}, use_t=True)
    before = [y for y in years if y < break_year] or years
    after = [y for y in years if y >= break_year]
    spans = {"before": _span(before), "after": _span(after) if after else ""}
    rows, tests = [], []
    for block in blocks:
        for index in MAIN_INDICES:
            name = f"{index}:{block}"
            for period, plus_change in (("before", False), *((("after", True),)
                                                              if with_change else ())):
                vector = np.zeros(len(x.columns))  # slope from the break: b + b_after
                vector[list(x.columns).index(name)] = 1.0
                if plus_change:
                    vector[list(x.columns).index(f"{name}:after")] = 1.0
                test = result.t_test(vector)
                low, high = np.asarray(test.conf_int()).ravel()
                rows.append({"index": index, "label": LABELS[index], "block": block,
                             "period": spans[period], "coef": float(np.ravel(test.effect)[0]),
                             "se": float(np.ravel(test.sd)[0]), "ci_low": float(low),
                             "ci_high": float(high), "p": float(np.ravel(test.pvalue)[0]),
                             "n": int(result.nobs)})
        names = [f"{index}:{block}" for index in MAIN_INDICES]
        statistic, p = _equal_slopes(result, names)
        tests.append({"block": block, "period": spans["before"], "statistic": statistic,
                      "p": p, "n": int(result.nobs),
                      "test": f"{block}'s slope equal for the four indices"})
        if with_change:
            after_names = _after_names(x, result, block)
            statistic, p = _equal_slopes(after_names, [f"{i}:{block}" for i in MAIN_INDICES])
            tests.append({"block": block, "period": spans["after"], "statistic": statistic,
                          "p": p, "n": int(result.nobs),
                          "test": f"{block}'s slope equal for the four indices"})
    return pd.DataFrame(rows, columns=SLOPE_COLUMNS), pd.DataFrame(tests, columns=TEST_COLUMNS)


def _after_names(x: pd.DataFrame, result: RegressionResultsWrapper,
                 block: str) -> RegressionResultsWrapper:
    """Refit with the slopes from the break as the main terms (so their equality is testable)."""
    recoded = x.copy()
    for index in MAIN_INDICES:
        name = f"{index}:{block}"
        # slope_after = b + b_after: swap the roles, b' = b + b_after, b'_before = -b_after
        recoded[name], recoded[f"{name}:after"] = (x[name], x[f"{name}:after"] - x[name])
    model = result.model
    return OLS(model.endog, recoded, hasconst=True).fit(cov_type="cluster", cov_kwds={
        "groups": result.cov_kwds["groups"]}, use_t=True)


def validation(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str],
               years: list[int], n_sim: int, n_boot: int, seed: int) -> pd.DataFrame:
    """Validate each index out of sample against its own persistence (as validation.csv)."""
    tables = []
    for index in MAIN_INDICES:
        checked = out_of_sample(with_index(frame, rankings, index), years, blocks,
                                n_sim=n_sim, n_boot=n_boot, seed=seed)
        tables.append(checked.assign(index=index, label=LABELS[index]))
    return pd.concat(tables, ignore_index=True)


def beats_persistence(table: pd.DataFrame) -> pd.Series:
    """Return, per index, whether its fundamentals match or beat persistence in every split.

    "Match or beat": the 95 % interval of the gain in mean absolute rank error over
    persistence reaches zero or above (not reliably worse) in every split.
    """
    rows = table[table["predictor"] == FUNDAMENTALS]
    held = table[table["predictor"] == PERSISTENCE]
    if rows.empty or held.empty:
        return pd.Series(dtype=bool)
    return rows.groupby("index")["mae_gain_high"].apply(lambda g: bool((g >= 0).all()))


def ranges(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str], years: list[int],
           checked: pd.DataFrame, seed: int, n_parameters: int | None = None) -> pd.DataFrame:
    """Return each province's rank range per year for the indices whose fundamentals match or
    beat their own persistence out of sample (none for the others: a page states no more).

    ``n_parameters``: Sobol parameter draws of each range (default: the level ranges' own).
    """
    held = beats_persistence(checked)
    tables = []
    for index in [i for i in MAIN_INDICES if held.get(i, False)]:
        data = with_index(frame, rankings, index)
        splits = ", ".join(str(y) for y in sorted(checked.loc[checked["index"] == index,
                                                              "test_year"].unique()))
        for year in years:
            table = rank_intervals(data, blocks, year, seed, n_parameters=n_parameters)
            tables.append(table.assign(index=index, label=LABELS[index], validated=splits))
    if not tables:
        return pd.DataFrame(columns=RANGE_COLUMNS)
    return pd.concat(tables, ignore_index=True)[RANGE_COLUMNS]


def sentences(per_year_fits: pd.DataFrame, tests: pd.DataFrame, checked: pd.DataFrame
              ) -> list[str]:
    """Say, from the tables, how development goes with each pillar and which model holds up."""
    out = []
    dev = per_year_fits[per_year_fits["factor"] == "development"]
    for index, group in dev.groupby("index", sort=False):
        parts = ", ".join(f"{r.period} {r.r2:.2f}" for r in group.itertuples())
        out.append(f"{LABELS[index]}: R² on the blocks by year {parts}.")
    for row in tests.itertuples():
        out.append(f"Is {row.block}'s slope the same for the four indices ({row.period})? "
                   f"F = {row.statistic:.2f}, p = {row.p:.3f} (n = {row.n} index rows, "
                   "province-clustered).")
    held = beats_persistence(checked)
    good = [LABELS[i] for i, ok in held.items() if ok]
    out.append("Out of sample, the fundamentals match or beat the index's own last-year rank "
               f"in every split for {', '.join(good) if good else 'no index'}; a page may "
               "state an expectation per index only there, and does (model/pillar_ranges.csv).")
    return out
