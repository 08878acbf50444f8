"""Clean DTI rankings: read the raw tables, derive what is missing, reconcile the sources.

The rules, in order (the notebook 10-clean-rankings shows each outcome):

1. **Complete years** come from the score table (all 63 provinces, overall score and four
   main indices). Ranks are derived by sorting the score (equal scores share the best rank;
   origin ``derived``), except where the official ranking table gives the rank (origin
   ``official``). Official and derived ranks are compared; a difference is a conflict.
2. **The 34 units of 2025** get, for every measure of the merger year, the arithmetic mean of
   their predecessors' values (the ministry's own rule) and a rank derived among the 34.
3. **Reported rows** (press and portals) are compared with the official/derived value for the
   same province, basis, year and measure. Agreement adds the row as a corroborating source;
   disagreement is a conflict and the official/derived value stays. A rank agrees when equal;
   a score agrees when equal at the precision the source printed ("0,24" matches 0.2400 to
   0.2449). Rows from dti.gov.vn count as official.
4. **Reported-only figures** (2020, 2021, pillars, the other main indices) enter the clean table
   when all their sources agree (origin ``reported``). Disagreeing sources leave the value empty
   and are listed as conflicts with every source.
5. **Doubtful rows**: a pillar score equal to the province's activity index of the same name is
   a mislabelled activity index; a value matching another year's official figure suggests a
   wrong year, and then the same source's other figures for that province and year are
   withheld too. A row with no basis stated is placed on the basis it agrees with, if exactly
   one; rows with an unknown year, no figure, or a 2020-method component index are dropped,
   each with its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import config, processed, provinces
from .raw import display_path, parse_column, read_csv_text
from .schemas import Problem, raise_if_any, validate_tables
from .sources import register
from .store import write_tables
from .vntext import decimals_of, fold, nfc, parse_rank, parse_score

PILLARS: dict[str, str] = {
    "chinh_quyen_so": "Chính quyền số",
    "kinh_te_so": "Kinh tế số",
    "xa_hoi_so": "Xã hội số",
}
MAIN_INDICES: dict[str, str] = {
    "nhan_thuc_so": "Nhận thức số",
    "the_che_so": "Thể chế số",
    "ha_tang_so": "Hạ tầng số",
    "nhan_luc_so": "Nhân lực số",
    "an_toan_thong_tin_mang": "An toàn thông tin mạng",
    "hd_chinh_quyen_so": "Hoạt động chính quyền số",
    "hd_kinh_te_so": "Hoạt động kinh tế số",
    "hd_xa_hoi_so": "Hoạt động xã hội số",
}
#: Score-table columns and the measure each holds (the three DTI_* are activity indices).
SCORE_COLUMNS: dict[str, str] = {
    "DTI_Tong": "overall",
    "HaTangSo": "ha_tang_so",
    "DTI_ChinhQuyenSo": "hd_chinh_quyen_so",
    "DTI_KinhTeSo": "hd_kinh_te_so",
    "DTI_XaHoiSo": "hd_xa_hoi_so",
}
ACTIVITY_OF_PILLAR = {p: f"hd_{p}" for p in PILLARS}
OFFICIAL_HOSTS = ("dti.gov.vn",)
#: The assessment year published on both bases (63 provinces and 34 units).
MERGER_YEAR = 2024
#: The ``decimals`` of a score derived as a mean (not printed by anyone).
DERIVED = -1

SCORES_FILE = "dti/scores_2022_2024.csv"
OFFICIAL_FILE = "dti/official_2022_ranking.csv"
REPORTED_FILES = {
    "overall": "dti/reported_overall.csv",
    "pillar": "dti/reported_pillars.csv",
    "main_index": "dti/reported_subindices.csv",
}
CHANGES_FILE = "dti/reported_changes.csv"

KEY = ("code", "basis", "year", "measure")
Key = tuple[str, int, int, str]


def measure_type(measure: str) -> str:
    """Return overall, pillar or main_index for a measure id."""
    if measure == "overall":
        return "overall"
    return "pillar" if measure in PILLARS else "main_index"


def main_index_id(label: str) -> str | None:
    """Return the measure id of a main index as published, or None for a 2020 component."""
    if label.strip().startswith("["):
        return None
    bare = fold(re.sub(r"\(.*?\)", "", label)).strip()
    for measure, name in MAIN_INDICES.items():
        if fold(name) == bare:
            return measure
    names = ", ".join(MAIN_INDICES.values())
    raise ValueError(f"{label!r} is not one of the eight main indices ({names})")


def _basis_from_note(note: str) -> int | None:
    """Return the basis a note states ("34 merged", "/63", "63 pre-merger"), if any."""
    text = fold(note)
    if re.search(r"\b34\b", text) and ("merged" in text or "sap nhap" in text or "/34" in text):
        return 34
    if re.search(r"/63\b|\b63 pre-merger|\b63 provinces\b|trong 63", text):
        return 63
    return None


@dataclass
class Obs:
    """One published figure: where it was read, what it says."""

    file: str
    row: int
    source_id: str
    url: str
    note: str
    name: str
    code: str
    basis: int | None
    year: int
    measure: str
    rank: int | None
    score: float | None
    decimals: int
    origin: str

    @property
    def ref(self) -> str:
        """Return "file:row" of the raw row."""
        return f"{self.file}:{self.row}"

    @property
    def cite(self) -> str:
        """Return the raw row and its URL."""
        return f"{self.ref} {self.url}".strip()


@dataclass
class Entry:
    """One reconciled value in the clean table, with every source that agrees with it."""

    rank: int | None = None
    score: float | None = None
    decimals: int = 4
    rank_origin: str | None = None
    score_origin: str | None = None
    source_id: str = ""
    refs: list[str] = field(default_factory=list)
    n_sources: int = 0


@dataclass
class CleanResult:
    """The tables the cleaning stage writes, and the raw problems it found (none if written)."""

    tables: dict[str, pd.DataFrame]

    @property
    def rankings(self) -> pd.DataFrame:
        """Return the clean long table dti_rankings."""
        return self.tables["dti_rankings"]

    @property
    def conflicts(self) -> pd.DataFrame:
        """Return the conflicts table."""
        return self.tables["conflicts"]


class _Reader:
    """Reads the raw DTI files into observations, collecting problems and dropped rows."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir
        self.problems: list[Problem] = []
        self.dropped: list[dict] = []
        ids = register(raw_dir / "sources.csv")
        self.source_ids = dict(zip(ids["path"], ids["source_id"], strict=True))

    def _frame(self, rel: str, required: list[str]) -> tuple[pd.DataFrame, str, str]:
        """Read one raw file; return its frame, display name and source id."""
        path = self.raw_dir / rel
        name = display_path(path)
        if rel not in self.source_ids:
            self.problems.append(Problem(name, None, None, None,
                                         "not in the sources register; add it to sources.csv"))
        return read_csv_text(path, required, self.problems), name, self.source_ids.get(rel, rel)

    def _codes(self, frame: pd.DataFrame, column: str, name: str, bases: pd.Series) -> pd.Series:
        """Resolve every province name in a column on its row's basis."""
        out = {}
        for row, value in frame[column].items():
            try:
                out[row] = provinces.resolve(value, basis=bases[row])
            except provinces.UnknownProvinceError as error:
                self.problems.append(Problem(name, int(row), column, value,
                                             f"{error}; fix the spelling or add an alias"))
                out[row] = None
        return pd.Series(out, index=frame.index, dtype=object)

    def _years(self, frame: pd.DataFrame, column: str, name: str) -> pd.Series:
        """Parse assessment years; 'unknown' and empty stay None (the row is dropped later)."""
        def year(text: str) -> int:
            if not re.fullmatch(r"20\d\d", text):
                raise ValueError("not a four-digit year")
            return int(text)
        years = parse_column(frame, column, year, [], name, "")
        bad = frame[column].str.strip().map(lambda t: t not in ("", "unknown")) & years.isna()
        for row in frame.index[bad]:
            self.problems.append(Problem(name, int(row), column, frame.at[row, column],
                                         "not a year; write the assessment year, e.g. 2023"))
        return years

    def _ranks(self, frame: pd.DataFrame, name: str, bases: pd.Series) -> pd.Series:
        """Parse ranks and check each lies within 1..N of its basis."""
        ranks = {}
        for row, value in frame["rank"].items():
            text = value.strip()
            if not text:
                ranks[row] = None
                continue
            basis = bases[row] or 63
            try:
                ranks[row] = parse_rank(f"{text}/{basis}").rank
            except ValueError as error:
                self.problems.append(Problem(name, int(row), "rank", value,
                                             f"{error}; a rank lies within 1..{basis}"))
                ranks[row] = None
        return pd.Series(ranks, index=frame.index, dtype=object)

    def _scores(self, frame: pd.DataFrame, column: str, name: str) -> pd.Series:
        """Parse scores and check each lies within [0, 1]."""
        def score(text: str) -> float:
            value = parse_score(text)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"score {value} is outside [0, 1]")
            return value
        return parse_column(frame, column, score, self.problems, name,
                            "write a DTI score in [0, 1] such as 0,6077 or 0.6077")

    def official(self) -> list[Obs]:
        """Read the official ranking table (one year, every province, published ranks)."""
        frame, name, sid = self._frame(OFFICIAL_FILE,
                                       ["year", "rank", "province_as_published", "score", "source"])
        bases = pd.Series(63, index=frame.index, dtype=object)
        years = self._years(frame, "year", name)
        codes = self._codes(frame, "province_as_published", name, bases)
        ranks = self._ranks(frame, name, bases)
        scores = self._scores(frame, "score", name)
        self._require_unique(frame, name, codes, years, "province_as_published")
        self._require_complete(name, codes, years, 63)
        return [
            Obs(name, int(r), sid, frame.at[r, "source"], "", frame.at[r, "province_as_published"],
                codes[r], 63, years[r], "overall", ranks[r], scores[r],
                decimals_of(frame.at[r, "score"]), "official")
            for r in frame.index if codes[r] and years[r] and ranks[r]
        ]

    def scores(self) -> list[Obs]:
        """Read the score table: every province, overall and four main indices, by year."""
        frame, name, sid = self._frame(SCORES_FILE,
                                       ["TinhThanh", "Nam", *SCORE_COLUMNS, "source"])
        bases = pd.Series(63, index=frame.index, dtype=object)
        years = self._years(frame, "Nam", name)
        codes = self._codes(frame, "TinhThanh", name, bases)
        self._require_unique(frame, name, codes, years, "TinhThanh")
        self._require_complete(name, codes, years, 63)
        out = []
        for column, measure in SCORE_COLUMNS.items():
            values = self._scores(frame, column, name)
            for r in frame.index:
                if codes[r] and years[r] and values[r] is not None:
                    out.append(Obs(name, int(r), sid, "", "", frame.at[r, "TinhThanh"], codes[r],
                                   63, years[r], measure, None, values[r],
                                   decimals_of(frame.at[r, column]), "official"))
        return out

    def _require_unique(self, frame: pd.DataFrame, name: str, codes: pd.Series,
                        years: pd.Series, column: str) -> None:
        """Record a problem for each province listed twice in one year."""
        seen: dict[tuple, int] = {}
        for row in frame.index:
            key = (codes[row], years[row])
            if None in key:
                continue
            if key in seen:
                self.problems.append(Problem(
                    name, int(row), column, frame.at[row, column],
                    f"{provinces.display_name(key[0])} {key[1]} already appears in row "
                    f"{seen[key]}; keep one row per province and year"))
            else:
                seen[key] = int(row)

    def _require_complete(self, name: str, codes: pd.Series, years: pd.Series, n: int) -> None:
        """Record a problem for each year that does not list all n provinces."""
        expected = set(provinces.provinces()["code"])
        frame = pd.DataFrame({"code": codes, "year": years})
        unresolved = set(frame.loc[frame["code"].isna(), "year"])
        for year, group in frame.dropna().groupby("year"):
            if year in unresolved:
                continue  # an unknown name is already reported; the gap follows from it
            missing = sorted(expected - set(group["code"]))
            if missing:
                listed = ", ".join(provinces.display_name(c) for c in missing)
                self.problems.append(Problem(
                    name, None, None, None,
                    f"{year}: {group['code'].nunique()} of {n} provinces; missing {listed}"))

    def reported(self, measure_kind: str) -> list[Obs]:
        """Read one reported file (overall, pillar or main_index) into observations."""
        rel = REPORTED_FILES[measure_kind]
        label = {"overall": None, "pillar": "pillar", "main_index": "subindex"}[measure_kind]
        required = ["year", "province_as_published", "rank", "score", "source", "note"]
        if label:
            required.insert(2, label)
        if measure_kind == "overall":
            required.insert(4, "basis")
        frame, name, sid = self._frame(rel, required)
        years = self._years(frame, "year", name)
        bases = pd.Series(
            {r: self._basis(frame, r, measure_kind, years[r]) for r in frame.index},
            index=frame.index, dtype=object)
        codes = self._codes(frame, "province_as_published", name, bases)
        ranks = self._ranks(frame, name, bases)
        scores = self._scores(frame, "score", name)
        measures = self._measures(frame, label, name)
        self._apply_decisions(rel, frame, measures)
        out = []
        for r in frame.index:
            reason = self._drop_reason(frame, r, years[r], measures[r], ranks[r], scores[r])
            if reason:
                self.dropped.append({
                    "file": name, "row": int(r),
                    "province_as_published": frame.at[r, "province_as_published"],
                    "year": frame.at[r, "year"], "measure": measures[r], "reason": reason})
                continue
            if codes[r] is None:
                continue
            url = frame.at[r, "source"]
            origin = "official" if any(h in url for h in OFFICIAL_HOSTS) else "reported"
            out.append(Obs(name, int(r), sid, url, frame.at[r, "note"],
                           frame.at[r, "province_as_published"], codes[r], bases[r], years[r],
                           measures[r], ranks[r], scores[r], decimals_of(frame.at[r, "score"]),
                           origin))
        return out

    def _apply_decisions(self, rel: str, frame: pd.DataFrame, measures: pd.Series) -> None:
        """Apply the reviewed decisions (src/helpers/data/review_decisions.csv) to one file."""
        decisions = pd.read_csv(config.REVIEW_DECISIONS_CSV, dtype=str, keep_default_na=False)
        for d in decisions[decisions["file"] == rel].itertuples(index=False):
            match = frame.index[
                (frame["year"] == d.year) & (frame["rank"] == d.rank)
                & (frame["province_as_published"].map(nfc) == nfc(d.province_as_published))
                & (measures == d.measure)]
            if len(match) == 0:
                self.problems.append(Problem(
                    "src/helpers/data/review_decisions.csv", None, "decision", d.decision,
                    f"matches no row of {rel} ({d.year}, {d.province_as_published}, {d.measure},"
                    f" rank {d.rank}); update or remove the decision"))
            for row in match:
                if d.decision == "drop":
                    measures[row] = "dropped-by-review"
                else:
                    measures[row] = d.decision.removeprefix("measure=")
                frame.at[row, "note"] = f"{frame.at[row, 'note']} [review: {d.reason}]".strip()

    def _basis(self, frame: pd.DataFrame, row: int, kind: str, year: int | None) -> int | None:
        """Return a reported row's basis: its column, else its name or note, else by year."""
        stated = frame.at[row, "basis"].strip() if kind == "overall" else ""
        if stated:
            if stated not in ("63", "34"):
                self.problems.append(Problem(display_path(self.raw_dir / REPORTED_FILES[kind]),
                                             int(row), "basis", stated, "basis is 63, 34 or empty"))
                return None
            return int(stated)
        hint = provinces.basis_hint(frame.at[row, "province_as_published"])
        hint = hint or _basis_from_note(frame.at[row, "note"])
        if hint:
            return hint
        return 63 if year is not None and year < MERGER_YEAR else None

    def _measures(self, frame: pd.DataFrame, label: str | None, name: str) -> pd.Series:
        """Return each row's measure id (overall, a pillar or a main index)."""
        if label is None:
            return pd.Series("overall", index=frame.index, dtype=object)
        if label == "pillar":
            def pillar(text: str) -> str:
                if text not in PILLARS:
                    raise ValueError(f"not a pillar ({', '.join(PILLARS)})")
                return text
            return parse_column(frame, label, pillar, self.problems, name, "fix the pillar id",
                                optional=False)
        out = {}
        for row, value in frame[label].items():
            try:
                out[row] = main_index_id(value) or "2020-component"
            except ValueError as error:
                self.problems.append(Problem(name, int(row), label, value, str(error)))
                out[row] = None
        return pd.Series(out, index=frame.index, dtype=object)

    @staticmethod
    def _drop_reason(frame: pd.DataFrame, row: int, year: int | None, measure: str | None,
                     rank: int | None, score: float | None) -> str:
        """Return why a reported row cannot enter the clean table, or an empty string."""
        if frame.at[row, "year"].strip() in ("", "unknown"):
            return "assessment year not stated by the source"
        if measure == "dropped-by-review":
            return "dropped by a reviewed decision (src/helpers/data/review_decisions.csv)"
        if measure == "2020-component":
            return "2020-method component index (within a pillar), not one of the main indices"
        if rank is None and score is None and not frame.at[row, "rank"].strip() \
                and not frame.at[row, "score"].strip():
            return "no rank or score stated (the figure is only implied)"
        return ""


