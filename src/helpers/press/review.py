"""A review table for ``dti press accept``: the labelled facts of a folder that the extractor
also finds (the shared scorer's true positives), each described without article text.

``python -m helpers.press review DIR --out FILE`` writes it in the labelling schema (file,
province, year, fact_type, pillar, indicator_text, value, target, unit, denominator), with the
label's year and numbers and a description of what the figure measures ("DTI rank", "DTI pillar
rank (kinh_te_so)", "target: digital signatures (%)"); ``dti press accept DIR --review FILE``
then appends it to data/raw/press/reviewed_facts.csv and re-registers its checksum.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from ..store import write_text_atomic
from . import gazetteer
from .evaluate import SCORER
from .folder import extract_folder
from .grammar import PILLARS
from .text import ArticleError

#: The columns of a review table (what ``dti press accept --review`` reads).
REVIEW_COLUMNS = ["file", "province", "year", "fact_type", "pillar", "indicator_text", "value",
                  "target", "unit", "denominator"]
#: Main-indicator names an extracted rank may carry (its indicator_text is the name itself).
_MAIN_NAME = re.compile(r"(?i)^(?:chỉ số\s+)?([\w ]{4,60})$")


def missed_rows(predicted: pd.DataFrame, gold: Path, scorer: Path) -> set[int]:
    """Return the record numbers (0-based) of the gold facts the scorer lists as missed."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predicted.csv"
        predicted.drop(columns="sentence").to_csv(pred, index=False, quoting=csv.QUOTE_MINIMAL)
        done = subprocess.run([sys.executable, str(scorer), str(pred), str(gold), "--details"],
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{scorer} failed: {done.stderr.strip()}")
    text = done.stdout.split("missed gold facts (fn):", 1)[1].split("false positives (fp):")[0]
    return {int(n) - 2 for n in re.findall(r"^\s*row (\d+):", text, flags=re.M)}


def describe(row: dict, measure: str = "", name: str = "") -> str:
    """Return what a fact measures, in the words of reviewed_facts.csv (no article text)."""
    kind, pillar, unit = row["fact_type"], row["pillar"], row["unit"] or ""
    tags = row.get("notes", "")
    if kind == "dti_rank":
        return "DTI rank" if pillar == "overall" else (
            f"DTI main-indicator rank: {name}" if name else "DTI main-indicator rank")
    if kind == "pillar_rank":
        return f"DTI pillar rank ({pillar})"
    if kind == "rank_change":
        return "DTI rank change" + ("" if pillar == "overall" else f" ({pillar})" if pillar
                                    else " (main indicator)")
    if kind == "target_attainment":
        if unit == "rank":
            return "DTI rank target (be among the top N)"
        if unit == "places":
            return "DTI rank target (places gained)"
        if row["denominator"] and not row["target"]:
            return "targets met of those set"
        if unit == "% of target":
            return "share of targets met (% of target)"
        return f"target: {measure} ({unit})" if measure else f"target ({unit})"
    if "non_dti_rank" in tags:
        return "rank in another index than the DTI"
    if unit in ("score", "points"):
        return f"DTI {unit}" + (f" ({pillar})" if pillar in PILLARS else "")
    return f"indicator: {measure} ({unit})" if measure else f"indicator ({unit or 'count'})"


def review(folder: Path, scorer: Path | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Return the folder's labelled facts the extractor also finds, described (see module),
    and what was left out and why: facts of national and bloc aggregates (the reviewed facts
    are the provinces'), and facts of articles whose manifest gives no URL or publisher (an
    article that prints no date keeps an empty date, as ``dti press accept`` does)."""
    folder, scorer = Path(folder), Path(scorer or SCORER)
    gold_path = folder / "expected_facts.csv"
    if not gold_path.is_file():
        raise ArticleError(f"{gold_path}: no labelled facts to review against")
    predicted, errors = extract_folder(folder)
    if errors:
        raise ArticleError("; ".join(errors))
    missed = missed_rows(predicted, gold_path, scorer)
    gold = pd.read_csv(gold_path, dtype=str, keep_default_na=False)
    notes = gold.get("notes", pd.Series("", index=gold.index))
    absorber = (gold["fact_type"] == "ignore") | notes.str.contains("out_of_scope")
    kept = gold[~absorber & ~gold.index.isin(sorted(missed))].copy()
    facts = _facts_by_key(predicted)
    kept["indicator_text"] = [describe(row, *_measure_and_name(facts, row))
                              for row in kept.to_dict("records")]
    left_out = [f"{len(missed)} labelled fact(s) the extractor does not find"]
    national = kept["province"].str.startswith(gazetteer.NATIONAL)
    left_out.append(f"{int(national.sum())} fact(s) of national or bloc aggregates")
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    nameless = set(manifest.loc[manifest["source_hint"].str.strip() == "", "file"])
    unsourced = kept["file"].isin(nameless) & ~national
    left_out.append(f"{int(unsourced.sum())} fact(s) of {len(nameless & set(kept['file']))} "
                    "article(s) whose manifest gives no URL or publisher")
    kept = kept[~national & ~unsourced]
    # a share of targets met ("70% chỉ tiêu", unit "% of target") is a count out of 100
    share = kept["unit"].eq("% of target") & kept["target"].eq("") & kept["denominator"].eq("")
    kept.loc[share & kept["fact_type"].eq("target_attainment"), "denominator"] = "100"
    return kept[REVIEW_COLUMNS].reset_index(drop=True), left_out


def _key(file: str, province: str, fact_type: str, value: object, target: object) -> tuple:
    """Return a lookup key of a fact: file, entity, type and its numbers."""
    def number(x: object) -> float | None:
        return None if x in ("", None) or pd.isna(x) else round(float(x), 6)
    return (file, province, fact_type, number(value), number(target))


def _facts_by_key(predicted: pd.DataFrame) -> dict[tuple, dict]:
    """Return the extracted facts by their lookup key (the first one of each)."""
    out: dict[tuple, dict] = {}
    for row in predicted.to_dict("records"):
        out.setdefault(_key(row["file"], row["province"], row["fact_type"], row["value"],
                            row["target"]), row)
    return out


def _measure_and_name(facts: dict[tuple, dict], row: dict) -> tuple[str, str]:
    """Return the extracted measure and main-indicator name of a labelled fact, if found."""
    fact = facts.get(_key(row["file"], row["province"], row["fact_type"], row["value"],
                          row["target"]))
    if not fact:
        return "", ""
    name = _MAIN_NAME.match(str(fact.get("indicator_text") or ""))
    return str(fact.get("measure") or ""), name.group(1).strip() if name and \
        row["fact_type"] == "dti_rank" and not row["pillar"] else ""


def write_review(folder: Path, out: Path, scorer: Path | None = None) -> int:
    """Write the review table of a folder to out; return its number of rows."""
    table, _ = review(folder, scorer)
    write_text_atomic(Path(out), table.to_csv(index=False, lineterminator="\n"))
    return len(table)

