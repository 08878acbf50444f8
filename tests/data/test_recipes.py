"""The recipe commands on copies of data/raw: add-source, press accept, new-notebook.

Every table and sentence here is INVENTED for the test; nothing is a real DTI result or article.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, press, provinces, sources
from helpers.build import cli, recipes
from helpers.press import review


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """Return a copy of data/raw a test may change."""
    copy = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, copy)
    return copy


def invented_table(path: Path, year: int, n: int = 34) -> Path:
    """Write an invented official ranking of the 34 units (ranks 1..34, scores falling)."""
    names = list(provinces.units()["name_vi"])[:n]
    rows = [f"{year},{i},{name},{0.9 - i / 100:.4f},invented for a test"
            for i, name in enumerate(names, start=1)]
    path.write_text("year,rank,province_as_published,score,source\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


ABOUT = {"title": "Invented DTI table", "origin": "tests/data/test_recipes.py",
         "licence": "invented"}


def test_add_source_appends_a_row_the_check_accepts(raw, tmp_path):
    before = (raw / "sources.csv").read_text(encoding="utf-8")
    file = invented_table(tmp_path / "official_2031_ranking.csv", 2031)
    row = recipes.add_source(file, "dti_ranking", "34", "2031", "overall", **ABOUT, raw_dir=raw)
    assert row["path"] == "dti/official_2031_ranking.csv"
    assert (raw / row["path"]).read_bytes() == file.read_bytes()  # copied as published
    after = (raw / "sources.csv").read_text(encoding="utf-8")
    assert after.startswith(before) and after.count("\n") == before.count("\n") + 1
    added = sources.register(raw / "sources.csv").loc["official_2031_ranking"]
    assert added["sha256"] == sources.sha256(file)
    assert (added["kind"], added["basis"], added["years"], added["measure"]) == (
        "dti_ranking", "34", "2031", "overall")
    assert added["columns"] == "year | rank | province_as_published | score | source"
    assert sources.check(raw) == []


def test_the_data_terms_table_follows_the_register(raw, tmp_path):
    """DATA-LICENSE.md's table is generated: a registered file gets its row, terms as given."""
    doc = tmp_path / "DATA-LICENSE.md"
    doc.write_text(f"# Data terms\n\n{recipes.TERMS_BEGIN}\n{recipes.TERMS_END}\n\nMore.\n",
                   encoding="utf-8")
    assert recipes.write_terms(raw, doc).endswith("rewritten from the register")
    assert recipes.write_terms(raw, doc).endswith("already matches the register")
    file = invented_table(tmp_path / "official_2031_ranking.csv", 2031)
    recipes.add_source(file, "dti_ranking", "34", "2031", "overall", **{
        **ABOUT, "licence": "reuse | with attribution"}, raw_dir=raw)
    assert recipes.write_terms(raw, doc).endswith("rewritten from the register")
    text = doc.read_text(encoding="utf-8")
    assert ("| `official_2031_ranking` | `dti/official_2031_ranking.csv` | "
            "tests/data/test_recipes.py | reuse \\| with attribution |") in text
    assert text.count("\n| `") == len(sources.register(raw / "sources.csv"))


@pytest.mark.parametrize(("options", "expected"), [
    ({"kind": "dti_rankings"}, "--kind 'dti_rankings' is not a kind the stages read"),
    ({"title": ""}, "give --title"),
    ({"basis": ""}, "column 'basis', value ''"),
    ({"measure": "pillar"}, "a dti_ranking file's measure is 'overall'"),
    ({"kind": "dti_scores", "measure": "overall+main_index"}, "column 'TinhThanh': missing"),
])
def test_add_source_refuses_a_row_the_check_would_refuse_and_changes_nothing(
        raw, tmp_path, options, expected):
    before = (raw / "sources.csv").read_bytes()
    file = invented_table(tmp_path / "official_2031_ranking.csv", 2031)
    given = {"kind": "dti_ranking", "basis": "34", "years": "2031", "measure": "overall",
             **ABOUT, **options}
    with pytest.raises(recipes.RecipeError, match=expected.replace("(", r"\(")):
        recipes.add_source(file, raw_dir=raw, **given)
    assert (raw / "sources.csv").read_bytes() == before
    assert not (raw / "dti" / file.name).exists()


