"""Which provincial fundamentals go with a better DTI, and what they cannot say: the model stage.

n is 63 a year and the complete years are few, so validation comes before interpretation:
fundamentals are judged out of sample against persistence (``helpers.validation``); a
province's rank is given as an interval simulated from its fundamentals
(``helpers.intervals``); the factors enter as pre-stated blocks (``helpers.blocks``); the
repeated years are modelled as such (``helpers.repeated``). Statistics primitives live in
``helpers.estimation``. The words are "associated with": none of these models identifies causes.

Outcome: the overall DTI score on its published 0-1 scale. The model years are the years in
which every province of the 63 basis has an overall score (derived from the clean table);
years with a few reported ranks only (2020, 2021) are described, without p- or q-values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from scipy import stats

from .. import config, gitinfo, provinces
from ..schemas import validate_tables
from ..store import write_tables
from . import (
    blocks,
    conditional,
    covariates,
    estimation,
    intervals,
    odds,
    parallel,
    pillars,
    repeated,
    units,
    validation,
)
from .estimation import (  # noqa: F401  (re-exported: the notebook and tests use model.*)
    anatomy,
    bh,
    correlations,
    loo_predictions,
    normal_scores,
    ols,
)

MIN_COVERAGE = 0.9
#: DTI 2024 was computed with a changed method (47 indicators instead of 98).
METHOD_CHANGE_YEAR = 2024
#: The pieces of ``run`` a second process computes: about half of its CPU time (2.6 of 5.4
#: CPU-s on the shipped data); the other pieces and every table that needs none of these
#: (fits, specifications, checks, forecast: 0.6 CPU-s) run here meanwhile.
ASIDE = ("pillars", "correlations", "intervals", "conditional_oos")


def complete_years(rankings: pd.DataFrame, basis: int = 63) -> list[int]:
    """Return the years in which every province of the basis has an overall score."""
    overall = rankings[(rankings["basis"] == basis) & (rankings["measure"] == "overall")]
    counts = overall.dropna(subset=["score"]).groupby("year")["province_code"].nunique()
    return sorted(int(y) for y in counts[counts >= basis].index)


def partial_years(rankings: pd.DataFrame, basis: int = 63) -> list[int]:
    """Return the years with some, but not all, provinces ranked (press-reported years)."""
    overall = rankings[(rankings["basis"] == basis) & (rankings["measure"] == "overall")]
    counts = overall.dropna(subset=["rank"]).groupby("year")["province_code"].nunique()
    done = set(complete_years(rankings, basis))
    return sorted(int(y) for y in counts.index if int(y) not in done and counts[y] >= 8)


def unit_only_years(rankings: pd.DataFrame) -> list[int]:
    """Return the years complete for the 34 units but not for the 63 provinces."""
    return [y for y in complete_years(rankings, 34) if y not in complete_years(rankings, 63)]


def unit_only_note(year: int) -> str:
    """Return why a year published for the 34 units only is not modelled."""
    return (f"{year}: not modelled: DTI {year} was published for the 34 units only (n = 34 "
            "units), and the factors are held per pre-2025 province (63), not per unit")


@dataclass
class ModelData:
    """Outcome and factors by province and year, with what was dropped and why."""

    frame: pd.DataFrame
    factors: dict[int, list[str]]
    dropped: list[str] = field(default_factory=list)


def assemble(rankings: pd.DataFrame, factor_frame: pd.DataFrame, years: list[int],
             factors: list[str], min_coverage: float = MIN_COVERAGE) -> ModelData:
    """Join the overall DTI (63 basis) with the factors; drop thin factors, then thin rows."""
    overall = rankings[(rankings["basis"] == 63) & (rankings["measure"] == "overall")
                       & rankings["year"].isin(years)]
    frame = overall[["province_code", "year", "rank", "score"]].rename(
        columns={"province_code": "code"}).merge(factor_frame, on=["code", "year"], how="left")
    frame["region"] = frame["code"].map(provinces.provinces()["region_en_nso"])
    frame["name_vi"] = frame["code"].map(provinces.provinces()["name_vi"])
    used: dict[int, list[str]] = {}
    dropped: list[str] = []
    for year in years:
        group = frame[frame["year"] == year]
        keep = []
        for name in factors:
            share = group[name].notna().mean() if len(group) else 0.0
            if share >= min_coverage:
                keep.append(name)
            else:
                dropped.append(f"{year}: factor {name} dropped, values for "
                               f"{group[name].notna().sum()} of {len(group)} provinces")
        gaps = group[group[keep].isna().any(axis=1)]
        for row in gaps.itertuples(index=False):
            lacking = [f for f in keep if pd.isna(getattr(row, f))]
            dropped.append(f"{year}: {row.name_vi} lacks {', '.join(lacking)}")
        used[year] = keep
    return ModelData(frame, used, dropped)


def block_frame(rankings: pd.DataFrame, framed: pd.DataFrame, years: list[int],
                needed: list[str]) -> tuple[ModelData, blocks.Composite, pd.DataFrame]:
    """Assemble the model years and add the blocks (development fitted on those years)."""
    data = assemble(rankings, framed, years, needed)
    fitted = blocks.composite(data.frame[data.frame["year"].isin(years)],
                              covariates.DEVELOPMENT_FACTORS)
    return data, fitted, blocks.with_blocks(data.frame, fitted)


def model_frame(rankings: pd.DataFrame, factor_table: covariates.FactorTable,
                years: list[int] | None = None, lag: int = 1) -> pd.DataFrame:
    """Return the model years' rows with the blocks, as ``run`` builds them."""
    years = list(years) if years else complete_years(rankings)
    framed = covariates.for_dti_year(factor_table, years, lag)
    needed = list(dict.fromkeys([*covariates.DEVELOPMENT_FACTORS, "pci"]))
    return block_frame(rankings, framed, years, needed)[2]


