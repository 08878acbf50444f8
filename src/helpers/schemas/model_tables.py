"""Schemas of the model stage's tables (data/processed/model/), checked before writing."""

from __future__ import annotations

import pandera.pandas as pa

_PROB = pa.Check.in_range(0.0, 1.0)



def _null_prob() -> pa.Column:
    """Return a float column in [0, 1] that may be empty."""
    return pa.Column(float, _PROB, nullable=True)

MODEL_CORRELATIONS = pa.DataFrameSchema(
    {
        "year": pa.Column(int),
        "sample": pa.Column(str),
        "factor": pa.Column(str),
        "label": pa.Column(str),
        "n": pa.Column(int, pa.Check.ge(8)),
        "rho": pa.Column(float, pa.Check.in_range(-1.0, 1.0)),
        "ci_low": pa.Column(float, pa.Check.in_range(-1.0, 1.0)),
        "ci_high": pa.Column(float, pa.Check.in_range(-1.0, 1.0)),
        "p": _null_prob(),
        "q": _null_prob(),
    },
    checks=[pa.Check(lambda f: f["ci_low"] <= f["ci_high"], error="interval ends in order"),
            pa.Check(lambda f: (f["sample"] == "complete") | f["q"].isna(),
                     error="a descriptive (partial) sample carries no q-value")],
    strict=True, coerce=True, name="model/correlations",
)

MODEL_COEFFICIENTS = pa.DataFrameSchema(
    {
        "model": pa.Column(str),
        "period": pa.Column(str),
        "factor": pa.Column(str),
        "label": pa.Column(str),
        "coef": pa.Column(float),
        "se": pa.Column(float, pa.Check.ge(0)),
        "ci_low": pa.Column(float),
        "ci_high": pa.Column(float),
        "p": pa.Column(float, _PROB),
        "vif": pa.Column(float, pa.Check.ge(1.0 - 1e-9), nullable=True),
        "n": pa.Column(int, pa.Check.gt(0)),
        "q": _null_prob(),
    },
    checks=[pa.Check(lambda f: (f["ci_low"] <= f["coef"]) & (f["coef"] <= f["ci_high"]),
                     error="the estimate lies inside its interval")],
    strict=True, coerce=True, name="model/coefficients",
)

MODEL_FITS = pa.DataFrameSchema(
    {
        "model": pa.Column(str),
        "period": pa.Column(str),
        "n": pa.Column(int, pa.Check.gt(0)),
        "r2": _null_prob(),
        "adj_r2": pa.Column(float, pa.Check.le(1.0), nullable=True),
        "cov_type": pa.Column(str),
        "factors": pa.Column(str),
        "p_test": _null_prob(),
        "test": pa.Column(str, nullable=True),
    },
    strict=True, coerce=True, name="model/fits",
)

_RANK = pa.Check.in_range(1, 63)

MODEL_PREDICTIONS = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "year": pa.Column(int),
        "observed_score": pa.Column(float, pa.Check.in_range(0.0, 1.0)),
        "observed_rank": pa.Column(int, _RANK),
        "rank_mid": pa.Column(float, pa.Check.in_range(1, 63)),
        "score_mid": pa.Column(float),
        **{f"rank_{end}{level}": pa.Column(int, _RANK)
           for level in (80, 95) for end in ("low", "high")},
        "outside80": pa.Column(bool),
        "outside95": pa.Column(bool),
        "direction": pa.Column(str, pa.Check.isin(["above", "below", "inside"])),
        "n_model": pa.Column(int, pa.Check.in_range(8, 63)),
        "name_vi": pa.Column(str),
        "region": pa.Column(str),
        "factor_status": pa.Column(str),
        "bench_train_years": pa.Column(str, nullable=True),
        "bench_persistence_mae": pa.Column(float, pa.Check.ge(0), nullable=True),
        "bench_fundamentals_mae": pa.Column(float, pa.Check.ge(0), nullable=True),
    },
    checks=[pa.Check(lambda f: ~f.duplicated(["code", "year"]), error="one row per province-year"),
            pa.Check(lambda f: (f["rank_low95"] <= f["rank_low80"])
                     & (f["rank_low80"] <= f["rank_high80"])
                     & (f["rank_high80"] <= f["rank_high95"]),
                     error="the 80 % interval lies inside the 95 % interval"),
            pa.Check(lambda f: f["outside80"] | ~f["outside95"],
                     error="outside the 95 % interval implies outside the 80 % interval")],
    strict=True, coerce=True, name="model/predictions",
)

