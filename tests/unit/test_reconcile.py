"""One small fixture per reconciliation rule: invented figures for a few provinces, no raw files.

Every number here is made up for the test; only the province codes and the 2025 merger
(Bắc Ninh 27 + Bắc Giang 24 = unit U27, Lào Cai 10 + Yên Bái 15 = unit U10) are real.
"""

from __future__ import annotations

import json

import pytest

from helpers import rankings, reasons
from helpers.rankings import Obs, Reconciler


def obs(code: str, year: int, *, rank: int | None = None, score: float | None = None,
        measure: str = "overall", basis: int | None = 63, url: str = "https://press.example/a",
        origin: str = "reported", decimals: int = 4, row: int = 1, name: str = "") -> Obs:
    """Return one invented published figure."""
    return Obs("invented.csv", row, "test_source", url, "", name or code, code, basis, year,
               measure, rank, score, decimals, origin)


def scores(year: int, values: dict[str, float], measure: str = "overall") -> list[Obs]:
    """Return a score table's figures for one year (official scores, no ranks)."""
    return [obs(c, year, score=s, measure=measure, origin="official", row=i, url="")
            for i, (c, s) in enumerate(values.items(), start=1)]


def entry(rec: Reconciler, code: str, year: int, measure: str = "overall", basis: int = 63):
    """Return the clean entry of one key."""
    return rec.entries[(code, basis, year, measure)]


def codes(rec: Reconciler) -> list[str]:
    """Return the reason codes of the conflicts found, in order."""
    return [c["reason_code"] for c in rec.conflicts]


# -- rule 1: complete years ------------------------------------------------------------------
def test_rule1_ranks_are_derived_from_scores_and_ties_share_the_best_rank():
    rec = Reconciler()
    rec.add_scores(scores(2023, {"01": 0.70, "79": 0.80, "48": 0.70, "27": 0.60}))
    assert [entry(rec, c, 2023).rank for c in ("79", "01", "48", "27")] == [1, 2, 2, 4]
    assert entry(rec, "79", 2023).rank_origin == "derived"
    assert entry(rec, "79", 2023).score_origin == "official"


def test_rule1_an_official_rank_wins_over_the_derived_one_and_the_difference_is_a_conflict():
    rec = Reconciler()
    rec.add_scores(scores(2022, {"01": 0.70, "79": 0.80}))
    rec.add_official([obs("01", 2022, rank=1, origin="official", url="https://dti.gov.vn/x")])
    assert (entry(rec, "01", 2022).rank, entry(rec, "01", 2022).rank_origin) == (1, "official")
    assert codes(rec) == ["official_rank_differs"]
    assert json.loads(rec.conflicts[0]["reason_params"]) == {"official": 1, "derived": 2}


def test_rule1_a_34_unit_official_table_enters_on_the_34_basis():
    rec = Reconciler()
    rec.add_official([obs("U27", 2025, rank=1, score=0.9, basis=34, origin="official"),
                      obs("U10", 2025, rank=2, score=0.8, basis=34, origin="official")])
    assert entry(rec, "U10", 2025, basis=34).rank == 2
    assert not rec.conflicts


# -- rule 2: the 34 units of the merger year ---------------------------------------------------
def test_rule2_a_unit_is_the_mean_of_its_predecessors_ranked_among_the_units():
    rec = Reconciler()
    rec.add_scores(scores(2024, {"27": 0.70, "24": 0.60, "10": 0.50, "15": 0.90, "01": 0.4}))
    assert rankings.derivable_years(rec) == [2024]
    rankings.add_units(rec, 2024)
    assert entry(rec, "U27", 2024, basis=34).score == pytest.approx(0.65)
    assert entry(rec, "U10", 2024, basis=34).score == pytest.approx(0.70)
    assert entry(rec, "U10", 2024, basis=34).rank == 1
    assert entry(rec, "U27", 2024, basis=34).rank == 2
    assert ("U01", 34, 2024, "overall") in rec.entries  # Hà Nội is a unit on its own
    assert ("U33", 34, 2024, "overall") not in rec.entries  # no predecessor scored


def test_rule2_published_unit_figures_are_checked_against_the_derived_means():
    rec = Reconciler()
    rec.add_scores(scores(2024, {"27": 0.70, "24": 0.60}))
    rankings.add_units(rec, 2024)
    rankings.check_units(rec, [obs("U27", 2024, score=0.65, basis=34),
                               obs("U27", 2024, score=0.66, basis=34, row=2)])
    assert [c["reason_code"] for c in rec.unit_checks] == ["unit_agrees", "unit_disagrees"]


# -- rule 3: reported rows against official or derived values ---------------------------------
def test_rule3_an_agreeing_report_corroborates_at_its_printed_precision():
    rec = Reconciler()
    rec.add_scores(scores(2023, {"01": 0.7012, "79": 0.8}))
    rec.add_reported([obs("01", 2023, rank=2, score=0.70, decimals=2)])
    assert entry(rec, "01", 2023).n_sources == 2
    assert not rec.conflicts


