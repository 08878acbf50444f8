"""The model helpers on synthetic data where the truth is known (the real tables: tests/data)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from helpers.model import covariates
from helpers.model import stage as model

FACTORS = ["log_grdp_pc", "log_density", "pci"]


def synthetic(n: int, betas: list[float], seed: int, years=(2022,), noise: float = 1.0):
    """Provinces with three factors and a score built from planted coefficients."""
    rng = np.random.default_rng(seed)
    rows = []
    for year in years:
        x = rng.normal(size=(n, len(betas)))
        score = 60 + x @ np.array(betas) + rng.normal(scale=noise, size=n)
        frame = pd.DataFrame(x, columns=FACTORS[: len(betas)])
        frame["score"] = score
        frame["year"] = year
        frame["code"] = [f"{i:02d}" for i in range(n)]
        frame["name_vi"] = frame["code"]
        frame["region"] = np.where(np.arange(n) % 2, "A", "B")
        frame["rank"] = frame["score"].rank(ascending=False, method="min").astype(int)
        rows.append(frame)
    return pd.concat(rows, ignore_index=True)


def test_ols_recovers_planted_coefficients():
    data = synthetic(2000, [3.0, -1.5, 0.0], seed=1)
    fit = model.ols(data, FACTORS)
    coef = fit.coefficients.set_index("factor")["coef"]
    sd = data[FACTORS].std(ddof=0)
    assert coef["log_grdp_pc"] == pytest.approx(3.0 * sd["log_grdp_pc"], abs=0.15)
    assert coef["log_density"] == pytest.approx(-1.5 * sd["log_density"], abs=0.15)
    assert abs(coef["pci"]) < 0.15
    table = fit.coefficients
    assert ((table["ci_low"] <= table["coef"]) & (table["coef"] <= table["ci_high"])).all()


def test_panel_with_year_effects_and_clusters_recovers_the_slope():
    data = synthetic(300, [2.0, 0.0, 0.0], seed=2, years=(2022, 2023, 2024))
    data.loc[data["year"] == 2023, "score"] += 5
    fit = model.ols(data, FACTORS, cov_type="cluster", year_effects=True)
    coef = fit.coefficients.set_index("factor")["coef"]
    assert coef["log_grdp_pc"] == pytest.approx(2.0 * data["log_grdp_pc"].std(ddof=0), abs=0.2)
    assert fit.stats["n"] == 900


def test_q_values_agree_with_statsmodels_multipletests():
    data = synthetic(63, [1.0, 0.5, 0.0], seed=3)
    table = model.correlations(data, FACTORS, n_boot=200)
    expected = multipletests(table["p"], method="fdr_bh")[1]
    assert np.allclose(table["q"], expected)


def test_a_null_factor_is_declared_significant_at_no_more_than_the_nominal_rate():
    rng = np.random.default_rng(4)
    rejections_rho, rejections_ols, runs = 0, 0, 200  # 200 keeps tests/unit fast
    for _ in range(runs):
        data = synthetic(63, [0.0, 0.0, 0.0], seed=int(rng.integers(1e9)))
        rejections_rho += stats.spearmanr(data["pci"], data["rank"])[1] < 0.05
        fit = model.ols(data, FACTORS)
        rejections_ols += fit.coefficients.set_index("factor").loc["pci", "p"] < 0.05
    # the nominal 5% plus two binomial standard errors (about 3.1 points at 200 runs)
    assert rejections_rho / runs <= 0.081
    assert rejections_ols / runs <= 0.081


def test_bootstrap_interval_covers_the_estimate_and_has_the_right_sign():
    data = synthetic(63, [4.0, 0.0, 0.0], seed=5)
    table = model.correlations(data, FACTORS, n_boot=500).set_index("factor")
    row = table.loc["log_grdp_pc"]
    assert row["ci_low"] <= row["rho"] <= row["ci_high"] < 0  # higher factor, better rank


def test_leave_one_out_predictions_place_a_perfect_fit_at_its_own_rank():
    data = synthetic(40, [3.0, 1.0, 0.0], seed=6, noise=1e-6)
    predicted = model.loo_predictions(data, FACTORS, 2022)
    assert (predicted["predicted_rank"] == predicted["observed_rank"]).all()
    assert len(predicted) == 40 and predicted["n_model"].eq(40).all()


def test_leave_one_out_ranks_count_the_same_provinces_when_rows_are_missing():
    data = synthetic(63, [3.0, 1.0, 0.0], seed=7, noise=1e-6)
    best = data["rank"].isin([1, 2, 3])
    data.loc[best, "pci"] = np.nan  # the three best provinces lack a factor
    predicted = model.loo_predictions(data, FACTORS, 2022)
    assert len(predicted) == 60 and predicted["n_model"].eq(60).all()
    # a perfect model puts every province at its own rank among the 60, none 3 places off
    assert (predicted["rank_residual"] == 0).all()
    assert set(predicted["observed_rank"]) == set(range(1, 61))


def test_normal_scores_put_the_best_rank_highest():
    scores = model.normal_scores(pd.Series([1, 2, 63]))
    assert scores.notna().all()
    assert scores.iloc[0] > scores.iloc[1] > scores.iloc[2]


@pytest.mark.xdist_group("shipped_factors")  # one worker reads the table for both
def test_lag_pairs_each_dti_year_with_the_year_before(shipped_factors):
    table = shipped_factors
    framed = covariates.for_dti_year(table, [2023], lag=1)
    assert set(framed["factor_year"]) == {2022} and len(framed) == 63
    with pytest.raises(ValueError, match="lag must be"):
        covariates.for_dti_year(table, [2023], lag=2)


@pytest.mark.xdist_group("shipped_factors")
def test_thin_factors_and_rows_are_dropped_with_a_reason(shipped_factors):
    table = shipped_factors
    ranked = pd.DataFrame({"province_code": [f"{c}" for c in
                                              covariates.for_dti_year(table, [2024])["code"]],
                           "year": 2024, "basis": 63, "measure": "overall",
                           "rank": range(1, 64), "score": np.linspace(0.9, 0.5, 63)})
    data = model.assemble(ranked, covariates.for_dti_year(table, [2024], lag=1), [2024],
                          ["log_grdp_pc", "hdi"])
    assert data.factors[2024] == ["log_grdp_pc"]  # HDI 2023: 7 swapped rows excluded
    assert any("factor hdi dropped, values for 56 of 63" in note for note in data.dropped)


def test_partial_years_are_described_without_q_values():
    data = synthetic(30, [1.0, 0.5, 0.0], seed=8, years=(2020,))
    table = model.correlations(data, FACTORS, n_boot=100, sample="partial", descriptive=True)
    assert table["q"].isna().all() and table["p"].isna().all()
    assert table["rho"].notna().all()


def test_model_years_are_the_complete_years_of_the_clean_table():
    rows = [{"province_code": f"{i:02d}", "basis": 63, "measure": "overall", "year": year,
             "rank": i + 1, "score": 0.9 - i / 100} for year in (2022, 2023)
            for i in range(63)]
    rows += [{"province_code": f"{i:02d}", "basis": 63, "measure": "overall", "year": 2021,
              "rank": i + 1, "score": np.nan} for i in range(20)]
    ranked = pd.DataFrame(rows)
    assert model.complete_years(ranked) == [2022, 2023]
    assert model.partial_years(ranked) == [2021]


def test_keeping_only_top_and_bottom_ranks_inflates_associations():
    data = synthetic(63, [1.0, 0.0, 0.0], seed=9, years=(2022,), noise=2.0)
    rows = [{"province_code": c, "basis": 63, "measure": "overall", "year": 2022, "rank": r,
             "score": s / 100} for c, r, s in zip(data["code"], data["rank"], data["score"],
                                                   strict=True)]
    extremes = [*range(1, 9), *range(56, 64)]
    rows += [{"province_code": f"{i:02d}", "basis": 63, "measure": "overall", "year": 2020,
              "rank": r, "score": np.nan} for i, r in enumerate(extremes)]
    table = model.selection_effect(data, pd.DataFrame(rows), ["log_grdp_pc"], [2022])
    assert table.loc[0, "partial_year"] == 2020 and table.loc[0, "positions"] == 16
    assert table.loc[0, "mean_inflation"] > 0.05
