"""34-unit years end to end (the synthetic year of test_next_year), and the report's tables.

The drill year is the one after the latest shipped year (test_next_year.YEAR); its numbers are
INVENTED there (seeded); nothing here is a real result, and no shipped year is named.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, processed, rankings, report
from helpers import processed as processed_tables  # the fixture `processed` shadows the module
from helpers.build import pipeline, publish
from helpers.model import stage as model
from helpers.report import context, figures, narrative

from .test_next_year import DRILL, YEAR, invented_table, register_row

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
#: Owned by another area for now; its setup cell is documented in CONTRIBUTING.md instead.
NO_SETUP_CELL: set[str] = set()


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


def test_the_shipped_datas_default_year_is_its_latest_assessment_year(processed):
    ranked = processed_tables.rankings(processed)
    latest = processed_tables.latest_year(ranked)
    ctx = report.build("Lào Cai", None, "en", 63, str(processed))
    assert ctx.year == latest
    if latest in processed_tables.complete_years(ranked, 63):
        assert ctx.overall["rank"] is not None and ctx.standing is None  # its own rank of 63
    else:  # a year published for the 34 units only: its unit's rank, labelled
        assert ctx.overall["rank"] is None and ctx.standing["code"] == "U10"


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


def test_index_rows_of_a_34_only_year_show_the_units_rank_of_34():
    rows = [{"geography": "province", "code": "10", "name": "Lào Cai", "rank": None,
             "score": None, "change": None, "n": 63, "origin": "", "via_unit": ""},
            {"geography": "province", "code": "01", "name": "Hà Nội", "rank": None,
             "score": None, "change": None, "n": 63, "origin": "", "via_unit": ""}]
    shown = publish.unit_standings(rows, {"U10": 12, "U01": 2}, {"U10": 0.7, "U01": 0.9})
    assert [(r["code"], r["rank"], r["n"], r["via_unit"]) for r in shown] == [
        ("01", 2, 34, "Hà Nội"), ("10", 12, 34, "Lào Cai")]
    tiles = publish.tile_svg({"10": 12}, "en", n=34)
    assert "<title>Lào Cai: 12/34</title>" in tiles


def test_a_34_only_year_is_not_modelled_and_the_reason_is_given():
    units = [f"U{i:02d}" for i in range(1, 35)]
    ranked = pd.concat([
        pd.DataFrame({"province_code": [f"{i:02d}" for i in range(1, 64)], "basis": 63,
                      "year": 2024, "measure": "overall", "score": 0.5, "rank": 1}),
        pd.DataFrame({"province_code": units, "basis": 34, "year": 2025, "measure": "overall",
                      "score": 0.5, "rank": 1})])
    assert model.unit_only_years(ranked) == [2025]
    with pytest.raises(ValueError, match=r"2025: not modelled: .*34 units only \(n = 34 units\)"):
        model.run(ranked, None, [2025])  # type: ignore[arg-type]


def test_no_source_file_is_named_in_the_code():
    found = [f"{path.relative_to(config.ROOT)}:{n}"
             for path in sorted((config.ROOT / "src").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"2022_2024|official_2022", line)]
    assert not found, f"name sources by the register's kind or the rows' source_id: {found}"


def test_report_parameters_are_typed_for_papermill():
    import papermill

    shown = {p["name"]: p["inferred_type_name"] for p in papermill.inspect_notebook(
        str(config.NOTEBOOKS_DIR / "30-province-report.ipynb")).values()}
    assert shown == {"province": "str", "year": "Optional[int]", "lang": "str", "basis": "int",
                     "processed_dir": "str"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_start_with_a_hidden_autoreload_cell(path):
    if path.name in NO_SETUP_CELL:
        pytest.skip("owned by another area for now")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    setup = next(c for c in cells if c["cell_type"] == "code")
    assert "%autoreload 2" in "".join(setup["source"]), f"{path.name}: add the setup cell"
    assert "report-hide" in setup["metadata"].get("tags", [])


def test_the_reports_tables_are_read_again_when_a_file_changes(processed, tmp_path):
    folder = tmp_path / "processed"
    shutil.copytree(processed, folder)
    first = context.tables(str(folder))
    assert context.tables(str(folder)) is first  # unchanged files: the cached tables
    path = folder / "dti_rankings.csv"
    stat = path.stat()
    rewrite_score(path, "0.12345")  # one more character: the size changes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    year = processed_tables.latest_complete_year(processed_tables.rankings(folder), 63)
    assert report.build("10", year, "en", 63, str(folder)).overall["score"] == 0.12345
    stat = path.stat()
    rewrite_score(path, "0.54321")  # the same size: the modification time changes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert report.build("10", year, "en", 63, str(folder)).overall["score"] == 0.54321


def rewrite_score(path: Path, score: str) -> None:
    """Change Lào Cai's overall score of the latest complete 63-basis year in a copy."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    year = str(processed_tables.latest_complete_year(processed_tables.rankings(path.parent), 63))
    hit = (table["province_code"] == "10") & (table["year"] == year) & (
        table["measure"] == "overall") & (table["basis"] == "63")
    assert hit.sum() == 1
    table.loc[hit, "score"] = score
    table.to_csv(path, index=False, lineterminator="\n")


def test_the_report_build_leaves_out_the_interactive_setup_cell():
    from papermill.iorw import load_notebook_node

    notebook = load_notebook_node(str(config.NOTEBOOKS_DIR / "30-province-report.ipynb"))
    kept = pipeline.without_setup(notebook)
    assert not any("autoreload" in "".join(c.source) for c in kept.cells)
    assert any("parameters" in c.metadata.get("tags", []) for c in kept.cells)
