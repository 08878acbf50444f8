"""Rank and score over the years: the province's (63) and, from the merger, its unit's (34)."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from .. import figures
from ..tables import ReportContext, Tables, tied

NAME = "history"
TEMPLATE = "history.html.j2"
#: Rank and score by year, the method changes marked, the rank targets drawn (with alt text).
FIGURE = figures.history_figure


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the overall rank and score of every year held."""
    return {"history": history(t, ctx.code)}


def history(t: Tables, code: str) -> list[dict]:
    """Return overall rank and score by year (63 basis), then the unit's (34) from the merger."""
    members = provinces.predecessors(code) if code.startswith("U") else (code,)
    unit = code if code.startswith("U") else provinces.unit_of(code)
    r = t.rankings
    overall = r[r["measure"] == "overall"]
    before = overall[(overall["basis"] == vocab.BASIS_PROVINCES)
                     & overall["province_code"].isin(members)]
    after = overall[(overall["basis"] == vocab.BASIS_UNITS) & (overall["province_code"] == unit)
                    & (overall["year"] >= vocab.MERGER_DATE.year)]
    return [{"code": row.province_code, "name": vocab.place_name(row.name_vi),
             "basis": int(row.basis), "year": int(row.year),
             "rank": None if pd.isna(row.rank) else int(row.rank),
             "score": None if pd.isna(row.score) else float(row.score), "origin": row.origin,
             "tied": tied(t, int(row.basis), int(row.year), "overall",
                          None if pd.isna(row.rank) else row.rank)}
            for part in (before, after)
            for row in part.sort_values(["province_code", "year"]).itertuples()]