def test_add_source_twice_asks_for_update(raw, tmp_path):
    file = invented_table(tmp_path / "official_2031_ranking.csv", 2031)
    recipes.add_source(file, "dti_ranking", "34", "2031", "overall", **ABOUT, raw_dir=raw)
    with pytest.raises(recipes.RecipeError, match="already registered .* add --update"):
        recipes.add_source(file, "dti_ranking", "34", "2031", "overall", **ABOUT, raw_dir=raw)
    assert (raw / "dti" / file.name).exists()  # the registered file stays


def write_folder(folder: Path, facts: list[dict], published: str = "2032-07-01") -> Path:
    """Write an invented article folder: manifest and the reviewed facts (no article text)."""
    folder.mkdir()
    (folder / "a1.txt").write_text("Invented: Lào Cai đứng thứ 9/34.\n", encoding="utf-8")
    pd.DataFrame([{"file": "a1.txt", "province": "Lào Cai", "published": published,
                   "source_hint": "https://example.org/invented"}]).to_csv(
        folder / "manifest.csv", index=False)
    pd.DataFrame(facts).to_csv(folder / "expected_facts.csv", index=False)
    return folder


FACT = {"file": "a1.txt", "province": "Lào Cai", "year": "2031", "fact_type": "dti_rank",
        "pillar": "overall", "indicator_text": "invented rank", "value": "9", "target": "",
        "unit": "rank", "denominator": "34", "notes": "invented"}


def test_press_accept_appends_the_reviewed_facts_and_re_registers_the_file(raw, tmp_path):
    folder = write_folder(tmp_path / "articles", [FACT, {**FACT, "value": "10",
                                                         "fact_type": "pillar_rank",
                                                         "pillar": "kinh_te_so"}])
    held = pd.read_csv(raw / "press" / "reviewed_facts.csv", dtype=str, keep_default_na=False)
    assert recipes.press_accept(folder, raw_dir=raw) == (2, 0)
    after = pd.read_csv(raw / "press" / "reviewed_facts.csv", dtype=str, keep_default_na=False)
    assert len(after) == len(held) + 2
    new = after.iloc[-2]
    assert (new.article_id, new.published, new.source_hint, new.year, new.value) == (
        "a1.txt", "2032-07-01", "https://example.org/invented", "2031", "9")
    assert sources.check(raw) == []  # the register holds the new sha256
    assert recipes.press_accept(folder, raw_dir=raw) == (0, 2)  # accepting twice adds nothing


def test_press_accept_keeps_an_undated_article_and_refuses_one_without_its_address(raw,
                                                                                   tmp_path):
    """An article that prints no date keeps an empty date (as 189 shipped facts do); one
    without its URL or publisher, or with a date that is no date, is refused once per article."""
    undated = write_folder(tmp_path / "undated", [FACT, {**FACT, "value": "10"}], published="")
    assert recipes.press_accept(undated, raw_dir=raw) == (2, 0)
    after = pd.read_csv(raw / "press" / "reviewed_facts.csv", dtype=str, keep_default_na=False)
    assert list(after.published.iloc[-2:]) == ["", ""]
    before = (raw / "press" / "reviewed_facts.csv").read_bytes()
    for name, published, hint, expected in (
            ("no_url", "2032", "", r"row 1 \(article 'a1.txt'\), column 'source_hint': empty"),
            ("bad_date", "July 2032", "https://example.org/x",
             "value 'July 2032': write the date")):
        folder = write_folder(tmp_path / name, [FACT, {**FACT, "value": "11"}], published)
        (folder / "manifest.csv").write_text(
            f"file,province,published,source_hint\na1.txt,Lào Cai,{published},{hint}\n",
            encoding="utf-8")
        with pytest.raises(recipes.RecipeError, match=expected) as caught:
            recipes.press_accept(folder, raw_dir=raw)
        assert str(caught.value).count("manifest.csv") == 1, "named once, not once per fact"
    assert (raw / "press" / "reviewed_facts.csv").read_bytes() == before


