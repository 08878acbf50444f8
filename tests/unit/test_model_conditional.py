"""Planted truth for "given where it started": the conditional rank ranges and their checks.

Every panel is simulated (synthetic data, in tests only): 63 provinces, scores on 0-1.
"""

import numpy as np
import pandas as pd
import pytest

from helpers.model import blocks, conditional, covariates, estimation

N = 63


def ar1_panel(seed: int, years=(2022, 2023, 2024), slopes=None, noise: float = 0.03,
              development: float = 0.01, reliability: float = 1.0,
              province_effect: float = 0.0) -> pd.DataFrame:
    """An AR(1) panel: this year's score = a + slope · last year's + development + noise.

    No province effect beyond last year's score. ``slopes`` maps a year to its slope
    (default 0.7 for every year); ``reliability`` below 1 publishes each score with
    measurement noise holding that share of its variance's complement; ``province_effect``
    adds a fixed push per province every year, unrelated to the factors.
    """
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=N)
    push = province_effect * rng.normal(size=N) if province_effect else 0.0
    score = 0.5 + 0.1 * latent + rng.normal(scale=noise, size=N)
    rows = []
    for k, year in enumerate(years):
        if k:
            slope = (slopes or {}).get(year, 0.7)
            score = (0.5 * (1 - slope) + slope * score + development * latent + push
                     + rng.normal(scale=noise, size=N))
        frame = pd.DataFrame(latent[:, None] + 0.4 * rng.normal(size=(N, 4)),
                             columns=covariates.DEVELOPMENT_FACTORS)
        frame["pci"] = rng.normal(size=N)
        error = np.sqrt(score.var() * (1 - reliability) / reliability)
        published = score + rng.normal(scale=error, size=N) if reliability < 1 else score
        frame["score"] = np.clip(published, 0.01, 0.99)
        frame["year"] = year
        frame["code"] = [f"{i:02d}" for i in range(N)]
        rows.append(frame)
    data = pd.concat(rows, ignore_index=True)
    return blocks.with_blocks(data, blocks.composite(data, covariates.DEVELOPMENT_FACTORS))


def test_the_rank_distribution_matches_brute_force_simulation():
    rng = np.random.default_rng(0)
    mu = np.tile(rng.normal(size=12) * 0.05, (4, 1)) + rng.normal(size=(4, 1)) * 0.01
    sigma = np.array([0.03, 0.035, 0.04, 0.045])
    exact = conditional.rank_distribution(mu, sigma, target=3, n_nodes=48).mean(axis=0)
    draws = mu[:, :, None] + sigma[:, None, None] * rng.normal(size=(4, 12, 50_000))
    ranks = 1 + (draws > draws[:, 3:4, :]).sum(axis=1)  # how many lie above row 3, + 1
    brute = np.bincount(ranks.ravel() - 1, minlength=12) / ranks.size
    assert exact.sum() == pytest.approx(1.0, abs=1e-6)
    assert np.abs(exact - brute).max() < 0.01


def test_the_slope_on_last_year_is_recovered_on_each_side_of_the_method_change():
    data = ar1_panel(seed=1, slopes={2023: 0.6, 2024: 0.95}, noise=0.01)
    table, fit = conditional.coefficients(data, blocks.MAIN, [2022, 2023, 2024], 2024,
                                          blocks.LABELS)
    rows = table.set_index("factor")
    assert rows.loc["previous_score", "coef"] == pytest.approx(0.6, abs=0.1)
    assert rows.loc["previous_score", "period"] == "2022->2023"
    assert rows.loc["slope_after", "coef"] == pytest.approx(0.95, abs=0.1)
    assert rows.loc["slope_after", "period"] == "2023->2024"
    assert rows.loc["previous_x_after", "ci_low"] > 0  # the planted change is found
    assert fit["n"] == 2 * N


@pytest.mark.parametrize("reliability", [1.0, 0.95])
def test_an_ar1_panel_without_province_effects_flags_about_one_in_five_at_80_percent(
        reliability):
    # 0.95: scores published with measurement noise, as the shipped data's regression to the
    # mean suggests (test_noisy_ar1_scores_show_lower_ranked_provinces_rising_...)
    shares = []
    for seed in range(2):
        table = conditional.ranges(ar1_panel(seed=10 + seed, years=(2023, 2024),
                                             reliability=reliability), blocks.MAIN,
                                   [2023, 2024], 2024, seed=seed, n_parameters=32)
        shares.append((table["direction"] != "inside").mean())
    assert 0.10 <= np.mean(shares) <= 0.30  # 126 provinces: 0.20 ± 0.07 (95 %)


def test_a_province_planted_far_above_where_it_started_is_above_its_range():
    data = ar1_panel(seed=2)
    last = (data["year"] == 2024) & (data["code"] == "05")
    data.loc[last, "score"] += 0.15  # five residual spreads above its expectation
    pairs = conditional.with_pairs(data, 2024)
    table = conditional.year_ranges(pairs, blocks.MAIN, 2024, seed=1, n_parameters=32)
    row = table.set_index("code").loc["05"]
    assert row["verdict"] == "above" and row["outside95"]
    assert row["observed_rank"] < row["rank_low95"]
    assert row["observed_change"] > row["change_high95"]  # it moved up more than the range
    assert row["p_at_or_above"] < 0.01
    assert (table["change_low80"] == table["previous_rank"] - table["rank_high80"]).all()


