"""Provinces' own targets: status on small invented tables (shipped tables: tests/data)."""


import pandas as pd
from matplotlib.figure import Figure

from helpers import provinces
from helpers.report import goal_pages, narrative
from helpers.targets import goals, plan_targets

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
    tenth, eleventh = (ranked.query(f"year == 2024 and rank == {r}")["score"].iloc[0]
                       for r in (10, 11))
    # inside the top 10, Bắc Giang needed the 10th score of the others (the 11th overall)
    assert table["needed_score"].tolist() == [eleventh, tenth]
    assert goal_pages.goal_rows(table, BAC_GIANG, "en")[0]["status_text"] == \
        "currently within the target"
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
    # the latest assessment is 2024: a 2023 pillar rank is not judged on, and the page says so
    assert table.loc[0, "status"] == "not_assessable" and table.loc[0, "judged_year"] == 2023
    row = goal_pages.goal_rows(table, BAC_GIANG, "en")[0]
    assert row["detail"] == "the latest rank of this measure held is from 2023 (9), older than " \
                            "the latest assessment"
    assert "no longer be assessed as set" in "; ".join(row["notes"])  # due 2030, 63 basis


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
                           "article_id": "x.txt", "published": "2025-01",  # 2024's, printed after
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


def test_the_score_that_reached_the_target_rank_is_given_for_every_scored_year():
    ranked = invented_rankings({(BAC_GIANG, 2022): 18, (BAC_GIANG, 2024): 12})
    table = judged(plan({"target_value": "20", "due_year": "2022"}, {"due_year": "2030"}),
                   ranked)
    board = goals.score_board(ranked)
    trail = goals.trajectory(board, BAC_GIANG, 63, 20)
    assert [t["year"] for t in trail] == [2022, 2023, 2024]
    assert [t["needed"] for t in trail] == [round(0.9 - 21 / 200, 4)] * 3  # 20th of the others
    assert trail[0]["score"] == round(0.9 - 18 / 200, 4) and trail[0]["rank"] == 18
    met, later = goal_pages.goal_rows(table, BAC_GIANG, "en", board)
    assert met["needed"].startswith("To be in the top 20 in 2022 needed at least 0.7950")
    assert later["needed"].startswith("To be in the top 10 in 2024 needed at least 0.8500")
    assert later["years"].count(" · ") == 2


# -- target rows that would mislead ---------------------------------------------------------------
def press_goal(indicator: str, value: float, due: int, code: str = BAC_NINH) -> pd.DataFrame:
    """Return one invented press target shaped like the press stage's targets table."""
    return pd.DataFrame([{"province_code": code, "name_vi": provinces.display_name(code),
                          "kind": "goal", "indicator": indicator, "year": due,
                          "achieved": None, "target": value, "attainment_ratio": None,
                          "met": None, "how_judged": "target only", "article_id": "p.txt",
                          "published": "2023-11", "source_id": "press_reviewed_facts"}])


def test_a_plan_and_a_press_target_for_the_same_indicator_and_year_conflict():
    table = judged(plan({"province": "Bắc Ninh", "target_kind": "other_dx",
                         "indicator": "Digital economy share of GRDP (%)",
                         "target_value": "30", "due_year": "2030"}), invented_rankings({}),
                   press_goal("target: digital economy share of GRDP (%)", 35.0, 2030))
    assert table["conflicting"].tolist() == [True, True]


def test_a_plan_target_the_press_repeats_is_one_row_with_both_sources():
    table = judged(plan({"province": "Bắc Ninh", "target_kind": "other_dx",
                         "indicator": "Digital economy share of GRDP (%)",
                         "target_value": "30", "due_year": "2030"}), invented_rankings({}),
                   press_goal("target: digital economy share of GRDP (%)", 30.0, 2030))
    assert len(table) == 1, table[["indicator", "origin"]]
    row = table.iloc[0]
    assert row["origin"] == "plan+press" and not row["conflicting"]
    assert "plan_targets:1" in row["sources"] and "press_reviewed_facts:p.txt" in row["sources"]
    unnamed = judged(plan({"province": "Bắc Ninh", "target_kind": "other_dx",
                           "indicator": "E-commerce share (%)", "target_value": "20"}),
                     invented_rankings({}), press_goal("target (%)", 20.0, 2025))
    assert len(unnamed) == 2, "a target whose indicator is not named is not merged by value"


