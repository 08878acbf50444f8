"""Targets with probability: how likely a province's DTI rank target looked before its due year.

For each overall DTI rank target ("top N by year D", "rank N") due by the latest assessed
year and judged met or not met (``helpers.targets.goals``), the probability that the province
would rank N or better in year D, made only from the data before D:
- ``model``: the ranges given last year's score (``helpers.model.conditional``) fitted on the
  pairs before D (all provinces re-ranked together); where no pair lies before D, the
  fundamentals-only ranges fitted on the complete years before D; where no complete year lies
  before D (the 2020-2021 ranks are the few the press reported), no probability, and why;
- benchmarks: ``usual_move`` (last year's rank ± the moves of the pairs before D),
  ``persistence`` (1 if last year's published rank already reached N, else 0) and
  ``base_rate`` (N of the year's provinces: every province alike).
The Brier score (mean squared gap between probability and outcome, 0 best, 0.25 for a flat
one-half) is computed over the targets, and, since they are few, over every province of each
year predicted and every rank threshold the provinces set (the same probabilities, so the score
means something), with a province-bootstrap interval of the gain over persistence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .conditional import PREVIOUS, _pmf_rows, _rng, later_year, usual_move, with_pairs
from .estimation import complete, rank_within
from .intervals import simulated_ranks
from .validation import _fit_draws

KINDS = ("rank_top_n", "rank_exact")
MODEL = "model"
PREDICTORS = (MODEL, "usual_move", "persistence", "base_rate")
ODDS_COLUMNS = ["code", "name_vi", "kind", "threshold", "due_year", "status", "met", "from_year",
                "model", "p_model", "p_usual_move", "p_persistence", "p_base_rate", "note"]
BRIER_COLUMNS = ["scope", "years", "predictor", "n", "n_provinces", "brier", "gain",
                 "gain_low", "gain_high"]
GIVEN_PREVIOUS = "given last year's score"
FUNDAMENTALS_ONLY = "fundamentals only"


def due_targets(goals: pd.DataFrame, latest: int) -> pd.DataFrame:
    """Return the overall rank targets (63 basis) due by ``latest`` and judged met or not met."""
    rows = goals[goals["kind"].isin(KINDS) & (goals["measure"] == "overall")
                 & (goals["basis"] == 63) & (goals["due_year"] <= latest)
                 & goals["status"].isin(["met", "not_met"])]
    return rows.drop_duplicates(["code", "kind", "value", "due_year"]).reset_index(drop=True)


def year_cdfs(frame: pd.DataFrame, blocks: list[str], year: int, break_year: int, seed: int,
              n_sim: int = 2000, codes: set[str] | None = None
              ) -> tuple[str, dict[str, pd.DataFrame]]:
    """Return the model used and, per predictor, P(rank <= r) of each province (code × r).

    Only rows before ``year`` are fitted; an empty dict when nothing before it can be fitted.
    ``codes``: the model's rows only for these provinces (each the same as with every row).
    """
    pairs = complete(with_pairs(frame, break_year), ["score", PREVIOUS, *blocks])
    levels = complete(frame, ["score", *blocks])
    train, test = pairs[pairs["year"] < year], pairs[pairs["year"] == year].reset_index(drop=True)
    rng = _rng(seed, year, 7)
    out: dict[str, pd.DataFrame] = {}
    used = ""
    if not train.empty and not test.empty:
        rows = [i for i, c in enumerate(test["code"]) if codes is None or c in codes]
        draws = later_year(train, test, blocks, year, rng, rows)
        out[MODEL] = _cdf(np.array([d.mean(axis=0) for d in draws]).reshape(len(rows),
                                                                              len(test)),
                          test["code"].iloc[rows])
        out["usual_move"] = _cdf(np.stack([d.mean(axis=0) for d in usual_move(train, test)]),
                                 test["code"])
        used = GIVEN_PREVIOUS
    level_train = levels[levels["year"] < year]
    level_test = levels[levels["year"] == year].reset_index(drop=True)
    if MODEL not in out and not level_train.empty and not level_test.empty:
        draws = _fit_draws(level_train, level_test, blocks, n_sim, rng)
        out[MODEL] = _cdf(_pmf_rows(simulated_ranks(draws), len(level_test)),
                          level_test["code"])
        used = FUNDAMENTALS_ONLY
    return used, out


def _cdf(pmfs: np.ndarray, codes: pd.Series) -> pd.DataFrame:
    """Return cumulative rank probabilities (one row per code, columns the ranks 1..m)."""
    m = pmfs.shape[1]
    return pd.DataFrame(np.clip(np.cumsum(pmfs, axis=1), 0, 1), index=codes.to_numpy(),
                        columns=range(1, m + 1))


def published_rank(rankings: pd.DataFrame, code: str, year: int) -> float:
    """Return a province's published overall rank (63 basis) of a year, NaN when not held."""
    rows = rankings[(rankings["basis"] == 63) & (rankings["measure"] == "overall")
                    & (rankings["year"] == year) & (rankings["province_code"] == code)]
    ranks = rows["rank"].dropna()
    return float(ranks.iloc[0]) if len(ranks) else float("nan")