def test_a_verdict_changes_with_the_seed_at_most_between_a_side_and_its_edge():
    # The shipped data keep every verdict over 10 seeds (tests/data). In this planted panel one
    # province's tail probability sits on the edge boundary (0.10 - 1.96 MC s.e.): it may move
    # between "below" and "at the edge of" only, never across the range.
    pairs = conditional.with_pairs(ar1_panel(seed=3, years=(2023, 2024)), 2024)
    runs = pd.concat([conditional.year_ranges(pairs, blocks.MAIN, 2024, seed=s,
                                              leave_out=False)["verdict"].rename(s)
                      for s in range(3)], axis=1)
    changed = runs[runs.nunique(axis=1) > 1]
    assert len(changed) <= 1
    for row in changed.itertuples(index=False):
        assert len({v.removeprefix("edge_") for v in row}) == 1, row


@pytest.mark.parametrize(("p_le", "se", "expected"), [
    (0.05, 0.005, "above"), (0.098, 0.005, "edge_above"), (0.104, 0.005, "edge_above"),
    (0.2, 0.005, "inside"), (0.5, 0.0, "inside")])
def test_a_tail_probability_within_monte_carlo_error_of_010_is_at_the_edge(p_le, se, expected):
    assert conditional.verdict(p_le, 1 - p_le + 0.02, se) == expected
    assert conditional.verdict(1 - p_le + 0.02, p_le, se) == expected.replace("above", "below")


def test_out_of_sample_checks_report_coverage_in_its_binomial_band_and_a_uniform_pit():
    data = ar1_panel(seed=4)
    table = conditional.out_of_sample(data, blocks.MAIN, [2022, 2023, 2024], 2024, n_sim=300)
    row = table.set_index("predictor").loc[conditional.CONDITIONAL]
    assert row["test_year"] == 2024 and row["train"] == "2022->2023"
    assert row["band80_low"] < 0.8 < row["band80_high"]
    assert row["in_band80"] and row["pit_ks_p"] > 0.01
    level = table.set_index("predictor").loc[conditional.LEVEL]
    assert row["median_width80"] < level["median_width80"]  # where it started says much


def test_noisy_ar1_scores_show_lower_ranked_provinces_rising_with_no_catching_up():
    # reliability 0.95, no province effect: regression to the mean alone makes rank changes
    # correlate with last year's rank, as the shipped data do (0.24 and 0.31)
    rhos = [estimation.rank_change_correlation(ar1_panel(seed=s, reliability=0.95),
                                               n_boot=50)["rho"].mean() for s in range(20, 30)]
    assert 0.1 < np.mean(rhos) < 0.5
    steady = [estimation.rank_change_correlation(ar1_panel(seed=s, slopes={2023: 1.0,
                                                                          2024: 1.0},
                                                           noise=0.0005), n_boot=50)[
        "rho"].mean() for s in range(20, 25)]
    assert abs(np.mean(steady)) < 0.1  # nothing regresses: no such correlation


def test_residuals_given_last_year_do_not_persist_unless_a_province_effect_is_planted():
    # the ranges draw each pair's residual independently: right for an AR(1) panel (last
    # year's score carries the persistence), wrong when a province effect remains
    def mean_r(**options):
        return np.mean([conditional.residual_correlations(
            ar1_panel(seed=s, **options), blocks.MAIN, [2022, 2023, 2024], 2024)["r"].iloc[0]
            for s in range(40, 46)])
    assert abs(mean_r()) < 0.1
    assert abs(mean_r(reliability=0.95)) < 0.15
    assert mean_r(province_effect=0.04) > 0.2
    table = conditional.residual_correlations(ar1_panel(seed=1), blocks.MAIN,
                                              [2022, 2023, 2024], 2024)
    assert table[["year_a", "year_b", "gap", "n"]].iloc[0].tolist() == [2023, 2024, 1, N]


def test_each_year_is_simulated_with_its_own_residual_variance():
    # planted: residual sd 0.03 in one year, 0.05 in the next (as moves grew after 2024)
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(400), rng.normal(size=400)])
    groups = np.repeat([2023, 2024], 200)
    y = 0.5 + 0.2 * x[:, 1] + rng.normal(size=400) * np.where(groups == 2023, 0.03, 0.05)
    fitted = conditional.least_squares(x, y, groups)
    early, late = conditional.at_year(fitted, 2023), conditional.at_year(fitted, 2024)
    assert np.sqrt(early.s2) == pytest.approx(0.03, rel=0.15)
    assert np.sqrt(late.s2) == pytest.approx(0.05, rel=0.15)
    assert conditional.at_year(fitted, 2025).s2 == late.s2  # a later year: the latest variance
    # the estimates' spread does not depend on the year simulated
    assert np.allclose(early.s2 * early.xtx_inv, late.s2 * late.xtx_inv)
    # one year: the ordinary fit
    plain = conditional.least_squares(x[:200], y[:200])
    one = conditional.at_year(conditional.least_squares(x[:200], y[:200], groups[:200]), 2023)
    assert one.s2 == pytest.approx(plain.s2) and np.allclose(one.beta, plain.beta)
    assert np.allclose(one.xtx_inv, plain.xtx_inv)
