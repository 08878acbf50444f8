"""The workflow: setup from the lock, make lab, CI, exporters and methods pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib

import nbformat
import pytest
import yaml
from packaging.requirements import Requirement

from helpers import config
from helpers.build import exporter, methods, plan, recipes

ROOT = config.ROOT
WORKFLOW = ROOT / ".github" / "workflows" / "reports.yml"
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make_dry_run(*args: str) -> str:
    """Return the commands `make -n` would run (nothing is executed)."""
    done = subprocess.run(["make", "-n", "-B", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return done.stdout


def _locked() -> dict[str, str]:
    """Return the pinned version of every package in requirements.lock."""
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            requirement = Requirement(line.strip())
            pins[requirement.name.lower().replace("_", "-")] = str(requirement.specifier)[2:]
    return pins


# -- setup, lock, lab -----------------------------------------------------------------------
def test_lock_pins_every_dependency_within_the_ranges_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _locked()
    for spec in project["dependencies"] + project["optional-dependencies"]["dev"]:
        requirement = Requirement(spec)
        name = requirement.name.lower()
        assert name in pins, f"{name} is not pinned: run `make lock`"
        assert requirement.specifier.contains(pins[name]), \
            f"{name}=={pins[name]} is outside {requirement.specifier}: run `make lock`"


@needs_make
def test_setup_installs_the_lock_with_progress_then_the_package_without_deps():
    """Nothing unpinned is resolved: the package comes last, without its dependencies."""
    commands = _make_dry_run("setup")
    lock_line = next(line for line in commands.splitlines() if "-r requirements.lock" in line)
    assert "--quiet" not in lock_line, "the first install (about a minute) shows its progress"
    assert "--no-deps -e ." in commands
    assert commands.index("-r requirements.lock") < commands.index("--no-deps -e .")


@needs_make
@pytest.mark.parametrize("uid, root", [("0", True), ("1000", False)])
def test_make_lab_allows_root_only_as_root_and_opens_the_repository(uid, root):
    commands = _make_dry_run("lab", f"EUID={uid}", "LAB_ARGS=--no-browser --port 8899")
    lab = next(line for line in commands.splitlines() if line.startswith(".venv/bin/jupyter lab"))
    assert ("--allow-root" in lab) is root
    assert f'--ServerApp.root_dir="{ROOT}"' in lab
    assert lab.endswith("--no-browser --port 8899")
    assert "ipykernel install --sys-prefix --name dti" in commands


def test_pre_commit_strips_notebooks_keeping_ids_and_runs_the_locked_ruff():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {repo["repo"].rsplit("/", 1)[1]: repo for repo in hooks["repos"]}
    strip = repos["nbstripout"]["hooks"][0]
    assert strip["id"] == "nbstripout" and "--keep-id" in strip["args"]
    ruff = repos["ruff-pre-commit"]
    assert ruff["rev"] == f"v{_locked()['ruff']}"
    assert "--force-exclude" in ruff["hooks"][0]["args"], "notebooks/ stay excluded as in make test"


def test_licences_citation_and_data_terms_cover_every_registered_source():
    import pandas as pd

    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"cff-version", "title", "authors", "message", "license"} <= set(citation)
    terms = (ROOT / "DATA-LICENSE.md").read_text(encoding="utf-8")
    missing = [s for s in pd.read_csv(config.SOURCES_REGISTER)["source_id"]
               if f"`{s}`" not in terms]
    assert not missing, f"{missing} not in DATA-LICENSE.md: run .venv/bin/dti docs"
    assert plan.docs_in(terms, recipes.TERMS_BEGIN, recipes.TERMS_END) == recipes.terms_table(), (
        "DATA-LICENSE.md's table is not the register's: run .venv/bin/dti docs")


# -- the CI workflow ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_workflow_tests_every_pull_request_and_push_and_builds_only_after(workflow):
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers and "push" in triggers
    assert workflow["jobs"]["build"]["needs"] == "test"
    test_job = workflow["jobs"]["test"]
    assert "if" not in test_job and any(s.get("run") == "make test" for s in test_job["steps"])
    ci_entry = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci_entry, re.M), "both CI entry points run every suite"
    assert "pull_request" in workflow["jobs"]["build"]["if"], "PRs run the tests, not the build"


def test_workflow_reads_only_the_inputs_it_declares(workflow):
    """A renamed or misspelt input would reach the build as an empty string, silently."""
    declared = set(workflow[True]["workflow_dispatch"]["inputs"])
    used = set(re.findall(r"\binputs\.(\w+)", WORKFLOW.read_text(encoding="utf-8")))
    assert used and used <= declared, f"undeclared inputs: {sorted(used - declared)}"


def test_workflow_pins_actions_and_grants_least_privilege(workflow):
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+\.\d+\.\d+", action), f"{action}: pin a version"
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
        else:
            assert not granted, f"{name} needs no more than the default read access"


def test_workflow_build_cache_is_keyed_on_every_input_of_the_build(workflow):
    """A change to the lock, a notebook, the helpers or the raw data never reuses stale pages."""
    steps = _steps(workflow, "build")
    restore = next(s for s in steps if "actions/cache/restore" in s.get("uses", ""))
    save = next(s for s in steps if "actions/cache/save" in s.get("uses", ""))
    assert "reports/" in restore["with"]["path"] and "data/processed/" in restore["with"]["path"]
    for watched in ("requirements.lock", "notebooks/", "src/helpers/", "data/raw/"):
        assert watched in restore["with"]["key"], watched
    assert "always()" in save["if"], "the cache is kept after a failed report too"


def test_workflow_deploys_what_built_and_fails_when_a_report_failed(workflow):
    steps = _steps(workflow, "build")
    build = next(s for s in steps if s.get("id") == "build")
    assert "${{" not in build["run"], "inputs reach the script through env, never inline"
    pages = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert "always()" in pages["if"]
    verdict = next(s for s in steps if "mark the job failed" in s.get("name", ""))
    assert "always()" in verdict["if"] and verdict["run"].rstrip().endswith("exit 1")
    deploy = workflow["jobs"]["deploy"]
    assert "!cancelled()" in deploy["if"] and "needs.build.outputs.site" in deploy["if"]


def _run_step(step: dict, tmp_path, env: dict, site_status: int = 0, status: int = 0
              ) -> tuple[subprocess.CompletedProcess, list[list[str]]]:
    """Run a workflow step's script with a fake `dti` that records each call; return the calls.

    The fake exits site_status for `dti site` without a folder (pages of the site set missing:
    1), else status."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    fake = tmp_path / "dti"
    fake.write_text(f'#!/bin/bash\nprintf "%s\\n" "$@" --- >> "{tmp_path}/calls"\n'
                    f'if [ "$#" = 1 ] && [ "$1" = site ]; then exit {site_status}; fi\n'
                    f"exit {status}\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "DTI": str(fake), "GITHUB_OUTPUT": str(tmp_path / "github_output"),
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"), "RUNNER_TEMP": str(tmp_path), **env}
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           step["run"]], env=env, capture_output=True, text=True, cwd=tmp_path)
    text = (tmp_path / "calls").read_text(encoding="utf-8") if (tmp_path / "calls").exists() \
        else ""
    calls = [c.strip("\n").split("\n") for c in text.split("---\n") if c.strip()]
    return done, calls


