"""Wording a reader notices: shared ranks, counts of one and of none, cities called cities."""

import pytest

from helpers.report import attainment, claims, narrative
from helpers.report.sections import moved as moved_section


def test_a_shared_rank_is_marked_joint_in_both_languages():
    assert narrative.ranked(13, "en", tied=True) == "joint 13th"
    assert narrative.ranked(13, "vi", tied=True) == "đồng hạng 13"
    assert narrative.ranked(13, "en") == "13th" and narrative.ranked(13, "vi") == "thứ 13"
    assert narrative.ranked(None, "en", tied=True) == "–"


@pytest.mark.parametrize(("checked", "match", "differ", "en", "vi"), [
    (1, 1, 0, "The one checked independently matches.",
     "Thứ hạng duy nhất được đối chiếu độc lập khớp."),
    (1, 0, 1, "The one checked independently differs.",
     "Thứ hạng duy nhất được đối chiếu độc lập không khớp."),
    (3, 3, 0, "All 3 checked independently match.",
     "Cả 3 thứ hạng đối chiếu độc lập đều khớp."),
    (3, 1, 2, "Of the 3 checked independently, 1 matches and 2 differ.",
     "Trong 3 thứ hạng đối chiếu độc lập, 1 khớp và 2 không khớp."),
    (3, 0, 2, "Of the 3 checked independently, none match and 2 differ.",
     "Trong 3 thứ hạng đối chiếu độc lập, không thứ hạng nào khớp và 2 không khớp."),
])
def test_claim_results_agree_in_number_and_never_say_zero(checked, match, differ, en, vi):
    assert claims.result(checked, match, differ, "en").strip() == en
    assert claims.result(checked, match, differ, "vi").strip() == vi


def test_targets_met_sentence_words_one_target_and_none_met():
    one = [attainment.Attained("press", 1, 1, ())]
    assert "give 1 target with" in attainment.sentence(one, "en")
    assert attainment.sentence(one, "en").endswith("and it was met.")
    none = [attainment.Attained("plan", 4, 0, ((0, 1, 2024),))]
    assert "4 targets with the achieved figure beside the target, none of them met" in \
        attainment.sentence(none, "en")
    assert "count 0 of 1 target met (2024)" in attainment.sentence(none, "en")
    vi = attainment.sentence(none, "vi")
    assert "trong đó không chỉ tiêu nào đạt" in vi and " 0 chỉ tiêu" not in vi


def test_a_centrally_run_city_is_called_a_city_in_vietnamese():
    assert narrative.is_city("01") and narrative.is_city("U46") and narrative.is_city("92")
    assert not narrative.is_city("46") and not narrative.is_city("30")  # Thừa Thiên Huế, Hải Dương
    assert attainment.sentence([attainment.Attained("press", 2, 1, ())], "vi",
                               narrative.place_word("01", "vi")).startswith("Báo chí của thành phố")
    assert "thành phố tiếp tục" in narrative.page_text("vi", "01")["province_unchanged"]
    assert "tỉnh tiếp tục" in narrative.page_text("vi", "27")["province_unchanged"]


def test_a_city_page_calls_its_own_place_a_city_in_headings_and_claims():
    words = narrative.page_text("vi", "01")
    assert words["claimed"] == "Thứ hạng thành phố công bố"
    assert words["targets"].endswith("của thành phố") and "tỉnh" not in words["links"]
    assert narrative.page_text("vi", "27")["claimed"] == "Thứ hạng tỉnh công bố"
    assert narrative.page_text("en", "01") == narrative.TEXT["en"]
    counts = claims.ClaimCounts(2, 1, 0, 0, 0, 2, 0, 0)
    said = claims.sentence(counts, "vi", narrative.place_word("01", "vi"))
    assert said.startswith("Trong 2 thứ hạng thành phố công bố")
    assert "báo chí của chính thành phố" in said


