"""The targets-met sentence: tallies the sources state, each said once."""

from __future__ import annotations

from helpers.report import attainment


def tally(met: int, of: int, year: int | None, article: str) -> dict:
    """Return one invented press tally row shaped like targets.csv."""
    return {"kind": "tally", "how_judged": attainment.MET_TALLY, "achieved": met, "target": of,
            "year": year, "document": "press", "article_id": article, "met": None}


def test_the_same_count_in_two_press_reports_is_said_once():
    rows = [tally(11, 15, 2025, "a.txt"), tally(11, 15, 2025, "b.txt"),
            tally(12, 15, 2025, "c.txt")]
    groups = attainment.counts(rows)
    assert groups[0].tallies == ((11, 15, 2025), (12, 15, 2025))
    sentence = attainment.sentence(groups, "en")
    assert sentence.count("11 of 15") == 1 and sentence.count("12 of 15") == 1, sentence
    assert attainment.sentence(groups, "vi").count("11/15 ") == 1