@pytest.mark.parametrize("provinces, languages, status, expected", [
    ("", "en vi", 0, ["build", "--lang", "en", "vi"]),
    (" Lào Cai ,unit:Bắc Ninh,", "vi", 1,
     ["build", "--lang", "vi", "--only", "Lào Cai", "unit:Bắc Ninh"]),
])
def test_workflow_build_step_passes_the_inputs_to_dti(workflow, tmp_path, provinces, languages,
                                                      status, expected):
    build = next(s for s in _steps(workflow, "build") if s.get("id") == "build")
    done, calls = _run_step(build, tmp_path, {"PROVINCES": provinces, "LANGUAGES": languages},
                            status=status)
    assert done.returncode == 0, done.stderr  # a failed report must not stop the deploy
    assert calls[0] == expected
    assert f"status={status}" in (tmp_path / "github_output").read_text(encoding="utf-8")


def test_a_partial_dispatch_on_a_cold_cache_builds_the_rest_of_the_site(workflow, tmp_path):
    """Some provinces asked for, no cache: the pages of the `site` set that were never built are
    built after them, so the deploy does not replace the full site with a few pages."""
    build = next(s for s in _steps(workflow, "build") if s.get("id") == "build")
    done, calls = _run_step(build, tmp_path, {"PROVINCES": "Lào Cai", "LANGUAGES": "en"},
                            site_status=1)
    assert done.returncode == 0, done.stderr
    assert calls == [["build", "--lang", "en", "--only", "Lào Cai"], ["site"], ["reports"]]
    (tmp_path / "warm").mkdir()
    done, calls = _run_step(build, tmp_path / "warm", {"PROVINCES": "Lào Cai", "LANGUAGES": "en"})
    assert calls == [["build", "--lang", "en", "--only", "Lào Cai"], ["site"]], \
        "a warm cache: nothing else is built"