#: A derived unit score is a mean of values published to 4 places: it carries their rounding.
INPUT_ROUNDING = 0.5e-4


def _score_agrees(a: float, a_decimals: int, b: float, b_decimals: int) -> bool:
    """Tell whether two scores agree at the precision they were published (or derived) at.

    ``decimals`` is the number of places printed; ``DERIVED`` marks a mean of rounded values,
    which may differ from the publisher's mean of unrounded values by up to INPUT_ROUNDING.
    """
    places = min(a_decimals if a_decimals != DERIVED else 4, b_decimals if b_decimals != DERIVED
                 else 4) or 4
    slack = INPUT_ROUNDING if DERIVED in (a_decimals, b_decimals) else 0.0
    return abs(a - b) <= 0.5 * 10.0 ** (-places) + slack + 1e-7


def _text(value: object) -> str | None:
    """Format a rank or score for the conflicts table ("9", "0.7089"); None stays None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, int | np.integer) or float(value).is_integer():
        return str(int(value))
    return f"{float(value):.6g}"


def _origin(carriers: list[Obs], value: object) -> str | None:
    """Return the origin of a value: official when any source carrying it is official."""
    if value is None:
        return None
    return "official" if any(o.origin == "official" for o in carriers) else "reported"


def _derive_ranks(scores: dict[str, float], places: int = 4) -> dict[str, int]:
    """Rank by score, highest first; equal scores (at the given places) share the best rank."""
    series = pd.Series(scores).round(places)
    return series.rank(method="min", ascending=False).astype(int).to_dict()


class _Reconciler:
    """Builds the clean table from observations, listing conflicts on the way."""

    def __init__(self) -> None:
        self.entries: dict[Key, Entry] = {}
        self.conflicts: list[dict] = []
        self.dropped: list[dict] = []
        self.unit_checks: list[dict] = []
        self.doubtful: set[tuple[str, str, int]] = set()

    # -- complete years -------------------------------------------------------------------
    def add_scores(self, observations: list[Obs]) -> None:
        """Enter the score table and derive ranks within each year and measure."""
        groups: dict[tuple[int, str], dict[str, Obs]] = defaultdict(dict)
        for obs in observations:
            groups[(obs.year, obs.measure)][obs.code] = obs
        for (year, measure), by_code in groups.items():
            ranks = _derive_ranks({c: o.score for c, o in by_code.items()})
            for code, obs in by_code.items():
                self.entries[(code, 63, year, measure)] = Entry(
                    rank=ranks[code], score=obs.score, decimals=obs.decimals,
                    rank_origin="derived", score_origin="official", source_id=obs.source_id,
                    refs=[obs.ref], n_sources=1)

    def add_official(self, observations: list[Obs]) -> None:
        """Enter official ranks (they win) and compare them with the derived ones."""
        for obs in observations:
            key = (obs.code, 63, obs.year, obs.measure)
            entry = self.entries.get(key)
            if entry is None:
                self.entries[key] = Entry(rank=obs.rank, score=obs.score, decimals=obs.decimals,
                                          rank_origin="official",
                                          score_origin="official" if obs.score else None,
                                          source_id=obs.source_id, refs=[obs.ref], n_sources=1)
                continue
            if entry.rank is not None and entry.rank != obs.rank:
                self._conflict(key, "rank", "official_vs_derived", obs.rank, obs.cite, entry.rank,
                               "rank derived from the score table differs from the official rank;"
                               " the official rank is kept")
            if obs.score is not None and entry.score is not None and not _score_agrees(
                    obs.score, obs.decimals, entry.score, entry.decimals):
                self._conflict(key, "score", "disagrees_with_official", entry.score,
                               ";".join(entry.refs), obs.score, obs.cite,
                               "the official table's score differs from the score table's")
            entry.rank, entry.rank_origin, entry.source_id = obs.rank, "official", obs.source_id
            entry.refs.insert(0, obs.ref)
            entry.n_sources += 1

    def add_units(self, year: int) -> None:
        """Derive each 2025 unit's values as the mean of its predecessors', and rank them."""
        units = provinces.units()
        measures = {k[3] for k in self.entries if k[1] == 63 and k[2] == year}
        for measure in sorted(measures):
            means: dict[str, float] = {}
            refs: dict[str, list[str]] = {}
            for unit_code, members in units["predecessors"].items():
                parts = [self.entries.get((c, 63, year, measure)) for c in members]
                if any(p is None or p.score is None for p in parts):
                    continue
                means[unit_code] = float(np.mean([p.score for p in parts]))
                refs[unit_code] = [r for p in parts for r in p.refs[:1]]
            ranks = _derive_ranks(means, places=6)
            for unit_code, value in means.items():
                self.entries[(unit_code, 34, year, measure)] = Entry(
                    rank=ranks[unit_code], score=value, decimals=DERIVED, rank_origin="derived",
                    score_origin="derived", source_id=self.entries[
                        (members_first(unit_code), 63, year, measure)].source_id,
                    refs=refs[unit_code], n_sources=1)

    # -- reported rows ---------------------------------------------------------------------
    def add_reported(self, observations: list[Obs]) -> None:
        """Compare reported rows with the clean values; pool the rest for reconciliation."""
        pool: dict[Key, list[Obs]] = defaultdict(list)
        for obs in observations:
            if obs.basis is None:
                obs = self._place_basis(obs)
                if obs is None:
                    continue
            key = (obs.code, obs.basis, obs.year, obs.measure)
            if self._mislabelled_pillar(obs):
                continue
            if key in self.entries and self.entries[key].rank_origin in ("official", "derived"):
                self._compare(key, obs)
            else:
                pool[key].append(obs)
        for key, group in pool.items():
            self._pool(key, group)

    def _place_basis(self, obs: Obs) -> Obs | None:
        """Put a row with no stated basis on the one basis its figure agrees with, if any."""
        fits, comparable = [], 0
        for basis in (63, 34):
            try:
                code = obs.code if basis == 63 else provinces.resolve(obs.name, basis=34)
            except provinces.UnknownProvinceError:
                continue
            entry = self.entries.get((code, basis, obs.year, obs.measure))
            comparable += entry is not None
            if entry is not None and not self._disagreement(entry, obs):
                fits.append((basis, code))
        if len(fits) == 1:
            basis, code = fits[0]
            obs.basis, obs.code = basis, code
            return obs
        if fits:
            why = "fits both bases"
        elif comparable:
            why = "fits neither basis' official/derived figure"
        else:
            why = "has no official/derived figure to compare with on either basis"
        self.dropped.append({"file": obs.file, "row": obs.row, "province_as_published": obs.name,
                             "year": str(obs.year), "measure": obs.measure,
                             "reason": f"basis (63 or 34) not stated and the figure {why}"})
        return None

    def _mislabelled_pillar(self, obs: Obs) -> bool:
        """Flag a pillar score that equals the same-named activity index's official score."""
        if obs.measure not in PILLARS or obs.score is None:
            return False
        key = (obs.code, 63, obs.year, ACTIVITY_OF_PILLAR[obs.measure])
        entry = self.entries.get(key)
        if entry is None or entry.score is None:
            return False
        if not _score_agrees(obs.score, obs.decimals, entry.score, entry.decimals):
            return False
        rank_note = ""
        if obs.rank is not None:
            same = "the same as" if obs.rank == entry.rank else "unlike"
            rank_note = f"; its rank {obs.rank} is {same} the derived index rank {entry.rank}"
        self._conflict((obs.code, 63, obs.year, obs.measure), "score", "mislabelled_measure",
                       None, "", obs.score, obs.cite,
                       f"equals the official {MAIN_INDICES[ACTIVITY_OF_PILLAR[obs.measure]]} "
                       f"activity-index score ({entry.score:.4f}): an activity index reported as "
                       f"the pillar; rank and score withheld{rank_note}")
        return True

    @staticmethod
    def _disagreement(entry: Entry, obs: Obs) -> list[str]:
        """Return the fields on which a reported row disagrees with a clean entry."""
        fields = []
        if obs.rank is not None and entry.rank is not None and obs.rank != entry.rank:
            fields.append("rank")
        if obs.score is not None and entry.score is not None and not _score_agrees(
                obs.score, obs.decimals, entry.score, entry.decimals):
            fields.append("score")
        return fields

    def _compare(self, key: Key, obs: Obs) -> None:
        """Compare a reported row with an official/derived entry: corroborate or conflict."""
        entry = self.entries[key]
        fields = self._disagreement(entry, obs)
        if not fields:
            entry.refs.append(obs.ref)
            entry.n_sources += 1
            return
        for name in fields:
            kept = entry.rank if name == "rank" else entry.score
            origin = entry.rank_origin if name == "rank" else entry.score_origin
            other = obs.rank if name == "rank" else obs.score
            hint = self._explain(key, name, other)
            if "year" in hint:
                self.doubtful.add((obs.url, obs.code, obs.year))
            self._conflict(key, name, f"disagrees_with_{origin}", kept, ";".join(entry.refs[:1]),
                           other, obs.cite, f"{origin} value kept; {hint}")

    def _explain(self, key: Key, name: str, value: float | int | None) -> str:
        """Say which other official/derived figure a disagreeing value equals, if any."""
        code, basis, year, measure = key
        matches = []
        for (c, b, y, m), entry in self.entries.items():
            if c != code or (b, y, m) == (basis, year, measure) or entry.rank_origin == "reported":
                continue
            theirs = entry.rank if name == "rank" else entry.score
            same = theirs == value if name == "rank" else (
                theirs is not None and value is not None and abs(theirs - value) < 5e-5)
            if not same:
                continue
            if m == measure and b == basis:
                matches.append(f"equals the {y} value: probably the {y} figure under the "
                               "wrong year")
            elif m == measure and y == year:
                matches.append(f"equals the {b}-basis value: probably the other basis")
        return "; ".join(matches) or "no other official or derived figure matches it"

    def _pool(self, key: Key, group: list[Obs]) -> None:
        """Reconcile reported-only rows for one key: agreeing sources collapse to one row."""
        kept = []
        for obs in group:
            if (obs.url, obs.code, obs.year) in self.doubtful:
                self._conflict(key, "rank" if obs.rank is not None else "score",
                               "source_year_doubtful", None, "", obs.rank or obs.score, obs.cite,
                               "the same source's other figure for this province and year "
                               "matches another year's official value; withheld")
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
            self._disagreeing_sources(key, "rank", kept, [o.rank for o in kept])
        scored = sorted((o for o in kept if o.score is not None), key=lambda o: -o.decimals)
        if scored and all(_score_agrees(o.score, o.decimals, scored[0].score, scored[0].decimals)
                          for o in scored):
            entry.score, entry.decimals = scored[0].score, scored[0].decimals
        elif scored:
            self._disagreeing_sources(key, "score", kept, [o.score for o in kept])
        entry.rank_origin = _origin([o for o in kept if o.rank is not None], entry.rank)
        entry.score_origin = _origin([o for o in kept if o.score is not None], entry.score)
        if entry.rank is not None or entry.score is not None:
            self.entries[key] = entry

    def _disagreeing_sources(self, key: Key, name: str, group: list[Obs],
                             values: list[float | int | None]) -> None:
        """List each pair of disagreeing reported values; the clean table keeps neither."""
        firsts: dict[object, Obs] = {}
        for obs, value in zip(group, values, strict=True):
            if value is not None:
                firsts.setdefault(value, obs)
        (base_value, base), *others = firsts.items()
        every = "; ".join(f"{v} ({o.cite})" for v, o in firsts.items())
        for value, obs in others:
            self._conflict(key, name, "sources_disagree", base_value, base.cite, value, obs.cite,
                           f"value withheld: no official figure and the sources disagree: {every}")

    def _conflict(self, key: Key, name: str, kind: str, kept: object, kept_source: str,
                  other: object, other_source: str, explanation: str) -> None:
        """Record one conflict row."""
        code, basis, year, measure = key
        kept, other = _text(kept), _text(other)
        self.conflicts.append({
            "province_code": code, "name_vi": provinces.display_name(code), "basis": basis,
            "year": year, "measure": measure, "field": name, "kind": kind, "kept_value": kept,
            "kept_source": kept_source or None, "other_value": other,
            "other_source": other_source, "explanation": explanation})

    # -- checks against published 34-basis figures ------------------------------------------
    def check_units(self, observations: list[Obs]) -> None:
        """Compare every published 34-basis figure with the derived unit value."""
        for obs in observations:
            if obs.basis != 34:
                continue
            entry = self.entries.get((obs.code, 34, obs.year, obs.measure))
            for name, published in (("rank", obs.rank), ("score", obs.score)):
                if published is None:
                    continue
                derived = None if entry is None else (entry.rank if name == "rank" else entry.score)
                if derived is None:
                    status = "no derived value"
                elif (derived == published if name == "rank"
                      else _score_agrees(published, obs.decimals, derived, DERIVED)):
                    status = "agrees"
                else:
                    status = "disagrees"
                self.unit_checks.append({
                    "unit_code": obs.code, "name_vi": provinces.display_name(obs.code),
                    "measure": obs.measure, "field": name, "published": float(published),
                    "derived": None if derived is None else float(derived), "status": status,
                    "source": obs.cite})

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
        frame = pd.DataFrame(rows)
        frame["rank"] = frame["rank"].astype("Int64")
        frame["score"] = frame["score"].astype(float)
        order = {"overall": 0, "pillar": 1, "main_index": 2}
        frame["_order"] = frame["measure_type"].map(order)
        frame = frame.sort_values(["basis", "year", "_order", "measure", "rank", "province_code"],
                                  ascending=[False, True, True, True, True, True])
        return frame.drop(columns="_order").reset_index(drop=True)


