"""Invented press sentences with the facts a labeller would write for them, kept as data.

Each line of ``cases/press_*.jsonl`` is one object: ``text`` (an invented sentence or short
article), optional ``home`` (the manifest province, default Bắc Ninh) and ``published``
(default 2024-03-01), a ``group`` naming the construction, and ``facts``: every fact of the
text in the columns of ``../shared/press/LABELING.md`` (province, year, fact_type, pillar,
value, target, denominator). The extractor must give exactly these facts, no more, no fewer.
"""

import json
from pathlib import Path

import pytest

from helpers import press

CASES_DIR = Path(__file__).parent / "cases"
COLUMNS = ("province", "year", "fact_type", "pillar", "value", "target", "denominator")


def load_cases() -> list[dict]:
    """Return every case of every press case file, in file and line order."""
    cases = []
    for path in sorted(CASES_DIR.glob("press_*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                cases.append({**json.loads(line), "where": f"{path.name}:{number}"})
    return cases


def row(fact: dict) -> tuple:
    """Return a fact as a comparable tuple (numbers as floats, blanks as None)."""
    out = []
    for column in COLUMNS:
        value = fact.get(column)
        if column in ("value", "target", "denominator") and value is not None:
            value = float(value)
        out.append("" if column == "pillar" and value is None else value)
    return tuple(out)


def order(item: tuple) -> str:
    """Sort rows whose years or values may be blank."""
    return repr(item)


def found(case: dict) -> list[tuple]:
    """Return the extractor's facts for a case's text, as sorted tuples."""
    article = press.Article("v.txt", case.get("home", "Bắc Ninh"),
                            case.get("published", "2024-03-01"), "",
                            press.clean_text(case["text"]))
    return sorted((row({c: getattr(f, c) for c in COLUMNS}) for f in press.extract(article)),
                  key=order)


CASES = load_cases()


def test_the_case_files_are_well_formed():
    assert len(CASES) >= 325
    for case in CASES:
        assert case["text"].strip() and isinstance(case["facts"], list), case["where"]
        for fact in case["facts"]:
            assert set(fact) == set(COLUMNS), case["where"]
            assert fact["fact_type"] in press.FACT_TYPES, case["where"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['where']} {c['text'][:50]}")
def test_case(case):
    assert found(case) == sorted((row(f) for f in case["facts"]), key=order)