def test_rule3_a_disagreeing_report_is_a_conflict_and_the_derived_value_stays():
    rec = Reconciler()
    rec.add_scores(scores(2023, {"01": 0.70, "79": 0.80}))
    rec.add_reported([obs("01", 2023, rank=1)])
    assert entry(rec, "01", 2023).rank == 2
    assert codes(rec) == ["matches_nothing"]
    assert rec.conflicts[0]["kind"] == "disagrees_with_derived"


def test_rule3_a_dti_gov_vn_row_counts_as_official():
    rec = Reconciler()
    rec.add_reported([obs("01", 2021, rank=3, origin="official")])
    assert entry(rec, "01", 2021).rank_origin == "official"


# -- rule 4: reported-only figures -------------------------------------------------------------
def test_rule4_agreeing_sources_collapse_to_one_reported_row():
    rec = Reconciler()
    rec.add_reported([obs("48", 2020, rank=1, url="https://a.example"),
                      obs("48", 2020, rank=1, score=0.4874, url="https://b.example", row=2)])
    kept = entry(rec, "48", 2020)
    assert (kept.rank, kept.score, kept.n_sources, kept.rank_origin) == (1, 0.4874, 2, "reported")


def test_rule4_disagreeing_sources_leave_the_value_empty_and_list_both():
    rec = Reconciler()
    rec.add_reported([obs("91", 2020, rank=8, url="https://a.example"),
                      obs("91", 2020, rank=9, url="https://b.example", row=2)])
    assert ("91", 63, 2020, "overall") not in rec.entries
    assert codes(rec) == ["sources_disagree"]
    assert (rec.conflicts[0]["kept_value"], rec.conflicts[0]["other_value"]) == ("8", "9")


# -- rule 5: doubtful rows -----------------------------------------------------------------------
def test_rule5_a_pillar_equal_to_its_activity_index_is_withheld():
    rec = Reconciler()
    rec.add_scores(scores(2023, {"08": 0.7089, "01": 0.8}, measure="hd_chinh_quyen_so"))
    rec.add_reported([obs("08", 2023, score=0.7089, measure="chinh_quyen_so")])
    assert ("08", 63, 2023, "chinh_quyen_so") not in rec.entries
    assert codes(rec) == ["activity_index_as_pillar"]


def test_rule5_a_last_year_figure_marks_its_source_and_withholds_its_other_figures():
    rec = Reconciler()
    rec.add_scores(scores(2023, {"42": 0.50, "01": 0.60, "79": 0.70}))
    rec.add_scores(scores(2024, {"42": 0.70, "01": 0.60, "79": 0.50}))
    same_article = "https://press.example/wrong-year"
    rec.add_reported([obs("42", 2024, rank=3, url=same_article),
                      obs("42", 2024, rank=5, measure="the_che_so", url=same_article, row=2)])
    assert codes(rec) == ["matches_other_year", "source_year_doubtful"]
    assert json.loads(rec.conflicts[0]["reason_params"])["year"] == 2023
    assert ("42", 63, 2024, "the_che_so") not in rec.entries


def test_rule5_a_row_without_basis_goes_to_the_one_basis_it_fits_else_is_dropped():
    rec = Reconciler()
    rec.add_scores(scores(2024, {"27": 0.70, "24": 0.60, "10": 0.50, "15": 0.90}))
    rankings.add_units(rec, 2024)
    fits_unit = obs("27", 2024, score=0.65, basis=None, name="Bắc Ninh")
    fits_none = obs("10", 2024, score=0.11, basis=None, name="Lào Cai", row=2)
    rec.add_reported([fits_unit, fits_none])
    assert entry(rec, "U27", 2024, basis=34).n_sources == 2
    assert [d["reason_code"] for d in rec.dropped] == ["basis_fits_neither"]


def test_every_reason_code_has_both_wordings_that_fill_from_its_parameters():
    for code, wording in reasons.WORDING.items():
        assert set(wording) == set(reasons.LANGS), code
        assert wording["en"] != wording["vi"] or "{" in wording["en"], code
    with pytest.raises(KeyError, match="unknown reason code"):
        reasons.word("no_such_code")


# -- reported rank changes -----------------------------------------------------------------------
def test_a_reported_change_is_checked_on_the_basis_of_its_year():
    rec = Reconciler()
    rec.add_scores(scores(2024, {"27": 0.70, "24": 0.60, "10": 0.50, "15": 0.90}))
    rankings.add_units(rec, 2024)  # U10 first (0.70), U27 second (0.65)
    rec.add_official([obs("U27", 2025, rank=1, basis=34, origin="official"),
                      obs("U10", 2025, rank=2, basis=34, origin="official")])
    ranked = rec.table()
    assert rankings.check_change(ranked, "U27", 2025, "overall", 2024, 1)[2:4] == (
        "consistent", "change_consistent")
    before, after, status, code, params = rankings.check_change(
        ranked, "U10", 2025, "overall", 2024, 3)
    assert (before, after, status, code) == (1, 2, "inconsistent", "change_inconsistent")
    assert reasons.word(code, params, "en") == \
        "reported change +3, but 2024: 1 -> 2025: 2 is -1"
    assert rankings.check_change(ranked, "27", 2025, "overall", 2024, 1)[2:4] == (
        "not verifiable", "change_rank_missing")