def members_first(unit_code: str) -> str:
    """Return the first predecessor of a unit (for its source id)."""
    return provinces.predecessors(unit_code)[0]


def check_changes(rankings: pd.DataFrame, raw_dir: Path, problems: list[Problem]
                  ) -> pd.DataFrame:
    """Check every reported 'tăng/giảm N bậc' against the clean ranks of the two years."""
    frame = read_csv_text(raw_dir / CHANGES_FILE,
                          ["year", "province_as_published", "change_in_rank", "source", "note"],
                          problems)
    name = display_path(raw_dir / CHANGES_FILE)
    changes = parse_column(frame, "change_in_rank", lambda t: int(t.replace("+", "")),
                           problems, name, "write a signed whole number such as +4 or -8",
                           optional=False)
    rows = []
    for r in frame.index:
        if changes[r] is None:
            continue
        note, year = frame.at[r, "note"], int(frame.at[r, "year"])
        pillar = re.search(r"pillar (\w+) only", note)
        measure = pillar.group(1) if pillar else "overall"
        against = re.search(r"(?:so với(?: năm)?|vs\.?|compared to(?: the)?)\s*(?:DTI\s*)?"
                            r"(20\d\d)", note)
        before_year = int(against.group(1)) if against else year - 1
        try:
            code = provinces.resolve(frame.at[r, "province_as_published"])
        except provinces.UnknownProvinceError as error:
            problems.append(Problem(name, int(r), "province_as_published",
                                    frame.at[r, "province_as_published"], str(error)))
            continue
        before = processed.lookup(rankings, code, 63, before_year, measure)
        after = processed.lookup(rankings, code, 63, year, measure)
        if before is None or after is None:
            missing = before_year if before is None else year
            status, why = "not verifiable", f"no {measure} rank for {missing} in the clean table"
        elif before - after == changes[r]:
            status, why = "consistent", f"{before_year}: {before} -> {year}: {after}"
        else:
            status, why = "inconsistent", f"{before_year}: {before} -> {year}: {after} is " \
                                          f"{before - after:+d}"
            unit_after = processed.lookup(rankings, provinces.unit_of(code), 34, year,
                                          measure)
            if unit_after is not None and before - unit_after == changes[r]:
                status = "not verifiable"
                why += (f"; matches only the 34-basis {year} rank ({unit_after}) against the "
                        f"63-basis {before_year} rank, a comparison across bases")
        rows.append({"province_code": code, "name_vi": provinces.display_name(code),
                     "year": year, "measure": measure, "reported_change": int(changes[r]),
                     "rank_before": before, "rank_after": after, "status": status, "why": why,
                     "source": f"{name}:{r} {frame.at[r, 'source']}"})
    table = pd.DataFrame(rows)
    for column in ("rank_before", "rank_after"):
        table[column] = table[column].astype("Int64")
    return table


