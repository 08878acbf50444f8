"""Candidate factors of the DTI: a tidy province-year table with documented transformations.

Each factor is one column, named and transformed as in FACTORS. Statistical-office figures
come from ``covariates/nso_indicators.csv``; PCI and PAPI from
``governance/provincial_indices.csv`` (their province spellings resolved through
``helpers.provinces``). ``for_dti_year`` pairs each DTI assessment year with the factor year
``year - lag``: lag 1 (the default) uses conditions of the year before the assessment.
Missing values stay missing; ``coverage`` reports them per factor and year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import config, provinces, raw


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


def _nso(raw_dir: Path) -> pd.DataFrame:
    """Return the statistical-office indicators as (code, year, variable, value)."""
    path = raw_dir / "covariates" / "nso_indicators.csv"
    frame = raw.read_table(path, ["gso_code", "year", "variable", "value"])  # located errors
    frame["year"], frame["value"] = raw.numbers(frame, "year", path, whole=True), \
        raw.numbers(frame, "value", path)
    return frame.rename(columns={"gso_code": "code"})[["code", "year", "variable", "value"]]


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
    notes = []
    grouped = frame.groupby(["code", "year", "variable"])["value"]
    spread = grouped.agg(lambda s: s.max() - s.min())
    for (code, year, variable), gap in spread[spread > 1e-6].items():
        notes.append(f"{variable} {year} {provinces.display_name(code)}: sources differ by "
                     f"{gap:.3f}; the mean is used")
    return grouped.mean().reset_index(), notes


@dataclass
class FactorTable:
    """Factors by province and factor year, with notes on how they were assembled."""

    values: pd.DataFrame  # index (code, year), one column per factor
    notes: list[str]


def factor_table(raw_dir: Path | None = None) -> FactorTable:
    """Return every factor by province and year, transformed as documented in FACTORS."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    governance, notes = _governance(raw_dir)
    long = pd.concat([_nso(raw_dir), governance], ignore_index=True)
    wide = long.pivot_table(index=["code", "year"], columns="variable", values="value",
                            aggfunc="mean")
    out = pd.DataFrame(index=wide.index)
    for factor in FACTORS.values():
        column = wide.get(factor.variable)
        if column is None:
            out[factor.name] = np.nan
            continue
        if factor.transform == "log":
            column = np.log(column.where(column > 0))
        out[factor.name] = column
    return FactorTable(out.sort_index(), notes)


def for_dti_year(table: FactorTable, dti_years: list[int], lag: int = 1) -> pd.DataFrame:
    """Return factors for each province and DTI year, measured in year - lag."""
    if lag not in (0, 1):
        raise ValueError(f"lag must be 0 (same year) or 1 (year before), not {lag}")
    codes = provinces.provinces()["code"].tolist()
    rows = []
    for year in dti_years:
        for code in codes:
            key = (code, year - lag)
            values = table.values.loc[key] if key in table.values.index else None
            row = {"code": code, "year": year, "factor_year": year - lag}
            for name in FACTORS:
                row[name] = np.nan if values is None else values[name]
            rows.append(row)
    return pd.DataFrame(rows)


def coverage(factors: pd.DataFrame) -> pd.DataFrame:
    """Return, per factor and DTI year, how many of the 63 provinces have a value."""
    counts = factors.groupby("year")[list(FACTORS)].count().T
    counts.index.name = "factor"
    counts.columns = [f"{c}" for c in counts.columns]
    counts["label"] = [FACTORS[f].label for f in counts.index]
    counts["transform"] = [FACTORS[f].transform for f in counts.index]
    return counts.reset_index()


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
