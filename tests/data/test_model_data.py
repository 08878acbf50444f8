"""The model on the shipped tables: covariate exclusions, the real analysis, one model year."""

import re

import numpy as np
import pandas as pd
import pytest

from helpers.model import covariates
from helpers.model import stage as model

#: Wording that would claim a cause where the analysis can only show an association.
CAUSAL = re.compile(r"\b(causes?|caused|causing|causal|drives?|driven by|leads? to|results? in)\b",
                    re.IGNORECASE)


def test_swapped_hdi_rows_are_excluded_by_data_and_status_is_carried(shipped_factors):
    table = shipped_factors
    listed = covariates.exclusions()
    assert {"11", "19"} <= set(listed.loc[listed["variable"] == "hdi", "gso_code"])
    assert np.isnan(table.values.loc[("11", 2023), "hdi"])  # Điện Biên 0.78 as published
    assert table.values.loc[("11", 2022), "hdi"] == pytest.approx(0.62)
    assert any("Điện Biên" in note and "excluded" in note for note in table.notes)
    framed = covariates.for_dti_year(table, [2024], lag=1)
    assert set(framed["status_urban_share"].dropna()) == {"derived"}
    assert set(framed["status_pci"].dropna()) == {"carried forward from 2022"}


def test_the_real_analysis_reports_n_and_never_claims_causes(shipped_factors):
    from helpers import rankings
    results = model.run(rankings.clean().rankings, shipped_factors, n_boot=100,
                        n_sim=300)
    fits = results.tables["fits"]
    assert set(fits["period"]) >= {"2022", "2023", "2024", "2022-2024"}
    assert fits.loc[fits["period"] != "2022-2024", "n"].between(55, 63).all()
    predictions = results.tables["predictions"]
    assert predictions.groupby("year").size().between(55, 63).all()
    assert set(results.tables["validation"]["test_year"]) == {2023, 2024}
    summary = model.summary(results)
    text = " ".join(summary)
    assert "associated with" in text and CAUSAL.search("Income drives the rank")
    assert not CAUSAL.search(text), CAUSAL.search(text)  # "because" is no causal claim
    correlations = [s for s in summary if " rho " in s and "factors are associated" in s]
    assert len(correlations) == 3  # one per model year, each with its n and its interval
    assert all(re.search(r"\(n = \d+\)", s) and "95% CI" in s for s in correlations)
    checked = model.hypotheses(results)
    assert [c[:2] for c in checked] == ["H1", "H2", "H3", "H4"]
    model.validate(results)


def test_one_model_year_runs_and_says_validation_was_not_run(processed, shipped_factors):
    from helpers import rankings
    results = model.run(rankings.load(processed), shipped_factors, years=[2024],
                        n_boot=50, n_sim=100)
    model.validate(results)
    assert results.tables["validation"].empty
    assert "none was run" in model.summary(results)[0]
    assert any("not tested" in h for h in model.hypotheses(results))


def test_conditional_verdicts_on_the_shipped_data_do_not_change_over_10_seeds(processed,
                                                                             shipped_factors):
    from helpers import rankings
    from helpers.model import blocks, conditional
    ranked = rankings.load(processed)
    years = model.complete_years(ranked)
    frame = model.model_frame(ranked, shipped_factors, years)
    runs = [conditional.ranges(frame, blocks.MAIN, years, model.METHOD_CHANGE_YEAR, seed=s)
            .set_index(["code", "year"])["verdict"].rename(s) for s in range(10)]
    verdicts = pd.concat(runs, axis=1)
    assert len(verdicts) >= 2 * 55
    changed = verdicts[verdicts.nunique(axis=1) > 1]
    assert changed.empty, changed
    shipped = pd.read_csv(processed / "model" / "conditional.csv", dtype={"code": str})
    shipped = shipped.set_index(["code", "year"])["verdict"]  # made with the stage's own seed
    assert shipped.sort_index().equals(verdicts[0].sort_index().rename("verdict"))


def test_every_due_rank_target_gets_a_probability_or_says_why(processed):
    from helpers.targets import goals as goal_table

    goals = goal_table.read(processed)
    odds = pd.read_csv(processed / "model" / "target_odds.csv", dtype={"code": str})
    due = goals[goals["kind"].isin(["rank_top_n", "rank_exact"]) & (goals["basis"] == 63)
                & (goals["measure"] == "overall") & goals["status"].isin(["met", "not_met"])]
    assert len(odds) == len(due.drop_duplicates(["code", "kind", "value", "due_year"])) > 0
    first = int(pd.read_csv(processed / "dti_rankings.csv").query(
        "basis == 63 and measure == 'overall'").groupby("year")["score"].count().loc[
        lambda c: c >= 63].index.min())
    # a probability exactly where a complete year lies before the due year
    assert (odds["p_model"].notna() == (odds["due_year"] > first)).all()
    assert odds.loc[odds["p_model"].isna(), "note"].str.contains("no complete year").all()
    brier = pd.read_csv(processed / "model" / "target_brier.csv")
    assert (brier["n"] >= 0).all() and brier["scope"].str.startswith("every province").any()


def test_the_targets_download_carries_the_probability_the_targets_page_shows(processed, tmp_path):
    from helpers.report import goal_pages

    goal_pages.write_pages(tmp_path, str(processed))
    table = pd.read_csv(tmp_path / goal_pages.CSV_NAME, dtype={"due_year": str})
    page = (tmp_path / "targets.html").read_text(encoding="utf-8")
    shown = [round(float(v), 4) for v in re.findall(r'<td data-v="([0-9.]+)"[^>]*>\d+ %</td>',
                                                    page)]
    assert sorted(table["model_probability"].dropna()) == sorted(shown) and shown
    assert table.loc[table["model_probability"].notna(), "status"].isin(["met", "not_met"]).all()


def test_level_verdicts_on_the_shipped_data_do_not_change_over_10_seeds(processed,
                                                                       shipped_factors):
    from helpers import rankings
    from helpers.model import blocks, intervals
    ranked = rankings.load(processed)
    years = model.complete_years(ranked)
    frame = model.model_frame(ranked, shipped_factors, years)
    runs = [pd.concat([intervals.rank_intervals(frame, blocks.MAIN, y, seed=s) for y in years])
            .set_index(["code", "year"])["direction"].rename(s) for s in range(10)]
    verdicts = pd.concat(runs, axis=1)
    assert len(verdicts) == 63 * len(years)
    changed = verdicts[verdicts.nunique(axis=1) > 1]
    assert changed.empty, changed  # with 2000 random draws, 8 of 189 changed
