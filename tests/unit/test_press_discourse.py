"""The discourse state and the coordination routine of the press extractor (invented text)."""

from helpers.press import coordination, discourse, gazetteer


def test_a_fronted_province_is_the_topic_of_its_sentence():
    s = "Riêng Kon Tum, tỉnh này xếp thứ 44/63."
    assert discourse.fronted(s, gazetteer.mentions(s)).name == "Kon Tum"
    s = "Kon Tum xếp thứ 44/63."
    assert discourse.fronted(s, gazetteer.mentions(s)) is None


def test_a_demonstrative_refers_to_the_province_just_named_else_to_the_focus():
    s = "Xếp sau là Gia Lai; điểm của địa phương này là 0,41."
    found = gazetteer.mentions(s)
    [anaphor] = [m for m in found if m.kind == "anaphor"]
    assert discourse.referent(s, anaphor, found, "Kon Tum") == "Gia Lai"
    s = "Đây cũng là địa phương có điểm cao nhất."
    found = gazetteer.mentions(s)
    [anaphor] = [m for m in found if m.kind == "anaphor"]
    assert discourse.referent(s, anaphor, found, "Kon Tum") == "Kon Tum"


def test_a_plain_anaphor_has_no_referent_of_its_own():
    s = "Điểm DTI của tỉnh đạt 0,41."
    found = gazetteer.mentions(s)
    [anaphor] = [m for m in found if m.kind == "anaphor"]
    assert discourse.referent(s, anaphor, found, "Kon Tum") is None


def test_sequence_words_continue_the_last_position():
    for s in ("Kế đến là Gia Lai.", "Xếp sau lần lượt là Gia Lai, Kon Tum.",
              "Right behind it was Gia Lai.", "followed by Kon Tum"):
        assert discourse.SEQUENCE.search(s), s


def test_the_coordinated_run_before_a_figure_excludes_an_earlier_subject():
    s = "Kon Tum xếp thứ 9, còn Gia Lai và Đắk Lắk lần lượt xếp thứ 30 và 41."
    run = coordination.run_before(s, s.index("lần lượt"), gazetteer.mentions(s))
    assert [m.name for m in run] == ["Gia Lai", "Đắk Lắk"]


def test_one_position_for_all_pillars():
    s = "xếp hạng nhất ở cả ba trụ cột"
    assert coordination.all_pillars(s, s.index(" ở"))
    s = "ranked first in all three pillars"
    assert coordination.all_pillars(s, s.index(" in"))
    s = "xếp hạng nhất về chính quyền số"
    assert not coordination.all_pillars(s, s.index(" về"))


def test_lists_of_numbers_are_read_only_in_a_distribution_statement():
    s = "Điểm của A và B lần lượt là 0,55 và 0,39."
    [numbers] = coordination.number_lists(s)
    assert [raw for _, _, raw in numbers.items] == ["0,55", "0,39"]
    assert coordination.number_lists("Điểm của A và B là 0,55 và 0,39.") == []


def test_the_coordinated_run_after_a_list_of_fronted_values():
    s = "Đạt lần lượt 0,51 và 0,44 điểm, Kon Tum và Gia Lai xếp sau."
    run = coordination.run_after(s, s.index("điểm"), gazetteer.mentions(s))
    assert [m.name for m in run] == ["Kon Tum", "Gia Lai"]


def test_one_value_is_shared_by_coordinated_subjects_but_not_a_position():
    s = "Kon Tum và Gia Lai đều đạt trên 40%."
    assert coordination.sharing(s, s.index("40"), gazetteer.mentions(s)) == ["Kon Tum", "Gia Lai"]
    s = "Kon Tum và Gia Lai dẫn đầu với 40%."
    assert coordination.sharing(s, s.index("40"), gazetteer.mentions(s)) == []
    s = "Kon Tum đạt 40%."
    assert coordination.sharing(s, s.index("40"), gazetteer.mentions(s)) == []


def test_the_nearest_ranking_name_decides_the_topic():
    from helpers.press import topics
    s = "Kon Tum xếp thứ 8 về chính quyền số."
    [topic] = topics.topic_of(s, s.index("xếp"), s.index(" về"))
    assert topics.rank_type(topic) == ("pillar_rank", "chinh_quyen_so", "")
    s = "Kon Tum came 8th of 63, helped by progress in the digital economy."
    assert topics.topic_of(s, s.index("came"), s.index(" of")) == []
    s = "Kon Tum xếp thứ 8 về tỷ trọng kinh tế số trong GRDP."
    [topic] = topics.topic_of(s, s.index("xếp"), s.index(" về"))
    assert topics.rank_type(topic) == ("indicator", "", "non_dti_rank")
