"""The project's own files: dependency lists in sync, notebooks stripped and parameterized."""

import json
import re
import tomllib

import pytest
import yaml

from helpers import config


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower()


def _environment() -> dict:
    return yaml.safe_load((config.ROOT / "environment.yml").read_text(encoding="utf-8"))


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pip_specs = list(project["project"]["dependencies"])
    for extra in project["project"]["optional-dependencies"].values():
        pip_specs += extra
    conda_specs = [d for d in _environment()["dependencies"] if isinstance(d, str)
                   and _name(d) not in ("python", "pip")]
    assert sorted(s.replace(" ", "") for s in conda_specs) == \
        sorted(s.replace(" ", "") for s in pip_specs)


def test_environment_yml_pip_lines_are_what_pip_accepts(tmp_path):
    """Conda writes the pip lines to a requirements file beside environment.yml and runs pip."""
    from pip._internal.network.session import PipSession
    from pip._internal.req.req_file import parse_requirements

    pip_lines = next(d["pip"] for d in _environment()["dependencies"] if isinstance(d, dict))
    requirements = tmp_path / "condaenv.requirements.txt"
    requirements.write_text("\n".join(pip_lines) + "\n", encoding="utf-8")
    parsed = list(parse_requirements(str(requirements), session=PipSession()))
    assert len(parsed) == len(pip_lines)
    editable = [r for r in parsed if r.is_editable]
    assert [r.requirement for r in editable] == ["."], "the package itself, installed editable"
    assert (config.ROOT / "pyproject.toml").exists(), "'.' is the folder of environment.yml"


def test_pip_requirement_parser_rejects_what_conda_used_to_pass(tmp_path):
    from pip._internal.exceptions import RequirementsFileParseError
    from pip._internal.network.session import PipSession
    from pip._internal.req.req_file import parse_requirements

    requirements = tmp_path / "old.txt"
    requirements.write_text("--no-deps -e .\n", encoding="utf-8")
    with pytest.raises(RequirementsFileParseError):
        list(parse_requirements(str(requirements), session=PipSession()))


def test_notebooks_are_committed_without_outputs():
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"] and cell["execution_count"] is None, (
                    f"{path.name} was saved with outputs or execution counts. Fix: "
                    f"nbstripout --keep-id notebooks/{path.name} (or `jupyter nbconvert "
                    f"--clear-output --inplace notebooks/{path.name}`); run `pre-commit "
                    "install` once so it happens at every commit (.pre-commit-config.yaml)")


def test_every_stage_notebook_has_a_parameters_cell():
    notebooks = sorted(config.NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        tags = [cell.get("metadata", {}).get("tags", []) for cell in notebook["cells"]]
        assert sum("parameters" in t for t in tags) == 1, path.name


def test_no_source_file_is_named_in_the_code():
    found = [f"{path.relative_to(config.ROOT)}:{n}"
             for path in sorted((config.ROOT / "src").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"2022_2024|official_2022", line)]
    assert not found, f"name sources by the register's kind or the rows' source_id: {found}"
