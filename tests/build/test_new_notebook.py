"""dti new-notebook writes a notebook that runs as written (papermill, default parameters)."""

from __future__ import annotations

import json
import re

import papermill

from helpers.build import recipes


def test_a_new_notebook_runs_with_its_defaults_and_with_parameters(processed, tmp_path):
    path = recipes.new_notebook("21-pillar-models", notebooks_dir=tmp_path)
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(path), str(out), kernel_name="python3", cwd=str(tmp_path),
                               parameters={"processed_dir": str(processed),
                                           "output_dir": str(tmp_path / "written")},
                               progress_bar=False)
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    printed = "".join("".join(o.get("text", [])) for c in cells if c["cell_type"] == "code"
                      for o in c["outputs"])
    years = re.search(r"rows of the clean rankings, years ([\d, ]+)$", printed, re.M)
    assert years, printed
    assert all(re.fullmatch(r"20\d\d", y) for y in years.group(1).split(", ")), years.group(0)
    written = (tmp_path / "written" / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert written[0] == "year,rows" and len(written) == len(years.group(1).split(", ")) + 1, \
        "the stage writes the file its pipeline.yml block declares, where it is told"
