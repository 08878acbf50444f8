"""The next-year drill: the year after the latest shipped one, published for the 34 units only.

The test copies data/raw to a temporary folder and adds a SYNTHETIC table for the year after
the latest year any shipped DTI file covers (DTI 2025 while the shipped data ends in 2024; the
year after that once the real 2025 table is added): the 34 unit names are real, every rank and
score is INVENTED here (seeded random numbers), so nothing about real results may be read from
it. Its register row is written the way a data maintainer would write it. No code changes
between the shipped data and the drill data, and no test here names a shipped year.
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


def latest_shipped_year(raw: Path | None = None) -> int:
    """Return the latest assessment year any registered DTI file covers."""
    table = sources.of_kind("dti", (raw or config.RAW_DIR) / "sources.csv")
    return max(int(years.split("-")[-1]) for years in table["years"] if years)


#: The drill's year: after every shipped file's years, whichever they are.
YEAR = latest_shipped_year() + 1
DRILL = f"dti/official_{YEAR}_ranking_34_units.csv"


def invented_table() -> pd.DataFrame:
    """Return an invented ranking of the 34 units for the drill year (synthetic, seeded)."""
    rng = random.Random(YEAR)
    units = provinces.units()
    scores = sorted((round(rng.uniform(0.45, 0.90), 4) for _ in units.index), reverse=True)
    names = list(units["name_vi"].sample(frac=1.0, random_state=7))
    table = pd.DataFrame({"year": str(YEAR), "province_as_published": names,
                          "score": [f"{s:.4f}" for s in scores]})
    table["rank"] = pd.Series(scores).rank(method="min", ascending=False).astype(int).astype(str)
    table["source"] = "synthetic test data (tests/test_next_year.py), not a publication"
    return table[["year", "rank", "province_as_published", "score", "source"]]


def register_row(raw: Path) -> None:
    """Append the drill file's row to the copied register, as a maintainer would."""
    with open(raw / "sources.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    row = {
        "source_id": f"dti_official_{YEAR}_34", "path": DRILL,
        "title": f"SYNTHETIC DTI {YEAR} ranking of the 34 units (invented for a test)",
        "origin": "tests/test_next_year.py", "retrieved": "2026-11-29",
        "licence": "synthetic", "columns": "year | rank | province_as_published | score | source",
        "sha256": sources.sha256(raw / DRILL), "kind": "dti_ranking", "basis": "34",
        "years": str(YEAR), "measure": "overall"}
    with open(raw / "sources.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([row[c] for c in header])


@pytest.fixture
def drill_raw(tmp_path: Path) -> Path:
    """Return a copy of data/raw with the synthetic table and its register row."""
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    invented_table().to_csv(raw / DRILL, index=False, lineterminator="\n")
    register_row(raw)
    return raw


def test_the_drill_data_is_registered_like_real_data(drill_raw):
    assert sources.check(drill_raw) == []


def test_a_34_unit_year_flows_through_cleaning_and_validation(drill_raw, tmp_path):
    shipped = rankings.clean().rankings.reset_index(drop=True)
    last_63 = processed.latest_complete_year(shipped, 63)
    result = rankings.clean(drill_raw)
    out = tmp_path / "processed"
    rankings.write(result, out)
    ranked = processed.rankings(out)
    drilled = ranked[ranked.year == YEAR]
    assert set(drilled.basis) == {34}
    overall = drilled[drilled.measure == "overall"]
    assert set(overall.province_code) == set(provinces.units().index)
    assert sorted(overall["rank"]) == list(range(1, 35))
    assert set(overall.rank_origin) == {"official"}
    assert set(overall.source_id) == {f"dti_official_{YEAR}_34"}
    assert processed.complete_years(ranked, 34) == [*processed.complete_years(shipped, 34), YEAR]
    assert processed.complete_years(ranked, 63) == processed.complete_years(shipped, 63)
    assert processed.latest_year(ranked) == YEAR
    assert processed.latest_complete_year(ranked, 63) == last_63
    assert processed.standing_for(ranked, "10", last_63) == ("10", 63)  # Lào Cai, its own
    assert processed.standing_for(ranked, "10", YEAR) == ("U10", 34)  # its unit's
    assert processed.standing_for(ranked, "U10", YEAR) == ("U10", 34)
    assert processed.standing_for(ranked, "10", 2019) is None
    before = ranked[ranked.year < YEAR].reset_index(drop=True)
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
    break_drill(drill_raw, f"{YEAR},1,", f"{str(YEAR).replace('0', 'O', 1)},1,")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", "column 'year'",
                         f"value '{str(YEAR).replace('0', 'O', 1)}'", "not a year")
    assert message.startswith("1 problem")