@dataclass
class Results:
    """Every table the modelling stage writes, and the notes on what was dropped."""

    tables: dict[str, pd.DataFrame]
    dropped: list[str]


def run(rankings: pd.DataFrame, factor_table: covariates.FactorTable,
        years: list[int] | None = None, factors: list[str] | None = None, lag: int = 1,
        n_boot: int = 2000, seed: int = 20221, n_sim: int = 2000,
        model_dir: Path | None = None, goals: pd.DataFrame | None = None,
        workers: int | None = None) -> Results:
    """Validation, rank intervals, block models, specifications, repeated years, correlations.

    ``years``: the model years (None: every complete year); ``factors``: the candidate factors
    described by correlations (None: all of covariates.FACTORS); ``model_dir``: the model
    tables' folder (None: data/processed/model), beside whose processed folder a forecast made
    before is kept (data/forecasts), scored once its year is published;
    ``goals``: the provinces' targets (data/processed/goals.csv) whose odds are computed
    (None: none); ``workers``: processes (None: DTI_MODEL_WORKERS, else the cores, at most 2;
    1: one process), identical results either way (helpers.model.parallel).
    """
    years = list(years) if years else complete_years(rankings)
    skipped = [y for y in years if y in unit_only_years(rankings)]
    years = [y for y in years if y not in skipped]
    if not years:
        raise ValueError("no year to model: " + "; ".join(map(unit_only_note, skipped)))
    described = list(factors) if factors else list(covariates.FACTORS)
    needed = list(dict.fromkeys([*described, *covariates.DEVELOPMENT_FACTORS, "pci",
                                 "papi_egov"]))
    framed = covariates.for_dti_year(factor_table, years, lag)
    data, fitted, frame = block_frame(rankings, framed, years, needed)
    frame["factor_status"] = blocks.status_of(frame, blocks.MAIN)
    notes = [*factor_table.notes, *map(unit_only_note, skipped), *data.dropped]

    # the forecast's commit (git, cached) is read before the worker forks: git forked from this
    # process while the worker runs would count its pages a third time in the summed RSS
    gitinfo.commit()
    with parallel.running(
            _pieces(frame, rankings, factor_table, years, described, lag, n_boot, n_sim, seed,
                    model_dir, goals), ASIDE, workers) as done:
        # what needs no piece of the worker's is done here while it works
        here = _tables_here(frame, rankings, factor_table, framed, fitted, years, needed, lag,
                            n_boot, seed, model_dir, done["ranges"])
        checked = done["validation"]
        tables = {
            "coverage": here["coverage"],
            "status": here["status"],
            "correlations": done["correlations"],
            "coefficients": here["coefficients"],
            "fits": here["fits"],
            "predictions": _predictions(pd.concat(done["intervals"], ignore_index=True), frame,
                                        checked),
            "contributions": here["contributions"],
            "validation": checked,
            "conditional": here["conditional"],
            **done["pillars"],
            "unit_check": here["unit_check"],
            **here["forecast"],
            **done["targets"],
            "residual_correlations": here["residual_correlations"],
            "rank_changes": here["rank_changes"],
            "conditional_validation": pd.concat(
                [done["conditional_oos"], here["in_year"]], ignore_index=True),
            "point_errors": done["point_errors"],
            "specifications": here["specifications"],
            "stability": here["stability"],
            "loadings": here["loadings"],
            "anatomy": here["anatomy"],
            "dropped": pd.DataFrame({"note": notes}),
        }
    return Results(tables, notes)