def at_most(cdf: pd.DataFrame | None, code: str, threshold: int) -> float:
    """Return P(rank <= threshold) of a province from a cdf table (NaN when not held)."""
    if cdf is None or code not in cdf.index:
        return float("nan")
    return float(cdf.loc[code, min(int(threshold), cdf.columns[-1])])


def target_odds(goals: pd.DataFrame, frame: pd.DataFrame, rankings: pd.DataFrame,
                blocks: list[str], latest: int, break_year: int, seed: int = 20221
                ) -> pd.DataFrame:
    """Return each due rank target with its probabilities (made before its due year)."""
    targets = due_targets(goals, latest) if len(goals) else pd.DataFrame()
    cache: dict[int, tuple[str, dict[str, pd.DataFrame]]] = {}
    rows = []
    for g in targets.itertuples(index=False) if len(targets) else []:
        due = int(g.due_year)
        if due not in cache:
            codes = set(targets.loc[targets["due_year"] == g.due_year, "code"])
            cache[due] = year_cdfs(frame[frame["year"] <= due], blocks, due, break_year, seed,
                                   codes=codes)
        used, cdfs = cache[due]
        previous = published_rank(rankings, g.code, due - 1)
        n_year = int(rankings[(rankings["basis"] == 63) & (rankings["year"] == due)
                              & (rankings["measure"] == "overall")]["province_code"].nunique())
        p_model = at_most(cdfs.get(MODEL), g.code, g.value)
        note = "" if np.isfinite(p_model) else (
            f"no complete year before {due} to fit (the earlier ranks are the few the press "
            "reported)" if not cdfs else f"{g.name_vi} lacks a factor or last year's score")
        rows.append({"code": g.code, "name_vi": g.name_vi, "kind": g.kind,
                     "threshold": int(g.value), "due_year": due, "status": g.status,
                     "met": g.status == "met", "from_year": due - 1,
                     "model": used if np.isfinite(p_model) else "", "p_model": p_model,
                     "p_usual_move": at_most(cdfs.get("usual_move"), g.code, g.value),
                     "p_persistence": float(previous <= g.value) if np.isfinite(previous)
                     else float("nan"),
                     "p_base_rate": min(1.0, g.value / n_year) if n_year else float("nan"),
                     "note": note})
    return pd.DataFrame(rows, columns=ODDS_COLUMNS)


def brier(p: pd.Series, outcome: pd.Series) -> float:
    """Return the Brier score: the mean squared gap between probability and outcome."""
    return float(((p.astype(float) - outcome.astype(float)) ** 2).mean())


def targets_brier(odds: pd.DataFrame, latest: int) -> pd.DataFrame:
    """Return the Brier score of each predictor over the due targets it gives a probability."""
    rows = []
    for predictor in PREDICTORS:
        held = odds.dropna(subset=[f"p_{predictor}"])
        rows.append({"scope": f"the provinces' rank targets due by {latest}",
                     "years": ", ".join(str(y) for y in sorted(held["due_year"].unique())),
                     "predictor": predictor, "n": len(held),
                     "n_provinces": held["code"].nunique(),
                     "brier": brier(held[f"p_{predictor}"], held["met"]) if len(held)
                     else float("nan"),
                     "gain": float("nan"), "gain_low": float("nan"), "gain_high": float("nan")})
    return pd.DataFrame(rows, columns=BRIER_COLUMNS)