def clean(raw_dir: Path | None = None, years: list[int] | None = None) -> CleanResult:
    """Read, reconcile and validate the DTI tables; raise on any raw problem, write nothing."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    reader = _Reader(raw_dir)
    scores = reader.scores()
    official = reader.official()
    reported = [o for kind in REPORTED_FILES for o in reader.reported(kind)]
    raise_if_any(reader.problems, "the raw DTI tables")
    if years:
        keep = set(years)
        scores, official, reported = ([o for o in group if o.year in keep]
                                      for group in (scores, official, reported))
    rec = _Reconciler()
    rec.add_scores(scores)
    rec.add_official(official)
    if any(o.year == MERGER_YEAR for o in scores):
        rec.add_units(MERGER_YEAR)
    rec.check_units([o for o in reported if o.basis == 34])
    rec.add_reported(reported)
    rankings = rec.table()
    problems: list[Problem] = []
    changes = check_changes(rankings, raw_dir, problems)
    if years:
        changes = changes[changes["year"].isin(years)]
    raise_if_any(problems, "the raw DTI tables")
    for change in changes[changes["status"] == "inconsistent"].itertuples(index=False):
        rec.conflicts.append({
            "province_code": change.province_code, "name_vi": change.name_vi, "basis": 63,
            "year": change.year, "measure": change.measure, "field": "change",
            "kind": "change_inconsistent", "kept_value": None, "kept_source": None,
            "other_value": f"{change.reported_change:+d}", "other_source": change.source,
            "explanation": f"reported change {change.reported_change:+d}, but {change.why}"})
    conflicts = pd.DataFrame(rec.conflicts, columns=list(
        ["province_code", "name_vi", "basis", "year", "measure", "field", "kind", "kept_value",
         "kept_source", "other_value", "other_source", "explanation"]))
    for column in ("basis", "year"):
        conflicts[column] = conflicts[column].astype("Int64")
    dropped = pd.DataFrame(reader.dropped + rec.dropped,
                           columns=["file", "row", "province_as_published", "year", "measure",
                                    "reason"])
    tables = {
        "dti_rankings": rankings,
        "conflicts": conflicts,
        "dropped": dropped,
        "unit_checks": pd.DataFrame(rec.unit_checks, columns=list(
            ["unit_code", "name_vi", "measure", "field", "published", "derived", "status",
             "source"])),
        "change_checks": changes,
    }
    return CleanResult(validate_tables(tables))


def write(result: CleanResult, out_dir: Path | None = None) -> list[Path]:
    """Write the cleaned tables to data/processed (each file atomically)."""
    return write_tables(Path(out_dir or config.PROCESSED_DIR), result.tables)


def coverage(rankings: pd.DataFrame) -> pd.DataFrame:
    """Return provinces per basis, year and measure, split by origin."""
    counts = rankings.pivot_table(index=["basis", "year", "measure_type", "measure"],
                                  columns="origin", values="province_code", aggfunc="count",
                                  fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index().rename_axis(None, axis=1)



def load(processed_dir: Path | None = None) -> pd.DataFrame:
    """Read the clean dti_rankings table written by 10-clean-rankings, with its types."""
    return processed.rankings(processed_dir)
