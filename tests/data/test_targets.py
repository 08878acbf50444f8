"""Targets and claims from press facts, checked against the clean rankings."""

import pandas as pd
import pytest

from helpers import rankings, targets


@pytest.fixture(scope="module")
def ranked() -> pd.DataFrame:
    return rankings.clean().rankings


def fact(**fields) -> dict:
    base = {"article_id": "a.txt", "province": "Bắc Ninh", "published": "2024-01",
            "source_hint": "test", "year": None, "year_basis": "", "fact_type": "dti_rank",
            "pillar": "overall", "indicator_text": "", "value": 7.0, "target": None,
            "unit": "rank", "denominator": 63.0, "qualifier": "", "origin": "extracted",
            "source_id": "press_articles"}
    base.update(fields)
    return base


def frame(*facts) -> pd.DataFrame:
    table = pd.DataFrame(list(facts), columns=targets.FACT_COLUMNS)
    return targets._typed(table)


def test_the_reviewed_facts_load_with_their_sources():
    reviewed = targets.load_reviewed()
    assert len(reviewed) >= 50
    assert set(reviewed["origin"]) == {"reviewed"}
    assert reviewed["source_hint"].str.len().gt(0).all()


def test_bac_ninh_2022_rank_7_is_consistent(ranked):
    claims = targets.check_claims(frame(fact(year=2022)), ranked)
    assert claims.loc[0, "status"] == "consistent"
    assert claims.loc[0, "official_rank"] == 7


def test_a_rank_given_under_the_publication_year_is_inconsistent_and_says_why(ranked):
    claims = targets.check_claims(frame(fact(year=2023)), ranked)
    assert claims.loc[0, "status"] == "inconsistent"
    assert "is the 2022 rank" in claims.loc[0, "why"]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"year": None}, "no assessment year"),
     ({"year": 2024, "denominator": None}, "basis"),
     ({"year": 2022, "fact_type": "pillar_rank", "pillar": "kinh_te_so", "value": 5.0},
      "no kinh_te_so rank for 2022"),
     ({"year": 2022, "fact_type": "other_index_rank", "pillar": ""}, "no table of this index")],
)
def test_claims_that_cannot_be_checked_say_why(ranked, fields, reason):
    claims = targets.check_claims(frame(fact(**fields)), ranked)
    assert claims.loc[0, "status"] == "not verifiable"
    assert reason in claims.loc[0, "why"]


def test_a_34_basis_claim_is_checked_against_the_unit(ranked):
    claims = targets.check_claims(frame(fact(province="Lào Cai", year=2024, value=14.0,
                                             denominator=34.0)), ranked)
    assert claims.loc[0, "status"] == "consistent"


def test_targets_compute_the_ratio_and_whether_met(ranked):
    table = targets.targets(frame(
        fact(fact_type="target_attainment", pillar="", value=82.0, target=80.0, unit="%",
             denominator=None, year=2024),
        fact(fact_type="target_attainment", pillar="", value=30.0, target=45.0, unit="%",
             denominator=None, year=2024),
        fact(fact_type="rank_target", value=15.0, year=2022)), ranked)
    attain = table[table.kind == "attainment"]
    assert attain["attainment_ratio"].round(3).tolist() == [1.025, 0.667]
    assert attain["met"].tolist() == [True, False]
    rank_goal = table[table.kind == "rank"].iloc[0]
    assert (rank_goal["achieved"], bool(rank_goal["met"])) == (7.0, True)


def test_extracted_facts_already_reviewed_are_not_added_twice():
    reviewed = targets.load_reviewed()
    again = reviewed.iloc[:3].assign(origin="extracted")
    new_one = frame(fact(article_id="zzz.txt", year=2022))
    everything, new = targets.combine(reviewed, pd.concat([again, new_one], ignore_index=True))
    assert len(new) == 1 and len(everything) == len(reviewed) + 1
