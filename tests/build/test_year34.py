"""34-unit years end to end: the synthetic year of test_next_year cleaned, then its pages.

The drill year is the one after the latest shipped year (test_next_year.YEAR); its numbers are
INVENTED there (seeded); nothing here is a real result, and no shipped year is named.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, processed, rankings, report
from helpers.report import figures, narrative

from .test_next_year import DRILL, YEAR, invented_table, register_row


@pytest.fixture(scope="module")
def drill_processed(tmp_path_factory) -> Path:
    """Return a processed folder cleaned from data/raw plus the synthetic unit table."""
    tmp = tmp_path_factory.mktemp("drill")
    raw = tmp / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    invented_table().to_csv(raw / DRILL, index=False, lineterminator="\n")
    register_row(raw)
    out = tmp / "processed"
    rankings.write(rankings.clean(raw), out)
    return out


def invented(name: str) -> pd.Series:
    """Return the invented drill-year row of a unit."""
    return invented_table().set_index("province_as_published").loc[name]


def test_the_default_year_is_the_latest_assessment_year_whatever_its_basis(drill_processed):
    ranked = processed.rankings(drill_processed)
    assert processed.latest_complete_year(ranked, 63) < YEAR
    for target, basis in (("Lào Cai", 63), ("U10", 34)):
        assert report.build(target, None, "en", basis, str(drill_processed)).year == YEAR


def test_a_province_in_a_34_only_year_shows_its_units_result_labelled(drill_processed):
    ctx = report.build("Lào Cai", None, "en", 63, str(drill_processed))
    unit = invented("Lào Cai")
    assert ctx.overall["rank"] is None  # no rank of 63 exists for the drill year
    assert (ctx.standing["code"], ctx.standing["rank"], ctx.standing["n"]) == (
        "U10", int(unit["rank"]), 34)
    head = html.unescape(report.section_html(ctx, "headline"))
    assert re.search(rf'<a href="../unit/lao-cai.en.html">Lào Cai\'s rank {YEAR} \(of 34 units\)'
                     rf'</a></span>\s*<span class="v">{unit["rank"]}<small>/34</small>', head)
    story = html.unescape(report.section_html(ctx, "narrative"))
    assert f"which ranked {int(unit['rank'])}" in story and "not the province's" in story
    vi = html.unescape(report.section_html(report.build("10", YEAR, "vi", 63,
                                                        str(drill_processed)), "headline"))
    assert f"Thứ hạng {YEAR} của Lào Cai (trên 34 đơn vị)" in vi


def test_the_history_continues_on_the_units_line_after_the_merger(drill_processed):
    ctx = report.build("Lào Cai", None, "en", 63, str(drill_processed))
    lines = {(h["code"], h["basis"]) for h in ctx.history}
    assert lines == {("10", 63), ("U10", 34)}
    last_63 = processed.latest_complete_year(processed.rankings(drill_processed), 63)
    unit_years = {h["year"] for h in ctx.history if h["basis"] == 34}
    assert YEAR in unit_years and min(unit_years) > last_63  # after the marker
    alt = figures.history_figure(ctx).alt
    rank = narrative.ordinal(int(invented("Lào Cai")["rank"]), "en")
    assert re.search(rf"Lào Cai \(unit, of 34\): [^;]*{rank}( of 34)? in {YEAR}\.", alt), alt
    table = html.unescape(report.section_html(ctx, "history"))
    assert f"<td>Lào Cai (2025 unit)</td><td>{YEAR}</td><td>{invented('Lào Cai')['rank']}" \
           "<small>/34</small>" in table


def test_the_unit_narrative_says_mean_only_for_a_derived_score(drill_processed):
    last_63 = processed.latest_complete_year(processed.rankings(drill_processed), 63)
    derived = report.build("U27", last_63, "en", 34, str(drill_processed))  # means of 63 scores
    official = report.build("U27", YEAR, "en", 34, str(drill_processed))  # published for 34
    assert derived.overall["score_origin"] == "derived"
    assert official.overall["score_origin"] == "official"
    assert "its scores are the means of theirs" in report.section_html(derived, "narrative")
    assert "means of theirs" not in report.section_html(official, "narrative")
    vi = report.section_html(report.build("U27", YEAR, "vi", 34, str(drill_processed)),
                             "narrative")
    assert "trung bình cộng" not in vi