def every_province(frame: pd.DataFrame, rankings: pd.DataFrame, blocks: list[str],
                   thresholds: list[int], break_year: int, seed: int = 20221,
                   n_boot: int = 1000) -> pd.DataFrame:
    """Return the Brier score of each predictor over every province × threshold of each year.

    The same probabilities as the targets', for every province of each year that can be
    predicted from earlier years and for each rank threshold the provinces set; the gain over
    persistence (positive: better) with a 95 % interval resampling provinces.
    """
    rows: list[dict] = []
    for year in sorted(int(y) for y in frame["year"].unique()) if thresholds else []:
        used, cdfs = year_cdfs(frame[frame["year"] <= year], blocks, year, break_year, seed)
        if not cdfs:
            continue
        codes = cdfs[MODEL].index
        observed = rank_within(frame[frame["year"] == year].set_index("code")["score"])
        previous = pd.Series({c: published_rank(rankings, c, year - 1) for c in codes})
        keep = [c for c in codes if c in observed.index and np.isfinite(previous[c])]
        m = len(cdfs[MODEL].columns)
        outcome = np.array([[observed[c] <= t for t in thresholds] for c in keep], float)
        probs = {MODEL: np.array([[at_most(cdfs[MODEL], c, t) for t in thresholds]
                                  for c in keep]),
                 "persistence": np.array([[float(previous[c] <= t) for t in thresholds]
                                          for c in keep]),
                 "base_rate": np.tile([min(1.0, t / m) for t in thresholds], (len(keep), 1))}
        if "usual_move" in cdfs:
            probs["usual_move"] = np.array([[at_most(cdfs["usual_move"], c, t)
                                             for t in thresholds] for c in keep])
        per_province = {k: ((v - outcome) ** 2).mean(axis=1) for k, v in probs.items()}
        boot = np.random.default_rng([seed, year, 11]).integers(0, len(keep),
                                                                (n_boot, len(keep)))
        base = per_province["persistence"]
        for predictor in PREDICTORS:
            if predictor not in per_province:
                continue
            own = per_province[predictor]
            gains = base[boot].mean(axis=1) - own[boot].mean(axis=1)
            label = f"{predictor} ({used})" if predictor == MODEL else predictor
            rows.append({"scope": "every province, the targets' rank thresholds "
                         f"({', '.join(map(str, thresholds))})", "years": str(year),
                         "predictor": label, "n": own.size * len(thresholds),
                         "n_provinces": len(keep), "brier": float(own.mean()),
                         "gain": float(base.mean() - own.mean()),
                         "gain_low": float(np.percentile(gains, 2.5)),
                         "gain_high": float(np.percentile(gains, 97.5))})
    return pd.DataFrame(rows, columns=BRIER_COLUMNS)


def thresholds_of(goals: pd.DataFrame) -> list[int]:
    """Return the distinct overall rank thresholds the provinces set (63 basis)."""
    if goals.empty:
        return []
    rows = goals[goals["kind"].isin(KINDS) & (goals["measure"] == "overall")
                 & (goals["basis"] == 63)]
    return sorted({int(v) for v in rows["value"].dropna()})


def detectable_effect(frame: pd.DataFrame, goals: pd.DataFrame, year: int,
                      power: float = 0.80, alpha: float = 0.05) -> tuple[float, int, int]:
    """Return the smallest difference in rank change between provinces with and without a rank
    target that a two-sample comparison would detect with this power, and the two group sizes.
    """
    from scipy import stats

    data = frame[frame["year"].isin([year - 1, year])].pivot_table(
        index="code", columns="year", values="rank").dropna()
    change = data[year - 1] - data[year]
    with_target = set(goals.loc[goals["kind"].isin(KINDS) & (goals["basis"] == 63), "code"])
    n1 = int(change.index.isin(list(with_target)).sum())
    n2 = len(change) - n1
    if n1 < 2 or n2 < 2:
        return float("nan"), n1, n2
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return float(z * change.std(ddof=1) * np.sqrt(1 / n1 + 1 / n2)), n1, n2


def sentences(table: pd.DataFrame, scores: pd.DataFrame) -> list[str]:
    """Say, from the tables, how many targets got a probability and how the Brier scores compare."""
    if table.empty:
        return ["No DTI rank target is due by the latest assessed year: no probability to score."]
    own = scores[scores["scope"].str.startswith("the provinces'")].set_index("predictor")
    held = table.dropna(subset=["p_model"])
    parts = ", ".join(f"{name} {own.loc[name, 'brier']:.3f} (n = {own.loc[name, 'n']})"
                      for name in PREDICTORS if name in own.index and own.loc[name, "n"])
    out = [f"{len(table)} overall DTI rank targets are due by the latest assessed year; "
           f"{len(held)} can be given a probability from the years before their due year (the "
           "others are due before any complete year). Brier score over the targets: "
           f"{parts or 'none'}: too few to compare predictors."]
    for year, group in scores[scores["scope"].str.startswith("every province")].groupby("years"):
        best = group.set_index("predictor")
        parts = "; ".join(f"{name} {row.brier:.3f}" + (
            f" (gain over persistence {row.gain:+.3f}, 95% CI {row.gain_low:+.3f} to "
            f"{row.gain_high:+.3f})" if name != "persistence" else "")
            for name, row in best.iterrows())
        out.append(f"Every province in {year}, P(rank ≤ each target threshold) made from the "
                   f"years before (n = {int(best['n'].iloc[0])} province-thresholds): {parts}.")
    return out
