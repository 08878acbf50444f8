"""Targets and claims from press facts, checked against the clean rankings."""

import pandas as pd
import pytest

from helpers import rankings
from helpers.targets import press_targets as targets


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
     ({"year": 2025, "denominator": None}, "basis"),
     ({"year": 2022, "fact_type": "pillar_rank", "pillar": "kinh_te_so", "value": 5.0},
      "no kinh_te_so rank for 2022"),
     ({"year": 2022, "fact_type": "indicator", "pillar": "", "qualifier": "non_dti_rank"},
      "no table of this index"),
     ({"year": 2022, "fact_type": "dti_rank", "pillar": "", "indicator_text": "Đô thị xanh"},
      "not one of the eight main indices")],
)
def test_claims_that_cannot_be_checked_say_why(ranked, fields, reason):
    claims = targets.check_claims(frame(fact(**fields)), ranked)
    assert claims.loc[0, "status"] == "not verifiable"
    assert reason in claims.loc[0, "why"]


def test_a_2024_rank_without_its_basis_is_read_as_the_34_unit_ranking(ranked):
    # LABELING.md section 6: a 2024 rank with no marker is the 34-unit ranking
    claims = targets.check_claims(frame(fact(province="Lào Cai", year=2024, value=14.0,
                                             denominator=None)), ranked)
    assert claims.loc[0, "status"] == "consistent"


def test_a_34_basis_claim_is_checked_against_the_unit(ranked):
    claims = targets.check_claims(frame(fact(province="Lào Cai", year=2024, value=14.0,
                                             denominator=34.0)), ranked)
    assert claims.loc[0, "status"] == "consistent"
    assert (claims.loc[0, "basis"], claims.loc[0, "checked_against"]) == (34, "derived")


@pytest.mark.parametrize(
    ("fields", "against", "independent"),
    [({"year": 2022}, "official", True),  # the ministry's 2022 table
     ({"year": 2023, "value": 9.0}, "derived", True),  # sorted from the published scores
     # Bắc Giang's 2020 pillar ranks are held from its own newspaper only
     ({"province": "Bắc Giang", "year": 2020, "fact_type": "pillar_rank",
       "pillar": "kinh_te_so", "value": 14.0, "source_hint": "stttt.bacgiang.gov.vn"},
      "own_press", False),
     ({"province": "Bắc Giang", "year": 2020, "fact_type": "pillar_rank",
       "pillar": "kinh_te_so", "value": 14.0,
       "source_hint": "http://m.en.baobacgiang.com.vn/bg/business/1.html"},
      "same_publisher", False),
     ({"year": None}, "none", False)],
)
def test_stage_11_writes_what_each_claim_was_checked_against(ranked, fields, against,
                                                             independent):
    claims = targets.check_claims(frame(fact(**fields)), ranked)
    assert claims.loc[0, "checked_against"] == against
    assert bool(claims.loc[0, "independent"]) is independent


def test_a_rank_many_outlets_reported_is_checked_independently_even_from_one_of_them(ranked):
    # Bắc Giang's 2020 overall rank is held from several outlets: one of them claiming it is
    # still checked against the others
    claims = targets.check_claims(frame(fact(province="Bắc Giang", year=2020, value=10.0,
                                             source_hint="http://m.en.baobacgiang.com.vn/x")),
                                  ranked)
    assert claims.loc[0, "checked_against"] == "reported"


def test_source_hosts_drop_the_mobile_and_language_prefixes():
    assert targets.source_host("http://m.en.baobacgiang.com.vn/bg/a.html") == "baobacgiang.com.vn"
    assert targets.source_host("Sở TT&TT Bắc Ninh") == ""


