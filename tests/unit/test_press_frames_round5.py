"""Target frames, tallies and counts of issue 20's round five, on sentences written for the tests
(other provinces and numbers than any press text); the full expected rows are in
``cases/press_round5.jsonl``."""

from helpers import press
from helpers.press import ablate, frames, goals, indicators


def facts(text: str, home: str = "Hà Tĩnh", published: str = "2023-04-10") -> list[tuple]:
    """Return (type, value, target, year) of each fact of a text."""
    article = press.Article("t.txt", home, published, "", press.clean_text(text))
    return [(f.fact_type, f.value, f.target, f.year) for f in press.extract(article)]


PLAN_LIST = ("Mục tiêu đến năm 2026:\n- 100% hồ sơ cấp huyện được xử lý trên môi trường mạng;\n"
             "- 75% hộ gia đình có cáp quang.\nNăm 2022, 41% hộ gia đình có cáp quang.")


def test_a_heading_that_opens_a_plan_carries_its_targets_and_due_year_over_its_list():
    assert facts(PLAN_LIST) == [("target_attainment", None, 100.0, 2026),
                                ("target_attainment", None, 75.0, 2026),
                                ("indicator", 41.0, None, 2022)]


def test_a_list_under_a_results_heading_stays_results():
    text = "Kết quả năm 2022:\n- Tỷ lệ thanh toán số đạt 33%;\n- Kinh tế số chiếm 8% GRDP."
    assert [f[0] for f in facts(text)] == ["indicator", "indicator"]


def test_a_list_continues_only_over_items():
    frame = frames.Frame(line=3, year=2026, listing=True)
    assert frames.continues(frame, 3, "The main targets by 2026 are:", "92% of services online;")
    assert frames.continues(frame, 3, "92% of services online;", "The economy is 18% of GRDP.")
    assert frames.continues(frame, 3, "a) 50% thanh toán số,", "b) 17% GRDP")
    assert frames.continues(frame, 3, "Firstly, 90% of records are digitised.",
                            "Secondly, the digital economy makes up 21% of GRDP.")
    assert frames.continues(frame, 3, "Thứ nhất, 90% hồ sơ được số hóa.", "Thứ hai, 21% GRDP.")
    assert not frames.continues(frame, 3, "85% of adults own a smartphone.", "In 2022, 61% did.")
    assert not frames.continues(frames.Frame(line=3, year=2026), 3, "Targets:", "- 90%;")
    assert not frames.continues(frame, 2, "Targets:", "- 90%;")  # the frame is not that line's


def test_switching_plan_lists_off_reads_the_items_as_results():
    with ablate.switched_off("plan lists (a heading ending in ':' over its items)"):
        assert [f[0] for f in facts(PLAN_LIST)] == ["indicator"] * 3


def test_a_tally_after_its_total_counts_targets_with_the_noun_left_out():
    text = "Of the 18 targets, 11 have been achieved, 5 are on track and 2 are unlikely to be met."
    found = press.extract(press.Article("t.txt", "Điện Biên", "", "", text))
    assert [(f.fact_type, f.value, f.denominator) for f in found] == [
        ("target_attainment", 11.0, 18.0), ("indicator", 5.0, 18.0), ("indicator", 2.0, 18.0)]
    assert [f.tag for f in found][1:] == ["ambiguous", "ambiguous"]


def test_targets_met_without_a_total_and_targets_in_another_status():
    assert facts("By the end of 2022, the province completed and exceeded 13 targets.") == [
        ("target_attainment", 13.0, None, 2022)]
    assert facts("Năm 2022, tỉnh hoàn thành và vượt 13 chỉ tiêu.") == [
        ("target_attainment", 13.0, None, 2022)]
    assert facts("4 targets are expected to be completed by the end of 2025.") == [
        ("indicator", 4.0, None, 2025)]
    with ablate.switched_off("target tallies without a total ('completed 12 targets')"):
        assert facts("By the end of 2022, the province completed and exceeded 13 targets.") == []


def test_a_current_level_beside_a_target_is_its_achieved_value():
    for s, figure in (("by 2026, up from 24% at present", "24%"),
                      ("tăng từ mức 46% hiện nay", "46%"), ("to 92%, from 61% in 2022", "61%"),
                      ("55% of firms now use it", "55%")):
        assert frames.current(s, s.index(figure), s.index(figure) + 3), s
    s = "to 92% by 2026 and 100% by 2030"
    assert not frames.current(s, s.index("100%"), s.index("100%") + 4)
    assert facts("The province aims to raise the rate to 92%, from 61% in 2022.") == [
        ("target_attainment", 61.0, 92.0, 2022)]
    assert facts("Tỉnh phấn đấu đến năm 2026 có 72% hộ dùng cáp quang, tăng từ mức 46% hiện nay.") \
        == [("target_attainment", 46.0, 72.0, 2026)]


