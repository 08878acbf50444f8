"""What one report shows: the numbers of a province (or 2025 unit), gathered in a dataclass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import config, processed, provinces, reasons, sources, vocab
from . import forecast as forecast_words


@dataclass(frozen=True)
class Tables:
    """The processed tables a report reads (loaded once per process)."""

    rankings: pd.DataFrame
    predictions: pd.DataFrame
    contributions: pd.DataFrame
    targets: pd.DataFrame
    claims: pd.DataFrame
    register: pd.DataFrame
    conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    conditional: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_checks: pd.DataFrame = field(default_factory=pd.DataFrame)
    forecast: pd.DataFrame = field(default_factory=pd.DataFrame)
    pillar_ranges: pd.DataFrame = field(default_factory=pd.DataFrame)


def _read(path: Path, **kwargs: object) -> pd.DataFrame:
    """Read a processed table, or an empty frame when the stage has not written it."""
    return pd.read_csv(path, **kwargs) if path.exists() else pd.DataFrame()


#: Every processed table a report page reads, relative to the processed folder (this module's
#: tables and the targets section's): the report's cache inputs are derived from this list.
TABLE_FILES = ("dti_rankings.csv", "model/predictions.csv", "model/contributions.csv",
               "targets.csv", "claims.csv", "conflicts.csv", "goals.csv", "press_facts.csv",
               "unit_checks.csv", "model/conditional.csv", forecast_words.FILE,
               "model/target_odds.csv", "model/pillar_ranges.csv")
#: Tables a page shows only when held: the 2025 forecast is not made once DTI 2025 is published;
#: the targets' odds and the per-index ranges (model stage) are shown when held.
OPTIONAL_FILES = (forecast_words.FILE, "model/target_odds.csv", "model/pillar_ranges.csv")
#: Raw files (relative to data/raw) whose rows the pages cite: the source column of the rows
#: behind each figure gives the page's links.
RAW_FILES = ("dti/*.csv",)


def stamp(root: Path) -> tuple:
    """Return each table file's modification time and size (None when absent)."""
    out = []
    for path in [*(root / name for name in TABLE_FILES), config.SOURCES_REGISTER]:
        try:
            stat = path.stat()
            out.append((str(path), stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            out.append((str(path), None))
    return tuple(out)


def tables(processed_dir: str = "") -> Tables:
    """Load the processed tables; read again only when one of their files changed."""
    root = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    return _load(str(root), stamp(root))


@lru_cache(maxsize=4)
def _load(root_text: str, stamp: tuple) -> Tables:
    """Load the processed tables of a folder (cached by the files' stamp)."""
    root = Path(root_text)
    codes = {"code": str, "province_code": str}
    return Tables(
        rankings=processed.rankings(root),
        predictions=_read(root / "model" / "predictions.csv", dtype=codes),
        contributions=_read(root / "model" / "contributions.csv", dtype=codes),
        targets=_read(root / "targets.csv", dtype=codes),
        claims=_read(root / "claims.csv", dtype=codes),
        register=sources.register(),
        conflicts=_read(root / "conflicts.csv", dtype={"province_code": str, "kept_value": str,
                                                       "other_value": str}),
        conditional=_read(root / "model" / "conditional.csv", dtype=codes),
        unit_checks=_read(root / "unit_checks.csv", dtype={"unit_code": str}),
        forecast=forecast_words.read(root),
        pillar_ranges=_read(root / "model" / "pillar_ranges.csv", dtype=codes),
    )


@dataclass
class ReportContext:
    """Every number and label one report shows (the templates' context)."""

    lang: str
    t: dict
    code: str
    basis: int
    year: int
    is_unit: bool
    name: str
    slug: str
    region: str
    full_name: str
    overall: dict
    pillars: list[dict]
    indices: list[dict]
    peers: list[dict]
    history: list[dict]
    predecessors: list[dict]
    unit: dict | None
    conflicts: list[dict]
    standing: dict | None = None
    fundamentals: dict | None = None
    targets: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    goals: dict = field(default_factory=dict)
    method: dict = field(default_factory=dict)
    moved: dict = field(default_factory=dict)
    forecast: dict | None = None

    @property
    def n(self) -> int:
        """Return how many provinces or units the ranks are out of."""
        return self.basis

    @property
    def geography(self) -> str:
        """Return "unit" or "province"."""
        return "unit" if self.is_unit else "province"

    @property
    def merged(self) -> bool:
        """Return whether the (unit of the) province was formed from more than one province."""
        if self.is_unit:
            return len(self.predecessors) > 1
        return bool(self.unit and self.unit["merged"])

    def __getitem__(self, key: str) -> object:
        """Read a field like a dict (ctx["overall"]), as older helpers do."""
        return getattr(self, key)

    def as_dict(self) -> dict:
        """Return the context as template variables (fields and derived values)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(n=self.n, geography=self.geography, merged=self.merged)
        return out


def rows_of(t: Tables, code: str, basis: int) -> pd.DataFrame:
    """Return every clean row of one province or unit."""
    r = t.rankings
    return r[(r["province_code"] == code) & (r["basis"] == basis)]


def value(rows: pd.DataFrame, year: int, measure: str, column: str) -> float | None:
    """Return one value of a province's rows, or None."""
    hit = rows[(rows["year"] == year) & (rows["measure"] == measure)]
    if hit.empty or pd.isna(hit[column].iloc[0]):
        return None
    return float(hit[column].iloc[0])


def origin(rows: pd.DataFrame, year: int, measure: str, column: str = "origin") -> str:
    """Return where a rank (or, with column="score_origin", a score) came from."""
    hit = rows[(rows["year"] == year) & (rows["measure"] == measure)]
    if hit.empty or column not in hit or pd.isna(hit[column].iloc[0]):
        return ""
    return str(hit[column].iloc[0])


def assemble(t: Tables, code: str, year: int, lang: str, text: dict) -> ReportContext:
    """Gather the numbers of one report (all but the model's fundamentals and provenance)."""
    is_unit = code.startswith("U")
    basis = vocab.BASIS_UNITS if is_unit else vocab.BASIS_PROVINCES
    info = (provinces.units() if is_unit else provinces.provinces()).loc[code]
    rows = rows_of(t, code, basis)
    members = list(provinces.predecessors(code)) if is_unit else [code]
    return ReportContext(
        lang=lang, t=text, code=code, basis=basis, year=year, is_unit=is_unit,
        name=vocab.place_name(info["name_vi"]), slug=info["slug"],
        region=info["region"] if lang == "vi" else info["region_en_nso"],
        full_name=info["full_name"] if is_unit else info["name_vi"],
        overall={**(o := overall(rows, year)),
                 "agrees_published": agrees_published(t, code, year, "overall"),
                 "tied": tied(t, basis, year, "overall", o["rank"]),
                 "prev_tied": tied(t, basis, year - 1, "overall", o["prev_rank"])},
        pillars=[{"measure": m, "rank": value(rows, year, m, "rank"),
                  "score": value(rows, year, m, "score"), "origin": origin(rows, year, m),
                  "tied": tied(t, basis, year, m, value(rows, year, m, "rank"))}
                 for m in vocab.PILLARS if value(rows, year, m, "rank") is not None],
        indices=indices(t, code, basis, year, info["region"]),
        peers=peers(t, code, basis, year),
        history=history(t, code),
        predecessors=predecessors(t, code, year) if is_unit else [],
        unit=None if is_unit else unit_link(t, code, year),
        standing=None if is_unit else unit_standing(t, code, year),
        conflicts=conflicts(t, code, year),
        moved=moved(rows, year, lambda m: typical_move(t, basis, year, m)),
        targets=records(t.targets, "province_code", members),
        claims=records(t.claims, "province_code", members),
        forecast=forecast_words.unit_range(t.forecast, code, year) if is_unit else None,
    )


def tied(t: Tables, basis: int, year: int, measure: str, rank: float | None) -> bool:
    """Tell whether another province or unit shares a rank (ties share a rank in the table)."""
    if rank is None:
        return False
    r = t.rankings
    return int(((r["basis"] == basis) & (r["year"] == year) & (r["measure"] == measure)
                & (r["rank"] == rank)).sum()) > 1


def overall(rows: pd.DataFrame, year: int) -> dict:
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


#: DTI 2024 was computed with a changed method (47 indicators instead of 98; model.stage).
METHOD_CHANGE_YEAR = 2024
#: How many years "what moved" shows, the page's year included.
MOVED_YEARS = 3


def method_changed(before: int, after: int) -> int | None:
    """Return the year the DTI method changed between two assessment years (2021, 2024), if any."""
    return next((changed for changed in (METHOD_CHANGE_YEAR, vocab.METHOD_CHANGE_AFTER + 1)
                 if before < changed <= after), None)


def typical_move(t: Tables, basis: int, year: int, measure: str, share: float = 0.8
                 ) -> dict | None:
    """Return how far most provinces (or units) moved in a measure's rank from the year before:
    the fewest places n that at least `share` of them moved at most, and that share."""
    r = t.rankings
    part = r[(r["basis"] == basis) & (r["measure"] == measure) & r["rank"].notna()
             & r["year"].isin([year - 1, year])]
    ranks = part.pivot_table(index="province_code", columns="year", values="rank")
    if ranks.shape[1] < 2:
        return None
    moves = (ranks[year - 1] - ranks[year]).abs().dropna()
    n = int(next(k for k in range(int(moves.max()) + 1) if (moves <= k).mean() >= share))
    return {"places": n, "share": float((moves <= n).mean()), "count": len(moves)}


def moved(rows: pd.DataFrame, year: int,
          typical: Callable[[str], dict | None] | None = None) -> dict:
    """Return the four main indices' ranks and scores over the last years, and the largest move.

    A move is the change of rank from the year before to the page's year (places, up > 0); the
    largest is the one with the most places, the earlier index in vocab's order on a tie.
    """
    years = [y for y in range(year - MOVED_YEARS + 1, year + 1)
             if not rows[(rows["year"] == y) & rows["measure"].isin(vocab.PUBLISHED_INDICES)
                         & rows["rank"].notna()].empty]
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


def agrees_published(t: Tables, code: str, year: int, measure: str) -> bool:
    """Tell whether a unit's derived rank was also published and every publication agrees."""
    u = t.unit_checks
    if u.empty or not code.startswith("U"):
        return False
    mine = u[(u["unit_code"] == code) & (u["year"] == year) & (u["measure"] == measure)
             & (u["field"] == "rank")]
    return not mine.empty and bool(mine["status"].eq("agrees").all())


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
        out.append({"measure": measure, "score": float(mine["score"].iloc[0]),
                    "rank": None if pd.isna(mine["rank"].iloc[0]) else int(mine["rank"].iloc[0]),
                    "origin": str(mine["origin"].iloc[0]),
                    "tied": int((part["rank"] == mine["rank"].iloc[0]).sum()) > 1,
                    "median": float(part["score"].median()), "best": best,
                    "best_names": [vocab.place_name(n) for n in tied["name_vi"]],
                    "regional_mean": float(same_region["score"].mean()), "n": len(part)})
    return out


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


def predecessors(t: Tables, code: str, year: int) -> list[dict]:
    """Return each predecessor of a unit with its own rank in the year (63 basis)."""
    out = []
    for member in provinces.predecessors(code):
        rows = rows_of(t, member, vocab.BASIS_PROVINCES)
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
    rows = rows_of(t, unit_code, vocab.BASIS_UNITS)
    rank = value(rows, year, "overall", "rank")
    others = [vocab.place_name(provinces.display_name(m)) for m in unit["predecessors"]
              if m != code]
    return {"code": unit_code, "name": vocab.place_name(unit["name_vi"]), "slug": unit["slug"],
            "rank": None if rank is None else int(rank), "origin": origin(rows, year, "overall"),
            "score": value(rows, year, "overall", "score"), "merged": bool(others),
            "others": others}


def unit_standing(t: Tables, code: str, year: int) -> dict | None:
    """Return the unit's result standing for a province in a 34-only year (else None)."""
    standing = processed.standing_for(t.rankings, code, year)
    if standing is None or standing[0] == code:
        return None
    return {**unit_link(t, code, year), "n": standing[1]}


def _host(reference: str) -> tuple[str, str]:
    """Return the web address in a raw-row reference ("file:row URL") and its host."""
    for part in str(reference).split():
        if part.startswith(("http://", "https://")):
            return part, part.split("/")[2]
    return "", ""


def _kept_kind(reference: str, register: pd.DataFrame) -> str:
    """Return the source id of the raw file a kept value came from ("" if unknown)."""
    path = str(reference).split(":")[0].removeprefix("data/raw/")
    hit = register[register["path"] == path] if "path" in register.columns else register.iloc[:0]
    return str(hit["source_id"].iloc[0]) if not hit.empty else ""


def conflicts(t: Tables, code: str, year: int) -> list[dict]:
    """Return where a source disagrees with the clean table (per page and year, both figures)."""
    c = t.conflicts
    if c.empty:
        return []
    mine = c[(c["province_code"] == code) & c["field"].isin(["rank", "score"])
             & c["kept_value"].notna() & c["other_value"].notna()]
    groups: dict[tuple[int, str], dict] = {}
    order = {m: i for i, m in enumerate(["overall", *vocab.PILLARS, *vocab.MAIN_INDICES])}
    mine = mine.assign(_order=mine["measure"].map(order)).sort_values(["year", "_order"])
    for row in mine.itertuples():
        url, host = _host(row.other_source)
        group = groups.setdefault((int(row.year), url), {
            "year": int(row.year), "url": url, "host": host or "?", "items": [],
            "kept_source": _kept_kind(row.kept_source, t.register), "current": row.year == year})
        held = processed.lookup(t.rankings, code, int(row.basis), int(row.year), row.measure,
                                row.field)
        item = {"measure": row.measure, "field": row.field, "kept": row.kept_value,
                "other": row.other_value, "withheld": held is None,
                "reason": row.reason_code, "params": reasons.decode(
                    row.reason_params if isinstance(row.reason_params, str) else "")}
        if item not in group["items"]:
            group["items"].append(item)
    return sorted(groups.values(), key=lambda g: (not g["current"], -g["year"]))


def records(table: pd.DataFrame, column: str, codes: list[str]) -> list[dict]:
    """Return a table's rows for some provinces as dicts (none if the table is absent)."""
    if table.empty:
        return []
    return table[table[column].isin(codes)].to_dict("records")