def test_the_site_step_never_deploys_a_site_missing_pages(workflow, tmp_path):
    step = next(s for s in _steps(workflow, "build") if s.get("id") == "site")
    done, calls = _run_step(step, tmp_path, {"STATUS": "0"}, site_status=1)
    assert done.returncode == 0, done.stderr
    assert calls == [["site"]], "nothing written when pages are missing"
    assert "ready=false" in (tmp_path / "github_output").read_text(encoding="utf-8")
    (tmp_path / "full").mkdir()
    done, calls = _run_step(step, tmp_path / "full", {"STATUS": "0"})
    assert calls == [["site"], ["site", "site/"]]
    assert "ready=true" in (tmp_path / "full" / "github_output").read_text(encoding="utf-8")


def test_pull_requests_build_the_preview_set_and_upload_it(workflow):
    from helpers.build import plan

    job = workflow["jobs"]["preview"]
    assert job["if"] == "github.event_name == 'pull_request'"
    runs = [s.get("run", "") for s in job["steps"]]
    assert any(r.startswith(".venv/bin/dti build --set preview") for r in runs)
    assert any("dti site --partial preview/" in r for r in runs)
    upload = next(s for s in job["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "preview/"
    preview = plan.load().report_set("preview")
    assert preview.pages is not None and len(preview.pages) * len(preview.languages) == 3


def test_notebook_parameters_take_papermill_values_over_the_defaults():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('province = "Bắc Ninh"  # any spelling\nyear = 0\nyears = []',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('# Parameters\nprovince = "Lào Cai"\nyears = [2022, 2023]\n',
                                  metadata={"tags": ["injected-parameters"]}),
    ])
    assert exporter.notebook_parameters(notebook) == {
        "province": "Lào Cai", "year": 0, "years": [2022, 2023]}


def test_dti_report_on_another_notebook_says_what_to_do_instead():
    stage = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('years = [2022]', metadata={"tags": ["parameters"]})])
    with pytest.raises(ValueError, match="no `province` parameter.*--to dti-methods"):
        exporter.ReportExporter().from_notebook_node(stage)


def _text(html: str) -> str:
    """Return a page's visible text (no styles, scripts or tags)."""
    html = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


