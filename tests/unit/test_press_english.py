"""English mechanisms of the press extractor and the ablation (sentences written for the tests)."""

import re
from pathlib import Path

import pytest
from conftest import write_folder

from helpers import press
from helpers.press import ablate, english

SHARED_SCORER = Path(__file__).resolve().parents[3] / "shared" / "press" / "score.py"


def facts(text: str, province: str = "Quảng Trị"):
    article = press.Article("t.txt", province, "2024-05-10", "", press.clean_text(text))
    return [(f.province, f.year, f.fact_type, f.pillar, f.value) for f in press.extract(article)]


@pytest.mark.parametrize(("text", "key"), [
    ("Ministries and ministerial-level agencies averaged 0.51.", "bloc"),
    ("The group of ministries scored 0.47 on average.", "bloc"),
    ("Nationwide, the provincial average reached 0.56.", "national"),
    ("The average DTI score across the 63 provinces was 0.56.", "national"),
    ("The provincial bloc averaged 0.55.", "province_bloc"),
])
def test_aggregates_are_found_whatever_their_case(text, key):
    assert key in [a.key for a in english.aggregate(text)]


def test_nationwide_after_a_rank_is_no_subject():
    assert english.aggregate("Ha Tinh ranked 30th nationwide and 2nd in the region.") == []


@pytest.mark.parametrize(("after", "scope"), [
    (" among the North Central provinces.", "region"),
    ("-highest among the six Mekong Delta provinces", "region"),
    (" in the Central Highlands region", "region"),
    (" trong các tỉnh vùng Tây Nguyên", "region"),
    (" among its 9 districts", "districts"),
    (" among the province's departments", "units"),
    (" among ministries and agencies", "units"),
    (" year in a row", "occurrence"),
    (" consecutive time", "occurrence"),
    (" in the 2023 DTI", ""),
    (" out of 63 provinces", ""),
])
def test_a_position_is_placed_in_its_scope(after, scope):
    sentence = "Gia Lai ranked 3rd" + after
    assert english.not_a_rank(sentence, len("Gia Lai ranked 3rd")) == scope


def test_a_count_of_provinces_as_subject_is_a_group_not_a_rank():
    sentence = "Seven provinces ranked first in at least one pillar"
    at = sentence.index("first")
    assert english.not_a_rank(sentence, at + 5, at) == "group"
    assert english.not_a_rank("Son La ranked first", 19, 14) == ""
    assert facts(sentence, "") == []


def test_gapping_gives_each_name_the_ordinal_after_it():
    found = english.positions("Hanoi ranked second, Quang Ninh third and Hai Phong fourth.")
    assert [p.value for p in found] == [3, 4]
    verbless = english.positions("The 2022 rankings saw Quang Ninh first, Da Nang second.")
    assert [p.value for p in verbless] == [1, 2]
    assert english.positions("Quang Ninh ranked first for the third time.") == []


@pytest.mark.parametrize(("sentence", "typed"), [
    ("the best result since the 2020 edition", "comparison"),
    ("three places higher than in 2021", "comparison"),
    ("ranking 30th, compared with 0.4812 and 41st place in 2022", "comparison"),
    ("At Vietnam Digital Transformation Day 2024", "event"),
    ("The Mekong Delta Digital Transformation Forum 2023", "event"),
    ("ranked 12th in the 2023 DTI", ""),
    ("compared to 63 provinces and cities nationwide, in 2020", ""),
])
def test_english_years_are_typed(sentence, typed):
    year = list(re.finditer(r"20\d\d", sentence))[-1]
    assert english.year_type(sentence, year.start()) == typed