MODEL_VALIDATION = pa.DataFrameSchema(
    {
        "train_years": pa.Column(str),
        "test_year": pa.Column(int),
        "predictor": pa.Column(str),
        "n": pa.Column(int, pa.Check.ge(8)),
        **{c: pa.Column(float, pa.Check.in_range(-1.0, 1.0), nullable=True)
           for c in ("rho", "rho_low", "rho_high")},
        **{c: pa.Column(float, pa.Check.ge(0)) for c in ("mae", "mae_low", "mae_high")},
        **{c: _null_prob() for c in ("coverage80", "coverage80_low", "coverage80_high")},
        **{c: pa.Column(float) for c in ("mae_gain", "mae_gain_low", "mae_gain_high")},
    },
    checks=[pa.Check(lambda f: f["train_years"].str[-4:].astype(int) < f["test_year"],
                     error="trained only on years before the test year")],
    strict=True, coerce=True, name="model/validation",
)

MODEL_CONTRIBUTIONS = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "year": pa.Column(int),
        "block": pa.Column(str),
        "label": pa.Column(str),
        "position": pa.Column(int, _RANK),
        "n_model": pa.Column(int),
        "coef": pa.Column(float),
        "ci_low": pa.Column(float),
        "ci_high": pa.Column(float),
        "contribution": pa.Column(float, pa.Check.in_range(-1.0, 1.0)),
        "fits": pa.Column(int, pa.Check.gt(0)),
        "fits_excluding_zero": pa.Column(int, pa.Check.ge(0)),
        "main_years": pa.Column(int, pa.Check.gt(0)),
        "main_excluding_zero": pa.Column(int, pa.Check.ge(0)),
    },
    checks=[pa.Check(lambda f: f["fits_excluding_zero"] <= f["fits"],
                     error="no more fits clear of zero than fits"),
            pa.Check(lambda f: f["main_excluding_zero"] <= f["main_years"],
                     error="no more main-model years clear of zero than years")],
    strict=True, coerce=True, name="model/contributions",
)

_VERDICTS = ["above", "edge_above", "inside", "edge_below", "below"]

MODEL_CONDITIONAL = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "year": pa.Column(int),
        "observed_rank": pa.Column(int, _RANK),
        "previous_rank": pa.Column(int, _RANK),
        "rank_mid": pa.Column(int, _RANK),
        **{f"rank_{end}{level}": pa.Column(int, _RANK)
           for level in (80, 95) for end in ("low", "high")},
        "p_at_or_above": pa.Column(float, pa.Check.in_range(0.0, 1.0 + 1e-6)),
        "p_at_or_below": pa.Column(float, pa.Check.in_range(0.0, 1.0 + 1e-6)),
        "p_mc_se": pa.Column(float, pa.Check.ge(0)),
        "pit": pa.Column(float, pa.Check.in_range(0.0, 1.0 + 1e-6)),
        "verdict": pa.Column(str, pa.Check.isin(_VERDICTS)),
        "direction": pa.Column(str, pa.Check.isin(["above", "below", "inside"])),
        "outside95": pa.Column(bool),
        **{f"change_{end}{level}": pa.Column(int, pa.Check.in_range(-62, 62))
           for level in (80, 95) for end in ("low", "high")},
        "observed_change": pa.Column(int, pa.Check.in_range(-62, 62)),
        "pair": pa.Column(str, pa.Check.str_matches(r"^\d{4}->\d{4}$")),
        "previous_score": pa.Column(float, pa.Check.in_range(0.0, 1.0)),
        "observed_score": pa.Column(float, pa.Check.in_range(0.0, 1.0)),
        "n_model": pa.Column(int, pa.Check.in_range(8, 63)),
        "fit": pa.Column(str),
        "verdict_in_sample": pa.Column(str, pa.Check.isin(_VERDICTS)),
        "name_vi": pa.Column(str),
        "region": pa.Column(str),
    },
    checks=[pa.Check(lambda f: ~f.duplicated(["code", "year"]), error="one row per province-year"),
            pa.Check(lambda f: (f["rank_low95"] <= f["rank_low80"])
                     & (f["rank_low80"] <= f["rank_high80"])
                     & (f["rank_high80"] <= f["rank_high95"]),
                     error="the 80 % range lies inside the 95 % range"),
            pa.Check(lambda f: f["change_low80"] == f["previous_rank"] - f["rank_high80"],
                     error="the change range is the rank range seen from last year's rank"),
            pa.Check(lambda f: (f["direction"] == "above") == (f["observed_rank"]
                                                                < f["rank_low80"]),
                     error="above the range exactly when the rank is better than its low end"),
            pa.Check(lambda f: (f["direction"] == "below") == (f["observed_rank"]
                                                                > f["rank_high80"]),
                     error="below the range exactly when the rank is worse than its high end")],
    strict=True, coerce=True, name="model/conditional",
)

