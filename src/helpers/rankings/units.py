"""Rule 2: the 34 units of 2025 as the means of their predecessors, and the published 34-basis
figures checked against them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import provinces, reasons
from .figures import DERIVED, MERGER_YEAR, Entry, Obs, derive_ranks, score_agrees
from .reconcile import Reconciler

UNIT_CHECK_COLUMNS = ["unit_code", "name_vi", "year", "measure", "field", "published", "derived",
                      "status", "reason_code", "reason_params", "source"]


def derivable_years(rec: Reconciler) -> list[int]:
    """Return the years from the merger on that hold 63-basis values to average into units."""
    return sorted({y for (_, b, y, _) in rec.entries if b == 63 and y >= MERGER_YEAR})


def add_units(rec: Reconciler, year: int) -> None:
    """Derive each 2025 unit's values as the mean of its predecessors', and rank them."""
    units = provinces.units()
    measures = {k[3] for k in rec.entries if k[1] == 63 and k[2] == year}
    for measure in sorted(measures):
        means: dict[str, float] = {}
        refs: dict[str, list[str]] = {}
        sources: dict[str, str] = {}
        for unit_code, members in units["predecessors"].items():
            parts = [rec.entries.get((c, 63, year, measure)) for c in members]
            if any(p is None or p.score is None for p in parts):
                continue
            means[unit_code] = float(np.mean([p.score for p in parts]))
            refs[unit_code] = [r for p in parts for r in p.refs[:1]]
            sources[unit_code] = parts[0].source_id
        ranks = derive_ranks(means, places=6)
        for unit_code, value in means.items():
            rec.entries[(unit_code, 34, year, measure)] = Entry(
                rank=ranks[unit_code], score=value, decimals=DERIVED, rank_origin="derived",
                score_origin="derived", source_id=sources[unit_code], refs=refs[unit_code],
                n_sources=1)


def check_units(rec: Reconciler, observations: list[Obs]) -> None:
    """Compare every published 34-basis figure with the derived unit value, if any."""
    for obs in observations:
        if obs.basis != 34:
            continue
        entry = rec.entries.get((obs.code, 34, obs.year, obs.measure))
        for name, published in (("rank", obs.rank), ("score", obs.score)):
            if published is None:
                continue
            origin = None if entry is None else (
                entry.rank_origin if name == "rank" else entry.score_origin)
            if origin == "official":
                continue  # an official 34-basis value: the reconciler compares the two
            derived = None if entry is None else (entry.rank if name == "rank" else entry.score)
            if derived is None:
                code, status = "unit_not_derived", "no derived value"
            elif (derived == published if name == "rank"
                  else score_agrees(published, obs.decimals, derived, DERIVED)):
                code, status = "unit_agrees", "agrees"
            else:
                code, status = "unit_disagrees", "disagrees"
            params = {"published": _show(published), "derived": _show(derived)}
            rec.unit_checks.append({
                "unit_code": obs.code, "name_vi": provinces.display_name(obs.code),
                "year": obs.year, "measure": obs.measure, "field": name,
                "published": float(published),
                "derived": None if derived is None else float(derived), "status": status,
                **reasons.columns(code, **params), "source": obs.cite})


def _show(value: float | int | None) -> str | None:
    """Format a published or derived value for the wording of a check."""
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else f"{float(value):.4f}"


def unit_checks_table(rec: Reconciler) -> pd.DataFrame:
    """Return the unit checks as a table."""
    return pd.DataFrame(rec.unit_checks, columns=UNIT_CHECK_COLUMNS)
