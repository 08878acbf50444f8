"""Targets with probability (helpers.model.odds), on simulated panels (synthetic, tests only)."""

import numpy as np
import pandas as pd
import pytest
from test_model_conditional import ar1_panel

from helpers.model import blocks, odds


def rankings_of(data: pd.DataFrame) -> pd.DataFrame:
    """The clean rankings rows of a simulated panel (overall, 63 basis)."""
    ranked = data.assign(rank=data.groupby("year")["score"].rank(ascending=False, method="min"))
    return ranked.rename(columns={"code": "province_code"}).assign(
        basis=63, measure="overall")[["province_code", "year", "basis", "measure", "rank",
                                      "score"]]


def goal(code: str, value: int, due: float, status: str, kind: str = "rank_top_n",
         measure: str = "overall") -> dict:
    """One row of goals.csv (only the columns the odds read)."""
    return {"code": code, "name_vi": f"Tỉnh {code}", "basis": 63, "kind": kind,
            "measure": measure, "value": float(value), "due_year": due, "status": status}


def with_ranks(data: pd.DataFrame) -> pd.DataFrame:
    """The panel with each year's rank (the model frame carries it)."""
    return data.assign(rank=data.groupby("year")["score"].rank(ascending=False, method="min"))


def test_only_overall_rank_targets_due_and_judged_are_kept():
    goals = pd.DataFrame([goal("01", 10, 2024, "met"), goal("02", 10, 2025, "on_track"),
                          goal("03", 10, 2023, "not_met", measure="chinh_quyen_so",
                               kind="pillar_rank_top_n"),
                          goal("04", 20, 2023, "not_met"), goal("04", 20, 2023, "not_met")])
    kept = odds.due_targets(goals, 2024)
    assert kept["code"].tolist() == ["01", "04"]  # one row per distinct target


def test_the_probability_uses_no_data_of_the_due_year():
    data = with_ranks(ar1_panel(seed=5))
    goals = pd.DataFrame([goal("07", 20, 2024, "met")])
    before = odds.target_odds(goals, data, rankings_of(data), blocks.MAIN, 2024, 2024)
    changed = data.copy()
    late = changed["year"] == 2024
    changed.loc[late, "score"] = changed.loc[late, "score"].sample(frac=1, random_state=1).values
    after = odds.target_odds(goals, with_ranks(changed), rankings_of(changed), blocks.MAIN,
                             2024, 2024)
    assert before.loc[0, "model"] == odds.GIVEN_PREVIOUS
    assert before.loc[0, "p_model"] == pytest.approx(after.loc[0, "p_model"], abs=1e-12)
    assert 0 < before.loc[0, "p_model"] < 1
    assert before.loc[0, "p_base_rate"] == pytest.approx(20 / 63)


def test_a_target_due_before_any_complete_year_gets_no_probability_and_says_why():
    data = with_ranks(ar1_panel(seed=6))
    goals = pd.DataFrame([goal("03", 10, 2022, "not_met"), goal("03", 30, 2023, "met")])
    table = odds.target_odds(goals, data, rankings_of(data), blocks.MAIN, 2024, 2024)
    first, second = table.iloc[0], table.iloc[1]
    assert np.isnan(first["p_model"]) and "no complete year before 2022" in first["note"]
    assert second["model"] == odds.FUNDAMENTALS_ONLY and np.isfinite(second["p_model"])


def test_a_province_far_ahead_of_its_target_looks_likely_and_one_far_behind_unlikely():
    data = with_ranks(ar1_panel(seed=7, noise=0.01))
    last = data[data["year"] == 2023].sort_values("score", ascending=False)["code"].tolist()
    goals = pd.DataFrame([goal(last[0], 10, 2024, "met"), goal(last[-1], 10, 2024, "not_met")])
    table = odds.target_odds(goals, data, rankings_of(data), blocks.MAIN, 2024, 2024)
    assert table.loc[0, "p_model"] > 0.9 and table.loc[1, "p_model"] < 0.05
    assert table["p_persistence"].tolist() == [1.0, 0.0]


def test_when_the_model_is_true_its_probabilities_beat_the_base_rate_and_persistence():
    data = with_ranks(ar1_panel(seed=8, slopes={2023: 0.5, 2024: 0.5}, noise=0.04))
    scores = odds.every_province(data, rankings_of(data), blocks.MAIN, [10, 20, 30], 2024)
    latest = scores[scores["years"] == "2024"].set_index("predictor")
    model = latest.loc[f"model ({odds.GIVEN_PREVIOUS})"]
    assert model["brier"] < latest.loc["base_rate", "brier"]
    assert model["gain"] > 0 and model["n"] == 63 * 3


def test_the_brier_score_of_known_forecasts():
    assert odds.brier(pd.Series([1.0, 0.0]), pd.Series([True, False])) == 0.0
    assert odds.brier(pd.Series([0.5, 0.5]), pd.Series([True, False])) == 0.25
    assert odds.brier(pd.Series([0.8]), pd.Series([False])) == pytest.approx(0.64)


def test_no_targets_give_empty_tables_with_their_columns():
    data = with_ranks(ar1_panel(seed=9))
    table = odds.target_odds(pd.DataFrame(), data, rankings_of(data), blocks.MAIN, 2024, 2024)
    assert table.empty and list(table.columns) == odds.ODDS_COLUMNS
    assert odds.every_province(data, rankings_of(data), blocks.MAIN, [], 2024).empty
    assert odds.sentences(table, odds.targets_brier(table, 2024))[0].startswith("No DTI rank")


def test_the_targets_page_shows_the_probability_beside_met_or_not_met_only(tmp_path):
    from helpers.report import goal_pages

    (tmp_path / "model").mkdir()
    pd.DataFrame([{"code": "62", "kind": "rank_top_n", "threshold": 30, "due_year": 2023,
                   "p_model": 0.319}]).to_csv(tmp_path / "model" / "target_odds.csv",
                                              index=False)
    held = goal_pages.target_odds(pd.read_csv(tmp_path / "model" / "target_odds.csv",
                                              dtype={"code": str}))
    due = {"code": "62", "kind": "rank_top_n", "value": 30.0, "due_year": 2023.0,
           "status": "not_met"}
    assert goal_pages._odds_of(due, held) == pytest.approx(0.319)
    assert goal_pages._odds_of({**due, "status": "on_track"}, held) is None
    assert goal_pages._odds_of({**due, "value": 20.0}, held) is None
    assert goal_pages.target_odds(pd.DataFrame()) == {}