# -- methods pages --------------------------------------------------------------------------
def _stage_notebook(title: str) -> nbformat.NotebookNode:
    """Return a small executed notebook such as a stage leaves in reports/executed/."""
    setup = nbformat.v4.new_code_cell("%autoreload 2", execution_count=1,
                                      metadata={"tags": ["setup"]})
    setup.outputs = [nbformat.v4.new_output("stream", name="stdout", text="setup output\n")]
    cell = nbformat.v4.new_code_cell("total = 40 + 2\nprint(total)", execution_count=2)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text=f"42 read from {ROOT}/data/raw/x.csv\n")]
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# {title}\n\nWhat this stage does."), setup, cell])


def test_methods_pages_show_outputs_not_code_and_are_rewritten_only_when_changed(tmp_path):
    executed, root = tmp_path / "executed", tmp_path / "reports"
    executed.mkdir()
    for name in methods.notebooks()[:2]:
        nbformat.write(_stage_notebook(f"Stage {name}"), executed / f"{name}.ipynb")

    written = methods.write_methods_pages(executed, root)
    assert [p.name for p in written] == [f"{n}.html" for n in methods.notebooks()[:2]]
    page = written[0].read_text(encoding="utf-8")
    assert f"<title>Stage {methods.notebooks()[0]}</title>" in page
    assert "42" in _text(page) and "total" not in _text(page), "outputs shown, code not"
    assert "setup" not in _text(page), "setup cells hidden"
    assert str(ROOT) not in page and "42 read from data/raw/x.csv" in page, "no machine path"
    assert "<script" not in page and not re.search(r'(src|href)="https?://', page)
    index = (root / "methods" / "index.html").read_text(encoding="utf-8")
    assert f'href="{written[1].name}"' in index and "How these numbers were made" in index
    vietnamese = (root / "methods" / "index.vi.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in vietnamese and "Các con số này được tính như thế nào" in vietnamese

    before = {p: p.stat().st_mtime_ns for p in written}
    methods.write_methods_pages(executed, root)
    assert {p: p.stat().st_mtime_ns for p in written} == before, "unchanged: not rewritten"

    (executed / f"{methods.notebooks()[0]}.ipynb").unlink()  # that stage failed
    methods.write_methods_pages(executed, root)
    assert not written[0].exists(), "no page for a stage that did not run"
    assert f'href="{written[0].name}"' not in (root / "methods" / "index.html").read_text(
        encoding="utf-8")


# -- a nearly full disk, an immutable build record ---------------------------------------------
def test_the_disk_estimate_counts_what_an_in_place_rebuild_frees(tmp_path):
    """Rebuilding 60 existing reports needs room for the few written at once, not for 60."""
    from helpers.build import pipeline

    root = tmp_path / "reports"
    jobs = [pipeline.ReportJob("province", f"{n:02d}", f"p{n}", f"P{n}", "en", 2024)
            for n in range(60)]
    for job in jobs[:50]:  # built before: a page and its notebook of 1 MB each
        for path in (root / "province" / f"{job.slug}.en.html",
                     root / "executed" / "province" / f"{job.slug}.en.ipynb"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"x" * (1 << 20))
    assert pipeline._needed_bytes(jobs[:50], root, workers=2) == 2 * (2 << 20)
    assert pipeline._needed_bytes(jobs, root, workers=2) == 10 * pipeline.REPORT_BYTES + \
        2 * (2 << 20), "ten new reports need their full size"


def test_an_immutable_build_record_is_named_before_anything_is_touched(tmp_path):
    from helpers.build import cache, cli

    records = tmp_path / ".build-cache.json"
    records.write_text("{}", encoding="utf-8")
    made = subprocess.run(["chattr", "+i", str(records)], capture_output=True, check=False) \
        if shutil.which("chattr") else None
    if made is None or made.returncode != 0:
        pytest.skip("chattr +i is not permitted here")
    try:
        with pytest.raises(OSError) as caught:
            cache.BuildCache(records).check_writable()
        line = cli._disk_message(caught.value)
    finally:
        subprocess.run(["chattr", "-i", str(records)], check=False)
    assert str(records) in line and "chattr -i" in line and "nothing was replaced" in line
    assert "\n" not in line
