"""Which provincial factors go with a better DTI: small-sample statistics, stated plainly.

n is 63 a year. Everything here reports its n, uncertainty (bootstrap or robust intervals) and
false-discovery-adjusted q-values, and prints what it dropped. The words are "associated with":
none of these models identifies causes.

Outcome: the overall DTI score on a 0-100 scale (``score100``); factors are standardized
within the fitted sample, so a coefficient is the change in score points per standard
deviation of the factor, holding the other factors fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.outliers_influence import variance_inflation_factor

from . import config, covariates, provinces
from .schemas import validate_tables
from .store import write_tables

COMPLETE_YEARS = [2022, 2023, 2024]
PARTIAL_YEARS = [2020, 2021]
MIN_COVERAGE = 0.9
MAIN_INDICES = ["ha_tang_so", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"]


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
    frame["score100"] = frame["score"] * 100
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
            dropped.append(f"{year}: {row.name_vi} left out of the models, no "
                           f"{', '.join(lacking)}")
        used[year] = keep
    return ModelData(frame, used, dropped)


def _complete(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return the rows with every listed column present."""
    return frame.dropna(subset=columns)


# -- correlations ----------------------------------------------------------------------------
def _spearman_boot(x: np.ndarray, y: np.ndarray, n_boot: int, rng: np.random.Generator
                   ) -> np.ndarray:
    """Return bootstrap replicates of Spearman's rho (resampling provinces)."""
    n = len(x)
    idx = rng.integers(0, n, size=(n_boot, n))
    rx = stats.rankdata(x[idx], axis=1)
    ry = stats.rankdata(y[idx], axis=1)
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    denominator = np.sqrt((rx ** 2).sum(axis=1) * (ry ** 2).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return (rx * ry).sum(axis=1) / denominator


def bh(pvalues: pd.Series) -> pd.Series:
    """Return Benjamini-Hochberg q-values (statsmodels' fdr_bh), NaN kept as NaN."""
    out = pd.Series(np.nan, index=pvalues.index)
    present = pvalues.dropna()
    if len(present):
        out[present.index] = multipletests(present.to_numpy(), method="fdr_bh")[1]
    return out


def correlations(frame: pd.DataFrame, factors: list[str], outcome: str = "rank",
                 n_boot: int = 2000, seed: int = 20221, sample: str = "complete"
                 ) -> pd.DataFrame:
    """Spearman's rho of each factor with the DTI rank per year: bootstrap CI, BH q per year."""
    rng = np.random.default_rng(seed)
    rows = []
    for year, group in frame.groupby("year"):
        for name in factors:
            pair = group[[name, outcome]].dropna()
            if len(pair) < 8:
                continue
            x, y = pair[name].to_numpy(float), pair[outcome].to_numpy(float)
            rho, p = stats.spearmanr(x, y)
            boot = _spearman_boot(x, y, n_boot, rng)
            low, high = np.nanpercentile(boot, [2.5, 97.5])
            rows.append({"year": int(year), "sample": sample, "factor": name,
                         "label": covariates.FACTORS[name].label, "n": len(pair),
                         "rho": rho, "ci_low": low, "ci_high": high, "p": p})
    table = pd.DataFrame(rows, columns=["year", "sample", "factor", "label", "n", "rho",
                                        "ci_low", "ci_high", "p"])
    table["q"] = table.groupby("year", group_keys=False)["p"].apply(bh)
    return table


# -- regressions -----------------------------------------------------------------------------
def standardize(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Return the columns as z-scores over the rows given."""
    values = frame[columns]
    return (values - values.mean()) / values.std(ddof=0)


def vif(frame: pd.DataFrame, columns: list[str]) -> dict[str, float]:
    """Return the variance inflation factor of each column (with an intercept)."""
    if len(columns) < 2:
        return dict.fromkeys(columns, 1.0)
    design = sm.add_constant(frame[columns].to_numpy(float))
    return {c: float(variance_inflation_factor(design, i + 1)) for i, c in enumerate(columns)}


@dataclass
class Fit:
    """One fitted model: its coefficients and fit statistics."""

    coefficients: pd.DataFrame
    stats: dict


def ols(frame: pd.DataFrame, factors: list[str], outcome: str = "score100",
        cov_type: str = "HC3", groups: pd.Series | None = None, year_effects: bool = False,
        label: str = "ols", period: str = "") -> Fit:
    """Fit outcome ~ standardized factors (+ year effects) with robust or clustered errors."""
    data = _complete(frame, [outcome, *factors])
    design = standardize(data, factors)
    if year_effects:
        dummies = pd.get_dummies(data["year"], prefix="year", drop_first=True, dtype=float)
        design = pd.concat([design, dummies], axis=1)
    design = sm.add_constant(design, has_constant="add")
    model = sm.OLS(data[outcome].to_numpy(float), design)
    if cov_type == "cluster":
        result = model.fit(cov_type="cluster",
                           cov_kwds={"groups": pd.factorize(data.loc[design.index, "code"])[0]})
    else:
        result = model.fit(cov_type=cov_type)
    ci = result.conf_int()
    inflation = vif(data, factors)
    table = pd.DataFrame({
        "model": label, "period": period, "factor": factors,
        "label": [covariates.FACTORS[f].label for f in factors],
        "coef": [result.params[f] for f in factors], "se": [result.bse[f] for f in factors],
        "ci_low": [ci.loc[f, 0] for f in factors], "ci_high": [ci.loc[f, 1] for f in factors],
        "p": [result.pvalues[f] for f in factors], "vif": [inflation[f] for f in factors],
        "n": int(result.nobs)})
    table["q"] = bh(table["p"]).to_numpy()
    fit = {"model": label, "period": period, "n": int(result.nobs), "r2": result.rsquared,
           "adj_r2": result.rsquared_adj, "cov_type": cov_type, "factors": ", ".join(factors)}
    return Fit(table, fit)


def normal_scores(rank: pd.Series) -> pd.Series:
    """Return van der Waerden normal scores of ranks, signed so that a better rank is higher."""
    n = max(int(rank.max()), int(rank.notna().sum()))  # ranks run to N even if rows are missing
    return -pd.Series(stats.norm.ppf((rank.astype(float) - 0.5) / n), index=rank.index)


def contributions_of(frame: pd.DataFrame, coefficients: pd.DataFrame, year: int
                     ) -> pd.DataFrame:
    """Return each province's standardized factor values times the year's coefficients."""
    factors = coefficients["factor"].tolist()
    data = _complete(frame, ["score100", *factors])
    z = standardize(data, factors)
    coef = coefficients.set_index("factor")["coef"]
    long = z.mul(coef, axis=1).assign(code=data["code"].to_numpy()).melt(
        id_vars="code", var_name="factor", value_name="contribution")
    long["z"] = z.melt()["value"].to_numpy()
    long["coef"] = long["factor"].map(coef)
    long["year"] = year
    long["label"] = long["factor"].map(lambda f: covariates.FACTORS[f].label)
    return long[["code", "year", "factor", "label", "z", "coef", "contribution"]]


def loo_predictions(frame: pd.DataFrame, factors: list[str], year: int) -> pd.DataFrame:
    """Predict each province's score from a model fitted without it, and place it in the rank."""
    data = _complete(frame[frame["year"] == year], ["score100", *factors]).reset_index(drop=True)
    rows = []
    for i in data.index:
        train = data.drop(index=i)
        mean, sd = train[factors].mean(), train[factors].std(ddof=0)
        x_train = sm.add_constant(((train[factors] - mean) / sd).to_numpy(float))
        beta = np.linalg.lstsq(x_train, train["score100"].to_numpy(float), rcond=None)[0]
        x_i = np.concatenate([[1.0], ((data.loc[i, factors] - mean) / sd).to_numpy(float)])
        predicted = float(x_i @ beta)
        others = train["score100"].to_numpy(float)
        predicted_rank = 1 + int((others > predicted + 1e-9).sum())
        observed = data.loc[i]
        rows.append({"code": observed["code"], "name_vi": observed["name_vi"], "year": year,
                     "region": observed["region"], "observed_score": observed["score100"],
                     "predicted_score": predicted, "observed_rank": int(observed["rank"]),
                     "predicted_rank": predicted_rank,
                     "rank_residual": int(observed["rank"]) - predicted_rank,
                     "score_residual": observed["score100"] - predicted, "n_model": len(train)})
    return pd.DataFrame(rows)


def anatomy(rankings: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """How the four main indices published for every province relate to the overall score."""
    rows = []
    wide = rankings[(rankings["basis"] == 63) & rankings["year"].isin(years)].pivot_table(
        index=["province_code", "year"], columns="measure", values="score").reset_index()
    for year, group in wide.groupby("year"):
        data = group.dropna(subset=["overall", *MAIN_INDICES])
        z = standardize(data, MAIN_INDICES)
        full = sm.OLS(data["overall"].to_numpy(float) * 100, sm.add_constant(z)).fit(
            cov_type="HC3")
        for name in MAIN_INDICES:
            rest = [m for m in MAIN_INDICES if m != name]
            reduced = sm.OLS(data["overall"].to_numpy(float) * 100,
                             sm.add_constant(z[rest])).fit()
            rho = stats.spearmanr(data[name], data["overall"])[0]
            rows.append({"year": int(year), "index": name, "n": len(data), "rho_overall": rho,
                         "std_coef": full.params[name], "r2_all_four": full.rsquared,
                         "unique_r2": full.rsquared - reduced.rsquared})
    return pd.DataFrame(rows)


# -- the whole analysis ------------------------------------------------------------------------
@dataclass
class Results:
    """Every table the modelling stage writes, and the notes on what was dropped."""

    tables: dict[str, pd.DataFrame]
    dropped: list[str]


def run(rankings: pd.DataFrame, factor_table: covariates.FactorTable, years: list[int],
        factors: list[str], lag: int = 1, n_boot: int = 2000, seed: int = 20221) -> Results:
    """Correlations, per-year and pooled models, rank-based check, robustness, predictions."""
    all_factors = list(covariates.FACTORS)
    framed = covariates.for_dti_year(factor_table, years, lag)
    data = assemble(rankings, framed, years, factors)
    corr = correlations(data.frame, all_factors, n_boot=n_boot, seed=seed)
    partial = assemble(rankings, covariates.for_dti_year(factor_table, PARTIAL_YEARS, lag),
                       PARTIAL_YEARS, factors, min_coverage=0.0)
    corr_partial = correlations(partial.frame, all_factors, n_boot=n_boot, seed=seed,
                                sample="partial: reported ranks only (sensitivity)")
    fits, coefficients, predictions, contributions = [], [], [], []
    for year in years:
        used = data.factors[year]
        frame = data.frame[data.frame["year"] == year]
        main = ols(frame, used, label="ols_hc3", period=str(year))
        contributions.append(contributions_of(frame, main.coefficients, year))
        for fit in (main, ols(frame.assign(rank_score=normal_scores(frame["rank"])), used,
                              outcome="rank_score", label="rank_normal_scores",
                              period=str(year))):
            fits.append(fit.stats)
            coefficients.append(fit.coefficients)
        predictions.append(loo_predictions(data.frame, used, year))
        coefficients.extend(_robustness(frame, used, year, factor_table, rankings, factors,
                                        lag))
    shared = [f for f in factors if all(f in data.factors[y] for y in years)]
    pooled = _complete(data.frame, ["score100", *shared])
    if len(years) > 1:
        panel = ols(pooled, shared, cov_type="cluster", year_effects=True,
                    label="panel_year_fe_cluster", period=f"{min(years)}-{max(years)}")
        fits.append(panel.stats)
        coefficients.append(panel.coefficients)
        if len(shared) < len(factors):
            data.dropped.append(f"panel: {', '.join(sorted(set(factors) - set(shared)))} "
                                "left out, not available in every year")
    fit_table = pd.DataFrame(fits)
    tables = {
        "coverage": covariates.coverage(framed),
        "correlations": pd.concat([corr, corr_partial], ignore_index=True),
        "coefficients": pd.concat(coefficients, ignore_index=True),
        "fits": fit_table,
        "predictions": pd.concat(predictions, ignore_index=True),
        "contributions": pd.concat(contributions, ignore_index=True),
        "anatomy": anatomy(rankings, years),
        "dropped": pd.DataFrame({"note": data.dropped}),
    }
    return Results(tables, data.dropped)


def _robustness(frame: pd.DataFrame, used: list[str], year: int,
                factor_table: covariates.FactorTable, rankings: pd.DataFrame,
                factors: list[str], lag: int) -> list[pd.DataFrame]:
    """Refit one year leaving out each region, without PCI/PAPI, and with the other lag."""
    out = []
    for region in sorted(frame["region"].dropna().unique()):
        fit = ols(frame[frame["region"] != region], used, label=f"without region: {region}",
                  period=str(year))
        out.append(fit.coefficients)
    bare = [f for f in used if f not in covariates.GOVERNANCE_FACTORS]
    out.append(ols(frame, bare, label="without PCI/PAPI", period=str(year)).coefficients)
    other = 1 - lag
    alt = assemble(rankings, covariates.for_dti_year(factor_table, [year], other), [year],
                   factors)
    alt_frame = alt.frame[alt.frame["year"] == year]
    out.append(ols(alt_frame, alt.factors[year], label=f"lag {other}",
                   period=str(year)).coefficients)
    return out


def summary(results: Results, alpha: float = 0.05) -> list[str]:
    """Say, in plain sentences built from the results, what goes with a better DTI rank."""
    sentences = []
    corr = results.tables["correlations"]
    complete = corr[corr["sample"] == "complete"]
    for year, group in complete.groupby("year"):
        strong = group[group["q"] < alpha].sort_values("rho")
        if strong.empty:
            sentences.append(f"In {year} no factor's correlation with the rank survives the "
                             f"false-discovery adjustment (q < {alpha}).")
            continue
        best = strong.iloc[0]
        sentences.append(
            f"In {year} (n = {best['n']}), {len(strong)} of {len(group)} factors are associated "
            f"with the rank after adjustment; the strongest is {best['label'].lower()} "
            f"(Spearman rho {best['rho']:.2f}, 95% CI {best['ci_low']:.2f} to "
            f"{best['ci_high']:.2f}; a negative rho means higher values go with a better rank).")
    coefficients = results.tables["coefficients"]
    panel = coefficients[coefficients["model"] == "panel_year_fe_cluster"]
    if not panel.empty:
        clear = panel[panel["ci_low"] > 0]
        fit = results.tables["fits"].set_index("model").loc["panel_year_fe_cluster"]
        if clear.empty:
            sentences.append(f"Holding the other factors fixed in the pooled {fit['period']} "
                             f"model (n = {fit['n']}), no factor's 95% interval excludes zero.")
        else:
            parts = [f"{r.label.lower()} ({r.coef:+.1f} points per SD, 95% CI {r.ci_low:.1f} "
                     f"to {r.ci_high:.1f})" for r in clear.itertuples()]
            sentences.append(f"Holding the other factors fixed in the pooled {fit['period']} "
                             f"model (n = {fit['n']}, R² = {fit['r2']:.2f}), a higher score is "
                             f"associated with {'; '.join(parts)}.")
    return sentences


def validate(results: Results) -> dict[str, pd.DataFrame]:
    """Validate every model table against its schema (raising one error listing all)."""
    named = {f"model/{name}": table for name, table in results.tables.items()}
    return {name.split("/", 1)[1]: table for name, table in validate_tables(named).items()}


def write(results: Results, out_dir: Path | None = None) -> list[Path]:
    """Validate and write the model tables to data/processed/model (each atomically)."""
    tables = validate(results)
    return write_tables(Path(out_dir or config.PROCESSED_DIR / "model"), tables)
