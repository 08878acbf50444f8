"""Every rankings reader names a bad cell by file, row, column and value, and writes nothing.

Each case breaks one cell of a scratch copy of data/raw (the raw_copy fixture); the values
written in are invented typos.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import snapshot

from helpers import rankings
from helpers.schemas import DataValidationError

CASES = [
    # file, text to replace, replacement, what the message must say
    ("dti/reported_changes.csv", "2022,Quảng Ninh,+4,", "2O22,Quảng Ninh,+4,",
     ["reported_changes.csv", "row 1 (line 2)", "column 'year'", "value '2O22'", "not a year"]),
    ("dti/reported_changes.csv", "2022,Quảng Ninh,+4,", "2022,Quảng Ninh,+4x,",
     ["reported_changes.csv", "row 1", "column 'change_in_rank'", "value '+4x'",
      "not a whole number"]),
    ("dti/reported_changes.csv", "2022,Quảng Ninh,+4,", "2022,Quang Nimh,+4,",
     ["reported_changes.csv", "row 1", "column 'province_as_published'", "value 'Quang Nimh'"]),
    ("dti/reported_overall.csv", "2020,Da Nang,1,0.4874,63", "2020,Da Nang,1st,0.4874,63",
     ["reported_overall.csv", "row 1 (line 2)", "column 'rank'", "value '1st'", "not a rank"]),
    ("dti/reported_overall.csv", "2020,Da Nang,1,0.4874,63", "2020,Da Nang,1,0.48.74,63",
     ["reported_overall.csv", "row 1", "column 'score'", "value '0.48.74'"]),
    ("dti/reported_overall.csv", "2020,Da Nang,1,0.4874,63", "2020,Da Nang,1,0.4874,36",
     ["reported_overall.csv", "row 1", "column 'basis'", "value '36'", "63, 34 or empty"]),
    ("dti/reported_overall.csv", "2020,Da Nang,1,0.4874,63", "2030,Da Nang,1,0.4874,63",
     ["reported_overall.csv", "row 1", "column 'year'", "value '2030'",
      "outside the years the register gives for this file (2020-2024)"]),
    ("dti/reported_pillars.csv", "2020,Bac Giang,chinh_quyen_so,7", "2020,Bac Giang,chinh_quyen,7",
     ["reported_pillars.csv", "row 1", "column 'pillar'", "value 'chinh_quyen'", "not a pillar"]),
    ("dti/reported_subindices.csv", "2022,Quảng Ninh,An toàn thông tin mạng",
     "2022,Quảng Ninh,An toàn mạng",
     ["reported_subindices.csv", "column 'subindex'", "value 'An toàn mạng'",
      "not one of the eight main indices"]),
    ("dti/official_2022_ranking.csv", "2022,7,Bắc Ninh", "2022,,Bắc Ninh",
     ["official_2022_ranking.csv", "row 7", "column 'rank'", "empty"]),
    ("dti/scores_2022_2024.csv", "TP. Đà Nẵng,2022,", "TP. Đà Nẵng,2O22,",
     ["scores_2022_2024.csv", "row 1 (line 2)", "column 'Nam'", "value '2O22'", "not a year"]),
    ("sources.csv", "dti_ranking,63,2022,overall", "dti_ranking,36,2022,overall",
     ["sources.csv", "row 1 (line 2)", "column 'basis'", "value '36'"]),
    ("sources.csv", "dti_scores,63,2022-2024,", "dti_scores,63,2024-2022,",
     ["sources.csv", "row 2", "column 'years'", "value '2024-2022'"]),
    ("sources.csv", "dti_reported,,2020-2024,pillar", "dti_reported,,2020-2024,pillars",
     ["sources.csv", "row 4", "column 'measure'", "value 'pillars'"]),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), CASES,
                         ids=[f"{c[0]}:{c[3][2]}" for c in CASES])
def test_a_bad_cell_is_named_and_nothing_is_written(raw_copy: Path, tmp_path: Path, rel: str,
                                                    old: str, new: str, expected: list[str]):
    path = raw_copy / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "processed"
    out.mkdir()
    (out / "dti_rankings.csv").write_text("an earlier, valid table\n", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(DataValidationError) as caught:
        rankings.write(rankings.clean(raw_copy), out)
    message = str(caught.value)
    assert message.startswith("1 problem"), message
    for part in expected:
        assert part in message, message
    assert snapshot(out) == before


def test_a_blank_reported_score_stays_blank(raw_copy: Path):
    path = raw_copy / "dti/reported_overall.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2020,Da Nang,1,0.4874,63", "2020,Da Nang,1,,63", 1),
                    encoding="utf-8")
    da_nang = rankings.clean(raw_copy).rankings.query(
        "province_code == '48' and year == 2020 and measure == 'overall'").iloc[0]
    assert da_nang["rank"] == 1 and da_nang["score"] == pytest.approx(0.4874)
    refs = da_nang["source_ref"].replace(", ", "; ").split("; ")
    assert any(ref.endswith("reported_overall.csv:1") for ref in refs)  # still a rank source


def test_a_review_decision_that_matches_no_row_is_named(tmp_path: Path, monkeypatch):
    from helpers import config

    decisions = tmp_path / "review_decisions.csv"
    lines = config.REVIEW_DECISIONS_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append("dti/reported_pillars.csv,2021,Nowhere Province,kinh_te_so,9,drop,invented\n")
    decisions.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(config, "REVIEW_DECISIONS_CSV", decisions)
    with pytest.raises(DataValidationError) as caught:
        rankings.clean()
    message = str(caught.value)
    assert message.startswith("1 problem"), message
    assert f"review_decisions.csv, row {len(lines) - 1}" in message
    assert "matches no row of dti/reported_pillars.csv" in message
