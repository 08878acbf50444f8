"""The regional peers: the provinces (or units) of the same region, by rank."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from ..context import ReportContext, Tables

NAME = "peers"
TEMPLATE = "peers.html.j2"
FIGURE = None


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the region's provinces (or units) with their rank and score in the page's year."""
    return {"peers": peers(t, ctx.code, ctx.basis, ctx.year)}


def peers(t: Tables, code: str, basis: int, year: int) -> list[dict]:
    """Return the provinces (or units) of the same region, by rank."""
    table = provinces.units() if basis == vocab.BASIS_UNITS else provinces.provinces()
    region = table.loc[code, "region"]
    codes = set(table.index[table["region"] == region])
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["year"] == year) & (r["measure"] == "overall")
             & r["province_code"].isin(codes)].sort_values("rank")
    return [{"code": row.province_code, "name": vocab.place_name(row.name_vi),
             "slug": table.loc[row.province_code, "slug"],
             "rank": None if pd.isna(row.rank) else int(row.rank), "score": row.score,
             "origin": row.origin, "self": row.province_code == code}
            for row in part.itertuples()]
