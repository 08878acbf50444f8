"""The overall score and the four published main indices against the country and the region."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from .. import figures
from ..tables import ReportContext, Tables

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
    r = t.rankings
    year_rows = r[(r["basis"] == basis) & (r["year"] == year)]
    regions = (provinces.units() if basis == vocab.BASIS_UNITS else provinces.provinces())["region"]
    out = []
    for measure in ["overall", *vocab.PUBLISHED_INDICES]:
        part = year_rows[year_rows["measure"] == measure].dropna(subset=["score"])
        mine = part[part["province_code"] == code]
        if part.empty or mine.empty:
            continue
        best = float(part["score"].max())
        tied = part[part["score"] == best]
        same_region = part[part["province_code"].map(regions) == region]
        origin = mine["score_origin"].iloc[0]  # where the score came from (a unit's: derived)
        out.append({"measure": measure, "score": float(mine["score"].iloc[0]),
                    "rank": None if pd.isna(mine["rank"].iloc[0]) else int(mine["rank"].iloc[0]),
                    "origin": str(mine["origin"].iloc[0]),
                    "score_origin": "" if pd.isna(origin) else str(origin),
                    "tied": int((part["rank"] == mine["rank"].iloc[0]).sum()) > 1,
                    "median": float(part["score"].median()), "best": best,
                    "best_names": [vocab.place_name(n) for n in tied["name_vi"]],
                    "regional_mean": float(same_region["score"].mean()), "n": len(part)})
    return out