MODEL_CONDITIONAL_VALIDATION = pa.DataFrameSchema(
    {
        "check": pa.Column(str),
        "train": pa.Column(str),
        "test_year": pa.Column(int),
        "predictor": pa.Column(str),
        "n": pa.Column(int, pa.Check.ge(8)),
        **{c: pa.Column(float, _PROB) for level in (80, 95)
           for c in (f"coverage{level}", f"band{level}_low", f"band{level}_high")},
        **{f"median_width{level}": pa.Column(float, pa.Check.ge(0)) for level in (80, 95)},
        "in_band80": pa.Column(bool),
        "pit_ks_p": pa.Column(float, _PROB),
    },
    strict=True, coerce=True, name="model/conditional_validation",
)

_CORR = pa.Check.in_range(-1.0, 1.0)

MODEL_RESIDUAL_CORRELATIONS = pa.DataFrameSchema(
    {"model": pa.Column(str), "year_a": pa.Column(int), "year_b": pa.Column(int),
     "gap": pa.Column(int, pa.Check.gt(0)),
     "n": pa.Column(int, pa.Check.ge(8)),
     **{c: pa.Column(float, _CORR) for c in ("r", "ci_low", "ci_high")}},
    checks=[pa.Check(lambda f: f["year_b"] - f["year_a"] == f["gap"], error="gap in years")],
    strict=True, coerce=True, name="model/residual_correlations",
)

MODEL_RANK_CHANGES = pa.DataFrameSchema(
    {"pair": pa.Column(str, pa.Check.str_matches(r"^\d{4}->\d{4}$")),
     "n": pa.Column(int, pa.Check.ge(8)),
     **{c: pa.Column(float, _CORR) for c in ("rho", "ci_low", "ci_high")}},
    strict=True, coerce=True, name="model/rank_changes",
)

_INDICES = ["ha_tang_so", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"]

MODEL_PILLAR_FITS = MODEL_COEFFICIENTS.add_columns(
    {"index": pa.Column(str, pa.Check.isin(_INDICES)), "r2": pa.Column(float, _PROB)}
).set_name("model/pillar_fits")

MODEL_PILLAR_SLOPES = pa.DataFrameSchema(
    {"index": pa.Column(str, pa.Check.isin(_INDICES)), "label": pa.Column(str),
     "block": pa.Column(str), "period": pa.Column(str), "coef": pa.Column(float),
     "se": pa.Column(float, pa.Check.ge(0)), "ci_low": pa.Column(float),
     "ci_high": pa.Column(float), "p": pa.Column(float, _PROB),
     "n": pa.Column(int, pa.Check.gt(0))},
    checks=[pa.Check(lambda f: (f["ci_low"] <= f["coef"]) & (f["coef"] <= f["ci_high"]),
                     error="the estimate lies inside its interval")],
    strict=True, coerce=True, name="model/pillar_slopes",
)

MODEL_PILLAR_TESTS = pa.DataFrameSchema(
    {"block": pa.Column(str), "period": pa.Column(str), "statistic": pa.Column(float,
                                                                                pa.Check.ge(0)),
     "p": pa.Column(float, _PROB), "n": pa.Column(int, pa.Check.gt(0)), "test": pa.Column(str)},
    strict=True, coerce=True, name="model/pillar_tests",
)

MODEL_PILLAR_VALIDATION = MODEL_VALIDATION.add_columns(
    {"index": pa.Column(str, pa.Check.isin(_INDICES)), "label": pa.Column(str)}
).set_name("model/pillar_validation")

_UNIT_RANK = pa.Check.in_range(1, 34)

MODEL_FORECAST = pa.DataFrameSchema(
    {"code": pa.Column(str, pa.Check.str_matches(r"^U\d{2}$")), "name_vi": pa.Column(str),
     "year": pa.Column(int), "n_units": pa.Column(int, pa.Check.in_range(2, 34)),
     "predecessors": pa.Column(int, pa.Check.ge(1)),
     **{c: pa.Column(int, _UNIT_RANK) for c in ("rank_mid", "rank_low80", "rank_high80",
                                                "rank_low95", "rank_high95")},
     "from_year": pa.Column(int), "made_on": pa.Column(str, pa.Check.str_matches(
         r"^\d{4}-\d{2}-\d{2}$")), "commit": pa.Column(str)},
    checks=[pa.Check(lambda f: ~f.duplicated("code"), error="one row per unit"),
            pa.Check(lambda f: f["from_year"] < f["year"], error="made from earlier years"),
            pa.Check(lambda f: (f["rank_low95"] <= f["rank_low80"])
                     & (f["rank_low80"] <= f["rank_high80"])
                     & (f["rank_high80"] <= f["rank_high95"]),
                     error="the 80 % range lies inside the 95 % range")],
    strict=True, coerce=True, name="model/forecast",
)

MODEL_FORECAST_SCORE = pa.DataFrameSchema(
    {"year": pa.Column(int), "n": pa.Column(int, pa.Check.ge(1)),
     "coverage80": pa.Column(float, _PROB), "coverage95": pa.Column(float, _PROB),
     "made_on": pa.Column(str), "commit": pa.Column(str)},
    strict=True, coerce=True, name="model/forecast_score",
)

MODEL_PILLAR_RANGES = pa.DataFrameSchema(
    {"code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")), "year": pa.Column(int),
     "index": pa.Column(str, pa.Check.isin(_INDICES)), "label": pa.Column(str),
     **{c: pa.Column(int, pa.Check.in_range(1, 63)) for c in (
         "observed_rank", "rank_low80", "rank_high80", "rank_low95", "rank_high95")},
     "rank_mid": pa.Column(float, pa.Check.in_range(1, 63)),
     "direction": pa.Column(str, pa.Check.isin(["above", "below", "inside"])),
     "outside95": pa.Column(bool), "n_model": pa.Column(int, pa.Check.ge(8)),
     "validated": pa.Column(str)},
    checks=[pa.Check(lambda f: ~f.duplicated(["code", "year", "index"]),
                     error="one row per province, year and index"),
            pa.Check(lambda f: (f["rank_low95"] <= f["rank_low80"])
                     & (f["rank_high80"] <= f["rank_high95"]),
                     error="the 80 % range lies inside the 95 % range")],
    strict=True, coerce=True, name="model/pillar_ranges",
)

