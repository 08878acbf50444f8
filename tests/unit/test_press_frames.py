"""The target frame (helpers.press.frames) on sentences written for these tests."""

from helpers.press import frames


def at(sentence: str, figure: str) -> int:
    """Return the position of a figure in a sentence."""
    return sentence.index(figure)


def test_a_target_word_before_a_figure_governs_it():
    s = "Tỉnh phấn đấu có 75% doanh nghiệp dùng hóa đơn điện tử."
    assert frames.governor(s, at(s, "75%")).group(0) == "phấn đấu"


def test_a_due_year_governs_unless_it_is_past_or_a_result_follows():
    s = "Theo đó, đến năm 2027 tỷ lệ hộ có cáp quang đạt 85%."
    assert frames.governor(s, at(s, "85%"), 2024).group(1) == "2027"
    assert frames.governor(s, at(s, "85%"), 2028) is None
    s = "Đến năm 2027, tỉnh đã có 85% hộ dùng cáp quang."
    assert frames.governor(s, at(s, "85%")) is None


def test_a_counted_target_word_or_a_result_governs_nothing():
    s = "Có 8/10 chỉ tiêu đạt (tỷ lệ 80%)."
    assert frames.governor(s, at(s, "80%")) is None
    s = "Chỉ tiêu năm 2023 là thanh toán trực tuyến, đã đạt 64%."
    assert frames.governor(s, at(s, "64%")) is None


def test_a_counted_target_word_that_introduces_a_list_governs_it():
    s = "Có 2 chỉ tiêu khó đạt là: tỷ lệ dữ liệu số đạt 60% và kinh tế số chiếm 15% GRDP."
    assert frames.governor(s, at(s, "60%")) is not None


def test_a_target_word_in_a_closed_parenthesis_or_as_a_reference_governs_nothing():
    s = "Cấp xã đạt 91,2% (vượt chỉ tiêu kế hoạch), cấp huyện đạt 93%."
    assert frames.governor(s, at(s, "93%")) is None
    s = "Tỷ lệ này đạt 93%, vượt so với chỉ tiêu 90%."
    assert frames.governor(s, at(s, "93%")) is None


def test_a_paragraph_opening_with_a_due_year_opens_a_plan_passage():
    assert frames.opens("Đến năm 2030, 100% xã có cáp quang.", None) == 2030
    assert frames.opens("Trong đó, đến năm 2026, 90% hồ sơ được số hóa.", 2024) == 2026
    assert frames.opens("By 2021, the province's rate was 40%.", 2022) is False
    assert frames.opens("Năm 2023, tỉnh đạt 40%.", 2024) is False


def test_a_figure_in_the_passage_is_a_target_unless_a_result_is_reported():
    frame = frames.Frame(line=3, year=2030)
    s = "70% người dân dùng ví điện tử."
    assert frames.in_frame(s, 0, frame, 3)
    assert not frames.in_frame(s, 0, frame, 4)
    s = "Hiện nay đã có 70% người dân dùng ví điện tử."
    assert not frames.in_frame(s, at(s, "70%"), frame, 3)


def test_unmet_levels_and_planned_decreases():
    s = "Tỷ lệ ký số cá nhân chưa đạt mức 12%."
    assert frames.unmet(s, at(s, "12%"))
    s = "Tỷ lệ ký số cá nhân chưa tới 12%."
    assert not frames.unmet(s, at(s, "12%"))
    s = "giảm 25% thời gian xử lý hồ sơ"
    assert frames.signed(s, at(s, "25%"), 25.0) == -25.0


def test_typed_years_guard_decimals_comparisons_events_and_forecasts():
    from helpers.press import grammar
    assert [y.year for y in grammar.years("điểm xã hội số đạt 0,2019 năm 2020")] == [2020]
    [cmp] = grammar.years("up 0.05 on the 2021 edition")
    assert cmp.comparison
    assert [y.year for y in grammar.years("At Digital Transformation Week 2024, it ranked 9th in "
                                          "the index for 2023")] == [2023]
    s = "có 3 chỉ tiêu dự kiến sẽ đạt được trong năm 2026"
    assert grammar.forecast(s, s.index("2026"))
    s = "Năm 2026, tỉnh đạt 70%"
    assert not grammar.forecast(s, s.index("2026"))
