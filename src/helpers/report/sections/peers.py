"""The peers: the provinces (or units) of the same region by rank, the five provinces most like
the page's in development and governance (the model's two blocks) with their ranks, and how far
most provinces moved in a year, so a reader can judge a change."""

from __future__ import annotations

import pandas as pd

from ... import provinces, vocab
from ..narrative import ranked
from ..tables import ReportContext, Tables, cells_of, method_changed, origin, per_table, tied, value
from .headline import agrees_published
from .moved import typical_move

NAME = "peers"
TEMPLATE = "peers.html.j2"
FIGURE = None
#: How many of the most similar provinces are shown.
SIMILAR = 5
#: The model's blocks the similarity is measured on (contributions.csv `block`).
BLOCKS = ("development", "governance")


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the regional peers, the most similar provinces and the typical overall move."""
    found = similar(t, ctx.code, ctx.year)
    typical = typical_move(t, ctx.basis, ctx.year, "overall")
    return {"peers": peers(t, ctx.code, ctx.basis, ctx.year),
            "similar": {"rows": found, "sentence": similar_sentence(t, ctx, found),
                        "n_model": found[0]["n_model"] if found else 0} if found else {},
            "typical": {**typical, "sentence": typical_sentence(typical, ctx)} if typical
            else {}}


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
             "origin": row.origin, "self": row.province_code == code,
             "tied": tied(t, basis, year, "overall", None if pd.isna(row.rank) else row.rank),
             "agrees": agrees_published(t, row.province_code, year, "overall")}
            for row in part.itertuples()]


@per_table
def block_values(t: Tables, year: int) -> pd.DataFrame:
    """Return each modelled province's two blocks in a year, each scaled to unit spread (the
    block's value relative to the mean is its contribution over the year's coefficient), and
    its position on each (1 = highest); empty when the model has not run for the year (once
    per loaded table and year: not to be changed in place)."""
    c = t.contributions
    if c.empty:
        return pd.DataFrame()
    part = c[(c["year"] == year) & c["block"].isin(BLOCKS)]
    values = part.pivot_table(index="code", columns="block", values="contribution")
    if list(values.columns) != sorted(BLOCKS):
        return pd.DataFrame()
    values = (values / values.std(ddof=0)).dropna()
    positions = part.pivot_table(index="code", columns="block", values="position")
    return values.join(positions.add_suffix("_position")).assign(n_model=len(values))


def similar(t: Tables, code: str, year: int, k: int = SIMILAR) -> list[dict]:
    """Return the k provinces closest to one on the two blocks (Euclidean distance of the
    scaled values, to 9 decimals; the lower code first on a tie), with their overall rank."""
    values = block_values(t, year)
    if values.empty or code not in values.index:
        return []
    scaled = values[list(BLOCKS)]
    distance = (((scaled - scaled.loc[code]) ** 2).sum(axis=1) ** 0.5).round(9)  # equal: equal
    order = distance.drop(code).reset_index().sort_values([0, "code"]).head(k)
    table = provinces.provinces()
    out = []
    for other, gap in zip(order["code"], order[0], strict=True):
        rows = cells_of(t, other, vocab.BASIS_PROVINCES)
        rank = value(rows, year, "overall", "rank")
        out.append({"code": other, "name": vocab.place_name(provinces.display_name(other)),
                    "slug": table.loc[other, "slug"],
                    "rank": None if rank is None else int(rank), "distance": float(gap),
                    "tied": tied(t, vocab.BASIS_PROVINCES, year, "overall", rank),
                    "origin": origin(rows, year, "overall"),
                    **{f"{b}_position": int(values.loc[other, f"{b}_position"]) for b in BLOCKS},
                    "n_model": int(values["n_model"].iloc[0])})
    return out


def similar_sentence(t: Tables, ctx: ReportContext, rows: list[dict]) -> str:
    """Word the range of ranks the most similar provinces reached, and the page's own rank."""
    ranks = [r["rank"] for r in rows if r["rank"] is not None]
    own = ctx.overall.get("rank")
    if not rows or len(ranks) < len(rows) or own is None:
        return ""

    def shown(rank: int) -> str:
        return ranked(rank, "en") if ctx.lang == "en" else str(rank)
    return ctx.t["similar_sentence"].format(  # the page's own rank: "joint 13th" when shared
        name=ctx.name, best=shown(min(ranks)), worst=shown(max(ranks)), n=ctx.basis,
        year=ctx.year, own=ranked(own, ctx.lang, bool(ctx.overall.get("tied"))))


def typical_sentence(typical: dict, ctx: ReportContext) -> str:
    """Word how far most provinces (or units) moved in the overall rank since the year before,
    with the method change when the two years straddle one."""
    y0, y1 = ctx.year - 1, ctx.year
    text = ctx.t["typical_overall"].format(
        y0=y0, y1=y1, p=round(100 * typical["share"]), n=typical["places"],
        s="" if typical["places"] == 1 else "s",
        what=ctx.t["units" if ctx.is_unit else "provinces"])
    changed = method_changed(y0, y1)
    return text + (" " + ctx.t["typical_method"].format(year=changed) if changed else "")
