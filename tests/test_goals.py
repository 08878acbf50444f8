"""Provinces' own targets: status on small invented tables, and every raw target on its page."""

import shutil

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import config, goal_pages, goals, narrative, plan_targets, provinces, rankings
from helpers.schemas import DataValidationError

BAC_GIANG, BAC_NINH, UNIT_BAC_NINH = "24", "27", "U27"


# -- invented tables ------------------------------------------------------------------------------
def invented_rankings(own: dict[tuple[str, int], int], pillar: dict | None = None) -> pd.DataFrame:
    """Rank all 63 provinces for 2022-2024 on the 63 basis; a few get the ranks given."""
    codes = list(provinces.provinces().index)
    rows = []
    for year in (2022, 2023, 2024):
        fixed = {code: rank for (code, y), rank in own.items() if y == year}
        others = iter(r for r in range(1, 64) if r not in fixed.values())
        for code in codes:
            rank = fixed.get(code) or next(others)
            rows.append({"province_code": code, "basis": 63, "year": year, "measure": "overall",
                         "rank": rank, "score": round(0.9 - rank / 200, 4)})
    for (code, year, measure), rank in (pillar or {}).items():
        rows.append({"province_code": code, "basis": 63, "year": year, "measure": measure,
                     "rank": rank, "score": None})
    frame = pd.DataFrame(rows)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def plan(*targets: dict) -> pd.DataFrame:
    """Return plan rows shaped like plan_targets.load_plan's output (invented targets)."""
    base = {"province": "Bắc Giang", "basis": "63", "target_kind": "rank_top_n",
            "indicator": "DTI rank", "target_value": "10", "due_year": "2025", "stated_in": "",
            "document": "an invented plan", "source_url": "https://example.org/plan",
            "quote": "", "notes": ""}
    rows = [{**base, **t} for t in targets]
    frame = pd.DataFrame(rows, columns=plan_targets.PLAN_COLUMNS)
    frame["row"] = range(1, len(frame) + 1)
    frame["code"] = [provinces.resolve(n, basis=int(b))
                     for n, b in zip(frame["province"], frame["basis"], strict=True)]
    return frame