def test_a_target_word_that_is_met_governs_no_figure():
    text = ("The province has basically achieved the set targets: 100% of communes have 4G "
            "coverage and 93% of households have internet access.")
    assert [f[0] for f in facts(text)] == ["indicator", "indicator"]
    assert facts("Để hoàn thành mục tiêu số hóa 85% hồ sơ trong năm 2025, Sở đã phối hợp.") == [
        ("target_attainment", None, 85.0, 2025)]  # a purpose clause still sets a target


def test_a_rank_target_takes_the_pillar_of_the_ranking_it_names():
    s = "aims to rank among the top 12 in digital government and the top 25 in digital economy"
    assert goals.target_pillar(s, s.index("top 12"), s.index(" and")) == "chinh_quyen_so"
    assert goals.target_pillar(s, s.index("top 25"), len(s)) == "kinh_te_so"
    s = "phấn đấu chỉ số DTI thuộc nhóm 25 tỉnh dẫn đầu"
    assert goals.target_pillar(s, s.index("nhóm"), len(s)) == "overall"
    s = "phấn đấu chỉ số Nhận thức số thuộc nhóm 12 tỉnh dẫn đầu"
    assert goals.target_pillar(s, s.index("nhóm"), len(s)) == ""


def test_a_count_takes_the_noun_named_before_it():
    s = "The number of digital technology enterprises nationwide reached 61,000, while"
    assert indicators.counted_noun(s, s.index("61")) == "digital technology enterprises"
    s = "Năm 2023, số doanh nghiệp công nghệ số của tỉnh đạt 1.310, tăng 14%."
    assert indicators.counted_noun(s, s.index("1.310")).startswith("doanh nghiệp")
    assert indicators.counted_noun("The city held 3 meetings, reaching 1,200", 35) == ""


def test_a_position_gapped_after_one_in_another_scope_keeps_that_scope():
    text = "Lai Chau city ranked first among districts and towns, while Tam Duong ranked second."
    article = press.Article("t.txt", "Lai Châu", "", "", text)
    assert [(f.fact_type, f.value) for f in press.extract(article)] == [
        ("indicator", 1.0), ("indicator", 2.0)]
    with ablate.switched_off("scope kept by gapping ('first among districts, while B second')"):
        assert [(f.fact_type, f.value) for f in press.extract(article)] == [
            ("indicator", 1.0), ("dti_rank", 2.0)]
    text = "Kien Giang ranked first in the Mekong Delta and 12th nationwide."
    found = press.extract(press.Article("t.txt", "Kiên Giang", "", "", text))
    assert [(f.fact_type, f.value) for f in found] == [("indicator", 1.0), ("dti_rank", 12.0)]


def test_ordinals_of_size_growth_or_being_first_to_act_are_no_positions():
    from helpers.press import english
    for text in ("Vietnam's digital economy is the third fastest-growing in Southeast Asia.",
                 "Vinh is the fifth largest city in the region.",
                 "Bac Ninh was the first province in the country to pilot 5G."):
        at = next(i for w in ("third", "fifth", "first") if (i := text.find(w)) >= 0)
        end = text.index(" ", at)
        assert english.not_a_rank(text, end, at) == "occurrence", text
    assert english.not_a_rank("Bac Ninh ranked the fourth nationwide", 26, 20) == ""
    assert english.not_a_rank("Bac Ninh held the first place in the index", 23, 18) == ""


def test_a_headline_figure_is_the_body_figure_of_the_same_value():
    text = ("Hau Giang goes cashless: 68% of shoppers pay by phone\nAccording to the provincial "
            "department, the rate of non-cash transactions reached 68% in 2022.")
    assert facts(text, "Hậu Giang") == [("indicator", 68.0, None, 2022)]
    with ablate.switched_off("headline figures merged with the body's (rule 9.1)"):
        assert len(facts(text, "Hậu Giang")) == 2
    text = "Digital economy to account for 19% of Hau Giang's GRDP\nThe province strives for it."
    assert facts(text, "Hậu Giang") == [("target_attainment", None, 19.0, None)]


def test_a_sentence_that_details_announced_goals_states_targets():
    text = ("The plan sets out several specific goals. Specifically, 96% of documents are "
            "exchanged electronically.")
    assert facts(text) == [("target_attainment", None, 96.0, None)]
    text = "The province has achieved many goals. Specifically, 96% of communes have fibre."
    assert facts(text) == [("indicator", 96.0, None, None)]
    assert frames.announces("Kế hoạch đề ra nhiều mục tiêu cụ thể.")
    assert not frames.specifies("Cụ thể, năm 2022 đã đạt 60%.", True)