def test_a_35th_unit_is_located(drill_raw, tmp_path):
    path = drill_raw / DRILL
    path.write_text(path.read_text(encoding="utf-8")
                    + f"{YEAR},34,Quảng Nam,0.4000,synthetic\n", encoding="utf-8")
    break_drill(drill_raw, "synthetic\n", "synthetic\n")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 35 (line 36)",
                         "column 'province_as_published'", "value 'Quảng Nam'",
                         "it merged into Đà Nẵng")
    assert message.startswith("1 problem")


def test_a_score_above_one_is_located(drill_raw, tmp_path):
    first = invented_table().iloc[0]
    break_drill(drill_raw, f"{YEAR},1,{first.province_as_published},{first.score}",
                f"{YEAR},1,{first.province_as_published},1.2")
    message = fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", "column 'score'",
                         "value '1.2'", "outside [0, 1]")
    assert message.startswith("1 problem")


def test_a_year_outside_the_register_is_located(drill_raw, tmp_path):
    break_drill(drill_raw, f"{YEAR},1,", f"{YEAR + 1},1,")
    fails_with(drill_raw, tmp_path / "out", DRILL, "row 1 (line 2)", f"value '{YEAR + 1}'",
               f"outside the years the register gives for this file ({YEAR})")


def test_an_unregistered_table_is_located(drill_raw, tmp_path):
    register = (drill_raw / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (drill_raw / "sources.csv").write_text("".join(register[:-1]), encoding="utf-8")
    fails_with(drill_raw, tmp_path / "out", f"data/raw/{DRILL}", "not in the sources register")


def dti(root: Path, *args: str, cwd: Path) -> str:
    """Run a dti command on a scratch repository (DTI_ROOT); fail with its output."""
    run = subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd, timeout=900,
                         env={**os.environ, "DTI_ROOT": str(root)}, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, " ".join(args) + "\n" + run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout


def test_next_years_table_added_with_dti_commands_builds_and_passes_the_data_checks(tmp_path):
    """The recipe on a copy: dti add-source, dti run, dti reports --only, then tests/data."""
    root = tmp_path / "repo"
    for folder in ("notebooks", "data/raw", "tests"):
        shutil.copytree(config.ROOT / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    shutil.copy(config.ROOT / "pyproject.toml", root)  # the suite's pytest options
    published = tmp_path / f"official_{YEAR}_ranking_34_units.csv"  # the download, outside
    invented_table().to_csv(published, index=False, lineterminator="\n")
    said = dti(root, "add-source", str(published), "--kind", "dti_ranking", "--basis", "34",
               "--years", str(YEAR), "--measure", "overall", "--source-id",
               f"dti_official_{YEAR}_34", "--title", f"SYNTHETIC DTI {YEAR} (a test)",
               "--origin", "tests/build/test_next_year.py", "--licence", "synthetic",
               cwd=tmp_path)
    assert f"registered data/raw/{DRILL}" in said
    assert "raw files registered, checksums match" in dti(root, "check", cwd=tmp_path)
    dti(root, "run", "all", cwd=tmp_path)  # what make data and the model stage run
    # no --year: the default is the latest assessment year, whatever its basis (34 here)
    dti(root, "reports", "--only", "Lào Cai", "unit:Bắc Ninh", "--lang", "en", cwd=tmp_path)
    ranked = processed.rankings(root / "data" / "processed")
    assert processed.latest_year(ranked) == YEAR
    assert (root / "data" / "processed" / "model" / "fits.csv").exists()
    manifest = pd.read_csv(root / "reports" / "manifest.csv", dtype={"code": str})
    assert set(manifest.status) == {"ok"} and set(manifest.year) == {YEAR}
    invented = invented_table().set_index("province_as_published")
    unit = manifest.set_index("code").loc["U27"]
    assert unit["rank"] == int(invented.loc["Bắc Ninh", "rank"])
    assert unit["score"] == pytest.approx(float(invented.loc["Bắc Ninh", "score"]))
    page = (root / "reports" / unit["html"]).read_text(encoding="utf-8")
    assert f"DTI {YEAR}" in page and f"{unit['score']:.4f}" in page
    lao_cai = manifest.set_index("code").loc["10"]  # Lào Cai merged into the unit Lào Cai (U10)
    own = invented.loc["Lào Cai"]
    page = html.unescape((root / "reports" / lao_cai["html"]).read_text(encoding="utf-8"))
    assert f"DTI {YEAR}" in page
    kpi = re.search(rf"Lào Cai's rank {YEAR} \(of 34 units\)</a></span>\s*<span class=\"v\">"
                    r"(\d+)<small>/34</small>", page)
    assert kpi and kpi.group(1) == own["rank"], "the province shows its unit's rank, labelled"
    assert "This is the unit's result, not the province's." in page
    assert "(unit, of 34)" in page  # the history chart's unit line, named in its alt text
    index = html.unescape((root / "reports" / "index.html").read_text(encoding="utf-8"))
    assert f"({YEAR})" in index and "each province shows its unit's rank of 34" in index
    assert f"{own['rank']} <span class=\"tag\">Lào Cai's rank of 34</span>" in index
    targets = html.unescape((root / "reports" / "targets.html").read_text(encoding="utf-8"))
    assert f"latest assessment: DTI {YEAR}" in targets
    checks = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/data"],
        cwd=root, env={**os.environ, "DTI_ROOT": str(root)}, capture_output=True, text=True,
        timeout=900, check=False)
    assert checks.returncode == 0, checks.stdout[-4000:]


def tie_rows(raw: Path, ranks: list[int]) -> pd.DataFrame:
    """Give the drill's first len(ranks) rows the top score and these published ranks."""
    table = invented_table()
    top = table.iloc[0]
    for i, rank in enumerate(ranks):
        row = table.iloc[i]
        break_drill(raw, f"{YEAR},{row['rank']},{row.province_as_published},{row.score}",
                    f"{YEAR},{rank},{row.province_as_published},{top.score}")
    return table


def test_equal_printed_scores_with_consecutive_ranks_are_kept_and_flagged(drill_raw, tmp_path):
    table = tie_rows(drill_raw, [1, 2])
    out = tmp_path / "processed"
    rankings.write(rankings.clean(drill_raw), out)
    ranked = processed.rankings(out)
    drilled = ranked[(ranked.year == YEAR) & (ranked.measure == "overall")]
    tied = drilled[drilled.score_tie]
    assert sorted(tied["rank"]) == [1, 2]
    assert set(tied.name_vi) == set(table.province_as_published[:2])
    assert not drilled[~drilled.index.isin(tied.index)].score_tie.any()


def test_equal_printed_scores_with_ranks_that_do_not_run_on_are_refused(drill_raw, tmp_path):
    tie_rows(drill_raw, [1, 2, 2])
    message = fails_with(drill_raw, tmp_path / "out", "equal scores with published ranks that "
                         "are neither shared nor consecutive", "such as 7 and 8")
    assert "rank order contradicts" not in message