def judged(plan_rows: pd.DataFrame, ranked: pd.DataFrame,
           press: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the united, judged goals of invented plan rows."""
    return goals.with_status(goals.unite(plan_rows, press), ranked)


# -- status logic ---------------------------------------------------------------------------------
def test_a_due_year_already_assessed_is_met_or_not_met_on_that_years_rank():
    ranked = invented_rankings({(BAC_GIANG, 2022): 18, (BAC_NINH, 2022): 52})
    table = judged(plan({"target_value": "20", "due_year": "2022"},
                        {"province": "Bắc Ninh", "target_kind": "rank_exact",
                         "target_value": "30", "due_year": "2022"}), ranked)
    assert table["status"].tolist() == ["met", "not_met"]
    assert table["judged_year"].tolist() == [2022, 2022]
    assert table["judged_value"].tolist() == [18.0, 52.0]


def test_a_later_due_year_is_on_track_or_behind_on_the_latest_rank_with_the_needed_score():
    ranked = invented_rankings({(BAC_GIANG, 2024): 5, (BAC_NINH, 2024): 13})
    table = judged(plan({"due_year": "2030"}, {"province": "Bắc Ninh", "due_year": "2030"}),
                   ranked)
    assert table["status"].tolist() == ["on_track", "behind"]
    tenth = ranked.query("year == 2024 and rank == 10")["score"].iloc[0]
    assert table["needed_score"].tolist() == [tenth, tenth]
    row = goal_pages.goal_rows(table, BAC_NINH, "en")[0]
    assert f"top 10 in 2024 needed at least {narrative.number(tenth, 'en')}" in row["needed"]
    assert "latest rank 13 (2024)" == row["detail"]


def test_without_a_rank_to_compare_a_future_target_is_not_yet_due_a_past_one_unassessable():
    ranked = invented_rankings({})
    table = judged(plan({"target_kind": "pillar_rank_top_n", "indicator": "chính quyền số rank",
                         "target_value": "5", "due_year": "2030"},
                        {"target_kind": "pillar_rank_top_n", "indicator": "chính quyền số rank",
                         "target_value": "5", "due_year": "2023"}), ranked)
    assert table["measure"].tolist() == ["chinh_quyen_so", "chinh_quyen_so"]
    assert table["status"].tolist() == ["not_yet_due", "not_assessable"]


def test_a_pillar_target_is_judged_on_the_latest_pillar_rank_held():
    ranked = invented_rankings({}, pillar={(BAC_GIANG, 2023, "chinh_quyen_so"): 9})
    table = judged(plan({"target_kind": "pillar_rank_top_n", "indicator": "chính quyền số rank",
                         "target_value": "5", "due_year": "2030"}), ranked)
    assert table.loc[0, "status"] == "behind" and table.loc[0, "judged_year"] == 2023


def test_a_target_of_a_merged_predecessor_shows_on_its_unit_page_as_the_predecessors():
    ranked = invented_rankings({(BAC_GIANG, 2024): 13})
    table = judged(plan({"target_value": "15"}), ranked)
    assert table.loc[0, "unit_code"] == UNIT_BAC_NINH
    rows = goal_pages.goal_rows(table, UNIT_BAC_NINH, "en")
    assert len(rows) == 1 and rows[0]["whose"] == "Bắc Giang, before the 2025 merger"
    assert goal_pages.goal_rows(table, UNIT_BAC_NINH, "vi")[0]["whose"].startswith("Bắc Giang")
    assert goal_pages.goal_rows(table, BAC_GIANG, "en")[0]["whose"] == "own"
    assert goal_pages.goal_rows(table, BAC_NINH, "en") == []  # not the other predecessor's


def test_a_range_keeps_its_lower_end_and_says_so():
    table = judged(plan({"target_kind": "other_dx", "indicator": "Digital economy share of "
                         "GRDP (%)", "target_value": "25", "due_year": "2030",
                         "notes": "Range 25-30% (value = lower bound)."}), invented_rankings({}))
    assert table.loc[0, "range"] and table.loc[0, "value"] == 25.0
    assert table.loc[0, "status"] == "no_achieved_figure"
    row = goal_pages.goal_rows(table, BAC_GIANG, "en")[0]
    assert row["value"] == "25%" and "lower end of a printed range" in row["notes"]
    assert row["status_text"] == "no achieved figure in the sources held"


def test_an_annual_improvement_is_judged_on_the_latest_change():
    ranked = invented_rankings({(BAC_GIANG, 2023): 15, (BAC_GIANG, 2024): 13,
                                (BAC_NINH, 2023): 12, (BAC_NINH, 2024): 12})
    table = judged(plan({"target_kind": "rank_improve", "target_value": "1", "due_year": ""},
                        {"province": "Bắc Ninh", "target_kind": "rank_improve",
                         "target_value": "1", "due_year": ""}), ranked)
    assert table["annual"].all()
    assert table["status"].tolist() == ["met", "not_met"]
    assert table["judged_value"].tolist() == [2.0, 0.0]


def test_two_conflicting_targets_for_one_year_are_both_kept_and_flagged():
    ranked = invented_rankings({(BAC_GIANG, 2024): 12})
    table = judged(plan({"target_value": "10"}, {"target_value": "20"}, {"due_year": "2030"}),
                   ranked)
    assert len(table) == 3
    assert table["conflicting"].tolist() == [True, True, False]
    assert table["status"].tolist() == ["behind", "on_track", "behind"]


def test_what_a_source_says_is_shown_beside_the_status_and_a_contradiction_flagged():
    ranked = invented_rankings({(BAC_GIANG, 2024): 16})
    table = judged(plan({"notes": "Achieved: DTI2022 5/63."},
                        {"target_kind": "other_dx", "indicator": "Digital economy share of "
                         "GRDP (%)", "target_value": "30",
                         "notes": "NOT achieved: 16.25% in 2024 (a later report)."}), ranked)
    rank, share = table.iloc[0], table.iloc[1]
    assert (rank["status"], rank["stated_status"], rank["disagrees"]) == ("behind", "met", True)
    assert (share["stated_achieved"], share["stated_year"]) == (16.25, 2024)
    assert (share["status"], share["disagrees"]) == ("behind", False)
    row = goal_pages.goal_rows(table, BAC_GIANG, "en")[0]
    assert row["stated"] == "the source's notes: met" and row["disagrees"]


def test_a_figure_called_achieved_is_no_verdict():
    assert goals.stated_outcome("Article 28/11/2023: 7.18% achieved vs 10% target.") == \
        ("", 7.18, 2023)


def test_a_plan_target_and_the_same_target_in_the_press_become_one_row_with_both_sources():
    press = pd.DataFrame([{"province_code": BAC_GIANG, "name_vi": "Bắc Giang", "kind": "rank",
                           "indicator": "nhóm 15 tỉnh dẫn đầu", "year": 2025, "achieved": None,
                           "target": 15.0, "attainment_ratio": None, "met": None,
                           "how_judged": "", "article_id": "x.txt", "published": "2021-05",
                           "source_id": "press_reviewed_facts"},
                          {"province_code": BAC_GIANG, "name_vi": "Bắc Giang",
                           "kind": "attainment", "indicator": "hồ sơ xử lý trên mạng",
                           "year": 2024, "achieved": 97.0, "target": 95.0,
                           "attainment_ratio": 97 / 95, "met": True, "how_judged": "",
                           "article_id": "x.txt", "published": "2021-05",
                           "source_id": "press_reviewed_facts"}])
    facts = pd.DataFrame([{"article_id": "x.txt", "fact_type": "target_attainment",
                           "indicator_text": "nhóm 15 tỉnh dẫn đầu", "value": None,
                           "target": 15.0, "denominator": 63.0, "unit": "rank",
                           "source_hint": "an invented paper"}])
    table = goals.with_status(goals.unite(plan({"target_value": "15"}), press, facts),
                              invented_rankings({(BAC_GIANG, 2024): 13}))
    assert len(table) == 2
    rank = table[table["kind"] == "rank_top_n"].iloc[0]
    assert rank["origin"] == "plan+press"
    assert rank["sources"] == "plan_targets:1 | press_reviewed_facts:x.txt"
    assert rank["documents"] == "an invented plan | an invented paper, 2021-05"
    attained = table[table["kind"] == "other_dx"].iloc[0]
    assert (attained["status"], attained["stated_achieved"]) == ("met", 97.0)


def test_the_rank_target_is_drawn_as_a_line_at_n_up_to_its_due_year():
    fig = Figure()
    ax = fig.subplots()
    ax.plot([2020, 2024], [40, 12])
    ax.set_xlim(2019.6, 2024.6)
    chart = [{"code": BAC_GIANG, "value": 10.0, "due_year": 2022, "status": "met"}]
    goal_pages.draw_rank_targets(ax, {"goals": {"chart": chart}, "lang": "en"})
    segments = ax.collections[-1].get_segments()[0]
    assert segments[:, 1].tolist() == [10.0, 10.0] and segments[1, 0] == 2022.0
    assert any(t.get_text().strip() == "top 10 by 2022" for t in ax.texts)
    assert ax.get_xlim() == (2019.6, 2024.6)
    goal_pages.draw_rank_targets(ax, {"lang": "en"})  # a context without targets draws nothing
    assert len(ax.collections) == 1


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
    goal_pages._tables.cache_clear()
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
            "of": 63.0, "official_rank": 7, "status": "consistent", "why": "", "origin": "x"}
    return {**base, **fields}


def test_the_claims_check_says_against_what_and_counts_each_article_once(real_goals):
    ranked = rankings.clean().rankings
    claims = [claim(), claim(year=2023, claimed_rank=9, official_rank=9),
              claim(province_code=BAC_GIANG, article_id="b.txt", year=2020, claimed_rank=10,
                    official_rank=10),
              claim(article_id="b.txt", year=None, status="not verifiable", official_rank=None)]
    rows, summary = goal_pages.claim_rows(claims, {"a.txt": "an invented paper"}, ranked,
                                          [BAC_NINH, BAC_GIANG], "en")
    assert [r["against"] for r in rows] == ["official", "derived", "own_press", "none"]
    assert rows[2]["against_text"] == "ranks reported by the province's own media " \
                                      "(not independent)"
    assert summary == "4 claimed rank(s) from 2 article(s): 3 consistent, 0 inconsistent, " \
                      "1 not verifiable."


def test_target_counts_are_shown_as_the_source_states_them():
    facts = pd.DataFrame([
        {"province": "Lào Cai", "fact_type": "target_count", "value": 7.0, "denominator": 24.0,
         "target": None, "indicator_text": "mục tiêu hoàn thành", "year": 2024, "unit": "",
         "source_hint": "an invented paper", "published": "2024-04", "article_id": "c.txt"},
        {"province": "Lào Cai", "fact_type": "indicator", "value": 2.0, "denominator": 24.0,
         "target": None, "indicator_text": "mục tiêu đạt dưới 50%", "year": 2024, "unit": "",
         "source_hint": "an invented paper", "published": "2024-04", "article_id": "c.txt"},
        {"province": "Lào Cai", "fact_type": "indicator", "value": 6.0, "denominator": 8.0,
         "target": None, "indicator_text": "huyện có camera", "year": 2024, "unit": "huyện",
         "source_hint": "an invented paper", "published": "2024-04", "article_id": "c.txt"}])
    counted = goal_pages.counted_facts(facts)
    assert [(c["v"], c["d"]) for c in goal_pages.stated_counts(counted, ["10"])] == \
        [("7", 24), ("2", 24)]
    assert goal_pages.stated_counts(counted, [BAC_NINH]) == []


def test_a_count_of_targets_met_is_no_target_of_its_own():
    press = pd.DataFrame([{"province_code": "10", "name_vi": "Lào Cai", "kind": "attainment",
                           "indicator": "mục tiêu hoàn thành", "year": 2024, "achieved": 7.0,
                           "target": 24.0, "attainment_ratio": 7 / 24, "met": False,
                           "how_judged": "targets met of the number set", "article_id": "c.txt",
                           "published": "2024-04", "source_id": "press_reviewed_facts"}])
    assert goals.from_press(press).empty
    facts = pd.DataFrame([{"article_id": "c.txt", "indicator_text": "mục tiêu hoàn thành",
                           "denominator": 24.0, "target": None, "unit": "mục tiêu",
                           "fact_type": "target_attainment", "source_hint": "an invented paper"}])
    assert goals.from_press(press.assign(how_judged=""), facts).empty


def test_a_report_shows_its_targets_and_draws_the_rank_target(processed, monkeypatch):
    from helpers import report

    ctx = report.build("Vĩnh Phúc", lang="vi", processed_dir=str(processed))
    html = report.section_html(ctx, "targets")
    assert html.count('class="goal ') == len(goal_pages.page_goals(goals.read(processed), "26"))
    assert "Xếp hạng DTI: nhóm 20 dẫn đầu" in html and "có mục tiêu khác cho cùng năm" in html
    assert "plan_targets" in {s["source_id"] for s in ctx["method"]["sources"]}
    assert [t["due_year"] for t in ctx["goals"]["chart"]] == [2022, 2025, 2025]
    drawn = []
    draw = goal_pages.draw_rank_targets
    monkeypatch.setattr(goal_pages, "draw_rank_targets",
                        lambda ax, c: drawn.append(c["goals"]["chart"]) or draw(ax, c))
    assert "<img" in report.section_html(ctx, "history") and drawn == [ctx["goals"]["chart"]]


def test_the_score_that_reached_the_target_rank_is_given_for_every_scored_year():
    ranked = invented_rankings({(BAC_GIANG, 2022): 18, (BAC_GIANG, 2024): 12})
    table = judged(plan({"target_value": "20", "due_year": "2022"}, {"due_year": "2030"}),
                   ranked)
    board = goals.score_board(ranked)
    trail = goals.trajectory(board, BAC_GIANG, 63, 20)
    assert [t["year"] for t in trail] == [2022, 2023, 2024]
    assert [t["needed"] for t in trail] == [round(0.9 - 20 / 200, 4)] * 3
    assert trail[0]["score"] == round(0.9 - 18 / 200, 4) and trail[0]["rank"] == 18
    met, later = goal_pages.goal_rows(table, BAC_GIANG, "en", board)
    assert met["needed"].startswith("To be in the top 20 in 2022 needed at least 0.8000")
    assert later["needed"].startswith("To be in the top 10 in 2024 needed at least 0.8500")
    assert later["years"].count(" · ") == 2