_PROB_OR_NA = pa.Check.in_range(0.0, 1.0)

MODEL_TARGET_ODDS = pa.DataFrameSchema(
    {"code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")), "name_vi": pa.Column(str),
     "kind": pa.Column(str), "threshold": pa.Column(int, pa.Check.in_range(1, 63)),
     "due_year": pa.Column(int), "status": pa.Column(str, pa.Check.isin(["met", "not_met"])),
     "met": pa.Column(bool), "from_year": pa.Column(int), "model": pa.Column(str, nullable=True),
     **{f"p_{name}": pa.Column(float, _PROB_OR_NA, nullable=True)
        for name in ("model", "usual_move", "persistence", "base_rate")},
     "note": pa.Column(str, nullable=True)},
    checks=[pa.Check(lambda f: f["from_year"] < f["due_year"], error="made before the due year"),
            pa.Check(lambda f: f["met"] == (f["status"] == "met"), error="met agrees with status"),
            pa.Check(lambda f: f["p_model"].notna() | (f["note"].fillna("") != ""),
                     error="a target without a probability says why")],
    strict=True, coerce=True, name="model/target_odds",
)

MODEL_TARGET_BRIER = pa.DataFrameSchema(
    {"scope": pa.Column(str), "years": pa.Column(str, nullable=True),
     "predictor": pa.Column(str), "n": pa.Column(int, pa.Check.ge(0)),
     "n_provinces": pa.Column(int, pa.Check.ge(0)),
     "brier": pa.Column(float, _PROB_OR_NA, nullable=True),
     **{c: pa.Column(float, nullable=True) for c in ("gain", "gain_low", "gain_high")}},
    strict=True, coerce=True, name="model/target_brier",
)

MODEL_ANY = pa.DataFrameSchema(coerce=False, name="model/table")


MODEL_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "model/correlations": MODEL_CORRELATIONS,
    "model/coefficients": MODEL_COEFFICIENTS,
    "model/fits": MODEL_FITS,
    "model/predictions": MODEL_PREDICTIONS,
    "model/validation": MODEL_VALIDATION,
    "model/contributions": MODEL_CONTRIBUTIONS,
    "model/conditional": MODEL_CONDITIONAL,
    "model/conditional_validation": MODEL_CONDITIONAL_VALIDATION,
    "model/residual_correlations": MODEL_RESIDUAL_CORRELATIONS,
    "model/rank_changes": MODEL_RANK_CHANGES,
    "model/unit_check": MODEL_CONDITIONAL_VALIDATION.set_name("model/unit_check"),
    **{f"model/forecast_{year}": MODEL_FORECAST for year in range(2025, 2031)},
    **{f"model/forecast_{year}_score": MODEL_FORECAST_SCORE for year in range(2025, 2031)},
    "model/pillar_fits": MODEL_PILLAR_FITS,
    "model/pillar_slopes": MODEL_PILLAR_SLOPES,
    "model/pillar_tests": MODEL_PILLAR_TESTS,
    "model/pillar_validation": MODEL_PILLAR_VALIDATION,
    "model/pillar_ranges": MODEL_PILLAR_RANGES,
    "model/target_odds": MODEL_TARGET_ODDS,
    "model/target_brier": MODEL_TARGET_BRIER,
    **{f"model/{name}": MODEL_ANY for name in (
        "coverage", "anatomy", "dropped", "status", "specifications", "stability", "loadings",
        "point_errors")},
}
