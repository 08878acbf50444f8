"""Read the raw DTI tables the sources register lists, into published figures (Obs).

Which files are read, and how, comes from the register's columns ``kind`` (``dti_ranking``:
year, rank, province, score; ``dti_scores``: a score table; ``dti_reported``: press figures;
``dti_changes``: reported rank changes), ``basis`` (63, 34, or blank when each row says),
``years`` (``2022`` or ``2022-2024``) and ``measure``. Every bad cell is a Problem naming file,
row, column and value; a blank stays blank, an unparsable value is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import provinces, sources
from ..raw import display_path, parse_column, read_csv_text
from ..schemas import Problem
from ..vntext import decimals_of, fold, parse_rank, parse_score
from .figures import OFFICIAL_HOSTS, PILLARS, SCORE_COLUMNS, Obs, default_basis, main_index_id
from .review import apply_decisions, drop_reason

KINDS = ("dti_ranking", "dti_scores", "dti_reported", "dti_changes")
REPORTED_MEASURES = ("overall", "pillar", "main_index")
#: The measures each kind of file may hold, as the register's ``measure`` column writes them.
MEASURES_OF_KIND = {
    "dti_ranking": ("overall",),
    "dti_scores": ("overall+main_index",),
    "dti_reported": REPORTED_MEASURES,
    "dti_changes": ("overall+pillar",),
}


@dataclass(frozen=True)
class RawTable:
    """One registered DTI file and how to read it."""

    rel: str
    source_id: str
    kind: str
    basis: int | None
    first_year: int
    last_year: int
    measure: str

    @property
    def years(self) -> str:
        """Return the years covered as the register writes them."""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}-{self.last_year}"


@dataclass
class Observations:
    """Every figure read from the raw DTI tables, the rows set aside, the problems found."""

    scores: list[Obs] = field(default_factory=list)
    official: list[Obs] = field(default_factory=list)
    reported: list[Obs] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    change_tables: list[RawTable] = field(default_factory=list)
    changes: list[pd.DataFrame] = field(default_factory=list)  # read by changes.read_changes
    problems: list[Problem] = field(default_factory=list)

    def only_years(self, years: list[int]) -> None:
        """Keep the figures of the given assessment years."""
        keep = set(years)
        self.scores, self.official, self.reported = (
            [o for o in group if o.year in keep]
            for group in (self.scores, self.official, self.reported))


def registered_tables(raw_dir: Path, problems: list[Problem]) -> list[RawTable]:
    """Return the register's DTI files with how to read them; record a bad register cell."""
    path = raw_dir / "sources.csv"
    name = display_path(path)
    rows = sources.of_kind("dti", path).reset_index(drop=True)
    positions = {sid: i + 1 for i, sid in enumerate(sources.register(path)["source_id"])}
    tables = []
    for r in rows.itertuples(index=False):
        row = positions[r.source_id]
        found = len(problems)
        if r.kind not in KINDS:
            problems.append(Problem(name, row, "kind", r.kind,
                                    f"not a DTI kind ({', '.join(KINDS)})"))
            continue
        if r.basis not in ("63", "34", ""):
            problems.append(Problem(name, row, "basis", r.basis, "basis is 63, 34 or blank"))
        elif not r.basis and r.kind in ("dti_ranking", "dti_scores"):
            problems.append(Problem(name, row, "basis", r.basis,
                                    "a complete table states its basis: 63 or 34"))
        span = re.fullmatch(r"(20\d\d)(?:-(20\d\d))?", r.years.strip())
        if not span or int(span.group(2) or span.group(1)) < int(span.group(1)):
            problems.append(Problem(name, row, "years", r.years,
                                    "write the assessment years covered: 2025 or 2022-2024"))
        if r.measure not in MEASURES_OF_KIND[r.kind]:
            allowed = " or ".join(MEASURES_OF_KIND[r.kind])
            problems.append(Problem(name, row, "measure", r.measure,
                                    f"a {r.kind} file holds {allowed}"))
        if not (raw_dir / r.path).is_file():
            problems.append(Problem(name, row, "path", r.path,
                                    "listed in the register but missing from data/raw"))
        if len(problems) == found:
            tables.append(RawTable(r.path, r.source_id, r.kind, int(r.basis) if r.basis else None,
                                   int(span.group(1)), int(span.group(2) or span.group(1)),
                                   r.measure))
    listed, register = set(rows["path"]), sources.of_kind("", path)
    kinds = dict(zip(register["path"], register["kind"], strict=True))
    for rel in sources.raw_files(raw_dir):
        if rel.startswith("dti/") and rel not in listed:
            problems.append(Problem(f"data/raw/{rel}", None, None, None, (
                f"registered with kind {kinds[rel]!r}, not a DTI kind ({', '.join(KINDS)}); "
                "correct its kind (dti check lists what the row lacks)") if rel in kinds else (
                "not in the sources register; register it with `dti add-source FILE --kind "
                "... --basis ... --years ... --measure ...`")))
    return tables


