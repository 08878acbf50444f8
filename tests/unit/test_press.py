"""The press extractor on folders and labelled sets (sentences written for these tests)."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_folder

from helpers import press
from helpers.build import cli

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def facts(text: str, province: str = "Bắc Ninh", published: str = "2024-03-01"):
    article = press.Article("t.txt", province, published, "", press.clean_text(text))
    return press.extract(article)


def test_facts_carry_the_labelling_schema_and_their_provenance():
    [fact] = facts("Năm 2022, chỉ số DTI của tỉnh đứng thứ 12/63.")
    for column in ("file", "province", "year", "fact_type", "pillar", "value", "target", "unit",
                   "denominator", "indicator_text", "tag", "year_basis", "subject_basis",
                   "start", "end", "sentence"):
        assert column in press.COLUMNS
    assert (fact.file, fact.fact_type, fact.year_basis, fact.subject_basis) == (
        "t.txt", "dti_rank", "clause", "anaphor")


def test_spans_point_at_the_figure_in_the_cleaned_text():
    text = "Năm 2022, chỉ số DTI của tỉnh đứng thứ 12/63."
    article = press.Article("t.txt", "Bắc Ninh", "", "", press.clean_text(text))
    [fact] = press.extract(article)
    assert "12/63" in article.text[fact.start:fact.end]


def test_html_remnants_and_entities_are_cleaned():
    text = "<p>Năm 2022, chỉ số <b>DTI</b> đứng thứ&nbsp;12/63 &amp; tăng 3 bậc.</p>"
    assert press.clean_text(text) == "Năm 2022, chỉ số DTI đứng thứ 12/63 & tăng 3 bậc."


def test_lines_have_roles_and_sentences_do_not_end_at_semicolons():
    text = press.clean_text("https://x.vn/a\nTỉnh xếp thứ 5\n" + "Năm 2022, tỉnh đạt 0,61; "
                            "xếp thứ 5. Sau đó tăng 2 bậc. " * 3)
    found = press.sentences(text)
    assert [s.role for s in found[:3]] == ["url", "headline", "lead"]
    assert text[found[2].start:found[2].end].count(";") == 1


DEV = SEEDS.parent / "press" / "dev" / "articles"
DEV2 = SEEDS.parent / "press" / "dev2" / "articles"

#: Floors on the shared scorer's F1, per labelled set and fact type: on dev, the issue's floors
#: (issue 9); on the seeds, a ratchet a little under the measured level; on dev2 (issue 20), the
#: issue's floor overall (0.85; all 30 texts measured 0.876 after round five: dti_rank 0.898,
#: target_attainment 0.866, indicator 0.861) and a ratchet a little under the rest.
#: Raise them as the extractor improves, never lower them.
FLOORS = {
    "seeds": {"dti_rank": 0.95, "pillar_rank": 1.0, "target_attainment": 0.95,
              "indicator": 0.95, "overall": 0.95},
    "dev": {"dti_rank": 0.90, "pillar_rank": 0.90, "rank_change": 0.85,
            "target_attainment": 0.75, "indicator": 0.70, "overall": 0.90},
    "dev2": {"dti_rank": 0.88, "pillar_rank": 0.95, "rank_change": 0.95,
             "target_attainment": 0.85, "indicator": 0.84, "overall": 0.85},
}


@pytest.mark.skipif(not press.SCORER.exists(), reason="../shared/press is not beside this checkout")
@pytest.mark.parametrize(("name", "folder"), [("seeds", SEEDS), ("dev", DEV), ("dev2", DEV2)])
def test_labelled_sets_scored_by_the_shared_scorer_hold_their_floors(name, folder):
    if not (folder / "expected_facts.csv").exists():
        pytest.skip(f"{folder} is not there")
    scores = press.evaluate(folder)
    print(f"\n{name}\n" + press.table(scores))
    low = {t: (scores.get(t, {}).get("f1", 0.0), floor) for t, floor in FLOORS[name].items()
           if scores.get(t, {}).get("f1", 0.0) < floor}
    assert not low, f"{name}: F1 below its floor (measured, floor): {low}"


def test_the_build_cache_follows_the_press_package():
    from helpers.build import cache
    assert "press" in cache.closure({"targets.press_targets"})
    assert {"press.extract", "press.grammar"} <= cache.closure({"press"})
    assert {"provinces", "vntext", "config"} <= cache.closure({"press"})


def test_an_article_without_a_manifest_province_is_read_as_national(tmp_path):
    write_folder(tmp_path, {"n.txt": "Năm 2023, DTI quốc gia đạt 0,7100. Tỉnh Cà Mau xếp thứ "
                            "3/63 về chuyển đổi số.".encode()}, [("n.txt", "")])
    found, errors = press.extract_folder(tmp_path)
    assert not errors
    assert found[["province", "fact_type", "value"]].values.tolist() == [
        ["Toàn quốc", "indicator", 0.71], ["Cà Mau", "dti_rank", 3.0]]


def test_extract_prints_the_schema_as_csv_and_dti_press_is_the_same_command(tmp_path, capsys):
    write_folder(tmp_path, {"a.txt": "Năm 2022, chỉ số DTI của tỉnh đứng thứ 12/63.".encode()},
                 [("a.txt", "Lào Cai")])
    done = subprocess.run([sys.executable, "-m", "helpers.press", "extract", str(tmp_path)],
                          capture_output=True, text=True, check=True)
    [row] = list(csv.DictReader(io.StringIO(done.stdout)))
    assert (row["file"], row["province"], row["year"], row["fact_type"], row["value"],
            row["denominator"]) == ("a.txt", "Lào Cai", "2022", "dti_rank", "12.0", "63.0")
    assert "sentence" not in row
    assert cli.main(["press", "extract", str(tmp_path)]) == 0
    assert capsys.readouterr().out == done.stdout


def test_explain_prints_each_fact_with_how_its_year_and_subject_were_resolved(tmp_path, capsys):
    write_folder(tmp_path, {"a.txt": ("Kết quả DTI 2022 đã được công bố.\nRiêng Kon Tum, tỉnh "
                                      "này đứng thứ 44/63.").encode()}, [("a.txt", "Gia Lai")])
    assert cli.main(["press", "explain", str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "home Gia Lai" in out and "dti_rank overall | Kon Tum | 2022" in out
    assert "context" in out and "anaphor (the entity just named)" in out
    assert "[đứng thứ 44/63]" in out
