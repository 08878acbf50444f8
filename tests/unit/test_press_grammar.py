"""The press grammar, one construction at a time, on sentences written for these tests."""

import pytest

from helpers import press
from helpers.press import gazetteer, numbers


def facts(text: str, province: str = "Bắc Ninh", published: str = "2024-03-01"):
    article = press.Article("t.txt", province, published, "", press.clean_text(text))
    return press.extract(article)


def rows(found, fact_type=None):
    return [(f.province, f.year, f.fact_type, f.pillar, f.value, f.target, f.denominator)
            for f in found if fact_type is None or f.fact_type == fact_type]


# -- numbers and names ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang", "value"), [
    ("3.252", "vi", 3252), ("56,83", "vi", 56.83), ("0,7024", "vi", 0.7024),
    ("801.91", "vi", 801.91), ("26,500", "en", 26500), ("88.9", "en", 88.9),
    ("0.488", "vi", 0.488), ("1.465", "vi", 1465)])
def test_numbers_are_read_in_their_language(text, lang, value):
    assert numbers.parse(text, lang) == pytest.approx(value)


@pytest.mark.parametrize(("word", "value"), [("sixty-second", 62), ("forty-first", 41),
                                             ("ninth", 9), ("27th", 27), ("tư", 4)])
def test_ordinals_in_words_and_digits(word, value):
    assert numbers.ordinal_value(word) == value


def test_language_is_told_from_the_diacritics():
    assert numbers.language("Tỉnh đứng thứ tư về chuyển đổi số") == "vi"
    assert numbers.language("The province ranked fourth in the index") == "en"


@pytest.mark.parametrize(("text", "name"), [
    ("TP.HCM xếp thứ 4", "Hồ Chí Minh"), ("Ho Chi Minh City ranked 4th", "Hồ Chí Minh"),
    ("TP. Huế xếp thứ 2", "Thừa Thiên Huế"), ("Thừa Thiên-Huế đứng thứ 2", "Thừa Thiên Huế"),
    ("Hanoi ranked first", "Hà Nội"), ("tỉnh Thanh Hoá xếp thứ 5", "Thanh Hóa")])
def test_the_gazetteer_knows_short_prefixed_hyphenated_and_english_names(text, name):
    assert gazetteer.mentions(text)[0].name == name


def test_a_name_cut_at_the_end_of_an_excerpt_is_still_found():
    assert [m.name for m in gazetteer.mentions("followed by Hue, Hai Phon")] == [
        "Thừa Thiên Huế", "Hải Phòng"]


# -- ranks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value", "den"), [
    ("Năm 2023, chỉ số chuyển đổi số của tỉnh xếp thứ 17/63 tỉnh, thành phố.", 17, 63),
    ("Năm 2023, tỉnh xếp hạng 08/63 về DTI.", 8, 63),
    ("Năm 2023, tỉnh đứng thứ sáu cả nước về chuyển đổi số.", 6, None),
    ("Về DTI năm 2023, tỉnh xếp hạng thứ 30 trong tổng số 63 địa phương.", 30, 63),
    ("In 2023, the province ranked 33rd out of 63 in the DTI.", 33, 63),
    ("In 2023, the province's DTI ranked forty-second among 63 localities.", 42, 63),
    ("In the 2023 DTI, the province finished seventh.", 7, None),
    ("Năm 2023, tỉnh xếp vị trí số 1 về chỉ số DTI.", 1, None),
])
def test_overall_ranks_in_vietnamese_and_english(text, value, den):
    assert rows(facts(text), "dti_rank") == [("Bắc Ninh", 2023, "dti_rank", "overall", value,
                                              None, den)]


def test_pillar_ranks_and_main_indicator_ranks_are_told_apart():
    text = ("Năm 2023, ở trụ cột kinh tế số, tỉnh xếp thứ 11; chỉ số hoạt động kinh tế số "
            "xếp thứ 20; chỉ số hạ tầng số đứng thứ ba.")
    assert [(f.fact_type, f.pillar, f.value) for f in facts(text)] == [
        ("pillar_rank", "kinh_te_so", 11), ("dti_rank", "", 20), ("dti_rank", "", 3)]


