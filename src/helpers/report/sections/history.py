"""Rank and score over the years: the province's (63) and, from the merger, its unit's (34)."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from .. import figures
from ..tables import ReportContext, Tables, cells_of, tied

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
    lines = [(member, vocab.BASIS_PROVINCES, 0) for member in sorted(members)]
    lines.append((unit, vocab.BASIS_UNITS, vocab.MERGER_DATE.year))
    out = []
    for place, basis, since in lines:
        rows = cells_of(t, place, basis)
        for year, measure in sorted(rows):
            row = rows[(year, measure)]
            if measure != "overall" or year < since:
                continue
            rank = None if pd.isna(row["rank"]) else int(row["rank"])
            out.append({"code": row["province_code"], "name": vocab.place_name(row["name_vi"]),
                        "basis": basis, "year": year, "rank": rank,
                        "score": None if pd.isna(row["score"]) else float(row["score"]),
                        "origin": row["origin"],
                        "tied": tied(t, basis, year, "overall", rank)})
    return out
