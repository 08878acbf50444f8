"""Identifiable blocks instead of ten correlated factors, and the specifications they face.

Pre-stated blocks (notebook 20 states the hypotheses):
- ``development``: the first principal component of income (log GRDP per capita), urban share,
  trained labour and social insurance, standardized; its loadings are published.
- ``governance``: the Provincial Competitiveness Index (PCI).
- ``papi_egov``: PAPI's e-governance dimension, close to the DTI's own digital-society activity,
  kept apart: it enters only as an alternative specification, never as a "factor".

The outcome is the overall DTI score on its published 0-1 scale. A block coefficient is the
change in score (0-1) per standard deviation of the block within the fitted year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import covariates
from .estimation import normal_scores, ols

#: The blocks of the main model, in order, with their labels.
BLOCKS: dict[str, str] = {
    "development": "Development (income, urbanisation, trained labour, social insurance)",
    "governance": "Governance (PCI)",
}
SAME_CONSTRUCT = {"papi_egov": "PAPI e-governance (close to the DTI's own measure)"}
MAIN = list(BLOCKS)
LABELS = {**BLOCKS, **SAME_CONSTRUCT, "log_grdp_pc": "GRDP per capita (log)"}


@dataclass(frozen=True)
class Composite:
    """A first principal component: where it came from and how to apply it."""

    columns: tuple[str, ...]
    mean: pd.Series
    sd: pd.Series
    loadings: pd.Series
    explained: float
    scale: float

    def apply(self, frame: pd.DataFrame) -> pd.Series:
        """Return the component for the rows given (NaN where an input is missing)."""
        z = (frame[list(self.columns)] - self.mean) / self.sd
        return z.dot(self.loadings) / self.scale


def composite(frame: pd.DataFrame, columns: list[str]) -> Composite:
    """Fit the first principal component of the standardized columns (signed: income up)."""
    data = frame[columns].dropna()
    if len(data) < len(columns) + 2:
        raise ValueError(f"too few complete rows ({len(data)}) for a composite of {columns}")
    mean, sd = data.mean(), data.std(ddof=0)
    eigenvalues, vectors = np.linalg.eigh(((data - mean) / sd).corr().to_numpy())
    first = vectors[:, -1] * (1 if vectors[0, -1] >= 0 else -1)
    return Composite(tuple(columns), mean, sd, pd.Series(first, index=columns),
                     float(eigenvalues[-1] / eigenvalues.sum()), float(np.sqrt(eigenvalues[-1])))


def loadings(frame: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Return the development composite's loadings fitted on all years and on each year."""
    rows = []
    for label, part in [("pooled", frame[frame["year"].isin(years)]),
                        *[(str(y), frame[frame["year"] == y]) for y in years]]:
        fitted = composite(part, covariates.DEVELOPMENT_FACTORS)
        for name, value in fitted.loadings.items():
            rows.append({"fit": label, "variable": name,
                         "label": covariates.FACTORS[name].label, "loading": float(value),
                         "explained": fitted.explained,
                         "n": int(part[covariates.DEVELOPMENT_FACTORS].dropna().shape[0])})
    return pd.DataFrame(rows)


def with_blocks(frame: pd.DataFrame, fitted: Composite) -> pd.DataFrame:
    """Return the frame with the block columns added (development, governance)."""
    out = frame.copy()
    out["development"] = fitted.apply(out)
    out["governance"] = out["pci"]
    return out


def status_of(frame: pd.DataFrame, factors: list[str]) -> pd.Series:
    """Return, per row, the inputs whose source status is not as published (or 'as_published')."""
    inputs = [f for f in factors if f in covariates.FACTORS]
    inputs += [f for f in covariates.DEVELOPMENT_FACTORS if "development" in factors]
    inputs += ["pci"] if "governance" in factors else []
    columns = [f"status_{f}" for f in dict.fromkeys(inputs) if f"status_{f}" in frame]

    def describe(row: pd.Series) -> str:
        parts = [f"{c.removeprefix('status_')}: {v}" for c, v in row.items()
                 if pd.notna(v) and v != "as_published"]
        return "; ".join(parts) or "as_published"
    return frame[columns].apply(describe, axis=1) if columns else pd.Series(
        "as_published", index=frame.index)


# -- specifications ----------------------------------------------------------------------------
def _specs(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame, list[str], str]]:
    """Return the alternative specifications: (name, rows, factors, outcome)."""
    specs = [("main: development + governance", frame, MAIN, "score"),
             ("plus PAPI e-governance", frame, [*MAIN, "papi_egov"], "score"),
             ("development only", frame, ["development"], "score"),
             ("income alone for development", frame, ["log_grdp_pc", "governance"], "score"),
             ("rank (normal scores) as outcome",
              frame.assign(rank_score=normal_scores(frame["rank"])), MAIN, "rank_score")]
    for region in sorted(frame["region"].dropna().unique()):
        specs.append((f"without region: {region}", frame[frame["region"] != region], MAIN,
                      "score"))
    return specs


def specifications(frame: pd.DataFrame, years: list[int],
                   extra: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Fit every specification per year; one row per specification, year and block."""
    tables = []
    for year in years:
        part = frame[frame["year"] == year]
        specs = _specs(part)
        for name, other in (extra or {}).items():
            specs.append((name, other[other["year"] == year], MAIN, "score"))
        for name, rows, factors, outcome in specs:
            fit = ols(rows, factors, outcome=outcome, label=name, period=str(year),
                      labels=LABELS)
            table = fit.coefficients.assign(r2=fit.stats["r2"])
            tables.append(table)
    out = pd.concat(tables, ignore_index=True)
    out["sign"] = np.sign(out["coef"]).astype(int)
    out["excludes_zero"] = (out["ci_low"] > 0) | (out["ci_high"] < 0)
    return out


def stability(specs: pd.DataFrame) -> pd.DataFrame:
    """Say, per block, whether its sign holds in every year and specification."""
    rows = []
    for block in [*MAIN, *SAME_CONSTRUCT]:
        part = specs[specs["factor"] == block]
        if part.empty:
            continue
        signs = set(part["sign"])
        rows.append({"block": block, "label": LABELS[block], "fits": len(part),
                     "positive": int((part["sign"] > 0).sum()),
                     "negative": int((part["sign"] < 0).sum()),
                     "excluding_zero": int(part["excludes_zero"].sum()),
                     "stable": len(signs) == 1 and block in MAIN,
                     "sign": int(next(iter(signs))) if len(signs) == 1 else 0})
    return pd.DataFrame(rows)