def test_coordinated_indicators_share_one_rank():
    found = facts("Năm 2023, hai chỉ số Nhân lực số và Thể chế số cùng xếp thứ 12.")
    assert [(f.pillar, f.value, f.indicator_text) for f in found] == [
        ("", 12, "Nhân lực số"), ("", 12, "Thể chế số")]


def test_leading_is_rank_one_but_membership_of_a_top_group_is_not():
    found = facts("Năm 2023, tỉnh dẫn đầu cả nước về chỉ số nhân lực số.")
    assert [(f.value, f.pillar, f.tag) for f in found] == [(1, "", "idiom")]
    assert not facts("Năm 2023, tỉnh nằm trong nhóm 10 địa phương dẫn đầu về hạ tầng số.")
    assert not facts("Năm 2023, tỉnh là 1 trong 5 địa phương đứng đầu về thể chế số.")


@pytest.mark.parametrize("text", [
    "Đây là năm thứ ba tỉnh triển khai chuyển đổi số.",
    "Đồng chí Bí thư Tỉnh ủy (thứ hai từ trái sang) trao thưởng chuyển đổi số.",
    "Hội nghị chuyển đổi số lần thứ 4 diễn ra tại tỉnh.",
    "Hội nghị chuyển đổi số họp vào thứ hai, 12/6 tại tỉnh.",
    "The DTI was released, and first time users of the portal rose.",
])
def test_ordinal_words_that_are_not_ranks(text):
    assert not rows(facts(text), "dti_rank")


def test_positions_listed_after_one_rank_go_to_the_entities_in_order():
    text = "Năm 2024, Cà Mau, Lào Cai, Bắc Giang giữ vị trí thứ 11, 12, 13 về DTI."
    assert [(f.province, f.value) for f in facts(text, province="")] == [
        ("Cà Mau", 11), ("Lào Cai", 12), ("Bắc Giang", 13)]


def test_two_entities_sharing_a_rank_are_a_tie():
    text = "Năm 2024, tỉnh Cà Mau và tỉnh Bắc Giang cùng đồng hạng 21 về chuyển đổi số."
    assert [(f.province, f.value, f.tag) for f in facts(text, province="")] == [
        ("Cà Mau", 21, "tie"), ("Bắc Giang", 21, "tie")]


def test_took_first_place_and_slipped_places():
    found = facts("In the 2023 DTI, the province took second place but its pillar digital "
                  "society slipped 4 places.")
    assert [(f.fact_type, f.pillar, f.value) for f in found] == [
        ("dti_rank", "overall", 2), ("rank_change", "xa_hoi_so", -4)]


def test_english_pillar_ranks_listed_with_bare_ordinals():
    text = "In 2023, digital government ranked 9th, digital economy 44th and digital society 3rd."
    assert [(f.pillar, f.value) for f in facts(text)] == [
        ("chinh_quyen_so", 9), ("kinh_te_so", 44), ("xa_hoi_so", 3)]
    assert not facts("The meeting on July 27th marked the 75th anniversary of the province.")


def test_a_span_of_editions_gives_one_rank_per_year():
    found = facts("Tỉnh dẫn đầu cả nước về DTI 3 năm liên tiếp (2021-2023).", province="Cà Mau")
    assert [(f.year, f.value, f.tag) for f in found] == [
        (2021, 1, "idiom;span"), (2022, 1, "idiom;span"), (2023, 1, "idiom;span")]


def test_a_rank_in_parentheses_after_a_comparison_year_is_that_years_rank():
    found = facts("Năm 2023, DTI của tỉnh xếp thứ 19/63, tăng 16 bậc so với năm 2022 (thứ 35/63).")
    assert [(f.fact_type, f.year, f.value) for f in found] == [
        ("dti_rank", 2023, 19), ("rank_change", 2023, 16), ("dti_rank", 2022, 35)]


