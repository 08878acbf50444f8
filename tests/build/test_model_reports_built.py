"""A real report's fundamentals section states the model's rank range and no point prediction."""

import re

import pytest

from helpers import report


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_real_report_states_the_range_and_no_point_prediction(processed, lang):
    ctx = report.build("Lào Cai", 2024, lang, processed_dir=str(processed))
    section = ctx["fundamentals"]
    assert section["low80"] <= section["high80"] and section["low95"] <= section["low80"]
    for name in ("narrative", "fundamentals"):
        html = report.section_html(ctx, name)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        # the 80 % range as one phrase ("10–55", "10th to 55th"), not two stray numbers
        low, high = section["low80"], section["high80"]
        assert re.search(rf"(?<!\d){low}(?!\d)\D{{1,12}}(?<!\d){high}(?!\d)", text), (name, text)
        assert "predicted" not in text.lower() and "dự báo xếp" not in text


def test_a_real_report_leads_with_the_move_given_where_it_started(processed):
    ctx = report.build("Lào Cai", 2024, "en", processed_dir=str(processed))
    moves = ctx["fundamentals"]["given"]
    assert moves["previous_year"] == 2023 and moves["low80"] <= moves["high80"]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", report.section_html(ctx, "fundamentals")))
    lead = (f"Given its 2023 score, provinces like it usually moved between "
            f"{moves['low80_text']} and {moves['high80_text']} places; it moved "
            f"{moves['moved_text']}:")
    assert lead in text
    assert text.index(lead) < text.index("From development and governance alone")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_real_report_states_a_per_index_range_only_where_that_index_held_up(processed, lang):
    import pandas as pd

    from helpers.model import pillars

    checked = pd.read_csv(processed / "model" / "pillar_validation.csv")
    held = {i for i, ok in pillars.beats_persistence(checked).items() if ok}
    ranges = pd.read_csv(processed / "model" / "pillar_ranges.csv", dtype={"code": str})
    assert set(ranges["index"]) == held  # no range for an index that did worse than persistence
    ctx = report.build("Lào Cai", 2024, lang, processed_dir=str(processed))
    lines = ctx["fundamentals"]["pillars"]
    assert {p["measure"] for p in lines} == held
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", report.section_html(ctx, "fundamentals")))
    mine = ranges[(ranges["code"] == "10") & (ranges["year"] == 2024)].set_index("index")
    for p in lines:
        row = mine.loc[p["measure"]]
        phrase = (f"rank {row.rank_low80}–{row.rank_high80} of 63" if lang == "en"
                  else f"xếp hạng {row.rank_low80}–{row.rank_high80}/63")
        assert phrase in text
