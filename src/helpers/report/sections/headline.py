"""The headline card: the overall rank, score and change, the pillar ranks and the merger."""

from __future__ import annotations

from ... import processed, provinces, vocab
from ..tables import (
    Cells,
    ReportContext,
    Tables,
    cells_of,
    method_changed,
    origin,
    per_table,
    tied,
    value,
)

NAME = "headline"
TEMPLATE = "headline.html.j2"
FIGURE = None


def numbers(t: Tables, ctx: ReportContext) -> dict:
    """Return the overall result, the pillars, and the province's unit (or the unit's members)."""
    code, year, basis = ctx.code, ctx.year, ctx.basis
    rows = cells_of(t, code, basis)
    o = overall(rows, year)
    return {
        "overall": {**o, "agrees_published": agrees_published(t, code, year, "overall"),
                    "tied": tied(t, basis, year, "overall", o["rank"]),
                    "prev_tied": tied(t, basis, year - 1, "overall", o["prev_rank"])},
        "pillars": pillars(t, rows, basis, year),
        "predecessors": predecessors(t, code, year) if ctx.is_unit else [],
        "unit": None if ctx.is_unit else unit_link(t, code, year),
        "standing": None if ctx.is_unit else unit_standing(t, code, year),
    }


def pillars(t: Tables, rows: Cells, basis: int, year: int) -> list[dict]:
    """Return each pillar's rank, score and origin in a year (the pillars ranked that year)."""
    out = []
    for m in vocab.PILLARS:
        rank = value(rows, year, m, "rank")
        if rank is not None:
            out.append({"measure": m, "rank": rank, "score": value(rows, year, m, "score"),
                        "origin": origin(rows, year, m), "tied": tied(t, basis, year, m, rank)})
    return out


def overall(rows: Cells, year: int) -> dict:
    """Return the overall rank and score of a year, and the change since the previous year."""
    rank, score = value(rows, year, "overall", "rank"), value(rows, year, "overall", "score")
    prev_rank = value(rows, year - 1, "overall", "rank")
    prev_score = value(rows, year - 1, "overall", "score")
    return {"rank": None if rank is None else int(rank), "score": score,
            "origin": origin(rows, year, "overall"),
            "score_origin": origin(rows, year, "overall", "score_origin"), "prev_year": year - 1,
            "prev_rank": None if prev_rank is None else int(prev_rank), "prev_score": prev_score,
            "prev_origin": origin(rows, year - 1, "overall"),
            "places": None if rank is None or prev_rank is None else int(prev_rank - rank),
            "method_changed": method_changed(year - 1, year),
            "score_change": None if score is None or prev_score is None else score - prev_score}


def agrees_published(t: Tables, code: str, year: int, measure: str) -> bool:
    """Tell whether a unit's derived rank was also published and every publication agrees."""
    if not code.startswith("U"):
        return False
    return _published(t).get((code, year, measure), False)


@per_table
def _published(t: Tables) -> dict[tuple[str, int, str], bool]:
    """Return, by unit, year and measure, whether every publication of its rank agrees."""
    u = t.unit_checks
    if u.empty:
        return {}
    ranks = u[u["field"] == "rank"]
    return {(str(code), int(year), measure): bool(part["status"].eq("agrees").all())
            for (code, year, measure), part in ranks.groupby(["unit_code", "year", "measure"])}


def predecessors(t: Tables, code: str, year: int) -> list[dict]:
    """Return each predecessor of a unit with its own rank in the year (63 basis)."""
    out = []
    for member in provinces.predecessors(code):
        rows = cells_of(t, member, vocab.BASIS_PROVINCES)
        rank = value(rows, year, "overall", "rank")
        out.append({"code": member, "name": vocab.place_name(provinces.display_name(member)),
                    "slug": provinces.provinces().loc[member, "slug"],
                    "rank": None if rank is None else int(rank),
                    "origin": origin(rows, year, "overall"),
                    "tied": tied(t, vocab.BASIS_PROVINCES, year, "overall", rank),
                    "score": value(rows, year, "overall", "score")})
    return out


def unit_link(t: Tables, code: str, year: int) -> dict:
    """Return the 2025 unit a province belongs to, with the unit's rank of 34 in the year."""
    unit_code = provinces.unit_of(code)
    unit = provinces.units().loc[unit_code]
    rows = cells_of(t, unit_code, vocab.BASIS_UNITS)
    rank = value(rows, year, "overall", "rank")
    others = [vocab.place_name(provinces.display_name(m)) for m in unit["predecessors"]
              if m != code]
    return {"code": unit_code, "name": vocab.place_name(unit["name_vi"]), "slug": unit["slug"],
            "rank": None if rank is None else int(rank), "origin": origin(rows, year, "overall"),
            "score": value(rows, year, "overall", "score"), "merged": bool(others),
            "others": others, "agrees_published": agrees_published(t, unit_code, year, "overall")}


def unit_standing(t: Tables, code: str, year: int) -> dict | None:
    """Return the unit's result standing for a province in a 34-only year (else None)."""
    standing = processed.standing_for(t.rankings, code, year)
    if standing is None or standing[0] == code:
        return None
    return {**unit_link(t, code, year), "n": standing[1]}

