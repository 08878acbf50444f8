"""Candidate factors of the DTI: a tidy province-year table with documented transformations.

Each factor is one column, named and transformed as in FACTORS. Statistical-office figures
come from ``covariates/nso_indicators.csv``; PCI and PAPI from
``governance/provincial_indices.csv`` (their province spellings resolved through
``helpers.provinces``). ``for_dti_year`` pairs each DTI assessment year with the factor year
``year - lag``: lag 1 (the default) uses conditions of the year before the assessment.
Missing values stay missing; ``coverage`` reports them per factor and year.

Every value carries its source's ``status`` (as_published, preliminary, estimated, derived;
PAPI totals summed from sub-dimensions are derived). Values the source is known to have wrong
are excluded by data, not code: ``src/helpers/data/covariate_exclusions.csv`` lists them with
the reason (HDI 2023-2024 of seven northern provinces jumps by 0.03-0.16 from 2022 where every
other province moves by 0.00-0.03: the published table is row-swapped, as data/raw/README.md
warns). A slow-moving index published for a few provinces only in a year (PCI from 2023) is
carried forward from its last complete year, with the status saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config, provinces, raw
from ..schemas import raise_if_any
from ..schemas.ranges import implausible


@dataclass(frozen=True)
class Factor:
    """A candidate factor: where it comes from and how it is transformed."""

    name: str
    label: str
    source: str
    variable: str
    transform: str = "none"
    unit: str = ""


FACTORS: dict[str, Factor] = {f.name: f for f in [
    Factor("log_grdp_pc", "GRDP per capita (log)", "nso", "grdp_per_capita", "log",
           "ln(million VND, current prices)"),
    Factor("log_density", "Population density (log)", "nso", "pop_density", "log",
           "ln(persons per km²)"),
    Factor("log_population", "Population (log)", "nso", "population_avg", "log",
           "ln(thousand persons)"),
    Factor("urban_share", "Urban population share", "nso", "urban_share_pct", "none", "%"),
    Factor("hdi", "Human Development Index", "nso", "hdi", "none", "index 0-1"),
    Factor("literacy", "Literacy rate, age 15+", "nso", "literacy_rate_15plus", "none", "%"),
    Factor("trained_labour", "Trained labour share, age 15+", "nso",
           "trained_labour_share_15plus", "none", "%"),
    Factor("social_insurance", "Social insurance coverage", "nso",
           "social_insurance_coverage_pct", "none", "% of labour force"),
    Factor("pci", "Provincial Competitiveness Index (PCI)", "governance", "pci:total", "none",
           "points"),
    Factor("papi_egov", "PAPI e-governance dimension", "governance", "papi:d8_e_governance",
           "none", "points"),
]}
#: The multivariable model's default factors: few, to respect n = 63.
MODEL_FACTORS = ["log_grdp_pc", "log_density", "trained_labour", "social_insurance", "pci",
                 "papi_egov"]
GOVERNANCE_FACTORS = ["pci", "papi_egov"]
#: The development block: the first principal component of these (see helpers.blocks).
DEVELOPMENT_FACTORS = ["log_grdp_pc", "urban_share", "trained_labour", "social_insurance"]
#: Factors carried forward from their last complete year when a year covers few provinces.
CARRY_FORWARD = ("pci",)
EXCLUSIONS_CSV = config.PACKAGE_DATA_DIR / "covariate_exclusions.csv"


def _nso(raw_dir: Path) -> pd.DataFrame:
    """Return the statistical-office indicators as (code, year, variable, value, status)."""
    path = raw_dir / "covariates" / "nso_indicators.csv"
    frame = raw.read_table(path, ["gso_code", "year", "variable", "value"])  # located errors
    frame["year"], frame["value"] = raw.numbers(frame, "year", path, whole=True), \
        raw.numbers(frame, "value", path)
    raise_if_any(implausible(frame, raw.display_path(path)), raw.display_path(path))
    status = frame["status"] if "status" in frame else pd.Series("", index=frame.index)
    frame["status"] = status.fillna("").replace("", "as_published")
    return frame.rename(columns={"gso_code": "code"})[["code", "year", "variable", "value",
                                                       "status"]]


def exclusions(path: Path | None = None) -> pd.DataFrame:
    """Return the covariate values known to be wrong in their source, with the reason."""
    return pd.read_csv(path or EXCLUSIONS_CSV, dtype={"gso_code": str, "year": int})


def _governance(raw_dir: Path) -> tuple[pd.DataFrame, list[str]]:
    """Return PCI and PAPI values as (code, year, variable, value), and notes on duplicates."""
    path = raw_dir / "governance" / "provincial_indices.csv"
    frame = raw.read_table(path, ["index", "component", "province_as_published", "year",
                                  "value"])
    wanted = {f.variable for f in FACTORS.values() if f.source == "governance"}
    frame["variable"] = frame["index"] + ":" + frame["component"]
    frame = frame[frame["variable"].isin(wanted)].copy()
    names = {n: provinces.resolve(n) for n in frame["province_as_published"].unique()}
    frame["code"] = frame["province_as_published"].map(names)
    frame["year"] = raw.numbers(frame, "year", path, whole=True)
    frame["value"] = raw.numbers(frame, "value", path)
    raise_if_any(implausible(frame, raw.display_path(path)), raw.display_path(path))
    frame["status"] = np.where(frame["source"].str.startswith("DERIVED"), "derived",
                               "as_published")
    notes = []
    grouped = frame.groupby(["code", "year", "variable"])
    spread = grouped["value"].agg(lambda s: s.max() - s.min())
    for (code, year, variable), gap in spread[spread > 1e-6].items():
        notes.append(f"{variable} {year} {provinces.display_name(code)}: sources differ by "
                     f"{gap:.3f}; the mean is used")
    out = grouped["value"].mean().to_frame()
    out["status"] = grouped["status"].agg(lambda s: "derived" if (s == "derived").any()
                                          else "as_published")
    return out.reset_index(), notes


@dataclass
class FactorTable:
    """Factors by province and factor year, with notes on how they were assembled."""

    values: pd.DataFrame  # index (code, year), one column per factor
    notes: list[str]
    status: pd.DataFrame | None = None  # same shape as values: the source's status


def factor_table(raw_dir: Path | None = None) -> FactorTable:
    """Return every factor by province and year, transformed as documented in FACTORS."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    governance, notes = _governance(raw_dir)
    long = pd.concat([_nso(raw_dir), governance], ignore_index=True)
    long, excluded = _exclude(long, exclusions())
    notes.extend(excluded)
    wide = long.pivot_table(index=["code", "year"], columns="variable", values="value",
                            aggfunc="mean", dropna=False)
    state = long.pivot_table(index=["code", "year"], columns="variable", values="status",
                             aggfunc="first").reindex(wide.index)
    out = pd.DataFrame(index=wide.index)
    status = pd.DataFrame(index=wide.index)
    for factor in FACTORS.values():
        column = wide.get(factor.variable)
        if column is None:
            out[factor.name] = np.nan
            status[factor.name] = np.nan
            continue
        if factor.transform == "log":
            column = np.log(column.where(column > 0))
        out[factor.name] = column
        status[factor.name] = state[factor.variable].where(column.notna())
    return FactorTable(out.sort_index(), notes, status.sort_index())


