"""The next-year drill: DTI 2025, published for the 34 units only, is a data change.

The test copies data/raw to a temporary folder and adds a SYNTHETIC DTI 2025 table: the 34
unit names are real, every rank and score is INVENTED here (seeded random numbers), so nothing
about the real 2025 results may be read from it. Its register row is written the way a data
maintainer would write it. No code changes between the shipped data and the drill data.
"""

from __future__ import annotations

import csv
import html
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import snapshot

from helpers import config, processed, provinces, rankings, sources
from helpers.schemas import DataValidationError

DRILL = "dti/official_2025_ranking_34_units.csv"


def invented_2025() -> pd.DataFrame:
    """Return an invented DTI 2025 ranking of the 34 units (synthetic numbers, seeded)."""
    rng = random.Random(2025)
    units = provinces.units()
    scores = sorted((round(rng.uniform(0.45, 0.90), 4) for _ in units.index), reverse=True)
    names = list(units["name_vi"].sample(frac=1.0, random_state=7))
    table = pd.DataFrame({"year": "2025", "province_as_published": names,
                          "score": [f"{s:.4f}" for s in scores]})
    table["rank"] = pd.Series(scores).rank(method="min", ascending=False).astype(int).astype(str)
    table["source"] = "synthetic test data (tests/test_next_year.py), not a publication"
    return table[["year", "rank", "province_as_published", "score", "source"]]


def register_row(raw: Path) -> None:
    """Append the drill file's row to the copied register, as a maintainer would."""
    with open(raw / "sources.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    row = {
        "source_id": "dti_official_2025_34", "path": DRILL,
        "title": "SYNTHETIC DTI 2025 ranking of the 34 units (invented for a test)",
        "origin": "tests/test_next_year.py", "retrieved": "2026-11-29",
        "licence": "synthetic", "columns": "year | rank | province_as_published | score | source",
        "sha256": sources.sha256(raw / DRILL), "kind": "dti_ranking", "basis": "34",
        "years": "2025", "measure": "overall"}
    with open(raw / "sources.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([row[c] for c in header])


@pytest.fixture
def drill_raw(tmp_path: Path) -> Path:
    """Return a copy of data/raw with the synthetic 2025 table and its register row."""
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    invented_2025().to_csv(raw / DRILL, index=False, lineterminator="\n")
    register_row(raw)
    return raw


def test_the_drill_data_is_registered_like_real_data(drill_raw):
    assert sources.check(drill_raw) == []


def test_a_34_unit_year_flows_through_cleaning_and_validation(drill_raw, tmp_path):
    result = rankings.clean(drill_raw)
    out = tmp_path / "processed"
    rankings.write(result, out)
    ranked = processed.rankings(out)
    year_2025 = ranked[ranked.year == 2025]
    assert set(year_2025.basis) == {34}
    overall = year_2025[year_2025.measure == "overall"]
    assert set(overall.province_code) == set(provinces.units().index)
    assert sorted(overall["rank"]) == list(range(1, 35))
    assert set(overall.rank_origin) == {"official"}
    assert set(overall.source_id) == {"dti_official_2025_34"}
    assert processed.complete_years(ranked, 34) == [2024, 2025]
    assert processed.complete_years(ranked, 63) == [2022, 2023, 2024]
    assert processed.latest_year(ranked) == 2025
    assert processed.latest_complete_year(ranked, 63) == 2024
    assert processed.standing_for(ranked, "10", 2024) == ("10", 63)  # Lào Cai, its own
    assert processed.standing_for(ranked, "10", 2025) == ("U10", 34)  # its unit's
    assert processed.standing_for(ranked, "U10", 2025) == ("U10", 34)
    assert processed.standing_for(ranked, "10", 2019) is None
    shipped = rankings.clean().rankings.reset_index(drop=True)
    before = ranked[ranked.year < 2025].reset_index(drop=True)
    assert (before.source_ref.str.replace(str(drill_raw), "data/raw", regex=False)
            == shipped.source_ref).all()
    pd.testing.assert_frame_equal(before.drop(columns="source_ref"),
                                  shipped.drop(columns="source_ref"), check_dtype=False)


def break_drill(raw: Path, old: str, new: str) -> None:
    """Change the first occurrence of a cell in the drill file and re-register its checksum."""
    path = raw / DRILL
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    register = (raw / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (raw / "sources.csv").write_text("".join(register[:-1]), encoding="utf-8")
    register_row(raw)


def fails_with(raw: Path, out: Path, *expected: str) -> str:
    """Run the cleaning on a broken copy; it must fail naming the place and write nothing."""
    out.mkdir(exist_ok=True)
    (out / "dti_rankings.csv").write_text("an earlier, valid table\n", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(DataValidationError) as caught:
        rankings.write(rankings.clean(raw), out)
    message = str(caught.value)
    for part in expected:
        assert part in message, message
    assert snapshot(out) == before
    return message


def test_a_typo_in_the_year_is_located(drill_raw, tmp_path):
    break_drill(drill_raw, "2025,1,", "2O25,1,")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", "column 'year'",
                         "value '2O25'", "not a year")
    assert message.startswith("1 problem")


def test_a_35th_unit_is_located(drill_raw, tmp_path):
    path = drill_raw / DRILL
    path.write_text(path.read_text(encoding="utf-8")
                    + "2025,34,Quảng Nam,0.4000,synthetic\n", encoding="utf-8")
    break_drill(drill_raw, "synthetic\n", "synthetic\n")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 35 (line 36)",
                         "column 'province_as_published'", "value 'Quảng Nam'",
                         "not a 2025 unit: it merged into Đà Nẵng")
    assert message.startswith("1 problem")


def test_a_score_above_one_is_located(drill_raw, tmp_path):
    first = invented_2025().iloc[0]
    break_drill(drill_raw, f"2025,1,{first.province_as_published},{first.score}",
                f"2025,1,{first.province_as_published},1.2")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", "column 'score'",
                         "value '1.2'", "outside [0, 1]")
    assert message.startswith("1 problem")


