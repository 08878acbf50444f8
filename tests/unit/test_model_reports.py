"""The report's fundamentals section says only what survives: intervals, never a point rank."""

import re

import pandas as pd
import pytest

from helpers.report import figures, fundamentals, narrative


def predictions(observed: int, low80: int, high80: int, direction: str) -> pd.DataFrame:
    """One invented province-year of the model's rank intervals (95 %: 5 places wider)."""
    low95, high95 = max(1, low80 - 5), min(63, high80 + 5)
    return pd.DataFrame([{
        "code": "27", "year": 2024, "observed_rank": observed, "n_model": 63,
        "rank_low80": low80, "rank_high80": high80, "rank_low95": low95,
        "rank_high95": high95, "direction": direction,
        "outside95": observed < low95 or observed > high95,
        "bench_train_years": "2022-2023", "bench_persistence_mae": 9.62,
        "bench_fundamentals_mae": 13.29}])


BLOCKS = pd.DataFrame([{"code": "27", "year": 2024, "block": "development", "position": 12,
                        "n_model": 63, "coef": 0.03, "contribution": 0.021, "fits": 33,
                        "fits_excluding_zero": 11, "main_years": 3,
                        "main_excluding_zero": 1}])


def render(lang: str, table: pd.DataFrame, section: str = "fundamentals") -> str:
    """Render one section for the invented province."""
    ctx = {"lang": lang, "t": narrative.TEXT[lang], "name": "Bắc Ninh", "is_unit": False,
           "fundamentals": fundamentals.context(table, BLOCKS, "27", 2024)}
    drawn = fundamentals.figure(ctx, figures.new_figure(2.2))
    html = narrative.render(f"{section}.html.j2", figure=figures.png(drawn) if drawn else None,
                            figure_alt=fundamentals.alt(ctx), figure_width="", figure_font_px="",
                            **ctx)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_province_outside_its_80_percent_range_is_said_to_be_well_above(lang):
    text = render(lang, predictions(9, 26, 62, "above"))
    assert "26–62" in text and ("9 of 63" if lang == "en" else "9 / 63") in text
    assert ("well above what provinces with similar development" in text if lang == "en"
            else "cao hơn hẳn mức mà các tỉnh" in text)
    assert ("9,6" if lang == "vi" else "9.6") in text  # the persistence benchmark, one line


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_just_outside_the_80_percent_range_is_above_but_not_well_above(lang):
    text = render(lang, predictions(23, 26, 62, "above"))  # inside the 95 % range 21-63
    assert ("above what provinces" in text if lang == "en" else "cao hơn mức mà" in text)
    assert "well above" not in text and "hơn hẳn" not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_province_inside_its_range_gets_no_better_or_worse_words(lang):
    text = render(lang, predictions(30, 12, 44, "inside"))
    for banned in ("well above", "well below", "cao hơn hẳn", "thấp hơn hẳn", "better than",
                   "worse than", "predicted rank", "dự báo xếp", " z "):
        assert banned not in text
    assert "12–44" in text


def test_the_block_row_shows_a_rank_position_and_a_0_1_contribution():
    text = render("en", predictions(30, 12, 44, "inside"))
    assert "12th of 63" in text and "+0.021" in text
    assert "in each of the 3 years of the main model" in text
    assert "clear of zero in 1 of 3" in text
    assert "33 fits" not in text  # the alternative fits are a robustness display (notebook)


def moves(verdict: str, previous: int = 20, observed: int = 31, low: int = -4, high: int = 12,
          p_above: float = 0.99, p_below: float = 0.03, far: bool = False) -> pd.DataFrame:
    """One invented province-year of the ranges given last year's score (95 %: 6 wider)."""
    return pd.DataFrame([{
        "code": "27", "year": 2024, "observed_rank": observed, "previous_rank": previous,
        "n_model": 63, "change_low80": low, "change_high80": high, "change_low95": low - 6,
        "change_high95": high + 6, "observed_change": previous - observed, "verdict": verdict,
        "direction": verdict.removeprefix("edge_") if verdict.startswith(("above", "below"))
        else "inside", "outside95": far, "p_at_or_above": p_above, "p_at_or_below": p_below}])


def render_given(lang: str, table: pd.DataFrame) -> str:
    """Render the section for the invented province with its range given last year's score."""
    ctx = {"lang": lang, "t": narrative.TEXT[lang], "name": "Bắc Ninh", "is_unit": False,
           "fundamentals": fundamentals.context(predictions(31, 12, 44, "inside"), BLOCKS, "27",
                                                2024, table)}
    drawn = fundamentals.figure(ctx, figures.new_figure(2.2))
    html = narrative.render("fundamentals.html.j2", figure=figures.png(drawn), figure_alt=
                            fundamentals.alt(ctx), figure_width="", figure_font_px="", **ctx)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_section_leads_with_the_move_given_where_the_province_started():
    text = render_given("en", moves("below"))
    lead = ("Given its 2023 score, provinces like it usually moved between −4 and +12 places; "
            "it moved −11: below that range.")
    assert lead in text
    assert text.index(lead) < text.index("From development and governance alone")
    assert "a move this poor or poorer comes about 3 % of the time" in text
    assert "rank 12–44 (80 %)" in text  # the level range, shrunk to one sentence
    assert "Usual range for provinces like it" not in text  # no longer a headline figure
    vi = render_given("vi", moves("below"))
    assert "Với điểm năm 2023, các tỉnh tương tự thường thay đổi từ −4 đến +12 bậc" in vi
    assert "thay đổi −11 bậc: thấp hơn khoảng đó" in vi


@pytest.mark.parametrize(("verdict", "words"), [
    ("edge_above", "at the upper edge of that range"), ("edge_below",
                                                         "at the lower edge of that range"),
    ("inside", "within that range")])
def test_a_move_at_the_edge_is_called_so_and_one_inside_gets_no_tail_probability(verdict,
                                                                                  words):
    text = render_given("en", moves(verdict, observed=21, p_below=0.11, p_above=0.9))
    assert f"it moved −1: {words}." in text
    assert ("comes about" in text) == (verdict != "inside")
    assert "well below" not in text and "well above" not in text
