"""The report's sections: each one complete and shown, the similar provinces and the targets
due after the merger computed as the page says."""

from __future__ import annotations

import json

import pandas as pd

from helpers import config
from helpers.report import goal_pages, sections, tables
from helpers.report.sections import peers


def test_every_section_has_its_numbers_template_and_figure_and_the_notebook_shows_each():
    for part in sections.ORDER:
        assert callable(part.numbers) and (part.FIGURE is None or callable(part.FIGURE))
        for lang in ("en", "vi"):
            assert (config.TEMPLATES_DIR / part.TEMPLATE.format(lang=lang)).is_file(), part.NAME
    cells = json.loads((config.NOTEBOOKS_DIR / "30-province-report.ipynb").read_text())["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    shown = [name for name in sections.SECTIONS if f'report.section(ctx, "{name}")' in code]
    assert shown == list(sections.SECTIONS), "the report notebook shows every section in order"


def _tables(blocks: dict[str, tuple[float, float]], ranks: dict[str, int]) -> tables.Tables:
    """Return loader tables holding only the model's two blocks and the overall ranks of 2024."""
    empty = pd.DataFrame()
    contributions = pd.DataFrame(
        [{"code": code, "year": 2024, "block": block, "contribution": value,
          "position": position + 1}
         for block, column in (("development", 0), ("governance", 1))
         for position, (code, value) in enumerate(sorted(
             ((c, v[column]) for c, v in blocks.items()), key=lambda cv: -cv[1]))])
    rankings = pd.DataFrame([{"province_code": c, "basis": 63, "year": 2024,
                              "measure": "overall", "rank": r, "origin": "derived"}
                             for c, r in ranks.items()])
    return tables.Tables(rankings=rankings, predictions=empty, contributions=contributions,
                          targets=empty, claims=empty, goals=empty, press_facts=empty,
                          register=empty)


def test_the_most_similar_provinces_are_the_nearest_on_both_blocks_equally_scaled():
    # development spreads 100 times wider than governance: scaled, a step of 10 in development
    # is as far as a step of 0.1 in governance (unscaled, 06 and 08 would be the nearest)
    blocks = {"01": (0.0, 0.0), "02": (10.0, 0.0), "04": (-10.0, 0.0), "06": (0.0, 0.1),
              "08": (0.0, -0.1), "10": (10.0, 0.1), "11": (-10.0, -0.1)}
    t = _tables(blocks, {"01": 5, "02": 9, "04": 1, "06": 60, "08": 30, "10": 44, "11": 12})
    found = peers.similar(t, "01", 2024, k=5)
    assert [f["code"] for f in found] == ["02", "04", "06", "08", "10"]  # ties: the lower code
    assert [f["rank"] for f in found] == [9, 1, 60, 30, 44]
    assert found[0]["development_position"] == 1 and found[0]["n_model"] == 7
    assert peers.similar(t, "93", 2024) == [], "a province the model does not hold: none"


def test_a_63_basis_rank_target_due_after_the_merger_is_judged_on_the_same_share_of_34():
    assert [goal_pages.share_of_units(n) for n in (1, 2, 5, 10, 15, 20, 63)] == \
        [1, 1, 2, 5, 8, 10, 34]
    board = {(34, 2024): ([], {"U27": (0.75, 11)}), (63, 2024): ([], {"27": (0.74, 21)})}
    goal = {"measure": "overall", "kind": "rank_top_n", "value": 15.0, "unit_code": "U27"}
    said = goal_pages.after_merger(goal, board, "en")
    assert "the top 15 of 63 are the best 23.8 %, the top 8 of 34" in said
    assert "ranked 11th of 34 in 2024: currently outside" in said
    vi = goal_pages.after_merger({**goal, "value": 20.0}, board, "vi")
    assert "nhóm 20/63 là 31,7 % dẫn đầu, tương ứng nhóm 10/34" in vi and "hiện nằm ngoài" in vi
    assert "currently within" in goal_pages.after_merger({**goal, "value": 30.0}, board, "en")
    assert goal_pages.after_merger({**goal, "kind": "score"}, board, "en") == ""


def test_a_rank_shared_with_another_province_is_marked_joint_among_the_similar():
    blocks = {"01": (0.0, 0.0), "02": (1.0, 0.1), "04": (-1.0, -0.1)}
    t = _tables(blocks, {"01": 13, "02": 13, "04": 1})
    found = {f["code"]: f["tied"] for f in peers.similar(t, "01", 2024, k=2)}
    assert found == {"02": True, "04": False}


def test_the_targets_page_says_how_a_63_basis_target_due_after_the_merger_is_judged():
    board = {(34, 2024): ([], {"U27": (0.75, 11)}), (63, 2024): ([], {"27": (0.74, 21)})}
    goal = {"measure": "overall", "kind": "rank_top_n", "value": 15.0, "unit_code": "U27",
            "basis": 63, "due_year": 2030}
    en = goal_pages.merger_notes(goal, board, "en")
    assert en[0].startswith("due after the 2025 merger") and "the top 8 of 34" in en[1]
    assert "không còn đánh giá được" in goal_pages.merger_notes(goal, board, "vi")[0]
    assert goal_pages.merger_notes({**goal, "due_year": 2024}, board, "en") == []
    assert goal_pages.merger_notes({**goal, "basis": 34}, board, "en") == []
    assert len(goal_pages.merger_notes({**goal, "kind": "score"}, board, "en")) == 1


def test_a_table_loaded_again_is_read_afresh_by_the_sections_caches():
    blocks = {"01": (0.0, 0.0), "02": (1.0, 0.1), "04": (-1.0, -0.1)}
    first = _tables(blocks, {"01": 13, "02": 13, "04": 1})
    assert [f["tied"] for f in peers.similar(first, "04", 2024, k=2)] == [True, True]
    again = _tables(blocks, {"01": 13, "02": 12, "04": 1})  # an edited file: a new table
    found = peers.similar(again, "04", 2024, k=2)
    assert [(f["rank"], f["tied"]) for f in found] == [(13, False), (12, False)]
    assert tables.value(tables.cells_of(first, "02", 63), 2024, "overall", "rank") == 13