def parse_years(frame: pd.DataFrame, column: str, name: str, table: RawTable,
                problems: list[Problem], required: bool = True) -> pd.Series:
    """Parse assessment years within the register's span; blank or 'unknown' stays None."""
    def year(text: str) -> int:
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError("not a year")
        value = int(text)
        if not table.first_year <= value <= table.last_year:
            raise ValueError(f"{value} is outside the years the register gives for this file "
                             f"({table.years})")
        return value
    out = {}
    hint = "write the assessment year, e.g. 2023 (or correct the register's years column)"
    for row, value in frame[column].items():
        text = value.strip()
        if text in ("", "unknown") and not required:
            out[row] = None
            continue
        try:
            out[row] = year(text)
        except ValueError as error:
            problems.append(Problem(name, int(row), column, value, f"{error}; {hint}"))
            out[row] = None
    return pd.Series(out, index=frame.index, dtype=object)


def resolve_names(frame: pd.DataFrame, column: str, name: str, bases: pd.Series,
                  problems: list[Problem]) -> pd.Series:
    """Resolve every province (or unit) name in a column on its row's basis."""
    out = {}
    for row, value in frame[column].items():
        try:
            out[row] = provinces.resolve(value, basis=bases[row])
        except provinces.UnknownProvinceError as error:
            problems.append(Problem(name, int(row), column, value,
                                    f"{error}; fix the spelling or add an alias"))
            out[row] = None
    return pd.Series(out, index=frame.index, dtype=object)


