"""The project's own files: dependency lists in sync, notebooks stripped and parameterized."""

import json
import re
import tomllib

import yaml

from helpers import config


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pip_specs = list(project["project"]["dependencies"])
    for extra in project["project"]["optional-dependencies"].values():
        pip_specs += extra
    env = yaml.safe_load((config.ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_specs = [d for d in env["dependencies"] if isinstance(d, str)
                   and _name(d) not in ("python", "pip")]
    assert sorted(s.replace(" ", "") for s in conda_specs) == \
        sorted(s.replace(" ", "") for s in pip_specs)
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(line.endswith("-e .") for line in pip_section)


def test_notebooks_are_committed_without_outputs():
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"], f"{path.name}: strip outputs before committing"
                assert cell["execution_count"] is None, f"{path.name}: clear execution counts"


def test_every_stage_notebook_has_a_parameters_cell():
    notebooks = sorted(config.NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        tags = [cell.get("metadata", {}).get("tags", []) for cell in notebook["cells"]]
        assert sum("parameters" in t for t in tags) == 1, path.name