def test_press_accept_keeps_two_counts_of_one_value_over_different_totals(raw, tmp_path):
    """Two departments of 13 and two districts of 20 in one article are two facts, not one."""
    count = {**FACT, "fact_type": "indicator", "pillar": "", "value": "2", "unit": "sở",
             "denominator": "13"}
    folder = write_folder(tmp_path / "articles", [count, {**count, "unit": "huyện",
                                                          "denominator": "20"}, count])
    assert recipes.press_accept(folder, raw_dir=raw) == (2, 1)
    after = pd.read_csv(raw / "press" / "reviewed_facts.csv", dtype=str, keep_default_na=False)
    assert list(after.denominator.iloc[-2:]) == ["13", "20"]


@pytest.mark.skipif(not press.SCORER.exists(), reason="no ../shared/press beside the checkout")
def test_review_keeps_the_facts_of_an_undated_article_as_accept_does(tmp_path):
    """The recipe's review step leaves out an article without its address, not one without a
    date: the accept step keeps an undated article's facts with an empty date. A share of
    targets met is a count out of 100 (stage 11 asks an attainment for its target or N)."""
    folder = write_folder(tmp_path / "articles", [], published="")
    (folder / "a1.txt").write_text("Invented: năm 2031, Lào Cai xếp thứ 9/34. Lào Cai đã hoàn "
                                   "thành 70% chỉ tiêu giai đoạn 2026 – 2030.", encoding="utf-8")
    (folder / "b1.txt").write_text("Invented: năm 2031, Yên Bái xếp thứ 12/34.", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,province,published,source_hint\na1.txt,Lào Cai,,https://example.org/invented\n"
        "b1.txt,Yên Bái,2032,\n", encoding="utf-8")
    share = {**FACT, "year": "2030", "fact_type": "target_attainment", "pillar": "", "value": "70",
             "unit": "% of target", "denominator": ""}
    pd.DataFrame([FACT, share, {**FACT, "file": "b1.txt", "province": "Yên Bái", "value": "12"}]
                 ).to_csv(folder / "expected_facts.csv", index=False)
    table, left_out = review.review(folder)
    assert table[["file", "value", "denominator"]].values.tolist() == [["a1.txt", "9", "34"],
                                                                      ["a1.txt", "70", "100"]]
    assert left_out[-1] == "1 fact(s) of 1 article(s) whose manifest gives no URL or publisher"


def test_press_accept_keeps_targets_of_one_number_and_adds_nothing_for_a_fact_worded_anew(
        raw, tmp_path):
    """Three 80% targets of one article, described apart, are three facts; accepting them again
    with one described otherwise adds nothing, and one more target of 80% is added."""
    goal = {**FACT, "fact_type": "target_attainment", "pillar": "", "value": "", "target": "80",
            "unit": "%", "denominator": "", "year": "2035"}
    texts = ["target: digital signatures (%)", "target: payment accounts (%)", "target (%)"]
    folder = write_folder(tmp_path / "articles", [{**goal, "indicator_text": t} for t in texts])
    assert recipes.press_accept(folder, raw_dir=raw) == (3, 0)
    again = write_folder(tmp_path / "again", [{**goal, "indicator_text": t} for t in (
        *texts[:2], "target: fibre broadband (%)")])
    assert recipes.press_accept(again, raw_dir=raw) == (0, 3)
    more = write_folder(tmp_path / "more", [{**goal, "indicator_text": t} for t in (
        *texts, "target: mobile coverage (%)")])
    assert recipes.press_accept(more, raw_dir=raw) == (1, 3)
    after = pd.read_csv(raw / "press" / "reviewed_facts.csv", dtype=str, keep_default_na=False)
    assert after.indicator_text.iloc[-1] == "target: mobile coverage (%)"


def test_press_accept_names_a_bad_fact(raw, tmp_path):
    folder = write_folder(tmp_path / "articles", [{**FACT, "fact_type": "rank"}])
    with pytest.raises(recipes.RecipeError, match=r"expected_facts.csv, row 1 \(line 2\), "
                       "column 'fact_type', value 'rank'"):
        recipes.press_accept(folder, raw_dir=raw)


