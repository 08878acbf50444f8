"""Press fact descriptions read in the page's language (issue 11: no English on .vi pages)."""

import re

import pandas as pd
import pytest

from helpers import config
from helpers.report import press_words


@pytest.mark.parametrize(("english", "vietnamese"), [
    ("target: digital economy share of GRDP (%)", "Mục tiêu: tỷ trọng kinh tế số trong GRDP (%)"),
    ("DTI pillar rank (kinh_te_so)", "Thứ hạng trụ cột DTI (Kinh tế số)"),
    ("DTI main-indicator rank: Digital Economic Activities",
     "Thứ hạng chỉ số chính DTI: Hoạt động kinh tế số"),
    ("targets met of those set", "Số mục tiêu đạt trên tổng số mục tiêu"),
    ("share of targets met (% of target)", "Tỷ lệ mục tiêu hoàn thành (% số mục tiêu)"),
])
def test_a_description_is_worded_in_vietnamese_on_vietnamese_pages(english, vietnamese):
    assert press_words.describe(english, "vi") == vietnamese
    assert press_words.describe(english, "en") == english


def test_a_description_already_in_vietnamese_is_shown_as_it_is_and_marked_vietnamese():
    text = "mục tiêu hoàn thành"
    assert press_words.describe(text, "en") == text
    assert press_words.lang_of(text, "en") == "vi"


def test_every_shipped_description_reads_without_english_words_on_vietnamese_pages():
    facts = pd.read_csv(config.RAW_DIR / "press" / "reviewed_facts.csv", dtype=str,
                        keep_default_na=False)
    english = {"target", "indicator", "rank", "score", "change", "share", "pillar", "online",
               "services", "economy", "digital", "index", "main", "points", "met", "achieved"}
    for text in facts["indicator_text"].unique():
        shown = press_words.describe(text, "vi")
        left = {w.lower() for w in re.findall(r"[A-Za-z]+", shown)} & english
        assert not left, f"{text!r} reads {shown!r} on a Vietnamese page"
