"""Provinces' own targets on the shipped tables: the plan table, every target on its page."""

import shutil

import pandas as pd
import pytest

from helpers import config, provinces, rankings
from helpers.report import claims, goal_pages, narrative
from helpers.schemas import DataValidationError
from helpers.targets import goals, plan_targets

BAC_GIANG, BAC_NINH = "24", "27"


# -- the raw table --------------------------------------------------------------------------------
def test_a_bad_plan_row_names_file_row_column_and_value(tmp_path):
    raw = tmp_path / "raw"
    (raw / "targets").mkdir(parents=True)
    text = (config.RAW_DIR / plan_targets.PLAN_FILE).read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1]
    bad = first.replace("Hà Nội,63,rank_top_n", "Bắc Nihn,63,rank_bottom", 1)
    assert bad != first
    worse = first.replace(",5,2025,", ",năm,1999,", 1)
    assert worse != first
    (raw / plan_targets.PLAN_FILE).write_text("\n".join([header, first, bad, worse]) + "\n",
                                              encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        plan_targets.load_plan(raw)
    message = str(caught.value)
    assert "targets/dti_targets.csv, row 2 (line 3), column 'province', value 'Bắc Nihn'" in message
    assert "Bắc Ninh" in message  # the closest candidate
    assert "column 'target_kind', value 'rank_bottom'" in message
    assert "row 3 (line 4), column 'target_value', value 'năm': expected a number" in message
    assert "row 3 (line 4), column 'due_year', value '1999': expected a due year" in message
    assert not (tmp_path / "processed").exists()


def test_the_shipped_plan_table_is_the_shared_copy_and_covers_the_stated_provinces():
    shared = config.ROOT.parent / "shared" / "data" / plan_targets.PLAN_FILE
    if shared.exists():
        assert shared.read_bytes() == (config.RAW_DIR / plan_targets.PLAN_FILE).read_bytes()
    table = goals.unite(plan_targets.load_plan(), None)
    assert len(table) == 127
    cover = goals.coverage(table).set_index("basis")
    assert cover.loc[63, "none found"] == 14 and cover.loc[34, "none found"] == 15
    assert cover.loc[63, "with a DTI rank, score or pillar target"] == 21


# -- every raw target reaches its page ------------------------------------------------------------
@pytest.fixture(scope="module")
def real_goals() -> pd.DataFrame:
    return goals.with_status(goals.unite(plan_targets.load_plan(), None), rankings.clean().rankings)


def test_every_target_in_the_raw_table_reaches_the_page_of_its_province_or_unit(real_goals):
    raw = pd.read_csv(config.RAW_DIR / plan_targets.PLAN_FILE, dtype=str, keep_default_na=False)
    codes = [provinces.resolve(n, basis=int(b)) for n, b in zip(raw["province"], raw["basis"],
                                                                strict=True)]
    pages: dict[tuple[str, str], str] = {}
    for code in sorted(set(codes) | {provinces.unit_of(c) for c in codes if c[0] != "U"}):
        for lang in narrative.LANGS:
            section = {"w": goal_pages.WORDS[lang], "rows": goal_pages.goal_rows(real_goals, code,
                                                                                 lang),
                       "counts": [], "claims": [], "claims_summary": ""}
            pages[code, lang] = narrative.render("targets.html.j2", t=narrative.TEXT[lang],
                                                 goals=section, name=code, lang=lang)
    for row, code in zip(raw.itertuples(), codes, strict=True):
        shown = [code] if code.startswith("U") else [code, provinces.unit_of(code)]
        for page in shown:
            for lang in narrative.LANGS:
                html = pages[page, lang]
                assert f'href="{row.source_url.replace("&", "&amp;")}"' in html, (row, page)
    statuses = {goal_pages.WORDS["vi"][f"status_{s}"] for s in real_goals["status"]}
    assert all(any(s in pages[c, "vi"] for s in statuses) for c in set(codes))


def test_the_targets_pages_list_every_province_with_a_dti_target(real_goals, tmp_path):
    processed = tmp_path / "processed"
    processed.mkdir()
    plan_targets.write(real_goals, processed)
    shutil.copy(config.PROCESSED_DIR / "dti_rankings.csv", processed) if (
        config.PROCESSED_DIR / "dti_rankings.csv").exists() else \
        rankings.write(rankings.clean(), processed)
    paths = goal_pages.write_pages(tmp_path / "reports", str(processed))
    assert [p.name for p in paths] == ["targets.html", "targets.vi.html"]
    dti = real_goals[real_goals["kind"].isin(goals.DTI_KINDS)]
    for path, lang in zip(paths, narrative.LANGS, strict=True):
        html = path.read_text(encoding="utf-8")
        for code in set(dti["code"]):
            table = provinces.units() if code.startswith("U") else provinces.provinces()
            geography = "unit" if code.startswith("U") else "province"
            assert f'href="{geography}/{table.loc[code, "slug"]}.{lang}.html"' in html
        assert html.count("<tr class=") == len(dti)
    before = paths[0].stat().st_mtime_ns
    goal_pages.write_pages(tmp_path / "reports", str(processed))
    assert paths[0].stat().st_mtime_ns == before  # unchanged content: not rewritten


# -- claims and counts ----------------------------------------------------------------------------
def claim(**fields) -> dict:
    base = {"province_code": BAC_NINH, "name_vi": "Bắc Ninh", "article_id": "a.txt",
            "fact_type": "dti_rank", "measure": "overall", "year": 2022, "claimed_rank": 7,
            "of": 63.0, "official_rank": 7, "status": "consistent", "why": "", "origin": "x",
            "basis": 63, "checked_against": "official", "independent": True}
    return {**base, **fields}


def test_the_claims_sentence_says_against_what_each_claim_was_checked():
    rows = [claim(), claim(year=2023, checked_against="derived"),
            claim(province_code=BAC_GIANG, article_id="b.txt", year=2020,
                  checked_against="own_press", independent=False),
            claim(article_id="b.txt", year=2024, basis=34, checked_against="derived",
                  status="inconsistent", official_rank=2),
            claim(article_id="b.txt", year=None, basis=None, status="not verifiable",
                  official_rank=None, checked_against="none", independent=False)]
    counted = claims.counts(rows)
    assert (counted.claims, counted.articles, counted.checked, counted.dependent) == (5, 2, 4, 1)
    assert claims.sentence(counted, "en") == (
        "Of the 5 ranks it claims, 4 could be checked: 1 against the ministry's table, 2 "
        "against ranks derived from the published scores; 1 only against the province's own "
        "media or the same publisher (not independent). Of the 3 checked independently, 2 "
        "match and 1 differs.")
    assert claims.sentence(counted, "vi").startswith("Trong 5 thứ hạng tỉnh công bố, 4 thứ hạng")
    shown = claims.rows(rows, {"a.txt": "an invented paper"}, 63, "en")
    assert [r["status_text"] for r in shown[:3]] == [
        "consistent", "consistent", "consistent (not an independent check)"]
    assert [r["of_basis"] for r in shown] == [None, None, None, 34, None]  # 34 on a 63 page


def test_a_page_whose_claims_were_all_checked_by_their_own_publisher_says_so():
    rows = [claim(checked_against="same_publisher", independent=False)]
    assert claims.sentence(claims.counts(rows), "en") == (
        "Of the 1 rank it claims, 1 could be checked: 1 only against the province's own "
        "media or the same publisher (not independent). None was checked independently.")
    assert claims.sentence(claims.counts([]), "en") == ""


def test_a_figure_stated_beside_a_later_target_is_judged_as_of_its_article():
    """An article of 2031 stating 7% against a 10% target for 2033 shows a position (behind),
    not a verdict (not met) dated 2033; an undated article keeps the target's year."""
    row = {"province_code": "10", "name_vi": "Lào Cai", "kind": "attainment",
           "indicator": "target: digital economy share of GRDP (%)", "year": 2033,
           "achieved": 7.0, "target": 10.0, "attainment_ratio": 0.7, "met": False,
           "how_judged": "invented", "article_id": "a1.txt", "published": "2031-11-28",
           "source_id": "press_reviewed_facts", "document": "press"}
    table = goals.from_press(pd.DataFrame([row, {**row, "article_id": "b1.txt",
                                                 "published": ""}]))
    judged = [goals.judge(g, pd.DataFrame()) for _, g in table.iterrows()]
    assert [(j["status"], j["judged_year"]) for j in judged] == [("behind", 2031),
                                                                  ("not_met", 2033)]