def test_a_year_outside_the_register_is_located(drill_raw, tmp_path):
    break_drill(drill_raw, "2025,1,", "2026,1,")
    fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", "value '2026'",
               "outside the years the register gives for this file (2025)")


def test_an_unregistered_table_is_located(drill_raw, tmp_path):
    register = (drill_raw / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (drill_raw / "sources.csv").write_text("".join(register[:-1]), encoding="utf-8")
    fails_with(drill_raw, tmp_path / "out", f"data/raw/{DRILL}", "not in the sources register")


def test_the_drill_runs_the_stages_and_two_reports_with_no_code_change(tmp_path):
    """Build a scratch repository (DTI_ROOT) with the drill data: stages, model, two reports."""
    root = tmp_path / "repo"
    shutil.copytree(config.NOTEBOOKS_DIR, root / "notebooks")
    raw = root / "data" / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    invented_2025().to_csv(raw / DRILL, index=False, lineterminator="\n")
    register_row(raw)
    env = {**os.environ, "DTI_ROOT": str(root)}
    for args in (["run", "all"], ["reports", "--only", "Lào Cai", "unit:Bắc Ninh", "--lang", "en"]):
        # no --year: the default is the latest assessment year, whatever its basis (2025, 34)
        run = subprocess.run([sys.executable, "-m", "helpers", *args], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=600, check=False)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    ranked = processed.rankings(root / "data" / "processed")
    assert processed.latest_year(ranked) == 2025
    assert (root / "data" / "processed" / "model" / "fits.csv").exists()
    manifest = pd.read_csv(root / "reports" / "manifest.csv", dtype={"code": str})
    assert set(manifest.status) == {"ok"} and set(manifest.year) == {2025}
    invented = invented_2025().set_index("province_as_published")
    unit = manifest.set_index("code").loc["U27"]
    assert unit["rank"] == int(invented.loc["Bắc Ninh", "rank"])
    assert unit["score"] == pytest.approx(float(invented.loc["Bắc Ninh", "score"]))
    page = (root / "reports" / unit["html"]).read_text(encoding="utf-8")
    assert "DTI 2025" in page and f"{unit['score']:.4f}" in page
    lao_cai = manifest.set_index("code").loc["10"]  # Lào Cai merged into the unit Lào Cai (U10)
    own = invented.loc["Lào Cai"]
    page = html.unescape((root / "reports" / lao_cai["html"]).read_text(encoding="utf-8"))
    assert "DTI 2025" in page
    kpi = re.search(r"Lào Cai's rank 2025 \(of 34 units\)</a></span>\s*<span class=\"v\">(\d+)"
                    r"<small>/34</small>", page)
    assert kpi and kpi.group(1) == own["rank"], "the province shows its unit's 2025 rank, labelled"
    assert "This is the unit's result, not the province's." in page
    assert "(unit, of 34)" in page  # the history chart's unit line, named in its alt text
    index = html.unescape((root / "reports" / "index.html").read_text(encoding="utf-8"))
    assert "(2025)" in index and "each province shows its unit's rank of 34" in index
    assert f"{own['rank']} <span class=\"tag\">Lào Cai's rank of 34</span>" in index
