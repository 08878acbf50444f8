"""Rules 1, 3, 4 and 5: complete years, reported rows against them, reported-only figures,
doubtful rows. Each step is a public method, so notebook 10 can show what it does."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .. import provinces, reasons
from ..schemas import score_ties
from .figures import (
    ACTIVITY_OF_PILLAR,
    MAIN_INDICES,
    PILLARS,
    Entry,
    Key,
    Obs,
    as_text,
    derive_ranks,
    disagreement,
    measure_type,
    origin_of,
    score_agrees,
)
from .review import dropped_columns

CONFLICT_COLUMNS = ["province_code", "name_vi", "basis", "year", "measure", "field", "kind",
                    "kept_value", "kept_source", "other_value", "other_source", "reason_code",
                    "reason_params", "explanation"]


class Reconciler:
    """Builds the clean table from observations, listing conflicts on the way."""

    def __init__(self) -> None:
        self.entries: dict[Key, Entry] = {}
        self.conflicts: list[dict] = []
        self.dropped: list[dict] = []
        self.unit_checks: list[dict] = []
        self.doubtful: set[tuple[str, str, int]] = set()

    # -- rule 1: complete years ----------------------------------------------------------
    def add_scores(self, observations: list[Obs]) -> None:
        """Enter a score table and derive ranks within each basis, year and measure."""
        groups: dict[tuple[int, int, str], dict[str, Obs]] = defaultdict(dict)
        for obs in observations:
            groups[(obs.basis, obs.year, obs.measure)][obs.code] = obs
        for (basis, year, measure), by_code in groups.items():
            ranks = derive_ranks({c: o.score for c, o in by_code.items()})
            for code, obs in by_code.items():
                self.entries[(code, basis, year, measure)] = Entry(
                    rank=ranks[code], score=obs.score, decimals=obs.decimals,
                    rank_origin="derived", score_origin="official", source_id=obs.source_id,
                    refs=[obs.ref], n_sources=1)

    def add_official(self, observations: list[Obs]) -> None:
        """Enter official ranks (they win) and compare them with the derived ones."""
        for obs in observations:
            key = (obs.code, obs.basis, obs.year, obs.measure)
            entry = self.entries.get(key)
            if entry is None:
                self.entries[key] = Entry(rank=obs.rank, score=obs.score, decimals=obs.decimals,
                                          rank_origin="official",
                                          score_origin="official" if obs.score else None,
                                          source_id=obs.source_id, refs=[obs.ref], n_sources=1)
                continue
            if entry.rank is not None and entry.rank != obs.rank:
                self.conflict(key, "rank", "official_vs_derived", obs.rank, obs.cite, entry.rank,
                              "", "official_rank_differs", official=obs.rank, derived=entry.rank)
            if obs.score is not None and entry.score is not None and not score_agrees(
                    obs.score, obs.decimals, entry.score, entry.decimals):
                self.conflict(key, "score", "disagrees_with_official", entry.score,
                              ";".join(entry.refs), obs.score, obs.cite, "official_score_differs",
                              official=as_text(obs.score), table=as_text(entry.score))
            entry.rank, entry.rank_origin, entry.source_id = obs.rank, "official", obs.source_id
            entry.refs.insert(0, obs.ref)
            entry.n_sources += 1

    # -- rules 3 to 5: reported rows -------------------------------------------------------
    def add_reported(self, observations: list[Obs]) -> None:
        """Compare reported rows with the clean values; pool the rest for reconciliation."""
        pool: dict[Key, list[Obs]] = defaultdict(list)
        for obs in observations:
            if obs.basis is None:
                obs = self.place_basis(obs)
                if obs is None:
                    continue
            key = (obs.code, obs.basis, obs.year, obs.measure)
            if self.mislabelled_pillar(obs):
                continue
            if key in self.entries and self.entries[key].rank_origin in ("official", "derived"):
                self.compare(key, obs)
            else:
                pool[key].append(obs)
        for key, group in pool.items():
            self.pool(key, group)

    def place_basis(self, obs: Obs) -> Obs | None:
        """Put a row with no stated basis on the one basis its figure agrees with, if any."""
        fits, comparable = [], 0
        for basis in (63, 34):
            try:
                code = obs.code if basis == 63 else provinces.resolve(obs.name, basis=34)
            except provinces.UnknownProvinceError:
                continue
            entry = self.entries.get((code, basis, obs.year, obs.measure))
            comparable += entry is not None
            if entry is not None and not disagreement(entry, obs):
                fits.append((basis, code))
        if len(fits) == 1:
            obs.basis, obs.code = fits[0]
            return obs
        code = "basis_fits_both" if fits else (
            "basis_fits_neither" if comparable else "basis_no_comparison")
        self.dropped.append({"file": obs.file, "row": obs.row, "province_as_published": obs.name,
                             "year": str(obs.year), "measure": obs.measure,
                             **dropped_columns(code)})
        return None

    def mislabelled_pillar(self, obs: Obs) -> bool:
        """Flag a pillar score that equals the same-named activity index's official score."""
        if obs.measure not in PILLARS or obs.score is None:
            return False
        entry = self.entries.get((obs.code, 63, obs.year, ACTIVITY_OF_PILLAR[obs.measure]))
        if entry is None or entry.score is None:
            return False
        if not score_agrees(obs.score, obs.decimals, entry.score, entry.decimals):
            return False
        params = {"index": MAIN_INDICES[ACTIVITY_OF_PILLAR[obs.measure]],
                  "score": f"{entry.score:.4f}"}
        code = "activity_index_as_pillar"
        if obs.rank is not None:
            code, params = "activity_index_as_pillar_ranked", params | {
                "rank": obs.rank, "index_rank": entry.rank}
        self.conflict((obs.code, 63, obs.year, obs.measure), "score", "mislabelled_measure",
                      None, "", obs.score, obs.cite, code, **params)
        return True

    def compare(self, key: Key, obs: Obs) -> None:
        """Compare a reported row with an official/derived entry: corroborate or conflict."""
        entry = self.entries[key]
        fields = disagreement(entry, obs)
        if not fields:
            entry.refs.append(obs.ref)
            entry.n_sources += 1
            return
        for name in fields:
            kept = entry.rank if name == "rank" else entry.score
            origin = entry.rank_origin if name == "rank" else entry.score_origin
            code, params = self.explain(key, name, obs.rank if name == "rank" else obs.score)
            if code == "matches_other_year":
                self.doubtful.add((obs.url, obs.code, obs.year))
            self.conflict(key, name, f"disagrees_with_{origin}", kept, ";".join(entry.refs[:1]),
                          obs.rank if name == "rank" else obs.score, obs.cite, code,
                          origin=origin, **params)

    def explain(self, key: Key, name: str, value: float | int | None) -> tuple[str, dict]:
        """Return the reason code of a disagreeing value: which other figure it equals, if any."""
        code, basis, year, measure = key
        years, bases = [], []
        for (c, b, y, m), entry in self.entries.items():
            if c != code or m != measure or (b, y) == (basis, year) \
                    or entry.rank_origin == "reported":
                continue
            theirs = entry.rank if name == "rank" else entry.score
            same = theirs == value if name == "rank" else (
                theirs is not None and value is not None and abs(theirs - value) < 5e-5)
            if same and b == basis:
                years.append(y)
            elif same and y == year:
                bases.append(b)
        if years:
            return "matches_other_year", {"year": min(years)}
        if bases:
            return "matches_other_basis", {"basis": bases[0]}
        return "matches_nothing", {}

    def pool(self, key: Key, group: list[Obs]) -> None:
        """Reconcile reported-only rows for one key: agreeing sources collapse to one row."""
        kept = []
        for obs in group:
            if (obs.url, obs.code, obs.year) in self.doubtful:
                self.conflict(key, "rank" if obs.rank is not None else "score",
                              "source_year_doubtful", None, "", obs.rank or obs.score, obs.cite,
                              "source_year_doubtful")
            else:
                kept.append(obs)
        if not kept:
            return
        entry = Entry(source_id=kept[0].source_id, refs=[o.ref for o in kept],
                      n_sources=len(kept))
        ranks = sorted({o.rank for o in kept if o.rank is not None})
        if len(ranks) == 1:
            entry.rank = ranks[0]
        elif len(ranks) > 1:
            self.disagreeing_sources(key, "rank", kept, [o.rank for o in kept])
        scored = sorted((o for o in kept if o.score is not None), key=lambda o: -o.decimals)
        if scored and all(score_agrees(o.score, o.decimals, scored[0].score, scored[0].decimals)
                          for o in scored):
            entry.score, entry.decimals = scored[0].score, scored[0].decimals
        elif scored:
            self.disagreeing_sources(key, "score", kept, [o.score for o in kept])
        entry.rank_origin = origin_of([o for o in kept if o.rank is not None], entry.rank)
        entry.score_origin = origin_of([o for o in kept if o.score is not None], entry.score)
        if entry.rank is not None or entry.score is not None:
            self.entries[key] = entry

    def disagreeing_sources(self, key: Key, name: str, group: list[Obs],
                            values: list[float | int | None]) -> None:
        """List each pair of disagreeing reported values; the clean table keeps neither."""
        firsts: dict[object, Obs] = {}
        for obs, value in zip(group, values, strict=True):
            if value is not None:
                firsts.setdefault(value, obs)
        (base_value, base), *others = firsts.items()
        every = "; ".join(f"{as_text(v)} ({o.cite})" for v, o in firsts.items())
        for value, obs in others:
            self.conflict(key, name, "sources_disagree", base_value, base.cite, value, obs.cite,
                          "sources_disagree", values=every)

    def conflict(self, key: Key, name: str, kind: str, kept: object, kept_source: str,
                 other: object, other_source: str, code: str, **params: object) -> None:
        """Record one conflict row with its reason code."""
        province, basis, year, measure = key
        self.conflicts.append({
            "province_code": province, "name_vi": provinces.display_name(province),
            "basis": basis, "year": year, "measure": measure, "field": name, "kind": kind,
            "kept_value": as_text(kept), "kept_source": kept_source or None,
            "other_value": as_text(other), "other_source": other_source,
            **reasons.columns(code, **params), "explanation": reasons.word(code, params, "en")})

    def conflicts_table(self) -> pd.DataFrame:
        """Return the conflicts found so far as a table."""
        table = pd.DataFrame(self.conflicts, columns=CONFLICT_COLUMNS)
        for column in ("basis", "year"):
            table[column] = table[column].astype("Int64")
        return table

    def table(self) -> pd.DataFrame:
        """Return the clean long table, sorted by basis, year, measure and rank."""
        rows = []
        for (code, basis, year, measure), e in self.entries.items():
            origin = e.rank_origin if e.rank is not None else e.score_origin
            rows.append({
                "province_code": code, "name_vi": provinces.display_name(code), "basis": basis,
                "year": year, "measure_type": measure_type(measure), "measure": measure,
                "rank": e.rank, "score": e.score, "origin": origin, "rank_origin": e.rank_origin,
                "score_origin": e.score_origin, "source_id": e.source_id,
                "source_ref": "; ".join(e.refs), "n_sources": e.n_sources})
        frame = pd.DataFrame(rows, columns=[
            "province_code", "name_vi", "basis", "year", "measure_type", "measure", "rank",
            "score", "origin", "rank_origin", "score_origin", "source_id", "source_ref",
            "n_sources"])
        frame["rank"] = frame["rank"].astype("Int64")
        frame["score"] = frame["score"].astype(float)
        order = {"overall": 0, "pillar": 1, "main_index": 2}
        frame["_order"] = frame["measure_type"].map(order)
        frame = frame.sort_values(["basis", "year", "_order", "measure", "rank", "province_code"],
                                  ascending=[False, True, True, True, True, True])
        frame["score_tie"] = score_ties(frame)  # equal printed scores, consecutive ranks
        return frame.drop(columns="_order").reset_index(drop=True)