def test_a_previous_editions_rank_is_kept_with_its_year():
    found = facts("Theo DTI năm 2023, tỉnh từ vị trí 40 vươn lên vị trí thứ 22 trên 63 tỉnh.")
    assert sorted((f.year, f.value, f.denominator) for f in found) == [(2022, 40, 63),
                                                                        (2023, 22, 63)]


def test_one_denominator_written_once_counts_for_every_rank_of_the_sentence():
    text = ("Năm 2023, tỉnh xếp thứ 9 (chính quyền số thứ 4, kinh tế số thứ 12, xã hội số thứ "
            "30) trên 63 tỉnh, thành phố.")
    assert {f.denominator for f in facts(text)} == {63}


def test_ranks_in_another_ranking_are_indicators():
    [fact] = facts("Năm 2023, Việt Nam đứng thứ 80/193 quốc gia về Chính phủ điện tử của "
                   "Liên Hợp Quốc.", province="")
    assert (fact.fact_type, fact.value, fact.denominator, fact.tag) == (
        "indicator", 80, 193, "non_dti_rank")
    assert fact.province == "Toàn quốc"


# -- ordered lists -------------------------------------------------------------------------------
def test_respectively_gives_positions_in_order():
    text = "Năm 2023, 3 tỉnh dẫn đầu DTI lần lượt là Bắc Ninh, Lào Cai và TP.HCM."
    assert [(f.province, f.value, f.tag) for f in facts(text, province="")] == [
        ("Bắc Ninh", 1, "respectively"), ("Lào Cai", 2, "respectively"),
        ("Hồ Chí Minh", 3, "respectively")]


def test_scores_in_an_ordered_list_go_to_each_entity():
    text = "Năm 2023, 2 tỉnh dẫn đầu DTI lần lượt là Cà Mau (0,8100) và Lào Cai (0,7900)."
    assert [(f.province, f.fact_type, f.value) for f in facts(text, province="")] == [
        ("Cà Mau", "dti_rank", 1), ("Lào Cai", "dti_rank", 2), ("Cà Mau", "indicator", 0.81),
        ("Lào Cai", "indicator", 0.79)]


def test_pillar_ranks_given_respectively():
    text = "Năm 2023, chính quyền số, kinh tế số, xã hội số của tỉnh lần lượt là 5, 18, 40."
    assert [(f.pillar, f.value) for f in facts(text)] == [
        ("chinh_quyen_so", 5), ("kinh_te_so", 18), ("xa_hoi_so", 40)]


@pytest.mark.parametrize("text", [
    "Năm 2023, chính quyền số, kinh tế số và xã hội số lần lượt xếp thứ 12, 22 và 14.",
    "In 2023, the province ranked 12th, 22nd and 14th in digital government, digital economy "
    "and digital society, respectively.",
])
def test_pillar_ranks_listed_in_order(text):
    assert [(f.pillar, f.value) for f in facts(text)] == [
        ("chinh_quyen_so", 12), ("kinh_te_so", 22), ("xa_hoi_so", 14)]


def test_english_first_through_third_respectively():
    text = "In the 2023 DTI, Lao Cai, Ca Mau and Hanoi ranked first through third respectively."
    assert [(f.province, f.value) for f in facts(text, province="")] == [
        ("Lào Cai", 1), ("Cà Mau", 2), ("Hà Nội", 3)]


def test_a_sequence_continues_from_the_anchored_rank():
    text = "Năm 2023, Cà Mau xếp thứ nhất về DTI, tiếp theo là Lào Cai, Bắc Giang."
    assert [(f.province, f.value, f.tag) for f in facts(text, province="")] == [
        ("Cà Mau", 1, ""), ("Lào Cai", 2, "sequence"), ("Bắc Giang", 3, "sequence")]


