"""pipeline.yml: the stages and report sets the build, the workflow and the docs read."""

from __future__ import annotations

import pytest

from helpers import config
from helpers.build import methods, plan, recipes, site, stages

SHIPPED = config.PACKAGE_DATA_DIR / "pipeline.yml"


@pytest.fixture
def plan_copy(tmp_path, monkeypatch):
    """A copy of the shipped pipeline.yml that the build reads instead."""
    path = tmp_path / "pipeline.yml"
    path.write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(plan, "plan_file", lambda: path)
    return path


def test_the_shipped_plan_declares_the_stages_the_build_runs():
    """Whatever stages a maintainer adds (dti new-notebook), the build reads only the plan."""
    shipped = plan.load()
    assert {"data", "model"} <= set(shipped.stages)
    assert [s.notebook for s in shipped.stages["data"]][:2] == ["10-clean-rankings",
                                                                "11-clean-targets"]
    assert stages.STAGES == shipped.stages, "no second list of stages in Python"
    assert methods.notebooks() == tuple(s.notebook for g in shipped.stages.values() for s in g
                                        if s.methods)
    for group in shipped.stages.values():
        for stage in group:
            assert (config.NOTEBOOKS_DIR / f"{stage.notebook}.ipynb").is_file()
    assert shipped.report_set("site").pages is None, "the site set is every page"


def test_contributing_shows_the_plan_as_it_is():
    text = (config.ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert plan.docs_in(text) == plan.docs_block(plan.load()), (
        "CONTRIBUTING.md's pipeline.yml block is out of date: run .venv/bin/dti docs")
    assert "STAGES" not in text and "NOTEBOOKS" not in text, "the Python lists are gone"


@pytest.mark.parametrize("old, new, expected", [
    ("notebook: 11-clean-targets", "notebook: 11 clean targets",
     r"line \d+, stages\[1\]\.notebook: '11 clean targets': name a notebook"),
    ("    group: model", "    group: all", r"stages\[2\]\.group: 'all'"),
    ("languages: [en]\n", "languages: [en, fr]\n",
     r"report_sets\.preview\.languages\[1\]: 'fr': use en or vi"),
    ("years: [latest]\n  preview", "years: [latest, 23]\n  preview",
     r"report_sets\.site\.years\[1\]: 23: write `latest` or a year"),
    ("    methods: true\n  - notebook: 11", "    method: true\n  - notebook: 11",
     r"stages\[0\]\.method: 'method': unknown key"),
    ("reads: [data/raw/dti/*.csv", "reads: [/etc/dti/*.csv", r"stages\[0\]\.reads\[0\]"),
    ("  site:", "  all_pages:", r"report_sets: .*including 'site'"),
    ("    pages: all\n", "    pages: all\n   bad: [\n", r"line \d+: not valid YAML"),
])
def test_a_malformed_plan_is_refused_with_its_line_key_and_value(old, new, expected):
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(plan.PlanError, match=expected) as caught:
        plan.parse(text.replace(old, new, 1))
    assert "pipeline.yml" in str(caught.value)


def test_the_line_named_is_the_line_of_the_bad_value():
    text = SHIPPED.read_text(encoding="utf-8").replace("group: model", "group: Model", 1)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "group: Model" in t)
    with pytest.raises(plan.PlanError, match=rf"line {line}, stages\[2\]\.group"):
        plan.parse(text)


def test_an_unknown_report_set_names_the_others():
    with pytest.raises(plan.PlanError, match="no report set 'weekly'; the sets are site, "
                                             "preview"):
        plan.load().report_set("weekly")


def test_new_notebook_appends_its_stage_and_the_build_reads_it(plan_copy, tmp_path):
    path = recipes.new_notebook("12-budget-lines", notebooks_dir=tmp_path)
    stage = recipes.register_stage(path.stem)
    assert stage is not None and stage.group == "data"
    loaded = plan.load(plan_copy)
    assert [s.notebook for s in loaded.stages["data"]][-1] == "12-budget-lines"
    assert loaded.stages["data"][-1].outputs == ("data/processed/budget_lines/summary.csv",)
    assert "12-budget-lines" in loaded.methods
    assert recipes.register_stage("31-unit-brief") is None, "report notebooks are no stage"
    with pytest.raises(plan.PlanError, match="listed twice"):
        recipes.register_stage("12-budget-lines")
    assert plan.load(plan_copy) == loaded, "a refused stage changes nothing"


def test_a_stage_taken_out_of_the_plan_leaves_no_methods_page(plan_copy, tmp_path):
    executed, root = tmp_path / "executed", tmp_path / "reports"
    pages = root / "methods"
    pages.mkdir(parents=True)
    for name in ("10-clean-rankings", "20-model-factors"):
        (pages / f"{name}.html").write_text("<title>old</title>", encoding="utf-8")
    text = plan_copy.read_text(encoding="utf-8")
    start = text.index("  - notebook: 20-model-factors")
    plan_copy.write_text(text[:start], encoding="utf-8")
    executed.mkdir()
    methods.write_methods_pages(executed, root)
    assert not (pages / "20-model-factors.html").exists(), "its stage is gone: so is its page"
    assert not (pages / "10-clean-rankings.html").exists(), "a stage that did not run: no page"
    assert (pages / "index.html").exists() and (pages / "index.vi.html").exists()


def test_an_older_years_pages_are_deployed_only_when_the_site_set_lists_the_year(
        plan_copy, tmp_path):
    root = tmp_path / "reports"
    for page in ("index.html", "province/lao-cai.en.html", "2023/index.html",
                 "2023/province/lao-cai.en.html", "executed/x.ipynb"):
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        (root / page).write_text("<p>page</p>", encoding="utf-8")
    shown = {p.as_posix() for p in site.site_files(root)}
    assert shown == {"index.html", "province/lao-cai.en.html"}, "2023 not listed: not deployed"
    text = plan_copy.read_text(encoding="utf-8")
    plan_copy.write_text(text.replace("years: [latest]\n  preview", "years: [latest, 2023]\n"
                                      "  preview", 1), encoding="utf-8")
    shown = {p.as_posix() for p in site.site_files(root)}
    assert "2023/province/lao-cai.en.html" in shown and "2023/index.html" in shown
