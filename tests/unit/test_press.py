"""Fact extraction from provincial press text (sentences written for these tests)."""

from pathlib import Path

import pytest

from helpers import press

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def facts(text: str, province: str = "Bắc Ninh", published: str = "2024-03-01"):
    article = press.Article("t.txt", province, published, "", press.clean_text(text))
    return press.extract(article)


def only(found, fact_type):
    return [f for f in found if f.fact_type == fact_type]


@pytest.mark.parametrize(
    ("text", "rank", "of", "year"),
    [
        ("Năm 2022, chỉ số chuyển đổi số (DTI) của tỉnh đứng thứ 12/63 tỉnh, thành phố.", 12, 63,
         2022),
        ("Về chỉ số DTI, tỉnh xếp hạng 09/63 trong năm 2021.", 9, 63, 2021),
        ("Theo công bố năm 2023, tỉnh xếp thứ 5 cả nước về chỉ số chuyển đổi số.", 5, None, 2023),
        ("In 2022 the province's DTI ranked 11th out of 63 localities.", 11, 63, 2022),
    ],
)
def test_dti_rank_in_vietnamese_and_english(text, rank, of, year):
    [fact] = only(facts(text), "dti_rank")
    assert (fact.value, fact.denominator, fact.year) == (rank, of, year)
    assert fact.province == "Bắc Ninh"


def test_pillar_ranks_take_the_pillar_named_before_them_and_the_field_size():
    text = ("Năm 2021, DTI của tỉnh xếp thứ 20/63 (chính quyền số thứ 11, kinh tế số thứ 30, "
            "xã hội số thứ 8).")
    found = facts(text)
    assert [(f.pillar, f.value, f.denominator) for f in only(found, "pillar_rank")] == [
        ("chinh_quyen_so", 11, 63), ("kinh_te_so", 30, 63), ("xa_hoi_so", 8, 63)]
    assert only(found, "dti_rank")[0].value == 20


def test_pillar_abbreviations_and_leading_statements():
    found = facts("Trụ cột CQS đứng thứ 3/63. Tỉnh dẫn đầu cả nước về xã hội số năm 2023.")
    assert {(f.pillar, f.value) for f in only(found, "pillar_rank")} == {
        ("chinh_quyen_so", 3), ("xa_hoi_so", 1)}


def test_a_list_of_positions_is_not_read_as_one_rank_without_an_index():
    assert not only(facts("Trong đợt dịch lần thứ 4, tỉnh chịu ảnh hưởng nặng nề."), "dti_rank")


def test_other_index_rank_keeps_the_index_name():
    [fact] = only(facts("Năm 2022, tỉnh xếp thứ 6 về chỉ số an toàn thông tin mạng."),
                  "other_index_rank")
    assert fact.value == 6 and "an toàn thông tin mạng" in fact.indicator_text


@pytest.mark.parametrize(
    ("text", "change"),
    [("DTI năm 2023 của tỉnh tăng 5 bậc so với năm 2022.", 5),
     ("Chỉ số chuyển đổi số giảm 2 hạng.", -2),
     ("The province's DTI climbed two spots in 2021.", 2)],
)
def test_rank_changes_are_signed(text, change):
    [fact] = only(facts(text), "rank_change")
    assert fact.value == change


def test_rank_target_reads_the_goal_year():
    text = ("Tỉnh phấn đấu đến năm 2025 có chỉ số chuyển đổi số thuộc nhóm 10 tỉnh, thành phố "
            "dẫn đầu cả nước.")
    [fact] = only(facts(text), "rank_target")
    assert (fact.value, fact.year) == (10, 2025)


@pytest.mark.parametrize(
    ("text", "value", "target"),
    [("Tỷ lệ hồ sơ xử lý trên môi trường mạng đạt 88%/90%.", 88, 90),
     ("Tỷ lệ dân số có tài khoản thanh toán đạt 71,5% (kế hoạch 70%).", 71.5, 70),
     ("Tỷ lệ hộ có cáp quang đạt 64%, trong khi mục tiêu đề ra là 80%.", 64, 80)],
)
def test_target_attainment_patterns(text, value, target):
    [fact] = only(facts(text), "target_attainment")
    assert (fact.value, fact.target, fact.unit) == (value, target, "%")
    assert not only(facts(text), "indicator")


def test_target_counts_share_the_total_named_first():
    text = ("Năm 2024, tỉnh đề ra 30 mục tiêu, đến nay có 12 mục tiêu hoàn thành; 10 mục tiêu "
            "đạt trên 60%.")
    counts = only(facts(text), "target_count")
    assert [(f.value, f.denominator) for f in counts] == [(30, None), (12, 30), (10, 30)]
    assert not only(facts(text), "indicator"), "the 60% belongs to the target count"


def test_fraction_of_targets_and_of_services():
    found = facts("Tỉnh hoàn thành 13/17 chỉ tiêu. Hiện cung cấp 1.205/1.870 DVC trực tuyến.")
    assert [(f.value, f.denominator) for f in only(found, "target_count")] == [(13, 17)]
    assert [(f.value, f.denominator) for f in only(found, "fraction")] == [(1205, 1870)]


