"""Press facts as data: the reviewed facts shipped in data/raw/press, targets, and claims checks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config, press, processed, provinces, rankings
from ..raw import display_path, read_table
from ..schemas import CLAIM_CHECKS, Problem, raise_if_any, validate_tables
from ..sources import ref_sources
from ..store import write_tables

REVIEWED_FACTS = "press/reviewed_facts.csv"
FACT_COLUMNS = ["article_id", "province", "published", "source_hint", "year", "year_basis",
                "fact_type", "pillar", "indicator_text", "value", "target", "unit",
                "denominator", "qualifier", "origin", "source_id"]
RANK_TYPES = ("dti_rank", "pillar_rank")
#: A rank of this year with no basis stated is read as the 34-unit ranking (LABELING.md 6).
MERGER_YEAR = rankings.MERGER_YEAR


def load_reviewed(raw_dir: Path | None = None) -> pd.DataFrame:
    """Read the reviewed press facts shipped in data/raw/press (no article text)."""
    path = Path(raw_dir or config.RAW_DIR) / REVIEWED_FACTS
    computed = {"origin", "source_id", "year_basis", "qualifier"}
    frame = read_table(path, [c for c in FACT_COLUMNS if c not in computed])  # located errors
    problems = []
    for column in ("value", "target", "denominator", "year"):
        numbers = pd.to_numeric(frame[column].replace("", np.nan), errors="coerce")
        for row in frame.index[numbers.isna() & frame[column].ne("")]:
            problems.append(Problem(display_path(path), int(row), column,
                                    frame.at[row, column], "not a number"))
    for row, name in frame["province"].items():
        try:
            provinces.resolve(name)
        except provinces.UnknownProvinceError as error:
            problems.append(Problem(display_path(path), int(row), "province", name, str(error)))
    raise_if_any(problems, "the reviewed press facts")
    frame["origin"] = "reviewed"
    frame["source_id"] = "press_reviewed_facts"
    frame["year_basis"] = np.where(frame["year"].ne(""), "reviewed", "")
    frame["qualifier"] = ""
    return _typed(frame[FACT_COLUMNS])


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give the fact columns their types (numbers as floats, year as nullable integer)."""
    frame = frame.copy()
    for column in ("value", "target", "denominator"):
        frame[column] = pd.to_numeric(frame[column].replace("", np.nan)).astype(float)
    frame["year"] = pd.to_numeric(frame["year"].replace("", np.nan)).astype("Int64")
    for column in ("pillar", "indicator_text", "unit", "qualifier", "published", "source_hint",
                   "year_basis"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def from_extracted(extracted: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Shape facts extracted by helpers.press (LABELING.md schema) like the reviewed ones."""
    if extracted.empty:
        return pd.DataFrame(columns=FACT_COLUMNS)
    info = manifest.set_index("file")
    frame = extracted.rename(columns={"file": "article_id", "tag": "qualifier"})
    frame = frame[frame["province"].map(_is_province)].copy()
    frame["published"] = frame["article_id"].map(info.get("published", pd.Series(dtype=str)))
    frame["source_hint"] = frame["article_id"].map(info.get("source_hint",
                                                            pd.Series(dtype=str)))
    frame["origin"] = "extracted"
    frame["source_id"] = "press_articles"
    return _typed(frame[FACT_COLUMNS].fillna({"published": "", "source_hint": ""}))


def _is_province(name: str) -> bool:
    """Tell whether an entity is one province (not a national or bloc aggregate)."""
    try:
        provinces.resolve(name)
    except provinces.UnknownProvinceError:
        return False
    return True


def combine(reviewed: pd.DataFrame, extracted: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return all facts (reviewed first) and the extracted facts the reviewed file lacks."""
    if extracted.empty:
        return reviewed.reset_index(drop=True), extracted
    seen = set(_fact_keys(reviewed))
    new = extracted[[key not in seen for key in _fact_keys(extracted)]]
    return pd.concat([reviewed, new], ignore_index=True), new.reset_index(drop=True)


def _fact_keys(facts: pd.DataFrame) -> list[tuple]:
    """Return (article, type, pillar, value, target, denominator) per fact, empty as None."""
    def clean(value: object) -> object:
        return None if value is None or (isinstance(value, float) and np.isnan(value)) else value
    columns = ["article_id", "fact_type", "pillar", "value", "target", "denominator"]
    return [tuple(clean(v) for v in row) for row in facts[columns].itertuples(index=False)]


def targets(facts: pd.DataFrame, rankings: pd.DataFrame) -> pd.DataFrame:
    """Return one row per target: attainment figures (kind attainment), targets stated alone
    (goal) and rank goals (rank), with whether each is met."""
    rows = []
    is_rank = facts["fact_type"].eq("rank_target") | (
        facts["fact_type"].eq("target_attainment") & facts["unit"].eq("rank"))
    attain = facts[facts["fact_type"].isin(["target_attainment", "target_count"]) & ~is_rank]
    for fact in attain.itertuples(index=False):
        target = fact.target if pd.notna(fact.target) else fact.denominator
        if pd.isna(target):
            continue
        if pd.isna(fact.value):
            rows.append(_target_row(fact, "goal", np.nan, target, np.nan, None,
                                    "target only: no achieved figure is stated"))
            continue
        if pd.isna(fact.target):  # a tally ("23 of 34 targets met"): counted, not judged
            how = ("targets in a band of the number set" if "%" in fact.indicator_text
                   else "targets met of the number set")
            rows.append(_target_row(fact, "tally", fact.value, target, fact.value / target,
                                    None, how))
            continue
        if _printed_before(fact):  # 7.18% printed in 2023 against 10% by 2025: not yet judged
            rows.append(_target_row(fact, "goal", fact.value, target, fact.value / target, None,
                                    "achieved figure printed before the target's year: a "
                                    "position, not judged"))
            continue
        rows.append(_target_row(fact, "attainment", fact.value, target,
                                fact.value / target if target else np.nan,
                                fact.value >= target,
                                "achieved figure stated beside the target in the same sentence"))
    for fact in facts[is_rank].itertuples(index=False):
        goal = fact.target if pd.notna(fact.target) else fact.value
        code = provinces.resolve(fact.province)
        achieved = (processed.lookup(rankings, code, 63, int(fact.year), "overall")
                    if pd.notna(fact.year) else None)
        why = ("official or derived rank in the target year" if achieved is not None else
               f"no DTI {fact.year} rank is held yet; not yet assessable")
        rows.append(_target_row(fact, "rank", achieved, goal, np.nan,
                                None if achieved is None else achieved <= goal, why))
    columns = ["province_code", "name_vi", "kind", "indicator", "year", "achieved", "target",
               "attainment_ratio", "met", "how_judged", "article_id", "published", "source_id",
               "document"]
    table = pd.DataFrame(rows, columns=columns)
    table["year"] = table["year"].astype("Int64")
    table["met"] = table["met"].astype("boolean")
    for column in ("achieved", "target", "attainment_ratio"):
        table[column] = table[column].astype(float)
    return table


def _printed_before(fact: object) -> bool:
    """Tell whether a fact's article was published before the year the fact refers to."""
    published = str(fact.published if pd.notna(fact.published) else "")[:4]
    return pd.notna(fact.year) and published.isdigit() and int(published) < int(fact.year)


def _target_row(fact: object, kind: str, achieved: float | None, target: float, ratio: float,
                met: bool | None, how: str) -> dict:
    """Return one targets-table row from a fact."""
    code = provinces.resolve(fact.province)
    return {"province_code": code, "name_vi": provinces.display_name(code), "kind": kind,
            "indicator": fact.indicator_text, "year": fact.year, "achieved": achieved,
            "target": target, "attainment_ratio": ratio, "met": met, "how_judged": how,
            "article_id": fact.article_id, "published": fact.published,
            "source_id": fact.source_id, "document": document_kind(fact.article_id,
                                                                   fact.source_hint)}


#: A source that names a provincial plan ("Kế hoạch 333/KH-UBND") rather than a press report.
PLAN_NAME = re.compile(r"(?i)k[eế][ -]?ho[aạ]ch|\bKH-UBND\b|\bplan\b")


def document_kind(article_id: str, source_hint: str) -> str:
    """Return "plan" when a fact's source is a provincial plan, else "press"."""
    return "plan" if PLAN_NAME.search(f"{article_id} {source_hint}") else "press"


def check_claims(facts: pd.DataFrame, rankings: pd.DataFrame) -> pd.DataFrame:
    """Compare every rank a province claims with the clean rankings, saying against what.

    Each claim carries the basis it was judged on, what it was checked against
    (``official``, ``derived``, ``reported`` by other press, ``same_publisher``, ``own_press``
    or ``none``) and whether that check is independent of the claiming source.
    """
    rows = []
    other = facts["fact_type"].eq("indicator") & facts["qualifier"].str.contains("non_dti_rank")
    claims = facts[facts["fact_type"].isin([*RANK_TYPES, "other_index_rank"]) | other]
    for fact in claims.itertuples(index=False):
        code = provinces.resolve(fact.province)
        measure = _measure(fact)
        status, why, official, basis = _judge(fact, code, measure, rankings)
        against = "none" if status == "not verifiable" else checked_against(
            rankings, code, basis, int(fact.year), measure, str(fact.source_hint))
        rows.append({"province_code": code, "name_vi": provinces.display_name(code),
                     "article_id": fact.article_id, "fact_type": fact.fact_type,
                     "measure": measure or fact.indicator_text, "year": fact.year,
                     "claimed_rank": int(fact.value), "of": fact.denominator,
                     "official_rank": official, "status": status, "why": why,
                     "origin": fact.origin, "basis": basis, "checked_against": against,
                     "independent": against in INDEPENDENT})
    columns = ["province_code", "name_vi", "article_id", "fact_type", "measure", "year",
               "claimed_rank", "of", "official_rank", "status", "why", "origin", "basis",
               "checked_against", "independent"]
    table = pd.DataFrame(rows, columns=columns)
    table["year"] = table["year"].astype("Int64")
    table["official_rank"] = table["official_rank"].astype("Int64")
    table["basis"] = table["basis"].astype("Int64")
    table["independent"] = table["independent"].astype(bool)
    table["of"] = table["of"].astype(float)
    return table


#: What a claim can be checked against; the first three are independent of the claim's source.
AGAINST = CLAIM_CHECKS
INDEPENDENT = AGAINST[:3]


def checked_against(rankings: pd.DataFrame, code: str, basis: int | None, year: int,
                    measure: str, publisher: str) -> str:
    """Return what a claimed rank was compared with (one of AGAINST)."""
    if basis is None:
        return "none"
    if basis == 34 and not code.startswith("U"):
        code = provinces.unit_of(code)
    origin = processed.lookup(rankings, code, basis, year, measure, "rank_origin")
    if origin != "reported":
        return origin if origin in ("official", "derived") else "none"
    refs = str(processed.lookup(rankings, code, basis, year, measure, "source_ref") or "")
    hosts = [source_host(h) for h in ref_sources(refs)]
    own = _own_media(code if not code.startswith("U") else provinces.predecessors(code)[0])
    mine = source_host(publisher)
    if any(h and h != mine and not own(h) for h in hosts):
        return "reported"
    return "same_publisher" if mine and mine in hosts else "own_press"


def source_host(text: str) -> str:
    """Return a source's web host without "www.", "m." or "en." ("" when it names no host)."""
    text = str(text or "").strip().lower()
    match = re.match(r"^(?:https?://)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)", text)
    if not match:
        return ""
    host = match.group(1)
    while re.match(r"^(www|m|en)\.", host):
        host = host.split(".", 1)[1]
    return host


def _own_media(code: str) -> Callable[[str], bool]:
    """Return a test of whether a host is the province's own portal or newspaper."""
    slug = provinces.provinces().loc[code, "slug"].replace("-", "")
    return lambda host: slug in host.replace("-", "")


def _measure(fact: object) -> str:
    """Return the clean table's measure a claimed rank is about ("" when none matches)."""
    if fact.fact_type == "pillar_rank":
        return fact.pillar
    if fact.fact_type != "dti_rank" or fact.pillar == "overall":
        return "overall" if fact.fact_type == "dti_rank" else ""
    name = re.sub(r"(?i)^(?:DTI main-indicator rank:|chỉ số)\s*", "", fact.indicator_text)
    try:  # a main-indicator rank (pillar blank) names its indicator
        return rankings.main_index_id(name) or ""
    except ValueError:
        return ""


def _judge(fact: object, code: str, measure: str, rankings: pd.DataFrame
           ) -> tuple[str, str, int | None, int | None]:
    """Return (status, why, clean rank, basis judged on) for one claimed rank."""
    if fact.fact_type in ("other_index_rank", "indicator"):
        return "not verifiable", "no table of this index is held in data/raw", None, None
    if not measure:
        return "not verifiable", "a main-indicator rank whose indicator name is not one of " \
                                 "the eight main indices", None, None
    if pd.isna(fact.year):
        return "not verifiable", "the text gives no assessment year", None, None
    year = int(fact.year)
    basis = int(fact.denominator) if fact.denominator in (63.0, 34.0) else (
        63 if year < MERGER_YEAR else 34 if year == MERGER_YEAR else None)
    if basis is None:
        return "not verifiable", "the basis (63 provinces or 34 units) is not stated", None, None
    if basis == 34:
        code = provinces.unit_of(code)
    official = processed.lookup(rankings, code, basis, year, measure)
    if official is None:
        return "not verifiable", f"no {measure} rank for {year} (basis {basis}) in the clean " \
                                 "table", None, basis
    origin = processed.lookup(rankings, code, basis, year, measure, "rank_origin")
    if official == int(fact.value):
        return ("consistent", f"the clean table's {origin} rank for {year} is {official}",
                official, basis)
    why = f"the clean table's {origin} rank for {year} is {official}"
    previous = processed.lookup(rankings, code, basis, year - 1, measure)
    if previous == int(fact.value):
        why += (f"; {int(fact.value)} is the {year - 1} rank: the text seems to name the year "
                "the result was published, not the year assessed")
    return "inconsistent", why, official, basis


def coverage(tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Return how many provinces have a DTI rank target, targets, attainment, checked claims."""
    table, claims = tables["targets"], tables["claims"]

    def count(rows: pd.DataFrame) -> int:
        return int(rows["province_code"].nunique())

    return {"rank target": count(table[table["kind"] == "rank"]),
            "targets stated": count(table[table["kind"] != "rank"]),
            "attainment figures": count(table[table["kind"] == "attainment"]),
            "claims checked": count(claims[claims["status"] != "not verifiable"])}


@dataclass
class TargetsResult:
    """The press stage's tables, the facts new to the reviewed file, and per-article errors."""

    tables: dict[str, pd.DataFrame]
    new_facts: pd.DataFrame
    errors: list[str]


def clean(articles_dir: Path | None = None, raw_dir: Path | None = None,
          processed_dir: Path | None = None) -> TargetsResult:
    """Build press_facts, targets and claims from the reviewed facts and any article folder."""
    reviewed = load_reviewed(raw_dir)
    extracted, errors = pd.DataFrame(columns=FACT_COLUMNS), []
    if articles_dir:
        facts, errors = press.extract_folder(Path(articles_dir))
        extracted = from_extracted(facts, press.read_manifest(Path(articles_dir)))
    everything, new = combine(reviewed, extracted)
    ranked = rankings.load(processed_dir)
    tables = validate_tables({
        "press_facts": everything,
        "targets": targets(everything, ranked),
        "claims": check_claims(everything, ranked),
    })
    return TargetsResult(tables, new, errors)


def write(result: TargetsResult, out_dir: Path | None = None) -> list[Path]:
    """Write the press stage's tables to data/processed (each file atomically)."""
    return write_tables(Path(out_dir or config.PROCESSED_DIR), result.tables)