# -- rank changes --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value", "pillar"), [
    ("DTI năm 2023 của tỉnh tăng 06 bậc so với năm 2022.", 6, "overall"),
    ("Năm 2023, tỉnh tăng năm bậc về chuyển đổi số.", 5, "overall"),
    ("Năm 2023, trụ cột xã hội số giảm 3 hạng.", -3, "xa_hoi_so"),
    ("In the 2023 DTI the province went down 7 places.", -7, "overall"),
    ("In the 2023 DTI the province climbed two places.", 2, "overall"),
])
def test_rank_changes_are_signed_and_take_the_edition_year(text, value, pillar):
    [fact] = [f for f in facts(text) if f.fact_type == "rank_change"]
    assert (fact.value, fact.pillar, fact.year) == (value, pillar, 2023)


def test_a_change_in_another_ranking_is_an_indicator():
    [fact] = facts("Năm 2023, Việt Nam tăng 9 bậc trong bảng xếp hạng Chính phủ điện tử.",
                   province="")
    assert (fact.fact_type, fact.value, fact.tag) == ("indicator", 9, "non_dti_rank")


# -- targets -------------------------------------------------------------------------------------
def test_goal_sentences_give_targets_with_their_due_year():
    text = ("Tỉnh phấn đấu đến năm 2027, 85% hồ sơ được xử lý trực tuyến; tối thiểu 40% "
            "người dân có chữ ký số.")
    assert [(f.year, f.value, f.target, f.tag) for f in facts(text)] == [
        (2027, None, 85, "target_only"), (2027, None, 40, "bound;target_only")]


def test_an_achieved_value_before_the_goal_is_paired_with_it():
    text = "Tỷ trọng kinh tế số ước đạt 9% GRDP, phấn đấu đến năm 2026 đạt 18% GRDP."
    [fact] = facts(text)
    assert (fact.fact_type, fact.value, fact.target, fact.year) == (
        "target_attainment", 9, 18, 2026)


@pytest.mark.parametrize("text", [
    "Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 74%/70%.",
    "Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 74% (kế hoạch 70%).",
    "Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 74%, vượt chỉ tiêu 70%.",
])
def test_achieved_against_target(text):
    [fact] = facts(text)
    assert (fact.fact_type, fact.value, fact.target, fact.year) == (
        "target_attainment", 74, 70, 2023)


def test_rank_targets_and_annual_targets():
    found = facts("Tỉnh phấn đấu nằm trong nhóm 12 tỉnh dẫn đầu cả nước về chuyển đổi số "
                  "hàng năm.")
    assert rows(found) == [("Bắc Ninh", None, "target_attainment", "overall", None, 12, None)]
    found = facts("The province aims to be one of 25 leading localities in DT by 2028.",
                  province="Lào Cai")
    assert [(f.year, f.target, f.unit) for f in found] == [(2028, 25, "rank")]


def test_a_top_n_goal_and_a_first_to_act_group():
    [fact] = facts("By 2026, the province aims to be among the top 12 provinces in the DTI.")
    assert (fact.fact_type, fact.target, fact.year, fact.unit) == ("target_attainment", 12,
                                                                   2026, "rank")
    assert not facts("Tỉnh phấn đấu phát triển (tỉnh thuộc nhóm 04 tỉnh đầu tiên ban hành Đề án "
                     "chuyển đổi số).")


def test_a_rank_improvement_goal_is_a_target_in_places():
    [fact] = facts("Mục tiêu năm 2026: chỉ số DTI của tỉnh tăng ít nhất 3 bậc.")
    assert (fact.fact_type, fact.pillar, fact.target, fact.unit, fact.year, fact.tag) == (
        "target_attainment", "overall", 3, "places", 2026, "target_only;bound")


