"""The cleaning notebook runs top to bottom with papermill, from any working directory."""

import os

import pandas as pd

from helpers import config
from helpers.build import pipeline

SEEDS = config.ROOT.parent / "shared" / "seeds"


def test_clean_rankings_notebook_writes_the_tables(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "processed"
    run = pipeline.run_notebook("10-clean-rankings", {"output_dir": str(out)},
                                out_dir=tmp_path / "executed")
    assert run.ok, run.error
    assert run.output.exists() and not run.output.name.startswith(".")
    table = pd.read_csv(out / "dti_rankings.csv", dtype={"province_code": str})
    bac_ninh = table.query("province_code == '27' and year == 2022 and measure == 'overall'")
    assert bac_ninh["rank"].tolist() == [7]
    assert {"conflicts.csv", "dropped.csv", "unit_checks.csv"} <= set(os.listdir(out))

    articles = SEEDS if SEEDS.exists() else ""
    run = pipeline.run_notebook("11-clean-targets", {"output_dir": str(out),
                                                     "articles_dir": str(articles)},
                                out_dir=tmp_path / "executed")
    assert run.ok, run.error
    claims = pd.read_csv(out / "claims.csv", dtype={"province_code": str})
    bac_ninh = claims.query("province_code == '27' and year == 2022 and measure == 'overall'")
    assert set(bac_ninh["status"]) == {"consistent"}
    assert (out / "targets.csv").exists() and (out / "press_facts.csv").exists()

    run = pipeline.run_notebook("20-model-factors", {"output_dir": str(out), "n_boot": 200},
                                out_dir=tmp_path / "executed")
    assert run.ok, run.error
    predictions = pd.read_csv(out / "model" / "predictions.csv")
    assert set(predictions["year"]) == {2022, 2023, 2024}


def test_a_failing_notebook_is_kept_for_inspection(tmp_path):
    run = pipeline.run_notebook("10-clean-rankings", {"raw_dir": str(tmp_path / "nowhere")},
                                out_dir=tmp_path / "executed")
    assert not run.ok
    assert run.output.name == "10-clean-rankings.failed.ipynb" and run.output.exists()
    assert not (tmp_path / "executed" / "10-clean-rankings.ipynb").exists()


def test_a_stage_stopped_by_its_timeout_keeps_what_ran(tmp_path, monkeypatch):
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("print('first cell ran')"),
        nbformat.v4.new_code_cell("import time\ntime.sleep(30)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path)
    nbformat.write(notebook, tmp_path / "99-slow.ipynb")
    run = pipeline.run_notebook("99-slow", out_dir=tmp_path / "executed", timeout=2)
    assert not run.ok
    assert run.output.name == "99-slow.failed.ipynb"
    kept = nbformat.read(run.output, as_version=4)
    assert kept.cells[0].outputs[0]["text"] == "first cell ran\n"
