"""Notebook hygiene: one kernelspec, no volatile metadata, the kernel registered by make setup,
list parameters that papermill's -p passes as text."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from helpers import config, params
from helpers.report import fundamentals

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_name_the_dti_kernel_and_carry_no_volatile_metadata(path):
    metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert set(metadata) == {"kernelspec"}, (
        f"{path.name}: metadata {sorted(set(metadata) - {'kernelspec'})} changes at every save; "
        "strip it (pre-commit runs nbstripout --extra-keys metadata.language_info)")
    assert metadata["kernelspec"] == {"display_name": "Python (DTI notebooks)",
                                      "language": "python", "name": "dti"}, (
        f"{path.name}: pick the kernel 'Python (DTI notebooks)' (make setup registers it)")


def test_pre_commit_strips_the_metadata_lab_writes():
    hooks = yaml.safe_load((config.ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    strip = next(r for r in hooks["repos"] if r["repo"].endswith("nbstripout"))["hooks"][0]
    extra = strip["args"][strip["args"].index("--extra-keys") + 1].split()
    assert "metadata.language_info" in extra


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_setup_registers_the_kernel_the_notebooks_name():
    done = subprocess.run(["make", "-n", "-B", "setup"], cwd=config.ROOT, capture_output=True,
                          text=True, check=True)
    assert "ipykernel install --sys-prefix --name dti" in done.stdout


@pytest.mark.parametrize(("value", "expected"), [
    ("[2022]", [2022]), ("[2022, 2023]", [2022, 2023]), ("2022,2023", [2022, 2023]),
    ([2023.0], [2023]), ((2022,), [2022]), (None, None), ("", None), ([], None)])
def test_a_years_parameter_passed_as_text_or_list_is_a_list_of_whole_years(value, expected):
    assert params.list_of(value, "years") == expected


@pytest.mark.parametrize("value", ["[2022.5]", "abc", "[[2022]]", 2022, "{a: 1}"])
def test_a_years_parameter_that_is_no_list_of_years_fails_in_one_line_naming_it(value):
    with pytest.raises(params.ParameterError) as caught:
        params.list_of(value, "years")
    message = str(caught.value)
    assert message.startswith(f"years {value!r} is not a list") and "\n" not in message
    assert '-p years "[2022, 2023]"' in message


def test_training_years_read_back_as_a_float_print_as_a_year():
    assert fundamentals.years_text(2023.0) == "2023"
    assert fundamentals.years_text("2022-2023") == "2022-2023"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_start_with_a_hidden_autoreload_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    setup = next(c for c in cells if c["cell_type"] == "code")
    assert "%autoreload 2" in "".join(setup["source"]), f"{path.name}: add the setup cell"
    assert "report-hide" in setup["metadata"].get("tags", [])


def test_report_parameters_are_typed_for_papermill():
    import papermill

    shown = {p["name"]: p["inferred_type_name"] for p in papermill.inspect_notebook(
        str(config.NOTEBOOKS_DIR / "30-province-report.ipynb")).values()}
    assert shown == {"province": "str", "year": "Optional[int]", "lang": "str", "basis": "int",
                     "processed_dir": "str"}


def test_the_report_build_leaves_out_the_interactive_setup_cell():
    from papermill.iorw import load_notebook_node

    from helpers.build import pipeline

    notebook = load_notebook_node(str(config.NOTEBOOKS_DIR / "30-province-report.ipynb"))
    kept = pipeline.without_setup(notebook)
    assert not any("autoreload" in "".join(c.source) for c in kept.cells)
    assert any("parameters" in c.metadata.get("tags", []) for c in kept.cells)