def _tables_here(frame: pd.DataFrame, rankings: pd.DataFrame,
                 factor_table: covariates.FactorTable, framed: pd.DataFrame,
                 fitted: blocks.Composite, years: list[int], needed: list[str], lag: int,
                 n_boot: int, seed: int, model_dir: Path | None, ranges: pd.DataFrame
                 ) -> dict[str, Any]:
    """Return run's tables that need none of the pieces run aside (fits, specifications,
    checks, forecast): computed while the worker computes those."""
    period = f"{min(years)}-{max(years)}"
    fits, coefficients = [], []
    for year in years:
        fit = ols(frame[frame["year"] == year], blocks.MAIN, label="blocks_ols_hc3",
                  period=str(year), labels=blocks.LABELS)
        fits.append(fit.stats)
        coefficients.append(fit.coefficients)
    if len(years) > 1:
        for table, stats in (repeated.mixed(frame, blocks.MAIN, blocks.LABELS, period),
                             *([repeated.break_test(frame, blocks.MAIN, blocks.LABELS, period,
                                                    METHOD_CHANGE_YEAR)]
                               if METHOD_CHANGE_YEAR in years[1:] else [])):
            fits.append(stats)
            coefficients.append(table)
    if not ranges.empty:
        table, stats = conditional.coefficients(frame, blocks.MAIN, years, METHOD_CHANGE_YEAR,
                                                blocks.LABELS)
        fits.append(stats)
        coefficients.append(table)
    other = assemble(rankings, covariates.for_dti_year(factor_table, years, 1 - lag), years,
                     needed)
    specs = blocks.specifications(frame, years, extra={
        f"lag {1 - lag}": blocks.with_blocks(other.frame, fitted)})
    stability = blocks.stability(specs)
    return {
        "coverage": covariates.coverage(framed),
        "status": covariates.status_summary(framed),
        "coefficients": pd.concat(coefficients, ignore_index=True),
        "fits": pd.DataFrame(fits),
        "contributions": _contributions(frame, pd.concat(coefficients, ignore_index=True),
                                        stability, years),
        "conditional": _named(ranges, frame),
        "unit_check": units.check(frame, rankings, years, METHOD_CHANGE_YEAR, seed),
        "forecast": _forecast(frame, rankings, years, seed, model_dir),
        "residual_correlations": pd.concat([
            repeated.residual_correlations(frame[frame["year"].isin(years)], blocks.MAIN),
            conditional.residual_correlations(frame, blocks.MAIN, years, METHOD_CHANGE_YEAR)],
            ignore_index=True),
        "rank_changes": estimation.rank_change_correlation(frame[frame["year"].isin(years)],
                                                           n_boot=min(n_boot, 1000), seed=seed),
        "in_year": conditional.in_year(ranges, seed),
        "specifications": specs,
        "stability": stability,
        "loadings": blocks.loadings(frame, years),
        "anatomy": anatomy(rankings, years),
    }


def _pieces(frame: pd.DataFrame, rankings: pd.DataFrame, factor_table: covariates.FactorTable,
            years: list[int], described: list[str], lag: int, n_boot: int, n_sim: int,
            seed: int, model_dir: Path | None, goals: pd.DataFrame | None
            ) -> dict[str, Callable[[], Any]]:
    """Return run's independent simulations and bootstraps, each seeded on its own."""
    return {
        "ranges": lambda: conditional.table(frame, blocks.MAIN, years, METHOD_CHANGE_YEAR, seed),
        "pillars": lambda: _pillar_tables(frame, rankings, years, n_sim, n_boot, seed),
        "point_errors": lambda: point_errors(frame, years),
        "correlations": lambda: _correlation_table(frame, rankings, factor_table, described,
                                                   lag, n_boot, seed),
        "intervals": lambda: [intervals.rank_intervals(frame, blocks.MAIN, year, seed)
                              for year in years],
        "validation": lambda: validation.out_of_sample(frame, years, blocks.MAIN,
                                                       n_sim=min(n_sim, 1000),
                                                       n_boot=min(n_boot, 1000), seed=seed),
        "targets": lambda: _target_tables(frame, rankings, years, goals, seed),
        "conditional_oos": lambda: conditional.out_of_sample(
            frame, blocks.MAIN, years, METHOD_CHANGE_YEAR, seed, n_sim=min(n_sim, 1000)),
    }


