"""The report's one reader of processed tables (with file stamps) and the page context.

`tables` loads every processed table a page reads, again only when a file changed;
`TABLE_FILES` lists them, and the report's cache inputs are derived from that list
(helpers.build.pipeline.report_inputs). `ReportContext` holds what one page shows: its identity
(`identity`) and the fields each section of `report.sections` computes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import lru_cache, wraps
from pathlib import Path
from typing import TypeVar

import pandas as pd

from .. import config, processed, provinces, sources, vocab
from ..targets import goals
from . import forecast as forecast_words


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per folder and file stamp
class Tables:
    """The processed tables a report reads (loaded once per process)."""

    rankings: pd.DataFrame
    predictions: pd.DataFrame
    contributions: pd.DataFrame
    targets: pd.DataFrame
    claims: pd.DataFrame
    goals: pd.DataFrame
    press_facts: pd.DataFrame
    register: pd.DataFrame
    conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    conditional: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_checks: pd.DataFrame = field(default_factory=pd.DataFrame)
    forecast: pd.DataFrame = field(default_factory=pd.DataFrame)
    pillar_ranges: pd.DataFrame = field(default_factory=pd.DataFrame)
    target_odds: pd.DataFrame = field(default_factory=pd.DataFrame)


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
        goals=goals.read(root),
        press_facts=_read(root / "press_facts.csv", dtype=codes),
        register=sources.register(),
        conflicts=_read(root / "conflicts.csv", dtype={"province_code": str, "kept_value": str,
                                                       "other_value": str}),
        conditional=_read(root / "model" / "conditional.csv", dtype=codes),
        unit_checks=_read(root / "unit_checks.csv", dtype={"unit_code": str}),
        forecast=forecast_words.read(root),
        pillar_ranges=_read(root / "model" / "pillar_ranges.csv", dtype=codes),
        target_odds=_read(root / "model" / "target_odds.csv", dtype=codes),
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
    overall: dict = field(default_factory=dict)
    pillars: list[dict] = field(default_factory=list)
    indices: list[dict] = field(default_factory=list)
    peers: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    predecessors: list[dict] = field(default_factory=list)
    unit: dict | None = None
    conflicts: list[dict] = field(default_factory=list)
    standing: dict | None = None
    fundamentals: dict | None = None
    targets: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    goals: dict = field(default_factory=dict)
    method: dict = field(default_factory=dict)
    moved: dict = field(default_factory=dict)
    similar: dict = field(default_factory=dict)
    typical: dict = field(default_factory=dict)
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


Result = TypeVar("Result")


def per_table(compute: Callable[..., Result]) -> Callable[..., Result]:
    """Cache a function of a loaded table (its first argument) and other hashable arguments:
    computed once per table and arguments, for the 4 tables used last (a table is one object
    per folder and file stamp, so an edited file is read afresh). Callers do not change what
    it returns."""

    @lru_cache(maxsize=4)
    def results(t: Tables) -> dict:
        return {}

    @wraps(compute)
    def cached(t: Tables, *args: object) -> Result:
        found = results(t)
        if args not in found:
            found[args] = compute(t, *args)
        return found[args]

    return cached


#: One province's (or unit's) rankings cells: (year, measure) -> the row, as a dict.
Cells = dict[tuple[int, str], dict]


@per_table
def _places(t: Tables) -> dict[tuple[str, int], pd.DataFrame]:
    """Return the rankings split by (code, basis), once per loaded table."""
    r = t.rankings
    return {(str(code), int(basis)): part
            for (code, basis), part in r.groupby(["province_code", "basis"], sort=False)}


def rows_of(t: Tables, code: str, basis: int) -> pd.DataFrame:
    """Return every clean row of one province or unit (not to be changed in place)."""
    found = _places(t).get((code, basis))
    return t.rankings.iloc[:0] if found is None else found


@per_table
def cells_of(t: Tables, code: str, basis: int) -> Cells:
    """Return one province's (or unit's) rows by year and measure (the first row of each)."""
    cells: Cells = {}
    for row in rows_of(t, code, basis).to_dict("records"):
        cells.setdefault((int(row["year"]), row["measure"]), row)
    return cells


def value(cells: Cells, year: int, measure: str, column: str) -> float | None:
    """Return one value of a province's cells, or None."""
    row = cells.get((year, measure))
    found = None if row is None else row.get(column)
    return None if found is None or pd.isna(found) else float(found)


def origin(cells: Cells, year: int, measure: str, column: str = "origin") -> str:
    """Return where a rank (or, with column="score_origin", a score) came from."""
    row = cells.get((year, measure))
    found = None if row is None else row.get(column)
    return "" if found is None or pd.isna(found) else str(found)


def identity(code: str, year: int, lang: str, text: dict) -> ReportContext:
    """Return the context of one page before its sections fill it: who, which year, which words."""
    is_unit = code.startswith("U")
    basis = vocab.BASIS_UNITS if is_unit else vocab.BASIS_PROVINCES
    info = (provinces.units() if is_unit else provinces.provinces()).loc[code]
    return ReportContext(
        lang=lang, t=text, code=code, basis=basis, year=year, is_unit=is_unit,
        name=vocab.place_name(info["name_vi"]), slug=info["slug"],
        region=info["region"] if lang == "vi" else info["region_en_nso"],
        full_name=info["full_name"] if is_unit else info["name_vi"])


def tied(t: Tables, basis: int, year: int, measure: str, rank: float | None) -> bool:
    """Tell whether another province or unit shares a rank (ties share a rank in the table)."""
    if rank is None:
        return False
    return _shared(t).get((basis, year, measure, rank), 0) > 1


@per_table
def _shared(t: Tables) -> dict[tuple[int, int, str, float], int]:
    """Return how many rows hold each rank, by basis, year and measure (once per table)."""
    r = t.rankings.dropna(subset=["rank"])
    counts = r.groupby(["basis", "year", "measure", "rank"]).size()
    return {(int(basis), int(year), measure, float(rank)): int(n)
            for (basis, year, measure, rank), n in counts.items()}


#: DTI 2024 was computed with a changed method (47 indicators instead of 98; model.stage).
METHOD_CHANGE_YEAR = 2024

def method_changed(before: int, after: int) -> int | None:
    """Return the year the DTI method changed between two assessment years (2021, 2024), if any."""
    return next((changed for changed in (METHOD_CHANGE_YEAR, vocab.METHOD_CHANGE_AFTER + 1)
                 if before < changed <= after), None)


def records(table: pd.DataFrame, column: str, codes: list[str]) -> list[dict]:
    """Return a table's rows for some provinces as dicts (none if the table is absent)."""
    if table.empty:
        return []
    return table[table[column].isin(codes)].to_dict("records")
