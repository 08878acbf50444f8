"""Plausible ranges of the raw covariates: a value outside is a located problem, never a drop.

A negative income or an infinite share is a typing or export error in the source file, not a
province to leave out of the model quietly. Ranges are wide (what the quantity can be, not
what it usually is): every published value lies well inside.
"""

from __future__ import annotations

import math

import pandas as pd

from . import Problem

#: variable (or name suffix) -> (lowest, highest, what the quantity is). Bounds are inclusive.
POSITIVE = (1e-9, math.inf, "a positive amount")
SHARE = (0.0, 100.0, "a share in per cent (0-100)")
RANGES: dict[str, tuple[float, float, str]] = {
    "grdp_per_capita": POSITIVE,
    "grdp_growth_index": (1e-9, 1000.0, "an index with the previous year = 100"),
    "area_km2": POSITIVE,
    "pop_density": POSITIVE,
    "population_avg": POSITIVE,
    "population_total_e0203": POSITIVE,
    "rural_population": (0.0, math.inf, "a number of people (0 or more)"),
    "urban_population": (0.0, math.inf, "a number of people (0 or more)"),
    "hdi": (0.0, 1.0, "an index within 0-1"),
    "literacy_rate_15plus": SHARE,
    "trained_labour_share_15plus": SHARE,
    # counted against the registered population, published coverage reaches 106.5 %
    "health_insurance_coverage_pct": (0.0, 150.0, "a coverage in per cent (0-150)"),
    "pci:total": (0.0, 100.0, "an index within 0-100"),
    "papi:d8_e_governance": (0.0, 10.0, "a dimension score within 0-10"),
}
#: Any other variable: a share when its name ends in _pct, else a value of 0 or more.
DEFAULT = (0.0, math.inf, "a value of 0 or more")


def range_of(variable: str) -> tuple[float, float, str]:
    """Return the plausible range of a covariate (lowest, highest, what it is)."""
    if variable in RANGES:
        return RANGES[variable]
    return SHARE if variable.endswith("_pct") else DEFAULT


def implausible(frame: pd.DataFrame, file: str, column: str = "value",
                by: str = "variable") -> list[Problem]:
    """Return a Problem for each value outside its variable's range (rows as in the file)."""
    found = []
    for row, variable, value in zip(frame.index, frame[by], frame[column], strict=True):
        if value is None or pd.isna(value):
            continue
        low, high, what = range_of(str(variable))
        if not low <= float(value) <= high:
            found.append(Problem(file, int(row), column, value,
                                 f"outside the plausible range of {variable} ({what}); check "
                                 "the source and correct the value or its sign"))
    return found
