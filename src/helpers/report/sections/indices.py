"""The overall score and the four published main indices against the country and the region."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from .. import figures
from ..tables import ReportContext, Tables, per_table

NAME = "indices"
TEMPLATE = "indices.html.j2"
#: The scores beside the national median, the best and the regional mean (with alt text).
FIGURE = figures.indices_figure


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return each index's score and rank with the median, the best and the regional mean."""
    info = (provinces.units() if ctx.is_unit else provinces.provinces()).loc[ctx.code]
    return {"indices": indices(t, ctx.code, ctx.basis, ctx.year, info["region"])}


def indices(t: Tables, code: str, basis: int, year: int, region: str) -> list[dict]:
    """Return the overall score and main indices against the median, the best and the region."""
    out = []
    for measure, found in _standings(t, basis, year).items():
        mine = found["rows"].get(code)
        if mine is None:
            continue
        rank, origin = mine["rank"], mine["score_origin"]  # a unit's score: derived
        out.append({"measure": measure, "score": float(mine["score"]),
                    "rank": None if pd.isna(rank) else int(rank), "origin": str(mine["origin"]),
                    "score_origin": "" if pd.isna(origin) else str(origin),
                    "tied": not pd.isna(rank) and found["ranks"].get(rank, 0) > 1,
                    "median": found["median"], "best": found["best"],
                    "best_names": list(found["best_names"]),
                    "regional_mean": found["regional_mean"].get(region, float("nan")),
                    "n": found["n"]})
    return out


@per_table
def _standings(t: Tables, basis: int, year: int) -> dict[str, dict]:
    """Return, for the overall score and each main index of a year, the scored rows by code,
    how many hold each rank, the median, the best (and who) and each region's mean score (once
    per loaded table, basis and year)."""
    r = t.rankings
    year_rows = r[(r["basis"] == basis) & (r["year"] == year)]
    regions = (provinces.units() if basis == vocab.BASIS_UNITS else provinces.provinces())["region"]
    out = {}
    for measure in ["overall", *vocab.PUBLISHED_INDICES]:
        part = year_rows[year_rows["measure"] == measure].dropna(subset=["score"])
        if part.empty:
            continue
        best = float(part["score"].max())
        rows: dict[str, dict] = {}
        for row in part.to_dict("records"):
            rows.setdefault(row["province_code"], row)
        in_region = part["province_code"].map(regions)
        out[measure] = {
            "rows": rows, "ranks": part["rank"].dropna().value_counts().to_dict(),
            "median": float(part["score"].median()), "best": best,
            "best_names": tuple(vocab.place_name(n)
                                for n in part.loc[part["score"] == best, "name_vi"]),
            "regional_mean": {area: float(part.loc[in_region == area, "score"].mean())
                              for area in in_region.dropna().unique()},
            "n": len(part)}
    return out
