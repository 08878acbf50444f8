"""The report's tables on the shipped data: the default year, and re-reading changed files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from helpers import processed as processed_tables  # the fixture `processed` shadows the module
from helpers import report
from helpers.report import tables


def test_the_shipped_datas_default_year_is_its_latest_assessment_year(processed):
    ranked = processed_tables.rankings(processed)
    latest = processed_tables.latest_year(ranked)
    ctx = report.build("Lào Cai", None, "en", 63, str(processed))
    assert ctx.year == latest
    if latest in processed_tables.complete_years(ranked, 63):
        assert ctx.overall["rank"] is not None and ctx.standing is None  # its own rank of 63
    else:  # a year published for the 34 units only: its unit's rank, labelled
        assert ctx.overall["rank"] is None and ctx.standing["code"] == "U10"


def test_the_reports_tables_are_read_again_when_a_file_changes(processed, tmp_path):
    folder = tmp_path / "processed"
    shutil.copytree(processed, folder)
    first = tables.tables(str(folder))
    assert tables.tables(str(folder)) is first  # unchanged files: the cached tables
    path = folder / "dti_rankings.csv"
    stat = path.stat()
    rewrite_score(path, "0.12345")  # one more character: the size changes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    year = processed_tables.latest_complete_year(processed_tables.rankings(folder), 63)
    assert shown_scores(report.build("10", year, "en", 63, str(folder)), year) == {0.12345}
    stat = path.stat()
    rewrite_score(path, "0.54321")  # the same size: the modification time changes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert shown_scores(report.build("10", year, "en", 63, str(folder)), year) == {0.54321}


def shown_scores(ctx: tables.ReportContext, year: int) -> set[float]:
    """Return the overall score of a year as the headline, the indices and the history show it
    (each read through its own index of the tables, kept once per loaded table)."""
    return {ctx.overall["score"], *(r["score"] for r in ctx.indices if r["measure"] == "overall"),
            *(h["score"] for h in ctx.history if h["year"] == year and h["basis"] == 63)}


def rewrite_score(path: Path, score: str) -> None:
    """Change Lào Cai's overall score of the latest complete 63-basis year in a copy."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    year = str(processed_tables.latest_complete_year(processed_tables.rankings(path.parent), 63))
    hit = (table["province_code"] == "10") & (table["year"] == year) & (
        table["measure"] == "overall") & (table["basis"] == "63")
    assert hit.sum() == 1
    table.loc[hit, "score"] = score
    table.to_csv(path, index=False, lineterminator="\n")


def test_a_unit_page_says_its_index_scores_are_derived_and_a_province_page_official(processed):
    unit = report.build("U27", 2024, "en", 34, str(processed))
    province = report.build("27", 2024, "en", 63, str(processed))
    assert unit.indices and {r["score_origin"] for r in unit.indices} == {"derived"}
    assert province.indices and {r["score_origin"] for r in province.indices} == {"official"}