def _correlation_table(frame: pd.DataFrame, rankings: pd.DataFrame,
                       factor_table: covariates.FactorTable, described: list[str], lag: int,
                       n_boot: int, seed: int) -> pd.DataFrame:
    """Return the factors' rank correlations: complete years, then the press-reported years."""
    corr = correlations(frame, [*described, "development"], n_boot=n_boot, seed=seed)
    corr.loc[corr["factor"] == "development", "label"] = blocks.LABELS["development"]
    partial = partial_years(rankings)
    corr_partial = correlations(
        assemble(rankings, covariates.for_dti_year(factor_table, partial, lag), partial,
                 described, min_coverage=0.0).frame, described, n_boot=n_boot, seed=seed,
        sample="partial: only the ranks the press chose to report (descriptive, no q-values)",
        descriptive=True) if partial else corr.iloc[0:0]
    return pd.concat([corr, corr_partial], ignore_index=True)


def _pillar_tables(frame: pd.DataFrame, rankings: pd.DataFrame, years: list[int], n_sim: int,
                   n_boot: int, seed: int) -> dict[str, pd.DataFrame]:
    """Fit and validate the four main indices against the blocks (helpers.model.pillars)."""
    fitted = frame[frame["year"].isin(years)]
    slopes, tests = (pillars.joint(fitted, rankings, blocks.MAIN, years, METHOD_CHANGE_YEAR)
                     if len(years) > 1 else (pd.DataFrame(columns=pillars.SLOPE_COLUMNS),
                                             pd.DataFrame(columns=pillars.TEST_COLUMNS)))
    checked = pillars.validation(fitted, rankings, blocks.MAIN, years, n_sim=min(n_sim, 500),
                                 n_boot=min(n_boot, 500), seed=seed)
    return {"pillar_fits": pillars.per_year(fitted, rankings, blocks.MAIN, years, blocks.LABELS),
            "pillar_slopes": slopes, "pillar_tests": tests, "pillar_validation": checked,
            "pillar_ranges": pillars.ranges(fitted, rankings, blocks.MAIN, years, checked,
                                            seed)}


def _target_tables(frame: pd.DataFrame, rankings: pd.DataFrame, years: list[int],
                   goals: pd.DataFrame | None, seed: int) -> dict[str, pd.DataFrame]:
    """Return each due rank target's probability and the Brier scores (helpers.model.odds)."""
    goals = pd.DataFrame() if goals is None else goals
    held = frame[frame["year"].isin(years)]
    table = odds.target_odds(goals, held, rankings, blocks.MAIN, max(years), METHOD_CHANGE_YEAR,
                             seed)
    return {"target_odds": table, "target_brier": pd.concat(
        [odds.targets_brier(table, max(years)),
         odds.every_province(held, rankings, blocks.MAIN, odds.thresholds_of(goals),
                             METHOD_CHANGE_YEAR, seed)], ignore_index=True)}


def _forecast(frame: pd.DataFrame, rankings: pd.DataFrame, years: list[int], seed: int,
              model_dir: Path | None) -> dict[str, pd.DataFrame]:
    """Return the next year's 34-unit forecast, or, once that year is published, its score."""
    if len(years) < 2:
        return {}
    saved = units.read_kept(Path(model_dir or config.PROCESSED_DIR / "model"), max(years) + 1)
    return units.forecast_tables(frame, rankings, years, METHOD_CHANGE_YEAR, saved, seed)