def _exclude(long: pd.DataFrame, excluded: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Drop the values listed as wrong in their source; return the rest and one note each."""
    key = ["code", "year", "variable"]
    listed = excluded.rename(columns={"gso_code": "code"})[[*key, "reason"]]
    merged = long.merge(listed, on=key, how="left")
    hit = merged["reason"].notna()
    notes = [f"{r.variable} {r.year} {provinces.display_name(r.code)} excluded: {r.reason}"
             for r in merged[hit].itertuples()]
    return merged[~hit].drop(columns="reason"), notes


def for_dti_year(table: FactorTable, dti_years: list[int], lag: int = 1) -> pd.DataFrame:
    """Return factors for each province and DTI year, measured in year - lag."""
    if lag not in (0, 1):
        raise ValueError(f"lag must be 0 (same year) or 1 (year before), not {lag}")
    codes = provinces.provinces()["code"].tolist()
    status = table.status if table.status is not None else table.values.notna().map(
        lambda present: "as_published" if present else np.nan)
    parts = []
    for year in dti_years:
        part = pd.DataFrame({"code": codes, "year": year, "factor_year": year - lag})
        for name in FACTORS:
            source = _source_year(table, name, year - lag)
            key = pd.MultiIndex.from_arrays([codes, [source] * len(codes)])
            part[name] = table.values[name].reindex(key).to_numpy()
            state = status[name].reindex(key).to_numpy(dtype=object)
            if source != year - lag:
                state = pd.Series(state).where(pd.isna(state), f"carried forward from {source}")
                state = state.to_numpy(dtype=object)
            part[f"status_{name}"] = state
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _source_year(table: FactorTable, name: str, year: int, min_share: float = 0.9) -> int:
    """Return the year to read a factor from: its own, or for CARRY_FORWARD the last complete."""
    if name not in CARRY_FORWARD:
        return year
    values = table.values[name]
    for candidate in (year, year - 1, year - 2):
        present = values[values.index.get_level_values("year") == candidate].notna().sum()
        if present >= min_share * len(provinces.provinces()):
            return candidate
    return year


def coverage(factors: pd.DataFrame) -> pd.DataFrame:
    """Return, per factor and DTI year, how many of the 63 provinces have a value."""
    counts = factors.groupby("year")[list(FACTORS)].count().T
    counts.index.name = "factor"
    counts.columns = [f"{c}" for c in counts.columns]
    counts["label"] = [FACTORS[f].label for f in counts.index]
    counts["transform"] = [FACTORS[f].transform for f in counts.index]
    return counts.reset_index()


def status_summary(factors: pd.DataFrame) -> pd.DataFrame:
    """Return, per DTI year and factor, how many values have each source status."""
    long = factors.melt(id_vars=["year"], value_vars=[f"status_{n}" for n in FACTORS],
                        var_name="factor", value_name="status").dropna()
    long["factor"] = long["factor"].str.removeprefix("status_")
    return long.groupby(["year", "factor", "status"]).size().rename("n").reset_index()


def missing_list(factors: pd.DataFrame) -> pd.DataFrame:
    """Return one row per factor and year that lacks values, naming the provinces missing."""
    rows = []
    for year, group in factors.groupby("year"):
        for name in FACTORS:
            gap = group.loc[group[name].isna(), "code"]
            if len(gap):
                shown = ", ".join(provinces.display_name(c) for c in gap[:8])
                more = f" and {len(gap) - 8} more" if len(gap) > 8 else ""
                rows.append({"year": year, "factor": name, "missing": len(gap),
                             "provinces": shown + more})
    return pd.DataFrame(rows, columns=["year", "factor", "missing", "provinces"])
