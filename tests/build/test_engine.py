"""The warm-kernel runner is a papermill engine: papermill's front door runs the reports."""

from __future__ import annotations

import papermill
from papermill.engines import papermill_engines

from helpers import config
from helpers.build import pipeline
from helpers.build.engine import WarmEngine


def test_the_warm_runner_is_registered_with_papermill():
    assert papermill_engines.get_engine(pipeline.WARM_ENGINE) is WarmEngine


def test_papermill_runs_a_report_on_the_warm_kernel_without_the_setup_cell(processed, tmp_path):
    source = config.NOTEBOOKS_DIR / f"{pipeline.REPORT_NOTEBOOK}.ipynb"
    job = pipeline.ReportJob("province", "10", "lao-cai", "Lào Cai", "en", 2024, str(processed))
    out = tmp_path / "out.ipynb"
    for _ in range(2):  # the second run starts from a namespace the first one left
        notebook = papermill.execute_notebook(
            str(source), str(out), parameters=job.parameters, kernel_name=pipeline.KERNEL,
            engine_name=pipeline.WARM_ENGINE, progress_bar=False,
            request_save_on_cell_execute=False)
        assert not any("autoreload" in c.source for c in notebook.cells)
        assert any("injected-parameters" in c.metadata.get("tags", []) for c in notebook.cells)
        shown = [o for c in notebook.cells for o in c.get("outputs", [])]
        assert any("Lào Cai" in o.get("data", {}).get("text/html", "") for o in shown)
        assert not any(o.get("output_type") == "error" for o in shown)
        assert out.exists()