class Reader:
    """Reads the registered DTI files into observations, collecting problems and dropped rows."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir
        self.problems: list[Problem] = []
        self.dropped: list[dict] = []
        self.tables = registered_tables(raw_dir, self.problems)

    def read(self) -> Observations:
        """Read every registered DTI file (rank changes are read later, against the ranks)."""
        out = Observations(change_tables=[t for t in self.tables if t.kind == "dti_changes"])
        for table in self.tables:
            if table.kind == "dti_scores":
                out.scores += self.scores(table)
            elif table.kind == "dti_ranking":
                out.official += self.official(table)
            elif table.kind == "dti_reported":
                out.reported += self.reported(table)
        out.dropped, out.problems = self.dropped, self.problems
        return out

    def _frame(self, table: RawTable, required: list[str]) -> tuple[pd.DataFrame, str]:
        """Read one raw file as text; return its frame and display name."""
        path = self.raw_dir / table.rel
        return read_csv_text(path, required, self.problems), display_path(path)

    def _ranks(self, frame: pd.DataFrame, name: str, bases: pd.Series,
               required: bool = False) -> pd.Series:
        """Parse ranks and check each lies within 1..N of its basis."""
        ranks = {}
        for row, value in frame["rank"].items():
            text = value.strip()
            basis = bases[row] or 63
            if not text:
                ranks[row] = None
                if required:
                    self.problems.append(Problem(name, int(row), "rank", value,
                                                 f"empty; a rank lies within 1..{basis}"))
                continue
            try:
                ranks[row] = parse_rank(f"{text}/{basis}").rank
            except ValueError as error:
                self.problems.append(Problem(name, int(row), "rank", value,
                                             f"{error}; a rank lies within 1..{basis}"))
                ranks[row] = None
        return pd.Series(ranks, index=frame.index, dtype=object)

    def _scores(self, frame: pd.DataFrame, column: str, name: str) -> pd.Series:
        """Parse scores and check each lies within [0, 1]; a blank stays blank."""
        def score(text: str) -> float:
            value = parse_score(text)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"score {value} is outside [0, 1]")
            return value
        return parse_column(frame, column, score, self.problems, name,
                            "write a DTI score in [0, 1] such as 0,6077 or 0.6077")

    def official(self, table: RawTable) -> list[Obs]:
        """Read an official ranking table (every province or unit of a year, its rank)."""
        column = "province_as_published"
        frame, name = self._frame(table, ["year", "rank", column, "score", "source"])
        bases = pd.Series(table.basis, index=frame.index, dtype=object)
        years = parse_years(frame, "year", name, table, self.problems)
        codes = resolve_names(frame, column, name, bases, self.problems)
        ranks = self._ranks(frame, name, bases, required=True)
        scores = self._scores(frame, "score", name)
        self._require_unique(frame, name, codes, years, column)
        self._require_complete(name, codes, years, table.basis)
        return [
            Obs(name, int(r), table.source_id, frame.at[r, "source"], "", frame.at[r, column],
                codes[r], table.basis, years[r], table.measure, ranks[r], scores[r],
                decimals_of(frame.at[r, "score"]), "official")
            for r in frame.index if codes[r] and years[r] and ranks[r]
        ]

    def scores(self, table: RawTable) -> list[Obs]:
        """Read a score table: every province or unit, overall and four main indices, by year."""
        frame, name = self._frame(table, ["TinhThanh", "Nam", *SCORE_COLUMNS, "source"])
        bases = pd.Series(table.basis, index=frame.index, dtype=object)
        years = parse_years(frame, "Nam", name, table, self.problems)
        codes = resolve_names(frame, "TinhThanh", name, bases, self.problems)
        self._require_unique(frame, name, codes, years, "TinhThanh")
        self._require_complete(name, codes, years, table.basis)
        out = []
        for column, measure in SCORE_COLUMNS.items():
            values = self._scores(frame, column, name)
            for r in frame.index:
                if codes[r] and years[r] and values[r] is not None:
                    out.append(Obs(name, int(r), table.source_id, "", "", frame.at[r, "TinhThanh"],
                                   codes[r], table.basis, years[r], measure, None, values[r],
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
        """Record a problem for each year that does not list all n provinces (or units)."""
        if years.isna().any():
            return  # a year that does not parse is already reported; the gap follows from it
        expected = set(provinces.units().index if n == 34 else provinces.provinces()["code"])
        frame = pd.DataFrame({"code": codes, "year": years})
        unresolved = set(frame.loc[frame["code"].isna(), "year"])
        noun = "units" if n == 34 else "provinces"
        for year, group in frame.dropna().groupby("year"):
            if year in unresolved:
                continue  # an unknown name is already reported; the gap follows from it
            missing = sorted(expected - set(group["code"]))
            if missing:
                listed = ", ".join(provinces.display_name(c) for c in missing)
                self.problems.append(Problem(
                    name, None, None, None,
                    f"{year}: {group['code'].nunique()} of {n} {noun}; missing {listed}"))

    def reported(self, table: RawTable) -> list[Obs]:
        """Read one reported file (overall, pillar or main_index figures) into observations."""
        label = {"overall": None, "pillar": "pillar", "main_index": "subindex"}[table.measure]
        required = ["year", "province_as_published", "rank", "score", "source", "note"]
        if label:
            required.insert(2, label)
        if table.measure == "overall":
            required.insert(4, "basis")
        frame, name = self._frame(table, required)
        years = parse_years(frame, "year", name, table, self.problems, required=False)
        bases = pd.Series({r: self._basis(frame, r, name, table, years[r]) for r in frame.index},
                          index=frame.index, dtype=object)
        codes = resolve_names(frame, "province_as_published", name, bases, self.problems)
        ranks = self._ranks(frame, name, bases)
        scores = self._scores(frame, "score", name)
        measures = self._measures(frame, label, name)
        apply_decisions(table.rel, frame, measures, self.problems)
        out = []
        for r in frame.index:
            code = drop_reason(frame, r, measures[r], ranks[r], scores[r])
            if code:
                self.dropped.append({
                    "file": name, "row": int(r),
                    "province_as_published": frame.at[r, "province_as_published"],
                    "year": frame.at[r, "year"], "measure": measures[r], **code})
                continue
            if codes[r] is None or years[r] is None or measures[r] is None:
                continue  # a problem is recorded: nothing is written
            url = frame.at[r, "source"]
            origin = "official" if any(h in url for h in OFFICIAL_HOSTS) else "reported"
            out.append(Obs(name, int(r), table.source_id, url, frame.at[r, "note"],
                           frame.at[r, "province_as_published"], codes[r], bases[r], years[r],
                           measures[r], ranks[r], scores[r], decimals_of(frame.at[r, "score"]),
                           origin))
        return out

    def _basis(self, frame: pd.DataFrame, row: int, name: str, table: RawTable,
               year: int | None) -> int | None:
        """Return a reported row's basis: its column, the register, its name or note, its year."""
        stated = frame.at[row, "basis"].strip() if "basis" in frame else ""
        if stated:
            if stated not in ("63", "34"):
                self.problems.append(Problem(name, int(row), "basis", stated,
                                             "basis is 63, 34 or empty"))
                return None
            return int(stated)
        hint = table.basis or provinces.basis_hint(frame.at[row, "province_as_published"])
        return hint or basis_from_note(frame.at[row, "note"]) or default_basis(year)

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
                self.problems.append(Problem(name, int(row), label, value,
                                             f"{error}; write one of the eight main indices"))
                out[row] = None
        return pd.Series(out, index=frame.index, dtype=object)


def basis_from_note(note: str) -> int | None:
    """Return the basis a note states ("34 merged", "/63", "63 pre-merger"), if any."""
    text = fold(note)
    if re.search(r"\b34\b", text) and ("merged" in text or "sap nhap" in text or "/34" in text):
        return 34
    if re.search(r"/63\b|\b63 pre-merger|\b63 provinces\b|trong 63", text):
        return 63
    return None

