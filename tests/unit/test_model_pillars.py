"""Planted truth for the pillars: the four main indices against the blocks, jointly.

Every panel is simulated (synthetic data, in tests only): 63 provinces, scores on 0-1.
"""

import numpy as np
import pandas as pd
from test_model_truth import panel

from helpers.model import blocks, pillars
from helpers.model.estimation import MAIN_INDICES


def published(data: pd.DataFrame, slopes: dict[str, float], seed: int) -> pd.DataFrame:
    """A rankings table whose four indices follow development with the planted slopes."""
    rng = np.random.default_rng(seed)
    rows = []
    for index in MAIN_INDICES:
        score = 0.5 + slopes[index] * data["development"] + rng.normal(scale=0.03,
                                                                        size=len(data))
        rows.append(pd.DataFrame({"province_code": data["code"], "year": data["year"],
                                  "basis": 63, "measure": index, "score": score,
                                  "rank": score.groupby(data["year"]).rank(ascending=False)}))
    return pd.concat(rows, ignore_index=True)


def test_the_cross_equation_test_finds_a_pillar_that_development_does_not_move():
    data = panel(seed=31)
    uneven = published(data, {"ha_tang_so": 0.04, "hd_chinh_quyen_so": 0.0,
                              "hd_kinh_te_so": 0.04, "hd_xa_hoi_so": 0.04}, seed=1)
    slopes, tests = pillars.joint(data, uneven, blocks.MAIN, [2022, 2023, 2024], 2024)
    development = tests[tests["block"] == "development"]
    assert (development["p"] < 0.01).all()
    government = slopes[(slopes["index"] == "hd_chinh_quyen_so")
                        & (slopes["block"] == "development")]
    assert (government["ci_low"] < 0).all() and (government["ci_high"] > 0).all()
    assert set(slopes["period"]) == {"2022-2023", "2024"}


def test_equal_planted_slopes_are_rarely_called_different():
    rejected = []
    for seed in range(3):
        data = panel(seed=40 + seed)
        even = published(data, dict.fromkeys(MAIN_INDICES, 0.04), seed=seed)
        tests = pillars.joint(data, even, blocks.MAIN, [2022, 2023, 2024], 2024)[1]
        rejected.append(tests.loc[tests["block"] == "development", "p"].min() < 0.05)
    assert sum(rejected) <= 1  # two tests each at 5 %: about one panel in ten by chance


def test_a_page_may_speak_per_index_only_where_the_fundamentals_hold_up_out_of_sample():
    data = panel(seed=32, fresh=True)  # development moves yearly: last year says little
    rankings = published(data, {"ha_tang_so": 0.08, "hd_chinh_quyen_so": 0.0,
                                "hd_kinh_te_so": 0.08, "hd_xa_hoi_so": 0.0}, seed=2)
    checked = pillars.validation(data, rankings, blocks.MAIN, [2022, 2023, 2024], n_sim=100,
                                 n_boot=100, seed=1)
    held = pillars.beats_persistence(checked)
    assert held["ha_tang_so"] and held["hd_kinh_te_so"]
    assert len(held) == len(MAIN_INDICES)
    # 8 parameter draws: which indices get ranges and their shape do not depend on how many
    ranges = pillars.ranges(data, rankings, blocks.MAIN, [2022, 2023, 2024], checked, seed=1,
                            n_parameters=8)
    assert set(ranges["index"]) == {i for i, ok in held.items() if ok}
    assert len(ranges) == 63 * 3 * int(held.sum())
    assert (ranges["rank_low80"] <= ranges["rank_high80"]).all()


def test_no_index_holding_up_means_no_per_index_range():
    checked = pd.DataFrame({"index": ["ha_tang_so"] * 2, "test_year": [2023, 2023],
                            "predictor": [pillars.PERSISTENCE, pillars.FUNDAMENTALS],
                            "mae_gain_high": [0.0, -1.0]})
    data = panel(seed=33)
    table = pillars.ranges(data, published(data, dict.fromkeys(MAIN_INDICES, 0.04), 3),
                           blocks.MAIN, [2022], checked, seed=1)
    assert table.empty and list(table.columns) == pillars.RANGE_COLUMNS