def _named(table: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Add each province's name and region to a per-province table."""
    if table.empty:
        return table.reindex(columns=[*table.columns, "name_vi", "region"])
    return table.merge(frame[["code", "year", "name_vi", "region"]], on=["code", "year"],
                       how="left")


def _predictions(table: pd.DataFrame, frame: pd.DataFrame, checked: pd.DataFrame
                 ) -> pd.DataFrame:
    """Add names, region, input status and the year's out-of-sample benchmark to the intervals."""
    info = frame[["code", "year", "name_vi", "region", "factor_status"]]
    out = table.merge(info, on=["code", "year"], how="left")
    pick = {validation.PERSISTENCE: "bench_persistence_mae",
            validation.FUNDAMENTALS: "bench_fundamentals_mae"}
    bench = checked[checked["predictor"].isin(list(pick))].pivot_table(
        index=["test_year", "train_years"], columns="predictor", values="mae").rename(
        columns=pick).reset_index().rename(columns={"test_year": "year",
                                                    "train_years": "bench_train_years"})
    bench = bench.reindex(columns=["year", "bench_train_years", *pick.values()])
    return out.merge(bench.astype({"year": int}), on="year", how="left")


def main_counts(coefficients: pd.DataFrame, block: str) -> tuple[int, int]:
    """Return (years, years whose 95 % interval is clear of zero) of a block, main model."""
    main = coefficients[(coefficients["model"] == "blocks_ols_hc3")
                        & (coefficients["factor"] == block)]
    clear = (main["ci_low"] > 0) | (main["ci_high"] < 0)
    return len(main), int(clear.sum())


def _contributions(frame: pd.DataFrame, coefficients: pd.DataFrame, stability: pd.DataFrame,
                   years: list[int]) -> pd.DataFrame:
    """Per province and year, each sign-stable block's position and contribution (0-1 score)."""
    stable = stability.loc[stability["stable"], "block"].tolist()
    fits = stability.set_index("block")
    rows = []
    main = coefficients[coefficients["model"] == "blocks_ols_hc3"]
    for year in years:
        data = frame[frame["year"] == year].dropna(subset=["score", *blocks.MAIN])
        coef = main[main["period"] == str(year)].set_index("factor")
        for block in stable:
            z = (data[block] - data[block].mean()) / data[block].std(ddof=0)
            rows.append(pd.DataFrame({
                "code": data["code"], "year": year, "block": block,
                "label": blocks.LABELS[block],
                "position": data[block].rank(ascending=False, method="min").astype(int),
                "n_model": len(data), "coef": coef.loc[block, "coef"],
                "ci_low": coef.loc[block, "ci_low"], "ci_high": coef.loc[block, "ci_high"],
                "contribution": z * coef.loc[block, "coef"],
                "fits": fits.loc[block, "fits"],
                "fits_excluding_zero": fits.loc[block, "excluding_zero"],
                "main_years": main_counts(coefficients, block)[0],
                "main_excluding_zero": main_counts(coefficients, block)[1]}))
    columns = ["code", "year", "block", "label", "position", "n_model", "coef", "ci_low",
               "ci_high", "contribution", "fits", "fits_excluding_zero", "main_years",
               "main_excluding_zero"]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=columns)


