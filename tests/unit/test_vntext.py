"""Vietnamese numbers as the press writes them."""

import pytest

from helpers.vntext import decimals_of, fold, parse_number, parse_rank, parse_score


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("56,83", ",", 56.83),
        ("1.380", ",", 1380.0),
        ("1.961", ",", 1961.0),
        ("12.345.678", ",", 12345678.0),
        ("0,5", ",", 0.5),
        ("1,380", ".", 1380.0),
        ("0.4874", ".", 0.4874),
        ("7", ",", 7.0),
    ],
)
def test_parse_number_follows_the_stated_convention(text, decimal, expected):
    assert parse_number(text, decimal) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["0.4874", "1.38", "12,3,4", "abc", ""])
def test_parse_number_refuses_what_breaks_the_decimal_comma_convention(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text, ",")


def test_parse_score_accepts_either_separator_and_counts_printed_decimals():
    assert parse_score("0,6077") == pytest.approx(0.6077)
    assert parse_score("0.4874") == pytest.approx(0.4874)
    assert decimals_of("0,24") == 2
    with pytest.raises(ValueError, match="not a score"):
        parse_score("0,8x")


def test_parse_rank_reads_fractions_and_rejects_impossible_ranks():
    assert parse_rank("07/63").rank == 7 and parse_rank("07/63").of == 63
    assert parse_rank("thứ 9/63").rank == 9
    assert parse_rank("12").of is None
    with pytest.raises(ValueError, match="outside 1..63"):
        parse_rank("64/63")
    with pytest.raises(ValueError, match="not a rank"):
        parse_rank("bảy")


def test_fold_removes_tones_and_dyet():
    assert fold("Đắk Lắk") == "dak lak"
    assert fold("Thanh Hoá") == fold("Thanh Hóa") == "thanh hoa"