def test_targets_whose_indicator_the_source_does_not_name_conflict_with_nothing_and_say_so():
    press = pd.concat([press_goal("target (%)", 20.0, 2025), press_goal("target (%)", 2.0, 2025)])
    table = judged(plan({"province": "Bắc Ninh", "target_kind": "other_dx",
                         "indicator": "E-commerce share (%)", "due_year": "2025"}),
                   invented_rankings({}), press)
    assert not table["conflicting"].any()
    labels = [r["label"] for r in goal_pages.goal_rows(table, BAC_NINH, "en")]
    assert labels.count("an indicator the source does not name (%)") == 2


def test_an_achieved_figure_the_press_holds_for_the_same_concept_judges_a_target():
    facts = pd.DataFrame([{"province": "Bắc Ninh", "fact_type": "indicator", "year": 2022,
                           "indicator_text": "tỷ trọng kinh tế số trên GRDP", "value": 56.83,
                           "unit": "%", "source_id": "press_reviewed_facts",
                           "article_id": "a.txt", "source_hint": "an invented paper"},
                          {"province": "Bắc Ninh", "fact_type": "indicator", "year": 2023,
                           "indicator_text": "tỷ trọng kinh tế số trong từng ngành",
                           "value": 9.0, "unit": "%", "source_id": "press_reviewed_facts",
                           "article_id": "a.txt", "source_hint": "an invented paper"}])
    rows = goals.unite(plan({"province": "Bắc Ninh", "target_kind": "other_dx",
                             "indicator": "Digital economy share of GRDP (%)",
                             "target_value": "30", "due_year": "2030"},
                            {"province": "Bắc Giang", "target_kind": "other_dx",
                             "indicator": "Digital economy share of GRDP (%)",
                             "target_value": "30", "due_year": "2030"}), None)
    table = goals.with_status(goals.with_achieved(rows, facts), invented_rankings({}))
    ninh, giang = table.iloc[0], table.iloc[1]
    assert (ninh["stated_achieved"], ninh["stated_year"], ninh["status"]) == (56.83, 2022,
                                                                              "on_track")
    assert "press_reviewed_facts:a.txt" in ninh["sources"]
    assert giang["status"] == "no_achieved_figure", "another province's figure is not used"
    assert goals.concept("digital economy share in each sector (%)") == ""


def test_a_target_lists_every_source_once_plan_address_and_each_press_article():
    goal = {"origin": "plan+press",
            "urls": "https://example.org/plan | https://news.example.vn/a.html",
            "documents": "An invented plan | https://news.example.vn/a.html, 2023-11-28 | "
                         "Báo Invented, 2024-02-01 | https://other.example.vn/b.html"}
    links = goal_pages._links(goal)
    assert [(link["url"], link["host"], link["note"]) for link in links] == [
        ("https://example.org/plan", "example.org", ""),
        ("https://news.example.vn/a.html", "news.example.vn", "2023-11-28"),
        ("https://other.example.vn/b.html", "other.example.vn", ""),
        ("", "An invented plan", ""), ("", "Báo Invented, 2024-02-01", "")]
    plan_only = goal_pages._links({**goal, "origin": "plan", "documents": "An invented plan"})
    assert [link["host"] for link in plan_only] == ["example.org", "news.example.vn"]
    unlinked = goal_pages._links({"origin": "press", "urls": "",
                                  "documents": "Báo A, 2023 | Báo B, 2024"})
    assert [link["host"] for link in unlinked] == ["Báo A, 2023", "Báo B, 2024"]