def point_errors(frame: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Return, per year, how far leave-one-out point predicted ranks miss the observed rank."""
    rows = []
    for year in years:
        gaps = loo_predictions(frame, blocks.MAIN, year)["rank_residual"].abs()
        rows.append({"year": year, "n": len(gaps), "mean_abs_gap": gaps.mean(),
                     "median_abs_gap": gaps.median(), "max_abs_gap": int(gaps.max()),
                     "share_10_or_more": float((gaps >= 10).mean())})
    return pd.DataFrame(rows)


def outside_counts(predictions: pd.DataFrame) -> pd.DataFrame:
    """Return, per year, how many provinces lie above or below their 80 % interval."""
    counts = predictions.groupby(["year", "direction"]).size().unstack(fill_value=0)
    for column in ("above", "below", "inside"):
        if column not in counts:
            counts[column] = 0
    counts["n"] = counts.sum(axis=1)
    counts["outside80"] = counts["above"] + counts["below"]
    return counts[["n", "above", "below", "outside80"]].reset_index()


def summary(results: Results, alpha: float = 0.05) -> list[str]:
    """Say, in plain sentences built from the results, what survives validation."""
    t = results.tables
    sentences = [validation.verdict(t["validation"])]
    for row in outside_counts(t["predictions"]).itertuples():
        expected, low, high = intervals.chance_outside(row.n, 1 + len(blocks.MAIN))
        sentences.append(f"In {row.year}, {row.outside80} of {row.n} provinces lie outside "
                         f"their 80% rank interval ({row.above} above, {row.below} below); "
                         f"intervals fitted on the same provinces leave about {expected:.0f} "
                         f"outside by chance ({low}-{high} in 95% of samples).")
    for row in t["stability"].itertuples():
        if row.stable:
            years, clear = main_counts(t["coefficients"], row.block)
            sentences.append(f"{row.label} is associated with the score with the same sign "
                             f"in each of the {years} years of the main model, its 95% "
                             f"interval clear of zero in {clear} of {years}; the sign holds in "
                             f"all {row.fits} alternative fits, a robustness display only (they "
                             f"share most rows; {row.excluding_zero} clear of zero).")
        else:
            sentences.append(f"{row.label}: the sign is not stable ({row.positive} positive, "
                             f"{row.negative} negative of {row.fits} fits); no contribution "
                             "is reported for it.")
    if "conditional" in t:
        sentences += [conditional.slope_sentence(t["coefficients"]),
                      *conditional.ranges_sentences(t["conditional"]),
                      conditional.validation_sentence(t["conditional_validation"])]
    sentences += persistence_sentences(t)
    if len(t.get("pillar_tests", [])):
        sentences += pillars.sentences(t["pillar_fits"], t["pillar_tests"],
                                       t["pillar_validation"])
    fits = t["fits"].set_index("model")
    name = f"slopes_change_{METHOD_CHANGE_YEAR}"
    if name in fits.index:
        sentences.append(f"Do the block slopes change at the {METHOD_CHANGE_YEAR} method "
                         f"change? {fits.loc[name, 'test']}, p = {fits.loc[name, 'p_test']:.3f}"
                         f" (n = {fits.loc[name, 'n']}); "
                         f"{_power_clause(t['coefficients'], name)}.")
    corr = t["correlations"]
    complete = corr[corr["sample"] == "complete"]
    for year, group in complete.groupby("year"):
        strong = group[group["q"] < alpha]
        best = group.loc[group["rho"].idxmin()]
        sentences.append(
            f"In {year} (n = {best['n']}), {len(strong)} of {len(group)} factors are associated "
            f"with the rank after the false-discovery adjustment; the most negative rho is "
            f"{best['label'].lower()} ({best['rho']:.2f}, 95% CI {best['ci_low']:.2f} to "
            f"{best['ci_high']:.2f}; negative: higher values go with a better rank).")
    return sentences


def persistence_sentences(t: dict[str, pd.DataFrame]) -> list[str]:
    """Say how ranks regress to the mean and how residuals persist, from the tables."""
    out = []
    changes = t.get("rank_changes", pd.DataFrame())
    if len(changes):
        parts = "; ".join(f"{r.pair} {r.rho:.2f} (95% CI {r.ci_low:.2f} to {r.ci_high:.2f})"
                          for r in changes.itertuples())
        out.append(f"Lower-ranked provinces tend to rise: Spearman's rho of the rank change with "
                   f"last year's rank {parts}. Regression to the mean alone does this (scores "
                   "measured with noise, no province catching up), so it is no evidence of "
                   "catching up.")
    pairs = t.get("residual_correlations", pd.DataFrame())
    levels = pairs[pairs["model"] == repeated.LEVELS_MODEL] if len(pairs) else pairs
    if len(levels) and levels["gap"].nunique() > 1:
        by_gap = levels.groupby("gap")["r"].mean()
        out.append("Residuals of the same province (fundamentals only) correlate "
                   + ", ".join(f"{r:.2f} {g} year{'s' if g > 1 else ''} apart"
                               for g, r in by_gap.items())
                   + f" (an AR(1) with the one-year value implies "
                   f"{repeated.ar1_implied(levels):.2f} two years apart): one province random "
                   "intercept, which assumes the same correlation at every distance, is an "
                   "average of these.")
    given = pairs[pairs["model"] == conditional.GIVEN_MODEL] if len(pairs) else pairs
    if len(given):
        parts = "; ".join(f"{r.year_a - 1}->{r.year_a} with {r.year_b - 1}->{r.year_b} "
                          f"{r.r:.2f} (95% CI {r.ci_low:.2f} to {r.ci_high:.2f}, n = {r.n})"
                          for r in given.itertuples())
        out.append("Given last year's score, the residuals of the same province in consecutive "
                   f"pairs correlate {parts}: last year's score carries the persistence (an "
                   "AR(1) in the mean), so the ranges draw each year's residual independently, "
                   "with no extra covariance.")
    return out


def _power_clause(coefficients: pd.DataFrame, name: str) -> str:
    """Say how large a change of development's slope the break test could detect."""
    size, share = repeated.detectable_change(coefficients[coefficients["model"] == name],
                                             "development")
    return (f"the test detects a change of development's slope of {size:.3f} ({share:.0%} of "
            "the slope) with 80% power: a smaller change is missed more than one time in five, so "
            "'not rejected' is not 'unchanged'")


def hypotheses(results: Results) -> list[str]:
    """Check the notebook's four pre-stated hypotheses against the tables, one sentence each."""
    t = results.tables
    out = []
    stability = t["stability"].set_index("block")
    for number, block in ((1, "development"), (2, "governance")):
        if block not in stability.index:
            continue
        row = stability.loc[block]
        held = row["stable"] and row["sign"] > 0
        years, clear = main_counts(t["coefficients"], block)
        strength = ("" if clear >= years / 2 else "; weakly: most years' intervals include zero")
        out.append(f"H{number} ({row['label']} goes with a higher score): "
                   f"{'holds' if held else 'does not hold'} in sign, {row['positive']} of "
                   f"{row['fits']} fits positive; in the main model clear of zero in {clear} of "
                   f"{years} years{strength}.")
    checked = t["validation"]
    beats = checked[(checked["predictor"] == validation.FUNDAMENTALS)
                    & (checked["mae_gain_low"] > 0)]
    tested = checked["test_year"].nunique()
    out.append("H3 (fundamentals do not beat persistence out of sample): " + (
        f"{'holds' if beats.empty else 'does not hold'} ({len(beats)} of {tested} splits "
        "beaten)." if tested else "not tested (one model year)."))
    fits = t["fits"].set_index("model")
    name = f"slopes_change_{METHOD_CHANGE_YEAR}"
    if name in fits.index:
        p = fits.loc[name, "p_test"]
        out.append(f"H4 (slopes unchanged at {METHOD_CHANGE_YEAR}): "
                   f"{'not rejected' if p >= 0.05 else 'rejected'} (p = {p:.3f}); "
                   f"{_power_clause(t['coefficients'], name)}.")
    return out


def validate(results: Results) -> dict[str, pd.DataFrame]:
    """Validate every model table against its schema (raising one error listing all)."""
    named = {f"model/{name}": table for name, table in results.tables.items()}
    return {name.split("/", 1)[1]: table for name, table in validate_tables(named).items()}


def write(results: Results, out_dir: Path | None = None) -> list[Path]:
    """Validate and write the model tables to data/processed/model (each atomically); keep
    a forecast in data/forecasts/ (helpers.model.units.keep: not removed by make clean)."""
    tables = validate(results)
    out = Path(out_dir or config.PROCESSED_DIR / "model")
    kept = [units.keep(table, units.kept_dir(out)) for name, table in tables.items()
            if name.startswith("forecast_") and not name.endswith("_score")]
    return [*write_tables(out, tables), *(path for path in kept if path)]




def selection_effect(frame: pd.DataFrame, rankings: pd.DataFrame, factors: list[str],
                     years: list[int]) -> pd.DataFrame:
    """How much keeping only a partial year's reported rank positions inflates |rho|.

    For each partial year, the complete years are cut to the provinces at the rank positions
    the press reported that year; |Spearman rho| of each factor on that cut is compared with
    the full year's. A positive mean inflation means the partial rows overstate associations.
    """
    rows = []
    overall = rankings[(rankings["basis"] == 63) & (rankings["measure"] == "overall")]
    for partial in partial_years(rankings):
        positions = set(overall.loc[(overall["year"] == partial), "rank"].dropna().astype(int))
        for year in years:
            full = frame[frame["year"] == year]
            cut = full[full["rank"].isin(positions)]
            for name in factors:
                a, b = full[[name, "rank"]].dropna(), cut[[name, "rank"]].dropna()
                if len(b) < 8:
                    continue
                rows.append({"partial_year": partial, "positions": len(positions),
                             "complete_year": year, "factor": name,
                             "abs_rho_full": abs(stats.spearmanr(a[name], a["rank"])[0]),
                             "abs_rho_cut": abs(stats.spearmanr(b[name], b["rank"])[0])})
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    table["inflation"] = table["abs_rho_cut"] - table["abs_rho_full"]
    return table.groupby(["partial_year", "positions", "complete_year"], as_index=False).agg(
        factors=("factor", "size"), mean_inflation=("inflation", "mean"))