def test_targets_met_of_n_and_other_status_counts():
    text = "Năm 2024, tỉnh hoàn thành 19/30 mục tiêu; 04/30 mục tiêu chưa hoàn thành."
    assert [(f.fact_type, f.value, f.denominator) for f in facts(text)] == [
        ("target_attainment", 19, 30), ("indicator", 4, 30)]
    [fact] = facts("By 2024 the province had completed 12 out of 20 targets for 2025.")
    assert (fact.value, fact.denominator, fact.year) == (12, 20, 2025)
    [fact] = facts("The province has met 9 of 14 targets set for 2024.")
    assert (fact.fact_type, fact.value, fact.denominator, fact.year) == (
        "target_attainment", 9, 14, 2024)


# -- indicators ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value", "unit", "tag"), [
    ("Năm 2023, tỉnh có gần 4.100 thành viên tổ công nghệ số.", 4100, "thành viên", "approx"),
    ("Năm 2023, tỷ lệ hộ có cáp quang đạt 71,5%.", 71.5, "%", ""),
    ("In 2023 the province handled over 12,300 online dossiers.", 12300, "online dossiers",
     "bound"),
    ("Năm 2023, phần mềm đã triển khai đến 310 cơ quan, đơn vị.", 310, "cơ quan", ""),
])
def test_indicators_keep_value_unit_and_qualifier(text, value, unit, tag):
    [fact] = facts(text)
    assert (fact.fact_type, fact.value, fact.unit, fact.tag) == ("indicator", value, unit, tag)


@pytest.mark.parametrize(("text", "measure"), [
    ("Năm 2023, tỷ lệ người dân có chữ ký số cá nhân đạt 41%.", "digital signatures"),
    ("By 2025, e-commerce will account for 12% of retail sales.", "e-commerce"),
    ("Năm 2023, tỉnh có 620 tổ công nghệ số cộng đồng.", "community digital teams"),
])
def test_indicators_and_targets_name_what_they_measure(text, measure):
    [fact] = facts(text)
    assert fact.measure == measure


def test_counts_out_of_a_total_stated_before_them_take_it_as_denominator():
    text = "Năm 2023, trong tổng số 90 chỉ số thành phần, có 51 chỉ số thành phần đạt điểm tối đa."
    assert [(f.value, f.denominator) for f in facts(text)] == [(51, 90)]


def test_dti_scores_take_the_pillar_they_measure():
    text = "Năm 2023, giá trị DTI của tỉnh đạt 0,6120; trụ cột kinh tế số đạt 0,5311 điểm."
    assert [(f.value, f.unit, f.pillar) for f in facts(text)] == [
        (0.612, "score", "overall"), (0.5311, "score", "kinh_te_so")]


def test_a_decrease_is_negative_and_a_regional_position_is_not_the_dti():
    found = facts("Năm 2023, DTI của tỉnh đạt 0,4810, giảm 0,0320 điểm; tỉnh đứng thứ 3 khu "
                  "vực Tây Bắc.")
    assert [(f.fact_type, f.value, f.tag) for f in found] == [
        ("indicator", 0.481, ""), ("indicator", -0.032, ""), ("indicator", 3, "non_dti_rank")]


def test_a_short_score_and_an_average_of_the_provinces():
    found = facts("In 2023 the province had a DTI score of 0.6, while the average provincial "
                  "DTI score was 0.51.", province="Cà Mau")
    assert [(f.province, f.value, f.unit) for f in found] == [
        ("Cà Mau", 0.6, "score"), ("Toàn quốc", 0.51, "score")]


@pytest.mark.parametrize("text", [
    "Theo Nghị quyết số 35-NQ/TU ngày 18/3/2022, tỉnh triển khai chuyển đổi số.",
    "Tỉnh triển khai Tổng đài 1035 hỗ trợ người dân về chuyển đổi số.",
    "Chủ tịch UBND tỉnh trao Bằng khen cho 35 tập thể về chuyển đổi số.",
    "Năm 2023 có thêm 5 cơ quan lần đầu tiên tham gia đánh giá DTI.",
    "Bộ chỉ số gồm 3 trụ cột, 8 chỉ số chính và 47 chỉ số thành phần.",
    "Trên 80% người dân trên 15 tuổi biết dùng điện thoại.",
    "Tỉnh triển khai mạng 4G/5G và dịch vụ công level-4.",
])
def test_junk_numbers_are_not_facts(text):
    found = facts(text)
    assert not [f for f in found if f.value in (35, 18, 3, 8, 47, 15, 4, 5, 1035)], rows(found)