def test_each_mechanism_switches_off_and_back_on():
    text = "Ministries and ministerial-level agencies averaged 0.5123 in 2023."
    assert facts(text)[0][0] == "Toàn quốc (khối bộ, ngành)"
    with ablate.switched_off("English aggregates (national, ministry and province blocs)"):
        assert facts(text)[0][0] == "Quảng Trị"
    assert facts(text)[0][0] == "Toàn quốc (khối bộ, ngành)"
    gapped = "Hanoi ranked second, Quang Ninh third and Hai Phong fourth in the 2023 DTI."
    with ablate.switched_off("English gapped positions ('A second, B third')"):
        assert [f[4] for f in facts(gapped, "")] == [2.0]
    for name in ablate.MECHANISMS:  # every mechanism names functions that exist
        with ablate.switched_off(name):
            pass
    assert len(facts(gapped, "")) == 3


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="no ../shared/press beside the checkout")
def test_ablation_counts_the_true_positives_a_mechanism_resolves(tmp_path):
    text = "Hanoi ranked second, Quang Ninh third and Hai Phong fourth in the 2023 DTI."
    write_folder(tmp_path, {"a.txt": text.encode()}, [("a.txt", "")])
    (tmp_path / "expected_facts.csv").write_text(
        "file,province,year,fact_type,pillar,value,target,denominator\n"
        "a.txt,Hà Nội,2023,dti_rank,overall,2,,\na.txt,Quảng Ninh,2023,dti_rank,overall,3,,\n"
        "a.txt,Hải Phòng,2023,dti_rank,overall,4,,\n", encoding="utf-8")
    rows = {r["mechanism"]: r for r in ablate.ablate(tmp_path, SHARED_SCORER)}
    assert rows["(all on)"]["overall"] == 3
    assert rows["English gapped positions ('A second, B third')"]["dti_rank"] == 2
    assert "English gapped positions" in ablate.ablation_table(list(rows.values()))


def test_reviewed_facts_are_described_without_article_text():
    from helpers.press import review
    row = {"fact_type": "pillar_rank", "pillar": "kinh_te_so", "unit": "rank", "denominator": "",
           "target": ""}
    assert review.describe(row) == "DTI pillar rank (kinh_te_so)"
    target = {**row, "fact_type": "target_attainment", "pillar": "", "unit": "%"}
    assert review.describe(target, "digital signatures") == "target: digital signatures (%)"
    met = {**target, "unit": "chỉ tiêu", "denominator": "15"}
    assert review.describe(met) == "targets met of those set"
    other = {**row, "fact_type": "indicator", "pillar": "", "notes": "tags=non_dti_rank"}
    assert review.describe(other) == "rank in another index than the DTI"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="no ../shared/press beside the checkout")
def test_review_keeps_the_labelled_facts_found_and_says_what_it_left_out(tmp_path):
    from helpers.press import review
    write_folder(tmp_path, {"a.txt": "Năm 2023, Gia Lai xếp thứ 14/63 và tăng 3 bậc.".encode(),
                            "b.txt": "Năm 2023, Kon Tum xếp thứ 50/63.".encode()},
                 [("a.txt", "Gia Lai"), ("b.txt", "Kon Tum")])
    (tmp_path / "expected_facts.csv").write_text(
        "file,province,year,fact_type,pillar,indicator_text,value,target,unit,denominator\n"
        "a.txt,Gia Lai,2023,dti_rank,overall,x,14,,rank,63\n"
        "a.txt,Gia Lai,2023,rank_change,overall,x,3,,rank,\n"
        "a.txt,Gia Lai,2023,indicator,,x,99,,%,\n"
        "b.txt,Kon Tum,2023,dti_rank,overall,x,50,,rank,63\n", encoding="utf-8")
    table, left_out = review.review(tmp_path, SHARED_SCORER)
    assert table[["province", "indicator_text", "value"]].values.tolist() == [
        ["Gia Lai", "DTI rank", "14"], ["Gia Lai", "DTI rank change", "3"],
        ["Kon Tum", "DTI rank", "50"]]
    assert left_out[0].startswith("1 labelled fact")


def test_a_year_printed_after_one_figure_is_that_figures_own():
    assert english.own_year("Hue came 3rd in 2022.", len("Hue came 3rd in "))
    sentence = "Hue rose to 9th in the 2023 provincial index."
    assert not english.own_year(sentence, sentence.index("2023"))