def test_dates_and_document_numbers_are_not_fractions_or_indicators():
    text = ("Ngày 12/5, theo Nghị quyết 35/NQ-TU ngày 18/3/2022 và Quyết định số 611/QĐ-UBND, "
            "hệ thống ứng dụng chuyển đổi số đã hoạt động 3 năm.")
    found = facts(text)
    assert not only(found, "fraction") and not only(found, "indicator")


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [("Toàn tỉnh có gần 3.100 thành viên tổ công nghệ số cộng đồng.", 3100, "gần", "count"),
     ("Đã cấp hơn 12.000 chữ ký số cho người dân.", 12000, "hơn", "count"),
     ("Tỷ lệ thanh toán không dùng tiền mặt trên sàn điện tử đạt 47,5%.", 47.5, "", "%"),
     ("Năm 2023, doanh thu thương mại điện tử đạt 1,2 tỷ đồng.", 1.2e9, "", "tỷ đồng"),
     ("Trên 5.000 tấn nông sản được bán qua sàn thương mại điện tử.", 5000, "trên", "tấn")],
)
def test_indicators_keep_qualifier_and_unit(text, value, qualifier, unit):
    [fact] = only(facts(text), "indicator")
    assert (fact.value, fact.qualifier, fact.unit) == (value, qualifier, unit)


def test_indicator_rules_skip_coverage_admin_units_and_breakdowns():
    text = ("Hệ thống hội nghị trực tuyến kết nối 100% xã, với tổng số 190 điểm cầu kết nối và "
            "15 điểm cầu của ngành y tế tại 9 huyện.")
    found = only(facts(text), "indicator")
    assert [f.value for f in found] == [190]


def test_sentences_outside_digital_transformation_give_no_indicator():
    assert not only(facts("Lễ hội thu hút gần 6.000 lượt khách và 20 đơn vị tham gia."),
                    "indicator")


def test_year_falls_back_to_the_passage_then_to_publication():
    found = only(facts("Năm 2022 là năm bản lề. Hiện có 40 nền tảng số được dùng."), "indicator")
    assert (found[0].year, found[0].year_basis) == (2022, "context")
    found = only(facts("Hiện có 40 nền tảng số được dùng."), "indicator")
    assert (found[0].year, found[0].year_basis) == (2024, "published")


def test_a_sentence_naming_another_province_attributes_the_figure_to_it():
    text = "Tỉnh Lạng Sơn đứng thứ 6/63 về chỉ số chuyển đổi số năm 2022."
    [fact] = only(facts(text, province="Bắc Ninh"), "dti_rank")
    assert fact.province == "Lạng Sơn"


def test_spans_point_at_the_figure_in_the_cleaned_text():
    text = "Năm 2022, chỉ số DTI của tỉnh đứng thứ 12/63."
    article = press.Article("t.txt", "Bắc Ninh", "", "", press.clean_text(text))
    [fact] = only(press.extract(article), "dti_rank")
    assert "12/63" in article.text[fact.start:fact.end]


def test_html_remnants_and_entities_are_cleaned():
    text = "<p>Năm 2022, chỉ số <b>DTI</b> đứng thứ&nbsp;12/63 &amp; tăng 3 bậc.</p>"
    assert press.clean_text(text) == "Năm 2022, chỉ số DTI đứng thứ 12/63 & tăng 3 bậc."


DEV = SEEDS.parent / "press" / "dev" / "articles"

#: Floors on the shared scorer's F1, per labelled set and fact type. They are a ratchet at the
#: level measured when the seeds were relabelled to the shared schema: raise them as the
#: extractor improves, never lower them.
FLOORS = {
    "seeds": {"dti_rank": 0.85, "pillar_rank": 1.0, "target_attainment": 0.76,
              "indicator": 0.65, "overall": 0.64},
    "dev": {"dti_rank": 0.11, "pillar_rank": 0.17, "rank_change": 0.29, "indicator": 0.12,
            "overall": 0.12},
}


def _table(name: str, scores: dict) -> str:
    rows = [f"{name:6} {'type':18} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for fact_type, s in scores.items():
        if isinstance(s, dict) and "f1" in s:
            rows.append(f"{'':6} {fact_type:18} {s['tp']:4} {s['fp']:4} {s['fn']:4} "
                        f"{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
    return "\n".join(rows)


@pytest.mark.skipif(not press.SCORER.exists(), reason="../shared/press is not beside this checkout")
@pytest.mark.parametrize(("name", "folder"), [("seeds", SEEDS), ("dev", DEV)])
def test_labelled_sets_scored_by_the_shared_scorer_hold_their_floors(name, folder):
    scores = press.evaluate(folder)
    print("\n" + _table(name, scores))
    low = {t: (scores.get(t, {}).get("f1", 0.0), floor) for t, floor in FLOORS[name].items()
           if scores.get(t, {}).get("f1", 0.0) < floor}
    assert not low, f"{name}: F1 below its floor (measured, floor): {low}"


def test_a_list_of_ranks_goes_to_the_provinces_listed_in_order():
    text = ("Theo DTI năm 2024, Thanh Hóa, Điện Biên, Hà Tĩnh giữ vị trí thứ 5, 6, 7 trong "
            "bảng xếp hạng chuyển đổi số.")
    found = only(facts(text, province="Hà Tĩnh"), "dti_rank")
    assert [(f.province, f.value) for f in found] == [
        ("Thanh Hóa", 5), ("Điện Biên", 6), ("Hà Tĩnh", 7)]


def test_came_in_second():
    [fact] = only(facts("In the 2021 DTI, Thua Thien-Hue came in second."), "dti_rank")
    assert (fact.value, fact.year) == (2, 2021)