# -- subject and year precedence -------------------------------------------------------------------
def test_a_figure_in_parentheses_belongs_to_the_name_before_it():
    text = "Năm 2023, tỉnh xếp thứ 5, sau Cà Mau (thứ 2) và Lào Cai (0,7012 điểm)."
    assert [(f.province, f.value) for f in facts(text)] == [
        ("Bắc Ninh", 5), ("Cà Mau", 2), ("Lào Cai", 0.7012)]


def test_an_inverted_subject_after_the_figure():
    found = facts("Năm 2024, vị trí thứ hai thuộc về Cà Mau; địa phương dẫn đầu là Lào Cai.",
                  province="")
    assert [(f.province, f.value, f.subject_basis) for f in found] == [
        ("Cà Mau", 2, "inverted subject"), ("Lào Cai", 1, "inverted subject")]


def test_agencies_are_out_of_scope_and_anaphora_return_to_the_province():
    assert not facts("Năm 2023, Bộ Tài chính giữ vị trí đứng đầu với giá trị 0,6800.")
    assert not facts("Năm 2023, Bộ Tư pháp dẫn đầu khối bộ, ngành với 0,6300.", province="")
    [fact] = facts("Năm 2023, Sở ngành làm tốt; chỉ số DTI của tỉnh xếp thứ 9.", province="Cà Mau")
    assert (fact.province, fact.subject_basis) == ("Cà Mau", "anaphor")


def test_the_subject_opening_a_sentence_carries_to_the_next_one_in_its_paragraph():
    text = ("Lào Cai dẫn đầu cả nước về DTI năm 2024. Giá trị DTI đạt 0,8100.\n"
            "Giá trị DTI quốc gia đạt 0,7000.")
    assert [(f.province, f.value) for f in facts(text, province="")] == [
        ("Lào Cai", 1), ("Lào Cai", 0.81), ("Toàn quốc", 0.7)]


def test_a_comparison_year_is_never_the_facts_year_and_context_fills_a_missing_one():
    found = facts("Kết quả DTI năm 2023 đã được công bố.\nTỉnh xếp thứ 14, tăng 4 bậc so với "
                  "năm 2021.")
    assert [(f.fact_type, f.year, f.tag) for f in found] == [
        ("dti_rank", 2023, "year_ctx"), ("rank_change", 2023, "year_ctx")]


def test_a_year_printed_right_after_a_rank_is_its_year():
    found = facts("In 2022, the province ranked 18th, up from 30th in 2021.")
    assert [(f.year, f.value) for f in found] == [(2022, 18), (2021, 30)]


def test_last_year_is_resolved_against_the_printed_date_only():
    [fact] = facts("Last year, the province ranked 8th in the DTI.", published="2024-06-01")
    assert fact.year == 2023
    [fact] = facts("Last year, the province ranked 8th in the DTI.", published="")
    assert fact.year is None


def test_an_edition_year_wins_over_an_event_year_in_the_same_sentence():
    text = ("Tại hội nghị tháng 10/2025, tỉnh được công bố xếp thứ 9/34 về chỉ số chuyển đổi "
            "số năm 2024.")
    assert rows(facts(text)) == [("Bắc Ninh", 2024, "dti_rank", "overall", 9, None, 34)]


def test_a_fact_stated_in_the_headline_and_the_body_is_one_fact():
    text = ("Bắc Ninh xếp thứ 6 về chuyển đổi số\n"
            "Theo DTI năm 2023 vừa công bố, tỉnh Bắc Ninh xếp thứ 6/63 tỉnh, thành phố.")
    assert rows(facts(text)) == [("Bắc Ninh", 2023, "dti_rank", "overall", 6, None, 63)]