def test_new_notebook_has_what_the_suite_asks(tmp_path):
    path = recipes.new_notebook("21-pillar-models", notebooks_dir=tmp_path)
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert notebook["cells"][0]["source"][0] == "# Pillar models\n"
    assert "%autoreload 2" in "".join(code[0]["source"])
    assert "report-hide" in code[0]["metadata"]["tags"]
    assert [c for c in code if "parameters" in c["metadata"].get("tags", [])] == [code[1]]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert notebook["metadata"]["kernelspec"]["name"] == "dti"
    with pytest.raises(recipes.RecipeError, match="exists"):
        recipes.new_notebook("21-pillar-models", notebooks_dir=tmp_path)
    with pytest.raises(recipes.RecipeError, match="NN-words-with-hyphens"):
        recipes.new_notebook("pillar models", notebooks_dir=tmp_path)


def test_the_commands_are_on_the_dti_command_line(capsys):
    assert cli.main(["add-source", "/nonexistent.csv", "--kind", "nothing"]) == 1
    assert "--kind 'nothing' is not a kind" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["press", "accept", "--help"])
    assert "--review" in capsys.readouterr().out


def test_a_press_only_change_leaves_the_models_inputs_unchanged(raw, tmp_path, monkeypatch):
    from helpers.build import stages

    root = raw.parent
    shutil.copytree(config.NOTEBOOKS_DIR, root / "notebooks")
    (root / "data").mkdir()
    shutil.move(raw, root / "data" / "raw")
    monkeypatch.setattr(config, "ROOT", root)
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", root / "notebooks")
    [press_stage] = [s for s in stages.STAGES["data"] if s.notebook == "11-clean-targets"]
    [model_stage] = stages.STAGES["model"]
    before = stages.stage_key(press_stage), stages.stage_key(model_stage)
    folder = write_folder(tmp_path / "articles", [FACT])
    assert recipes.press_accept(folder, raw_dir=root / "data" / "raw") == (1, 0)
    after = stages.stage_key(press_stage), stages.stage_key(model_stage)
    assert after[0] != before[0], "the press stage re-runs"
    assert after[1] == before[1], "the model does not"


def test_reports_refuse_unreviewed_extracted_facts_unless_asked(processed, tmp_path,
                                                                 monkeypatch, capsys):
    folder = tmp_path / "processed"
    shutil.copytree(processed, folder)
    facts = pd.read_csv(folder / "press_facts.csv", dtype=str, keep_default_na=False)
    assert set(facts["origin"]) == {"reviewed"}
    extracted = facts.iloc[[0]].assign(article_id="invented.txt", origin="extracted")
    pd.concat([facts, extracted]).to_csv(folder / "press_facts.csv", index=False)
    monkeypatch.setattr(config, "PROCESSED_DIR", folder)
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    assert cli.main(["reports", "--only", "Lào Cai", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "press_facts.csv holds 1 fact(s) extracted automatically and not reviewed " \
           "(articles invented.txt" in err and "--allow-unreviewed" in err
    assert not (tmp_path / "reports" / "index.html").exists()
    built = []
    guarded = recipes.refuse_unreviewed(lambda args: built.append(args) or 0)
    args = argparse.Namespace(allow_unreviewed=True)
    assert guarded(args) == 0 and built == [args]
    assert "warning" in capsys.readouterr().err


def test_dti_check_names_a_report_set_page_that_is_no_province():
    from dataclasses import replace

    from helpers.build import plan

    shipped = plan.load()
    assert plan.problems() == [], "the shipped plan: notebooks there, pages resolve"
    preview = replace(shipped.report_sets["preview"], pages=("Lao Kai", "unit:Hà Giang"))
    found = plan.page_problems(plan.Plan(shipped.stages, {"preview": preview}))
    assert len(found) == 2
    assert found[0].startswith("pipeline.yml: report set preview, page 'Lao Kai': unknown "
                               "province") and "'Lào Cai'" in found[0]
    assert "not a 2025 unit" in found[1]
