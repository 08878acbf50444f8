"""A built report shows the province's own targets and draws its rank target."""

from helpers.report import goal_pages
from helpers.targets import goals


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