def test_the_typical_move_of_one_place_is_singular():
    moved = {"largest": {"places": 0}, "years": [2023, 2024], "from_year": 2023,
             "typical": {"share": 0.8, "places": 1}}
    said = moved_section.moved_sentence(moved, narrative.TEXT["en"], "en")
    assert "moved 1 place or fewer" in said


def test_every_language_words_the_same_keys_with_valid_placeholders():
    """A page in any language finds every word the sections ask for (words/<lang>.py)."""
    import string

    from helpers.report import words

    allowed_to_differ = {"s", "nth", "n", "place"}  # English plurals, "tỉnh"/"thành phố"
    assert set(words.LANGS) >= {"en", "vi"}
    for name in words.TABLES:
        tables = words.table(name)
        for lang, table in tables.items():
            assert set(table) == set(tables["en"]), (name, lang, set(table) ^ set(tables["en"]))
        for key in tables["en"]:
            fields = {lang: {f for _, f, _, _ in string.Formatter().parse(t[key]) if f}
                      for lang, t in tables.items()}
            assert all(t[key].strip() for t in tables.values()), (name, key)
            union = set().union(*fields.values())
            for lang, mine in fields.items():
                assert union - mine <= allowed_to_differ, (name, key, lang, union - mine)
    for name in words.TRANSLATIONS:
        assert all(isinstance(v, str) and v for v in words.table(name)["vi"].values())


def test_vietnamese_text_on_an_english_page_is_marked_vietnamese():
    """A publisher or document name shown as written (Vietnamese) carries lang="vi" on an
    English page, so a screen reader speaks it in Vietnamese; English text and Vietnamese
    pages are left as they are, and both are escaped."""
    assert str(narrative.in_language("Báo Hà Tĩnh & Đài", "en")) == \
        '<span lang="vi">Báo Hà Tĩnh &amp; Đài</span>'  # an invented name without a gloss
    assert str(narrative.in_language("Sở TT&TT Bắc Ninh", "vi")) == "Sở TT&amp;TT Bắc Ninh"
    assert str(narrative.in_language("bnews.vn, 2023-11-05", "en")) == "bnews.vn, 2023-11-05"


def test_a_vietnamese_publisher_on_an_english_page_is_glossed_in_english():
    """An English reader learns what the publisher is; the name stays as written (lang="vi"),
    the date after it stays plain, and a Vietnamese page shows the name alone."""
    assert str(narrative.in_language("Sở TT&TT Bắc Ninh", "en")) == (
        '<span lang="vi">Sở TT&amp;TT Bắc Ninh</span> '
        "(Bắc Ninh Department of Information and Communications)")
    assert str(narrative.in_language("LCĐT (Lào Cai điện tử), 2024-04-03", "en")) == (
        '<span lang="vi">LCĐT (Lào Cai điện tử)</span> (Lào Cai online newspaper), 2024-04-03')
    assert str(narrative.in_language("LCĐT (Lào Cai điện tử), 2024-04-03", "vi")) == \
        "LCĐT (Lào Cai điện tử), 2024-04-03"
    assert "Department" not in str(narrative.in_language("Sở TT&TT Bắc Giang", "en"))


@pytest.mark.parametrize(("tied", "places", "en", "vi"), [
    ([False, True, False], -49, "fell from joint 8th to 57th",
     "giảm từ đồng hạng 8 xuống thứ 57"),
    ([False, False, False], 49, "rose from 8th to 57th", "tăng từ thứ 8 lên thứ 57"),
])
def test_the_largest_move_marks_a_shared_rank_joint(tied, places, en, vi):
    row = {"measure": "hd_chinh_quyen_so", "ranks": [10, 8, 57], "places": places,
           "tied": tied}
    moved = {"largest": row, "years": [2022, 2023, 2024], "from_year": 2023}
    assert en in moved_section.moved_sentence(moved, narrative.TEXT["en"], "en")
    assert vi in moved_section.moved_sentence(moved, narrative.TEXT["vi"], "vi")
