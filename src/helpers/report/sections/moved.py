"""What moved: the four main indices' ranks over the last years, the largest move, and how far
most provinces moved, with the 2024 method change said wherever a change across it is shown."""

from __future__ import annotations

from collections.abc import Callable

from ... import vocab
from .. import figures
from ..narrative import measure_name, ranked
from ..tables import Cells, ReportContext, Tables, cells_of, method_changed, per_table, tied, value

NAME = "moved"
TEMPLATE = "moved.html.j2"
#: One line per main index over the years shown, the method change marked (with alt text).
FIGURE = figures.moved_figure
#: How many years "what moved" shows, the page's year included.
MOVED_YEARS = 3


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the main indices' ranks by year, the largest move and its sentence."""
    rows = cells_of(t, ctx.code, ctx.basis)
    found = moved(rows, ctx.year, lambda m: typical_move(t, ctx.basis, ctx.year, m))
    if found:
        for row in found["rows"]:  # a rank another province (or unit) shares is marked joint
            row["tied"] = [tied(t, ctx.basis, y, row["measure"], rank)
                           for y, rank in zip(found["years"], row["ranks"], strict=True)]
        found["sentence"] = moved_sentence(found, ctx.t, ctx.lang)
    return {"moved": found}


def typical_move(t: Tables, basis: int, year: int, measure: str, share: float = 0.8
                 ) -> dict | None:
    """Return how far most provinces (or units) moved in a measure's rank from the year before:
    the fewest places n that at least `share` of them moved at most, and that share."""
    found = _typical_move(t, basis, year, measure, share)
    return None if found is None else dict(found)


@per_table
def _typical_move(t: Tables, basis: int, year: int, measure: str, share: float
                  ) -> dict | None:
    """Compute typical_move (once per loaded table, basis, year and measure)."""
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["measure"] == measure) & r["rank"].notna()
             & r["year"].isin([year - 1, year])]
    ranks = part.pivot_table(index="province_code", columns="year", values="rank")
    if ranks.shape[1] < 2:
        return None
    moves = (ranks[year - 1] - ranks[year]).abs().dropna()
    n = int(next(k for k in range(int(moves.max()) + 1) if (moves <= k).mean() >= share))
    return {"places": n, "share": float((moves <= n).mean()), "count": len(moves)}


def moved(rows: Cells, year: int,
          typical: Callable[[str], dict | None] | None = None) -> dict:
    """Return the four main indices' ranks and scores over the last years, and the largest move.

    A move is the change of rank from the year before to the page's year (places, up > 0); the
    largest is the one with the most places, the earlier index in vocab's order on a tie.
    """
    years = [y for y in range(year - MOVED_YEARS + 1, year + 1)
             if any(value(rows, y, m, "rank") is not None for m in vocab.PUBLISHED_INDICES)]
    if len(years) < 2 or years[-1] != year or year - 1 not in years:
        return {}
    table = []
    for measure in vocab.PUBLISHED_INDICES:
        ranks = {y: value(rows, y, measure, "rank") for y in years}
        scores = {y: value(rows, y, measure, "score") for y in years}
        before, now = ranks[year - 1], ranks[year]
        table.append({"measure": measure, "ranks": [None if ranks[y] is None else int(ranks[y])
                                                    for y in years],
                      "scores": [scores[y] for y in years],
                      "places": None if before is None or now is None else int(before - now)})
    known = [r for r in table if r["places"] is not None]
    if not known:
        return {}
    largest = max(known, key=lambda r: abs(r["places"]))
    return {"years": years, "rows": table, "largest": largest, "from_year": year - 1,
            "method_changed": method_changed(year - 1, year),
            "typical": typical(largest["measure"]) if typical else None}
def moved_sentence(moved: dict, t: dict, lang: str) -> str:
    """Word the largest move of a main index from the year before to the page's year."""
    largest, y1 = moved["largest"], moved["years"][-1]
    y0 = moved["from_year"]
    if not largest["places"]:
        text = t["moved_none"].format(y0=y0, y1=y1)
    else:
        r0, r1 = largest["ranks"][-2], largest["ranks"][-1]
        shared = largest.get("tied") or [False] * len(largest["ranks"])
        text = t["moved_sentence"].format(
            y0=y0, y1=y1, measure=measure_name(largest["measure"], lang),
            verb=t["rose" if largest["places"] > 0 else "fell"], n=abs(largest["places"]),
            s="" if abs(largest["places"]) == 1 else "s",
            r0=ranked(r0, lang, shared[-2]), r1=ranked(r1, lang, shared[-1]))
        if lang == "vi" and largest["places"] > 0:
            text = text.replace(" xuống ", " lên ", 1)
    typical = moved.get("typical")
    if typical:
        text += " " + t["typical"].format(p=round(100 * typical["share"]), n=typical["places"],
                                          s="" if typical["places"] == 1 else "s",
                                          what=t["provinces"], y0=y0, y1=y1)
    if moved.get("method_changed"):
        text += " " + t[f"method_{moved['method_changed']}"][0].upper() + \
            t[f"method_{moved['method_changed']}"][1:] + "."
    return text
