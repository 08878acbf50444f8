"""The clean rankings reproduce the published facts and list every disagreement."""

import pandas as pd
import pytest

from helpers import rankings


@pytest.fixture(scope="module")
def result() -> rankings.CleanResult:
    return rankings.clean()


def value(table: pd.DataFrame, code: str, year: int, measure: str = "overall", basis: int = 63):
    rows = table[(table.province_code == code) & (table.year == year)
                 & (table.measure == measure) & (table.basis == basis)]
    assert len(rows) == 1, (code, year, measure, basis)
    return rows.iloc[0].to_dict()


def test_complete_years_hold_all_63_provinces_and_34_units(result):
    overall = result.rankings[result.rankings.measure == "overall"]
    counts = overall.groupby(["basis", "year"]).province_code.nunique()
    assert counts[(63, 2022)] == counts[(63, 2023)] == counts[(63, 2024)] == 63
    assert counts[(34, 2024)] == 34


def test_official_2022_ranks_win_and_keep_their_tie(result):
    table = result.rankings
    assert value(table, "27", 2022)["rank"] == 7
    assert value(table, "27", 2022)["rank_origin"] == "official"
    assert value(table, "38", 2022)["rank"] == value(table, "15", 2022)["rank"] == 15
    assert value(table, "93", 2022)["rank"] == 17  # after the tie at 15, no 16th place
    assert not (result.conflicts.kind == "official_vs_derived").any()


def test_2023_and_2024_ranks_are_derived_from_the_scores(result):
    table = result.rankings
    bac_ninh = value(table, "27", 2024)
    assert (bac_ninh["rank"], bac_ninh["rank_origin"], bac_ninh["score_origin"]) == \
        (21, "derived", "official")
    assert value(table, "79", 2024)["rank"] == 1
    assert value(table, "48", 2024)["rank"] == 2
    assert value(table, "46", 2023)["rank"] == 3
    assert value(table, "01", 2023)["rank"] == 6


def test_merged_units_are_means_of_their_predecessors_and_match_the_press(result):
    table = result.rankings
    assert value(table, "U31", 2024, basis=34)["score"] == pytest.approx(0.7857, abs=5e-5)
    assert value(table, "U48", 2024, basis=34)["score"] == pytest.approx(0.7069, abs=5e-5)
    assert value(table, "U10", 2024, basis=34)["score"] == pytest.approx(0.7167, abs=5e-5)
    assert value(table, "U01", 2024, basis=34)["rank"] == 1
    assert value(table, "U48", 2024, basis=34)["rank"] == 17
    checks = result.tables["unit_checks"]
    assert len(checks) > 40
    assert (checks[checks.status != "no derived value"].status == "agrees").all()


def test_reported_rows_that_agree_collapse_to_one_row(result):
    da_nang_2020 = value(result.rankings, "48", 2020)
    assert da_nang_2020["rank"] == 1 and da_nang_2020["origin"] == "reported"
    assert da_nang_2020["n_sources"] >= 3


def test_the_known_disagreements_are_listed(result):
    conflicts = result.conflicts
    wrong_year = conflicts[(conflicts.kind == "disagrees_with_derived")
                           & (conflicts.measure == "overall") & (conflicts.year == 2024)]
    assert {"11", "42"} <= set(wrong_year.province_code)
    assert set(wrong_year.reason_code) == {"matches_other_year"}
    assert set(wrong_year.reason_params) == {'{"origin": "derived", "year": 2023}'}
    assert wrong_year.explanation.str.contains("equals the 2023 value").all()
    assert set(conflicts[conflicts.kind == "mislabelled_measure"].province_code) == {"08"}
    kien_giang = conflicts[(conflicts.province_code == "91") & (conflicts.year == 2020)]
    assert set(kien_giang.kept_value) | set(kien_giang.other_value) == {"8", "9"}
    kept = result.rankings[(result.rankings.province_code == "91")
                           & (result.rankings.year == 2020)]
    assert kept.empty or kept["rank"].isna().all()


def test_wrong_year_figures_stay_out_of_the_clean_table(result):
    assert value(result.rankings, "11", 2024)["rank"] != 24
    ha_tinh_2024 = result.rankings[(result.rankings.province_code == "42")
                                   & (result.rankings.year == 2024)]
    assert set(ha_tinh_2024.rank_origin) == {"derived"}


def test_every_dropped_row_says_why(result):
    dropped = result.tables["dropped"]
    assert dropped.reason.str.len().gt(10).all()
    unstated = dropped[dropped.reason_code == "year_not_stated"]
    assert list(unstated.year) == ["unknown"]
    assert unstated.reason.iloc[0] == "assessment year not stated by the source"


def test_inconsistent_rank_changes_are_conflicts(result):
    changes = result.tables["change_checks"]
    yen_bai = changes[(changes.province_code == "15") & (changes.year == 2021)].iloc[0]
    assert yen_bai.status == "inconsistent"
    assert (result.conflicts.kind == "change_inconsistent").sum() == \
        (changes.status == "inconsistent").sum()


def test_the_wrong_year_source_is_withheld_by_code_not_wording(result):
    withheld = result.conflicts[result.conflicts.reason_code == "source_year_doubtful"]
    assert set(withheld.province_code) == {"42"}
    assert set(withheld.year) == {2024}


def test_years_parameter_limits_the_output():
    only = rankings.clean(years=[2022])
    assert set(only.rankings.year) == {2022}


def test_every_reason_emitted_is_worded_in_english_and_vietnamese(result):
    from helpers import reasons

    emitted = 0
    for name in ("conflicts", "dropped", "unit_checks", "change_checks"):
        table = result.tables[name]
        for code, params in zip(table.reason_code, table.reason_params, strict=True):
            english, vietnamese = (reasons.word(code, params, lang) for lang in ("en", "vi"))
            assert english and vietnamese and english != vietnamese, (name, code)
            assert "{" not in english + vietnamese, (name, code)
            emitted += 1
    assert emitted == sum(len(result.tables[n]) for n in
                          ("conflicts", "dropped", "unit_checks", "change_checks"))