def test_targets_compute_the_ratio_and_whether_met(ranked):
    table = targets.targets(frame(
        fact(fact_type="target_attainment", pillar="", value=82.0, target=80.0, unit="%",
             denominator=None, year=2024),
        fact(fact_type="target_attainment", pillar="", value=30.0, target=45.0, unit="%",
             denominator=None, year=2024),
        fact(fact_type="target_attainment", value=23.0, target=None, unit="mục tiêu",
             denominator=34.0, year=2025),
        fact(fact_type="target_attainment", value=None, target=90.0, unit="%",
             denominator=None, year=2025, qualifier="target_only"),
        fact(fact_type="target_attainment", pillar="overall", value=None, target=15.0,
             unit="rank", denominator=None, year=2022, qualifier="target_only")), ranked)
    attain = table[table.kind == "attainment"]
    assert attain["attainment_ratio"].round(3).tolist() == [1.025, 0.667]
    assert attain["met"].tolist() == [True, False]
    tally = table[table.kind == "tally"].iloc[0]  # "23 of 34 targets met": a tally, not a miss
    assert (tally["achieved"], tally["target"], pd.isna(tally["met"])) == (23.0, 34.0, True)
    assert tally["how_judged"] == "targets met of the number set"
    only_target = table[table.kind == "goal"].iloc[0]
    assert (only_target["target"], pd.isna(only_target["met"])) == (90.0, True)
    assert "target only" in only_target["how_judged"]
    rank_goal = table[table.kind == "rank"].iloc[0]
    assert (rank_goal["achieved"], bool(rank_goal["met"])) == (7.0, True)


def test_a_main_indicator_rank_is_checked_against_its_index(ranked):
    claims = targets.check_claims(frame(fact(year=2022, pillar="", value=3.0,
                                             indicator_text="DTI main-indicator rank: Hạ tầng số")),
                                  ranked)
    assert claims.loc[0, "measure"] == "ha_tang_so"
    assert claims.loc[0, "status"] in ("consistent", "inconsistent")


def test_extracted_facts_in_the_labelling_schema_become_press_facts():
    from helpers import press
    article = press.Article("a.txt", "", "2024-01-05", "", press.clean_text(
        "Năm 2022, Bắc Ninh xếp thứ 7/63 về DTI. DTI quốc gia đạt 0,6500."))
    extracted = press.facts_frame(press.extract(article))
    manifest = pd.DataFrame({"file": ["a.txt"], "published": ["2024-01-05"],
                             "source_hint": ["test"]})
    shaped = targets.from_extracted(extracted, manifest)
    assert shaped[["article_id", "province", "fact_type", "value"]].values.tolist() == [
        ["a.txt", "Bắc Ninh", "dti_rank", 7.0]], "national aggregates are not provinces"


def test_coverage_counts_provinces_per_kind_of_press_fact(ranked):
    facts = frame(fact(year=2022),
                  fact(province="Lào Cai", fact_type="target_attainment", pillar="", value=None,
                       target=90.0, unit="%", denominator=None, year=2025))
    tables = {"targets": targets.targets(facts, ranked),
              "claims": targets.check_claims(facts, ranked)}
    assert targets.coverage(tables) == {"rank target": 0, "targets stated": 1,
                                        "attainment figures": 0, "claims checked": 1}


def test_extracted_facts_already_reviewed_are_not_added_twice():
    reviewed = targets.load_reviewed()
    again = reviewed.iloc[:3].assign(origin="extracted")
    new_one = frame(fact(article_id="zzz.txt", year=2022))
    everything, new = targets.combine(reviewed, pd.concat([again, new_one], ignore_index=True))
    assert len(new) == 1 and len(everything) == len(reviewed) + 1


@pytest.mark.parametrize(("article", "hint", "kind"), [
    ("12_langson_2025_kehoach333.txt", "https://x.vn/Ke-hoach-333-KH-UBND-2025.html", "plan"),
    ("a.txt", "Kế hoạch số 12/KH-UBND", "plan"),
    ("a.txt", "https://en.vietnamplus.vn/binh-phuoc-targets-20.vnp", "press")])
def test_a_source_that_names_a_plan_is_called_a_plan(article, hint, kind):
    assert targets.document_kind(article, hint) == kind


def test_a_figure_printed_before_its_targets_year_is_a_position_not_a_verdict(ranked):
    """7.18% printed in 2033 against 10% by 2035 is not 'not met' (nor met); printed in 2035,
    or undated, it is judged."""
    share = dict(fact_type="target_attainment", pillar="", value=7.18, target=10.0, unit="%",
                 denominator=None, year=2035, indicator_text="target: digital economy share")
    table = targets.targets(frame(fact(**share, published="2033-11-28"),
                                  fact(**share, published="2035-12", article_id="b.txt"),
                                  fact(**share, published="", article_id="c.txt")), ranked)
    assert table[["kind", "met"]].astype(object).values.tolist() == [
        ["goal", pd.NA], ["attainment", False], ["attainment", False]]
    assert table["achieved"].tolist() == [7.18] * 3
