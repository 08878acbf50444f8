"""The project's own labelled press set, scored by the shared scorer (issue 23, item 5).

The invented cases of tests/unit/cases/ (each a text with the facts a labeller would write)
are written out as a labelled folder in the layout of ../shared/press/LABELING.md (articles,
manifest.csv, expected_facts.csv) and scored by ../shared/press/score.py through
`press.evaluate`, like the shared sets. tests/unit/test_press_cases.py already requires each
case's facts exactly, everywhere; this shows the shared scorer, with its own matching rules,
agrees: F1 1.0 on every fact type. Skipped without ../shared (a failure under .ci/run).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from helpers import press
from helpers.press.evaluate import TYPES

CASES_DIR = Path(__file__).parents[1] / "unit" / "cases"
GOLD = ("file", "province", "year", "fact_type", "pillar", "indicator_text", "value", "target",
        "unit", "denominator", "notes")


def cell(value: object) -> str:
    """Return a labelled value as the CSV writes it (blank for none)."""
    return "" if value is None else str(value)


def cases() -> list[dict]:
    """Return every invented case of tests/unit/cases/press_*.jsonl with where it is written."""
    return [{**json.loads(line), "where": f"{path.name}:{number}"}
            for path in sorted(CASES_DIR.glob("press_*.jsonl"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip()]


def write_labelled_set(cases: list[dict], folder: Path) -> int:
    """Write the cases as a labelled folder; return the number of labelled facts."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest, gold = [], []
    for number, case in enumerate(cases, start=1):
        name = f"case{number:04d}.txt"
        (folder / name).write_text(case["text"], encoding="utf-8")
        manifest.append([name, case.get("home", "Bắc Ninh"), case.get("published", "2024-03-01"),
                         "invented for tests", case["where"]])
        gold += [[name, *(cell(fact[c]) for c in GOLD[1:5]), "", cell(fact["value"]),
                  cell(fact["target"]), "", cell(fact["denominator"]), ""]
                 for fact in case["facts"]]
    for name, header, rows in (("manifest.csv", ("file", "province", "published", "source_hint",
                                                 "notes"), manifest),
                               ("expected_facts.csv", GOLD, gold)):
        with open(folder / name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([header, *rows])
    return len(gold)


@pytest.mark.skipif(not press.SCORER.exists(),
                    reason="../shared/press/score.py is not beside this checkout")
def test_the_projects_own_cases_score_f1_one_with_the_shared_scorer(tmp_path):
    labelled = cases()
    assert len(labelled) >= 325
    facts = write_labelled_set(labelled, tmp_path / "cases")
    scores = press.evaluate(tmp_path / "cases")
    print(f"\n{len(labelled)} invented cases, {facts} facts\n" + press.table(scores))
    assert "errors" not in scores, scores["errors"]
    assert scores["overall"]["tp"] == facts
    low = {t: scores[t]["f1"] for t in TYPES if scores[t]["f1"] < 1}
    assert not low, f"the shared scorer disagrees with the cases' labels: {low}"
