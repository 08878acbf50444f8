"""The build cache: a change invalidates exactly what depends on it; cached equals fresh."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.build import cache, pipeline, publish


@pytest.fixture
def package_copy(tmp_path, monkeypatch) -> Path:
    """A scratch copy of src/helpers that the cache reads instead of the real one."""
    copy = tmp_path / "helpers"
    shutil.copytree(config.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(config, "PACKAGE_DIR", copy)
    return copy


def report_modules() -> set[str]:
    notebook = config.NOTEBOOKS_DIR / "30-province-report.ipynb"
    return cache.notebook_modules(notebook) | {"build.publish"}


def model_modules() -> set[str]:
    return cache.notebook_modules(config.NOTEBOOKS_DIR / "20-model-factors.ipynb")


def test_the_import_closure_follows_the_package_imports():
    found = cache.closure(report_modules())
    assert {"report", "report.narrative", "processed", "provinces", "vntext",
            "build.publish"} <= found
    assert not {"model", "press", "model.covariates", "build.pipeline", "rankings",
                "schemas"} & found
    assert "model.covariates" in cache.closure(model_modules())


def test_a_report_only_helper_invalidates_reports_and_not_the_model(package_copy):
    before_report, before_model = cache.code_hash(report_modules()), cache.code_hash(
        model_modules())
    with open(package_copy / "report" / "narrative.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a change to a helper only the reports use\n")
    assert cache.code_hash(report_modules()) != before_report
    assert cache.code_hash(model_modules()) == before_model


def test_a_template_change_invalidates_reports(package_copy):
    before = cache.code_hash(report_modules())
    path = package_copy / "templates" / "peers.html.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.code_hash(report_modules()) != before


def test_a_shared_helper_invalidates_both(package_copy):
    before_report, before_model = cache.code_hash(report_modules()), cache.code_hash(
        model_modules())
    with open(package_copy / "provinces.py", "a", encoding="utf-8") as handle:
        handle.write("\n# shared\n")
    assert cache.code_hash(report_modules()) != before_report
    assert cache.code_hash(model_modules()) != before_model


def test_a_raw_file_change_invalidates_the_stage_that_reads_it(tmp_path, monkeypatch):
    raw = tmp_path / "data" / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    monkeypatch.setattr(config, "ROOT", tmp_path)
    stages = {s.notebook: s for group in pipeline.STAGES.values() for s in group}
    before = {name: pipeline.stage_key(stage) for name, stage in stages.items()}
    with open(raw / "dti" / "reported_changes.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    after = {name: pipeline.stage_key(stage) for name, stage in stages.items()}
    assert after["10-clean-rankings"] != before["10-clean-rankings"]
    assert after["20-model-factors"] == before["20-model-factors"]
    assert after["11-clean-targets"] == before["11-clean-targets"]


def strip_build_time(html: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "TIME", html)


@pytest.fixture(scope="module")
def two_reports(processed, tmp_path_factory):
    jobs = pipeline.report_jobs(2024, ("en",), ["Lào Cai", "unit:Huế"],
                                processed_dir=str(processed))
    root = tmp_path_factory.mktemp("cached")
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    return jobs, root


def test_nothing_changed_means_nothing_rebuilt(two_reports):
    jobs, root = two_reports
    page = root / "province" / "lao-cai.en.html"
    stamp = page.stat().st_mtime_ns
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert page.stat().st_mtime_ns == stamp


def test_rebuilding_one_report_leaves_the_site_files_it_does_not_change(two_reports):
    jobs, root = two_reports
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)  # a settled site
    site = [root / "index.html", root / "index.vi.html", root / "province" / "lao-cai.csv",
            root / "data" / "dti_rankings.csv"]
    stamps = [path.stat().st_mtime_ns for path in site]
    page = root / "province" / "lao-cai.en.html"
    page_stamp = page.stat().st_mtime_ns
    pipeline.build_reports(jobs[:1], out_root=root, progress=False, use_cache=False)
    assert page.stat().st_mtime_ns != page_stamp  # rebuilt ...
    assert [path.stat().st_mtime_ns for path in site] == stamps  # ... and nothing else written


def test_the_targets_pages_are_drawn_again_only_when_what_they_show_changes(two_reports,
                                                                           monkeypatch):
    from helpers import gitinfo
    from helpers.report import goal_pages

    jobs, root = two_reports
    drawn = []
    draw = goal_pages.write_pages
    monkeypatch.setattr(goal_pages, "write_pages",
                        lambda *args, **kwargs: drawn.append(1) or draw(*args, **kwargs))
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)  # a settled site
    pipeline.build_reports(jobs[:1], out_root=root, progress=False, use_cache=False)
    assert drawn == []  # a report rebuilt, nothing the targets pages show changed
    (root / "targets.vi.html").unlink()
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert drawn == [1] and (root / "targets.vi.html").exists()
    monkeypatch.setattr(gitinfo, "commit_date", lambda: "2031-01-02")  # the date they cite
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert drawn == [1, 1] and "2031" in (root / "targets.html").read_text(encoding="utf-8")


def test_a_page_carrying_its_current_key_is_trusted_without_a_record(two_reports):
    jobs, root = two_reports
    page = root / "province" / "lao-cai.en.html"
    stamp = page.stat().st_mtime_ns
    for records in root.glob(".build-cache.*"):
        records.unlink()
    built = pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert page.stat().st_mtime_ns == stamp
    assert set(built["status"]) == {"ok"}


def test_a_cached_page_is_identical_to_a_fresh_one_from_either_engine(two_reports, tmp_path):
    jobs, root = two_reports
    pipeline.build_reports(jobs, workers=1, out_root=tmp_path, progress=False,
                           engine="papermill", use_cache=False)
    for job in jobs:
        cached = (root / f"{job.key}.html").read_text(encoding="utf-8")
        fresh = (tmp_path / f"{job.key}.html").read_text(encoding="utf-8")
        assert strip_build_time(cached) == strip_build_time(fresh)


def test_an_edited_page_is_rebuilt(two_reports):
    jobs, root = two_reports
    page = root / "province" / "lao-cai.en.html"
    page.write_text("edited by hand", encoding="utf-8")
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert "edited by hand" not in page.read_text(encoding="utf-8")


def test_an_interrupted_build_leaves_no_page_that_looks_fresh_but_is_stale(
        processed, tmp_path, monkeypatch):
    data = tmp_path / "processed"
    shutil.copytree(processed, data)
    root = tmp_path / "reports"
    jobs = pipeline.report_jobs(2024, ("en", "vi"), ["Lào Cai", "Bắc Ninh"],
                                processed_dir=str(data))
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    claims = data / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    import tqdm

    def interrupted(iterable, **_):
        for count, item in enumerate(iterable):
            if count == 1:
                raise InterruptedError("killed half-way")
            yield item

    monkeypatch.setattr(tqdm, "tqdm", interrupted)
    with pytest.raises(InterruptedError):
        pipeline.build_reports(jobs, workers=1, out_root=root, progress=False)
    monkeypatch.undo()
    for job in jobs:  # every page left is made from the current inputs, or is gone
        page = root / f"{job.key}.html"
        if page.exists():
            assert publish.page_build_key(page) == pipeline.report_key(job), job.key
    pipeline.build_reports(jobs, workers=2, out_root=root, progress=False)
    assert all((root / f"{job.key}.html").exists() for job in jobs)
    assert (root / "index.html").exists()


def notebook_with(tmp_path: Path, *cells: str) -> Path:
    """Write a notebook whose code cells hold the given sources."""
    import json

    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "source": "uses `helpers.press` in prose only"},
        *({"cell_type": "code", "source": c.splitlines(keepends=True)} for c in cells)]}),
        encoding="utf-8")
    return path


def test_a_parenthesised_import_is_seen(tmp_path):
    path = notebook_with(tmp_path, "%matplotlib inline\nfrom helpers import (\n    report,\n"
                         "    targets,  # comment\n)\nimport helpers.model as m\n",
                         "x = helpers.model.covariates.FACTORS")
    assert cache.notebook_modules(path) == {"report", "targets", "model", "model.covariates"}


def test_a_changed_library_version_changes_every_key(tmp_path, monkeypatch):
    notebook = notebook_with(tmp_path, "from helpers import report")
    before = cache.key(notebook=notebook, parameters={}, inputs=[], modules=["report"])
    versions = {**cache.library_versions(), "pandas": "99.0"}
    monkeypatch.setattr(cache, "library_versions", lambda: versions)
    assert cache.key(notebook=notebook, parameters={}, inputs=[], modules=["report"]) != before
    monkeypatch.undo()
    monkeypatch.setattr(cache, "EPOCH", cache.EPOCH + 1)
    assert cache.key(notebook=notebook, parameters={}, inputs=[], modules=["report"]) != before


def test_keys_do_not_depend_on_where_the_checkout_is(tmp_path, monkeypatch):
    notebook = notebook_with(tmp_path, "from helpers import report")
    for where in ("a", "b"):
        (tmp_path / where / "data").mkdir(parents=True)
        (tmp_path / where / "data" / "t.csv").write_text("x\n1\n", encoding="utf-8")
    keys = []
    for where in ("a", "b"):
        monkeypatch.setattr(config, "ROOT", tmp_path / where)
        keys.append(cache.key(notebook=notebook, parameters={}, modules=["report"],
                              inputs=[tmp_path / where / "data" / "t.csv"]))
    assert keys[0] == keys[1]


@pytest.mark.parametrize("content", ["[]", "null", '"x"', "{", '{"a": []}',
                                     '{"a": {"key": "k", "outputs": {"p": 1}}}'])
def test_a_cache_file_of_the_wrong_shape_is_discarded_with_one_warning(tmp_path, capsys,
                                                                         content):
    path = tmp_path / ".build-cache.json"
    path.write_text(content, encoding="utf-8")
    records = cache.BuildCache(path)
    assert records.records == {}
    assert capsys.readouterr().err.count("warning:") == 1
    assert not records.fresh("a", "k", [tmp_path / "p"])
    records.forget("a")
    records.save()


def test_the_manifest_has_stable_columns_and_no_colour_codes():
    from helpers.build import manifest

    rows = [{"geography": "province", "slug": "b", "lang": "vi", "code": "27", "error":
             "\x1b[0;31mValueError\x1b[0m: bad", "status": "failed", "year": 2024},
            {"geography": "province", "slug": "a", "lang": "en", "code": "10", "status": "ok",
             "year": 2024}]
    table = manifest.frame(rows, pd.DataFrame(columns=["key", "rank"]))
    assert list(table.columns) == manifest.COLUMNS
    assert list(table["slug"]) == ["a", "b"]
    assert table.loc[1, "error"] == "ValueError: bad"


def test_an_edited_index_template_changes_the_index_key(package_copy, tmp_path):
    from helpers.build import manifest

    table = pd.DataFrame([{c: "" for c in manifest.COLUMNS}])
    ranked = tmp_path / "dti_rankings.csv"
    ranked.write_text("province_code\n", encoding="utf-8")
    before = manifest.index_key(table, 2024, ranked)
    path = package_copy / "templates" / "index.html.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert manifest.index_key(table, 2024, ranked) != before


def test_a_failed_row_gives_way_to_the_good_page_now_on_disk(tmp_path):
    from helpers.build import manifest

    job = pipeline.ReportJob("province", "10", "lao-cai", "Lào Cai", "vi", 2024)
    page = publish.report_path("province", "lao-cai", "vi", tmp_path)
    page.parent.mkdir(parents=True)
    page.write_text('<meta name="dti-build-key" content="abc123">', encoding="utf-8")
    before = pd.DataFrame([{"geography": "province", "slug": "lao-cai", "lang": "vi",
                            "status": "failed", "error": "boom", "year": 2024,
                            "notebook": "executed/province/lao-cai.vi.failed.ipynb"}])
    records = cache.BuildCache(tmp_path / ".build-cache.json")
    [row] = manifest.derive(tmp_path, {job.key: job}, {}, records, before,
                            lambda job, year: "abc123")
    assert row["status"] == "ok" and row["error"] == ""
    assert row["notebook"] == "executed/province/lao-cai.vi.ipynb"
    [row] = manifest.derive(tmp_path, {job.key: job}, {}, records, before,
                            lambda job, year: "other")
    assert row["status"] == "stale"
